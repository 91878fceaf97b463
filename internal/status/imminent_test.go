package status

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"statuspress/internal/incident"
)

// TestImminent: a maintenance whose window starts within the lead time is imminent, the bound
// included; the list keeps its order.
func TestImminent(t *testing.T) {
	window := func(slug, start string) *incident.Incident {
		return &incident.Incident{Slug: slug, Kind: incident.KindMaintenance,
			Scheduled: incident.Window{Start: ts(start), End: ts(start).Add(time.Hour)}}
	}
	upcoming := []*incident.Incident{
		window("in-an-hour", "2026-12-05T13:00:00Z"),
		window("in-a-day", "2026-12-06T12:00:00Z"),
		window("in-a-day-and-a-minute", "2026-12-06T12:01:00Z"),
	}
	slugsOf := func(ins []*incident.Incident) []string {
		var out []string
		for _, in := range ins {
			out = append(out, in.Slug)
		}
		return out
	}
	for _, tc := range []struct {
		lead        time.Duration
		soon, later []string
	}{
		{24 * time.Hour, []string{"in-an-hour", "in-a-day"}, []string{"in-a-day-and-a-minute"}},
		{30 * time.Minute, nil, []string{"in-an-hour", "in-a-day", "in-a-day-and-a-minute"}},
		{48 * time.Hour, []string{"in-an-hour", "in-a-day", "in-a-day-and-a-minute"}, nil},
	} {
		soon, later := Imminent(upcoming, ts("2026-12-05T12:00:00Z"), tc.lead)
		if diff := cmp.Diff([][]string{tc.soon, tc.later}, [][]string{slugsOf(soon), slugsOf(later)}); diff != "" {
			t.Errorf("lead %v: soon, later (-want +got):\n%s", tc.lead, diff)
		}
	}
}
