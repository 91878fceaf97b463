package export_test

import (
	"bytes"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path"
	"regexp"
	"strings"
	"testing"
	"time"

	xhtml "golang.org/x/net/html"

	"statuspress/internal/content"
	"statuspress/internal/export"
	"statuspress/internal/locale"
	"statuspress/internal/server"
	"statuspress/internal/site"
	"statuspress/locales"
)

// The tests build the sample content at a fixed instant: Monday 23 November 2026, 12:00 UTC, when
// the REST API incident is going on and the December maintenance is announced.
const contentDir = "../../incidents"

var now = time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)

// quality is the brotli quality of the tests' builds: the best (11) takes minutes under the race
// detector and exercises no other code.
const quality = 5

// fixture is the site every test reads: rendered once, written to a directory.
var fixture struct {
	site *export.Site
	out  string
	err  error
}

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "statuspress-export-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fixture.out = dir + "/site"
	fixture.site, fixture.err = render()
	if fixture.err == nil {
		fixture.err = fixture.site.Write(fixture.out, export.WriteOptions{})
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func render() (*export.Site, error) {
	snap, err := snapshot(true)
	if err != nil {
		return nil, err
	}
	return export.Render(snap, now, export.Options{BrotliQuality: quality})
}

// built returns the fixture's output directory and files.
func built(t *testing.T) (string, *export.Site) {
	t.Helper()
	if fixture.err != nil {
		t.Fatalf("building the sample site: %v", fixture.err)
	}
	return fixture.out, fixture.site
}

// snapshot builds a snapshot of the sample content, as statuspress serve (static false) and
// statuspress build (static true) do.
func snapshot(static bool) (*site.Snapshot, error) {
	cat, err := locale.Load(locales.FS)
	if err != nil {
		return nil, err
	}
	files := os.DirFS(contentDir)
	c := content.Load(files, content.Options{})
	if n := c.Problems.Errors(); n > 0 {
		return nil, fmt.Errorf("sample content has %d errors:\n%v", n, c.Problems)
	}
	return site.Build(files, c, cat, site.Options{Static: static}, now), nil
}

func mustSnapshot(t *testing.T, static bool) *site.Snapshot {
	t.Helper()
	s, err := snapshot(static)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// response is what a crawler got for one URL.
type response struct {
	code     int
	location string
	body     []byte
}

// fetcher gets one URL (a path with an optional query) without following redirects.
type fetcher func(target string) response

// staticHost serves dir as a plain file server does, the way object storage or a CDN would.
func staticHost(t *testing.T, dir string) fetcher {
	t.Helper()
	ts := httptest.NewServer(http.FileServer(http.Dir(dir)))
	t.Cleanup(ts.Close)
	client := ts.Client()
	client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return func(target string) response {
		res, err := client.Get(ts.URL + target)
		if err != nil {
			t.Fatalf("GET %s: %v", target, err)
		}
		defer res.Body.Close()
		body, err := io.ReadAll(res.Body)
		if err != nil {
			t.Fatalf("GET %s: %v", target, err)
		}
		return response{code: res.StatusCode, location: res.Header.Get("Location"), body: body}
	}
}

// liveHost asks the server itself.
func liveHost(h http.Handler) fetcher {
	return func(target string) response {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
		return response{code: rec.Code, location: rec.Header().Get("Location"), body: rec.Body.Bytes()}
	}
}

// liveServer is the running server over the sample content at the tests' instant.
func liveServer(t *testing.T) *server.Server {
	return server.New(mustSnapshot(t, false), server.Config{Now: func() time.Time { return now }})
}

// crawl is the result of following every internal link from some start URLs.
type crawl struct {
	// got maps each URL requested (path and query) to its answer.
	got map[string]response
	// from names a page that links each URL, for messages.
	from map[string]string
	// ids are the element ids of each HTML page, for fragment links.
	ids map[string]map[string]bool
	// fragments are the links with a fragment: URL, fragment, linking page.
	fragments [][3]string
}

// crawlSite follows every internal link from start: href and src of every element of a page
// (links, scripts, stylesheets, pictures, hreflang and feed alternates, canonical), meta refresh
// targets, redirects, and every absolute URL of the site in feeds, the API, the calendar and
// other text files. base is the site's public URL: absolute links to it are internal.
func crawlSite(t *testing.T, fetch fetcher, base string, start ...string) *crawl {
	t.Helper()
	baseURL, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	c := &crawl{got: map[string]response{}, from: map[string]string{}, ids: map[string]map[string]bool{}}
	queue := append([]string(nil), start...)
	for _, s := range start {
		c.from[s] = "(start)"
	}
	enqueue := func(page, ref string) {
		pageURL := baseURL.ResolveReference(&url.URL{Path: page})
		u, err := pageURL.Parse(strings.TrimSpace(ref))
		if err != nil {
			t.Errorf("%s: bad link %q: %v", page, ref, err)
			return
		}
		if (u.Scheme != "http" && u.Scheme != "https") || u.Host != baseURL.Host {
			return
		}
		target := u.EscapedPath()
		if target == "" {
			target = "/"
		}
		if u.RawQuery != "" {
			target += "?" + u.RawQuery
		}
		if u.Fragment != "" {
			c.fragments = append(c.fragments, [3]string{target, u.Fragment, page})
		}
		if _, ok := c.from[target]; !ok {
			c.from[target] = page
			queue = append(queue, target)
		}
	}
	for len(queue) > 0 {
		target := queue[0]
		queue = queue[1:]
		if _, done := c.got[target]; done {
			continue
		}
		r := fetch(target)
		c.got[target] = r
		p, _, _ := strings.Cut(target, "?")
		switch {
		case r.code >= 300 && r.code < 400:
			enqueue(p, r.location)
		case r.code != http.StatusOK:
		case isHTML(p):
			ids, links := scanHTML(t, p, r.body)
			c.ids[p] = ids
			for _, l := range links {
				enqueue(p, l)
			}
		case isText(p):
			for _, l := range absoluteLinks(base, p, r.body) {
				enqueue(p, l)
			}
		}
	}
	return c
}

func isHTML(p string) bool { return strings.HasSuffix(p, "/") || path.Ext(p) == ".html" }

func isText(p string) bool {
	switch path.Ext(p) {
	case ".json", ".xml", ".rss", ".atom", ".ics", ".svg", ".txt", ".css", ".js":
		return true
	}
	return false
}

// scanHTML returns the element ids of a page and every URL it refers to.
func scanHTML(t *testing.T, page string, body []byte) (ids map[string]bool, links []string) {
	t.Helper()
	doc, err := xhtml.Parse(bytes.NewReader(body))
	if err != nil {
		t.Errorf("%s: %v", page, err)
		return nil, nil
	}
	ids = map[string]bool{}
	for n := range doc.Descendants() {
		if n.Type != xhtml.ElementNode {
			continue
		}
		refresh := n.Data == "meta" && strings.EqualFold(attr(n, "http-equiv"), "refresh")
		for _, a := range n.Attr {
			switch {
			case a.Key == "id":
				ids[a.Val] = true
			case a.Key == "href" || a.Key == "src":
				links = append(links, a.Val)
			case refresh && a.Key == "content":
				if _, target, ok := strings.Cut(a.Val, "url="); ok {
					links = append(links, target)
				} else {
					t.Errorf("%s: meta refresh without a url: %q", page, a.Val)
				}
			}
		}
	}
	return ids, links
}

func attr(n *xhtml.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// absoluteLinks finds the site's absolute URLs in a text file: feeds, API answers, the calendar.
func absoluteLinks(base, p string, body []byte) []string {
	s := string(body)
	if path.Ext(p) == ".ics" {
		s = strings.ReplaceAll(s, "\r\n ", "") // unfold long lines
	}
	s = strings.ReplaceAll(s, `\u0026`, "&")
	re := regexp.MustCompile(regexp.QuoteMeta(base) + `(/[^\s"'<>\\]*)?`)
	var out []string
	for _, m := range re.FindAllString(s, -1) {
		out = append(out, html.UnescapeString(m))
	}
	return out
}
