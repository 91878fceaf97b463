package server

import (
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"

	"github.com/labstack/echo/v4"

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

// bundleFile serves a file that a bundle incident keeps beside its Markdown (a picture).
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
		body, err := fs.ReadFile(snap.Files, a.Path)
		if err != nil {
			return err
		}
		ctype := mime.TypeByExtension(path.Ext(name))
		if ctype == "" {
			ctype = http.DetectContentType(body)
		}
		c.Response().Header().Set(echo.HeaderCacheControl, "public, max-age=300")
		c.Response().Header().Set("X-Content-Type-Options", "nosniff")
		return c.Blob(http.StatusOK, ctype, body)
	}
	return echo.ErrNotFound
}

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
