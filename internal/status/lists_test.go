package status

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"statuspress/internal/incident"
)

func TestVisible(t *testing.T) {
	in := &incident.Incident{
		Slug: "slow", Kind: incident.KindIncident, Lang: "nl", Started: ts("2025-03-10T10:00:00Z"),
		Updates: []incident.Update{
			{At: ts("2025-03-10T10:10:00Z"), Status: incident.StatusInvestigating},
			{At: ts("2025-03-10T12:30:00+01:00"), Status: incident.StatusIdentified},
			{At: ts("2025-03-10T12:00:00Z"), Status: incident.StatusResolved},
		},
		Texts: map[string]*incident.Text{
			"nl": {Lang: "nl", Title: "Traag", Updates: map[int64]string{
				ts("2025-03-10T10:10:00Z").UnixNano(): "we zoeken",
				ts("2025-03-10T11:30:00Z").UnixNano(): "gevonden",
				ts("2025-03-10T12:00:00Z").UnixNano(): "opgelost",
			}},
			"en": {Lang: "en", Updates: map[int64]string{ts("2025-03-10T10:10:00Z").UnixNano(): "looking"}},
		},
	}
	tests := []struct {
		at   string
		want []string
	}{
		{"2025-03-10T10:09:59Z", []string{}},
		{"2025-03-10T10:10:00Z", []string{"looking"}},
		// The second update is 11:30 UTC, written with an offset: instants are compared, not text.
		// English lacks its text, so the Dutch original's shows.
		{"2025-03-10T11:29:59Z", []string{"looking"}},
		{"2025-03-10T11:30:00Z", []string{"looking", "gevonden"}},
		{"2025-03-10T12:00:00Z", []string{"looking", "gevonden", "opgelost"}},
	}
	for _, tt := range tests {
		t.Run(tt.at, func(t *testing.T) {
			vis := Visible(in, ts(tt.at))
			// Visible is a prefix of Updates, so its indices reach the localized texts.
			got := []string{}
			for i := range vis {
				got = append(got, in.In("en").Updates[i].Text)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("visible update texts (-want +got):\n%s", diff)
			}
		})
	}
	if vis := Visible(in, ts("2025-03-10T11:00:00Z")); cap(vis) != len(vis) {
		t.Errorf("Visible leaves room to overwrite later updates: len %d cap %d", len(vis), cap(vis))
	}
}

func TestPublished(t *testing.T) {
	announced := ts("2025-03-03T09:00:00Z")
	tests := []struct {
		name string
		in   *incident.Incident
		at   string
		want bool
	}{
		{"notice before it takes effect", &incident.Incident{Kind: incident.KindNotice, Started: ts("2025-03-10T00:00:00Z")},
			"2025-03-09T23:59:59Z", false},
		{"notice once it takes effect", &incident.Incident{Kind: incident.KindNotice, Started: ts("2025-03-10T00:00:00Z")},
			"2025-03-10T00:00:00Z", true},
		{"notice posted ahead, before it is posted", &incident.Incident{Kind: incident.KindNotice, Started: ts("2025-03-10T00:00:00Z"), Published: ts("2025-03-03T09:00:00Z")},
			"2025-03-03T08:59:59Z", false},
		{"notice posted ahead, once posted", &incident.Incident{Kind: incident.KindNotice, Started: ts("2025-03-10T00:00:00Z"), Published: ts("2025-03-03T09:00:00Z")},
			"2025-03-03T09:00:00Z", true},
		{"notice written up later, once it took effect", &incident.Incident{Kind: incident.KindNotice, Started: ts("2025-03-10T00:00:00Z"), Published: ts("2025-03-12T09:00:00Z")},
			"2025-03-11T00:00:00Z", false},
		{"notice written up later, once posted", &incident.Incident{Kind: incident.KindNotice, Started: ts("2025-03-10T00:00:00Z"), Published: ts("2025-03-12T09:00:00Z")},
			"2025-03-12T09:00:00Z", true},
		{"incident before it started", &incident.Incident{Kind: incident.KindIncident, Started: ts("2025-03-10T10:00:00Z")},
			"2025-03-10T09:00:00Z", false},
		{"incident once started", &incident.Incident{Kind: incident.KindIncident, Started: ts("2025-03-10T10:00:00Z")},
			"2025-03-10T10:00:00Z", true},
		{"incident posted before its impact began", &incident.Incident{Kind: incident.KindIncident, Started: ts("2025-03-10T10:00:00Z"),
			Updates: []incident.Update{{At: ts("2025-03-10T09:30:00Z"), Status: incident.StatusInvestigating}}},
			"2025-03-10T09:45:00Z", true},
		{"maintenance without updates", maintenance10to12(), "2025-01-01T00:00:00Z", true},
		{"maintenance before its announcement", maintenance10to12(incident.Update{At: announced, Status: incident.StatusScheduled}),
			"2025-03-02T00:00:00Z", false},
		{"maintenance once announced", maintenance10to12(incident.Update{At: announced, Status: incident.StatusScheduled}),
			"2025-03-03T09:00:00Z", true},
		{"maintenance announced only afterwards, once its work began",
			maintenance10to12(incident.Update{At: ts("2025-03-11T09:00:00Z"), Status: incident.StatusCompleted}),
			"2025-03-10T10:00:00Z", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Published(tt.in, ts(tt.at)); got != tt.want {
				t.Errorf("Published = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestOngoing(t *testing.T) {
	incidents := []*incident.Incident{
		{Slug: "old", Kind: incident.KindIncident, Started: ts("2025-03-09T10:00:00Z")},
		{Slug: "b-new", Kind: incident.KindIncident, Started: ts("2025-03-10T10:00:00Z")},
		{Slug: "a-new", Kind: incident.KindIncident, Started: ts("2025-03-10T10:00:00Z")},
		{Slug: "mid", Kind: incident.KindIncident, Started: ts("2025-03-09T20:00:00Z")},
		{Slug: "over", Kind: incident.KindIncident, Started: ts("2025-03-10T09:00:00Z"), Resolved: ts("2025-03-10T10:00:00Z")},
		{Slug: "later", Kind: incident.KindIncident, Started: ts("2025-03-10T12:00:00Z")},
		maintenance10to12(),
	}
	want := []string{"a-new", "b-new", "mid", "old"}
	if diff := cmp.Diff(want, slugs(Ongoing(incidents, ts("2025-03-10T11:00:00Z")))); diff != "" {
		t.Errorf("Ongoing (-want +got):\n%s", diff)
	}
}

func TestMaintenanceLists(t *testing.T) {
	const (
		none       = ""
		upcoming   = "upcoming"
		inProgress = "in progress"
	)
	tests := []struct {
		name string
		in   *incident.Incident
		at   string
		want string
	}{
		{"announced, window ahead", maintenance10to12(), "2025-03-10T09:00:00Z", upcoming},
		{"announced by an update, window ahead", maintenance10to12(
			incident.Update{At: ts("2025-03-03T09:00:00Z"), Status: incident.StatusScheduled},
		), "2025-03-10T09:00:00Z", upcoming},
		{"announcement not posted yet", maintenance10to12(
			incident.Update{At: ts("2025-03-03T09:00:00Z"), Status: incident.StatusScheduled},
		), "2025-03-02T09:00:00Z", none},
		{"inside its window", maintenance10to12(), "2025-03-10T10:00:00Z", inProgress},
		{"started early", maintenance10to12(
			incident.Update{At: ts("2025-03-10T09:30:00Z"), Status: incident.StatusInProgress},
		), "2025-03-10T09:45:00Z", inProgress},
		{"cancelled before its window", maintenance10to12(
			incident.Update{At: ts("2025-03-03T09:00:00Z"), Status: incident.StatusScheduled},
			incident.Update{At: ts("2025-03-05T09:00:00Z"), Status: incident.StatusCompleted},
		), "2025-03-06T09:00:00Z", none},
		{"resolved before its window", func() *incident.Incident {
			in := maintenance10to12()
			in.Resolved = ts("2025-03-05T09:00:00Z")
			return in
		}(), "2025-03-06T09:00:00Z", none},
		{"window over", maintenance10to12(), "2025-03-10T12:00:00Z", none},
		{"overran", maintenance10to12(
			incident.Update{At: ts("2025-03-10T10:00:00Z"), Status: incident.StatusInProgress},
		), "2025-03-10T12:30:00Z", inProgress},
		{"completed early", maintenance10to12(
			incident.Update{At: ts("2025-03-10T11:00:00Z"), Status: incident.StatusCompleted},
		), "2025-03-10T11:30:00Z", none},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			at := ts(tt.at)
			list := []*incident.Incident{tt.in}
			got := none
			switch up, ip := Upcoming(list, at), InProgress(list, at); {
			case len(up) > 0 && len(ip) > 0:
				t.Fatalf("both upcoming and in progress")
			case len(up) > 0:
				got = upcoming
			case len(ip) > 0:
				got = inProgress
			}
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestUpcomingOrder(t *testing.T) {
	window := func(slug, start string) *incident.Incident {
		return &incident.Incident{Slug: slug, Kind: incident.KindMaintenance,
			Scheduled: incident.Window{Start: ts(start), End: ts(start).Add(time.Hour)}}
	}
	incidents := []*incident.Incident{
		window("far", "2025-04-01T10:00:00Z"),
		window("soon-b", "2025-03-11T10:00:00Z"),
		window("soon-a", "2025-03-11T10:00:00Z"),
		window("past", "2025-03-01T10:00:00Z"),
		{Slug: "incident", Kind: incident.KindIncident, Started: ts("2025-03-12T10:00:00Z")},
	}
	want := []string{"soon-a", "soon-b", "far"}
	if diff := cmp.Diff(want, slugs(Upcoming(incidents, ts("2025-03-10T11:00:00Z")))); diff != "" {
		t.Errorf("Upcoming (-want +got):\n%s", diff)
	}
}

func TestNotices(t *testing.T) {
	incidents := []*incident.Incident{
		{Slug: "pricing", Kind: incident.KindNotice, Started: ts("2025-02-01T00:00:00Z")},
		{Slug: "new-ui", Kind: incident.KindNotice, Started: ts("2025-03-01T00:00:00Z")},
		{Slug: "sunset", Kind: incident.KindNotice, Started: ts("2025-04-01T00:00:00Z")},
		{Slug: "outage", Kind: incident.KindIncident, Started: ts("2025-03-05T00:00:00Z")},
		// Posted on 5 March for 1 May: published, and the latest posted.
		{Slug: "limits", Kind: incident.KindNotice, Started: ts("2025-05-01T00:00:00Z"), Published: ts("2025-03-05T00:00:00Z")},
		// Took effect on 15 January, written up on 2 March: sorts by when it was posted.
		{Slug: "late", Kind: incident.KindNotice, Started: ts("2025-01-15T00:00:00Z"), Published: ts("2025-03-02T00:00:00Z")},
	}
	want := []string{"limits", "late", "new-ui", "pricing"}
	if diff := cmp.Diff(want, slugs(Notices(incidents, ts("2025-03-10T11:00:00Z")))); diff != "" {
		t.Errorf("Notices (-want +got):\n%s", diff)
	}
}
