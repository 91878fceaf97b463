package server

import (
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
		s.metrics.requests.WithLabelValues(route, c.Request().Method, strconv.Itoa(code)).Inc()
		s.metrics.latency.WithLabelValues(route).Observe(d.Seconds())
		s.log.Info("request", "method", c.Request().Method, "path", c.Request().URL.Path, "route", route,
			"status", code, "bytes", c.Response().Size, "duration", d, "remote", c.RealIP())
		return nil
	}
}

func (s *Server) metricsHandler() echo.HandlerFunc {
	return echo.WrapHandler(promhttp.HandlerFor(s.metrics.reg, promhttp.HandlerOpts{}))
}
