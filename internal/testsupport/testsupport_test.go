package testsupport_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"statuspress/internal/testsupport"
)

func TestSlow(t *testing.T) {
	for _, tt := range []struct {
		value    string
		wantSkip bool
	}{{"", true}, {"0", true}, {"yes", true}, {"1", false}} {
		t.Run("value "+tt.value, func(t *testing.T) {
			t.Setenv(testsupport.SlowEnv, tt.value)
			ran := false
			t.Run("inner", func(t *testing.T) {
				testsupport.Slow(t)
				ran = true
			})
			if ran == tt.wantSkip {
				t.Errorf("%s=%q: ran %v, want skipped %v", testsupport.SlowEnv, tt.value, ran, tt.wantSkip)
			}
		})
	}
}

const archive = `A comment, which is no file.
-- site.yaml --
title: Example
-- 2026/a.md --
---
title: A
---
Body.
-- 2026/bundle/index.md --
no final newline`

func TestFiles(t *testing.T) {
	fsys := testsupport.Files(t, archive)
	got := map[string]string{}
	for name, f := range fsys {
		got[name] = string(f.Data)
	}
	want := map[string]string{
		"site.yaml":            "title: Example\n",
		"2026/a.md":            "---\ntitle: A\n---\nBody.\n",
		"2026/bundle/index.md": "no final newline\n",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("files (-want +got):\n%s", diff)
	}
	// The folders are implied, as in a directory.
	if entries, err := fsys.ReadDir("2026"); err != nil || len(entries) != 2 {
		t.Errorf("ReadDir(2026) = %v, %v; want a.md and bundle", entries, err)
	}
}

func TestDir(t *testing.T) {
	dir := testsupport.Dir(t, archive)
	data, err := os.ReadFile(filepath.Join(dir, "2026", "a.md"))
	if err != nil || string(data) != "---\ntitle: A\n---\nBody.\n" {
		t.Errorf("2026/a.md = %q, %v", data, err)
	}
}

func TestModuleRoot(t *testing.T) {
	root := testsupport.ModuleRoot(t)
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatal(err)
	}
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(root, "internal", "testsupport"); wd != want {
		t.Errorf("the test runs in %s, want %s below the module root", wd, want)
	}
}

// TestCorpus checks that the benchmarks of every package find the corpora where they always
// were: testoutput/synthetic/ at the module root, named by size, seed and end.
func TestCorpus(t *testing.T) {
	dir := testsupport.Corpus(t, 100)
	want := filepath.Join(testsupport.ModuleRoot(t), "testoutput", "synthetic", "n100-seed42-20261123T1200Z")
	if dir != want {
		t.Errorf("Corpus(100) = %s, want %s", dir, want)
	}
	if _, err := os.Stat(filepath.Join(dir, "site.yaml")); err != nil {
		t.Error(err)
	}
}
