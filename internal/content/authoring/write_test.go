package authoring

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWriteStaysInside: whatever the plan says and whatever links lie on the way, Write writes
// nothing outside the content directory: not through a folder that links out, not through a
// file that links out (a link changed after the plan was made).
func TestWriteStaysInside(t *testing.T) {
	outside := t.TempDir()
	if err := os.WriteFile(filepath.Join(outside, "victim.md"), []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "real"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "real", "inside.md"), []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, target := range map[string]string{
		"linked":       outside,
		"victim.md":    filepath.Join(outside, "victim.md"),
		"hop.md":       "victim.md",
		"inside.md":    "real/inside.md",
		"real/back.md": "../hop.md",
	} {
		if err := os.Symlink(target, filepath.Join(dir, filepath.FromSlash(name))); err != nil {
			t.Skipf("cannot make symbolic links here: %v", err)
		}
	}
	for _, p := range []*Plan{
		{Path: "linked/new.md", Data: []byte("new")},
		{Path: "linked/victim.md", Data: []byte("new"), Old: []byte("old")},
		{Path: "victim.md", Data: []byte("new"), Old: []byte("old")},
		{Path: "hop.md", Data: []byte("new"), Old: []byte("old")},
		{Path: "real/back.md", Data: []byte("new"), Old: []byte("old")},
	} {
		err := p.Write(dir)
		if err == nil || !strings.Contains(err.Error(), "leads outside the content directory") {
			t.Errorf("Write %s: %v, want a link that leads outside", p.Path, err)
		}
	}
	if b, _ := os.ReadFile(filepath.Join(outside, "victim.md")); string(b) != "old" {
		t.Errorf("the file outside was overwritten: %q", b)
	}
	if entries, _ := os.ReadDir(outside); len(entries) != 1 {
		t.Errorf("files written outside: %v", entries)
	}
	// A link inside is followed: the file it names is replaced, and the link stays.
	if err := (&Plan{Path: "inside.md", Data: []byte("new"), Old: []byte("old")}).Write(dir); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "real", "inside.md")); string(b) != "new" {
		t.Errorf("real/inside.md holds %q, want new", b)
	}
	if fi, err := os.Lstat(filepath.Join(dir, "inside.md")); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link inside.md was replaced: %v", err)
	}
}
