package content

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// walkCountingFS is a directory on disk that counts the folders read, which only a walk does.
type walkCountingFS struct {
	fs.FS
	dirsRead atomic.Int64
}

func (c *walkCountingFS) ReadDir(name string) ([]fs.DirEntry, error) {
	c.dirsRead.Add(1)
	return fs.ReadDir(c.FS, name)
}
func (c *walkCountingFS) Lstat(name string) (fs.FileInfo, error) { return fs.Lstat(c.FS, name) }
func (c *walkCountingFS) ReadLink(name string) (string, error)   { return fs.ReadLink(c.FS, name) }

// walked reports whether a folder was read since it was last asked.
func (c *walkCountingFS) walked() bool { return c.dirsRead.Swap(0) > 0 }

// liveDir is a content directory on disk followed by two Loaders: one told the changed paths
// (LoadChanged), one walking everything each time (Load), which the first must always agree with.
type liveDir struct {
	t        *testing.T
	dir      string
	fsys     *walkCountingFS
	ld, twin *Loader
	cat      *Catalog
}

func newLiveDir(t *testing.T, files map[string]string) *liveDir {
	dir := writeDir(t, files)
	d := &liveDir{t: t, dir: dir, fsys: &walkCountingFS{FS: os.DirFS(dir)}}
	d.ld = NewLoader(d.fsys, Options{})
	d.twin = NewLoader(os.DirFS(dir), Options{})
	d.cat = d.ld.Load()
	d.twin.Load()
	d.fsys.walked()
	return d
}

func (d *liveDir) path(name string) string { return filepath.Join(d.dir, filepath.FromSlash(name)) }

func (d *liveDir) write(name, data string) {
	d.t.Helper()
	if err := os.MkdirAll(filepath.Dir(d.path(name)), 0o755); err != nil {
		d.t.Fatal(err)
	}
	if err := os.WriteFile(d.path(name), []byte(data), 0o644); err != nil {
		d.t.Fatal(err)
	}
}

func (d *liveDir) remove(name string) {
	d.t.Helper()
	if err := os.RemoveAll(d.path(name)); err != nil {
		d.t.Fatal(err)
	}
}

func (d *liveDir) rename(from, to string) {
	d.t.Helper()
	if err := os.Rename(d.path(from), d.path(to)); err != nil {
		d.t.Fatal(err)
	}
}

// reload hands the paths to LoadChanged, checks that it walked the directory or not as wanted,
// and that its catalog is the one a full load gives.
func (d *liveDir) reload(what string, walk bool, paths ...string) *Catalog {
	d.t.Helper()
	got := d.ld.LoadChanged(paths)
	if walked := d.fsys.walked(); walked != walk {
		d.t.Errorf("%s: walked the directory: %v, want %v", what, walked, walk)
	}
	want := d.twin.Load()
	if diff := cmp.Diff(want.Problems.String(), got.Problems.String()); diff != "" {
		d.t.Errorf("%s: problems differ from a full load's (-want +got):\n%s", what, diff)
	}
	if got.Version != want.Version || got.Files != want.Files {
		d.t.Errorf("%s: version %s, %d files; a full load: %s, %d files", what, got.Version, got.Files, want.Version, want.Files)
	}
	if diff := cmp.Diff(want.Assets, got.Assets); diff != "" {
		d.t.Errorf("%s: assets differ from a full load's (-want +got):\n%s", what, diff)
	}
	if diff := cmp.Diff(want.Incidents, got.Incidents); diff != "" {
		d.t.Errorf("%s: incidents differ from a full load's (-want +got):\n%s", what, diff)
	}
	for _, in := range want.Incidents {
		if g, ok := got.Incident(in.Slug); !ok || g.Slug != in.Slug {
			d.t.Errorf("%s: Incident(%q) does not find it", what, in.Slug)
		}
	}
	if len(got.bySlug) != len(want.bySlug) {
		d.t.Errorf("%s: %d incidents by slug, a full load %d", what, len(got.bySlug), len(want.bySlug))
	}
	d.cat = got
	return got
}

// incidentFile is a valid original with the given title.
func incidentFile(title string) string {
	return strings.Replace(goodIncident, "title: SOAP API unavailable", "title: "+title, 1)
}

// TestLoadChanged follows a content directory through every kind of change an editor, a person
// at a shell or git makes, telling the Loader the changed paths as the watcher does, and checks
// after each that the catalog is what a full load gives, and that the directory was walked only
// when the paths could not tell the whole change.
func TestLoadChanged(t *testing.T) {
	d := newLiveDir(t, map[string]string{
		"site.yaml":                  siteYAML,
		"2026/a.md":                  incidentFile("A"),
		"2026/a.nl.md":               fm("title: A in het Nederlands"),
		"2026/b.md":                  incidentFile("B"),
		"2025/bundle-x/index.md":     strings.Replace(incidentFile("Bundle"), "A rollback went wrong.", "![chart](chart.png)", 1),
		"2025/bundle-x/chart.png":    png,
		"2025/bundle-x/index.nl.md":  fm("title: Bundel"),
		"2024/old.md":                incidentFile("Old"),
		"2024/older.md":              incidentFile("Older"),
		"notes.txt":                  "not content",
		"_drafts/draft.md":           incidentFile("Draft"),
		"README.md":                  "# Content",
		"2023/deep/folder/nested.md": incidentFile("Nested"),
	})
	if d.cat.Problems.Errors() > 0 {
		t.Fatalf("the start has errors:\n%s", d.cat.Problems)
	}
	b1, _ := d.cat.Incident("b")

	// An edit: that incident alone is rebuilt, the others are the same values.
	d.write("2026/a.md", incidentFile("A, edited"))
	cat := d.reload("an edit", false, "2026/a.md")
	if a, _ := cat.Incident("a"); a == nil || a.Original().Title != "A, edited" || a.Texts["nl"] == nil {
		t.Errorf("the edit is not loaded with its translation: %+v", a)
	}
	if b, _ := cat.Incident("b"); b != b1 {
		t.Errorf("an incident that did not change was rebuilt")
	}

	// Saved as editors do: a temporary file renamed over the original.
	d.write("2026/.a.md.swp", incidentFile("A, saved atomically"))
	d.rename("2026/.a.md.swp", "2026/a.md")
	d.reload("an atomic save", false, "2026/.a.md.swp", "2026/a.md")

	d.write("2026/c.md", incidentFile("C"))
	d.reload("a new file", false, "2026/c.md")
	d.write("2026/c.fr.md", fm("title: C en français"))
	d.reload("a new translation", false, "2026/c.fr.md")
	d.remove("2026/b.md")
	if _, ok := d.reload("a deleted file", false, "2026/b.md").Incident("b"); ok {
		t.Errorf("a deleted incident is still listed")
	}
	d.write("2026/b.md", "---\ntitle: [\n---\n")
	if _, ok := d.reload("a broken file under a deleted incident's name", false, "2026/b.md").Incident("b"); ok {
		t.Errorf("a deleted incident came back as its last good version")
	}
	d.remove("2026/b.md")
	d.reload("deleted again", false, "2026/b.md")

	// Broken, then fixed: the last good version stays up in between.
	d.write("2026/a.md", strings.Replace(incidentFile("A, broken"), "title:", "titel:", 1))
	if a, _ := d.reload("a typo", false, "2026/a.md").Incident("a"); a == nil || a.Original().Title != "A, saved atomically" {
		t.Errorf("the last good version is not served: %+v", a)
	}
	d.write("2026/a.nl.md", "---\ntitle: [\n---\n")
	d.reload("a broken translation", false, "2026/a.nl.md")
	d.write("2026/a.md", incidentFile("A, fixed"))
	d.write("2026/a.nl.md", fm("title: A, gerepareerd"))
	d.reload("fixed", false, "2026/a.md", "2026/a.nl.md")

	// Names that break rules, files that are not content, duplicate slugs, orphans.
	d.write("2026/Bad_Name.md", incidentFile("Bad"))
	d.write("2026/notes.txt", "x")
	d.write("2025/c.md", incidentFile("C again"))
	d.write("2026/orphan.nl.md", fm("title: Wees"))
	d.write("2026/d.xx.md", fm("title: Unknown language"))
	d.reload("files with problems", false, "2026/Bad_Name.md", "2026/notes.txt", "2025/c.md", "2026/orphan.nl.md", "2026/d.xx.md")
	d.remove("2026/c.md")
	d.reload("the first of two originals deleted", false, "2026/c.md")
	for _, p := range []string{"2026/Bad_Name.md", "2026/notes.txt", "2025/c.md", "2026/orphan.nl.md", "2026/d.xx.md"} {
		d.remove(p)
	}
	d.reload("the problems deleted", false, "2026/Bad_Name.md", "2026/notes.txt", "2025/c.md", "2026/orphan.nl.md", "2026/d.xx.md", "2026/c.fr.md")

	// A bundle's files: a picture added and taken away changes what its incident may link to.
	d.write("2025/bundle-x/more.png", png)
	d.reload("an asset added", false, "2025/bundle-x/more.png")
	d.remove("2025/bundle-x/chart.png")
	if !strings.Contains(d.reload("an asset its incident links to deleted", false, "2025/bundle-x/chart.png").Problems.String(), "chart.png") {
		t.Errorf("the broken link to a deleted picture is not reported")
	}
	d.write("2025/bundle-x/chart.png", png)
	d.write("2025/bundle-x/index.md", strings.Replace(incidentFile("Bundle, edited"), "A rollback went wrong.", "![chart](chart.png)", 1))
	d.write("2025/bundle-x/extra.md", "not an incident")
	d.reload("a bundle edited", false, "2025/bundle-x/chart.png", "2025/bundle-x/index.md", "2025/bundle-x/extra.md")

	// Paths that are not content change nothing at all.
	before := d.cat
	d.write("_drafts/draft.md", incidentFile("Draft, edited"))
	d.write("README.md", "# Changed")
	if got := d.reload("not content", false, "_drafts/draft.md", "README.md", "2026/4913", ".git/index"); got != before {
		t.Errorf("a change that is not content made a new catalog")
	}

	// A burst, as from git pull: many files at once.
	var burst []string
	for _, p := range []string{"2026/p1.md", "2026/p2.md", "2026/p3.md", "2024/old.md", "2024/older.md", "2026/a.nl.md"} {
		d.write(p, incidentFile("Pulled "+p))
		burst = append(burst, p)
	}
	d.remove("2023/deep/folder/nested.md")
	d.reload("a burst", false, append(burst, "2023/deep/folder/nested.md")...)

	// Polling names the files of a deleted folder, not the folder.
	d.remove("2024")
	d.reload("a folder deleted, its files named", false, "2024/old.md", "2024/older.md")

	// What the paths cannot tell in full: everything is walked.
	d.write("site.yaml", strings.Replace(siteYAML, "title: Example Status", "title: Example", 1))
	d.reload("site.yaml", true, "site.yaml")
	d.rename("2025/bundle-x", "2025/bundle-y")
	d.reload("a folder renamed", true, "2025/bundle-x", "2025/bundle-y")
	d.remove("2023/deep")
	d.reload("a folder deleted", true, "2023/deep")
	d.write("2027/new.md", incidentFile("In a new folder"))
	d.reload("a new folder, named", true, "2027")
	d.write("2028/new-too.md", incidentFile("In another new folder"))
	d.reload("a new folder, its file named", true, "2028/new-too.md")
	d.write("2027/pics/pic.png", png)
	d.reload("a folder of pictures", true, "2027/pics")
	d.write("2027/pics/index.md", incidentFile("Pictures"))
	d.reload("the folder becomes a bundle", true, "2027/pics/index.md")
	d.remove("2027/pics/index.md")
	d.reload("the bundle's index.md deleted", true, "2027/pics/index.md")
	d.reload("a path outside", true, "../elsewhere.md")
	d.reload("the whole directory", true, ".")

	// And back to telling paths.
	d.write("2027/new.md", incidentFile("In a new folder, edited"))
	d.reload("an edit after walking", false, "2027/new.md")
}

// TestLoadChangedSymlinks: with a symbolic link in the directory, a change to its target shows
// under the target's name only, so every load walks.
func TestLoadChangedSymlinks(t *testing.T) {
	d := newLiveDir(t, map[string]string{"site.yaml": siteYAML, "real/b.md": incidentFile("B")})
	if err := os.Symlink("real/b.md", d.path("link.md")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	d.reload("a link added", true, "link.md")
	d.write("real/b.md", incidentFile("B, edited"))
	if l, _ := d.reload("the link's target edited", true, "real/b.md").Incident("link"); l == nil || l.Original().Title != "B, edited" {
		t.Errorf("the link does not show its target's edit")
	}
}

// TestLoadChangedFirst: without a load to start from, LoadChanged walks.
func TestLoadChangedFirst(t *testing.T) {
	dir := writeDir(t, map[string]string{"site.yaml": siteYAML, "a.md": goodIncident})
	cat := NewLoader(os.DirFS(dir), Options{}).LoadChanged([]string{"a.md"})
	if _, ok := cat.Incident("a"); !ok || cat.Files != 2 {
		t.Errorf("first LoadChanged: %d files, problems:\n%s", cat.Files, cat.Problems)
	}
}
