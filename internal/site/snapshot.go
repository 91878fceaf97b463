// Package site is the read-only snapshot a running server answers from: the loaded content, the
// derived timelines, and the builders that turn them into the view models of every page at a
// given instant. A snapshot is built once per content version and never changed; a reload builds a
// new one beside it and the server swaps them.
package site

import (
	"io/fs"
	"slices"
	"time"

	"statuspress/internal/content"
	"statuspress/internal/incident"
	"statuspress/internal/locale"
	"statuspress/internal/status"
)

// Options shape a snapshot.
type Options struct {
	// BaseURL overrides site.yaml's base_url (for previews and other hosts).
	BaseURL string
	// UptimeDays is the length of the uptime bars; 0 means 90.
	UptimeDays int
	// HistoryPageSize is the number of incidents per archive page; 0 means 25.
	HistoryPageSize int
	// FeedItems is the number of items in a feed, newest first; 0 means 50.
	FeedItems int
	// Static shapes the pages for static hosting (statuspress build): the language switcher links
	// straight to the page in the other language (root-relative) instead of going through
	// /lang/{lang}?to=, which sets a cookie and redirects — a static host can do neither. The
	// choice of language is then not remembered; everything else is the same.
	Static bool
}

// Snapshot is everything a request needs, read-only and safe for concurrent use.
type Snapshot struct {
	Site    *incident.Site
	Catalog *content.Catalog
	Locales *locale.Catalog
	// Incidents are newest first, as in the catalog.
	Incidents []*incident.Incident
	Timeline  *status.Timeline
	// Version identifies the content: it changes whenever any loaded file does (see
	// content.Catalog.Version).
	Version string
	// Loaded is when the content was loaded, for Last-Modified.
	Loaded time.Time
	// Files is the content directory, for the files of bundles.
	Files fs.FS

	baseURL    string
	uptimeDays int
	pageSize   int
	feedItems  int
	static     bool
	opt        Options
	localizers map[string]*locale.Localizer
	// matcher chooses readers' languages among the site's; it depends on site.yaml only.
	matcher *locale.Matcher
	// changes are the instants at which what the site shows changes, in order: every start,
	// resolution, update and maintenance window edge.
	changes []time.Time
	// state is the overall state since the last change, for the not-found page (state.go).
	state *stateMemo
}

// Build makes a snapshot of a loaded catalog. loaded is the instant the content was read.
func Build(files fs.FS, cat *content.Catalog, loc *locale.Catalog, opt Options, loaded time.Time) *Snapshot {
	s := &Snapshot{
		Files:      files,
		Site:       cat.Site,
		Catalog:    cat,
		Locales:    loc,
		Incidents:  cat.Incidents,
		Timeline:   status.NewTimeline(cat.Incidents),
		Loaded:     loaded,
		baseURL:    cat.Site.BaseURL,
		uptimeDays: opt.UptimeDays,
		pageSize:   opt.HistoryPageSize,
		feedItems:  opt.FeedItems,
		static:     opt.Static,
		opt:        opt,
		localizers: map[string]*locale.Localizer{},
		matcher:    locale.NewMatcher(cat.Site.Languages, cat.Site.DefaultLanguage),
	}
	if opt.BaseURL != "" {
		s.baseURL = opt.BaseURL
	}
	if s.uptimeDays <= 0 {
		s.uptimeDays = 90
	}
	if s.pageSize <= 0 {
		s.pageSize = 25
	}
	if s.feedItems <= 0 {
		s.feedItems = 50
	}
	for _, l := range cat.Site.Languages {
		s.localizers[l] = loc.Localizer(l, cat.Site.Location(l))
	}
	s.Version = cat.Version
	s.changes = changes(cat.Incidents)
	s.state = new(stateMemo)
	return s
}

// Update returns the snapshot of cat, a catalog loaded after prev's: what Build(prev.Files, cat,
// prev.Locales, the options of prev, loaded) returns, made by reusing what prev derived from the
// incidents that did not change (a content.Loader hands those over as the very same values), so
// one edited incident does not cost the timeline of all of them. prev is not changed: requests
// still answering from it see it whole.
func Update(prev *Snapshot, cat *content.Catalog, loaded time.Time) *Snapshot {
	if cat.Site != prev.Site {
		// site.yaml changed: components, languages and zones may all be different.
		return Build(prev.Files, cat, prev.Locales, prev.opt, loaded)
	}
	removed, added := changedIncidents(prev.Catalog, cat)
	s := *prev
	s.Catalog, s.Incidents, s.Version, s.Loaded = cat, cat.Incidents, cat.Version, loaded
	s.Timeline = prev.Timeline.With(removed, added)
	s.changes = replaceChanges(prev.changes, changes(removed), changes(added))
	s.state = new(stateMemo)
	return &s
}

// Localizer returns the localizer of an enabled language, or of the default one.
func (s *Snapshot) Localizer(lang string) *locale.Localizer {
	if l, ok := s.localizers[lang]; ok {
		return l
	}
	return s.localizers[s.Site.DefaultLanguage]
}

// MatchLanguage picks the enabled language to send a reader to, from the language cookie and the
// Accept-Language header (see locale.Matcher.Match).
func (s *Snapshot) MatchLanguage(cookie, acceptLanguage string) string {
	return s.matcher.Match(cookie, acceptLanguage)
}

// Absolute makes an absolute URL of a root-relative path.
func (s *Snapshot) Absolute(path string) string { return s.baseURL + path }

// BaseURL is the public URL of the site, without a trailing slash.
func (s *Snapshot) BaseURL() string { return s.baseURL }

// Static reports whether the snapshot was built for static hosting (Options.Static).
func (s *Snapshot) Static() bool { return s.static }

// Enabled reports whether lang is one of the site's languages.
func (s *Snapshot) Enabled(lang string) bool { return s.Site.Enabled(lang) }

// Incident returns a published incident by slug.
func (s *Snapshot) Incident(slug string, now time.Time) (*incident.Incident, bool) {
	in, ok := s.Catalog.Incident(slug)
	if !ok || !status.Published(in, now) {
		return nil, false
	}
	return in, true
}

// Published returns the incidents readers see at now, newest first.
func (s *Snapshot) Published(now time.Time) []*incident.Incident {
	out := make([]*incident.Incident, 0, len(s.Incidents))
	for _, in := range s.Incidents {
		if status.Published(in, now) {
			out = append(out, in)
		}
	}
	return out
}

// changes lists the instants at which the incidents change what the site shows, sorted. When the
// content was loaded does not count: replicas load at different moments and must still serve the
// same bytes (and ETags).
func changes(ins []*incident.Incident) []time.Time {
	var out []time.Time
	add := func(t time.Time) {
		if !t.IsZero() {
			out = append(out, t)
		}
	}
	for _, in := range ins {
		add(in.Started)
		add(in.Published)
		add(in.Resolved)
		add(in.Scheduled.Start)
		add(in.Scheduled.End)
		for _, u := range in.Updates {
			add(u.At)
		}
	}
	slices.SortFunc(out, time.Time.Compare)
	return out
}

// changedIncidents returns the incidents of old that cur no longer has (deleted, or replaced by
// a new version) and those of cur that old did not have. Both lists are in the same order, and an
// incident that did not change is the very same value in both, so a walk along them compares
// pointers and looks incidents up by slug only where the lists differ.
func changedIncidents(old, cur *content.Catalog) (removed, added []*incident.Incident) {
	has := func(c *content.Catalog, in *incident.Incident) bool {
		got, ok := c.Incident(in.Slug)
		return ok && got == in
	}
	a, b := old.Incidents, cur.Incidents
	for len(a) > 0 || len(b) > 0 {
		switch {
		case len(a) > 0 && len(b) > 0 && a[0] == b[0]:
			a, b = a[1:], b[1:]
		case len(a) > 0 && !has(cur, a[0]):
			removed, a = append(removed, a[0]), a[1:]
		case len(b) > 0 && !has(old, b[0]):
			added, b = append(added, b[0]), b[1:]
		default:
			// The same incidents in another order: the lists were not sorted alike after all.
			// Cannot happen with catalogs of one Loader; compare every incident then.
			removed, added = nil, nil
			for _, in := range old.Incidents {
				if !has(cur, in) {
					removed = append(removed, in)
				}
			}
			for _, in := range cur.Incidents {
				if !has(old, in) {
					added = append(added, in)
				}
			}
			return removed, added
		}
	}
	return removed, added
}

// replaceChanges returns the sorted instants all with one of each instant in drop taken out and
// those in add put in; all, drop and add are sorted, and drop is part of all. all is not changed.
// The instants in between are copied in blocks: there are tens of thousands, and few edits.
func replaceChanges(all, drop, add []time.Time) []time.Time {
	out := make([]time.Time, 0, len(all)-len(drop)+len(add))
	for len(drop) > 0 || len(add) > 0 {
		if len(add) == 0 || len(drop) > 0 && !add[0].Before(drop[0]) {
			i, found := slices.BinarySearchFunc(all, drop[0], time.Time.Compare)
			out, drop = append(out, all[:i]...), drop[1:]
			if all = all[i:]; found {
				all = all[1:]
			}
			continue
		}
		i, _ := slices.BinarySearchFunc(all, add[0], time.Time.Compare)
		out, all = append(append(out, all[:i]...), add[0]), all[i:]
		add = add[1:]
	}
	return append(out, all...)
}

// lastChange is the latest instant at or before now at which the site's status changed: what the
// pages call "updated". It stays put while nothing happens, so pages (and their ETags) do too;
// before anything has happened (an empty site, a preview of an early moment) it is zero, and the
// pages say nothing of it, rather than the clock, which would change every page on every request.
func (s *Snapshot) lastChange(now time.Time) time.Time {
	i, found := slices.BinarySearchFunc(s.changes, now, time.Time.Compare)
	if found {
		return s.changes[i]
	}
	if i == 0 {
		return time.Time{}
	}
	return s.changes[i-1]
}
