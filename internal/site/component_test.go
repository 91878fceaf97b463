package site_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"statuspress/internal/site"
)

// TestComponentPageLists: a component's page sorts the published events naming it into those
// going on and those that are over, with notices apart: a notice announces a change and is no
// past incident. Maintenance announced for later is neither: on 23 November the database
// upgrade of 5 December must not be listed among the REST API's past incidents.
func TestComponentPageLists(t *testing.T) {
	s := build(t, "../../incidents", site.Options{})
	notice := []string{"api-fehlerbenachrichtigung"}
	for _, tc := range []struct {
		name, id               string
		now                    time.Time
		ongoing, notices, past []string
	}{
		{"REST API before its incident", "rest-api", at("2026-11-23T07:00:00Z"), nil, notice, nil},
		{"REST API during its incident", "rest-api", at("2026-11-23T12:00:00Z"), []string{"rest-api-errors"}, notice, nil},
		{"REST API during the maintenance", "rest-api", at("2026-12-05T21:30:00Z"), []string{"database-upgrade-december", "rest-api-errors"}, notice, nil},
		{"web app before the maintenance", "web-app", at("2026-11-23T12:00:00Z"), nil, nil, nil},
		{"mail delivery after its maintenance", "mail-delivery", at("2026-11-23T12:00:00Z"), nil, nil, []string{"mail-server-upgrade-september"}},
		{"SOAP API", "soap-api", at("2026-11-23T12:00:00Z"), nil, notice, []string{"soap-api-storing"}},
	} {
		p, ok := s.ComponentPage("en", tc.id, 1, tc.now)
		if !ok {
			t.Fatalf("%s: no page", tc.name)
		}
		got := [][]string{slugs(p.Ongoing), slugs(p.Notices), slugs(p.Past)}
		if diff := cmp.Diff([][]string{tc.ongoing, tc.notices, tc.past}, got); diff != "" {
			t.Errorf("%s: ongoing, notices, past (-want +got):\n%s", tc.name, diff)
		}
	}
	if _, ok := s.ComponentPage("en", "no-such-component", 1, at("2026-11-23T12:00:00Z")); ok {
		t.Error("a page for an unknown component")
	}
}

// TestComponentPageNumbers: pages count from 1 up to the last page of past incidents; there is
// always a first page, even for a component nothing ever happened to.
func TestComponentPageNumbers(t *testing.T) {
	s := build(t, "../../incidents", site.Options{HistoryPageSize: 1})
	now := at("2026-11-23T12:00:00Z")
	for _, tc := range []struct {
		id string
		n  int
		ok bool
	}{
		// The SOAP API has one past incident; the notice naming it is no incident and pages
		// nothing.
		{"soap-api", 0, false}, {"soap-api", 1, true}, {"soap-api", 2, false},
		{"web-app", 1, true}, {"web-app", 2, false},
	} {
		p, ok := s.ComponentPage("en", tc.id, tc.n, now)
		if ok != tc.ok {
			t.Errorf("%s page %d: found %v, want %v", tc.id, tc.n, ok, tc.ok)
		}
		if ok && (p.Page != tc.n || p.Canonical == "" || len(p.Past) > 1) {
			t.Errorf("%s page %d: page %d of %d, canonical %q, %d past", tc.id, tc.n, p.Page, p.Pages, p.Canonical, len(p.Past))
		}
	}
}
