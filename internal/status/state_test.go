package status

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"statuspress/internal/incident"
)

func TestAt(t *testing.T) {
	site := &incident.Site{
		Groups: []incident.Group{{ID: "apis"}, {ID: "apps"}},
		Components: []incident.Component{
			{ID: "soap", Group: "apis", Uptime: true},
			{ID: "rest", Group: "apis", Uptime: true},
			{ID: "app", Group: "apps", Uptime: true, HiddenUnlessDegraded: true},
			{ID: "site", Uptime: true},
		},
	}
	incidents := []*incident.Incident{
		{Slug: "soap-down", Kind: incident.KindIncident, Impact: incident.ImpactMinor,
			Started: ts("2025-03-10T09:00:00Z"), Components: affects("soap", "partial_outage")},
		{Slug: "rest-slow", Kind: incident.KindIncident, Impact: incident.ImpactMinor,
			Started: ts("2025-03-10T10:00:00Z"), Components: affects("rest", "degraded_performance")},
		{Slug: "site-upgrade", Kind: incident.KindMaintenance, Components: affects("site", "under_maintenance"),
			Scheduled: incident.Window{Start: ts("2025-03-10T10:00:00Z"), End: ts("2025-03-10T12:00:00Z")}},
		{Slug: "app-upgrade", Kind: incident.KindMaintenance, Components: affects("app", "under_maintenance"),
			Scheduled: incident.Window{Start: ts("2025-03-12T10:00:00Z"), End: ts("2025-03-12T12:00:00Z")}},
		{Slug: "new-pricing", Kind: incident.KindNotice, Started: ts("2025-03-01T00:00:00Z")},
		{Slug: "old-outage", Kind: incident.KindIncident, Impact: incident.ImpactCritical,
			Started: ts("2025-03-01T00:00:00Z"), Resolved: ts("2025-03-01T02:00:00Z"),
			Components: affects("site", "major_outage")},
	}
	got := At(site, incidents, ts("2025-03-10T11:00:00Z"))

	type summary struct {
		Indicator                              Indicator
		Worst                                  incident.ComponentStatus
		Components, Shown, Groups, GroupsShown map[string]incident.ComponentStatus
		Ongoing, InProgress, Upcoming, Notices []string
	}
	sum := summary{
		Indicator: got.Indicator, Worst: got.Worst,
		Components: map[string]incident.ComponentStatus{}, Shown: map[string]incident.ComponentStatus{},
		Groups: map[string]incident.ComponentStatus{}, GroupsShown: map[string]incident.ComponentStatus{},
		Ongoing: slugs(got.Ongoing), InProgress: slugs(got.InProgress),
		Upcoming: slugs(got.Upcoming), Notices: slugs(got.Notices),
	}
	for _, c := range got.Components {
		sum.Components[c.Component.ID] = c.Status
		if c.Shown() {
			sum.Shown[c.Component.ID] = c.Status
		}
	}
	for _, g := range got.Groups {
		sum.Groups[g.Group.ID] = g.Status
		if g.Shown() {
			sum.GroupsShown[g.Group.ID] = g.Status
		}
	}
	want := summary{
		Indicator: IndicatorMinor,
		Worst:     incident.PartialOutage,
		Components: map[string]incident.ComponentStatus{
			"soap": incident.PartialOutage, "rest": incident.DegradedPerformance,
			"app": incident.Operational, "site": incident.UnderMaintenance,
		},
		Shown: map[string]incident.ComponentStatus{
			"soap": incident.PartialOutage, "rest": incident.DegradedPerformance, "site": incident.UnderMaintenance,
		},
		Groups:      map[string]incident.ComponentStatus{"apis": incident.PartialOutage, "apps": incident.Operational},
		GroupsShown: map[string]incident.ComponentStatus{"apis": incident.PartialOutage},
		Ongoing:     []string{"rest-slow", "soap-down"},
		InProgress:  []string{"site-upgrade"},
		Upcoming:    []string{"app-upgrade"},
		Notices:     []string{"new-pricing"},
	}
	if diff := cmp.Diff(want, sum); diff != "" {
		t.Errorf("At (-want +got):\n%s", diff)
	}
	if !got.At.Equal(ts("2025-03-10T11:00:00Z")) {
		t.Errorf("At.At = %v", got.At)
	}
	var order []string
	for _, c := range got.Groups[0].Components {
		order = append(order, c.Component.ID)
	}
	if diff := cmp.Diff([]string{"soap", "rest"}, order); diff != "" {
		t.Errorf("group apis components (-want +got):\n%s", diff)
	}
}

func TestIndicatorAt(t *testing.T) {
	now := ts("2025-03-10T11:00:00Z")
	ongoing := func(impact incident.Impact, status incident.ComponentStatus) *incident.Incident {
		return &incident.Incident{Slug: "i", Kind: incident.KindIncident, Impact: impact,
			Started: ts("2025-03-10T10:00:00Z"), Components: affects("api", string(status))}
	}
	over := &incident.Incident{Slug: "over", Kind: incident.KindIncident, Impact: incident.ImpactCritical,
		Started: ts("2025-03-10T08:00:00Z"), Resolved: ts("2025-03-10T09:00:00Z"),
		Components: affects("api", "major_outage")}
	upcoming := &incident.Incident{Slug: "later", Kind: incident.KindMaintenance, Components: affects("api", "under_maintenance"),
		Scheduled: incident.Window{Start: ts("2025-03-11T10:00:00Z"), End: ts("2025-03-11T12:00:00Z")}}
	tests := []struct {
		name      string
		incidents []*incident.Incident
		want      Indicator
	}{
		{"nothing", nil, IndicatorNone},
		{"minor", []*incident.Incident{ongoing(incident.ImpactMinor, incident.DegradedPerformance)}, IndicatorMinor},
		{"major", []*incident.Incident{ongoing(incident.ImpactMajor, incident.PartialOutage)}, IndicatorMajor},
		{"critical", []*incident.Incident{ongoing(incident.ImpactCritical, incident.MajorOutage)}, IndicatorCritical},
		{"impact none", []*incident.Incident{ongoing(incident.ImpactNone, incident.DegradedPerformance)}, IndicatorNone},
		{"stated impact wins over component status", []*incident.Incident{ongoing(incident.ImpactMinor, incident.MajorOutage)}, IndicatorMinor},
		{"worst impact wins", []*incident.Incident{
			ongoing(incident.ImpactMinor, incident.DegradedPerformance), ongoing(incident.ImpactMajor, incident.PartialOutage),
		}, IndicatorMajor},
		{"no impact stated: derived from major outage", []*incident.Incident{ongoing("", incident.MajorOutage)}, IndicatorMajor},
		{"no impact stated: derived from partial outage", []*incident.Incident{ongoing("", incident.PartialOutage)}, IndicatorMinor},
		{"maintenance in progress", []*incident.Incident{maintenance10to12()}, IndicatorMaintenance},
		{"impact none does not hide maintenance", []*incident.Incident{
			maintenance10to12(), ongoing(incident.ImpactNone, incident.DegradedPerformance),
		}, IndicatorMaintenance},
		{"trouble outranks maintenance", []*incident.Incident{
			maintenance10to12(), ongoing(incident.ImpactMinor, incident.DegradedPerformance),
		}, IndicatorMinor},
		{"resolved incident", []*incident.Incident{over}, IndicatorNone},
		{"upcoming maintenance", []*incident.Incident{upcoming}, IndicatorNone},
		{"resolved critical beside ongoing minor", []*incident.Incident{
			over, ongoing(incident.ImpactMinor, incident.DegradedPerformance),
		}, IndicatorMinor},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, IndicatorAt(tt.incidents, now)); diff != "" {
				t.Errorf("IndicatorAt (-want +got):\n%s", diff)
			}
		})
	}
}

func TestImpactAt(t *testing.T) {
	in := &incident.Incident{Slug: "i", Kind: incident.KindIncident, Started: ts("2025-03-10T10:00:00Z"),
		Components: affects("api", "degraded_performance"),
		Updates: []incident.Update{{At: ts("2025-03-10T11:00:00Z"), Status: incident.StatusIdentified,
			Components: affects("db", "major_outage")}},
	}
	for at, want := range map[time.Time]incident.Impact{
		ts("2025-03-10T10:30:00Z"): incident.ImpactMinor,
		ts("2025-03-10T11:30:00Z"): incident.ImpactMajor,
	} {
		if got := ImpactAt(in, at); got != want {
			t.Errorf("ImpactAt(%v) = %q, want %q", at, got, want)
		}
	}
}
