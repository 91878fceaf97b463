package main

import (
	"net/http"
	"net/http/pprof"

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
