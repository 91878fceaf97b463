package main

import (
	"cmp"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"statuspress/internal/content"
)

// lintClock is the time lint judges staleness at without --now. Tests fix it: the sample
// content's ongoing incident is fresh on the day it was written, stale ever after.
var lintClock = time.Now

func lint(args []string, std stdio) error {
	stdout, stderr := std.out, std.err
	fs := flag.NewFlagSet("lint", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "text", "output `format`: text, json (for tools) or github (workflow annotations)")
	maxSize := fs.Int64("max-file-size", content.DefaultMaxFileSize, "refuse files larger than this many `bytes`")
	contentDir := contentFlag(fs)
	nowFlag := fs.String("now", "", "the `time` at which to judge whether ongoing incidents are stale (RFC 3339; default: now)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: statuspress lint [--content DIR] [flags]")
		fmt.Fprintln(stderr)
		fmt.Fprintln(stderr, "Checks the content directory and lists every problem as path:line:col: severity: message,")
		fmt.Fprintln(stderr, "with paths from the current directory in every format. Exits 1 when there is an error,")
		fmt.Fprintln(stderr, "0 otherwise. An ongoing incident with nothing posted for longer than site.yaml's stale_after")
		fmt.Fprintln(stderr, "(default 72h) is a warning.")
		fmt.Fprintln(stderr, "`statuspress lint DIR` is the same as --content DIR.")
		fmt.Fprintln(stderr)
		fs.PrintDefaults()
	}
	pos, err := authorArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 1 {
		fs.Usage()
		return errUsage
	}
	dir := *contentDir
	if len(pos) == 1 {
		if authorFlagsSet(fs)["content"] && filepath.Clean(pos[0]) != filepath.Clean(dir) {
			return usagef("two content directories, --content %s and %s; give one", dir, pos[0])
		}
		dir = pos[0]
	}
	now, err := parseNow(*nowFlag)
	if err != nil {
		return usageError(err)
	}
	if now.IsZero() {
		now = lintClock()
	}
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return usagef("%s is not a directory", dir)
	}
	fsys, err := content.OpenDir(dir)
	if err != nil {
		return usageError(err)
	}
	cat := content.Load(fsys, content.Options{MaxFileSize: *maxSize})
	// Staleness depends on the time, so the loader, which a server runs, leaves it to lint.
	if stale := content.Stale(cat, now); len(stale) > 0 {
		cat.Problems = append(cat.Problems, stale...)
		slices.SortStableFunc(cat.Problems, func(a, b content.Problem) int {
			return cmp.Or(strings.Compare(a.Path, b.Path), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
		})
	}
	// Every format names a file by its path from the current directory, as the shell, an editor
	// and a pull request's annotations (from the repository's root) open it.
	ps := make(content.Problems, len(cat.Problems))
	for i, p := range cat.Problems {
		p.Path = lintPath(dir, p.Path)
		ps[i] = p
	}
	switch *format {
	case "text":
		for _, p := range ps {
			fmt.Fprintf(stdout, "%s\n", p)
		}
		fmt.Fprintln(stdout, summary(cat))
	case "json":
		out := struct {
			Files     int              `json:"files"`
			Incidents int              `json:"incidents"`
			Errors    int              `json:"errors"`
			Warnings  int              `json:"warnings"`
			Problems  content.Problems `json:"problems"`
		}{cat.Files, len(cat.Incidents), ps.Errors(), ps.Warnings(), ps}
		if out.Problems == nil {
			out.Problems = content.Problems{}
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			return &exitError{code: 2, err: err}
		}
	case "github":
		// Workflow commands: https://docs.github.com/actions/reference/workflow-commands-for-github-actions
		for _, p := range ps {
			fmt.Fprintf(stdout, "::%s file=%s,line=%d,col=%d::%s\n", p.Severity, ghProperty(content.Printable(filepath.ToSlash(p.Path))), max(p.Line, 1), max(p.Col, 1), ghData(content.Printable(p.Message)))
		}
		fmt.Fprintln(stdout, summary(cat))
	default:
		return usagef("unknown format %q; use text, json or github", *format)
	}
	if ps.Errors() > 0 {
		return errReported // listed above
	}
	return nil
}

// lintPath is the path of the file rel of the content directory dir from the current directory,
// cleaned ("./incidents/" + "2026/x.md" is incidents/2026/x.md). A dir given as an absolute path
// inside the current directory gives a relative path too; one outside it stays absolute.
func lintPath(dir, rel string) string {
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if filepath.IsAbs(p) {
		if wd, err := os.Getwd(); err == nil {
			if r, err := filepath.Rel(wd, p); err == nil && filepath.IsLocal(r) {
				return r
			}
		}
	}
	return p
}

func summary(cat *content.Catalog) string {
	return fmt.Sprintf("%s, %s loaded: %s, %s", plural(cat.Files, "file"), plural(len(cat.Incidents), "incident"),
		plural(cat.Problems.Errors(), "error"), plural(cat.Problems.Warnings(), "warning"))
}

// plural is n and word, with an s unless n is 1: every word counted in the command's messages
// takes an s.
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// ghData escapes an annotation message as GitHub's workflow commands require.
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func ghProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
