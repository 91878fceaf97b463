package site

import (
	"slices"
	"strings"
	"time"

	"github.com/nicksnyder/go-i18n/v2/i18n"

	"statuspress/internal/content"
	"statuspress/internal/incident"
	"statuspress/internal/locale"
	"statuspress/internal/status"
	"statuspress/web"
)

// recentLimit is how many recent notices and past incidents the overview lists.
const recentLimit = 5

// Overview is the front page in lang at now.
func (s *Snapshot) Overview(lang string, now time.Time) web.OverviewPage {
	v := s.view(lang, now)
	published := s.Published(now)
	st := status.At(s.Site, published, now)
	up := s.Timeline.Uptime(s.Site, now, s.uptimeDays, v.l.Location())
	soon, later := status.Imminent(st.Upcoming, now, s.Site.Lead())
	p := web.OverviewPage{
		Base:       v.base(HomePath(v.lang), "", ""),
		Banner:     v.state(st.Indicator),
		Ongoing:    v.cards(st.Ongoing),
		Upcoming:   v.cards(later),
		UptimeDays: s.uptimeDays,
		Notices:    v.cards(first(st.Notices, recentLimit)),
	}
	p.Description = p.Banner.Label
	// An incident outranks a maintenance in the page's state (status.IndicatorAt), but the
	// maintenance still takes things down: the banner says both.
	if len(st.InProgress) > 0 && st.Indicator != status.IndicatorMaintenance {
		p.BannerNote = v.l.Indicator(status.IndicatorMaintenance)
	}
	// Maintenance going on or about to start is shown above the components, each with where its
	// window stands now: the page is made again every minute, so relative words stay true.
	for _, in := range st.InProgress {
		c := v.card(in)
		end := in.Scheduled.End
		if !end.After(now) {
			// Work that overran its window: its updates say it goes on, the window no longer
			// says until when.
			end = time.Time{}
		}
		c.When = v.l.Until(end, now)
		p.InProgress = append(p.InProgress, c)
	}
	for _, in := range soon {
		c := v.card(in)
		c.When = v.l.Starts(in.Scheduled.Start, now)
		p.InProgress = append(p.InProgress, c)
	}
	for _, g := range st.Groups {
		if !g.Shown() {
			continue
		}
		cg := web.ComponentGroup{Name: s.Site.Localize(g.Group.Name, v.lang), Status: v.componentStatus(g.Status)}
		cg.Components = v.rows(g.Components, up)
		cg.Open = g.Status != incident.Operational
		p.Groups = append(p.Groups, cg)
	}
	var loose []status.ComponentState
	worst := incident.Operational
	for _, c := range st.Components {
		if c.Component.Group == "" && c.Shown() {
			loose = append(loose, c)
			worst = incident.Worst(worst, c.Status)
		}
	}
	if rows := v.rows(loose, up); len(rows) > 0 {
		lg := web.ComponentGroup{Components: rows}
		// Below named groups, the ungrouped components get a heading of their own: without one
		// they read as part of the last group.
		if len(p.Groups) > 0 {
			lg.Name = v.l.T(locale.HeadingOtherComponents)
			lg.Status = v.componentStatus(worst)
			lg.Open = worst != incident.Operational
		}
		p.Groups = append(p.Groups, lg)
	}
	for _, g := range p.Groups {
		if slices.ContainsFunc(g.Components, func(r web.ComponentRow) bool { return r.Uptime != nil }) {
			p.UptimeRule = v.uptimeRule()
			break
		}
	}
	var past []*incident.Incident
	for _, in := range published {
		if in.Kind == incident.KindIncident && !in.Ongoing(now) {
			past = append(past, in)
		}
	}
	p.Recent = v.cards(first(past, recentLimit))
	return p
}

// state is the overall state in words: the overview's banner, and the not-found page's.
func (v *view) state(ind status.Indicator) web.Status {
	return web.Status{Key: string(ind), Label: v.l.Indicator(ind)}
}

func (v *view) rows(cs []status.ComponentState, up status.Uptime) []web.ComponentRow {
	var out []web.ComponentRow
	for _, c := range cs {
		if !c.Shown() {
			continue
		}
		r := web.ComponentRow{
			ID:          c.Component.ID,
			Name:        v.s.Site.Localize(c.Component.Name, v.lang),
			Description: v.s.Site.Localize(c.Component.Description, v.lang),
			URL:         ComponentPath(v.lang, c.Component.ID),
			Status:      v.componentStatus(c.Status),
		}
		if c.Component.Uptime {
			r.Uptime = v.uptime(c.Component.ID, up.Components[c.Component.ID], compactStrip)
		}
		out = append(out, r)
	}
	return out
}

// timelineEntry is an entry of an incident page's timeline and its instant.
type timelineEntry struct {
	at time.Time
	u  web.UpdateView
}

// byItself returns the entries of a maintenance's timeline that nobody wrote: the start and end
// of its window when they came by themselves, by the rule notifications and feeds follow
// (status.StartsByItself), each marked as made by statuspress.
func (v *view) byItself(in *incident.Incident) []timelineEntry {
	if in.Kind != incident.KindMaintenance {
		return nil
	}
	var out []timelineEntry
	entry := func(at time.Time, st incident.UpdateStatus, prefix string, msg *i18n.Message) timelineEntry {
		return timelineEntry{at, web.UpdateView{
			ID:        prefix + strings.ToLower(at.UTC().Format("20060102T150405Z")),
			Status:    web.Status{Key: string(st), Label: v.l.UpdateStatus(st)},
			At:        v.time(at),
			Automatic: v.l.T(msg),
		}}
	}
	if start, ok := status.StartsByItself(in); ok && !start.After(v.now) {
		out = append(out, entry(start, incident.StatusInProgress, "started-", locale.MaintenanceStartedByItself))
	}
	if end, ok := status.EndsByItself(in); ok && !end.After(v.now) {
		out = append(out, entry(end, incident.StatusCompleted, "completed-", locale.MaintenanceCompletedByItself))
	}
	return out
}

func first[T any](xs []T, n int) []T {
	if len(xs) > n {
		return xs[:n]
	}
	return xs
}

// IncidentPage is one incident in lang at now; false when there is no such published incident.
func (s *Snapshot) IncidentPage(lang, slug string, now time.Time) (web.IncidentPage, bool) {
	in, ok := s.Incident(slug, now)
	if !ok {
		return web.IncidentPage{}, false
	}
	v := s.view(lang, now)
	loc := in.In(v.lang, v.s.Site.DefaultLanguage)
	card := v.card(in)
	desc := loc.Summary.Text
	if desc == "" {
		when := card.Started
		if when.IsZero() {
			when = card.Published
		}
		desc = card.Kind.Label + " · " + when.Text
	}
	p := web.IncidentPage{
		Base: v.base(IncidentPath(v.lang, slug), loc.Title.Text, desc),
		Card: card,
		Body: v.html(loc.Body),
	}
	p.OGType = "article"
	visible := status.Visible(in, now)
	var entries []timelineEntry
	for i, u := range visible {
		entries = append(entries, timelineEntry{u.At, v.update(in, u, loc.Updates[i])})
	}
	// Oldest first, an update before the clock's entry at the same instant; the page shows the
	// newest first.
	entries = append(entries, v.byItself(in)...)
	slices.SortStableFunc(entries, func(a, b timelineEntry) int { return a.at.Compare(b.at) })
	for i := len(entries) - 1; i >= 0; i-- {
		p.Timeline = append(p.Timeline, entries[i].u)
	}
	if card.Latest != nil && len(p.Timeline) > 0 {
		p.Timeline[0].Age = card.Latest.Age
	}
	for _, h := range loc.TOC {
		p.TOC = append(p.TOC, web.Heading{Level: h.Level, ID: h.ID, Text: h.Text})
	}
	shown := loc.Title.Lang
	if in.Texts[v.lang] == nil {
		p.OnlyIn = v.l.LanguageName(shown)
	}
	// A translation may leave out the original's pictures and tables: wherever one is shown,
	// the original is a click away.
	if shown != in.Lang {
		p.Original = s.Absolute(IncidentPath(in.Lang, slug))
		p.OriginalLanguage = v.l.LanguageName(in.Lang)
		p.Machine = in.Texts[shown] != nil && in.Texts[shown].Machine
	}
	for _, a := range s.Catalog.Assets[slug] {
		switch strings.ToLower(a.Name[strings.LastIndex(a.Name, ".")+1:]) {
		case "png", "jpg", "jpeg", "gif", "webp":
			p.Image = s.Absolute(content.AssetURL(slug) + a.Name)
		}
		if p.Image != "" {
			break
		}
	}
	return p, true
}

// History is page n (from 1) of the archive in lang at now; false past the last page. Upcoming
// maintenance is listed apart, on the first page: it has not happened, so it is no part of the
// past, which the pages list by month, newest first. Every month from the latest (the current
// month, on the first page) down to the oldest event is listed, a quiet one too, so that it reads
// as quiet rather than as missing; the quiet months between two pages open the later one.
func (s *Snapshot) History(lang string, n int, now time.Time) (web.HistoryPage, bool) {
	v := s.view(lang, now)
	all := s.Published(now)
	upcoming := status.Upcoming(all, now)
	past := all
	if len(upcoming) > 0 {
		past = slices.DeleteFunc(slices.Clone(all), func(in *incident.Incident) bool { return slices.Contains(upcoming, in) })
	}
	pager, from, to, ok := s.pageOf(n, len(past), func(n int) string { return HistoryPath(v.lang, n) })
	if !ok {
		return web.HistoryPage{}, false
	}
	title := v.l.T(locale.HeadingHistory)
	p := web.HistoryPage{Base: v.base(HistoryPath(v.lang, n), v.pagedTitle(title, pager), title), Pager: pager}
	if n == 1 && len(upcoming) > 0 {
		p.Upcoming = v.cards(upcoming)
	}
	items := past[from:to]
	if len(items) == 0 {
		return p, true
	}
	loc := v.l.Location()
	monthOf := func(t time.Time) time.Time {
		t = t.In(loc)
		return time.Date(t.Year(), t.Month(), 1, 12, 0, 0, 0, loc)
	}
	// next is the latest month not listed yet.
	next := monthOf(items[0].SortTime())
	if n == 1 {
		if m := monthOf(now); m.After(next) {
			next = m
		}
	} else if m := monthOf(past[from-1].SortTime()); m.After(next) {
		next = m.AddDate(0, -1, 0)
	}
	for _, in := range items {
		m := monthOf(in.SortTime())
		for ; !next.Before(m); next = next.AddDate(0, -1, 0) {
			p.Months = append(p.Months, web.Month{Name: v.l.Month(next)})
		}
		last := &p.Months[len(p.Months)-1]
		last.Incidents = append(last.Incidents, v.card(in))
	}
	return p, true
}

// ComponentPage is page n (from 1) of one component in lang at now; false for an unknown id or
// past the last page. Its past incidents come a history page's worth at a time: at ten thousand
// incidents a component's all on one page weighed 1.5 MB.
func (s *Snapshot) ComponentPage(lang, id string, n int, now time.Time) (web.ComponentPage, bool) {
	c, ok := s.Site.Component(id)
	if !ok {
		return web.ComponentPage{}, false
	}
	v := s.view(lang, now)
	name := s.Site.Localize(c.Name, v.lang)
	p := web.ComponentPage{
		Name:        name,
		Description: s.Site.Localize(c.Description, v.lang),
	}
	for _, g := range s.Site.Groups {
		if g.ID == c.Group {
			p.Group = s.Site.Localize(g.Name, v.lang)
		}
	}
	published := s.Published(now)
	p.Status = v.componentStatus(status.Component(published, id, now))
	var ongoing, upcoming, notices, past []*incident.Incident
	for _, in := range published {
		if !in.Names(id) {
			continue
		}
		switch {
		case in.Kind == incident.KindNotice:
			// A notice announces a change; it is no incident, past or present.
			notices = append(notices, in)
		case in.Ongoing(now):
			ongoing = append(ongoing, in)
		case in.Kind == incident.KindMaintenance && in.State(now) == incident.StatusScheduled:
			upcoming = append(upcoming, in)
		default:
			past = append(past, in)
		}
	}
	pager, from, to, ok := s.pageOf(n, len(past), func(n int) string { return ComponentPagePath(v.lang, id, n) })
	if !ok {
		return web.ComponentPage{}, false
	}
	p.Pager = pager
	p.Base = v.base(ComponentPagePath(v.lang, id, n), v.pagedTitle(name, pager), p.Description)
	p.Base.Feeds = append(v.feedLinks(p.SiteTitle, id), p.Base.Feeds...)
	if n == 1 {
		// What is going on now belongs on the first page only; later pages are the archive.
		if c.Uptime {
			p.Uptime = v.uptime(id, s.Timeline.History(id, now, s.uptimeDays, v.l.Location()), detailedStrip)
			if p.Uptime != nil {
				p.UptimeRule = v.uptimeRule()
			}
		}
		p.Ongoing, p.Upcoming = v.cards(ongoing), v.cards(upcoming)
		p.Notices = v.cards(first(notices, recentLimit))
	}
	p.Past = v.cards(past[from:to])
	return p, true
}

// pageOf is page n of a list of count items, pageSize to a page: its pager (pathOf makes a page's
// path) and the bounds of its items in the list; false when there is no page n. An empty list
// has one, empty, page.
func (s *Snapshot) pageOf(n, count int, pathOf func(int) string) (p web.Pager, from, to int, ok bool) {
	p = web.Pager{Page: n, Pages: max(1, (count+s.pageSize-1)/s.pageSize)}
	if n < 1 || n > p.Pages {
		return web.Pager{}, 0, 0, false
	}
	if n > 1 {
		p.Newer = pathOf(n - 1)
	}
	if n < p.Pages {
		p.Older = pathOf(n + 1)
	}
	return p, (n - 1) * s.pageSize, min(count, n*s.pageSize), true
}

// ErrorPage is the page for an HTTP error code in lang.
func (s *Snapshot) ErrorPage(lang string, code int, path string, now time.Time) web.ErrorPage {
	v := s.view(lang, now)
	title := v.l.T(locale.ServerErrorTitle)
	if code == 404 {
		title = v.l.T(locale.NotFoundTitle)
	}
	if LangOf(path) == "" {
		path = HomePath(v.lang)
	}
	b := v.base(path, title, title)
	// An error page is no page of the site: nothing for search engines or alternates to point at.
	b.Canonical, b.XDefault, b.NoIndex = "", "", true
	p := web.ErrorPage{Base: b, Code: code}
	if code == 404 {
		p.State = v.state(s.indicator(now))
	}
	return p
}
