package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"

	"statuspress/internal/notify/config"
	"statuspress/internal/notify/dispatch"
	"statuspress/internal/watch"
)

// drainTimeout is how long Close lets requests in flight finish before it cuts their connections.
const drainTimeout = 10 * time.Second

// Main is the program `serve` runs: the publisher over the content, the watcher and SIGHUP that
// drive it, the site's HTTP server and the --debug-addr listener. It owns every goroutine it
// starts: Close stops each one and returns only when they have all returned, so nothing outlives
// it, a publish under way included. serve is flags, a logger and signals around it; tests run it
// as it is.
type Main struct {
	Config serveConfig
	Log    *slog.Logger
	// FirstLoadGC tunes the collector for the first load (gc.go); serve sets it unless the
	// operator set GOGC or GOMEMLIMIT. It changes process-wide settings, so tests leave it off.
	FirstLoadGC bool

	pub     *publisher
	notify  *notifications // nil when serve sends no notifications
	watcher *watch.Watcher
	hup     chan os.Signal
	site    *http.Server
	debug   *http.Server
	addr    net.Addr // the site's listener, once Run listens
	failed  chan error

	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup

	closeOnce sync.Once
	closeErr  error
}

// Run loads the content, starts following its changes and serving it, and returns once the site
// is served, or with the error that kept it from starting; either way Close stops what it
// started. Ending ctx stops the background work (the follow loop), not the servers.
func (m *Main) Run(ctx context.Context) error {
	m.ctx, m.cancel = context.WithCancel(ctx)
	m.failed = make(chan error, 1)
	var (
		channels *config.Config
		mailer   dispatch.Mailer
	)
	if m.Config.notify.enabled() {
		n, ch, ml, err := openNotifications(m.ctx, m.Config.notify, m.Log)
		if err != nil {
			return err
		}
		m.notify, channels, mailer = n, ch, ml
		m.Config.server = n.configure
	}
	restoreGC := func() {}
	if m.FirstLoadGC {
		restoreGC = firstLoadGC(firstLoadLimit, firstLoadLiveMax)
	}
	pub, err := newPublisher(m.Config, m.Log)
	restoreGC()
	if err != nil {
		return err
	}
	m.pub = pub
	if m.notify != nil {
		if err := m.notify.start(m, channels, mailer); err != nil {
			return err
		}
	}
	if m.Config.debugAddr != "" {
		ln, err := net.Listen("tcp", m.Config.debugAddr)
		if err != nil {
			return fmt.Errorf("--debug-addr: %w", err)
		}
		// No write timeout: a CPU profile or trace takes as long as it is asked to.
		m.debug = &http.Server{Handler: debugHandler(pub.srv), ReadHeaderTimeout: 5 * time.Second}
		url := "http://" + displayAddr(ln.Addr())
		m.Log.Info("profiler", "url", url+"/debug/pprof/", "readiness", url+"/readyz")
		m.wg.Go(func() {
			if err := m.debug.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
				m.Log.Error("profiler stopped", "err", err)
			}
		})
	}
	w, err := watch.New(m.Config.content, watch.Options{Mode: watch.Mode(m.Config.watch), OnError: func(err error) { m.Log.Warn("watch", "err", err) }})
	if err != nil {
		return fmt.Errorf("watch the content: %w", err)
	}
	m.watcher = w
	m.hup = make(chan os.Signal, 1)
	signal.Notify(m.hup, syscall.SIGHUP)
	if watch.Mode(m.Config.watch) == watch.Notify {
		// Notifications can be lost without a word (a folder that could not be watched): look at
		// everything now and then. Polling looks at everything anyway.
		pub.rescan = rescanInterval
	}
	m.Go(func(ctx context.Context) { pub.follow(ctx, w.Changes(), m.hup) })
	ln, err := net.Listen("tcp", m.Config.addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", m.Config.addr, err)
	}
	m.addr = ln.Addr()
	m.site = &http.Server{
		Handler:           pub.srv,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       120 * time.Second,
	}
	m.Log.Info("serving", "url", "http://"+displayAddr(ln.Addr()), "content", m.Config.content)
	m.wg.Go(func() {
		if err := m.site.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
			m.failed <- err
		}
	})
	return nil
}

// Go runs f in a goroutine that Close stops, by ending ctx, and waits for. Background work of the
// program starts here.
func (m *Main) Go(f func(ctx context.Context)) {
	m.wg.Go(func() { f(m.ctx) })
}

// Failed delivers the error of a site server that stopped by itself (its listener failed).
func (m *Main) Failed() <-chan error { return m.failed }

// Addr is the address the site is served on, once Run has started serving it.
func (m *Main) Addr() net.Addr { return m.addr }

// Close stops everything Run started and waits for it. The site stops listening at once and lets
// requests in flight finish for up to drainTimeout; past that their connections are cut and the
// error says so. A publish under way finishes first. Close may be called after Run failed, and
// more than once.
func (m *Main) Close() error {
	m.closeOnce.Do(func() { m.closeErr = m.close() })
	return m.closeErr
}

func (m *Main) close() error {
	if m.cancel == nil {
		return nil // never run
	}
	m.cancel()
	if m.hup != nil {
		signal.Stop(m.hup)
	}
	var err error
	if m.site != nil {
		drain, cancel := context.WithTimeout(context.Background(), drainTimeout)
		defer cancel()
		if err = m.site.Shutdown(drain); err != nil {
			// Requests still unfinished: their handlers end once their connections are closed.
			m.site.Close()
		}
	}
	if m.debug != nil {
		m.debug.Close()
	}
	m.wg.Wait()
	if m.watcher != nil {
		m.watcher.Close()
	}
	if m.notify != nil {
		// Deliveries under way get what is left of the drain time to finish; one cut short is
		// sent again after the restart (the queue keeps it).
		stop, cancel := context.WithTimeout(context.Background(), drainTimeout)
		defer cancel()
		if cerr := m.notify.close(stop); cerr != nil {
			err = errors.Join(err, fmt.Errorf("notifications: %w", cerr))
		}
	}
	return err
}
