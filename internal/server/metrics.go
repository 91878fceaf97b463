package server

import (
	"log/slog"
	"strconv"
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

// measure counts and times every request, and logs one line for it.
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
		d := time.Since(start)
		code := c.Response().Status
		s.metrics.requests.WithLabelValues(route, c.Request().Method, statusCode(code)).Inc()
		s.metrics.latency.WithLabelValues(route).Observe(d.Seconds())
		if ctx := c.Request().Context(); s.log.Enabled(ctx, slog.LevelInfo) {
			s.log.LogAttrs(ctx, slog.LevelInfo, AccessLogMessage, slog.String("method", c.Request().Method),
				slog.String("path", c.Request().URL.Path), slog.String("route", route), slog.Int("status", code),
				slog.Int64("bytes", c.Response().Size), slog.Duration("duration", d), slog.String("remote", c.RealIP()))
		}
		return nil
	}
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
	return strconv.Itoa(code)
}

func (s *Server) metricsHandler() echo.HandlerFunc {
	return echo.WrapHandler(promhttp.HandlerFor(s.metrics.reg, promhttp.HandlerOpts{}))
}
