package server_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"github.com/andybalholm/brotli"

	"statuspress/internal/server"
	"statuspress/internal/site"
)

// TestResponseCache: answers are made once per snapshot and minute, in every encoding, and
// revalidate by ETag and by Last-Modified.
func TestResponseCache(t *testing.T) {
	var now atomic.Int64
	now.Store(clock.Unix())
	var calls atomic.Int64
	srv := server.New(snapshot(t, site.Options{}), server.Config{Now: func() time.Time {
		calls.Add(1)
		return time.Unix(now.Load(), 0).UTC()
	}})
	hdr := func(kv ...string) http.Header {
		h := http.Header{}
		for i := 0; i < len(kv); i += 2 {
			h.Set(kv[i], kv[i+1])
		}
		return h
	}
	path := "/en/incidents/rest-api-errors/"

	plain := do(t, srv, request{path: path})
	if plain.Code != http.StatusOK || plain.Header().Get("Content-Encoding") != "" || plain.Header().Get("Last-Modified") == "" {
		t.Fatalf("identity: %d %v", plain.Code, plain.Header())
	}
	before := calls.Load()
	gz := do(t, srv, request{path: path, header: hdr("Accept-Encoding", "gzip")})
	br := do(t, srv, request{path: path, header: hdr("Accept-Encoding", "gzip, deflate, br")})
	if calls.Load()-before != 2 {
		t.Errorf("the clock was read %d times for two cached answers; each should read it once and render nothing", calls.Load()-before)
	}
	if gz.Header().Get("Content-Encoding") != "gzip" || br.Header().Get("Content-Encoding") != "br" {
		t.Errorf("encodings: %q, %q", gz.Header().Get("Content-Encoding"), br.Header().Get("Content-Encoding"))
	}
	zr, err := gzip.NewReader(gz.Body)
	if err != nil {
		t.Fatal(err)
	}
	unzipped, _ := io.ReadAll(zr)
	unbrotli, _ := io.ReadAll(brotli.NewReader(br.Body))
	if !bytes.Equal(unzipped, plain.Body.Bytes()) || !bytes.Equal(unbrotli, plain.Body.Bytes()) {
		t.Errorf("a compressed form differs from the page")
	}
	tags := map[string]bool{plain.Header().Get("ETag"): true, gz.Header().Get("ETag"): true, br.Header().Get("ETag"): true}
	if len(tags) != 3 {
		t.Errorf("each encoding needs its own ETag: %v", tags)
	}
	for _, v := range []string{"Vary"} {
		if gz.Header().Get(v) == "" {
			t.Errorf("no %s on a compressed answer", v)
		}
	}

	// Revalidation: any form's tag, or a date not before Last-Modified, gives 304.
	for _, h := range []http.Header{
		hdr("If-None-Match", gz.Header().Get("ETag"), "Accept-Encoding", "gzip"),
		hdr("If-None-Match", `"nope", `+plain.Header().Get("ETag")),
		hdr("If-Modified-Since", plain.Header().Get("Last-Modified")),
	} {
		if rec := do(t, srv, request{path: path, header: h}); rec.Code != http.StatusNotModified || rec.Body.Len() != 0 {
			t.Errorf("%v: %d", h, rec.Code)
		}
	}
	if rec := do(t, srv, request{path: path, header: hdr("If-Modified-Since", clock.Add(-time.Hour).Format(http.TimeFormat))}); rec.Code != http.StatusOK {
		t.Errorf("an older If-Modified-Since: %d", rec.Code)
	}

	// A later minute: made again; an unchanged page keeps its Last-Modified, a changed one
	// (the ongoing incident's duration grows) gets a new one.
	now.Add(60)
	later := do(t, srv, request{path: path})
	if bytes.Equal(later.Body.Bytes(), plain.Body.Bytes()) {
		t.Errorf("the page did not change with the clock (its duration should grow)")
	}
	if later.Header().Get("Last-Modified") == plain.Header().Get("Last-Modified") {
		t.Errorf("a changed page kept its Last-Modified")
	}
	static := "/en/incidents/soap-api-storing/"
	first := do(t, srv, request{path: static})
	now.Add(60)
	second := do(t, srv, request{path: static})
	if first.Header().Get("Last-Modified") != second.Header().Get("Last-Modified") || first.Header().Get("ETag") != second.Header().Get("ETag") {
		t.Errorf("an unchanged page changed its validators: %v / %v", first.Header(), second.Header())
	}

	// Errors are not cached, and a new snapshot is served at once.
	if rec := do(t, srv, request{path: "/en/incidents/nope/"}); rec.Code != http.StatusNotFound {
		t.Errorf("404: %d", rec.Code)
	}
	srv.Swap(snapshot(t, site.Options{BaseURL: "https://other.example"}))
	if rec := do(t, srv, request{path: static}); !bytes.Contains(rec.Body.Bytes(), []byte("https://other.example")) {
		t.Errorf("the new snapshot is not served")
	}
}
