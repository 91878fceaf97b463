package site_test

import (
	"os"
	"testing"
	"time"

	"statuspress/internal/content"
	"statuspress/internal/locale"
	"statuspress/internal/site"
	"statuspress/internal/testsupport/sitetest"
)

// catalog is the language catalogue, loaded once per test binary.
var catalog = sitetest.LoadCatalog

// build loads the content directory dir and builds its snapshot at the tests' instant
// (feedClock); the content must be free of errors.
func build(t *testing.T, dir string, opt site.Options) *site.Snapshot {
	t.Helper()
	return sitetest.Build(t, os.DirFS(dir), opt, feedClock)
}

// small is the test site in testdata/small.
func small(t *testing.T, opt site.Options) *site.Snapshot {
	t.Helper()
	return build(t, "testdata/small", opt)
}

// editable copies testdata/small to a directory the test may change, and returns it with a
// Loader over it and the snapshot of its first load, made at loaded.
func editable(t *testing.T, loaded time.Time) (string, *content.Loader, *site.Snapshot) {
	t.Helper()
	cat := sitetest.Catalog(t)
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("testdata/small")); err != nil {
		t.Fatal(err)
	}
	files := os.DirFS(dir)
	ld := content.NewLoader(files, content.Options{})
	return dir, ld, site.Build(files, ld.Load(), cat, site.Options{}, loaded)
}

// localizer is the catalog's localizer for lang in the given IANA zone.
func localizer(t *testing.T, lang, zone string) *locale.Localizer {
	t.Helper()
	cat := sitetest.Catalog(t)
	loc, err := time.LoadLocation(zone)
	if err != nil {
		t.Fatal(err)
	}
	return cat.Localizer(lang, loc)
}

func at(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}
