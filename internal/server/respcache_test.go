package server_test

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/google/go-cmp/cmp"

	"statuspress/internal/server"
	"statuspress/internal/site"
)

// TestResponseCache: answers are made once per snapshot and minute, in every encoding, and
// revalidate by ETag; Last-Modified stays while the answer does.
func TestResponseCache(t *testing.T) {
	var now atomic.Int64
	now.Store(clock.Unix())
	var calls atomic.Int64
	srv := server.New(snapshot(t, site.Options{}), server.Config{Now: func() time.Time {
		calls.Add(1)
		return time.Unix(now.Load(), 0).UTC()
	}})
	var wall atomic.Int64 // the real clock, in milliseconds
	wall.Store(clock.Add(10*time.Second + 200*time.Millisecond).UnixMilli())
	server.SetWall(srv, func() time.Time { return time.UnixMilli(wall.Load()) })
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

	// Revalidation: any form's tag gives 304; a date alone does not (TestLastModifiedAcrossReplicas).
	wall.Add(1000)
	again := do(t, srv, request{path: path})
	if again.Header().Get("Last-Modified") != plain.Header().Get("Last-Modified") || again.Header().Get("ETag") != plain.Header().Get("ETag") {
		t.Errorf("a second later: Last-Modified %q (was %q), ETag %q (was %q)", again.Header().Get("Last-Modified"),
			plain.Header().Get("Last-Modified"), again.Header().Get("ETag"), plain.Header().Get("ETag"))
	}
	for _, h := range []http.Header{
		hdr("If-None-Match", gz.Header().Get("ETag"), "Accept-Encoding", "gzip"),
		hdr("If-None-Match", `"nope", `+plain.Header().Get("ETag")),
	} {
		if rec := do(t, srv, request{path: path, header: h}); rec.Code != http.StatusNotModified || rec.Body.Len() != 0 {
			t.Errorf("%v: %d", h, rec.Code)
		}
	}
	for _, date := range []string{plain.Header().Get("Last-Modified"), clock.Add(time.Hour).Format(http.TimeFormat)} {
		if rec := do(t, srv, request{path: path, header: hdr("If-Modified-Since", date)}); rec.Code != http.StatusOK {
			t.Errorf("If-Modified-Since %s alone: %d, want 200", date, rec.Code)
		}
	}

	// A later minute: made again; an unchanged page keeps its Last-Modified, a changed one
	// (the ongoing incident's duration grows) gets a new one.
	now.Add(60)
	wall.Add(60_000)
	later := do(t, srv, request{path: path})
	if bytes.Equal(later.Body.Bytes(), plain.Body.Bytes()) {
		t.Errorf("the page did not change with the clock (its duration should grow)")
	}
	if later.Header().Get("Last-Modified") == plain.Header().Get("Last-Modified") {
		t.Errorf("a changed page kept its Last-Modified")
	}
	static := "/en/incidents/soap-api-storing/"
	do(t, srv, request{path: static})
	wall.Add(1000)
	first := do(t, srv, request{path: static})
	now.Add(60)
	wall.Add(60_000)
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

// TestCachedEncodingAndRevalidation: a cached answer comes in the coding the client wants most
// (httpcache.Encoding), and a revalidation is answered 304 with the headers RFC 9110 keeps, both
// when the answer is made and when it is ready.
func TestCachedEncodingAndRevalidation(t *testing.T) {
	srv := newServer(t, clock)
	const path = "/nl/incidents/rest-api-errors/"
	for _, tc := range []struct{ accept, want string }{
		{"gzip, deflate, br", "br"},
		{"gzip;q=1, br;q=0.5", "gzip"},
		{"br;q=0, gzip", "gzip"},
		{"*", "br"},
		{"br;q=0.5, identity", ""},
		{"identity;q=0", ""},
		{"", ""},
	} {
		for _, when := range []string{"made", "ready"} {
			rec := do(t, server.New(srv.Snapshot(), server.Config{Now: func() time.Time { return clock }}), request{path: path, header: http.Header{"Accept-Encoding": {tc.accept}}})
			if when == "ready" {
				rec = do(t, srv, request{path: path, header: http.Header{"Accept-Encoding": {tc.accept}}})
			}
			if got := rec.Header().Get("Content-Encoding"); rec.Code != http.StatusOK || got != tc.want {
				t.Errorf("%s, Accept-Encoding %q: %d, Content-Encoding %q, want 200 and %q", when, tc.accept, rec.Code, got, tc.want)
			}
		}
	}

	full := do(t, srv, request{path: path, header: http.Header{"Accept-Encoding": {"gzip"}}})
	want := http.Header{}
	for _, k := range []string{"Etag", "Vary", "Cache-Control", "Content-Security-Policy", "X-Content-Type-Options",
		"Referrer-Policy", "X-Frame-Options", "Strict-Transport-Security"} {
		if v := full.Header().Values(k); v != nil {
			want[k] = v
		}
	}
	for _, when := range []string{"made", "ready"} {
		h := srv
		if when == "made" {
			h = server.New(srv.Snapshot(), server.Config{Now: func() time.Time { return clock }})
		}
		rec := do(t, h, request{path: path, header: http.Header{"Accept-Encoding": {"gzip"}, "If-None-Match": {`"other", W/` + full.Header().Get("ETag")}}})
		if rec.Code != http.StatusNotModified || rec.Body.Len() != 0 {
			t.Errorf("%s: revalidation: %d with %d bytes, want 304 and none", when, rec.Code, rec.Body.Len())
		}
		if diff := cmp.Diff(want, rec.Header()); diff != "" {
			t.Errorf("%s: headers of the 304 (-want +got):\n%s", when, diff)
		}
	}
}

// TestReadyAnswers: an answer the cache has ready is sent without routing (ServeHTTP), and it is
// the answer the routed request that made it got: status, headers and body, in every encoding,
// to HEAD, and 304 to a revalidation, with or without HSTS.
func TestReadyAnswers(t *testing.T) {
	paths := []string{"/en/", "/nl/incidents/rest-api-errors/", "/en/feed.rss", "/api/v2/summary.json",
		"/api/v2/status.json?lang=nl", "/badge.svg"}
	for _, base := range []string{"https://status.example.com", "http://localhost:8080"} {
		snap := snapshot(t, site.Options{BaseURL: base})
		for _, path := range paths {
			reqs := []request{
				{path: path},
				{path: path, header: http.Header{"Accept-Encoding": {"gzip"}}},
				{path: path, header: http.Header{"Accept-Encoding": {"gzip, deflate, br"}}},
				{path: path, method: http.MethodHead},
				{path: path, header: http.Header{}}, // If-None-Match: the first answer's ETag
			}
			for i, r := range reqs {
				// A new server for each, so that the first request is the one that makes it.
				srv := server.New(snap, server.Config{Now: func() time.Time { return clock }})
				routed, ready := do(t, srv, r), do(t, srv, r)
				if i == 0 {
					reqs[len(reqs)-1].header.Set("If-None-Match", routed.Header().Get("ETag"))
				}
				what := fmt.Sprintf("%s: %s %s %v", base, r.method, path, r.header)
				if i == len(reqs)-1 && routed.Code != http.StatusNotModified {
					t.Errorf("%s: %d, want 304", what, routed.Code)
				}
				if routed.Code != ready.Code || !bytes.Equal(routed.Body.Bytes(), ready.Body.Bytes()) {
					t.Errorf("%s: made %d (%d bytes), then ready %d (%d bytes)", what, routed.Code, routed.Body.Len(), ready.Code, ready.Body.Len())
				}
				if diff := cmp.Diff(routed.Header(), ready.Header()); diff != "" {
					t.Errorf("%s: headers of the ready answer (-made +ready):\n%s", what, diff)
				}
			}
		}
	}
}

// TestReadyAnswerAllocatesNothing: a ready answer is sent without routing; the router would
// allocate for every request.
func TestReadyAnswerAllocatesNothing(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector makes sync.Pool allocate")
	}
	srv := sample(t)
	req := httptest.NewRequest(http.MethodGet, "/en/feed.rss", nil)
	req.Header.Set("Accept-Encoding", "gzip")
	w := &discard{header: http.Header{}}
	srv.ServeHTTP(w, req)
	allocs := testing.AllocsPerRun(100, func() {
		clear(w.header)
		srv.ServeHTTP(w, req)
	})
	if allocs != 0 || w.code != http.StatusOK {
		t.Errorf("a ready answer: %d, %v allocations per request, want 200 and none", w.code, allocs)
	}
}

// TestStaleWhileMaking: in a new minute, while one request makes an answer anew, the others get
// the previous minute's at once rather than wait; after a new snapshot they wait for the new one.
func TestStaleWhileMaking(t *testing.T) {
	var now atomic.Int64
	now.Store(clock.Unix())
	srv := server.New(snapshot(t, site.Options{}), server.Config{Now: func() time.Time { return time.Unix(now.Load(), 0).UTC() }})
	var made atomic.Int64
	var hold atomic.Pointer[chan struct{}] // when set, the handler says it started and waits for it to close
	started := make(chan struct{})
	server.CachedRoute(srv, "/slow.txt", func(w http.ResponseWriter, r *http.Request) {
		n := made.Add(1)
		if ch := hold.Load(); ch != nil {
			started <- struct{}{}
			<-*ch
		}
		fmt.Fprintf(w, "answer %d", n)
	})
	body := func() string { return get(t, srv, "/slow.txt").Body.String() }
	// slowly makes the answer in another request, and returns the release and that request's body.
	slowly := func() (release func(), body <-chan string) {
		ch := make(chan struct{})
		hold.Store(&ch)
		out := make(chan string, 1)
		go func() { out <- get(t, srv, "/slow.txt").Body.String() }()
		<-started
		return func() { hold.Store(nil); close(ch) }, out
	}

	if got := body(); got != "answer 1" {
		t.Fatalf("first answer %q", got)
	}
	now.Add(60)
	release, maker := slowly()
	if got := body(); got != "answer 1" {
		t.Errorf("while the next minute's answer is made: %q, want the previous minute's", got)
	}
	release()
	if got := <-maker; got != "answer 2" {
		t.Errorf("the request that made it got %q", got)
	}
	if got := body(); got != "answer 2" {
		t.Errorf("once made: %q", got)
	}

	srv.Swap(snapshot(t, site.Options{}))
	release, maker = slowly()
	waiter := make(chan string, 1)
	go func() { waiter <- body() }()
	select {
	case got := <-waiter:
		t.Errorf("while a new snapshot's answer is made, another request got %q at once", got)
	case <-time.After(50 * time.Millisecond):
	}
	release()
	if got, other := <-maker, <-waiter; got != "answer 3" || other != "answer 3" {
		t.Errorf("after a new snapshot: %q and %q, want the new answer for both", got, other)
	}
}

// TestCacheKeysBounded: what a request can add to the response cache is bounded by the content,
// not by what the request makes up: a ?lang= the site does not publish is one key for all.
func TestCacheKeysBounded(t *testing.T) {
	srv := newServer(t, clock)
	for _, p := range []string{"/en/", "/en/?lang=nl", "/api/v2/status.json", "/api/v2/status.json?lang=de", "/badge.svg?lang=fr"} {
		if rec := get(t, srv, p); rec.Code != http.StatusOK {
			t.Fatalf("GET %s: %d", p, rec.Code)
		}
	}
	before := server.CachedKeys(srv)
	for i := range 300 {
		for _, p := range []string{"/en/?lang=x%d", "/en/?lang=x%d&lang=nl", "/api/v2/status.json?lang=x%d", "/badge.svg?lang=x%d"} {
			get(t, srv, fmt.Sprintf(p, i))
		}
	}
	if after := server.CachedKeys(srv); after > before+2 {
		t.Errorf("made-up languages grew the response cache from %d to %d answers", before, after)
	}
	if rec := get(t, srv, "/api/v2/status.json?lang=xx"); rec.Code != http.StatusBadRequest {
		t.Errorf("an unknown ?lang= in the API: %d, want 400", rec.Code)
	}
}

// TestLastModifiedAcrossReplicas: Last-Modified is when this replica first made the answer, so a
// date another replica gave proves nothing about this one's copy. Replica a, still on the old
// content, makes the page after replica b made the new one; a client that has a's copy and
// revalidates by date alone at b must get the new page, not a 304. The ETag, the same bytes'
// tag on every replica, still confirms a copy anywhere.
func TestLastModifiedAcrossReplicas(t *testing.T) {
	var wall atomic.Int64 // milliseconds
	wall.Store(clock.UnixMilli())
	replica := func(opt site.Options) *server.Server {
		srv := server.New(snapshot(t, opt), server.Config{Now: func() time.Time { return clock }})
		server.SetWall(srv, func() time.Time { return time.UnixMilli(wall.Load()) })
		return srv
	}
	a := replica(site.Options{})                                   // not reloaded yet
	b := replica(site.Options{BaseURL: "https://changed.example"}) // reloaded: the page's links change
	const path = "/en/"
	fresh := do(t, b, request{path: path})
	wall.Add(5000)
	stale := do(t, a, request{path: path})
	wall.Add(5000)
	if stale.Header().Get("Last-Modified") == "" || stale.Header().Get("ETag") == fresh.Header().Get("ETag") {
		t.Fatalf("the replicas' pages: Last-Modified %q, ETags %s and %s; want a date and two pages",
			stale.Header().Get("Last-Modified"), stale.Header().Get("ETag"), fresh.Header().Get("ETag"))
	}
	for _, tc := range []struct {
		name   string
		header http.Header
		want   int
	}{
		{"a's date at b", http.Header{"If-Modified-Since": {stale.Header().Get("Last-Modified")}}, http.StatusOK},
		{"b's own date at b", http.Header{"If-Modified-Since": {fresh.Header().Get("Last-Modified")}}, http.StatusOK},
		{"a's ETag at b", http.Header{"If-None-Match": {stale.Header().Get("ETag")}}, http.StatusOK},
		{"b's ETag at b", http.Header{"If-None-Match": {fresh.Header().Get("ETag")}}, http.StatusNotModified},
	} {
		if rec := do(t, b, request{path: path, header: tc.header}); rec.Code != tc.want {
			t.Errorf("%s: %d, want %d", tc.name, rec.Code, tc.want)
		}
	}
	// The same content on another replica: its ETag is b's.
	c := replica(site.Options{BaseURL: "https://changed.example"})
	if rec := do(t, c, request{path: path, header: http.Header{"If-None-Match": {fresh.Header().Get("ETag")}}}); rec.Code != http.StatusNotModified {
		t.Errorf("b's ETag at a replica with the same content: %d, want 304", rec.Code)
	}
}

// TestNoSnapshotYet: before the first snapshot, a request with ?lang= is answered, not a panic
// (the cache key asks the snapshot which languages exist).
func TestNoSnapshotYet(t *testing.T) {
	srv := server.New(nil, server.Config{Now: func() time.Time { return clock }})
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/readyz?lang=xx", nil))
	if rec.Code != http.StatusServiceUnavailable {
		t.Errorf("/readyz?lang=xx before the first snapshot: %d, want 503", rec.Code)
	}
}
