package server_test

import (
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"statuspress/internal/server"
	"statuspress/internal/site"
)

// TestRoutesAreSiteRoutes checks that the server answers exactly the routes of site.Routes, GET and
// HEAD each: a route registered in routes.go that the site does not list (so that no page links it
// and the static build leaves it out), or one listed there that no handler answers, fails it.
func TestRoutesAreSiteRoutes(t *testing.T) {
	var want []string
	for _, r := range site.Routes {
		want = append(want, http.MethodGet+" "+r.Pattern, http.MethodHead+" "+r.Pattern)
		if r.Post {
			want = append(want, http.MethodPost+" "+r.Pattern)
		}
	}
	var got []string
	for _, r := range server.RoutePaths(sample(t)) {
		// echo lists the route of its not-found handler for every method; it is no page.
		if _, path, _ := strings.Cut(r, " "); path == "/*" || path == "" {
			continue
		}
		got = append(got, r)
	}
	slices.Sort(want)
	slices.Sort(got)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("routes against site.Routes (-site +server):\n%s", diff)
	}
}

// TestEveryListedURLIsAnswered requests every URL that site.Routes lists for the sample site (the
// URLs the static build writes): each is answered 200 by its own route; and every page, asked for
// without its trailing slash, redirects to itself, which redirectToPage (files.go) promises for
// any page the router has.
func TestEveryListedURLIsAnswered(t *testing.T) {
	srv := sample(t)
	snap := srv.Snapshot()
	for _, r := range site.Routes {
		urls := r.URLs(snap, clock)
		if r.Static() && len(urls) == 0 && r != site.RouteHistoryPage && r != site.RouteComponentPage {
			t.Errorf("route %s lists no URL in the sample site", r.Pattern)
		}
		for _, u := range urls {
			if rec := do(t, srv, request{path: u}); rec.Code != http.StatusOK {
				t.Errorf("route %s: GET %s: %d, want 200", r.Pattern, u, rec.Code)
			}
			if r.Kind != site.Page {
				continue
			}
			short := strings.TrimSuffix(u, "/")
			rec := do(t, srv, request{path: short})
			if got := rec.Header().Get("Location"); rec.Code != http.StatusMovedPermanently || got != u {
				t.Errorf("route %s: GET %s: %d to %q, want 301 to %s", r.Pattern, short, rec.Code, got, u)
			}
		}
	}
}
