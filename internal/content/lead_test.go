package content

import (
	"strings"
	"testing"
	"time"
)

// TestMaintenanceLead reads site.yaml's maintenance_lead_hours: left out it is the default, given
// it is that many hours, and a lead of no time is refused at its line.
func TestMaintenanceLead(t *testing.T) {
	for _, tc := range []struct {
		line    string
		want    time.Duration
		problem string
	}{
		{"", 24 * time.Hour, ""},
		{"maintenance_lead_hours: 48\n", 48 * time.Hour, ""},
		{"maintenance_lead_hours: 0\n", 24 * time.Hour, "maintenance_lead_hours must be 1 or more"},
		{"maintenance_lead_hours: soon\n", 24 * time.Hour, "must be a whole number"},
	} {
		c := load(t, map[string]string{"site.yaml": siteYAML + tc.line}, Options{})
		if got := c.Site.Lead(); got != tc.want {
			t.Errorf("%q: lead %v, want %v", tc.line, got, tc.want)
		}
		got := c.Problems.String()
		if tc.problem == "" && got != "" || !strings.Contains(got, tc.problem) {
			t.Errorf("%q: problems %q, want %q", tc.line, got, tc.problem)
		}
	}
}
