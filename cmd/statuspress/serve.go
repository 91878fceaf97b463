package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"statuspress/internal/watch"
)

// serveConfig is everything `serve` is told, by flag or by STATUSPRESS_* variable.
type serveConfig struct {
	content   string
	addr      string
	baseURL   string
	now       time.Time
	watch     string
	logFormat string
	accessLog bool
	debugAddr string
}

func parseServe(args []string, stderr io.Writer) (serveConfig, error) {
	var cfg serveConfig
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&cfg.content, "content", env("STATUSPRESS_CONTENT", "incidents"), "content `directory` with site.yaml and incidents (STATUSPRESS_CONTENT)")
	fs.StringVar(&cfg.addr, "addr", env("STATUSPRESS_ADDR", ":8080"), "`host:port` to listen on (STATUSPRESS_ADDR)")
	fs.StringVar(&cfg.baseURL, "base-url", env("STATUSPRESS_BASE_URL", ""), "public `URL` of the site, overriding site.yaml's base_url (STATUSPRESS_BASE_URL)")
	fs.StringVar(&cfg.watch, "watch", env("STATUSPRESS_WATCH", "notify"), "how to notice content changes: notify (inotify), poll (for mounts where inotify does not work) or off; SIGHUP always reloads (STATUSPRESS_WATCH)")
	fs.StringVar(&cfg.logFormat, "log-format", env("STATUSPRESS_LOG_FORMAT", "text"), "log `format`: text or json (STATUSPRESS_LOG_FORMAT)")
	// The access log is on by default: one line per request is what operators expect to find.
	// Behind a proxy or CDN that logs, turn it off: in a surge its lines cost up to a tenth of
	// the throughput, and /metrics counts requests by route and status either way.
	accessLog := fs.String("access-log", env("STATUSPRESS_ACCESS_LOG", "on"), "log a line per request: on or off; off behind a proxy that logs; /metrics counts requests either way (STATUSPRESS_ACCESS_LOG)")
	fs.StringVar(&cfg.debugAddr, "debug-addr", env("STATUSPRESS_DEBUG_ADDR", ""), "serve Go's profiler (/debug/pprof/) and /readyz with every content problem listed on this `host:port`, such as 127.0.0.1:6060; keep it private (STATUSPRESS_DEBUG_ADDR)")
	now := fs.String("now", env("STATUSPRESS_NOW", ""), "serve the site as it is at this RFC 3339 `time` (a fixed clock for previews and tests; STATUSPRESS_NOW)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: statuspress serve [flags]")
		fmt.Fprintln(stderr)
		fmt.Fprintln(stderr, "Serves the status site from a content directory. Every flag can also be set by the")
		fmt.Fprintln(stderr, "environment variable named after it.")
		fmt.Fprintln(stderr)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return cfg, err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return cfg, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	if *now != "" {
		t, err := time.Parse(time.RFC3339, *now)
		if err != nil {
			return cfg, fmt.Errorf("--now %q is not an RFC 3339 time such as 2026-11-23T12:00:00Z", *now)
		}
		cfg.now = t
	}
	if cfg.baseURL != "" && !strings.HasPrefix(cfg.baseURL, "http://") && !strings.HasPrefix(cfg.baseURL, "https://") {
		return cfg, fmt.Errorf("--base-url %q must start with http:// or https://", cfg.baseURL)
	}
	cfg.baseURL = strings.TrimSuffix(cfg.baseURL, "/")
	if cfg.logFormat != "text" && cfg.logFormat != "json" {
		return cfg, fmt.Errorf("--log-format %q: use text or json", cfg.logFormat)
	}
	switch *accessLog {
	case "on":
		cfg.accessLog = true
	case "off":
	default:
		return cfg, fmt.Errorf("--access-log %q: use on or off", *accessLog)
	}
	switch watch.Mode(cfg.watch) {
	case watch.Notify, watch.Poll, watch.Off:
	default:
		return cfg, fmt.Errorf("--watch %q: use notify, poll or off", cfg.watch)
	}
	if cfg.debugAddr != "" {
		if _, _, err := net.SplitHostPort(cfg.debugAddr); err != nil {
			return cfg, fmt.Errorf("--debug-addr %q: give a host:port such as 127.0.0.1:6060", cfg.debugAddr)
		}
	}
	return cfg, nil
}

func env(name, def string) string {
	if v, ok := os.LookupEnv(name); ok {
		return v
	}
	return def
}

func serve(args []string, stdout, stderr io.Writer) int {
	cfg, err := parseServe(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		fmt.Fprintf(stderr, "statuspress serve: %v\n", err)
		return 2
	}
	out := newLogOutput(stderr)
	defer out.Flush()
	var handler slog.Handler = slog.NewTextHandler(out, nil)
	if cfg.logFormat == "json" {
		handler = slog.NewJSONHandler(out, nil)
	}
	log := slog.New(out.handler(handler))
	m := &Main{Config: cfg, Log: log, FirstLoadGC: os.Getenv("GOGC") == "" && os.Getenv("GOMEMLIMIT") == ""}
	if err := m.Run(context.Background()); err != nil {
		m.Close()
		log.Error("cannot start", "err", err)
		return 1
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	select {
	case err := <-m.Failed():
		m.Close()
		log.Error("server stopped", "err", err)
		return 1
	case <-ctx.Done():
	}
	if err := m.Close(); err != nil {
		log.Error("shutdown", "err", err)
		return 1
	}
	log.Info("stopped")
	return 0
}

func displayAddr(a net.Addr) string {
	host, port, err := net.SplitHostPort(a.String())
	if err != nil {
		return a.String()
	}
	if host == "" || host == "::" || host == "0.0.0.0" {
		host = "localhost"
	}
	return net.JoinHostPort(host, port)
}
