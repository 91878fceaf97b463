package server

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"statuspress/internal/content"
	"statuspress/web"
)

func (s *Server) healthz(c echo.Context) error {
	c.Response().Header().Set(echo.HeaderCacheControl, "no-store")
	return c.String(http.StatusOK, "ok\n")
}

// readiness is /readyz as JSON.
type readiness struct {
	Ready     bool             `json:"ready"`
	Version   string           `json:"version,omitempty"`
	Loaded    *time.Time       `json:"loaded_at,omitempty"`
	Files     int              `json:"files"`
	Incidents int              `json:"incidents"`
	Errors    int              `json:"errors"`
	Warnings  int              `json:"warnings"`
	Problems  content.Problems `json:"problems"`
}

// readyz says whether the server can answer, and lists the content problems. It stays 200 while a
// snapshot is served, broken files or not: a typo must not pull every replica out of a load
// balancer. It is 503 only before the first snapshot exists.
func (s *Server) readyz(c echo.Context) error {
	c.Response().Header().Set(echo.HeaderCacheControl, "no-store")
	snap := s.Snapshot()
	r := readiness{Problems: content.Problems{}}
	code := http.StatusServiceUnavailable
	if snap != nil {
		code = http.StatusOK
		loaded := snap.Loaded.UTC()
		r = readiness{
			Ready: true, Version: snap.Version, Loaded: &loaded, Files: snap.Catalog.Files,
			Incidents: len(snap.Incidents), Errors: snap.Catalog.Problems.Errors(),
			Warnings: snap.Catalog.Problems.Warnings(), Problems: snap.Catalog.Problems,
		}
		if r.Problems == nil {
			r.Problems = content.Problems{}
		}
	}
	if !strings.Contains(c.Request().Header.Get("Accept"), "text/html") {
		return c.JSONPretty(code, r, "  ")
	}
	page := web.ReadinessPage{Ready: r.Ready, Version: r.Version, Files: r.Files, Incidents: r.Incidents}
	if r.Loaded != nil {
		page.Loaded = r.Loaded.Format(time.RFC3339)
	}
	for _, p := range r.Problems {
		page.Problems = append(page.Problems, web.ProblemRow{Where: p.Path + ":" + strconv.Itoa(p.Line) + ":" + strconv.Itoa(p.Col), Severity: p.Severity.String(), Message: p.Message})
	}
	var buf strings.Builder
	if err := web.Readiness(page).Render(c.Request().Context(), &buf); err != nil {
		return err
	}
	return c.HTML(code, buf.String())
}
