package authoring

import (
	"strings"
	"testing"
	"time"

	"statuspress/internal/incident"
)

func TestDraftCheck(t *testing.T) {
	ams, _ := time.LoadLocation("Europe/Amsterdam")
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	ok := func() Draft {
		return Draft{Kind: incident.KindIncident, Title: "T", Lang: "en", Loc: time.UTC, Started: now, At: now,
			Status: incident.StatusInvestigating, Text: "x",
			Components: []incident.Affected{{Component: "rest-api", Status: incident.PartialOutage}}}
	}
	tests := []struct {
		name   string
		change func(*Draft)
		want   string
	}{
		{"valid", func(*Draft) {}, ""},
		{"no title", func(d *Draft) { d.Title = "  " }, "the title is empty"},
		{"two-line title", func(d *Draft) { d.Title = "a\nb" }, "one line"},
		{"no text", func(d *Draft) { d.Text = "\n \n" }, "needs the text of its first update"},
		{"notice without body", func(d *Draft) { d.Kind, d.Status, d.Text = incident.KindNotice, "", "" }, "a notice needs its text"},
		{"notice with status", func(d *Draft) { d.Kind = incident.KindNotice }, "a notice has no updates"},
		{"wrong status for kind", func(d *Draft) { d.Status = incident.StatusScheduled }, "`scheduled` is not a status of an incident"},
		{"impact on maintenance", func(d *Draft) {
			d.Kind, d.Status, d.Impact = incident.KindMaintenance, incident.StatusScheduled, incident.ImpactMinor
			d.Scheduled = incident.Window{Start: now, End: now.Add(time.Hour)}
		}, "only an incident has an impact"},
		{"maintenance without window", func(d *Draft) { d.Kind, d.Status = incident.KindMaintenance, incident.StatusScheduled }, "announced window"},
		{"window backwards", func(d *Draft) {
			d.Kind, d.Status, d.Loc = incident.KindMaintenance, incident.StatusScheduled, ams
			d.Scheduled = incident.Window{Start: now, End: now.Add(-time.Hour)}
		}, "ends (2026-11-23T10:00:00+01:00) before it starts (2026-11-23T11:00:00+01:00)"},
		{"started after the first update", func(d *Draft) { d.Started = now.Add(time.Hour) }, "starts (2026-11-23T11:00:00Z) after its first update"},
		{"control character", func(d *Draft) { d.Summary = "a\x00b" }, "the summary holds the control character U+0000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := ok()
			tt.change(&d)
			err := d.Check()
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("Check() = %v, want nil", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("Check() = %v, want an error saying %q", err, tt.want)
			}
		})
	}
}

// TestDraftRenderLoads renders drafts with awkward titles, summaries and texts and loads each.
func TestDraftRenderLoads(t *testing.T) {
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	titles := []string{"Errors: REST API", "#1 outage", "'quoted' \"both\"", "- dash", "true", "404", "L'API: 50% d'erreurs # oui", "@all [urgent] {x}"}
	for _, title := range titles {
		d := Draft{Kind: incident.KindIncident, Title: title, Lang: "en", Loc: time.UTC, Started: now, At: now,
			Status: incident.StatusResolved, Text: "Line one: yes\n\n## Cause\n\n- a\n- b", Summary: "Summary: " + title + "\n  over lines",
			Components: []incident.Affected{{Component: "rest-api", Status: incident.PartialOutage}}}
		data, err := d.Render()
		if err != nil {
			t.Fatal(err)
		}
		in := loadClean(t, "2026/x.md", data)
		if got := in.Original().Title; got != title {
			t.Errorf("title %q reads back as %q:\n%s", title, got, data)
		}
		if got, want := in.Original().Summary, "Summary: "+title+" over lines"; got != want {
			t.Errorf("summary reads back as %q, want %q", got, want)
		}
		if !in.Resolved.Equal(now) {
			t.Errorf("a draft whose first status is final is resolved at its time; got %v", in.Resolved)
		}
	}
}
