package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"syscall"
	"time"

	"statuspress/internal/server"
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
	notify    notifyConfig
	// server, when set, adds to the server's configuration what Main made before it (the
	// notifications' state for /readyz).
	server func(*server.Config)
}

func parseServe(args []string, stderr io.Writer) (serveConfig, error) {
	var cfg serveConfig
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	content := contentFlag(fs)
	fs.StringVar(&cfg.addr, "addr", env("STATUSPRESS_ADDR", ":8080"), "`host:port` to listen on (STATUSPRESS_ADDR)")
	baseURL := baseURLFlag(fs)
	fs.StringVar(&cfg.watch, "watch", env("STATUSPRESS_WATCH", "notify"), "how to notice content changes: notify (inotify), poll (for mounts where inotify does not work) or off; SIGHUP always reloads (STATUSPRESS_WATCH)")
	fs.StringVar(&cfg.logFormat, "log-format", env("STATUSPRESS_LOG_FORMAT", "text"), "log `format`: text or json (STATUSPRESS_LOG_FORMAT)")
	// The access log is on by default: one line per request is what operators expect to find.
	// Behind a proxy or CDN that logs, turn it off: in a surge its lines cost up to a tenth of
	// the throughput, and /metrics counts requests by route and status either way.
	accessLog := fs.String("access-log", env("STATUSPRESS_ACCESS_LOG", "on"), "log a line per request: on or off; off behind a proxy that logs; /metrics counts requests either way (STATUSPRESS_ACCESS_LOG)")
	fs.StringVar(&cfg.debugAddr, "debug-addr", env("STATUSPRESS_DEBUG_ADDR", ""), "serve Go's profiler (/debug/pprof/) and /readyz with every content problem listed on this `host:port`, such as 127.0.0.1:6060; keep it private (STATUSPRESS_DEBUG_ADDR)")
	checkNotify := notifyFlags(fs, &cfg.notify)
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
	cfg.content = *content
	var err error
	if cfg.now, err = parseNow(*now); err != nil {
		return cfg, err
	}
	if cfg.baseURL, err = checkBaseURL(*baseURL); err != nil {
		return cfg, err
	}
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
	if err := checkNotify(); err != nil {
		return cfg, err
	}
	if cfg.debugAddr != "" {
		if _, _, err := net.SplitHostPort(cfg.debugAddr); err != nil {
			return cfg, fmt.Errorf("--debug-addr %q: give a host:port such as 127.0.0.1:6060", cfg.debugAddr)
		}
	}
	return cfg, nil
}

// serve runs Main until SIGINT or SIGTERM. What goes wrong once the flags are read is logged, not
// returned: the log is where an operator looks.
func serve(args []string, std stdio) error {
	cfg, err := parseServe(args, std.err)
	if err != nil {
		return usageError(err)
	}
	out := newLogOutput(std.err)
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
		return errReported
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	select {
	case err := <-m.Failed():
		m.Close()
		log.Error("server stopped", "err", err)
		return errReported
	case <-ctx.Done():
	}
	if err := m.Close(); err != nil {
		log.Error("shutdown", "err", err)
		return errReported
	}
	log.Info("stopped")
	return nil
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
