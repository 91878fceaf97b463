package server_test

import (
	"encoding/json"
	"net/http"
	"statuspress/internal/server"
	"statuspress/internal/site"
	"strings"
	"testing"
)

func TestReadyz(t *testing.T) {
	h := sample(t)
	rec := get(t, h, "/readyz")
	var r struct {
		Ready     bool
		Incidents int
		Errors    int
		Problems  []any
		Details   string
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &r); err != nil {
		t.Fatalf("/readyz is not JSON: %v", err)
	}
	// The public answer counts problems; the list is the operator's (ReadinessDetails).
	if rec.Code != http.StatusOK || !r.Ready || r.Incidents != 8 || r.Errors != 0 || r.Problems != nil || r.Details != "" {
		t.Errorf("/readyz: %d %+v", rec.Code, r)
	}
	if cc := rec.Header().Get("Cache-Control"); cc != "no-store" {
		t.Errorf("Cache-Control %q", cc)
	}
}

// TestReadinessDetails: the operator's /readyz lists the problems, an empty list when there are none.
func TestReadinessDetails(t *testing.T) {
	rec := get(t, sample(t).ReadinessDetails(), "/readyz")
	if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), `"problems": []`) || rec.Header().Get("Cache-Control") != "no-store" {
		t.Errorf("details: %d %v\n%s", rec.Code, rec.Header(), rec.Body)
	}
}

func TestMetricsEndpoint(t *testing.T) {
	h := sample(t)
	get(t, h, "/en/")
	rec := get(t, h, "/metrics")
	body := rec.Body.String()
	for _, want := range []string{`statuspress_http_requests_total{code="200",method="GET",route="/:lang/"}`, "statuspress_incidents_loaded 8"} {
		if !strings.Contains(body, want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}
}

func TestHSTS(t *testing.T) {
	for base, want := range map[string]string{
		"https://status.example.com": "max-age=31536000",
		"http://localhost:8080":      "",
	} {
		srv := newServerWith(t, clock, site.Options{BaseURL: base})
		for _, path := range []string{"/en/", "/api/v2/status.json", "/en/nope/"} {
			if got := get(t, srv, path).Header().Get("Strict-Transport-Security"); got != want {
				t.Errorf("%s %s: Strict-Transport-Security %q, want %q", base, path, got, want)
			}
		}
	}
}

// TestReadyzBeforeFirstSnapshot: not ready only while there is nothing to serve.
func TestReadyzBeforeFirstSnapshot(t *testing.T) {
	srv := server.New(nil, server.Config{})
	if rec := get(t, srv, "/readyz"); rec.Code != http.StatusServiceUnavailable || !strings.Contains(rec.Body.String(), `"ready": false`) {
		t.Errorf("/readyz without a snapshot: %d %s", rec.Code, rec.Body)
	}
	srv.Swap(snapshot(t, site.Options{}))
	if rec := get(t, srv, "/readyz"); rec.Code != http.StatusOK {
		t.Errorf("/readyz with a snapshot: %d", rec.Code)
	}
}
