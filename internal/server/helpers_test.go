package server_test

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"

	"statuspress/internal/content"
	"statuspress/internal/locale"
	"statuspress/internal/server"
	"statuspress/internal/site"
	"statuspress/internal/testsupport"
	"statuspress/internal/testsupport/sitetest"
)

// The tests answer from the real sample content at a fixed instant: Monday 23 November 2026,
// 12:00 UTC. Then the REST API incident (rest-api-errors) is going on, in its monitoring stage,
// and the database maintenance of 5 December is announced but not begun.
const (
	contentDir = "../../incidents"
	baseURL    = "https://status.lumenmail.example"
)

var clock = time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)

// languages are the sample site's languages, in switcher order.
var languages = []string{"en", "nl", "fr", "de"}

func localeCatalog(t testing.TB) *locale.Catalog {
	t.Helper()
	return sitetest.Catalog(t)
}

// snapshot builds a snapshot of the sample content, as statuspress serve does.
func snapshot(t testing.TB, opt site.Options) *site.Snapshot {
	t.Helper()
	return sitetest.Build(t, os.DirFS(contentDir), opt, clock)
}

// newServer is a server over the sample content with its clock stopped at now.
func newServer(t testing.TB, now time.Time) *server.Server {
	t.Helper()
	return newServerWith(t, now, site.Options{})
}

func newServerWith(t testing.TB, now time.Time, opt site.Options) *server.Server {
	t.Helper()
	return server.New(snapshot(t, opt), server.Config{Now: func() time.Time { return now }})
}

var (
	sampleOnce   sync.Once
	sampleServer *server.Server
)

// sample is the server at the fixed clock, shared by the tests that only read from it.
func sample(t testing.TB) *server.Server {
	t.Helper()
	sampleOnce.Do(func() { sampleServer = newServer(t, clock) })
	if sampleServer == nil {
		t.Fatal("the sample server could not be built")
	}
	return sampleServer
}

// request is a test request: method GET unless set, and extra headers.
type request struct {
	method string
	path   string
	header http.Header
}

// do sends a request through the full router.
func do(t testing.TB, h http.Handler, r request) *httptest.ResponseRecorder {
	t.Helper()
	method := r.method
	if method == "" {
		method = http.MethodGet
	}
	req := httptest.NewRequest(method, r.path, nil)
	for k, vs := range r.header {
		for _, v := range vs {
			req.Header.Add(k, v)
		}
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func get(t testing.TB, h http.Handler, path string) *httptest.ResponseRecorder {
	t.Helper()
	return do(t, h, request{path: path})
}

// parse parses an HTML response body.
func parse(t testing.TB, body []byte) *goquery.Document {
	t.Helper()
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(body))
	if err != nil {
		t.Fatalf("parse HTML: %v", err)
	}
	return doc
}

// visibleText is the text a reader of the page in lang sees or hears, white space collapsed:
// the <title> and the <body> (not scripts or styles), with the attributes read out loud
// (aria-label, title, alt). Elements that say they are in another language are left out, with
// everything inside them: fallback content and the language switcher's names are rightly not in
// the page's language.
func visibleText(doc *goquery.Document, lang string) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			b.WriteByte(' ')
			return
		case html.ElementNode:
			if n.Data == "script" || n.Data == "style" {
				return
			}
			for _, a := range n.Attr {
				if a.Key == "lang" && a.Val != lang {
					return
				}
			}
			for _, a := range n.Attr {
				switch a.Key {
				case "aria-label", "title", "alt":
					b.WriteString(a.Val)
					b.WriteByte(' ')
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for _, n := range doc.Find("title, body").Nodes {
		walk(n)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// messageIDRE finds text shaped like a message id ("heading.components").
var messageIDRE = regexp.MustCompile(`\b[a-z]+\.[a-z][A-Za-z]+\b`)

// leakedIDs returns the message-id-shaped words in text that are not parts of host names, web
// addresses or e-mail addresses ("app.lumenmail.example", "lumenmail.example/support",
// "support@lumenmail.example").
func leakedIDs(text string) []string {
	var out []string
	for _, m := range messageIDRE.FindAllStringIndex(text, -1) {
		start, end := m[0], m[1]
		if start > 0 && strings.ContainsRune(".@/:", rune(text[start-1])) {
			continue
		}
		if end < len(text) && text[end] == '/' || end+1 < len(text) && text[end] == '.' && isLetter(text[end+1]) {
			continue
		}
		out = append(out, text[start:end])
	}
	return out
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// sampleCopy copies the sample content into a new directory and writes the files of a txtar
// archive into it (none when archive is ""), for tests that change the content on disk.
func sampleCopy(t testing.TB, archive string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(contentDir)); err != nil {
		t.Fatal(err)
	}
	if archive != "" {
		testsupport.WriteDir(t, dir, archive)
	}
	return dir
}

// serverOf is a server over the content directory dir, opened as statuspress serve opens it, with
// its clock stopped at the tests' instant; it returns the load's problems too.
func serverOf(t testing.TB, dir string) (*server.Server, content.Problems) {
	t.Helper()
	fsys, err := content.OpenDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	c := content.Load(fsys, content.Options{})
	snap := site.Build(fsys, c, localeCatalog(t), site.Options{}, clock)
	return server.New(snap, server.Config{Now: func() time.Time { return clock }}), c.Problems
}
