package notify

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"statuspress/internal/incident"
)

func batchIDs(bs []Batch) [][]string {
	var out [][]string
	for _, b := range bs {
		out = append(out, b.IDs())
	}
	return out
}

func TestSettleCoalescesAnIncident(t *testing.T) {
	t0 := ts("2026-03-01T12:00:00Z")
	v1 := mk("db", incident.KindIncident, "2026-03-01T11:59:00Z",
		update{"2026-03-01T11:59:00Z", "investigating", "Looking"})
	v2 := clone(v1)
	v2.Updates = append(v2.Updates, incident.Update{At: ts("2026-03-01T12:00:30Z"), Status: "identified"})
	v2.Texts["en"].Updates[ts("2026-03-01T12:00:30Z").UnixNano()] = "<p>Found</p>"
	other := mk("api", incident.KindIncident, "2026-03-01T12:00:10Z",
		update{"2026-03-01T12:00:10Z", "investigating", "Errors"})

	p := Merge(nil, Diff(nil, []*incident.Incident{v1}, t0), t0)
	p = Merge(p, Diff(nil, []*incident.Incident{other}, t0.Add(10*time.Second)), t0.Add(10*time.Second))
	p = Merge(p, Diff([]*incident.Incident{v1}, []*incident.Incident{v2}, t0.Add(40*time.Second)), t0.Add(40*time.Second))

	if ready, _ := Settle(p, t0.Add(59*time.Second), DefaultDelay); len(ready) != 0 {
		t.Fatalf("ready before the delay: %v", batchIDs(ready))
	}
	ready, waiting := Settle(p, t0.Add(60*time.Second), DefaultDelay)
	want := [][]string{{"incident:db", "update:db/20260301T115900Z", "update:db/20260301T120030Z"}}
	if diff := cmp.Diff(want, batchIDs(ready)); diff != "" {
		t.Errorf("ready (-want +got):\n%s", diff)
	}
	if ready[0].Incident != v2 {
		t.Error("the batch does not carry the incident's newest version")
	}
	for _, e := range ready[0].Events {
		if e.Incident != v2 {
			t.Errorf("%s still points at an old version", e.ID)
		}
	}
	for _, w := range waiting {
		if w.Slug != "api" {
			t.Errorf("%s is waiting, want only api's events", w.ID)
		}
	}
	if len(waiting) != 2 {
		t.Errorf("%d events wait, want api's two", len(waiting))
	}
}

func TestSettleTakesTheLatestText(t *testing.T) {
	t0 := ts("2026-03-01T12:00:00Z")
	v1 := mk("db", incident.KindIncident, "2026-03-01T11:59:00Z",
		update{"2026-03-01T11:59:00Z", "investigating", "Lokoing"})
	v2 := clone(v1)
	v2.Texts["en"].Updates[ts("2026-03-01T11:59:00Z").UnixNano()] = "<p>Looking</p>"

	p := Merge(nil, Diff(nil, []*incident.Incident{v1}, t0), t0)
	p = Merge(p, Diff([]*incident.Incident{v1}, []*incident.Incident{v2}, t0.Add(30*time.Second)), t0.Add(30*time.Second))
	ready, _ := Settle(p, t0.Add(time.Minute), DefaultDelay)
	if len(ready) != 1 || len(ready[0].Events) != 2 {
		t.Fatalf("ready = %v, want one batch of two events", batchIDs(ready))
	}
	for _, e := range ready[0].Events {
		if e.Edit {
			t.Errorf("%s is marked as an edit in the batch", e.ID)
		}
		if e.Kind == KindUpdate {
			if got := e.Incident.Texts["en"].Updates[e.Incident.Updates[e.Update].At.UnixNano()]; got != "<p>Looking</p>" {
				t.Errorf("update text = %q, want the corrected one", got)
			}
		}
	}
}

func TestMergeDropsEditsOfSentEvents(t *testing.T) {
	t0 := ts("2026-03-01T12:00:00Z")
	v1 := mk("db", incident.KindIncident, "2026-03-01T11:59:00Z",
		update{"2026-03-01T11:59:00Z", "investigating", "Lokoing"})
	v2 := clone(v1)
	v2.Texts["en"].Updates[ts("2026-03-01T11:59:00Z").UnixNano()] = "<p>Looking</p>"
	edits := Diff([]*incident.Incident{v1}, []*incident.Incident{v2}, t0.Add(5*time.Minute))
	if len(edits) != 1 || !edits[0].Edit {
		t.Fatalf("Diff = %v, want one edit", ids(edits))
	}
	if p := Merge(nil, edits, t0.Add(5*time.Minute)); len(p) != 0 {
		t.Errorf("an edit of a sent update is pending again: %v", p)
	}
}

func TestWithdraw(t *testing.T) {
	t0 := ts("2026-03-01T12:00:00Z")
	v1 := mk("db", incident.KindIncident, "2026-03-01T11:59:00Z",
		update{"2026-03-01T11:59:00Z", "investigating", "Looking"},
		update{"2026-03-01T12:00:00Z", "identified", "Wrong incident"})
	v2 := clone(v1)
	v2.Updates = v2.Updates[:1]

	p := Merge(nil, Diff(nil, []*incident.Incident{v1}, t0), t0)
	p = Merge(p, Diff([]*incident.Incident{v1}, []*incident.Incident{v2}, t0.Add(10*time.Second)), t0.Add(10*time.Second))
	p = Withdraw(p, []*incident.Incident{v2}, t0.Add(10*time.Second))
	ready, _ := Settle(p, t0.Add(time.Minute), DefaultDelay)
	want := [][]string{{"incident:db", "update:db/20260301T115900Z"}}
	if diff := cmp.Diff(want, batchIDs(ready)); diff != "" {
		t.Errorf("ready (-want +got):\n%s", diff)
	}
	if p := Withdraw(p, nil, t0.Add(20*time.Second)); len(p) != 0 {
		t.Errorf("a deleted incident's events are still pending: %v", p)
	}
}
