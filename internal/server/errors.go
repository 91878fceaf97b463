package server

import (
	"errors"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"statuspress/internal/site"
	"statuspress/web"
)

// handleError is the one place errors become responses: a localized error page in the language
// of the URL (or the reader's), logged when it is the server's fault. Under /api/ the answer is
// JSON instead (apiError).
func (s *Server) handleError(err error, c echo.Context) {
	if c.Response().Committed {
		return
	}
	code := http.StatusInternalServerError
	var he *echo.HTTPError
	if errors.As(err, &he) {
		code = he.Code
	}
	if code >= 500 {
		s.log.Error("request failed", "path", c.Request().URL.Path, "err", err)
	}
	snap := s.requestSnapshot(c)
	if code == http.StatusNotFound && s.redirectToPage(c, snap) {
		return
	}
	if code == http.StatusMethodNotAllowed {
		allow := "GET, HEAD"
		// The router knows which routes take a form's POST too (and OPTIONS, which it answers
		// itself).
		if routed, ok := c.Get(echo.ContextKeyHeaderAllow).(string); ok && strings.Contains(routed, http.MethodPost) {
			allow = "GET, HEAD, POST"
		}
		c.Response().Header().Set(echo.HeaderAllow, allow)
	}
	if isAPIPath(c.Request().URL.Path) {
		s.apiError(c, code, err)
		return
	}
	path := c.Request().URL.Path
	lang := site.LangOf(path)
	if !snap.Enabled(lang) {
		lang = matchLanguage(c, snap)
		c.Response().Header().Add(echo.HeaderVary, "Accept-Language")
	}
	if code >= 500 || c.Request().Method == http.MethodPost {
		// A form's answer, whatever it is, is for no cache to keep.
		c.Response().Header().Set(echo.HeaderCacheControl, "no-store")
	} else {
		// Briefly: an incident that is not published yet must not stay "not found" in a cache.
		c.Response().Header().Set(echo.HeaderCacheControl, "public, max-age=10")
	}
	if code == http.StatusNotFound || code >= 500 {
		page := web.Error(snap.ErrorPage(lang, code, path, s.now()))
		if rerr := render(c, snap, code, lang, page); rerr == nil {
			return
		}
	}
	_ = c.String(code, http.StatusText(code))
}
