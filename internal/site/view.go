package site

import (
	"math"
	"time"

	"statuspress/internal/incident"
	"statuspress/internal/locale"
	"statuspress/internal/status"
	"statuspress/static"
	"statuspress/web"
)

// view builds the view models of one page: one snapshot, one language, one instant.
type view struct {
	s    *Snapshot
	lang string
	l    *locale.Localizer
	now  time.Time
}

func (s *Snapshot) view(lang string, now time.Time) *view {
	if !s.Enabled(lang) {
		lang = s.Site.DefaultLanguage
	}
	return &view{s: s, lang: lang, l: s.Localizer(lang), now: now}
}

// base fills what every page has. path is the page's own path in this language.
// pagedTitle is the title of page n of a paged list: the first page's, and the page's number
// after it on the others, so no two pages share a title.
func (v *view) pagedTitle(title string, p web.Pager) string {
	if p.Page <= 1 {
		return title
	}
	return title + " · " + v.l.TData(locale.LabelPage, map[string]any{"Page": p.Page, "Pages": p.Pages})
}

func (v *view) base(path, title, description string) web.Base {
	s := v.s
	b := web.Base{
		Lang:         v.lang,
		SiteTitle:    s.Site.Localize(s.Site.Title, v.lang),
		Title:        title,
		Description:  description,
		Canonical:    s.Absolute(path),
		XDefault:     s.Absolute(Translate(path, s.Site.DefaultLanguage)),
		Stylesheet:   static.Path("style.css"),
		Script:       static.Path("app.js"),
		Icon:         static.Path("icon.svg"),
		OGType:       "website",
		HomeURL:      HomePath(v.lang),
		HistoryURL:   HistoryPath(v.lang, 1),
		SupportEmail: s.Site.Support.Email,
		SupportURL:   s.Site.Support.URL,
		Zone:         v.zone(),
		Generated:    v.time(s.lastChange(v.now)),
	}
	for _, l := range s.Site.Languages {
		alt := Translate(path, l)
		// The switcher remembers the choice through /lang/; a static site links the page itself.
		sw := SwitchPath(l, alt)
		if s.static {
			sw = alt
		}
		b.Languages = append(b.Languages, web.Alternate{
			Lang: l, Name: locale.NativeName(l), URL: s.Absolute(alt), Switch: sw, Current: l == v.lang,
		})
	}
	b.Feeds = v.feedLinks(b.SiteTitle, "")
	b.Feeds = append(b.Feeds, web.Link{
		Title: v.l.TData(locale.FeedCalendarTitle, map[string]any{"Site": b.SiteTitle}),
		URL:   CalendarPath(v.lang), Type: "text/calendar",
	})
	if b.Description == "" {
		b.Description = b.SiteTitle
	}
	return b
}

// feedLinks are the three formats of the site's feed, or of one component's when id is set.
func (v *view) feedLinks(siteTitle, id string) []web.Link {
	title := v.l.TData(locale.FeedTitle, map[string]any{"Site": siteTitle})
	path := func(ext string) string { return FeedPath(v.lang, ext) }
	if id != "" {
		title = v.l.TData(locale.FeedComponentTitle, map[string]any{"Site": siteTitle, "Component": v.componentName(id)})
		path = func(ext string) string { return ComponentFeedPath(v.lang, id, ext) }
	}
	return []web.Link{
		{Title: title, URL: path("rss"), Type: "application/rss+xml"},
		{Title: title, URL: path("atom"), Type: "application/atom+xml"},
		{Title: title, URL: path("json"), Type: "application/feed+json"},
	}
}

// zone names the page's time zone by its place ("Europe/Amsterdam", "UTC"), which holds for
// every time on the page. Its abbreviation would name one season only: a page seen in winter
// lists summer times too, each with its own abbreviation ("CEST") beside it.
func (v *view) zone() string {
	return v.l.Location().String()
}

func (v *view) time(t time.Time) web.Time {
	if t.IsZero() {
		return web.Time{}
	}
	return web.Time{Text: v.l.DateTime(t), ISO: t.UTC().Format(time.RFC3339)}
}

func (v *view) text(p incident.Part) web.Text {
	t := web.Text{Value: p.Text}
	if p.Lang != v.lang {
		t.Lang, t.Fallback = p.Lang, true
	}
	return t
}

func (v *view) html(p incident.Part) web.HTML {
	t := web.HTML{Value: p.Text}
	if p.Lang != v.lang {
		t.Lang, t.Fallback = p.Lang, true
	}
	return t
}

func (v *view) componentStatus(s incident.ComponentStatus) web.Status {
	return web.Status{Key: string(s), Label: v.l.ComponentStatus(s)}
}

// componentName is a component's name in the page's language.
func (v *view) componentName(id string) string {
	if c, ok := v.s.Site.Component(id); ok {
		return v.s.Site.Localize(c.Name, v.lang)
	}
	return id
}

func (v *view) affected(as []incident.Affected) []web.Affected {
	out := make([]web.Affected, 0, len(as))
	for _, a := range as {
		out = append(out, web.Affected{Name: v.componentName(a.Component), URL: ComponentPath(v.lang, a.Component), Status: v.componentStatus(a.Status)})
	}
	return out
}

// worstPerComponent is the worst status each component had during the incident, up to now.
func worstPerComponent(in *incident.Incident, updates []incident.Update) []incident.Affected {
	out := append([]incident.Affected(nil), in.Components...)
	for _, u := range updates {
		for _, a := range u.Components {
			found := false
			for i := range out {
				if out[i].Component == a.Component {
					out[i].Status = incident.Worst(out[i].Status, a.Status)
					found = true
				}
			}
			if !found {
				out = append(out, a)
			}
		}
	}
	return out
}

// card is an incident as lists show it.
func (v *view) card(in *incident.Incident) web.IncidentCard {
	loc := in.In(v.lang, v.s.Site.DefaultLanguage)
	visible := status.Visible(in, v.now)
	c := web.IncidentCard{
		Slug:    in.Slug,
		URL:     IncidentPath(v.lang, in.Slug),
		Title:   v.text(loc.Title),
		Summary: v.text(loc.Summary),
		Kind:    web.Status{Key: string(in.Kind), Label: v.l.Kind(in.Kind)},
	}
	// A maintenance's start is only a fact once it has come; before, its window says when. A
	// notice is posted, not started: it says when, and when its change takes effect where that
	// is another time, which may be still to come.
	switch {
	case in.Kind == incident.KindNotice:
		c.Published = v.time(in.Posted())
		if !in.Started.Equal(in.Posted()) {
			c.TakesEffect = v.time(in.Started)
		}
	case !in.Started.After(v.now):
		c.Started = v.time(in.Started)
	}
	if in.Kind != incident.KindNotice {
		st := in.State(v.now)
		c.State = web.Status{Key: string(st), Label: v.l.UpdateStatus(st)}
	}
	if in.Kind == incident.KindIncident {
		imp := status.ImpactAt(in, v.now)
		c.Impact = web.Status{Key: string(imp), Label: v.l.Impact(imp)}
	}
	end, ended := in.Ended(v.now)
	if ended {
		c.Resolved = v.time(end)
	}
	if in.Kind == incident.KindMaintenance {
		c.Window = v.l.Window(in.Scheduled.Start, in.Scheduled.End)
	}
	if in.Kind != incident.KindNotice && !in.Started.IsZero() && !in.Started.After(v.now) {
		if !ended {
			end = v.now
		}
		// A maintenance cancelled before its window began took no time.
		c.Duration = v.l.Duration(max(0, end.Sub(in.Started)))
	}
	if n := len(visible); n > 0 {
		u := v.update(in, visible[n-1], loc.Updates[n-1])
		// Only an incident's: a maintenance's latest word is often its announcement, days old
		// by design. Pages are made once a minute, so the words are right to the minute.
		if !ended && in.Kind == incident.KindIncident && !in.Started.After(v.now) {
			u.Age = v.l.Relative(visible[n-1].At, v.now)
		}
		c.Latest = &u
	}
	if ended || in.Kind == incident.KindNotice {
		c.Components = v.affected(worstPerComponent(in, visible))
	} else {
		c.Components = v.affected(in.ComponentsAt(v.now))
	}
	return c
}

func (v *view) update(in *incident.Incident, u incident.Update, text incident.Part) web.UpdateView {
	return web.UpdateView{
		ID:         UpdateAnchor(u),
		Status:     web.Status{Key: string(u.Status), Label: v.l.UpdateStatus(u.Status)},
		At:         v.time(u.At),
		Body:       v.html(text),
		Components: v.affected(u.Components),
	}
}

// cards makes cards of a list of incidents.
func (v *view) cards(ins []*incident.Incident) []web.IncidentCard {
	out := make([]web.IncidentCard, len(ins))
	for i, in := range ins {
		out[i] = v.card(in)
	}
	return out
}

// phoneDays is how many days of a strip a phone shows (the stylesheet hides the others).
const phoneDays = 30

// stripDetail is how much of each day an uptime strip says.
type stripDetail int

const (
	// compactStrip is the overview's: a colour for every day, words only for today and the days
	// that were not calm, no links. The overview has a strip per component, and on a big site
	// nearly every one of their days links an incident: linking them all made it 35 KB gzipped at
	// 10,000 incidents, against 12 without (README, Performance). The component's name links its
	// own page, which has the detailed strip.
	compactStrip stripDetail = iota
	// detailedStrip is a component page's: every day in words, linking its incidents.
	detailedStrip
)

// uptime is a history as a strip of bars, of the component with the given id.
func (v *view) uptime(id string, h status.History, detail stripDetail) *web.Uptime {
	if len(h.Days) == 0 {
		return nil
	}
	pct := v.l.Percent(100 * h.Uptime)
	u := &web.Uptime{
		Percent:   pct,
		SummaryID: "uptime-summary-" + id,
		Summary:   v.l.Plural(locale.UptimeDays, len(h.Days), nil) + ": " + pct,
		Figure:    v.l.Plural(locale.UptimeOver, len(h.Days), map[string]any{"Percent": pct}),
		From:      v.l.ShortDate(h.Days[0].Start),
		To:        v.l.T(locale.LabelToday),
		Days:      make([]web.UptimeDay, len(h.Days)),
	}
	if n := len(h.Days); n > phoneDays {
		u.FromShort = v.l.ShortDate(h.Days[n-phoneDays].Start)
		short := v.l.Percent(100 * h.UptimeOfLast(phoneDays))
		u.FigureShort = v.l.Plural(locale.UptimeOver, phoneDays, map[string]any{"Percent": short})
		u.SummaryShort = v.l.Plural(locale.UptimeDays, phoneDays, nil) + ": " + short
	}
	for i, d := range h.Days {
		day := web.UptimeDay{Date: v.l.Date(d.Start), ISO: dayISO(d.Start), Level: string(d.Worst)}
		// A day is calm when nothing gave the component another status than operational; the
		// overview shows such a day by its colour alone. Today always has its words: it is the day
		// readers ask about, the one keyboard focus enters the strip at (static/app.js), and it
		// keeps a calm strip from being an empty list to a screen reader.
		calm := len(d.Incidents) == 0 && d.Worst == incident.Operational
		if detail == compactStrip && calm && i < len(h.Days)-1 {
			u.Days[i] = day
			continue
		}
		dpct := v.l.Percent(100 * d.Uptime)
		if len(d.Incidents) == 0 {
			day.Label = v.l.TData(locale.UptimeDayNoIncidents, map[string]any{"Date": day.Date, "Percent": dpct})
		} else {
			// The worst status in words: partial and major outage must not differ by colour alone.
			day.Label = v.l.Plural(locale.UptimeDay, len(d.Incidents), map[string]any{
				"Date": day.Date, "Status": v.l.ComponentStatus(d.Worst), "Percent": dpct,
			})
		}
		if detail == detailedStrip {
			day.Incidents = v.dayIncidents(d.Incidents)
		}
		u.Days[i] = day
	}
	return u
}

// uptimeRule says how statuses count towards the uptime figures, next to the bars: a customer who
// saw a service degraded for weeks and reads 100% needs to know why.
func (v *view) uptimeRule() string {
	return v.l.TData(locale.UptimeRule, map[string]any{"Partial": v.l.WholePercent(int(math.Round(100 * status.PartialWeight)))})
}

// dayIncidents links the incidents of a day of a strip, titled in the page's language where
// they have it.
func (v *view) dayIncidents(slugs []string) []web.Link {
	var out []web.Link
	for _, slug := range slugs {
		if in, ok := v.s.Incident(slug, v.now); ok {
			title := in.In(v.lang, v.s.Site.DefaultLanguage).Title
			link := web.Link{Title: title.Text, URL: IncidentPath(v.lang, slug)}
			if title.Lang != v.lang {
				link.Lang = title.Lang
			}
			out = append(out, link)
		}
	}
	return out
}
