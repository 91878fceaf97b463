package export_test

import (
	"bytes"
	"compress/gzip"
	"encoding/xml"
	"errors"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/andybalholm/brotli"

	"statuspress/internal/export"
	"statuspress/internal/site"
)

const base = "https://status.lumenmail.example"

// TestStaticCrawl serves the output with a plain file server and follows every internal link
// from the root: none may be broken, and every #fragment must name an element of its page.
func TestStaticCrawl(t *testing.T) {
	out, _ := built(t)
	c := crawlSite(t, staticHost(t, out), base, "/")
	for target, r := range c.got {
		switch {
		case r.code == http.StatusOK:
		case r.code == http.StatusMovedPermanently && strings.HasSuffix(r.location, "/"):
			// The file server's own /dir → /dir/ redirect, as object storage hosts do.
		default:
			t.Errorf("GET %s (linked from %s): %d", target, c.from[target], r.code)
		}
	}
	checked := 0
	for _, f := range c.fragments {
		p, _, _ := strings.Cut(f[0], "?")
		if ids, ok := c.ids[p]; ok {
			checked++
			if !ids[f[1]] {
				t.Errorf("%s links %s#%s, which has no element with that id", f[2], p, f[1])
			}
		}
	}
	if checked < 10 {
		t.Errorf("only %d links to a fragment checked", checked)
	}
	for _, want := range []string{"/en/", "/nl/", "/fr/", "/de/", "/en/feed.rss", "/nl/maintenance.ics",
		"/en/incidents/rest-api-errors/", "/en/components/rest-api/feed.atom", "/incidents/webhook-delays/latency.png"} {
		if _, ok := c.got[want]; !ok {
			t.Errorf("the crawl never reached %s", want)
		}
	}
	if len(c.got) < 150 {
		t.Errorf("the crawl reached only %d URLs", len(c.got))
	}
}

// switcherLink is the live server's language switcher link; a static page links the target itself.
var switcherLink = regexp.MustCompile(`href="/lang/[a-z]+\?to=([^"]*)"`)

// TestEveryLiveURLIsBuilt compares the output with the running server: every URL the server
// answers with 200, among those its pages link and those URLs lists, is a file of the static site
// with the same bytes (pages differ only in the language switcher's links), and every file of the
// output is such a URL or one of the build's own files.
func TestEveryLiveURLIsBuilt(t *testing.T) {
	out, s := built(t)
	es := export.URLs(mustSnapshot(t, true), now)
	start := []string{"/"}
	for _, e := range es {
		if e.Status == http.StatusOK {
			start = append(start, (&url.URL{Path: e.Path}).EscapedPath())
		}
	}
	live := crawlSite(t, liveHost(liveServer(t)), base, start...)
	static := staticHost(t, out)
	served := map[string]bool{}
	for target, r := range live.got {
		if r.code >= 300 && r.code < 400 {
			continue
		}
		if r.code != http.StatusOK {
			t.Errorf("live server: GET %s (linked from %s): %d", target, live.from[target], r.code)
			continue
		}
		p, query, _ := strings.Cut(target, "?")
		got := static(p)
		if got.code != http.StatusOK {
			t.Errorf("%s is served live (linked from %s) but the static site answers %d", target, live.from[target], got.code)
			continue
		}
		name, err := url.PathUnescape(strings.TrimPrefix(p, "/"))
		if err != nil {
			t.Fatal(err)
		}
		if name == "" || strings.HasSuffix(name, "/") {
			name += "index.html"
		}
		served[name] = true
		if query != "" {
			continue // a variant the static site cannot tell apart; its path is there
		}
		want := r.body
		if isHTML(p) {
			want = switcherLink.ReplaceAllFunc(want, func(m []byte) []byte {
				to, err := url.QueryUnescape(string(switcherLink.FindSubmatch(m)[1]))
				if err != nil {
					t.Fatal(err)
				}
				return []byte(`href="` + to + `"`)
			})
		}
		if !bytes.Equal(got.body, want) {
			t.Errorf("%s: the static file differs from the live answer", p)
		}
	}
	if n := len(start) - 1; len(served) < n {
		t.Errorf("%d files compared with the live server, want at least %d", len(served), n)
	}
	// The build's own files: redirect pages, not-found pages, sitemap, robots, compressed copies.
	own := regexp.MustCompile(`^(index\.html|(\w+/)?404\.html|lang/\w+/index\.html|sitemap\.xml|robots\.txt)$|\.(gz|br)$`)
	for name := range s.Files {
		if !served[name] && !own.MatchString(name) {
			t.Errorf("%s is in the output, but no URL of the live server answers with it", name)
		}
	}
}

// TestSwitcherStatic: no page of the static site links /lang/, which needs a server; the
// switcher goes straight to the page in the other language.
func TestSwitcherStatic(t *testing.T) {
	_, s := built(t)
	for name, body := range s.Files {
		if path.Ext(name) == ".html" && bytes.Contains(body, []byte(`href="/lang/`)) {
			t.Errorf("%s links /lang/", name)
		}
	}
	page := string(s.Files["nl/incidents/rest-api-errors/index.html"])
	for _, l := range []string{"en", "fr", "de"} {
		if want := `href="/` + l + `/incidents/rest-api-errors/" hreflang="` + l + `"`; !strings.Contains(page, want) {
			t.Errorf("nl incident page: no switcher link %s", want)
		}
	}
}

// TestRedirectPages: where the server redirects, the static site has a page that sends the reader
// on without a script, in the target's language, with the alternates of every language.
func TestRedirectPages(t *testing.T) {
	_, s := built(t)
	for name, tc := range map[string]struct{ lang, target string }{
		"index.html":         {"en", "/en/"},
		"lang/nl/index.html": {"nl", "/nl/"},
		"lang/de/index.html": {"de", "/de/"},
	} {
		page := string(s.Files[name])
		for _, want := range []string{
			`<html lang="` + tc.lang + `">`,
			`<meta http-equiv="refresh" content="0; url=` + tc.target + `">`,
			`<link rel="canonical" href="` + base + tc.target + `">`,
			`<link rel="alternate" hreflang="x-default" href="` + base + `/en/">`,
			`<a href="/fr/" hreflang="fr" lang="fr">Français</a>`,
		} {
			if !strings.Contains(page, want) {
				t.Errorf("%s lacks %s:\n%s", name, want, page)
			}
		}
		for _, l := range []string{"en", "nl", "fr", "de"} {
			if want := `hreflang="` + l + `" href="` + base + "/" + l + `/"`; !strings.Contains(page, want) {
				t.Errorf("%s lacks the alternate %s", name, want)
			}
		}
		if strings.Contains(page, "<script") || strings.Contains(page, "style=") {
			t.Errorf("%s has inline script or style, which the Content-Security-Policy forbids", name)
		}
	}
	// An old switcher link from a page the server rendered still lands, on the overview.
	out, _ := built(t)
	host := staticHost(t, out)
	from, _ := url.Parse("/lang/nl?to=%2Fnl%2Fhistory%2F")
	r := host(from.String())
	next, err := from.Parse(r.location)
	if err != nil || r.code != http.StatusMovedPermanently || next.Path != "/lang/nl/" {
		t.Fatalf("%s: %d to %q", from, r.code, r.location)
	}
	if r := host(next.String()); r.code != http.StatusOK || !bytes.Equal(r.body, s.Files["lang/nl/index.html"]) {
		t.Errorf("%s: %d", next, r.code)
	}
}

// TestNotFoundPages: 404.html is the not-found page in the default language, /{lang}/404.html in
// each language; neither is to be indexed.
func TestNotFoundPages(t *testing.T) {
	_, s := built(t)
	for name, lang := range map[string]string{"404.html": "en", "en/404.html": "en", "nl/404.html": "nl", "fr/404.html": "fr", "de/404.html": "de"} {
		page := string(s.Files[name])
		if !strings.Contains(page, `<html lang="`+lang+`">`) || !strings.Contains(page, `<meta name="robots" content="noindex">`) {
			t.Errorf("%s is not the %s not-found page:\n%.400s", name, lang, page)
		}
	}
}

// TestCompressedCopies: every text file of 1 KB or more has a .gz and a .br copy that decompress to
// it, smaller ones and other files have none, and the gzip header carries no name or time.
func TestCompressedCopies(t *testing.T) {
	out, s := built(t)
	text := regexp.MustCompile(`\.(html|css|js|json|xml|rss|atom|ics|svg|txt)$`)
	copies := 0
	for name, body := range s.Files {
		if strings.HasSuffix(name, ".gz") || strings.HasSuffix(name, ".br") {
			copies++
			continue
		}
		gz, hasGz := s.Files[name+".gz"]
		br, hasBr := s.Files[name+".br"]
		want := text.MatchString(name) && len(body) >= 1024
		if hasGz != want || hasBr != want {
			t.Errorf("%s (%d bytes): .gz %v, .br %v, want %v", name, len(body), hasGz, hasBr, want)
			continue
		}
		if !want {
			continue
		}
		zr, err := gzip.NewReader(bytes.NewReader(gz))
		if err != nil {
			t.Fatalf("%s.gz: %v", name, err)
		}
		if zr.Name != "" || !zr.ModTime.IsZero() {
			t.Errorf("%s.gz: header has name %q, time %v", name, zr.Name, zr.ModTime)
		}
		if got, err := io.ReadAll(zr); err != nil || !bytes.Equal(got, body) {
			t.Errorf("%s.gz does not decompress to the file (err %v)", name, err)
		}
		if got, err := io.ReadAll(brotli.NewReader(bytes.NewReader(br))); err != nil || !bytes.Equal(got, body) {
			t.Errorf("%s.br does not decompress to the file (err %v)", name, err)
		}
	}
	if copies < 100 {
		t.Errorf("only %d compressed copies", copies)
	}
	// And on disk, as written.
	for _, name := range []string{"en/index.html", "en/feed.atom", "api/v2/summary.json"} {
		orig, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		f, err := os.Open(filepath.Join(out, name+".br"))
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(brotli.NewReader(f))
		f.Close()
		if err != nil || !bytes.Equal(got, orig) {
			t.Errorf("%s.br on disk does not decompress to %s", name, name)
		}
	}
}

type urlset struct {
	XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []struct {
		Loc     string `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 loc"`
		LastMod string `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 lastmod"`
		Links   []struct {
			Rel      string `xml:"rel,attr"`
			Hreflang string `xml:"hreflang,attr"`
			Href     string `xml:"href,attr"`
		} `xml:"http://www.w3.org/1999/xhtml link"`
	} `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 url"`
}

// TestSitemap: sitemap.xml lists every page in every language, each with its alternates in
// every language and x-default, and a lastmod no later than the build; robots.txt names it.
func TestSitemap(t *testing.T) {
	out, s := built(t)
	snap := mustSnapshot(t, true)
	var want []string
	for _, l := range snap.Site.Languages {
		want = append(want, site.HomePath(l))
		for n := 1; ; n++ {
			if _, ok := snap.History(l, n, now); !ok {
				break
			}
			want = append(want, site.HistoryPath(l, n))
		}
		for _, in := range snap.Published(now) {
			want = append(want, site.IncidentPath(l, in.Slug))
		}
		for _, c := range snap.Site.Components {
			want = append(want, site.ComponentPath(l, c.ID))
		}
	}
	var sm urlset
	if err := xml.Unmarshal(s.Files["sitemap.xml"], &sm); err != nil {
		t.Fatalf("sitemap.xml: %v", err)
	}
	var got []string
	locs := map[string]bool{}
	for _, u := range sm.URLs {
		p := strings.TrimPrefix(u.Loc, base)
		got = append(got, p)
		locs[u.Loc] = true
		if lm, err := time.Parse(time.RFC3339, u.LastMod); err != nil || lm.After(now) {
			t.Errorf("%s: lastmod %q", u.Loc, u.LastMod)
		}
		langs := map[string]string{}
		for _, l := range u.Links {
			if l.Rel != "alternate" {
				t.Errorf("%s: link rel %q", u.Loc, l.Rel)
			}
			langs[l.Hreflang] = l.Href
		}
		for _, l := range snap.Site.Languages {
			if langs[l] != base+site.Translate(p, l) {
				t.Errorf("%s: alternate %s is %q", u.Loc, l, langs[l])
			}
		}
		if langs["x-default"] != base+site.Translate(p, "en") {
			t.Errorf("%s: x-default is %q", u.Loc, langs["x-default"])
		}
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("sitemap lists\n%v\nwant\n%v", got, want)
	}
	if len(want) != 4*18 {
		t.Errorf("%d pages, want 72 (4 languages × overview, archive, 8 incidents, 8 components)", len(want))
	}
	// Every HTML page the static crawl reaches, but the build's redirect and not-found pages, is listed.
	c := crawlSite(t, staticHost(t, out), base, "/")
	for target, r := range c.got {
		if r.code == http.StatusOK && isHTML(target) && target != "/" && !strings.HasPrefix(target, "/lang/") && !locs[base+target] {
			t.Errorf("%s is a page of the site but not in sitemap.xml", target)
		}
	}
	robots := string(s.Files["robots.txt"])
	for _, want := range []string{"User-agent: *\n", "Disallow: /lang/\n", "Sitemap: " + base + "/sitemap.xml\n"} {
		if !strings.Contains(robots, want) {
			t.Errorf("robots.txt lacks %q:\n%s", want, robots)
		}
	}
}

// TestDeterministic: two builds of the same content at the same instant are byte-identical.
func TestDeterministic(t *testing.T) {
	out1, _ := built(t)
	s2, err := render()
	if err != nil {
		t.Fatal(err)
	}
	out2 := filepath.Join(t.TempDir(), "site")
	if err := s2.Write(out2, export.WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	a, b := tree(t, out1), tree(t, out2)
	if len(a) != len(b) {
		t.Errorf("%d files, then %d", len(a), len(b))
	}
	for name, body := range a {
		if !bytes.Equal(body, b[name]) {
			t.Errorf("%s differs between two builds", name)
		}
	}
}

// tree reads every file under dir.
func tree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestWrite: the output directory is replaced whole, only when empty or with Force, never when it
// holds a directory to keep; nothing is left beside it.
func TestWrite(t *testing.T) {
	small := &export.Site{Files: map[string][]byte{"index.html": []byte("new"), "a/b.txt": []byte("b")}}
	parent := t.TempDir()
	dir := filepath.Join(parent, "out")

	if err := small.Write(dir, export.WriteOptions{}); err != nil {
		t.Fatalf("into a missing directory: %v", err)
	}
	if got := tree(t, dir); len(got) != 2 || string(got["a/b.txt"]) != "b" {
		t.Errorf("wrote %v", got)
	}
	if info, err := os.Stat(dir); err != nil || info.Mode().Perm() != 0o755 {
		t.Errorf("output directory mode %v, %v", info.Mode(), err)
	}
	if err := os.WriteFile(filepath.Join(dir, "stale.html"), []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := small.Write(dir, export.WriteOptions{}); !errors.Is(err, export.ErrNotEmpty) {
		t.Errorf("into a full directory without Force: %v, want ErrNotEmpty", err)
	}
	if err := small.Write(dir, export.WriteOptions{Force: true, Keep: []string{filepath.Join(dir, "a")}}); err == nil {
		t.Error("Force replaced a directory holding one to keep")
	}
	if err := small.Write(dir, export.WriteOptions{Force: true, Keep: []string{filepath.Join(parent, "elsewhere")}}); err != nil {
		t.Fatalf("with Force: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "stale.html")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a file of the old output survived: %v", err)
	}
	empty := filepath.Join(parent, "empty")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := small.Write(empty, export.WriteOptions{}); err != nil {
		t.Errorf("into an empty directory: %v", err)
	}
	entries, err := os.ReadDir(parent)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if !slices.Equal(names, []string{"empty", "out"}) {
		t.Errorf("left beside the output: %v", names)
	}
	bad := &export.Site{Files: map[string][]byte{"../escape.txt": []byte("x")}}
	if err := bad.Write(filepath.Join(parent, "bad"), export.WriteOptions{}); err == nil {
		t.Error("wrote a file outside the output directory")
	}
	if _, err := os.Stat(filepath.Join(parent, "escape.txt")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("escape.txt: %v", err)
	}
}

// TestRenderNeedsStatic: a snapshot built for serving would give pages whose language switcher
// needs the server.
func TestRenderNeedsStatic(t *testing.T) {
	if _, err := export.Render(mustSnapshot(t, false), now, export.Options{}); err == nil {
		t.Error("Render accepted a snapshot without Static")
	}
}
