package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"statuspress/internal/content"
	"statuspress/internal/locale"
	"statuspress/internal/server"
	"statuspress/internal/site"
	"statuspress/locales"
)

// serveConfig is everything `serve` is told, by flag or by STATUSPRESS_* variable.
type serveConfig struct {
	content string
	addr    string
	baseURL string
	now     time.Time
}

func parseServe(args []string, stderr io.Writer) (serveConfig, error) {
	var cfg serveConfig
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&cfg.content, "content", env("STATUSPRESS_CONTENT", "incidents"), "content `directory` with site.yaml and incidents (STATUSPRESS_CONTENT)")
	fs.StringVar(&cfg.addr, "addr", env("STATUSPRESS_ADDR", ":8080"), "`host:port` to listen on (STATUSPRESS_ADDR)")
	fs.StringVar(&cfg.baseURL, "base-url", env("STATUSPRESS_BASE_URL", ""), "public `URL` of the site, overriding site.yaml's base_url (STATUSPRESS_BASE_URL)")
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
	log := slog.New(slog.NewTextHandler(stderr, nil))
	srv, err := newServer(cfg, log)
	if err != nil {
		log.Error("cannot start", "err", err)
		return 1
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	ln, err := net.Listen("tcp", cfg.addr)
	if err != nil {
		log.Error("cannot listen", "addr", cfg.addr, "err", err)
		return 1
	}
	hs := &http.Server{
		Handler:           srv,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       120 * time.Second,
	}
	log.Info("serving", "url", "http://"+displayAddr(ln.Addr()), "content", cfg.content)
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		log.Error("server stopped", "err", err)
		return 1
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := hs.Shutdown(shutdown); err != nil {
		log.Error("shutdown", "err", err)
		return 1
	}
	log.Info("stopped")
	return 0
}

// newServer loads the content and builds the first snapshot. Content problems are logged, not
// fatal: broken files are left out and everything else is served.
func newServer(cfg serveConfig, log *slog.Logger) (*server.Server, error) {
	info, err := os.Stat(cfg.content)
	if err != nil || !info.IsDir() {
		return nil, fmt.Errorf("content directory %s not found; pass --content DIR", cfg.content)
	}
	cat, err := locale.Load(locales.FS)
	if err != nil {
		return nil, err
	}
	clock := time.Now
	if !cfg.now.IsZero() {
		clock = func() time.Time { return cfg.now }
	}
	files := os.DirFS(cfg.content)
	loaded := clock()
	c := content.Load(files, content.Options{})
	for _, p := range c.Problems {
		level := slog.LevelError
		if p.Severity == content.Warning {
			level = slog.LevelWarn
		}
		log.Log(context.Background(), level, "content", "problem", p.String())
	}
	log.Info("content loaded", "files", c.Files, "incidents", len(c.Incidents), "errors", c.Problems.Errors(), "warnings", c.Problems.Warnings())
	snap := site.Build(files, c, cat, site.Options{BaseURL: cfg.baseURL}, loaded)
	return server.New(snap, server.Config{Now: clock, Logger: log}), nil
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
