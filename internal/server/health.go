package server

import (
	"context"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"statuspress/internal/content"
	"statuspress/internal/site"
	"statuspress/web"
)

func (s *Server) healthz(c echo.Context) error {
	c.Response().Header().Set(echo.HeaderCacheControl, "no-store")
	return c.String(http.StatusOK, "ok\n")
}

// readiness is /readyz as JSON.
type readiness struct {
	Ready     bool       `json:"ready"`
	Version   string     `json:"version,omitempty"`
	Loaded    *time.Time `json:"loaded_at,omitempty"`
	Files     int        `json:"files"`
	Incidents int        `json:"incidents"`
	Errors    int        `json:"errors"`
	Warnings  int        `json:"warnings"`
	// Problems are only in the operator's answer (ReadinessDetails): a file with an error is
	// withheld from the site, and its path and the problem's message (which may quote it) must
	// not publish what it withholds.
	Problems *content.Problems `json:"problems,omitempty"`
	// Details says where the problems are listed, in the public answer when there are any.
	Details string `json:"details,omitempty"`
	// Notifications are there when serve sends notifications. They do not make the server
	// unready: a mail server that is down delays mail, not the pages.
	Notifications *Notifications `json:"notifications,omitempty"`
}

// problemDetails says where an operator finds what the public /readyz leaves out.
const problemDetails = "the server's log, statuspress lint, and /readyz on the --debug-addr listener list each problem"

// readyz says whether the server can answer, and counts the content problems. It stays 200 while
// a snapshot is served, broken files or not: a typo must not pull every replica out of a load
// balancer. It is 503 only before the first snapshot exists. It is public, so it gives counts and
// states only.
func (s *Server) readyz(c echo.Context, snap *site.Snapshot) error {
	s.writeReadiness(c.Response(), c.Request(), snap, false)
	return nil
}

// ReadinessDetails is /readyz for the people who run the server: the same answer, with every
// content problem listed by file, line and column. It is served on the --debug-addr listener only,
// never beside the site.
func (s *Server) ReadinessDetails() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { s.writeReadiness(w, r, s.Snapshot(), true) })
}

// writeReadiness writes /readyz of snap (nil before the first), as JSON or, to a browser, as a
// page; with details, the problems are listed.
func (s *Server) writeReadiness(w http.ResponseWriter, req *http.Request, snap *site.Snapshot, details bool) {
	w.Header().Set(echo.HeaderCacheControl, "no-store")
	var r readiness
	code := http.StatusServiceUnavailable
	if snap != nil {
		code = http.StatusOK
		loaded := snap.Loaded.UTC()
		r = readiness{
			Ready: true, Version: snap.Version, Loaded: &loaded, Files: snap.Catalog.Files,
			Incidents: len(snap.Incidents), Errors: snap.Catalog.Problems.Errors(),
			Warnings: snap.Catalog.Problems.Warnings(),
		}
		switch {
		case details:
			problems := snap.Catalog.Problems
			if problems == nil {
				problems = content.Problems{}
			}
			r.Problems = &problems
		case len(snap.Catalog.Problems) > 0:
			r.Details = problemDetails
		}
	}
	if s.notify != nil {
		ctx, cancel := context.WithTimeout(req.Context(), 2*time.Second)
		n, err := s.notify(ctx)
		cancel()
		if err != nil {
			s.log.Warn("readyz: notifications", "err", err)
			n = Notifications{Error: "the database could not be asked; see the server's log"}
		}
		r.Notifications = &n
	}
	if !strings.Contains(req.Header.Get("Accept"), "text/html") {
		body, _ := json.MarshalIndent(r, "", "  ")
		w.Header().Set(echo.HeaderContentType, echo.MIMEApplicationJSON)
		w.WriteHeader(code)
		w.Write(append(body, '\n'))
		return
	}
	page := web.ReadinessPage{Ready: r.Ready, Version: r.Version, Files: r.Files, Incidents: r.Incidents,
		Errors: r.Errors, Warnings: r.Warnings, Details: details, Where: problemDetails}
	if r.Loaded != nil {
		page.Loaded = r.Loaded.Format(time.RFC3339)
	}
	if r.Problems != nil {
		for _, p := range *r.Problems {
			page.Problems = append(page.Problems, web.ProblemRow{Where: p.Path + ":" + strconv.Itoa(p.Line) + ":" + strconv.Itoa(p.Col), Severity: p.Severity.String(), Message: p.Message})
		}
	}
	var buf strings.Builder
	if err := web.Readiness(page).Render(req.Context(), &buf); err != nil {
		s.log.Error("readiness page", "err", err)
		http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
		return
	}
	w.Header().Set(echo.HeaderContentType, echo.MIMETextHTMLCharsetUTF8)
	w.WriteHeader(code)
	w.Write([]byte(buf.String()))
}
