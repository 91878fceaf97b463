package deploy

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"statuspress/internal/content"
	"statuspress/internal/locale"
	"statuspress/internal/server"
	"statuspress/internal/site"
	"statuspress/internal/testsupport"
	"statuspress/locales"
)

// clock is the replicas' settable clock, starting on Monday 23 November 2026, 12:00 UTC, when the
// sample's REST API incident is going on and the database maintenance of 5 December is announced.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = t
}

// originRequest is one request a replica answered.
type originRequest struct {
	replica     int
	method      string
	path        string
	ifNoneMatch string
	ifModSince  string
	status      int
}

// origins are the statuspress replicas behind the cache, and what they were asked.
type origins struct {
	servers []*server.Server
	https   []*httptest.Server
	mu      sync.Mutex
	log     []originRequest
}

func (o *origins) requests(path string) []originRequest {
	o.mu.Lock()
	defer o.mu.Unlock()
	var out []originRequest
	for _, r := range o.log {
		if r.path == path {
			out = append(out, r)
		}
	}
	return out
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// snapshotOf loads a content directory as statuspress serve does.
func snapshotOf(t *testing.T, dir string, loaded time.Time) *site.Snapshot {
	t.Helper()
	loc, err := locale.Load(locales.FS)
	if err != nil {
		t.Fatal(err)
	}
	files := os.DirFS(dir)
	c := content.Load(files, content.Options{})
	if n := c.Problems.Errors(); n > 0 {
		t.Fatalf("%s has %d errors:\n%v", dir, n, c.Problems)
	}
	return site.Build(files, c, loc, site.Options{}, loaded)
}

// startOrigins starts n replicas over the same snapshot, on 127.0.0.1.
func startOrigins(t *testing.T, n int, snap *site.Snapshot, clk *clock) *origins {
	t.Helper()
	o := &origins{}
	for i := range n {
		srv := server.New(snap, server.Config{Now: clk.Now})
		h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			sw := &statusWriter{ResponseWriter: w}
			srv.ServeHTTP(sw, r)
			o.mu.Lock()
			o.log = append(o.log, originRequest{i, r.Method, r.URL.Path, r.Header.Get("If-None-Match"), r.Header.Get("If-Modified-Since"), sw.status})
			o.mu.Unlock()
		})
		ts := httptest.NewServer(h)
		t.Cleanup(ts.Close)
		o.servers = append(o.servers, srv)
		o.https = append(o.https, ts)
	}
	return o
}

// nginxBinary is Debian's nginx, or a skip (a failure under CI) when it is not installed.
func nginxBinary(t *testing.T) string {
	t.Helper()
	if p, err := exec.LookPath("nginx"); err == nil {
		return p
	}
	if _, err := os.Stat("/usr/sbin/nginx"); err == nil {
		return "/usr/sbin/nginx"
	}
	msg := "nginx is not installed (apt-get install -y nginx): the caching proxy test cannot run"
	if os.Getenv("CI") != "" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}

// readmeNginx is the nginx configuration README.md recommends, the first ```nginx block.
func readmeNginx(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)```nginx\n(.*?)```").FindSubmatch(data)
	if m == nil {
		t.Fatal("README.md has no ```nginx block with the caching proxy configuration")
	}
	return string(m[1])
}

// replace replaces what re matches in conf, which it must match.
func replace(t *testing.T, conf, re, with string) string {
	t.Helper()
	r := regexp.MustCompile(re)
	if !r.MatchString(conf) {
		t.Fatalf("README.md's nginx configuration has nothing like %s to point at the test's servers:\n%s", re, conf)
	}
	first := true
	return r.ReplaceAllStringFunc(conf, func(string) string {
		if first {
			first = false
			return with
		}
		return ""
	})
}

// proxyConfig is README.md's configuration pointed at the replicas, listening on 127.0.0.1:port,
// with everything nginx writes in dir. A second server on port2 uses the same cache without
// proxy_cache_use_stale, so that what it serves stale it serves by the replicas' stale-if-error.
func proxyConfig(t *testing.T, dir string, port, port2 int, o *origins) string {
	conf := readmeNginx(t)
	var upstreams strings.Builder
	for i, ts := range o.https {
		if i > 0 {
			upstreams.WriteString("\n    ")
		}
		fmt.Fprintf(&upstreams, "server %s;", ts.Listener.Addr())
	}
	conf = replace(t, conf, `proxy_cache_path\s+\S+`, "proxy_cache_path "+filepath.Join(dir, "cache"))
	conf = replace(t, conf, `server\s+[0-9.]+:\d+;[^\n]*`, upstreams.String())
	conf = replace(t, conf, `listen\s+80;`, fmt.Sprintf("listen 127.0.0.1:%d;", port))
	user := ""
	if os.Geteuid() == 0 {
		user = "user root;" // the workers must be able to write to the test's directory
	}
	return fmt.Sprintf(`daemon off;
master_process on;
worker_processes 1;
%[2]s
pid %[1]s/nginx.pid;
error_log %[1]s/error.log info;
events { worker_connections 64; }
http {
    access_log %[1]s/access.log;
    client_body_temp_path %[1]s/client_body;
    proxy_temp_path %[1]s/proxy;
    fastcgi_temp_path %[1]s/fastcgi;
    uwsgi_temp_path %[1]s/uwsgi;
    scgi_temp_path %[1]s/scgi;

    # README.md's configuration:
%[3]s
    # The test's second server: stale copies only by the replicas' stale-if-error.
    server {
        listen 127.0.0.1:%[4]d;
        location / {
            proxy_pass http://statuspress;
            proxy_cache statuspress;
            add_header X-Cache-Status $upstream_cache_status always;
        }
    }
}
`, dir, user, conf, port2)
}

// startNginx runs nginx in the foreground on conf until the test ends.
func startNginx(t *testing.T, bin, dir, conf string, ports ...int) {
	t.Helper()
	confPath := filepath.Join(dir, "nginx.conf")
	if err := os.WriteFile(confPath, []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	cmd := exec.Command(bin, "-p", dir, "-e", filepath.Join(dir, "error.log"), "-c", confPath)
	cmd.Stdout, cmd.Stderr = &out, &out
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan struct{})
	go func() { _ = cmd.Wait(); close(exited) }()
	errorLog := func() string {
		data, _ := os.ReadFile(filepath.Join(dir, "error.log"))
		return out.String() + string(data)
	}
	t.Cleanup(func() {
		// SIGTERM is nginx's fast shutdown: the master stops its workers and exits.
		_ = cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-exited:
		case <-time.After(10 * time.Second):
			_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) // its own process group
			<-exited
		}
		if t.Failed() {
			t.Logf("nginx's error log:\n%s", errorLog())
		}
	})
	deadline := time.Now().Add(10 * time.Second)
	for _, port := range ports {
		for {
			c, err := net.DialTimeout("tcp", "127.0.0.1:"+strconv.Itoa(port), time.Second)
			if err == nil {
				c.Close()
				break
			}
			select {
			case <-exited:
				t.Fatalf("nginx exited:\n%s\nconfiguration:\n%s", errorLog(), conf)
			case <-time.After(50 * time.Millisecond):
			}
			if time.Now().After(deadline) {
				t.Fatalf("nginx does not listen on 127.0.0.1:%d:\n%s", port, errorLog())
			}
		}
	}
}

func freePort(t *testing.T) int {
	t.Helper()
	_, p, _ := net.SplitHostPort(freeAddr(t))
	n, _ := strconv.Atoi(p)
	return n
}

// response is an answer through the cache, its body decompressed when it came gzipped.
type response struct {
	status int
	header http.Header
	raw    []byte // as sent
	body   []byte // decoded
}

func (r response) cache() string { return r.header.Get("X-Cache-Status") }

var client = &http.Client{
	Timeout:       10 * time.Second,
	Transport:     &http.Transport{Proxy: nil, DisableCompression: true},
	CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
}

// fetch sends a request with headers given as name, value pairs.
func fetch(t *testing.T, method, url string, headers ...string) response {
	t.Helper()
	req, err := http.NewRequest(method, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	r := response{status: resp.StatusCode, header: resp.Header, raw: raw, body: raw}
	if resp.Header.Get("Content-Encoding") == "gzip" {
		zr, err := gzip.NewReader(bytes.NewReader(raw))
		if err != nil {
			t.Fatalf("%s %s: Content-Encoding gzip, but %v", method, url, err)
		}
		if r.body, err = io.ReadAll(zr); err != nil {
			t.Fatalf("%s %s: bad gzip: %v", method, url, err)
		}
	}
	return r
}

// maxAge is the max-age of a Cache-Control header.
func maxAge(t *testing.T, cc string) time.Duration {
	t.Helper()
	m := regexp.MustCompile(`max-age=(\d+)`).FindStringSubmatch(cc)
	if m == nil {
		t.Fatalf("Cache-Control %q has no max-age", cc)
	}
	n, _ := strconv.Atoi(m[1])
	return time.Duration(n) * time.Second
}

// editedContent is a copy of the sample content with old replaced by new in site.yaml.
func editedContent(t *testing.T, old, new string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(filepath.Join(repoRoot, "incidents"))); err != nil {
		t.Fatal(err)
	}
	name := filepath.Join(dir, "site.yaml")
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte(old)) {
		t.Fatalf("site.yaml has no %q to edit", old)
	}
	if err := os.WriteFile(name, bytes.Replace(data, []byte(old), []byte(new), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestBehindNginx runs README.md's nginx configuration in front of two replicas.
func TestBehindNginx(t *testing.T) {
	testsupport.Slow(t)
	t.Parallel()
	bin := nginxBinary(t)
	start := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	clk := &clock{now: start}
	o := startOrigins(t, 2, snapshotOf(t, filepath.Join(repoRoot, "incidents"), start), clk)
	dir := t.TempDir()
	port, port2 := freePort(t), freePort(t)
	startNginx(t, bin, dir, proxyConfig(t, dir, port, port2, o), port, port2)
	cache := "http://127.0.0.1:" + strconv.Itoa(port)
	gz := []string{"Accept-Encoding", "gzip"}

	// Phase 1: everything a fresh cache shows at once.
	primed := map[string]response{}
	var primedAt time.Time
	prime := func(t *testing.T, path string) response {
		r := fetch(t, "GET", cache+path, gz...)
		if r.status != http.StatusOK || r.cache() != "MISS" {
			t.Fatalf("GET %s: %d, X-Cache-Status %q; want 200 MISS", path, r.status, r.cache())
		}
		primed[path], primedAt = r, time.Now()
		return r
	}

	t.Run("repeated requests are hits", func(t *testing.T) {
		first := prime(t, "/en/")
		if first.header.Get("ETag") == "" || !strings.Contains(first.header.Get("Cache-Control"), "public") {
			t.Fatalf("the page is not cacheable: Cache-Control %q, ETag %q", first.header.Get("Cache-Control"), first.header.Get("ETag"))
		}
		for range 3 {
			r := fetch(t, "GET", cache+"/en/", gz...)
			if r.cache() != "HIT" || !bytes.Equal(r.raw, first.raw) || r.header.Get("ETag") != first.header.Get("ETag") {
				t.Fatalf("repeat: X-Cache-Status %q, same body %v, ETag %q; want a HIT of the same page",
					r.cache(), bytes.Equal(r.raw, first.raw), r.header.Get("ETag"))
			}
		}
		if n := len(o.requests("/en/")); n != 1 {
			t.Errorf("the replicas were asked for /en/ %d times, want once", n)
		}
	})

	t.Run("replicas agree on the ETag", func(t *testing.T) {
		var tags []string
		for _, ts := range o.https {
			tags = append(tags, fetch(t, "GET", ts.URL+"/en/", gz...).header.Get("ETag"))
		}
		if tags[0] == "" || tags[0] != tags[1] || tags[0] != primed["/en/"].header.Get("ETag") {
			t.Errorf("ETags of /en/ differ between replicas: %q, cached %q", tags, primed["/en/"].header.Get("ETag"))
		}
	})

	t.Run("gzip passes through", func(t *testing.T) {
		r := primed["/en/"]
		if r.header.Get("Content-Encoding") != "gzip" || !bytes.Contains(r.body, []byte(`<html lang="en"`)) {
			t.Fatalf("Content-Encoding %q; decoded page starts %.60q", r.header.Get("Content-Encoding"), r.body)
		}
		if !strings.Contains(strings.Join(r.header.Values("Vary"), ","), "Accept-Encoding") {
			t.Errorf("no Vary: Accept-Encoding: %q", r.header.Values("Vary"))
		}
		// A client that does not take gzip gets the page uncompressed, never the cached gzip.
		for i, want := range []string{"MISS", "HIT"} {
			p := fetch(t, "GET", cache+"/en/")
			if p.header.Get("Content-Encoding") != "" || !bytes.Equal(p.body, r.body) {
				t.Fatalf("request %d without Accept-Encoding: Content-Encoding %q, same page %v",
					i+1, p.header.Get("Content-Encoding"), bytes.Equal(p.body, r.body))
			}
			if p.cache() != want {
				t.Errorf("request %d without Accept-Encoding: X-Cache-Status %q, want %s (its own variant)", i+1, p.cache(), want)
			}
		}
		if r := fetch(t, "GET", cache+"/en/", gz...); r.cache() != "HIT" || r.header.Get("Content-Encoding") != "gzip" {
			t.Errorf("gzip after identity: X-Cache-Status %q, Content-Encoding %q", r.cache(), r.header.Get("Content-Encoding"))
		}
	})

	t.Run("language negotiation at / is per reader", func(t *testing.T) {
		for _, c := range []struct{ acceptLanguage, cookie, want string }{
			{"nl-NL,nl;q=0.9,en;q=0.5", "", "/nl/"},
			{"fr-FR,fr;q=0.9", "", "/fr/"},
			{"nl-BE", "", "/nl/"},
			{"de-AT", "", "/de/"},
			{"nl", "lang=fr", "/fr/"},
			{"", "", "/en/"},
		} {
			h := []string{"Accept-Language", c.acceptLanguage}
			if c.cookie != "" {
				h = append(h, "Cookie", c.cookie)
			}
			r := fetch(t, "GET", cache+"/", h...)
			if r.status != http.StatusSeeOther || r.header.Get("Location") != c.want {
				t.Errorf("Accept-Language %q, Cookie %q: %d to %q, want 303 to %s", c.acceptLanguage, c.cookie, r.status, r.header.Get("Location"), c.want)
			}
			if r.cache() == "HIT" {
				t.Errorf("Accept-Language %q: the redirect came from the cache", c.acceptLanguage)
			}
			if vary := strings.Join(r.header.Values("Vary"), ", "); !strings.Contains(vary, "Accept-Language") || !strings.Contains(vary, "Cookie") {
				t.Errorf("Accept-Language %q: Vary %q reaches the browser without Accept-Language and Cookie", c.acceptLanguage, vary)
			}
		}
		if n := len(o.requests("/")); n != 6 {
			t.Errorf("the replicas answered / %d times, want every one of the 6", n)
		}
	})

	t.Run("the API keeps its CORS headers", func(t *testing.T) {
		var first response
		for i, want := range []string{"MISS", "HIT"} {
			r := fetch(t, "GET", cache+"/api/v2/status.json", "Origin", "https://intranet.example")
			if r.status != http.StatusOK || r.cache() != want || r.header.Get("Access-Control-Allow-Origin") != "*" {
				t.Errorf("GET %d: %d, X-Cache-Status %q, Access-Control-Allow-Origin %q; want 200, %s, *",
					i+1, r.status, r.cache(), r.header.Get("Access-Control-Allow-Origin"), want)
			}
			if i == 0 {
				first = r
			}
		}
		primed["/api/v2/status.json"] = first
		pre := fetch(t, "OPTIONS", cache+"/api/v2/summary.json", "Origin", "https://intranet.example",
			"Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "x-requested-with")
		if pre.status/100 != 2 || pre.header.Get("Access-Control-Allow-Origin") != "*" ||
			!strings.Contains(pre.header.Get("Access-Control-Allow-Methods"), "GET") ||
			!strings.Contains(strings.ToLower(pre.header.Get("Access-Control-Allow-Headers")), "x-requested-with") || pre.cache() == "HIT" {
			t.Errorf("preflight through the cache: %d %v", pre.status, pre.header)
		}
	})

	// Pages for the checks after max-age.
	for _, p := range []string{"/nl/", "/fr/", "/de/", "/api/v2/components.json"} {
		prime(t, p)
	}
	age := maxAge(t, primed["/nl/"].header.Get("Cache-Control"))

	// A content change, published on every replica as soon as the pages are cached: the cache
	// keeps the old pages while they are fresh.
	const newTitle = "État des services Lumen Mail (nouveau)"
	changed := time.Now()
	snap := snapshotOf(t, editedContent(t, "fr: État des services Lumen Mail", "fr: "+newTitle), changed)
	for _, s := range o.servers {
		s.Swap(snap)
	}
	t.Run("a fresh copy is served until max-age", func(t *testing.T) {
		r := fetch(t, "GET", cache+"/fr/", gz...)
		if r.cache() != "HIT" || !bytes.Equal(r.raw, primed["/fr/"].raw) {
			t.Errorf("GET /fr/ just after the change: X-Cache-Status %q, the cached copy %v; want the cached copy",
				r.cache(), bytes.Equal(r.raw, primed["/fr/"].raw))
		}
	})

	t.Run("after max-age", func(t *testing.T) {
		if testing.Short() {
			t.Skipf("-short: not waiting %v for the cached pages to expire", age)
		}
		if age > time.Minute {
			t.Fatalf("max-age is %v: too long to wait for here", age)
		}
		wait := time.Until(primedAt.Add(age + 1500*time.Millisecond))
		t.Logf("waiting %v for max-age=%d to pass", wait.Round(time.Second), int(age.Seconds()))
		time.Sleep(wait)

		t.Run("revalidation with the ETag is answered 304", func(t *testing.T) {
			old := primed["/nl/"]
			r := fetch(t, "GET", cache+"/nl/", gz...)
			if r.status != http.StatusOK || r.cache() != "REVALIDATED" || !bytes.Equal(r.raw, old.raw) {
				t.Fatalf("GET /nl/ after max-age: %d, X-Cache-Status %q, same page %v; want 200 REVALIDATED, the same page",
					r.status, r.cache(), bytes.Equal(r.raw, old.raw))
			}
			reqs := o.requests("/nl/")
			last := reqs[len(reqs)-1]
			if last.ifNoneMatch != old.header.Get("ETag") || last.status != http.StatusNotModified {
				t.Errorf("the replica was asked with If-None-Match %q and answered %d; want %s and 304",
					last.ifNoneMatch, last.status, old.header.Get("ETag"))
			}
			if r := fetch(t, "GET", cache+"/nl/", gz...); r.cache() != "HIT" {
				t.Errorf("after the 304 the page should be fresh again: X-Cache-Status %q", r.cache())
			}
		})

		t.Run("revalidation with Last-Modified", func(t *testing.T) {
			// A cache that keeps only dates (older proxies, some CDNs) revalidates by
			// If-Modified-Since: nginx sends both, and the replica's answer must hold for either.
			lm := primed["/nl/"].header.Get("Last-Modified")
			if lm == "" {
				t.Fatal("statuspress sent no Last-Modified with /nl/: caches can revalidate by ETag only")
			}
			reqs := o.requests("/nl/")
			last := reqs[len(reqs)-1]
			if last.ifModSince != lm || last.status != http.StatusNotModified {
				t.Errorf("the replica was asked with If-Modified-Since %q and answered %d; want %s and 304",
					last.ifModSince, last.status, lm)
			}
		})

		t.Run("a page that changes with the clock is fetched again", func(t *testing.T) {
			// The database maintenance begins by itself on 5 December, 22:00 CET: no content changes,
			// but the overview does, and so does its ETag.
			clk.Set(time.Date(2026, 12, 5, 21, 30, 0, 0, time.UTC))
			old := primed["/en/"]
			r := fetch(t, "GET", cache+"/en/", gz...)
			if r.status != http.StatusOK || r.cache() != "EXPIRED" || r.header.Get("ETag") == old.header.Get("ETag") {
				t.Errorf("GET /en/ after max-age and a new hour: %d, X-Cache-Status %q, ETag %q (was %q); want 200 EXPIRED, a new ETag",
					r.status, r.cache(), r.header.Get("ETag"), old.header.Get("ETag"))
			}
		})

		t.Run("new content is served within max-age", func(t *testing.T) {
			r := fetch(t, "GET", cache+"/fr/", gz...)
			if r.status != http.StatusOK || r.cache() != "EXPIRED" || !bytes.Contains(r.body, []byte(newTitle)) {
				t.Fatalf("GET /fr/ after max-age: %d, X-Cache-Status %q, new title shown %v; want 200 EXPIRED with the new title",
					r.status, r.cache(), bytes.Contains(r.body, []byte(newTitle)))
			}
			if d := time.Since(changed); d > age+5*time.Second {
				t.Errorf("the change took %v to reach readers; max-age is %v", d.Round(time.Second), age)
			} else {
				t.Logf("the change reached readers after %v (max-age %v)", d.Round(100*time.Millisecond), age)
			}
		})

		t.Run("stale copies while every replica is down", func(t *testing.T) {
			for _, ts := range o.https {
				ts.Close()
			}
			for _, c := range []struct {
				base, path, why string
				header          []string
			}{
				{cache, "/de/", "proxy_cache_use_stale error", gz},
				{cache, "/api/v2/status.json", "proxy_cache_use_stale error", nil},
				{"http://127.0.0.1:" + strconv.Itoa(port2), "/api/v2/components.json", "stale-if-error alone", gz},
			} {
				old := primed[c.path]
				r := fetch(t, "GET", c.base+c.path, c.header...)
				if r.status != http.StatusOK || r.cache() != "STALE" || !bytes.Equal(r.body, old.body) {
					t.Errorf("GET %s with the replicas down (%s): %d, X-Cache-Status %q, the cached copy %v; want 200 STALE, the cached copy",
						c.path, c.why, r.status, r.cache(), bytes.Equal(r.body, old.body))
				}
				if strings.HasPrefix(c.path, "/api/") && r.header.Get("Access-Control-Allow-Origin") != "*" {
					t.Errorf("GET %s stale: no Access-Control-Allow-Origin", c.path)
				}
			}
			if r := fetch(t, "GET", cache+"/en/history/", gz...); r.status/100 != 5 {
				t.Errorf("a page never cached answered %d with the replicas down; want a 5xx from nginx", r.status)
			}
		})
	})
}
