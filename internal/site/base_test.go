package site_test

import (
	"testing"

	"statuspress/internal/site"
)

// TestFooterZone: the footer names the zone by its place, which holds in every season; an
// abbreviation taken from the moment of the request said "CET" under times of the summer.
func TestFooterZone(t *testing.T) {
	s := small(t, site.Options{})
	for _, tc := range []struct{ lang, now, want string }{
		{"nl", "2026-07-01T12:00:00Z", "Europe/Amsterdam"},
		{"nl", "2026-11-23T12:00:00Z", "Europe/Amsterdam"},
		{"en", "2026-07-01T12:00:00Z", "UTC"},
		{"en", "2026-11-23T12:00:00Z", "UTC"},
	} {
		now := at(tc.now)
		if got := s.Overview(tc.lang, now).Zone; got != tc.want {
			t.Errorf("overview in %s at %s: zone %q, want %q", tc.lang, tc.now, got, tc.want)
		}
		if p, ok := s.History(tc.lang, 1, now); !ok || p.Zone != tc.want {
			t.Errorf("history in %s at %s: zone %q, want %q", tc.lang, tc.now, p.Zone, tc.want)
		}
	}
}
