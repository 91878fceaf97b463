package watch

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestWatchDirectoryGoneAndBack: the directory moved away and back is told each time as a change
// of everything, and what happens in it after it is back is seen, in both modes.
func TestWatchDirectoryGoneAndBack(t *testing.T) {
	modes(t, func(t *testing.T, mode Mode) {
		parent := t.TempDir()
		dir, away := filepath.Join(parent, "content"), filepath.Join(parent, "away")
		write(t, filepath.Join(dir, "2026", "a.md"), "x")
		w := start(t, dir, mode)

		if err := os.Rename(dir, away); err != nil {
			t.Fatal(err)
		}
		if c := expect(t, w, "the directory moved away", wait); !c.All {
			t.Errorf("the directory moved away: %+v, want All", c)
		}
		// What happens at the new place is not the content's any more.
		write(t, filepath.Join(away, "2026", "a.md"), "edited away")
		write(t, filepath.Join(parent, "sibling.md"), "x")
		expectNone(t, w, "writes outside the content directory", 300*time.Millisecond)

		if err := os.Rename(away, dir); err != nil {
			t.Fatal(err)
		}
		if c := expect(t, w, "the directory moved back", wait); !c.All {
			t.Errorf("the directory moved back: %+v, want All", c)
		}
		write(t, filepath.Join(dir, "2026", "a.md"), "edited back home")
		has(t, expect(t, w, "an edit after the return", wait), "an edit after the return", "2026/a.md")

		// Deleted and made anew, as a fresh clone would.
		if err := os.RemoveAll(dir); err != nil {
			t.Fatal(err)
		}
		if c := expect(t, w, "the directory deleted", wait); !c.All {
			t.Errorf("the directory deleted: %+v, want All", c)
		}
		write(t, filepath.Join(dir, "2027", "b.md"), "x")
		if c := expect(t, w, "the directory made anew", wait); !c.All {
			t.Errorf("the directory made anew: %+v, want All", c)
		}
		expectNone(t, w, "nothing more", 200*time.Millisecond)
		write(t, filepath.Join(dir, "2027", "b.md"), "edited in the new directory")
		has(t, expect(t, w, "an edit in the new directory", wait), "an edit in the new directory", "2027/b.md")
	})
}

// TestWatchLinkedDirectory: a content directory that is a symbolic link (a deploy's `current`)
// is watched inside, and swapping the link to another release is a change of everything.
func TestWatchLinkedDirectory(t *testing.T) {
	modes(t, func(t *testing.T, mode Mode) {
		parent := t.TempDir()
		v1, v2 := filepath.Join(parent, "releases", "v1"), filepath.Join(parent, "releases", "v2")
		write(t, filepath.Join(v1, "2026", "a.md"), "one")
		write(t, filepath.Join(v2, "2026", "a.md"), "two")
		current := filepath.Join(parent, "current")
		if err := os.Symlink(v1, current); err != nil {
			t.Fatal(err)
		}
		w := start(t, current, mode)

		write(t, filepath.Join(v1, "2026", "a.md"), "one, edited")
		has(t, expect(t, w, "an edit in a folder of the linked directory", wait), "an edit", "2026/a.md")

		// Swapped as deploy tools do: a new link renamed over the old one.
		next := filepath.Join(parent, "current.next")
		if err := os.Symlink(v2, next); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(next, current); err != nil {
			t.Fatal(err)
		}
		if c := expect(t, w, "the link swapped", wait); !c.All {
			t.Errorf("the link swapped: %+v, want All", c)
		}
		write(t, filepath.Join(v2, "2026", "a.md"), "two, edited")
		has(t, expect(t, w, "an edit in the new release", wait), "an edit in the new release", "2026/a.md")
	})
}

// TestWatchDirectoryPermissions: the directory's own permissions changed (made unreadable, or
// readable again) is a change of everything: what can be read of it is not what was.
func TestWatchDirectoryPermissions(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.md"), "x")
	w := start(t, dir, Notify)
	if err := os.Chmod(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if c := expect(t, w, "the directory's permissions changed", wait); !c.All {
		t.Errorf("the directory's permissions changed: %+v, want All", c)
	}
}

// TestWatchParentMoved: the folder holding the directory moved away takes the directory with it,
// and one put back at the same place is found again.
func TestWatchParentMoved(t *testing.T) {
	top := t.TempDir()
	parent := filepath.Join(top, "status")
	dir := filepath.Join(parent, "content")
	write(t, filepath.Join(dir, "a.md"), "x")
	w := start(t, dir, Notify)
	if err := os.Rename(parent, filepath.Join(top, "status-old")); err != nil {
		t.Fatal(err)
	}
	if c := expect(t, w, "the parent moved away", wait); !c.All {
		t.Errorf("the parent moved away: %+v, want All", c)
	}
	write(t, filepath.Join(dir, "a.md"), "a new checkout")
	if c := expect(t, w, "a new parent and directory", wait); !c.All {
		t.Errorf("a new parent and directory: %+v, want All", c)
	}
	write(t, filepath.Join(dir, "a.md"), "edited in the new checkout")
	has(t, expect(t, w, "an edit in the new checkout", wait), "an edit in the new checkout", "a.md")
}
