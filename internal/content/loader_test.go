package content

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// TestLoaderKeepsLastGood walks a content directory through the edits a support team makes while
// a server keeps reloading it.
func TestLoaderKeepsLastGood(t *testing.T) {
	fsys := fstest.MapFS{
		"site.yaml": {Data: []byte(siteYAML)},
		"a.md":      {Data: []byte(goodIncident)},
		"a.nl.md":   {Data: []byte(fm("title: SOAP-API onbereikbaar"))},
		"b.md":      {Data: []byte(fm(title, started))},
	}
	ld := NewLoader(fsys, Options{})
	first := ld.Load()
	a1, _ := first.Incident("a")
	b1, _ := first.Incident("b")
	if a1 == nil || b1 == nil || a1.Texts["nl"] == nil {
		t.Fatalf("first load: %v", first.Problems)
	}

	// Nothing changed: everything is reused, not rebuilt.
	second := ld.Load()
	if a2, _ := second.Incident("a"); a2 != a1 {
		t.Errorf("an unchanged incident was rebuilt")
	}

	// b changes: only b is rebuilt.
	fsys["b.md"] = &fstest.MapFile{Data: []byte(fm("title: Something else broke", started))}
	third := ld.Load()
	if a3, _ := third.Incident("a"); a3 != a1 {
		t.Errorf("a was rebuilt although only b changed")
	}
	if b3, _ := third.Incident("b"); b3 == b1 || b3.Original().Title != "Something else broke" {
		t.Errorf("the edit of b is not published")
	}

	// A typo in a: the last good version stays up, and the problem is reported; a new broken
	// file stays out.
	fsys["a.md"] = &fstest.MapFile{Data: []byte(strings.Replace(goodIncident, "title:", "titel:", 1))}
	fsys["c.md"] = &fstest.MapFile{Data: []byte("---\ntitle: half")}
	broken := ld.Load()
	if a4, _ := broken.Incident("a"); a4 != a1 {
		t.Errorf("the broken incident is not served in its last good version")
	}
	if _, ok := broken.Incident("c"); ok {
		t.Errorf("a new broken file was published")
	}
	got := broken.Problems.String()
	for _, want := range []string{
		"a.md:2:1: error: unknown field `titel`",
		"a.md:1:1: warning: the site keeps serving the last good version of this incident until the errors here are fixed",
		"c.md:1:1: error: the front matter opened here is never closed",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("problems lack %q:\n%s", want, got)
		}
	}

	// A broken translation keeps its last good text too.
	fsys["a.md"] = &fstest.MapFile{Data: []byte(goodIncident)}
	fsys["a.nl.md"] = &fstest.MapFile{Data: []byte(fm("title: SOAP-API onbereikbaar", "started: 2020-06-08T02:04:00+02:00"))}
	tr := ld.Load()
	a5, _ := tr.Incident("a")
	if a5 == nil || a5.Texts["nl"] == nil || a5.Texts["nl"].Title != "SOAP-API onbereikbaar" {
		t.Errorf("the broken translation's last good text is not served")
	}
	if !strings.Contains(tr.Problems.String(), "a.nl.md:1:1: warning: the site keeps serving the last good version of this translation") {
		t.Errorf("problems:\n%s", tr.Problems)
	}

	// Fixed: the problems clear. Deleted: the incident goes.
	fsys["a.nl.md"] = &fstest.MapFile{Data: []byte(fm("title: SOAP-API onbereikbaar"))}
	delete(fsys, "c.md")
	delete(fsys, "b.md")
	fixed := ld.Load()
	if fixed.Problems.Errors() != 0 {
		t.Errorf("problems remain after the fix:\n%s", fixed.Problems)
	}
	if _, ok := fixed.Incident("b"); ok {
		t.Errorf("a deleted incident is still served")
	}
	fsys["b.md"] = &fstest.MapFile{Data: []byte("---\ntitle: [")}
	if _, ok := ld.Load().Incident("b"); ok {
		t.Errorf("a deleted incident came back as its last good version when a broken file took its name")
	}
}

// TestLoaderSiteChange: a change of site.yaml rechecks every incident against it.
func TestLoaderSiteChange(t *testing.T) {
	fsys := fstest.MapFS{
		"site.yaml": {Data: []byte(siteYAML)},
		"a.md":      {Data: []byte(goodIncident)},
	}
	ld := NewLoader(fsys, Options{})
	a1, _ := ld.Load().Incident("a")
	fsys["site.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(siteYAML, "id: soap-api", "id: soap", 1))}
	cat := ld.Load()
	if !strings.Contains(cat.Problems.String(), "a.md:6:3: error: unknown component `soap-api`; use one of soap, web-app") {
		t.Errorf("the incident was not rechecked against the new site.yaml:\n%s", cat.Problems)
	}
	if a2, _ := cat.Incident("a"); a2 != a1 {
		t.Errorf("the last good version should stay up while the incident is wrong")
	}
}

// TestLoaderKeepsLastGoodSite: a site.yaml with errors, or none, keeps the last good one, as an
// incident file does, and says so; a fixed one is taken.
func TestLoaderKeepsLastGoodSite(t *testing.T) {
	tests := []struct {
		name string
		site string // "" deletes site.yaml
		want string // a problem the load reports
	}{
		{"unknown language", strings.Replace(siteYAML, "[en, nl, fr]", "[en, nl, xx]", 1), "site.yaml:4:21: error: language `xx` is not supported"},
		{"truncated", "", "site.yaml:1:1: error: site.yaml is missing"},
		{"empty", "\n", "site.yaml:1:1: error: site.yaml is empty; it needs at least title"},
		{"cut in the middle", siteYAML[:strings.Index(siteYAML, "groups:")], "site.yaml:1:6: error: site.yaml lacks `components`"},
		{"unknown field", siteYAML + "timezone: Europe/Paris\n", "site.yaml:17:1: error: unknown field `timezone` in site.yaml; did you mean `timezones`?"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{
				"site.yaml": {Data: []byte(siteYAML)},
				"a.md":      {Data: []byte(goodIncident)},
				"a.fr.md":   {Data: []byte(fm("title: API SOAP indisponible"))}, // French goes if the languages do
			}
			ld := NewLoader(fsys, Options{})
			first := ld.Load()
			a1, _ := first.Incident("a")
			if first.Problems.Errors() != 0 || a1 == nil {
				t.Fatalf("first load:\n%s", first.Problems)
			}
			if tt.site == "" {
				delete(fsys, "site.yaml")
			} else {
				fsys["site.yaml"] = &fstest.MapFile{Data: []byte(tt.site)}
			}
			broken := ld.Load()
			if broken.Site != first.Site {
				t.Errorf("the site is not the last good one: languages %v, title %v", broken.Site.Languages, broken.Site.Title)
			}
			if a, _ := broken.Incident("a"); a != a1 {
				t.Errorf("the incident was rebuilt or dropped")
			}
			got := broken.Problems.String()
			for _, want := range []string{tt.want, "site.yaml:1:1: warning: the site keeps serving the last good version of site.yaml until the errors here are fixed"} {
				if !strings.Contains(got, want) {
					t.Errorf("problems lack %q:\n%s", want, got)
				}
			}
			// A change of paths (as a watcher gives) keeps it too.
			if c := ld.LoadChanged([]string{"site.yaml"}); c.Site != first.Site {
				t.Errorf("LoadChanged: the site is not the last good one")
			}

			// Fixed, with a new title: the new site.yaml is taken.
			fsys["site.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(siteYAML, "Example Status", "Fixed Status", 1))}
			fixed := ld.Load()
			if fixed.Problems.Errors() != 0 || len(fixed.Problems.In("site.yaml")) != 0 || fixed.Site.Title["en"] != "Fixed Status" {
				t.Errorf("after the fix: title %q, problems:\n%s", fixed.Site.Title["en"], fixed.Problems)
			}
		})
	}
}

// TestLoaderFirstSiteBroken: with no good site.yaml yet there is nothing to keep: its errors stand
// and nothing says a last good version is served.
func TestLoaderFirstSiteBroken(t *testing.T) {
	fsys := fstest.MapFS{
		"site.yaml": {Data: []byte(siteYAML + "timezone: UTC\n")},
		"a.md":      {Data: []byte(goodIncident)},
	}
	got := NewLoader(fsys, Options{}).Load().Problems.String()
	want := "site.yaml:17:1: error: unknown field `timezone`"
	if !strings.Contains(got, want) || strings.Contains(got, "last good version of site.yaml") {
		t.Errorf("problems:\n%s\nwant %q and no last good version", got, want)
	}
}

// TestLoaderDirectoryGone: a content directory that goes away takes nothing down; the problem is
// reported until it is back, and then what it holds is read again.
func TestLoaderDirectoryGone(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "content")
	away := filepath.Join(parent, "away")
	writeTree(t, dir, map[string]string{"site.yaml": siteYAML, "2026/a.md": goodIncident, "b.md": fm(title, started)})
	ld := NewLoader(os.DirFS(dir), Options{})
	first := ld.Load()
	if len(first.Incidents) != 2 || first.Problems.Errors() != 0 {
		t.Fatalf("first load: %d incidents\n%s", len(first.Incidents), first.Problems)
	}
	if err := os.Rename(dir, away); err != nil {
		t.Fatal(err)
	}
	for name, load := range map[string]func() *Catalog{
		"Load":                  ld.Load,
		"LoadChanged of a file": func() *Catalog { return ld.LoadChanged([]string{"b.md"}) },
		"LoadChanged of all":    func() *Catalog { return ld.LoadChanged([]string{"2026", "2026/a.md", "b.md", "site.yaml"}) },
		"LoadFS":                func() *Catalog { return ld.LoadFS(os.DirFS(dir)) },
		"Lost":                  func() *Catalog { return ld.Lost(fs.ErrNotExist) },
	} {
		c := load()
		if len(c.Incidents) != 2 || c.Site != first.Site || c.Version != first.Version || !c.Lost {
			t.Errorf("%s: %d incidents, version %s (was %s)", name, len(c.Incidents), c.Version, first.Version)
		}
		if ps := c.Problems.In("."); len(ps) != 1 || !strings.Contains(ps[0].String(), ".:1:1: error: cannot read the content directory (") ||
			!strings.HasSuffix(ps[0].Message, "); the site keeps serving what it last read until the directory is back") {
			t.Errorf("%s: problems:\n%s", name, c.Problems)
		}
	}
	if a, b := ld.Load(), ld.Load(); a != b {
		t.Errorf("a directory still gone gives a new catalog each time")
	}
	// An empty directory in its place (a volume not mounted on its mount point) is no better.
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if c := ld.LoadFS(os.DirFS(dir)); len(c.Incidents) != 2 || !c.Lost || !strings.Contains(c.Problems.String(), ".:1:1: error: cannot read the content directory (it holds neither site.yaml nor any incident file; is it mounted or checked out?)") {
		t.Errorf("an empty directory in its place: %d incidents, problems:\n%s", len(c.Incidents), c.Problems)
	}
	if err := os.Remove(dir); err != nil {
		t.Fatal(err)
	}

	// Back, with a change made meanwhile.
	if err := os.Remove(filepath.Join(away, "b.md")); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(away, dir); err != nil {
		t.Fatal(err)
	}
	back := ld.LoadFS(os.DirFS(dir))
	if len(back.Incidents) != 1 || len(back.Problems) != 0 || back.Lost {
		t.Errorf("back: %d incidents, want 1; problems:\n%s", len(back.Incidents), back.Problems)
	}
}

// writeTree writes files under dir.
func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
