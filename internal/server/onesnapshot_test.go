package server_test

import (
	"net/http"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"statuspress/internal/content"
	"statuspress/internal/server"
	"statuspress/internal/site"
)

// answer is what a test compares of a response: whatever a snapshot decides.
type answer struct {
	Code                          int
	HSTS, Location, Lang, Allow   string
	ContentType, ETag, Disposable string
	Body                          string
}

func answerOf(t *testing.T, h http.Handler, path string) answer {
	t.Helper()
	rec := get(t, h, path)
	hd := rec.Header()
	return answer{
		Code: rec.Code, HSTS: hd.Get("Strict-Transport-Security"), Location: hd.Get("Location"),
		Lang: hd.Get("Content-Language"), Allow: hd.Get("Allow"), ContentType: hd.Get("Content-Type"),
		ETag: hd.Get("ETag"), Disposable: hd.Get("Content-Disposition"), Body: rec.Body.String(),
	}
}

// TestOneSnapshotPerRequest swaps the snapshot at every step of a request, as a reload landing in
// the middle of one would, and checks that each answer is the whole answer of one snapshot: the
// request's, never a mix of two, and that a request loads the snapshot once.
func TestOneSnapshotPerRequest(t *testing.T) {
	a := snapshot(t, site.Options{})
	// b is another version of the site: served over http (so no HSTS), at another address,
	// without the ongoing incident and without the incident that has a picture.
	dir := sampleCopy(t, "")
	for _, f := range []string{"2026/rest-api-errors.md", "2026/rest-api-errors.nl.md", "2026/rest-api-errors.fr.md", "2026/rest-api-errors.de.md"} {
		if err := os.Remove(filepath.Join(dir, f)); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.RemoveAll(filepath.Join(dir, "2025", "webhook-delays")); err != nil {
		t.Fatal(err)
	}
	fsys, err := content.OpenDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	c := content.Load(fsys, content.Options{})
	b := site.Build(fsys, c, localeCatalog(t), site.Options{BaseURL: "http://b.example"}, clock)
	cfg := server.Config{Now: func() time.Time { return clock }}

	for _, path := range []string{
		"/en/",
		"/nl/incidents/rest-api-errors/",
		"/en/incidents/webhook-delays/",
		"/de/history/",
		"/en/components/rest-api/",
		"/en/feed.rss",
		"/fr/feed.json",
		"/en/components/rest-api/feed.atom",
		"/en/maintenance.ics",
		"/api/v2/summary.json",
		"/api/v2/incidents/unresolved.json?lang=nl",
		"/api/v2/status.json",
		"/badge.svg",
		"/components/rest-api/badge.json?lang=de",
		"/incidents/webhook-delays/latency.png",
		"/en/incidents/no-such-incident/",
		"/no-such-page",
		"/en/incidents/rest-api-errors",
		"/",
	} {
		t.Run(path, func(t *testing.T) {
			wantA := answerOf(t, server.New(a, cfg), path)
			wantB := answerOf(t, server.New(b, cfg), path)
			if wantA == wantB {
				t.Fatalf("GET %s answers the same from both snapshots; the test cannot tell them apart", path)
			}
			// The source gives a for the first k loads and b after them, as a reload after the
			// k-th would, or alternates between them.
			var sources []func(n int64) *site.Snapshot
			for k := range int64(6) {
				sources = append(sources, func(n int64) *site.Snapshot {
					if n <= k {
						return a
					}
					return b
				})
			}
			for first := range int64(2) {
				sources = append(sources, func(n int64) *site.Snapshot {
					if (n+first)%2 == 1 {
						return a
					}
					return b
				})
			}
			for i, source := range sources {
				srv := server.New(a, cfg)
				var n atomic.Int64
				server.SetSnapshotSource(srv, func() *site.Snapshot { return source(n.Add(1)) })
				// Twice: the second answer may come from the response cache.
				for range 2 {
					before := n.Load()
					got := answerOf(t, srv, path)
					if loads := n.Load() - before; loads != 1 {
						t.Errorf("GET %s loaded the snapshot %d times, want once", path, loads)
					}
					if got != wantA && got != wantB {
						t.Fatalf("GET %s (source %d) mixes two snapshots; against the first (-want +got):\n%s\nagainst the second (-want +got):\n%s",
							path, i, cmp.Diff(wantA, got), cmp.Diff(wantB, got))
					}
				}
			}
		})
	}
}

// TestOldRequestKeepsTheCache: a request that began before a reload is answered from its own
// snapshot without pushing the new snapshot's answers out of the response cache.
func TestOldRequestKeepsTheCache(t *testing.T) {
	a, b := snapshot(t, site.Options{}), snapshot(t, site.Options{})
	srv := server.New(a, server.Config{Now: func() time.Time { return clock }})
	srv.Swap(b)
	var made int
	server.CachedRoute(srv, "/made", func(w http.ResponseWriter, r *http.Request) {
		made++
		w.Write([]byte("answer"))
	})
	for i, tc := range []struct {
		snap *site.Snapshot
		made int
	}{
		{b, 1}, // made for the current snapshot
		{a, 2}, // an old request: made for its own
		{b, 2}, // the current snapshot's answer is still there
	} {
		server.SetSnapshotSource(srv, func() *site.Snapshot { return tc.snap })
		if rec := get(t, srv, "/made"); rec.Code != http.StatusOK || made != tc.made {
			t.Errorf("request %d: status %d, answers made %d, want 200 and %d", i, rec.Code, made, tc.made)
		}
	}
}
