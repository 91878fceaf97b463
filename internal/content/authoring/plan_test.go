package authoring

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"

	"statuspress/internal/content"
	"statuspress/internal/incident"
)

func sample(t *testing.T) (fstest.MapFS, *content.Catalog) {
	t.Helper()
	fsys := fstest.MapFS{}
	if err := copyInto(fsys, "../../../incidents"); err != nil {
		t.Fatal(err)
	}
	return fsys, content.Load(fsys, content.Options{})
}

func TestPlanUpdate(t *testing.T) {
	fsys, cat := sample(t)
	get := func(slug string) *incident.Incident {
		in, err := Find(fsys, cat, slug)
		if err != nil {
			t.Fatal(err)
		}
		return in
	}
	ams, _ := time.LoadLocation("Europe/Amsterdam")
	tests := []struct {
		name         string
		slug         string
		u            Update
		wantErr      string
		wantResolved bool
		wantAt       string
		wantNotes    int
	}{
		{name: "monitoring", slug: "rest-api-errors",
			u:      Update{At: time.Date(2026, 11, 23, 12, 30, 15, 999, time.UTC), Status: incident.StatusMonitoring, Text: "Still watching."},
			wantAt: "2026-11-23T12:30:15Z", wantNotes: 3},
		{name: "resolved sets resolved", slug: "rest-api-errors",
			u:      Update{At: time.Date(2026, 11, 23, 13, 0, 0, 0, time.UTC), Status: incident.StatusResolved, Text: "Fixed.", Components: []incident.Affected{{Component: "rest-api", Status: incident.Operational}}},
			wantAt: "2026-11-23T13:00:00Z", wantResolved: true, wantNotes: 3},
		{name: "maintenance", slug: "database-upgrade-december",
			u:      Update{At: time.Date(2026, 12, 5, 21, 0, 0, 0, time.UTC), Status: incident.StatusInProgress, Text: "Started."},
			wantAt: "2026-12-05T21:00:00Z", wantNotes: 2},
		{name: "time in the language's zone", slug: "soap-api-storing",
			u:      Update{At: time.Date(2026, 10, 7, 7, 0, 0, 0, time.UTC), Status: incident.StatusResolved, Text: "Alle aanroepen zijn opnieuw verwerkt."},
			wantAt: "2026-10-07T09:00:00+02:00", wantNotes: 1},
		// The file is in English, whose zone is UTC, though its author wrote CEST offsets.
		{name: "completed again keeps resolved", slug: "mail-server-upgrade-september",
			u:      Update{At: time.Date(2026, 9, 14, 9, 0, 0, 0, ams), Status: incident.StatusCompleted, Text: "A follow-up: all queued mail was delivered."},
			wantAt: "2026-09-14T07:00:00Z", wantNotes: 1},
		{name: "not after the latest", slug: "rest-api-errors",
			u:       Update{At: time.Date(2026, 11, 23, 11, 45, 0, 0, time.UTC), Status: incident.StatusMonitoring, Text: "x"},
			wantErr: "is not after the latest update's, 2026-11-23T11:45:00Z in 2026/rest-api-errors.md: the timeline is kept in time order"},
		{name: "reopening", slug: "soap-api-storing",
			u:       Update{At: time.Date(2026, 10, 7, 9, 0, 0, 0, ams), Status: incident.StatusMonitoring, Text: "x"},
			wantErr: "would reopen it: remove `resolved:`"},
		{name: "notice", slug: "api-fehlerbenachrichtigung",
			u:       Update{At: time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC), Status: incident.StatusResolved, Text: "x"},
			wantErr: "notices have no timeline"},
		{name: "status of the other kind", slug: "database-upgrade-december",
			u:       Update{At: time.Date(2026, 12, 5, 21, 0, 0, 0, time.UTC), Status: incident.StatusResolved, Text: "x"},
			wantErr: "not a status of a maintenance"},
		{name: "text with a warning", slug: "rest-api-errors",
			u:       Update{At: time.Date(2026, 11, 23, 13, 0, 0, 0, time.UTC), Status: incident.StatusMonitoring, Text: "# Big heading"},
			wantErr: "would not be published cleanly"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := get(tt.slug)
			plan, err := PlanUpdate(fsys, cat, in, tt.u)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want one saying %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if plan.Resolved != tt.wantResolved {
				t.Errorf("Resolved = %v, want %v", plan.Resolved, tt.wantResolved)
			}
			if !strings.Contains(string(plan.Data), "- at: "+tt.wantAt+"\n") {
				t.Errorf("the file lacks `- at: %s`:\n%s", tt.wantAt, plan.Data)
			}
			if len(plan.Notes) != tt.wantNotes {
				t.Errorf("notes:\n%s", plan.Notes)
			}
			for _, n := range plan.Notes {
				if !strings.Contains(n.Message, "not translated") {
					t.Errorf("unexpected note %s", n)
				}
			}
			if in.IsResolved() && !plan.Incident.Resolved.Equal(in.Resolved) {
				t.Errorf("resolved moved from %v to %v", in.Resolved, plan.Incident.Resolved)
			}
			if string(plan.Old) != string(fsys[in.Source].Data) {
				t.Error("Old is not the file as read")
			}
		})
	}
}

func TestPlanNew(t *testing.T) {
	fsys, cat := sample(t)
	now := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	d := Draft{Kind: incident.KindIncident, Title: "Webhooks delayed", Lang: "en", Loc: time.UTC, Started: now, At: now,
		Status: incident.StatusInvestigating, Text: "Webhooks arrive late.",
		Components: []incident.Affected{{Component: "webhooks", Status: incident.DegradedPerformance}}}
	plan, err := PlanNew(fsys, cat, d, "2026/webhooks-delayed.md")
	if err != nil {
		t.Fatal(err)
	}
	if plan.Incident.Slug != "webhooks-delayed" || plan.Old != nil || len(plan.Notes) != 0 {
		t.Errorf("plan %+v", plan)
	}

	tests := []struct{ name, rel, want string }{
		{"existing file", "2026/rest-api-errors.md", "already exists"},
		{"slug used elsewhere", "2027/rest-api-errors.md", "slug `rest-api-errors` is already used"},
		{"ignored folder", "_drafts/webhooks-delayed.md", "would not be read as incident"},
		{"inside a bundle", "2025/webhook-delays/webhooks-delayed.md", "not read as an incident: it lies inside the bundle folder"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := PlanNew(fsys, cat, d, tt.rel)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one saying %q", err, tt.want)
			}
		})
	}
}

func TestFind(t *testing.T) {
	fsys, _ := sample(t)
	fsys["2026/broken.md"] = &fstest.MapFile{Data: []byte("---\ntitel: x\n---\n")}
	cat := content.Load(fsys, content.Options{})
	if _, err := Find(fsys, cat, "rest-api-erors"); err == nil || !strings.Contains(err.Error(), "did you mean `rest-api-errors`?") {
		t.Errorf("typo: %v", err)
	}
	_, err := Find(fsys, cat, "broken")
	var pe *ProblemsError
	if !errors.As(err, &pe) || pe.Problems.Errors() == 0 {
		t.Errorf("broken file: %v", err)
	}
}

func TestParseComponents(t *testing.T) {
	var site incident.Site
	for _, id := range []string{"rest-api", "soap-api", "web-app"} {
		site.Components = append(site.Components, incident.Component{ID: id})
	}
	a := func(id string, s incident.ComponentStatus) incident.Affected {
		return incident.Affected{Component: id, Status: s}
	}
	tests := []struct {
		spec    string
		kind    incident.Kind
		want    []incident.Affected
		wantErr string
	}{
		{"rest-api:partial_outage, soap-api:major_outage", incident.KindIncident, []incident.Affected{a("rest-api", incident.PartialOutage), a("soap-api", incident.MajorOutage)}, ""},
		{"web-app,rest-api", incident.KindMaintenance, []incident.Affected{a("web-app", incident.UnderMaintenance), a("rest-api", incident.UnderMaintenance)}, ""},
		{"web-app:major_outage", incident.KindMaintenance, []incident.Affected{a("web-app", incident.MajorOutage)}, ""},
		{"rest-api", incident.KindNotice, []incident.Affected{a("rest-api", incident.Operational)}, ""},
		{"", incident.KindIncident, nil, ""},
		{"rest-api", incident.KindIncident, nil, "say how `rest-api` is affected, e.g. `rest-api:partial_outage`"},
		{"rest-apl:partial_outage", incident.KindIncident, nil, "unknown component `rest-apl`; did you mean `rest-api`?"},
		{"rest-api:partial", incident.KindIncident, nil, "`partial` is not a component status"},
		{"rest-api:partial_outgae", incident.KindIncident, nil, "did you mean `partial_outage`?"},
		{"rest-api:major_outage,rest-api:partial_outage", incident.KindIncident, nil, "named twice"},
	}
	for _, tt := range tests {
		got, err := ParseComponents(tt.spec, &site, tt.kind)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("ParseComponents(%q) error %v, want %q", tt.spec, err, tt.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseComponents(%q): %v", tt.spec, err)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("ParseComponents(%q) (-want +got):\n%s", tt.spec, diff)
		}
	}
}

func TestParseTime(t *testing.T) {
	ams, _ := time.LoadLocation("Europe/Amsterdam")
	if got, err := ParseTime("2026-12-05T22:00:00+01:00", ams); err != nil || !got.Equal(time.Date(2026, 12, 5, 21, 0, 0, 0, time.UTC)) {
		t.Errorf("ParseTime = %v, %v", got, err)
	}
	if _, err := ParseTime("2026-12-05 22:00", ams); err == nil || !strings.Contains(err.Error(), "no UTC offset; write 2026-12-05T22:00:00+01:00") {
		t.Errorf("no offset: %v", err)
	}
	if _, err := ParseTime("tomorrow", ams); err == nil || !strings.Contains(err.Error(), "is not a time") {
		t.Errorf("not a time: %v", err)
	}
}

func TestParseStatusKindImpact(t *testing.T) {
	if _, err := ParseStatus("resolvd", incident.KindIncident); err == nil || !strings.Contains(err.Error(), "did you mean `resolved`?") {
		t.Errorf("ParseStatus: %v", err)
	}
	if _, err := ParseKind("maintenace"); err == nil || !strings.Contains(err.Error(), "did you mean `maintenance`?") {
		t.Errorf("ParseKind: %v", err)
	}
	if _, err := ParseImpact("huge"); err == nil || !strings.Contains(err.Error(), "use one of none, minor, major, critical") {
		t.Errorf("ParseImpact: %v", err)
	}
}

// The hints of the command line say the valid words once, and something useful when there are
// none.
func TestParseMessages(t *testing.T) {
	errText := func(err error) string {
		if err == nil {
			return "<nil>"
		}
		return err.Error()
	}
	_, kindErr := ParseKind("outage")
	_, statusErr := ParseStatus("completed", incident.KindIncident)
	_, impactErr := ParseImpact("huge")
	_, compErr := ParseComponents("api:down", &incident.Site{Components: []incident.Component{{ID: "api"}}}, incident.KindIncident)
	_, noCompErr := ParseComponents("api:major_outage", &incident.Site{}, incident.KindIncident)
	_, findErr := Find(fstest.MapFS{}, &content.Catalog{}, "outage")
	got := []string{errText(kindErr), errText(statusErr), errText(impactErr), errText(compErr), errText(noCompErr), errText(findErr)}
	want := []string{
		"`outage` is not a kind; use one of incident, maintenance, notice",
		"`completed` is not a status of an incident; use one of investigating, identified, monitoring, resolved",
		"`huge` is not an impact; use one of none, minor, major, critical",
		"`down` is not a component status; use one of operational, degraded_performance, partial_outage, major_outage, under_maintenance",
		"unknown component `api`; site.yaml declares no components: add it under `components` there",
		"no incident `outage`; the site has no incidents yet: `statuspress new` writes one",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("messages (-want +got):\n%s", diff)
	}
}

// TestUpdateTime: an update written now takes the minute, unless the timeline has an update in
// that minute already; then the second, or the next free one. A latest update a minute or more
// ahead is not passed: PlanUpdate refuses it and says why.
func TestUpdateTime(t *testing.T) {
	at := func(h, m, s int) time.Time { return time.Date(2026, 11, 23, h, m, s, 0, time.UTC) }
	now := at(10, 30, 40).Add(300 * time.Millisecond)
	tests := []struct {
		name   string
		latest []time.Time
		want   time.Time
	}{
		{"no updates", nil, at(10, 30, 0)},
		{"latest in an earlier minute", []time.Time{at(10, 29, 59)}, at(10, 30, 0)},
		{"latest in this minute", []time.Time{at(10, 30, 0)}, at(10, 30, 40)},
		{"latest seconds ago", []time.Time{at(10, 30, 0), at(10, 30, 35)}, at(10, 30, 40)},
		{"latest in this second", []time.Time{at(10, 30, 40)}, at(10, 30, 41)},
		{"latest later in this minute", []time.Time{at(10, 30, 50)}, at(10, 30, 51)},
		{"latest in the next minute, after a burst", []time.Time{at(10, 31, 0)}, at(10, 31, 1)},
		{"latest a minute ahead", []time.Time{at(10, 31, 41)}, at(10, 30, 40)},
		{"latest tomorrow", []time.Time{at(10, 30, 0).AddDate(0, 0, 1)}, at(10, 30, 40)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := &incident.Incident{}
			for _, l := range tt.latest {
				in.Updates = append(in.Updates, incident.Update{At: l})
			}
			if got := UpdateTime(in, now); !got.Equal(tt.want) {
				t.Errorf("UpdateTime = %s, want %s", got.Format(time.RFC3339), tt.want.Format(time.RFC3339))
			}
		})
	}
}
