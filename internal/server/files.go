package server

import (
	"mime"
	"net/http"
	"path"
	"strings"

	"github.com/labstack/echo/v4"

	"statuspress/internal/content"
	"statuspress/static"
)

// staticFile serves the fingerprinted stylesheet and script: their names change with their
// content, so browsers and caches may keep them for a year.
func (s *Server) staticFile(c echo.Context) error {
	a, ok := static.Lookup(c.Request().URL.Path)
	if !ok {
		return echo.ErrNotFound
	}
	h := c.Response().Header()
	h.Set(echo.HeaderCacheControl, "public, max-age=31536000, immutable")
	h.Set("ETag", a.ETag)
	if c.Request().Header.Get("If-None-Match") == a.ETag {
		return c.NoContent(http.StatusNotModified)
	}
	return c.Blob(http.StatusOK, a.ContentType, a.Body)
}

// bundleFile serves a picture that a bundle incident keeps beside its Markdown. What is read is
// checked again (content.ReadAsset): the file may have changed since the load. A file that cannot
// be read as a published picture now (its folder is being renamed, it was rewritten) is not
// found, never a server error: the next load says what became of it.
func (s *Server) bundleFile(c echo.Context) error {
	snap := s.Snapshot()
	slug, name := c.Param("slug"), c.Param("*")
	if _, ok := snap.Incident(slug, s.now()); !ok {
		return echo.ErrNotFound
	}
	for _, a := range snap.Catalog.Assets[slug] {
		if a.Name != name {
			continue
		}
		body, ctype, err := content.ReadAsset(snap.Files, a.Path)
		if err != nil {
			s.log.Warn("bundle file not served", "path", c.Request().URL.Path, "err", err)
			return echo.ErrNotFound
		}
		h := c.Response().Header()
		h.Set(echo.HeaderCacheControl, "public, max-age=300")
		if ctype == content.SVGType {
			// Checked at load to hold nothing that runs; sandboxed as well, so that even opened
			// on its own it can run nothing on the site's origin, and offered as a download.
			h.Set("Content-Security-Policy", svgPolicy)
			h.Set(echo.HeaderContentDisposition, mime.FormatMediaType("attachment", map[string]string{"filename": path.Base(name)}))
		}
		return c.Blob(http.StatusOK, ctype, body)
	}
	return echo.ErrNotFound
}

// svgPolicy is the Content-Security-Policy of a bundle's SVG: an opaque origin, no script, nothing
// loaded but its own inline styles and embedded pictures.
const svgPolicy = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:"

// favicon answers the browsers and crawlers that ask for /favicon.ico without reading the page.
func (s *Server) favicon(c echo.Context) error {
	return c.Redirect(http.StatusMovedPermanently, static.Path("icon.svg"))
}

// addTrailingSlash redirects page paths without their trailing slash ("/nl" → "/nl/"); paths
// with a file extension (feeds, assets) are left alone.
func (s *Server) addTrailingSlash(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		p := c.Request().URL.Path
		if p != "/" && !strings.HasSuffix(p, "/") && !strings.Contains(path.Base(p), ".") &&
			!strings.HasPrefix(p, "/lang/") && !strings.HasPrefix(p, "/static/") && !strings.HasPrefix(p, "/api/") &&
			p != "/healthz" && p != "/readyz" && p != "/metrics" {
			target := p + "/"
			if q := c.Request().URL.RawQuery; q != "" {
				target += "?" + q
			}
			return c.Redirect(http.StatusMovedPermanently, target)
		}
		return next(c)
	}
}
