package server_test

import (
	"net/http"
	"testing"
	"time"

	"statuspress/internal/server"
	"statuspress/internal/testsupport"
	"statuspress/internal/testsupport/synthetic"
)

// maxOverview is the README's performance target for the overview: under 15 KB compressed, so
// it loads on a poor phone connection during an outage.
const maxOverview = 15 << 10

// TestOverviewWeight: the sample site's overview weighs under 15 KB with gzip and with brotli, in
// every language.
func TestOverviewWeight(t *testing.T) {
	checkOverviewWeight(t, sample(t), "the sample site")
}

// TestOverviewWeight10k: the overview of the synthetic 10,000-item corpus of
// internal/testsupport/synthetic (eleven 90-day strips, most of whose days had an incident) weighs under 15 KB with gzip and
// with brotli, in every language. Its weight is the uptime strips': the overview gives words only
// to today and the days that were not calm, and leaves the links to each day's incidents to the
// component pages (site.compactStrip). Loading the corpus takes some seconds, more with -race,
// so -short skips the test; the corpus is generated once into testoutput/synthetic/.
func TestOverviewWeight10k(t *testing.T) {
	testsupport.Slow(t)
	if testing.Short() {
		t.Skip("loads the 10,000-item synthetic corpus: skipped with -short")
	}
	if raceEnabled {
		// .ci/run runs this test once more without -race.
		t.Skip("loads the 10,000-item synthetic corpus: skipped under the race detector (ten times slower); run without -race")
	}
	snap := snapshot10k(t)
	srv := server.New(snap, server.Config{Now: func() time.Time { return synthetic.CorpusNow }})
	checkOverviewWeight(t, srv, "10,000 items")
	// A component's page lists its past incidents a page at a time, as history does (all of
	// them on one page weighed 1.5 MB).
	for _, c := range snap.Site.Components {
		path := "/en/components/" + c.ID + "/"
		rec := do(t, srv, request{path: path})
		t.Logf("%s: %d bytes", path, rec.Body.Len())
		if rec.Code != http.StatusOK || rec.Body.Len() > maxComponentPage {
			t.Errorf("%s at 10,000 items: HTTP %d, %d bytes; want 200 and at most %d", path, rec.Code, rec.Body.Len(), maxComponentPage)
		}
	}
}

// maxComponentPage is what a component's first page may weigh uncompressed (some 60 KB at 10,000
// items): its uptime strip and one page of past incidents.
const maxComponentPage = 100 << 10

// checkOverviewWeight fails when the overview h serves weighs maxOverview or more, compressed with
// gzip or brotli, in any language; what names the site in messages.
func checkOverviewWeight(t *testing.T, h http.Handler, what string) {
	t.Helper()
	for _, lang := range languages {
		for _, enc := range []string{"gzip", "br"} {
			rec := do(t, h, request{path: "/" + lang + "/", header: http.Header{"Accept-Encoding": {enc}}})
			if rec.Code != http.StatusOK || rec.Header().Get("Content-Encoding") != enc {
				t.Fatalf("/%s/ of %s: HTTP %d, Content-Encoding %q, want 200 and %s", lang, what, rec.Code, rec.Header().Get("Content-Encoding"), enc)
			}
			n := rec.Body.Len()
			t.Logf("/%s/ of %s as %s: %d bytes (%.1f KB)", lang, what, enc, n, float64(n)/1024)
			if n >= maxOverview {
				t.Errorf("/%s/ of %s weighs %d bytes as %s, want under %d (15 KB)", lang, what, n, enc, maxOverview)
			}
		}
	}
}
