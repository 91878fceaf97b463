package status

import (
	"math"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"statuspress/internal/incident"
)

// approx lets float uptimes differ by rounding only.
var approx = cmpopts.EquateApprox(0, 1e-12)

// outage is an incident on api at one status from started to resolved ("" for unresolved).
func outage(slug string, status incident.ComponentStatus, started, resolved string, updates ...incident.Update) *incident.Incident {
	in := &incident.Incident{
		Slug:       slug,
		Kind:       incident.KindIncident,
		Components: affects("api", string(status)),
		Started:    ts(started),
		Updates:    updates,
	}
	if resolved != "" {
		in.Resolved = ts(resolved)
	}
	return in
}

func TestHistory(t *testing.T) {
	const (
		mar10 = "2025-03-10T00:00:00Z"
		mar11 = "2025-03-11T00:00:00Z"
		noon  = "2025-03-11T12:00:00Z"
	)
	h := time.Hour
	// Most cases look back two days from noon on 11 March (UTC): a full day, then half of one.
	clean := func(start, end string) Day {
		return Day{Start: ts(start), End: ts(end), Worst: incident.Operational, Uptime: 1}
	}
	halfDay := clean(mar11, noon)
	tests := []struct {
		name      string
		incidents []*incident.Incident
		at        string
		days      int
		zone      string
		want      History
	}{
		{
			name:      "2 hours of major outage",
			incidents: []*incident.Incident{outage("a", incident.MajorOutage, "2025-03-10T10:00:00Z", "2025-03-10T12:00:00Z")},
			at:        noon, days: 2, zone: "UTC",
			want: History{Days: []Day{
				{Start: ts(mar10), End: ts(mar11), MajorOutage: 2 * h, Worst: incident.MajorOutage,
					Incidents: []string{"a"}, Uptime: 1 - 2.0/24},
				halfDay,
			}, Uptime: 1 - 2.0/36},
		},
		{
			name:      "2 hours of partial outage count at 30 %",
			incidents: []*incident.Incident{outage("a", incident.PartialOutage, "2025-03-10T10:00:00Z", "2025-03-10T12:00:00Z")},
			at:        noon, days: 2, zone: "UTC",
			want: History{Days: []Day{
				{Start: ts(mar10), End: ts(mar11), PartialOutage: 2 * h, Worst: incident.PartialOutage,
					Incidents: []string{"a"}, Uptime: 1 - 0.6/24},
				halfDay,
			}, Uptime: 1 - 0.6/36},
		},
		{
			name:      "a day of degraded performance is up",
			incidents: []*incident.Incident{outage("a", incident.DegradedPerformance, mar10, mar11)},
			at:        noon, days: 2, zone: "UTC",
			want: History{Days: []Day{
				{Start: ts(mar10), End: ts(mar11), DegradedPerformance: 24 * h, Worst: incident.DegradedPerformance,
					Incidents: []string{"a"}, Uptime: 1},
				halfDay,
			}, Uptime: 1},
		},
		{
			name:      "maintenance is up",
			incidents: []*incident.Incident{maintenance10to12()},
			at:        noon, days: 2, zone: "UTC",
			want: History{Days: []Day{
				{Start: ts(mar10), End: ts(mar11), UnderMaintenance: 2 * h, Worst: incident.UnderMaintenance,
					Incidents: []string{"upgrade"}, Uptime: 1},
				halfDay,
			}, Uptime: 1},
		},
		{
			name: "maintenance that overran until its completed update",
			incidents: []*incident.Incident{maintenance10to12(
				incident.Update{At: ts("2025-03-10T10:00:00Z"), Status: incident.StatusInProgress},
				incident.Update{At: ts("2025-03-10T13:00:00Z"), Status: incident.StatusCompleted},
			)},
			at: noon, days: 2, zone: "UTC",
			want: History{Days: []Day{
				{Start: ts(mar10), End: ts(mar11), UnderMaintenance: 3 * h, Worst: incident.UnderMaintenance,
					Incidents: []string{"upgrade"}, Uptime: 1},
				halfDay,
			}, Uptime: 1},
		},
		{
			name: "an outage during maintenance wins while it lasts",
			incidents: []*incident.Incident{
				maintenance10to12(),
				outage("a", incident.MajorOutage, "2025-03-10T11:00:00Z", "2025-03-10T11:30:00Z"),
			},
			at: noon, days: 2, zone: "UTC",
			want: History{Days: []Day{
				{Start: ts(mar10), End: ts(mar11), MajorOutage: h / 2, UnderMaintenance: 3 * h / 2,
					Worst: incident.MajorOutage, Incidents: []string{"upgrade", "a"}, Uptime: 1 - 0.5/24},
				halfDay,
			}, Uptime: 1 - 0.5/36},
		},
		{
			name: "overlapping incidents: the worst status wins at each instant",
			incidents: []*incident.Incident{
				outage("a", incident.MajorOutage, "2025-03-10T10:00:00Z", "2025-03-10T12:00:00Z"),
				outage("b", incident.PartialOutage, "2025-03-10T11:00:00Z", "2025-03-10T13:00:00Z"),
			},
			at: noon, days: 2, zone: "UTC",
			want: History{Days: []Day{
				{Start: ts(mar10), End: ts(mar11), MajorOutage: 2 * h, PartialOutage: h, Worst: incident.MajorOutage,
					Incidents: []string{"a", "b"}, Uptime: 1 - 2.3/24},
				halfDay,
			}, Uptime: 1 - 2.3/36},
		},
		{
			name: "updates change the status mid-incident",
			incidents: []*incident.Incident{outage("a", incident.MajorOutage, "2025-03-10T10:00:00Z", "2025-03-10T13:00:00Z",
				incident.Update{At: ts("2025-03-10T10:10:00Z"), Status: incident.StatusInvestigating},
				incident.Update{At: ts("2025-03-10T11:00:00Z"), Status: incident.StatusIdentified,
					Components: affects("api", "partial_outage")},
				incident.Update{At: ts("2025-03-10T12:00:00Z"), Status: incident.StatusMonitoring,
					Components: affects("api", "degraded_performance")},
				incident.Update{At: ts("2025-03-10T13:00:00Z"), Status: incident.StatusResolved},
			)},
			at: noon, days: 2, zone: "UTC",
			want: History{Days: []Day{
				{Start: ts(mar10), End: ts(mar11), MajorOutage: h, PartialOutage: h, DegradedPerformance: h,
					Worst: incident.MajorOutage, Incidents: []string{"a"}, Uptime: 1 - 1.3/24},
				halfDay,
			}, Uptime: 1 - 1.3/36},
		},
		{
			name: "incidents listed in the order their effect began; operational is no effect",
			incidents: []*incident.Incident{
				outage("a", incident.MajorOutage, "2025-03-10T10:00:00Z", "2025-03-10T11:00:00Z"),
				outage("z", incident.DegradedPerformance, "2025-03-10T08:00:00Z", "2025-03-10T09:00:00Z"),
				outage("calm", incident.Operational, "2025-03-10T07:00:00Z", "2025-03-10T09:00:00Z"),
				{Slug: "elsewhere", Kind: incident.KindIncident, Components: affects("web", "major_outage"),
					Started: ts("2025-03-10T07:00:00Z"), Resolved: ts("2025-03-10T09:00:00Z")},
			},
			at: noon, days: 2, zone: "UTC",
			want: History{Days: []Day{
				{Start: ts(mar10), End: ts(mar11), MajorOutage: h, DegradedPerformance: h,
					Worst: incident.MajorOutage, Incidents: []string{"z", "a"}, Uptime: 1 - 1.0/24},
				halfDay,
			}, Uptime: 1 - 1.0/36},
		},
		{
			name:      "an outage crossing midnight in Amsterdam is split over two days",
			incidents: []*incident.Incident{outage("a", incident.MajorOutage, "2025-03-10T23:00:00+01:00", "2025-03-11T01:00:00+01:00")},
			at:        "2025-03-11T12:00:00+01:00", days: 2, zone: "Europe/Amsterdam",
			want: History{Days: []Day{
				{Start: ts("2025-03-10T00:00:00+01:00"), End: ts("2025-03-11T00:00:00+01:00"), MajorOutage: h,
					Worst: incident.MajorOutage, Incidents: []string{"a"}, Uptime: 1 - 1.0/24},
				{Start: ts("2025-03-11T00:00:00+01:00"), End: ts("2025-03-11T12:00:00+01:00"), MajorOutage: h,
					Worst: incident.MajorOutage, Incidents: []string{"a"}, Uptime: 1 - 1.0/12},
			}, Uptime: 1 - 2.0/36},
		},
		{
			name:      "the same outage cut in UTC falls on one day",
			incidents: []*incident.Incident{outage("a", incident.MajorOutage, "2025-03-10T23:00:00+01:00", "2025-03-11T01:00:00+01:00")},
			at:        "2025-03-11T12:00:00+01:00", days: 2, zone: "UTC",
			want: History{Days: []Day{
				{Start: ts(mar10), End: ts(mar11), MajorOutage: 2 * h,
					Worst: incident.MajorOutage, Incidents: []string{"a"}, Uptime: 1 - 2.0/24},
				clean(mar11, "2025-03-11T11:00:00Z"),
			}, Uptime: 1 - 2.0/35},
		},
		{
			name:      "the day clocks go forward has 23 hours",
			incidents: []*incident.Incident{outage("a", incident.MajorOutage, "2025-03-30T10:00:00+02:00", "2025-03-30T11:00:00+02:00")},
			at:        "2025-03-31T06:00:00+02:00", days: 2, zone: "Europe/Amsterdam",
			want: History{Days: []Day{
				{Start: ts("2025-03-30T00:00:00+01:00"), End: ts("2025-03-31T00:00:00+02:00"), MajorOutage: h,
					Worst: incident.MajorOutage, Incidents: []string{"a"}, Uptime: 1 - 1.0/23},
				clean("2025-03-31T00:00:00+02:00", "2025-03-31T06:00:00+02:00"),
			}, Uptime: 1 - 1.0/29},
		},
		{
			name:      "the day clocks go back has 25 hours",
			incidents: []*incident.Incident{outage("a", incident.MajorOutage, "2025-10-26T02:30:00+02:00", "2025-10-26T02:30:00+01:00")},
			at:        "2025-10-27T05:00:00+01:00", days: 2, zone: "Europe/Amsterdam",
			want: History{Days: []Day{
				{Start: ts("2025-10-26T00:00:00+02:00"), End: ts("2025-10-27T00:00:00+01:00"), MajorOutage: h,
					Worst: incident.MajorOutage, Incidents: []string{"a"}, Uptime: 1 - 1.0/25},
				clean("2025-10-27T00:00:00+01:00", "2025-10-27T05:00:00+01:00"),
			}, Uptime: 1 - 1.0/30},
		},
		{
			name:      "an unresolved incident counts up to t",
			incidents: []*incident.Incident{outage("a", incident.MajorOutage, "2025-03-11T10:00:00Z", "")},
			at:        noon, days: 1, zone: "UTC",
			want: History{Days: []Day{
				{Start: ts(mar11), End: ts(noon), MajorOutage: 2 * h, Worst: incident.MajorOutage,
					Incidents: []string{"a"}, Uptime: 1 - 2.0/12},
			}, Uptime: 1 - 2.0/12},
		},
		{
			name:      "an incident resolved after t counts up to t",
			incidents: []*incident.Incident{outage("a", incident.MajorOutage, "2025-03-11T10:00:00Z", "2025-03-11T14:00:00Z")},
			at:        noon, days: 1, zone: "UTC",
			want: History{Days: []Day{
				{Start: ts(mar11), End: ts(noon), MajorOutage: 2 * h, Worst: incident.MajorOutage,
					Incidents: []string{"a"}, Uptime: 1 - 2.0/12},
			}, Uptime: 1 - 2.0/12},
		},
		{
			name: "an update after t is not seen",
			incidents: []*incident.Incident{outage("a", incident.MajorOutage, "2025-03-11T10:00:00Z", "",
				incident.Update{At: ts("2025-03-11T13:00:00Z"), Status: incident.StatusMonitoring,
					Components: affects("api", "partial_outage")})},
			at: noon, days: 1, zone: "UTC",
			want: History{Days: []Day{
				{Start: ts(mar11), End: ts(noon), MajorOutage: 2 * h, Worst: incident.MajorOutage,
					Incidents: []string{"a"}, Uptime: 1 - 2.0/12},
			}, Uptime: 1 - 2.0/12},
		},
		{
			name: "the same update once t has passed it",
			incidents: []*incident.Incident{outage("a", incident.MajorOutage, "2025-03-11T10:00:00Z", "",
				incident.Update{At: ts("2025-03-11T13:00:00Z"), Status: incident.StatusMonitoring,
					Components: affects("api", "partial_outage")})},
			at: "2025-03-11T14:00:00Z", days: 1, zone: "UTC",
			want: History{Days: []Day{
				{Start: ts(mar11), End: ts("2025-03-11T14:00:00Z"), MajorOutage: 3 * h, PartialOutage: h,
					Worst: incident.MajorOutage, Incidents: []string{"a"}, Uptime: 1 - 3.3/14},
			}, Uptime: 1 - 3.3/14},
		},
		{
			name:      "t at midnight: the current day has no length yet",
			incidents: []*incident.Incident{outage("a", incident.MajorOutage, "2025-03-10T10:00:00Z", "")},
			at:        mar11, days: 2, zone: "UTC",
			want: History{Days: []Day{
				{Start: ts(mar10), End: ts(mar11), MajorOutage: 14 * h, Worst: incident.MajorOutage,
					Incidents: []string{"a"}, Uptime: 1 - 14.0/24},
				clean(mar11, mar11),
			}, Uptime: 1 - 14.0/24},
		},
		{
			name: "an incident over several days, and one before the period",
			incidents: []*incident.Incident{
				outage("long", incident.MajorOutage, "2025-03-08T12:00:00Z", "2025-03-10T06:00:00Z"),
				outage("old", incident.MajorOutage, "2025-03-01T12:00:00Z", "2025-03-01T16:00:00Z"),
			},
			at: noon, days: 4, zone: "UTC",
			want: History{Days: []Day{
				{Start: ts("2025-03-08T00:00:00Z"), End: ts("2025-03-09T00:00:00Z"), MajorOutage: 12 * h,
					Worst: incident.MajorOutage, Incidents: []string{"long"}, Uptime: 0.5},
				{Start: ts("2025-03-09T00:00:00Z"), End: ts(mar10), MajorOutage: 24 * h,
					Worst: incident.MajorOutage, Incidents: []string{"long"}, Uptime: 0},
				{Start: ts(mar10), End: ts(mar11), MajorOutage: 6 * h,
					Worst: incident.MajorOutage, Incidents: []string{"long"}, Uptime: 0.75},
				halfDay,
			}, Uptime: 1 - 42.0/84},
		},
		{
			name: "a component no incident names",
			incidents: []*incident.Incident{{Slug: "elsewhere", Kind: incident.KindIncident,
				Components: affects("web", "major_outage"), Started: ts("2025-03-10T07:00:00Z")}},
			at: noon, days: 2, zone: "UTC",
			want: History{Days: []Day{clean(mar10, mar11), halfDay}, Uptime: 1},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := NewTimeline(tt.incidents).History("api", ts(tt.at), tt.days, location(t, tt.zone))
			if diff := cmp.Diff(tt.want, got, approx); diff != "" {
				t.Errorf("History (-want +got):\n%s", diff)
			}
			for i, d := range got.Days {
				if d.Start.Location().String() != tt.zone {
					t.Errorf("day %d starts in %v, want %s", i, d.Start.Location(), tt.zone)
				}
			}
		})
	}
}

func TestHistoryDefaultDays(t *testing.T) {
	got := NewTimeline(nil).History("api", ts("2025-03-11T12:00:00Z"), 0, nil)
	if len(got.Days) != DefaultDays {
		t.Fatalf("got %d days, want %d", len(got.Days), DefaultDays)
	}
	if first := got.Days[0].Start; !first.Equal(ts("2024-12-12T00:00:00Z")) {
		t.Errorf("first day starts %v, want 2024-12-12 (90 days ending 2025-03-11)", first)
	}
}

func TestSpans(t *testing.T) {
	tl := NewTimeline([]*incident.Incident{
		outage("a", incident.MajorOutage, "2025-03-10T10:00:00Z", "2025-03-10T12:00:00Z"),
		outage("b", incident.PartialOutage, "2025-03-10T11:00:00Z", "2025-03-10T13:00:00Z"),
		outage("c", incident.DegradedPerformance, "2025-03-10T12:30:00Z", "2025-03-10T14:00:00Z"),
		outage("d", incident.PartialOutage, "2025-03-10T13:30:00Z", "2025-03-10T15:00:00Z"),
		outage("e", incident.PartialOutage, "2025-03-10T14:30:00Z", "2025-03-10T16:00:00Z"),
		outage("f", incident.DegradedPerformance, "2025-03-10T18:00:00Z", ""),
	})
	want := []Span{
		{Start: ts("2025-03-10T10:00:00Z"), End: ts("2025-03-10T12:00:00Z"), Status: incident.MajorOutage},
		{Start: ts("2025-03-10T12:00:00Z"), End: ts("2025-03-10T13:00:00Z"), Status: incident.PartialOutage},
		{Start: ts("2025-03-10T13:00:00Z"), End: ts("2025-03-10T13:30:00Z"), Status: incident.DegradedPerformance},
		// d and e overlap at the same status: one span.
		{Start: ts("2025-03-10T13:30:00Z"), End: ts("2025-03-10T16:00:00Z"), Status: incident.PartialOutage},
		{Start: ts("2025-03-10T18:00:00Z"), Status: incident.DegradedPerformance},
	}
	if diff := cmp.Diff(want, tl.Spans("api")); diff != "" {
		t.Errorf("Spans (-want +got):\n%s", diff)
	}
	if got := tl.Spans("web"); got != nil {
		t.Errorf("Spans(web) = %v, want nil", got)
	}
}

func TestTimelineUptime(t *testing.T) {
	site := &incident.Site{
		Groups: []incident.Group{{ID: "apis"}, {ID: "internal"}},
		Components: []incident.Component{
			{ID: "api", Group: "apis", Uptime: true},
			{ID: "batch", Group: "apis", Uptime: false},
			{ID: "queue", Group: "internal", Uptime: false},
			{ID: "site", Uptime: true},
		},
	}
	tl := NewTimeline([]*incident.Incident{
		outage("a", incident.MajorOutage, "2025-03-10T10:00:00Z", "2025-03-10T12:00:00Z"),
		{Slug: "b", Kind: incident.KindIncident, Components: affects("batch", "major_outage", "queue", "major_outage"),
			Started: ts("2025-03-10T00:00:00Z"), Resolved: ts("2025-03-11T00:00:00Z")},
	})
	at := ts("2025-03-11T12:00:00Z")
	got := tl.Uptime(site, at, 2, time.UTC)

	want := map[string]float64{"api": 1 - 2.0/36, "batch": 1 - 24.0/36, "queue": 1 - 24.0/36, "site": 1}
	gotUp := map[string]float64{}
	for id, h := range got.Components {
		gotUp[id] = h.Uptime
	}
	if diff := cmp.Diff(want, gotUp, approx); diff != "" {
		t.Errorf("component uptimes (-want +got):\n%s", diff)
	}
}

// The last days of a strip have their own figure: an outage that fell off them does not count.
func TestUptimeOfLast(t *testing.T) {
	in := outage("a", incident.MajorOutage, "2025-03-09T10:00:00Z", "2025-03-09T16:00:00Z")
	h := NewTimeline([]*incident.Incident{in}).History("api", ts("2025-03-11T12:00:00Z"), 3, time.UTC)
	for _, tt := range []struct {
		n    int
		want float64
	}{
		{2, 1},
		{1, 1},
		{3, h.Uptime},
		{90, h.Uptime},
	} {
		if got := h.UptimeOfLast(tt.n); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("UptimeOfLast(%d) = %v, want %v", tt.n, got, tt.want)
		}
	}
	if want := 1 - 6.0/60; math.Abs(h.Uptime-want) > 1e-9 {
		t.Errorf("Uptime = %v, want %v", h.Uptime, want)
	}
}
