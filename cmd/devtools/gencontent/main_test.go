package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "content")
	var stdout, stderr bytes.Buffer
	args := []string{"-n", "20", "-seed", "7", "-now", "2026-11-23T12:00:00Z", "-out", out}
	if code := run(args, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	// The generator itself is tested in internal/testsupport/synthetic; here, the command around it.
	first := stdout.String()
	if !strings.HasPrefix(first, "wrote ") || !strings.Contains(first, " to "+out+": ") {
		t.Errorf("unexpected report: %s", first)
	}

	stderr.Reset()
	if code := run(args, &stdout, &stderr); code == 0 || !strings.Contains(stderr.String(), "not empty") {
		t.Errorf("writing into a non-empty directory: exit %d, %q; want a refusal", code, stderr.String())
	}

	// -force replaces the contents: a stray file goes, the output is the same as before.
	if err := os.WriteFile(filepath.Join(out, "stray.md"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout.Reset()
	if code := run(append(args, "-force"), &stdout, &stderr); code != 0 {
		t.Fatalf("-force: exit %d: %s", code, stderr.String())
	}
	if _, err := os.Stat(filepath.Join(out, "stray.md")); !os.IsNotExist(err) {
		t.Errorf("-force left an old file behind (stat: %v)", err)
	}
	if second := stdout.String(); second != first {
		t.Errorf("-force reported\n%s\nthe first run\n%s", second, first)
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
