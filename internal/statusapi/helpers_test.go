package statusapi_test

import (
	"os"
	"sync"
	"testing"
	"time"

	"statuspress/internal/content"
	"statuspress/internal/locale"
	"statuspress/internal/statusapi"
	"statuspress/locales"
)

// The tests answer from the real sample content at a fixed instant: Monday 23 November 2026,
// 12:00 UTC, when the REST API incident (rest-api-errors) is in its monitoring stage and the
// database maintenance of 5 December (database-upgrade-december) is announced but not begun.
const (
	contentDir = "../../incidents"
	baseURL    = "https://status.lumenmail.example"
)

var clock = time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)

var messageCatalog = sync.OnceValues(func() (*locale.Catalog, error) { return locale.Load(locales.FS) })

// load reads the sample content afresh, as a restarted server would.
func load(t testing.TB) *content.Catalog {
	t.Helper()
	c := content.Load(os.DirFS(contentDir), content.Options{})
	if n := c.Problems.Errors(); n > 0 {
		t.Fatalf("sample content has %d errors:\n%v", n, c.Problems)
	}
	return c
}

// view is the API of cat in lang at now.
func view(t testing.TB, cat *content.Catalog, lang string, now time.Time) *statusapi.View {
	t.Helper()
	lc, err := messageCatalog()
	if err != nil {
		t.Fatal(err)
	}
	return statusapi.New(statusapi.Params{
		Site:      cat.Site,
		Incidents: cat.Incidents,
		Localizer: lc.Localizer(lang, cat.Site.Location(lang)),
		Now:       now,
		BaseURL:   baseURL,
		IncidentURL: func(slug string) string {
			return baseURL + "/" + lang + "/incidents/" + slug + "/"
		},
	})
}
