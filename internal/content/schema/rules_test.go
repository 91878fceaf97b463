package schema_test

// The content rules live twice: in Go (the domain's lists in internal/incident, the loader in
// internal/content) and in the JSON Schemas that editors check files with. The tests below fail
// when one side gains a value, a field or a requirement that the other lacks.

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"statuspress/internal/content"
	"statuspress/internal/content/schema"
	"statuspress/internal/incident"
)

// jsonDoc parses a schema as plain JSON data.
func jsonDoc(t *testing.T, src []byte) map[string]any {
	t.Helper()
	var doc map[string]any
	if err := json.Unmarshal(src, &doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

// lookup follows path (object keys, or array indexes written as numbers) through a schema.
func lookup(t *testing.T, doc any, path ...string) any {
	t.Helper()
	v := doc
	for i, k := range path {
		switch x := v.(type) {
		case map[string]any:
			v = x[k]
		case []any:
			var n int
			if _, err := fmt.Sscan(k, &n); err != nil || n < 0 || n >= len(x) {
				t.Fatalf("schema: no %s", strings.Join(path[:i+1], "/"))
			}
			v = x[n]
		default:
			v = nil
		}
		if v == nil {
			t.Fatalf("schema: no %s", strings.Join(path[:i+1], "/"))
		}
	}
	return v
}

// enum returns the string values of the enum at path, in order; null stands for nothing (see
// TestComponentStatusesAgree).
func enum(t *testing.T, doc any, path ...string) []string {
	t.Helper()
	var out []string
	for _, v := range lookup(t, doc, append(path, "enum")...).([]any) {
		if s, ok := v.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// keys returns the names of the properties at path, sorted.
func keys(t *testing.T, doc any, path ...string) []string {
	t.Helper()
	var out []string
	for k := range lookup(t, doc, append(path, "properties")...).(map[string]any) {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// branch returns the index of the allOf branch of the incident schema for a kind.
func branch(t *testing.T, doc any, kind incident.Kind) string {
	t.Helper()
	for i, b := range lookup(t, doc, "allOf").([]any) {
		if c, _ := b.(map[string]any)["if"].(map[string]any)["properties"].(map[string]any)["kind"].(map[string]any)["const"].(string); c == string(kind) {
			return fmt.Sprint(i)
		}
	}
	t.Fatalf("schema: no allOf branch for kind %s", kind)
	return ""
}

func strs[T ~string](ws []T) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = string(w)
	}
	return out
}

func agree(t *testing.T, what string, goSide, schemaSide []string) {
	t.Helper()
	if diff := cmp.Diff(goSide, schemaSide); diff != "" {
		t.Errorf("%s (-go +schema):\n%s", what, diff)
	}
}

func TestEnumsAgree(t *testing.T) {
	in := jsonDoc(t, schema.Incident)
	agree(t, "kinds", strs(incident.Kinds), enum(t, in, "properties", "kind"))
	agree(t, "impacts", strs(incident.Impacts), enum(t, in, "properties", "impact"))
	var all []string
	for _, k := range incident.Kinds {
		statuses := strs(incident.UpdateStatuses(k))
		all = append(all, statuses...)
		if k == incident.KindNotice {
			// A notice has no lifecycle: the schema forbids its updates altogether.
			if len(statuses) != 0 {
				t.Errorf("notices have update statuses %v; the schema forbids their updates", statuses)
			}
			continue
		}
		agree(t, "update statuses of a "+string(k), statuses,
			enum(t, in, "allOf", branch(t, in, k), "then", "properties", "updates", "items", "properties", "status"))
	}
	agree(t, "update statuses", all, enum(t, in, "$defs", "update", "properties", "status"))
}

// TestComponentStatusesAgree: the statuses agree, and the schema's null (an empty value) is what
// the loader reads as under_maintenance in a maintenance and refuses elsewhere.
func TestComponentStatusesAgree(t *testing.T) {
	in := jsonDoc(t, schema.Incident)
	agree(t, "component statuses", strs(incident.ComponentStatuses), enum(t, in, "$defs", "componentStatus"))
	if !slices.Contains(lookup(t, in, "$defs", "componentStatus", "enum").([]any), nil) {
		t.Error("the schema's component statuses lack null, which a maintenance may give")
	}
	for _, tc := range []struct {
		kind string
		ok   bool
	}{
		{"kind: maintenance\nscheduled: {start: 2026-01-01T10:00:00Z, end: 2026-01-01T11:00:00Z}\n", true},
		{"started: 2026-01-01T10:00:00Z\n", false},
	} {
		fm := "title: A\n" + tc.kind + "components:\n  api:\n"
		if got := goErrors(t, fm); (len(got) == 0) != tc.ok {
			t.Errorf("the loader on an empty component status in\n%s\nerrors %q, want errors: %v", fm, got, !tc.ok)
		}
		if got := schemaErrors(t, compile(t).incident, fm); (len(got) == 0) != tc.ok {
			t.Errorf("the schema on an empty component status in\n%s\nerrors %q, want errors: %v", fm, got, !tc.ok)
		}
	}
}

func TestLanguagesAgree(t *testing.T) {
	want := incident.SupportedLanguages
	in, st := jsonDoc(t, schema.Incident), jsonDoc(t, schema.Site)
	agree(t, "incident languages", want, enum(t, in, "$defs", "lang"))
	agree(t, "site languages", want, enum(t, st, "$defs", "lang"))
	sorted := slices.Sorted(slices.Values(want))
	agree(t, "time zones by language", sorted, keys(t, st, "properties", "timezones"))
	agree(t, "texts by language", sorted, keys(t, st, "$defs", "langMap"))
	// default_language must be among languages: one rule a language.
	var defaults []string
	for _, b := range lookup(t, st, "allOf").([]any) {
		if c, ok := b.(map[string]any)["if"].(map[string]any)["properties"].(map[string]any)["default_language"].(map[string]any)["const"].(string); ok {
			defaults = append(defaults, c)
		}
	}
	agree(t, "default languages", want, defaults)
}

// The fixture the loader reads the probes with: every language, a group, two components.
const probeSite = `title: Probe
base_url: https://status.example.com
default_language: en
languages: [en, nl, fr, de]
groups:
  - id: apis
    name: APIs
components:
  - id: api
    name: API
    group: apis
  - id: db
    name: Database
`

// goProblems loads site.yaml and the files given, and returns the messages of their errors.
func goProblems(t *testing.T, files map[string]string) []string {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, body := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(body)}
	}
	var out []string
	for _, p := range content.Load(fsys, content.Options{}).Problems {
		if p.Severity == content.Error {
			out = append(out, p.Path+": "+p.Message)
		}
	}
	return out
}

// goErrors returns the loader's errors for an incident with the front matter fm.
func goErrors(t *testing.T, fm string) []string {
	t.Helper()
	return goProblems(t, map[string]string{"site.yaml": probeSite, "a.md": "---\n" + fm + "---\nBody.\n"})
}

// schemaErrors returns the schema's errors for the YAML document src.
func schemaErrors(t *testing.T, sch *jsonschema.Schema, src string) []string {
	t.Helper()
	doc, err := decode([]byte(src), 1)
	if err != nil {
		t.Fatalf("decode %q: %v", src, err)
	}
	if err := sch.Validate(doc.value); err != nil {
		return []string{err.Error()}
	}
	return nil
}

// unknown is a field no one will ever add, far from every real one, so the loader's message about
// it lists every field it knows rather than suggesting one.
const unknown = "zzzzzzzzzzzzzzzzzzzzzzzz"

// knownFields returns the fields the loader knows where the files hold the unknown field: its
// message about that field lists them ("use one of a, b, c").
func knownFields(t *testing.T, files map[string]string) []string {
	t.Helper()
	for _, m := range goProblems(t, files) {
		if !strings.Contains(m, "unknown field `"+unknown+"`") {
			continue
		}
		_, list, ok := strings.Cut(m, "use one of ")
		if !ok {
			t.Fatalf("the loader's message lists no fields: %s", m)
		}
		fields := strings.Split(list, ", ")
		slices.Sort(fields)
		return fields
	}
	t.Fatalf("the loader does not refuse the unknown field in %v", files)
	return nil
}

func TestKnownFieldsAgree(t *testing.T) {
	in, st := jsonDoc(t, schema.Incident), jsonDoc(t, schema.Site)
	incidentFile := func(fm string) map[string]string {
		return map[string]string{"site.yaml": probeSite, "a.md": "---\n" + fm + "---\nBody.\n"}
	}
	original := "title: A\nstarted: 2026-01-01T10:00:00Z\n"
	translation := func(fm string) map[string]string {
		files := incidentFile(original)
		files["a.nl.md"] = "---\n" + fm + "---\nTekst.\n"
		return files
	}
	siteFile := func(src string) map[string]string { return map[string]string{"site.yaml": src} }
	// The schema's top level also takes `translation`, which makes it check a translation.
	originalFields := slices.DeleteFunc(keys(t, in), func(k string) bool { return k == "translation" })
	for _, tc := range []struct {
		what   string
		files  map[string]string
		schema []string
	}{
		{"an original's front matter", incidentFile(original + unknown + ": 1\n"), originalFields},
		{"a translation's front matter", translation("title: B\n" + unknown + ": 1\n"), keys(t, in, "$defs", "translation")},
		{"an update", incidentFile(original + "updates:\n  - {at: 2026-01-01T10:00:00Z, status: investigating, text: A, " + unknown + ": 1}\n"),
			keys(t, in, "$defs", "update")},
		{"a translation's update", translation("updates:\n  - {at: 2026-01-01T10:00:00Z, text: B, " + unknown + ": 1}\n"),
			keys(t, in, "$defs", "translation", "properties", "updates", "items")},
		{"scheduled", incidentFile("title: A\nkind: maintenance\nscheduled: {start: 2026-01-01T10:00:00Z, end: 2026-01-01T11:00:00Z, " + unknown + ": 1}\n"),
			keys(t, in, "properties", "scheduled")},
		{"site.yaml", siteFile(probeSite + unknown + ": 1\n"), keys(t, st)},
		{"support", siteFile(probeSite + "support: {email: a@example.com, " + unknown + ": 1}\n"), keys(t, st, "properties", "support")},
		{"a group", siteFile(strings.Replace(probeSite, "name: APIs", "name: APIs\n    "+unknown+": 1", 1)), keys(t, st, "$defs", "group")},
		{"a component", siteFile(strings.Replace(probeSite, "name: API\n", "name: API\n    "+unknown+": 1\n", 1)), keys(t, st, "$defs", "component")},
	} {
		agree(t, "the fields of "+tc.what, knownFields(t, tc.files), tc.schema)
	}
}

// field is one entry of a YAML mapping, for documents that leave out one field at a time.
type field struct{ key, value string }

// without writes fields but key as a block mapping, or as a flow mapping ({a: 1, b: 2}).
func without(fields []field, key string, flow bool) string {
	var out []string
	for _, f := range fields {
		if f.key != key {
			out = append(out, f.key+": "+f.value)
		}
	}
	if flow {
		return "{" + strings.Join(out, ", ") + "}"
	}
	return strings.Join(out, "\n") + "\n"
}

// TestRequiredFieldsAgree leaves out one field at a time from complete files and checks that the
// loader and the schema accept or refuse the rest alike, but for the known differences, each
// with its reason; a known difference that disappears fails it too.
func TestRequiredFieldsAgree(t *testing.T) {
	s := compile(t)
	// A known difference: the document, the field left out, and the side that refuses the rest.
	type only struct{ doc, key, side string }
	known := map[only]bool{
		// The schema checks a translation written by a person as an original (only the file
		// name tells them apart, see the package doc), and a translation has no `started` and
		// updates of only `at` and, when translated, `text`.
		{"incident", "started", "go"}: true,
		{"notice", "started", "go"}:   true,
		{"update", "status", "go"}:    true,
		{"update", "text", "go"}:      true,
		// TestSite keeps a site.yaml without components valid for editors, while one is being
		// written; the loader needs at least one component to publish.
		{"site.yaml", "components", "go"}: true,
	}
	const siteHead = "title: Probe\nbase_url: https://status.example.com\ndefault_language: en\nlanguages: [en]\ngroups: [{id: apis, name: APIs}]\n"
	incidentDoc := func(src string) ([]string, []string) { return goErrors(t, src), schemaErrors(t, s.incident, src) }
	siteDoc := func(src string) ([]string, []string) {
		return goProblems(t, map[string]string{"site.yaml": src}), schemaErrors(t, s.site, src)
	}
	docs := []struct {
		name   string
		fields []field
		flow   bool
		check  func(rest string) (goErrs, schemaErrs []string)
	}{
		{"incident", []field{
			{"title", "A"},
			{"lang", "en"},
			{"kind", "incident"},
			{"impact", "major"},
			{"components", "{api: major_outage}"},
			{"started", "2026-01-01T10:00:00Z"},
			{"resolved", "2026-01-01T11:00:00Z"},
			{"summary", "S."},
			{"updates", "[{at: 2026-01-01T10:00:00Z, status: investigating, text: A, components: {api: partial_outage}}]"},
		}, false, incidentDoc},
		{"maintenance", []field{
			{"title", "A"},
			{"kind", "maintenance"},
			{"components", "{db: under_maintenance}"},
			{"started", "2026-01-01T10:05:00Z"},
			{"resolved", "2026-01-01T10:50:00Z"},
			{"scheduled", "{start: 2026-01-01T10:00:00Z, end: 2026-01-01T11:00:00Z}"},
			{"updates", "[{at: 2026-01-01T10:05:00Z, status: in_progress, text: A}]"},
		}, false, incidentDoc},
		{"notice", []field{
			{"title", "A"},
			{"kind", "notice"},
			{"components", "{api: operational}"},
			{"started", "2026-01-01T10:00:00Z"},
		}, false, incidentDoc},
		{"scheduled", []field{
			{"start", "2026-01-01T10:00:00Z"},
			{"end", "2026-01-01T11:00:00Z"},
		}, true, func(rest string) ([]string, []string) {
			return incidentDoc("title: A\nkind: maintenance\nscheduled: " + rest + "\n")
		}},
		{"update", []field{
			{"at", "2026-01-01T10:00:00Z"},
			{"status", "investigating"},
			{"text", "A"},
			{"components", "{api: partial_outage}"},
		}, true, func(rest string) ([]string, []string) {
			return incidentDoc("title: A\nstarted: 2026-01-01T10:00:00Z\nupdates: [" + rest + "]\n")
		}},
		{"site.yaml", []field{
			{"title", "Probe"},
			{"base_url", "https://status.example.com"},
			{"default_language", "en"},
			{"languages", "[en, nl]"},
			{"timezones", "{en: UTC, nl: Europe/Amsterdam}"},
			{"support", "{email: a@example.com, url: https://example.com/help}"},
			{"groups", "[{id: apis, name: APIs}]"},
			{"components", "[{id: api, name: API}]"},
		}, false, siteDoc},
		{"group", []field{
			{"id", "apis"},
			{"name", "APIs"},
		}, true, func(rest string) ([]string, []string) {
			return siteDoc(strings.Replace(siteHead, "[{id: apis, name: APIs}]", "["+rest+"]", 1) + "components: [{id: api, name: API}]\n")
		}},
		{"component", []field{
			{"id", "api"},
			{"name", "API"},
			{"description", "The API."},
			{"group", "apis"},
			{"position", "1"},
			{"hidden_unless_degraded", "false"},
			{"uptime", "true"},
		}, true, func(rest string) ([]string, []string) {
			return siteDoc(siteHead + "components: [" + rest + "]\n")
		}},
	}
	for _, d := range docs {
		for _, f := range append([]field{{}}, d.fields...) {
			goErrs, schemaErrs := d.check(without(d.fields, f.key, d.flow))
			name := d.name + " without " + f.key
			if f.key == "" {
				name = "complete " + d.name
				if len(goErrs) > 0 || len(schemaErrs) > 0 {
					t.Errorf("%s is refused:\n%s", name, strings.Join(append(goErrs, schemaErrs...), "\n"))
				}
				continue
			}
			side := ""
			switch {
			case len(goErrs) > 0 && len(schemaErrs) == 0:
				side = "go"
			case len(goErrs) == 0 && len(schemaErrs) > 0:
				side = "schema"
			}
			isKnown := known[only{d.name, f.key, side}]
			switch {
			case side == "" && (known[only{d.name, f.key, "go"}] || known[only{d.name, f.key, "schema"}]):
				t.Errorf("%s: the loader and the schema agree now; drop it from the known differences", name)
			case side == "go" && !isKnown:
				t.Errorf("%s: the loader refuses it, the schema accepts it:\n%s", name, strings.Join(goErrs, "\n"))
			case side == "schema" && !isKnown:
				t.Errorf("%s: the schema refuses it, the loader accepts it:\n%s", name, strings.Join(schemaErrs, "\n"))
			}
		}
	}
}
