package importer_test

import (
	"io"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"statuspress/internal/content"
	"statuspress/internal/importer"
	"statuspress/internal/server"
	"statuspress/internal/site"
	"statuspress/internal/testsupport/sitetest"
)

// serveImport imports page into a new directory and serves it through the full router, as
// statuspress serve would, at now.
func serveImport(t *testing.T, page *importer.Page, now time.Time) (*server.Server, *content.Catalog) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "incidents")
	plan, err := importer.Prepare(page, dir, "en")
	if err != nil {
		t.Fatal(err)
	}
	if err := plan.Write(); err != nil {
		t.Fatal(err)
	}
	fsys, err := content.OpenDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	snap := sitetest.Build(t, fsys, site.Options{}, now)
	return server.New(snap, server.Config{Now: func() time.Time { return now }}), content.Load(fsys, content.Options{})
}

// checkPages asks for every imported incident's page and the overview and history, and checks
// that each answers 200 with the incident's title in its heading and no script from the source.
func checkPages(t *testing.T, s *server.Server, cat *content.Catalog) {
	t.Helper()
	get := func(path string) (int, string) {
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		b, _ := io.ReadAll(rec.Result().Body)
		return rec.Code, string(b)
	}
	for _, p := range []string{"/en/", "/en/history/"} {
		if code, _ := get(p); code != 200 {
			t.Errorf("GET %s: %d", p, code)
		}
	}
	for _, in := range cat.Incidents {
		code, body := get("/en/incidents/" + in.Slug + "/")
		if code != 200 {
			t.Errorf("GET /incidents/%s: %d", in.Slug, code)
			continue
		}
		doc, err := goquery.NewDocumentFromReader(strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		title := in.Texts[in.Lang].Title
		if got := strings.TrimSpace(doc.Find("h1").First().Text()); !strings.Contains(got, title) {
			t.Errorf("/incidents/%s: the heading says %q, want %q", in.Slug, got, title)
		}
		doc.Find("main script, main img, main iframe, main style").Each(func(_ int, sel *goquery.Selection) {
			h, _ := goquery.OuterHtml(sel)
			t.Errorf("/incidents/%s shows an element from the source: %s", in.Slug, h)
		})
		if strings.Contains(body, "onerror=") && !strings.Contains(body, "onerror=alert(1)&gt;") {
			t.Errorf("/incidents/%s carries an event attribute", in.Slug)
		}
	}
}

func TestServeStatuspageImport(t *testing.T) {
	docs, err := importer.ReadStatuspageDir(os.DirFS("testdata/statuspage/full"), "full")
	if err != nil {
		t.Fatal(err)
	}
	page, err := importer.FromStatuspage(docs)
	if err != nil {
		t.Fatal(err)
	}
	s, cat := serveImport(t, page, time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC))
	if len(cat.Incidents) != 7 {
		t.Fatalf("%d incidents served, want 7", len(cat.Incidents))
	}
	checkPages(t, s, cat)
}

func TestServeCStateImport(t *testing.T) {
	page, err := importer.FromCState(os.DirFS("testdata/cstate/site"), "site")
	if err != nil {
		t.Fatal(err)
	}
	s, cat := serveImport(t, page, time.Date(2024, 12, 27, 10, 0, 0, 0, time.UTC))
	if len(cat.Incidents) != 5 {
		t.Fatalf("%d incidents served, want 5", len(cat.Incidents))
	}
	checkPages(t, s, cat)
}
