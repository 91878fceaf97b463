package importer

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"statuspress/internal/incident"
)

const cstateSite = "testdata/cstate/site"

func cstatePage(t *testing.T) *Page {
	t.Helper()
	page, err := FromCState(os.DirFS(cstateSite), cstateSite)
	if err != nil {
		t.Fatal(err)
	}
	return page
}

func TestCState(t *testing.T) {
	page := cstatePage(t)
	dir := filepath.Join(t.TempDir(), "incidents")
	plan, err := Prepare(page, dir, "en")
	if err != nil {
		t.Fatal(err)
	}
	if err := plan.Write(); err != nil {
		t.Fatal(err)
	}
	cat := noErrors(t, dir)
	var comps []string
	for _, c := range cat.Site.Components {
		comps = append(comps, c.ID+"/"+c.Group)
	}
	if diff := cmp.Diff([]string{"website/fahrgaste", "ticket-app/fahrgaste", "api/", "legacy-gateway/", "kiosk/"}, comps); diff != "" {
		t.Errorf("components (-want +got):\n%s", diff)
	}
	want := map[string]Action{
		"site.yaml":                                      Create,
		"2018/verbindungsprobleme-in-hamburg.md":         Create,
		"2024/api-unreachable.md":                        Create,
		"2024/maintenance-announcement.md":               Create,
		"2023/ticket-app-neue-version-4-2-anderungen.md": Create,
		"2021/website-slow.md":                           Create,
	}
	if diff := cmp.Diff(want, actions(plan)); diff != "" {
		t.Errorf("files (-want +got):\n%s", diff)
	}

	in, _ := cat.Incident("verbindungsprobleme-in-hamburg")
	var sts []incident.UpdateStatus
	for _, u := range in.Updates {
		sts = append(sts, u.Status)
	}
	if diff := cmp.Diff([]incident.UpdateStatus{"investigating", "monitoring", "resolved"}, sts); diff != "" {
		t.Errorf("the track shortcodes' statuses (-want +got):\n%s", diff)
	}
	if in.Impact != incident.ImpactMinor || !in.Resolved.Equal(at("2018-05-25T04:13:59Z")) {
		t.Errorf("impact %s, resolved %v", in.Impact, in.Resolved)
	}
	if !slices.Equal(in.Components, []incident.Affected{{Component: "api", Status: incident.PartialOutage}, {Component: "ticket-app", Status: incident.PartialOutage}}) {
		t.Errorf("components %v", in.Components)
	}
	if txt := in.Texts["en"].Updates[at("2018-05-25T04:40:00Z").UnixNano()]; !strings.Contains(txt, `<a href="https://dns.example/status?x=1&amp;y=2"`) || strings.Contains(txt, "Monitoring") {
		t.Errorf("the monitoring update: %s", txt)
	}

	down, _ := cat.Incident("api-unreachable")
	if !down.Resolved.IsZero() || down.Impact != incident.ImpactMajor || len(down.Updates) != 2 {
		t.Errorf("the ongoing issue: resolved %v, impact %s, %d updates", down.Resolved, down.Impact, len(down.Updates))
	}
	if body := down.Texts["en"].Body; strings.Contains(body, "<script") || strings.Contains(body, "<iframe") || !strings.Contains(body, "the story so far") {
		t.Errorf("the story: %s", body)
	}
	notice, _ := cat.Incident("maintenance-announcement")
	if notice.Kind != incident.KindNotice || !strings.Contains(notice.Texts["en"].Body, "midnight UTC") {
		t.Errorf("the informational post: %+v", notice)
	}
	table, _ := cat.Incident("ticket-app-neue-version-4-2-anderungen")
	if b := table.Texts["en"].Body; !strings.Contains(b, "<table>") || strings.Contains(b, "<div") {
		t.Errorf("the notice's story: %s", b)
	}

	var notes []string
	for _, n := range plan.Notes {
		notes = append(notes, n.String())
	}
	for _, want := range []string{
		"cState: languageCode: the source's texts are in `de`, and are imported as written in `en`; import with --lang de if that is their language",
		cstateSite + "/config.yml: params.categories: category \"Intern\" is untitled; its systems are imported without a group",
		cstateSite + "/content/issues/2022-01-01-draft.md: draft: a draft; not imported",
		cstateSite + "/content/issues/2023-04-16-notice.md: affected: \"Kiosk\" is not a system of config.yml; added as a component",
		cstateSite + "/content/issues/2023-04-16-notice.md: resolvedWhen: missing although resolved is true; taken as 2023-04-16T10:00:00Z",
		cstateSite + "/content/issues/2018-05-25-us-east-conn-issues.md: date: \"2018-05-25 04:13:00\" has no UTC offset; read as UTC, as cState's documentation has it",
		cstateSite + "/content/issues/2024-12-27-api-down.md: body: the update at 2024-12-27T09:45:00Z names no status (*Investigating* - ...); taken as investigating",
		cstateSite + "/content/issues/2024-12-27-api-down.md: pin: cState field with no counterpart in statuspress; not imported",
		cstateSite + "/content/issues/2021-06-01-no-timeline.md: resolved: 2021-06-01T11:00:00Z is before the start, 2021-06-01T12:00:00Z; written as the start",
	} {
		if !slices.Contains(notes, want) {
			t.Errorf("the summary lacks %q; it says:\n%s", want, strings.Join(notes, "\n"))
		}
	}

	again, err := Prepare(cstatePage(t), dir, "en")
	if err != nil {
		t.Fatal(err)
	}
	if ch := again.Changes(); len(ch) != 0 {
		t.Errorf("the second import writes %v", actions(again))
	}
}

func TestCStateBadInput(t *testing.T) {
	config, _ := os.ReadFile(filepath.Join(cstateSite, "config.yml"))
	issue := "---\ntitle: A\ndate: 2024-01-01 10:00:00\nseverity: down\n---\nBody\n"
	for _, tc := range []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"no config", map[string]string{"content/issues/a.md": issue}, "is not a cState site: it has no config.yml"},
		{"TOML config", map[string]string{"config.toml": "title = 'x'"}, "config.toml: the import reads a cState configuration written in YAML"},
		{"no systems", map[string]string{"config.yml": "title: X\n", "content/issues/a.md": issue}, "has no `params.systems` list"},
		{"no issues folder", map[string]string{"config.yml": string(config)}, "it has no content/issues folder"},
		{"broken config", map[string]string{"config.yml": "title: [unclosed\nparams:\n  systems: [A]\n", "content/issues/a.md": issue}, "config.yml:2:1: YAML syntax error"},
		{"broken front matter", map[string]string{"config.yml": string(config), "content/issues/a.md": "---\ntitle: A\ndate: 2024-01-01 10:00:00\nseverity: [down\n---\n"}, "content/issues/a.md:4:"},
		{"unclosed front matter", map[string]string{"config.yml": string(config), "content/issues/a.md": "---\ntitle: A\n"}, "content/issues/a.md:1:1: no front matter"},
		{"unknown severity", map[string]string{"config.yml": string(config), "content/issues/a.md": strings.Replace(issue, "severity: down", "severity: apocalyptic", 1)}, "content/issues/a.md:4:11: unknown severity `apocalyptic`; cState's are down, disrupted and notice"},
		{"bad date", map[string]string{"config.yml": string(config), "content/issues/a.md": strings.Replace(issue, "2024-01-01 10:00:00", "last Tuesday", 1)}, "content/issues/a.md:3:7: `date` \"last Tuesday\" is not a time"},
		{"bad track", map[string]string{"config.yml": string(config), "content/issues/a.md": issue + "\nx {{< track \"soon\" >}}\n"}, "content/issues/a.md:8:1: the track shortcode's time \"soon\" is not a time"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, data := range tc.files {
				p := filepath.Join(dir, filepath.FromSlash(name))
				os.MkdirAll(filepath.Dir(p), 0o755)
				if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			_, err := FromCState(os.DirFS(dir), "site")
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want an error with %q", err, tc.want)
			}
		})
	}
}
