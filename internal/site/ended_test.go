package site_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"statuspress/internal/site"
	"statuspress/internal/testsupport"
)

// tinySite is a site.yaml of one language and one component, as the start of a txtar archive.
const tinySite = `
-- site.yaml --
title: Tiny
base_url: https://status.tiny.example
default_language: en
languages: [en]
components:
  - id: api
    name: {en: API}
`

// TestCalendarFollowsTheEnd: once a maintenance has ended, the calendar shows when it took place,
// as the page does: work that overran ends when it was resolved, and a maintenance resolved before
// its window began is cancelled.
func TestCalendarFollowsTheEnd(t *testing.T) {
	dir := testsupport.Dir(t, tinySite+`
-- overran.md --
---
title: Overran
kind: maintenance
components: {api: }
scheduled: {start: 2026-10-01T20:00:00Z, end: 2026-10-01T22:00:00Z}
resolved: 2026-10-01T23:30:00Z
updates:
  - {at: 2026-09-20T10:00:00Z, status: scheduled, text: Announced.}
  - {at: 2026-10-01T20:00:00Z, status: in_progress, text: Begun.}
  - {at: 2026-10-01T23:30:00Z, status: completed, text: Done.}
---
-- cancelled.md --
---
title: Cancelled
kind: maintenance
components: {api: }
scheduled: {start: 2026-10-10T20:00:00Z, end: 2026-10-10T22:00:00Z}
resolved: 2026-10-05T09:00:00Z
updates:
  - {at: 2026-09-20T10:00:00Z, status: scheduled, text: Announced.}
  - {at: 2026-10-05T09:00:00Z, status: completed, text: Called off.}
---
`)
	s := build(t, dir, site.Options{})
	type event struct {
		UID        string
		Start, End time.Time
		Cancelled  bool
	}
	var got []event
	for _, e := range s.Calendar("en", at("2026-11-01T00:00:00Z")).Events {
		got = append(got, event{e.UID, e.Start.UTC(), e.End.UTC(), e.Cancelled})
	}
	want := []event{
		{UID: "overran@status.tiny.example", Start: at("2026-10-01T20:00:00Z"), End: at("2026-10-01T23:30:00Z")},
		{UID: "cancelled@status.tiny.example", Start: at("2026-10-10T20:00:00Z"), End: at("2026-10-10T22:00:00Z"), Cancelled: true},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}
}

// TestResolvedIsTheEnd: when `resolved:` and the resolving update disagree (lint warns), the
// page's end time, its duration and the uptime history all take `resolved:`, which is when impact
// ended.
func TestResolvedIsTheEnd(t *testing.T) {
	dir := testsupport.Dir(t, tinySite+`
-- early.md --
---
title: Announced early
components: {api: major_outage}
started: 2026-10-01T10:00:00Z
resolved: 2026-10-01T12:00:00Z
updates:
  - {at: 2026-10-01T10:10:00Z, status: investigating, text: Looking.}
  - {at: 2026-10-01T11:00:00Z, status: resolved, text: Fixed we thought.}
---
`)
	s := build(t, dir, site.Options{})
	now := at("2026-10-02T00:00:00Z")
	p, ok := s.IncidentPage("en", "early", now)
	if !ok {
		t.Fatal("no page")
	}
	if got := p.Card.Resolved.ISO; got != "2026-10-01T12:00:00Z" {
		t.Errorf("page: resolved %s, want 2026-10-01T12:00:00Z", got)
	}
	if got, want := p.Card.Duration, s.Localizer("en").Duration(2*time.Hour); got != want {
		t.Errorf("page: duration %q, want %q", got, want)
	}
	spans := s.Timeline.Spans("api")
	if len(spans) != 1 || !spans[0].End.Equal(at("2026-10-01T12:00:00Z")) {
		t.Errorf("uptime history of api: %+v, want one span ending 2026-10-01T12:00:00Z", spans)
	}
	// Between the early update and resolved, the incident is still going on.
	if p, _ := s.IncidentPage("en", "early", at("2026-10-01T11:30:00Z")); p.Card.State.Key != "investigating" || !p.Card.Resolved.IsZero() {
		t.Errorf("at 11:30: state %q, resolved %q; want investigating, not resolved", p.Card.State.Key, p.Card.Resolved.ISO)
	}
}
