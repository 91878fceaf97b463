package content

import (
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
