package server

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// routes is the table of contents of the site: every URL and the handler that answers it.
func (s *Server) routes() {
	e := s.echo
	e.Pre(s.addTrailingSlash)
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

	get("/incidents/:slug/*", s.bundleFile)
	get("/static/*", s.staticFile)
	get("/healthz", s.healthz)
}
