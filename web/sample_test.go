package web

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"statuspress/internal/incident"
	"statuspress/internal/locale"
	"statuspress/locales"
)

// The sample pages below are what the site package would build for Lumen Mail, the fictional
// company of the sample content: an ongoing REST API incident, a resolved SOAP API outage whose
// original is Dutch, a database maintenance, a product notice. Texts are formatted by the real
// Localizer, so the pages read as they will in production.

const sampleSite = "https://status.lumenmail.example"

// now is the moment the sample pages are rendered: Tuesday 13 October 2026, 09:30 UTC.
var now = time.Date(2026, 10, 13, 9, 30, 0, 0, time.UTC)

var catalog = sync.OnceValues(func() (*locale.Catalog, error) { return locale.Load(locales.FS) })

// zones are the sample site's time zones per language.
var zones = map[string]string{"en": "UTC", "nl": "Europe/Amsterdam", "fr": "Europe/Paris", "de": "Europe/Berlin"}

// sampleLocalizer returns the Localizer for lang in the sample site's zone for it.
func sampleLocalizer(t testing.TB, lang string) *locale.Localizer {
	t.Helper()
	cat, err := catalog()
	if err != nil {
		t.Fatal(err)
	}
	loc, err := time.LoadLocation(zones[lang])
	if err != nil {
		t.Fatal(err)
	}
	return cat.Localizer(lang, loc)
}

// sampleContext is a context carrying lang's Localizer, as the server's middleware makes it.
func sampleContext(t testing.TB, lang string) (context.Context, *locale.Localizer) {
	l := sampleLocalizer(t, lang)
	return locale.NewContext(context.Background(), l), l
}

func at(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

func tm(l *locale.Localizer, t time.Time) Time {
	return Time{Text: l.DateTime(t), ISO: t.UTC().Format(time.RFC3339)}
}

// sampleBase is the Base of the page at path (below /{lang}/) in l's language.
func sampleBase(l *locale.Localizer, path, title, description string) Base {
	lang := l.Lang()
	var alts []Alternate
	for _, a := range locale.Languages {
		alts = append(alts, Alternate{
			Lang:    a,
			Name:    locale.NativeName(a),
			URL:     sampleSite + "/" + a + "/" + path,
			Current: a == lang,
		})
	}
	site := map[string]string{"en": "Lumen Mail Status", "nl": "Lumen Mail Status", "fr": "État des services Lumen Mail", "de": "Lumen Mail Status"}[lang]
	feedTitle := l.TData(locale.FeedTitle, map[string]any{"Site": site})
	return Base{
		Lang:        lang,
		SiteTitle:   site,
		Title:       title,
		Description: description,
		Canonical:   sampleSite + "/" + lang + "/" + path,
		Languages:   alts,
		XDefault:    sampleSite + "/en/" + path,
		Feeds: []Link{
			{Title: feedTitle, URL: sampleSite + "/" + lang + "/feed.atom", Type: "application/atom+xml"},
			{Title: feedTitle, URL: sampleSite + "/" + lang + "/feed.rss", Type: "application/rss+xml"},
			{Title: feedTitle, URL: sampleSite + "/" + lang + "/feed.json", Type: "application/feed+json"},
			{Title: l.TData(locale.FeedCalendarTitle, map[string]any{"Site": site}), URL: sampleSite + "/" + lang + "/maintenance.ics", Type: "text/calendar"},
		},
		Stylesheet:   "/static/style.0123456789.css",
		Script:       "/static/app.abcdef0123.js",
		OGType:       "website",
		HomeURL:      "/" + lang + "/",
		HistoryURL:   "/" + lang + "/history/",
		SupportEmail: "support@lumenmail.example",
		SupportURL:   "https://lumenmail.example/support",
		Zone:         l.Location().String(),
		Generated:    tm(l, now),
	}
}

func componentStatus(l *locale.Localizer, s incident.ComponentStatus) Status {
	return Status{Key: string(s), Label: l.ComponentStatus(s)}
}

func updateStatus(l *locale.Localizer, s incident.UpdateStatus) Status {
	return Status{Key: string(s), Label: l.UpdateStatus(s)}
}

func kind(l *locale.Localizer, k incident.Kind) Status {
	return Status{Key: string(k), Label: l.Kind(k)}
}

func impact(l *locale.Localizer, i incident.Impact) Status {
	return Status{Key: string(i), Label: l.Impact(i)}
}

// text marks v as written in lang, a fallback when that is not the page's language.
func text(l *locale.Localizer, v, lang string) Text {
	if lang == l.Lang() {
		return Text{Value: v}
	}
	return Text{Value: v, Lang: lang, Fallback: true}
}

func html(l *locale.Localizer, v, lang string) HTML {
	t := text(l, v, lang)
	return HTML(t)
}

// sampleUptime is 90 days ending today, with the given days (counted back from today, 0 is
// today) hit by an incident.
func sampleUptime(l *locale.Localizer, hits map[int]Link) *Uptime {
	var days []UptimeDay
	for back := 89; back >= 0; back-- {
		day := now.AddDate(0, 0, -back)
		d := UptimeDay{Date: l.ShortDate(day), ISO: day.Format(time.DateOnly), Level: "operational"}
		pct := 100.0
		if inc, ok := hits[back]; ok {
			d.Level, pct = "major_outage", 70.5
			if back == 0 {
				d.Level, pct = "partial_outage", 96.2
			}
			d.Incidents = []Link{inc}
			d.Label = l.Plural(locale.UptimeDay, 1, map[string]any{
				"Date": d.Date, "Status": l.ComponentStatus(incident.ComponentStatus(d.Level)), "Percent": l.Percent(pct),
			})
		} else {
			d.Label = l.TData(locale.UptimeDayNoIncidents, map[string]any{"Date": d.Date, "Percent": l.Percent(pct)})
		}
		days = append(days, d)
	}
	pct := l.Percent(99.65)
	return &Uptime{
		Percent:      pct,
		SummaryID:    "uptime-summary-rest-api",
		Summary:      l.Plural(locale.UptimeDays, 90, nil) + ": " + pct,
		SummaryShort: l.Plural(locale.UptimeDays, 30, nil) + ": " + l.Percent(98.94),
		Figure:       l.Plural(locale.UptimeOver, 90, map[string]any{"Percent": pct}),
		FigureShort:  l.Plural(locale.UptimeOver, 30, map[string]any{"Percent": l.Percent(98.94)}),
		From:         l.DaysAgo(89),
		To:           l.T(locale.LabelToday),
		Days:         days,
	}
}

// forComponent is u as the strip of component id.
func forComponent(id string, u *Uptime) *Uptime {
	u.SummaryID = "uptime-summary-" + id
	return u
}

// compactUptime is u as the overview shows it (site.compactStrip): no words on the calm days
// before today, no links on any.
func compactUptime(u *Uptime) *Uptime {
	c := *u
	c.Days = make([]UptimeDay, len(u.Days))
	for i, d := range u.Days {
		if d.Level == "operational" && len(d.Incidents) == 0 && i < len(u.Days)-1 {
			d.Label = ""
		}
		d.Incidents = nil
		c.Days[i] = d
	}
	return &c
}

func incidentURL(l *locale.Localizer, slug string) string {
	return "/" + l.Lang() + "/incidents/" + slug + "/"
}

func componentURL(l *locale.Localizer, id string) string {
	return "/" + l.Lang() + "/components/" + id + "/"
}

func affected(l *locale.Localizer, id, name string, s incident.ComponentStatus) Affected {
	return Affected{Name: name, URL: componentURL(l, id), Status: componentStatus(l, s)}
}

// restCard is the ongoing incident: the REST API returns errors for some requests.
func restCard(l *locale.Localizer) IncidentCard {
	started := at("2026-10-13T07:55:00Z")
	title := map[string]string{"en": "Errors on the REST API", "nl": "Foutmeldingen op de REST-API"}
	body := map[string]string{
		"en": "<p>About one in five requests to the REST API fails with <code>503</code>. We are looking into it.</p>",
		"nl": "<p>Ongeveer een op de vijf aanroepen van de REST-API mislukt met <code>503</code>. We onderzoeken de oorzaak.</p>",
	}
	lang := l.Lang()
	if _, ok := title[lang]; !ok {
		lang = "en"
	}
	return IncidentCard{
		Slug:     "rest-api-errors",
		URL:      incidentURL(l, "rest-api-errors"),
		Title:    text(l, title[lang], lang),
		Kind:     kind(l, incident.KindIncident),
		State:    updateStatus(l, incident.StatusInvestigating),
		Impact:   impact(l, incident.ImpactMajor),
		Started:  tm(l, started),
		Duration: l.Duration(now.Sub(started)),
		Latest: &UpdateView{
			ID:     "update-2026-10-13t0810z",
			Status: updateStatus(l, incident.StatusInvestigating),
			At:     tm(l, at("2026-10-13T08:10:00Z")),
			Age:    l.Relative(at("2026-10-13T08:10:00Z"), now),
			Body:   html(l, body[lang], lang),
		},
		Components: []Affected{affected(l, "rest-api", "REST API", incident.PartialOutage)},
	}
}

// soapCard is the resolved SOAP API outage, written in Dutch and translated into English.
func soapCard(l *locale.Localizer) IncidentCard {
	started, resolved := at("2026-10-06T01:47:00+02:00"), at("2026-10-06T08:52:00+02:00")
	title := text(l, "Storing SOAP-API", "nl")
	summary := text(l, "In de nacht van 6 oktober heeft de SOAP-API geen aanroepen verwerkt.", "nl")
	if l.Lang() == "en" {
		title = text(l, "SOAP API outage", "en")
		summary = text(l, "On the night of 6 October the SOAP API processed no requests.", "en")
	}
	return IncidentCard{
		Slug:       "soap-api-storing",
		URL:        incidentURL(l, "soap-api-storing"),
		Title:      title,
		Summary:    summary,
		Kind:       kind(l, incident.KindIncident),
		State:      updateStatus(l, incident.StatusResolved),
		Impact:     impact(l, incident.ImpactMajor),
		Started:    tm(l, started),
		Resolved:   tm(l, resolved),
		Duration:   l.Duration(resolved.Sub(started)),
		Components: []Affected{affected(l, "soap-api", "SOAP API", incident.MajorOutage)},
	}
}

// dbCard is the upcoming database maintenance.
func dbCard(l *locale.Localizer) IncidentCard {
	start, end := at("2026-10-20T22:00:00Z"), at("2026-10-21T01:00:00Z")
	return IncidentCard{
		Slug:       "database-upgrade-october",
		URL:        incidentURL(l, "database-upgrade-october"),
		Title:      text(l, "Database upgrade", "en"),
		Summary:    text(l, "The web application is read-only for up to three hours.", "en"),
		Kind:       kind(l, incident.KindMaintenance),
		State:      updateStatus(l, incident.StatusScheduled),
		Window:     l.Window(start, end),
		Components: []Affected{affected(l, "web-app", "Web application", incident.UnderMaintenance)},
	}
}

// noticeCard is a product notice, written in German only, posted a week before it takes effect.
func noticeCard(l *locale.Localizer) IncidentCard {
	return IncidentCard{
		Slug:        "api-fehlerbenachrichtigung",
		URL:         incidentURL(l, "api-fehlerbenachrichtigung"),
		Title:       text(l, "Neue Fehlerbenachrichtigung für die API", "de"),
		Kind:        kind(l, incident.KindNotice),
		State:       updateStatus(l, incident.StatusResolved),
		Published:   tm(l, at("2026-09-24T10:00:00+02:00")),
		TakesEffect: tm(l, at("2026-10-01T08:00:00+02:00")),
	}
}

func sampleOverview(l *locale.Localizer) OverviewPage {
	soap := Link{Title: soapCard(l).Title.Value, URL: incidentURL(l, "soap-api-storing")}
	rest := Link{Title: restCard(l).Title.Value, URL: incidentURL(l, "rest-api-errors")}
	return OverviewPage{
		Base:       sampleBase(l, "", "", "Current status of Lumen Mail."),
		Banner:     Status{Key: "major", Label: l.T(locale.StateMajor)},
		Ongoing:    []IncidentCard{restCard(l)},
		Upcoming:   []IncidentCard{dbCard(l)},
		UptimeDays: 90,
		Groups: []ComponentGroup{
			{
				Name:   map[string]string{"en": "APIs and integrations", "nl": "API's en koppelingen"}[l.Lang()],
				Status: componentStatus(l, incident.PartialOutage),
				Open:   true,
				Components: []ComponentRow{
					{ID: "soap-api", Name: "SOAP API", URL: componentURL(l, "soap-api"), Description: "The SOAP web service.", Status: componentStatus(l, incident.Operational), Uptime: forComponent("soap-api", compactUptime(sampleUptime(l, map[int]Link{7: soap})))},
					{ID: "rest-api", Name: "REST API", URL: componentURL(l, "rest-api"), Status: componentStatus(l, incident.PartialOutage), Uptime: compactUptime(sampleUptime(l, map[int]Link{0: rest}))},
				},
			},
			{
				Components: []ComponentRow{
					{ID: "web-app", Name: "Web application", URL: componentURL(l, "web-app"), Status: componentStatus(l, incident.Operational)},
				},
			},
		},
		Notices: []IncidentCard{noticeCard(l)},
		Recent:  []IncidentCard{soapCard(l)},
	}
}

// incidentVariant is how the SOAP API incident's text relates to the page's language when
// that is not Dutch; on a Dutch page every variant is the original.
type incidentVariant int

const (
	translated incidentVariant = iota // a human translation that lacks one update
	onlyIn                            // no translation: everything is the Dutch original
	machine                           // a machine translation of the Dutch original
)

func sampleIncident(l *locale.Localizer, v incidentVariant) IncidentPage {
	c := soapCard(l)
	lang := l.Lang()
	// tr is the text in the page's language, or the Dutch original for onlyIn.
	tr := func(nl, other string) (string, string) {
		if v == onlyIn || lang == "nl" {
			return nl, "nl"
		}
		return other, lang
	}
	t, tl := tr("Storing SOAP-API", "SOAP API outage")
	c.Title = text(l, t, tl)
	s, sl := tr("In de nacht van 6 oktober heeft de SOAP-API geen aanroepen verwerkt.", "On the night of 6 October the SOAP API processed no requests.")
	c.Summary = text(l, s, sl)
	upd := func(id string, st incident.UpdateStatus, when string, nl, other string) UpdateView {
		b, bl := tr(nl, other)
		if other == "" {
			b, bl = nl, "nl"
		}
		return UpdateView{ID: id, Status: updateStatus(l, st), At: tm(l, at(when)), Body: html(l, b, bl)}
	}
	body, bl := tr(
		`<p>Vannacht heeft onze SOAP-API tussen 01:47 en 08:52 uur geen aanroepen verwerkt.</p><h2 id="wat-betekent-dit-voor-u">Wat betekent dit voor u?</h2><p>Verstuur mislukte aanroepen opnieuw.</p><h2 id="oorzaak">Oorzaak</h2><p>Een teruggedraaide release.</p><h3 id="tijdlijn">Tijdlijn</h3><table><thead><tr><th>Tijd</th><th>Gebeurtenis</th></tr></thead><tbody><tr><td>01:47</td><td>Eerste foutmeldingen</td></tr></tbody></table><h2 id="maatregelen">Maatregelen</h2><p>Zie <a href="https://lumenmail.example/changelog">de changelog</a>.</p>`,
		`<p>Last night our SOAP API processed no requests between 01:47 and 08:52 CEST.</p><h2 id="what-does-this-mean-for-you">What does this mean for you?</h2><p>Send failed requests again.</p><h2 id="cause">Cause</h2><p>A rolled-back release.</p><h3 id="timeline">Timeline</h3><table><thead><tr><th>Time</th><th>Event</th></tr></thead><tbody><tr><td>01:47</td><td>First errors</td></tr></tbody></table><h2 id="measures">Measures</h2><p>See <a href="https://lumenmail.example/changelog">the changelog</a>.</p>`)
	toc := []Heading{{2, "what-does-this-mean-for-you", "What does this mean for you?"}, {2, "cause", "Cause"}, {3, "timeline", "Timeline"}, {2, "measures", "Measures"}}
	if bl == "nl" {
		toc = []Heading{{2, "wat-betekent-dit-voor-u", "Wat betekent dit voor u?"}, {2, "oorzaak", "Oorzaak"}, {3, "tijdlijn", "Tijdlijn"}, {2, "maatregelen", "Maatregelen"}}
	}
	p := IncidentPage{
		Base: sampleBase(l, "incidents/soap-api-storing/", c.Title.Value, c.Summary.Value),
		Card: c,
		Timeline: []UpdateView{
			upd("update-2026-10-06t1230z", incident.StatusResolved, "2026-10-06T14:30:00+02:00",
				"<p>De SOAP-API werkt sinds 08:52 uur zonder problemen.</p>", "<p>The SOAP API has worked without problems since 08:52.</p>"),
			upd("update-2026-10-06t0652z", incident.StatusMonitoring, "2026-10-06T08:52:00+02:00",
				"<p>Alle SOAP-servers draaien weer met de juiste configuratie.</p>", ""),
			upd("update-2026-10-06t0512z", incident.StatusInvestigating, "2026-10-06T07:12:00+02:00",
				"<p>De SOAP-API beantwoordt elke aanroep met een foutmelding.</p>", "<p>The SOAP API answers every request with an error.</p>"),
		},
		Body: html(l, body, bl),
		TOC:  toc,
	}
	p.Timeline[0].Components = []Affected{affected(l, "soap-api", "SOAP API", incident.Operational)}
	p.Base.OGType = "article"
	switch v {
	case onlyIn:
		if lang != "nl" {
			p.OnlyIn = l.LanguageName("nl")
		}
	case machine:
		if lang != "nl" {
			p.Machine = true
			p.Original = sampleSite + "/nl/incidents/soap-api-storing/"
			p.OriginalLanguage = l.LanguageName("nl")
			// A machine translation covers every update.
			p.Timeline[1].Body = html(l, "<p>All SOAP servers run with the right configuration again.</p>", lang)
		}
	}
	return p
}

// sampleNoticePage is a notice: its body is the announcement, with no updates.
func sampleNoticePage(l *locale.Localizer) IncidentPage {
	c := noticeCard(l)
	return IncidentPage{
		Base:   sampleBase(l, "incidents/api-fehlerbenachrichtigung/", c.Title.Value, ""),
		Card:   c,
		Body:   html(l, `<p>Ab dem 1. Oktober meldet die API Fehler im Format RFC 9457.</p><h2 id="was-andert-sich">Was ändert sich?</h2><p>Das Feld <code>type</code>.</p><h2 id="was-mussen-sie-tun">Was müssen Sie tun?</h2><p>Nichts.</p>`, "de"),
		TOC:    []Heading{{2, "was-andert-sich", "Was ändert sich?"}, {2, "was-mussen-sie-tun", "Was müssen Sie tun?"}},
		OnlyIn: l.LanguageName("de"),
	}
}

func sampleHistory(l *locale.Localizer) HistoryPage {
	return HistoryPage{
		Base: sampleBase(l, "history/?page=2", l.T(locale.HeadingHistory), ""),
		Months: []Month{
			{Name: l.Month(at("2026-10-01T12:00:00Z")), Incidents: []IncidentCard{restCard(l), soapCard(l), noticeCard(l)}},
			{Name: l.Month(at("2026-09-01T12:00:00Z"))},
			{Name: l.Month(at("2026-08-01T12:00:00Z")), Incidents: []IncidentCard{dbCard(l)}},
		},
		Pager: Pager{
			Page: 2, Pages: 3,
			Newer: "/" + l.Lang() + "/history/",
			Older: "/" + l.Lang() + "/history/?page=3",
		},
	}
}

func sampleComponent(l *locale.Localizer) ComponentPage {
	soap := Link{Title: soapCard(l).Title.Value, URL: incidentURL(l, "soap-api-storing")}
	return ComponentPage{
		Base:        sampleBase(l, "components/soap-api/", "SOAP API", ""),
		Name:        "SOAP API",
		Description: "The SOAP web service for contacts, campaigns and reports.",
		Group:       map[string]string{"en": "APIs and integrations", "nl": "API's en koppelingen"}[l.Lang()],
		Status:      componentStatus(l, incident.Operational),
		Uptime:      sampleUptime(l, map[int]Link{7: soap}),
		Past:        []IncidentCard{soapCard(l)},
	}
}

func sampleError(l *locale.Localizer, code int) ErrorPage {
	title := l.T(locale.ServerErrorTitle)
	var state Status
	if code == 404 {
		title = l.T(locale.NotFoundTitle)
		state = Status{Key: "major", Label: l.T(locale.StateMajor)}
	}
	return ErrorPage{Base: sampleBase(l, fmt.Sprintf("nowhere-%d/", code), title, ""), Code: code, State: state}
}

// trimSpace collapses runs of white space, as a reader sees text.
func trimSpace(s string) string { return strings.Join(strings.Fields(s), " ") }
