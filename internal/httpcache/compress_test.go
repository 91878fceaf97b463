package httpcache_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"

	"statuspress/internal/httpcache"
)

func TestCompress(t *testing.T) {
	body := []byte(strings.Repeat("<p>All systems operational</p>\n", 100))
	gz, err := httpcache.Gzip(body)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := httpcache.Gzip(body)
	if !bytes.Equal(gz, again) {
		t.Errorf("gzip of the same body differs between runs")
	}
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		t.Fatal(err)
	}
	if zr.Name != "" || !zr.ModTime.IsZero() {
		t.Errorf("gzip header with name %q, time %v: want neither", zr.Name, zr.ModTime)
	}
	if got, _ := io.ReadAll(zr); !bytes.Equal(got, body) {
		t.Errorf("gzip does not give the body back")
	}
	for _, q := range []int{0, 6, 11} {
		br, err := httpcache.Brotli(body, q)
		if err != nil {
			t.Fatal(err)
		}
		if got, _ := io.ReadAll(brotli.NewReader(bytes.NewReader(br))); !bytes.Equal(got, body) {
			t.Errorf("brotli at quality %d does not give the body back", q)
		}
	}
}

func TestCompressible(t *testing.T) {
	for ctype, want := range map[string]bool{
		"text/html; charset=UTF-8":           true,
		"text/css":                           true,
		"application/json; charset=utf-8":    true,
		"application/javascript":             true,
		"application/rss+xml; charset=utf-8": true,
		"application/atom+xml":               true,
		"application/feed+json":              true,
		"text/calendar; charset=utf-8":       true,
		"image/svg+xml":                      true,
		"application/xml":                    true,
		"image/png":                          false,
		"image/webp":                         false,
		"application/octet-stream":           false,
		"":                                   false,
	} {
		if got := httpcache.Compressible(ctype); got != want {
			t.Errorf("Compressible(%q) = %v, want %v", ctype, got, want)
		}
	}
}
