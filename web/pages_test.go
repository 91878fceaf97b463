package web

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/a-h/templ"
	"github.com/google/go-cmp/cmp"
	xhtml "golang.org/x/net/html"

	"statuspress/internal/incident"
	"statuspress/internal/locale"
)

// samplePage is one rendered sample.
type samplePage struct {
	name, lang string
	doc        *goquery.Document
	raw        string
}

// renderSamples renders every sample page in English and Dutch. With -dump, it also writes
// them out to be looked at in a browser.
func renderSamples(t *testing.T) []samplePage {
	t.Helper()
	var ps []samplePage
	for _, lang := range []string{"en", "nl"} {
		ctx, l := sampleContext(t, lang)
		for _, s := range []struct {
			name string
			c    templ.Component
		}{
			{"overview", Overview(sampleOverview(l))},
			{"overview-calm", Overview(calmOverview(l))},
			{"incident-translated", Incident(sampleIncident(l, translated))},
			{"incident-only-in", Incident(sampleIncident(l, onlyIn))},
			{"incident-machine", Incident(sampleIncident(l, machine))},
			{"incident-ongoing", Incident(ongoingIncident(l))},
			{"notice", Incident(sampleNoticePage(l))},
			{"history", History(sampleHistory(l))},
			{"component", Component(sampleComponent(l))},
			{"error-404", Error(sampleError(l, 404))},
			{"error-500", Error(sampleError(l, 500))},
		} {
			name := s.name + "-" + lang
			doc, raw := render(t, ctx, name, s.c)
			ps = append(ps, samplePage{name: name, lang: lang, doc: doc, raw: raw})
		}
	}
	return ps
}

// calmOverview is the overview on a quiet day: nothing going on, nothing planned.
func calmOverview(l *locale.Localizer) OverviewPage {
	p := sampleOverview(l)
	p.Banner = Status{Key: "none", Label: l.T(locale.StateOperational)}
	p.Ongoing, p.InProgress, p.Upcoming, p.Notices, p.Recent = nil, nil, nil, nil, nil
	return p
}

// ongoingIncident is the REST API incident's page while it goes on.
func ongoingIncident(l *locale.Localizer) IncidentPage {
	c := restCard(l)
	return IncidentPage{
		Base:     sampleBase(l, "incidents/rest-api-errors/", c.Title.Value, ""),
		Card:     c,
		Timeline: []UpdateView{*c.Latest},
	}
}

// TestEveryPage checks what docs/architecture.md promises of every page.
func TestEveryPage(t *testing.T) {
	for _, p := range renderSamples(t) {
		t.Run(p.name, func(t *testing.T) {
			checkPage(t, p)
		})
	}
}

func checkPage(t *testing.T, p samplePage) {
	t.Helper()
	doc := p.doc
	l := sampleLocalizer(t, p.lang)

	if !strings.HasPrefix(p.raw, "<!doctype html>") {
		t.Errorf("document starts %q, want <!doctype html>", p.raw[:min(len(p.raw), 20)])
	}
	if got := attr(doc.Find("html"), "lang"); got != p.lang {
		t.Errorf("<html lang=%q>, want %q", got, p.lang)
	}
	if n := doc.Find("head title").Length(); n != 1 || strings.TrimSpace(doc.Find("title").Text()) == "" {
		t.Errorf("want one non-empty <title>, got %d: %q", n, doc.Find("title").Text())
	}
	if got := doc.Find(`meta[name=viewport]`).Length(); got != 1 {
		t.Errorf("%d viewport metas", got)
	}
	if got := attr(doc.Find(`meta[name=color-scheme]`), "content"); got != "light dark" {
		t.Errorf("color-scheme %q", got)
	}

	// Exactly one h1, and headings never skip a level on the way down.
	if n := doc.Find("h1").Length(); n != 1 {
		t.Errorf("%d h1 elements, want 1", n)
	}
	prev := 0
	doc.Find("h1, h2, h3, h4, h5, h6").Each(func(_ int, s *goquery.Selection) {
		level, _ := strconv.Atoi(goquery.NodeName(s)[1:])
		if level > prev+1 {
			t.Errorf("heading %q is h%d after h%d", trimSpace(s.Text()), level, prev)
		}
		prev = level
	})

	// Alternates in every language, x-default, canonical, feeds.
	var hreflangs []string
	doc.Find(`head link[rel=alternate][hreflang]`).Each(func(_ int, s *goquery.Selection) {
		hreflangs = append(hreflangs, attr(s, "hreflang"))
		if !strings.HasPrefix(attr(s, "href"), "https://") {
			t.Errorf("alternate %s href %q is not absolute", attr(s, "hreflang"), attr(s, "href"))
		}
	})
	if diff := cmp.Diff([]string{"en", "nl", "fr", "de", "x-default"}, hreflangs); diff != "" {
		t.Errorf("hreflang alternates (-want +got):\n%s", diff)
	}
	if got := attr(doc.Find(`link[rel=canonical]`), "href"); !strings.HasPrefix(got, "https://status.lumenmail.example/"+p.lang+"/") {
		t.Errorf("canonical %q", got)
	}
	var feeds []string
	doc.Find(`head link[rel=alternate][type]`).Each(func(_ int, s *goquery.Selection) {
		feeds = append(feeds, attr(s, "type"))
		if attr(s, "title") == "" || attr(s, "href") == "" {
			t.Errorf("feed link without title or href: %v", s.Nodes[0].Attr)
		}
	})
	if diff := cmp.Diff([]string{"application/atom+xml", "application/rss+xml", "application/feed+json", "text/calendar"}, feeds); diff != "" {
		t.Errorf("feed autodiscovery (-want +got):\n%s", diff)
	}
	for _, prop := range []string{"og:title", "og:url", "og:type", "og:site_name", "og:locale"} {
		if attr(doc.Find(`meta[property="`+prop+`"]`), "content") == "" {
			t.Errorf("no %s", prop)
		}
	}
	if got := attr(doc.Find(`link[rel=stylesheet]`), "href"); got == "" {
		t.Error("no stylesheet")
	}

	// The skip link is the first thing to focus, and leads to <main id="main">.
	first := doc.Find("body").Find("a[href], button, input, select, textarea, [tabindex]").First()
	if !first.HasClass("skip-link") || attr(first, "href") != "#main" {
		t.Errorf("first focusable element is %s %v, want the skip link", goquery.NodeName(first), first.Nodes[0].Attr)
	}
	if got := strings.TrimSpace(first.Text()); got != l.T(locale.ChromeSkipLink) {
		t.Errorf("skip link says %q", got)
	}
	if n := doc.Find("main#main").Length(); n != 1 {
		t.Errorf("%d main#main", n)
	}

	// The language switcher: every language, in itself, the current one marked.
	sw := doc.Find(`nav.lang-switch a`)
	if sw.Length() != 4 {
		t.Errorf("language switcher has %d links", sw.Length())
	}
	sw.Each(func(_ int, s *goquery.Selection) {
		lang := attr(s, "hreflang")
		if attr(s, "lang") != lang || lang == "" {
			t.Errorf("switcher link %q: hreflang %q lang %q", s.Text(), lang, attr(s, "lang"))
		}
		if want := lang == p.lang; (attr(s, "aria-current") == "true") != want {
			t.Errorf("switcher link %s: aria-current %q", lang, attr(s, "aria-current"))
		}
		if s.Text() != locale.NativeName(lang) {
			t.Errorf("switcher link %s says %q", lang, s.Text())
		}
	})
	if got := attr(doc.Find("nav.lang-switch"), "aria-label"); got != l.T(locale.ChromeLanguage) {
		t.Errorf("switcher label %q", got)
	}

	// The footer: time zone, when, feeds.
	footer := trimSpace(doc.Find("footer").Text())
	for _, want := range []string{
		l.TData(locale.ChromeTimeZone, map[string]any{"Zone": l.Location().String()}),
		l.T(locale.LabelUpdated) + " " + l.DateTime(now),
		"support@lumenmail.example",
	} {
		if !strings.Contains(footer, want) {
			t.Errorf("footer lacks %q: %s", want, footer)
		}
	}
	if got := attr(doc.Find("footer time"), "datetime"); got != "2026-10-13T09:30:00Z" {
		t.Errorf("footer time datetime %q", got)
	}
	if n := doc.Find(`footer .feeds a[href$="feed.atom"]`).Length(); n != 1 {
		t.Errorf("footer has %d Atom links", n)
	}

	// Status words beside every icon; icons hidden from assistive technology.
	doc.Find(".status").Each(func(_ int, s *goquery.Selection) {
		if s.Find("svg.icon").Length() != 1 || strings.TrimSpace(s.Find(".status__label").Text()) == "" {
			t.Errorf("status %q lacks its icon or its words", trimSpace(s.Text()))
		}
	})
	doc.Find("svg").Each(func(_ int, s *goquery.Selection) {
		if attr(s, "aria-hidden") != "true" {
			t.Errorf("svg without aria-hidden")
		}
	})

	checkCSP(t, doc, p.raw)
	checkIDs(t, doc)

	// Every link has words and a target; every time a machine-readable datetime.
	doc.Find("a").Each(func(_ int, s *goquery.Selection) {
		if strings.TrimSpace(s.Text()) == "" || attr(s, "href") == "" {
			t.Errorf("link without text or href: %v", s.Nodes[0].Attr)
		}
		if strings.Contains(attr(s, "href"), "TemplFailedSanitizationURL") {
			t.Errorf("link %q failed URL sanitisation", s.Text())
		}
	})
	doc.Find("time").Each(func(_ int, s *goquery.Selection) {
		if _, err := time.Parse(time.RFC3339, attr(s, "datetime")); err != nil {
			t.Errorf("time %q: %v", s.Text(), err)
		}
	})
	// A template field that went unfilled, or the link placeholder, shows as raw text.
	if text := doc.Text(); strings.Contains(text, "{{") || strings.Contains(text, slot) || strings.Contains(text, "<no value>") {
		t.Errorf("unrendered template text in page")
	}
}

// checkCSP fails on anything a Content-Security-Policy without 'unsafe-inline' would block.
func checkCSP(t *testing.T, doc *goquery.Document, raw string) {
	t.Helper()
	if n := doc.Find("[style]").Length(); n > 0 {
		t.Errorf("%d elements with a style attribute", n)
	}
	if n := doc.Find("style").Length(); n > 0 {
		t.Errorf("%d <style> elements", n)
	}
	doc.Find("script").Each(func(_ int, s *goquery.Selection) {
		if attr(s, "src") == "" || strings.TrimSpace(s.Text()) != "" {
			t.Errorf("inline script: %q", s.Text())
		}
	})
	doc.Find("*").Each(func(_ int, s *goquery.Selection) {
		for _, a := range s.Nodes[0].Attr {
			if strings.HasPrefix(a.Key, "on") {
				t.Errorf("<%s %s=%q>: inline event handler", goquery.NodeName(s), a.Key, a.Val)
			}
			if strings.HasPrefix(strings.TrimSpace(strings.ToLower(a.Val)), "javascript:") {
				t.Errorf("<%s %s=%q>: javascript: URL", goquery.NodeName(s), a.Key, a.Val)
			}
		}
	})
	if strings.Contains(raw, "style=") {
		t.Errorf("style= in the markup")
	}
}

// checkIDs fails on duplicate ids and on references to ids that do not exist.
func checkIDs(t *testing.T, doc *goquery.Document) {
	t.Helper()
	ids := map[string]int{}
	doc.Find("[id]").Each(func(_ int, s *goquery.Selection) { ids[attr(s, "id")]++ })
	for id, n := range ids {
		if n > 1 {
			t.Errorf("id %q used %d times", id, n)
		}
	}
	doc.Find("[aria-labelledby]").Each(func(_ int, s *goquery.Selection) {
		for _, id := range strings.Fields(attr(s, "aria-labelledby")) {
			if ids[id] == 0 {
				t.Errorf("aria-labelledby %q: no such id", id)
			}
		}
	})
	doc.Find(`a[href^="#"]`).Each(func(_ int, s *goquery.Selection) {
		if id := attr(s, "href")[1:]; ids[id] == 0 {
			t.Errorf("link to #%s: no such id", id)
		}
	})
}

// words is the text of s as a reader meets it: the text of each element apart from the next,
// white space collapsed.
func words(s *goquery.Selection) string {
	var parts []string
	var walk func(n *xhtml.Node)
	walk = func(n *xhtml.Node) {
		if n.Type == xhtml.TextNode {
			parts = append(parts, n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for _, n := range s.Nodes {
		walk(n)
	}
	return trimSpace(strings.Join(parts, " "))
}

func attr(s *goquery.Selection, name string) string {
	v, _ := s.Attr(name)
	return v
}

func find(t *testing.T, pages []samplePage, name string) samplePage {
	t.Helper()
	for _, p := range pages {
		if p.name == name {
			return p
		}
	}
	t.Fatalf("no sample page %s", name)
	return samplePage{}
}

func TestOverview(t *testing.T) {
	pages := renderSamples(t)
	for _, lang := range []string{"en", "nl"} {
		t.Run(lang, func(t *testing.T) {
			l := sampleLocalizer(t, lang)
			doc := find(t, pages, "overview-"+lang).doc

			banner := doc.Find(".banner")
			if attr(banner, "role") != "status" || !banner.HasClass("banner--major") {
				t.Errorf("banner: %v", banner.Nodes[0].Attr)
			}
			if got := trimSpace(banner.Find("h1").Text()); got != l.T(locale.StateMajor) {
				t.Errorf("banner says %q, want %q", got, l.T(locale.StateMajor))
			}
			if banner.Find("svg.icon[aria-hidden=true]").Length() != 1 {
				t.Error("banner has no icon")
			}

			// Section headings, in the order a reader in an outage needs them.
			var h2s []string
			doc.Find("main h2").Each(func(_ int, s *goquery.Selection) { h2s = append(h2s, trimSpace(s.Text())) })
			want := []string{
				l.T(locale.HeadingOngoingIncidents), l.T(locale.HeadingComponents), l.T(locale.HeadingUpcomingMaintenance),
				l.T(locale.HeadingRecentNotices), l.T(locale.HeadingPastIncidents),
			}
			if diff := cmp.Diff(want, h2s); diff != "" {
				t.Errorf("sections (-want +got):\n%s", diff)
			}

			// The ongoing incident: title linked, state, impact, since when, latest word, what it affects.
			card := doc.Find(".card").First()
			if got := attr(card.Find("h3 a"), "href"); got != "/"+lang+"/incidents/rest-api-errors/" {
				t.Errorf("card links to %q", got)
			}
			text := words(card)
			for _, want := range []string{
				l.UpdateStatus("investigating"),
				l.T(locale.LabelImpact) + ": " + l.Impact("major"),
				l.T(locale.LabelStarted) + " " + l.DateTime(at("2026-10-13T07:55:00Z")),
				l.Duration(95 * time.Minute),
				"503",
				l.T(locale.HeadingAffectedComponents) + " REST API " + l.ComponentStatus("partial_outage"),
			} {
				if !strings.Contains(text, want) {
					t.Errorf("ongoing card lacks %q: %s", want, text)
				}
			}

			// Components: name linked, status in words beside its icon, uptime bars.
			rows := doc.Find("li.component")
			if rows.Length() != 3 {
				t.Fatalf("%d component rows", rows.Length())
			}
			rest := rows.Eq(1)
			if got := trimSpace(rest.Find(".component__head").Text()); got != "REST API "+l.ComponentStatus("partial_outage") {
				t.Errorf("REST API row says %q", got)
			}
			if !rest.Find(".status").HasClass("t-partial") {
				t.Errorf("REST API status classes %q", attr(rest.Find(".status"), "class"))
			}
			if rows.Eq(2).Find(".uptime").Length() != 0 {
				t.Error("a component without uptime figures shows bars")
			}
			if got := trimSpace(doc.Find(".group__head h3").Text()); got == "" {
				t.Error("group without its name")
			}

			// Upcoming maintenance with its window; history link.
			up := trimSpace(doc.Find("section").Eq(2).Text())
			if !strings.Contains(up, l.Window(at("2026-10-20T22:00:00Z"), at("2026-10-21T01:00:00Z"))) {
				t.Errorf("upcoming maintenance lacks its window: %s", up)
			}
			if got := doc.Find(`main a[href="/` + lang + `/history/"]`).Text(); got != l.T(locale.LabelViewHistory) {
				t.Errorf("history link says %q", got)
			}
			// The notice is in German on every page, and says so.
			if got := attr(doc.Find(`a[href$="/api-fehlerbenachrichtigung/"]`), "lang"); got != "de" {
				t.Errorf("German notice title: lang %q", got)
			}
		})
	}
}

// TestComponentGroupsFold: a named group is a <details> whose summary is its heading and
// status, so it folds without JavaScript, unfolded at first when the view model says so; the
// components of a site without groups are a plain list.
func TestComponentGroupsFold(t *testing.T) {
	ctx, l := sampleContext(t, "en")
	p := sampleOverview(l)
	p.Groups = append(p.Groups[:1:1], ComponentGroup{
		Name: "Clients", Status: componentStatus(l, incident.Operational),
		Components: []ComponentRow{{ID: "app", Name: "App", Status: componentStatus(l, incident.Operational)}},
	}, p.Groups[1])
	doc, _ := render(t, ctx, "overview-groups-en", Overview(p))
	type group struct {
		Tag, Heading string
		Open         bool
		Components   int
	}
	var got []group
	doc.Find("main .group").Each(func(_ int, s *goquery.Selection) {
		_, open := s.Attr("open")
		got = append(got, group{goquery.NodeName(s), trimSpace(s.ChildrenFiltered("summary").Find("h3").Text()), open, s.Find("li.component").Length()})
	})
	want := []group{
		{"details", "APIs and integrations", true, 2},
		{"details", "Clients", false, 1},
		{"div", "", false, 1},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("groups (-want +got):\n%s", diff)
	}
	if got := trimSpace(doc.Find("details.group").First().Find("summary").Text()); got != "APIs and integrations "+l.ComponentStatus("partial_outage") {
		t.Errorf("summary says %q", got)
	}
}

func TestOverviewCalm(t *testing.T) {
	pages := renderSamples(t)
	for _, lang := range []string{"en", "nl"} {
		l := sampleLocalizer(t, lang)
		doc := find(t, pages, "overview-calm-"+lang).doc
		if !doc.Find(".banner").HasClass("banner--none") || trimSpace(doc.Find("h1").Text()) != l.T(locale.StateOperational) {
			t.Errorf("%s: calm banner %q %q", lang, attr(doc.Find(".banner"), "class"), doc.Find("h1").Text())
		}
		var empty []string
		doc.Find(".empty").Each(func(_ int, s *goquery.Selection) { empty = append(empty, s.Text()) })
		if diff := cmp.Diff([]string{l.T(locale.LabelNoIncidents)}, empty); diff != "" {
			t.Errorf("%s: empty states (-want +got):\n%s", lang, diff)
		}
		// Nothing planned: no section says so, it is left out.
		doc.Find("h2").Each(func(_ int, s *goquery.Selection) {
			if s.Text() == l.T(locale.HeadingUpcomingMaintenance) {
				t.Errorf("%s: an empty %q section", lang, s.Text())
			}
		})
		if doc.Find(".card").Length() != 0 {
			t.Errorf("%s: cards on a calm day", lang)
		}
	}
}

// TestUptimeStrip: a strip is one tab stop named by its summary, a bar per day coloured by the
// day's level. A component page's strip (sampleUptime) has every day in words, the incident days
// linking their incidents; the overview's (compactUptime) has words only for today and the days
// that were not calm, hides the calm ones from assistive technology and links nothing.
func TestUptimeStrip(t *testing.T) {
	ctx, l := sampleContext(t, "nl")
	soap := Link{Title: "Storing SOAP-API", URL: "/nl/incidents/soap-api-storing/"}
	detailed := sampleUptime(l, map[int]Link{7: soap})
	for _, tc := range []struct {
		name string
		u    *Uptime
		// the days (counted back from today) with words, nil for all; links: whether days link
		// their incidents
		worded []int
		links  bool
	}{
		{"detailed", detailed, nil, true},
		{"compact", compactUptime(detailed), []int{7, 0}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, _ := render(t, ctx, "uptime-"+tc.name+"-nl", UptimeStrip(tc.u))
			list := doc.Find("ol.uptime__days")
			if attr(list, "role") != "list" || attr(list, "tabindex") != "0" || attr(list, "aria-labelledby") != tc.u.SummaryID {
				t.Errorf("strip list attributes %v", list.Nodes[0].Attr)
			}
			// The list's name: the 90 days' summary, and the 30 days' that a phone's stylesheet
			// shows in its place (the browser test reads the name as each viewport computes it).
			label := doc.Find("#" + tc.u.SummaryID)
			if got := [2]string{trimSpace(label.Find(".uptime__summary").Text()), trimSpace(label.Find(".uptime__summary--short").Text())}; got != [2]string{tc.u.Summary, tc.u.SummaryShort} || !label.HasClass("visually-hidden") {
				t.Errorf("the strip's name holds %q, class %q; want %q visually hidden", got, attr(label, "class"), [2]string{tc.u.Summary, tc.u.SummaryShort})
			}
			if n := doc.Find("[tabindex]").Length(); n != 1 {
				t.Errorf("%d elements with tabindex, want the list only", n)
			}
			if n := doc.Find("[title], [data-date]").Length(); n != 0 {
				t.Errorf("%d elements with a title or data-date: the tip alone carries a day's words", n)
			}
			days := list.Children()
			if days.Length() != 90 {
				t.Fatalf("%d days", days.Length())
			}
			days.Each(func(i int, s *goquery.Selection) {
				d, back := tc.u.Days[i], 89-i
				if want := dayTone(d.Level); !s.HasClass("day") || !s.HasClass(want) {
					t.Errorf("day %d: class %q, want day %s", i, attr(s, "class"), want)
				}
				worded := tc.worded == nil || slices.Contains(tc.worded, back)
				tip := s.Find(".day__tip.visually-hidden")
				if !worded {
					if attr(s, "aria-hidden") != "true" || s.Children().Length() != 0 || s.Text() != "" {
						t.Errorf("day %d (calm): want an empty bar hidden from assistive technology, got %v %q", i, s.Nodes[0].Attr, s.Text())
					}
					return
				}
				if _, hidden := s.Attr("aria-hidden"); hidden || tip.Length() != 1 {
					t.Errorf("day %d: attributes %v, %d tips, want one tip and no aria-hidden", i, s.Nodes[0].Attr, tip.Length())
					return
				}
				want := d.Label
				if back == 7 && tc.links {
					want += " Storing SOAP-API"
				}
				if got := tip.Text(); got != want {
					t.Errorf("day %d reads %q, want %q", i, got, want)
				}
			})
			hit := days.Eq(89 - 7)
			if !hit.HasClass("t-major") {
				t.Errorf("incident day: class %q", attr(hit, "class"))
			}
			links := list.Find("a")
			if tc.links && (links.Length() != 1 || attr(hit.Find("a"), "href") != soap.URL) {
				t.Errorf("%d links in the strip, the incident day's to %q; want one, to %s", links.Length(), attr(hit.Find("a"), "href"), soap.URL)
			}
			if !tc.links && links.Length() != 0 {
				t.Errorf("%d links in the overview's strip, want none", links.Length())
			}
			// Both figures name their period; the stylesheet shows the 30 days' one on a phone.
			axis := trimSpace(doc.Find(".uptime__axis").Text())
			if want := "89 dagen geleden 99,65% beschikbaar over 90 dagen 98,94% beschikbaar over 30 dagen Vandaag"; axis != want {
				t.Errorf("axis %q, want %q", axis, want)
			}
			if got := doc.Find(".uptime__percent + .uptime__percent--short").Length(); got != 1 {
				t.Errorf("%d short figures right after the whole strip's, want 1", got)
			}
		})
	}

	// No figures, no strip.
	for _, u := range []*Uptime{nil, {}} {
		doc, raw := render(t, ctx, "uptime-none", UptimeStrip(u))
		if strings.TrimSpace(raw) != "" || doc.Find("ol").Length() != 0 {
			t.Errorf("UptimeStrip(%v) = %q", u, raw)
		}
	}
}

func TestIncidentTranslated(t *testing.T) {
	p := find(t, renderSamples(t), "incident-translated-en")
	doc := p.doc
	if n := doc.Find(".note").Length(); n != 0 {
		t.Errorf("%d language notes on a translated page", n)
	}
	// Newest first, each update its own anchor.
	var ids []string
	doc.Find("ol.timeline > li").Each(func(_ int, s *goquery.Selection) { ids = append(ids, attr(s, "id")) })
	if diff := cmp.Diff([]string{"update-2026-10-06t1230z", "update-2026-10-06t0652z", "update-2026-10-06t0512z"}, ids); diff != "" {
		t.Errorf("timeline (-want +got):\n%s", diff)
	}
	// The update left untranslated is in Dutch, marked as such for people and for software.
	var langs []string
	doc.Find("ol.timeline > li .prose").Each(func(_ int, s *goquery.Selection) { langs = append(langs, attr(s, "lang")) })
	if diff := cmp.Diff([]string{"", "nl", ""}, langs); diff != "" {
		t.Errorf("update body lang attributes (-want +got):\n%s", diff)
	}
	marks := doc.Find(".update__lang")
	if marks.Length() != 1 || marks.Text() != "This text is only available in Dutch." || attr(marks.Parent(), "id") != "update-2026-10-06t0652z" {
		t.Errorf("fallback marks: %d %q", marks.Length(), marks.Text())
	}
	if attr(doc.Find("h1"), "lang") != "" {
		t.Error("translated title carries a lang attribute")
	}
	// The component changes of an update, in words.
	if got := trimSpace(doc.Find("#update-2026-10-06t1230z .affected").Text()); got != "SOAP API Operational" {
		t.Errorf("update components %q", got)
	}
	// Facts: start, end, duration.
	facts := words(doc.Find(".incident > .facts"))
	if want := "Started October 5, 2026, 23:47 UTC Resolved October 6, 2026, 06:52 UTC Duration 7 hours 5 minutes Affected components SOAP API Major outage"; facts != want {
		t.Errorf("facts %q\nwant  %q", facts, want)
	}
	// The postmortem: its heading, contents (nested like the headings), the body.
	story := doc.Find("section.story")
	if got := trimSpace(story.Find("h2").First().Text()); got != "Postmortem" {
		t.Errorf("story heading %q", got)
	}
	var toc []string
	story.Find("nav.toc a").Each(func(_ int, s *goquery.Selection) { toc = append(toc, attr(s, "href")) })
	if diff := cmp.Diff([]string{"#what-does-this-mean-for-you", "#cause", "#timeline", "#measures"}, toc); diff != "" {
		t.Errorf("contents (-want +got):\n%s", diff)
	}
	if n := story.Find(`nav.toc li li a[href="#timeline"]`).Length(); n != 1 {
		t.Error("h3 not nested under its h2 in the contents")
	}
	if got := trimSpace(story.Find("nav.toc h3").Text()); got != "Contents" {
		t.Errorf("contents heading %q", got)
	}
	if story.Find(".prose table").Length() != 1 {
		t.Error("postmortem table missing")
	}
	// Open Graph says it is an article.
	if got := attr(doc.Find(`meta[property="og:type"]`), "content"); got != "article" {
		t.Errorf("og:type %q", got)
	}
}

func TestIncidentOnlyIn(t *testing.T) {
	p := find(t, renderSamples(t), "incident-only-in-en")
	doc := p.doc
	note := doc.Find(".note")
	if note.Length() != 1 || trimSpace(note.Text()) != "Not translated into English; you are reading the Dutch original." || attr(note, "role") != "note" {
		t.Errorf("note: %d %q", note.Length(), trimSpace(note.Text()))
	}
	// Every piece of content says it is Dutch; the page's own words stay English.
	for _, sel := range []string{"h1", "p.lead", "section.story > .prose", "nav.toc > div"} {
		if got := attr(doc.Find(sel), "lang"); got != "nl" {
			t.Errorf("%s: lang %q, want nl", sel, got)
		}
	}
	doc.Find("ol.timeline .prose").Each(func(i int, s *goquery.Selection) {
		if attr(s, "lang") != "nl" {
			t.Errorf("update %d: lang %q", i, attr(s, "lang"))
		}
	})
	if n := doc.Find(".update__lang").Length(); n != 0 {
		t.Errorf("%d per-update marks under the page-wide note", n)
	}
	if got := trimSpace(doc.Find("section.story h2").First().Text()); got != "Postmortem" {
		t.Errorf("UI heading %q", got)
	}
}

func TestIncidentMachine(t *testing.T) {
	p := find(t, renderSamples(t), "incident-machine-en")
	note := p.doc.Find(".note")
	if got, want := trimSpace(note.Text()), "This text was translated automatically. The Dutch original is authoritative. Read the original"; got != want {
		t.Errorf("machine note %q, want %q", got, want)
	}
	a := note.Find("a")
	if attr(a, "href") != "https://status.lumenmail.example/nl/incidents/soap-api-storing/" || attr(a, "hreflang") != "nl" {
		t.Errorf("original link %v", a.Nodes[0].Attr)
	}
	if n := p.doc.Find("main [lang]").Length(); n != 0 {
		t.Errorf("%d lang attributes in a complete machine translation", n)
	}
}

func TestIncidentOriginal(t *testing.T) {
	for _, name := range []string{"incident-translated-nl", "incident-only-in-nl", "incident-machine-nl"} {
		doc := find(t, renderSamples(t), name).doc
		if n := doc.Find(".note, .update__lang").Length(); n != 0 {
			t.Errorf("%s: %d language notes on the original", name, n)
		}
		if n := doc.Find("main [lang]").Length(); n != 0 {
			t.Errorf("%s: %d lang attributes on the original", name, n)
		}
		if got := trimSpace(doc.Find("h1").Text()); got != "Storing SOAP-API" {
			t.Errorf("%s: title %q", name, got)
		}
		if got := trimSpace(doc.Find("section.story h2").First().Text()); got != "Nabeschouwing" {
			t.Errorf("%s: postmortem heading %q", name, got)
		}
	}
}

func TestIncidentOngoing(t *testing.T) {
	for _, lang := range []string{"en", "nl"} {
		l := sampleLocalizer(t, lang)
		doc := find(t, renderSamples(t), "incident-ongoing-"+lang).doc
		// An event that has not ended has no end to show: no "Resolved" row at all.
		var terms []string
		doc.Find(".incident > .facts dt").Each(func(_ int, s *goquery.Selection) { terms = append(terms, trimSpace(s.Text())) })
		if want := []string{l.T(locale.LabelStarted), l.T(locale.LabelDuration), l.T(locale.HeadingAffectedComponents)}; !cmp.Equal(terms, want) {
			t.Errorf("%s: facts %q, want %q", lang, terms, want)
		}
		if doc.Find("section.story").Length() != 0 {
			t.Errorf("%s: an incident without a body shows a postmortem", lang)
		}
		// Its latest update says how old it is, next to its time: in the timeline, and on its
		// card in lists.
		age := "(" + l.Relative(at("2026-10-13T08:10:00Z"), now) + ")"
		if got := trimSpace(doc.Find(".timeline .update__head .update__time + .age").Text()); got != age {
			t.Errorf("%s: the latest update's age %q, want %q", lang, got, age)
		}
		if got := trimSpace(find(t, renderSamples(t), "overview-"+lang).doc.Find(".latest__head .age").First().Text()); got != age {
			t.Errorf("%s: the card's latest update's age %q, want %q", lang, got, age)
		}
		badges := trimSpace(doc.Find(".incident__head .badges").Text())
		if want := l.Kind("incident") + " " + l.UpdateStatus("investigating") + " " + l.T(locale.LabelImpact) + ": " + l.Impact("major"); badges != want {
			t.Errorf("%s: badges %q, want %q", lang, badges, want)
		}
	}
}

func TestNotice(t *testing.T) {
	doc := find(t, renderSamples(t), "notice-nl").doc
	var hs []string
	doc.Find("main h1, main h2, main h3").Each(func(_ int, s *goquery.Selection) {
		hs = append(hs, goquery.NodeName(s)+" "+trimSpace(s.Text()))
	})
	want := []string{"h1 Neue Fehlerbenachrichtigung für die API", "h2 Inhoud", "h2 Was ändert sich?", "h2 Was müssen Sie tun?"}
	if diff := cmp.Diff(want, hs); diff != "" {
		t.Errorf("notice headings (-want +got):\n%s", diff)
	}
	if got := trimSpace(doc.Find(".note").Text()); got != "Niet naar het Nederlands vertaald; u leest het origineel in het Duits." {
		t.Errorf("note %q", got)
	}
}

// TestNoticePublished: a notice is posted, not started: its date is labelled as published in
// every language, followed by when its change takes effect where the notice gives another time,
// on the overview's card and on its own page.
func TestNoticePublished(t *testing.T) {
	for _, lang := range []string{"en", "nl", "fr", "de"} {
		ctx, l := sampleContext(t, lang)
		published := l.T(locale.LabelPublished) + " " + l.DateTime(at("2026-09-24T10:00:00+02:00"))
		effect := l.T(locale.LabelTakesEffect) + " " + l.DateTime(at("2026-10-01T08:00:00+02:00"))
		both := noticeCard(l)
		same := both
		same.TakesEffect = Time{}
		for _, tc := range []struct {
			name string
			page templ.Component
			sel  string // the facts' list
			want []string
		}{
			{"overview", Overview(sampleOverview(l)), `article:has(a[href$="/api-fehlerbenachrichtigung/"]) .facts`, []string{published, effect}},
			{"page", Incident(IncidentPage{Base: sampleBase(l, "incidents/api-fehlerbenachrichtigung/", "", ""), Card: both}), "main .facts", []string{published, effect}},
			{"page-same-time", Incident(IncidentPage{Base: sampleBase(l, "incidents/api-fehlerbenachrichtigung/", "", ""), Card: same}), "main .facts", []string{published}},
		} {
			doc, _ := render(t, ctx, "notice-"+tc.name+"-"+lang, tc.page)
			var facts []string
			doc.Find(tc.sel + " > div").Each(func(_ int, s *goquery.Selection) {
				facts = append(facts, trimSpace(s.Text()))
			})
			if !cmp.Equal(facts, tc.want) {
				t.Errorf("%s, %s: notice facts %q, want %q", lang, tc.name, facts, tc.want)
			}
		}
	}
}

// TestCardLanguageMark: every card whose title is shown in another language than the page's
// says so in a short marker ("In het Duits"), on the overview, the history and a component's
// page; its parts in that language then need no notes of their own.
func TestCardLanguageMark(t *testing.T) {
	pages := renderSamples(t)
	marked := 0
	for _, p := range pages {
		if !strings.HasPrefix(p.name, "overview") && !strings.HasPrefix(p.name, "history") && !strings.HasPrefix(p.name, "component") {
			continue
		}
		l := sampleLocalizer(t, p.lang)
		p.doc.Find("article.card").Each(func(_ int, card *goquery.Selection) {
			title := card.Find(".card__title [lang]")
			mark := trimSpace(card.Find(".badges .lang-mark").Text())
			lang, fallback := title.Attr("lang")
			if !fallback {
				if mark != "" {
					t.Errorf("%s: card %q in the page's language marked %q", p.name, trimSpace(card.Find("h3").Text()), mark)
				}
				return
			}
			marked++
			if want := l.TData(locale.LabelInLanguage, map[string]any{"Language": l.LanguageName(lang)}); mark != want {
				t.Errorf("%s: card %q in %s marked %q, want %q", p.name, trimSpace(title.Text()), lang, mark, want)
			}
			card.Find(".lang-note").Each(func(_ int, n *goquery.Selection) {
				if n.Next().AttrOr("lang", "") == lang {
					t.Errorf("%s: card %q has a note before a part in the marked language: %q", p.name, trimSpace(title.Text()), n.Text())
				}
			})
		})
	}
	if marked == 0 {
		t.Error("no card shown in another language in the samples")
	}
	// The German notice on a Dutch page.
	doc := find(t, pages, "overview-nl").doc
	if got := trimSpace(doc.Find(`article:has(a[href$="/api-fehlerbenachrichtigung/"]) .lang-mark`).Text()); got != "In het Duits" {
		t.Errorf("Dutch overview: the German notice is marked %q", got)
	}
}

func TestHistory(t *testing.T) {
	for _, lang := range []string{"en", "nl"} {
		l := sampleLocalizer(t, lang)
		doc := find(t, renderSamples(t), "history-"+lang).doc
		if got := trimSpace(doc.Find("h1").Text()); got != l.T(locale.HeadingHistory) {
			t.Errorf("%s: h1 %q", lang, got)
		}
		var months []string
		doc.Find("main h2").Each(func(_ int, s *goquery.Selection) { months = append(months, s.Text()) })
		want := []string{l.Month(at("2026-10-01T12:00:00Z")), l.Month(at("2026-09-01T12:00:00Z")), l.Month(at("2026-08-01T12:00:00Z"))}
		if diff := cmp.Diff(want, months); diff != "" {
			t.Errorf("%s: months (-want +got):\n%s", lang, diff)
		}
		if got := doc.Find(".empty").Text(); got != l.TData(locale.LabelNoIncidentsInMonth, map[string]any{"Month": want[1]}) {
			t.Errorf("%s: empty month says %q", lang, got)
		}
		if n := doc.Find("article.card--compact").Length(); n != 4 {
			t.Errorf("%s: %d cards", lang, n)
		}
		pager := doc.Find("nav.pager")
		position := l.TData(locale.LabelPage, map[string]any{"Page": 2, "Pages": 3})
		if attr(pager, "aria-label") != position || trimSpace(pager.Find(".pager__position").Text()) != position {
			t.Errorf("%s: pager position %q", lang, pager.Text())
		}
		if got := attr(pager.Find("a[rel=prev]"), "href"); got != "/"+lang+"/history/" {
			t.Errorf("%s: newer link %q", lang, got)
		}
		if got := trimSpace(pager.Find("a[rel=next]").Text()); got != l.T(locale.LabelOlder)+" →" {
			t.Errorf("%s: older link %q", lang, got)
		}
		if got := attr(doc.Find(`.site-nav a[aria-current="page"]`), "href"); got != "/"+lang+"/history/" {
			t.Errorf("%s: current navigation link %q", lang, got)
		}
	}
	if got := find(t, renderSamples(t), "history-nl").doc.Find(".pager__position").Text(); got != "Pagina 2 van 3" {
		t.Errorf("Dutch pager %q", got)
	}
}

// TestHistoryUpcoming: upcoming maintenance has a section of its own above the months, not a
// place at the top of the past; a quiet month says that nothing was reported.
func TestHistoryUpcoming(t *testing.T) {
	for _, lang := range []string{"en", "nl", "fr", "de"} {
		ctx, l := sampleContext(t, lang)
		p := sampleHistory(l)
		p.Upcoming = []IncidentCard{dbCard(l)}
		doc, _ := render(t, ctx, "history-upcoming-"+lang, History(p))
		first := doc.Find("main section").First()
		if got := trimSpace(first.Find("h2").Text()); got != l.T(locale.HeadingUpcomingMaintenance) {
			t.Errorf("%s: first section %q, want upcoming maintenance", lang, got)
		}
		if got := attr(first.Find("article h3 a"), "href"); got != incidentURL(l, "database-upgrade-october") {
			t.Errorf("%s: upcoming card links %q", lang, got)
		}
		if got, want := doc.Find("h2.month").Length(), len(p.Months); got != want {
			t.Errorf("%s: %d months, want %d", lang, got, want)
		}
	}
	if got := find(t, renderSamples(t), "history-nl").doc.Find(".empty").Text(); got != "In september 2026 is niets gemeld." {
		t.Errorf("Dutch quiet month says %q", got)
	}
}

func TestComponent(t *testing.T) {
	for _, lang := range []string{"en", "nl"} {
		l := sampleLocalizer(t, lang)
		doc := find(t, renderSamples(t), "component-"+lang).doc
		if got := trimSpace(doc.Find("h1").Text()); got != "SOAP API" {
			t.Errorf("%s: h1 %q", lang, got)
		}
		if got := trimSpace(doc.Find("main header .badges").Text()); got != l.T(locale.LabelStatus)+": "+l.ComponentStatus("operational") {
			t.Errorf("%s: status %q", lang, got)
		}
		if doc.Find("main .uptime ol li").Length() != 90 {
			t.Errorf("%s: no uptime strip", lang)
		}
		if got := attr(doc.Find("article.card h3 a"), "href"); got != "/"+lang+"/incidents/soap-api-storing/" {
			t.Errorf("%s: past incident link %q", lang, got)
		}
	}
}

func TestError(t *testing.T) {
	pages := renderSamples(t)
	for _, lang := range []string{"en", "nl"} {
		l := sampleLocalizer(t, lang)
		for code, want := range map[int][2]string{
			404: {l.T(locale.NotFoundTitle), l.T(locale.NotFoundText)},
			500: {l.T(locale.ServerErrorTitle), l.T(locale.ServerErrorText)},
		} {
			doc := find(t, pages, fmt.Sprintf("error-%d-%s", code, lang)).doc
			if got := [2]string{trimSpace(doc.Find("h1").Text()), trimSpace(doc.Find("main .lead").Text())}; got != want {
				t.Errorf("%s %d: %q, want %q", lang, code, got, want)
			}
			back := doc.Find("main .error-page > p > a")
			if attr(back, "href") != "/"+lang+"/" || back.Text() != l.T(locale.BackToStatusPage) {
				t.Errorf("%s %d: back link %q %q", lang, code, attr(back, "href"), back.Text())
			}
			// The not-found page tells the overall state too, linked to the overview.
			state := doc.Find(`[data-testid="current-state"] a.status`)
			switch {
			case code != 404 && state.Length() != 0:
				t.Errorf("%s %d: shows a state", lang, code)
			case code == 404 && (attr(state, "href") != "/"+lang+"/" || !state.HasClass("t-major") ||
				trimSpace(state.Text()) != l.T(locale.StateMajor) || state.Find("svg.icon").Length() != 1):
				t.Errorf("%s %d: state link %q %q %q", lang, code, attr(state, "href"), attr(state, "class"), trimSpace(state.Text()))
			}
		}
	}
}

func TestLayoutHead(t *testing.T) {
	ctx, l := sampleContext(t, "nl")
	b := sampleBase(l, "", "", "")
	doc, _ := render(t, ctx, "layout-nl", Layout(b))
	if got := doc.Find("title").Text(); got != "Lumen Mail Status" {
		t.Errorf("overview title %q", got)
	}
	b.Title = "Storing SOAP-API"
	doc, _ = render(t, ctx, "layout-nl", Layout(b))
	if got := doc.Find("title").Text(); got != "Storing SOAP-API · Lumen Mail Status" {
		t.Errorf("page title %q", got)
	}
	if got := attr(doc.Find(`meta[property="og:locale"]`), "content"); got != "nl_NL" {
		t.Errorf("og:locale %q", got)
	}
	if n := doc.Find(`meta[name=description]`).Length(); n != 0 {
		t.Error("empty description rendered")
	}
	if got := attr(doc.Find("script"), "defer"); !doc.Find("script").Is("[defer]") || got != "" {
		t.Error("script is not deferred")
	}
	if got := trimSpace(doc.Find("footer .contact").Text()); got != "Vragen? Neem contact met ons op via support@lumenmail.example · lumenmail.example/support." {
		t.Errorf("contact %q", got)
	}
	if got := attr(doc.Find(`footer .contact a[href^="mailto:"]`), "href"); got != "mailto:support@lumenmail.example" {
		t.Errorf("mail link %q", got)
	}
	// Only a web page, no mail: no stray separator.
	b.SupportEmail = ""
	doc, _ = render(t, ctx, "layout-nl", Layout(b))
	if got := trimSpace(doc.Find("footer .contact").Text()); got != "Vragen? Neem contact met ons op via lumenmail.example/support." {
		t.Errorf("contact %q", got)
	}
	// Nothing to contact, no sentence.
	b.SupportURL = ""
	doc, _ = render(t, ctx, "layout-nl", Layout(b))
	if doc.Find("footer .contact").Length() != 0 {
		t.Error("contact sentence without a contact")
	}
	if got := attr(doc.Find(`.site-nav a[aria-current="page"]`), "href"); got != "/nl/" {
		t.Errorf("current navigation link %q", got)
	}
	// The feeds, grouped by what they follow, each format a link.
	var groups []string
	doc.Find("footer .feeds li").Each(func(_ int, s *goquery.Selection) { groups = append(groups, trimSpace(s.Text())) })
	want := []string{"Lumen Mail Status: statusupdates Atom RSS JSON Feed", "Lumen Mail Status: gepland onderhoud Onderhoudskalender"}
	if diff := cmp.Diff(want, groups); diff != "" {
		t.Errorf("feeds (-want +got):\n%s", diff)
	}
}

func TestStatusIcon(t *testing.T) {
	ctx, _ := sampleContext(t, "en")
	shapes := map[string]*regexp.Regexp{
		"ok":    regexp.MustCompile(`<circle[^>]*></circle> ?<path d="m7.5`),
		"minus": regexp.MustCompile(`<rect[^>]*></rect> ?<path d="M7.5 12h9`),
		"warn":  regexp.MustCompile(`<path d="M12 3 `),
		"cross": regexp.MustCompile(`<path d="M8.1 2.5h7.8l5.6 5.6v7.8l-5.6 5.6H8.1l-5.6-5.6V8.1Z"></path> ?<path d="m8.5 8.5`),
		"maint": regexp.MustCompile(`<path d="M13 3.2`),
		"info":  regexp.MustCompile(`<path d="M12 11v`),
	}
	for key, want := range map[string]string{
		"operational": "ok", "none": "ok", "resolved": "ok", "completed": "ok",
		"degraded_performance": "minus", "minor": "minus", "investigating": "minus",
		"partial_outage": "warn", "major_outage": "cross", "major": "cross", "critical": "cross",
		"under_maintenance": "maint", "maintenance": "maint", "scheduled": "maint", "in_progress": "maint", "verifying": "maint",
		"notice": "info", "": "info", "bogus": "info",
	} {
		_, raw := render(t, ctx, "icon", StatusIcon(key))
		var got []string
		for name, re := range shapes {
			if re.MatchString(raw) {
				got = append(got, name)
			}
		}
		if !slices.Equal(got, []string{want}) {
			t.Errorf("StatusIcon(%q) draws %v, want %s", key, got, want)
		}
		if !strings.Contains(raw, `aria-hidden="true"`) || !strings.Contains(raw, `focusable="false"`) {
			t.Errorf("StatusIcon(%q) is not hidden from assistive technology", key)
		}
	}
}

func TestTone(t *testing.T) {
	for key, want := range map[string]string{
		"operational": "ok", "degraded_performance": "degraded", "partial_outage": "partial", "major_outage": "major",
		"under_maintenance": "maint", "none": "ok", "minor": "degraded", "major": "major", "critical": "major",
		"maintenance": "maint", "notice": "info", "": "none",
	} {
		if got := tone(key); got != want {
			t.Errorf("tone(%q) = %q, want %q", key, got, want)
		}
	}
	for level, want := range map[string]string{"operational": "t-ok", "major_outage": "t-major", "": "t-none", "no_data": "t-none", "critical": "t-none"} {
		if got := dayTone(level); got != want {
			t.Errorf("dayTone(%q) = %q, want %q", level, got, want)
		}
	}
}

func TestTocTree(t *testing.T) {
	hs := []Heading{{2, "a", "A"}, {3, "a1", "A1"}, {4, "a1x", "A1x"}, {2, "b", "B"}, {4, "b1", "B1"}, {3, "b2", "B2"}, {2, "c", "C"}}
	var show func(ns []*tocNode) string
	show = func(ns []*tocNode) string {
		var parts []string
		for _, n := range ns {
			s := n.ID
			if len(n.Children) > 0 {
				s += "(" + show(n.Children) + ")"
			}
			parts = append(parts, s)
		}
		return strings.Join(parts, " ")
	}
	if got, want := show(tocTree(hs)), "a(a1(a1x)) b(b1 b2) c"; got != want {
		t.Errorf("tocTree = %s, want %s", got, want)
	}
	if got := tocTree(nil); got != nil {
		t.Errorf("tocTree(nil) = %v", got)
	}
}

func TestAround(t *testing.T) {
	for lang, want := range map[string][2]string{
		"en": {"Questions? Contact us at ", "."},
		"nl": {"Vragen? Neem contact met ons op via ", "."},
	} {
		l := sampleLocalizer(t, lang)
		before, after := around(l, locale.ChromeContact, "Contact", nil)
		if got := [2]string{before, after}; got != want {
			t.Errorf("%s: around = %q, want %q", lang, got, want)
		}
	}
}
