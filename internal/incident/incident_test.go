package incident_test

import (
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"statuspress/internal/incident"
)

// day is the day every test case happens on; at gives an instant on it in UTC.
var day = time.Date(2024, 1, 10, 0, 0, 0, 0, time.UTC)

func at(hour, minute int) time.Time {
	return day.Add(time.Duration(hour)*time.Hour + time.Duration(minute)*time.Minute)
}

// plus2 is a zone two hours ahead of UTC, to show that only the instant matters.
var plus2 = time.FixedZone("+02:00", 2*60*60)

func TestKindValid(t *testing.T) {
	tests := []struct {
		kind incident.Kind
		want bool
	}{
		{incident.KindIncident, true},
		{incident.KindMaintenance, true},
		{incident.KindNotice, true},
		{"", false},
		{"Incident", false},
		{"outage", false},
	}
	for _, tt := range tests {
		if got := tt.kind.Valid(); got != tt.want {
			t.Errorf("Kind(%q).Valid() = %v, want %v", tt.kind, got, tt.want)
		}
	}
}

func TestImpactValidAndRank(t *testing.T) {
	tests := []struct {
		impact    incident.Impact
		wantValid bool
		wantRank  int
	}{
		{incident.ImpactNone, true, 0},
		{incident.ImpactMinor, true, 1},
		{incident.ImpactMajor, true, 2},
		{incident.ImpactCritical, true, 3},
		{"", false, -1},
		{"Major", false, -1},
		{"severe", false, -1},
	}
	for _, tt := range tests {
		if got := tt.impact.Valid(); got != tt.wantValid {
			t.Errorf("Impact(%q).Valid() = %v, want %v", tt.impact, got, tt.wantValid)
		}
		if got := tt.impact.Rank(); got != tt.wantRank {
			t.Errorf("Impact(%q).Rank() = %d, want %d", tt.impact, got, tt.wantRank)
		}
	}
}

func TestComponentStatusValid(t *testing.T) {
	tests := []struct {
		status incident.ComponentStatus
		want   bool
	}{
		{incident.Operational, true},
		{incident.DegradedPerformance, true},
		{incident.PartialOutage, true},
		{incident.MajorOutage, true},
		{incident.UnderMaintenance, true},
		{"", false},
		{"down", false},
		{"Major_Outage", false},
	}
	for _, tt := range tests {
		if got := tt.status.Valid(); got != tt.want {
			t.Errorf("ComponentStatus(%q).Valid() = %v, want %v", tt.status, got, tt.want)
		}
	}
}

func TestUpdateStatuses(t *testing.T) {
	tests := []struct {
		kind incident.Kind
		want []incident.UpdateStatus
	}{
		{
			kind: incident.KindIncident,
			want: []incident.UpdateStatus{incident.StatusInvestigating, incident.StatusIdentified, incident.StatusMonitoring, incident.StatusResolved},
		},
		{
			kind: incident.KindMaintenance,
			want: []incident.UpdateStatus{incident.StatusScheduled, incident.StatusInProgress, incident.StatusVerifying, incident.StatusCompleted},
		},
		{kind: incident.KindNotice, want: nil},
		{kind: "outage", want: nil},
	}
	for _, tt := range tests {
		t.Run(string(tt.kind), func(t *testing.T) {
			if diff := cmp.Diff(tt.want, incident.UpdateStatuses(tt.kind)); diff != "" {
				t.Errorf("UpdateStatuses(%q) mismatch (-want +got):\n%s", tt.kind, diff)
			}
		})
	}
}

func TestFinal(t *testing.T) {
	tests := []struct {
		status incident.UpdateStatus
		want   bool
	}{
		{incident.StatusInvestigating, false},
		{incident.StatusIdentified, false},
		{incident.StatusMonitoring, false},
		{incident.StatusResolved, true},
		{incident.StatusScheduled, false},
		{incident.StatusInProgress, false},
		{incident.StatusVerifying, false},
		{incident.StatusCompleted, true},
		{"", false},
	}
	for _, tt := range tests {
		if got := tt.status.Final(); got != tt.want {
			t.Errorf("UpdateStatus(%q).Final() = %v, want %v", tt.status, got, tt.want)
		}
	}
}

// bestToWorst is the order "the worst status wins" follows.
var bestToWorst = []incident.ComponentStatus{
	incident.Operational,
	incident.UnderMaintenance,
	incident.DegradedPerformance,
	incident.PartialOutage,
	incident.MajorOutage,
}

func TestWorse(t *testing.T) {
	for i, s := range bestToWorst {
		for j, u := range bestToWorst {
			if got, want := s.Worse(u), i > j; got != want {
				t.Errorf("%s.Worse(%s) = %v, want %v", s, u, got, want)
			}
		}
	}
}

func TestWorst(t *testing.T) {
	tests := []struct {
		name     string
		statuses []incident.ComponentStatus
		want     incident.ComponentStatus
	}{
		{name: "nothing", statuses: nil, want: incident.Operational},
		{name: "operational", statuses: []incident.ComponentStatus{incident.Operational}, want: incident.Operational},
		{name: "maintenance beats operational", statuses: []incident.ComponentStatus{incident.Operational, incident.UnderMaintenance}, want: incident.UnderMaintenance},
		{name: "degraded beats maintenance", statuses: []incident.ComponentStatus{incident.UnderMaintenance, incident.DegradedPerformance}, want: incident.DegradedPerformance},
		{name: "partial beats degraded", statuses: []incident.ComponentStatus{incident.DegradedPerformance, incident.PartialOutage}, want: incident.PartialOutage},
		{name: "major beats partial", statuses: []incident.ComponentStatus{incident.PartialOutage, incident.MajorOutage}, want: incident.MajorOutage},
		{name: "order does not matter", statuses: []incident.ComponentStatus{incident.MajorOutage, incident.UnderMaintenance, incident.Operational, incident.PartialOutage}, want: incident.MajorOutage},
		{name: "every status", statuses: bestToWorst, want: incident.MajorOutage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := incident.Worst(tt.statuses...); got != tt.want {
				t.Errorf("Worst(%v) = %q, want %q", tt.statuses, got, tt.want)
			}
		})
	}
}

func TestImpactOf(t *testing.T) {
	tests := []struct {
		status incident.ComponentStatus
		want   incident.Impact
	}{
		{incident.MajorOutage, incident.ImpactMajor},
		{incident.PartialOutage, incident.ImpactMinor},
		{incident.DegradedPerformance, incident.ImpactMinor},
		{incident.UnderMaintenance, incident.ImpactNone},
		{incident.Operational, incident.ImpactNone},
	}
	for _, tt := range tests {
		if got := incident.ImpactOf(tt.status); got != tt.want {
			t.Errorf("ImpactOf(%q) = %q, want %q", tt.status, got, tt.want)
		}
	}
}

func TestWindowContains(t *testing.T) {
	closed := incident.Window{Start: at(10, 0), End: at(12, 0)}
	open := incident.Window{Start: at(10, 0)}
	tests := []struct {
		name string
		w    incident.Window
		t    time.Time
		want bool
	}{
		{"just before start", closed, at(10, 0).Add(-time.Nanosecond), false},
		{"start is inside", closed, at(10, 0), true},
		{"middle", closed, at(11, 0), true},
		{"just before end", closed, at(12, 0).Add(-time.Nanosecond), true},
		{"end is outside", closed, at(12, 0), false},
		{"after end", closed, at(13, 0), false},
		{"start in another offset", closed, at(10, 0).In(plus2), true},
		{"end in another offset", closed, at(12, 0).In(plus2), false},
		{"open: before start", open, at(9, 0), false},
		{"open: start", open, at(10, 0), true},
		{"open: years later", open, at(10, 0).AddDate(5, 0, 0), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.w.Contains(tt.t); got != tt.want {
				t.Errorf("%v.Contains(%v) = %v, want %v", tt.w, tt.t, got, tt.want)
			}
		})
	}
}

// outage is an incident from 10:00 with the given resolution time and updates.
func outage(resolved time.Time, updates ...incident.Update) *incident.Incident {
	return &incident.Incident{
		Slug:     "2024-01-10-api",
		Kind:     incident.KindIncident,
		Lang:     "en",
		Started:  at(10, 0),
		Resolved: resolved,
		Updates:  updates,
	}
}

// works is a maintenance announced for 10:00–12:00 with the given resolution time and updates.
func works(resolved time.Time, updates ...incident.Update) *incident.Incident {
	return &incident.Incident{
		Slug:      "2024-01-10-db",
		Kind:      incident.KindMaintenance,
		Lang:      "en",
		Started:   at(10, 0),
		Resolved:  resolved,
		Scheduled: incident.Window{Start: at(10, 0), End: at(12, 0)},
		Updates:   updates,
	}
}

func aff(id string, s incident.ComponentStatus) incident.Affected {
	return incident.Affected{Component: id, Status: s}
}

func update(t time.Time, s incident.UpdateStatus) incident.Update {
	return incident.Update{At: t, Status: s}
}

func TestState(t *testing.T) {
	var none time.Time
	lifecycle := []incident.Update{
		update(at(10, 0), incident.StatusInvestigating),
		update(at(11, 0), incident.StatusIdentified),
		update(at(12, 0), incident.StatusMonitoring),
	}
	tests := []struct {
		name string
		in   *incident.Incident
		now  time.Time
		want incident.UpdateStatus
	}{
		// Incidents.
		{"incident: no updates, not resolved", outage(none), at(11, 0), incident.StatusInvestigating},
		{"incident: no updates, before resolved", outage(at(13, 0)), at(12, 59), incident.StatusInvestigating},
		{"incident: no updates, at resolved", outage(at(13, 0)), at(13, 0), incident.StatusResolved},
		{"incident: no updates, after resolved", outage(at(13, 0)), at(20, 0), incident.StatusResolved},
		{"incident: between updates", outage(none, lifecycle...), at(11, 30), incident.StatusIdentified},
		{"incident: at an update", outage(none, lifecycle...), at(11, 0), incident.StatusIdentified},
		{"incident: after the last update", outage(none, lifecycle...), at(18, 0), incident.StatusMonitoring},
		{"incident: every update after now", outage(none, lifecycle...), at(9, 0), incident.StatusInvestigating},
		{
			name: "incident: update after now ignored",
			in:   outage(none, update(at(10, 0), incident.StatusInvestigating), update(at(12, 0), incident.StatusResolved)),
			now:  at(11, 0),
			want: incident.StatusInvestigating,
		},
		{
			name: "incident: resolving update",
			in:   outage(at(12, 0), update(at(10, 0), incident.StatusInvestigating), update(at(12, 0), incident.StatusResolved)),
			now:  at(12, 0),
			want: incident.StatusResolved,
		},
		{
			// resolved: is when impact ended, whatever the latest update says (lint warns).
			name: "incident: resolved time ends it whatever the latest update says",
			in:   outage(at(13, 0), lifecycle...),
			now:  at(14, 0),
			want: incident.StatusResolved,
		},
		{
			name: "incident: a resolving update before resolved is early",
			in:   outage(at(13, 0), update(at(10, 0), incident.StatusIdentified), update(at(12, 0), incident.StatusResolved)),
			now:  at(12, 30),
			want: incident.StatusIdentified,
		},
		{
			name: "incident: update times in another offset",
			in:   outage(none, update(at(10, 0).In(plus2), incident.StatusInvestigating), update(at(11, 0).In(plus2), incident.StatusIdentified)),
			now:  at(11, 0),
			want: incident.StatusIdentified,
		},

		// Maintenances.
		{"maintenance: before window", works(none), at(9, 59), incident.StatusScheduled},
		{"maintenance: at window start", works(none), at(10, 0), incident.StatusInProgress},
		{"maintenance: inside window", works(none), at(11, 59), incident.StatusInProgress},
		{"maintenance: at window end", works(none), at(12, 0), incident.StatusCompleted},
		{"maintenance: after window", works(none), at(15, 0), incident.StatusCompleted},
		{"maintenance: resolved early, no updates", works(at(11, 0)), at(11, 30), incident.StatusCompleted},
		{"maintenance: resolved before the window", works(at(9, 0)), at(9, 30), incident.StatusCompleted},
		{
			name: "maintenance: scheduled update, after the window",
			in:   works(none, update(at(8, 0), incident.StatusScheduled)),
			now:  at(20, 0),
			want: incident.StatusCompleted,
		},
		{
			name: "maintenance: completed by an update",
			in:   works(none, update(at(10, 0), incident.StatusInProgress), update(at(11, 0), incident.StatusCompleted)),
			now:  at(11, 30),
			want: incident.StatusCompleted,
		},
		{
			name: "maintenance: in_progress update before the window",
			in:   works(none, update(at(9, 0), incident.StatusInProgress)),
			now:  at(9, 30),
			want: incident.StatusInProgress,
		},
		{
			name: "maintenance: verifying after the window",
			in:   works(none, update(at(10, 0), incident.StatusInProgress), update(at(12, 30), incident.StatusVerifying)),
			now:  at(13, 0),
			want: incident.StatusVerifying,
		},
		{
			name: "maintenance: updates after now ignored",
			in:   works(none, update(at(10, 30), incident.StatusInProgress), update(at(11, 0), incident.StatusCompleted)),
			now:  at(10, 45),
			want: incident.StatusInProgress,
		},
		{
			name: "maintenance: only future updates, inside window",
			in:   works(none, update(at(11, 0), incident.StatusCompleted)),
			now:  at(10, 30),
			want: incident.StatusInProgress,
		},

		// Notices have no lifecycle.
		{"notice", &incident.Incident{Kind: incident.KindNotice, Started: at(10, 0)}, at(11, 0), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.in.State(tt.now); got != tt.want {
				t.Errorf("State(%s) = %q, want %q", tt.now.Format(time.RFC3339), got, tt.want)
			}
		})
	}
}

// TestEnded pins the one rule of when an event ends, which every output asks.
func TestEnded(t *testing.T) {
	var none time.Time
	tests := []struct {
		name    string
		in      *incident.Incident
		now     time.Time
		want    time.Time
		wantEnd bool
	}{
		{"incident: open", outage(none), at(20, 0), none, false},
		{"incident: before resolved", outage(at(13, 0)), at(12, 59), none, false},
		{"incident: at resolved", outage(at(13, 0)), at(13, 0), at(13, 0), true},
		{
			name: "incident: by its resolving update, no resolved",
			in:   outage(none, update(at(10, 0), incident.StatusInvestigating), update(at(12, 0), incident.StatusResolved)),
			now:  at(14, 0), want: at(12, 0), wantEnd: true,
		},
		{
			name: "incident: resolving update not posted yet",
			in:   outage(none, update(at(10, 0), incident.StatusInvestigating), update(at(12, 0), incident.StatusResolved)),
			now:  at(11, 0), want: none, wantEnd: false,
		},
		{
			name: "incident: reopened after a resolving update",
			in:   outage(none, update(at(11, 0), incident.StatusResolved), update(at(12, 0), incident.StatusInvestigating)),
			now:  at(13, 0), want: none, wantEnd: false,
		},
		{
			name: "incident: resolved wins over a later resolving update",
			in:   outage(at(12, 0), update(at(10, 0), incident.StatusInvestigating), update(at(12, 40), incident.StatusResolved)),
			now:  at(14, 0), want: at(12, 0), wantEnd: true,
		},
		{
			name: "incident: resolved wins over an earlier resolving update",
			in:   outage(at(13, 0), update(at(10, 0), incident.StatusInvestigating), update(at(12, 0), incident.StatusResolved)),
			now:  at(12, 30), want: none, wantEnd: false,
		},
		{
			name: "incident: resolved wins over a latest update that is not final",
			in:   outage(at(13, 0), update(at(10, 0), incident.StatusMonitoring)),
			now:  at(14, 0), want: at(13, 0), wantEnd: true,
		},

		{"maintenance: before its window", works(none), at(9, 0), none, false},
		{"maintenance: inside its window", works(none), at(11, 0), none, false},
		{"maintenance: ends by its window, no updates", works(none), at(12, 0), at(12, 0), true},
		{"maintenance: ends by its window, days later", works(none), at(12, 0).AddDate(0, 0, 8), at(12, 0), true},
		{
			name: "maintenance: ends by its window after a scheduled update",
			in:   works(none, update(at(8, 0), incident.StatusScheduled)),
			now:  at(15, 0), want: at(12, 0), wantEnd: true,
		},
		{
			name: "maintenance: in_progress keeps it going past its window",
			in:   works(none, update(at(10, 0), incident.StatusInProgress)),
			now:  at(15, 0), want: none, wantEnd: false,
		},
		{
			name: "maintenance: verifying keeps it going past its window",
			in:   works(none, update(at(10, 0), incident.StatusInProgress), update(at(11, 0), incident.StatusVerifying)),
			now:  at(15, 0), want: none, wantEnd: false,
		},
		{
			name: "maintenance: completed by an update",
			in:   works(none, update(at(10, 0), incident.StatusInProgress), update(at(11, 0), incident.StatusCompleted)),
			now:  at(11, 30), want: at(11, 0), wantEnd: true,
		},
		{"maintenance: resolved inside its window", works(at(11, 0)), at(11, 30), at(11, 0), true},
		{"maintenance: resolved after its window", works(at(13, 0)), at(12, 30), none, false},
		{"maintenance: cancelled before its window", works(at(9, 0)), at(9, 30), at(9, 0), true},

		{"notice", &incident.Incident{Kind: incident.KindNotice, Started: at(10, 0), Resolved: at(11, 0)}, at(12, 0), none, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ended := tt.in.Ended(tt.now)
			if ended != tt.wantEnd || !got.Equal(tt.want) {
				t.Errorf("Ended(%s) = %s, %v; want %s, %v", tt.now.Format(time.RFC3339), got.Format(time.RFC3339), ended, tt.want.Format(time.RFC3339), tt.wantEnd)
			}
			// State and Ongoing follow the same rule.
			if final := tt.in.State(tt.now).Final(); final != ended {
				t.Errorf("State(%s) = %q, final %v, but ended %v", tt.now.Format(time.RFC3339), tt.in.State(tt.now), final, ended)
			}
			if ended && tt.in.Ongoing(tt.now) {
				t.Errorf("Ongoing(%s) after it ended", tt.now.Format(time.RFC3339))
			}
		})
	}
}

func TestOngoing(t *testing.T) {
	var none time.Time
	tests := []struct {
		name string
		in   *incident.Incident
		now  time.Time
		want bool
	}{
		// Incidents: from Started until Resolved, or until an update says resolved.
		{"incident: before started", outage(none), at(9, 59), false},
		{"incident: at started", outage(none), at(10, 0), true},
		{"incident: open, much later", outage(none), at(10, 0).AddDate(0, 1, 0), true},
		{"incident: before resolved", outage(at(13, 0)), at(12, 59), true},
		{"incident: at resolved", outage(at(13, 0)), at(13, 0), false},
		{"incident: after resolved", outage(at(13, 0)), at(14, 0), false},
		{
			name: "incident: after resolved, latest update not final",
			in:   outage(at(13, 0), update(at(10, 0), incident.StatusMonitoring)),
			now:  at(14, 0),
			want: false,
		},
		{
			name: "incident: resolved by the latest update",
			in:   outage(none, update(at(10, 0), incident.StatusInvestigating), update(at(12, 0), incident.StatusResolved)),
			now:  at(12, 0),
			want: false,
		},
		{
			name: "incident: just before the resolving update",
			in:   outage(none, update(at(10, 0), incident.StatusInvestigating), update(at(12, 0), incident.StatusResolved)),
			now:  at(11, 59),
			want: true,
		},
		{
			name: "incident: monitoring is still ongoing",
			in:   outage(none, update(at(10, 0), incident.StatusInvestigating), update(at(11, 0), incident.StatusMonitoring)),
			now:  at(11, 30),
			want: true,
		},

		// Maintenances: inside the window, or while the latest update says the work goes on.
		{"maintenance: before window", works(none), at(9, 59), false},
		{"maintenance: at window start", works(none), at(10, 0), true},
		{"maintenance: inside window", works(none), at(11, 0), true},
		{"maintenance: at window end", works(none), at(12, 0), false},
		{"maintenance: after window", works(none), at(13, 0), false},
		{
			name: "maintenance: scheduled update, before window",
			in:   works(none, update(at(8, 0), incident.StatusScheduled)),
			now:  at(9, 0),
			want: false,
		},
		{
			name: "maintenance: scheduled update, inside window",
			in:   works(none, update(at(8, 0), incident.StatusScheduled)),
			now:  at(10, 30),
			want: true,
		},
		{
			name: "maintenance: overrun while in_progress",
			in:   works(none, update(at(10, 0), incident.StatusInProgress)),
			now:  at(13, 0),
			want: true,
		},
		{
			name: "maintenance: overrun while verifying",
			in:   works(none, update(at(10, 0), incident.StatusInProgress), update(at(11, 50), incident.StatusVerifying)),
			now:  at(13, 0),
			want: true,
		},
		{
			name: "maintenance: overrun ends with completed",
			in:   works(at(13, 0), update(at(10, 0), incident.StatusInProgress), update(at(13, 0), incident.StatusCompleted)),
			now:  at(13, 0),
			want: false,
		},
		{
			name: "maintenance: completed early by an update",
			in:   works(none, update(at(10, 0), incident.StatusInProgress), update(at(11, 0), incident.StatusCompleted)),
			now:  at(11, 30),
			want: false,
		},
		{
			name: "maintenance: resolved early, no updates",
			in:   works(at(11, 0)),
			now:  at(11, 30),
			want: false,
		},
		{
			name: "maintenance: started early by an in_progress update",
			in:   works(none, update(at(9, 0), incident.StatusInProgress)),
			now:  at(9, 30),
			want: true,
		},
		{
			// resolved: is "when impact ended" (the README's rule of when an event ended); an
			// incident in the same situation stops at Resolved. The loader only warns about a
			// non-final latest update, so this loads.
			name: "maintenance: after resolved, latest update still in_progress",
			in:   works(at(12, 30), update(at(10, 0), incident.StatusInProgress)),
			now:  at(13, 0),
			want: false,
		},

		{"notice", &incident.Incident{Kind: incident.KindNotice, Started: at(10, 0)}, at(11, 0), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.in.Ongoing(tt.now); got != tt.want {
				t.Errorf("Ongoing(%s) = %v, want %v", tt.now.Format(time.RFC3339), got, tt.want)
			}
		})
	}
}

// affected is an incident that starts with api and web down, then changes api at 11:00, adds db
// at 12:00 and recovers api at 13:00.
func affected() *incident.Incident {
	return &incident.Incident{
		Slug:    "2024-01-10-api",
		Kind:    incident.KindIncident,
		Lang:    "en",
		Started: at(10, 0),
		Components: []incident.Affected{
			{Component: "api", Status: incident.MajorOutage},
			{Component: "web", Status: incident.DegradedPerformance},
		},
		Updates: []incident.Update{
			{At: at(10, 0), Status: incident.StatusInvestigating},
			{At: at(11, 0), Status: incident.StatusIdentified, Components: []incident.Affected{{Component: "api", Status: incident.PartialOutage}}},
			{At: at(12, 0), Status: incident.StatusIdentified, Components: []incident.Affected{{Component: "db", Status: incident.DegradedPerformance}}},
			{At: at(13, 0), Status: incident.StatusMonitoring, Components: []incident.Affected{{Component: "api", Status: incident.Operational}}},
		},
	}
}

func TestComponentsAt(t *testing.T) {
	tests := []struct {
		name string
		now  time.Time
		want []incident.Affected
	}{
		{
			name: "before any change",
			now:  at(10, 30),
			want: []incident.Affected{aff("api", incident.MajorOutage), aff("web", incident.DegradedPerformance)},
		},
		{
			name: "an update changes one status",
			now:  at(11, 0),
			want: []incident.Affected{aff("api", incident.PartialOutage), aff("web", incident.DegradedPerformance)},
		},
		{
			name: "an update adds a component",
			now:  at(12, 0),
			want: []incident.Affected{aff("api", incident.PartialOutage), aff("web", incident.DegradedPerformance), aff("db", incident.DegradedPerformance)},
		},
		{
			name: "updates after now ignored",
			now:  at(12, 59),
			want: []incident.Affected{aff("api", incident.PartialOutage), aff("web", incident.DegradedPerformance), aff("db", incident.DegradedPerformance)},
		},
		{
			name: "a component recovers, keeping its place",
			now:  at(13, 0),
			want: []incident.Affected{aff("api", incident.Operational), aff("web", incident.DegradedPerformance), aff("db", incident.DegradedPerformance)},
		},
		{
			name: "before the incident",
			now:  at(9, 0),
			want: []incident.Affected{aff("api", incident.MajorOutage), aff("web", incident.DegradedPerformance)},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, affected().ComponentsAt(tt.now)); diff != "" {
				t.Errorf("ComponentsAt(%s) mismatch (-want +got):\n%s", tt.now.Format(time.RFC3339), diff)
			}
		})
	}
}

func TestComponentsAtLeavesIncidentAlone(t *testing.T) {
	in := affected()
	want := affected()

	got := in.ComponentsAt(at(14, 0))
	// Writing through the result must not reach the incident, which goroutines share.
	for i := range got {
		got[i].Status = incident.UnderMaintenance
	}
	in.ComponentsAt(at(14, 0))

	if diff := cmp.Diff(want, in); diff != "" {
		t.Errorf("incident changed by ComponentsAt (-want +got):\n%s", diff)
	}
}

func TestNames(t *testing.T) {
	tests := []struct {
		id   string
		want bool
	}{
		{"api", true}, // from the start
		{"web", true}, // from the start
		{"db", true},  // added by an update
		{"cdn", false},
		{"", false},
		{"API", false},
	}
	in := affected()
	for _, tt := range tests {
		if got := in.Names(tt.id); got != tt.want {
			t.Errorf("Names(%q) = %v, want %v", tt.id, got, tt.want)
		}
	}
}

func TestUpdateID(t *testing.T) {
	in := &incident.Incident{Slug: "2024-01-10-api"}
	tests := []struct {
		name string
		at   time.Time
		want string
	}{
		{"utc", at(10, 30), "2024-01-10-api/20240110T103000Z"},
		{"same instant at +02:00", at(10, 30).In(plus2), "2024-01-10-api/20240110T103000Z"},
		{"offset crosses midnight", time.Date(2024, 1, 10, 1, 15, 0, 0, plus2), "2024-01-10-api/20240109T231500Z"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u := incident.Update{At: tt.at, Status: incident.StatusInvestigating}
			if got := in.UpdateID(u); got != tt.want {
				t.Errorf("UpdateID(%s) = %q, want %q", tt.at.Format(time.RFC3339), got, tt.want)
			}
			// Editing anything but the time keeps the id.
			u.Status, u.Components = incident.StatusResolved, []incident.Affected{aff("api", incident.Operational)}
			if got := in.UpdateID(u); got != tt.want {
				t.Errorf("UpdateID of an edited update = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestLanguages(t *testing.T) {
	tests := []struct {
		name  string
		lang  string
		texts []string
		want  []string
	}{
		{name: "original only", lang: "nl", texts: []string{"nl"}, want: []string{"nl"}},
		{name: "original first, rest sorted", lang: "nl", texts: []string{"fr", "nl", "en", "de"}, want: []string{"nl", "de", "en", "fr"}},
		{name: "original sorts last", lang: "fr", texts: []string{"fr", "en", "de"}, want: []string{"fr", "de", "en"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := &incident.Incident{Lang: tt.lang, Texts: map[string]*incident.Text{}}
			for _, l := range tt.texts {
				in.Texts[l] = &incident.Text{Lang: l, Title: "t"}
			}
			// Map order varies between calls; ask a few times.
			for range 5 {
				if diff := cmp.Diff(tt.want, in.Languages()); diff != "" {
					t.Fatalf("Languages() mismatch (-want +got):\n%s", diff)
				}
			}
		})
	}
}

func TestLatest(t *testing.T) {
	tests := []struct {
		name    string
		updates []incident.Update
		want    incident.Update
		wantOK  bool
	}{
		{name: "no updates", updates: nil, want: incident.Update{}, wantOK: false},
		{name: "one", updates: []incident.Update{update(at(10, 0), incident.StatusInvestigating)}, want: update(at(10, 0), incident.StatusInvestigating), wantOK: true},
		{
			name:    "last of several",
			updates: []incident.Update{update(at(10, 0), incident.StatusInvestigating), update(at(11, 0), incident.StatusIdentified), update(at(12, 0), incident.StatusResolved)},
			want:    update(at(12, 0), incident.StatusResolved),
			wantOK:  true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := outage(time.Time{}, slices.Clone(tt.updates)...)
			got, ok := in.Latest()
			if ok != tt.wantOK {
				t.Errorf("Latest() ok = %v, want %v", ok, tt.wantOK)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Latest() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestSortTime: an incident sorts by its start; a maintenance not started yet by its window's.
func TestSortTime(t *testing.T) {
	window := incident.Window{Start: at(14, 0), End: at(16, 0)}
	tests := []struct {
		name string
		in   incident.Incident
		want time.Time
	}{
		{"incident", incident.Incident{Kind: incident.KindIncident, Started: at(10, 0)}, at(10, 0)},
		{"maintenance announced", incident.Incident{Kind: incident.KindMaintenance, Scheduled: window}, at(14, 0)},
		{"maintenance started early", incident.Incident{Kind: incident.KindMaintenance, Scheduled: window, Started: at(13, 30)}, at(13, 30)},
		{"no time at all", incident.Incident{Kind: incident.KindNotice}, time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.in.SortTime(); !got.Equal(tt.want) {
				t.Errorf("SortTime() = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestHasPostmortem: an incident's body is its postmortem; maintenances and notices have none.
func TestHasPostmortem(t *testing.T) {
	with := func(kind incident.Kind, body string) *incident.Incident {
		return &incident.Incident{Kind: kind, Lang: "en", Texts: map[string]*incident.Text{"en": {Lang: "en", Body: body}}}
	}
	tests := []struct {
		name string
		in   *incident.Incident
		want bool
	}{
		{"incident with a body", with(incident.KindIncident, "<h2>Cause</h2>"), true},
		{"incident without a body", with(incident.KindIncident, ""), false},
		{"incident with a blank body", with(incident.KindIncident, "\n  \n"), false},
		{"maintenance with a body", with(incident.KindMaintenance, "<p>Why</p>"), false},
		{"notice with a body", with(incident.KindNotice, "<p>News</p>"), false},
		{"no texts", &incident.Incident{Kind: incident.KindIncident, Lang: "en"}, false},
	}
	for _, tt := range tests {
		if got := tt.in.HasPostmortem(); got != tt.want {
			t.Errorf("%s: HasPostmortem() = %v, want %v", tt.name, got, tt.want)
		}
	}
}
