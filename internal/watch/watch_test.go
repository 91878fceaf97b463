package watch

import (
	"os"
	"path/filepath"
	"testing"
	"time"
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

// expect waits for one signal, and then for none within quiet.
func expect(t *testing.T, w *Watcher, what string, within time.Duration) {
	t.Helper()
	select {
	case <-w.Changes():
	case <-time.After(within):
		t.Fatalf("%s: no change reported within %v", what, within)
	}
}

func expectNone(t *testing.T, w *Watcher, what string, wait time.Duration) {
	t.Helper()
	select {
	case <-w.Changes():
		t.Fatalf("%s: a change was reported", what)
	case <-time.After(wait):
	}
}

func TestWatch(t *testing.T) {
	for _, mode := range []Mode{Notify, Poll} {
		t.Run(string(mode), func(t *testing.T) {
			dir := t.TempDir()
			write(t, filepath.Join(dir, "site.yaml"), "title: x")
			w, err := New(dir, Options{Mode: mode, Quiet: 30 * time.Millisecond, Interval: 40 * time.Millisecond})
			if err != nil {
				t.Fatal(err)
			}
			defer w.Close()
			wait := 2 * time.Second

			// A burst of writes is one signal.
			for i := range 50 {
				write(t, filepath.Join(dir, "2026", "a"+string(rune('a'+i%26))+".md"), "x")
			}
			expect(t, w, "a burst", wait)
			expectNone(t, w, "after the burst", 300*time.Millisecond)

			// A folder created after the start is watched, files in it too.
			write(t, filepath.Join(dir, "2027", "01", "new.md"), "x")
			expect(t, w, "a new folder", wait)
			time.Sleep(100 * time.Millisecond)
			drain(w)
			write(t, filepath.Join(dir, "2027", "01", "new.md"), "changed, longer")
			expect(t, w, "a file in the new folder", wait)

			// Removal counts; hidden folders such as .git do not.
			drain(w)
			if err := os.Remove(filepath.Join(dir, "2027", "01", "new.md")); err != nil {
				t.Fatal(err)
			}
			expect(t, w, "a removal", wait)
			time.Sleep(100 * time.Millisecond)
			drain(w)
			write(t, filepath.Join(dir, ".git", "index"), "x")
			expectNone(t, w, "a write in .git", 400*time.Millisecond)
		})
	}
}

func drain(w *Watcher) {
	for {
		select {
		case <-w.Changes():
		default:
			return
		}
	}
}

func TestUnknownMode(t *testing.T) {
	if _, err := New(t.TempDir(), Options{Mode: "magic"}); err == nil {
		t.Fatal("no error for an unknown mode")
	}
}
