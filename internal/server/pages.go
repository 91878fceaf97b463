package server

import (
	"bytes"
	"context"
	"net/http"
	"path"
	"strconv"
	"strings"

	"github.com/a-h/templ"
	"github.com/labstack/echo/v4"

	"statuspress/internal/httpcache"
	"statuspress/internal/locale"
	"statuspress/internal/site"
	"statuspress/web"
)

// root sends a reader to the overview in their language.
func (s *Server) root(c echo.Context, snap *site.Snapshot) error {
	c.Response().Header().Add(echo.HeaderVary, "Accept-Language, Cookie")
	c.Response().Header().Set(echo.HeaderCacheControl, "private, no-cache")
	return c.Redirect(http.StatusSeeOther, site.HomePath(matchLanguage(c, snap)))
}

// switchLanguage remembers the language chosen in the switcher and goes on to the page.
func (s *Server) switchLanguage(c echo.Context, snap *site.Snapshot) error {
	lang := c.Param("lang")
	if !snap.Enabled(lang) {
		return echo.ErrNotFound
	}
	to := c.QueryParam("to")
	// Only a clean page path of this site, in the chosen language: never an open redirect. A
	// browser resolves dot segments and reads backslashes as slashes, so "/en/..//evil.example"
	// would leave the site; a path that is not its own clean form is not followed.
	if site.LangOf(to) != lang || !cleanPagePath(to) {
		to = site.HomePath(lang)
	}
	c.SetCookie(&http.Cookie{Name: langCookie, Value: lang, Path: "/", MaxAge: 365 * 24 * 3600, SameSite: http.SameSiteLaxMode, HttpOnly: true})
	c.Response().Header().Set(echo.HeaderCacheControl, "no-store")
	return c.Redirect(http.StatusSeeOther, to)
}

// cleanPagePath reports whether p is a page path as the site writes them: made of the characters
// of page paths only, and already clean (no empty or dot segments).
func cleanPagePath(p string) bool {
	if !strings.HasPrefix(p, "/") || !pagePathChars(p) {
		return false
	}
	clean := path.Clean(p)
	return p == clean || p == clean+"/"
}

// pageLang returns the page language of the request, or a not-found error for one the site lacks.
func pageLang(c echo.Context, snap *site.Snapshot) (string, error) {
	lang := c.Param("lang")
	if !snap.Enabled(lang) {
		return "", echo.ErrNotFound
	}
	return lang, nil
}

func (s *Server) overview(c echo.Context, snap *site.Snapshot) error {
	lang, err := pageLang(c, snap)
	if err != nil {
		return err
	}
	p := snap.Overview(lang, s.now())
	p.Subscribe = s.subscribeForm(snap, lang)
	return render(c, snap, http.StatusOK, lang, web.Overview(p))
}

func (s *Server) incidentShow(c echo.Context, snap *site.Snapshot) error {
	lang, err := pageLang(c, snap)
	if err != nil {
		return err
	}
	p, ok := snap.IncidentPage(lang, c.Param("slug"), s.now())
	if !ok {
		return echo.ErrNotFound
	}
	return render(c, snap, http.StatusOK, lang, web.Incident(p))
}

// pageNumber is the :n of a paged list's URL, 1 for its first page (which has none); page 1 is
// never spelt out, so /page/1/ and anything that is not a number is not found.
func pageNumber(c echo.Context) (int, error) {
	param := c.Param("n")
	if param == "" {
		return 1, nil
	}
	n, err := strconv.Atoi(param)
	if err != nil || n < 2 || strconv.Itoa(n) != param {
		return 0, echo.ErrNotFound
	}
	return n, nil
}

func (s *Server) history(c echo.Context, snap *site.Snapshot) error {
	lang, err := pageLang(c, snap)
	if err != nil {
		return err
	}
	n, err := pageNumber(c)
	if err != nil {
		return err
	}
	p, ok := snap.History(lang, n, s.now())
	if !ok {
		return echo.ErrNotFound
	}
	return render(c, snap, http.StatusOK, lang, web.History(p))
}

func (s *Server) componentShow(c echo.Context, snap *site.Snapshot) error {
	lang, err := pageLang(c, snap)
	if err != nil {
		return err
	}
	n, err := pageNumber(c)
	if err != nil {
		return err
	}
	p, ok := snap.ComponentPage(lang, c.Param("id"), n, s.now())
	if !ok {
		return echo.ErrNotFound
	}
	return render(c, snap, http.StatusOK, lang, web.Component(p))
}

// render writes a page: rendered whole before anything is sent, so a failure becomes a clean
// error page, and tagged so a revalidating client or cache gets 304.
func render(c echo.Context, snap *site.Snapshot, code int, lang string, page templ.Component) error {
	ctx := locale.NewContext(c.Request().Context(), snap.Localizer(lang))
	body, err := renderBytes(ctx, page)
	if err != nil {
		return err
	}
	h := c.Response().Header()
	h.Set(echo.HeaderContentType, echo.MIMETextHTMLCharsetUTF8)
	h.Set("Content-Language", lang)
	if code == http.StatusOK {
		return sendTagged(c, echo.MIMETextHTMLCharsetUTF8, "public, max-age=30, stale-while-revalidate=60, stale-if-error=86400", body)
	}
	return c.Blob(code, echo.MIMETextHTMLCharsetUTF8, body)
}

// sendTagged answers 200 with body, tagged with an ETag of its content. The answer goes through the
// response cache (respcache.go), which answers a client that has it already with 304.
func sendTagged(c echo.Context, contentType, cacheControl string, body []byte) error {
	h := c.Response().Header()
	h.Set(echo.HeaderContentType, contentType)
	h.Set(echo.HeaderCacheControl, cacheControl)
	h.Set("ETag", httpcache.ETag(body))
	return c.Blob(http.StatusOK, contentType, body)
}

func renderBytes(ctx context.Context, page templ.Component) ([]byte, error) {
	var buf bytes.Buffer
	if err := page.Render(ctx, &buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
