package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"statuspress/internal/server"
)

// TestDebugAddrSetting: --debug-addr is off unless given, takes a host:port, and refuses anything
// else with a hint.
func TestDebugAddrSetting(t *testing.T) {
	t.Setenv("STATUSPRESS_DEBUG_ADDR", "")
	for _, tc := range []struct {
		args []string
		want string
		err  bool
	}{
		{nil, "", false},
		{[]string{"--debug-addr", "127.0.0.1:6060"}, "127.0.0.1:6060", false},
		{[]string{"--debug-addr", "localhost:0"}, "localhost:0", false},
		{[]string{"--debug-addr", "6060"}, "", true},
	} {
		cfg, err := parseServe(tc.args, io.Discard)
		if (err != nil) != tc.err || err == nil && cfg.debugAddr != tc.want {
			t.Errorf("%v: debug address %q, error %v; want %q, error %v", tc.args, cfg.debugAddr, err, tc.want, tc.err)
		}
		if err != nil && !strings.Contains(err.Error(), "host:port") {
			t.Errorf("%v: error %q does not say what to give", tc.args, err)
		}
	}
}

// TestDebugHandler: the profiler's index, a heap profile and a short CPU profile are served.
func TestDebugHandler(t *testing.T) {
	srv := httptest.NewServer(debugHandler(server.New(nil, server.Config{})))
	defer srv.Close()
	for _, path := range []string{"/debug/pprof/", "/debug/pprof/heap?debug=1", "/debug/pprof/profile?seconds=1"} {
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || len(body) == 0 {
			t.Errorf("%s: %s, %d bytes", path, resp.Status, len(body))
		}
	}
	resp, err := http.Get(srv.URL + "/en/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("the profiler's listener answers /en/ with %s; it serves the profiler only", resp.Status)
	}
}
