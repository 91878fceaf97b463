package server

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"statuspress/internal/site"
)

// RoutePaths returns the path pattern of every route the server answers, for the tests to
// check that each one is exercised.
func RoutePaths(s *Server) []string {
	var out []string
	for _, r := range s.echo.Routes() {
		out = append(out, r.Method+" "+r.Path)
	}
	return out
}

// CachedRoute adds a GET route that h answers through the response cache, for tests of the cache
// with a handler they control.
func CachedRoute(s *Server, path string, h http.HandlerFunc) {
	s.echo.GET(path, s.cached(plain(echo.WrapHandler(h))))
}

// CachedKeys returns how many answers the response cache holds for the current snapshot and
// minute.
func CachedKeys(s *Server) int {
	g := s.cache.Load()
	if g == nil {
		return 0
	}
	g.mu.RLock()
	defer g.mu.RUnlock()
	return len(g.cells)
}

// SetWall sets the real clock the response cache dates answers by (Last-Modified).
func SetWall(s *Server, wall func() time.Time) { s.wall = wall }

// Routed is the server without its shortcut for ready answers: every request goes through the
// router, for the benchmark that weighs the shortcut.
func Routed(s *Server) http.Handler { return s.echo }

// SetSnapshotSource makes load what the server takes a request's snapshot from, for tests of
// what happens when a reload swaps snapshots while a request is being answered.
func SetSnapshotSource(s *Server, load func() *site.Snapshot) { s.current = load }
