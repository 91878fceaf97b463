package site_test

import (
	"testing"
	"time"

	"statuspress/internal/incident"
	"statuspress/internal/site"
)

func TestLangOf(t *testing.T) {
	for path, want := range map[string]string{
		"/":                               "",
		"":                                "",
		"/nl":                             "",
		"/nl/":                            "nl",
		"/de/history/page/2/":             "de",
		"/fr/incidents/rest-api-errors/":  "fr",
		"/en/feed.rss":                    "en",
		"/es/":                            "",
		"/xx/incidents/a/":                "",
		"/NL/":                            "",
		"/static/style.css":               "",
		"/incidents/webhook-delays/x.png": "",
		"/lang/nl":                        "",
		"//nl/":                           "",
		"nl/":                             "nl",
	} {
		if got := site.LangOf(path); got != want {
			t.Errorf("LangOf(%q) = %q, want %q", path, got, want)
		}
	}
}

func TestTranslate(t *testing.T) {
	for _, tc := range []struct{ path, lang, want string }{
		{"/en/", "nl", "/nl/"},
		{"/nl/incidents/soap-api-storing/", "de", "/de/incidents/soap-api-storing/"},
		{"/de/history/page/3/", "fr", "/fr/history/page/3/"},
		{"/fr/components/rest-api/", "fr", "/fr/components/rest-api/"},
		// The language is only ever the first segment: a slug that looks like one stays.
		{"/en/incidents/en/", "nl", "/nl/incidents/en/"},
		// Paths outside the language trees go to the home page.
		{"/", "de", "/de/"},
		{"/static/style.css", "nl", "/nl/"},
		{"/es/", "fr", "/fr/"},
	} {
		if got := site.Translate(tc.path, tc.lang); got != tc.want {
			t.Errorf("Translate(%q, %q) = %q, want %q", tc.path, tc.lang, got, tc.want)
		}
	}
}

func TestSwitchPath(t *testing.T) {
	for _, tc := range []struct{ lang, path, want string }{
		{"nl", "/nl/", "/lang/nl?to=%2Fnl%2F"},
		{"de", "/de/history/page/2/", "/lang/de?to=%2Fde%2Fhistory%2Fpage%2F2%2F"},
		{"fr", "/fr/incidents/a&b=c/", "/lang/fr?to=%2Ffr%2Fincidents%2Fa%26b%3Dc%2F"},
	} {
		if got := site.SwitchPath(tc.lang, tc.path); got != tc.want {
			t.Errorf("SwitchPath(%q, %q) = %q, want %q", tc.lang, tc.path, got, tc.want)
		}
	}
}

func TestHistoryPath(t *testing.T) {
	for _, tc := range []struct {
		lang string
		n    int
		want string
	}{
		// Page 1 is the archive itself: one URL per page, never /history/page/1/.
		{"en", 1, "/en/history/"},
		{"nl", 0, "/nl/history/"},
		{"nl", -3, "/nl/history/"},
		{"de", 2, "/de/history/page/2/"},
		{"fr", 12, "/fr/history/page/12/"},
	} {
		if got := site.HistoryPath(tc.lang, tc.n); got != tc.want {
			t.Errorf("HistoryPath(%q, %d) = %q, want %q", tc.lang, tc.n, got, tc.want)
		}
	}
}

func TestOtherPaths(t *testing.T) {
	for got, want := range map[string]string{
		site.HomePath("nl"):                         "/nl/",
		site.IncidentPath("de", "soap-api-storing"): "/de/incidents/soap-api-storing/",
		site.ComponentPath("fr", "rest-api"):        "/fr/components/rest-api/",
		site.FeedPath("en", "atom"):                 "/en/feed.atom",
		site.ComponentFeedPath("nl", "api", "json"): "/nl/components/api/feed.json",
		site.CalendarPath("de"):                     "/de/maintenance.ics",
	} {
		if got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	}
}

// TestUpdateAnchor: an update's anchor is its instant in UTC, whatever zone it was written in,
// so it is the same on every language's page and in every feed.
func TestUpdateAnchor(t *testing.T) {
	cest := time.FixedZone("CEST", 2*3600)
	for _, tc := range []struct {
		at   time.Time
		want string
	}{
		{time.Date(2026, 10, 6, 7, 12, 0, 0, cest), "update-20261006t051200z"},
		{time.Date(2026, 10, 6, 5, 12, 0, 0, time.UTC), "update-20261006t051200z"},
		{time.Date(2026, 1, 1, 0, 30, 5, 0, cest), "update-20251231t223005z"},
	} {
		if got := site.UpdateAnchor(incident.Update{At: tc.at}); got != tc.want {
			t.Errorf("UpdateAnchor(%s) = %q, want %q", tc.at, got, tc.want)
		}
	}
}
