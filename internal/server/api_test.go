package server_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"statuspress/internal/locale"
	"statuspress/internal/statusapi"
	"statuspress/internal/testsupport"
)

// apiEndpoints are the Statuspage-compatible endpoints and the schema in
// internal/statusapi/testdata that each answer must meet.
var apiEndpoints = []struct{ path, schema string }{
	{"/api/v2/summary.json", "summary"},
	{"/api/v2/status.json", "status"},
	{"/api/v2/components.json", "components"},
	{"/api/v2/incidents.json", "incidents"},
	{"/api/v2/incidents/unresolved.json", "incidents-unresolved"},
	{"/api/v2/scheduled-maintenances.json", "scheduled-maintenances"},
	{"/api/v2/scheduled-maintenances/upcoming.json", "scheduled-maintenances-upcoming"},
	{"/api/v2/scheduled-maintenances/active.json", "scheduled-maintenances-active"},
}

const schemaBase = "https://statuspress.dev/schema/statuspage-v2/"

// apiSchemas compiles the JSON Schemas written from Statuspage's public shapes.
func apiSchemas(t *testing.T) map[string]*jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	files, err := filepath.Glob(filepath.Join("..", "statusapi", "testdata", "*.schema.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no schemas in ../statusapi/testdata (%v)", err)
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(src))
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if err := c.AddResource(schemaBase+filepath.Base(f), doc); err != nil {
			t.Fatal(err)
		}
	}
	out := map[string]*jsonschema.Schema{}
	for _, ep := range apiEndpoints {
		s, err := c.Compile(schemaBase + ep.schema + ".schema.json")
		if err != nil {
			t.Fatalf("compile %s: %v", ep.schema, err)
		}
		out[ep.path] = s
	}
	return out
}

// checkJSON checks what every API answer owes its client and returns its body decoded.
func checkJSON(t *testing.T, method, path string, code int, header http.Header, body []byte) map[string]any {
	t.Helper()
	if got := header.Get("Content-Type"); !strings.HasPrefix(got, "application/json") {
		t.Errorf("%s %s: Content-Type %q, want application/json", method, path, got)
	}
	if got := header.Get("Access-Control-Allow-Origin"); got != "*" {
		t.Errorf("%s %s: Access-Control-Allow-Origin %q, want *", method, path, got)
	}
	if bytes.Contains(bytes.ToLower(body), []byte("<html")) {
		t.Errorf("%s %s: the body is HTML", method, path)
	}
	var m map[string]any
	if err := json.Unmarshal(body, &m); err != nil {
		t.Fatalf("%s %s: body is not a JSON object: %v\n%s", method, path, err, body)
	}
	return m
}

// TestAPIEndpoints requests every endpoint in every language and validates the answer against the
// schemas, with the headers a Statuspage client and a cache need.
func TestAPIEndpoints(t *testing.T) {
	schemas := apiSchemas(t)
	s := sample(t)
	for _, ep := range apiEndpoints {
		for _, q := range []string{"", "?lang=en", "?lang=nl", "?lang=fr", "?lang=de"} {
			t.Run(ep.path+q, func(t *testing.T) {
				rec := get(t, s, ep.path+q)
				if rec.Code != http.StatusOK {
					t.Fatalf("GET %s: status %d\n%s", ep.path+q, rec.Code, rec.Body)
				}
				checkJSON(t, "GET", ep.path+q, rec.Code, rec.Header(), rec.Body.Bytes())
				doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(rec.Body.Bytes()))
				if err != nil {
					t.Fatal(err)
				}
				if err := schemas[ep.path].Validate(doc); err != nil {
					t.Errorf("GET %s does not meet %s.schema.json: %v", ep.path+q, ep.schema, err)
				}
				h := rec.Header()
				if got, want := h.Get("Cache-Control"), "public, max-age=30, stale-while-revalidate=60, stale-if-error=86400"; got != want {
					t.Errorf("Cache-Control %q, want %q", got, want)
				}
				if h.Get("ETag") == "" {
					t.Error("no ETag")
				}
				// The language is in the URL, never negotiated: nothing to vary on but encoding.
				for _, v := range h.Values("Vary") {
					if strings.Contains(v, "Accept-Language") || strings.Contains(v, "Cookie") {
						t.Errorf("Vary: %s", v)
					}
				}
			})
		}
	}
}

// TestAPISummary pins summary.json at the fixed clock: the REST API incident is being monitored,
// so the page is minor; the December database maintenance is upcoming.
func TestAPISummary(t *testing.T) {
	rec := get(t, sample(t), "/api/v2/summary.json")
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d", rec.Code)
	}
	var sum statusapi.Summary
	if err := json.Unmarshal(rec.Body.Bytes(), &sum); err != nil {
		t.Fatal(err)
	}
	id := statusapi.ID
	if diff := cmp.Diff(statusapi.Page{
		ID: id(statusapi.KindPage, baseURL), Name: "Lumen Mail Status", URL: baseURL, TimeZone: "UTC",
		UpdatedAt: "2026-11-23T11:45:00.000Z",
	}, sum.Page); diff != "" {
		t.Errorf("page (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(statusapi.Status{Indicator: "minor", Description: "Minor service disruption"}, sum.Status); diff != "" {
		t.Errorf("status (-want +got):\n%s", diff)
	}

	if len(sum.Incidents) != 1 {
		t.Fatalf("%d unresolved incidents, want 1 (rest-api-errors)", len(sum.Incidents))
	}
	in := sum.Incidents[0]
	got := map[string]any{
		"id": in.ID, "name": in.Name, "status": in.Status, "impact": in.Impact,
		"started_at": in.StartedAt, "created_at": in.CreatedAt, "updated_at": in.UpdatedAt,
		"monitoring_at": *in.MonitoringAt, "resolved_at": in.ResolvedAt, "shortlink": in.Shortlink,
		"page_id": in.PageID, "updates": len(in.IncidentUpdates),
	}
	want := map[string]any{
		"id": id(statusapi.KindIncident, "rest-api-errors"), "name": "Errors and slow responses on the REST API",
		"status": "monitoring", "impact": "minor",
		"started_at": "2026-11-23T07:40:00.000Z", "created_at": "2026-11-23T08:05:00.000Z",
		"updated_at": "2026-11-23T11:45:00.000Z", "monitoring_at": "2026-11-23T11:45:00.000Z",
		"resolved_at": (*string)(nil), "shortlink": baseURL + "/en/incidents/rest-api-errors/",
		"page_id": sum.Page.ID, "updates": 3,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("unresolved incident (-want +got):\n%s", diff)
	}
	var statuses []string
	for _, u := range in.IncidentUpdates {
		statuses = append(statuses, u.Status)
		if u.IncidentID != in.ID || u.DisplayAt != u.CreatedAt || u.CustomTweet != nil || u.TweetID != nil {
			t.Errorf("update %s: incident_id %s display_at %s created_at %s", u.ID, u.IncidentID, u.DisplayAt, u.CreatedAt)
		}
	}
	if diff := cmp.Diff([]string{"monitoring", "identified", "investigating"}, statuses); diff != "" {
		t.Errorf("updates are not newest first (-want +got):\n%s", diff)
	}
	latest := in.IncidentUpdates[0]
	if diff := cmp.Diff([]statusapi.AffectedComponent{{
		Code: id(statusapi.KindComponent, "rest-api"), Name: "APIs and integrations - REST API",
		OldStatus: "partial_outage", NewStatus: "degraded_performance",
	}}, latest.AffectedComponents); diff != "" {
		t.Errorf("affected_components of the latest update (-want +got):\n%s", diff)
	}
	if !strings.Contains(latest.Body, "Idempotency-Key header") || strings.ContainsAny(latest.Body, "<>`") {
		t.Errorf("latest update body is not the plain text of the update: %q", latest.Body)
	}
	if len(in.Components) != 1 || in.Components[0].ID != id(statusapi.KindComponent, "rest-api") {
		t.Errorf("incident components %+v, want the REST API", in.Components)
	}

	if len(sum.ScheduledMaintenances) != 1 {
		t.Fatalf("%d scheduled maintenances, want 1 (database-upgrade-december)", len(sum.ScheduledMaintenances))
	}
	m := sum.ScheduledMaintenances[0]
	gotM := []string{m.ID, m.Name, m.Status, m.Impact, m.ScheduledFor, m.ScheduledUntil}
	wantM := []string{id(statusapi.KindIncident, "database-upgrade-december"), "Database upgrade for the web app and REST API",
		"scheduled", "maintenance", "2026-12-05T21:00:00.000Z", "2026-12-06T00:00:00.000Z"}
	if diff := cmp.Diff(wantM, gotM); diff != "" {
		t.Errorf("upcoming maintenance (-want +got):\n%s", diff)
	}

	// Components: one flat list; the APIs group first, with its members, which name it.
	byID := map[string]statusapi.Component{}
	for _, c := range sum.Components {
		byID[c.ID] = c
	}
	group, rest := byID[id(statusapi.KindGroup, "apis")], byID[id(statusapi.KindComponent, "rest-api")]
	if sum.Components[0].ID != group.ID || !group.Group || group.GroupID != nil || group.Position != 1 {
		t.Errorf("first entry %+v, want the APIs group at position 1", sum.Components[0])
	}
	if group.Status != "degraded_performance" || rest.Status != "degraded_performance" {
		t.Errorf("APIs group %s, REST API %s; want both degraded_performance", group.Status, rest.Status)
	}
	if !slices.Contains(group.Components, rest.ID) || rest.GroupID == nil || *rest.GroupID != group.ID || rest.Position != 2 {
		t.Errorf("REST API %+v is not member 2 of the APIs group %v", rest, group.Components)
	}
	if rest.Desc == nil || !strings.HasPrefix(*rest.Desc, "The JSON REST API") || !rest.Showcase || rest.StartDate == nil {
		t.Errorf("REST API description %v, showcase %v, start_date %v", rest.Desc, rest.Showcase, rest.StartDate)
	}
	imp := byID[id(statusapi.KindComponent, "file-import")]
	if !imp.OnlyShowIfDegraded || imp.Showcase || imp.StartDate != nil {
		t.Errorf("SFTP import: only_show_if_degraded %v, showcase %v, start_date %v; want true, false, null", imp.OnlyShowIfDegraded, imp.Showcase, imp.StartDate)
	}
	if len(byID) != 8+3 {
		t.Errorf("%d components, want the 8 of site.yaml and its 3 groups", len(byID))
	}
}

// TestAPILang: ?lang= changes the text, nothing else; without it the answer is in the default
// language whatever Accept-Language says, so shared caches may keep one answer per URL.
func TestAPILang(t *testing.T) {
	s := sample(t)
	decode := func(rec interface{ Bytes() []byte }) statusapi.Summary {
		var sum statusapi.Summary
		if err := json.Unmarshal(rec.Bytes(), &sum); err != nil {
			t.Fatal(err)
		}
		return sum
	}
	en := decode(get(t, s, "/api/v2/summary.json").Body)
	for _, lang := range languages {
		rec := get(t, s, "/api/v2/summary.json?lang="+lang)
		if got := rec.Header().Get("Content-Language"); got != lang {
			t.Errorf("?lang=%s: Content-Language %q", lang, got)
		}
		got := decode(rec.Body)
		want := localeCatalog(t).Localizer(lang, nil).T(locale.StateMinor)
		if got.Status.Description != want {
			t.Errorf("?lang=%s: status.description %q, want %q", lang, got.Status.Description, want)
		}
		if got.Status.Indicator != en.Status.Indicator || got.Page.ID != en.Page.ID ||
			got.Page.UpdatedAt != en.Page.UpdatedAt || got.Page.TimeZone != en.Page.TimeZone {
			t.Errorf("?lang=%s changes more than text: %+v %+v", lang, got.Page, got.Status)
		}
	}
	nl := decode(get(t, s, "/api/v2/summary.json?lang=nl").Body)
	if nl.Status.Description == en.Status.Description {
		t.Errorf("?lang=nl leaves status.description in English: %q", nl.Status.Description)
	}
	if nl.Incidents[0].Shortlink != baseURL+"/nl/incidents/rest-api-errors/" {
		t.Errorf("?lang=nl: shortlink %q, want the Dutch page", nl.Incidents[0].Shortlink)
	}
	rec := do(t, s, request{path: "/api/v2/summary.json", header: http.Header{"Accept-Language": {"nl-NL,nl;q=0.9"}}})
	if got := decode(rec.Body); got.Status.Description != en.Status.Description {
		t.Errorf("Accept-Language: nl changed status.description to %q", got.Status.Description)
	}

	rec = get(t, s, "/api/v2/status.json?lang=xx")
	m := checkJSON(t, "GET", "/api/v2/status.json?lang=xx", rec.Code, rec.Header(), rec.Body.Bytes())
	if rec.Code != http.StatusBadRequest || m["error"] != "bad request" || !strings.Contains(m["message"].(string), "en, nl, fr, de") {
		t.Errorf("?lang=xx: %d %v, want 400 naming the site's languages", rec.Code, m)
	}
}

// TestAPIStableIDs builds the server twice from the content, as a restart does, and expects the
// same answers.
func TestAPIStableIDs(t *testing.T) {
	a, b := newServer(t, clock), newServer(t, clock)
	for _, ep := range apiEndpoints {
		ra, rb := get(t, a, ep.path), get(t, b, ep.path)
		if diff := cmp.Diff(ra.Body.String(), rb.Body.String()); diff != "" {
			t.Errorf("%s differs between two loads (-first +second):\n%s", ep.path, diff)
		}
		if ra.Header().Get("ETag") != rb.Header().Get("ETag") {
			t.Errorf("%s: ETag differs between two loads", ep.path)
		}
	}
}

func TestAPIConditional(t *testing.T) {
	s := sample(t)
	for _, path := range []string{"/api/v2/status.json", "/api/v2/openapi.json", "/badge.svg", "/components/rest-api/badge.json"} {
		etag := get(t, s, path).Header().Get("ETag")
		rec := do(t, s, request{path: path, header: http.Header{"If-None-Match": {etag}}})
		if rec.Code != http.StatusNotModified || rec.Body.Len() != 0 {
			t.Errorf("GET %s with If-None-Match %s: %d with %d bytes, want 304 and none", path, etag, rec.Code, rec.Body.Len())
		}
	}
}

// TestAPIErrors: API clients get JSON for every error, never an HTML page; the statuspage.io
// client's "removeSubscription" sends DELETE /api/v2/incidents.json.
func TestAPIErrors(t *testing.T) {
	s := sample(t)
	for _, tc := range []struct {
		method, path string
		code         int
		error        string
	}{
		{http.MethodPost, "/api/v2/incidents.json", http.StatusMethodNotAllowed, "method not allowed"},
		{http.MethodDelete, "/api/v2/incidents.json", http.StatusMethodNotAllowed, "method not allowed"},
		{http.MethodPut, "/api/v2/summary.json", http.StatusMethodNotAllowed, "method not allowed"},
		{http.MethodPatch, "/api/v2/scheduled-maintenances/active.json", http.StatusMethodNotAllowed, "method not allowed"},
		{http.MethodGet, "/api/v2/nope.json", http.StatusNotFound, "not found"},
		{http.MethodGet, "/api/v2/subscribers.json", http.StatusNotFound, "not found"},
		{http.MethodPost, "/api/v2/subscribers.json", http.StatusNotFound, "not found"},
		{http.MethodGet, "/api/v2/incidents/unresolved", http.StatusNotFound, "not found"},
		{http.MethodGet, "/api/v1/pages", http.StatusNotFound, "not found"},
		{http.MethodGet, "/api", http.StatusNotFound, "not found"},
	} {
		t.Run(tc.method+" "+tc.path, func(t *testing.T) {
			rec := do(t, s, request{method: tc.method, path: tc.path})
			if rec.Code == http.StatusMovedPermanently {
				rec = do(t, s, request{method: tc.method, path: rec.Header().Get("Location")})
			}
			if rec.Code != tc.code {
				t.Fatalf("status %d, want %d\n%s", rec.Code, tc.code, rec.Body)
			}
			m := checkJSON(t, tc.method, tc.path, rec.Code, rec.Header(), rec.Body.Bytes())
			if m["error"] != tc.error || m["status"] != float64(tc.code) || m["documentation"] != "/api/v2/openapi.json" {
				t.Errorf("body %v, want error %q, status %d", m, tc.error, tc.code)
			}
			if tc.code == http.StatusMethodNotAllowed {
				allow := rec.Header().Get("Allow")
				for _, method := range []string{"GET", "HEAD"} {
					if !strings.Contains(allow, method) {
						t.Errorf("Allow %q lacks %s", allow, method)
					}
				}
			}
		})
	}
	// Outside /api/ errors stay HTML pages.
	rec := do(t, s, request{method: http.MethodPost, path: "/en/"})
	if rec.Code != http.StatusMethodNotAllowed || strings.HasPrefix(rec.Header().Get("Content-Type"), "application/json") {
		t.Errorf("POST /en/: %d %s, want 405 and no JSON", rec.Code, rec.Header().Get("Content-Type"))
	}
	rec = get(t, s, "/en/nope/")
	if rec.Code != http.StatusNotFound || !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/html") {
		t.Errorf("GET /en/nope/: %d %s, want an HTML 404 page", rec.Code, rec.Header().Get("Content-Type"))
	}
}

// TestAPIPreflight: a browser that asks before a request with a header of its own may go ahead
// with the headers a read-only client has a use for; whatever else the preflight names is not
// echoed back, so the answer is the same for every request.
func TestAPIPreflight(t *testing.T) {
	const allowed = "Cache-Control, If-Modified-Since, If-None-Match, Pragma, X-Requested-With"
	for _, asked := range []string{"x-requested-with", "if-none-match, x-requested-with", "authorization, x-evil",
		strings.Repeat("x-filler-header, ", 400) + "x-requested-with", ""} {
		rec := do(t, sample(t), request{method: http.MethodOptions, path: "/api/v2/summary.json", header: http.Header{
			"Origin":                         {"https://dashboard.example"},
			"Access-Control-Request-Method":  {"GET"},
			"Access-Control-Request-Headers": {asked},
		}})
		h := rec.Header()
		if rec.Code != http.StatusNoContent || h.Get("Access-Control-Allow-Origin") != "*" ||
			!strings.Contains(h.Get("Access-Control-Allow-Methods"), "GET") {
			t.Errorf("preflight asking %.40q: %d %v", asked, rec.Code, h)
		}
		if got := h.Values("Access-Control-Allow-Headers"); len(got) != 1 || got[0] != allowed {
			t.Errorf("preflight asking %.40q: Access-Control-Allow-Headers %.80q, want %q", asked, got, allowed)
		}
	}
}

// TestOpenAPI: the OpenAPI document is JSON, version 3.1, and names every endpoint.
func TestOpenAPI(t *testing.T) {
	rec := get(t, sample(t), "/api/v2/openapi.json")
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d", rec.Code)
	}
	doc := checkJSON(t, "GET", "/api/v2/openapi.json", rec.Code, rec.Header(), rec.Body.Bytes())
	if v, _ := doc["openapi"].(string); !strings.HasPrefix(v, "3.1.") {
		t.Errorf("openapi %q, want 3.1.x", v)
	}
	paths, _ := doc["paths"].(map[string]any)
	want := []string{"/api/v2/openapi.json", "/badge.svg", "/badge.json", "/components/{id}/badge.svg", "/components/{id}/badge.json"}
	for _, ep := range apiEndpoints {
		want = append(want, ep.path)
	}
	for _, p := range want {
		op, _ := paths[p].(map[string]any)
		if op["get"] == nil {
			t.Errorf("the OpenAPI document does not describe GET %s", p)
		}
	}
	for p := range paths {
		if !slices.Contains(want, p) {
			t.Errorf("the OpenAPI document describes %s, which the server does not answer", p)
		}
	}
}

// TestGoldenAPI holds summary.json (indented here for readable diffs) and two badges, as served
// at the fixed clock, against testdata/golden. After an intended change, run
// go test ./internal/server -run TestGoldenAPI -update and read the diff before committing it.
func TestGoldenAPI(t *testing.T) {
	s := sample(t)
	for _, tc := range []struct{ file, path string }{
		{"api.summary.en.json", "/api/v2/summary.json"},
		{"api.status.nl.json", "/api/v2/status.json?lang=nl"},
		{"badge.en.svg", "/badge.svg"},
		{"badge.de.tracking.svg", "/components/tracking/badge.svg?lang=de"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			rec := get(t, s, tc.path)
			if rec.Code != http.StatusOK {
				t.Fatalf("GET %s: status %d", tc.path, rec.Code)
			}
			got := rec.Body.Bytes()
			if strings.HasSuffix(tc.file, ".json") {
				var buf bytes.Buffer
				if err := json.Indent(&buf, got, "", "  "); err != nil {
					t.Fatal(err)
				}
				buf.WriteByte('\n')
				got = buf.Bytes()
			}
			testsupport.Golden(t, filepath.Join("testdata", "golden", tc.file), got)
		})
	}
}
