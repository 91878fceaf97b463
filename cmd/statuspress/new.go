package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"statuspress/internal/content"
	"statuspress/internal/content/authoring"
	"statuspress/internal/incident"
)

// newFlags are the flags of `new`.
type newFlags struct {
	title, comps, impact, lang, status, text, started, start, end, summary, dir, slug, outFolder, now *string
	printSlug                                                                                         *bool
}

func newFlagSet(stderr io.Writer) (*flag.FlagSet, newFlags) {
	fs := flag.NewFlagSet("new", flag.ContinueOnError)
	fs.SetOutput(stderr)
	f := newFlags{
		title:     fs.String("title", "", "the `title` (required)"),
		comps:     fs.String("components", "", "the affected components as `id:status,...`; an incident needs a status for each\n(e.g. rest-api:partial_outage), a bare id is under_maintenance in a maintenance and\noperational in a notice"),
		impact:    fs.String("impact", "", "an incident's `impact`: none, minor, major or critical (default: derived from the components)"),
		lang:      fs.String("lang", "", "the `language` the file is written in (default: the site's default language)"),
		status:    fs.String("status", "", "the first update's `status` (default investigating, or scheduled for a maintenance);\na final status (resolved, completed) also sets resolved"),
		text:      fs.String("text", "", "the first update's Markdown `text`, or a notice's body; - reads it from standard input (required)"),
		started:   fs.String("started", "", "incident: when impact began; notice: when it takes effect (RFC 3339 `time`, default now)"),
		start:     fs.String("start", "", "maintenance: the announced window's start (RFC 3339 `time`, required)"),
		end:       fs.String("end", "", "maintenance: the announced window's end (RFC 3339 `time`, required)"),
		summary:   fs.String("summary", "", "a one- or two-sentence `summary` for lists and feeds"),
		dir:       contentFlag(fs, "dir"),
		slug:      fs.String("slug", "", "the `slug`, the file name and URL (default: made from the title, with -2, -3 ... if taken)"),
		outFolder: fs.String("out-folder", "", "the `folder` to write to, inside the content directory (default DIR/YEAR)"),
		now:       authorNowFlag(fs, "the current `time` (RFC 3339; default: now, to the minute)"),
		printSlug: fs.Bool("print-slug", false, "print only the slug, for scripts: slug=$(statuspress new ... --print-slug)"),
	}
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: statuspress new incident|maintenance|notice --title TITLE [flags]")
		fmt.Fprintln(stderr)
		fmt.Fprintln(stderr, "Writes a new incident, maintenance or notice file into the content directory and prints its")
		fmt.Fprintln(stderr, "path, then on the last line its slug, which `statuspress update` takes. The file is checked as")
		fmt.Fprintln(stderr, "`statuspress lint` would before it is written; an existing file is never overwritten. Times are")
		fmt.Fprintln(stderr, "written in the time zone site.yaml gives the file's language.")
		fmt.Fprintln(stderr)
		fmt.Fprintln(stderr, "  statuspress new incident --title 'Errors on the REST API' --components rest-api:partial_outage \\")
		fmt.Fprintln(stderr, "      --impact minor --text 'About one in five requests fails. We are investigating.'")
		fmt.Fprintln(stderr, "  statuspress new maintenance --title 'Database upgrade' --components web-app,rest-api \\")
		fmt.Fprintln(stderr, "      --start 2026-12-05T22:00:00+01:00 --end 2026-12-06T01:00:00+01:00 --text 'We will upgrade ...'")
		fmt.Fprintln(stderr)
		fs.PrintDefaults()
	}
	return fs, f
}

func newCmd(args []string, std stdio) error {
	fs, f := newFlagSet(std.err)
	pos, err := authorArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		fs.Usage()
		return errUsage
	}
	kind, err := authoring.ParseKind(pos[0])
	if err != nil {
		return usageError(err)
	}
	if strings.TrimSpace(*f.title) == "" {
		return usagef("--title is required")
	}
	if *f.text == "" {
		return usagef("--text is required: %s", map[bool]string{true: "the notice's body", false: "the first update of the timeline"}[kind == incident.KindNotice])
	}
	body, err := authorText(*f.text, std.in)
	if err != nil {
		return err
	}
	if err := f.fit(fs, kind); err != nil {
		return err
	}
	cat, err := authorLoad(*f.dir)
	if err != nil {
		return err
	}
	d, err := f.draft(kind, cat.Site, body)
	if err != nil {
		return err
	}
	fsys, err := content.OpenDir(*f.dir)
	if err != nil {
		return err
	}
	rel, err := f.path(fsys, cat, d, std.err)
	if err != nil {
		return err
	}
	plan, err := authoring.PlanNew(fsys, cat, d, rel)
	if err != nil {
		return authorFailure(*f.dir, err)
	}
	if err := plan.Write(*f.dir); err != nil {
		return err
	}
	authorNotes(std.err, "new", *f.dir, plan.Notes)
	slug := plan.Incident.Slug
	if *f.printSlug {
		fmt.Fprintln(std.out, slug)
		return nil
	}
	fmt.Fprintln(std.out, filepath.Join(*f.dir, filepath.FromSlash(rel)))
	fmt.Fprintln(std.out, "slug: "+slug)
	return nil
}

// fit refuses the flags given that are not for a kind.
func (f newFlags) fit(fs *flag.FlagSet, kind incident.Kind) error {
	set := authorFlagsSet(fs)
	for _, fl := range []struct {
		name string
		ok   bool
	}{
		{"impact", kind == incident.KindIncident},
		{"status", kind != incident.KindNotice},
		{"started", kind != incident.KindMaintenance},
		{"start", kind == incident.KindMaintenance},
		{"end", kind == incident.KindMaintenance},
	} {
		if set[fl.name] && !fl.ok {
			return usagef("--%s is not for a %s", fl.name, kind)
		}
	}
	return nil
}

// draft is the new file as the flags describe it, in the language and time zone of site.
func (f newFlags) draft(kind incident.Kind, site *incident.Site, body string) (authoring.Draft, error) {
	d := authoring.Draft{Kind: kind, Title: strings.TrimSpace(*f.title), Lang: site.DefaultLanguage, Text: body, Summary: *f.summary}
	if *f.lang != "" {
		if !site.Enabled(*f.lang) {
			return d, usagef("language `%s` is not one of the site's: %s", *f.lang, strings.Join(site.Languages, ", "))
		}
		d.Lang = *f.lang
	}
	d.Loc = site.Location(d.Lang)
	var err error
	if d.At, err = authorClock(*f.now, d.Loc); err != nil {
		return d, usagef("--now: %v", err)
	}
	if d.Components, err = authoring.ParseComponents(*f.comps, site, kind); err != nil {
		return d, usagef("--components: %v", err)
	}
	if len(d.Components) == 0 && kind != incident.KindNotice {
		return d, usagef("--components is required: which components does the %s affect? e.g. --components %s", kind,
			map[bool]string{true: "web-app,rest-api", false: "rest-api:partial_outage"}[kind == incident.KindMaintenance])
	}
	if *f.impact != "" {
		if d.Impact, err = authoring.ParseImpact(*f.impact); err != nil {
			return d, usagef("--impact: %v", err)
		}
	}
	if kind != incident.KindNotice {
		d.Status = incident.UpdateStatuses(kind)[0]
		if *f.status != "" {
			if d.Status, err = authoring.ParseStatus(*f.status, kind); err != nil {
				return d, usagef("--status: %v", err)
			}
		}
	}
	switch kind {
	case incident.KindMaintenance:
		if *f.start == "" || *f.end == "" {
			return d, usagef("a maintenance needs its announced window: --start and --end, e.g. --start %s --end %s",
				time.Date(2026, 12, 5, 22, 0, 0, 0, d.Loc).Format(time.RFC3339), time.Date(2026, 12, 6, 1, 0, 0, 0, d.Loc).Format(time.RFC3339))
		}
		if d.Scheduled.Start, err = authoring.ParseTime(*f.start, d.Loc); err != nil {
			return d, usagef("--start: %v", err)
		}
		if d.Scheduled.End, err = authoring.ParseTime(*f.end, d.Loc); err != nil {
			return d, usagef("--end: %v", err)
		}
	default:
		d.Started = d.At
		if *f.started != "" {
			if d.Started, err = authoring.ParseTime(*f.started, d.Loc); err != nil {
				return d, usagef("--started: %v", err)
			}
		}
	}
	if err := d.Check(); err != nil {
		return d, usageError(err)
	}
	return d, nil
}

// path is where the new file goes, relative to the content directory: --out-folder or the year's
// folder, and --slug or one made from the title that no other file has.
func (f newFlags) path(fsys fs.FS, cat *content.Catalog, d authoring.Draft, stderr io.Writer) (string, error) {
	dir := *f.dir
	slugs, err := authoring.Slugs(fsys, cat)
	if err != nil {
		return "", err
	}
	name := *f.slug
	if name != "" {
		if !authoring.ValidSlug(name) {
			return "", usagef("--slug `%s` is not a slug: lower-case letters, digits and single hyphens, e.g. `%s`", name, authoring.Slug(name, d.Lang))
		}
		if p, taken := slugs[name]; taken {
			return "", fmt.Errorf("slug `%s` is taken by %s; slugs are unique site-wide, choose another", name, filepath.Join(dir, p))
		}
	} else {
		base := authoring.Slug(d.Title, d.Lang)
		if base == "" {
			base = fmt.Sprintf("%s-%s", d.Kind, draftStart(d).Format("2006-01-02"))
		}
		name = authoring.Unique(base, func(s string) bool { _, ok := slugs[s]; return ok })
		if name != base {
			fmt.Fprintf(stderr, "statuspress new: slug `%s` is taken by %s; using `%s`\n", base, filepath.Join(dir, slugs[base]), name)
		}
	}
	folder := *f.outFolder
	if folder == "" {
		folder = filepath.Join(dir, draftStart(d).Format("2006"))
	}
	relFolder, err := filepath.Rel(dir, folder)
	if err != nil || !filepath.IsLocal(relFolder) && relFolder != "." {
		return "", usagef("--out-folder %s is not inside the content directory %s", folder, dir)
	}
	return path.Join(filepath.ToSlash(relFolder), name+".md"), nil
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
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, errUsage // the flag package said what is wrong
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

// authorText returns a --text value, reading stdin for "-".
func authorText(s string, stdin io.Reader) (string, error) {
	if s != "-" {
		return s, nil
	}
	b, err := io.ReadAll(stdin)
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
func authorLoad(dir string) (*content.Catalog, error) {
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return nil, usagef("%s is not a directory; give the content directory with --content", dir)
	}
	fsys, err := content.OpenDir(dir)
	if err != nil {
		return nil, usageError(err)
	}
	cat := content.Load(fsys, content.Options{})
	if ps := cat.Problems.In(content.SiteFile); ps.Errors() > 0 {
		return nil, authorProblems("fix site.yaml first:", dir, ps)
	}
	return cat, nil
}

// authorNotes lists warnings a change brings to other files, such as translations lacking an update.
func authorNotes(w io.Writer, cmd, dir string, notes content.Problems) {
	for _, p := range notes {
		fmt.Fprintf(w, "statuspress %s: note: %s\n", cmd, authorProblem(dir, p))
	}
}

// authorProblem formats a problem as lint does, with its path from the current directory.
func authorProblem(dir string, p content.Problem) string {
	p.Path = lintPath(dir, p.Path)
	return p.String()
}

// authorFailure is the error of an authoring command; problems found by loading the result are
// listed one a line, as lint lists them.
func authorFailure(dir string, err error) error {
	var pe *authoring.ProblemsError
	if !errors.As(err, &pe) {
		return err
	}
	return authorProblems(pe.What+"; nothing was written:", dir, pe.Problems)
}

// authorProblems is an error that says what, then lists the problems one a line.
func authorProblems(what, dir string, ps content.Problems) error {
	var b strings.Builder
	b.WriteString(what)
	for _, p := range ps {
		b.WriteString("\n" + authorProblem(dir, p))
	}
	return errors.New(b.String())
}
