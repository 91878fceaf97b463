package web

import (
	"net/url"
	"strings"

	"github.com/a-h/templ"
	"github.com/nicksnyder/go-i18n/v2/i18n"

	"statuspress/internal/locale"
)

// tone groups the many status keys into the few colours and icons the page shows, one of each
// per level of severity: ok (green, a check in a circle), degraded (yellow, a minus in a square),
// partial (orange, an exclamation mark in a triangle), major (red, a cross in an octagon), maint
// (blue, a wrench), info (neutral, "i") and none (grey: no data). As on Statuspage, a major
// outage is red; an indicator or impact takes the level its words name ("Major service outage"
// is red, "Minor service disruption" yellow), and critical is red too.
func tone(key string) string {
	switch key {
	case "operational", "none", "resolved", "completed":
		return "ok"
	case "degraded_performance", "minor", "investigating", "identified", "monitoring":
		return "degraded"
	case "partial_outage":
		return "partial"
	case "major_outage", "major", "critical":
		return "major"
	case "under_maintenance", "maintenance", "scheduled", "in_progress", "verifying":
		return "maint"
	case "notice", "incident":
		return "info"
	}
	return "none"
}

// toneClass is the CSS class that sets a status colour (--c) for key.
func toneClass(key string) string { return "t-" + tone(key) }

// dayTone is tone for an uptime bar, whose Level is a component status or, on a day without
// figures, anything else (grey).
func dayTone(level string) string {
	switch level {
	case "operational", "degraded_performance", "partial_outage", "major_outage", "under_maintenance":
		return "t-" + tone(level)
	}
	return "t-none"
}

// langAttrs gives an element the lang attribute of content shown in a language other than the
// page's (a fallback), and nothing otherwise.
func langAttrs(lang string, fallback bool) templ.Attributes {
	if !fallback || lang == "" {
		return templ.Attributes{}
	}
	return templ.Attributes{"lang": lang}
}

// docTitle is the <title>: the page's own title before the site's, or the site's alone.
func docTitle(b Base) string {
	if b.Title == "" || b.Title == b.SiteTitle {
		return b.SiteTitle
	}
	return b.Title + " · " + b.SiteTitle
}

// ogLocales are Open Graph's language_TERRITORY forms of the languages statuspress speaks.
var ogLocales = map[string]string{"en": "en_US", "nl": "nl_NL", "fr": "fr_FR", "de": "de_DE"}

func ogLocale(lang string) string {
	if s, ok := ogLocales[lang]; ok {
		return s
	}
	return lang
}

// slot stands in for a link inside a translated sentence; translators never type it.
const slot = "\x1f"

// around returns the translated msg split where its template field goes, so that a component
// can put a link there without rendering the translation as raw HTML. A translation that lost
// the field gives the whole sentence as before and an empty after.
func around(l *locale.Localizer, msg *i18n.Message, field string, data map[string]any) (before, after string) {
	d := map[string]any{field: slot}
	for k, v := range data {
		d[k] = v
	}
	s := l.TData(msg, d)
	before, after, _ = strings.Cut(s, slot)
	return before, after
}

// pathOf returns the path of an absolute or relative URL, "" when it does not parse.
func pathOf(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return ""
	}
	return u.Path
}

// isCurrent reports whether the navigation link target names the page at canonical: the same
// path, or (prefix) any path below it, for the archive's later pages.
func isCurrent(canonical, target string, prefix bool) bool {
	c, t := pathOf(canonical), pathOf(target)
	if c == "" || t == "" {
		return false
	}
	if prefix {
		return strings.HasPrefix(c, t)
	}
	return c == t
}

// currentAttrs marks the navigation link to the page being shown.
func currentAttrs(current bool) templ.Attributes {
	if !current {
		return templ.Attributes{}
	}
	return templ.Attributes{"aria-current": "page"}
}

// displayURL shortens a web address for reading: no scheme, no trailing slash.
func displayURL(s string) string {
	t := strings.TrimPrefix(strings.TrimPrefix(s, "https://"), "http://")
	return strings.TrimSuffix(t, "/")
}

// feedGroup is the feeds that share a title: one subscription in several formats.
type feedGroup struct {
	Title string
	Links []Link
}

// groupFeeds puts consecutive feeds with the same title together, keeping their order.
func groupFeeds(feeds []Link) []feedGroup {
	var gs []feedGroup
	for _, f := range feeds {
		if n := len(gs); n > 0 && gs[n-1].Title == f.Title {
			gs[n-1].Links = append(gs[n-1].Links, f)
			continue
		}
		gs = append(gs, feedGroup{Title: f.Title, Links: []Link{f}})
	}
	return gs
}

// feedFormat names a feed's format for its link in the footer.
func feedFormat(l *locale.Localizer, f Link) string {
	switch strings.TrimSpace(strings.SplitN(f.Type, ";", 2)[0]) {
	case "application/rss+xml":
		return "RSS"
	case "application/atom+xml":
		return "Atom"
	case "application/feed+json", "application/json":
		return "JSON Feed"
	case "text/calendar":
		return l.T(locale.ChromeCalendar)
	}
	return f.Title
}

// alternateLang returns the language of the page's version at u, if u is one of them.
func alternateLang(b Base, u string) string {
	for _, a := range b.Languages {
		if a.URL == u {
			return a.Lang
		}
	}
	return ""
}

// tocNode is a table-of-contents entry with the entries below it.
type tocNode struct {
	Heading
	Children []*tocNode
}

// tocTree nests the flat heading list by level. A heading deeper than the one before it goes
// below it whatever the gap (## then ####), so the list never skips a level either.
func tocTree(hs []Heading) []*tocNode {
	var roots []*tocNode
	var stack []*tocNode
	for _, h := range hs {
		n := &tocNode{Heading: h}
		for len(stack) > 0 && stack[len(stack)-1].Level >= h.Level {
			stack = stack[:len(stack)-1]
		}
		if len(stack) == 0 {
			roots = append(roots, n)
		} else {
			p := stack[len(stack)-1]
			p.Children = append(p.Children, n)
		}
		stack = append(stack, n)
	}
	return roots
}

// isIncident reports whether c is an incident (as opposed to maintenance or a notice); a card
// without a kind counts as one.
func isIncident(c IncidentCard) bool {
	return c.Kind.Key == "" || c.Kind.Key == "incident"
}

// cardTone is the accent of a card: the impact of an incident, blue for maintenance, neutral
// for a notice.
func cardTone(c IncidentCard) string {
	switch c.Kind.Key {
	case "maintenance":
		return "t-maint"
	case "notice":
		return "t-info"
	}
	if c.State.Key == "resolved" {
		return "t-ok"
	}
	return toneClass(c.Impact.Key)
}

// colon is the separator between a label and its value in l's language: French puts a
// no-break space before the colon.
func colon(l *locale.Localizer) string {
	if l.Lang() == "fr" {
		return "\u00a0: "
	}
	return ": "
}

// contacts are the support e-mail address and web page, as links, where there are any.
func contacts(b Base) []Link {
	var ls []Link
	if b.SupportEmail != "" {
		ls = append(ls, Link{Title: b.SupportEmail, URL: "mailto:" + b.SupportEmail})
	}
	if b.SupportURL != "" {
		ls = append(ls, Link{Title: displayURL(b.SupportURL), URL: b.SupportURL})
	}
	return ls
}

// switchURL is where a language switcher's link goes: through the switch that remembers the
// choice when there is one.
func switchURL(a Alternate) string {
	if a.Switch != "" {
		return a.Switch
	}
	return a.URL
}

// onlyInNote says that a text is only available in lang, named in l's language.
func onlyInNote(l *locale.Localizer, lang string) string {
	return l.TData(locale.NoteOnlyIn, map[string]any{"Language": l.LanguageName(lang)})
}

// cardLang is the language a card is marked with (langMark): its title's, when the page's
// language has no title and the card is shown in another.
func cardLang(c IncidentCard) string {
	if c.Title.Fallback {
		return c.Title.Lang
	}
	return ""
}

// partNote reports whether a part of card c shown in lang needs a note of its own: it is a
// fallback, in another language than the card's marker already names.
func partNote(c IncidentCard, fallback bool, lang string) bool {
	return fallback && lang != cardLang(c)
}

// langMark is the short marker of a card shown in lang: "In English", "In het Engels".
func langMark(l *locale.Localizer, lang string) string {
	return l.TData(locale.LabelInLanguage, map[string]any{"Language": l.LanguageName(lang)})
}
