//go:build unix

package content

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestSpecialFiles: a named pipe in the content directory, or where site.yaml should be, is
// reported and never opened: reading it would wait for a writer forever, and every reload with it.
func TestSpecialFiles(t *testing.T) {
	dir := writeDir(t, map[string]string{"site.yaml": siteYAML, "a.md": goodIncident, "sub/index.md": fm(title, started)})
	for _, name := range []string{"pipe.md", "sub/pipe.png"} {
		if err := syscall.Mkfifo(filepath.Join(dir, filepath.FromSlash(name)), 0o644); err != nil {
			if name == "pipe.md" {
				t.Skipf("cannot make named pipes here: %v", err)
			}
			t.Fatal(err)
		}
	}
	symlink(t, dir, "link.md", "pipe.md")
	cat := Load(openDir(t, dir), Options{})
	want := []string{
		"link.md:1:1: error: symbolic link to `pipe.md` names `pipe.md`, which is a named pipe, not a file; remove the link",
		"pipe.md:1:1: error: this is a named pipe, not a file; only files and folders are read: remove it",
		"sub/pipe.png:1:1: error: this is a named pipe, not a file; only files and folders are read: remove it",
	}
	if diff := cmp.Diff(want, problemLines(cat.Problems)); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	if len(cat.Incidents) != 2 || len(cat.Assets) != 0 {
		t.Errorf("got %d incidents and %d bundles with files, want a and sub, and none", len(cat.Incidents), len(cat.Assets))
	}

	pipeSite := writeDir(t, map[string]string{"a.md": goodIncident})
	if err := syscall.Mkfifo(filepath.Join(pipeSite, "site.yaml"), 0o644); err != nil {
		t.Fatal(err)
	}
	cat = Load(openDir(t, pipeSite), Options{})
	if got, want := cat.Problems.In(SiteFile).String(), "site.yaml:1:1: error: this is a named pipe, not a file; replace it with a file\n"; got != want {
		t.Errorf("site.yaml problems:\n%s\nwant:\n%s", got, want)
	}
}

// TestReadAssetPipe: a named pipe put where a published picture was is refused at once by the
// request-time read, not opened (which would wait for a writer forever).
func TestReadAssetPipe(t *testing.T) {
	dir := writeDir(t, map[string]string{"b/index.md": fm(title, started)})
	if err := syscall.Mkfifo(filepath.Join(dir, "b", "graph.png"), 0o644); err != nil {
		t.Skipf("cannot make named pipes here: %v", err)
	}
	done := make(chan error, 1)
	go func() {
		_, _, err := ReadAsset(openDir(t, dir), "b/graph.png")
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "b/graph.png is a named pipe, not a file") {
			t.Errorf("ReadAsset of a named pipe: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("ReadAsset of a named pipe still waiting after 5 s")
	}
}
