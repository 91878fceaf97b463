package importer_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"statuspress/internal/importer"
	"statuspress/internal/importer/fetch"
)

// managedIncidents is n incidents as the management API lists them, newest first.
func managedIncidents(n int) []map[string]any {
	var out []map[string]any
	for i := n; i >= 1; i-- {
		start := time.Date(2024, 1, 1, 10, 0, 0, 0, time.UTC).Add(time.Duration(i) * 24 * time.Hour)
		id := fmt.Sprintf("inc%09d", i)
		out = append(out, map[string]any{
			"id": id, "name": fmt.Sprintf("Incident number %d", i), "status": "resolved", "impact": "minor",
			"created_at": start.Format(time.RFC3339), "started_at": start.Format(time.RFC3339),
			"resolved_at": start.Add(time.Hour).Format(time.RFC3339), "scheduled_for": nil, "scheduled_until": nil,
			"postmortem_body": map[bool]any{true: "## Cause\n\nA disk filled up.", false: nil}[i%10 == 0],
			"incident_updates": []map[string]any{
				{"id": id + "u2", "status": "resolved", "body": "Fixed.", "created_at": start.Add(time.Hour).Format(time.RFC3339), "display_at": start.Add(time.Hour).Format(time.RFC3339),
					"affected_components": []map[string]any{{"code": "cmpapi000001", "name": "API", "old_status": "partial_outage", "new_status": "operational"}}},
				{"id": id + "u1", "status": "investigating", "body": "Looking.", "created_at": start.Format(time.RFC3339), "display_at": start.Format(time.RFC3339),
					"affected_components": []map[string]any{{"code": "cmpapi000001", "name": "API", "old_status": "operational", "new_status": "partial_outage"}}},
			},
			"components": []map[string]any{{"id": "cmpapi000001", "name": "API", "group": false, "group_id": nil, "position": 1}},
		})
	}
	return out
}

// managementAPI serves a page's management API: pages of at most per_page items, the key checked.
func managementAPI(t *testing.T, key string, incidents []map[string]any) *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "OAuth "+key {
			w.WriteHeader(401)
			fmt.Fprint(w, `{"error": "Could not authenticate"}`)
			return
		}
		if !strings.HasPrefix(r.UserAgent(), "statuspress/") {
			t.Errorf("User-Agent %q", r.UserAgent())
		}
		page, _ := strconv.Atoi(r.URL.Query().Get("page"))
		per, _ := strconv.Atoi(r.URL.Query().Get("per_page"))
		var list []map[string]any
		switch r.URL.Path {
		case "/v1/pages/pg0manage001":
			json.NewEncoder(w).Encode(map[string]any{"id": "pg0manage001", "name": "Managed", "domain": "status.managed.example", "time_zone": "Etc/UTC"})
			return
		case "/v1/pages/pg0manage001/components":
			list = []map[string]any{{"id": "cmpapi000001", "name": "API", "group": false, "group_id": nil, "position": 1}}
		case "/v1/pages/pg0manage001/incidents":
			list = incidents
		default:
			http.NotFound(w, r)
			return
		}
		lo := min((page-1)*per, len(list))
		json.NewEncoder(w).Encode(list[lo:min(lo+per, len(list))])
	}))
}

func TestStatuspageManagementAPI(t *testing.T) {
	srv := managementAPI(t, "k3y", managedIncidents(230))
	defer srv.Close()
	c := fetch.New("statuspress/test", 5*time.Second)
	c.Authorization = "OAuth k3y"
	docs, err := importer.FetchStatuspageManage(context.Background(), c, srv.URL+"/v1", "pg0manage001")
	if err != nil {
		t.Fatal(err)
	}
	// The page, one page of components, three of incidents (100, 100, 30).
	if len(docs) != 5 {
		t.Errorf("%d documents fetched, want 5", len(docs))
	}
	page, err := importer.FromStatuspage(docs)
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Events) != 230 || page.URL != "https://status.managed.example" {
		t.Fatalf("%d events, URL %s", len(page.Events), page.URL)
	}
	s, cat := serveImport(t, page, time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC))
	if len(cat.Incidents) != 230 {
		t.Fatalf("%d incidents", len(cat.Incidents))
	}
	in, _ := cat.Incident("incident-number-230")
	if !strings.Contains(in.Texts["en"].Body, "A disk filled up") {
		t.Errorf("the postmortem is not the body: %q", in.Texts["en"].Body)
	}
	checkPages(t, s, cat)

	c.Authorization = "OAuth wrong"
	if _, err := importer.FetchStatuspageManage(context.Background(), c, srv.URL+"/v1", "pg0manage001"); err == nil || !strings.Contains(err.Error(), "401 Unauthorized; check the API key") {
		t.Errorf("a wrong key: %v", err)
	}
	if _, err := importer.FetchStatuspageManage(context.Background(), c, srv.URL+"/v1", "../admin"); err == nil || !strings.Contains(err.Error(), "is not a Statuspage page id") {
		t.Errorf("a page id that is a path: %v", err)
	}
}

// TestStatuspageManagementNoPaging: an API that ignores `page` would be read for ever; the import
// stops at the second page.
func TestStatuspageManagementNoPaging(t *testing.T) {
	all := managedIncidents(100)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/incidents") {
			json.NewEncoder(w).Encode(all)
			return
		}
		if strings.HasSuffix(r.URL.Path, "/components") {
			fmt.Fprint(w, "[]")
			return
		}
		fmt.Fprint(w, `{"id": "pg0manage001", "name": "X"}`)
	}))
	defer srv.Close()
	_, err := importer.FetchStatuspageManage(context.Background(), fetch.New("statuspress/test", time.Second), srv.URL, "pg0manage001")
	if err == nil || !strings.Contains(err.Error(), "the same page as before") {
		t.Errorf("got %v", err)
	}
}

// publicPage serves the saved fixtures as a page's public API would.
func publicPage(t *testing.T, dir string, before func(w http.ResponseWriter, r *http.Request) bool) *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if before != nil && before(w, r) {
			return
		}
		name, ok := strings.CutPrefix(r.URL.Path, "/api/v2/")
		if !ok {
			http.NotFound(w, r)
			return
		}
		b, err := os.ReadFile(dir + "/" + name)
		if err != nil {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Write(b)
	}))
}

func TestStatuspagePublicAPI(t *testing.T) {
	srv := publicPage(t, "testdata/statuspage/full", nil)
	defer srv.Close()
	for _, typed := range []string{srv.URL, srv.URL + "/", srv.URL + "/api/v2"} {
		base, err := importer.StatuspageBase(typed)
		if err != nil || base != srv.URL {
			t.Errorf("StatuspageBase(%q) = %q, %v", typed, base, err)
		}
	}
	docs, err := importer.FetchStatuspagePublic(context.Background(), fetch.New("statuspress/test", time.Second), srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	page, err := importer.FromStatuspage(docs)
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Events) != 7 {
		t.Errorf("%d events, want 7", len(page.Events))
	}
	for _, bad := range []string{"ftp://x", "status.example.com", "https://user:pw@x.example"} {
		if _, err := importer.StatuspageBase(bad); err == nil {
			t.Errorf("StatuspageBase(%q) is accepted", bad)
		}
	}
}
