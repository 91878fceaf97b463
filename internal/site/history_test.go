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

// TestHistoryMonths: every month from the current one down to the oldest event is listed, the
// quiet ones with nothing in them, across pages too; upcoming maintenance is listed apart, on
// the first page, not as the latest of the past. The sample has nothing between September 2025
// and February 2026, nor between February and September 2026; its database upgrade of
// 5 December 2026 is upcoming on 23 November and past in January.
func TestHistoryMonths(t *testing.T) {
	s := build(t, "../../incidents", site.Options{HistoryPageSize: 3})
	// month lists a page as "Month: slug slug" lines; a quiet month has no slugs.
	month := func(p web.HistoryPage) []string {
		var out []string
		for _, m := range p.Months {
			line := m.Name + ":"
			for _, c := range m.Incidents {
				line += " " + c.Slug
			}
			out = append(out, line)
		}
		return out
	}
	for _, tc := range []struct {
		now      string
		page     int
		upcoming []string
		months   []string
	}{
		{"2026-11-23T12:00:00Z", 1, []string{"database-upgrade-december"}, []string{
			"November 2026: rest-api-errors tracking-statistics-delayed", "October 2026: api-fehlerbenachrichtigung"}},
		{"2026-11-23T12:00:00Z", 2, nil, []string{
			"October 2026: soap-api-storing", "September 2026: mail-server-upgrade-september",
			"August 2026:", "July 2026:", "June 2026:", "May 2026:", "April 2026:", "March 2026:",
			"February 2026: mobile-sdk-400-errors"}},
		{"2026-11-23T12:00:00Z", 3, nil, []string{
			"January 2026:", "December 2025:", "November 2025:", "October 2025:",
			"September 2025: webhook-delays"}},
		{"2027-01-10T12:00:00Z", 1, nil, []string{
			"January 2027:", "December 2026: database-upgrade-december",
			"November 2026: rest-api-errors tracking-statistics-delayed"}},
	} {
		p, ok := s.History("en", tc.page, at(tc.now))
		if !ok {
			t.Fatalf("%s: no page %d", tc.now, tc.page)
		}
		if diff := cmp.Diff(tc.upcoming, slugs(p.Upcoming)); diff != "" {
			t.Errorf("%s, page %d: upcoming (-want +got):\n%s", tc.now, tc.page, diff)
		}
		if diff := cmp.Diff(tc.months, month(p)); diff != "" {
			t.Errorf("%s, page %d: months (-want +got):\n%s", tc.now, tc.page, diff)
		}
	}
}
