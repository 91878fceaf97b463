package status

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"statuspress/internal/incident"
)

// maintenance10to12 is work announced for 10:00 to 12:00 UTC on api, with the given updates.
func maintenance10to12(updates ...incident.Update) *incident.Incident {
	return &incident.Incident{
		Slug:       "upgrade",
		Kind:       incident.KindMaintenance,
		Components: affects("api", "under_maintenance"),
		Started:    ts("2025-03-10T10:00:00Z"),
		Scheduled:  incident.Window{Start: ts("2025-03-10T10:00:00Z"), End: ts("2025-03-10T12:00:00Z")},
		Updates:    updates,
	}
}

func TestComponent(t *testing.T) {
	outage := func(slug string, status incident.ComponentStatus, started, resolved string, updates ...incident.Update) *incident.Incident {
		in := &incident.Incident{
			Slug:       slug,
			Kind:       incident.KindIncident,
			Impact:     incident.ImpactMajor,
			Components: affects("api", string(status)),
			Started:    ts(started),
			Updates:    updates,
		}
		if resolved != "" {
			in.Resolved = ts(resolved)
		}
		return in
	}
	// A major outage from 10:00 that an update at 11:00 brings down to degraded performance.
	easing := outage("easing", incident.MajorOutage, "2025-03-10T10:00:00Z", "",
		incident.Update{At: ts("2025-03-10T10:05:00Z"), Status: incident.StatusInvestigating},
		incident.Update{At: ts("2025-03-10T11:00:00Z"), Status: incident.StatusMonitoring,
			Components: affects("api", "degraded_performance")},
	)
	tests := []struct {
		name      string
		incidents []*incident.Incident
		at        string
		want      incident.ComponentStatus
	}{
		{"nothing happened", nil, "2025-03-10T11:00:00Z", incident.Operational},
		{"ongoing outage", []*incident.Incident{
			outage("a", incident.MajorOutage, "2025-03-10T10:00:00Z", ""),
		}, "2025-03-10T11:00:00Z", incident.MajorOutage},
		{"worst of two ongoing incidents wins", []*incident.Incident{
			outage("a", incident.DegradedPerformance, "2025-03-10T10:00:00Z", ""),
			outage("b", incident.PartialOutage, "2025-03-10T10:30:00Z", ""),
		}, "2025-03-10T11:00:00Z", incident.PartialOutage},
		{"outage outranks maintenance", []*incident.Incident{
			maintenance10to12(),
			outage("a", incident.DegradedPerformance, "2025-03-10T10:30:00Z", ""),
		}, "2025-03-10T11:00:00Z", incident.DegradedPerformance},
		{"resolved incident no longer counts", []*incident.Incident{
			outage("a", incident.MajorOutage, "2025-03-10T10:00:00Z", "2025-03-10T11:00:00Z"),
		}, "2025-03-10T11:00:00Z", incident.Operational},
		{"incident not started yet", []*incident.Incident{
			outage("a", incident.MajorOutage, "2025-03-10T12:00:00Z", ""),
		}, "2025-03-10T11:00:00Z", incident.Operational},
		{"resolved by an update without a resolved time", []*incident.Incident{
			outage("a", incident.MajorOutage, "2025-03-10T10:00:00Z", "",
				incident.Update{At: ts("2025-03-10T10:45:00Z"), Status: incident.StatusResolved}),
		}, "2025-03-10T11:00:00Z", incident.Operational},
		{"before the update that changes the status", []*incident.Incident{easing}, "2025-03-10T10:30:00Z", incident.MajorOutage},
		{"from the update that changes the status", []*incident.Incident{easing}, "2025-03-10T11:00:00Z", incident.DegradedPerformance},
		{"a future update is not seen", []*incident.Incident{easing}, "2025-03-10T10:59:59Z", incident.MajorOutage},
		{"an update marks the component recovered while the incident goes on", []*incident.Incident{
			outage("a", incident.MajorOutage, "2025-03-10T10:00:00Z", "",
				incident.Update{At: ts("2025-03-10T10:30:00Z"), Status: incident.StatusMonitoring,
					Components: affects("api", "operational")}),
		}, "2025-03-10T11:00:00Z", incident.Operational},
		{"an incident on another component", []*incident.Incident{{
			Slug: "a", Kind: incident.KindIncident, Components: affects("web", "major_outage"),
			Started: ts("2025-03-10T10:00:00Z"),
		}}, "2025-03-10T11:00:00Z", incident.Operational},
		{"a notice affects nothing", []*incident.Incident{{
			Slug: "n", Kind: incident.KindNotice, Components: affects("api", "major_outage"),
			Started: ts("2025-03-10T10:00:00Z"),
		}}, "2025-03-10T11:00:00Z", incident.Operational},
		{"maintenance inside its window", []*incident.Incident{maintenance10to12()}, "2025-03-10T10:00:00Z", incident.UnderMaintenance},
		{"maintenance before its window", []*incident.Incident{maintenance10to12()}, "2025-03-10T09:59:59Z", incident.Operational},
		{"maintenance after its window", []*incident.Incident{maintenance10to12()}, "2025-03-10T12:00:00Z", incident.Operational},
		{"maintenance announced, inside its window", []*incident.Incident{maintenance10to12(
			incident.Update{At: ts("2025-03-03T09:00:00Z"), Status: incident.StatusScheduled},
		)}, "2025-03-10T11:00:00Z", incident.UnderMaintenance},
		{"maintenance that overran: in_progress after the window", []*incident.Incident{maintenance10to12(
			incident.Update{At: ts("2025-03-10T10:00:00Z"), Status: incident.StatusInProgress},
		)}, "2025-03-10T13:00:00Z", incident.UnderMaintenance},
		{"maintenance verifying after the window", []*incident.Incident{maintenance10to12(
			incident.Update{At: ts("2025-03-10T10:00:00Z"), Status: incident.StatusInProgress},
			incident.Update{At: ts("2025-03-10T12:15:00Z"), Status: incident.StatusVerifying},
		)}, "2025-03-10T12:30:00Z", incident.UnderMaintenance},
		{"maintenance that overran, once completed", []*incident.Incident{maintenance10to12(
			incident.Update{At: ts("2025-03-10T10:00:00Z"), Status: incident.StatusInProgress},
			incident.Update{At: ts("2025-03-10T12:40:00Z"), Status: incident.StatusCompleted},
		)}, "2025-03-10T13:00:00Z", incident.Operational},
		{"maintenance completed early by an update", []*incident.Incident{maintenance10to12(
			incident.Update{At: ts("2025-03-10T11:00:00Z"), Status: incident.StatusCompleted},
		)}, "2025-03-10T11:30:00Z", incident.Operational},
		{"maintenance started early by an update", []*incident.Incident{maintenance10to12(
			incident.Update{At: ts("2025-03-10T09:30:00Z"), Status: incident.StatusInProgress},
		)}, "2025-03-10T09:45:00Z", incident.UnderMaintenance},
		{"maintenance resolved early", []*incident.Incident{func() *incident.Incident {
			in := maintenance10to12()
			in.Resolved = ts("2025-03-10T11:00:00Z")
			return in
		}()}, "2025-03-10T11:30:00Z", incident.Operational},
		{"maintenance with planned downtime", []*incident.Incident{func() *incident.Incident {
			in := maintenance10to12()
			in.Components = affects("api", "major_outage")
			return in
		}()}, "2025-03-10T11:00:00Z", incident.MajorOutage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			at := ts(tt.at)
			if diff := cmp.Diff(tt.want, Component(tt.incidents, "api", at)); diff != "" {
				t.Errorf("Component (-want +got):\n%s", diff)
			}
			// Components must agree with Component, the one-component question.
			if diff := cmp.Diff(tt.want, Components(tt.incidents, at).Of("api")); diff != "" {
				t.Errorf("Components.Of (-want +got):\n%s", diff)
			}
		})
	}
}

func TestComponents(t *testing.T) {
	incidents := []*incident.Incident{
		{Slug: "a", Kind: incident.KindIncident, Started: ts("2025-03-10T10:00:00Z"),
			Components: affects("api", "partial_outage", "web", "degraded_performance")},
		{Slug: "b", Kind: incident.KindIncident, Started: ts("2025-03-10T10:30:00Z"),
			Components: affects("web", "major_outage", "db", "operational")},
		maintenance10to12(),
	}
	want := Statuses{"api": incident.PartialOutage, "web": incident.MajorOutage}
	got := Components(incidents, ts("2025-03-10T11:00:00Z"))
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Components (-want +got):\n%s", diff)
	}
	if got := got.Of("db"); got != incident.Operational {
		t.Errorf("Of(db) = %q, want operational", got)
	}
}
