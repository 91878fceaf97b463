package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/netip"
	"net/url"
	"os"
	"strings"
	"time"

	"statuspress/internal/content"
	"statuspress/internal/export"
	"statuspress/internal/site"
)

// buildConfig is everything `build` is told.
type buildConfig struct {
	out     string
	content string
	baseURL string
	now     time.Time
	force   bool
	brotli  int
	// subscribeURL is the running statuspress the overviews' subscribe form posts to; empty: no form.
	subscribeURL string
}

func parseBuild(args []string, stderr io.Writer) (buildConfig, error) {
	var cfg buildConfig
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&cfg.out, "out", "", "output `directory` (required); written beside and renamed into place")
	content, baseURL := contentFlag(fs), baseURLFlag(fs)
	now := fs.String("now", "", "build the site as it is at this RFC 3339 `time` (default: now)")
	fs.BoolVar(&cfg.force, "force", false, "replace the output directory when it is not empty")
	fs.IntVar(&cfg.brotli, "brotli-quality", 11, "brotli `quality` of the .br copies, 1 (fast) to 11 (smallest)")
	subscribeURL := fs.String("subscribe-url", "", "the public `URL` of a running statuspress with e-mail subscriptions on; the overviews get\n"+
		"the subscribe form, posting there (its serve must trust this site's origin)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: statuspress build --out DIR [flags]")
		fmt.Fprintln(stderr)
		fmt.Fprintln(stderr, "Writes the whole site as static files for object storage or a CDN: every page in every")
		fmt.Fprintln(stderr, "language, the feeds, the API, the badges, the calendar and the assets, with .gz and .br")
		fmt.Fprintln(stderr, "copies, sitemap.xml and robots.txt. The site is the one `serve` shows at that instant;")
		fmt.Fprintln(stderr, "build again when the content changes and every few minutes for the uptime bars.")
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
	if cfg.out == "" {
		return cfg, errors.New("--out DIR is required")
	}
	if cfg.brotli < 1 || cfg.brotli > 11 {
		return cfg, fmt.Errorf("--brotli-quality %d is not between 1 and 11", cfg.brotli)
	}
	cfg.content = *content
	var err error
	if cfg.now, err = parseNow(*now); err != nil {
		return cfg, err
	}
	if cfg.now.IsZero() {
		cfg.now = time.Now()
	}
	if cfg.baseURL, err = checkBaseURL(*baseURL); err != nil {
		return cfg, err
	}
	if cfg.subscribeURL, err = checkSubscribeURL(*subscribeURL); err != nil {
		return cfg, err
	}
	return cfg, nil
}

// checkSubscribeURL returns the --subscribe-url without a final slash: the origin of a running
// statuspress (its subscription pages are at the root of its URLs), over https unless it is on
// this machine, since the form sends an e-mail address.
func checkSubscribeURL(s string) (string, error) {
	if s == "" {
		return "", nil
	}
	u, err := url.Parse(s)
	want := "want the public URL of a running statuspress, such as https://status.example.com"
	switch {
	case err != nil || u.Host == "" || u.Opaque != "":
		return "", fmt.Errorf("--subscribe-url %q: %s", s, want)
	case u.Scheme != "https" && !(u.Scheme == "http" && isLoopback(u.Hostname())):
		return "", fmt.Errorf("--subscribe-url %q: the form sends e-mail addresses, so it needs https:// (http:// only to this machine); %s", s, want)
	case u.User != nil || u.RawQuery != "" || u.Fragment != "" || u.ForceQuery || strings.Trim(u.Path, "/") != "":
		return "", fmt.Errorf("--subscribe-url %q: a server's address has no path, user, query or fragment; %s", s, want)
	}
	return u.Scheme + "://" + u.Host, nil
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip, err := netip.ParseAddr(host)
	return err == nil && ip.IsLoopback()
}

// build writes the static site. Problems of incident files are reported, not fatal, as in serve:
// broken files are left out and everything else is published. Errors in site.yaml are fatal.
func build(args []string, std stdio) error {
	cfg, err := parseBuild(args, std.err)
	if err != nil {
		return usageError(err)
	}
	start := time.Now()
	keep := []string{cfg.content}
	if wd, err := os.Getwd(); err == nil {
		keep = append(keep, wd)
	}
	if home, err := os.UserHomeDir(); err == nil {
		keep = append(keep, home)
	}
	wopt := export.WriteOptions{Force: cfg.force, Keep: keep}
	// Refuse a full output directory before the work, then write (which checks again).
	if err := export.CheckDir(cfg.out, wopt); err != nil {
		return buildFailed(err)
	}
	log := slog.New(slog.NewTextHandler(std.err, &slog.HandlerOptions{Level: slog.LevelWarn}))
	snap, err := loadStatic(cfg, log)
	if err != nil {
		return err
	}
	s, err := export.Render(snap, cfg.now, export.Options{BrotliQuality: cfg.brotli, SubscribeURL: cfg.subscribeURL})
	if err != nil {
		return err
	}
	if err := s.Write(cfg.out, wopt); err != nil {
		return buildFailed(err)
	}
	total := s.Total()
	copies := "compressed copy"
	if s.Compressed != 1 {
		copies = "compressed copies"
	}
	fmt.Fprintf(std.out, "statuspress build: wrote %s (%s in %s, %d %s), %s, to %s in %s\n",
		plural(total.Files, "file"), plural(s.Pages, "page"), plural(len(snap.Site.Languages), "language"), s.Compressed, copies, byteSize(total.Bytes), cfg.out,
		time.Since(start).Round(time.Millisecond))
	return nil
}

// buildFailed adds to an output directory's error what to do about it.
func buildFailed(err error) error {
	if errors.Is(err, export.ErrNotEmpty) {
		return fmt.Errorf("%w; pass --force to replace it", err)
	}
	return err
}

// loadStatic loads the content and builds a snapshot for static hosting at cfg.now. Like serve's
// first start, it refuses a site.yaml with errors: there is no last good one to build instead.
func loadStatic(cfg buildConfig, log *slog.Logger) (*site.Snapshot, error) {
	files, cat, err := openSite(cfg.content)
	if err != nil {
		return nil, err
	}
	c := content.Load(files, content.Options{})
	for _, p := range c.Problems {
		level := slog.LevelError
		if p.Severity == content.Warning {
			level = slog.LevelWarn
		}
		log.Log(context.Background(), level, "content", "problem", p.String())
	}
	if err := unusable(c); err != nil {
		return nil, err
	}
	return site.Build(files, c, cat, site.Options{BaseURL: cfg.baseURL, Static: true}, cfg.now), nil
}

// byteSize formats n bytes for people: 1.2 MB.
func byteSize(n int64) string {
	const unit = 1000
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit; m /= unit {
		div *= unit
		exp++
	}
	return fmt.Sprintf("%.1f %cB", float64(n)/float64(div), "kMGTPE"[exp])
}
