package server_test

import (
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"statuspress/internal/content"
	"statuspress/internal/locale"
	"statuspress/internal/server"
	"statuspress/internal/site"
)

// TestComponentPage: a component's page shows its status, its uptime and the events naming it,
// going on or over, under their headings.
func TestComponentPage(t *testing.T) {
	s := sample(t)
	cat := localeCatalog(t)
	for _, lang := range languages {
		l := cat.Localizer(lang, nil)
		path := site.ComponentPath(lang, "rest-api")
		doc := checkPage(t, get(t, s, path), lang, path, http.StatusOK)
		sections := map[string][]string{}
		doc.Find("main section").Each(func(_ int, sec *goquery.Selection) {
			h := strings.TrimSpace(sec.Find("h2").First().Text())
			sec.Find(".card").Each(func(_ int, c *goquery.Selection) {
				href, _ := c.Find(".card__title a").Attr("href")
				sections[h] = append(sections[h], href)
			})
		})
		ongoing := sections[l.T(locale.HeadingOngoingIncidents)]
		notices := sections[l.T(locale.HeadingRecentNotices)]
		past := sections[l.T(locale.HeadingPastIncidents)]
		if want := site.IncidentPath(lang, "rest-api-errors"); !slices.Equal(ongoing, []string{want}) {
			t.Errorf("%s: ongoing %q, want [%s]", path, ongoing, want)
		}
		// Which events are past is the site package's rule (TestComponentPageLists); here, that
		// they are shown under their headings: the notice naming the REST API under the notices,
		// not as a past incident, of which the REST API has none yet.
		if want := site.IncidentPath(lang, "api-fehlerbenachrichtigung"); !slices.Equal(notices, []string{want}) {
			t.Errorf("%s: notices %q, want [%s]", path, notices, want)
		}
		if len(past) != 0 {
			t.Errorf("%s: %q under %q, want none", path, past, l.T(locale.HeadingPastIncidents))
		}
		if got, want := strings.TrimSpace(doc.Find("main .badges").Text()),
			l.T(locale.LabelStatus); !strings.HasPrefix(got, want) || !strings.Contains(got, l.ComponentStatus("degraded_performance")) {
			t.Errorf("%s: status %q, want %s … %s", path, got, want, l.ComponentStatus("degraded_performance"))
		}
		if doc.Find("main .uptime").Length() != 1 {
			t.Errorf("%s: no uptime strip", path)
		}
	}
	// SFTP import does not show uptime (uptime: false in site.yaml).
	doc := parse(t, get(t, s, "/en/components/file-import/").Body.Bytes())
	if n := doc.Find("main .uptime").Length(); n != 0 {
		t.Errorf("file-import: %d uptime strips, want none", n)
	}
}

// TestFeedTitles: the footer lists each subscription once, named in the page's language, with
// its formats as links; the head's autodiscovery links carry the same names.
func TestFeedTitles(t *testing.T) {
	s := sample(t)
	formats := []string{"RSS", "Atom", "JSON Feed"}
	for _, lang := range languages {
		for _, path := range []string{site.HomePath(lang), site.ComponentPath(lang, "rest-api")} {
			doc := parse(t, get(t, s, path).Body.Bytes())
			var titles []string
			doc.Find("footer .feeds__title").Each(func(_ int, s *goquery.Selection) {
				titles = append(titles, strings.TrimSpace(s.Text()))
			})
			for _, title := range titles {
				if slices.Contains(formats, title) || strings.HasSuffix(title, ")") {
					t.Errorf("%s: footer lists the feed %q by its format, one line per format: %q", path, title, titles)
					break
				}
			}
			var bare []string
			doc.Find(`head link[rel="alternate"][type]`).Each(func(_ int, s *goquery.Selection) {
				if title, _ := s.Attr("title"); slices.Contains(formats, title) {
					bare = append(bare, title)
				}
			})
			if len(bare) > 0 {
				t.Errorf("%s: autodiscovery links titled only by their format: %q", path, bare)
			}
		}
	}
}

// TestLinks follows every link, stylesheet, script and picture of the main pages that stays on
// the site: none may lead nowhere.
func TestLinks(t *testing.T) {
	s := sample(t)
	seen := map[string]bool{}
	var broken []string
	for _, p := range samplePages {
		for _, lang := range languages {
			from := p.path(lang)
			doc := parse(t, get(t, s, from).Body.Bytes())
			doc.Find("a[href], link[href], img[src], script[src]").Each(func(_ int, e *goquery.Selection) {
				u, ok := e.Attr("href")
				if !ok {
					u, _ = e.Attr("src")
				}
				u = strings.TrimPrefix(u, baseURL)
				if !strings.HasPrefix(u, "/") || strings.HasPrefix(u, "//") || seen[u] {
					return
				}
				seen[u] = true
				rec := get(t, s, u)
				if rec.Code >= 400 {
					broken = append(broken, u+" ("+http.StatusText(rec.Code)+", linked from "+from+")")
				}
			})
		}
	}
	if len(seen) < 50 {
		t.Errorf("only %d links followed", len(seen))
	}
	if len(broken) > 0 {
		t.Errorf("%d broken links, among them:\n%s", len(broken), strings.Join(broken[:min(len(broken), 8)], "\n"))
	}
}

// TestComponentPages pages through a component's past incidents (two, one to a page) in every
// language: the first page has the uptime and links to the second, which has only the older
// incident and links back; a page number past the last, page 1 spelt out, or no number is not
// found.
func TestComponentPages(t *testing.T) {
	// The sample's SOAP API has one past incident; this one makes two.
	dir := sampleCopy(t, `
-- 2026/soap-api-slow.md --
---
title: SOAP API slow
lang: en
impact: minor
components:
  soap-api: degraded_performance
started: 2026-08-04T09:00:00Z
resolved: 2026-08-04T10:00:00Z
---
`)
	fsys, err := content.OpenDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	c := content.Load(fsys, content.Options{})
	if c.Problems.Errors() > 0 {
		t.Fatal(c.Problems)
	}
	s := server.New(site.Build(fsys, c, localeCatalog(t), site.Options{HistoryPageSize: 1}, clock), server.Config{Now: func() time.Time { return clock }})
	cat := localeCatalog(t)
	for _, lang := range languages {
		l := cat.Localizer(lang, nil)
		var seen []string
		for n := 1; n <= 2; n++ {
			path := site.ComponentPagePath(lang, "soap-api", n)
			doc := checkPage(t, get(t, s, path), lang, path, http.StatusOK)
			want := l.TData(locale.LabelPage, map[string]any{"Page": n, "Pages": 2})
			if got := strings.TrimSpace(doc.Find(".pager__position").Text()); got != want {
				t.Errorf("%s: pager position %q, want %q", path, got, want)
			}
			name := strings.TrimSpace(doc.Find("main h1").Text())
			if got := doc.Find("title").Text(); name == "" || !strings.HasPrefix(got, name) || strings.Contains(got, want) != (n > 1) {
				t.Errorf("%s: title %q; want the component's name, and the page number after the first page", path, got)
			}
			past := doc.Find("main section").FilterFunction(func(_ int, sec *goquery.Selection) bool {
				return strings.TrimSpace(sec.Find("h2").First().Text()) == l.T(locale.HeadingPastIncidents)
			})
			cards := past.Find(".card .card__title a")
			if cards.Length() != 1 {
				t.Errorf("%s: %d cards, want 1", path, cards.Length())
			}
			href, _ := cards.First().Attr("href")
			seen = append(seen, href)
			prev, _ := doc.Find(`.pager a[rel="prev"]`).Attr("href")
			next, _ := doc.Find(`.pager a[rel="next"]`).Attr("href")
			wantPrev, wantNext, strips := "", site.ComponentPagePath(lang, "soap-api", 2), 1
			if n == 2 {
				wantPrev, wantNext, strips = site.ComponentPath(lang, "soap-api"), "", 0
			}
			if prev != wantPrev || next != wantNext {
				t.Errorf("%s: pager links prev %q next %q, want %q and %q", path, prev, next, wantPrev, wantNext)
			}
			if got := doc.Find("main .uptime").Length(); got != strips {
				t.Errorf("%s: %d uptime strips, want %d (the first page only)", path, got, strips)
			}
		}
		want := []string{site.IncidentPath(lang, "soap-api-slow"), site.IncidentPath(lang, "soap-api-storing")}
		slices.Sort(seen)
		if !slices.Equal(seen, want) {
			t.Errorf("%s: the pages list %q, want %q", lang, seen, want)
		}
		for _, path := range []string{"/" + lang + "/components/soap-api/page/3/", "/" + lang + "/components/soap-api/page/1/",
			"/" + lang + "/components/soap-api/page/02/", "/" + lang + "/components/soap-api/page/two/", "/" + lang + "/components/nope/page/2/"} {
			if code := get(t, s, path).Code; code != http.StatusNotFound {
				t.Errorf("%s: %d, want 404", path, code)
			}
		}
	}
	// With the default page size the sample's components fit on one page: no pager.
	doc := parse(t, get(t, sample(t), "/en/components/soap-api/").Body.Bytes())
	if n := doc.Find(".pager").Length(); n != 0 {
		t.Errorf("soap-api with room for 25: %d pagers, want none", n)
	}
}
