package content

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

// writeDir makes a real content directory, for what only a real file system has.
func writeDir(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestSymlinks(t *testing.T) {
	outside := writeDir(t, map[string]string{"secret.md": goodIncident})
	dir := writeDir(t, map[string]string{"site.yaml": siteYAML, "real/b.md": fm(title, started)})
	links := map[string]string{
		"escape.md": filepath.Join(outside, "secret.md"), // absolute, outside
		"up.md":     "../" + filepath.Base(outside),      // relative, outside
		"inside.md": "real/b.md",                         // a file inside: read as itself
		"folder":    "real",                              // a folder inside: not followed
		"gone.md":   "nothing-here.md",
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Skipf("cannot make symbolic links here: %v", err)
		}
	}
	cat := Load(os.DirFS(dir), Options{})
	var got []string
	for _, p := range cat.Problems {
		got = append(got, p.String())
	}
	want := []string{
		"escape.md:1:1: error: symbolic link to `" + filepath.Join(outside, "secret.md") + "` leads outside the content directory; copy the file in instead",
		"folder:1:1: warning: symbolic link to the folder `real` is not followed; move the folder here instead",
		"gone.md:1:1: error: symbolic link to `nothing-here.md` leads nowhere; fix or remove the link",
		"up.md:1:1: error: symbolic link to `../" + filepath.Base(outside) + "` leads outside the content directory; copy the file in instead",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	if _, ok := cat.Incident("inside"); !ok {
		t.Errorf("a symbolic link to a file inside the directory should load")
	}
	if _, ok := cat.Incident("secret"); ok || len(cat.Incidents) != 2 {
		t.Errorf("got %d incidents, want b and inside only", len(cat.Incidents))
	}
}

// countingFS counts the bytes read from its files.
type countingFS struct {
	fstest.MapFS
	read int
}

func (c *countingFS) Open(name string) (fs.File, error) {
	f, err := c.MapFS.Open(name)
	if err != nil {
		return nil, err
	}
	return &countingFile{File: f, n: &c.read}, nil
}

type countingFile struct {
	fs.File
	n *int
}

func (f *countingFile) Read(p []byte) (int, error) {
	n, err := f.File.Read(p)
	*f.n += n
	return n, err
}

// TestLargeFileNotRead: a file over the limit is refused from its size, without reading it.
func TestLargeFileNotRead(t *testing.T) {
	big := fm(title, started) + strings.Repeat("x", 8<<20)
	fsys := &countingFS{MapFS: fstest.MapFS{
		"site.yaml": {Data: []byte(siteYAML)},
		"big.md":    {Data: []byte(big)},
	}}
	cat := Load(fsys, Options{})
	want := "big.md:1:1: error: file is 8.0 MiB, more than the limit of 1.0 MiB; move large pictures into a bundle folder or split the text\n"
	if got := cat.Problems.String(); got != want {
		t.Errorf("problems:\n%s\nwant:\n%s", got, want)
	}
	if fsys.read > len(siteYAML)+1024 {
		t.Errorf("read %d bytes; the large file should not be read", fsys.read)
	}
}
