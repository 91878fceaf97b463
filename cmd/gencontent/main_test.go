package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// tree reads every file under dir, by slash path.
func tree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		data, err := os.ReadFile(p)
		out[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestRun(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "content")
	var stdout, stderr bytes.Buffer
	args := []string{"-n", "20", "-seed", "7", "-now", "2026-11-23T12:00:00Z", "-out", out}
	if code := run(args, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if !strings.Contains(stdout.String(), "20 incidents") && !strings.Contains(stdout.String(), "wrote") {
		t.Errorf("unexpected report: %s", stdout.String())
	}
	first := tree(t, out)

	stderr.Reset()
	if code := run(args, &stdout, &stderr); code == 0 || !strings.Contains(stderr.String(), "not empty") {
		t.Errorf("writing into a non-empty directory: exit %d, %q; want a refusal", code, stderr.String())
	}

	// -force replaces the contents: a stray file goes, the output is the same as before.
	if err := os.WriteFile(filepath.Join(out, "stray.md"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code := run(append(args, "-force"), &stdout, &stderr); code != 0 {
		t.Fatalf("-force: exit %d: %s", code, stderr.String())
	}
	second := tree(t, out)
	if _, ok := second["stray.md"]; ok {
		t.Errorf("-force left an old file behind")
	}
	if len(first) != len(second) {
		t.Errorf("-force wrote %d files, the first run %d", len(second), len(first))
	}

	if err := os.WriteFile(filepath.Join(out, "go.mod"), []byte("module x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	stderr.Reset()
	if code := run(append(args, "-force"), &stdout, &stderr); code == 0 || !strings.Contains(stderr.String(), "source checkout") {
		t.Errorf("-force on a directory with go.mod: exit %d, %q; want a refusal", code, stderr.String())
	}

	for _, bad := range [][]string{{}, {"-out", dir, "-now", "yesterday"}, {"-out", dir, "extra"}} {
		stderr.Reset()
		if code := run(bad, &stdout, &stderr); code != 2 {
			t.Errorf("run %q: exit %d, want 2", bad, code)
		}
	}
}
