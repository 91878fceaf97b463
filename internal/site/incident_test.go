package site_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"statuspress/internal/site"
)

// TestIncidentLanguage: an incident page says which language its text is in when that is not
// the page's, and links the original wherever it shows a translation, into the page's language
// or another. soap-api-storing is Dutch with an English translation; mobile-sdk-400-errors is
// English with a machine translation into French; database-upgrade-december is English with no
// French.
func TestIncidentLanguage(t *testing.T) {
	s := build(t, "../../incidents", site.Options{})
	type langs struct {
		OnlyIn, Original, OriginalLanguage string
		Machine                            bool
	}
	base := "https://status.lumenmail.example"
	for _, tc := range []struct {
		lang, slug string
		want       langs
	}{
		{"nl", "soap-api-storing", langs{}},
		{"en", "soap-api-storing", langs{Original: base + "/nl/incidents/soap-api-storing/", OriginalLanguage: "Dutch"}},
		{"de", "soap-api-storing", langs{OnlyIn: "Englisch", Original: base + "/nl/incidents/soap-api-storing/", OriginalLanguage: "Niederländisch"}},
		{"fr", "mobile-sdk-400-errors", langs{Original: base + "/en/incidents/mobile-sdk-400-errors/", OriginalLanguage: "anglais", Machine: true}},
		{"fr", "database-upgrade-december", langs{OnlyIn: "anglais"}},
	} {
		p, ok := s.IncidentPage(tc.lang, tc.slug, at("2026-11-23T12:00:00Z"))
		if !ok {
			t.Fatalf("%s/%s: no page", tc.lang, tc.slug)
		}
		got := langs{p.OnlyIn, p.Original, p.OriginalLanguage, p.Machine}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("%s/%s (-want +got):\n%s", tc.lang, tc.slug, diff)
		}
	}
}

// TestLatestUpdateAge: the latest update of an event that goes on says how long ago it was
// posted, to the minute, in the page's language, on its card and first in its timeline; an ended
// event's does not. api-outage ran from 10:00 to 12:00 on 10 November with an update at 10:10.
func TestLatestUpdateAge(t *testing.T) {
	s := small(t, site.Options{})
	for _, tc := range []struct {
		lang, now, want string
	}{
		{"en", "2026-11-10T10:10:30Z", "just now"},
		{"en", "2026-11-10T10:11:00Z", "1 minute ago"},
		{"en", "2026-11-10T11:09:59Z", "59 minutes ago"},
		{"nl", "2026-11-10T11:10:00Z", "1 uur geleden"},
		{"en", "2026-11-10T11:59:00Z", "1 hour ago"},
		{"en", "2026-11-10T12:00:00Z", ""},
	} {
		p, ok := s.IncidentPage(tc.lang, "api-outage", at(tc.now))
		if !ok || p.Card.Latest == nil || len(p.Timeline) == 0 {
			t.Fatalf("%s at %s: no page or no update", tc.lang, tc.now)
		}
		got := []string{p.Card.Latest.Age, p.Timeline[0].Age}
		if diff := cmp.Diff([]string{tc.want, tc.want}, got); diff != "" {
			t.Errorf("%s at %s: ages of the card's and the timeline's latest update (-want +got):\n%s", tc.lang, tc.now, diff)
		}
		for _, u := range p.Timeline[1:] {
			if u.Age != "" {
				t.Errorf("%s at %s: an older update has age %q", tc.lang, tc.now, u.Age)
			}
		}
	}
}

// A maintenance's latest word is often its announcement, days old by design: no age.
func TestMaintenanceUpdateNoAge(t *testing.T) {
	s := build(t, "../../incidents", site.Options{})
	p, ok := s.IncidentPage("en", "database-upgrade-december", at("2026-12-05T22:00:00Z"))
	if !ok || p.Card.Latest == nil || p.Card.State.Key != "in_progress" {
		t.Fatalf("no page, no update or not in progress: %v %+v", ok, p.Card.State)
	}
	if p.Card.Latest.Age != "" || p.Timeline[0].Age != "" {
		t.Errorf("a maintenance in progress shows ages %q and %q", p.Card.Latest.Age, p.Timeline[0].Age)
	}
}
