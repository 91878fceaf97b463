package server_test

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"statuspress/static"
)

// TestETag: a page carries a validator, and a client or cache that has it gets 304.
func TestETag(t *testing.T) {
	s := sample(t)
	for _, path := range []string{"/en/", "/nl/incidents/rest-api-errors/", "/de/history/", "/fr/components/rest-api/"} {
		first := get(t, s, path)
		etag := first.Header().Get("ETag")
		if first.Code != http.StatusOK || etag == "" {
			t.Fatalf("GET %s: status %d, ETag %q", path, first.Code, etag)
		}
		if cc := first.Header().Get("Cache-Control"); !strings.Contains(cc, "max-age=") || strings.Contains(cc, "immutable") {
			t.Errorf("GET %s: Cache-Control %q, want a short max-age", path, cc)
		}
		if again := get(t, s, path); again.Header().Get("ETag") != etag {
			t.Errorf("GET %s twice: ETag %q then %q", path, etag, again.Header().Get("ETag"))
		}
		for _, inm := range []string{etag, `"other", ` + etag} {
			rec := do(t, s, request{path: path, header: http.Header{"If-None-Match": {inm}}})
			if rec.Code != http.StatusNotModified {
				t.Errorf("GET %s If-None-Match %s: status %d, want 304", path, inm, rec.Code)
			}
			if rec.Body.Len() != 0 {
				t.Errorf("GET %s If-None-Match %s: 304 with a %d-byte body", path, inm, rec.Body.Len())
			}
			if rec.Header().Get("ETag") != etag {
				t.Errorf("GET %s: 304 without its ETag", path)
			}
		}
		rec := do(t, s, request{path: path, header: http.Header{"If-None-Match": {`"stale"`}}})
		if rec.Code != http.StatusOK {
			t.Errorf("GET %s with a stale ETag: status %d, want 200", path, rec.Code)
		}
	}
	// The same page in another language is another entity.
	if en, nl := get(t, s, "/en/").Header().Get("ETag"), get(t, s, "/nl/").Header().Get("ETag"); en == nl {
		t.Errorf("/en/ and /nl/ share the ETag %s", en)
	}
}

// TestStatic: fingerprinted assets may be kept for a year.
func TestStatic(t *testing.T) {
	s := sample(t)
	for _, name := range []string{"style.css", "app.js"} {
		path := static.Path(name)
		rec := get(t, s, path)
		if rec.Code != http.StatusOK {
			t.Fatalf("GET %s: status %d", path, rec.Code)
		}
		if cc := rec.Header().Get("Cache-Control"); !strings.Contains(cc, "immutable") || !strings.Contains(cc, "max-age=31536000") {
			t.Errorf("GET %s: Cache-Control %q, want a year, immutable", path, cc)
		}
		a, _ := static.Lookup(path)
		if got := rec.Header().Get("Content-Type"); got != a.ContentType {
			t.Errorf("GET %s: Content-Type %q, want %q", path, got, a.ContentType)
		}
		if !bytes.Equal(rec.Body.Bytes(), a.Body) {
			t.Errorf("GET %s: body differs from the embedded file", path)
		}
		etag := rec.Header().Get("ETag")
		if rec := do(t, s, request{path: path, header: http.Header{"If-None-Match": {etag}}}); rec.Code != http.StatusNotModified {
			t.Errorf("GET %s If-None-Match: status %d, want 304", path, rec.Code)
		}
	}
	// Every page links the current fingerprints.
	doc := parse(t, get(t, s, "/en/").Body.Bytes())
	if href, _ := doc.Find(`link[rel="stylesheet"]`).Attr("href"); href != static.Path("style.css") {
		t.Errorf("stylesheet %q, want %q", href, static.Path("style.css"))
	}
	if src, _ := doc.Find(`script[src]`).Attr("src"); src != static.Path("app.js") {
		t.Errorf("script %q, want %q", src, static.Path("app.js"))
	}
}

// TestBundleFile: a picture kept beside an incident's Markdown is served where its page links it.
func TestBundleFile(t *testing.T) {
	s := sample(t)
	const path = "/incidents/webhook-delays/latency.png"
	rec := get(t, s, path)
	if rec.Code != http.StatusOK {
		t.Fatalf("GET %s: status %d", path, rec.Code)
	}
	if got := rec.Header().Get("Content-Type"); got != "image/png" {
		t.Errorf("Content-Type %q, want image/png", got)
	}
	if !bytes.HasPrefix(rec.Body.Bytes(), []byte("\x89PNG\r\n\x1a\n")) {
		t.Errorf("body is not a PNG")
	}
	if got := rec.Header().Get("X-Content-Type-Options"); got != "nosniff" {
		t.Errorf("X-Content-Type-Options %q, want nosniff", got)
	}
	for _, lang := range languages {
		doc := parse(t, get(t, s, "/"+lang+"/incidents/webhook-delays/").Body.Bytes())
		if src, _ := doc.Find("main .prose img").Attr("src"); src != path {
			t.Errorf("%s page shows the picture from %q, want %q", lang, src, path)
		}
		if og, _ := doc.Find(`meta[property="og:image"]`).Attr("content"); og != baseURL+path {
			t.Errorf("%s og:image %q, want %q", lang, og, baseURL+path)
		}
	}
	// The Markdown of an incident is not a file to serve.
	if rec := get(t, s, "/incidents/webhook-delays/index.md"); rec.Code != http.StatusNotFound {
		t.Errorf("GET index.md of a bundle: status %d, want 404", rec.Code)
	}
}

// TestHead: every GET route answers HEAD with the same status and headers, and no body, over
// a real connection.
func TestHead(t *testing.T) {
	ts := httptest.NewServer(sample(t))
	defer ts.Close()
	client := ts.Client()
	client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	for _, path := range []string{
		"/", "/lang/nl?to=/nl/", "/en/", "/nl/history/", "/fr/incidents/rest-api-errors/",
		"/de/components/rest-api/", "/incidents/webhook-delays/latency.png", static.Path("style.css"),
		"/healthz", "/nl/incidents/no-such-incident/",
	} {
		// The same Accept-Encoding both ways: each encoding is its own representation, with its
		// own ETag.
		greq, _ := http.NewRequest(http.MethodGet, ts.URL+path, nil)
		greq.Header.Set("Accept-Encoding", "gzip")
		get, err := client.Do(greq)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, get.Body)
		get.Body.Close()
		req, _ := http.NewRequest(http.MethodHead, ts.URL+path, nil)
		req.Header.Set("Accept-Encoding", "gzip")
		head, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(head.Body)
		head.Body.Close()
		if head.StatusCode != get.StatusCode {
			t.Errorf("HEAD %s: status %d, GET %d", path, head.StatusCode, get.StatusCode)
		}
		if len(body) != 0 {
			t.Errorf("HEAD %s: %d bytes of body", path, len(body))
		}
		for _, h := range []string{"Content-Type", "Content-Language", "ETag", "Cache-Control", "Location"} {
			if head.Header.Get(h) != get.Header.Get(h) {
				t.Errorf("HEAD %s: %s %q, GET %q", path, h, head.Header.Get(h), get.Header.Get(h))
			}
		}
	}
}

// TestHealthz: liveness needs no content and is never cached.
func TestHealthz(t *testing.T) {
	rec := get(t, sample(t), "/healthz")
	if rec.Code != http.StatusOK || rec.Header().Get("Cache-Control") != "no-store" {
		t.Errorf("GET /healthz: status %d, Cache-Control %q", rec.Code, rec.Header().Get("Cache-Control"))
	}
}

// TestBundleFileHostile: a bundle serves pictures only. Files a browser would run on the site's
// origin (HTML, script, an SVG with script, HTML named .png) and links out of the content
// directory are not served; a clean SVG is served sandboxed, as a download.
func TestBundleFileHostile(t *testing.T) {
	outside := t.TempDir()
	const secret = "root:x:0:0:the secret outside\n"
	if err := os.WriteFile(filepath.Join(outside, "passwd"), []byte(secret), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(outside, "outside.md"), []byte("---\ntitle: Not ours\nstarted: 2026-01-10T10:00:00Z\n---\n"+secret), 0o644); err != nil {
		t.Fatal(err)
	}
	const b = "2025/webhook-delays/"
	dir := sampleCopy(t, `
-- 2025/webhook-delays/evil.html --
<script>alert(document.domain)</script>
-- 2025/webhook-delays/evil.js --
alert(document.domain)
-- 2025/webhook-delays/evil.svg --
<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.domain)</script></svg>
-- 2025/webhook-delays/page.png --
<!DOCTYPE html><script>alert(document.domain)</script>
-- 2025/webhook-delays/plot.svg --
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>
`)
	for name, target := range map[string]string{
		"hop2": filepath.Join(outside, "passwd"), b + "passwd.png": "../../hop2",
		"hop": filepath.Join(outside, "outside.md"), "leak.md": "hop",
	} {
		if err := os.Symlink(target, filepath.Join(dir, filepath.FromSlash(name))); err != nil {
			t.Skipf("cannot make symbolic links here: %v", err)
		}
	}
	s, problems := serverOf(t, dir)
	for _, name := range []string{"evil.html", "evil.js", "evil.svg", "page.png", "passwd.png"} {
		if len(problems.In(b+name)) == 0 {
			t.Errorf("%s: no problem reported", name)
		}
		path := "/incidents/webhook-delays/" + name
		rec := get(t, s, path)
		if rec.Code != http.StatusNotFound {
			t.Errorf("GET %s: status %d (%s), want 404", path, rec.Code, rec.Header().Get("Content-Type"))
		}
		if body := rec.Body.String(); strings.Contains(body, "alert(document.domain)") || strings.Contains(body, "secret outside") {
			t.Errorf("GET %s: the body holds the file:\n%s", path, body)
		}
	}
	for _, path := range []string{"/en/incidents/leak/", "/en/incidents/outside/"} {
		if rec := get(t, s, path); rec.Code != http.StatusNotFound {
			t.Errorf("GET %s: status %d, want 404: a file outside the content directory is published", path, rec.Code)
		}
	}

	rec := get(t, s, "/incidents/webhook-delays/plot.svg")
	if rec.Code != http.StatusOK {
		t.Fatalf("GET plot.svg: status %d", rec.Code)
	}
	for h, want := range map[string]string{
		"Content-Type":            "image/svg+xml",
		"Content-Security-Policy": "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:",
		"Content-Disposition":     "attachment; filename=plot.svg",
		"X-Content-Type-Options":  "nosniff",
	} {
		if got := rec.Header().Get(h); got != want {
			t.Errorf("GET plot.svg: %s %q, want %q", h, got, want)
		}
	}
	if rec := get(t, s, "/incidents/webhook-delays/latency.png"); rec.Code != http.StatusOK || rec.Header().Get("Content-Type") != "image/png" {
		t.Errorf("GET latency.png: status %d, %s", rec.Code, rec.Header().Get("Content-Type"))
	}
}

// TestBundleFileChangedUnderfoot: a picture whose folder is renamed, or whose bytes stop being a
// picture, between a load and a request is answered with the last good bytes when the response
// cache has them, and otherwise not found: never a server error, never the new bytes unchecked.
func TestBundleFileChangedUnderfoot(t *testing.T) {
	const (
		picture = "/incidents/webhook-delays/latency.png"
		folder  = "2025/webhook-delays"
	)
	dir := sampleCopy(t, "")
	s, _ := serverOf(t, dir)
	good := get(t, s, picture)
	if good.Code != http.StatusOK {
		t.Fatalf("GET %s: status %d", picture, good.Code)
	}
	if err := os.Rename(filepath.Join(dir, folder), filepath.Join(dir, folder+"-renamed")); err != nil {
		t.Fatal(err)
	}
	if rec := get(t, s, picture); rec.Code != http.StatusOK || !bytes.Equal(rec.Body.Bytes(), good.Body.Bytes()) {
		t.Errorf("GET %s, cached, during a rename: status %d, want the last good bytes", picture, rec.Code)
	}

	// A server that had not answered it yet.
	dir = sampleCopy(t, "")
	s, _ = serverOf(t, dir)
	if err := os.Rename(filepath.Join(dir, folder), filepath.Join(dir, folder+"-renamed")); err != nil {
		t.Fatal(err)
	}
	if rec := get(t, s, picture); rec.Code != http.StatusNotFound {
		t.Errorf("GET %s during a rename: status %d, want 404", picture, rec.Code)
	}
	if err := os.Rename(filepath.Join(dir, folder+"-renamed"), filepath.Join(dir, folder)); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(folder+"/latency.png")), []byte("<html><script>alert(1)</script>"), 0o644); err != nil {
		t.Fatal(err)
	}
	if rec := get(t, s, picture); rec.Code != http.StatusNotFound || strings.Contains(rec.Body.String(), "alert(1)") {
		t.Errorf("GET %s rewritten as HTML: status %d, want 404", picture, rec.Code)
	}
}
