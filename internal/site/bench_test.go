package site_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"sync"
	"testing"

	"github.com/a-h/templ"

	"statuspress/internal/content"
	"statuspress/internal/feed"
	"statuspress/internal/locale"
	"statuspress/internal/site"
	"statuspress/internal/testsupport"
	"statuspress/internal/testsupport/sitetest"
	"statuspress/internal/testsupport/synthetic"
	"statuspress/web"
)

// The benchmarks read the synthetic corpora of internal/testsupport/synthetic (generated once
// into testoutput/synthetic/) at the instant they end, synthetic.CorpusNow.

// BenchmarkSnapshot is a server's cold start: load every file and build the snapshot.
func BenchmarkSnapshot(b *testing.B) {
	cat := sitetest.Catalog(b)
	for _, n := range []int{100, 1000, 10000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			files := os.DirFS(testsupport.Corpus(b, n))
			for b.Loop() {
				c := content.Load(files, content.Options{})
				if len(c.Problems) > 0 {
					b.Fatal(c.Problems)
				}
				site.Build(files, c, cat, site.Options{}, synthetic.CorpusNow)
			}
		})
	}
}

// BenchmarkBuild is site.Build alone, of a loaded catalog: what a reload adds to the loading.
func BenchmarkBuild(b *testing.B) {
	cat := sitetest.Catalog(b)
	for _, n := range []int{100, 1000, 10000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			files := os.DirFS(testsupport.Corpus(b, n))
			c := content.Load(files, content.Options{})
			for b.Loop() {
				site.Build(files, c, cat, site.Options{}, synthetic.CorpusNow)
			}
		})
	}
}

// BenchmarkUpdate is the snapshot after a one-file edit at 10,000 items made from the one before
// (site.Update): compare with BenchmarkBuild/10000, the whole snapshot.
func BenchmarkUpdate(b *testing.B) {
	cat := sitetest.Catalog(b)
	dir := b.TempDir()
	if err := synthetic.EditableCopy(dir, testsupport.Corpus(b, 10000)); err != nil {
		b.Fatal(err)
	}
	files := os.DirFS(dir)
	ld := content.NewLoader(files, content.Options{})
	prev := site.Build(files, ld.Load(), cat, site.Options{}, synthetic.CorpusNow)
	in := prev.Incidents[len(prev.Incidents)/2]
	edit, err := synthetic.EditTitle(dir, in.Source)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := edit(1); err != nil {
		b.Fatal(err)
	}
	c := ld.LoadChanged([]string{in.Source})
	for b.Loop() {
		site.Update(prev, c, synthetic.CorpusNow)
	}
}

var big = struct {
	sync.Once
	snap *site.Snapshot
}{}

// snapshot10k is the snapshot of the 10,000-item corpus, built once per process.
func snapshot10k(b *testing.B) *site.Snapshot {
	b.Helper()
	big.Do(func() {
		cat := sitetest.Catalog(b)
		files := os.DirFS(testsupport.Corpus(b, 10000))
		big.snap = site.Build(files, content.Load(files, content.Options{}), cat, site.Options{}, synthetic.CorpusNow)
	})
	if big.snap == nil {
		b.Fatal("no snapshot")
	}
	return big.snap
}

// BenchmarkRender makes each kind of page, feed and API answer from the 10,000-item snapshot, as
// the server does once per minute for each URL (the response cache serves it in between): the
// view model and its HTML, XML or JSON, before compression.
func BenchmarkRender(b *testing.B) {
	snap := snapshot10k(b)
	now := synthetic.CorpusNow
	const lang = "en"
	slug := snap.Published(now)[len(snap.Published(now))/2].Slug
	page := func(c templ.Component) func() ([]byte, error) {
		return func() ([]byte, error) {
			var buf bytes.Buffer
			err := c.Render(locale.NewContext(context.Background(), snap.Localizer(lang)), &buf)
			return buf.Bytes(), err
		}
	}
	feedOf := func(encode func(feed.Feed, string) ([]byte, error), component string) func() ([]byte, error) {
		return func() ([]byte, error) {
			f, _ := snap.Feed(lang, component, now)
			return encode(f, snap.Absolute(site.FeedPath(lang, "rss")))
		}
	}
	cases := []struct {
		name   string
		render func() ([]byte, error)
	}{
		{"overview", func() ([]byte, error) { return page(web.Overview(snap.Overview(lang, now)))() }},
		{"incident", func() ([]byte, error) {
			p, _ := snap.IncidentPage(lang, slug, now)
			return page(web.Incident(p))()
		}},
		{"history", func() ([]byte, error) {
			p, _ := snap.History(lang, 1, now)
			return page(web.History(p))()
		}},
		{"history-page-100", func() ([]byte, error) {
			p, _ := snap.History(lang, 100, now)
			return page(web.History(p))()
		}},
		{"component", func() ([]byte, error) {
			p, _ := snap.ComponentPage(lang, snap.Site.Components[0].ID, 1, now)
			return page(web.Component(p))()
		}},
		{"feed.rss", feedOf(feed.RSS, "")},
		{"feed.atom", feedOf(feed.Atom, "")},
		{"feed.json", feedOf(feed.JSON, "")},
		{"component-feed.rss", feedOf(feed.RSS, snap.Site.Components[0].ID)},
		{"maintenance.ics", func() ([]byte, error) {
			return feed.ICS(snap.Calendar(lang, now), snap.Absolute(site.CalendarPath(lang))), nil
		}},
		{"summary.json", func() ([]byte, error) { return json.Marshal(snap.API(lang, now).Summary()) }},
		{"incidents.json", func() ([]byte, error) { return json.Marshal(snap.API(lang, now).IncidentsResponse()) }},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			var size int
			for b.Loop() {
				body, err := c.render()
				if err != nil || len(body) == 0 {
					b.Fatalf("%d bytes, %v", len(body), err)
				}
				size = len(body)
			}
			b.ReportMetric(float64(size), "bytes")
		})
	}
}
