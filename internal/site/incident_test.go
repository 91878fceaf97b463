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
