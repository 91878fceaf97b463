package schema_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"

	"statuspress/internal/content/schema"
)

// contentDir is the content checked by TestSampleContent: the repository's sample site unless
// -content names another (go test ./internal/content/schema -run SampleContent -content DIR).
var contentDir = flag.String("content", "../../../incidents", "content directory to check against the schemas")

type schemas struct {
	incident, translation, site *jsonschema.Schema
}

// compile compiles the schemas with format assertions on, so impossible dates, relative URIs and
// malformed e-mail addresses are rejected too.
func compile(t *testing.T) schemas { return compileWith(t, true) }

// compileWith compiles the schemas; without format assertions "format" is only an annotation, as
// draft 2020-12 makes it by default and as many editors treat it.
func compileWith(t *testing.T, assertFormat bool) schemas {
	t.Helper()
	c := jsonschema.NewCompiler()
	if assertFormat {
		c.AssertFormat()
	}
	for url, src := range map[string][]byte{schema.IncidentURL: schema.Incident, schema.SiteURL: schema.Site} {
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(src))
		if err != nil {
			t.Fatalf("%s: %v", url, err)
		}
		if err := c.AddResource(url, doc); err != nil {
			t.Fatalf("%s: %v", url, err)
		}
	}
	var s schemas
	for _, x := range []struct {
		url string
		sch **jsonschema.Schema
	}{
		{schema.IncidentURL, &s.incident},
		{schema.IncidentTranslationURL, &s.translation},
		{schema.SiteURL, &s.site},
	} {
		sch, err := c.Compile(x.url)
		if err != nil {
			t.Fatalf("compile %s: %v", x.url, err)
		}
		*x.sch = sch
	}
	return s
}

// document is one YAML document ready for validation.
type document struct {
	// value is the document as JSON data: strings, json.Number, bool, nil, []any, map[string]any.
	value any
	// ast locates errors; line is the file line its first line is on.
	ast  *ast.File
	line int
}

// decode turns YAML into the JSON data model. Plain scalars that look like timestamps stay strings
// exactly as written (goccy/go-yaml decodes them so into any; TestDecodeKeepsScalars pins that),
// so the schema sees what the author typed; only an explicit !!timestamp tag yields a time.Time,
// which is written back as RFC 3339.
func decode(src []byte, line int) (document, error) {
	var v any
	if err := yaml.Unmarshal(src, &v); err != nil {
		return document{}, err
	}
	data, err := json.Marshal(jsonable(v))
	if err != nil {
		return document{}, err
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return document{}, err
	}
	f, err := parser.ParseBytes(src, 0)
	if err != nil {
		return document{}, err
	}
	return document{value: doc, ast: f, line: line}, nil
}

// jsonable makes a decoded YAML value encodable as JSON.
func jsonable(v any) any {
	switch v := v.(type) {
	case time.Time:
		return v.Format(time.RFC3339Nano)
	case map[string]any:
		m := make(map[string]any, len(v))
		for k, e := range v {
			m[k] = jsonable(e)
		}
		return m
	case map[any]any:
		m := make(map[string]any, len(v))
		for k, e := range v {
			m[fmt.Sprint(k)] = jsonable(e)
		}
		return m
	case []any:
		s := make([]any, len(v))
		for i, e := range v {
			s[i] = jsonable(e)
		}
		return s
	}
	return v
}

// frontMatter returns the YAML between a file's opening "---" line and the next "---" line, with
// the file line it starts on. A UTF-8 byte order mark and CRLF line endings are tolerated.
func frontMatter(src []byte) ([]byte, int, error) {
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	lines := strings.SplitAfter(string(src), "\n")
	if len(lines) == 0 || strings.TrimRight(lines[0], " \t\n") != "---" {
		return nil, 0, errors.New("no front matter: the first line must be ---")
	}
	var fm strings.Builder
	for _, l := range lines[1:] {
		if strings.TrimRight(l, " \t\n") == "---" {
			return []byte(fm.String()), 2, nil
		}
		fm.WriteString(l)
	}
	return nil, 0, errors.New("front matter not closed: no second --- line")
}

// validate checks doc against sch and returns one "file:line:col: message" per problem.
func validate(sch *jsonschema.Schema, name string, doc document) []string {
	err := sch.Validate(doc.value)
	if err == nil {
		return nil
	}
	var verr *jsonschema.ValidationError
	if !errors.As(err, &verr) {
		return []string{fmt.Sprintf("%s: %v", name, err)}
	}
	var out []string
	for _, leaf := range leaves(verr) {
		line, col := doc.position(leaf)
		out = append(out, fmt.Sprintf("%s:%d:%d: %v", name, line, col, leaf))
	}
	return out
}

// leaves returns the most specific errors of a validation error tree.
func leaves(e *jsonschema.ValidationError) []*jsonschema.ValidationError {
	if len(e.Causes) == 0 {
		return []*jsonschema.ValidationError{e}
	}
	var out []*jsonschema.ValidationError
	for _, c := range e.Causes {
		out = append(out, leaves(c)...)
	}
	return out
}

// position finds the key (or list item) an error is about in the YAML source; an unknown property
// is located at its own key.
func (d document) position(e *jsonschema.ValidationError) (line, col int) {
	loc := e.InstanceLocation
	if ap, ok := e.ErrorKind.(*kind.AdditionalProperties); ok && len(ap.Properties) > 0 {
		loc = append(loc[:len(loc):len(loc)], ap.Properties[0])
	}
	line, col = d.line, 1
	if len(d.ast.Docs) == 0 || d.ast.Docs[0].Body == nil {
		return line, col
	}
	node := d.ast.Docs[0].Body
	for _, tok := range loc {
		node = unwrap(node)
		var next ast.Node
		var at ast.Node
		switch n := node.(type) {
		case *ast.MappingNode:
			for _, mv := range n.Values {
				if mv.Key.GetToken().Value == tok {
					next, at = mv.Value, mv.Key
					break
				}
			}
		case *ast.MappingValueNode:
			if n.Key.GetToken().Value == tok {
				next, at = n.Value, n.Key
			}
		case *ast.SequenceNode:
			if i, err := strconv.Atoi(tok); err == nil && i >= 0 && i < len(n.Values) {
				next, at = n.Values[i], n.Values[i]
			}
		}
		if next == nil {
			break
		}
		p := at.GetToken().Position
		line, col = d.line+p.Line-1, p.Column
		node = next
	}
	return line, col
}

func unwrap(n ast.Node) ast.Node {
	for {
		switch v := n.(type) {
		case *ast.TagNode:
			n = v.Value
		case *ast.AnchorNode:
			n = v.Value
		case *ast.DocumentNode:
			n = v.Body
		default:
			return n
		}
	}
}

// translationFile matches <slug>.<lang>.md and index.<lang>.md, Hugo's translation file names.
var translationFile = regexp.MustCompile(`\.(en|nl|fr|de)\.md$`)

// checkSite validates a content directory: site.yaml against the site schema, every original's
// front matter against the incident schema and every translation's against its part of it.
func checkSite(t *testing.T, s schemas, dir string) {
	t.Helper()
	site, err := os.ReadFile(filepath.Join(dir, "site.yaml"))
	if err != nil {
		t.Errorf("site.yaml: %v", err)
	} else if doc, err := decode(site, 1); err != nil {
		t.Errorf("site.yaml: %v", err)
	} else {
		for _, p := range validate(s.site, "site.yaml", doc) {
			t.Error(p)
		}
	}

	files := 0
	err = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || filepath.Ext(path) != ".md" {
			return nil
		}
		rel, _ := filepath.Rel(dir, path)
		rel = filepath.ToSlash(rel)
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		files++
		fm, line, err := frontMatter(src)
		if err != nil {
			t.Errorf("%s: %v", rel, err)
			return nil
		}
		doc, err := decode(fm, line)
		if err != nil {
			// YAML positions count from the front matter's first line.
			t.Errorf("%s: front matter from line %d: %v", rel, line, err)
			return nil
		}
		sch := s.incident
		if translationFile.MatchString(rel) {
			sch = s.translation
		}
		for _, p := range validate(sch, rel, doc) {
			t.Error(p)
		}
		return nil
	})
	if err != nil {
		t.Error(err)
	}
	t.Logf("%s: checked site.yaml and %d Markdown files", dir, files)
}

func TestSampleContent(t *testing.T) {
	if _, err := os.Stat(*contentDir); errors.Is(err, fs.ErrNotExist) {
		t.Skipf("%s does not exist", *contentDir)
	}
	checkSite(t, compile(t), *contentDir)
}

// TestFixtureSite runs the same checks over a small site that uses every field, including an
// original with a byte order mark and CRLF line endings.
func TestFixtureSite(t *testing.T) {
	checkSite(t, compile(t), "testdata/site")
}

func TestDecodeKeepsScalars(t *testing.T) {
	doc, err := decode([]byte(`
a: 2020-06-08T02:04:00+02:00
b: 2024-01-10 10:00
c: 2024-01-10 10:00:00
d: 2024-01-10
e: !!timestamp 2020-06-08T02:04:00+02:00
f: 3
g:
`), 1)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]any{
		"a": "2020-06-08T02:04:00+02:00",
		"b": "2024-01-10 10:00",
		"c": "2024-01-10 10:00:00",
		"d": "2024-01-10",
		"e": "2020-06-08T02:04:00+02:00",
		"f": json.Number("3"),
		"g": nil,
	}
	if diff := cmp.Diff(want, doc.value); diff != "" {
		t.Errorf("decode (-want +got):\n%s", diff)
	}
}

func TestFrontMatter(t *testing.T) {
	for _, tc := range []struct {
		name, src, want string
		wantErr         bool
	}{
		{name: "plain", src: "---\ntitle: A\n---\nbody\n---\n", want: "title: A\n"},
		{name: "BOM and CRLF", src: "\ufeff---\r\ntitle: A\r\nlang: nl\r\n---\r\nbody\r\n", want: "title: A\nlang: nl\n"},
		{name: "empty", src: "---\n---\n", want: ""},
		{name: "no front matter", src: "# Title\n", wantErr: true},
		{name: "not closed", src: "---\ntitle: A\n", wantErr: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, _, err := frontMatter([]byte(tc.src))
			if (err != nil) != tc.wantErr {
				t.Fatalf("err = %v, want error %t", err, tc.wantErr)
			}
			if diff := cmp.Diff(tc.want, string(got)); diff != "" {
				t.Errorf("front matter (-want +got):\n%s", diff)
			}
		})
	}
}

// problem is where a rejection must be reported: the instance location (a JSON pointer) and the
// failing keyword.
type problem struct{ at, keyword string }

// problems lists every problem in a validation error tree, from the outermost keyword that failed
// down to the most specific.
func problems(err error) []problem {
	var verr *jsonschema.ValidationError
	if !errors.As(err, &verr) {
		return nil
	}
	var out []problem
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		at := ""
		for _, tok := range e.InstanceLocation {
			at += "/" + tok
		}
		keyword := strings.Join(e.ErrorKind.KeywordPath(), "/")
		if _, ok := e.ErrorKind.(*kind.Not); ok {
			keyword = "not" // kind.Not reports no keyword path
		}
		out = append(out, problem{at, keyword})
		for _, c := range e.Causes {
			walk(c)
		}
	}
	walk(verr)
	return out
}

type fixture struct {
	name string
	yaml string
	// want is one of the problems a rejection must report (see problems); zero for a fixture that
	// must pass.
	want problem
}

func run(t *testing.T, sch *jsonschema.Schema, fixtures []fixture) {
	t.Helper()
	for _, f := range fixtures {
		t.Run(f.name, func(t *testing.T) {
			doc, err := decode([]byte(f.yaml), 1)
			if err != nil {
				t.Fatalf("decode: %v", err)
			}
			err = sch.Validate(doc.value)
			if f.want == (problem{}) {
				if err != nil {
					t.Errorf("rejected, want accepted:\n%v", strings.Join(validate(sch, "fixture", doc), "\n"))
				}
				return
			}
			if err == nil {
				t.Fatalf("accepted, want rejected with %+v", f.want)
			}
			got := problems(err)
			for _, p := range got {
				if p == f.want {
					return
				}
			}
			t.Errorf("rejected for other reasons, want %+v among them:\n%v", f.want, err)
		})
	}
}

func TestIncident(t *testing.T) {
	run(t, compile(t).incident, []fixture{
		// Accepted.
		{name: "minimal incident", yaml: "title: Login slow\n"},
		{name: "full incident", yaml: `
title: SOAP API unavailable
lang: nl
kind: incident
impact: major
components:
  soap-api: major_outage
started: 2020-06-08T02:04:00+02:00
resolved: 2020-06-08T09:04:00+02:00
summary: One or two sentences.
updates:
  - at: 2020-06-08T14:30:00+02:00
    status: resolved
    text: |
      Markdown.
    components: {soap-api: operational}
  - at: 2020-06-08T02:30:00Z
    status: investigating
`},
		{name: "maintenance with null component", yaml: `
title: Database upgrade
kind: maintenance
components:
  database:
scheduled: {start: 2024-03-12T22:00:00+01:00, end: 2024-03-13T01:00:00+01:00}
updates:
  - at: 2024-03-12T22:00:00+01:00
    status: in_progress
    components: {database: ~}
`},
		{name: "notice", yaml: "title: New API limits\nkind: notice\nstarted: 2024-02-01T00:00:00.123Z\n"},
		{name: "notice published ahead", yaml: "title: New API limits\nkind: notice\nstarted: 2024-02-01T00:00:00Z\npublished: 2024-01-20T09:00:00+01:00\n"},
		{name: "machine translation", yaml: `
title: API SOAP indisponible
translation: machine
summary: Une ou deux phrases.
updates:
  - at: 2020-06-08T12:30:00Z
    text: Résolu.
`},
		{name: "machine translation without title", yaml: "translation: machine\nsummary: Traduit.\n"},
		{name: "human translation", yaml: `
title: SOAP-API nicht erreichbar
summary: Ein oder zwei Sätze.
updates:
  - at: 2020-06-08T14:30:00+02:00
    text: Behoben.
`},

		// Rejected.
		{name: "unknown field titel", yaml: "title: A\ntitel: B\n", want: problem{"", "additionalProperties"}},
		{name: "missing title", yaml: "kind: incident\n", want: problem{"", "required"}},
		{name: "empty title", yaml: "title: ''\n", want: problem{"/title", "minLength"}},
		{name: "empty front matter", yaml: "", want: problem{"", "type"}},
		{name: "kind outage", yaml: "title: A\nkind: outage\n", want: problem{"/kind", "enum"}},
		{name: "impact huge", yaml: "title: A\nimpact: huge\n", want: problem{"/impact", "enum"}},
		{name: "lang es", yaml: "title: A\nlang: es\n", want: problem{"/lang", "enum"}},
		{name: "timestamp with space and no offset", yaml: "title: A\nstarted: 2024-01-10 10:00\n", want: problem{"/started", "format"}},
		{name: "timestamp without offset", yaml: "title: A\nstarted: 2024-01-10T10:00:00\n", want: problem{"/started", "format"}},
		{name: "timestamp without seconds", yaml: "title: A\nresolved: 2024-01-10T10:00+01:00\n", want: problem{"/resolved", "format"}},
		{name: "date only", yaml: "title: A\nstarted: 2024-01-10\n", want: problem{"/started", "format"}},
		{name: "lower-case t", yaml: "title: A\nstarted: 2024-01-10t10:00:00z\n", want: problem{"/started", "pattern"}},
		{name: "impossible date", yaml: "title: A\nstarted: 2024-13-45T10:00:00Z\n", want: problem{"/started", "format"}},
		{name: "maintenance without scheduled", yaml: "title: A\nkind: maintenance\n", want: problem{"", "required"}},
		{name: "scheduled without end", yaml: "title: A\nkind: maintenance\nscheduled: {start: 2024-03-12T22:00:00Z}\n", want: problem{"/scheduled", "required"}},
		{name: "incident with scheduled", yaml: "title: A\nscheduled: {start: 2024-03-12T22:00:00Z, end: 2024-03-12T23:00:00Z}\n", want: problem{"", "not"}},
		{name: "notice with updates", yaml: "title: A\nkind: notice\nupdates:\n  - at: 2024-01-10T10:00:00Z\n    text: B\n", want: problem{"", "not"}},
		{name: "incident with published", yaml: "title: A\nstarted: 2024-01-10T10:00:00Z\npublished: 2024-01-10T10:00:00Z\n", want: problem{"", "not"}},
		{name: "maintenance with published", yaml: "title: A\nkind: maintenance\nscheduled: {start: 2024-03-12T22:00:00Z, end: 2024-03-12T23:00:00Z}\npublished: 2024-03-01T10:00:00Z\n", want: problem{"", "not"}},
		{name: "published without offset", yaml: "title: A\nkind: notice\npublished: 2024-01-10T10:00:00\n", want: problem{"/published", "format"}},
		{name: "notice with resolved", yaml: "title: A\nkind: notice\nresolved: 2024-01-10T10:00:00Z\n", want: problem{"", "not"}},
		{name: "incident update completed", yaml: "title: A\nkind: incident\nupdates:\n  - at: 2024-01-10T10:00:00Z\n    status: completed\n", want: problem{"/updates/0/status", "enum"}},
		{name: "default-kind update completed", yaml: "title: A\nupdates:\n  - at: 2024-01-10T10:00:00Z\n    status: completed\n", want: problem{"/updates/0/status", "enum"}},
		{name: "maintenance update resolved", yaml: "title: A\nkind: maintenance\nscheduled: {start: 2024-03-12T22:00:00Z, end: 2024-03-12T23:00:00Z}\nupdates:\n  - at: 2024-03-12T22:00:00Z\n    status: resolved\n", want: problem{"/updates/0/status", "enum"}},
		{name: "update status unknown", yaml: "title: A\nupdates:\n  - at: 2024-01-10T10:00:00Z\n    status: fixed\n", want: problem{"/updates/0/status", "enum"}},
		{name: "update without at", yaml: "title: A\nupdates:\n  - status: investigating\n", want: problem{"/updates/0", "required"}},
		{name: "update unknown field", yaml: "title: A\nupdates:\n  - at: 2024-01-10T10:00:00Z\n    body: B\n", want: problem{"/updates/0", "additionalProperties"}},
		{name: "component status down", yaml: "title: A\ncomponents:\n  soap-api: down\n", want: problem{"/components/soap-api", "enum"}},
		{name: "component id not a slug", yaml: "title: A\ncomponents:\n  SOAP_API: major_outage\n", want: problem{"/components", "additionalProperties"}},
		{name: "null component in incident", yaml: "title: A\ncomponents:\n  soap-api:\n", want: problem{"/components/soap-api", "type"}},
		{name: "null component in incident update", yaml: "title: A\nupdates:\n  - at: 2024-01-10T10:00:00Z\n    components: {soap-api: null}\n", want: problem{"/updates/0/components/soap-api", "type"}},
		{name: "translation other than machine", yaml: "title: A\ntranslation: human\n", want: problem{"/translation", "enum"}},
		{name: "machine translation with kind", yaml: "title: A\ntranslation: machine\nkind: incident\n", want: problem{"", "additionalProperties"}},
		{name: "machine translation update with status", yaml: "translation: machine\nupdates:\n  - at: 2024-01-10T10:00:00Z\n    status: resolved\n", want: problem{"/updates/0", "additionalProperties"}},
	})
}

// TestTimestampPattern checks that timestamps are held to RFC 3339 with seconds and an offset even
// by a validator that treats format as an annotation only.
func TestTimestampPattern(t *testing.T) {
	bad := problem{"/started", "pattern"}
	run(t, compileWith(t, false).incident, []fixture{
		{name: "offset", yaml: "title: A\nstarted: 2024-01-10T10:00:00+01:00\n"},
		{name: "Z and fraction", yaml: "title: A\nstarted: 2024-01-10T10:00:00.250Z\n"},
		{name: "quoted", yaml: "title: A\nstarted: '2024-01-10T10:00:00-05:00'\n"},
		{name: "space and no offset", yaml: "title: A\nstarted: 2024-01-10 10:00\n", want: bad},
		{name: "no offset", yaml: "title: A\nstarted: 2024-01-10T10:00:00\n", want: bad},
		{name: "no seconds", yaml: "title: A\nstarted: 2024-01-10T10:00+01:00\n", want: bad},
		{name: "date only", yaml: "title: A\nstarted: 2024-01-10\n", want: bad},
		{name: "offset without colon", yaml: "title: A\nstarted: 2024-01-10T10:00:00+0100\n", want: bad},
		{name: "lower-case t", yaml: "title: A\nstarted: 2024-01-10t10:00:00Z\n", want: bad},
	})
}

// TestTranslation checks the part of the incident schema used for translation files by name.
func TestTranslation(t *testing.T) {
	run(t, compile(t).translation, []fixture{
		{name: "human translation", yaml: "title: Panne\nupdates:\n  - at: 2024-01-10T10:00:00Z\n    text: Résolu.\n"},
		{name: "only a summary", yaml: "summary: Kurz.\n"},
		{name: "machine translation", yaml: "translation: machine\ntitle: Panne\n"},
		{name: "with lang", yaml: "title: Panne\nlang: fr\n", want: problem{"", "additionalProperties"}},
		{name: "with components", yaml: "title: Panne\ncomponents: {soap-api: major_outage}\n", want: problem{"", "additionalProperties"}},
		{name: "update with components", yaml: "updates:\n  - at: 2024-01-10T10:00:00Z\n    components: {soap-api: operational}\n", want: problem{"/updates/0", "additionalProperties"}},
		{name: "update without offset", yaml: "updates:\n  - at: 2024-01-10T10:00:00\n", want: problem{"/updates/0/at", "format"}},
	})
}

func TestSite(t *testing.T) {
	const minimal = "title: Status\nbase_url: https://status.example.com/\ndefault_language: en\nlanguages: [en]\n"
	run(t, compile(t).site, []fixture{
		{name: "minimal", yaml: minimal},
		{name: "full", yaml: `
title: {en: Example status, nl: Example storingen}
base_url: https://status.example.com/
default_language: nl
languages: [nl, en, fr, de]
timezones: {nl: Europe/Amsterdam, en: UTC, fr: Europe/Paris, de: America/Argentina/Buenos_Aires}
support: {email: support@example.com, url: https://example.com/support}
groups:
  - id: api
    name: {en: APIs, nl: API's}
components:
  - id: soap-api
    name: SOAP API
    description: {en: Legacy API., nl: Oude API.}
    group: api
    position: 1
    hidden_unless_degraded: false
    uptime: true
`},
		{name: "missing base_url", yaml: "title: Status\ndefault_language: en\nlanguages: [en]\n", want: problem{"", "required"}},
		{name: "unknown field", yaml: minimal + "colour: blue\n", want: problem{"", "additionalProperties"}},
		{name: "base_url relative", yaml: "title: Status\nbase_url: status.example.com\ndefault_language: en\nlanguages: [en]\n", want: problem{"/base_url", "format"}},
		{name: "base_url not http", yaml: "title: Status\nbase_url: ftp://status.example.com/\ndefault_language: en\nlanguages: [en]\n", want: problem{"/base_url", "pattern"}},
		{name: "default_language es", yaml: "title: Status\nbase_url: https://s.example.com/\ndefault_language: es\nlanguages: [en]\n", want: problem{"/default_language", "enum"}},
		{name: "default not among languages", yaml: "title: Status\nbase_url: https://s.example.com/\ndefault_language: nl\nlanguages: [en, fr]\n", want: problem{"/languages", "contains"}},
		{name: "languages repeated", yaml: "title: Status\nbase_url: https://s.example.com/\ndefault_language: en\nlanguages: [en, en]\n", want: problem{"/languages", "uniqueItems"}},
		{name: "languages empty", yaml: "title: Status\nbase_url: https://s.example.com/\ndefault_language: en\nlanguages: []\n", want: problem{"/languages", "minItems"}},
		{name: "language es", yaml: "title: Status\nbase_url: https://s.example.com/\ndefault_language: en\nlanguages: [en, es]\n", want: problem{"/languages/1", "enum"}},
		{name: "title in unknown language", yaml: "title: {en: Status, es: Estado}\nbase_url: https://s.example.com/\ndefault_language: en\nlanguages: [en]\n", want: problem{"/title", "additionalProperties"}},
		{name: "empty title", yaml: "title: {en: ''}\nbase_url: https://s.example.com/\ndefault_language: en\nlanguages: [en]\n", want: problem{"/title/en", "minLength"}},
		{name: "timezone for unknown language", yaml: minimal + "timezones: {es: Europe/Madrid}\n", want: problem{"/timezones", "additionalProperties"}},
		{name: "timezone not a zone name", yaml: minimal + "timezones: {en: +02:00}\n", want: problem{"/timezones/en", "pattern"}},
		{name: "support email invalid", yaml: minimal + "support: {email: support-at-example}\n", want: problem{"/support/email", "format"}},
		{name: "components empty", yaml: minimal + "components: []\n", want: problem{"/components", "minItems"}},
		{name: "component id not a slug", yaml: minimal + "components:\n  - id: SOAP API\n    name: SOAP\n", want: problem{"/components/0/id", "pattern"}},
		{name: "component without name", yaml: minimal + "components:\n  - id: soap\n", want: problem{"/components/0", "required"}},
		{name: "component position not integer", yaml: minimal + "components:\n  - id: soap\n    name: SOAP\n    position: first\n", want: problem{"/components/0/position", "type"}},
		{name: "group without id", yaml: minimal + "groups:\n  - name: APIs\n", want: problem{"/groups/0", "required"}},
	})
}

// TestPositions pins that problems are reported at the key they concern, in file lines.
func TestPositions(t *testing.T) {
	s := compile(t)
	src := "---\ntitle: A\nkind: incident\nupdates:\n  - at: 2024-01-10T10:00:00Z\n    status: completed\ntitel: B\n---\n"
	fm, line, err := frontMatter([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := decode(fm, line)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range validate(s.incident, "x.md", doc) {
		got = append(got, p[:strings.Index(p, ": ")])
	}
	want := []string{"x.md:7:1", "x.md:6:5"}
	if diff := cmp.Diff(want, got, cmpopts.SortSlices(func(a, b string) bool { return a < b })); diff != "" {
		t.Errorf("positions (-want +got):\n%s\nall: %q", diff, validate(s.incident, "x.md", doc))
	}
}
