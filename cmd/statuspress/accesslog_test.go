package main

import (
	"bytes"
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"statuspress/internal/server"
)

// TestAccessLogSetting: the access log is on unless --access-log or STATUSPRESS_ACCESS_LOG turns
// it off (the flag wins); a value other than on or off is refused.
func TestAccessLogSetting(t *testing.T) {
	for _, tc := range []struct {
		env  string // "" leaves STATUSPRESS_ACCESS_LOG unset
		args []string
		want bool
		err  bool
	}{
		{"", nil, true, false},
		{"", []string{"--access-log", "off"}, false, false},
		{"", []string{"--access-log", "on"}, true, false},
		{"on", nil, true, false},
		{"off", nil, false, false},
		{"on", []string{"--access-log=off"}, false, false},
		{"", []string{"--access-log", "yes"}, false, true},
		{"true", nil, false, true},
	} {
		t.Setenv("STATUSPRESS_ACCESS_LOG", tc.env)
		if tc.env == "" {
			os.Unsetenv("STATUSPRESS_ACCESS_LOG")
		}
		cfg, err := parseServe(tc.args, io.Discard)
		if (err != nil) != tc.err || err == nil && cfg.accessLog != tc.want {
			t.Errorf("STATUSPRESS_ACCESS_LOG=%q %v: access log %v, error %v; want %v, error %v", tc.env, tc.args, cfg.accessLog, err, tc.want, tc.err)
		}
	}
}

// TestAccessLogLines: serve's server writes a line per request to its log when the access log is
// on, and none when it is off.
func TestAccessLogLines(t *testing.T) {
	for _, on := range []bool{true, false} {
		var buf bytes.Buffer
		pub, err := newPublisher(serveConfig{content: "../../incidents", accessLog: on}, slog.New(slog.NewTextHandler(&buf, nil)))
		if err != nil {
			t.Fatal(err)
		}
		for range 2 { // made, then ready in the response cache
			pub.srv.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/en/", nil))
		}
		if got, want := strings.Count(buf.String(), "msg="+server.AccessLogMessage+" "), map[bool]int{true: 2, false: 0}[on]; got != want {
			t.Errorf("access log %v: %d lines, want %d:\n%s", on, got, want, buf.String())
		}
	}
}
