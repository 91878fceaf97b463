package site_test

import (
	"bytes"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	ical "github.com/emersion/go-ical"
	"github.com/google/go-cmp/cmp"
	"github.com/mmcdole/gofeed"

	"statuspress/internal/feed"
	"statuspress/internal/site"
	"statuspress/internal/testsupport"
	"statuspress/internal/testsupport/feedcheck"
	"statuspress/internal/testsupport/sitetest"
)

// The feed tests answer from the sample content at a fixed instant: Monday 23 November 2026, 12:00
// UTC, while the REST API incident is in its monitoring stage and the December database
// maintenance is announced but not begun.
var feedClock = time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)

const sampleURL = "https://status.lumenmail.example"

// sampleSite is a snapshot of the repository's sample content.
func sampleSite(t *testing.T) *site.Snapshot {
	t.Helper()
	return build(t, "../../incidents", site.Options{})
}

// encoders write a feed in each format, with the self link the server gives it.
var encoders = map[string]func(*site.Snapshot, feed.Feed, string, string) ([]byte, error){
	"rss": func(s *site.Snapshot, f feed.Feed, lang, comp string) ([]byte, error) {
		return feed.RSS(f, s.Absolute(feedPath(lang, comp, "rss")))
	},
	"atom": func(s *site.Snapshot, f feed.Feed, lang, comp string) ([]byte, error) {
		return feed.Atom(f, s.Absolute(feedPath(lang, comp, "atom")))
	},
	"json": func(s *site.Snapshot, f feed.Feed, lang, comp string) ([]byte, error) {
		return feed.JSON(f, s.Absolute(feedPath(lang, comp, "json")))
	},
}

func feedPath(lang, component, ext string) string {
	if component == "" {
		return site.FeedPath(lang, ext)
	}
	return site.ComponentFeedPath(lang, component, ext)
}

// parsed is a feed of s written in format and read back by gofeed, as a feed reader reads it.
func parsed(t *testing.T, s *site.Snapshot, lang, component, format string) *gofeed.Feed {
	t.Helper()
	f, ok := s.Feed(lang, component, feedClock)
	if !ok {
		t.Fatalf("no feed for %s %q", lang, component)
	}
	b, err := encoders[format](s, f, lang, component)
	if err != nil {
		t.Fatal(err)
	}
	return feedcheck.Read(t, b)
}

// TestFeedGolden holds feeds and calendars of the sample content at the fixed feedClock against
// testdata/golden. After an intended change: go test ./internal/site -run TestFeedGolden -update,
// then read the diff.
func TestFeedGolden(t *testing.T) {
	s := sampleSite(t)
	for _, tc := range []struct{ lang, component, format string }{
		{"en", "", "rss"},
		{"nl", "", "atom"},
		{"fr", "", "json"},
		{"de", "", "rss"},
		{"nl", "soap-api", "rss"},
		{"en", "webhooks", "atom"},
		{"de", "mobile-app", "json"},
		{"en", "", "ics"},
		{"de", "", "ics"},
	} {
		name := "feed." + tc.lang + "." + tc.format
		if tc.component != "" {
			name = "feed." + tc.lang + "." + tc.component + "." + tc.format
		}
		if tc.format == "ics" {
			name = "maintenance." + tc.lang + ".ics"
		}
		t.Run(name, func(t *testing.T) {
			var got []byte
			if tc.format == "ics" {
				got = feed.ICS(s.Calendar(tc.lang, feedClock), s.Absolute(site.CalendarPath(tc.lang)))
			} else {
				f, ok := s.Feed(tc.lang, tc.component, feedClock)
				if !ok {
					t.Fatalf("no feed")
				}
				var err error
				if got, err = encoders[tc.format](s, f, tc.lang, tc.component); err != nil {
					t.Fatal(err)
				}
			}
			testsupport.Golden(t, filepath.Join("testdata", "golden", name), got)
		})
	}
}

// item is what the tests compare of a parsed item.
type item struct {
	ID, Title, Link string
	Published       time.Time
}

func items(f *gofeed.Feed) []item {
	var out []item
	for _, it := range f.Items {
		i := item{ID: it.GUID, Title: it.Title, Link: it.Link}
		if it.PublishedParsed != nil {
			i.Published = it.PublishedParsed.UTC()
		}
		out = append(out, i)
	}
	return out
}

func tag(specific string) string { return "tag:status.lumenmail.example,2026:" + specific }

// TestSiteFeed reads the Dutch site feed in every format and checks its items: one per published
// update and per notice, newest first, with localized status and title, the update's anchor and a
// tag URI that names the update.
func TestSiteFeed(t *testing.T) {
	s := sampleSite(t)
	for _, format := range []string{"rss", "atom", "json"} {
		t.Run(format, func(t *testing.T) {
			f := parsed(t, s, "nl", "", format)
			if f.Title != "Lumen Mail Status: statusupdates" || f.Language != "nl" || f.Link != sampleURL+"/nl/" || f.FeedLink != sampleURL+"/nl/feed."+format {
				t.Errorf("feed title %q language %q link %q self %q", f.Title, f.Language, f.Link, f.FeedLink)
			}
			got := items(f)
			// 4 updates each of webhook-delays, mail-server-upgrade-september, soap-api-storing and
			// tracking-statistics-delayed, 5 of mobile-sdk-400-errors, 3 of rest-api-errors, the
			// announcement of database-upgrade-december and the notice api-fehlerbenachrichtigung.
			if len(got) != 26 {
				t.Errorf("%d items, want 26", len(got))
			}
			if !slices.IsSortedFunc(got, func(a, b item) int { return b.Published.Compare(a.Published) }) {
				t.Errorf("items are not newest first")
			}
			if f.UpdatedParsed == nil || !f.UpdatedParsed.Equal(got[0].Published) {
				t.Errorf("feed updated %v, want the newest item's %v", f.UpdatedParsed, got[0].Published)
			}
			seen := map[string]bool{}
			for _, it := range got {
				if seen[it.ID] {
					t.Errorf("id %s twice", it.ID)
				}
				seen[it.ID] = true
				if !strings.HasPrefix(it.Link, sampleURL+"/nl/incidents/") {
					t.Errorf("item %s links to %s", it.ID, it.Link)
				}
			}
			want := map[string]item{
				"newest": {
					ID: tag("rest-api-errors/20261123T114500Z"), Title: "[Wordt gevolgd] Fouten en trage reacties op de REST-API",
					Link: sampleURL + "/nl/incidents/rest-api-errors/#update-20261123t114500z", Published: time.Date(2026, 11, 23, 11, 45, 0, 0, time.UTC),
				},
				"resolved": {
					ID: tag("soap-api-storing/20261006T123000Z"), Title: "[Opgelost] Storing SOAP-API",
					Link: sampleURL + "/nl/incidents/soap-api-storing/#update-20261006t123000z", Published: time.Date(2026, 10, 6, 12, 30, 0, 0, time.UTC),
				},
				"notice": {
					ID: tag("api-fehlerbenachrichtigung"), Title: "[Mededeling] Failed API calls are now reported by e-mail",
					Link: sampleURL + "/nl/incidents/api-fehlerbenachrichtigung/", Published: time.Date(2026, 10, 26, 9, 0, 0, 0, time.UTC),
				},
				"announcement": {
					ID: tag("database-upgrade-december/20261120T090000Z"), Title: "[Gepland] Database-upgrade voor de webapplicatie en de REST-API",
					Link: sampleURL + "/nl/incidents/database-upgrade-december/#update-20261120t090000z", Published: time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC),
				},
			}
			for name, w := range want {
				i := slices.IndexFunc(got, func(it item) bool { return it.ID == w.ID })
				if i < 0 {
					t.Errorf("%s: no item %s", name, w.ID)
					continue
				}
				if diff := cmp.Diff(w, got[i]); diff != "" {
					t.Errorf("%s (-want +got):\n%s", name, diff)
				}
			}
			if got[0] != want["newest"] {
				t.Errorf("first item %+v, want %+v", got[0], want["newest"])
			}
			// Content is the update's text in Dutch.
			for _, it := range f.Items {
				content := it.Content
				if format == "rss" {
					content = it.Description
				}
				if it.GUID == want["resolved"].ID && !strings.Contains(content, "De SOAP-API werkt sinds vanochtend 08:52 uur") {
					t.Errorf("content of %s: %q", it.GUID, content)
				}
			}
		})
	}
}

// TestFeedLanguages: ids are the same in every language (they name the update, not the page);
// titles, status words and links follow the language, falling back to the default language's
// translation (English here) before the Dutch original.
func TestFeedLanguages(t *testing.T) {
	s := sampleSite(t)
	want := map[string]item{
		"en": {Title: "[Resolved] SOAP API outage", Link: sampleURL + "/en/incidents/soap-api-storing/#update-20261006t123000z"},
		"nl": {Title: "[Opgelost] Storing SOAP-API", Link: sampleURL + "/nl/incidents/soap-api-storing/#update-20261006t123000z"},
		"fr": {Title: "[Résolu] SOAP API outage", Link: sampleURL + "/fr/incidents/soap-api-storing/#update-20261006t123000z"},
		"de": {Title: "[Behoben] SOAP API outage", Link: sampleURL + "/de/incidents/soap-api-storing/#update-20261006t123000z"},
	}
	for lang, w := range want {
		f := parsed(t, s, lang, "", "atom")
		if f.Language != lang {
			t.Errorf("%s: language %q", lang, f.Language)
		}
		got := items(f)
		i := slices.IndexFunc(got, func(it item) bool { return it.ID == tag("soap-api-storing/20261006T123000Z") })
		if i < 0 {
			t.Errorf("%s: no item for the resolution of soap-api-storing", lang)
			continue
		}
		if got[i].Title != w.Title || got[i].Link != w.Link {
			t.Errorf("%s: title %q link %q, want %q and %q", lang, got[i].Title, got[i].Link, w.Title, w.Link)
		}
	}
}

// TestComponentFeed: a component's feed holds the items of the incidents that name it, and only
// those; an unknown component has no feed.
func TestComponentFeed(t *testing.T) {
	s := sampleSite(t)
	f := parsed(t, s, "en", "soap-api", "json")
	if f.Title != "Lumen Mail Status: status updates for SOAP API" || f.Link != sampleURL+"/en/components/soap-api/" || f.FeedLink != sampleURL+"/en/components/soap-api/feed.json" {
		t.Errorf("title %q link %q self %q", f.Title, f.Link, f.FeedLink)
	}
	slugs := map[string]int{}
	for _, it := range f.Items {
		slug, _, _ := strings.Cut(strings.TrimPrefix(it.GUID, tag("")), "/")
		slugs[slug]++
	}
	if diff := cmp.Diff(map[string]int{"soap-api-storing": 4, "api-fehlerbenachrichtigung": 1}, slugs); diff != "" {
		t.Errorf("items by incident (-want +got):\n%s", diff)
	}
	if _, ok := s.Feed("en", "no-such-component", feedClock); ok {
		t.Errorf("a feed for an unknown component")
	}
	// A component nothing ever happened to: an empty feed, dated by the site's last change.
	quiet, ok := s.Feed("en", "file-import", feedClock)
	if !ok || len(quiet.Items) != 0 || !quiet.Updated.Equal(time.Date(2026, 11, 23, 11, 45, 0, 0, time.UTC)) {
		t.Errorf("file-import feed: ok %v, %d items, updated %v", ok, len(quiet.Items), quiet.Updated)
	}
}

// TestFeedFallbackLanguage: an item whose text falls back to the original says so.
func TestFeedFallbackLanguage(t *testing.T) {
	s := sampleSite(t)
	f, _ := s.Feed("fr", "", feedClock)
	for _, it := range f.Items {
		switch {
		case strings.Contains(it.ID, "database-upgrade-december/"):
			if it.Lang != "en" {
				t.Errorf("%s: language %q, want en (no French translation)", it.ID, it.Lang)
			}
		case strings.Contains(it.ID, "rest-api-errors/"):
			if it.Lang != "" {
				t.Errorf("%s: language %q, want the feed's", it.ID, it.Lang)
			}
		}
	}
}

// TestJSONFeedsValidate validates every JSON feed of the sample site against the JSON Feed 1.1
// schema of feedcheck.
func TestJSONFeedsValidate(t *testing.T) {
	s := sampleSite(t)
	components := []string{""}
	for _, c := range s.Site.Components {
		components = append(components, c.ID)
	}
	for _, lang := range s.Site.Languages {
		for _, comp := range components {
			f, _ := s.Feed(lang, comp, feedClock)
			b, err := encoders["json"](s, f, lang, comp)
			if err != nil {
				t.Fatal(err)
			}
			if err := feedcheck.CheckJSONFeed(t, b); err != nil {
				t.Errorf("%s %q: %v", lang, comp, err)
			}
		}
	}
}

// smallSite is a small site for what the sample content cannot show, as txtar: one incident
// whose title and resolving update's text the test chooses (soapSite).
const smallSite = `
-- site.yaml --
title: Example Status
base_url: https://status.example.com
default_language: en
languages: [en, nl]
timezones:
  en: UTC
  nl: Europe/Amsterdam
components:
  - id: soap-api
    name: {en: SOAP API, nl: SOAP-API}
-- 2026/soap-api-down.md --
---
title: $TITLE
kind: incident
impact: major
components:
  soap-api: major_outage
started: 2026-06-08T02:04:00+02:00
resolved: 2026-06-08T09:04:00+02:00
updates:
  - at: 2026-06-08T07:12:00+02:00
    status: investigating
    text: |
      We are looking into it. See [the history](/en/history/) and [the cause](#cause).
  - at: 2026-06-08T09:04:00+02:00
    status: resolved
    text: |
      $RESOLVED
---

## Cause

Something broke.
`

// soapSite is smallSite with the incident's title and resolving text, and more files (txtar).
func soapSite(t *testing.T, title, resolvedText, more string) fstest.MapFS {
	t.Helper()
	r := strings.NewReplacer("$TITLE", title, "$RESOLVED", resolvedText)
	return testsupport.Files(t, r.Replace(smallSite)+strings.TrimPrefix(more, "\n"))
}

// TestFeedIDsStable loads a site twice, the second time with an update's text edited: ids, links
// and dates stay; only the content changes, so readers see an edited item, not a new one.
func TestFeedIDsStable(t *testing.T) {
	load := func(text string) feed.Feed {
		f, _ := sitetest.Build(t, soapSite(t, "SOAP API down", text, ""), site.Options{}, feedClock).Feed("en", "", feedClock)
		return f
	}
	before, after := load("Fixed."), load("Fixed: the session store is configured again.")
	if len(before.Items) != 2 || len(after.Items) != 2 {
		t.Fatalf("%d and %d items, want 2", len(before.Items), len(after.Items))
	}
	for i := range before.Items {
		b, a := before.Items[i], after.Items[i]
		if b.ID != a.ID || b.URL != a.URL || !b.Published.Equal(a.Published) || b.Title != a.Title {
			t.Errorf("item %d changed with its text:\nbefore %+v\nafter  %+v", i, b, a)
		}
	}
	if want := "tag:status.example.com,2026:soap-api-down/20260608T070400Z"; before.Items[0].ID != want {
		t.Errorf("id %q, want %q", before.Items[0].ID, want)
	}
	if before.Items[0].HTML == after.Items[0].HTML {
		t.Errorf("the edit did not reach the content")
	}
	// The same ids in every language and every format.
	nl, _ := sitetest.Build(t, soapSite(t, "SOAP API down", "Fixed.", ""), site.Options{}, feedClock).Feed("nl", "soap-api", feedClock)
	for i := range nl.Items {
		if nl.Items[i].ID != before.Items[i].ID {
			t.Errorf("item %d: id %q in the Dutch component feed, %q in the English site feed", i, nl.Items[i].ID, before.Items[i].ID)
		}
	}
}

// TestFeedEscaping: a title with every character that breaks feeds survives every format.
func TestFeedEscaping(t *testing.T) {
	const title = `SOAP & <API> "down" 'again' 🚨`
	s := sitetest.Build(t, soapSite(t, `"SOAP & <API> \"down\" 'again' 🚨"`, `Fixed <b>&</b> "done" ]]> 🚨`, ""), site.Options{}, feedClock)
	for _, format := range []string{"rss", "atom", "json"} {
		f := parsed(t, s, "en", "", format)
		if got := f.Items[0].Title; got != "[Resolved] "+title {
			t.Errorf("%s: title %q, want %q", format, got, "[Resolved] "+title)
		}
		content := f.Items[0].Content
		if format == "rss" {
			content = f.Items[0].Description
		}
		if !strings.Contains(content, `<b>&amp;</b>`) || !strings.Contains(content, `done&#34; ]]&gt; 🚨`) {
			t.Errorf("%s: content %q", format, content)
		}
	}
}

// TestFeedAbsoluteURLs: links in update texts point at the site, not at the feed reader.
func TestFeedAbsoluteURLs(t *testing.T) {
	files := soapSite(t, "SOAP API down", "Fixed.", `
-- 2026/chart/index.md --
---
title: Slow charts
started: 2026-06-09T10:00:00Z
resolved: 2026-06-09T11:00:00Z
components: {soap-api: degraded_performance}
updates:
  - at: 2026-06-09T11:00:00Z
    status: resolved
    text: "Back to normal: ![latency](latency.png)"
---
Body.
`)
	// Not UTF-8, so not in the archive.
	files["2026/chart/latency.png"] = &fstest.MapFile{Data: []byte("\x89PNG\r\n\x1a\n")}
	f, _ := sitetest.Build(t, files, site.Options{}, feedClock).Feed("en", "", feedClock)
	html := map[string]string{}
	for _, it := range f.Items {
		html[it.ID] = it.HTML
	}
	for id, want := range map[string]string{
		"tag:status.example.com,2026:chart/20260609T110000Z":         `src="https://status.example.com/incidents/chart/latency.png"`,
		"tag:status.example.com,2026:soap-api-down/20260608T051200Z": `href="https://status.example.com/en/history/"`,
	} {
		if !strings.Contains(html[id], want) {
			t.Errorf("%s: %q lacks %s", id, html[id], want)
		}
	}
	if want := `href="https://status.example.com/en/incidents/soap-api-down/#cause"`; !strings.Contains(html["tag:status.example.com,2026:soap-api-down/20260608T051200Z"], want) {
		t.Errorf("an anchor on the page did not become the page's: want %s", want)
	}
}

// TestFeedOnlyPublished: an update posted after now is not in the feed yet, and the feed's time
// is the newest update it shows.
func TestFeedOnlyPublished(t *testing.T) {
	s := sitetest.Build(t, soapSite(t, "SOAP API down", "Fixed.", ""), site.Options{}, feedClock)
	early := time.Date(2026, 6, 8, 6, 0, 0, 0, time.UTC)
	f, _ := s.Feed("en", "", early)
	if len(f.Items) != 1 || f.Items[0].Title != "[Investigating] SOAP API down" || !f.Updated.Equal(time.Date(2026, 6, 8, 5, 12, 0, 0, time.UTC)) {
		t.Errorf("at %v: %+v", early, f)
	}
	if f, _ := s.Feed("en", "", time.Date(2026, 6, 8, 0, 0, 0, 0, time.UTC)); len(f.Items) != 0 {
		t.Errorf("items before the incident began: %+v", f.Items)
	}
}

// TestFeedLimit: only the newest Options.FeedItems items.
func TestFeedLimit(t *testing.T) {
	s := build(t, "../../incidents", site.Options{FeedItems: 3})
	f, _ := s.Feed("en", "", feedClock)
	var ids []string
	for _, it := range f.Items {
		ids = append(ids, it.ID)
	}
	want := []string{tag("rest-api-errors/20261123T114500Z"), tag("rest-api-errors/20261123T092000Z"), tag("rest-api-errors/20261123T080500Z")}
	if diff := cmp.Diff(want, ids); diff != "" {
		t.Errorf("ids (-want +got):\n%s", diff)
	}
}

// TestCalendar reads the German maintenance calendar with go-ical: every maintenance, past ones
// too, at its announced window in UTC until it has ended, then at when it took place (the
// September one was completed early), with stable UIDs and German summaries where there is a
// translation.
func TestCalendar(t *testing.T) {
	s := sampleSite(t)
	b := feed.ICS(s.Calendar("de", feedClock), s.Absolute(site.CalendarPath("de")))
	cal := feedcheck.ReadCalendar(t, b)
	if name, _ := cal.Props.Text("X-WR-CALNAME"); name != "Lumen Mail Status: geplante Wartungen" {
		t.Errorf("calendar name %q", name)
	}
	type event struct {
		UID, Summary, Lang, URL string
		Start, End, Stamp       time.Time
	}
	var got []event
	for _, e := range cal.Events() {
		var ev event
		ev.UID, _ = e.Props.Text(ical.PropUID)
		ev.Summary, _ = e.Props.Text(ical.PropSummary)
		ev.Lang = e.Props.Get(ical.PropSummary).Params.Get("LANGUAGE")
		ev.URL = e.Props.Get(ical.PropURL).Value
		ev.Start, _ = e.DateTimeStart(time.UTC)
		ev.End, _ = e.DateTimeEnd(time.UTC)
		ev.Stamp, _ = e.Props.DateTime(ical.PropDateTimeStamp, time.UTC)
		got = append(got, ev)
	}
	want := []event{
		{
			UID: "mail-server-upgrade-september@status.lumenmail.example", Summary: "Mail server upgrade", Lang: "en",
			URL:   sampleURL + "/de/incidents/mail-server-upgrade-september/",
			Start: time.Date(2026, 9, 12, 20, 0, 0, 0, time.UTC), End: time.Date(2026, 9, 12, 21, 35, 0, 0, time.UTC),
			Stamp: time.Date(2026, 9, 12, 21, 35, 0, 0, time.UTC),
		},
		{
			UID: "database-upgrade-december@status.lumenmail.example", Summary: "Datenbank-Upgrade für die Web-App und die REST-API", Lang: "de",
			URL:   sampleURL + "/de/incidents/database-upgrade-december/",
			Start: time.Date(2026, 12, 5, 21, 0, 0, 0, time.UTC), End: time.Date(2026, 12, 6, 0, 0, 0, 0, time.UTC),
			Stamp: time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC),
		},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}
	// UIDs do not depend on the language or the feedClock.
	later := feed.ICS(s.Calendar("nl", feedClock.AddDate(1, 0, 0)), "")
	for _, e := range want {
		if !bytes.Contains(later, []byte("UID:"+e.UID+"\r\n")) {
			t.Errorf("UID %s missing from the Dutch calendar a year later", e.UID)
		}
	}
}
