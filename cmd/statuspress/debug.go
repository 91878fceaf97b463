package main

import (
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/pprof"
	"time"

	"statuspress/internal/server"
)

// debugHandler serves Go's profiler (CPU and heap profiles of a server under real load are what
// the Performance section of the README is made from) and /readyz with every content problem
// listed, which the public /readyz only counts. It is only ever served on the separate
// --debug-addr listener, never beside the site.
func debugHandler(srv *server.Server) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/readyz", srv.ReadinessDetails())
	mux.HandleFunc("/debug/pprof/", pprof.Index) // also serves heap, allocs, goroutine, block, mutex
	mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	return mux
}

// listenDebug starts the profiler's listener on addr. A profile, or the content problems, are
// asked for by whoever can reach it, so it belongs on a loopback or private address.
func listenDebug(addr string, log *slog.Logger, srv *server.Server) (*http.Server, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("--debug-addr: %w", err)
	}
	// No write timeout: a CPU profile or trace takes as long as it is asked to.
	hs := &http.Server{Handler: debugHandler(srv), ReadHeaderTimeout: 5 * time.Second}
	log.Info("profiler", "url", "http://"+displayAddr(ln.Addr())+"/debug/pprof/", "readiness", "http://"+displayAddr(ln.Addr())+"/readyz")
	go func() {
		if err := hs.Serve(ln); err != nil && err != http.ErrServerClosed {
			log.Error("profiler stopped", "err", err)
		}
	}()
	return hs, nil
}
