package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestUpdateSample(t *testing.T) {
	dir := authoringDir(t)
	path := filepath.Join(dir, "2026", "rest-api-errors.md")
	orig, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	stdin := strings.NewReader("The provider has repaired the cluster.\n\nAll traffic is balanced again.\n")
	var out, errOut bytes.Buffer
	code := run([]string{"update", "rest-api-errors", "--dir", dir, "--status", "resolved", "--text", "-",
		"--components", "rest-api:operational", "--now", "2026-11-23T14:10:00+01:00"}, stdin, &out, &errOut)
	if code != 0 {
		t.Fatalf("exit %d:\n%s", code, errOut.String())
	}
	if got := strings.TrimSpace(out.String()); got != path {
		t.Errorf("printed %q, want %q", got, path)
	}
	want := strings.Replace(string(orig), "started: 2026-11-23T07:40:00Z\n", "started: 2026-11-23T07:40:00Z\nresolved: 2026-11-23T13:10:00Z\n", 1)
	want = strings.Replace(want, "      rest-api: degraded_performance\n---\n", `      rest-api: degraded_performance
  - at: 2026-11-23T13:10:00Z
    status: resolved
    text: |
      The provider has repaired the cluster.

      All traffic is balanced again.
    components: {rest-api: operational}
---
`, 1)
	got, _ := os.ReadFile(path)
	if diff := cmp.Diff(want, string(got)); diff != "" {
		t.Errorf("rest-api-errors.md (-want +got):\n%s", diff)
	}
	for _, s := range []string{
		"added `resolved` at 2026-11-23T13:10:00Z to " + path,
		"set `resolved: 2026-11-23T13:10:00Z`, as `resolved` ends the incident",
		"translations (de, fr, nl) show this update in the original language",
	} {
		if !strings.Contains(errOut.String(), s) {
			t.Errorf("stderr lacks %q:\n%s", s, errOut.String())
		}
	}
	lintClean(t, dir, "2026/rest-api-errors.md")
	if leftovers := slicesFilter(files(t, dir), func(f string) bool { return strings.HasSuffix(f, ".tmp") }); len(leftovers) > 0 {
		t.Errorf("temporary files left behind: %v", leftovers)
	}
}

// TestUpdateFiles runs update on files of unusual shapes and checks each byte of them is kept.
func TestUpdateFiles(t *testing.T) {
	tests := []struct {
		name, src, args, want string
	}{
		{
			name: "comments and unusual order, CRLF, byte-order mark",
			src: "\ufeff---\r\n# The timeline comes first here.\r\nupdates:   # oldest first\r\n  - status: investigating\r\n    at: 2026-11-23T08:05:00Z\r\n    text: |\r\n      Webhooks arrive late.\r\n    # more to come\r\n" +
				"title: Webhooks delayed\r\nkind: incident\r\ncomponents: {webhooks: degraded_performance}\r\nstarted: 2026-11-23T07:40:00Z\r\n---\r\nStory.\r\n",
			args: "--status identified --text A-queue-is-stuck. --now 2026-11-23T09:00:00Z",
			want: "\ufeff---\r\n# The timeline comes first here.\r\nupdates:   # oldest first\r\n  - status: investigating\r\n    at: 2026-11-23T08:05:00Z\r\n    text: |\r\n      Webhooks arrive late.\r\n    # more to come\r\n" +
				"  - at: 2026-11-23T09:00:00Z\r\n    status: identified\r\n    text: A-queue-is-stuck.\r\n" +
				"title: Webhooks delayed\r\nkind: incident\r\ncomponents: {webhooks: degraded_performance}\r\nstarted: 2026-11-23T07:40:00Z\r\n---\r\nStory.\r\n",
		},
		{
			name: "no updates yet, final status",
			src:  "---\ntitle: Webhooks delayed\ncomponents:\n  webhooks: degraded_performance\nstarted: 2026-11-23T07:40:00Z\nsummary: Webhooks were late.\n---\n",
			args: "--status resolved --text Fixed. --now 2026-11-23T09:00:00Z",
			want: "---\ntitle: Webhooks delayed\ncomponents:\n  webhooks: degraded_performance\nstarted: 2026-11-23T07:40:00Z\nresolved: 2026-11-23T09:00:00Z\nsummary: Webhooks were late.\n" +
				"updates:\n  - at: 2026-11-23T09:00:00Z\n    status: resolved\n    text: Fixed.\n---\n",
		},
		{
			name: "flow list",
			src:  "---\ntitle: Webhooks delayed\ncomponents: {webhooks: degraded_performance}\nstarted: 2026-11-23T07:40:00Z\nupdates: [{at: 2026-11-23T08:05:00Z, status: investigating, text: Late.}]\n---\n",
			args: "--status monitoring --text Better. --now 2026-11-23T09:00:00Z",
			want: "---\ntitle: Webhooks delayed\ncomponents: {webhooks: degraded_performance}\nstarted: 2026-11-23T07:40:00Z\nupdates: [{at: 2026-11-23T08:05:00Z, status: investigating, text: Late.}, {at: 2026-11-23T09:00:00Z, status: monitoring, text: \"Better.\"}]\n---\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := authoringDir(t)
			path := filepath.Join(dir, "2026", "webhooks-delayed.md")
			if err := os.WriteFile(path, []byte(tt.src), 0o600); err != nil {
				t.Fatal(err)
			}
			var out, errOut bytes.Buffer
			args := append([]string{"update", "--dir", dir, "webhooks-delayed"}, strings.Fields(tt.args)...)
			if code := run(args, nil, &out, &errOut); code != 0 {
				t.Fatalf("exit %d:\n%s", code, errOut.String())
			}
			got, _ := os.ReadFile(path)
			if diff := cmp.Diff(tt.want, string(got)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if info, _ := os.Stat(path); info.Mode().Perm() != 0o600 {
				t.Errorf("permissions %v, want the file's own 0600", info.Mode().Perm())
			}
			lintClean(t, dir, "2026/webhooks-delayed.md")
		})
	}
}

func TestUpdateRefuses(t *testing.T) {
	broken := "---\ntitel: Oops\nstarted: 2026-11-23T07:40:00Z\n---\n"
	tests := []struct {
		name, args string
		code       int
		stderr     string
	}{
		{"no slug", "--status monitoring --text x", 2, "Usage: statuspress update"},
		{"two slugs", "a b --status monitoring --text x", 2, "Usage: statuspress update"},
		{"no status", "rest-api-errors --text x", 2, "--status is required"},
		{"no text", "rest-api-errors --status monitoring", 2, "--text is required"},
		{"unknown slug", "rest-api-eror --status monitoring --text x", 1, "no incident `rest-api-eror`; did you mean `rest-api-errors`?"},
		{"status typo", "rest-api-errors --status monitorng --text x", 2, "did you mean `monitoring`?"},
		{"maintenance status on an incident", "rest-api-errors --status completed --text x", 2, "`completed` is not a status of an incident"},
		{"component without status", "rest-api-errors --status monitoring --text x --components rest-api", 2, "say how `rest-api` is affected"},
		{"not after the latest update", "rest-api-errors --status monitoring --text x --now 2026-11-23T11:45:00Z", 1, "is not after the latest update's, 2026-11-23T11:45:00Z in 2026/rest-api-errors.md: the timeline is kept in time order"},
		{"a notice", "api-fehlerbenachrichtigung --status resolved --text x", 1, "is a notice; notices have no timeline"},
		{"reopening", "soap-api-storing --status monitoring --text x --now 2026-10-07T10:00:00+02:00", 1, "would reopen it: remove `resolved:`"},
		{"a file with errors", "broken --status monitoring --text x --now 2026-11-23T09:00:00Z", 1, "2026/broken.md:2:1: error: unknown field `titel`; did you mean `title`?"},
		{"text the site would change", "rest-api-errors --status monitoring --text # --now 2026-11-23T13:00:00Z", 1, "would not be published cleanly"},
		{"bad time", "rest-api-errors --status monitoring --text x --now 2026-11-23T13:00", 2, "--now: `2026-11-23T13:00` has no UTC offset; write 2026-11-23T13:00:00Z"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := authoringDir(t)
			if err := os.WriteFile(filepath.Join(dir, "2026", "broken.md"), []byte(broken), 0o644); err != nil {
				t.Fatal(err)
			}
			before := snapshot(t, dir)
			args := strings.Fields(tt.args)
			for i, a := range args {
				if a == "#" {
					args[i] = "# A level-1 heading"
				}
			}
			var out, errOut bytes.Buffer
			code := run(append([]string{"update", "--dir", dir}, args...), nil, &out, &errOut)
			if code != tt.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tt.code, errOut.String())
			}
			if !strings.Contains(errOut.String(), tt.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tt.stderr, errOut.String())
			}
			if diff := cmp.Diff(before, snapshot(t, dir)); diff != "" {
				t.Errorf("files changed (-before +after):\n%s", diff)
			}
		})
	}
}

// snapshot maps every file under dir to its content.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, f := range files(t, dir) {
		b, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		out[f] = string(b)
	}
	return out
}

func slicesFilter(ss []string, keep func(string) bool) []string {
	var out []string
	for _, s := range ss {
		if keep(s) {
			out = append(out, s)
		}
	}
	return out
}

// TestUpdateStraightAway: in an outage, updates follow each other within seconds, on the real
// clock: none of them waits for the next minute.
func TestUpdateStraightAway(t *testing.T) {
	dir := authoringDir(t)
	var out, errOut bytes.Buffer
	if code := run([]string{"new", "incident", "--content", dir, "--title", "Webhooks late", "--components", "webhooks:partial_outage", "--text", "Looking."}, nil, &out, &errOut); code != 0 {
		t.Fatalf("new: exit %d:\n%s", code, errOut.String())
	}
	for _, status := range []string{"identified", "monitoring", "monitoring", "resolved"} {
		out.Reset()
		errOut.Reset()
		if code := run([]string{"update", "webhooks-late", "--content", dir, "--status", status, "--text", "Now " + status + "."}, nil, &out, &errOut); code != 0 {
			t.Fatalf("update --status %s: exit %d:\n%s", status, code, errOut.String())
		}
	}
	lintClean(t, dir, "webhooks-late.md")
}
