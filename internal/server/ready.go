package server

import (
	"context"
	"net/http"

	"github.com/labstack/echo/v4"

	"statuspress/internal/site"
)

// The shortcut for ready answers. During a surge nearly every request is for an answer the
// response cache has made already (respcache.go). echo would find the route and wrap its handler
// in the edge middleware anew for each request: three allocations and a sixth of such an answer's
// CPU time (BenchmarkReadyAnswer). The shortcut finds the answer by its cache key instead and
// runs the entry's handler through the same edge middleware, wrapped once. Everything else goes
// to the router. TestReadyAnswers holds the two ways to the same answer.

// readyAnswers sends the answers the response cache has ready without routing.
type readyAnswers struct {
	s *Server
	// edge is the edge middleware (routes.go) around the handler set on the request's context,
	// as echo runs a route's handler once its router has set it.
	edge echo.HandlerFunc
}

func newReadyAnswers(s *Server, edge []echo.MiddlewareFunc) *readyAnswers {
	h := func(c echo.Context) error { return c.Handler()(c) }
	for i := len(edge) - 1; i >= 0; i-- {
		h = edge[i](h)
	}
	return &readyAnswers{s: s, edge: h}
}

// ServeHTTP makes the server an http.Handler: an answer the response cache has ready is sent
// without routing, anything else goes through the router. Here is the one load of the snapshot
// in a request: everything after answers from snap (request.go).
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	snap := s.Snapshot()
	if !s.ready.serve(w, r, snap) {
		s.echo.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), snapshotKey{}, snap)))
	}
}

// serve sends the answer to r from snap if it is ready, and reports whether it was.
func (ra *readyAnswers) serve(w http.ResponseWriter, r *http.Request, snap *site.Snapshot) bool {
	e := ra.find(r, snap)
	if e == nil {
		return false
	}
	ec := ra.s.echo
	c := ec.AcquireContext()
	defer ec.ReleaseContext(c)
	c.Reset(r, w)
	c.SetPath(e.route) // what measure counts the request under
	c.SetHandler(e.handler)
	// The request comes with its snapshot, so pin passes it on. An error never comes back:
	// measure hands it to the error handler with the request, as it does for routed requests.
	_ = ra.s.serveWith(c, snap, ra.edge)
	return true
}

// find returns the answer to r from snap if it is made already. The key is looked up only for the
// requests a cached route would answer: GET and HEAD, routed by their path (echo routes by the raw
// path when there is one).
func (ra *readyAnswers) find(r *http.Request, snap *site.Snapshot) *entry {
	if r.Method != http.MethodGet && r.Method != http.MethodHead || r.URL.RawPath != "" {
		return nil
	}
	g := ra.s.generationAt(snap, ra.s.now())
	return g.entry(cacheKey(g.snap, r))
}
