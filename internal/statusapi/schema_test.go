package statusapi_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"statuspress/internal/incident"
	"statuspress/internal/statusapi"
)

// schemaBase is where the schemas in testdata say they live ($id).
const schemaBase = "https://statuspress.dev/schema/statuspage-v2/"

// openAPIURL is the name the OpenAPI document is compiled under, so its component schemas can be
// compiled as openAPIURL#/components/schemas/<name>.
const openAPIURL = "https://statuspress.dev/api/v2/openapi.json"

// endpoints pairs each endpoint with the response it gives, the schema in testdata it must meet,
// and the schema of the OpenAPI document that describes it.
var endpoints = []struct {
	path, schema, openapi string
	build                 func(*statusapi.View) any
}{
	{"/api/v2/summary.json", "summary", "Summary", func(v *statusapi.View) any { return v.Summary() }},
	{"/api/v2/status.json", "status", "StatusResponse", func(v *statusapi.View) any { return v.StatusResponse() }},
	{"/api/v2/components.json", "components", "ComponentsResponse", func(v *statusapi.View) any { return v.ComponentsResponse() }},
	{"/api/v2/incidents.json", "incidents", "IncidentsResponse", func(v *statusapi.View) any { return v.IncidentsResponse() }},
	{"/api/v2/incidents/unresolved.json", "incidents-unresolved", "IncidentsResponse", func(v *statusapi.View) any { return v.UnresolvedResponse() }},
	{"/api/v2/scheduled-maintenances.json", "scheduled-maintenances", "MaintenancesResponse", func(v *statusapi.View) any { return v.MaintenancesResponse() }},
	{"/api/v2/scheduled-maintenances/upcoming.json", "scheduled-maintenances-upcoming", "MaintenancesResponse", func(v *statusapi.View) any { return v.UpcomingResponse() }},
	{"/api/v2/scheduled-maintenances/active.json", "scheduled-maintenances-active", "MaintenancesResponse", func(v *statusapi.View) any { return v.ActiveResponse() }},
}

// compileSchemas compiles every schema in testdata and the OpenAPI document's schemas.
func compileSchemas(t *testing.T) *jsonschema.Compiler {
	t.Helper()
	c := jsonschema.NewCompiler()
	files, err := filepath.Glob(filepath.Join("testdata", "*.schema.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no schemas in testdata (%v)", err)
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		addResource(t, c, schemaBase+filepath.Base(f), src)
	}
	addResource(t, c, openAPIURL, statusapi.OpenAPI)
	return c
}

func addResource(t *testing.T, c *jsonschema.Compiler, url string, src []byte) {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(src))
	if err != nil {
		t.Fatalf("%s: %v", url, err)
	}
	if err := c.AddResource(url, doc); err != nil {
		t.Fatalf("%s: %v", url, err)
	}
}

func mustCompile(t *testing.T, c *jsonschema.Compiler, url string) *jsonschema.Schema {
	t.Helper()
	s, err := c.Compile(url)
	if err != nil {
		t.Fatalf("compile %s: %v", url, err)
	}
	return s
}

// validate checks v, encoded as the server encodes it, against a schema.
func validate(t *testing.T, s *jsonschema.Schema, v any) {
	t.Helper()
	body, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Validate(doc); err != nil {
		t.Errorf("%v", err)
	}
}

// clocks are instants at which the sample content shows every kind of list: the fixed clock, the
// September mail server maintenance in progress and being verified, the SOAP outage going on, and
// the December database maintenance in progress.
var clocks = map[string]time.Time{
	"fixed":                 clock,
	"mail-upgrade-running":  time.Date(2026, 9, 12, 20, 30, 0, 0, time.UTC),
	"mail-upgrade-verified": time.Date(2026, 9, 12, 21, 20, 0, 0, time.UTC),
	"soap-outage":           time.Date(2026, 10, 6, 6, 0, 0, 0, time.UTC),
	"db-upgrade-running":    time.Date(2026, 12, 5, 21, 30, 0, 0, time.UTC),
	"before-everything":     time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC),
}

// TestSchemas validates every endpoint's answer, in every language and at every clock, against
// the JSON Schemas written from Statuspage's public shapes and against the OpenAPI document.
func TestSchemas(t *testing.T) {
	c := compileSchemas(t)
	cat := load(t)
	for _, ep := range endpoints {
		schema := mustCompile(t, c, schemaBase+ep.schema+".schema.json")
		openapi := mustCompile(t, c, openAPIURL+"#/components/schemas/"+ep.openapi)
		for name, now := range clocks {
			for _, lang := range cat.Site.Languages {
				t.Run(ep.path+"/"+name+"/"+lang, func(t *testing.T) {
					got := ep.build(view(t, cat, lang, now))
					validate(t, schema, got)
					validate(t, openapi, got)
				})
			}
		}
	}
}

// TestSchemasReject makes sure the schemas have teeth: answers with a wrong type, enum value or
// timestamp format, or a component key on a leaf, fail.
func TestSchemasReject(t *testing.T) {
	c := compileSchemas(t)
	summary := mustCompile(t, c, schemaBase+"summary.schema.json")
	good, err := json.Marshal(view(t, load(t), "en", clock).Summary())
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		change func(map[string]any)
	}{
		{"indicator", func(m map[string]any) { m["status"].(map[string]any)["indicator"] = "green" }},
		{"timestamp without milliseconds", func(m map[string]any) { m["page"].(map[string]any)["updated_at"] = "2026-11-23T11:45:00Z" }},
		{"extra key", func(m map[string]any) { m["page"].(map[string]any)["locale"] = "en" }},
		{"description missing", func(m map[string]any) {
			delete(m["components"].([]any)[1].(map[string]any), "description")
		}},
		{"children on a leaf", func(m map[string]any) { m["components"].([]any)[1].(map[string]any)["components"] = []any{} }},
		{"group without children", func(m map[string]any) { delete(m["components"].([]any)[0].(map[string]any), "components") }},
		{"resolved in unresolved", func(m map[string]any) { m["incidents"].([]any)[0].(map[string]any)["status"] = "resolved" }},
		{"HTML body", func(m map[string]any) {
			m["incidents"].([]any)[0].(map[string]any)["incident_updates"].([]any)[0].(map[string]any)["body"] = "<p>x</p>"
		}},
		{"maintenance status on an incident", func(m map[string]any) { m["incidents"].([]any)[0].(map[string]any)["status"] = "scheduled" }},
		{"incident status on a maintenance", func(m map[string]any) {
			m["scheduled_maintenances"].([]any)[0].(map[string]any)["status"] = "investigating"
		}},
		{"id", func(m map[string]any) { m["page"].(map[string]any)["id"] = "lumen-mail" }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var m map[string]any
			if err := json.Unmarshal(good, &m); err != nil {
				t.Fatal(err)
			}
			tc.change(m)
			body, _ := json.Marshal(m)
			doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			if summary.Validate(doc) == nil {
				t.Errorf("the summary schema accepts a summary with a bad %s", tc.name)
			}
		})
	}
}

// TestEmptySite: a site with no components and no incidents still answers every endpoint with
// empty lists, never null.
func TestEmptySite(t *testing.T) {
	c := compileSchemas(t)
	lc, err := messageCatalog()
	if err != nil {
		t.Fatal(err)
	}
	site := &incident.Site{
		Title: map[string]string{"en": "Empty"}, BaseURL: baseURL, DefaultLanguage: "en", Languages: []string{"en"},
	}
	v := statusapi.New(statusapi.Params{Site: site, Localizer: lc.Localizer("en", nil), Now: clock, BaseURL: baseURL})
	for _, ep := range endpoints {
		got := ep.build(v)
		validate(t, mustCompile(t, c, schemaBase+ep.schema+".schema.json"), got)
		body, _ := json.Marshal(got)
		if bytes.Contains(body, []byte(`":null`)) && ep.schema != "status" {
			t.Errorf("%s: %s", ep.path, body)
		}
	}
	if got := v.Status(); got.Indicator != "none" {
		t.Errorf("indicator %q, want none", got.Indicator)
	}
}
