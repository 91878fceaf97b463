package server_test

import (
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/google/go-cmp/cmp"
	"github.com/nicksnyder/go-i18n/v2/i18n"

	"statuspress/internal/locale"
	"statuspress/internal/server"
	"statuspress/internal/site"
)

// page is one page of the site in every language: the route that answers it, its path in a
// language, and the UI strings it must show there, taken from the locale catalog.
type page struct {
	route string
	path  func(lang string) string
	// headings are messages the page's headings (h1, h2) must say.
	headings []*i18n.Message
}

// samplePages are the pages of the sample site at the fixed clock.
var samplePages = []page{
	{"/:lang/", site.HomePath, []*i18n.Message{
		locale.StateMinor, locale.HeadingOngoingIncidents, locale.HeadingComponents,
		locale.HeadingUpcomingMaintenance, locale.HeadingRecentNotices, locale.HeadingPastIncidents,
	}},
	{"/:lang/history/", func(l string) string { return site.HistoryPath(l, 1) }, []*i18n.Message{locale.HeadingHistory}},
	{"/:lang/incidents/:slug/", incident("rest-api-errors"), []*i18n.Message{locale.HeadingTimeline}},
	{"/:lang/incidents/:slug/", incident("mobile-sdk-400-errors"), []*i18n.Message{locale.HeadingTimeline, locale.HeadingPostmortem}},
	{"/:lang/incidents/:slug/", incident("soap-api-storing"), []*i18n.Message{locale.HeadingTimeline, locale.HeadingPostmortem}},
	{"/:lang/incidents/:slug/", incident("webhook-delays"), []*i18n.Message{locale.HeadingTimeline, locale.HeadingPostmortem}},
	{"/:lang/incidents/:slug/", incident("tracking-statistics-delayed"), []*i18n.Message{locale.HeadingTimeline}},
	{"/:lang/incidents/:slug/", incident("database-upgrade-december"), []*i18n.Message{locale.HeadingTimeline}},
	{"/:lang/incidents/:slug/", incident("mail-server-upgrade-september"), []*i18n.Message{locale.HeadingTimeline}},
	{"/:lang/incidents/:slug/", incident("api-fehlerbenachrichtigung"), nil},
	{"/:lang/components/:id/", component("rest-api"), []*i18n.Message{locale.HeadingUptime, locale.HeadingOngoingIncidents, locale.HeadingPastIncidents}},
	{"/:lang/components/:id/", component("soap-api"), []*i18n.Message{locale.HeadingUptime, locale.HeadingPastIncidents}},
	{"/:lang/components/:id/", component("file-import"), []*i18n.Message{locale.HeadingPastIncidents}},
}

func incident(slug string) func(string) string {
	return func(lang string) string { return site.IncidentPath(lang, slug) }
}

func component(id string) func(string) string {
	return func(lang string) string { return site.ComponentPath(lang, id) }
}

// TestPages requests every page in every language and checks what every page owes its reader:
// the language in <html lang> and Content-Language, alternates in all languages, a language
// switcher that remembers the choice, feed autodiscovery, and its headings in the page's
// language with no message id or English UI text leaking through.
func TestPages(t *testing.T) {
	s := sample(t)
	cat := localeCatalog(t)
	for _, p := range samplePages {
		for _, lang := range languages {
			path := p.path(lang)
			t.Run(strings.TrimPrefix(path, "/"), func(t *testing.T) {
				rec := get(t, s, path)
				doc := checkPage(t, rec, lang, path, http.StatusOK)
				l := cat.Localizer(lang, nil)
				var headings []string
				doc.Find("h1, h2").Each(func(_ int, h *goquery.Selection) {
					headings = append(headings, strings.Join(strings.Fields(h.Text()), " "))
				})
				for _, m := range p.headings {
					if want := l.T(m); !slices.Contains(headings, want) {
						t.Errorf("no heading %q (%s); headings: %q", want, m.ID, headings)
					}
				}
			})
		}
	}
}

// TestHistoryPages pages through a small archive in every language.
func TestHistoryPages(t *testing.T) {
	s := newServerWith(t, clock, site.Options{HistoryPageSize: 3})
	cat := localeCatalog(t)
	for _, lang := range languages {
		l := cat.Localizer(lang, nil)
		for n := 1; n <= 3; n++ {
			path := site.HistoryPath(lang, n)
			t.Run(strings.TrimPrefix(path, "/"), func(t *testing.T) {
				doc := checkPage(t, get(t, s, path), lang, path, http.StatusOK)
				if got, want := doc.Find("main h1").Text(), l.T(locale.HeadingHistory); got != want {
					t.Errorf("h1 = %q, want %q", got, want)
				}
				want := l.TData(locale.LabelPage, map[string]any{"Page": n, "Pages": 3})
				if got := strings.TrimSpace(doc.Find(".pager__position").Text()); got != want {
					t.Errorf("pager position = %q, want %q", got, want)
				}
				// Pages after the first say their number in the title too.
				if got := doc.Find("title").Text(); strings.Contains(got, want) != (n > 1) {
					t.Errorf("title %q: page number shown %v, want %v", got, !(n > 1), n > 1)
				}
				// Upcoming maintenance stands apart from the paged past, above the months.
				if got := doc.Find("section:has(h2.month) .card").Length(); got == 0 || got > 3 {
					t.Errorf("%d cards on a page of 3", got)
				}
				prev, _ := doc.Find(`.pager a[rel="prev"]`).Attr("href")
				next, _ := doc.Find(`.pager a[rel="next"]`).Attr("href")
				wantPrev, wantNext := "", ""
				if n > 1 {
					wantPrev = site.HistoryPath(lang, n-1)
				}
				if n < 3 {
					wantNext = site.HistoryPath(lang, n+1)
				}
				if prev != wantPrev || next != wantNext {
					t.Errorf("pager links prev %q next %q, want %q and %q", prev, next, wantPrev, wantNext)
				}
			})
		}
	}
}

// TestEveryRouteIsTested fails when routes.go gains a route no test here requests.
func TestEveryRouteIsTested(t *testing.T) {
	tested := map[string]bool{
		"/": true, "/lang/:lang": true,
		// TestHistoryPages and TestComponentPages page through small archives.
		"/:lang/history/page/:n/": true, "/:lang/components/:id/page/:n/": true,
		"/incidents/:slug/*": true, "/static/*": true, "/healthz": true, "/readyz": true, "/metrics": true,
		// Feeds and the calendar are linked from every page; TestLinks requests each of them.
		"/:lang/feed.rss": true, "/:lang/feed.atom": true, "/:lang/feed.json": true,
		"/:lang/components/:id/feed.rss": true, "/:lang/components/:id/feed.atom": true,
		"/:lang/components/:id/feed.json": true, "/:lang/maintenance.ics": true,
		// The API and the badges: api_test.go and badges_test.go request each of them.
		"/api/v2/summary.json": true, "/api/v2/status.json": true, "/api/v2/components.json": true,
		"/api/v2/incidents.json": true, "/api/v2/incidents/unresolved.json": true,
		"/api/v2/scheduled-maintenances.json": true, "/api/v2/scheduled-maintenances/upcoming.json": true,
		"/api/v2/scheduled-maintenances/active.json": true, "/api/v2/openapi.json": true,
		"/favicon.ico": true, "/badge.svg": true, "/badge.json": true, "/components/:id/badge.svg": true, "/components/:id/badge.json": true,
		// The subscription pages: subscribe_test.go requests each of them, GET and POST.
		"/:lang/subscribe/": true, "/:lang/subscribe/confirm/": true, "/:lang/subscription/": true,
		"/:lang/subscription/unsubscribe/": true,
	}
	posts := map[string]bool{}
	for _, r := range site.Routes {
		posts[r.Pattern] = r.Post
	}
	for _, p := range samplePages {
		tested[p.route] = true
	}
	for _, r := range server.RoutePaths(sample(t)) {
		method, path, _ := strings.Cut(r, " ")
		if method != http.MethodGet && method != http.MethodHead && !(method == http.MethodPost && posts[path]) {
			t.Errorf("route %s: only GET and HEAD are expected", r)
		}
		if !tested[path] {
			t.Errorf("route %s has no test in this package", r)
		}
	}
}

// checkPage checks what every HTML page in lang at path owes its reader, and returns it parsed.
func checkPage(t *testing.T, rec *httptest.ResponseRecorder, lang, path string, code int) *goquery.Document {
	t.Helper()
	res := rec.Result()
	if res.StatusCode != code {
		t.Fatalf("GET %s: status %d, want %d", path, res.StatusCode, code)
	}
	if got, want := res.Header.Get("Content-Type"), "text/html; charset=UTF-8"; got != want {
		t.Errorf("Content-Type %q, want %q", got, want)
	}
	if got := res.Header.Get("Content-Language"); got != lang {
		t.Errorf("Content-Language %q, want %q", got, lang)
	}
	body := rec.Body.String()
	doc := parse(t, []byte(body))
	if got, _ := doc.Find("html").Attr("lang"); got != lang {
		t.Errorf("<html lang=%q>, want %q", got, lang)
	}
	// An error page has no place among the site's pages; where its alternates point is not
	// pinned down here.
	if code == http.StatusOK {
		checkAlternates(t, doc, lang, path)
	}
	checkSwitcher(t, doc, lang, path)
	checkFeeds(t, doc, lang)
	checkNoLeaks(t, doc, body, lang)
	return doc
}

// checkAlternates: the canonical URL and one hreflang alternate per language plus x-default,
// all absolute.
func checkAlternates(t *testing.T, doc *goquery.Document, lang, path string) {
	t.Helper()
	if got, _ := doc.Find(`link[rel="canonical"]`).Attr("href"); got != baseURL+path {
		t.Errorf("canonical %q, want %q", got, baseURL+path)
	}
	want := map[string]string{"x-default": baseURL + site.Translate(path, "en")}
	for _, l := range languages {
		want[l] = baseURL + site.Translate(path, l)
	}
	got := map[string]string{}
	doc.Find(`link[rel="alternate"][hreflang]`).Each(func(_ int, s *goquery.Selection) {
		hl, _ := s.Attr("hreflang")
		href, _ := s.Attr("href")
		if _, dup := got[hl]; dup {
			t.Errorf("hreflang %q twice", hl)
		}
		got[hl] = href
	})
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("hreflang alternates (-want +got):\n%s", diff)
	}
}

// checkSwitcher: every language is linked through /lang/{lang}?to=..., which sets the cookie,
// and the page's own language is marked current.
func checkSwitcher(t *testing.T, doc *goquery.Document, lang, path string) {
	t.Helper()
	var got, want []string
	for _, l := range languages {
		want = append(want, l+" "+site.SwitchPath(l, site.Translate(path, l)))
	}
	current := ""
	doc.Find("nav.lang-switch a").Each(func(_ int, a *goquery.Selection) {
		hl, _ := a.Attr("hreflang")
		href, _ := a.Attr("href")
		got = append(got, hl+" "+href)
		if _, ok := a.Attr("aria-current"); ok {
			current += hl
		}
		if !strings.HasPrefix(href, "/lang/"+hl+"?to=") {
			t.Errorf("switcher link %q does not go through /lang/%s?to=", href, hl)
		}
	})
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("language switcher (-want +got):\n%s", diff)
	}
	if current != lang {
		t.Errorf("switcher marks %q current, want %q", current, lang)
	}
}

// checkFeeds: the head announces the feeds of the page's language.
func checkFeeds(t *testing.T, doc *goquery.Document, lang string) {
	t.Helper()
	for typ, ext := range map[string]string{
		"application/rss+xml":   "rss",
		"application/atom+xml":  "atom",
		"application/feed+json": "json",
	} {
		var hrefs []string
		doc.Find(`head link[rel="alternate"][type="` + typ + `"]`).Each(func(_ int, s *goquery.Selection) {
			h, _ := s.Attr("href")
			hrefs = append(hrefs, h)
		})
		if want := site.FeedPath(lang, ext); !slices.Contains(hrefs, want) {
			t.Errorf("no %s autodiscovery link to %s; have %q", typ, want, hrefs)
		}
	}
}

// checkNoLeaks: no message id shows, anywhere in the document; and a page not in English shows
// none of the English UI sentences its language translates differently.
func checkNoLeaks(t *testing.T, doc *goquery.Document, raw, lang string) {
	t.Helper()
	text := visibleText(doc, lang)
	if ids := leakedIDs(text); len(ids) > 0 {
		t.Errorf("message ids in the visible text: %q", ids)
	}
	for _, m := range locale.Messages() {
		if strings.Contains(raw, m.ID) {
			t.Errorf("message id %q in the page", m.ID)
		}
	}
	if lang == locale.Source {
		return
	}
	lower := strings.ToLower(text)
	for _, e := range englishPhrases(t, lang) {
		if i := strings.Index(lower, strings.ToLower(e.phrase)); i >= 0 {
			t.Errorf("English %q (%s) in the %s page: …%s…", e.phrase, e.id, lang, text[max(0, i-40):min(len(text), i+len(e.phrase)+40)])
		}
	}
}

type phrase struct{ id, phrase string }

// slotValue stands in for every template field when messages are compared across languages.
const slotValue = "\x1f"

var fieldRE = regexp.MustCompile(`{{-?\s*\.([A-Za-z0-9_]+)\s*-?}}`)

// englishPhrases returns the English UI text lang translates differently: each message whose
// English and lang texts differ, cut at its template fields into phrases of two words or more
// (a single word such as "Impact" or "Feeds" may well be the same in both languages).
func englishPhrases(t *testing.T, lang string) []phrase {
	t.Helper()
	cat := localeCatalog(t)
	en, l := cat.Localizer(locale.Source, nil), cat.Localizer(lang, nil)
	var out []phrase
	for _, m := range locale.Messages() {
		data := map[string]any{}
		for _, src := range []string{m.One, m.Other} {
			for _, f := range fieldRE.FindAllStringSubmatch(src, -1) {
				data[f[1]] = slotValue
			}
		}
		counts := []int{0}
		if m.One != "" {
			data["Count"] = slotValue
			counts = []int{1, 2}
		}
		for _, n := range counts {
			var e, x string
			if n == 0 {
				e, x = en.TData(m, data), l.TData(m, data)
			} else {
				e, x = en.Plural(m, n, data), l.Plural(m, n, data)
			}
			if e == x {
				continue
			}
			for _, part := range strings.Split(e, slotValue) {
				part = strings.Trim(part, " .,:;?!")
				p := phrase{m.ID, part}
				if len(strings.Fields(part)) >= 2 && !strings.Contains(strings.ToLower(x), strings.ToLower(part)) && !slices.Contains(out, p) {
					out = append(out, p)
				}
			}
		}
	}
	return out
}
