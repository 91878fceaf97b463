package server_test

import (
	"net/http"
	"testing"
)

// TestOverviewWeight: the overview goes over the wire in well under 50 KB, compressed, so it loads
// on a poor phone connection during an outage.
func TestOverviewWeight(t *testing.T) {
	for _, lang := range []string{"en", "nl", "fr", "de"} {
		for _, enc := range []string{"gzip", "br"} {
			rec := do(t, sample(t), request{path: "/" + lang + "/", header: http.Header{"Accept-Encoding": {enc}}})
			if rec.Header().Get("Content-Encoding") != enc {
				t.Fatalf("/%s/ not sent as %s", lang, enc)
			}
			if n := rec.Body.Len(); n > 50<<10 {
				t.Errorf("/%s/ weighs %d bytes as %s, want under 50 KB", lang, n, enc)
			} else {
				t.Logf("/%s/ as %s: %d bytes", lang, enc, n)
			}
		}
	}
}
