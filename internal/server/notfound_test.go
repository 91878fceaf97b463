package server_test

import (
	"net/http"
	"strings"
	"testing"

	"statuspress/internal/locale"
)

// TestNotFound: whatever is missing, the reader gets an HTML page in their language saying so,
// with the way back to the status page.
func TestNotFound(t *testing.T) {
	s := sample(t)
	cat := localeCatalog(t)
	for _, tc := range []struct {
		name, path, accept string
		// lang is the language of the page; page is the path its alternates point at.
		lang, page string
	}{
		{"unknown language", "/es/", "", "en", "/en/"},
		{"unknown language, Dutch reader", "/es/", "nl-BE", "nl", "/nl/"},
		{"unknown language below", "/xx/incidents/rest-api-errors/", "de", "de", "/de/"},
		{"unknown incident", "/nl/incidents/no-such-incident/", "", "nl", "/nl/incidents/no-such-incident/"},
		{"unknown incident, other reader", "/fr/incidents/no-such-incident/", "de", "fr", "/fr/incidents/no-such-incident/"},
		{"unknown component", "/de/components/no-such-component/", "", "de", "/de/components/no-such-component/"},
		{"history page 0", "/nl/history/page/0/", "", "nl", "/nl/history/page/0/"},
		{"history page 1", "/nl/history/page/1/", "", "nl", "/nl/history/page/1/"},
		{"history page 999", "/fr/history/page/999/", "", "fr", "/fr/history/page/999/"},
		{"history page not a number", "/en/history/page/two/", "", "en", "/en/history/page/two/"},
		{"unknown static file", "/static/style.0000000000.css", "nl", "nl", "/nl/"},
		{"unknown bundle file", "/incidents/webhook-delays/missing.png", "fr", "fr", "/fr/"},
		{"bundle file of an unknown incident", "/incidents/no-such-incident/latency.png", "", "en", "/en/"},
		{"unknown top-level path", "/wp-login.php", "de-CH", "de", "/de/"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := http.Header{}
			if tc.accept != "" {
				h.Set("Accept-Language", tc.accept)
			}
			rec := do(t, s, request{path: tc.path, header: h})
			doc := checkPage(t, rec, tc.lang, tc.page, http.StatusNotFound)
			l := cat.Localizer(tc.lang, nil)
			if got, want := strings.TrimSpace(doc.Find("main h1").Text()), l.T(locale.NotFoundTitle); got != want {
				t.Errorf("h1 %q, want %q", got, want)
			}
			back := doc.Find("main .error-page > p > a")
			if href, _ := back.Attr("href"); href != "/"+tc.lang+"/" || back.Text() != l.T(locale.BackToStatusPage) {
				t.Errorf("way back %q to %q, want %q to /%s/", back.Text(), href, l.T(locale.BackToStatusPage), tc.lang)
			}
			state := doc.Find(`[data-testid="current-state"] a`)
			if href, _ := state.Attr("href"); href != "/"+tc.lang+"/" || strings.TrimSpace(state.Text()) == "" {
				t.Errorf("current state %q linked to %q, want the state in words linked to /%s/", state.Text(), href, tc.lang)
			}
			if cc := rec.Header().Get("Cache-Control"); strings.Contains(cc, "immutable") {
				t.Errorf("a 404 is cached for good: Cache-Control %q", cc)
			}
			if tc.accept != "" && !strings.HasPrefix(tc.path, "/"+tc.lang+"/") &&
				!strings.Contains(strings.Join(rec.Header().Values("Vary"), ","), "Accept-Language") {
				t.Errorf("page language chosen by Accept-Language, but Vary %q", rec.Header().Values("Vary"))
			}
		})
	}
}

// TestMethodNotAllowed: pages are read-only.
func TestMethodNotAllowed(t *testing.T) {
	rec := do(t, sample(t), request{method: http.MethodPost, path: "/en/"})
	if rec.Code != http.StatusMethodNotAllowed {
		t.Fatalf("POST /en/: status %d, want 405", rec.Code)
	}
	if got := rec.Header().Get("Allow"); got != "GET, HEAD" {
		t.Errorf("Allow %q, want %q", got, "GET, HEAD")
	}
}
