package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"
)

// healthTimeout is how long healthcheck waits for the whole answer.
var healthTimeout = 3 * time.Second

// healthcheck asks a running server whether it is up: exit 0 when GET --url answers 200 within
// healthTimeout, 1 otherwise, bad flags included (Docker reserves exit code 2). It is the
// container image's HEALTHCHECK, which has no shell, curl or wget.
func healthcheck(args []string, std stdio) error {
	stdout, stderr := std.out, std.err
	fs := flag.NewFlagSet("healthcheck", flag.ContinueOnError)
	fs.SetOutput(stderr)
	url := fs.String("url", healthURL(env("STATUSPRESS_ADDR", ":8080")),
		"the server's health `URL`; the default is /healthz on this machine at the port of STATUSPRESS_ADDR")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: statuspress healthcheck [--url URL]")
		fmt.Fprintln(stderr)
		fmt.Fprintf(stderr, "Exits 0 when the server answers 200 within %v, 1 otherwise. For container health checks.\n", healthTimeout)
		fmt.Fprintln(stderr)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return errReported // exit 1, not 2: Docker reserves 2
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return errReported
	}
	client := &http.Client{
		Timeout: healthTimeout,
		// The server itself, never a proxy from the environment; a redirect is not healthy.
		Transport:     &http.Transport{Proxy: nil, DisableKeepAlives: true},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	resp, err := client.Get(*url)
	if err != nil {
		return fmt.Errorf("unhealthy: %v", err)
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<20))
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("unhealthy: %s answered %s", *url, resp.Status)
	}
	if err != nil {
		return fmt.Errorf("unhealthy: reading the answer of %s: %v", *url, err)
	}
	fmt.Fprintf(stdout, "healthy: %s answered %s\n", *url, resp.Status)
	return nil
}

// healthURL is the /healthz URL of a server listening on addr, reached from the same machine:
// a wildcard host (":8080", "0.0.0.0:8080", "[::]:8080") is asked at 127.0.0.1.
func healthURL(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		host, port = "", "8080"
	}
	if ip := net.ParseIP(host); host == "" || ip != nil && ip.IsUnspecified() {
		host = "127.0.0.1"
	}
	return "http://" + net.JoinHostPort(host, port) + "/healthz"
}
