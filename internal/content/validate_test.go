package content

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"
)

// load reads a content directory made of files; site.yaml and a.md (goodIncident) are there unless
// files replaces them (an empty string removes a file).
func load(t *testing.T, files map[string]string, opt Options) *Catalog {
	t.Helper()
	fsys := fstest.MapFS{
		"site.yaml": {Data: []byte(siteYAML)},
		"a.md":      {Data: []byte(goodIncident)},
	}
	for name, data := range files {
		if data == "" {
			delete(fsys, name)
			continue
		}
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return Load(fsys, opt)
}

// fm wraps front matter lines into a file with a short body.
func fm(lines ...string) string {
	return "---\n" + strings.Join(lines, "\n") + "\n---\nBody.\n"
}

const (
	title   = "title: Something broke"
	started = "started: 2024-01-10T10:00:00+01:00"
)

func TestValidation(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		opt   Options
		want  []string
	}{
		{
			name:  "front matter not closed",
			files: map[string]string{"b.md": "---\ntitle: x\nstarted: 2024-01-10T10:00:00Z\n\nBody\n"},
			want:  []string{"b.md:1:1: error: the front matter opened here is never closed; add a line `---` after the last field"},
		},
		{
			name:  "no front matter",
			files: map[string]string{"b.md": "# Outage\n\nText\n"},
			want:  []string{"b.md:1:1: error: the file must start with front matter: a line `---`, the fields (at least `title:`), and another `---`"},
		},
		{
			name:  "yaml syntax error",
			files: map[string]string{"b.md": fm(title, started, "summary: [not closed")},
			want:  []string{"b.md:4:10: error: YAML syntax error: sequence end token ']' not found; check indentation and quote values that contain `: ` or start with a special character"},
		},
		{
			// goccy reads `     text` as more of the value `investigating` and put the error
			// at that value's start, a line early.
			name: "a key indented too deeply under updates",
			files: map[string]string{"b.md": fm(title, started, "components: {soap-api: major_outage}", "updates:",
				"  - at: 2024-01-10T10:30:00+01:00", "    status: investigating", "     text: Looking.")},
			want: []string{"b.md:8:6: error: YAML syntax error: mapping value is not allowed in this context; `text:` is indented more than the line above, so YAML reads it as more of that line's value; indent it as the keys beside it"},
		},
		{
			name:  "a key indented too deeply at the top",
			files: map[string]string{"b.md": fm(title, started, "summary: It broke", "    impact: major")},
			want:  []string{"b.md:5:5: error: YAML syntax error: mapping value is not allowed in this context; `impact:` is indented more than the line above, so YAML reads it as more of that line's value; indent it as the keys beside it"},
		},
		{
			name:  "front matter nested too deeply",
			files: map[string]string{"b.md": fm(title, started, "summary: "+strings.Repeat("[", 40))},
			want:  []string{"b.md:4:42: error: the YAML is nested more than 32 deep here; nest it less deeply"},
		},
		{
			name:  "a sequence nested too deeply on one line",
			files: map[string]string{"b.md": fm(title, started, "summary:", strings.Repeat("- ", 40)+"a")},
			want:  []string{"b.md:5:65: error: the YAML is nested more than 32 deep here; nest it less deeply"},
		},
		{
			name:  "tab indentation",
			files: map[string]string{"b.md": fm(title, started, "components:", "\tsoap-api: major_outage")},
			want:  []string{"b.md:5:1: error: YAML syntax error: found character '\\t' that cannot start any token; YAML does not allow tabs for indentation; indent with spaces"},
		},
		{
			name:  "misspelt field",
			files: map[string]string{"b.md": fm("titel: Something broke", started)},
			want: []string{
				"b.md:1:1: error: `title` is missing; every incident needs one, e.g. `title: SOAP API unavailable`",
				"b.md:2:1: error: unknown field `titel`; did you mean `title`?",
			},
		},
		{
			name:  "unknown field",
			files: map[string]string{"b.md": fm(title, started, "severity: high")},
			want:  []string{"b.md:4:1: error: unknown field `severity`; use one of title, lang, kind, impact, components, started, published, resolved, scheduled, summary, updates, source, source_hash"},
		},
		{
			name:  "an imported file's source and hash",
			files: map[string]string{"b.md": fm(title, started, "source: statuspage:p0abc123", "source_hash: "+strings.Repeat("0a", 32))},
		},
		{
			name:  "an empty source and a hash that is not one",
			files: map[string]string{"b.md": fm(title, started, "source: ''", "source_hash: 12ab")},
			want: []string{
				"b.md:4:9: error: `source` is empty; write for example `source: statuspage:p0abc123`",
				"b.md:5:14: error: `source_hash` `12ab` is not a SHA-256 in hexadecimal; `statuspress import` writes it, remove it if in doubt (the next import then leaves the file alone)",
			},
		},
		{
			name:  "field twice",
			files: map[string]string{"b.md": fm(title, started, "title: Again")},
			want:  []string{"b.md:4:1: error: `title` is given twice (first on line 2); keep one"},
		},
		{
			name:  "empty title",
			files: map[string]string{"b.md": fm("title:", started)},
			want:  []string{"b.md:2:1: error: `title` is empty; write for example `title: SOAP API unavailable`"},
		},
		{
			name:  "missing started",
			files: map[string]string{"b.md": fm(title)},
			want:  []string{"b.md:1:1: error: `started` is missing: when impact began, e.g. `started: 2024-01-10T10:00:00Z`"},
		},
		{
			name:  "kind outside the enum",
			files: map[string]string{"b.md": fm(title, started, "kind: outage")},
			want:  []string{"b.md:4:7: error: unknown kind `outage`; use one of incident, maintenance, notice"},
		},
		{
			name:  "kind misspelt",
			files: map[string]string{"b.md": fm(title, started, "kind: maintainance")},
			want: []string{
				"b.md:4:7: error: unknown kind `maintainance`; did you mean `maintenance`?",
			},
		},
		{
			name:  "impact outside the enum",
			files: map[string]string{"b.md": fm(title, started, "impact: huge")},
			want:  []string{"b.md:4:9: error: unknown impact `huge`; use one of none, minor, major, critical"},
		},
		{
			name:  "component status outside the enum",
			files: map[string]string{"b.md": fm(title, started, "components:", "  soap-api: down")},
			want:  []string{"b.md:5:13: error: unknown component status `down`; use one of operational, degraded_performance, partial_outage, major_outage, under_maintenance"},
		},
		{
			name:  "unknown component",
			files: map[string]string{"b.md": fm(title, started, "components: {soap-apy: major_outage}")},
			want:  []string{"b.md:4:14: error: unknown component `soap-apy`; did you mean `soap-api`?"},
		},
		{
			name:  "update status of another kind",
			files: map[string]string{"b.md": fm(title, started, "updates:", "  - at: 2024-01-10T11:00:00+01:00", "    status: completed", "    text: Done.")},
			want:  []string{"b.md:6:13: error: `completed` is not a status of an incident; use one of investigating, identified, monitoring, resolved"},
		},
		{
			name:  "update without status and text",
			files: map[string]string{"b.md": fm(title, started, "updates:", "  - at: 2024-01-10T11:00:00+01:00")},
			want: []string{
				"b.md:5:5: error: an update needs a `status`; use one of investigating, identified, monitoring, resolved",
				"b.md:5:5: error: an update needs a `text` saying what changed",
			},
		},
		{
			name:  "time without offset",
			files: map[string]string{"b.md": fm(title, "started: 2024-01-10 10:00")},
			want:  []string{"b.md:3:10: error: time `2024-01-10 10:00` has no UTC offset; write 2024-01-10T10:00:00Z"},
		},
		{
			name:  "time without offset suggests the language's zone",
			files: map[string]string{"b.md": fm(title, "lang: nl", "started: 2024-07-10T10:00:00")},
			want:  []string{"b.md:4:10: error: time `2024-07-10T10:00:00` has no UTC offset; write 2024-07-10T10:00:00+02:00"},
		},
		{
			name:  "unparseable time",
			files: map[string]string{"b.md": fm(title, "started: yesterday")},
			want:  []string{"b.md:3:10: error: `yesterday` is not a time; write it as RFC 3339 with a UTC offset, e.g. 2024-01-10T10:00:00Z"},
		},
		{
			name:  "resolved before started",
			files: map[string]string{"b.md": fm(title, started, "resolved: 2024-01-10T09:00:00+01:00")},
			want:  []string{"b.md:4:11: error: `resolved` (2024-01-10T09:00:00+01:00) is before `started` (2024-01-10T10:00:00+01:00); check the date and the offset"},
		},
		{
			name:  "maintenance window ends before it starts",
			files: map[string]string{"b.md": fm(title, "kind: maintenance", "scheduled: {start: 2024-01-10T10:00:00Z, end: 2024-01-10T08:00:00Z}")},
			want:  []string{"b.md:4:12: error: the maintenance window ends (2024-01-10T08:00:00Z) before it starts (2024-01-10T10:00:00Z)"},
		},
		{
			name:  "maintenance started after its window ended",
			files: map[string]string{"b.md": fm(title, "kind: maintenance", "scheduled: {start: 2024-01-10T10:00:00Z, end: 2024-01-10T12:00:00Z}", "started: 2024-01-11T10:30:00Z")},
			want:  []string{"b.md:5:10: warning: `started` (2024-01-11T10:30:00Z) is after the window's end (2024-01-10T12:00:00Z): the work cannot begin once its window has closed; correct the date, or move `scheduled` if the maintenance was put off"},
		},
		{
			name:  "maintenance started late within its window",
			files: map[string]string{"b.md": fm(title, "kind: maintenance", "scheduled: {start: 2024-01-10T10:00:00Z, end: 2024-01-10T12:00:00Z}", "started: 2024-01-10T11:59:00Z")},
		},
		{
			name:  "maintenance without window",
			files: map[string]string{"b.md": fm(title, "kind: maintenance")},
			want:  []string{"b.md:1:1: error: a maintenance needs its announced window, e.g. `scheduled: {start: 2024-01-10T10:00:00Z, end: 2024-01-10T12:00:00Z}`"},
		},
		{
			// Posted ahead of the change, or written up after it took effect: both are fine.
			name:  "notice published before or after it takes effect",
			files: map[string]string{"b.md": fm(title, "kind: notice", started, "published: 2024-01-03T09:00:00+01:00"), "c.md": fm(title, "kind: notice", started, "published: 2024-01-12T09:00:00Z")},
		},
		{
			name:  "published on an incident",
			files: map[string]string{"b.md": fm(title, started, "published: 2024-01-10T09:00:00+01:00")},
			want:  []string{"b.md:4:1: error: `published` is for notices; an incident is published when it starts or with its first update, whichever comes first: remove `published`"},
		},
		{
			name: "published on a maintenance",
			files: map[string]string{"b.md": fm(title, "kind: maintenance", "scheduled: {start: 2024-01-20T22:00:00Z, end: 2024-01-20T23:00:00Z}",
				"published: 2024-01-10T09:00:00Z")},
			want: []string{"b.md:5:1: error: `published` is for notices; a maintenance is published with its first update (its announcement): remove `published`"},
		},
		{
			name:  "published that is not a time",
			files: map[string]string{"b.md": fm(title, "kind: notice", started, "published: next week")},
			want:  []string{"b.md:5:12: error: `next week` is not a time; write it as RFC 3339 with a UTC offset, e.g. 2024-01-10T10:00:00Z"},
		},
		{
			name:  "notice with updates and resolved",
			files: map[string]string{"b.md": fm(title, "kind: notice", started, "resolved: 2024-01-11T10:00:00Z", "updates: []")},
			want: []string{
				"b.md:5:1: error: a notice is never resolved; remove `resolved`",
				"b.md:6:1: error: a notice has no timeline; remove `updates` or make it `kind: incident`",
			},
		},
		{
			name:  "two updates at the same time",
			files: map[string]string{"b.md": fm(title, started, "updates:", "  - {at: 2024-01-10T11:00:00+01:00, status: investigating, text: A}", "  - {at: 2024-01-10T10:00:00Z, status: identified, text: B}")},
			want:  []string{"b.md:6:6: error: two updates at 2024-01-10T10:00:00Z (the other on line 5); each update needs its own time, which is its permanent id"},
		},
		{
			name:  "language suffix that is not a language",
			files: map[string]string{"a.english.md": fm(title)},
			want:  []string{"a.english.md:1:1: error: `english` in the file name is not a language code; translations are named <slug>.<lang>.md: for lang, use one of en, nl, fr"},
		},
		{
			name:  "language not enabled",
			files: map[string]string{"a.de.md": fm(title)},
			want:  []string{"a.de.md:1:1: error: language `de` is not enabled in site.yaml (languages: en, nl, fr); add it there or remove the file"},
		},
		{
			name:  "lang field not supported",
			files: map[string]string{"b.md": fm(title, started, "lang: es")},
			want:  []string{"b.md:4:7: error: language `es` is not supported; use one of en, nl, fr, de"},
		},
		{
			name:  "translation without original",
			files: map[string]string{"c.nl.md": fm("title: Iets")},
			want:  []string{"c.nl.md:1:1: error: translation without an original: there is no c.md; add the original (in the site's default language or with `lang:`) or rename this file"},
		},
		{
			name:  "translation in the original's language",
			files: map[string]string{"b.md": fm(title, started, "lang: nl"), "b.nl.md": fm("title: Iets")},
			want:  []string{"b.nl.md:1:1: error: b.md is written in `nl` already (its `lang`); a translation must be in another language"},
		},
		{
			name:  "translation update matching no original update",
			files: map[string]string{"a.nl.md": fm("title: SOAP-API onbereikbaar", "updates:", "  - at: 2020-06-08T02:31:00+02:00", "    text: We kijken ernaar.")},
			want: []string{
				"a.nl.md:4:5: error: no update of the original is at 2020-06-08T02:31:00+02:00; a translated update repeats the original's `at` exactly (the original's are 2020-06-08T02:30:00+02:00, 2020-06-08T09:04:00+02:00)",
			},
		},
		{
			name:  "translation with a field of the original",
			files: map[string]string{"a.nl.md": fm("title: SOAP-API onbereikbaar", "started: 2020-06-08T02:04:00+02:00", "updates:", "  - {at: 2020-06-08T02:30:00+02:00, status: investigating, text: Kijken}")},
			want: []string{
				"a.nl.md:3:1: error: `started` belongs in the original; a translation carries only title, summary, updates and translation",
				"a.nl.md:5:37: error: `status` belongs in the original's update; a translation's update carries only `at` and `text`",
			},
		},
		{
			name:  "translation value unknown",
			files: map[string]string{"a.nl.md": fm("title: SOAP-API onbereikbaar", "translation: robot")},
			want:  []string{"a.nl.md:3:14: error: `translation: robot` is not known; write `translation: machine` for an automatic translation, or leave it out"},
		},
		{
			name:  "same slug twice",
			files: map[string]string{"sub/a.md": goodIncident},
			want:  []string{"sub/a.md:1:1: error: slug `a` is already used by a.md; slugs are unique site-wide (they are URLs and feed ids), so rename this file"},
		},
		{
			name:  "same slug as a bundle",
			files: map[string]string{"a/index.md": goodIncident},
			want:  []string{"a/index.md:1:1: error: slug `a` is already used by a.md; slugs are unique site-wide (they are URLs and feed ids), so rename this file"},
		},
		{
			name:  "invalid slug",
			files: map[string]string{"SOAP_outage.md": goodIncident},
			want:  []string{"SOAP_outage.md:1:1: error: `SOAP_outage` is not a valid slug: slugs are lower-case letters, digits and single hyphens, e.g. `soap-outage`; rename the file"},
		},
		{
			name:  "empty file",
			files: map[string]string{"b.md": "\n  \n"},
			want:  []string{"b.md:1:1: error: the file is empty; an incident needs front matter between `---` lines with at least a title"},
		},
		{
			name:  "invalid UTF-8",
			files: map[string]string{"b.md": "---\ntitle: caf\xe9\n---\n"},
			want:  []string{"b.md:2:11: error: the file is not valid UTF-8 (a byte here is not part of any character); save it as UTF-8"},
		},
		{
			name:  "control character",
			files: map[string]string{"b.md": fm(title, started) + "Ünïcode first, then a bell\a here\n"},
			want:  []string{"b.md:6:27: warning: holds the invisible control character U+0007 (pasted from a terminal or a document?); delete it: readers see nothing, or a box, and some feed readers reject it"},
		},
		{
			name:  "file above the size limit",
			files: map[string]string{"b.md": fm(title, started) + strings.Repeat("x", 2000)},
			opt:   Options{MaxFileSize: 1024},
			want: []string{
				"b.md:1:1: error: file is 2.0 KiB, more than the limit of 1.0 KiB; move large pictures into a bundle folder or split the text",
			},
		},
		{
			name:  "image outside the bundle and missing in it",
			files: map[string]string{"b.md": fm(title, started) + "\n![graph](graph.png)\n", "c/index.md": fm(title, started) + "\n![graph](grahp.png)\n", "c/graph.png": png},
			want: []string{
				"b.md:7:1: error: image `graph.png` is a file next to the Markdown, which only a bundle has: move the incident to <slug>/index.md and put `graph.png` beside it",
				"c/index.md:7:1: error: image `grahp.png` not found in this incident's folder; put the file beside index.md or fix the name (the folder has: graph.png)",
			},
		},
		{
			name:  "unsafe link in an update",
			files: map[string]string{"b.md": fm(title, started, "updates:", "  - at: 2024-01-10T11:00:00+01:00", "    status: investigating", "    text: |", "      See [this](javascript:alert(1)).")},
			want:  []string{"b.md:8:11: warning: link `javascript:alert(1)` removed: only http, https, mailto and tel links are published"},
		},
		{
			name: "site.yaml: unknown language, duplicate component, no default name",
			files: map[string]string{"site.yaml": `title: Example
base_url: https://status.example.com
default_language: en
languages: [en, es]
components:
  - id: api
    name: API
  - id: api
    name: API again
  - id: web
    name: {nl: Web}
`, "a.md": ""},
			want: []string{
				"site.yaml:4:17: error: language `es` is not supported; use one of en, nl, fr, de",
				"site.yaml:8:9: error: component id `api` is used twice; ids must be unique",
				"site.yaml:11:11: error: `name` has no text in the default language `en`; add `en: ...`",
				"site.yaml:11:12: error: `nl` in `name` is not one of the site's languages; use `en`, the only one",
			},
		},
		{
			name: "site.yaml: a group when none are declared",
			files: map[string]string{"site.yaml": `title: Example
base_url: https://status.example.com
default_language: en
languages: [en]
components:
  - id: api
    name: API
    group: apis
`, "a.md": ""},
			want: []string{"site.yaml:8:12: error: group `apis` is not declared under `groups`; site.yaml declares no groups: add it under `groups`, or remove `group` from this component"},
		},
		{
			name: "site.yaml: a group misspelt, and one far from any",
			files: map[string]string{"site.yaml": `title: Example
base_url: https://status.example.com
default_language: en
languages: [en]
groups:
  - id: apis
    name: APIs
  - id: web
    name: Web
components:
  - id: api
    name: API
    group: apsi
  - id: www
    name: WWW
    group: frontends
`, "a.md": ""},
			want: []string{
				"site.yaml:13:12: error: group `apsi` is not declared under `groups`; did you mean `apis`?",
				"site.yaml:16:12: error: group `frontends` is not declared under `groups`; use one of apis, web",
			},
		},
		{
			name: "a component when site.yaml declares none",
			files: map[string]string{"site.yaml": `title: Example
base_url: https://status.example.com
default_language: en
languages: [en]
components: []
`, "a.md": "", "b.md": fm(title, started, "components:", "  soap-api: major_outage")},
			want: []string{
				"b.md:5:3: error: unknown component `soap-api`; site.yaml declares no components: add it under `components` there",
				"site.yaml:1:6: error: site.yaml lacks `components`; add for example `components: [{id: api, name: API}]`",
			},
		},
		{
			name:  "site.yaml missing",
			files: map[string]string{"site.yaml": ""},
			want:  []string{"site.yaml:1:1: error: site.yaml is missing: the content directory needs one with the title, languages and components"},
		},
		{
			name:  "site.yaml broken does not bury the incidents",
			files: map[string]string{"site.yaml": "title: [x\n"},
			want:  []string{"site.yaml:1:8: error: YAML syntax error: sequence end token ']' not found; check indentation and quote values that contain `: ` or start with a special character"},
		},
		{
			name:  "site.yaml ending in a document start",
			files: map[string]string{"site.yaml": siteYAML + "---\n"},
			want:  []string{"site.yaml:17:1: error: a second YAML document starts here; front matter is one document between two `---` lines"},
		},
		{
			name:  "warning: resolved while the latest update is not",
			files: map[string]string{"b.md": fm(title, started, "resolved: 2024-01-10T12:00:00+01:00", "updates:", "  - {at: 2024-01-10T11:00:00+01:00, status: monitoring, text: Better}")},
			want:  []string{"b.md:4:11: warning: `resolved` is set but the latest update (2024-01-10T11:00:00+01:00) says `monitoring`; add an update with status resolved"},
		},
		{
			name:  "warning: resolved after the resolving update",
			files: map[string]string{"b.md": fm(title, started, "resolved: 2024-01-10T12:00:00+01:00", "updates:", "  - {at: 2024-01-10T11:00:00+01:00, status: resolved, text: Fixed}")},
			want:  []string{"b.md:4:11: warning: `resolved` (2024-01-10T12:00:00+01:00) is after the latest update (2024-01-10T11:00:00+01:00), which already says `resolved`; the page, the uptime bars, the feeds and the API end the incident at `resolved`: set `resolved: 2024-01-10T11:00:00+01:00` if it ended when the update says, or correct the update's time"},
		},
		{
			// Impact ended, then the update said so: the usual order, nothing to warn about.
			name:  "resolved before the resolving update",
			files: map[string]string{"b.md": fm(title, started, "resolved: 2024-01-10T11:00:00+01:00", "updates:", "  - {at: 2024-01-10T11:20:00+01:00, status: resolved, text: Fixed}")},
		},
		{
			name:  "warning: resolved update without resolved",
			files: map[string]string{"b.md": fm(title, started, "updates:", "  - {at: 2024-01-10T11:00:00+01:00, status: resolved, text: Fixed}")},
			want:  []string{"b.md:5:6: warning: the latest update says `resolved` but `resolved` is not set; taking the update's time, 2024-01-10T11:00:00+01:00: add `resolved: 2024-01-10T11:00:00+01:00` to say so"},
		},
		{
			name:  "warning: update before started",
			files: map[string]string{"b.md": fm(title, started, "updates:", "  - {at: 2024-01-10T09:00:00+01:00, status: investigating, text: Hm}")},
			want:  []string{"b.md:5:6: warning: update at 2024-01-10T09:00:00+01:00 is before `started` (2024-01-10T10:00:00+01:00); was the incident earlier, or is the offset wrong?"},
		},
		{
			name:  "warning: untranslated updates",
			files: map[string]string{"a.nl.md": fm("title: SOAP-API onbereikbaar")},
			want:  []string{"a.nl.md:2:1: warning: 2 of 2 updates are not translated; readers see them in the original language"},
		},
		{
			name:  "warning: one of two updates not translated",
			files: map[string]string{"a.nl.md": fm("title: SOAP-API onbereikbaar", "updates:", "  - at: 2020-06-08T02:30:00+02:00", "    text: We kijken ernaar.")},
			want:  []string{"a.nl.md:2:1: warning: 1 of 2 updates is not translated; readers see it in the original language"},
		},
		{
			name: "warning: the one update not translated",
			files: map[string]string{
				"b.md":    fm(title, started, "components: {soap-api: major_outage}", "updates:", "  - {at: 2024-01-10T10:30:00+01:00, status: investigating, text: Hm}"),
				"b.nl.md": fm("title: Iets ging stuk"),
			},
			want: []string{"b.nl.md:2:1: warning: the update is not translated; readers see it in the original language"},
		},
		{
			name: "warning: translation without summary or body",
			files: map[string]string{
				"b.md":    fm(title, started, "summary: It broke."),
				"b.nl.md": "---\ntitle: Iets ging stuk\n---\n",
			},
			want: []string{
				"b.nl.md:2:1: warning: the translation has no `summary`; readers see the original's, marked as not translated: add `summary:`",
				"b.nl.md:2:1: warning: the translation has no body; readers see the original's story, marked as not translated: translate it below the front matter",
			},
		},
		{
			name:  "warning: stray file",
			files: map[string]string{"notes.txt": "hello"},
			want:  []string{"notes.txt:1:1: warning: not used: only site.yaml and incident Markdown files are read; pictures belong in a bundle folder (<slug>/index.md with the picture beside it)"},
		},
		{
			name:  "byte-order mark and CRLF are fine",
			files: map[string]string{"b.md": "\xef\xbb\xbf---\r\ntitle: Something broke\r\nstarted: 2024-01-10T10:00:00+01:00\r\n---\r\n## Cause\r\n\r\nText.\r\n"},
		},
		{
			name:  "old Mac line endings (a carriage return alone) are fine",
			files: map[string]string{"b.md": "---\rtitle: Something broke\rstarted: 2024-01-10T10:00:00+01:00\r---\r## Cause\r\rText.\r"},
		},
		{
			// goccy/go-yaml counts a lone carriage return as a line; so must every position.
			name:  "a position after lone carriage returns counts them as lines",
			files: map[string]string{"b.md": "---\rtitle: Something broke\rstarted: 2024-01-10T10:00:00+01:00\rcomponents:\r\tsoap-api: major_outage\r---\r"},
			want:  []string{"b.md:5:1: error: YAML syntax error: found character '\\t' that cannot start any token; YAML does not allow tabs for indentation; indent with spaces"},
		},
		{
			name:  "hidden files, drafts and READMEs are not content",
			files: map[string]string{".git/config": "x", "_drafts/x.md": "nonsense", "README.md": "# Our incidents"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cat := load(t, tt.files, tt.opt)
			var got []string
			for _, p := range cat.Problems {
				got = append(got, p.String())
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}

func TestTranslationOlderThanOriginal(t *testing.T) {
	now := time.Date(2024, 1, 10, 12, 0, 0, 0, time.UTC)
	fsys := fstest.MapFS{
		"site.yaml": {Data: []byte(siteYAML)},
		"a.md":      {Data: []byte(goodIncident), ModTime: now},
		"a.nl.md": {Data: []byte(fm("title: SOAP-API onbereikbaar", "updates:",
			"  - {at: 2020-06-08T02:30:00+02:00, text: We kijken ernaar.}",
			"  - {at: 2020-06-08T09:04:00+02:00, text: Het werkt weer.}")), ModTime: now.Add(-time.Hour)},
	}
	got := Load(fsys, Options{}).Problems.String()
	want := "a.nl.md:1:1: warning: the original a.md was changed after this translation (2024-01-10T12:00:00Z, translation 2024-01-10T11:00:00Z); check that the translation still matches\n"
	if got != want {
		t.Errorf("problems:\n%s\nwant:\n%s", got, want)
	}
}

// TestGoodFilesSurviveBadNeighbours: a broken file stays out; everything else is still published.
func TestGoodFilesSurviveBadNeighbours(t *testing.T) {
	cat := load(t, map[string]string{
		"b.md":    fm("titel: x"),
		"c.md":    "",
		"d.md":    "---\ntitle: open",
		"e.nl.md": fm("title: wees"),
		"f.md":    fm(title, started, "lang: nl"),
		"f.fr.md": fm("title: Quelque chose", "kind: notice"),
	}, Options{})
	var slugs []string
	for _, in := range cat.Incidents {
		slugs = append(slugs, in.Slug)
	}
	if diff := cmp.Diff([]string{"f", "a"}, slugs); diff != "" {
		t.Errorf("incidents (-want +got):\n%s", diff)
	}
	f, _ := cat.Incident("f")
	if _, ok := f.Texts["fr"]; ok {
		t.Errorf("the broken French translation was attached")
	}
	if f.Texts["nl"] == nil {
		t.Errorf("the original lost its text")
	}
	if cat.Problems.Errors() != 6 {
		t.Errorf("got %d errors, want 6:\n%s", cat.Problems.Errors(), cat.Problems)
	}
}
