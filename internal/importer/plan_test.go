package importer

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"statuspress/internal/content"
	"statuspress/internal/incident"
)

func at(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

// handPage is a page as a mapper makes it, with one of each kind.
func handPage() *Page {
	return &Page{
		Name: "Example Cloud", URL: "https://status.example.nl", TimeZone: "Europe/Amsterdam", From: "test",
		Groups:     []Group{{ID: "api", Name: "API"}},
		Components: []Component{{ID: "api-eu", Name: "API EU", Group: "api", Position: 1}, {ID: "web", Name: "Web", Position: 2}},
		Events: []Event{
			{
				Source: "test:inc1", File: "incidents.json", Kind: incident.KindIncident, Title: "Elevated errors <script>alert(1)</script>",
				Impact: incident.ImpactMajor, Components: []incident.Affected{{Component: "api-eu", Status: incident.PartialOutage}},
				Started: at("2026-11-23T13:32:00+01:00"), Resolved: at("2026-11-23T15:00:00+01:00"),
				Updates: []Update{
					{At: at("2026-11-23T13:40:00+01:00"), Status: incident.StatusInvestigating, Text: Plain("We look into it.\n<b>bold</b> & *stars*")},
					{At: at("2026-11-23T15:00:00+01:00"), Status: incident.StatusResolved, Text: "Fixed.", Components: []incident.Affected{{Component: "api-eu", Status: incident.Operational}}},
				},
				Body: Markdown("## Cause\n\nA rule. <img src=x onerror=alert(1)>"),
			},
			{
				Source: "test:mnt1", File: "scheduled-maintenances.json", Kind: incident.KindMaintenance, Title: "Database upgrade",
				Components: []incident.Affected{{Component: "web", Status: incident.UnderMaintenance}},
				Scheduled:  incident.Window{Start: at("2026-11-28T02:00:00+01:00"), End: at("2026-11-28T04:00:00+01:00")},
				Updates:    []Update{{At: at("2026-11-20T10:00:00+01:00"), Status: incident.StatusScheduled, Text: "Writes pause."}},
			},
		},
	}
}

func load(t *testing.T, dir string) *content.Catalog {
	t.Helper()
	fsys, err := content.OpenDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	return content.Load(fsys, content.Options{})
}

func noErrors(t *testing.T, dir string) *content.Catalog {
	t.Helper()
	cat := load(t, dir)
	if cat.Problems.Errors() > 0 {
		t.Fatalf("lint finds errors in the import:\n%s", cat.Problems)
	}
	return cat
}

func actions(p *Plan) map[string]Action {
	out := map[string]Action{}
	for _, f := range p.Files {
		out[f.Path] = f.Action
	}
	return out
}

func importInto(t *testing.T, page *Page, dir string) *Plan {
	t.Helper()
	page.Fix()
	plan, err := Prepare(page, dir, "en")
	if err != nil {
		t.Fatal(err)
	}
	if err := plan.Write(); err != nil {
		t.Fatal(err)
	}
	return plan
}

func TestImportNewDirectory(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "incidents")
	plan := importInto(t, handPage(), dir)
	want := map[string]Action{
		"site.yaml": Create,
		"2026/elevated-errors-script-alert-1-script.md": Create,
		"2026/database-upgrade.md":                      Create,
	}
	if diff := cmp.Diff(want, actions(plan)); diff != "" {
		t.Errorf("files (-want +got):\n%s", diff)
	}
	cat := noErrors(t, dir)
	if len(cat.Incidents) != 2 {
		t.Fatalf("%d incidents loaded, want 2", len(cat.Incidents))
	}
	in, _ := cat.Incident("elevated-errors-script-alert-1-script")
	text := in.Texts["en"]
	for _, bad := range []string{"<script", "<img", "<b>"} {
		if strings.Contains(text.Body, bad) || strings.Contains(text.Updates[at("2026-11-23T13:40:00+01:00").UnixNano()], bad) {
			t.Errorf("%q survived into the rendered incident: %q / %v", bad, text.Body, text.Updates)
		}
	}
	if got := text.Updates[at("2026-11-23T13:40:00+01:00").UnixNano()]; !strings.Contains(got, "&lt;b&gt;bold&lt;/b&gt; &amp; *stars*") || !strings.Contains(got, "<br") {
		t.Errorf("the update does not show its text as written, with its line break: %q", got)
	}
	if cat.Site.TimeZones["en"].String() != "Europe/Amsterdam" || cat.Site.Localize(cat.Site.Title, "en") != "Example Cloud" {
		t.Errorf("site.yaml: zone %v, title %q", cat.Site.TimeZones["en"], cat.Site.Title)
	}
}

func TestImportAgain(t *testing.T) {
	dir := t.TempDir()
	importInto(t, handPage(), dir)
	// The same source again: nothing to write.
	plan := importInto(t, handPage(), dir)
	if ch := plan.Changes(); len(ch) != 0 {
		t.Fatalf("a second import writes %d files, want none: %v", len(ch), actions(plan))
	}
	// Someone edits the incident; the source gets a new update for both events.
	edited := filepath.Join(dir, "2026", "elevated-errors-script-alert-1-script.md")
	b, err := os.ReadFile(edited)
	if err != nil {
		t.Fatal(err)
	}
	mine := strings.Replace(string(b), "## Cause", "## Root cause", 1)
	if err := os.WriteFile(edited, []byte(mine), 0o644); err != nil {
		t.Fatal(err)
	}
	page := handPage()
	for i := range page.Events {
		e := &page.Events[i]
		e.Updates = append(e.Updates, Update{At: at("2026-11-29T10:00:00+01:00"), Status: incident.UpdateStatuses(e.Kind)[3], Text: "Later."})
	}
	plan = importInto(t, page, dir)
	want := map[string]Action{
		"site.yaml": Unchanged,
		"2026/elevated-errors-script-alert-1-script.md": Skip,
		"2026/database-upgrade.md":                      Replace,
	}
	if diff := cmp.Diff(want, actions(plan)); diff != "" {
		t.Errorf("files (-want +got):\n%s", diff)
	}
	if got, _ := os.ReadFile(edited); string(got) != mine {
		t.Errorf("the edited file was rewritten")
	}
	cat := noErrors(t, dir)
	m, _ := cat.Incident("database-upgrade")
	if len(m.Updates) != 2 {
		t.Errorf("the maintenance has %d updates after the second import, want 2", len(m.Updates))
	}
}

func TestImportIntoSample(t *testing.T) {
	dir := t.TempDir()
	if err := copyTree(filepath.Join("..", "..", "incidents"), dir); err != nil {
		t.Fatal(err)
	}
	siteBefore, _ := os.ReadFile(filepath.Join(dir, "site.yaml"))
	beforeCat := load(t, dir)
	page := handPage()
	// A component the sample has already, by id, and a title the sample uses already.
	page.Components = append(page.Components, Component{ID: "soap-api", Name: "SOAP API"})
	page.Events[0].Components = append(page.Events[0].Components, incident.Affected{Component: "soap-api", Status: incident.MajorOutage})
	page.Events[1].Title = beforeCat.Incidents[0].Texts[beforeCat.Incidents[0].Lang].Title
	importInto(t, page, dir)
	cat := noErrors(t, dir)
	if len(cat.Incidents) != len(beforeCat.Incidents)+2 {
		t.Errorf("%d incidents, want %d", len(cat.Incidents), len(beforeCat.Incidents)+2)
	}
	siteAfter, _ := os.ReadFile(filepath.Join(dir, "site.yaml"))
	// The merge only inserts: every line of the old file is still there, in order.
	old, got := strings.Split(string(siteBefore), "\n"), strings.Split(string(siteAfter), "\n")
	i := 0
	for _, l := range got {
		if i < len(old) && l == old[i] {
			i++
		}
	}
	if i != len(old) {
		t.Errorf("site.yaml lost or reordered its line %d, %q, in the merge:\n%s", i+1, old[i], siteAfter)
	}
	for _, id := range []string{"api-eu", "web", "soap-api"} {
		if !slices.ContainsFunc(cat.Site.Components, func(c incident.Component) bool { return c.ID == id }) {
			t.Errorf("component %s is not in the merged site.yaml", id)
		}
	}
	if strings.Count(string(siteAfter), "id: soap-api") != 1 {
		t.Errorf("soap-api was added a second time")
	}
}

func TestImportRefusesWhatLintRefuses(t *testing.T) {
	dir := t.TempDir()
	importInto(t, handPage(), dir)
	before, _ := os.ReadFile(filepath.Join(dir, "site.yaml"))
	page := handPage()
	page.Events = append(page.Events, Event{Source: "test:bad", File: "x.json", Kind: incident.KindIncident, Title: "Bad status",
		Started: at("2026-12-01T10:00:00Z"),
		Updates: []Update{{At: at("2026-12-01T10:00:00Z"), Status: "fixed", Text: "x"}}})
	page.Components = append(page.Components, Component{ID: "new-one", Name: "New one"})
	page.Fix()
	_, err := Prepare(page, dir, "en")
	var pe *ProblemsError
	if !errors.As(err, &pe) || !strings.Contains(err.Error(), "2026/bad-status.md:") || !strings.Contains(err.Error(), "`fixed`") {
		t.Fatalf("got %v, want the lint problem of the bad file", err)
	}
	if after, _ := os.ReadFile(filepath.Join(dir, "site.yaml")); string(after) != string(before) {
		t.Errorf("site.yaml changed although the import was refused")
	}
}

// TestHostileText: control characters (a terminal escape) and bytes that are not UTF-8 are left
// out, and said so; the file still passes lint.
func TestHostileText(t *testing.T) {
	page := handPage()
	page.Events[0].Title = "Outage \x1b[31mred\x1b[0m \xff"
	page.Events[0].Updates[0].Text = "bell\a and \u2028 separator"
	dir := t.TempDir()
	plan := importInto(t, page, dir)
	noErrors(t, dir)
	var notes []string
	for _, n := range plan.Notes {
		notes = append(notes, n.String())
	}
	for _, want := range []string{
		"incidents.json: title: held control characters or bytes that are not UTF-8; they are left out",
		"incidents.json: updates: the update at 2026-11-23T13:40:00+01:00 held control characters or bytes that are not UTF-8; they are left out",
	} {
		if !slices.Contains(notes, want) {
			t.Errorf("no note %q in:\n%s", want, strings.Join(notes, "\n"))
		}
	}
}

// TestMergeCRLF: a site.yaml written with CRLF keeps them, on the added lines too.
func TestMergeCRLF(t *testing.T) {
	src := "# comment\r\ntitle: X\r\ncomponents:\r\n  - id: a\r\n    name: A\r\n\r\n# about the zones\r\ntimezones: {en: UTC}\r\n"
	got, err := mergeSite([]byte(src), nil, []Component{{ID: "b", Name: "B"}})
	if err != nil {
		t.Fatal(err)
	}
	want := "# comment\r\ntitle: X\r\ncomponents:\r\n  - id: a\r\n    name: A\r\n  - id: b\r\n    name: B\r\n\r\n# about the zones\r\ntimezones: {en: UTC}\r\n"
	if diff := cmp.Diff(want, string(got)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if _, err := mergeSite([]byte("title: X\ncomponents: [{id: a, name: A}]\n"), nil, []Component{{ID: "b", Name: "B"}}); err == nil || !strings.Contains(err.Error(), "site.yaml:2:1: `components` is not a list written one `- ` entry a line") {
		t.Errorf("a flow list: %v", err)
	}
	got, err = mergeSite([]byte("title: X\ncomponents:\n- id: a\n  name: A\n"), []Group{{ID: "g", Name: "G"}}, []Component{{ID: "b", Name: "B", Group: "g"}})
	if err != nil {
		t.Fatal(err)
	}
	if want := "title: X\ncomponents:\n- id: a\n  name: A\n- id: b\n  name: B\n  group: g\n\ngroups:\n  - id: g\n    name: G\n"; string(got) != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestSourceOf(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"---\ntitle: A\nsource: statuspage:abc\n---\n", "statuspage:abc"},
		{"---\r\ntitle: A\r\nsource: 'cstate:issues/a b: c.md'\r\n---\r\n", "cstate:issues/a b: c.md"},
		{"---\ntitle: A\nsource: \"cstate:issues/\\\"q\\\".md\"\n---\n", `cstate:issues/"q".md`},
		{"---\ntitle: A\n---\nsource: in the body\n", ""},
		{"no front matter\nsource: x\n", ""},
	} {
		if got := SourceOf([]byte(tc.in)); got != tc.want {
			t.Errorf("SourceOf(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestImportRefusesAForeignDirectory(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o644)
	page := handPage()
	page.Fix()
	if _, err := Prepare(page, dir, "en"); err == nil || !strings.Contains(err.Error(), "holds files but no site.yaml") {
		t.Errorf("got %v", err)
	}
	if _, err := Prepare(page, filepath.Join(dir, "notes.txt"), "en"); err == nil || !strings.Contains(err.Error(), "is not a directory") {
		t.Errorf("a file as the directory: %v", err)
	}
	if _, err := Prepare(page, t.TempDir(), "xx"); err == nil || !strings.Contains(err.Error(), "--lang xx") {
		t.Errorf("an unknown language: %v", err)
	}
}
