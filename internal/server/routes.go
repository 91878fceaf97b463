package server

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// routes is the table of contents of the site: every URL and the handler that answers it.
func (s *Server) routes() {
	e := s.echo
	e.Pre(s.addTrailingSlash)
	e.Use(apiCORS)
	get := func(path string, h echo.HandlerFunc) {
		e.Match([]string{http.MethodGet, http.MethodHead}, path, h)
	}

	get("/", s.root)
	get("/lang/:lang", s.switchLanguage)
	get("/:lang/", s.overview)
	get("/:lang/incidents/:slug/", s.incidentShow)
	get("/:lang/history/", s.history)
	get("/:lang/history/page/:n/", s.history)
	get("/:lang/components/:id/", s.componentShow)

	get("/:lang/feed.rss", s.feedRSS)
	get("/:lang/feed.atom", s.feedAtom)
	get("/:lang/feed.json", s.feedJSON)
	get("/:lang/components/:id/feed.rss", s.feedRSS)
	get("/:lang/components/:id/feed.atom", s.feedAtom)
	get("/:lang/components/:id/feed.json", s.feedJSON)
	get("/:lang/maintenance.ics", s.calendarShow)

	// The Statuspage-compatible API at the host root, where its clients look for it.
	get("/api/v2/summary.json", s.apiSummary)
	get("/api/v2/status.json", s.apiStatus)
	get("/api/v2/components.json", s.apiComponents)
	get("/api/v2/incidents.json", s.apiIncidents)
	get("/api/v2/incidents/unresolved.json", s.apiUnresolved)
	get("/api/v2/scheduled-maintenances.json", s.apiMaintenances)
	get("/api/v2/scheduled-maintenances/upcoming.json", s.apiUpcoming)
	get("/api/v2/scheduled-maintenances/active.json", s.apiActive)
	get("/api/v2/openapi.json", s.apiOpenAPI)

	get("/badge.svg", s.badgeSVG)
	get("/badge.json", s.badgeJSON)
	get("/components/:id/badge.svg", s.componentBadgeSVG)
	get("/components/:id/badge.json", s.componentBadgeJSON)

	get("/incidents/:slug/*", s.bundleFile)
	get("/static/*", s.staticFile)
	get("/favicon.ico", s.favicon)
	get("/healthz", s.healthz)
	get("/readyz", s.readyz)
	get("/metrics", s.metricsHandler())
}
