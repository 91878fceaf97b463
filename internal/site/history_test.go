package site_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"statuspress/internal/site"
	"statuspress/web"
)

// TestHistory pages through testdata/small two incidents at a time. The incident that started
// at 2026-10-31T23:30:00Z belongs to October in UTC (en) but to November in Amsterdam (nl),
// where it was half past midnight.
func TestHistory(t *testing.T) {
	s := small(t, site.Options{HistoryPageSize: 2})
	now := at("2026-11-23T12:00:00Z")
	type page struct {
		Months       map[string][]string // month name -> slugs, in order
		Order        []string            // month names, in order
		Newer, Older string
	}
	for _, tc := range []struct {
		lang  string
		pages []page
	}{
		{"en", []page{
			{Order: []string{"November 2026"}, Months: map[string][]string{"November 2026": {"api-outage", "sftp-failures"}},
				Older: "/en/history/page/2/"},
			{Order: []string{"October 2026"}, Months: map[string][]string{"October 2026": {"halloween", "october"}},
				Newer: "/en/history/", Older: "/en/history/page/3/"},
			{Order: []string{"September 2026"}, Months: map[string][]string{"September 2026": {"september"}},
				Newer: "/en/history/page/2/"},
		}},
		{"nl", []page{
			{Order: []string{"november 2026"}, Months: map[string][]string{"november 2026": {"api-outage", "sftp-failures"}},
				Older: "/nl/history/page/2/"},
			{Order: []string{"november 2026", "oktober 2026"}, Months: map[string][]string{"november 2026": {"halloween"}, "oktober 2026": {"october"}},
				Newer: "/nl/history/", Older: "/nl/history/page/3/"},
			{Order: []string{"september 2026"}, Months: map[string][]string{"september 2026": {"september"}},
				Newer: "/nl/history/page/2/"},
		}},
	} {
		for i, want := range tc.pages {
			n := i + 1
			p, ok := s.History(tc.lang, n, now)
			if !ok {
				t.Fatalf("History(%s, %d): no such page", tc.lang, n)
			}
			if p.Page != n || p.Pages != len(tc.pages) {
				t.Errorf("History(%s, %d): page %d of %d, want %d of %d", tc.lang, n, p.Page, p.Pages, n, len(tc.pages))
			}
			got := page{Months: map[string][]string{}, Newer: p.Newer, Older: p.Older}
			for _, m := range p.Months {
				got.Order = append(got.Order, m.Name)
				for _, c := range m.Incidents {
					got.Months[m.Name] = append(got.Months[m.Name], c.Slug)
				}
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("History(%s, %d) (-want +got):\n%s", tc.lang, n, diff)
			}
			if wantURL := "https://status.small.example" + site.HistoryPath(tc.lang, n); p.Canonical != wantURL {
				t.Errorf("History(%s, %d): canonical %q, want %q", tc.lang, n, p.Canonical, wantURL)
			}
		}
		for _, n := range []int{0, -1, len(tc.pages) + 1} {
			if _, ok := s.History(tc.lang, n, now); ok {
				t.Errorf("History(%s, %d): a page, want none", tc.lang, n)
			}
		}
	}
}

// TestHistoryEmpty: an archive with nothing in it yet is one empty page, not a missing one.
func TestHistoryEmpty(t *testing.T) {
	s := small(t, site.Options{})
	p, ok := s.History("en", 1, at("2026-01-01T00:00:00Z"))
	if !ok {
		t.Fatal("History(en, 1) before any incident: no page")
	}
	if want := (web.HistoryPage{Base: p.Base, Pager: web.Pager{Page: 1, Pages: 1}}); !cmp.Equal(p, want) {
		t.Errorf("History(en, 1) before any incident (-want +got):\n%s", cmp.Diff(want, p))
	}
}

// TestHistoryPublished: the archive at an instant lists what was published by then.
func TestHistoryPublished(t *testing.T) {
	s := small(t, site.Options{})
	p, _ := s.History("en", 1, at("2026-10-20T00:00:00Z"))
	var got []string
	for _, m := range p.Months {
		for _, c := range m.Incidents {
			got = append(got, c.Slug)
		}
	}
	if want := []string{"october", "september"}; !cmp.Equal(got, want) {
		t.Errorf("history on 20 October: %q, want %q", got, want)
	}
}
