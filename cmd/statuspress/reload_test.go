package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"statuspress/internal/content"
	"statuspress/internal/testsupport"
	"statuspress/internal/watch"
)

// The reload tests run the publisher as `serve` does (content.Loader → site.Build → server.Swap,
// driven by a watcher and by SIGHUP) against a real temporary copy of the sample content, and
// change the files the way people and git do: edit, add, delete, rename, break, fix, and a burst.

// liveSite is a running publisher over a copy of the sample content, served on 127.0.0.1.
type liveSite struct {
	dir string
	url string
	// debug is the --debug-addr listener's handler, served on its own address.
	debug string
	pub   *publisher
	// hup stands in for SIGHUP: a value sent here reloads as the signal does in `serve`.
	hup chan os.Signal
	log *lockedBuffer
}

// lockedBuffer is a buffer safe for a logger and a test reading it at once.
type lockedBuffer = testsupport.Buffer

// startLive serves a copy of the sample content and follows its changes in mode; baseURL is the
// --base-url flag ("" keeps site.yaml's). Everything stops when the test ends.
func startLive(t *testing.T, mode watch.Mode, baseURL string) *liveSite {
	t.Helper()
	return startLiveWith(t, watch.Options{Mode: mode, Interval: 50 * time.Millisecond}, baseURL)
}

// startLiveWith is startLive with the watcher's options given.
func startLiveWith(t *testing.T, opt watch.Options, baseURL string) *liveSite {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../../incidents")); err != nil {
		t.Fatal(err)
	}
	now, _ := time.Parse(time.RFC3339, "2026-11-23T12:00:00Z")
	logs := &lockedBuffer{}
	pub, err := newPublisher(serveConfig{content: dir, now: now, baseURL: baseURL}, slog.New(slog.NewTextHandler(logs, nil)))
	if err != nil {
		t.Fatal(err)
	}
	w, err := watch.New(dir, opt)
	if err != nil {
		t.Fatal(err)
	}
	hup := make(chan os.Signal, 1)
	ctx, cancel := context.WithCancel(context.Background())
	followed := make(chan struct{})
	go func() { pub.follow(ctx, w.Changes(), hup); close(followed) }()
	srv := httptest.NewServer(pub.srv)
	dbg := httptest.NewServer(debugHandler(pub.srv))
	t.Cleanup(func() {
		srv.Close()
		dbg.Close()
		cancel()
		<-followed
		w.Close()
		if t.Failed() {
			t.Logf("publisher log, requests left out:\n%s", tail(withoutRequests(logs.String()), 3000))
		}
	})
	return &liveSite{dir: dir, url: srv.URL, debug: dbg.URL, pub: pub, hup: hup, log: logs}
}

// withoutRequests drops the access log lines from a server log.
func withoutRequests(log string) string {
	var b strings.Builder
	for line := range strings.Lines(log) {
		if !strings.Contains(line, "msg=request ") {
			b.WriteString(line)
		}
	}
	return b.String()
}

func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return "…" + s[len(s)-n:]
}

// readyState is /readyz as JSON.
type readyState struct {
	Ready     bool   `json:"ready"`
	Version   string `json:"version"`
	Files     int    `json:"files"`
	Incidents int    `json:"incidents"`
	Errors    int    `json:"errors"`
	Warnings  int    `json:"warnings"`
	Problems  []struct {
		Path     string `json:"path"`
		Line     int    `json:"line"`
		Column   int    `json:"column"`
		Severity string `json:"severity"`
		Message  string `json:"message"`
	} `json:"problems"`
}

// lines are the problems as `lint` prints them: path:line:col: severity: message.
func (r readyState) lines() []string {
	out := []string{}
	for _, p := range r.Problems {
		out = append(out, fmt.Sprintf("%s:%d:%d: %s: %s", p.Path, p.Line, p.Column, p.Severity, p.Message))
	}
	return out
}

// has reports whether a problem is listed at path:line:col whose message contains msg.
func (r readyState) has(path string, line, col int, msg string) bool {
	for _, p := range r.Problems {
		if p.Path == path && (line == 0 || p.Line == line && p.Column == col) && strings.Contains(p.Message, msg) {
			return true
		}
	}
	return false
}

// readyz is /readyz of the debug listener, which lists the problems the public one counts.
func readyz(t *testing.T, ls *liveSite) readyState {
	t.Helper()
	code, body := get(t, ls.debug+"/readyz")
	var r readyState
	if err := json.Unmarshal([]byte(body), &r); err != nil {
		t.Fatalf("/readyz (%d) is not JSON: %v\n%s", code, err, body)
	}
	if code != http.StatusOK || !r.Ready {
		t.Fatalf("/readyz: %d, ready %v", code, r.Ready)
	}
	return r
}

// metric reads one unlabelled sample from /metrics, e.g. statuspress_snapshot_build_duration_seconds_count.
func metric(t *testing.T, base, name string) float64 {
	t.Helper()
	_, body := get(t, base+"/metrics")
	m := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(name) + ` (\S+)$`).FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("/metrics has no %s", name)
	}
	v, err := strconv.ParseFloat(m[1], 64)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return v
}

// builds is how many snapshots were built and published since the server started (the first one
// included).
func builds(t *testing.T, base string) int {
	t.Helper()
	return int(metric(t, base, "statuspress_snapshot_build_duration_seconds_count"))
}

func status(t *testing.T, url string) int {
	t.Helper()
	code, _ := get(t, url)
	return code
}

func writeFile(t testing.TB, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func rename(t *testing.T, from, to string) {
	t.Helper()
	if err := os.Rename(from, to); err != nil {
		t.Fatal(err)
	}
}

func remove(t *testing.T, path string) {
	t.Helper()
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
}

// freshIncident is a small valid incident with one update, so feeds list it.
func freshIncident(title string) string {
	return "---\ntitle: " + title + "\ncomponents: {web-app: partial_outage}\nstarted: 2026-11-23T11:00:00Z\n" +
		"updates:\n  - at: 2026-11-23T11:10:00Z\n    status: investigating\n    text: Looking into it.\n---\nText.\n"
}

// TestReload walks a content directory through the changes support staff make, in both watch
// modes, and checks each one goes live on every surface it shows on.
func TestReload(t *testing.T) {
	for _, mode := range []watch.Mode{watch.Notify, watch.Poll} {
		t.Run(string(mode), func(t *testing.T) {
			t.Parallel()
			ls := startLive(t, mode, "")
			base, dir := ls.url, ls.dir
			start := builds(t, base)

			t.Run("edit", func(t *testing.T) {
				edit(t, filepath.Join(dir, "2026", "rest-api-errors.md"), "title: Errors and slow responses on the REST API", "title: Edited REST API incident")
				waitFor(t, "an edited title on the incident page", func() bool {
					_, body := get(t, base+"/en/incidents/rest-api-errors/")
					return strings.Contains(body, "Edited REST API incident")
				})
				// Every surface answers from the same new snapshot, the response cache included.
				for _, path := range []string{"/en/", "/en/feed.atom", "/api/v2/incidents.json", "/api/v2/summary.json"} {
					if _, body := get(t, base+path); !strings.Contains(body, "Edited REST API incident") || strings.Contains(body, "Errors and slow responses on the REST API") {
						t.Errorf("%s does not show the edited title only", path)
					}
				}
			})

			t.Run("add", func(t *testing.T) {
				writeFile(t, filepath.Join(dir, "2026", "fresh-outage.md"), freshIncident("Fresh outage of the web app"))
				waitFor(t, "a new incident's page", func() bool { return status(t, base+"/en/incidents/fresh-outage/") == http.StatusOK })
				for _, path := range []string{"/en/", "/en/feed.atom", "/en/feed.rss", "/en/feed.json", "/api/v2/incidents.json", "/nl/incidents/fresh-outage/"} {
					if _, body := get(t, base+path); !strings.Contains(body, "Fresh outage of the web app") {
						t.Errorf("%s does not list the new incident", path)
					}
				}
			})

			t.Run("delete", func(t *testing.T) {
				remove(t, filepath.Join(dir, "2026", "tracking-statistics-delayed.md"))
				remove(t, filepath.Join(dir, "2026", "tracking-statistics-delayed.fr.md"))
				waitFor(t, "a deleted incident's page 404s", func() bool {
					return status(t, base+"/en/incidents/tracking-statistics-delayed/") == http.StatusNotFound
				})
				for _, path := range []string{"/en/feed.atom", "/en/feed.rss", "/en/feed.json", "/fr/feed.atom", "/api/v2/incidents.json", "/en/history/", "/en/"} {
					code, body := get(t, base+path)
					if code != http.StatusOK || strings.Contains(body, "tracking-statistics-delayed") {
						t.Errorf("%s (%d) still lists the deleted incident", path, code)
					}
				}
				if code := status(t, base+"/fr/incidents/tracking-statistics-delayed/"); code != http.StatusNotFound {
					t.Errorf("the deleted incident's translation: %d, want 404", code)
				}
			})

			t.Run("rename file", func(t *testing.T) {
				for _, suffix := range []string{".md", ".de.md", ".fr.md", ".nl.md"} {
					rename(t, filepath.Join(dir, "2026", "mobile-sdk-400-errors"+suffix), filepath.Join(dir, "2026", "mobile-sdk-errors"+suffix))
				}
				waitFor(t, "a renamed incident under its new slug, the old one gone", func() bool {
					return status(t, base+"/en/incidents/mobile-sdk-errors/") == http.StatusOK &&
						status(t, base+"/en/incidents/mobile-sdk-400-errors/") == http.StatusNotFound
				})
				waitFor(t, "the renamed translations attached, no orphan reported", func() bool {
					_, body := get(t, base+"/de/incidents/mobile-sdk-errors/")
					return readyz(t, ls).Errors == 0 && strings.Contains(body, `lang="de"`)
				})
				if _, body := get(t, base+"/api/v2/incidents.json"); strings.Contains(body, "/incidents/mobile-sdk-400-errors/") || !strings.Contains(body, "/incidents/mobile-sdk-errors/") {
					t.Errorf("the API does not follow the rename")
				}
			})

			t.Run("rename folder", func(t *testing.T) {
				rename(t, filepath.Join(dir, "2025", "webhook-delays"), filepath.Join(dir, "2025", "webhook-latency"))
				waitFor(t, "a renamed bundle under its new slug, the old one gone", func() bool {
					return status(t, base+"/en/incidents/webhook-latency/") == http.StatusOK &&
						status(t, base+"/en/incidents/webhook-delays/") == http.StatusNotFound
				})
				if code := status(t, base+"/incidents/webhook-latency/latency.png"); code != http.StatusOK {
					t.Errorf("the renamed bundle's picture: %d", code)
				}
				if code := status(t, base+"/incidents/webhook-delays/latency.png"); code != http.StatusNotFound {
					t.Errorf("the old bundle's picture: %d, want 404", code)
				}
				// The watcher still follows the folder under its new name.
				edit(t, filepath.Join(dir, "2025", "webhook-latency", "index.md"), "title: Delayed webhook deliveries", "title: Late webhook deliveries")
				waitFor(t, "an edit inside the renamed folder", func() bool {
					_, body := get(t, base+"/en/incidents/webhook-latency/")
					return strings.Contains(body, "Late webhook deliveries")
				})
			})

			t.Run("broken", func(t *testing.T) {
				edit(t, filepath.Join(dir, "2026", "rest-api-errors.md"), "title: ", "titel: ")
				// A file that was never good: it is left out, and named too.
				writeFile(t, filepath.Join(dir, "2026", "born-broken.md"), "---\ntitle: Never good\ncomponents: {web-app: partial_outage\n---\n")
				waitFor(t, "/readyz names both broken files", func() bool {
					r := readyz(t, ls)
					return r.has("2026/rest-api-errors.md", 2, 1, "unknown field `titel`") && r.has("2026/born-broken.md", 0, 0, "")
				})
				r := readyz(t, ls)
				if !r.has("2026/rest-api-errors.md", 0, 0, "last good version") {
					t.Errorf("/readyz does not say the last good version is served: %v", r.lines())
				}
				code, body := get(t, base+"/en/incidents/rest-api-errors/")
				if code != http.StatusOK || !strings.Contains(body, "Edited REST API incident") {
					t.Errorf("the broken incident is not served in its last good version (%d)", code)
				}
				if code := status(t, base+"/en/incidents/born-broken/"); code != http.StatusNotFound {
					t.Errorf("a file that never loaded: %d, want 404", code)
				}
				// The page for people lists file:line:col too, on the debug listener.
				req, _ := http.NewRequest("GET", ls.debug+"/readyz", nil)
				req.Header.Set("Accept", "text/html")
				resp, err := http.DefaultClient.Do(req)
				if err != nil {
					t.Fatal(err)
				}
				page, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				if !strings.Contains(string(page), "2026/rest-api-errors.md:2:1") {
					t.Errorf("/readyz in a browser does not show 2026/rest-api-errors.md:2:1")
				}
			})

			t.Run("fix", func(t *testing.T) {
				edit(t, filepath.Join(dir, "2026", "rest-api-errors.md"), "titel: ", "title: ")
				writeFile(t, filepath.Join(dir, "2026", "born-broken.md"), freshIncident("Good at last"))
				waitFor(t, "the fixes clear /readyz", func() bool {
					r := readyz(t, ls)
					return r.Errors == 0 && r.Warnings == 0
				})
				if code := status(t, base+"/en/incidents/born-broken/"); code != http.StatusOK {
					t.Errorf("the fixed file: %d, want 200", code)
				}
				if _, body := get(t, base+"/en/incidents/rest-api-errors/"); !strings.Contains(body, "Edited REST API incident") {
					t.Errorf("the fixed incident lost its text")
				}
			})

			t.Run("consistent", func(t *testing.T) {
				// What the changes above built piece by piece is what loading everything afresh gives.
				fresh := content.Load(os.DirFS(dir), content.Options{})
				r := readyz(t, ls)
				if r.Version != fresh.Version || r.Files != fresh.Files || r.Incidents != len(fresh.Incidents) || len(r.Problems) != len(fresh.Problems) {
					t.Errorf("served: version %s, %d files, %d incidents, %d problems; a fresh load: %s, %d, %d, %d",
						r.Version, r.Files, r.Incidents, len(r.Problems), fresh.Version, fresh.Files, len(fresh.Incidents), len(fresh.Problems))
				}
			})

			t.Run("SIGHUP", func(t *testing.T) {
				before := builds(t, base)
				ls.hup <- nil
				waitFor(t, "SIGHUP publishes", func() bool { return builds(t, base) > before })
			})
			t.Logf("%s: %d snapshots built for the steps above", mode, builds(t, base)-start)
		})
	}
}

// burstIncident is the i-th file of a burst: a small resolved incident.
func burstIncident(i int) string {
	return fmt.Sprintf("---\ntitle: Burst incident %03d\ncomponents: {web-app: degraded_performance}\n"+
		"started: 2026-11-2%dT0%d:00:00Z\nresolved: 2026-11-2%dT0%d:30:00Z\n---\nBurst %d.\n", i, i%3, i%10, i%3, i%10, i)
}

// TestReloadBurst writes 500 new files as fast as possible, as a git pull does: every one of them
// is served in the end, and the burst costs a handful of rebuilds, not one each.
func TestReloadBurst(t *testing.T) {
	const n = 500
	for _, mode := range []watch.Mode{watch.Notify, watch.Poll} {
		t.Run(string(mode), func(t *testing.T) {
			ls := startLive(t, mode, "")
			base := ls.url
			initial := readyz(t, ls).Incidents
			before := builds(t, base)
			folder := filepath.Join(ls.dir, "2027", "burst") // a new folder, made by the burst itself
			if err := os.MkdirAll(folder, 0o755); err != nil {
				t.Fatal(err)
			}
			start := time.Now()
			for i := range n {
				if err := os.WriteFile(filepath.Join(folder, fmt.Sprintf("burst-%03d.md", i)), []byte(burstIncident(i)), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			t.Logf("%d files written in %v", n, time.Since(start).Round(time.Millisecond))
			waitFor(t, fmt.Sprintf("all %d files served", n), func() bool {
				r := readyz(t, ls)
				return r.Incidents == initial+n && r.Errors == 0
			})
			// Let a rebuild still running finish: the count is read once it stood still for 500 ms.
			count, since := builds(t, base), time.Now()
			for deadline := time.Now().Add(5 * time.Second); time.Since(since) < 500*time.Millisecond && time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
				if c := builds(t, base); c != count {
					count, since = c, time.Now()
				}
			}
			rebuilds := count - before
			t.Logf("%d rebuilds for %d files (%.1f s of building in all)", rebuilds, n, metric(t, base, "statuspress_snapshot_build_duration_seconds_sum"))
			if rebuilds < 1 || rebuilds >= 50 {
				t.Errorf("%d rebuilds for a burst of %d files: want a few (1 to 49), bursts are debounced", rebuilds, n)
			}
			for _, i := range []int{0, 1, n / 2, n - 1} {
				code, body := get(t, base+fmt.Sprintf("/en/incidents/burst-%03d/", i))
				if code != http.StatusOK || !strings.Contains(body, fmt.Sprintf("Burst incident %03d", i)) {
					t.Errorf("burst-%03d: %d", i, code)
				}
			}
		})
	}
}

// TestRescan: the periodic rescan publishes a change the watcher missed, and nothing when it
// finds nothing new.
func TestRescan(t *testing.T) {
	ls := startLive(t, watch.Off, "")
	base, dir := ls.url, ls.dir
	before := builds(t, base)
	ls.pub.publish("rescan", nil, true)
	if n := builds(t, base); n != before {
		t.Errorf("a rescan that found nothing published %d snapshots", n-before)
	}
	// With watching off, nothing sees this edit but the rescan.
	edit(t, filepath.Join(dir, "2026", "rest-api-errors.md"), "title: Errors and slow responses on the REST API", "title: Missed by the watcher")
	ls.pub.publish("rescan", nil, true)
	if _, body := get(t, base+"/en/incidents/rest-api-errors/"); !strings.Contains(body, "Missed by the watcher") {
		t.Errorf("the rescan did not publish the missed edit")
	}
	// Nor a picture added to a bundle: the page that links it may be unchanged, but the picture
	// is served only once a snapshot lists it.
	picture := "/incidents/webhook-delays/added-later.png"
	if code, _ := get(t, base+picture); code != http.StatusNotFound {
		t.Fatalf("%s before it exists: %d, want 404", picture, code)
	}
	if err := os.WriteFile(filepath.Join(dir, "2025", "webhook-delays", "added-later.png"), []byte("\x89PNG\r\n\x1a\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ls.pub.publish("rescan", nil, true)
	if code, _ := get(t, base+picture); code != http.StatusOK {
		t.Errorf("%s after the rescan: %d, want 200", picture, code)
	}
	// A change of paths that are not content publishes nothing either.
	before = builds(t, base)
	ls.pub.publish("change", []string{"2026/4913", "_drafts/x.md"}, false)
	if n := builds(t, base); n != before {
		t.Errorf("a change to no content published %d snapshots", n-before)
	}
}
