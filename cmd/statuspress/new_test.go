package main

import (
	"bytes"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"statuspress/internal/testsupport"
)

// authoringDir is a temporary copy of the sample content for authoring commands to write into.
func authoringDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../../incidents")); err != nil {
		t.Fatal(err)
	}
	return dir
}

// files lists every file under dir, hidden ones included.
func files(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			out = append(out, strings.TrimPrefix(p, dir+string(filepath.Separator)))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// lintClean runs lint on dir and fails unless it reports no errors, and no warnings about path.
func lintClean(t *testing.T, dir, path string) {
	t.Helper()
	var out, errOut bytes.Buffer
	if code := run([]string{"lint", dir}, nil, &out, &errOut); code != 0 {
		t.Fatalf("lint exited %d:\n%s%s", code, out.String(), errOut.String())
	}
	if strings.Contains(out.String(), path+":") {
		t.Errorf("lint reports problems with %s:\n%s", path, out.String())
	}
}

func TestNewGolden(t *testing.T) {
	tests := []struct {
		name string
		args []string
		path string
	}{
		{
			name: "incident",
			args: []string{"new", "incident", "--title", `Errors: the REST API's "v2" endpoints`,
				"--components", "rest-api:partial_outage, webhooks:degraded_performance", "--impact", "minor",
				"--started", "2026-11-24T09:40:00Z", "--summary", "Part of the REST API calls fail; webhooks are late.",
				"--text", "About one in five calls fails with `502 Bad Gateway`.\n\nWe are investigating.", "--now", "2026-11-24T10:02:00Z"},
			path: "2026/errors-the-rest-apis-v2-endpoints.md",
		},
		{
			name: "maintenance",
			args: []string{"new", "maintenance", "--lang", "nl", "--title", "Onderhoud aan de SOAP-API", "--components", "soap-api,web-app:degraded_performance",
				"--start", "2027-01-09T22:00:00+01:00", "--end", "2027-01-09T23:30:00Z",
				"--text", "Op **zaterdag 9 januari** voeren we onderhoud uit aan de SOAP-API.", "--now", "2026-11-24T10:00:00Z"},
			path: "2027/onderhoud-aan-de-soap-api.md",
		},
		{
			name: "notice",
			args: []string{"new", "notice", "--lang", "de", "--title", "Neue Größenbeschränkung für Anhänge", "--components", "mail-delivery",
				"--started", "2026-12-01T00:00:00+01:00", "--summary", "Ab dem 1. Dezember dürfen Anhänge höchstens 20 MB groß sein.",
				"--text", "## Was ändert sich?\n\nAnhänge dürfen höchstens 20 MB groß sein.", "--now", "2026-11-24T10:00:00Z"},
			path: "2026/neue-groessenbeschraenkung-fuer-anhaenge.md",
		},
		{
			name: "resolved-incident",
			args: []string{"new", "incident", "--title", "#1 priority: login failures", "--components", "web-app:major_outage",
				"--started", "2026-11-20T08:00:00Z", "--status", "resolved", "--text", "Sign-in failed for 20 minutes; it works again.",
				"--now", "2026-11-20T08:20:00Z"},
			path: "2026/1-priority-login-failures.md",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := authoringDir(t)
			var out, errOut bytes.Buffer
			if code := run(append(tt.args, "--dir", dir), nil, &out, &errOut); code != 0 {
				t.Fatalf("exit %d:\n%s", code, errOut.String())
			}
			want := filepath.Join(dir, filepath.FromSlash(tt.path))
			slug := strings.TrimSuffix(path.Base(tt.path), ".md")
			if got, want := out.String(), want+"\nslug: "+slug+"\n"; got != want {
				t.Errorf("printed %q, want %q", got, want)
			}
			got, err := os.ReadFile(want)
			if err != nil {
				t.Fatal(err)
			}
			testsupport.Golden(t, filepath.Join("testdata", "new", tt.name+".md.golden"), got)
			lintClean(t, dir, tt.path)
		})
	}
}

func TestNewSlugs(t *testing.T) {
	dir := authoringDir(t)
	args := func(title string, extra ...string) []string {
		return append([]string{"new", "incident", "--dir", dir, "--title", title, "--components", "rest-api:partial_outage",
			"--text", "x", "--now", "2026-11-24T10:00:00Z"}, extra...)
	}
	tests := []struct {
		name       string
		args       []string
		want       string
		wantStderr string
	}{
		{"taken slug gets a number", args("REST API errors"), "2026/rest-api-errors-2.md", "slug `rest-api-errors` is taken by"},
		{"and the next one", args("REST API errors"), "2026/rest-api-errors-3.md", ""},
		{"no usable letters", args("🔥🔥"), "2026/incident-2026-11-24.md", ""},
		{"own slug and folder", args("Anything", "--slug", "my-slug", "--out-folder", filepath.Join(dir, "2026", "11")), "2026/11/my-slug.md", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			if code := run(tt.args, nil, &out, &errOut); code != 0 {
				t.Fatalf("exit %d:\n%s", code, errOut.String())
			}
			if got, want := out.String(), filepath.Join(dir, filepath.FromSlash(tt.want))+"\nslug: "+strings.TrimSuffix(path.Base(tt.want), ".md")+"\n"; got != want {
				t.Errorf("printed %q, want %q", got, want)
			}
			if !strings.Contains(errOut.String(), tt.wantStderr) {
				t.Errorf("stderr lacks %q:\n%s", tt.wantStderr, errOut.String())
			}
		})
	}
	lintClean(t, dir, "2026/rest-api-errors-2.md")
}

// TestNewPrintSlug: --print-slug prints the slug alone, the one new chose when the title's is
// taken, for a script to hand to update.
func TestNewPrintSlug(t *testing.T) {
	dir := authoringDir(t)
	var out, errOut bytes.Buffer
	code := run([]string{"new", "incident", "--content", dir, "--title", "REST API errors", "--components", "rest-api:partial_outage",
		"--text", "x", "--now", "2026-11-24T10:00:00Z", "--print-slug"}, nil, &out, &errOut)
	if code != 0 {
		t.Fatalf("exit %d:\n%s", code, errOut.String())
	}
	if got := out.String(); got != "rest-api-errors-2\n" {
		t.Errorf("printed %q, want %q", got, "rest-api-errors-2\n")
	}
	if _, err := os.Stat(filepath.Join(dir, "2026", "rest-api-errors-2.md")); err != nil {
		t.Error(err)
	}
}

func TestNewStdin(t *testing.T) {
	dir := authoringDir(t)
	stdin := strings.NewReader("Line one.\r\n\r\nLine two.\r\n")
	var out, errOut bytes.Buffer
	code := run([]string{"new", "incident", "--dir", dir, "--title", "From stdin", "--components", "tracking:degraded_performance",
		"--text", "-", "--now", "2026-11-24T10:00:00Z"}, stdin, &out, &errOut)
	if code != 0 {
		t.Fatalf("exit %d:\n%s", code, errOut.String())
	}
	got, _ := os.ReadFile(strings.SplitN(out.String(), "\n", 2)[0])
	if !strings.Contains(string(got), "    text: |\n      Line one.\n\n      Line two.\n---\n") {
		t.Errorf("text not written as a block:\n%s", got)
	}
}

func TestNewRefuses(t *testing.T) {
	base := []string{"--title", "Webhooks delayed", "--text", "Webhooks arrive late.", "--now", "2026-11-24T10:00:00Z"}
	tests := []struct {
		name     string
		args     []string
		code     int
		stderr   string
		useBase  bool
		noSample bool
	}{
		{name: "no kind", args: []string{"new", "--title", "x"}, code: 2, stderr: "Usage: statuspress new"},
		{name: "unknown kind", args: []string{"new", "outage"}, code: 2, stderr: "`outage` is not a kind", useBase: true},
		{name: "kind typo", args: []string{"new", "maintenace"}, code: 2, stderr: "did you mean `maintenance`?", useBase: true},
		{name: "no title", args: []string{"new", "incident", "--text", "x"}, code: 2, stderr: "--title is required"},
		{name: "no text", args: []string{"new", "incident", "--title", "x"}, code: 2, stderr: "--text is required"},
		{name: "no components", args: []string{"new", "incident"}, code: 2, stderr: "--components is required", useBase: true},
		{name: "component without status", args: []string{"new", "incident", "--components", "webhooks"}, code: 2, stderr: "say how `webhooks` is affected, e.g. `webhooks:partial_outage`", useBase: true},
		{name: "unknown component", args: []string{"new", "incident", "--components", "webhook:partial_outage"}, code: 2, stderr: "unknown component `webhook`; did you mean `webhooks`?", useBase: true},
		{name: "bad impact", args: []string{"new", "incident", "--components", "webhooks:partial_outage", "--impact", "majr"}, code: 2, stderr: "did you mean `major`?", useBase: true},
		{name: "impact on maintenance", args: []string{"new", "maintenance", "--components", "webhooks", "--impact", "major"}, code: 2, stderr: "--impact is not for a maintenance", useBase: true},
		{name: "status on notice", args: []string{"new", "notice", "--status", "resolved"}, code: 2, stderr: "--status is not for a notice", useBase: true},
		{name: "status of the other kind", args: []string{"new", "incident", "--components", "webhooks:partial_outage", "--status", "scheduled"}, code: 2, stderr: "`scheduled` is not a status of an incident", useBase: true},
		{name: "maintenance without window", args: []string{"new", "maintenance", "--components", "webhooks"}, code: 2, stderr: "needs its announced window: --start and --end", useBase: true},
		{name: "window without offset", args: []string{"new", "maintenance", "--components", "webhooks", "--start", "2027-01-09 22:00", "--end", "2027-01-10T01:00:00Z"}, code: 2, stderr: "--start: `2027-01-09 22:00` has no UTC offset; write 2027-01-09T22:00:00Z", useBase: true},
		{name: "window backwards", args: []string{"new", "maintenance", "--components", "webhooks", "--start", "2027-01-10T01:00:00Z", "--end", "2027-01-09T22:00:00Z"}, code: 2, stderr: "ends (2027-01-09T22:00:00Z) before it starts", useBase: true},
		{name: "started after now", args: []string{"new", "incident", "--components", "webhooks:partial_outage", "--started", "2026-11-24T11:00:00Z"}, code: 2, stderr: "after its first update", useBase: true},
		{name: "unknown language", args: []string{"new", "incident", "--components", "webhooks:partial_outage", "--lang", "es"}, code: 2, stderr: "language `es` is not one of the site's: en, nl, fr, de", useBase: true},
		{name: "slug taken", args: []string{"new", "incident", "--components", "webhooks:partial_outage", "--slug", "soap-api-storing"}, code: 1, stderr: "slug `soap-api-storing` is taken by", useBase: true},
		{name: "bad slug", args: []string{"new", "incident", "--components", "webhooks:partial_outage", "--slug", "Webhooks_Delayed"}, code: 2, stderr: "e.g. `webhooks-delayed`", useBase: true},
		{name: "folder outside", args: []string{"new", "incident", "--components", "webhooks:partial_outage", "--out-folder", os.TempDir()}, code: 2, stderr: "is not inside the content directory", useBase: true},
		{name: "folder the site ignores", args: []string{"new", "incident", "--components", "webhooks:partial_outage", "--out-folder", "DIR/_drafts"}, code: 1, stderr: "would not be read as incident `webhooks-delayed`", useBase: true},
		{name: "text the site would change", args: []string{"new", "incident", "--components", "webhooks:partial_outage", "--title", "x", "--text", "[click](javascript:alert(1))"}, code: 1, stderr: "warning: link `javascript:alert(1)` removed", useBase: true},
		{name: "no content directory", args: []string{"new", "incident", "--components", "webhooks:partial_outage", "--dir", "/nonexistent"}, code: 2, stderr: "/nonexistent is not a directory", useBase: true, noSample: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := authoringDir(t)
			before := files(t, dir)
			args := tt.args
			if tt.useBase {
				// `new KIND`, then the base flags, then the case's own, which win.
				args = slices.Concat(tt.args[:2], base, tt.args[2:])
			}
			if !tt.noSample {
				args = append(args, "--dir", dir)
			}
			for i, a := range args {
				args[i] = strings.ReplaceAll(a, "DIR", dir)
			}
			var out, errOut bytes.Buffer
			code := run(args, nil, &out, &errOut)
			if code != tt.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tt.code, errOut.String())
			}
			if !strings.Contains(errOut.String(), tt.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tt.stderr, errOut.String())
			}
			if out.Len() > 0 {
				t.Errorf("stdout: %s", out.String())
			}
			if diff := cmp.Diff(before, files(t, dir)); diff != "" {
				t.Errorf("files changed (-before +after):\n%s", diff)
			}
		})
	}
}

// TestNewFolderLinkedOut: a folder of the content directory that is a symbolic link out of it is
// never written through; the loader would not read what was written there anyway.
func TestNewFolderLinkedOut(t *testing.T) {
	dir := authoringDir(t)
	outside := t.TempDir()
	if err := os.Symlink(outside, filepath.Join(dir, "linked")); err != nil {
		t.Skipf("cannot make symbolic links here: %v", err)
	}
	var out, errOut bytes.Buffer
	code := run([]string{"new", "incident", "--title", "Webhooks delayed", "--text", "Webhooks arrive late.",
		"--components", "webhooks:partial_outage", "--now", "2026-11-24T10:00:00Z", "--dir", dir, "--out-folder", filepath.Join(dir, "linked")}, nil, &out, &errOut)
	if code != 1 {
		t.Errorf("exit %d, want 1:\n%s%s", code, out.String(), errOut.String())
	}
	want := "statuspress new: linked/webhooks-delayed.md would not be read: linked leads outside the content directory (through `linked` → `" + outside + "`); write it into a real folder of the content directory"
	if !strings.Contains(errOut.String(), want) {
		t.Errorf("stderr lacks %q:\n%s", want, errOut.String())
	}
	if got := files(t, outside); len(got) != 0 {
		t.Errorf("written outside the content directory: %v", got)
	}
}
