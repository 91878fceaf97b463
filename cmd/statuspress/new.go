package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"statuspress/internal/content"
	"statuspress/internal/content/authoring"
	"statuspress/internal/incident"
)

// authorStdin is where `--text -` reads from; tests replace it.
var authorStdin io.Reader = os.Stdin

func newCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("new", flag.ContinueOnError)
	fs.SetOutput(stderr)
	title := fs.String("title", "", "the `title` (required)")
	comps := fs.String("components", "", "the affected components as `id:status,...`; an incident needs a status for each\n(e.g. rest-api:partial_outage), a bare id is under_maintenance in a maintenance and\noperational in a notice")
	impact := fs.String("impact", "", "an incident's `impact`: none, minor, major or critical (default: derived from the components)")
	lang := fs.String("lang", "", "the `language` the file is written in (default: the site's default language)")
	status := fs.String("status", "", "the first update's `status` (default investigating, or scheduled for a maintenance);\na final status (resolved, completed) also sets resolved")
	text := fs.String("text", "", "the first update's Markdown `text`, or a notice's body; - reads it from standard input (required)")
	started := fs.String("started", "", "incident: when impact began; notice: when it takes effect (RFC 3339 `time`, default now)")
	start := fs.String("start", "", "maintenance: the announced window's start (RFC 3339 `time`, required)")
	end := fs.String("end", "", "maintenance: the announced window's end (RFC 3339 `time`, required)")
	summary := fs.String("summary", "", "a one- or two-sentence `summary` for lists and feeds")
	dir := fs.String("dir", "incidents", "the content `directory`")
	slug := fs.String("slug", "", "the `slug`, the file name and URL (default: made from the title, with -2, -3 ... if taken)")
	outFolder := fs.String("out-folder", "", "the `folder` to write to, inside the content directory (default DIR/YEAR)")
	now := fs.String("now", "", "the current `time` (RFC 3339; default: now, to the minute)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: statuspress new incident|maintenance|notice --title TITLE [flags]")
		fmt.Fprintln(stderr)
		fmt.Fprintln(stderr, "Writes a new incident, maintenance or notice file into the content directory and prints its")
		fmt.Fprintln(stderr, "path. The file is checked as `statuspress lint` would before it is written; an existing file is")
		fmt.Fprintln(stderr, "never overwritten. Times are written in the time zone site.yaml gives the file's language.")
		fmt.Fprintln(stderr)
		fmt.Fprintln(stderr, "  statuspress new incident --title 'Errors on the REST API' --components rest-api:partial_outage \\")
		fmt.Fprintln(stderr, "      --impact minor --text 'About one in five requests fails. We are investigating.'")
		fmt.Fprintln(stderr, "  statuspress new maintenance --title 'Database upgrade' --components web-app,rest-api \\")
		fmt.Fprintln(stderr, "      --start 2026-12-05T22:00:00+01:00 --end 2026-12-06T01:00:00+01:00 --text 'We will upgrade ...'")
		fmt.Fprintln(stderr)
		fs.PrintDefaults()
	}
	pos, err := authorArgs(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	fail := func(code int, format string, args ...any) int {
		fmt.Fprintf(stderr, "statuspress new: "+format+"\n", args...)
		return code
	}
	if len(pos) != 1 {
		fs.Usage()
		return 2
	}
	kind, err := authoring.ParseKind(pos[0])
	if err != nil {
		return fail(2, "%v", err)
	}
	if strings.TrimSpace(*title) == "" {
		return fail(2, "--title is required")
	}
	if *text == "" {
		return fail(2, "--text is required: %s", map[bool]string{true: "the notice's body", false: "the first update of the timeline"}[kind == incident.KindNotice])
	}
	body, err := authorText(*text)
	if err != nil {
		return fail(1, "%v", err)
	}
	set := authorFlagsSet(fs)
	for _, f := range []struct {
		name string
		ok   bool
	}{
		{"impact", kind == incident.KindIncident},
		{"status", kind != incident.KindNotice},
		{"started", kind != incident.KindMaintenance},
		{"start", kind == incident.KindMaintenance},
		{"end", kind == incident.KindMaintenance},
	} {
		if set[f.name] && !f.ok {
			return fail(2, "--%s is not for a %s", f.name, kind)
		}
	}

	cat, code := authorLoad(*dir, "new", stderr)
	if cat == nil {
		return code
	}
	site := cat.Site
	d := authoring.Draft{Kind: kind, Title: strings.TrimSpace(*title), Lang: site.DefaultLanguage, Text: body, Summary: *summary}
	if *lang != "" {
		if !site.Enabled(*lang) {
			return fail(2, "language `%s` is not one of the site's: %s", *lang, strings.Join(site.Languages, ", "))
		}
		d.Lang = *lang
	}
	d.Loc = site.Location(d.Lang)
	d.At, err = authorClock(*now, d.Loc)
	if err != nil {
		return fail(2, "--now: %v", err)
	}
	if d.Components, err = authoring.ParseComponents(*comps, site, kind); err != nil {
		return fail(2, "--components: %v", err)
	}
	if len(d.Components) == 0 && kind != incident.KindNotice {
		return fail(2, "--components is required: which components does the %s affect? e.g. --components %s", kind,
			map[bool]string{true: "web-app,rest-api", false: "rest-api:partial_outage"}[kind == incident.KindMaintenance])
	}
	if *impact != "" {
		if d.Impact, err = authoring.ParseImpact(*impact); err != nil {
			return fail(2, "--impact: %v", err)
		}
	}
	if kind != incident.KindNotice {
		d.Status = incident.UpdateStatuses(kind)[0]
		if *status != "" {
			if d.Status, err = authoring.ParseStatus(*status, kind); err != nil {
				return fail(2, "--status: %v", err)
			}
		}
	}
	switch kind {
	case incident.KindMaintenance:
		if *start == "" || *end == "" {
			return fail(2, "a maintenance needs its announced window: --start and --end, e.g. --start %s --end %s",
				time.Date(2026, 12, 5, 22, 0, 0, 0, d.Loc).Format(time.RFC3339), time.Date(2026, 12, 6, 1, 0, 0, 0, d.Loc).Format(time.RFC3339))
		}
		if d.Scheduled.Start, err = authoring.ParseTime(*start, d.Loc); err != nil {
			return fail(2, "--start: %v", err)
		}
		if d.Scheduled.End, err = authoring.ParseTime(*end, d.Loc); err != nil {
			return fail(2, "--end: %v", err)
		}
	default:
		d.Started = d.At
		if *started != "" {
			if d.Started, err = authoring.ParseTime(*started, d.Loc); err != nil {
				return fail(2, "--started: %v", err)
			}
		}
	}
	if err := d.Check(); err != nil {
		return fail(2, "%v", err)
	}

	fsys, err := content.OpenDir(*dir)
	if err != nil {
		return fail(1, "%v", err)
	}
	slugs, err := authoring.Slugs(fsys, cat)
	if err != nil {
		return fail(1, "%v", err)
	}
	name := *slug
	if name != "" {
		if !authoring.ValidSlug(name) {
			return fail(2, "--slug `%s` is not a slug: lower-case letters, digits and single hyphens, e.g. `%s`", name, authoring.Slug(name, d.Lang))
		}
		if p, taken := slugs[name]; taken {
			return fail(1, "slug `%s` is taken by %s; slugs are unique site-wide, choose another", name, filepath.Join(*dir, p))
		}
	} else {
		base := authoring.Slug(d.Title, d.Lang)
		if base == "" {
			base = fmt.Sprintf("%s-%s", kind, draftStart(d).Format("2006-01-02"))
		}
		name = authoring.Unique(base, func(s string) bool { _, ok := slugs[s]; return ok })
		if name != base {
			fmt.Fprintf(stderr, "statuspress new: slug `%s` is taken by %s; using `%s`\n", base, filepath.Join(*dir, slugs[base]), name)
		}
	}
	folder := *outFolder
	if folder == "" {
		folder = filepath.Join(*dir, draftStart(d).Format("2006"))
	}
	relFolder, err := filepath.Rel(*dir, folder)
	if err != nil || !filepath.IsLocal(relFolder) && relFolder != "." {
		return fail(2, "--out-folder %s is not inside the content directory %s", folder, *dir)
	}
	rel := path.Join(filepath.ToSlash(relFolder), name+".md")

	plan, err := authoring.PlanNew(fsys, cat, d, rel)
	if err != nil {
		authorFailure(stderr, "new", *dir, err)
		return 1
	}
	if err := plan.Write(*dir); err != nil {
		return fail(1, "%v", err)
	}
	authorNotes(stderr, "new", *dir, plan.Notes)
	fmt.Fprintln(stdout, filepath.Join(*dir, filepath.FromSlash(rel)))
	return 0
}

// draftStart is when the draft's event begins; its year names the default folder.
func draftStart(d authoring.Draft) time.Time {
	if d.Kind == incident.KindMaintenance {
		return d.Scheduled.Start.In(d.Loc)
	}
	return d.Started.In(d.Loc)
}

// authorArgs parses flags that may come before and after the positional arguments
// (`update SLUG --status ...`), and returns the positional ones.
func authorArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

func authorFlagsSet(fs *flag.FlagSet) map[string]bool {
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	return set
}

// authorText returns a --text value, reading standard input for "-".
func authorText(s string) (string, error) {
	if s != "-" {
		return s, nil
	}
	b, err := io.ReadAll(authorStdin)
	if err != nil {
		return "", fmt.Errorf("reading the text from standard input: %v", err)
	}
	return string(b), nil
}

// authorClock is the --now time, or the real authorClock to the minute, in loc.
func authorClock(now string, loc *time.Location) (time.Time, error) {
	if now == "" {
		return time.Now().Truncate(time.Minute).In(loc), nil
	}
	t, err := authoring.ParseTime(now, loc)
	return t.Truncate(time.Second).In(loc), err
}

// authorLoad loads the content directory for an authoring command, refusing one whose site.yaml has
// errors: components, languages and time zones come from it.
func authorLoad(dir, cmd string, stderr io.Writer) (*content.Catalog, int) {
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		fmt.Fprintf(stderr, "statuspress %s: %s is not a directory; give the content directory with --dir\n", cmd, dir)
		return nil, 2
	}
	fsys, err := content.OpenDir(dir)
	if err != nil {
		fmt.Fprintf(stderr, "statuspress %s: %v\n", cmd, err)
		return nil, 2
	}
	cat := content.Load(fsys, content.Options{})
	if ps := cat.Problems.In(content.SiteFile); ps.Errors() > 0 {
		fmt.Fprintf(stderr, "statuspress %s: fix site.yaml first:\n", cmd)
		for _, p := range ps {
			fmt.Fprintln(stderr, authorProblem(dir, p))
		}
		return nil, 1
	}
	return cat, 0
}

// authorNotes lists warnings a change brings to other files, such as translations lacking an update.
func authorNotes(w io.Writer, cmd, dir string, notes content.Problems) {
	for _, p := range notes {
		fmt.Fprintf(w, "statuspress %s: note: %s\n", cmd, authorProblem(dir, p))
	}
}

// authorProblem formats a problem as lint does, with its path from the current directory.
func authorProblem(dir string, p content.Problem) string {
	return fmt.Sprintf("%s:%d:%d: %s: %s", filepath.Join(dir, filepath.FromSlash(p.Path)), max(p.Line, 1), max(p.Col, 1), p.Severity, p.Message)
}

// authorFailure reports an error of an authoring command; problems found by loading the result are
// listed one a line, as lint lists them.
func authorFailure(w io.Writer, cmd, dir string, err error) {
	var pe *authoring.ProblemsError
	if !errors.As(err, &pe) {
		fmt.Fprintf(w, "statuspress %s: %v\n", cmd, err)
		return
	}
	fmt.Fprintf(w, "statuspress %s: %s; nothing was written:\n", cmd, pe.What)
	for _, p := range pe.Problems {
		fmt.Fprintln(w, authorProblem(dir, p))
	}
}
