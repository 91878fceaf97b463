package content

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
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

// png is a PNG picture of one pixel, as image/png writes it.
const png = "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\b\x02\x00\x00\x00\x90wS\xde" +
	"\x00\x00\x00\x10IDATx\x9cb\xd2ʿ\r\b\x00\x00\xff\xff\x02C\x01wT\x92\xfd\x9d\x00\x00\x00\x00IEND\xaeB`\x82"

// openDir opens a content directory as the commands do.
func openDir(t *testing.T, dir string) fs.FS {
	t.Helper()
	fsys, err := OpenDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	return fsys
}

// symlink makes the link name in dir to target, or skips the test where links cannot be made.
func symlink(t *testing.T, dir, name, target string) {
	t.Helper()
	if err := os.Symlink(target, filepath.Join(dir, filepath.FromSlash(name))); err != nil {
		t.Skipf("cannot make symbolic links here: %v", err)
	}
}

func problemLines(ps Problems) []string {
	var got []string
	for _, p := range ps {
		got = append(got, p.String())
	}
	return got
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
		symlink(t, dir, name, target)
	}
	cat := Load(openDir(t, dir), Options{})
	want := []string{
		"escape.md:1:1: error: symbolic link to `" + filepath.Join(outside, "secret.md") + "` leads outside the content directory; nothing outside it is read: copy the file in instead",
		"folder:1:1: warning: symbolic link to the folder `real` is not followed; move the folder here instead",
		"gone.md:1:1: error: symbolic link to `nothing-here.md` leads nowhere (there is no `nothing-here.md`); fix or remove the link",
		"up.md:1:1: error: symbolic link to `../" + filepath.Base(outside) + "` leads outside the content directory; nothing outside it is read: copy the file in instead",
	}
	if diff := cmp.Diff(want, problemLines(cat.Problems)); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	if _, ok := cat.Incident("inside"); !ok {
		t.Errorf("a symbolic link to a file inside the directory should load")
	}
	if _, ok := cat.Incident("secret"); ok || len(cat.Incidents) != 2 {
		t.Errorf("got %d incidents, want b and inside only", len(cat.Incidents))
	}
}

// TestSymlinkChains: a link is followed to its end, hop by hop, and nothing outside the content
// directory is read, whatever the chain: links to links, links through linked folders, links in
// a bundle. Each link that leaves is reported, and the loader does the same over any file system
// (os.DirFS follows links anywhere; OpenDir refuses them).
func TestSymlinkChains(t *testing.T) {
	outside := writeDir(t, map[string]string{"outside.md": goodIncident, "passwd": "root:x:0:0:secret\n"})
	dir := writeDir(t, map[string]string{
		"site.yaml":     siteYAML,
		"b/index.md":    fm(title, started) + "![graph](graph.png)\n",
		"b/graph.png":   png,
		"real/inner.md": fm(title, started),
	})
	out := func(name string) string { return filepath.Join(outside, name) }
	symlink(t, dir, "hop2", out("passwd"))             // the first hop leaves
	symlink(t, dir, "b/passwd.png", "../hop2")         // ... the second is inside
	symlink(t, dir, "hop", out("outside.md"))          // the same for an incident
	symlink(t, dir, "leak.md", "hop")                  //
	symlink(t, dir, "etc", filepath.Dir(out("x")))     // a folder outside, linked in
	symlink(t, dir, "via-folder.md", "etc/outside.md") // a path through it
	symlink(t, dir, "up", "..")                        // the folder above, relative
	symlink(t, dir, "b/up.md", "../up/"+filepath.Base(outside)+"/outside.md")
	symlink(t, dir, "loop1.md", "loop2.md") // a loop
	symlink(t, dir, "loop2.md", "loop1.md")
	symlink(t, dir, "chain.md", "hop3") // a chain that stays inside loads
	symlink(t, dir, "hop3", "real/../real/inner.md")
	for _, fsys := range []struct {
		name string
		fsys fs.FS
	}{{"OpenDir", openDir(t, dir)}, {"os.DirFS", os.DirFS(dir)}} {
		t.Run(fsys.name, func(t *testing.T) {
			cat := Load(fsys.fsys, Options{})
			leaves := "leads outside the content directory"
			fix := "; nothing outside it is read: copy the file in instead"
			want := []string{
				"b/passwd.png:1:1: error: symbolic link to `../hop2` " + leaves + " (through `hop2` → `" + out("passwd") + "`)" + fix,
				"b/up.md:1:1: error: symbolic link to `../up/" + filepath.Base(outside) + "/outside.md` " + leaves + " (through `up` → `..`)" + fix,
				"etc:1:1: error: symbolic link to `" + filepath.Dir(out("x")) + "` " + leaves + fix,
				"hop:1:1: error: symbolic link to `" + out("outside.md") + "` " + leaves + fix,
				"hop2:1:1: error: symbolic link to `" + out("passwd") + "` " + leaves + fix,
				"hop3:1:1: warning: not used: only site.yaml and incident Markdown files are read; pictures belong in a bundle folder (<slug>/index.md with the picture beside it)",
				"leak.md:1:1: error: symbolic link to `hop` " + leaves + " (through `hop` → `" + out("outside.md") + "`)" + fix,
				"loop1.md:1:1: error: symbolic link to `loop2.md` goes through more than 40 links (a loop?); fix or remove the link",
				"loop2.md:1:1: error: symbolic link to `loop1.md` goes through more than 40 links (a loop?); fix or remove the link",
				"up:1:1: error: symbolic link to `..` " + leaves + fix,
				"via-folder.md:1:1: error: symbolic link to `etc/outside.md` " + leaves + " (through `etc` → `" + filepath.Dir(out("x")) + "`)" + fix,
			}
			if diff := cmp.Diff(want, problemLines(cat.Problems)); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
			var slugs []string
			for _, in := range cat.Incidents {
				slugs = append(slugs, in.Slug)
			}
			slices.Sort(slugs)
			if diff := cmp.Diff([]string{"b", "chain", "inner"}, slugs); diff != "" {
				t.Errorf("incidents (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff([]Asset{{Name: "graph.png", Path: "b/graph.png"}}, cat.Assets["b"]); diff != "" {
				t.Errorf("assets of b (-want +got):\n%s", diff)
			}
		})
	}
	// Whatever asks, the directory's file system reads nothing outside it.
	fsys := openDir(t, dir)
	for _, name := range []string{"hop2", "b/passwd.png", "leak.md", "hop", "via-folder.md", "b/up.md"} {
		if b, err := fs.ReadFile(fsys, name); err == nil {
			t.Errorf("read %s through OpenDir: %q, want an error", name, b)
		}
	}
	if _, err := fs.ReadFile(fsys, "chain.md"); err != nil {
		t.Errorf("read chain.md, a chain inside: %v", err)
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

// TestSiteFileLinkOutside: site.yaml, read before the walk, is held to the same rule, once.
func TestSiteFileLinkOutside(t *testing.T) {
	outside := writeDir(t, map[string]string{"site.yaml": siteYAML})
	dir := writeDir(t, map[string]string{"a.md": goodIncident})
	symlink(t, dir, "hop", filepath.Join(outside, "site.yaml"))
	symlink(t, dir, SiteFile, "hop")
	cat := Load(openDir(t, dir), Options{})
	want := []string{
		"hop:1:1: error: symbolic link to `" + filepath.Join(outside, "site.yaml") + "` leads outside the content directory; nothing outside it is read: copy the file in instead",
		"site.yaml:1:1: error: this symbolic link leads outside the content directory (through `hop` → `" + filepath.Join(outside, "site.yaml") + "`); nothing outside it is read: copy the file in instead",
	}
	if diff := cmp.Diff(want, problemLines(cat.Problems)); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	if len(cat.Site.Components) > 0 {
		t.Errorf("site.yaml was read from outside the content directory")
	}
}
