package httpcache_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"statuspress/internal/httpcache"
)

// FuzzEncoding: whatever a client sends, the choice is one of the offers or identity, and a coding
// the header refuses by name (";q=0") is never chosen.
func FuzzEncoding(f *testing.F) {
	for _, s := range []string{"", "gzip, deflate, br", "br;q=0, *", "identity;q=0", "*;q=0.5, gzip;q=1.000", "x-gzip;Q=0.1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, accept string) {
		got := httpcache.Encoding(accept, "br", "gzip")
		if got != "" && got != "br" && got != "gzip" {
			t.Fatalf("Encoding(%q) = %q, not an offer", accept, got)
		}
		if got != "" && httpcache.Encoding(accept+", "+got+";q=0", "br", "gzip") == got {
			t.Fatalf("Encoding(%q) chose %s, and still did with %s;q=0 after it", accept, got, got)
		}
	})
}

// FuzzNotModified: whatever If-None-Match says, a list that starts with the current tag matches,
// and a header that names no tag at all (no quote, no star) never does.
func FuzzNotModified(f *testing.F) {
	for _, s := range []string{`"abc"`, `W/"x", "abc"`, "*", `"a,b"`, `nope`, `"`} {
		f.Add(s)
	}
	tags := []string{`"abc"`}
	f.Fuzz(func(t *testing.T, inm string) {
		ask := func(v string) bool {
			r := httptest.NewRequest(http.MethodGet, "/", nil)
			r.Header["If-None-Match"] = []string{v}
			return httpcache.NotModified(r, tags, time.Time{})
		}
		got := ask(inm)
		if !strings.ContainsAny(inm, `"*`) && got {
			t.Fatalf("If-None-Match %q names no tag, yet matched", inm)
		}
		if !ask(`"abc", ` + inm) {
			t.Fatalf(`If-None-Match "abc", %s did not match "abc"`, inm)
		}
	})
}
