package export

import (
	"net/http"
	"strings"
	"testing"
)

// TestRedirectStaysOnSite: a redirect the static copy cannot follow safely as a meta refresh is
// an error, not a page that sends readers to another site.
func TestRedirectStaysOnSite(t *testing.T) {
	for _, loc := range []string{"//evil.example/x", `/\evil.example/x`, "https://evil.example/", "/\t/evil.example", "en/", "/en/?to=x"} {
		h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Location", loc)
			w.WriteHeader(http.StatusSeeOther)
		})
		_, err := fetch(h, nil, Entry{Path: "/", Status: http.StatusSeeOther})
		if err == nil || !strings.Contains(err.Error(), "which a static page cannot") {
			t.Errorf("Location %q: err %v, want an error", loc, err)
		}
	}
}
