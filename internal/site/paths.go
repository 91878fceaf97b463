package site

import (
	"net/url"
	"strconv"
	"strings"
	"time"

	"statuspress/internal/incident"
)

// The paths of pages and feeds, filled in from the patterns of Routes, so pages, feeds, the
// server and the static build agree. Every path is root-relative; Snapshot.Absolute makes an
// absolute URL of one.

// HomePath is the overview in lang.
func HomePath(lang string) string { return RouteHome.Fill(lang) }

// IncidentPath is an incident's page in lang.
func IncidentPath(lang, slug string) string { return RouteIncident.Fill(lang, slug) }

// HistoryPath is page n (from 1) of the archive in lang.
func HistoryPath(lang string, n int) string {
	if n <= 1 {
		return RouteHistory.Fill(lang)
	}
	return RouteHistoryPage.Fill(lang, strconv.Itoa(n))
}

// ComponentPath is a component's page in lang.
func ComponentPath(lang, id string) string { return RouteComponent.Fill(lang, id) }

// ComponentPagePath is page n (from 1) of a component's page in lang: the first holds its status,
// uptime and newest past incidents, the others older past incidents.
func ComponentPagePath(lang, id string, n int) string {
	if n <= 1 {
		return ComponentPath(lang, id)
	}
	return RouteComponentPage.Fill(lang, id, strconv.Itoa(n))
}

// FeedPath is the site's feed in lang; ext is rss, atom or json.
func FeedPath(lang, ext string) string {
	return feedRoute(ext, RouteFeedRSS, RouteFeedAtom, RouteFeedJSON).Fill(lang)
}

// ComponentFeedPath is one component's feed in lang.
func ComponentFeedPath(lang, id, ext string) string {
	return feedRoute(ext, RouteComponentRSS, RouteComponentAtom, RouteComponentJSON).Fill(lang, id)
}

// feedRoute picks the route of a feed format by its extension.
func feedRoute(ext string, rss, atom, json Route) Route {
	switch ext {
	case "rss":
		return rss
	case "atom":
		return atom
	case "json":
		return json
	}
	panic("site: no feed format " + ext)
}

// CalendarPath is the maintenance calendar in lang.
func CalendarPath(lang string) string { return RouteCalendar.Fill(lang) }

// SwitchPath is the language switcher's link to path in lang: it sets the language cookie and
// redirects, so pages themselves never set cookies and stay cacheable.
func SwitchPath(lang, path string) string {
	return RouteSwitch.Fill(lang) + "?to=" + url.QueryEscape(path)
}

// UpdateAnchor is the element id of an update on its incident page, which feeds link to.
func UpdateAnchor(u incident.Update) string {
	return "update-" + strings.ToLower(u.At.UTC().Format("20060102t150405z"))
}

// LangOf returns the language a page path is in, or "" for a path outside the language trees.
func LangOf(path string) string {
	lang, _, ok := strings.Cut(strings.TrimPrefix(path, "/"), "/")
	if !ok || !incidentLang(lang) {
		return ""
	}
	return lang
}

// Translate returns path in another language: the same page, as a language switcher links it.
func Translate(path, lang string) string {
	from := LangOf(path)
	if from == "" {
		return HomePath(lang)
	}
	return "/" + lang + strings.TrimPrefix(path, "/"+from)
}

func incidentLang(s string) bool {
	for _, l := range incident.SupportedLanguages {
		if l == s {
			return true
		}
	}
	return false
}

// dayISO formats a day as YYYY-MM-DD in its own zone.
func dayISO(t time.Time) string { return t.Format(time.DateOnly) }
