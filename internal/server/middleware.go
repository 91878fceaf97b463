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
		if snap := s.requestSnapshot(c); snap != nil && strings.HasPrefix(snap.BaseURL(), "https://") {
			h["Strict-Transport-Security"] = hstsValue
		}
		// Shared values assigned, not Set: Set would allocate each one anew on every request.
		for _, kv := range securityValues {
			h[kv.key] = kv.value
		}
		return next(c)
	}
}

var hstsValue = []string{"max-age=31536000"}

// securityValues are the headers every response carries, by canonical name.
var securityValues = []struct {
	key   string
	value []string
}{
	{"Content-Security-Policy", []string{contentSecurityPolicy}},
	{"X-Content-Type-Options", []string{"nosniff"}},
	{"Referrer-Policy", []string{"strict-origin-when-cross-origin"}},
	{"X-Frame-Options", []string{"DENY"}},
}
