package server_test

import (
	"encoding/json"
	"net/http"
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
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &r); err != nil {
		t.Fatalf("/readyz is not JSON: %v", err)
	}
	if rec.Code != http.StatusOK || !r.Ready || r.Incidents != 8 || r.Errors != 0 || r.Problems == nil {
		t.Errorf("/readyz: %d %+v", rec.Code, r)
	}
	if cc := rec.Header().Get("Cache-Control"); cc != "no-store" {
		t.Errorf("Cache-Control %q", cc)
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
