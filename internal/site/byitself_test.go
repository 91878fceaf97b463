package site_test

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"statuspress/internal/site"
	"statuspress/internal/testsupport"
)

// TestTimelineMaintenanceByItself: the sample's database upgrade has only its announcement, so
// its timeline gains an entry, marked as automatic, when its window (5 December 2026, 21:00 to
// 24:00 UTC) opens and another when it closes, newest first, in every language.
func TestTimelineMaintenanceByItself(t *testing.T) {
	s := build(t, "../../incidents", site.Options{})
	type entry struct{ ID, Status, Automatic string }
	announced := entry{"update-20261120t090000z", "scheduled", ""}
	for _, tc := range []struct {
		now  time.Time
		lang string
		want []entry
	}{
		{at("2026-12-05T20:59:00Z"), "en", []entry{announced}},
		{at("2026-12-05T21:00:00Z"), "en", []entry{{"started-20261205t210000z", "in_progress", "Started as scheduled"}, announced}},
		{at("2026-12-06T00:00:00Z"), "en", []entry{
			{"completed-20261206t000000z", "completed", "Completed as scheduled"},
			{"started-20261205t210000z", "in_progress", "Started as scheduled"}, announced}},
		{at("2026-12-06T00:00:00Z"), "nl", []entry{
			{"completed-20261206t000000z", "completed", "Volgens planning afgerond"},
			{"started-20261205t210000z", "in_progress", "Volgens planning begonnen"}, announced}},
		{at("2026-12-06T00:00:00Z"), "fr", []entry{
			{"completed-20261206t000000z", "completed", "Terminée comme prévu"},
			{"started-20261205t210000z", "in_progress", "Commencée comme prévu"}, announced}},
		{at("2026-12-06T00:00:00Z"), "de", []entry{
			{"completed-20261206t000000z", "completed", "Wie geplant abgeschlossen"},
			{"started-20261205t210000z", "in_progress", "Wie geplant begonnen"}, announced}},
	} {
		p, ok := s.IncidentPage(tc.lang, "database-upgrade-december", tc.now)
		if !ok {
			t.Fatalf("%s: no page", tc.now)
		}
		var got []entry
		for _, u := range p.Timeline {
			got = append(got, entry{u.ID, u.Status.Key, u.Automatic})
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("%s, %s: timeline (-want +got):\n%s", tc.now, tc.lang, diff)
		}
	}
}

// TestTimelineAuthorSaysSo: a maintenance whose author posted in_progress at the start and
// completed at the end gets no entries of the clock: the updates say it.
func TestTimelineAuthorSaysSo(t *testing.T) {
	dir := testsupport.Dir(t, tinySite+`
-- told.md --
---
title: Told
kind: maintenance
components: {api: }
scheduled: {start: 2026-10-01T20:00:00Z, end: 2026-10-01T22:00:00Z}
updates:
  - {at: 2026-09-20T10:00:00Z, status: scheduled, text: Announced.}
  - {at: 2026-10-01T20:00:00Z, status: in_progress, text: Begun.}
  - {at: 2026-10-01T22:00:00Z, status: completed, text: Done.}
---
`)
	s := build(t, dir, site.Options{})
	p, _ := s.IncidentPage("en", "told", at("2026-10-02T00:00:00Z"))
	var got []string
	for _, u := range p.Timeline {
		got = append(got, u.Status.Key+" "+u.Automatic)
	}
	if diff := cmp.Diff([]string{"completed ", "in_progress ", "scheduled "}, got); diff != "" {
		t.Errorf("timeline (-want +got):\n%s", diff)
	}
}

// TestTimelineAuthorSaysSoSoon: an in_progress update up to 15 minutes into the window tells of
// the start itself, and a completed one up to 15 minutes after the end of the end, so neither the
// timeline nor the feed has an entry of the clock for it, not even in the minutes before the
// author's word is due (a maintenance resolved at its window's end whose completed update comes
// later, as Quiet). The clock's entries that remain keep their ids.
func TestTimelineAuthorSaysSoSoon(t *testing.T) {
	dir := testsupport.Dir(t, tinySite+`
-- soon.md --
---
title: Soon
kind: maintenance
components: {api: }
scheduled: {start: 2026-10-01T20:00:00Z, end: 2026-10-01T22:00:00Z}
updates:
  - {at: 2026-09-20T10:00:00Z, status: scheduled, text: Announced.}
  - {at: 2026-10-01T20:10:00Z, status: in_progress, text: Begun.}
  - {at: 2026-10-01T22:05:00Z, status: completed, text: Done.}
---
-- quiet.md --
---
title: Quiet
kind: maintenance
components: {api: }
scheduled: {start: 2026-10-01T20:00:00Z, end: 2026-10-01T22:00:00Z}
resolved: 2026-10-01T22:00:00Z
updates:
  - {at: 2026-09-20T10:00:00Z, status: scheduled, text: Announced.}
  - {at: 2026-10-01T22:15:00Z, status: completed, text: Done.}
---
`)
	s := build(t, dir, site.Options{})
	const started = "started-20261001t200000z in_progress Started as scheduled"
	for _, tc := range []struct {
		slug     string
		now      time.Time
		timeline []string
		feed     []string
	}{
		{"soon", at("2026-10-01T20:05:00Z"), []string{"update-20260920t100000z scheduled "}, []string{"[Scheduled] Soon"}},
		{"soon", at("2026-10-01T22:01:00Z"), []string{"update-20261001t201000z in_progress ", "update-20260920t100000z scheduled "},
			[]string{"[In progress] Soon", "[Scheduled] Soon"}},
		{"soon", at("2026-10-02T00:00:00Z"), []string{"update-20261001t220500z completed ", "update-20261001t201000z in_progress ", "update-20260920t100000z scheduled "},
			[]string{"[Completed] Soon", "[In progress] Soon", "[Scheduled] Soon"}},
		{"quiet", at("2026-10-01T22:10:00Z"), []string{started, "update-20260920t100000z scheduled "},
			[]string{"tag:status.tiny.example,2026:maintenance-started:quiet/20261001T200000Z", "tag:status.tiny.example,2026:quiet/20260920T100000Z"}},
		{"quiet", at("2026-10-01T22:15:00Z"), []string{"update-20261001t221500z completed ", started, "update-20260920t100000z scheduled "},
			[]string{"tag:status.tiny.example,2026:quiet/20261001T221500Z", "tag:status.tiny.example,2026:maintenance-started:quiet/20261001T200000Z", "tag:status.tiny.example,2026:quiet/20260920T100000Z"}},
	} {
		p, _ := s.IncidentPage("en", tc.slug, tc.now)
		var timeline []string
		for _, u := range p.Timeline {
			timeline = append(timeline, u.ID+" "+u.Status.Key+" "+u.Automatic)
		}
		if diff := cmp.Diff(tc.timeline, timeline); diff != "" {
			t.Errorf("%s at %s: timeline (-want +got):\n%s", tc.slug, tc.now, diff)
		}
		f, _ := s.Feed("en", "", tc.now)
		var feed []string
		for _, it := range f.Items {
			if !strings.HasPrefix(it.URL, "https://status.tiny.example/en/incidents/"+tc.slug+"/") {
				continue
			}
			if tc.slug == "soon" {
				feed = append(feed, it.Title)
			} else {
				feed = append(feed, it.ID)
			}
		}
		if diff := cmp.Diff(tc.feed, feed); diff != "" {
			t.Errorf("%s at %s: feed items (-want +got):\n%s", tc.slug, tc.now, diff)
		}
	}
}
