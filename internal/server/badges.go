package server

import (
	"github.com/labstack/echo/v4"

	"statuspress/internal/badge"
	"statuspress/internal/site"
)

const (
	badgeSVGType = "image/svg+xml"
	// badgeJSONType is what shields.io's endpoint badge reads.
	badgeJSONType = "application/json; charset=utf-8"
)

// badgeSVG answers /badge.svg: the page's state as a shields-style badge.
func (s *Server) badgeSVG(c echo.Context, snap *site.Snapshot) error {
	return s.serveBadge(c, snap, "", badge.SVG, badgeSVGType)
}

// badgeJSON answers /badge.json: the same badge for shields.io's endpoint badge.
func (s *Server) badgeJSON(c echo.Context, snap *site.Snapshot) error {
	return s.serveBadge(c, snap, "", badge.Endpoint, badgeJSONType)
}

// componentBadgeSVG answers /components/{id}/badge.svg for a component or a group.
func (s *Server) componentBadgeSVG(c echo.Context, snap *site.Snapshot) error {
	return s.serveBadge(c, snap, c.Param("id"), badge.SVG, badgeSVGType)
}

// componentBadgeJSON answers /components/{id}/badge.json.
func (s *Server) componentBadgeJSON(c echo.Context, snap *site.Snapshot) error {
	return s.serveBadge(c, snap, c.Param("id"), badge.Endpoint, badgeJSONType)
}

// serveBadge draws snap's badge of the page (id "") or of one component or group, in the
// language the request names.
func (s *Server) serveBadge(c echo.Context, snap *site.Snapshot, id string, draw func(badge.Badge) []byte, contentType string) error {
	lang, err := namedLang(c, snap)
	if err != nil {
		return err
	}
	b, ok := snap.Badge(lang, id, s.now())
	if !ok {
		return echo.ErrNotFound
	}
	h := c.Response().Header()
	h.Set(echo.HeaderAccessControlAllowOrigin, "*")
	h.Set("Content-Language", lang)
	return sendTagged(c, contentType, apiCacheControl, draw(b))
}
