package server_test

import (
	"net/http"
	"strings"
	"testing"
)

// TestRoot sends a reader to the overview in their language: the cookie first, then
// Accept-Language, then the site's default; the answer varies by both, so a cache keeps them apart.
func TestRoot(t *testing.T) {
	s := sample(t)
	for _, tc := range []struct {
		name, cookie, accept, want string
	}{
		{"no preference", "", "", "/en/"},
		{"nl-BE", "", "nl-BE,nl;q=0.9,en;q=0.5", "/nl/"},
		{"de-AT", "", "de-AT", "/de/"},
		{"fr-CA", "", "fr-CA,en;q=0.3", "/fr/"},
		{"es", "", "es-ES,es;q=0.9", "/en/"},
		{"wildcard", "", "*", "/en/"},
		{"garbage", "", ";;;q=x", "/en/"},
		{"cookie", "fr", "", "/fr/"},
		{"cookie beats header", "de", "nl-NL", "/de/"},
		{"unknown cookie", "es", "nl", "/nl/"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := http.Header{}
			if tc.accept != "" {
				h.Set("Accept-Language", tc.accept)
			}
			if tc.cookie != "" {
				h.Set("Cookie", "lang="+tc.cookie)
			}
			rec := do(t, s, request{path: "/", header: h})
			if rec.Code != http.StatusSeeOther {
				t.Fatalf("status %d, want 303", rec.Code)
			}
			if got := rec.Header().Get("Location"); got != tc.want {
				t.Errorf("Location %q, want %q", got, tc.want)
			}
			vary := strings.Join(rec.Header().Values("Vary"), ",")
			for _, v := range []string{"Accept-Language", "Cookie"} {
				if !strings.Contains(vary, v) {
					t.Errorf("Vary %q lacks %s", vary, v)
				}
			}
		})
	}
}

// TestTrailingSlash: page paths have one canonical form, with the slash.
func TestTrailingSlash(t *testing.T) {
	s := sample(t)
	for path, want := range map[string]string{
		"/nl":                           "/nl/",
		"/de/history":                   "/de/history/",
		"/fr/incidents/rest-api-errors": "/fr/incidents/rest-api-errors/",
		"/en/components/soap-api?utm=x": "/en/components/soap-api/?utm=x",
		"/en/history/page/2":            "/en/history/page/2/",
	} {
		rec := get(t, s, path)
		if rec.Code != http.StatusMovedPermanently || rec.Header().Get("Location") != want {
			t.Errorf("GET %s: %d to %q, want 301 to %q", path, rec.Code, rec.Header().Get("Location"), want)
		}
	}
}

// TestSwitchLanguage: the switcher remembers the choice in a cookie and goes on to the page,
// but only to a page of this site in the chosen language.
func TestSwitchLanguage(t *testing.T) {
	s := sample(t)
	for _, tc := range []struct {
		name, path, want string
	}{
		{"page", "/lang/de?to=/de/history/", "/de/history/"},
		{"escaped", "/lang/nl?to=%2Fnl%2Fincidents%2Frest-api-errors%2F", "/nl/incidents/rest-api-errors/"},
		{"no target", "/lang/fr", "/fr/"},
		{"other host", "/lang/de?to=//evil.example/", "/de/"},
		{"other host in the language", "/lang/de?to=//evil.example/de/", "/de/"},
		{"absolute URL", "/lang/de?to=https://evil.example/de/", "/de/"},
		{"backslash", "/lang/de?to=/de/%5C%5Cevil.example", "/de/"},
		{"other language", "/lang/de?to=/nl/history/", "/de/"},
		{"header injection", "/lang/de?to=/de/%0d%0aSet-Cookie:x=y", "/de/"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec := get(t, s, tc.path)
			if rec.Code != http.StatusSeeOther {
				t.Fatalf("status %d, want 303", rec.Code)
			}
			if got := rec.Header().Get("Location"); got != tc.want {
				t.Errorf("Location %q, want %q", got, tc.want)
			}
			cookies := rec.Result().Cookies()
			lang := strings.TrimPrefix(strings.SplitN(tc.path, "?", 2)[0], "/lang/")
			if len(cookies) != 1 || cookies[0].Name != "lang" || cookies[0].Value != lang || cookies[0].Path != "/" {
				t.Errorf("cookies %v, want lang=%s for the whole site", cookies, lang)
			}
		})
	}
	t.Run("unknown language", func(t *testing.T) {
		rec := get(t, s, "/lang/es?to=/es/")
		if rec.Code != http.StatusNotFound {
			t.Errorf("status %d, want 404", rec.Code)
		}
		if len(rec.Result().Cookies()) != 0 {
			t.Errorf("cookies %v set for an unknown language", rec.Result().Cookies())
		}
	})
}
