package main

import (
	"bytes"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestHealthcheck(t *testing.T) {
	defer func(d time.Duration) { healthTimeout = d }(healthTimeout)
	healthTimeout = 500 * time.Millisecond

	release := make(chan struct{})
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/healthz":
			w.Write([]byte("ok\n"))
		case "/broken":
			http.Error(w, "down", http.StatusServiceUnavailable)
		case "/moved":
			http.Redirect(w, r, "/healthz", http.StatusFound)
		case "/slow":
			<-release
		}
	}))
	defer ts.Close()
	defer close(release)
	closed := httptest.NewServer(http.NotFoundHandler())
	closed.Close()

	for _, tc := range []struct {
		name string
		args []string
		want int
	}{
		{"200", []string{"--url", ts.URL + "/healthz"}, 0},
		{"503", []string{"--url", ts.URL + "/broken"}, 1},
		{"redirect", []string{"--url", ts.URL + "/moved"}, 1},
		{"no answer in time", []string{"--url", ts.URL + "/slow"}, 1},
		{"nobody listening", []string{"--url", closed.URL + "/healthz"}, 1},
		{"bad flag", []string{"--nope"}, 1},
		{"argument", []string{"extra"}, 1},
		{"help", []string{"-h"}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			start := time.Now()
			got := run(append([]string{"healthcheck"}, tc.args...), nil, &out, &errOut)
			if got != tc.want {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", got, tc.want, out.String(), errOut.String())
			}
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("took %v; the timeout is %v", d, healthTimeout)
			}
			if got == 1 && tc.name != "bad flag" && !strings.Contains(errOut.String(), "unhealthy") && tc.name != "argument" {
				t.Errorf("stderr does not say why: %q", errOut.String())
			}
		})
	}
}

// Without --url, healthcheck asks the port serve listens on, taken from STATUSPRESS_ADDR as in
// the container image.
func TestHealthcheckDefaultURL(t *testing.T) {
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/healthz" {
			http.NotFound(w, r)
		}
	}))
	defer ts.Close()
	_, port, _ := net.SplitHostPort(ts.Listener.Addr().String())
	t.Setenv("STATUSPRESS_ADDR", ":"+port)
	var out, errOut bytes.Buffer
	if code := run([]string{"healthcheck"}, nil, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
}

func TestHealthURL(t *testing.T) {
	for addr, want := range map[string]string{
		":8080":          "http://127.0.0.1:8080/healthz",
		"0.0.0.0:9000":   "http://127.0.0.1:9000/healthz",
		"[::]:9000":      "http://127.0.0.1:9000/healthz",
		"127.0.0.2:8081": "http://127.0.0.2:8081/healthz",
		"[::1]:8081":     "http://[::1]:8081/healthz",
		"status.lan:80":  "http://status.lan:80/healthz",
		"garbage":        "http://127.0.0.1:8080/healthz",
	} {
		if got := healthURL(addr); got != want {
			t.Errorf("healthURL(%q) = %q, want %q", addr, got, want)
		}
	}
}

func TestVersion(t *testing.T) {
	defer func(v string) { version = v }(version)
	version = "1.4.0"
	for _, args := range [][]string{{"version"}, {"--version"}, {"-version"}} {
		var out, errOut bytes.Buffer
		if code := run(args, nil, &out, &errOut); code != 0 {
			t.Errorf("%v: exit %d: %s", args, code, errOut.String())
		}
		if got := out.String(); got != "statuspress 1.4.0\n" {
			t.Errorf("%v printed %q", args, got)
		}
	}
	var out, errOut bytes.Buffer
	if code := run([]string{"version", "extra"}, nil, &out, &errOut); code != 2 {
		t.Errorf("version with an argument: exit %d, want 2", code)
	}
	// -h asks for the usage, as with every other command: exit 0.
	if out.Reset(); run([]string{"version", "-h"}, nil, &out, &errOut) != 0 || out.Len() != 0 {
		t.Errorf("version -h: want exit 0 and nothing on stdout, got %q", out.String())
	}
	// No command at all is called wrongly, like an unknown one: usage on stderr, exit 2.
	errOut.Reset()
	if out.Reset(); run(nil, nil, &out, &errOut) != 2 || out.Len() != 0 || !strings.Contains(errOut.String(), "Usage: statuspress <command>") {
		t.Errorf("no arguments: want exit 2 and the usage on stderr; stdout %q, stderr %q", out.String(), errOut.String())
	}
	if out.Reset(); run([]string{"help"}, nil, &out, &errOut) != 0 || !strings.Contains(out.String(), "healthcheck") || !strings.Contains(out.String(), "version") {
		t.Errorf("help does not list healthcheck and version:\n%s", out.String())
	}
}
