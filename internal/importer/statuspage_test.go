package importer

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"statuspress/internal/incident"
)

func readDir(t *testing.T, dir string) []StatuspageDoc {
	t.Helper()
	docs, err := ReadStatuspageDir(os.DirFS(dir), dir)
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

func statuspagePage(t *testing.T, dir string) *Page {
	t.Helper()
	page, err := FromStatuspage(readDir(t, dir))
	if err != nil {
		t.Fatal(err)
	}
	return page
}

func TestStatuspageDirectory(t *testing.T) {
	page := statuspagePage(t, "testdata/statuspage/full")
	dir := filepath.Join(t.TempDir(), "incidents")
	plan, err := Prepare(page, dir, "en")
	if err != nil {
		t.Fatal(err)
	}
	if err := plan.Write(); err != nil {
		t.Fatal(err)
	}
	cat := noErrors(t, dir)
	want := map[string]Action{
		"site.yaml": Create,
		"2026/elevated-error-rates-on-the-eu-api-script-alert-title-script.md": Create,
		"2026/langsame-anmeldung-fur-nutzer-in-der-eu.md":                      Create,
		"2026/e-mail-notifications-delayed.md":                                 Create,
		"2027/database-upgrade.md":                                             Create,
		"2026/netzwerkwartung-in-frankfurt.md":                                 Create,
		"2026/certificate-rotation.md":                                         Create,
		"2026/storage-migration.md":                                            Create,
	}
	if diff := cmp.Diff(want, actions(plan)); diff != "" {
		t.Errorf("files (-want +got):\n%s", diff)
	}
	var ids []string
	for _, c := range cat.Site.Components {
		ids = append(ids, c.ID+"/"+c.Group)
	}
	if diff := cmp.Diff([]string{"eu/api", "us/api", "web-oberflache/"}, ids); diff != "" {
		t.Errorf("components (-want +got):\n%s", diff)
	}
	in, ok := cat.Incident("elevated-error-rates-on-the-eu-api-script-alert-title-script")
	if !ok {
		t.Fatal("the postmortem incident did not load")
	}
	if in.Resolved.IsZero() || in.Impact != incident.ImpactMajor || len(in.Updates) != 4 {
		t.Errorf("postmortem incident: resolved %v, impact %s, %d updates", in.Resolved, in.Impact, len(in.Updates))
	}
	if diff := cmp.Diff([]incident.Affected{{Component: "eu", Status: incident.PartialOutage}, {Component: "us", Status: incident.DegradedPerformance}}, in.Components); diff != "" {
		t.Errorf("the incident's first component statuses (-want +got):\n%s", diff)
	}
	// The update that repeats a status changes nothing; the resolving one sets eu operational.
	if got := in.Updates[3].Components; !slices.Equal(got, []incident.Affected{{Component: "eu", Status: incident.Operational}}) {
		t.Errorf("the resolving update's components are %v", got)
	}
	body := in.Texts["en"].Body
	for _, bad := range []string{"<script", "<div", "display:none\"><"} {
		if strings.Contains(body, bad) {
			t.Errorf("the postmortem holds %q: %s", bad, body)
		}
	}
	if !strings.Contains(body, "<code>&lt;b&gt;</code>") || !strings.Contains(body, "<h2") {
		t.Errorf("the postmortem's Markdown did not survive: %s", body)
	}
	// The offsets of the source are kept.
	src, _ := os.ReadFile(filepath.Join(dir, "2026/elevated-error-rates-on-the-eu-api-script-alert-title-script.md"))
	if !strings.Contains(string(src), "started: 2026-11-23T13:32:00+01:00") || !strings.Contains(string(src), "source: statuspage:inc0elevated") {
		t.Errorf("the file lost the source's offset or its source:\n%s", src)
	}
	m, _ := cat.Incident("storage-migration")
	if m.Kind != incident.KindMaintenance || m.Resolved.IsZero() || len(m.Updates) != 3 {
		t.Errorf("the completed maintenance: %+v", m)
	}

	// Again: nothing changes.
	again, err := Prepare(statuspagePage(t, "testdata/statuspage/full"), dir, "en")
	if err != nil {
		t.Fatal(err)
	}
	if ch := again.Changes(); len(ch) != 0 {
		t.Errorf("the second import writes %v", actions(again))
	}
}

func TestStatuspageMessy(t *testing.T) {
	page := statuspagePage(t, "testdata/statuspage/incidents-only")
	dir := t.TempDir()
	plan, err := Prepare(page, dir, "en")
	if err != nil {
		t.Fatal(err)
	}
	if err := plan.Write(); err != nil {
		t.Fatal(err)
	}
	noErrors(t, dir)
	var notes []string
	for _, n := range plan.Notes {
		notes = append(notes, n.String())
	}
	f := "testdata/statuspage/incidents-only/incidents.json"
	want := []string{
		"components: group_id: component \"Checkout\" is in group grp0unknown1, which the export does not describe; it is imported without a group",
		f + " (inc0messy001): affected_components: component \"Deleted component\" (cmp0gone0001) is not among the page's components; left out",
		f + " (inc0messy002): components: \"Checkout\" has no status in any update; taken as partial_outage from the impact",
		f + " (inc0messy001): updates: the update at 2026-04-30T10:00:00Z has no text; written as \"Investigating.\"",
		f + " (inc0messy001): updates: two updates at 2026-04-30T10:00:00Z; the later one is written at 2026-04-30T10:00:01Z, since an update's time is its id",
		f + " (inc0messy001): started: 2026-04-30T10:05:00Z is after the first update; started moved to 2026-04-30T10:00:00Z",
		f + " (inc0messy001): resolved: 2026-04-30T09:00:00Z is before the start, 2026-04-30T10:00:00Z; written as the start",
		f + " (inc0messy002): resolved: not set, but the latest update says resolved; taken from it, 2026-04-01T11:00:00Z",
		"Statuspage: url: \"not a url\" is not an absolute http or https URL; site.yaml's base_url is https://status.example.com, change it there",
		"Statuspage: time_zone: \"Mars/Olympus_Mons\" is not a time zone name this server knows; site.yaml says UTC, change it there",
	}
	if diff := cmp.Diff(want, notes); diff != "" {
		t.Errorf("notes (-want +got):\n%s", diff)
	}
	// The title "Checkout" is the component's name too, and slugs are unique among incidents only.
	if _, err := os.Stat(filepath.Join(dir, "2026", "checkout.md")); err != nil {
		t.Error(err)
	}
}

func TestStatuspageBadInput(t *testing.T) {
	full, err := os.ReadFile("testdata/statuspage/full/incidents.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, file, data, want string
	}{
		{"truncated", "incidents.json", string(full[:len(full)/2]), "incidents.json:"},
		{"truncated message", "incidents.json", string(full[:len(full)/2]), "the JSON ends early (a truncated download?); download it again"},
		{"not JSON", "incidents.json", "<html><body>Rate limited</body></html>", "incidents.json:1:1: not JSON"},
		{"other JSON", "incidents.json", `{"data": []}`, "incidents.json: this is not Statuspage's incidents.json: it lacks `page` or `incidents`"},
		{"wrong type", "components.json", `{"page": {}, "components": {"a": 1}}`, "components.json:1:29: `components` is a JSON object where Statuspage writes a list"},
		{"unknown status", "incidents.json", strings.Replace(string(full), `"status": "monitoring"`, `"status": "fixing"`, 1), "unknown update status `fixing` in an incident; Statuspage's are identified, investigating, monitoring, postmortem, resolved"},
		{"unknown impact", "incidents.json", strings.Replace(string(full), `"impact": "major"`, `"impact": "huge"`, 1), "incidents.json:16:158: unknown impact `huge`"},
		{"bad id", "incidents.json", strings.Replace(string(full), `"id": "inc0nocomps1"`, `"id": "../../etc"`, 1), "an incident's `id` \"../../etc\" is not a Statuspage id"},
		{"bad time", "incidents.json", strings.Replace(string(full), `"started_at": "2026-11-29T08:02:00.000+01:00"`, `"started_at": "yesterday"`, 1), "`started_at` \"yesterday\" is not a time"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, tc.file), []byte(tc.data), 0o644); err != nil {
				t.Fatal(err)
			}
			docs, err := ReadStatuspageDir(os.DirFS(dir), "x")
			if err == nil {
				_, err = FromStatuspage(docs)
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want an error with %q", err, tc.want)
			}
		})
	}
	if _, err := ReadStatuspageDir(os.DirFS(t.TempDir()), "empty"); err == nil || !strings.Contains(err.Error(), "empty holds none of") {
		t.Errorf("an empty directory: %v", err)
	}
	var e *Error
	_, err = FromStatuspage([]StatuspageDoc{{Name: "i.json", Kind: "incidents", Data: []byte(`{"page": {}, "incidents": [{"id": "a", "name": "A", "status": "nope"}]}`)}})
	if !errors.As(err, &e) || e.Line != 1 {
		t.Errorf("an unknown status is not an error with a line: %v", err)
	}
}
