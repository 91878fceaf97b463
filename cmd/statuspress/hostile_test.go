package main

import (
	"bytes"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"statuspress/internal/watch"
)

// sampleSite is the sample content's site.yaml.
func sampleSite(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("../../incidents/site.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// brokenSites are the ways site.yaml gets broken on a running server, each with a problem it
// gives ("" deletes the file).
func brokenSites(t *testing.T) []struct{ name, text, problem string } {
	good := sampleSite(t)
	end := strings.Count(good, "\n") + 1
	return []struct{ name, text, problem string }{
		{"unknown language", strings.Replace(good, "languages: [en, nl, fr, de]", "languages: [en, nl, xx]", 1), "site.yaml:11:21: error: language `xx` is not supported"},
		{"truncated", good[:strings.Index(good, "\ncomponents:")], "error: site.yaml lacks `components`"},
		{"emptied", "", "site.yaml:1:1: error: site.yaml is empty; it needs at least title"},
		{"deleted", "\x00delete", "site.yaml:1:1: error: site.yaml is missing"},
		{"unknown field", good + "timezone: Europe/Paris\n", fmt.Sprintf("site.yaml:%d:1: error: unknown field `timezone`", end)},
	}
}

func writeSite(t *testing.T, dir, text string) {
	t.Helper()
	if text == "\x00delete" {
		remove(t, filepath.Join(dir, "site.yaml"))
		return
	}
	writeFile(t, filepath.Join(dir, "site.yaml"), text)
}

// TestStartRefusesBrokenSite: with no good site.yaml yet, serve and build refuse to start, saying
// where each error is, rather than serve a site whose missing parts are filled in by defaults.
func TestStartRefusesBrokenSite(t *testing.T) {
	for _, tt := range brokenSites(t) {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.CopyFS(dir, os.DirFS("../../incidents")); err != nil {
				t.Fatal(err)
			}
			writeSite(t, dir, tt.text)
			_, err := newPublisher(serveConfig{content: dir}, slog.New(slog.DiscardHandler))
			if err == nil || !strings.Contains(err.Error(), tt.problem) {
				t.Errorf("serve: %v, want an error naming %q", err, tt.problem)
			}
			var stdout, stderr bytes.Buffer
			code := run([]string{"build", "--out", filepath.Join(t.TempDir(), "out"), "--content", dir}, nil, &stdout, &stderr)
			if code != 1 || !strings.Contains(stderr.String(), tt.problem) {
				t.Errorf("build: exit %d, want 1 and %q in:\n%s", code, tt.problem, stderr.String())
			}
		})
	}
}

// TestReloadBrokenSite: a site.yaml broken on a running server keeps the last good one on every
// surface (languages, components, title), and /readyz says so; fixed, it is taken.
func TestReloadBrokenSite(t *testing.T) {
	ls := startLive(t, watch.Notify, "")
	base, dir := ls.url, ls.dir
	good := sampleSite(t)
	for _, tt := range brokenSites(t) {
		t.Run(tt.name, func(t *testing.T) {
			writeSite(t, dir, tt.text)
			waitFor(t, "/readyz names the problem", func() bool {
				r := readyz(t, ls)
				return r.has("site.yaml", 0, 0, "") && strings.Contains(strings.Join(r.lines(), "\n"), tt.problem)
			})
			r := readyz(t, ls)
			if !r.has("site.yaml", 1, 1, "the site keeps serving the last good version of site.yaml") {
				t.Errorf("/readyz does not say the last good site.yaml is served: %v", r.lines())
			}
			for path, want := range map[string]string{
				"/fr/":                           "État des services Lumen Mail",
				"/de/incidents/rest-api-errors/": `lang="de"`,
				"/nl/":                           "API&#39;s en koppelingen",
				"/en/components/soap-api/":       "SOAP API",
				"/api/v2/components.json":        `"name":"SOAP API"`,
				"/en/":                           "<title>Lumen Mail Status",
			} {
				if code, body := get(t, base+path); code != http.StatusOK || !strings.Contains(body, want) {
					t.Errorf("%s: %d, want 200 with %q", path, code, want)
				}
			}
			writeSite(t, dir, good)
			waitFor(t, "the fix clears /readyz", func() bool { return !readyz(t, ls).has("site.yaml", 0, 0, "") })
		})
	}
	// A good change is still taken.
	writeSite(t, dir, strings.Replace(good, "  en: Lumen Mail Status", "  en: Lumen Mail Status Page", 1))
	waitFor(t, "a good change of site.yaml", func() bool {
		_, body := get(t, base+"/en/")
		return strings.Contains(body, "<title>Lumen Mail Status Page")
	})
}

// TestReloadDirectoryGone: the content directory moved away keeps the site up and says so on
// /readyz; moved back, with a change made meanwhile, it is read again by itself, in both modes.
func TestReloadDirectoryGone(t *testing.T) {
	for _, mode := range []watch.Mode{watch.Notify, watch.Poll} {
		t.Run(string(mode), func(t *testing.T) {
			ls := startLive(t, mode, "")
			base, dir := ls.url, ls.dir
			away := dir + ".away"
			page := base + "/en/incidents/rest-api-errors/"
			rename(t, dir, away)
			waitFor(t, "/readyz says the directory cannot be read", func() bool {
				return readyz(t, ls).has(".", 1, 1, "cannot read the content directory")
			})
			if r := readyz(t, ls); r.Incidents == 0 || !r.has(".", 1, 1, "the site keeps serving what it last read") {
				t.Errorf("/readyz: %d incidents, %v", r.Incidents, r.lines())
			}
			if got := metric(t, base, `statuspress_content_problems{severity="error"}`); got < 1 {
				t.Errorf("/metrics counts %v errors, want the directory's", got)
			}
			// Bundles' pictures are read through the directory as it was opened (an os.Root holds
			// it, wherever it moved), so they are served too.
			for _, path := range []string{"/en/incidents/rest-api-errors/", "/fr/incidents/rest-api-errors/", "/en/incidents/webhook-delays/", "/incidents/webhook-delays/latency.png", "/api/v2/incidents.json"} {
				if code := status(t, base+path); code != http.StatusOK {
					t.Errorf("%s while the directory is away: %d, want 200", path, code)
				}
			}
			// A rescan or SIGHUP while it is away changes nothing, nor an empty folder in its
			// place (a volume not mounted).
			ls.pub.publish("rescan", nil, true)
			ls.hup <- nil
			if err := os.Mkdir(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			waitFor(t, "/readyz says the empty folder holds no content", func() bool {
				return readyz(t, ls).has(".", 1, 1, "it holds neither site.yaml nor any incident file")
			})
			if code := status(t, page); code != http.StatusOK {
				t.Errorf("an incident page with an empty folder in the directory's place: %d, want 200", code)
			}
			if n := strings.Count(ls.log.String(), "cannot read the content directory (stat"); n != 1 {
				t.Errorf("the directory's problem was logged %d times through changes, a rescan and SIGHUP; want once", n)
			}
			if err := os.Remove(dir); err != nil {
				t.Fatal(err)
			}
			edit(t, filepath.Join(away, "2026", "rest-api-errors.md"), "title: Errors and slow responses on the REST API", "title: Edited while away")
			rename(t, away, dir)
			waitFor(t, "the directory back, with its edit, by itself", func() bool {
				_, body := get(t, page)
				return strings.Contains(body, "Edited while away") && !readyz(t, ls).has(".", 0, 0, "")
			})
			// And it is watched again.
			edit(t, filepath.Join(dir, "2026", "rest-api-errors.md"), "title: Edited while away", "title: Edited back home")
			waitFor(t, "an edit after the return", func() bool {
				_, body := get(t, page)
				return strings.Contains(body, "Edited back home")
			})
		})
	}
}

// TestReloadDeleteAndWriteAnew: a file deleted and written anew, as git checkout and some editors
// do, is never a 404. The grace is long and the gap short, so only a missing grace can fail it.
func TestReloadDeleteAndWriteAnew(t *testing.T) {
	ls := startLiveWith(t, watch.Options{Mode: watch.Notify, Grace: 2 * time.Second}, "")
	base, dir := ls.url, ls.dir
	file := filepath.Join(dir, "2026", "rest-api-errors.md")
	page := base + "/en/incidents/rest-api-errors/"
	text, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var (
		stop     atomic.Bool
		wg       sync.WaitGroup
		notFound atomic.Int64
		asked    atomic.Int64
	)
	wg.Go(func() {
		for !stop.Load() {
			resp, err := http.Get(page)
			if err != nil {
				continue
			}
			resp.Body.Close()
			asked.Add(1)
			if resp.StatusCode == http.StatusNotFound {
				notFound.Add(1)
			}
		}
	})
	remove(t, file)
	time.Sleep(100 * time.Millisecond) // far longer than the watcher's quiet time
	writeFile(t, file, strings.Replace(string(text), "title: Errors and slow responses on the REST API", "title: Written anew", 1))
	waitFor(t, "the file written anew is served", func() bool {
		_, body := get(t, page)
		return strings.Contains(body, "Written anew")
	})
	stop.Store(true)
	wg.Wait()
	if n := notFound.Load(); n > 0 {
		t.Errorf("%d of %d requests while the file was deleted and written anew were 404", n, asked.Load())
	}
}
