package server_test

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/google/go-cmp/cmp"

	"statuspress/internal/locale"
	"statuspress/internal/server"
	"statuspress/internal/site"
	"statuspress/internal/testsupport"
	"statuspress/internal/testsupport/sitetest"
)

// newServerOf is a server over a content directory written from a txtar archive, with its clock
// stopped at now. The content must load without errors.
func newServerOf(t *testing.T, archive string, now time.Time) *server.Server {
	t.Helper()
	snap := sitetest.Build(t, os.DirFS(testsupport.Dir(t, archive)), site.Options{}, now)
	return server.New(snap, server.Config{Now: func() time.Time { return now }})
}

// twoLanguageSite is a site.yaml of two languages and one component, as the start of a txtar
// archive.
const twoLanguageSite = `
-- site.yaml --
title: Two
base_url: https://status.two.example
default_language: en
languages: [en, nl]
components:
  - id: api
    name: {en: API, nl: API}
`

// TestTranslationLeavesOutSummary: a translation without a summary or a body shows the
// original's, marked in words as updates are, on the incident page and in the lists.
func TestTranslationLeavesOutSummary(t *testing.T) {
	now := time.Date(2026, 10, 2, 0, 0, 0, 0, time.UTC)
	s := newServerOf(t, twoLanguageSite+`
-- api-down.md --
---
title: API down
components: {api: major_outage}
started: 2026-10-01T10:00:00Z
resolved: 2026-10-01T11:00:00Z
summary: The API refused every call for an hour.
updates:
  - {at: 2026-10-01T10:05:00Z, status: investigating, text: We are looking into it.}
  - {at: 2026-10-01T11:00:00Z, status: resolved, text: Fixed.}
---
## Cause

A bad release.
-- api-down.nl.md --
---
title: API onbereikbaar
updates:
  - {at: 2026-10-01T10:05:00Z, text: We zoeken het uit.}
  - {at: 2026-10-01T11:00:00Z, text: Opgelost.}
---
`, now)
	l := localeCatalog(t).Localizer("nl", nil)
	note := l.TData(locale.NoteOnlyIn, map[string]any{"Language": l.LanguageName("en")})

	doc := parse(t, get(t, s, "/nl/incidents/api-down/").Body.Bytes())
	// Each note comes right before the text it is about, which says it is English.
	var got []string
	doc.Find("main .lang-note").Each(func(_ int, n *goquery.Selection) {
		next := n.Next()
		lang, _ := next.Attr("lang")
		got = append(got, strings.TrimSpace(n.Text())+" | "+goquery.NodeName(next)+"."+next.AttrOr("class", "")+" lang="+lang)
	})
	want := []string{
		note + " | p.lead lang=en",
		note + " | div.prose lang=en",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("notes on the incident page (-want +got):\n%s", diff)
	}
	// The one page-wide note says that this is a translation, and links the original.
	if got, want := noteTexts(doc), []string{l.TData(locale.NoteTranslatedFrom, map[string]any{"Original": l.LanguageName("en")}) + " " + l.T(locale.NoteReadOriginal)}; !cmp.Equal(got, want) {
		t.Errorf("page-wide notes on a translated page %q, want %q", got, want)
	}
	if href := doc.Find("main .note a").AttrOr("href", ""); href != "https://status.two.example/en/incidents/api-down/" {
		t.Errorf("the note links %q, want the English original", href)
	}

	for _, page := range []string{"/nl/history/", "/nl/components/api/"} {
		doc := parse(t, get(t, s, page).Body.Bytes())
		summary := doc.Find(".card__summary")
		prev := summary.Prev()
		if summary.Length() != 1 || summary.AttrOr("lang", "") != "en" || !prev.HasClass("lang-note") || strings.TrimSpace(prev.Text()) != note {
			t.Errorf("%s: summary lang=%q after %q, want lang=en after the note %q", page, summary.AttrOr("lang", ""), prev.Text(), note)
		}
	}

	// The original needs no notes.
	if n := parse(t, get(t, s, "/en/incidents/api-down/").Body.Bytes()).Find(".lang-note, .update__lang, .note").Length(); n != 0 {
		t.Errorf("%d language notes on the original", n)
	}
}
