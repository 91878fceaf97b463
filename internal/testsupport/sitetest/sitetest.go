// Package sitetest builds snapshots for the tests of site and of the server that serves them:
// content from a directory or a file system, loaded, checked to be free of errors and built with
// the real language catalogue, as statuspress serve builds it. Only tests import it.
package sitetest

import (
	"io/fs"
	"sync"
	"testing"
	"time"

	"statuspress/internal/content"
	"statuspress/internal/locale"
	"statuspress/internal/site"
	"statuspress/locales"
)

var catalog = sync.OnceValues(func() (*locale.Catalog, error) { return locale.Load(locales.FS) })

// LoadCatalog is the language catalogue of locales/, loaded once per test binary, for set-up
// that has no testing.TB at hand.
func LoadCatalog() (*locale.Catalog, error) { return catalog() }

// Catalog is LoadCatalog, failing tb when the catalogue does not load.
func Catalog(tb testing.TB) *locale.Catalog {
	tb.Helper()
	cat, err := catalog()
	if err != nil {
		tb.Fatal(err)
	}
	return cat
}

// Build loads the content in files and builds its snapshot at now, failing tb when the content
// has errors (warnings are allowed).
func Build(tb testing.TB, files fs.FS, opt site.Options, now time.Time) *site.Snapshot {
	tb.Helper()
	c := content.Load(files, content.Options{})
	if n := c.Problems.Errors(); n > 0 {
		tb.Fatalf("the content has %d errors:\n%v", n, c.Problems)
	}
	return site.Build(files, c, Catalog(tb), opt, now)
}
