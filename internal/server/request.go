package server

import (
	"sync"

	"github.com/labstack/echo/v4"

	"statuspress/internal/site"
)

// handler answers a request from snap, the one snapshot of the request. Every step of a request
// (the middleware, the handler, the response cache, the error page) answers from the same
// snapshot, so a reload that lands in the middle of a request cannot mix two in one answer;
// nothing below the route table reads the server's current snapshot.
type handler func(c echo.Context, snap *site.Snapshot) error

// handle makes an echo handler of h, giving it the request's snapshot.
func (s *Server) handle(h handler) echo.HandlerFunc {
	return func(c echo.Context) error { return h(c, s.requestSnapshot(c)) }
}

// plain is a handler of h, which needs no snapshot.
func plain(h echo.HandlerFunc) handler {
	return func(c echo.Context, _ *site.Snapshot) error { return h(c) }
}

// request is an echo context with the snapshot the request is answered from.
type request struct {
	echo.Context
	snap *site.Snapshot
}

// Error hands err to the error handler with the request, so the error page is made from the
// request's snapshot too (the embedded context would pass itself).
func (r *request) Error(err error) { r.Echo().HTTPErrorHandler(err, r) }

var requests = sync.Pool{New: func() any { return new(request) }}

// snapshotKey is the request context key of the snapshot ServeHTTP loaded for the request.
type snapshotKey struct{}

// pin is the outermost middleware: it gives the request the snapshot ServeHTTP loaded for it,
// unless it has it already (a ready answer of the response cache comes with it).
func (s *Server) pin(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if _, ok := c.(*request); ok {
			return next(c)
		}
		snap, ok := c.Request().Context().Value(snapshotKey{}).(*site.Snapshot)
		if !ok {
			snap = s.Snapshot() // a request that did not come through ServeHTTP (none does)
		}
		return s.serveWith(c, snap, next)
	}
}

// serveWith runs h on c answered from snap.
func (s *Server) serveWith(c echo.Context, snap *site.Snapshot, h echo.HandlerFunc) error {
	r := requests.Get().(*request)
	r.Context, r.snap = c, snap
	err := h(r)
	*r = request{}
	requests.Put(r)
	return err
}

// requestSnapshot is the snapshot c is answered from.
func (s *Server) requestSnapshot(c echo.Context) *site.Snapshot {
	if r, ok := c.(*request); ok {
		return r.snap
	}
	// Only a context that did not come through pin (none does): the current snapshot.
	return s.Snapshot()
}
