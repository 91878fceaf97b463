package notify

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"statuspress/internal/incident"
)

func TestSlugOf(t *testing.T) {
	for id, want := range map[string]string{
		"update:db/20260310T220000Z": "db",
		"incident:db":                "db",
		"postmortem:a-b":             "a-b",
		"nonsense":                   "",
		"update:/x":                  "",
	} {
		got, ok := SlugOf(id)
		if got != want || ok != (want != "") {
			t.Errorf("SlugOf(%q) = %q, %v; want %q", id, got, ok, want)
		}
	}
}

func TestRebuild(t *testing.T) {
	now := ts("2026-03-10T23:00:00Z")
	db := mk("db", incident.KindIncident, "2026-03-10T22:00:00Z",
		update{"2026-03-10T22:00:00Z", "investigating", "Looking"},
		update{"2026-03-10T22:30:00Z", "identified", "Found"})
	other := mk("other", incident.KindIncident, "2026-03-10T21:00:00Z", update{"2026-03-10T21:00:00Z", "investigating", "x"})
	all := []*incident.Incident{other, db}

	b, ok := Rebuild(all, []string{"update:db/20260310T223000Z", "incident:db"}, now)
	if !ok || b.Incident != db {
		t.Fatalf("Rebuild = %+v, %v; want db's batch", b, ok)
	}
	if diff := cmp.Diff([]string{"incident:db", "update:db/20260310T223000Z"}, b.IDs()); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}
	if b.Events[1].Update != 1 {
		t.Errorf("update index = %d, want 1", b.Events[1].Update)
	}
	// The second update was deleted after the event was queued: only what is left is told.
	edited := clone(db)
	edited.Updates = edited.Updates[:1]
	b, ok = Rebuild([]*incident.Incident{edited}, []string{"update:db/20260310T223000Z", "incident:db"}, now)
	if diff := cmp.Diff([]string{"incident:db"}, b.IDs()); !ok || diff != "" {
		t.Errorf("after a deletion: %v (-want +got):\n%s", ok, diff)
	}
	for _, ids := range [][]string{nil, {"update:db/20260310T223000Z"}, {"incident:gone"}, {"junk"}} {
		if _, ok := Rebuild([]*incident.Incident{edited}, ids, now); ok {
			t.Errorf("Rebuild(%q) ok, want nothing to send", ids)
		}
	}
}

func TestMissed(t *testing.T) {
	now := ts("2026-03-12T12:00:00Z")
	// Came in while nothing ran: new, and its first update recorded by another replica already.
	fresh := mk("fresh", incident.KindIncident, "2026-03-12T10:00:00Z",
		update{"2026-03-12T10:00:00Z", "investigating", "a"},
		update{"2026-03-12T11:00:00Z", "identified", "b"})
	// Written up after the fact: its start is days old, so all of it is history.
	late := mk("late", incident.KindIncident, "2026-03-01T10:00:00Z",
		update{"2026-03-01T10:00:00Z", "investigating", "a"},
		update{"2026-03-12T11:00:00Z", "resolved", "b"})
	// Known for days, with a new update.
	known := mk("known", incident.KindIncident, "2026-03-01T10:00:00Z",
		update{"2026-03-01T10:00:00Z", "investigating", "a"},
		update{"2026-03-12T11:30:00Z", "monitoring", "b"})
	all := []*incident.Incident{fresh, late, known}
	recorded := map[string]bool{
		"update:fresh/20260312T100000Z": true,
		"incident:known":                true,
		"update:known/20260301T100000Z": true,
	}
	asked := map[string]bool{}
	for _, id := range Recent(all, now) {
		asked[id] = true
	}
	got := Missed(all, now, func(id string) bool {
		if !asked[id] {
			t.Errorf("Missed asked about %s, which Recent did not name", id)
		}
		return !recorded[id]
	})
	want := []string{"incident:fresh", "update:fresh/20260312T110000Z", "update:known/20260312T113000Z"}
	if diff := cmp.Diff(want, ids(got)); diff != "" {
		t.Errorf("Missed (-want +got):\n%s", diff)
	}
	if asked["update:known/20260301T100000Z"] {
		t.Error("Recent names an old update: a store would be asked about all of history")
	}
}
