package server

import (
	"mime"
	"net/http"
	"net/url"
	"path"
	"strings"

	"github.com/labstack/echo/v4"

	"statuspress/internal/content"
	"statuspress/internal/site"
	"statuspress/static"
)

// staticFile serves the fingerprinted stylesheet and script: their names change with their
// content, so browsers and caches may keep them for a year. The response cache answers
// revalidations (respcache.go).
func (s *Server) staticFile(c echo.Context) error {
	a, ok := static.Lookup(c.Request().URL.Path)
	if !ok {
		return echo.ErrNotFound
	}
	h := c.Response().Header()
	h.Set(echo.HeaderCacheControl, "public, max-age=31536000, immutable")
	h.Set("ETag", a.ETag)
	return c.Blob(http.StatusOK, a.ContentType, a.Body)
}

// bundleFile serves a picture that a bundle incident keeps beside its Markdown. What is read is
// checked again (content.ReadAsset): the file may have changed since the load. A file that cannot
// be read as a published picture now (its folder is being renamed, it was rewritten) is not
// found, never a server error: the next load says what became of it.
func (s *Server) bundleFile(c echo.Context, snap *site.Snapshot) error {
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
// The icon's address changes with its content, so the redirect is temporary and kept an hour: a
// browser that kept a permanent one would ask for an icon the next release no longer has.
func (s *Server) favicon(c echo.Context) error {
	c.Response().Header().Set(echo.HeaderCacheControl, "public, max-age=3600")
	return c.Redirect(http.StatusFound, static.Path("icon.svg"))
}

// redirectToPage answers a request that found nothing with a redirect, when it asked for a page
// without its trailing slash ("/nl") or by a path that is not clean ("/en//history",
// "/en/./history"), to the page's one canonical URL, but only when that URL is a page that exists:
// anything else stays not found, with no redirect first, so no path a stranger writes becomes a
// Location. The error handler calls it inside the edge middleware, so the redirect carries the
// security headers and is counted like any answer.
func (s *Server) redirectToPage(c echo.Context, snap *site.Snapshot) bool {
	req := c.Request()
	if req.Method != http.MethodGet && req.Method != http.MethodHead {
		return false
	}
	target, ok := canonicalPage(req.URL.Path)
	if !ok || !s.pageExists(c, snap, target) {
		return false
	}
	if q := req.URL.RawQuery; q != "" && safeQuery(q) {
		target += "?" + q
	}
	// A page's address does not move: the redirect may be kept as long as a page is, and longer.
	c.Response().Header().Set(echo.HeaderCacheControl, "public, max-age=3600")
	return c.Redirect(http.StatusMovedPermanently, target) == nil
}

// canonicalPage returns the one spelling of the page p may mean: cleaned of empty and dot
// segments, with a trailing slash. It refuses paths with anything but the letters, digits and
// "-._~/" that page paths are made of: browsers read a backslash as a slash and drop tabs and
// line breaks, so "/\evil.example" or "/\t/evil.example" would leave the site. A path that is
// its own canonical form is not a page (else a route would have matched it), nor is one with an
// extension: every page route of site.Routes ends in a slash and holds no dot (site's TestRoutes).
func canonicalPage(p string) (string, bool) {
	if !strings.HasPrefix(p, "/") || !pagePathChars(p) {
		return "", false
	}
	clean := path.Clean(p)
	if clean == "/" || path.Ext(clean) != "" {
		return "", false
	}
	target := clean + "/"
	if target == p || strings.HasPrefix(target, "//") {
		return "", false
	}
	return target, true
}

// pagePathChars reports whether p holds only the characters page paths are made of.
func pagePathChars(p string) bool {
	for i := 0; i < len(p); i++ {
		c := p[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("-._~/", c) >= 0) {
			return false
		}
	}
	return true
}

// safeQuery reports whether a raw query may be passed on in a Location as it is: printable ASCII,
// no backslash.
func safeQuery(q string) bool {
	for i := 0; i < len(q); i++ {
		if q[i] <= ' ' || q[i] >= 0x7f || q[i] == '\\' {
			return false
		}
	}
	return true
}

// pageExists reports whether GET p answers 200 from snap, by asking the route that would answer
// it. The route's own handler decides, so a redirect never promises a page that is not there.
func (s *Server) pageExists(c echo.Context, snap *site.Snapshot, p string) bool {
	req := c.Request()
	probe := req.Clone(req.Context())
	probe.Method = http.MethodGet
	probe.URL = &url.URL{Path: p}
	probe.RequestURI = p
	probe.Header = http.Header{}
	rec := &recorder{header: http.Header{}, status: http.StatusOK}
	pc := s.echo.NewContext(probe, rec)
	s.echo.Router().Find(http.MethodGet, p, pc)
	if err := s.serveWith(pc, snap, pc.Handler()); err != nil {
		return false
	}
	return rec.status == http.StatusOK
}
