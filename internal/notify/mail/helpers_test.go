package mail

import (
	"os"
	"slices"
	"sync"
	"testing"
	"time"

	"statuspress/internal/content"
	"statuspress/internal/locale"
	"statuspress/internal/notify"
	"statuspress/internal/notify/compose"
	"statuspress/locales"
)

// clock is when the sample's REST API incident is being monitored.
var clock = time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)

const baseURL = "https://status.lumenmail.example"

var (
	loadOnce sync.Once
	sample   *content.Catalog
	catalog  *locale.Catalog
	loadErr  error
)

func load(t testing.TB) (*content.Catalog, *locale.Catalog) {
	t.Helper()
	loadOnce.Do(func() {
		sample = content.Load(os.DirFS("../../../incidents"), content.Options{})
		catalog, loadErr = locale.Load(locales.FS)
	})
	if loadErr != nil {
		t.Fatal(loadErr)
	}
	if n := sample.Problems.Errors(); n > 0 {
		t.Fatalf("sample content has %d errors:\n%v", n, sample.Problems)
	}
	return sample, catalog
}

func localizer(t testing.TB, lang string) *locale.Localizer {
	t.Helper()
	cat, lc := load(t)
	return lc.Localizer(lang, cat.Site.Location(lang))
}

// message is the sample's REST API incident, its two latest updates, written for lang.
func message(t testing.TB, lang string) notify.Message {
	t.Helper()
	cat, _ := load(t)
	const slug = "rest-api-errors"
	ids := []string{"update:rest-api-errors/20261123T092000Z", "update:rest-api-errors/20261123T114500Z"}
	in, ok := cat.Incident(slug)
	if !ok {
		t.Fatalf("no incident %s", slug)
	}
	b := notify.Batch{Slug: slug, Incident: in}
	for _, e := range notify.Snapshot(cat.Incidents, clock) {
		if slices.Contains(ids, e.ID) {
			b.Events = append(b.Events, e)
		}
	}
	if len(b.Events) != len(ids) {
		t.Fatalf("found %d of the events %v", len(b.Events), ids)
	}
	return compose.Message(b, compose.Params{
		Site:        cat.Site,
		Localizer:   localizer(t, lang),
		IncidentURL: func(lang, slug string) string { return baseURL + "/" + lang + "/incidents/" + slug + "/" },
		Now:         clock,
	})
}

func links(token string) Links {
	return Links{
		Unsubscribe: baseURL + "/unsubscribe/" + token,
		Manage:      baseURL + "/manage/" + token,
	}
}
