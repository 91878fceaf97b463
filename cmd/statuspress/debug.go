package main

import (
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/pprof"
	"time"
)

// debugHandler serves Go's profiler: CPU and heap profiles of a server under real load are what
// the Performance section of the README is made from. It is only ever served on the separate
// --debug-addr listener, never beside the site.
func debugHandler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index) // also serves heap, allocs, goroutine, block, mutex
	mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	return mux
}

// listenDebug starts the profiler's listener on addr. A profile is asked for by whoever can reach
// it, so it belongs on a loopback or private address.
func listenDebug(addr string, log *slog.Logger) (*http.Server, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("--debug-addr: %w", err)
	}
	// No write timeout: a CPU profile or trace takes as long as it is asked to.
	hs := &http.Server{Handler: debugHandler(), ReadHeaderTimeout: 5 * time.Second}
	log.Info("profiler", "url", "http://"+displayAddr(ln.Addr())+"/debug/pprof/")
	go func() {
		if err := hs.Serve(ln); err != nil && err != http.ErrServerClosed {
			log.Error("profiler stopped", "err", err)
		}
	}()
	return hs, nil
}
