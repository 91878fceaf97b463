package main

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"statuspress/internal/watch"
)

// liveServer serves a copy of the sample content and follows its changes as `serve` does.
// liveServer serves a copy of the sample content as serve does; debug is the --debug-addr
// listener's handler, served on an address of its own.
func liveServer(t *testing.T, mode watch.Mode) (dir string, srv, debug *httptest.Server) {
	t.Helper()
	dir = t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../../incidents")); err != nil {
		t.Fatal(err)
	}
	now, _ := time.Parse(time.RFC3339, "2026-11-23T12:00:00Z")
	pub, err := newPublisher(serveConfig{content: dir, now: now}, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	w, err := watch.New(dir, watch.Options{Mode: mode, Interval: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	go pub.follow(ctx, w.Changes(), nil)
	srv = httptest.NewServer(pub.srv)
	debug = httptest.NewServer(debugHandler(pub.srv))
	t.Cleanup(func() { srv.Close(); debug.Close(); cancel(); w.Close() })
	return dir, srv, debug
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// waitFor polls until ok holds; the bound is generous, the time taken is logged, not asserted.
func waitFor(t *testing.T, what string, ok func() bool) {
	t.Helper()
	start := time.Now()
	for time.Since(start) < 15*time.Second {
		if ok() {
			t.Logf("%s: after %v", what, time.Since(start).Round(time.Millisecond))
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("%s: not seen", what)
}

func edit(t *testing.T, path, old, new string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), old) {
		t.Fatalf("%s does not contain %q", path, old)
	}
	if err := os.WriteFile(path, []byte(strings.Replace(string(b), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestLiveReload(t *testing.T) {
	for _, mode := range []watch.Mode{watch.Notify, watch.Poll} {
		t.Run(string(mode), func(t *testing.T) {
			dir, srv, debug := liveServer(t, mode)
			page := srv.URL + "/en/incidents/rest-api-errors/"
			orig := filepath.Join(dir, "2026", "rest-api-errors.md")

			edit(t, orig, "title: ", "title: Edited — ")
			waitFor(t, "an edit goes live", func() bool {
				_, body := get(t, page)
				return strings.Contains(body, "Edited — ")
			})

			// A typo: the last good version stays up and /readyz counts it; the debug listener's
			// names the file and line.
			edit(t, orig, "title: ", "titel: ")
			waitFor(t, "a typo is reported", func() bool {
				_, body := get(t, debug.URL+"/readyz")
				return strings.Contains(body, "unknown field `titel`")
			})
			code, body := get(t, page)
			if code != http.StatusOK || !strings.Contains(body, "Edited — ") {
				t.Errorf("the broken incident is not served in its last good version (%d)", code)
			}
			if _, body := get(t, srv.URL+"/readyz"); strings.Contains(body, `"errors": 0`) || strings.Contains(body, "titel") {
				t.Errorf("the public /readyz should count the typo and not quote it:\n%s", body)
			}
			code, body = get(t, debug.URL+"/readyz")
			var r struct {
				Ready    bool
				Errors   int
				Problems []struct {
					Path   string
					Line   int
					Column int
				}
			}
			if err := json.Unmarshal([]byte(body), &r); err != nil {
				t.Fatalf("/readyz is not JSON: %v\n%s", err, body)
			}
			named := false
			for _, p := range r.Problems {
				named = named || p.Path == "2026/rest-api-errors.md" && p.Line == 2 && p.Column == 1
			}
			if code != http.StatusOK || !r.Ready || r.Errors == 0 || !named {
				t.Errorf("/readyz does not name the typo at 2026/rest-api-errors.md:2:1: %d %+v", code, r)
			}

			// A new folder with a new incident, while the typo is still there.
			if err := os.MkdirAll(filepath.Join(dir, "2027"), 0o755); err != nil {
				t.Fatal(err)
			}
			fresh := "---\ntitle: Fresh incident\ncomponents: {web-app: partial_outage}\nstarted: 2026-11-23T11:00:00Z\n---\nText.\n"
			if err := os.WriteFile(filepath.Join(dir, "2027", "fresh.md"), []byte(fresh), 0o644); err != nil {
				t.Fatal(err)
			}
			waitFor(t, "a new file in a new folder goes live", func() bool {
				code, _ := get(t, srv.URL+"/en/incidents/fresh/")
				return code == http.StatusOK
			})

			// Fixing the typo clears the problem.
			edit(t, orig, "titel: ", "title: ")
			waitFor(t, "the fix clears /readyz", func() bool {
				_, body := get(t, srv.URL+"/readyz")
				return strings.Contains(body, `"errors": 0`)
			})
		})
	}
}

func TestReadyzInBrowser(t *testing.T) {
	_, srv, _ := liveServer(t, watch.Off)
	req, _ := http.NewRequest("GET", srv.URL+"/readyz", nil)
	req.Header.Set("Accept", "text/html,application/xhtml+xml")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") || !strings.Contains(string(b), "<h1>") {
		t.Errorf("/readyz for a browser: %s\n%s", resp.Header.Get("Content-Type"), b)
	}
}

func TestMetrics(t *testing.T) {
	_, srv, _ := liveServer(t, watch.Off)
	get(t, srv.URL+"/en/")
	get(t, srv.URL+"/en/nope/")
	_, body := get(t, srv.URL+"/metrics")
	for _, want := range []string{
		`statuspress_http_requests_total{code="200",method="GET",route="/:lang/"} 1`,
		`statuspress_http_requests_total{code="404",method="GET",route=`,
		`statuspress_http_request_duration_seconds_bucket{route="/:lang/"`,
		"statuspress_snapshot_build_duration_seconds_count 1",
		"statuspress_incidents_loaded 8",
		"statuspress_content_files_loaded 22",
		`statuspress_content_problems{severity="error"} 0`,
		"statuspress_last_reload_timestamp_seconds",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("/metrics lacks %q:\n%.2000s", want, body)
		}
	}
}
