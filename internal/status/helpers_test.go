package status

import (
	"testing"
	"time"
	_ "time/tzdata" // the DST and zone tests must not depend on the machine's zoneinfo

	"statuspress/internal/incident"
)

// ts parses an RFC 3339 instant, the way content states times.
func ts(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

// affects builds an incident's component list from id, status pairs.
func affects(pairs ...string) []incident.Affected {
	out := make([]incident.Affected, 0, len(pairs)/2)
	for i := 0; i+1 < len(pairs); i += 2 {
		out = append(out, incident.Affected{Component: pairs[i], Status: incident.ComponentStatus(pairs[i+1])})
	}
	return out
}

func slugs(ins []*incident.Incident) []string {
	var out []string
	for _, in := range ins {
		out = append(out, in.Slug)
	}
	return out
}

func location(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}
