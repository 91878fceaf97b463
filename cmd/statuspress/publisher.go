package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"maps"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	"statuspress/internal/content"
	"statuspress/internal/locale"
	"statuspress/internal/server"
	"statuspress/internal/site"
	"statuspress/internal/watch"
	"statuspress/locales"
)

// publisher loads the content and publishes a new snapshot on every change.
type publisher struct {
	cfg    serveConfig
	log    *slog.Logger
	loader *content.Loader
	// open opens the content directory by its path. Every full load opens it anew, so a directory
	// moved away and back, or replaced, is read where it is now; files is the last one opened.
	open    func() (fs.FS, error)
	files   fs.FS
	locales *locale.Catalog
	clock   func() time.Time
	srv     *server.Server
	mu      sync.Mutex
	logged  map[string]bool // the problems already logged, so each is logged once
	// lost is set while the content directory cannot be read: every load is a full one then.
	lost bool
	// rescan, when set, is how often follow walks the whole content directory, in case a change
	// was missed.
	rescan time.Duration
}

// rescanInterval is how often serve walks the whole content directory in notify mode: about 100 ms
// of work at 10,000 incidents, and a new snapshot only when something was missed.
const rescanInterval = 10 * time.Minute

// openContent opens the content directory dir by its path, confined (content.OpenDir): it is
// called for every full load, since the descriptor it holds would follow a directory that was
// moved away, and the directory now at the path is the one to read.
func openContent(dir string) (fs.FS, error) {
	info, err := os.Stat(dir)
	if err != nil {
		return nil, err
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("%s is not a directory", dir)
	}
	return content.OpenDir(dir)
}

// openSite opens what a command that publishes the site starts from: the content directory and
// the words of the four languages.
func openSite(dir string) (fs.FS, *locale.Catalog, error) {
	files, err := openContent(dir)
	if err != nil {
		return nil, nil, contentMissing(dir, err)
	}
	cat, err := locale.Load(locales.FS)
	if err != nil {
		return nil, nil, err
	}
	return files, cat, nil
}

// contentMissing is the error of a content directory that cannot be opened at the start.
func contentMissing(dir string, err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("content directory %s not found; pass --content DIR", dir)
	}
	return fmt.Errorf("content directory %s: %w; pass --content DIR", dir, err)
}

// newPublisher loads the content and builds the first snapshot and the server. Problems of
// incident files are logged, not fatal: broken files are left out and everything else is served.
// A site.yaml with errors is fatal at the start, since there is no good one to keep yet and a
// site of defaults (no languages but one, times in UTC) is not the site that was described.
func newPublisher(cfg serveConfig, log *slog.Logger) (*publisher, error) {
	files, cat, err := openSite(cfg.content)
	if err != nil {
		return nil, err
	}
	p := &publisher{cfg: cfg, log: log, open: func() (fs.FS, error) { return openContent(cfg.content) }, files: files,
		locales: cat, clock: time.Now, logged: map[string]bool{}}
	if !cfg.now.IsZero() {
		p.clock = func() time.Time { return cfg.now }
	}
	p.loader = content.NewLoader(p.files, content.Options{Now: time.Now})
	start := time.Now()
	snap, err := p.build()
	if err != nil {
		return nil, err
	}
	srvCfg := server.Config{Now: p.clock, Logger: log, AccessLog: cfg.accessLog, TrustedProxies: cfg.notify.trustedProxies}
	if cfg.server != nil {
		cfg.server(&srvCfg)
	}
	p.srv = server.New(snap, srvCfg)
	p.srv.ObserveBuild(time.Since(start))
	return p, nil
}

// unusable says why a first load cannot be served, or nil: site.yaml has errors, or the content
// directory could not be read.
func unusable(c *content.Catalog) error {
	var lines []string
	for _, pr := range c.Problems {
		if pr.Severity == content.Error && (pr.Path == content.SiteFile || pr.Path == ".") {
			lines = append(lines, pr.String())
		}
	}
	if lines == nil {
		return nil
	}
	// One mistake (a language left out) can make dozens of errors; each was logged already.
	const shown = 5
	more := ""
	if len(lines) > shown {
		more = fmt.Sprintf("; and %d more", len(lines)-shown)
		lines = lines[:shown]
	}
	return fmt.Errorf("the site cannot be made of this content until these are fixed (statuspress lint lists every problem): %s%s", strings.Join(lines, "; "), more)
}

// newServer is the server over the content as it is now, for commands that serve it once.
func newServer(cfg serveConfig, log *slog.Logger) (*server.Server, error) {
	p, err := newPublisher(cfg, log)
	if err != nil {
		return nil, err
	}
	return p.srv, nil
}

// build loads all of the content and makes the first snapshot of it.
func (p *publisher) build() (*site.Snapshot, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	c := p.load(nil, true)
	if err := unusable(c); err != nil {
		return nil, err
	}
	return site.Build(p.files, c, p.locales, site.Options{BaseURL: p.cfg.baseURL}, time.Now()), nil
}

// load reads the content again where it changed (paths), or all of it, and logs what is new among
// its problems. A full load opens the directory anew; while it cannot be read, every load is a
// full one, so the content comes back as soon as the directory does.
func (p *publisher) load(paths []string, all bool) *content.Catalog {
	var c *content.Catalog
	switch {
	case all || p.lost:
		files, err := p.open()
		if err != nil {
			c = p.loader.Lost(err)
			break
		}
		p.files = files
		c = p.loader.LoadFS(files)
	default:
		c = p.loader.LoadChanged(paths)
	}
	p.lost = c.Lost
	seen := map[string]bool{}
	for _, pr := range c.Problems {
		line := pr.String()
		seen[line] = true
		if p.logged[line] {
			continue
		}
		level := slog.LevelError
		if pr.Severity == content.Warning {
			level = slog.LevelWarn
		}
		p.log.Log(context.Background(), level, "content", "problem", line)
	}
	p.logged = seen
	p.log.Info("content loaded", "files", c.Files, "incidents", len(c.Incidents), "errors", c.Problems.Errors(), "warnings", c.Problems.Warnings())
	return c
}

// follow publishes the content anew after every burst of changes, every SIGHUP and every rescan,
// until ctx ends.
func (p *publisher) follow(ctx context.Context, changes <-chan watch.Change, hup <-chan os.Signal) {
	var rescan <-chan time.Time
	if p.rescan > 0 {
		t := time.NewTicker(p.rescan)
		defer t.Stop()
		rescan = t.C
	}
	for {
		select {
		case <-ctx.Done():
			return
		case c := <-changes:
			p.publish("change", c.Paths, c.All)
		case <-hup:
			p.publish("SIGHUP", nil, true)
		case <-rescan:
			p.publish("rescan", nil, true)
		}
	}
}

// publish reads what changed at paths (all: everything), makes the snapshot of it from the one
// being served, reusing what did not change, and swaps it in; requests in flight finish with the
// old one. A change that is no change to the content (a file that came and went, a rescan that
// found nothing new) publishes nothing.
func (p *publisher) publish(why string, paths []string, all bool) {
	start := time.Now()
	p.mu.Lock()
	prev := p.srv.Snapshot()
	c := p.load(paths, all)
	if c == prev.Catalog || why == "rescan" && sameContent(c, prev.Catalog) {
		p.mu.Unlock()
		return
	}
	snap := site.Update(prev, c, time.Now())
	snap.Files = p.files // the directory as last opened, for the files of bundles
	p.srv.Swap(snap)
	p.mu.Unlock()
	d := time.Since(start)
	p.srv.ObserveBuild(d)
	p.log.Info("published", "reason", why, "paths", len(paths), "version", snap.Version, "duration", d)
}

// sameContent reports whether two catalogs load the same files with the same problems and serve
// the same bundle files (which the version, made of the incident files, does not count).
func sameContent(a, b *content.Catalog) bool {
	return a.Version == b.Version && a.Files == b.Files && slices.Equal(a.Problems, b.Problems) &&
		maps.EqualFunc(a.Assets, b.Assets, slices.Equal)
}
