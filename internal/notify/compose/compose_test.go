package compose_test

import (
	"bytes"
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"statuspress/internal/content"
	"statuspress/internal/locale"
	"statuspress/internal/notify"
	"statuspress/internal/notify/chat"
	"statuspress/internal/notify/compose"
	"statuspress/internal/notify/config"
	"statuspress/locales"
)

// clock is when the sample's REST API incident is being monitored.
var clock = time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)

const baseURL = "https://status.lumenmail.example"

func load(t *testing.T) *content.Catalog {
	t.Helper()
	cat := content.Load(os.DirFS("../../../incidents"), content.Options{})
	if n := cat.Problems.Errors(); n > 0 {
		t.Fatalf("sample content has %d errors:\n%v", n, cat.Problems)
	}
	return cat
}

// batch is the batch of the named events of one incident of the sample at clock.
func batch(t *testing.T, cat *content.Catalog, slug string, ids ...string) notify.Batch {
	t.Helper()
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
	return b
}

func message(t *testing.T, cat *content.Catalog, b notify.Batch, lang string) notify.Message {
	t.Helper()
	lc, err := locale.Load(locales.FS)
	if err != nil {
		t.Fatal(err)
	}
	return compose.Message(b, compose.Params{
		Site:        cat.Site,
		Localizer:   lc.Localizer(lang, cat.Site.Location(lang)),
		IncidentURL: func(lang, slug string) string { return baseURL + "/" + lang + "/incidents/" + slug + "/" },
		Now:         clock,
	})
}

func TestFrenchMessage(t *testing.T) {
	cat := load(t)
	b := batch(t, cat, "rest-api-errors", "update:rest-api-errors/20261123T092000Z", "update:rest-api-errors/20261123T114500Z")
	m := message(t, cat, b, "fr")
	for _, c := range []struct{ what, got, want string }{
		{"title", m.Title, "Erreurs et lenteurs sur l'API REST"},
		{"site", m.Site, "État des services Lumen Mail"},
		{"link", m.Link, baseURL + "/fr/incidents/rest-api-errors/"},
		{"link label", m.LinkLabel, "Voir sur la page d'état"},
		{"state", m.State, "Sous surveillance"},
	} {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.what, c.got, c.want)
		}
	}
	// Times in Paris, with the zone named; both updates, oldest first, in French.
	for _, want := range []string{"23 novembre 2026 à 10:20 CET", "23 novembre 2026 à 12:45 CET", "clusters de passerelles", "Idempotency-Key"} {
		if !strings.Contains(m.Text, want) {
			t.Errorf("text lacks %q:\n%s", want, m.Text)
		}
	}
	if strings.Index(m.Text, "10:20") > strings.Index(m.Text, "12:45") {
		t.Errorf("updates are not oldest first:\n%s", m.Text)
	}
	if m.Time != "23 novembre 2026 à 12:45 CET" || !m.At.Equal(time.Date(2026, 11, 23, 11, 45, 0, 0, time.UTC)) {
		t.Errorf("time = %q (%v), want the latest update's", m.Time, m.At)
	}
	if len(m.Components) == 0 || m.Components[0].Name != "API REST" || m.ComponentsLabel != "Composants concernés" {
		t.Errorf("components %q: %+v", m.ComponentsLabel, m.Components)
	}
	if !strings.Contains(m.HTML, "<p>") || strings.Contains(m.Text, "<p>") {
		t.Errorf("HTML and text mixed up:\n%s\n%s", m.HTML, m.Text)
	}
	if m.ID != b.MessageID() || !strings.HasPrefix(m.ID, "msg_") {
		t.Errorf("id = %q", m.ID)
	}
	for _, typ := range []config.Type{config.Slack, config.Teams, config.Discord, config.Mattermost} {
		body, err := chat.Body(typ, m)
		if err != nil || !json.Valid(body) || !bytes.Contains(body, []byte("API REST")) {
			t.Errorf("%s body: %v %s", typ, err, body)
		}
	}
}

func TestFallsBackAsPagesDo(t *testing.T) {
	cat := load(t)
	// The December maintenance has no French translation: French readers get the original.
	b := batch(t, cat, "database-upgrade-december", "maintenance:database-upgrade-december")
	in, _ := cat.Incident("database-upgrade-december")
	if _, ok := in.Texts["fr"]; ok {
		t.Skip("the sample now has a French translation")
	}
	m := message(t, cat, b, "fr")
	if m.Title != in.Original().Title {
		t.Errorf("title = %q, want the original's %q", m.Title, in.Original().Title)
	}
	if !strings.Contains(m.Text, "Prévue") || !strings.Contains(m.Text, "CET") {
		t.Errorf("the window is not in French words and Paris time:\n%s", m.Text)
	}
}
