package server

import (
	"strings"

	"github.com/labstack/echo/v4"
)

// contentSecurityPolicy allows only the site's own stylesheet, script and pictures: no inline
// script or style anywhere, so an injected tag could do nothing.
const contentSecurityPolicy = "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// securityHeaders sets the headers every response carries. HSTS goes only to a site whose public
// URL is https: browsers ignore it over plain http, and a site served over http must not ask.
func (s *Server) securityHeaders(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		h := c.Response().Header()
		if snap := s.Snapshot(); snap != nil && strings.HasPrefix(snap.BaseURL(), "https://") {
			h.Set("Strict-Transport-Security", "max-age=31536000")
		}
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
		h.Set("X-Frame-Options", "DENY")
		return next(c)
	}
}
