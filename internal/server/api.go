package server

import (
	"encoding/json"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"statuspress/internal/site"
	"statuspress/internal/statusapi"
)

// apiCacheControl lets caches keep an API answer as long as a page, serve it a little stale while
// they revalidate, and for a day when the server fails: what a status API most needs during an
// outage is to keep answering.
const apiCacheControl = "public, max-age=30, stale-while-revalidate=60, stale-if-error=86400"

// apiMethods are the methods every path under /api/v2/ answers.
var apiMethods = []string{http.MethodGet, http.MethodHead, http.MethodOptions}

const apiType = "application/json; charset=utf-8"

// apiOpenAPI serves the OpenAPI document of the API.
func (s *Server) apiOpenAPI(c echo.Context, _ *site.Snapshot) error {
	return sendTagged(c, apiType, apiCacheControl, statusapi.OpenAPI)
}

// apiCORS lets any web page read the API (Access-Control-Allow-Origin: *), its errors included,
// and answers a browser's CORS preflight: Statuspage clients send simple GETs that need none, but
// a client that adds a header of its own is asked first, and may add the ones in apiAllowHeaders. The router answers OPTIONS itself (204
// with Allow); this adds what a browser needs to hear.
func apiCORS(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if !isAPIPath(c.Request().URL.Path) {
			return next(c)
		}
		h := c.Response().Header()
		h[echo.HeaderAccessControlAllowOrigin] = anyOrigin
		if c.Request().Method == http.MethodOptions {
			h.Set(echo.HeaderAccessControlAllowMethods, strings.Join(apiMethods, ", "))
			h[headerAllowHeaders] = apiAllowHeaders
			h.Set(echo.HeaderAccessControlMaxAge, "86400")
		}
		return next(c)
	}
}

// apiAnswer is the handler of one API answer: answer's part of snap's API, in the language the
// request names. It is the same for every reader, so shared caches may keep it.
func apiAnswer[T any](s *Server, answer func(*statusapi.View) T) handler {
	return func(c echo.Context, snap *site.Snapshot) error {
		lang, err := namedLang(c, snap)
		if err != nil {
			return err
		}
		body, err := json.Marshal(answer(snap.API(lang, s.now())))
		if err != nil {
			return err
		}
		c.Response().Header().Set("Content-Language", lang)
		return sendTagged(c, apiType, apiCacheControl, body)
	}
}

// namedLang is the language ?lang= names (site.Snapshot.NamedLanguage); an unknown one is a bad
// request.
func namedLang(c echo.Context, snap *site.Snapshot) (string, error) {
	lang, err := snap.NamedLanguage(c.QueryParam("lang"))
	if err != nil {
		return "", echo.NewHTTPError(http.StatusBadRequest, err.Error())
	}
	return lang, nil
}

// apiAllowHeaders are the request headers a page may add to an API request, the same for every
// preflight: the ones a read-only client has a use for (jQuery's X-Requested-With, revalidation,
// asking a cache to go to the origin). Whatever else a preflight names is not echoed back: the
// answer does not depend on what the request says, and says no to headers the API does not read.
var apiAllowHeaders = []string{"Cache-Control, If-Modified-Since, If-None-Match, Pragma, X-Requested-With"}

var headerAllowHeaders = http.CanonicalHeaderKey(echo.HeaderAccessControlAllowHeaders)

// anyOrigin is the value of Access-Control-Allow-Origin, shared by every answer.
var anyOrigin = []string{"*"}

// isAPIPath reports whether errors on path are answered in JSON.
func isAPIPath(path string) bool { return path == "/api" || strings.HasPrefix(path, "/api/") }

// apiError answers an error under /api/ in JSON, never with an HTML page: API clients parse
// whatever comes back as JSON, and show its text to people.
func (s *Server) apiError(c echo.Context, code int, err error) {
	h := c.Response().Header()
	h.Set(echo.HeaderCacheControl, "no-store")
	body := statusapi.Error{
		Error:         strings.ToLower(http.StatusText(code)),
		Status:        code,
		Path:          c.Request().URL.Path,
		Documentation: statusapi.OpenAPIPath,
	}
	if body.Error == "" {
		body.Error = "error"
	}
	if he, ok := err.(*echo.HTTPError); ok && code < 500 {
		if msg, ok := he.Message.(string); ok && msg != http.StatusText(code) {
			body.Message = msg
		}
	}
	if code == http.StatusMethodNotAllowed {
		h.Set(echo.HeaderAllow, strings.Join(apiMethods, ", "))
		body.Allow = apiMethods
		body.Message = c.Request().Method + " is not allowed here: the API is read-only"
	}
	_ = c.JSON(code, body)
}
