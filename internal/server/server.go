// Package server is statuspress's HTTP edge: the echo router, the handlers that answer from the
// current snapshot, and the one place that turns errors into localized error pages. It is the only
// package that imports echo; it holds no business rules.
package server

import (
	"context"
	"log/slog"
	"net/netip"
	"strings"
	"sync/atomic"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/prometheus/client_golang/prometheus"

	"statuspress/internal/site"
)

// Config is what a Server needs besides its first snapshot.
type Config struct {
	// Now is the clock; nil means time.Now. A fixed clock serves a preview of one instant.
	Now    func() time.Time
	Logger *slog.Logger
	// AccessLog logs a line per request to Logger (at Info). Off, requests are still counted in
	// /metrics.
	AccessLog bool
	// TrustedProxies are the proxies whose X-Forwarded-For names the client, for the access log
	// and the subscribe form's limit per client. None: the client is the peer of the connection.
	TrustedProxies []netip.Prefix
	// Notifications reports the state of the notifications for /readyz; nil when serve sends
	// none.
	Notifications func(ctx context.Context) (Notifications, error)

	// Subscriptions turns the e-mail subscription pages on (subscribe.go); nil leaves them out:
	// no form anywhere, and their URLs are not found.
	Subscriptions *Subscriptions
	// SubscribeURL is, for a static site (statuspress build), the public URL of a running
	// statuspress with subscriptions on: the overview's form posts there. Empty means no form;
	// Subscriptions, when set, takes precedence.
	SubscribeURL string
}

// Notifications is what /readyz tells of the notifications: the work queued and what failed for
// good (an address that refused mail, a webhook that answered 410), which an operator looks into.
type Notifications struct {
	Deliveries     int `json:"deliveries_queued"`
	Waiting        int `json:"events_settling"`
	FailedEmails   int `json:"failed_addresses"`
	FailedWebhooks int `json:"failed_webhooks"`
	// Error is set when the database could not be asked.
	Error string `json:"error,omitempty"`
}

// Server answers HTTP requests from the current snapshot.
type Server struct {
	metrics  *metrics
	cache    atomic.Pointer[generation]
	echo     *echo.Echo
	ready    *readyAnswers // the shortcut for ready answers (ready.go)
	snapshot atomic.Pointer[site.Snapshot]
	// current loads the snapshot a new request is answered from: snapshot.Load, or a test's.
	current   func() *site.Snapshot
	now       func() time.Time
	wall      func() time.Time // the real clock, for Last-Modified (respcache.go)
	log       *slog.Logger
	accessLog bool
	notify    func(ctx context.Context) (Notifications, error)
	subs      *subscriptions // nil: no subscription pages
	// subscribeURL is where a static site's form posts (Config.SubscribeURL), without a final slash.
	subscribeURL string
}

// New returns a server answering from snap.
func New(snap *site.Snapshot, cfg Config) *Server {
	s := &Server{echo: echo.New(), now: cfg.Now, wall: time.Now, log: cfg.Logger, accessLog: cfg.AccessLog, metrics: newMetrics(), notify: cfg.Notifications}
	if s.now == nil {
		s.now = time.Now
	}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	s.current = s.snapshot.Load
	s.subs = newSubscriptions(cfg.Subscriptions, s.log)
	s.subscribeURL = strings.TrimRight(cfg.SubscribeURL, "/")
	if snap != nil {
		s.Swap(snap)
	}
	s.echo.IPExtractor = ipExtractor(cfg.TrustedProxies)
	s.echo.HideBanner = true
	s.echo.HidePort = true
	s.echo.HTTPErrorHandler = s.handleError
	s.routes()
	return s
}

// RegisterMetrics adds a collector to /metrics (the notifications' figures).
func (s *Server) RegisterMetrics(c prometheus.Collector) error { return s.metrics.reg.Register(c) }

// Swap replaces the snapshot; requests already running finish with the old one.
func (s *Server) Swap(snap *site.Snapshot) {
	s.snapshot.Store(snap)
	s.metrics.snapshot(snap)
}

// Snapshot returns the snapshot requests are answered from.
func (s *Server) Snapshot() *site.Snapshot { return s.current() }

// matchLanguage picks a reader's language among snap's: the lang cookie, then Accept-Language,
// then the default.
func matchLanguage(c echo.Context, snap *site.Snapshot) string {
	cookie := ""
	if ck, err := c.Cookie(langCookie); err == nil {
		cookie = ck.Value
	}
	return snap.MatchLanguage(cookie, c.Request().Header.Get("Accept-Language"))
}

// langCookie remembers the language a reader chose with the switcher.
const langCookie = "lang"
