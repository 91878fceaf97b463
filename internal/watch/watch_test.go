package watch

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"

	"statuspress/internal/testsupport"
)

func write(t *testing.T, p, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// expect waits for one Change and returns it.
func expect(t *testing.T, w *Watcher, what string, within time.Duration) Change {
	t.Helper()
	select {
	case c := <-w.Changes():
		return c
	case <-time.After(within):
		t.Fatalf("%s: no change reported within %v", what, within)
	}
	return Change{}
}

func expectNone(t *testing.T, w *Watcher, what string, wait time.Duration) {
	t.Helper()
	select {
	case c := <-w.Changes():
		t.Fatalf("%s: a change was reported: %+v", what, c)
	case <-time.After(wait):
	}
}

// has checks that a Change names every one of want, itself or a folder it lies in (a new
// folder's files written before it was watched are not named), and is not All.
func has(t *testing.T, c Change, what string, want ...string) {
	t.Helper()
	if c.All {
		t.Errorf("%s: the change is All, want paths %v", what, want)
	}
	for _, p := range want {
		named := false
		for q := p; q != "."; q = path.Dir(q) {
			named = named || slices.Contains(c.Paths, q)
		}
		if !named {
			t.Errorf("%s: paths %v lack %s", what, c.Paths, p)
		}
	}
	if !slices.IsSorted(c.Paths) {
		t.Errorf("%s: paths not sorted: %v", what, c.Paths)
	}
}

func modes(t *testing.T, f func(t *testing.T, mode Mode)) {
	for _, mode := range []Mode{Notify, Poll} {
		t.Run(string(mode), func(t *testing.T) { f(t, mode) })
	}
}

func start(t *testing.T, dir string, mode Mode) *Watcher {
	t.Helper()
	w, err := New(dir, Options{Mode: mode, Interval: 40 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return w
}

const wait = 3 * time.Second

func TestWatch(t *testing.T) {
	modes(t, func(t *testing.T, mode Mode) {
		dir := t.TempDir()
		write(t, filepath.Join(dir, "site.yaml"), "title: x")
		w := start(t, dir, mode)

		// A burst of writes is one change, naming every file.
		var want []string
		for i := range 50 {
			name := fmt.Sprintf("2026/a%02d.md", i)
			write(t, filepath.Join(dir, name), "x")
			want = append(want, name)
		}
		has(t, expect(t, w, "a burst", wait), "a burst", want...)
		expectNone(t, w, "after the burst", 300*time.Millisecond)

		// A folder created after the start is named (notify) or its files are (poll), and is
		// watched, files in it too.
		write(t, filepath.Join(dir, "2027", "01", "new.md"), "x")
		c := expect(t, w, "a new folder", wait)
		if !slices.Contains(c.Paths, "2027") && !slices.Contains(c.Paths, "2027/01/new.md") {
			t.Errorf("a new folder: paths %v name neither the folder nor its file", c.Paths)
		}
		write(t, filepath.Join(dir, "2027", "01", "new.md"), "changed, longer")
		has(t, expect(t, w, "a file in the new folder", wait), "a file in the new folder", "2027/01/new.md")

		// Removal counts; hidden folders such as .git do not.
		if err := os.Remove(filepath.Join(dir, "2027", "01", "new.md")); err != nil {
			t.Fatal(err)
		}
		has(t, expect(t, w, "a removal", wait), "a removal", "2027/01/new.md")
		write(t, filepath.Join(dir, ".git", "index"), "x")
		expectNone(t, w, "a write in .git", 400*time.Millisecond)
	})
}

// TestWatchAtomicSave: an editor's save through a hidden temporary file renamed over the file
// names the file alone.
func TestWatchAtomicSave(t *testing.T) {
	modes(t, func(t *testing.T, mode Mode) {
		dir := t.TempDir()
		write(t, filepath.Join(dir, "2026", "a.md"), "x")
		w := start(t, dir, mode)
		write(t, filepath.Join(dir, "2026", ".a.md.swp"), "saved, longer")
		if err := os.Rename(filepath.Join(dir, "2026", ".a.md.swp"), filepath.Join(dir, "2026", "a.md")); err != nil {
			t.Fatal(err)
		}
		c := expect(t, w, "an atomic save", wait)
		if !slices.Equal(c.Paths, []string{"2026/a.md"}) || c.All {
			t.Errorf("an atomic save: %+v, want 2026/a.md alone", c)
		}
	})
}

// TestWatchFolders: a renamed or deleted folder is named, and a renamed one stays watched.
func TestWatchFolders(t *testing.T) {
	modes(t, func(t *testing.T, mode Mode) {
		dir := t.TempDir()
		write(t, filepath.Join(dir, "2025", "bundle", "index.md"), "x")
		write(t, filepath.Join(dir, "2025", "bundle", "pic.png"), "x")
		write(t, filepath.Join(dir, "2024", "old.md"), "x")
		w := start(t, dir, mode)

		if err := os.Rename(filepath.Join(dir, "2025", "bundle"), filepath.Join(dir, "2025", "renamed")); err != nil {
			t.Fatal(err)
		}
		c := expect(t, w, "a renamed folder", wait)
		if mode == Notify {
			has(t, c, "a renamed folder", "2025/bundle", "2025/renamed")
		} else {
			has(t, c, "a renamed folder", "2025/bundle/index.md", "2025/bundle/pic.png", "2025/renamed/index.md", "2025/renamed/pic.png")
		}
		write(t, filepath.Join(dir, "2025", "renamed", "index.md"), "edited, longer")
		has(t, expect(t, w, "an edit in the renamed folder", wait), "an edit in the renamed folder", "2025/renamed/index.md")

		if err := os.RemoveAll(filepath.Join(dir, "2024")); err != nil {
			t.Fatal(err)
		}
		c = expect(t, w, "a deleted folder", wait)
		if mode == Notify {
			has(t, c, "a deleted folder", "2024")
		} else {
			has(t, c, "a deleted folder", "2024/old.md")
		}
	})
}

// TestWatchBusyReader: changes made while the reader is busy are not lost: they come together in
// the next Change. Polling, on the real file system; TestInjectedBusyReader holds notify mode to
// the same.
func TestWatchBusyReader(t *testing.T) {
	dir := t.TempDir()
	w := start(t, dir, Poll)
	write(t, filepath.Join(dir, "a.md"), "x")
	time.Sleep(300 * time.Millisecond) // reported, not yet taken
	write(t, filepath.Join(dir, "b.md"), "x")
	time.Sleep(300 * time.Millisecond)
	has(t, expect(t, w, "changes while busy", wait), "changes while busy", "a.md", "b.md")
	expectNone(t, w, "after them", 300*time.Millisecond)
}

// TestWatchGitCheckout: switching branches with git rewrites hundreds of files as fast as it
// can; that is one change naming them all.
func TestWatchGitCheckout(t *testing.T) {
	testsupport.Slow(t) // git writes 800 files and commits twice: 5 to 9 s
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	dir := t.TempDir()
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false"}, args...)...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	const n = 400
	git("init", "-q", "-b", "main")
	for i := range n {
		write(t, filepath.Join(dir, fmt.Sprint(2020+i%5), fmt.Sprintf("incident-%03d.md", i)), "main "+fmt.Sprint(i))
	}
	git("add", ".")
	git("commit", "-q", "-m", "main")
	git("checkout", "-q", "-b", "other")
	for i := range n {
		write(t, filepath.Join(dir, fmt.Sprint(2020+i%5), fmt.Sprintf("incident-%03d.md", i)), "other branch "+fmt.Sprint(i))
	}
	git("commit", "-q", "-am", "other")
	git("checkout", "-q", "main")

	w := start(t, dir, Notify)
	git("checkout", "-q", "other")
	c := expect(t, w, "a checkout", wait)
	expectNone(t, w, "after the checkout", 500*time.Millisecond)
	if c.All {
		t.Fatalf("the checkout came as All")
	}
	var files []string
	for _, p := range c.Paths {
		if strings.HasSuffix(p, ".md") {
			files = append(files, p)
		}
	}
	if len(files) != n {
		t.Errorf("the checkout's change names %d of %d files", len(files), n)
	}
}

func TestUnknownMode(t *testing.T) {
	if _, err := New(t.TempDir(), Options{Mode: "magic"}); err == nil {
		t.Fatal("no error for an unknown mode")
	}
}

// TestWatchOverflow: when the kernel's queue overflows, events are lost, and the change says so:
// everything must be looked at again.
func TestWatchOverflow(t *testing.T) {
	dir := t.TempDir()
	var errs []error
	w, err := New(dir, Options{Mode: Notify, OnError: func(err error) { errs = append(errs, err) }})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	write(t, filepath.Join(dir, "a.md"), "x")
	w.fsw.Errors <- fsnotify.ErrEventOverflow // as the fsnotify reader sends it
	c := expect(t, w, "an overflow", wait)
	if !c.All || c.Paths != nil {
		t.Errorf("after an overflow: %+v, want All", c)
	}
	// The next burst is told in paths again.
	write(t, filepath.Join(dir, "b.md"), "x")
	if c := expect(t, w, "after the overflow", wait); c.All || !slices.Equal(c.Paths, []string{"b.md"}) {
		t.Errorf("after the overflow: %+v, want b.md", c)
	}
	w.Close()
	if len(errs) != 1 || !errors.Is(errs[0], fsnotify.ErrEventOverflow) {
		t.Errorf("OnError got %v, want the overflow", errs)
	}
}
