package server_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
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

// offSite reports whether a browser on the site would leave it following loc: browsers drop tabs
// and line breaks from a URL and read a backslash as a slash before they resolve it.
func offSite(t *testing.T, loc string) bool {
	t.Helper()
	loc = strings.NewReplacer("\t", "", "\n", "", "\r", "", `\`, "/").Replace(loc)
	base, _ := url.Parse("https://status.example/en/incidents/x/")
	u, err := base.Parse(loc)
	return err != nil || u.Host != base.Host
}

// TestNoOpenRedirect: no answer's Location leaves the site, whatever the path. A path that is not
// a page is not found at once, with no redirect first; a page without its slash, or spelt with
// empty or dot segments, is sent to its clean form.
func TestNoOpenRedirect(t *testing.T) {
	s := sample(t)
	for _, tc := range []struct {
		path     string
		code     int
		location string
	}{
		{"//evil.example/x", 404, ""},
		{`/\evil.example/x`, 404, ""},
		{"/%5Cevil.example/x", 404, ""},
		{"/%2Fevil.example/x", 404, ""},
		{"/%2fevil.example/x", 404, ""},
		{"///evil.example/x", 404, ""},
		{"/%09/evil.example/x", 404, ""},
		{"/%0D%0A/evil.example/x", 404, ""},
		{"/%5C%5Cevil.example", 404, ""},
		{"/.//evil.example/x", 404, ""},
		{"/en/..//evil.example/x", 404, ""},
		{"//evil.example/en", 404, ""},
		{"//en", 301, "/en/"},
		{"/en/incidents/no-such-incident", 404, ""},
		{"/en/history/page/999", 404, ""},
		{"/es", 404, ""},
		{"/incidents/webhook-delays/nope", 404, ""},
		{"/lang/en?to=/en/..//evil.example/x", 303, "/en/"},
		{"/lang/en?to=/en/%2e%2e//evil.example/x", 303, "/en/"},
		{"/lang/en?to=/en/.%2e/%5Cevil.example/x", 303, "/en/"},
		{"/lang/en?to=/en/%09/evil.example/x", 303, "/en/"},
		{"/lang/en?to=/en//evil.example/x", 303, "/en/"},
		{"/lang/en?to=/en/./history/", 303, "/en/"},
		{"/en//history", 301, "/en/history/"},
		{"/en/./history", 301, "/en/history/"},
		{"/de/../nl", 301, "/nl/"},
		{"/en/history?x=%0d%0a", 301, "/en/history/?x=%0d%0a"},
	} {
		t.Run(tc.path, func(t *testing.T) {
			req := httptest.NewRequest(http.MethodGet, "/", nil)
			u, err := url.ParseRequestURI(tc.path) // as net/http reads a request line
			if err != nil {
				t.Fatal(err)
			}
			req.URL = u
			req.RequestURI = tc.path
			rec := httptest.NewRecorder()
			s.ServeHTTP(rec, req)
			loc := rec.Header().Get("Location")
			if loc != "" && offSite(t, loc) {
				t.Fatalf("GET %s: %d to %q, off the site", tc.path, rec.Code, loc)
			}
			if rec.Code != tc.code || loc != tc.location {
				t.Errorf("GET %s: %d to %q, want %d to %q", tc.path, rec.Code, loc, tc.code, tc.location)
			}
		})
	}
}

// TestRedirectHeaders: a redirect to a page's slashed form is an answer like any other: it
// carries the security headers and a Cache-Control, and /metrics counts it.
func TestRedirectHeaders(t *testing.T) {
	s := newServer(t, clock)
	rec := get(t, s, "/nl")
	if rec.Code != http.StatusMovedPermanently || rec.Header().Get("Location") != "/nl/" {
		t.Fatalf("GET /nl: %d to %q", rec.Code, rec.Header().Get("Location"))
	}
	for _, h := range []string{"Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options", "Strict-Transport-Security", "Cache-Control"} {
		if rec.Header().Get(h) == "" {
			t.Errorf("the 301 lacks %s: %v", h, rec.Header())
		}
	}
	metrics := get(t, s, "/metrics").Body.String()
	if !strings.Contains(metrics, `statuspress_http_requests_total{code="301",method="GET",route="unmatched"} 1`) {
		t.Errorf("/metrics does not count the 301:\n%s", grepLines(metrics, "statuspress_http_requests_total"))
	}
}

// grepLines returns the lines of s that contain sub.
func grepLines(s, sub string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, sub) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// TestFavicon: /favicon.ico goes to the fingerprinted icon, whose address changes with each
// release, so the redirect is temporary and kept only a while.
func TestFavicon(t *testing.T) {
	rec := get(t, sample(t), "/favicon.ico")
	if rec.Code != http.StatusFound || !strings.HasPrefix(rec.Header().Get("Location"), "/static/icon.") {
		t.Fatalf("GET /favicon.ico: %d to %q, want 302 to the icon", rec.Code, rec.Header().Get("Location"))
	}
	if cc := rec.Header().Get("Cache-Control"); !strings.Contains(cc, "max-age=") || strings.Contains(cc, "immutable") {
		t.Errorf("Cache-Control %q, want a bounded max-age", cc)
	}
	if get(t, sample(t), rec.Header().Get("Location")).Code != http.StatusOK {
		t.Errorf("the icon is not served")
	}
}
