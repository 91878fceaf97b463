package main

import (
	"io"
	"log/slog"
	"net/http/httptest"
	"runtime"
	"testing"

	"statuspress/internal/testsupport"
	"statuspress/internal/testsupport/synthetic"
)

// BenchmarkGCCycle is one full garbage collection of what serve keeps at 10,000 items: the loader
// (for reloads), the snapshot and the server with its answers to the hot routes made. Every
// collection while serving marks all of it, so this is the price of each one under load (where
// it is paid at a quarter of the CPU, and by requests that allocate while it runs). It reports
// the live heap and its objects, which are what the marking walks.
func BenchmarkGCCycle(b *testing.B) {
	dir := testsupport.Corpus(b, 10000)
	pub, err := newPublisher(serveConfig{content: dir, now: synthetic.CorpusNow}, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		b.Fatal(err)
	}
	for _, path := range []string{"/en/", "/en/feed.rss", "/api/v2/summary.json", "/en/history/"} {
		rec := httptest.NewRecorder()
		pub.srv.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		if rec.Code != 200 {
			b.Fatalf("%s: %d", path, rec.Code)
		}
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ResetTimer()
	for b.Loop() {
		runtime.GC()
	}
	b.ReportMetric(float64(ms.HeapAlloc)/(1<<20), "live-MB")
	b.ReportMetric(float64(ms.HeapObjects), "live-objects")
	runtime.KeepAlive(pub)
}
