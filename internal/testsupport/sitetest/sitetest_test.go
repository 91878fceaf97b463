package sitetest_test

import (
	"runtime"
	"testing"
	"testing/fstest"
	"time"

	"statuspress/internal/site"
	"statuspress/internal/testsupport/sitetest"
)

var now = time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)

const siteYAML = `title: Example Status
base_url: https://status.example.com
default_language: en
languages: [en]
components:
  - id: api
    name: {en: API}
`

func TestBuild(t *testing.T) {
	s := sitetest.Build(t, fstest.MapFS{"site.yaml": {Data: []byte(siteYAML)}}, site.Options{}, now)
	if len(s.Site.Components) != 1 || s.Site.Components[0].ID != "api" {
		t.Errorf("components %+v, want the one of site.yaml", s.Site.Components)
	}
}

// fatalTB records whether a helper gave up on the test.
type fatalTB struct {
	testing.TB
	fatal bool
}

func (f *fatalTB) Helper()               {}
func (f *fatalTB) Fatalf(string, ...any) { f.fatal = true; runtime.Goexit() }

func TestBuildRefusesErrors(t *testing.T) {
	broken := fstest.MapFS{
		"site.yaml":      {Data: []byte(siteYAML)},
		"2026/broken.md": {Data: []byte("---\ntitle: [unclosed\n---\n")},
	}
	tb := &fatalTB{TB: t}
	done := make(chan struct{})
	go func() {
		defer close(done)
		sitetest.Build(tb, broken, site.Options{}, now)
	}()
	<-done
	if !tb.fatal {
		t.Error("content with an error was built without failing the test")
	}
}

func TestCatalogOnce(t *testing.T) {
	a, err := sitetest.LoadCatalog()
	if err != nil {
		t.Fatal(err)
	}
	if b := sitetest.Catalog(t); a != b {
		t.Error("the catalogue was loaded twice")
	}
}
