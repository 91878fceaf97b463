package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"time"

	"statuspress/internal/importer"
	"statuspress/internal/importer/fetch"
)

// importAPI is the Statuspage management API's address; tests point it at a local server.
var importAPI = "https://api.statuspage.io/v1"

// importBackoff is the first wait before a request is tried again; tests shorten it.
var importBackoff = time.Second

func importCmd(args []string, std stdio) error {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	fs.SetOutput(std.err)
	dir := contentFlag(fs, "dir")
	lang := fs.String("lang", "en", "the `language` the imported texts are written in")
	dryRun := fs.Bool("dry-run", false, "print what would be written, and write nothing")
	pageID := fs.String("page-id", "", "Statuspage: read the whole history from the management API for this page `id`,\nwith the API key in STATUSPAGE_API_KEY")
	apiURL := fs.String("api-url", importAPI, "Statuspage: the management API's `address`")
	timeout := fs.Duration("timeout", 30*time.Second, "how long to wait for each answer of a network source")
	fs.Usage = func() {
		fmt.Fprintln(std.err, "Usage: statuspress import statuspage URL|DIR [flags]")
		fmt.Fprintln(std.err, "       statuspress import statuspage --page-id ID [flags]   (key in STATUSPAGE_API_KEY)")
		fmt.Fprintln(std.err, "       statuspress import cstate DIR [flags]")
		fmt.Fprintln(std.err)
		fmt.Fprintln(std.err, "Imports a status page's history into the content directory (--dir, default incidents):")
		fmt.Fprintln(std.err, "components into site.yaml, incidents and maintenances as Markdown files that pass lint.")
		fmt.Fprintln(std.err, "Run it again to add what is new: a file edited since it was imported is left alone.")
		fmt.Fprintln(std.err, "Nothing is written unless the whole result passes lint.")
		fmt.Fprintln(std.err)
		fs.PrintDefaults()
	}
	pos, err := authorArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		fs.Usage()
		return errUsage
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	client := fetch.New("statuspress/"+versionString()+" (import)", *timeout)
	client.Now = time.Now
	client.Backoff = importBackoff
	client.Log = func(format string, args ...any) {
		fmt.Fprintf(std.err, "statuspress import: "+format+"\n", args...)
	}
	var page *importer.Page
	switch pos[0] {
	case "statuspage":
		page, err = importStatuspage(ctx, client, pos[1:], *pageID, *apiURL)
	case "cstate":
		if *pageID != "" {
			return usagef("--page-id is for statuspage")
		}
		if len(pos) != 2 {
			return usagef("give the cState site's directory: statuspress import cstate DIR")
		}
		fsys, ferr := sourceDir(pos[1])
		if ferr != nil {
			return ferr
		}
		page, err = importer.FromCState(fsys, pos[1])
	default:
		return usagef("unknown source %q; import from statuspage or cstate", pos[0])
	}
	if err != nil {
		var usage *exitError
		if errors.As(err, &usage) {
			return err
		}
		return fmt.Errorf("nothing was imported:\n%w", err)
	}
	plan, err := importer.Prepare(page, *dir, *lang)
	if err != nil {
		return fmt.Errorf("nothing was written: %w", err)
	}
	printPlan(std.out, plan, *dryRun)
	if *dryRun {
		return nil
	}
	return plan.Write()
}

func importStatuspage(ctx context.Context, client *fetch.Client, args []string, pageID, apiURL string) (*importer.Page, error) {
	var docs []importer.StatuspageDoc
	var err error
	public := false
	switch {
	case pageID != "":
		if len(args) != 0 {
			return nil, usagef("give either --page-id or a page's address or directory, not both")
		}
		key := strings.TrimSpace(os.Getenv("STATUSPAGE_API_KEY"))
		if key == "" {
			return nil, usagef("--page-id reads the management API, which needs an API key: set STATUSPAGE_API_KEY (Statuspage: your profile, API info)")
		}
		client.Authorization = "OAuth " + key
		docs, err = importer.FetchStatuspageManage(ctx, client, apiURL, pageID)
	case len(args) != 1:
		return nil, usagef("give the page's address (https://status.example.com), a directory of its saved JSON, or --page-id")
	case strings.HasPrefix(args[0], "http://") || strings.HasPrefix(args[0], "https://"):
		base, berr := importer.StatuspageBase(args[0])
		if berr != nil {
			return nil, usageError(berr)
		}
		public = true
		docs, err = importer.FetchStatuspagePublic(ctx, client, base)
	default:
		if info, serr := os.Stat(args[0]); serr != nil || !info.IsDir() {
			return nil, usagef("%s is neither a page's address (https://...) nor a directory", args[0])
		}
		fsys, ferr := sourceDir(args[0])
		if ferr != nil {
			return nil, ferr
		}
		docs, err = importer.ReadStatuspageDir(fsys, args[0])
	}
	if err != nil {
		return nil, err
	}
	page, err := importer.FromStatuspage(docs)
	if err != nil {
		return nil, err
	}
	if public {
		page.Notes = append(page.Notes, importer.Note{Message: fmt.Sprintf(
			"the public API lists only the newest %d incidents and the current maintenances; for the whole history and the postmortems use --page-id with STATUSPAGE_API_KEY", importer.PublicLimit)})
	}
	return page, nil
}

// printPlan is the summary: each file and what happens to it, the files left alone, every
// adjustment and lint's warnings.
func printPlan(out io.Writer, plan *importer.Plan, dryRun bool) {
	// What the source wrote reaches the terminal: no escape sequences from it.
	w := printableWriter{out}
	verb := map[importer.Action]string{importer.Create: "new", importer.Replace: "updated"}
	if dryRun {
		verb = map[importer.Action]string{importer.Create: "would write (new)", importer.Replace: "would update"}
	}
	counts := map[importer.Action]int{}
	for _, f := range plan.Files {
		counts[f.Action]++
		p := filepath.Join(plan.Dir, filepath.FromSlash(f.Path))
		switch f.Action {
		case importer.Create, importer.Replace:
			fmt.Fprintf(w, "%s: %s\n", verb[f.Action], p)
			if dryRun {
				for l := range strings.SplitSeq(strings.TrimSuffix(string(f.Data), "\n"), "\n") {
					fmt.Fprintf(w, "    | %s\n", l)
				}
			}
		case importer.Skip:
			fmt.Fprintf(w, "skipped: %s (edited since it was imported from %s; left as it is)\n", p, f.Source)
		}
	}
	for _, n := range plan.Notes {
		fmt.Fprintf(w, "adjusted: %s\n", n)
	}
	for _, pr := range plan.Warnings {
		pr.Path = filepath.Join(plan.Dir, filepath.FromSlash(pr.Path))
		fmt.Fprintf(w, "lint: %s\n", pr)
	}
	fmt.Fprintf(w, "%d new, %d updated, %d unchanged, %d skipped", counts[importer.Create], counts[importer.Replace], counts[importer.Unchanged], counts[importer.Skip])
	if dryRun {
		fmt.Fprint(w, "; nothing written (--dry-run)")
	}
	fmt.Fprintln(w)
}

// printableWriter drops control characters other than line breaks and tabs, so a title or a
// file name from a source cannot send escape sequences to the terminal.
type printableWriter struct{ w io.Writer }

func (p printableWriter) Write(b []byte) (int, error) {
	s := strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' || r >= 0x20 && r != 0x7f && (r < 0x80 || r > 0x9f) {
			return r
		}
		return -1
	}, string(b))
	if _, err := io.WriteString(p.w, s); err != nil {
		return 0, err
	}
	return len(b), nil
}

// sourceDir opens a source directory so that nothing outside it is read: a symbolic link in it
// that leads out (to a key file, say) is refused, whatever an export or a cloned site holds.
func sourceDir(dir string) (fs.FS, error) {
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return nil, usagef("%s is not a directory", dir)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return root.FS(), nil
}
