package main

import (
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"statuspress/internal/watch"
	"statuspress/static"
)

// headerCase is one kind of answer and the headers it must carry.
type headerCase struct {
	name, path string
	code       int
	// cacheControl is the exact Cache-Control; "" checks only that the answer is not kept long.
	cacheControl string
	// cacheable answers carry ETag and Last-Modified and revalidate to 304.
	cacheable bool
	// compressed answers come gzip- or brotli-encoded when asked, with Vary: Accept-Encoding.
	compressed bool
	cors       bool
}

func headerCases() []headerCase {
	const pageCC = "public, max-age=30, stale-while-revalidate=60, stale-if-error=86400"
	return []headerCase{
		{"page", "/en/", 200, pageCC, true, true, false},
		{"incident page", "/nl/incidents/rest-api-errors/", 200, pageCC, true, true, false},
		{"feed", "/en/feed.atom", 200, "public, max-age=60, stale-while-revalidate=300, stale-if-error=86400", true, true, false},
		{"API", "/api/v2/summary.json", 200, pageCC, true, true, true},
		{"static asset", static.Path("style.css"), 200, "public, max-age=31536000, immutable", true, true, false},
		{"bundle picture", "/incidents/webhook-delays/latency.png", 200, "public, max-age=300", true, false, false},
		{"404 page", "/en/no-such-page/", 404, "", false, false, false},
		{"404 incident", "/en/incidents/no-such-incident/", 404, "", false, false, false},
		{"API 404", "/api/v2/no-such.json", 404, "no-store", false, false, true},
		{"readyz", "/readyz", 200, "no-store", false, false, false},
	}
}

// TestHeaders checks the headers of every kind of answer over real HTTP: the security headers on
// all of them, caching and validators per kind, Vary on compressed answers, CORS on /api/ only.
func TestHeaders(t *testing.T) {
	ls := startLive(t, watch.Off, "")
	for _, tc := range headerCases() {
		t.Run(tc.name, func(t *testing.T) {
			for _, enc := range []string{"br", "gzip", "identity"} {
				req, _ := http.NewRequest("GET", ls.url+tc.path, nil)
				req.Header.Set("Accept-Encoding", enc)
				resp, err := http.DefaultClient.Do(req)
				if err != nil {
					t.Fatal(err)
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				h := resp.Header
				if resp.StatusCode != tc.code {
					t.Fatalf("%s: status %d, want %d", enc, resp.StatusCode, tc.code)
				}
				checkSecurityHeaders(t, h)

				cc := h.Get("Cache-Control")
				switch {
				case tc.cacheControl != "" && cc != tc.cacheControl:
					t.Errorf("%s: Cache-Control %q, want %q", enc, cc, tc.cacheControl)
				case tc.cacheControl == "" && (strings.Contains(cc, "immutable") || strings.Contains(cc, "max-age=31536000")):
					t.Errorf("%s: a %d is kept for good: Cache-Control %q", enc, tc.code, cc)
				case tc.cacheControl == "" && cc == "":
					t.Logf("%s: a %d carries no Cache-Control (caches may apply heuristics)", enc, tc.code)
				}

				if tc.cacheable && (h.Get("ETag") == "" || h.Get("Last-Modified") == "") {
					t.Errorf("%s: ETag %q, Last-Modified %q: a cacheable answer needs both", enc, h.Get("ETag"), h.Get("Last-Modified"))
				}

				ce := h.Get("Content-Encoding")
				vary := strings.Join(h.Values("Vary"), ", ")
				switch {
				case tc.compressed && enc != "identity" && ce != enc:
					t.Errorf("%s: Content-Encoding %q", enc, ce)
				case (!tc.compressed || enc == "identity") && ce != "":
					t.Errorf("%s: Content-Encoding %q, want none", enc, ce)
				}
				if tc.compressed && !strings.Contains(vary, "Accept-Encoding") {
					// Also on the identity answer: a cache must not hand it to a client that asked for br.
					t.Errorf("%s: Vary %q lacks Accept-Encoding", enc, vary)
				}

				acao := h.Get("Access-Control-Allow-Origin")
				if tc.cors && acao != "*" {
					t.Errorf("%s: Access-Control-Allow-Origin %q, want *", enc, acao)
				}
				if !tc.cors && acao != "" {
					t.Errorf("%s: Access-Control-Allow-Origin %q outside /api/", enc, acao)
				}

				if tc.cacheable {
					// Revalidation with the validator just given answers 304 with the same validators.
					req, _ := http.NewRequest("GET", ls.url+tc.path, nil)
					req.Header.Set("Accept-Encoding", enc)
					req.Header.Set("If-None-Match", h.Get("ETag"))
					resp, err := http.DefaultClient.Do(req)
					if err != nil {
						t.Fatal(err)
					}
					resp.Body.Close()
					if resp.StatusCode != http.StatusNotModified || resp.Header.Get("ETag") != h.Get("ETag") {
						t.Errorf("%s: revalidation with If-None-Match %s: %d, ETag %q", enc, h.Get("ETag"), resp.StatusCode, resp.Header.Get("ETag"))
					}
					checkSecurityHeaders(t, resp.Header)
				}
			}
		})
	}
}

// checkSecurityHeaders checks the headers every answer carries.
func checkSecurityHeaders(t *testing.T, h http.Header) {
	t.Helper()
	csp := h.Get("Content-Security-Policy")
	if csp == "" || strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") || !strings.Contains(csp, "default-src 'none'") {
		t.Errorf("Content-Security-Policy %q: want default-src 'none' and nothing unsafe", csp)
	}
	if got := h.Get("X-Content-Type-Options"); got != "nosniff" {
		t.Errorf("X-Content-Type-Options %q", got)
	}
	switch got := h.Get("Referrer-Policy"); got {
	case "no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin":
	default:
		t.Errorf("Referrer-Policy %q", got)
	}
	xfo := h.Get("X-Frame-Options")
	if xfo != "DENY" && xfo != "SAMEORIGIN" && !strings.Contains(csp, "frame-ancestors 'none'") && !strings.Contains(csp, "frame-ancestors 'self'") {
		t.Errorf("no framing protection: X-Frame-Options %q, Content-Security-Policy %q", xfo, csp)
	}
}

// TestHSTS: Strict-Transport-Security goes with a public URL that is https, on every kind of
// answer, and never with one that is http (browsers ignore it there, and it must not be asked for).
func TestHSTS(t *testing.T) {
	for _, tc := range []struct {
		name, baseURL string
		want          bool
	}{
		{"--base-url https", "https://status.example.test", true},
		{"--base-url http", "http://127.0.0.1:8080", false},
		{"site.yaml's https base_url", "", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ls := startLive(t, watch.Off, tc.baseURL)
			for _, hc := range headerCases() {
				resp, err := http.Get(ls.url + hc.path)
				if err != nil {
					t.Fatal(err)
				}
				resp.Body.Close()
				hsts := resp.Header.Get("Strict-Transport-Security")
				age, err := strconv.Atoi(strings.TrimPrefix(strings.TrimSpace(strings.Split(hsts, ";")[0]), "max-age="))
				switch {
				case tc.want && (err != nil || age <= 0):
					t.Errorf("%s: Strict-Transport-Security %q, want max-age=<seconds>", hc.path, hsts)
				case !tc.want && hsts != "":
					t.Errorf("%s: Strict-Transport-Security %q on a site whose URL is http", hc.path, hsts)
				}
			}
		})
	}
}
