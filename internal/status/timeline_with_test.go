package status

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"statuspress/internal/incident"
)

// TestTimelineWith: a timeline updated for edited, added and deleted incidents equals the one
// built afresh from the incidents as they now are, whatever the edit.
func TestTimelineWith(t *testing.T) {
	from := ts("2025-01-01T00:00:00Z")
	_, incidents := synthetic(600, from, 60*24*time.Hour, 3)
	// A second synthetic site gives the edits: other components, times and statuses.
	_, others := synthetic(600, from, 60*24*time.Hour, 4)
	r := rand.New(rand.NewPCG(9, 9))
	tl := NewTimeline(incidents)
	for step := range 40 {
		bySlug := map[string]*incident.Incident{}
		for _, in := range incidents {
			bySlug[in.Slug] = in
		}
		var removed, added []*incident.Incident
		for range 1 + r.IntN(3) {
			i := r.IntN(len(incidents))
			old := incidents[i]
			if slices.Contains(removed, old) {
				continue
			}
			switch r.IntN(4) {
			case 0: // deleted
				removed = append(removed, old)
				delete(bySlug, old.Slug)
			case 1: // a new incident
				in := *others[r.IntN(len(others))]
				in.Slug = fmt.Sprintf("new-%d-%d", step, len(added))
				added = append(added, &in)
				bySlug[in.Slug] = &in
			default: // edited: another incident's content under the same slug
				in := *others[r.IntN(len(others))]
				in.Slug = old.Slug
				removed, added = append(removed, old), append(added, &in)
				bySlug[in.Slug] = &in
			}
		}
		incidents = incidents[:0:0]
		for _, in := range bySlug {
			incidents = append(incidents, in)
		}
		got := tl.With(removed, added)
		want := NewTimeline(incidents)
		// The incidents' own spans are kept in the order they were added, which differs.
		ownOrder := cmpopts.SortSlices(func(a, b ownSpan) bool {
			return cmp.Less(a.start, b.start) || a.start == b.start && (a.end < b.end || a.end == b.end && a.slug < b.slug)
		})
		if diff := gocmp.Diff(want, got, gocmp.AllowUnexported(Timeline{}, track{}, span{}, ownSpan{}, touch{}), ownOrder); diff != "" {
			t.Fatalf("step %d: the updated timeline differs from a new one (-want +got):\n%s", step, diff)
		}
		tl = got
	}
}

// TestTimelineWithShares: the histories of components an edit does not name are shared, and the
// timeline the update started from is left as it was.
func TestTimelineWithShares(t *testing.T) {
	a := &incident.Incident{Slug: "a", Kind: incident.KindIncident, Started: ts("2025-01-01T10:00:00Z"), Resolved: ts("2025-01-01T11:00:00Z"), Components: affects("web", "major_outage")}
	b := &incident.Incident{Slug: "b", Kind: incident.KindIncident, Started: ts("2025-01-02T10:00:00Z"), Resolved: ts("2025-01-02T11:00:00Z"), Components: affects("api", "partial_outage")}
	tl := NewTimeline([]*incident.Incident{a, b})
	b2 := *b
	b2.Resolved = ts("2025-01-02T12:00:00Z")
	got := tl.With([]*incident.Incident{b}, []*incident.Incident{&b2})
	if got.tracks["web"] != tl.tracks["web"] {
		t.Errorf("the history of a component the edit does not name was rebuilt")
	}
	if end := got.Spans("api")[0].End; !end.Equal(b2.Resolved) {
		t.Errorf("api's span ends at %v, want %v", end, b2.Resolved)
	}
	if end := tl.Spans("api")[0].End; !end.Equal(b.Resolved) {
		t.Errorf("the old timeline changed: api's span ends at %v, want %v", end, b.Resolved)
	}
	// Deleting the only incident of a component leaves it no history at all, as NewTimeline would.
	gone := got.With([]*incident.Incident{&b2}, nil)
	if _, ok := gone.tracks["api"]; ok || gone.Spans("api") != nil {
		t.Errorf("a component without incidents kept a history")
	}
}

// BenchmarkTimelineWith is one edited incident at 10,000 incidents: compare with
// BenchmarkUptime/timeline, the whole timeline.
func BenchmarkTimelineWith(b *testing.B) {
	_, incidents := synthetic(10_000, ts("2023-01-01T00:00:00Z"), 3*365*24*time.Hour, 1)
	tl := NewTimeline(incidents)
	old := incidents[len(incidents)/2]
	edited := *old
	edited.Resolved = edited.Resolved.Add(time.Minute)
	b.ReportAllocs()
	for b.Loop() {
		tl.With([]*incident.Incident{old}, []*incident.Incident{&edited})
	}
}

// TestTimelineAnyOrder: the order NewTimeline takes the incidents in (by SortTime) only saves
// work; any order gives the same timeline, maintenances not yet started included.
func TestTimelineAnyOrder(t *testing.T) {
	_, incidents := synthetic(600, ts("2025-01-01T00:00:00Z"), 60*24*time.Hour, 5)
	incidents = append(incidents, &incident.Incident{
		Slug: "not-started", Kind: incident.KindMaintenance, Components: affects("web", "under_maintenance"),
		Scheduled: incident.Window{Start: ts("2025-01-20T01:00:00Z"), End: ts("2025-01-20T03:00:00Z")},
	})
	want := NewTimeline(incidents)
	r := rand.New(rand.NewPCG(5, 5))
	for range 5 {
		shuffled := slices.Clone(incidents)
		r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		got := NewTimeline(shuffled)
		if diff := gocmp.Diff(want, got, gocmp.AllowUnexported(Timeline{}, track{}, span{}, ownSpan{}, touch{})); diff != "" {
			t.Fatalf("the timeline depends on the order of the incidents (-want +got):\n%s", diff)
		}
	}
}
