package server_test

import (
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/google/go-cmp/cmp"
	"golang.org/x/net/html"

	"statuspress/internal/locale"
	"statuspress/internal/site"
)

// TestIncidentFallbacks: text a language lacks is shown in the language it exists in, marked
// as such, and the reader is told.
func TestIncidentFallbacks(t *testing.T) {
	s := sample(t)
	cat := localeCatalog(t)

	t.Run("no translation", func(t *testing.T) {
		// database-upgrade-december has Dutch and German translations, no French one.
		l := cat.Localizer("fr", nil)
		doc := checkPage(t, get(t, s, "/fr/incidents/database-upgrade-december/"), "fr", "/fr/incidents/database-upgrade-december/", http.StatusOK)
		want := l.TData(locale.NoteNotTranslated, map[string]any{"Language": l.LanguageName("fr"), "Shown": l.LanguageName("en")})
		want = strings.Join(strings.Fields(want), " ") // as noteTexts reads it: French spaces its semicolon
		if got := noteTexts(doc); !slices.Contains(got, want) {
			t.Errorf("notes %q, want %q", got, want)
		}
		if lang, _ := doc.Find("main h1").Attr("lang"); lang != "en" {
			t.Errorf("title lang=%q, want en", lang)
		}
		checkProseLang(t, doc, "en")
	})

	t.Run("machine translation", func(t *testing.T) {
		l := cat.Localizer("fr", nil)
		doc := checkPage(t, get(t, s, "/fr/incidents/mobile-sdk-400-errors/"), "fr", "/fr/incidents/mobile-sdk-400-errors/", http.StatusOK)
		note := l.TData(locale.NoteMachineTranslated, map[string]any{"Language": l.LanguageName("en")})
		notes := noteTexts(doc)
		if !slices.ContainsFunc(notes, func(s string) bool { return strings.HasPrefix(s, note) }) {
			t.Errorf("notes %q, want one starting %q", notes, note)
		}
		link := doc.Find(`main .note a`)
		href, _ := link.Attr("href")
		if link.Length() != 1 || strings.TrimPrefix(href, baseURL) != "/en/incidents/mobile-sdk-400-errors/" || link.Text() != l.T(locale.NoteReadOriginal) {
			t.Errorf("note links %q to %q, want %q to /en/incidents/mobile-sdk-400-errors/", link.Text(), href, l.T(locale.NoteReadOriginal))
		}
		if hl, _ := link.Attr("hreflang"); hl != "en" {
			t.Errorf("link to the original: hreflang=%q, want en", hl)
		}
		// The translation is complete: nothing on the page falls back.
		checkProseLang(t, doc, "")
	})

	t.Run("Dutch original, no German, an English translation", func(t *testing.T) {
		// A German reader is better served by the English translation (the site's default
		// language) than by the Dutch original.
		l := cat.Localizer("de", nil)
		doc := checkPage(t, get(t, s, "/de/incidents/soap-api-storing/"), "de", "/de/incidents/soap-api-storing/", http.StatusOK)
		// It says what happened: no German, the English translation, a Dutch original, linked.
		want := l.TData(locale.NoteNotTranslatedFrom, map[string]any{
			"Language": l.LanguageName("de"), "Shown": l.LanguageName("en"), "Original": l.LanguageName("nl"),
		}) + " " + l.T(locale.NoteReadOriginal)
		if got := noteTexts(doc); !slices.Contains(got, want) {
			t.Errorf("notes %q, want %q", got, want)
		}
		if href := doc.Find("main .note a").AttrOr("href", ""); strings.TrimPrefix(href, baseURL) != "/nl/incidents/soap-api-storing/" {
			t.Errorf("the note links %q, want the Dutch original", href)
		}
		if lang, _ := doc.Find("main h1").Attr("lang"); lang != "en" {
			t.Errorf("title lang=%q, want en", lang)
		}
		checkProseLang(t, doc, "en")
	})

	t.Run("translated", func(t *testing.T) {
		// A translation links its original, which may hold pictures and tables it left out.
		l := cat.Localizer("en", nil)
		doc := checkPage(t, get(t, s, "/en/incidents/soap-api-storing/"), "en", "/en/incidents/soap-api-storing/", http.StatusOK)
		want := []string{l.TData(locale.NoteTranslatedFrom, map[string]any{"Original": l.LanguageName("nl")}) + " " + l.T(locale.NoteReadOriginal)}
		if got := noteTexts(doc); !slices.Equal(got, want) {
			t.Errorf("notes %q, want %q", got, want)
		}
		if href := doc.Find("main .note a").AttrOr("href", ""); strings.TrimPrefix(href, baseURL) != "/nl/incidents/soap-api-storing/" {
			t.Errorf("the note links %q, want the Dutch original", href)
		}
		checkProseLang(t, doc, "")
	})
}

// noteTexts are the language notes of an incident page, white space collapsed.
func noteTexts(doc *goquery.Document) []string {
	var out []string
	doc.Find("main .note").Each(func(_ int, s *goquery.Selection) {
		out = append(out, strings.Join(strings.Fields(s.Text()), " "))
	})
	return out
}

// checkProseLang: every block of incident text says it is in lang ("" for the page's language).
func checkProseLang(t *testing.T, doc *goquery.Document, lang string) {
	t.Helper()
	prose := doc.Find("main .prose")
	if prose.Length() == 0 {
		t.Fatal("no .prose block")
	}
	prose.Each(func(i int, s *goquery.Selection) {
		if got, _ := s.Attr("lang"); got != lang {
			t.Errorf("prose block %d: lang=%q, want %q", i, got, lang)
		}
	})
}

// TestTimeline: updates are newest first, each with the anchor feeds link to.
func TestTimeline(t *testing.T) {
	s := sample(t)
	for _, slug := range []string{"rest-api-errors", "mobile-sdk-400-errors", "webhook-delays", "mail-server-upgrade-september"} {
		in, ok := s.Snapshot().Catalog.Incident(slug)
		if !ok {
			t.Fatalf("no incident %s in the sample content", slug)
		}
		var want []string
		for i := len(in.Updates) - 1; i >= 0; i-- {
			want = append(want, site.UpdateAnchor(in.Updates[i])+" "+in.Updates[i].At.UTC().Format(time.RFC3339))
		}
		for _, lang := range languages {
			doc := parse(t, get(t, s, site.IncidentPath(lang, slug)).Body.Bytes())
			var got []string
			doc.Find("ol.timeline > li").Each(func(_ int, li *goquery.Selection) {
				id, _ := li.Attr("id")
				at, _ := li.Find("time").Attr("datetime")
				got = append(got, id+" "+at)
				if href, _ := li.Find("a.update__time").Attr("href"); href != "#"+id {
					t.Errorf("%s/%s: update %s links itself as %q", lang, slug, id, href)
				}
			})
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("%s/%s timeline (-want +got):\n%s", lang, slug, diff)
			}
		}
	}
}

// TestNoUpdatesFromTheFuture: a page at an instant shows only what had been posted by then.
func TestNoUpdatesFromTheFuture(t *testing.T) {
	// rest-api-errors was updated at 08:05, 09:20 and 11:45 UTC.
	at := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	s := newServer(t, at)
	in, _ := s.Snapshot().Catalog.Incident("rest-api-errors")
	last := in.Updates[len(in.Updates)-1]
	if !last.At.After(at) {
		t.Fatalf("the sample's last update (%s) is no longer after %s; move the instant", last.At, at)
	}
	cat := localeCatalog(t)
	for _, lang := range languages {
		l := cat.Localizer(lang, nil)
		for _, path := range []string{site.IncidentPath(lang, "rest-api-errors"), site.HomePath(lang), site.ComponentPath(lang, "rest-api")} {
			rec := get(t, s, path)
			doc := checkPage(t, rec, lang, path, http.StatusOK)
			if doc.Find("#"+site.UpdateAnchor(last)).Length() != 0 {
				t.Errorf("%s shows the update of %s at %s", path, last.At, at)
			}
			if strings.Contains(rec.Body.String(), "Idempotency-Key") {
				t.Errorf("%s quotes the text of the update of %s at %s", path, last.At, at)
			}
			if strings.Contains(rec.Body.String(), last.At.UTC().Format(time.RFC3339)) {
				t.Errorf("%s shows the time of the update of %s at %s", path, last.At, at)
			}
			// Before 11:45 the REST API was partly down, not merely slow.
			if !strings.Contains(visibleText(doc, lang), l.ComponentStatus("partial_outage")) {
				t.Errorf("%s does not say %q", path, l.ComponentStatus("partial_outage"))
			}
		}
		doc := parse(t, get(t, s, site.IncidentPath(lang, "rest-api-errors")).Body.Bytes())
		if n := doc.Find("ol.timeline > li").Length(); n != len(in.Updates)-1 {
			t.Errorf("%s: %d updates in the timeline, want %d", lang, n, len(in.Updates)-1)
		}
	}
}

// TestFallbackMarkedEverywhere: a title shown in another language than the page's is marked
// with its language wherever it appears (cards, headings, the uptime bars' day links), so a
// screen reader pronounces it right.
func TestFallbackMarkedEverywhere(t *testing.T) {
	s := sample(t)
	for _, p := range samplePages {
		for _, lang := range languages {
			path := p.path(lang)
			doc := parse(t, get(t, s, path).Body.Bytes())
			// The titles the page itself marks as written in another language.
			fallback := map[string]string{}
			doc.Find("main a[lang], main h1[lang]").Each(func(_ int, e *goquery.Selection) {
				if l, _ := e.Attr("lang"); l != lang {
					fallback[strings.TrimSpace(e.Text())] = l
				}
			})
			unmarked := map[string]bool{}
			doc.Find("main *").Each(func(_ int, e *goquery.Selection) {
				for _, n := range e.Nodes {
					for c := n.FirstChild; c != nil; c = c.NextSibling {
						if c.Type != html.TextNode {
							continue
						}
						title := strings.TrimSpace(c.Data)
						want, ok := fallback[title]
						if !ok {
							continue
						}
						if got := langOf(e); got != want {
							unmarked[title+" in <"+n.Data+"> (lang "+got+", want "+want+")"] = true
						}
					}
				}
			})
			for u := range unmarked {
				t.Errorf("%s: %s", path, u)
			}
		}
	}
}

// langOf is the language an element is in: its own lang attribute or its nearest ancestor's.
func langOf(e *goquery.Selection) string {
	if l, ok := e.Closest("[lang]").Attr("lang"); ok {
		return l
	}
	return ""
}
