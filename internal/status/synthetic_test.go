package status

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"statuspress/internal/incident"
)

// synthetic returns a site of 12 components in 3 groups and n incidents spread over the given
// period: mostly incidents of minutes to hours whose updates change statuses, some maintenances
// (a few overrunning), some notices, and the last few incidents unresolved.
func synthetic(n int, from time.Time, period time.Duration, seed uint64) (*incident.Site, []*incident.Incident) {
	r := rand.New(rand.NewPCG(seed, seed^0x5eed))
	site := &incident.Site{Groups: []incident.Group{{ID: "g0"}, {ID: "g1"}, {ID: "g2"}}}
	var ids []string
	for i := range 12 {
		id := fmt.Sprintf("c%02d", i)
		ids = append(ids, id)
		site.Components = append(site.Components, incident.Component{ID: id, Group: fmt.Sprintf("g%d", i%3), Uptime: true, Position: i})
	}
	trouble := []incident.ComponentStatus{incident.DegradedPerformance, incident.PartialOutage, incident.MajorOutage}
	pick := func(k int) []string {
		p := r.Perm(len(ids))[:k]
		out := make([]string, k)
		for i, j := range p {
			out[i] = ids[j]
		}
		return out
	}
	at := func() time.Time { return from.Add(time.Duration(r.Int64N(int64(period)))).Truncate(time.Minute) }

	incidents := make([]*incident.Incident, 0, n)
	for i := range n {
		slug := fmt.Sprintf("s%05d", i)
		switch x := r.IntN(100); {
		case x < 2:
			incidents = append(incidents, &incident.Incident{Slug: slug, Kind: incident.KindNotice, Started: at()})
		case x < 10:
			start := at()
			end := start.Add(time.Duration(1+r.IntN(4)) * time.Hour)
			done := end
			if r.IntN(5) == 0 {
				done = end.Add(time.Duration(r.IntN(90)) * time.Minute)
			}
			var comps []incident.Affected
			for _, id := range pick(1 + r.IntN(3)) {
				comps = append(comps, incident.Affected{Component: id, Status: incident.UnderMaintenance})
			}
			incidents = append(incidents, &incident.Incident{
				Slug: slug, Kind: incident.KindMaintenance, Components: comps, Started: start,
				Scheduled: incident.Window{Start: start, End: end},
				Updates: []incident.Update{
					{At: start.Add(-7 * 24 * time.Hour), Status: incident.StatusScheduled},
					{At: start, Status: incident.StatusInProgress},
					{At: done, Status: incident.StatusCompleted},
				},
			})
		default:
			start := at()
			dur := time.Duration(5+r.IntN(8*60)) * time.Minute
			in := &incident.Incident{Slug: slug, Kind: incident.KindIncident, Impact: incident.Impacts[1+r.IntN(3)], Started: start}
			named := pick(1 + r.IntN(3))
			for _, id := range named {
				in.Components = append(in.Components, incident.Affected{Component: id, Status: trouble[r.IntN(3)]})
			}
			ups := 1 + r.IntN(4)
			for u := range ups {
				up := incident.Update{At: start.Add(dur * time.Duration(u) / time.Duration(ups)), Status: incident.StatusIdentified}
				if u > 0 && r.IntN(2) == 0 {
					up.Components = []incident.Affected{{Component: named[r.IntN(len(named))], Status: incident.ComponentStatuses[r.IntN(4)]}}
				}
				in.Updates = append(in.Updates, up)
			}
			if i < n-3 {
				in.Resolved = start.Add(dur)
				in.Updates = append(in.Updates, incident.Update{At: in.Resolved, Status: incident.StatusResolved})
			}
			incidents = append(incidents, in)
		}
	}
	return site, incidents
}

// TestHistoryMatchesComponent checks the interval arithmetic against the plain rule: between two
// consecutive instants at which anything can change, a component's status is constant and equal to
// Component at the first of them.
func TestHistoryMatchesComponent(t *testing.T) {
	from := ts("2025-01-01T00:00:00Z")
	_, incidents := synthetic(400, from, 60*24*time.Hour, 7)
	loc := location(t, "Europe/Amsterdam")
	now := ts("2025-02-20T15:27:00Z")
	const days = 60
	tl := NewTimeline(incidents)

	for _, id := range []string{"c00", "c05", "c11"} {
		got := tl.History(id, now, days, loc)
		want := History{Days: make([]Day, len(got.Days))}
		for i, d := range got.Days {
			cuts := []time.Time{d.Start, d.End}
			for _, in := range incidents {
				for _, n := range appendBreakpoints(nil, in) {
					if b := time.Unix(0, n); b.After(d.Start) && b.Before(d.End) {
						cuts = append(cuts, b)
					}
				}
			}
			slices.SortFunc(cuts, time.Time.Compare)
			w := Day{Start: d.Start, End: d.End, Worst: incident.Operational}
			for j := 0; j+1 < len(cuts); j++ {
				if dur := cuts[j+1].Sub(cuts[j]); dur > 0 {
					w.add(Component(incidents, id, cuts[j]), dur)
				}
			}
			w.Uptime = uptime(w.MajorOutage, w.PartialOutage, w.Length())
			want.Days[i] = w
		}
		ignoreIncidents := cmp.FilterPath(func(p cmp.Path) bool { return p.Last().String() == ".Incidents" }, cmp.Ignore())
		if diff := cmp.Diff(want.Days, got.Days, approx, ignoreIncidents); diff != "" {
			t.Errorf("%s: History disagrees with Component (-want +got):\n%s", id, diff)
		}
	}
}

// BenchmarkUptime measures the uptime of a busy site: 10,000 incidents over 3 years on 12
// components, 90 days cut in a zone with daylight saving time.
func BenchmarkUptime(b *testing.B) {
	from := ts("2023-01-01T00:00:00Z")
	site, incidents := synthetic(10_000, from, 3*365*24*time.Hour, 1)
	now := ts("2025-12-31T15:00:00Z")
	loc := location(b, "Europe/Amsterdam")

	b.Run("timeline", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			NewTimeline(incidents)
		}
	})
	tl := NewTimeline(incidents)
	b.Run("site-90-days", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			tl.Uptime(site, now, DefaultDays, loc)
		}
	})
	b.Run("both", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			NewTimeline(incidents).Uptime(site, now, DefaultDays, loc)
		}
	})
}

// BenchmarkAt measures the state of the same busy site at one instant.
func BenchmarkAt(b *testing.B) {
	site, incidents := synthetic(10_000, ts("2023-01-01T00:00:00Z"), 3*365*24*time.Hour, 1)
	now := ts("2025-12-31T15:00:00Z")
	b.ReportAllocs()
	for b.Loop() {
		At(site, incidents, now)
	}
}
