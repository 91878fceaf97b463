package server

import (
	"log/slog"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"statuspress/internal/content"
	"statuspress/internal/site"
)

// metrics are what /metrics exposes to Prometheus.
type metrics struct {
	reg        *prometheus.Registry
	requests   *prometheus.CounterVec
	latency    *prometheus.HistogramVec
	builds     prometheus.Histogram
	incidents  prometheus.Gauge
	files      prometheus.Gauge
	problems   *prometheus.GaugeVec
	lastReload prometheus.Gauge

	// series keeps the request counter and latency histogram of each route, method and status
	// once looked up: WithLabelValues hashes every label value and takes a lock on each call. It
	// holds one entry per series /metrics shows, no more.
	mu     sync.RWMutex
	series map[seriesKey]series
}

type seriesKey struct {
	route, method string
	code          int
}

type series struct {
	requests prometheus.Counter
	latency  prometheus.Observer
}

// observe counts a request and its time. Every label has a fixed set of values, so no request can
// add a series: the route is a pattern of the route table (or "unmatched"), the method one of
// HTTP's or OTHER, the code one of the status codes HTTP defines or "other".
func (m *metrics) observe(route, method string, code int, d time.Duration) {
	method = methodLabel(method)
	if code < 100 || code > 599 {
		code = 0
	}
	k := seriesKey{route, method, code}
	m.mu.RLock()
	sr, ok := m.series[k]
	m.mu.RUnlock()
	if !ok {
		sr = series{m.requests.WithLabelValues(route, method, statusCode(code)), m.latency.WithLabelValues(route)}
		m.mu.Lock()
		m.series[k] = sr
		m.mu.Unlock()
	}
	sr.requests.Inc()
	sr.latency.Observe(d.Seconds())
}

func newMetrics() *metrics {
	m := &metrics{
		reg: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "statuspress_http_requests_total", Help: "HTTP requests by route pattern, method and status code.",
		}, []string{"route", "method", "code"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "statuspress_http_request_duration_seconds", Help: "Time to answer an HTTP request, by route pattern.",
			Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1},
		}, []string{"route"}),
		builds: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "statuspress_snapshot_build_duration_seconds", Help: "Time to load the content and build a snapshot.",
			Buckets: prometheus.ExponentialBuckets(0.005, 2, 12),
		}),
		incidents: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "statuspress_incidents_loaded", Help: "Incidents, maintenances and notices in the current snapshot.",
		}),
		files: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "statuspress_content_files_loaded", Help: "Content files read for the current snapshot.",
		}),
		problems: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "statuspress_content_problems", Help: "Content problems of the current snapshot, by severity (see /readyz).",
		}, []string{"severity"}),
		lastReload: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "statuspress_last_reload_timestamp_seconds", Help: "When the current snapshot was built (Unix time).",
		}),
		series: map[seriesKey]series{},
	}
	m.reg.MustRegister(m.requests, m.latency, m.builds, m.incidents, m.files, m.problems, m.lastReload,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// snapshot records the figures of a newly published snapshot.
func (m *metrics) snapshot(snap *site.Snapshot) {
	m.incidents.Set(float64(len(snap.Incidents)))
	m.files.Set(float64(snap.Catalog.Files))
	m.problems.WithLabelValues(content.Error.String()).Set(float64(snap.Catalog.Problems.Errors()))
	m.problems.WithLabelValues(content.Warning.String()).Set(float64(snap.Catalog.Problems.Warnings()))
	m.lastReload.Set(float64(snap.Loaded.Unix()))
}

// ObserveBuild records how long loading and building a snapshot took.
func (s *Server) ObserveBuild(d time.Duration) { s.metrics.builds.Observe(d.Seconds()) }

// measure counts and times every request and, with the access log on, logs a line for it.
func (s *Server) measure(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		start := time.Now()
		err := next(c)
		if err != nil {
			// Let the error handler write the response now, so its status is the one counted.
			c.Error(err)
		}
		route := c.Path()
		if route == "" {
			route = "unmatched"
		}
		end := time.Now()
		d := end.Sub(start)
		req := c.Request()
		code := c.Response().Status
		s.metrics.observe(route, req.Method, code, d)
		if s.accessLog {
			s.logRequest(c, route, end, d)
		}
		return nil
	}
}

// logRequest writes the access log line of a request. The record is handed to the handler as
// Logger.LogAttrs would, but without the caller's program counter: nothing prints it, and
// finding it (runtime.Callers) was a third of the line's cost.
func (s *Server) logRequest(c echo.Context, route string, end time.Time, d time.Duration) {
	req := c.Request()
	h := s.log.Handler()
	if !h.Enabled(req.Context(), slog.LevelInfo) {
		return
	}
	r := slog.NewRecord(end, slog.LevelInfo, AccessLogMessage, 0)
	r.AddAttrs(slog.String("method", req.Method), slog.String("path", req.URL.Path), slog.String("route", route),
		slog.Int("status", c.Response().Status), slog.Int64("bytes", c.Response().Size), slog.Duration("duration", d),
		slog.String("remote", c.RealIP()))
	_ = h.Handle(req.Context(), r)
}

// AccessLogMessage is the message of the access log's records, one per request.
const AccessLogMessage = "request"

// statusCodes are the usual status codes as text, so counting a request allocates nothing.
var statusCodes = map[int]string{}

func init() {
	for _, code := range []int{200, 204, 301, 303, 304, 400, 404, 405, 500, 503} {
		statusCodes[code] = strconv.Itoa(code)
	}
}

func statusCode(code int) string {
	if s, ok := statusCodes[code]; ok {
		return s
	}
	if code == 0 {
		return "other"
	}
	return strconv.Itoa(code)
}

// methodLabel is the method label of a request: its method when HTTP defines it, else OTHER. A
// client may send any token as a method, and each would otherwise be a series of its own.
func methodLabel(method string) string {
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch,
		http.MethodDelete, http.MethodConnect, http.MethodOptions, http.MethodTrace:
		return method
	}
	return "OTHER"
}

func (s *Server) metricsHandler() echo.HandlerFunc {
	return echo.WrapHandler(promhttp.HandlerFor(s.metrics.reg, promhttp.HandlerOpts{}))
}
