package static

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestAssets(t *testing.T) {
	var names []string
	for _, a := range Assets() {
		names = append(names, a.Name)
	}
	if diff := cmp.Diff([]string{"app.js", "icon.svg", "style.css"}, names); diff != "" {
		t.Errorf("assets (-want +got):\n%s", diff)
	}
	pathRE := regexp.MustCompile(`^/static/[a-z]+\.[0-9a-f]{10}\.(css|js|svg)$`)
	for _, a := range Assets() {
		sum := sha256.Sum256(a.Body)
		hash := hex.EncodeToString(sum[:])
		if !pathRE.MatchString(a.Path) || !strings.Contains(a.Path, "."+hash[:10]+".") {
			t.Errorf("%s: path %q, want /static/<name>.%s.<ext>", a.Name, a.Path, hash[:10])
		}
		if got := Path(a.Name); got != a.Path {
			t.Errorf("Path(%q) = %q, want %q", a.Name, got, a.Path)
		}
		if got, ok := Lookup(a.Path); !ok || got.Name != a.Name {
			t.Errorf("Lookup(%q) = %q, %v", a.Path, got.Name, ok)
		}
		if a.ETag != `"`+hash+`"` {
			t.Errorf("%s: ETag %s, want %q", a.Name, a.ETag, hash)
		}
		// What a browser would sniff must agree with what we declare.
		sniffed := http.DetectContentType(a.Body)
		if !strings.HasPrefix(sniffed, "text/plain") {
			t.Errorf("%s: content sniffs as %s", a.Name, sniffed)
		}
	}
	if got := Files[Path("style.css")].ContentType; got != "text/css; charset=utf-8" {
		t.Errorf("style.css content type %q", got)
	}
	if got := Files[Path("app.js")].ContentType; got != "text/javascript; charset=utf-8" {
		t.Errorf("app.js content type %q", got)
	}
	if len(Files) != len(Assets()) {
		t.Errorf("Files has %d entries, Assets %d", len(Files), len(Assets()))
	}
}

func TestPathUnknownPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("Path of an unknown name did not panic")
		}
	}()
	Path("nope.css")
}

// The stylesheet is read on phones during outages: keep it small. What a phone downloads is the
// compressed form; the plain size bounds what a browser parses.
func TestStyleSize(t *testing.T) {
	const limit, gzipLimit = 16 << 10, 5 << 10
	body := Files[Path("style.css")].Body
	if n := len(body); n > limit {
		t.Errorf("style.css is %d bytes, over %d", n, limit)
	}
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write(body)
	zw.Close()
	if n := buf.Len(); n > gzipLimit {
		t.Errorf("style.css is %d bytes gzipped, over %d", n, gzipLimit)
	}
}

// A strict Content-Security-Policy forbids what these would need.
func TestNoInlineHazards(t *testing.T) {
	js := string(Files[Path("app.js")].Body)
	for _, bad := range []string{"eval(", "new Function", "innerHTML", ".style."} {
		if strings.Contains(js, bad) {
			t.Errorf("app.js uses %s", bad)
		}
	}
}

// The stylesheet carries what docs/architecture.md promises of every page.
func TestStyleCovers(t *testing.T) {
	css := string(Files[Path("style.css")].Body)
	for _, want := range []string{
		"@media (prefers-color-scheme: dark)",
		"@media (prefers-reduced-motion: no-preference)",
		"@media print",
		":focus-visible",
		".visually-hidden",
		".prose table",
		"overflow-x: auto",
		".banner",
		".t-ok", ".t-degraded", ".t-partial", ".t-major", ".t-maint",
	} {
		if !strings.Contains(css, want) {
			t.Errorf("style.css lacks %q", want)
		}
	}
}
