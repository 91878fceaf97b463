package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/andybalholm/brotli"

	"statuspress/internal/content"
	"statuspress/internal/testsupport"
	"statuspress/internal/watch"
)

const (
	// soakFor is how long the clients read while the writer changes files.
	soakFor = 10 * time.Second
	// soakClients is how many clients read at once.
	soakClients = 12
)

// markerIncident is the incident the writer rewrites: its counter is in the title and in the
// summary, changed in one write, so a page showing two counters mixes two snapshots.
func markerIncident(n int, broken bool) string {
	title := "title"
	if broken {
		title = "titel" // unknown field: an error, and the last good version stays up
	}
	return fmt.Sprintf("---\n%s: Soak marker soak-%d-title\ncomponents: {web-app: degraded_performance}\nstarted: 2026-11-23T10:00:00Z\n"+
		"summary: The marker summary soak-%d-summary.\nupdates:\n  - at: 2026-11-23T10:05:00Z\n    status: investigating\n"+
		"    text: Looking into it.\n---\nMarker body.\n", title, n, n)
}

// addedIncident is the k-th incident the writer adds (resolved, so feeds and history list it).
func addedIncident(k int, broken bool) string {
	title := "title"
	if broken {
		title = "titel"
	}
	return fmt.Sprintf("---\n%s: Soak added incident %d\ncomponents: {rest-api: partial_outage}\nstarted: 2026-11-2%dT08:00:00Z\n"+
		"resolved: 2026-11-2%dT09:00:00Z\nupdates:\n  - at: 2026-11-2%dT08:10:00Z\n    status: investigating\n    text: Soak %d.\n"+
		"  - at: 2026-11-2%dT09:00:00Z\n    status: resolved\n    text: Fixed.\n---\nBody %d.\n", title, k, k%3, k%3, k%3, k, k%3, k)
}

var markerRE = regexp.MustCompile(`soak-(\d+)-(title|summary)`)

// soakStats is what the clients saw.
type soakStats struct {
	requests, bytes atomic.Int64
	// marked counts the answers that carried the marker, checked for one counter.
	marked   atomic.Int64
	mu       sync.Mutex
	byCode   map[int]int
	failures []string
	failed   int
}

func (s *soakStats) fail(format string, args ...any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failed++
	if len(s.failures) < 20 {
		s.failures = append(s.failures, fmt.Sprintf(format, args...))
	}
}

func (s *soakStats) count(code int) {
	s.mu.Lock()
	s.byCode[code]++
	s.mu.Unlock()
}

// soakGet fetches url in a random encoding and returns the decoded body.
func soakGet(client *http.Client, url string, rnd *rand.Rand) (*http.Response, []byte, error) {
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		return nil, nil, err
	}
	enc := []string{"", "gzip", "br", "identity"}[rnd.IntN(4)]
	if enc != "" {
		req.Header.Set("Accept-Encoding", enc)
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, nil, err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return resp, nil, fmt.Errorf("reading the body: %w", err)
	}
	var r io.Reader
	switch resp.Header.Get("Content-Encoding") {
	case "":
		return resp, raw, nil
	case "gzip":
		if r, err = gzip.NewReader(bytes.NewReader(raw)); err != nil {
			return resp, nil, err
		}
	case "br":
		r = brotli.NewReader(bytes.NewReader(raw))
	default:
		return resp, nil, fmt.Errorf("unknown Content-Encoding %q", resp.Header.Get("Content-Encoding"))
	}
	body, err := io.ReadAll(r)
	return resp, body, err
}

// TestSoak: concurrent clients read pages, feeds and the API over real HTTP while a writer edits,
// adds, deletes, breaks and fixes files every 50–100 ms. No answer is a 5xx, none is cut off or
// mixes two snapshots, and when the writer stops the site settles on what `lint` reports.
func TestSoak(t *testing.T) {
	testsupport.Slow(t)
	if testing.Short() {
		t.Skip("soak test: skipped with -short")
	}
	ls := startLive(t, watch.Notify, "")
	base, dir := ls.url, ls.dir
	markerPath := filepath.Join(dir, "2026", "soak-marker.md")
	writeFile(t, markerPath, markerIncident(0, false))
	// A file broken from the start and never fixed: served and `lint` must agree on it.
	writeFile(t, filepath.Join(dir, "2026", "soak-never-good.md"), "---\ntitle: [unclosed\n---\n")
	waitFor(t, "the marker incident", func() bool { return status(t, base+"/en/incidents/soak-marker/") == http.StatusOK })
	buildsBefore := builds(t, base)

	stats := &soakStats{byCode: map[int]int{}}
	stop := make(chan struct{})
	var clients sync.WaitGroup
	for i := range soakClients {
		clients.Go(func() { soakClient(base, stats, stop, uint64(i)) })
	}

	// The writer.
	rnd := rand.New(rand.NewPCG(1, 2))
	counter, goodCounter := 0, 0
	nextAdd := 0
	added := map[int]bool{}  // slugs soak-added-K that exist
	broken := map[int]bool{} // of those, the ones broken now
	markerBroken := false
	ops := map[string]int{}
	begin := time.Now()
	for time.Since(begin) < soakFor {
		switch op := rnd.IntN(100); {
		case op < 40: // the marker: title and summary in one write
			counter++
			markerBroken = rnd.IntN(5) == 0
			if !markerBroken {
				goodCounter = counter
			}
			writeFile(t, markerPath, markerIncident(counter, markerBroken))
			ops[map[bool]string{false: "marker edit", true: "marker break"}[markerBroken]]++
		case op < 60:
			nextAdd++
			added[nextAdd] = true
			writeFile(t, filepath.Join(dir, "2026", fmt.Sprintf("soak-added-%d.md", nextAdd)), addedIncident(nextAdd, false))
			ops["add"]++
		case op < 70:
			if k, ok := anyKey(added, rnd); ok {
				remove(t, filepath.Join(dir, "2026", fmt.Sprintf("soak-added-%d.md", k)))
				delete(added, k)
				delete(broken, k)
				ops["delete"]++
			}
		case op < 80:
			if k, ok := anyKey(added, rnd); ok {
				writeFile(t, filepath.Join(dir, "2026", fmt.Sprintf("soak-added-%d.md", k)), addedIncident(k, true))
				broken[k] = true
				ops["break"]++
			}
		case op < 90:
			if k, ok := anyKey(broken, rnd); ok {
				writeFile(t, filepath.Join(dir, "2026", fmt.Sprintf("soak-added-%d.md", k)), addedIncident(k, false))
				delete(broken, k)
				ops["fix"]++
			}
		default: // an edit of a sample incident's body
			path := filepath.Join(dir, "2026", "rest-api-errors.md")
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			writeFile(t, path, string(b)+fmt.Sprintf("\nSoak edit %d.\n", rnd.IntN(1000)))
			ops["sample edit"]++
		}
		time.Sleep(time.Duration(50+rnd.IntN(51)) * time.Millisecond)
	}
	// The end state: everything fixed but the file that never was good.
	for k := range broken {
		writeFile(t, filepath.Join(dir, "2026", fmt.Sprintf("soak-added-%d.md", k)), addedIncident(k, false))
	}
	counter++
	goodCounter = counter
	writeFile(t, markerPath, markerIncident(counter, false))
	writerDone := time.Now()
	t.Logf("writer: %v in %v; marker counter %d", ops, writerDone.Sub(begin).Round(time.Millisecond), counter)

	// The clients go on reading while the reloads settle.
	lintOut := func() (files, incidents int, problems []string) {
		var out bytes.Buffer
		run([]string{"lint", "--format", "json", dir}, nil, &out, io.Discard)
		var r readyState
		if err := json.Unmarshal(out.Bytes(), &r); err != nil {
			t.Fatalf("lint --format json: %v\n%s", err, out.String())
		}
		// Lint names files from the directory it runs in; /readyz from the content directory.
		for i, p := range r.Problems {
			r.Problems[i].Path = inContent(t, dir, p.Path)
		}
		return r.Files, r.Incidents, r.lines()
	}
	wantFiles, wantIncidents, wantProblems := lintOut()
	waitFor(t, "the served state settles on lint's", func() bool {
		r := readyz(t, ls)
		return r.Files == wantFiles && r.Incidents == wantIncidents && slices.Equal(r.lines(), wantProblems)
	})
	close(stop)
	clients.Wait()

	t.Logf("%d requests (%.0f/s), %d MB, %d of them carrying the marker; by status %v; %d snapshots published",
		stats.requests.Load(), float64(stats.requests.Load())/time.Since(begin).Seconds(), stats.bytes.Load()>>20,
		stats.marked.Load(), stats.byCode, builds(t, base)-buildsBefore)
	for _, f := range stats.failures {
		t.Error(f)
	}
	if stats.failed > len(stats.failures) {
		t.Errorf("… and %d more failures", stats.failed-len(stats.failures))
	}
	if stats.requests.Load() < 100 || stats.marked.Load() < 50 {
		t.Errorf("only %d requests in the soak, %d with the marker", stats.requests.Load(), stats.marked.Load())
	}

	// The final state, checked in full against lint.
	r := readyz(t, ls)
	if !slices.Equal(r.lines(), wantProblems) || r.Files != wantFiles || r.Incidents != wantIncidents {
		t.Errorf("/readyz: %d files, %d incidents, problems\n%s\nlint: %d files, %d incidents, problems\n%s",
			r.Files, r.Incidents, strings.Join(r.lines(), "\n"), wantFiles, wantIncidents, strings.Join(wantProblems, "\n"))
	}
	if len(wantProblems) != 1 || !strings.HasPrefix(wantProblems[0], "2026/soak-never-good.md:") {
		t.Errorf("lint should report only the file that never was good: %v", wantProblems)
	}
	// Every incident lint loads is served, and nothing else: the counts agree (above), and each
	// one's page is there.
	for _, in := range content.Load(os.DirFS(dir), content.Options{}).Incidents {
		if code := status(t, base+"/en/incidents/"+in.Slug+"/"); code != http.StatusOK {
			t.Errorf("%s, loaded by lint: %d", in.Slug, code)
		}
	}
	for k := 1; k <= nextAdd; k++ {
		want := http.StatusNotFound
		if added[k] {
			want = http.StatusOK
		}
		if code := status(t, base+fmt.Sprintf("/en/incidents/soak-added-%d/", k)); code != want {
			t.Errorf("soak-added-%d: %d, want %d", k, code, want)
		}
	}
	_, body := get(t, base+"/en/incidents/soak-marker/")
	if want := fmt.Sprintf("soak-%d-title", goodCounter); !strings.Contains(body, want) {
		t.Errorf("the marker page does not show the last write, %s", want)
	}
	_, api := get(t, base+"/api/v2/incidents.json")
	for k := 1; k <= nextAdd; k++ {
		if listed := strings.Contains(api, fmt.Sprintf("/incidents/soak-added-%d/", k)); listed != added[k] {
			t.Errorf("/api/v2/incidents.json lists soak-added-%d: %v, want %v", k, listed, added[k])
		}
	}
}

func anyKey(m map[int]bool, rnd *rand.Rand) (int, bool) {
	if len(m) == 0 {
		return 0, false
	}
	keys := make([]int, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys[rnd.IntN(len(keys))], true
}

// soakClient reads random URLs until stop, checking every answer.
func soakClient(base string, stats *soakStats, stop <-chan struct{}, seed uint64) {
	rnd := rand.New(rand.NewPCG(seed, 99))
	client := &http.Client{Timeout: 10 * time.Second, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	paths := []string{
		"/en/", "/nl/", "/fr/", "/de/",
		"/en/incidents/soak-marker/", "/nl/incidents/soak-marker/", "/de/incidents/soak-marker/",
		"/en/incidents/rest-api-errors/", "/fr/incidents/mobile-sdk-400-errors/",
		"/en/feed.atom", "/nl/feed.rss", "/en/feed.json", "/en/history/",
		"/api/v2/summary.json", "/api/v2/incidents.json", "/readyz",
	}
	seen := 0 // the highest marker counter seen: snapshots are published in order, so it never goes back
	for {
		select {
		case <-stop:
			return
		default:
		}
		path := paths[rnd.IntN(len(paths))]
		if rnd.IntN(6) == 0 {
			path = fmt.Sprintf("/en/incidents/soak-added-%d/", 1+rnd.IntN(40))
		}
		resp, body, err := soakGet(client, base+path, rnd)
		stats.requests.Add(1)
		if err != nil {
			stats.fail("GET %s: %v", path, err)
			continue
		}
		stats.bytes.Add(int64(len(body)))
		stats.count(resp.StatusCode)
		code := resp.StatusCode
		switch {
		case code >= 500:
			stats.fail("GET %s: %d\n%.300s", path, code, body)
			continue
		case code == http.StatusNotFound && strings.HasPrefix(path, "/en/incidents/soak-added-"):
		case code != http.StatusOK:
			stats.fail("GET %s: %d", path, code)
			continue
		}
		ctype := resp.Header.Get("Content-Type")
		text := strings.TrimSpace(string(body))
		switch {
		case strings.HasPrefix(ctype, "text/html"):
			if !strings.HasSuffix(text, "</html>") {
				stats.fail("GET %s: an HTML page cut off: …%s", path, tail(text, 80))
			}
		case strings.Contains(ctype, "xml"):
			if !strings.HasSuffix(text, "</feed>") && !strings.HasSuffix(text, "</rss>") {
				stats.fail("GET %s: a feed cut off: …%s", path, tail(text, 80))
			}
		case strings.Contains(ctype, "json"):
			if !json.Valid(body) {
				stats.fail("GET %s: invalid JSON: …%s", path, tail(text, 80))
			}
		default:
			stats.fail("GET %s: Content-Type %q", path, ctype)
		}
		// One snapshot per answer: every marker in it has the same counter.
		counters := map[string]bool{}
		kinds := map[string]bool{}
		for _, m := range markerRE.FindAllStringSubmatch(text, -1) {
			counters[m[1]] = true
			kinds[m[2]] = true
		}
		if len(counters) > 0 {
			stats.marked.Add(1)
		}
		if len(counters) > 1 {
			stats.fail("GET %s: a torn answer, marker counters %v", path, counters)
		}
		if strings.Contains(path, "/incidents/soak-marker/") && (!kinds["title"] || !kinds["summary"]) {
			stats.fail("GET %s: the marker page lacks its title or summary marker", path)
		}
		for c := range counters {
			n, _ := strconv.Atoi(c)
			if n < seen {
				stats.fail("GET %s: marker %d after %d: an older snapshot came back", path, n, seen)
			}
			seen = max(seen, n)
		}
	}
}

// inContent is the path p, as lint prints it (from the current directory), from the content
// directory dir instead, as /readyz gives it.
func inContent(t *testing.T, dir, p string) string {
	t.Helper()
	if !filepath.IsAbs(p) {
		wd, err := os.Getwd()
		if err != nil {
			t.Fatal(err)
		}
		p = filepath.Join(wd, p)
	}
	rel, err := filepath.Rel(dir, p)
	if err != nil {
		t.Fatal(err)
	}
	return filepath.ToSlash(rel)
}
