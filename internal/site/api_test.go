package site_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"statuspress/internal/badge"
	"statuspress/internal/site"
)

// An API answer or a badge is in the language ?lang= names, one of the site's, or else in the
// default language.
func TestNamedLanguage(t *testing.T) {
	snap := small(t, site.Options{})
	for _, tc := range []struct{ named, want string }{
		{"", "en"},
		{"en", "en"},
		{"nl", "nl"},
	} {
		if got, err := snap.NamedLanguage(tc.named); got != tc.want || err != nil {
			t.Errorf("NamedLanguage(%q) = %q, %v; want %q", tc.named, got, err, tc.want)
		}
	}
	for _, named := range []string{"de", "NL", "xx", "en-GB"} {
		_, err := snap.NamedLanguage(named)
		var unknown *site.UnknownLanguageError
		if !errors.As(err, &unknown) {
			t.Errorf("NamedLanguage(%q): %v, want an UnknownLanguageError", named, err)
			continue
		}
		if want := `unknown language "` + named + `"; this site publishes en, nl`; err.Error() != want {
			t.Errorf("NamedLanguage(%q): %q, want %q", named, err, want)
		}
	}
}

// The API's incidents link to their pages in the API's language.
func TestAPIShortlinks(t *testing.T) {
	snap := small(t, site.Options{})
	for _, lang := range []string{"en", "nl"} {
		got := snap.API(lang, at("2026-11-10T11:00:00Z")).IncidentsResponse().Incidents
		if len(got) == 0 {
			t.Fatalf("%s: no incidents", lang)
		}
		if want := "https://status.small.example/" + lang + "/incidents/api-outage/"; got[0].Shortlink != want {
			t.Errorf("%s: shortlink %q, want %q", lang, got[0].Shortlink, want)
		}
	}
}

// A badge says the state of the page, a component or a group in words of its language, in the
// colour of that state.
func TestBadge(t *testing.T) {
	snap := small(t, site.Options{})
	during, after := at("2026-11-10T11:00:00Z"), at("2026-11-23T12:00:00Z")
	for _, tc := range []struct {
		lang, component, when string
		want                  badge.Badge
	}{
		{"en", "", "during", badge.Badge{Label: "Status", Message: "Major service outage", Color: badge.Orange, Lang: "en"}},
		{"nl", "", "after", badge.Badge{Label: "Status", Message: "Alle systemen werken normaal", Color: badge.Green, Lang: "nl"}},
		{"en", "api", "during", badge.Badge{Label: "API", Message: "Major outage", Color: badge.Red, Lang: "en"}},
		{"nl", "apis", "during", badge.Badge{Label: "API's", Message: "Ernstige storing", Color: badge.Red, Lang: "nl"}},
		{"en", "app", "during", badge.Badge{Label: "App", Message: "Operational", Color: badge.Green, Lang: "en"}},
	} {
		now := during
		if tc.when == "after" {
			now = after
		}
		got, ok := snap.Badge(tc.lang, tc.component, now)
		if !ok {
			t.Errorf("Badge(%q, %q, %s): none", tc.lang, tc.component, tc.when)
			continue
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("Badge(%q, %q, %s) (-want +got):\n%s", tc.lang, tc.component, tc.when, diff)
		}
	}
	if b, ok := snap.Badge("en", "nope", during); ok {
		t.Errorf("Badge of an unknown component = %+v, want none", b)
	}
}
