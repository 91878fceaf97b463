package site_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"statuspress/internal/site"
	"statuspress/internal/testsupport"
)

// TestNoticePublishedAhead: a notice with `published:` is posted then, and `started` is when its
// change takes effect. Before it is posted it is nowhere; once posted it is on the overview, in
// the history under the month it was posted, in the feed dated by its posting, and its card
// says both times, the one to come too. One without `published:` says one time only.
func TestNoticePublishedAhead(t *testing.T) {
	dir := testsupport.Dir(t, tinySite+`
-- limits.md --
---
title: New API limits
kind: notice
components: {api: operational}
published: 2026-09-24T10:00:00Z
started: 2026-10-01T00:00:00Z
summary: From October the API takes 100 calls a second.
---
-- plain.md --
---
title: New login page
kind: notice
started: 2026-08-10T09:00:00Z
---
`)
	s := build(t, dir, site.Options{})
	type seen struct {
		Overview, History []string // card titles
		Month             string   // the history's month of limits
		Feed              []string // item ids
		FeedDate          time.Time
		Facts             [2]string // limits' Published and TakesEffect
	}
	look := func(now time.Time) seen {
		var got seen
		for _, c := range s.Overview("en", now).Notices {
			got.Overview = append(got.Overview, c.Title.Value)
		}
		h, _ := s.History("en", 1, now)
		for _, m := range h.Months {
			for _, c := range m.Incidents {
				got.History = append(got.History, c.Title.Value)
				if c.Slug == "limits" {
					got.Month = m.Name
					got.Facts = [2]string{c.Published.ISO, c.TakesEffect.ISO}
				}
			}
		}
		f, _ := s.Feed("en", "", now)
		for _, it := range f.Items {
			got.Feed = append(got.Feed, it.ID)
			if it.ID == "tag:status.tiny.example,2026:limits" {
				got.FeedDate = it.Published
			}
		}
		return got
	}
	for _, tc := range []struct {
		now  time.Time
		want seen
	}{
		{at("2026-09-24T09:59:00Z"), seen{
			Overview: []string{"New login page"}, History: []string{"New login page"},
			Feed: []string{"tag:status.tiny.example,2026:plain"},
		}},
		{at("2026-09-24T10:00:00Z"), seen{
			Overview: []string{"New API limits", "New login page"}, History: []string{"New API limits", "New login page"},
			Month:    "September 2026",
			Feed:     []string{"tag:status.tiny.example,2026:limits", "tag:status.tiny.example,2026:plain"},
			FeedDate: at("2026-09-24T10:00:00Z"),
			Facts:    [2]string{"2026-09-24T10:00:00Z", "2026-10-01T00:00:00Z"},
		}},
		{at("2026-10-05T00:00:00Z"), seen{
			Overview: []string{"New API limits", "New login page"}, History: []string{"New API limits", "New login page"},
			Month:    "September 2026",
			Feed:     []string{"tag:status.tiny.example,2026:limits", "tag:status.tiny.example,2026:plain"},
			FeedDate: at("2026-09-24T10:00:00Z"),
			Facts:    [2]string{"2026-09-24T10:00:00Z", "2026-10-01T00:00:00Z"},
		}},
	} {
		if diff := cmp.Diff(tc.want, look(tc.now)); diff != "" {
			t.Errorf("at %s (-want +got):\n%s", tc.now, diff)
		}
	}
	// The pages' "Updated" time (and so their ETags) moves when the notice is posted.
	if got := s.Overview("en", at("2026-09-24T10:05:00Z")).Generated.ISO; got != "2026-09-24T10:00:00Z" {
		t.Errorf("the overview says it was updated at %s, want when the notice was posted, 2026-09-24T10:00:00Z", got)
	}
	if _, ok := s.IncidentPage("en", "limits", at("2026-09-24T09:59:00Z")); ok {
		t.Error("the notice's page is there before it is posted")
	}
	p, ok := s.IncidentPage("en", "plain", at("2026-09-24T10:00:00Z"))
	if !ok || p.Card.Published.ISO != "2026-08-10T09:00:00Z" || !p.Card.TakesEffect.IsZero() || !p.Card.Started.IsZero() {
		t.Errorf("a notice without published: page %t, published %q, takes effect %q, started %q; want published at its start, nothing else",
			ok, p.Card.Published.ISO, p.Card.TakesEffect.ISO, p.Card.Started.ISO)
	}
}
