package notify

import (
	"os"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"statuspress/internal/content"
	"statuspress/internal/incident"
)

func ts(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

// update is an update at `at` saying st, with its English words.
type update struct {
	at, st, text string
}

// mk builds an English incident of kind k with the given updates.
func mk(slug string, k incident.Kind, started string, ups ...update) *incident.Incident {
	in := &incident.Incident{Slug: slug, Kind: k, Lang: "en", Impact: incident.ImpactMinor,
		Texts: map[string]*incident.Text{"en": {Lang: "en", Title: "Title of " + slug, Updates: map[int64]string{}}}}
	if started != "" {
		in.Started = ts(started)
	}
	for _, u := range ups {
		at := ts(u.at)
		in.Updates = append(in.Updates, incident.Update{At: at, Status: incident.UpdateStatus(u.st)})
		in.Texts["en"].Updates[at.UnixNano()] = "<p>" + u.text + "</p>"
	}
	return in
}

// clone copies an incident deeply enough for tests to edit the copy.
func clone(in *incident.Incident) *incident.Incident {
	c := *in
	c.Updates = append([]incident.Update(nil), in.Updates...)
	c.Texts = map[string]*incident.Text{}
	for l, tx := range in.Texts {
		t := *tx
		t.Updates = map[int64]string{}
		for k, v := range tx.Updates {
			t.Updates[k] = v
		}
		c.Texts[l] = &t
	}
	return &c
}

func ids(es []Event) []string {
	var out []string
	for _, e := range es {
		id := e.ID
		if e.Edit {
			id += " (edit)"
		}
		out = append(out, id)
	}
	return out
}

func maintenance(slug, start, end string, ups ...update) *incident.Incident {
	in := mk(slug, incident.KindMaintenance, "", ups...)
	in.Scheduled = incident.Window{Start: ts(start), End: ts(end)}
	return in
}

func TestSnapshotIDs(t *testing.T) {
	db := mk("db", incident.KindIncident, "2026-03-01T10:00:00+01:00",
		update{"2026-03-01T10:05:00+01:00", "investigating", "Looking"},
		update{"2026-03-01T11:00:00+01:00", "resolved", "Fixed"})
	db.Resolved = ts("2026-03-01T11:00:00+01:00")
	db.Texts["en"].Body = "<p>What happened</p>"
	news := mk("news", incident.KindNotice, "2026-03-02T09:00:00Z")
	mnt := maintenance("mnt", "2026-03-03T22:00:00Z", "2026-03-03T23:00:00Z",
		update{"2026-03-01T12:00:00Z", "scheduled", "Planned"})
	later := mk("later", incident.KindNotice, "2026-04-01T00:00:00Z")

	got := ids(Snapshot([]*incident.Incident{later, mnt, news, db}, ts("2026-03-04T00:00:00Z")))
	want := []string{
		"incident:db",
		"update:db/20260301T090500Z",
		"postmortem:db",
		"update:db/20260301T100000Z",
		"maintenance:mnt",
		"update:mnt/20260301T120000Z",
		"notice:news",
		"maintenance-started:mnt/20260303T220000Z",
		"maintenance-ended:mnt/20260303T230000Z",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ids (-want +got):\n%s", diff)
	}
}

// TestSnapshotAuthorSaysSoon: an in_progress update up to 15 minutes after the window's start, or
// a completed one up to 15 minutes after its end, tells of it itself, so the clock's event is not
// made (status.StartsByItself); an update later than that leaves the clock's event and its id.
func TestSnapshotAuthorSaysSoon(t *testing.T) {
	soon := maintenance("soon", "2026-03-03T22:00:00Z", "2026-03-03T23:00:00Z",
		update{"2026-03-01T12:00:00Z", "scheduled", "Planned"},
		update{"2026-03-03T22:15:00Z", "in_progress", "Begun"},
		update{"2026-03-03T23:05:00Z", "completed", "Done"})
	late := maintenance("late", "2026-03-03T22:00:00Z", "2026-03-03T23:00:00Z",
		update{"2026-03-01T12:00:00Z", "scheduled", "Planned"},
		update{"2026-03-03T23:16:00Z", "completed", "Done"})

	got := ids(Snapshot([]*incident.Incident{soon, late}, ts("2026-03-04T00:00:00Z")))
	want := []string{
		"maintenance:late",
		"maintenance:soon",
		"update:late/20260301T120000Z",
		"update:soon/20260301T120000Z",
		"maintenance-started:late/20260303T220000Z",
		"update:soon/20260303T221500Z",
		"maintenance-ended:late/20260303T230000Z",
		"update:soon/20260303T230500Z",
		"update:late/20260303T231600Z",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ids (-want +got):\n%s", diff)
	}
}

func TestDiff(t *testing.T) {
	now := ts("2026-03-01T12:00:00Z")
	base := mk("db", incident.KindIncident, "2026-03-01T10:00:00Z",
		update{"2026-03-01T10:00:00Z", "investigating", "Looking"})

	added := clone(base)
	added.Updates = append(added.Updates, incident.Update{At: ts("2026-03-01T11:55:00Z"), Status: "identified"})
	added.Texts["en"].Updates[ts("2026-03-01T11:55:00Z").UnixNano()] = "<p>Found it</p>"

	typo := clone(base)
	typo.Texts["en"].Updates[ts("2026-03-01T10:00:00Z").UnixNano()] = "<p>Looking into it</p>"

	backdated := clone(base)
	backdated.Updates = append([]incident.Update{{At: ts("2026-02-27T10:00:00Z"), Status: "investigating"}}, backdated.Updates...)

	postmortem := clone(base)
	postmortem.Resolved = ts("2026-02-28T11:00:00Z")
	postmortem.Texts["en"].Body = "<p>Cause</p>"

	retold := mk("old", incident.KindIncident, "2026-02-20T10:00:00Z",
		update{"2026-02-20T10:00:00Z", "investigating", "Looking"},
		update{"2026-02-20T11:00:00Z", "resolved", "Fixed"})
	retold.Texts["en"].Body = "<p>Cause</p>"

	fresh := mk("api", incident.KindIncident, "2026-03-01T11:50:00Z",
		update{"2026-03-01T11:58:00Z", "investigating", "Errors"})
	future := mk("soon", incident.KindIncident, "2026-03-02T11:50:00Z",
		update{"2026-03-02T11:58:00Z", "investigating", "Errors"})
	announced := maintenance("mnt", "2026-03-10T22:00:00Z", "2026-03-10T23:00:00Z")

	tests := []struct {
		name       string
		prev, next []*incident.Incident
		want       []string
	}{
		{"unchanged", []*incident.Incident{base}, []*incident.Incident{base}, nil},
		{"a new update", []*incident.Incident{base}, []*incident.Incident{added}, []string{"update:db/20260301T115500Z"}},
		{"a typo fix keeps the id", []*incident.Incident{base}, []*incident.Incident{typo}, []string{"update:db/20260301T100000Z (edit)"}},
		{"a backdated update is history", []*incident.Incident{base}, []*incident.Incident{backdated}, nil},
		{"a postmortem", []*incident.Incident{base}, []*incident.Incident{postmortem}, []string{"postmortem:db"}},
		{"an incident written up days later", nil, []*incident.Incident{retold}, nil},
		{"a new incident", nil, []*incident.Incident{fresh}, []string{"incident:api", "update:api/20260301T115800Z"}},
		{"an incident dated in the future waits", nil, []*incident.Incident{future}, nil},
		{"a maintenance announced", nil, []*incident.Incident{announced}, []string{"maintenance:mnt"}},
		{"a deleted incident makes no event", []*incident.Incident{base}, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ids(Diff(tt.prev, tt.next, now))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("events (-want +got):\n%s", diff)
			}
		})
	}
}

func TestDueFiresOnce(t *testing.T) {
	mnt := maintenance("mnt", "2026-03-10T22:00:00Z", "2026-03-10T23:00:00Z",
		update{"2026-03-01T12:00:00Z", "scheduled", "Planned"})
	soon := mk("soon", incident.KindIncident, "2026-03-10T22:30:00Z",
		update{"2026-03-10T22:31:00Z", "investigating", "Errors"})
	ins := []*incident.Incident{mnt, soon}

	var got []string
	for at := ts("2026-03-10T21:00:00Z"); at.Before(ts("2026-03-11T01:00:00Z")); at = at.Add(7 * time.Minute) {
		got = append(got, ids(Due(ins, at, at.Add(7*time.Minute)))...)
	}
	want := []string{
		"maintenance-started:mnt/20260310T220000Z",
		"incident:soon",
		"update:soon/20260310T223100Z",
		"maintenance-ended:mnt/20260310T230000Z",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("clock events (-want +got):\n%s", diff)
	}
}

// TestDueNoticePublished: a notice with a publication time of its own is announced when it is
// posted, not when its change takes effect.
func TestDueNoticePublished(t *testing.T) {
	limits := mk("limits", incident.KindNotice, "2026-03-20T00:00:00Z")
	limits.Published = ts("2026-03-10T09:00:00Z")
	var fired []string
	for at := ts("2026-03-10T00:00:00Z"); at.Before(ts("2026-03-21T00:00:00Z")); at = at.Add(time.Hour) {
		for _, e := range Due([]*incident.Incident{limits}, at, at.Add(time.Hour)) {
			fired = append(fired, e.ID+" "+e.At.Format(time.RFC3339))
		}
	}
	if diff := cmp.Diff([]string{"notice:limits 2026-03-10T09:00:00Z"}, fired); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}
}

func TestDueByItselfOnly(t *testing.T) {
	// An update that starts or ends the work is its own event; the clock adds none.
	started := maintenance("a", "2026-03-10T22:00:00Z", "2026-03-10T23:00:00Z",
		update{"2026-03-10T21:58:00Z", "in_progress", "Starting early"})
	done := maintenance("b", "2026-03-10T22:00:00Z", "2026-03-10T23:00:00Z",
		update{"2026-03-10T22:40:00Z", "completed", "Done"})
	resolved := maintenance("c", "2026-03-10T22:00:00Z", "2026-03-10T23:00:00Z")
	resolved.Resolved = ts("2026-03-10T22:20:00Z")
	got := ids(Due([]*incident.Incident{started, done, resolved}, ts("2026-03-10T21:59:00Z"), ts("2026-03-11T00:00:00Z")))
	want := []string{
		"maintenance-started:b/20260310T220000Z",
		"maintenance-started:c/20260310T220000Z",
		"maintenance:b", // announced by nothing but its window
		"update:b/20260310T224000Z",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("clock events (-want +got):\n%s", diff)
	}
}

func TestDueSkipsHistory(t *testing.T) {
	// A server that was down for days does not announce the windows it missed.
	mnt := maintenance("mnt", "2026-03-10T22:00:00Z", "2026-03-10T23:00:00Z",
		update{"2026-03-01T12:00:00Z", "scheduled", "Planned"})
	if got := Due([]*incident.Incident{mnt}, ts("2026-03-09T00:00:00Z"), ts("2026-03-13T00:00:00Z")); len(got) != 0 {
		t.Errorf("Due after three days = %v, want nothing", ids(got))
	}
}

// TestDueLooksAtEnough holds Due, which looks only at incidents naming an instant in its
// interval, against the difference of whole snapshots, every three hours across the sample content.
func TestDueLooksAtEnough(t *testing.T) {
	cat := content.Load(os.DirFS("../../incidents"), content.Options{})
	if len(cat.Incidents) == 0 {
		t.Fatal("no sample content")
	}
	brute := func(from, to time.Time) []string {
		var out []Event
		for _, e := range fresh(byID(Snapshot(cat.Incidents, from)), Snapshot(cat.Incidents, to), to) {
			if !e.Edit {
				out = append(out, e)
			}
		}
		sortEvents(out)
		return ids(out)
	}
	var n int
	for at := ts("2025-06-01T00:00:00Z"); at.Before(ts("2027-01-01T00:00:00Z")); at = at.Add(3 * time.Hour) {
		want, got := brute(at, at.Add(3*time.Hour)), ids(Due(cat.Incidents, at, at.Add(3*time.Hour)))
		n += len(want)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("Due(%v, +3h) (-brute +got):\n%s", at, diff)
		}
	}
	if n == 0 {
		t.Error("no event in the whole sweep: the test checks nothing")
	}
}
