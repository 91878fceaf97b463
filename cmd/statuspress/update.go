package main

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"statuspress/internal/content"
	"statuspress/internal/content/authoring"
	"statuspress/internal/incident"
)

// updateFlags are the flags of `update`.
type updateFlags struct {
	status, text, comps, dir, now *string
}

func updateFlagSet(stderr io.Writer) (*flag.FlagSet, updateFlags) {
	fs := flag.NewFlagSet("update", flag.ContinueOnError)
	fs.SetOutput(stderr)
	f := updateFlags{
		status: fs.String("status", "", "the update's `status` (required): investigating, identified, monitoring or resolved for an\nincident; scheduled, in_progress, verifying or completed for a maintenance"),
		text:   fs.String("text", "", "the update's Markdown `text`; - reads it from standard input (required)"),
		comps:  fs.String("components", "", "component statuses changing from this update on, as `id:status,...`"),
		dir:    contentFlag(fs, "dir"),
		now:    authorNowFlag(fs, "the update's `time` (RFC 3339; default: now, to the minute, or to the second when the timeline\nhas an update in this minute already)"),
	}
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: statuspress update SLUG --status STATUS --text TEXT [flags]")
		fmt.Fprintln(stderr)
		fmt.Fprintln(stderr, "Appends an update, at the current time, to the timeline of the incident or maintenance SLUG and")
		fmt.Fprintln(stderr, "prints the file's path. Only the new lines are added: comments, order and line endings stay as")
		fmt.Fprintln(stderr, "they are. A final status (resolved, completed) also sets `resolved:` to the update's time unless")
		fmt.Fprintln(stderr, "the file has one. The result is checked as `statuspress lint` would and written atomically.")
		fmt.Fprintln(stderr)
		fmt.Fprintln(stderr, "  statuspress update rest-api-errors --status monitoring --text 'A fix is out; error rates are falling.' \\")
		fmt.Fprintln(stderr, "      --components rest-api:degraded_performance")
		fmt.Fprintln(stderr)
		fs.PrintDefaults()
	}
	return fs, f
}

func updateCmd(args []string, std stdio) error {
	fs, f := updateFlagSet(std.err)
	pos, err := authorArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		fs.Usage()
		return errUsage
	}
	slug := pos[0]
	if *f.status == "" {
		return usagef("--status is required")
	}
	if *f.text == "" {
		return usagef("--text is required: what changed, for the public timeline")
	}
	body, err := authorText(*f.text, std.in)
	if err != nil {
		return err
	}
	cat, err := authorLoad(*f.dir)
	if err != nil {
		return err
	}
	fsys, err := content.OpenDir(*f.dir)
	if err != nil {
		return err
	}
	in, err := authoring.Find(fsys, cat, slug)
	if err != nil {
		return authorFailure(*f.dir, err)
	}
	if in.Kind == incident.KindNotice {
		return fmt.Errorf("%s is a notice; notices have no timeline to update", slug)
	}
	u := authoring.Update{Text: body}
	if u.Status, err = authoring.ParseStatus(*f.status, in.Kind); err != nil {
		return usagef("--status: %v", err)
	}
	if u.Components, err = authoring.ParseComponents(*f.comps, cat.Site, in.Kind); err != nil {
		return usagef("--components: %v", err)
	}
	loc := cat.Site.Location(in.Lang)
	if *f.now == "" {
		u.At = authoring.UpdateTime(in, time.Now()).In(loc)
	} else if u.At, err = authorClock(*f.now, loc); err != nil {
		return usagef("--now: %v", err)
	}
	plan, err := authoring.PlanUpdate(fsys, cat, in, u)
	if err != nil {
		return authorFailure(*f.dir, err)
	}
	if err := plan.Write(*f.dir); err != nil {
		return err
	}
	path := filepath.Join(*f.dir, filepath.FromSlash(plan.Path))
	reportUpdate(std.err, *f.dir, path, in, u, loc, plan)
	fmt.Fprintln(std.out, path)
	return nil
}

// reportUpdate says on stderr what update did to the file at path, and what its translations lack.
func reportUpdate(stderr io.Writer, dir, path string, in *incident.Incident, u authoring.Update, loc *time.Location, plan *authoring.Plan) {
	at := u.At.In(loc).Truncate(time.Second).Format(time.RFC3339)
	fmt.Fprintf(stderr, "statuspress update: added `%s` at %s to %s\n", u.Status, at, path)
	if plan.Resolved {
		fmt.Fprintf(stderr, "statuspress update: set `resolved: %s`, as `%s` ends the %s\n", at, u.Status, in.Kind)
	}
	langs := in.Languages()[1:]
	if len(langs) > 0 {
		fmt.Fprintf(stderr, "statuspress update: translations (%s) show this update in the original language until they\n"+
			"  add it with `at: %s`\n", strings.Join(langs, ", "), at)
	}
	// The translations' own warnings say the same as the line above.
	notes := slices.DeleteFunc(plan.Notes, func(p content.Problem) bool {
		return slices.ContainsFunc(langs, func(l string) bool { return in.Texts[l].Source == p.Path })
	})
	authorNotes(stderr, "update", dir, notes)
}
