package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestVSCodeTask holds the editor set-up of docs/vscode/ to what it promises in the README: the
// lint task's problem matcher finds every problem lint prints, at a file that exists relative to
// the workspace folder, with its line, column and severity; and the YAML extension's schema
// mapping names files that exist.
func TestVSCodeTask(t *testing.T) {
	var tasks struct {
		Tasks []struct {
			Command        string
			ProblemMatcher struct {
				FileLocation []string
				Pattern      struct {
					Regexp                                string
					File, Line, Column, Severity, Message int
				}
			}
		}
	}
	readJSON(t, "../../docs/vscode/tasks.json", &tasks)
	if len(tasks.Tasks) != 1 {
		t.Fatalf("tasks.json has %d tasks, want the lint task", len(tasks.Tasks))
	}
	task := tasks.Tasks[0]
	args := strings.Fields(strings.TrimPrefix(task.Command, "go run ./cmd/statuspress "))
	if len(args) == 0 || args[0] != "lint" {
		t.Fatalf("the task runs %q, not statuspress lint", task.Command)
	}
	if got := strings.Join(task.ProblemMatcher.FileLocation, " "); got != "relative ${workspaceFolder}" {
		t.Fatalf("fileLocation is %q: lint prints paths from the directory it runs in, the workspace folder", got)
	}
	pat := task.ProblemMatcher.Pattern
	re := regexp.MustCompile(pat.Regexp) // the pattern is in the syntax JavaScript and Go share

	// The workspace: the sample content with an error and a warning in a sub-folder.
	ws := t.TempDir()
	content := filepath.Join(ws, "incidents")
	if err := os.CopyFS(content, os.DirFS("../../incidents")); err != nil {
		t.Fatal(err)
	}
	broken := "---\ntitle: Broken\nstarted: 2026-11-20T10:00:00Z\nimpact: majr\n---\nText.\n"
	if err := os.WriteFile(filepath.Join(content, "2026", "broken.md"), []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(content, "notes.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(ws)
	var out, errOut bytes.Buffer
	if code := run(args, nil, &out, &errOut); code != 1 {
		t.Fatalf("lint exited %d, want 1:\n%s%s", code, out.String(), errOut.String())
	}
	seen := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		if !strings.Contains(line, ": error: ") && !strings.Contains(line, ": warning: ") {
			continue // the summary and hints, which the matcher rightly skips
		}
		m := re.FindStringSubmatch(line)
		if m == nil {
			t.Errorf("the problem matcher misses the problem %q", line)
			continue
		}
		if _, err := os.Stat(m[pat.File]); err != nil {
			t.Errorf("%q: the matcher's file %q does not open from the workspace folder: %v", line, m[pat.File], err)
		}
		for _, n := range []int{pat.Line, pat.Column} {
			if v, err := strconv.Atoi(m[n]); err != nil || v < 1 {
				t.Errorf("%q: %q is not a line or column", line, m[n])
			}
		}
		seen[m[pat.Severity]] = true
		if m[pat.Message] == "" {
			t.Errorf("%q: no message", line)
		}
	}
	if !seen["error"] || !seen["warning"] {
		t.Errorf("the matcher found severities %v, want an error and a warning in:\n%s", seen, out.String())
	}
}

// TestVSCodeSettings checks that the schema mapping of docs/vscode/settings.json names a schema
// and a file that exist.
func TestVSCodeSettings(t *testing.T) {
	var settings struct {
		Schemas map[string]string `json:"yaml.schemas"`
	}
	readJSON(t, "../../docs/vscode/settings.json", &settings)
	if len(settings.Schemas) == 0 {
		t.Fatal("settings.json maps no schema")
	}
	for schema, file := range settings.Schemas {
		for _, p := range []string{schema, file} {
			if _, err := os.Stat(filepath.Join("../..", p)); err != nil {
				t.Errorf("settings.json names %s: %v", p, err)
			}
		}
	}
}

func readJSON(t *testing.T, name string, v any) {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}
