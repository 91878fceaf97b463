package server

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"statuspress/internal/site"
	"statuspress/internal/statusapi"
)

// routes is the table of contents of the site: every URL and the handler that answers it. The
// URL patterns are site.Routes (internal/site/routes.go), where the page links and the static
// build find them too; TestRoutesAreSiteRoutes fails when one is here and not there.
func (s *Server) routes() {
	e := s.echo
	// edge is what every answer goes through, outermost first; a ready answer sent without
	// routing (ready.go) goes through the same. pin gives the request the snapshot it is answered
	// from; every handler gets that one (request.go).
	edge := []echo.MiddlewareFunc{s.pin, s.measure, s.securityHeaders, apiCORS}
	e.Use(edge...)
	s.ready = newReadyAnswers(s, edge)
	match := func(r site.Route, h echo.HandlerFunc) {
		e.Match([]string{http.MethodGet, http.MethodHead}, r.Pattern, h)
	}
	get := func(r site.Route, h handler) { match(r, s.handle(h)) }
	// cached answers come from the response cache (respcache.go): made once per snapshot and
	// minute, compressed once.
	cached := func(r site.Route, h handler) { match(r, s.cached(h)) }
	// post answers a form; every POST goes through the same guard (subscribe.go).
	post := func(r site.Route, h handler) { e.POST(r.Pattern, s.handle(s.post(h))) }

	get(site.RouteRoot, s.root)
	get(site.RouteSwitch, s.switchLanguage)
	cached(site.RouteHome, s.overview)
	cached(site.RouteIncident, s.incidentShow)
	cached(site.RouteHistory, s.history)
	cached(site.RouteHistoryPage, s.history)
	cached(site.RouteComponent, s.componentShow)
	cached(site.RouteComponentPage, s.componentShow)

	cached(site.RouteFeedRSS, s.feedRSS)
	cached(site.RouteFeedAtom, s.feedAtom)
	cached(site.RouteFeedJSON, s.feedJSON)
	cached(site.RouteComponentRSS, s.feedRSS)
	cached(site.RouteComponentAtom, s.feedAtom)
	cached(site.RouteComponentJSON, s.feedJSON)
	cached(site.RouteCalendar, s.calendarShow)

	// The Statuspage-compatible API at the host root, where its clients look for it.
	cached(site.RouteAPISummary, apiAnswer(s, (*statusapi.View).Summary))
	cached(site.RouteAPIStatus, apiAnswer(s, (*statusapi.View).StatusResponse))
	cached(site.RouteAPIComponents, apiAnswer(s, (*statusapi.View).ComponentsResponse))
	cached(site.RouteAPIIncidents, apiAnswer(s, (*statusapi.View).IncidentsResponse))
	cached(site.RouteAPIUnresolved, apiAnswer(s, (*statusapi.View).UnresolvedResponse))
	cached(site.RouteAPIMaintenance, apiAnswer(s, (*statusapi.View).MaintenancesResponse))
	cached(site.RouteAPIUpcoming, apiAnswer(s, (*statusapi.View).UpcomingResponse))
	cached(site.RouteAPIActive, apiAnswer(s, (*statusapi.View).ActiveResponse))
	cached(site.RouteAPIOpenAPI, s.apiOpenAPI)

	cached(site.RouteBadgeSVG, s.badgeSVG)
	cached(site.RouteBadgeJSON, s.badgeJSON)
	cached(site.RouteComponentBadgeSVG, s.componentBadgeSVG)
	cached(site.RouteComponentBadgeJSON, s.componentBadgeJSON)

	cached(site.RouteBundleFile, s.bundleFile)
	cached(site.RouteStatic, plain(s.staticFile))
	match(site.RouteFavicon, s.favicon)
	match(site.RouteHealth, s.healthz)
	get(site.RouteReady, s.readyz)
	match(site.RouteMetrics, s.metricsHandler())

	// E-mail subscriptions (subscribe.go): not found unless Config.Subscriptions is set. A GET
	// shows a page and changes nothing, since mail scanners open links; a POST acts. Only the
	// form's own page is cached: it holds nothing of a reader.
	cached(site.RouteSubscribe, s.subscribePage)
	post(site.RouteSubscribe, s.subscribePost)
	get(site.RouteConfirm, s.confirmPage)
	post(site.RouteConfirm, s.confirmPost)
	get(site.RouteManage, s.managePage)
	post(site.RouteManage, s.managePost)
	get(site.RouteUnsubscribe, s.unsubscribePage)
	post(site.RouteUnsubscribe, s.unsubscribePost)
}
