package server_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestEarlyClockIsStable: with the clock before every published item (a --now preview of an early
// date), the API's and the pages' times come from the content, not from the clock, so two
// requests minutes apart give the same answers and the same ETags.
func TestEarlyClockIsStable(t *testing.T) {
	first := time.Date(2020, 1, 1, 9, 0, 0, 0, time.UTC)
	a, b := newServer(t, first), newServer(t, first.Add(7*time.Minute))
	for _, path := range []string{
		"/api/v2/components.json",
		"/api/v2/summary.json",
		"/api/v2/status.json",
		"/api/v2/incidents.json",
		"/en/",
		"/en/components/rest-api/",
		"/en/history/",
		"/en/feed.atom",
	} {
		ra, rb := get(t, a, path), get(t, b, path)
		if ra.Code != 200 || rb.Code != 200 {
			t.Errorf("%s: %d and %d", path, ra.Code, rb.Code)
			continue
		}
		if diff := cmp.Diff(ra.Body.String(), rb.Body.String()); diff != "" {
			t.Errorf("%s changes with the clock (-first +7 minutes later):\n%s", path, diff)
		}
		if ea, eb := ra.Header().Get("ETag"), rb.Header().Get("ETag"); ea != eb {
			t.Errorf("%s: ETag %s, then %s", path, ea, eb)
		}
	}

	// Nothing has happened yet: the times are those of a site without incidents.
	var got struct {
		Page struct {
			UpdatedAt string `json:"updated_at"`
		} `json:"page"`
		Components []struct {
			CreatedAt string `json:"created_at"`
			UpdatedAt string `json:"updated_at"`
		} `json:"components"`
	}
	if err := json.Unmarshal(get(t, a, "/api/v2/components.json").Body.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	const epoch = "1970-01-01T00:00:00.000Z"
	if got.Page.UpdatedAt != epoch {
		t.Errorf("page.updated_at %s, want %s", got.Page.UpdatedAt, epoch)
	}
	for i, c := range got.Components {
		if c.CreatedAt != epoch || c.UpdatedAt != epoch {
			t.Errorf("component %d: created_at %s, updated_at %s; want %s", i, c.CreatedAt, c.UpdatedAt, epoch)
		}
	}
}
