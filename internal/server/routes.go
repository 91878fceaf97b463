package server

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// routes is the table of contents of the site: every URL and the handler that answers it.
func (s *Server) routes() {
	e := s.echo
	// edge is what every answer goes through, outermost first; a cached answer served without
	// routing (ServeHTTP) goes through the same.
	s.edge = []echo.MiddlewareFunc{s.measure, s.securityHeaders, apiCORS}
	e.Use(s.edge...)
	get := func(path string, h echo.HandlerFunc) {
		e.Match([]string{http.MethodGet, http.MethodHead}, path, h)
	}
	// cached answers come from the response cache (respcache.go): made once per snapshot and
	// minute, compressed once.
	cached := func(path string, h echo.HandlerFunc) { get(path, s.cached(h)) }

	get("/", s.root)
	get("/lang/:lang", s.switchLanguage)
	cached("/:lang/", s.overview)
	cached("/:lang/incidents/:slug/", s.incidentShow)
	cached("/:lang/history/", s.history)
	cached("/:lang/history/page/:n/", s.history)
	cached("/:lang/components/:id/", s.componentShow)
	cached("/:lang/components/:id/page/:n/", s.componentShow)

	cached("/:lang/feed.rss", s.feedRSS)
	cached("/:lang/feed.atom", s.feedAtom)
	cached("/:lang/feed.json", s.feedJSON)
	cached("/:lang/components/:id/feed.rss", s.feedRSS)
	cached("/:lang/components/:id/feed.atom", s.feedAtom)
	cached("/:lang/components/:id/feed.json", s.feedJSON)
	cached("/:lang/maintenance.ics", s.calendarShow)

	// The Statuspage-compatible API at the host root, where its clients look for it.
	cached("/api/v2/summary.json", s.apiSummary)
	cached("/api/v2/status.json", s.apiStatus)
	cached("/api/v2/components.json", s.apiComponents)
	cached("/api/v2/incidents.json", s.apiIncidents)
	cached("/api/v2/incidents/unresolved.json", s.apiUnresolved)
	cached("/api/v2/scheduled-maintenances.json", s.apiMaintenances)
	cached("/api/v2/scheduled-maintenances/upcoming.json", s.apiUpcoming)
	cached("/api/v2/scheduled-maintenances/active.json", s.apiActive)
	cached("/api/v2/openapi.json", s.apiOpenAPI)

	cached("/badge.svg", s.badgeSVG)
	cached("/badge.json", s.badgeJSON)
	cached("/components/:id/badge.svg", s.componentBadgeSVG)
	cached("/components/:id/badge.json", s.componentBadgeJSON)

	cached("/incidents/:slug/*", s.bundleFile)
	cached("/static/*", s.staticFile)
	get("/favicon.ico", s.favicon)
	get("/healthz", s.healthz)
	get("/readyz", s.readyz)
	get("/metrics", s.metricsHandler())
}
