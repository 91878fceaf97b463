package site

import (
	"strconv"
	"strings"
	"time"

	"statuspress/internal/content"
	"statuspress/internal/statusapi"
	"statuspress/static"
)

// listing is how the static build lists a route's URLs (Route.URLs).
type listing int

const (
	none                    listing = iota
	listFixed                       // the pattern itself
	listPerLanguage                 // the pattern in every enabled language
	listPerComponent                // in every language, for every component
	listPerComponentOrGroup         // for every component and group
	listIncidents                   // in every language, for every published incident
	listHistory                     // the archive's first page, in every language where it exists
	listHistoryPages                // the archive's further pages
	listComponents                  // the first page of every component that has one
	listComponentPages              // the further pages of every component
	listBundleFiles                 // the pictures of published bundles
	listStatic                      // the fingerprinted assets
)

// A Route is one URL pattern of the site, in the router's syntax: ":name" stands for one path
// segment, a final "*" for the rest of the path. Routes is the one list of them: the server
// registers a handler for each (internal/server/routes.go), the path functions of paths.go fill
// them in, and the static build writes every URL each lists (Route.URLs).
type Route struct {
	Pattern string
	Kind    RouteKind
	// list says how the static build lists the route's URLs; none for a route that needs a
	// running server.
	list listing
	// Post is a route that takes POST besides GET and HEAD (a form's).
	Post bool
}

// RouteKind says what a route answers.
type RouteKind int

const (
	// Page is an HTML page in a language, listed in the sitemap.
	Page RouteKind = iota
	// Feed is a feed or calendar in a language.
	Feed
	// API is an answer of the Statuspage-compatible API or a badge, in the default language
	// unless asked for another.
	API
	// File is a fingerprinted asset or a picture of a bundle.
	File
	// Server is answered by a running server only: a choice of language, health, metrics.
	Server
	// Form is a page in a language that a running server answers only, with a form that posts
	// back to it: the e-mail subscription pages. It is in no sitemap and no static build.
	Form
)

// The site's routes; Routes lists them all.
var (
	RouteRoot           = Route{Pattern: "/", Kind: Server}
	RouteSwitch         = Route{Pattern: "/lang/:lang", Kind: Server}
	RouteHome           = Route{Pattern: "/:lang/", Kind: Page, list: listPerLanguage}
	RouteIncident       = Route{Pattern: "/:lang/incidents/:slug/", Kind: Page, list: listIncidents}
	RouteHistory        = Route{Pattern: "/:lang/history/", Kind: Page, list: listHistory}
	RouteHistoryPage    = Route{Pattern: "/:lang/history/page/:n/", Kind: Page, list: listHistoryPages}
	RouteComponent      = Route{Pattern: "/:lang/components/:id/", Kind: Page, list: listComponents}
	RouteComponentPage  = Route{Pattern: "/:lang/components/:id/page/:n/", Kind: Page, list: listComponentPages}
	RouteFeedRSS        = Route{Pattern: "/:lang/feed.rss", Kind: Feed, list: listPerLanguage}
	RouteFeedAtom       = Route{Pattern: "/:lang/feed.atom", Kind: Feed, list: listPerLanguage}
	RouteFeedJSON       = Route{Pattern: "/:lang/feed.json", Kind: Feed, list: listPerLanguage}
	RouteComponentRSS   = Route{Pattern: "/:lang/components/:id/feed.rss", Kind: Feed, list: listPerComponent}
	RouteComponentAtom  = Route{Pattern: "/:lang/components/:id/feed.atom", Kind: Feed, list: listPerComponent}
	RouteComponentJSON  = Route{Pattern: "/:lang/components/:id/feed.json", Kind: Feed, list: listPerComponent}
	RouteCalendar       = Route{Pattern: "/:lang/maintenance.ics", Kind: Feed, list: listPerLanguage}
	RouteAPISummary     = Route{Pattern: "/api/v2/summary.json", Kind: API, list: listFixed}
	RouteAPIStatus      = Route{Pattern: "/api/v2/status.json", Kind: API, list: listFixed}
	RouteAPIComponents  = Route{Pattern: "/api/v2/components.json", Kind: API, list: listFixed}
	RouteAPIIncidents   = Route{Pattern: "/api/v2/incidents.json", Kind: API, list: listFixed}
	RouteAPIUnresolved  = Route{Pattern: "/api/v2/incidents/unresolved.json", Kind: API, list: listFixed}
	RouteAPIMaintenance = Route{Pattern: "/api/v2/scheduled-maintenances.json", Kind: API, list: listFixed}
	RouteAPIUpcoming    = Route{Pattern: "/api/v2/scheduled-maintenances/upcoming.json", Kind: API, list: listFixed}
	RouteAPIActive      = Route{Pattern: "/api/v2/scheduled-maintenances/active.json", Kind: API, list: listFixed}
	RouteAPIOpenAPI     = Route{Pattern: statusapi.OpenAPIPath, Kind: API, list: listFixed}
	RouteBadgeSVG       = Route{Pattern: "/badge.svg", Kind: API, list: listFixed}
	RouteBadgeJSON      = Route{Pattern: "/badge.json", Kind: API, list: listFixed}
	// A group has a badge too, under the same path as a component's.
	RouteComponentBadgeSVG  = Route{Pattern: "/components/:id/badge.svg", Kind: API, list: listPerComponentOrGroup}
	RouteComponentBadgeJSON = Route{Pattern: "/components/:id/badge.json", Kind: API, list: listPerComponentOrGroup}
	RouteBundleFile         = Route{Pattern: "/incidents/:slug/*", Kind: File, list: listBundleFiles}
	RouteStatic             = Route{Pattern: "/static/*", Kind: File, list: listStatic}
	RouteFavicon            = Route{Pattern: "/favicon.ico", Kind: Server}
	RouteHealth             = Route{Pattern: "/healthz", Kind: Server}
	RouteReady              = Route{Pattern: "/readyz", Kind: Server}
	RouteMetrics            = Route{Pattern: "/metrics", Kind: Server}
	// The subscription pages (internal/subscription has their paths for the links of mails).
	// A GET shows a page and changes nothing; a POST acts.
	RouteSubscribe   = Route{Pattern: "/:lang/subscribe/", Kind: Form, Post: true}
	RouteConfirm     = Route{Pattern: "/:lang/subscribe/confirm/", Kind: Form, Post: true}
	RouteManage      = Route{Pattern: "/:lang/subscription/", Kind: Form, Post: true}
	RouteUnsubscribe = Route{Pattern: "/:lang/subscription/unsubscribe/", Kind: Form, Post: true}
)

// Routes are every route of the site, each once.
var Routes = []Route{
	RouteRoot, RouteSwitch,
	RouteHome, RouteIncident, RouteHistory, RouteHistoryPage, RouteComponent, RouteComponentPage,
	RouteFeedRSS, RouteFeedAtom, RouteFeedJSON, RouteComponentRSS, RouteComponentAtom, RouteComponentJSON, RouteCalendar,
	RouteAPISummary, RouteAPIStatus, RouteAPIComponents, RouteAPIIncidents, RouteAPIUnresolved,
	RouteAPIMaintenance, RouteAPIUpcoming, RouteAPIActive, RouteAPIOpenAPI,
	RouteBadgeSVG, RouteBadgeJSON, RouteComponentBadgeSVG, RouteComponentBadgeJSON,
	RouteBundleFile, RouteStatic,
	RouteFavicon, RouteHealth, RouteReady, RouteMetrics,
	RouteSubscribe, RouteConfirm, RouteManage, RouteUnsubscribe,
}

// Static reports whether the static build can write the route's URLs (a route of kind Server
// needs a running server).
func (r Route) Static() bool { return r.list != none }

// URLs lists the route's URLs in snap at now, as the static build writes them: in every enabled
// language, for every published incident, component or page that exists. It is empty for a route
// that needs a running server.
func (r Route) URLs(snap *Snapshot, now time.Time) []string {
	// A switch, not a function in each Route: the functions use the path functions, which use
	// the routes, and Go refuses such an initialization cycle.
	switch r.list {
	case listFixed:
		return []string{r.Pattern}
	case listPerLanguage:
		return perLanguage(r, snap)
	case listPerComponent:
		return perComponent(r, snap)
	case listPerComponentOrGroup:
		return perComponentOrGroup(r, snap)
	case listIncidents:
		return incidentURLs(r, snap, now)
	case listHistory:
		return historyURLs(r, snap, now)
	case listHistoryPages:
		return historyPageURLs(r, snap, now)
	case listComponents:
		return componentURLs(r, snap, now)
	case listComponentPages:
		return componentPageURLs(r, snap, now)
	case listBundleFiles:
		return bundleURLs(snap, now)
	case listStatic:
		return staticURLs()
	}
	return nil
}

// Fill returns the route's path with its parameters replaced by vals, in order; a final "*" is
// replaced by the last value.
func (r Route) Fill(vals ...string) string {
	p := r.Pattern
	n := len(p)
	for _, v := range vals {
		n += len(v)
	}
	var b strings.Builder
	b.Grow(n)
	for i := 0; i < len(p); i++ {
		switch p[i] {
		case ':':
			j := strings.IndexByte(p[i:], '/')
			if j < 0 {
				j = len(p) - i
			}
			b.WriteString(vals[0])
			vals = vals[1:]
			i += j - 1
		case '*':
			b.WriteString(vals[0])
			vals = vals[1:]
		default:
			b.WriteByte(p[i])
		}
	}
	return b.String()
}

// Match reports whether p is a URL of the route, and returns the values of its parameters in
// order: ":name" matches one segment that is not empty, a final "*" the rest of the path, not empty.
func (r Route) Match(p string) ([]string, bool) {
	pattern := r.Pattern
	var vals []string
	for {
		switch {
		case pattern == "*":
			if p == "" {
				return nil, false
			}
			return append(vals, p), true
		case pattern == "" || p == "":
			if pattern != p {
				return nil, false
			}
			return vals, true
		case pattern[0] == ':':
			_, prest, pslash := strings.Cut(pattern, "/")
			seg, rest, slash := strings.Cut(p, "/")
			if seg == "" || pslash != slash {
				return nil, false
			}
			vals = append(vals, seg)
			pattern, p = prest, rest
		case pattern[0] == p[0]:
			pattern, p = pattern[1:], p[1:]
		default:
			return nil, false
		}
	}
}

func perLanguage(r Route, s *Snapshot) []string {
	var out []string
	for _, lang := range s.Site.Languages {
		out = append(out, r.Fill(lang))
	}
	return out
}

func perComponent(r Route, s *Snapshot) []string {
	var out []string
	for _, lang := range s.Site.Languages {
		for _, c := range s.Site.Components {
			out = append(out, r.Fill(lang, c.ID))
		}
	}
	return out
}

func perComponentOrGroup(r Route, s *Snapshot) []string {
	var out []string
	for _, c := range s.Site.Components {
		out = append(out, r.Fill(c.ID))
	}
	for _, g := range s.Site.Groups {
		out = append(out, r.Fill(g.ID))
	}
	return out
}

func incidentURLs(r Route, s *Snapshot, now time.Time) []string {
	var out []string
	published := s.Published(now)
	for _, lang := range s.Site.Languages {
		for _, in := range published {
			out = append(out, r.Fill(lang, in.Slug))
		}
	}
	return out
}

func historyURLs(r Route, s *Snapshot, now time.Time) []string {
	var out []string
	for _, lang := range s.Site.Languages {
		if _, ok := s.History(lang, 1, now); ok {
			out = append(out, r.Fill(lang))
		}
	}
	return out
}

// historyPageURLs lists the archive's pages after the first, as long as there are pages.
func historyPageURLs(r Route, s *Snapshot, now time.Time) []string {
	var out []string
	for _, lang := range s.Site.Languages {
		for n := 2; ; n++ {
			if _, ok := s.History(lang, n, now); !ok {
				break
			}
			out = append(out, r.Fill(lang, strconv.Itoa(n)))
		}
	}
	return out
}

func componentURLs(r Route, s *Snapshot, now time.Time) []string {
	var out []string
	for _, lang := range s.Site.Languages {
		for _, c := range s.Site.Components {
			if _, ok := s.ComponentPage(lang, c.ID, 1, now); ok {
				out = append(out, r.Fill(lang, c.ID))
			}
		}
	}
	return out
}

// componentPageURLs lists the pages of every component after the first, as long as there are
// pages.
func componentPageURLs(r Route, s *Snapshot, now time.Time) []string {
	var out []string
	for _, lang := range s.Site.Languages {
		for _, c := range s.Site.Components {
			for n := 2; ; n++ {
				if _, ok := s.ComponentPage(lang, c.ID, n, now); !ok {
					break
				}
				out = append(out, r.Fill(lang, c.ID, strconv.Itoa(n)))
			}
		}
	}
	return out
}

// bundleURLs are the pictures of published bundles; content.AssetURL is where the Markdown of a
// bundle links them.
func bundleURLs(s *Snapshot, now time.Time) []string {
	var out []string
	for _, in := range s.Published(now) {
		for _, a := range s.Catalog.Assets[in.Slug] {
			out = append(out, content.AssetURL(in.Slug)+a.Name)
		}
	}
	return out
}

// staticURLs are the fingerprinted assets.
func staticURLs() []string {
	var out []string
	for _, a := range static.Assets() {
		out = append(out, a.Path)
	}
	return out
}
