package site_test

import (
	"encoding/json"
	"path"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"statuspress/internal/content"
	"statuspress/internal/site"
	"statuspress/internal/statusapi"
)

// matches reports whether p is a URL of the route pattern.
func matches(pattern, p string) bool {
	_, ok := site.Route{Pattern: pattern}.Match(p)
	return ok
}

func TestRouteMatch(t *testing.T) {
	for _, tc := range []struct {
		pattern, path string
		want          []string
	}{
		{"/:lang/", "/nl/", []string{"nl"}},
		{"/:lang/", "/nl", nil},
		{"/:lang/", "//", nil},
		{"/:lang/feed.rss", "/nl/feed.rss", []string{"nl"}},
		{"/:lang/feed.rss", "/nl/feed.atom", nil},
		{"/:lang/components/:id/", "/nl/components/smtp/", []string{"nl", "smtp"}},
		{"/:lang/components/:id/", "/nl/components/smtp/page/2/", nil},
		{"/incidents/:slug/*", "/incidents/a/b/c.png", []string{"a", "b/c.png"}},
		{"/incidents/:slug/*", "/incidents/a/", nil},
		{"/healthz", "/healthz", []string{}},
		{"/", "/", []string{}},
		{"/healthz", "/healthz/", nil},
		{"/", "/en/", nil},
	} {
		got, ok := site.Route{Pattern: tc.pattern}.Match(tc.path)
		if ok != (tc.want != nil) || !slices.Equal(got, tc.want) {
			t.Errorf("Route{%q}.Match(%q) = %q, %v, want %q", tc.pattern, tc.path, got, ok, tc.want)
		}
	}
}

func TestRouteFill(t *testing.T) {
	for _, tc := range []struct {
		r    site.Route
		vals []string
		want string
	}{
		{site.RouteRoot, nil, "/"},
		{site.RouteHome, []string{"nl"}, "/nl/"},
		{site.RouteIncident, []string{"de", "rest-api-errors"}, "/de/incidents/rest-api-errors/"},
		{site.RouteComponentPage, []string{"fr", "smtp", "3"}, "/fr/components/smtp/page/3/"},
		{site.RouteComponentJSON, []string{"en", "imap"}, "/en/components/imap/feed.json"},
		{site.RouteSwitch, []string{"nl"}, "/lang/nl"},
		{site.RouteComponentBadgeSVG, []string{"core"}, "/components/core/badge.svg"},
		{site.RouteBundleFile, []string{"webhook-delays", "graph.png"}, "/incidents/webhook-delays/graph.png"},
		{site.RouteAPISummary, nil, "/api/v2/summary.json"},
	} {
		if got := tc.r.Fill(tc.vals...); got != tc.want {
			t.Errorf("%s.Fill(%q) = %q, want %q", tc.r.Pattern, tc.vals, got, tc.want)
		}
		if !matches(tc.r.Pattern, tc.want) {
			t.Errorf("%s does not match %s", tc.r.Pattern, tc.want)
		}
	}
}

// TestPathsAreRoutes checks that each path function, and the paths other packages make of the
// same URLs, give a URL of its route, and of no other.
func TestPathsAreRoutes(t *testing.T) {
	for _, tc := range []struct {
		r    site.Route
		path string
	}{
		{site.RouteHome, site.HomePath("en")},
		{site.RouteIncident, site.IncidentPath("nl", "soap-api-storing")},
		{site.RouteHistory, site.HistoryPath("fr", 1)},
		{site.RouteHistoryPage, site.HistoryPath("fr", 2)},
		{site.RouteComponent, site.ComponentPath("de", "smtp")},
		{site.RouteComponent, site.ComponentPagePath("de", "smtp", 1)},
		{site.RouteComponentPage, site.ComponentPagePath("de", "smtp", 4)},
		{site.RouteFeedRSS, site.FeedPath("en", "rss")},
		{site.RouteFeedAtom, site.FeedPath("en", "atom")},
		{site.RouteFeedJSON, site.FeedPath("en", "json")},
		{site.RouteComponentRSS, site.ComponentFeedPath("nl", "imap", "rss")},
		{site.RouteComponentAtom, site.ComponentFeedPath("nl", "imap", "atom")},
		{site.RouteComponentJSON, site.ComponentFeedPath("nl", "imap", "json")},
		{site.RouteCalendar, site.CalendarPath("de")},
		{site.RouteSwitch, strings.Split(site.SwitchPath("fr", "/fr/"), "?")[0]},
		{site.RouteBundleFile, content.AssetURL("webhook-delays") + "graph.png"},
		{site.RouteAPIOpenAPI, statusapi.OpenAPIPath},
	} {
		for _, r := range site.Routes {
			if got, want := matches(r.Pattern, tc.path), r == tc.r; got != want {
				t.Errorf("route %s matches %s: %v, want %v", r.Pattern, tc.path, got, want)
			}
		}
	}
}

// TestRoutes checks the shape of the route table: each pattern once; the static build lists
// every route but those that need a server; a page is a directory (a trailing slash, no dot),
// which the server's redirect of a path without its slash relies on (canonicalPage in
// internal/server/files.go), and lives in a language tree, as do feeds.
func TestRoutes(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range site.Routes {
		if seen[r.Pattern] {
			t.Errorf("route %s is listed twice", r.Pattern)
		}
		seen[r.Pattern] = true
		if got, want := r.Static(), r.Kind != site.Server && r.Kind != site.Form; got != want {
			t.Errorf("route %s: Static() = %v, want %v", r.Pattern, got, want)
		}
		inLang := strings.HasPrefix(r.Pattern, "/:lang/")
		switch r.Kind {
		case site.Page:
			if !strings.HasSuffix(r.Pattern, "/") || strings.Contains(r.Pattern, ".") || !inLang {
				t.Errorf("page route %s: want /:lang/…/, without a dot", r.Pattern)
			}
		case site.Feed:
			if path.Ext(r.Pattern) == "" || !inLang {
				t.Errorf("feed route %s: want /:lang/….ext", r.Pattern)
			}
		case site.Form:
			if !strings.HasSuffix(r.Pattern, "/") || !inLang || !r.Post {
				t.Errorf("form route %s: want /:lang/…/ taking POST", r.Pattern)
			}
		default:
			if inLang {
				t.Errorf("route %s of kind %d is in a language tree", r.Pattern, r.Kind)
			}
		}
	}
}

// TestRouteURLs checks that what each route lists for the static build is its own URLs.
func TestRouteURLs(t *testing.T) {
	snap := small(t, site.Options{Static: true})
	now := at("2026-11-23T12:00:00Z")
	for _, r := range site.Routes {
		for _, u := range r.URLs(snap, now) {
			if !matches(r.Pattern, u) {
				t.Errorf("route %s lists %s", r.Pattern, u)
			}
		}
	}
}

// TestOpenAPIListsTheAPIRoutes checks that the OpenAPI document describes exactly the routes of
// kind API: the API and the badges.
func TestOpenAPIListsTheAPIRoutes(t *testing.T) {
	var doc struct {
		Paths map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(statusapi.OpenAPI, &doc); err != nil {
		t.Fatal(err)
	}
	var documented []string
	for p := range doc.Paths {
		documented = append(documented, strings.ReplaceAll(p, "{id}", ":id"))
	}
	var routes []string
	for _, r := range site.Routes {
		if r.Kind == site.API {
			routes = append(routes, r.Pattern)
		}
	}
	slices.Sort(documented)
	slices.Sort(routes)
	if diff := cmp.Diff(documented, routes); diff != "" {
		t.Errorf("API routes against the OpenAPI document (-openapi +routes):\n%s", diff)
	}
}
