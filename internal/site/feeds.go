package site

import (
	"cmp"
	"html"
	"net/url"
	"slices"
	"strings"
	"time"

	"statuspress/internal/feed"
	"statuspress/internal/incident"
	"statuspress/internal/locale"
	"statuspress/internal/status"
)

// tagDate is the date in the tag URIs (RFC 4151) that identify feeds and their items. Readers
// remember items by these ids, so it must never change: a new date would make every item new.
const tagDate = "2026"

// calendarRefresh is how often calendar applications are asked to fetch the maintenance calendar.
const calendarRefresh = time.Hour

// Feed is the feed of the site in lang at now, or of one component when component is not empty;
// false for an unknown component. It holds an item for every published update of every incident
// and maintenance (a maintenance's announcement is its first update) and one for every notice,
// newest first, at most Options.FeedItems of them.
func (s *Snapshot) Feed(lang, component string, now time.Time) (feed.Feed, bool) {
	v := s.view(lang, now)
	siteTitle := s.Site.Localize(s.Site.Title, v.lang)
	f := feed.Feed{
		ID:          s.tagURI(v.lang + "/feed"),
		Title:       v.l.TData(locale.FeedTitle, map[string]any{"Site": siteTitle}),
		Description: siteTitle,
		Lang:        v.lang,
		HomeURL:     s.Absolute(HomePath(v.lang)),
		Author: feed.Author{
			Name:  siteTitle,
			URL:   s.Site.Support.URL,
			Email: s.Site.Support.Email,
		},
	}
	if component != "" {
		c, ok := s.Site.Component(component)
		if !ok {
			return feed.Feed{}, false
		}
		name := s.Site.Localize(c.Name, v.lang)
		f.ID = s.tagURI(v.lang + "/components/" + c.ID + "/feed")
		f.Title = v.l.TData(locale.FeedComponentTitle, map[string]any{"Site": siteTitle, "Component": name})
		f.HomeURL = s.Absolute(ComponentPath(v.lang, c.ID))
		if d := s.Site.Localize(c.Description, v.lang); d != "" {
			f.Description = d
		}
	}
	f.Items = v.feedItems(component, s.feedItems)
	if len(f.Items) > 0 {
		f.Updated = f.Items[0].Updated
	} else if latest := v.feedItems("", 1); len(latest) > 0 {
		// A component with nothing to report: the site's last change, which is the same on every
		// replica and every request, unlike the clock.
		f.Updated = latest[0].Updated
	}
	return f, true
}

// feedEntry is a feed item to be: a notice, one update of an incident or maintenance, or the end
// of one that ended without an update saying so.
type feedEntry struct {
	at     time.Time
	in     *incident.Incident
	update int // the index in status.Visible; noticeEntry or endEntry
}

const (
	noticeEntry = -1
	// endEntry is an event that has ended (Incident.Ended) with no update saying resolved or
	// completed: a maintenance that ended with its window, or an incident whose resolved time
	// came without a resolving update. Subscribers learn of the end as readers of the page do.
	endEntry = -2
	// startEntry is a maintenance that began with its window, with no update saying so
	// (status.StartsByItself).
	startEntry = -3
)

// feedItems are the newest limit items of the site's feed, or of one component's, newest first.
// Only the items that can make the cut are made: a long history has tens of thousands of updates,
// and a feed shows fifty.
func (v *view) feedItems(component string, limit int) []feed.Item {
	var entries []feedEntry
	for _, in := range v.s.Published(v.now) {
		if component != "" && !in.Names(component) {
			continue
		}
		if in.Kind == incident.KindNotice {
			entries = append(entries, feedEntry{at: in.Posted(), in: in, update: noticeEntry})
			continue
		}
		visible := status.Visible(in, v.now)
		for i, u := range visible {
			entries = append(entries, feedEntry{at: u.At, in: in, update: i})
		}
		if start, ok := status.StartsByItself(in); ok && in.Kind == incident.KindMaintenance && !start.After(v.now) {
			entries = append(entries, feedEntry{at: start, in: in, update: startEntry})
		}
		if end, ok := in.Ended(v.now); ok && !slices.ContainsFunc(visible, func(u incident.Update) bool { return u.Status.Final() }) &&
			!(in.Kind == incident.KindMaintenance && status.SaysSoonAfter(in, end, incident.StatusCompleted)) {
			// A completed update due within minutes of the window's end tells of the end itself
			// (status.EndsByItself): no item of the clock's meanwhile, whose id would go again.
			entries = append(entries, feedEntry{at: end, in: in, update: endEntry})
		}
	}
	slices.SortFunc(entries, func(a, b feedEntry) int { return b.at.Compare(a.at) })
	// Items at the same instant are ordered by id: make every item tied with the last one that
	// makes the cut, then order and cut them all.
	if len(entries) > limit {
		n := limit
		for n < len(entries) && entries[n].at.Equal(entries[limit-1].at) {
			n++
		}
		entries = entries[:n]
	}
	items := make([]feed.Item, len(entries))
	for i, e := range entries {
		items[i] = v.feedItem(e)
	}
	slices.SortFunc(items, func(a, b feed.Item) int {
		return cmp.Or(b.Published.Compare(a.Published), strings.Compare(a.ID, b.ID))
	})
	return items[:min(limit, len(items))]
}

// feedItem makes the item of an entry.
func (v *view) feedItem(e feedEntry) feed.Item {
	s, in := v.s, e.in
	loc := in.In(v.lang, v.s.Site.DefaultLanguage)
	page := s.Absolute(IncidentPath(v.lang, in.Slug))
	cats := v.categories(in)
	if e.update == startEntry || e.update == endEntry {
		label := v.l.UpdateStatus(in.State(v.now))
		id := s.tagURI(in.Slug + "/end")
		switch end, ok := status.EndsByItself(in); {
		case e.update == startEntry:
			label = v.l.UpdateStatus(incident.StatusInProgress)
			id = s.tagURI(clockEventID("maintenance-started", in, e.at))
		case ok && end.Equal(e.at):
			id = s.tagURI(clockEventID("maintenance-ended", in, e.at))
		}
		return feed.Item{
			ID:         id,
			Title:      "[" + label + "] " + loc.Title.Text,
			URL:        page,
			Published:  e.at,
			Updated:    e.at,
			HTML:       "<p>" + html.EscapeString(label) + "</p>",
			Categories: cats,
		}
	}
	if e.update == noticeEntry {
		body := loc.Body
		if body.Text == "" {
			body = incident.Part{Text: "<p>" + html.EscapeString(loc.Summary.Text) + "</p>", Lang: loc.Summary.Lang}
		}
		return feed.Item{
			ID:         s.tagURI(in.Slug),
			Title:      "[" + v.l.Kind(in.Kind) + "] " + loc.Title.Text,
			URL:        page,
			Published:  in.Posted(),
			Updated:    in.Posted(),
			HTML:       feed.AbsoluteURLs(body.Text, page),
			Summary:    loc.Summary.Text,
			Lang:       v.otherLang(body.Lang),
			Categories: cats,
		}
	}
	u := in.Updates[e.update]
	label := v.l.UpdateStatus(u.Status)
	text := loc.Updates[e.update]
	if text.Text == "" {
		// JSON Feed needs content, and a reader an item that says something.
		text = incident.Part{Text: "<p>" + html.EscapeString(label) + "</p>", Lang: v.lang}
	}
	link := page + "#" + UpdateAnchor(u)
	return feed.Item{
		ID:         s.tagURI(in.UpdateID(u)),
		Title:      "[" + label + "] " + loc.Title.Text,
		URL:        link,
		Published:  u.At,
		Updated:    u.At,
		HTML:       feed.AbsoluteURLs(text.Text, link),
		Lang:       v.otherLang(text.Lang),
		Categories: cats,
	}
}

// clockEventID names the start or end of a maintenance's window that came by itself as
// notifications do (internal/notify: maintenance-started:<slug>/<instant>), so that an item and
// the message sent about it carry the same name, and a rescheduled window makes new items.
func clockEventID(kind string, in *incident.Incident, at time.Time) string {
	return kind + ":" + in.Slug + "/" + at.UTC().Format("20060102T150405Z")
}

// categories are an incident's kind and the names of the components it affects, in the view's
// language, for readers that filter by category.
func (v *view) categories(in *incident.Incident) []string {
	return append([]string{v.l.Kind(in.Kind)}, v.componentNames(in)...)
}

// componentNames are the names of every component an incident affects at any point, in the order
// it first names them.
func (v *view) componentNames(in *incident.Incident) []string {
	var names []string
	seen := map[string]bool{}
	add := func(as []incident.Affected) {
		for _, a := range as {
			if !seen[a.Component] {
				seen[a.Component] = true
				names = append(names, v.componentName(a.Component))
			}
		}
	}
	add(in.Components)
	for _, u := range in.Updates {
		add(u.Components)
	}
	return names
}

// otherLang is lang when it is not the view's language (text that fell back), else "".
func (v *view) otherLang(lang string) string {
	if lang == v.lang {
		return ""
	}
	return lang
}

// Calendar is the maintenance calendar in lang at now: every published maintenance, past ones
// included (calendars keep history), at its announced window until it has ended (Incident.Ended),
// then at when it took place; one that ended before it began was cancelled.
func (s *Snapshot) Calendar(lang string, now time.Time) feed.Calendar {
	v := s.view(lang, now)
	siteTitle := s.Site.Localize(s.Site.Title, v.lang)
	cal := feed.Calendar{
		Name:    v.l.TData(locale.FeedCalendarTitle, map[string]any{"Site": siteTitle}),
		Lang:    v.lang,
		HomeURL: s.Absolute(HomePath(v.lang)),
		Refresh: calendarRefresh,
	}
	host := s.tagAuthority()
	for _, in := range s.Published(now) {
		if in.Kind != incident.KindMaintenance || in.Scheduled.Start.IsZero() {
			continue
		}
		loc := in.In(v.lang, v.s.Site.DefaultLanguage)
		page := s.Absolute(IncidentPath(v.lang, in.Slug))
		e := feed.Event{
			UID:         in.Slug + "@" + host,
			Start:       in.Scheduled.Start,
			End:         in.Scheduled.End,
			Summary:     loc.Title.Text,
			Description: strings.TrimSpace(loc.Summary.Text + "\n\n" + page),
			Lang:        v.otherLang(loc.Title.Lang),
			URL:         page,
			Categories:  v.componentNames(in),
			// DTSTAMP is when the event last changed: its latest update, or, with none, its
			// announced start, which is as fixed as the content.
			Stamp: in.Scheduled.Start,
		}
		if visible := status.Visible(in, now); len(visible) > 0 {
			e.Stamp = visible[len(visible)-1].At
		}
		if end, ok := in.Ended(now); ok {
			if w := in.Window(); end.After(w.Start) {
				e.Start, e.End = w.Start, end
			} else {
				e.Cancelled = true
			}
			if end.After(e.Stamp) {
				e.Stamp = end
			}
		}
		cal.Events = append(cal.Events, e)
	}
	slices.SortFunc(cal.Events, func(a, b feed.Event) int {
		return cmp.Or(a.Start.Compare(b.Start), strings.Compare(a.UID, b.UID))
	})
	return cal
}

// tagAuthority is the host name of site.yaml's base_url, the authority of every tag URI and
// calendar UID. A preview with another base URL keeps the published ids.
func (s *Snapshot) tagAuthority() string {
	for _, base := range []string{s.Site.BaseURL, s.baseURL} {
		if u, err := url.Parse(base); err == nil && u.Hostname() != "" {
			return strings.ToLower(u.Hostname())
		}
	}
	return "localhost"
}

// tagURI is the tag URI of specific under the site's authority.
func (s *Snapshot) tagURI(specific string) string {
	return feed.TagURI(s.tagAuthority(), tagDate, specific)
}
