package site_test

import (
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
