package server_test

import (
	"bytes"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"statuspress/internal/server"
	"statuspress/internal/site"
)

// TestRequestsCounted: every request is counted by route, method and status, the ones answered
// from the response cache without routing too.
func TestRequestsCounted(t *testing.T) {
	srv := newServer(t, clock)
	first := get(t, srv, "/en/feed.rss")
	get(t, srv, "/en/feed.rss")
	do(t, srv, request{method: http.MethodHead, path: "/en/feed.rss"})
	do(t, srv, request{path: "/en/feed.rss", header: http.Header{"If-None-Match": {first.Header().Get("ETag")}}})
	get(t, srv, "/en/no-such-page/")
	body := get(t, srv, "/metrics").Body.String()
	for _, want := range []string{
		`statuspress_http_requests_total{code="200",method="GET",route="/:lang/feed.rss"} 2`,
		`statuspress_http_requests_total{code="200",method="HEAD",route="/:lang/feed.rss"} 1`,
		`statuspress_http_requests_total{code="304",method="GET",route="/:lang/feed.rss"} 1`,
		`statuspress_http_request_duration_seconds_count{route="/:lang/feed.rss"} 4`,
		`code="404",method="GET"`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
}

// TestAccessLog: with AccessLog, a line per request, the answers sent from the response cache
// included; without it, none.
func TestAccessLog(t *testing.T) {
	snap := snapshot(t, site.Options{})
	for _, on := range []bool{true, false} {
		var buf bytes.Buffer
		srv := server.New(snap, server.Config{
			Now:       func() time.Time { return clock },
			Logger:    slog.New(slog.NewTextHandler(&buf, nil)),
			AccessLog: on,
		})
		get(t, srv, "/en/feed.rss") // made
		get(t, srv, "/en/feed.rss") // ready
		get(t, srv, "/en/no-such-page/")
		var lines []string
		for line := range strings.Lines(buf.String()) {
			if strings.Contains(line, "msg="+server.AccessLogMessage+" ") {
				lines = append(lines, line)
			}
		}
		if !on {
			if len(lines) > 0 {
				t.Errorf("access log off, yet it logged:\n%s", strings.Join(lines, ""))
			}
			continue
		}
		want := []string{
			"method=GET path=/en/feed.rss route=/:lang/feed.rss status=200 bytes=",
			"method=GET path=/en/feed.rss route=/:lang/feed.rss status=200 bytes=",
			"method=GET path=/en/no-such-page/ route=",
		}
		if len(lines) != len(want) {
			t.Fatalf("%d access log lines, want %d:\n%s", len(lines), len(want), buf.String())
		}
		for i, w := range want {
			if !strings.Contains(lines[i], w) || !strings.Contains(lines[i], " remote=192.0.2.1") {
				t.Errorf("line %d: %q, want it to contain %q and the remote address", i+1, lines[i], w)
			}
		}
		if !strings.Contains(lines[2], "status=404") {
			t.Errorf("the 404's line: %q", lines[2])
		}
	}
}

// TestMetricLabelsBounded: no request adds a series to /metrics. Methods HTTP does not define
// are counted as OTHER, and routes are the route table's patterns, whatever the path.
func TestMetricLabelsBounded(t *testing.T) {
	srv := newServer(t, clock)
	seriesOf := func() []string {
		var out []string
		for line := range strings.Lines(get(t, srv, "/metrics").Body.String()) {
			if strings.HasPrefix(line, "statuspress_http_request") {
				out = append(out, strings.Fields(line)[0])
			}
		}
		return out
	}
	probe := func(i int) {
		for _, r := range []request{
			{method: fmt.Sprintf("M%dX", i), path: "/en/"},
			{method: fmt.Sprintf("get%d", i), path: fmt.Sprintf("/x%d/y", i)},
			{method: http.MethodGet, path: fmt.Sprintf("/en/incidents/no-such-%d/", i)},
			{method: http.MethodGet, path: fmt.Sprintf("/nope-%d", i)},
			{method: http.MethodPost, path: fmt.Sprintf("/api/v2/x%d.json", i)},
		} {
			do(t, srv, r)
		}
	}
	probe(0)
	seriesOf() // /metrics counts itself from the first time it is asked
	before := seriesOf()
	for i := 1; i < 200; i++ {
		probe(i)
	}
	after := seriesOf()
	if diff := cmp.Diff(before, after); diff != "" {
		t.Errorf("requests with new methods and paths added series (-before +after):\n%s", diff)
	}
	for _, s := range after {
		if strings.Contains(s, `method="M0X"`) || strings.Contains(s, `method="get0"`) {
			t.Errorf("a method HTTP does not define has its own series: %s", s)
		}
	}
	if !slices.ContainsFunc(after, func(s string) bool { return strings.Contains(s, `method="OTHER"`) }) {
		t.Errorf("no series counts the OTHER methods:\n%s", strings.Join(after, "\n"))
	}
}

// TestAccessLogRemote: the access log names the peer, whatever X-Forwarded-For a client sends,
// unless the peer is a proxy the server was told to trust.
func TestAccessLogRemote(t *testing.T) {
	snap := snapshot(t, site.Options{})
	for _, tc := range []struct {
		name    string
		proxies []netip.Prefix
		want    string
	}{
		{"no proxy trusted", nil, " remote=192.0.2.1"},
		{"the peer is a trusted proxy", []netip.Prefix{netip.MustParsePrefix("192.0.2.0/24")}, " remote=203.0.113.9"},
		{"another proxy trusted", []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8")}, " remote=192.0.2.1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			srv := server.New(snap, server.Config{Now: func() time.Time { return clock }, AccessLog: true,
				Logger: slog.New(slog.NewTextHandler(&buf, nil)), TrustedProxies: tc.proxies})
			req := httptest.NewRequest("GET", "/en/", nil) // from 192.0.2.1
			req.Header.Set("X-Forwarded-For", "203.0.113.9")
			srv.ServeHTTP(httptest.NewRecorder(), req)
			if !strings.Contains(buf.String(), tc.want) {
				t.Errorf("access log %q lacks %q", buf.String(), tc.want)
			}
		})
	}
}
