package server_test

import (
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"statuspress/internal/content"
	"statuspress/internal/server"
	"statuspress/internal/site"
	"statuspress/internal/testsupport"
	"statuspress/internal/testsupport/synthetic"
	"statuspress/internal/watch"
)

// The benchmarks serve the synthetic 10,000-item corpus of internal/testsupport/synthetic
// (generated once into testoutput/synthetic/) at the instant it ends, through the full router and
// middleware.

var big = struct {
	sync.Once
	snap *site.Snapshot
}{}

// snapshot10k is the snapshot of the 10,000-item corpus, built once per process for the
// benchmarks and the tests that need it.
func snapshot10k(tb testing.TB) *site.Snapshot {
	tb.Helper()
	big.Do(func() {
		files := os.DirFS(testsupport.Corpus(tb, 10000))
		c := content.Load(files, content.Options{})
		if n := c.Problems.Errors(); n > 0 {
			tb.Fatalf("the synthetic corpus has %d errors:\n%v", n, c.Problems)
		}
		big.snap = site.Build(files, c, localeCatalog(tb), site.Options{}, synthetic.CorpusNow)
	})
	if big.snap == nil {
		tb.Fatal("no snapshot of the 10,000-item corpus")
	}
	return big.snap
}

// reportCPU reports the CPU time per operation since start (cpuTime), as cpu-ns/op.
func reportCPU(b *testing.B, start time.Duration) {
	if end, ok := cpuTime(); ok && b.N > 0 {
		b.ReportMetric(float64(end-start)/float64(b.N), "cpu-ns/op")
	}
}

// discard is a ResponseWriter that keeps nothing but the status and the size, so a benchmark
// counts the server's allocations, not a recorder's.
type discard struct {
	header http.Header
	code   int
	n      int
}

func (d *discard) Header() http.Header { return d.header }
func (d *discard) WriteHeader(code int) {
	if d.code == 0 {
		d.code = code
	}
}
func (d *discard) Write(b []byte) (int, error) {
	if d.code == 0 {
		d.code = http.StatusOK
	}
	d.n += len(b)
	return len(b), nil
}

// hotRoutes are the URLs everyone asks for during an outage.
func hotRoutes(snap *site.Snapshot) []struct{ name, path string } {
	published := snap.Published(synthetic.CorpusNow)
	slug := published[len(published)/2].Slug
	return []struct{ name, path string }{
		{"overview", "/en/"},
		{"incident", "/en/incidents/" + slug + "/"},
		{"history", "/en/history/"},
		{"feed.rss", "/en/feed.rss"},
		{"feed.atom", "/en/feed.atom"},
		{"feed.json", "/en/feed.json"},
		{"summary.json", "/api/v2/summary.json"},
		{"status.json", "/api/v2/status.json"},
		{"badge.svg", "/badge.svg"},
	}
}

// BenchmarkServe answers the hot routes from a warm response cache, as during an outage: plain,
// gzip and brotli, and 304 to a reader revalidating with the ETag it has.
func BenchmarkServe(b *testing.B) {
	snap := snapshot10k(b)
	srv := server.New(snap, server.Config{Now: func() time.Time { return synthetic.CorpusNow }})
	encodings := []struct{ name, accept string }{
		{"identity", ""},
		{"gzip", "gzip"},
		{"br", "gzip, deflate, br, zstd"},
	}
	for _, r := range hotRoutes(snap) {
		for _, enc := range encodings {
			req := httptest.NewRequest(http.MethodGet, r.path, nil)
			if enc.accept != "" {
				req.Header.Set("Accept-Encoding", enc.accept)
			}
			first := httptest.NewRecorder()
			srv.ServeHTTP(first, req)
			if first.Code != http.StatusOK {
				b.Fatalf("%s: %d", r.path, first.Code)
			}
			serve := func(b *testing.B, req *http.Request, want int) {
				w := &discard{header: http.Header{}}
				start, _ := cpuTime()
				for b.Loop() {
					clear(w.header)
					w.code, w.n = 0, 0
					srv.ServeHTTP(w, req)
				}
				reportCPU(b, start)
				if w.code != want {
					b.Fatalf("%s: %d, want %d", req.URL, w.code, want)
				}
				b.ReportMetric(float64(w.n), "bytes")
			}
			b.Run(r.name+"/"+enc.name, func(b *testing.B) { serve(b, req, http.StatusOK) })
			if enc.name == "gzip" {
				cond := req.Clone(req.Context())
				cond.Header.Set("If-None-Match", first.Header().Get("ETag"))
				b.Run(r.name+"/304", func(b *testing.B) { serve(b, cond, http.StatusNotModified) })
			}
		}
	}
}

// BenchmarkServeMinute is the first request for each hot route in a new minute (or after a
// reload): the answer is made and compressed, then kept for the rest of the minute.
func BenchmarkServeMinute(b *testing.B) {
	snap := snapshot10k(b)
	var minute time.Duration
	srv := server.New(snap, server.Config{Now: func() time.Time { return synthetic.CorpusNow.Add(minute) }})
	for _, r := range hotRoutes(snap) {
		req := httptest.NewRequest(http.MethodGet, r.path, nil)
		req.Header.Set("Accept-Encoding", "gzip, br")
		b.Run(r.name, func(b *testing.B) {
			w := &discard{header: http.Header{}}
			for b.Loop() {
				minute += time.Minute
				clear(w.header)
				w.code, w.n = 0, 0
				srv.ServeHTTP(w, req)
				if w.code != http.StatusOK {
					b.Fatalf("%s: %d", r.path, w.code)
				}
			}
			b.ReportMetric(float64(w.n), "bytes")
		})
	}
}

// BenchmarkEditVisible is a one-file edit at 10,000 items until a reader sees it: the file is
// saved as an editor does, the content reloaded (the Loader rebuilds the edited incident), the
// snapshot made and swapped, then the edited incident's page and the overview answered (both
// made afresh, since the snapshot is new). Three ways:
//   - walk: as before the watcher named the changed files: Loader.Load walks every file, and
//     site.Build makes the whole snapshot;
//   - paths: the Loader is told the changed path (LoadChanged), the snapshot updated
//     (site.Update);
//   - watched: as `serve` does it, from the save through a real watcher (notify mode, its default
//     quiet period) to the answer: paths plus noticing the change.
func BenchmarkEditVisible(b *testing.B) {
	src := testsupport.Corpus(b, 10000)
	for _, how := range []string{"walk", "paths", "watched"} {
		b.Run(how, func(b *testing.B) {
			dir := b.TempDir()
			if err := synthetic.EditableCopy(dir, src); err != nil {
				b.Fatal(err)
			}
			files := os.DirFS(dir)
			ld := content.NewLoader(files, content.Options{})
			cat := localeCatalog(b)
			srv := server.New(site.Build(files, ld.Load(), cat, site.Options{}, time.Now()), server.Config{Now: func() time.Time { return synthetic.CorpusNow }})
			published := srv.Snapshot().Published(synthetic.CorpusNow)
			in := published[len(published)/2]
			edit, err := synthetic.EditTitle(dir, in.Source)
			if err != nil {
				b.Fatal(err)
			}
			var changes <-chan watch.Change
			if how == "watched" {
				w, err := watch.New(dir, watch.Options{Mode: watch.Notify})
				if err != nil {
					b.Fatal(err)
				}
				defer w.Close()
				changes = w.Changes()
			}
			reload := func() *site.Snapshot {
				switch how {
				case "walk":
					return site.Build(files, ld.Load(), cat, site.Options{}, time.Now())
				case "paths":
					return site.Update(srv.Snapshot(), ld.LoadChanged([]string{in.Source}), time.Now())
				}
				c := <-changes
				return site.Update(srv.Snapshot(), ld.LoadChanged(c.Paths), time.Now())
			}
			page := "/en/incidents/" + in.Slug + "/"
			for i := 0; b.Loop(); i++ {
				title, err := edit(i)
				if err != nil {
					b.Fatal(err)
				}
				srv.Swap(reload())
				rec := httptest.NewRecorder()
				srv.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, page, nil))
				if !strings.Contains(rec.Body.String(), title) {
					b.Fatalf("%s does not show %q", page, title)
				}
				rec = httptest.NewRecorder()
				srv.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/en/", nil))
				if rec.Code != http.StatusOK {
					b.Fatal(rec.Code)
				}
			}
		})
	}
}

// BenchmarkReadyAnswer weighs the shortcut that sends a ready answer without routing: the same
// cached answers through the router (routed) and through Server.ServeHTTP (ready), one after the
// other for each route, so that a drift in the machine's speed touches both alike.
func BenchmarkReadyAnswer(b *testing.B) {
	srv := sample(b)
	for _, path := range []string{"/en/", "/en/feed.rss", "/api/v2/summary.json", "/badge.svg"} {
		req := httptest.NewRequest(http.MethodGet, path, nil)
		req.Header.Set("Accept-Encoding", "gzip, deflate, br, zstd")
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req) // makes the answer
		if rec.Code != http.StatusOK {
			b.Fatalf("%s: %d", path, rec.Code)
		}
		for _, how := range []struct {
			name string
			h    http.Handler
		}{{"routed", server.Routed(srv)}, {"ready", srv}} {
			b.Run(strings.Trim(path, "/")+"/"+how.name, func(b *testing.B) {
				w := &discard{header: http.Header{}}
				b.ReportAllocs()
				start, _ := cpuTime()
				for b.Loop() {
					clear(w.header)
					w.code, w.n = 0, 0
					how.h.ServeHTTP(w, req)
				}
				reportCPU(b, start)
				if w.code != http.StatusOK {
					b.Fatalf("%s %s: %d", how.name, path, w.code)
				}
			})
		}
	}
}
