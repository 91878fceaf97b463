package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// badDir copies the sample content and adds broken files beside it.
func badDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../../incidents")); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"2026/broken.md":      "---\ntitel: Oops\nstarted: 2026-01-10 10:00\n---\nText\n",
		"2026/not-closed.md":  "---\ntitle: Half\n",
		"2026/orphan.nl.md":   "---\ntitle: Wees\n---\n",
		"2026/stray-note.txt": "hello",
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestLintSampleContent(t *testing.T) {
	var out, errOut bytes.Buffer
	// The sample's ongoing incident was last updated on 23 November: lint judges it the next day.
	code := run([]string{"lint", "--now", "2026-11-24T12:00:00Z", "../../incidents"}, nil, &out, &errOut)
	if code != 0 {
		t.Fatalf("lint exited %d on the sample content:\n%s%s", code, out.String(), errOut.String())
	}
	if !strings.Contains(out.String(), "0 errors, 0 warnings") {
		t.Errorf("summary missing:\n%s", out.String())
	}
}

func TestLintText(t *testing.T) {
	dir := badDir(t)
	var out, errOut bytes.Buffer
	code := run([]string{"lint", dir}, nil, &out, &errOut)
	if code != 1 {
		t.Errorf("exit code %d, want 1", code)
	}
	want := []string{
		"2026/broken.md:1:1: error: `title` is missing",
		"2026/broken.md:2:1: error: unknown field `titel`; did you mean `title`?",
		"2026/broken.md:3:10: error: time `2026-01-10 10:00` has no UTC offset; write 2026-01-10T10:00:00Z",
		"2026/not-closed.md:1:1: error: the front matter opened here is never closed",
		"2026/orphan.nl.md:1:1: error: translation without an original",
		"2026/stray-note.txt:1:1: warning: not used",
		"25 files, 8 incidents loaded: 5 errors, 1 warning",
	}
	for _, w := range want {
		if !strings.Contains(out.String(), w) {
			t.Errorf("output lacks %q:\n%s", w, out.String())
		}
	}
}

func TestLintJSON(t *testing.T) {
	var out, errOut bytes.Buffer
	dir := badDir(t)
	if code := run([]string{"lint", "--format", "json", dir}, nil, &out, &errOut); code != 1 {
		t.Errorf("exit code %d, want 1", code)
	}
	var got struct {
		Incidents, Errors, Warnings int
		Problems                    []struct {
			Path     string
			Line     int
			Column   int
			Severity string
			Message  string
		}
	}
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out.String())
	}
	if got.Incidents != 8 || got.Errors != 5 || got.Warnings != 1 || len(got.Problems) != 6 {
		t.Errorf("got %+v", got)
	}
	p := got.Problems[2]
	if p.Path != filepath.Join(dir, "2026", "broken.md") || p.Line != 3 || p.Column != 10 || p.Severity != "error" {
		t.Errorf("third problem: %+v", p)
	}
}

func TestLintGitHub(t *testing.T) {
	dir := badDir(t)
	var out, errOut bytes.Buffer
	run([]string{"lint", "--format", "github", dir}, nil, &out, &errOut)
	want := "::error file=" + ghProperty(dir+"/2026/broken.md") + ",line=2,col=1::unknown field `titel`; did you mean `title`?\n"
	if !strings.Contains(out.String(), want) {
		t.Errorf("output lacks %q:\n%s", want, out.String())
	}
	if !strings.Contains(out.String(), "::warning file=") {
		t.Errorf("warnings are not annotated:\n%s", out.String())
	}
}

func TestLintUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"lint", "--format", "xml", "../../incidents"},
		{"lint", "no-such-dir"},
		{"lint", "a", "b"},
		{"frobnicate"},
	} {
		var out, errOut bytes.Buffer
		if code := run(args, nil, &out, &errOut); code != 2 {
			t.Errorf("%v: exit code %d, want 2", args, code)
		}
		if errOut.Len() == 0 {
			t.Errorf("%v: no message on stderr", args)
		}
	}
}

// TestLintSymlinkChain: lint names every link that leaves the content directory, at whatever hop
// of a chain, and what it leads to; nothing outside is loaded.
func TestLintSymlinkChain(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../../incidents")); err != nil {
		t.Fatal(err)
	}
	outside := t.TempDir()
	secret := filepath.Join(outside, "outside.md")
	if err := os.WriteFile(secret, []byte("---\ntitle: Not ours\nstarted: 2026-01-10T10:00:00Z\n---\nsecret\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, target := range map[string]string{
		"hop2":                         secret,
		"2025/webhook-delays/leak.png": "../../hop2",
		"hop":                          secret,
		"leak.md":                      "hop",
	} {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Skipf("cannot make symbolic links here: %v", err)
		}
	}
	var out, errOut bytes.Buffer
	if code := run([]string{"lint", dir}, nil, &out, &errOut); code != 1 {
		t.Errorf("exit code %d, want 1", code)
	}
	leaves := " leads outside the content directory"
	fix := "; nothing outside it is read: copy the file in instead"
	for _, w := range []string{
		"2025/webhook-delays/leak.png:1:1: error: symbolic link to `../../hop2`" + leaves + " (through `hop2` → `" + secret + "`)" + fix,
		"hop:1:1: error: symbolic link to `" + secret + "`" + leaves + fix,
		"hop2:1:1: error: symbolic link to `" + secret + "`" + leaves + fix,
		"leak.md:1:1: error: symbolic link to `hop`" + leaves + " (through `hop` → `" + secret + "`)" + fix,
		"22 files, 8 incidents loaded: 4 errors, 0 warnings",
	} {
		if !strings.Contains(out.String(), w) {
			t.Errorf("output lacks %q:\n%s", w, out.String())
		}
	}
}

// TestLintBundleFiles: lint names each file of a bundle that is not published, and why.
func TestLintBundleFiles(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../../incidents")); err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string]string{
		"evil.html": "<script>alert(1)</script>",
		"evil.svg":  `<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`,
		"page.png":  "<html><script>alert(1)</script></html>",
	} {
		if err := os.WriteFile(filepath.Join(dir, "2025", "webhook-delays", name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var out, errOut bytes.Buffer
	if code := run([]string{"lint", "--now", "2026-11-24T12:00:00Z", dir}, nil, &out, &errOut); code != 1 {
		t.Errorf("exit code %d, want 1", code)
	}
	for _, w := range []string{
		"2025/webhook-delays/evil.html:1:1: error: not published: `.html` files could run as part of the site or are not pictures",
		"2025/webhook-delays/evil.svg:1:1: error: not published: holds the element <script>, which is not a plain drawing",
		"2025/webhook-delays/page.png:1:1: error: not published: is named as image/png but its bytes are not one (they look like text/html)",
		"8 incidents loaded: 3 errors, 0 warnings",
	} {
		if !strings.Contains(out.String(), w) {
			t.Errorf("output lacks %q:\n%s", w, out.String())
		}
	}
}

// TestLintControlCharacters: a file name or a value in a file that holds terminal escapes is
// reported with the escapes written out, in the text and the GitHub formats, so running lint on a
// hostile commit cannot recolour, retitle or rewrite the terminal or the CI log.
func TestLintControlCharacters(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../../incidents")); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"esc.md":                  "---\ntitle: x\nkind: \"\\e]0;pwned\\a\\e[31mred\\u202e\"\nstarted: 2026-01-01T00:00:00Z\n---\n",
		"a\x1b[32mgreen\u202e.md": "---\ntitle: x\nstarted: 2026-01-01T00:00:00Z\n---\n",
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, format := range []string{"text", "github"} {
		var out, errOut bytes.Buffer
		run([]string{"lint", "--format", format, dir}, nil, &out, &errOut)
		if strings.ContainsAny(out.String(), "\x1b\a\u202e") {
			t.Errorf("--format %s wrote control characters:\n%q", format, out.String())
		}
		for _, want := range []string{"unknown kind `\\x1b]0;pwned\\a\\x1b[31mred\\u202e`", "a\\x1b[32mgreen\\u202e"} {
			if !strings.Contains(out.String(), want) {
				t.Errorf("--format %s: no %q in:\n%s", format, want, out.String())
			}
		}
	}
}

// TestLintSummaryCounts: the summary counts in the singular when there is one of a thing.
func TestLintSummaryCounts(t *testing.T) {
	dir := t.TempDir()
	site, err := os.ReadFile("../../incidents/site.yaml")
	if err != nil {
		t.Fatal(err)
	}
	one := "---\ntitle: Webhooks delayed\ncomponents: {webhooks: degraded_performance}\nstarted: 2026-11-23T07:40:00Z\nsummary: Late.\n" +
		"updates:\n  - {at: 2026-11-23T08:00:00Z, status: investigating, text: Looking.}\n---\n"
	for name, data := range map[string]string{"site.yaml": string(site), "webhooks.md": one, "notes.txt": "x"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var out, errOut bytes.Buffer
	run([]string{"lint", "--now", "2026-11-24T12:00:00Z", dir}, nil, &out, &errOut)
	if want := "2 files, 1 incident loaded: 0 errors, 1 warning\n"; !strings.HasSuffix(out.String(), want) {
		t.Errorf("summary: want %q, got:\n%s", want, out.String())
	}
}

// TestLintPaths: every format names a file by its path from the current directory, cleaned, so a
// shell, an editor or GitHub opens it: `lint --format github ./incidents/` in a repository's root
// annotates incidents/2026/..., the path a pull request shows.
func TestLintPaths(t *testing.T) {
	repo := t.TempDir()
	content := filepath.Join(repo, "incidents")
	if err := os.CopyFS(content, os.DirFS("../../incidents")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(content, "2026", "broken.md"), []byte("---\ntitel: Oops\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(repo, "docs"), 0o755); err != nil {
		t.Fatal(err)
	}
	formats := map[string]string{
		"text":   "\n%s:2:1: error: unknown field `titel`",
		"github": "\n::error file=%s,line=2,col=1::unknown field `titel`",
		"json":   `"path": "%s",`,
	}
	for _, tc := range []struct {
		wd, dir, want string
	}{
		{".", "./incidents/", "incidents/2026/broken.md"},
		{".", "incidents", "incidents/2026/broken.md"},
		{".", content + "/", "incidents/2026/broken.md"},
		{"docs", "../incidents/", "../incidents/2026/broken.md"},
		{"docs", ".././incidents//", "../incidents/2026/broken.md"},
	} {
		t.Run(tc.wd+" "+tc.dir, func(t *testing.T) {
			t.Chdir(filepath.Join(repo, tc.wd))
			for format, line := range formats {
				var out, errOut bytes.Buffer
				if code := run([]string{"lint", "--format", format, tc.dir}, nil, &out, &errOut); code != 1 {
					t.Errorf("%s: exit %d, want 1:\n%s", format, code, errOut.String())
				}
				if want := fmt.Sprintf(line, tc.want); !strings.Contains("\n"+out.String(), want) {
					t.Errorf("%s: output lacks %q:\n%s", format, want, out.String())
				}
			}
		})
	}
}

// TestLintPictureStub: an 8-byte errors.png in a bundle, the PNG signature and nothing else, is
// reported: the page would show it as a broken picture.
func TestLintPictureStub(t *testing.T) {
	dir := authoringDir(t)
	bundle := filepath.Join(dir, "2025", "webhook-delays")
	if err := os.WriteFile(filepath.Join(bundle, "errors.png"), []byte("\x89PNG\r\n\x1a\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	if code := run([]string{"lint", dir}, nil, &out, &errOut); code != 0 {
		t.Errorf("exit %d, want 0 (a warning):\n%s%s", code, out.String(), errOut.String())
	}
	want := filepath.Join(bundle, "errors.png") + ":1:1: warning: the file is 8 bytes and holds no picture a browser can show, only the start of one"
	if !strings.Contains(out.String(), want) {
		t.Errorf("output lacks %q:\n%s", want, out.String())
	}
}

// TestLintStale: an ongoing incident with nothing posted for longer than stale_after (72h in
// the sample) is a warning at the time --now gives, which does not fail the run.
func TestLintStale(t *testing.T) {
	var out, errOut bytes.Buffer
	code := run([]string{"lint", "--now", "2026-12-05T12:00:00Z", "../../incidents"}, nil, &out, &errOut)
	if code != 0 {
		t.Fatalf("exit code %d, want 0:\n%s%s", code, out.String(), errOut.String())
	}
	want := filepath.FromSlash("../../incidents/2026/rest-api-errors.md") + ":1:1: warning: ongoing, and nothing posted for 288h (since 2026-11-23T11:45:00Z); post an update or resolve it (site.yaml's stale_after is 72h)\n" +
		"22 files, 8 incidents loaded: 0 errors, 1 warning\n"
	if got := out.String(); got != want {
		t.Errorf("output:\n%s\nwant:\n%s", got, want)
	}
	if code := run([]string{"lint", "--now", "yesterday", "../../incidents"}, nil, &out, &errOut); code != 2 {
		t.Errorf("--now yesterday: exit code %d, want 2", code)
	}
}
