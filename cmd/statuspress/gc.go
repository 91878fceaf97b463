package main

import (
	"math"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"time"
)

// serveGCPercent is the garbage collector's GOGC for serve, unless the operator sets GOGC: the
// heap is nearly all snapshot, which lives until the next reload, and answering allocates next to
// nothing, so collecting when the heap has grown by half rather than doubled costs little and
// keeps the memory near what the site keeps (README, Performance).
const serveGCPercent = 50

// The first load makes some 16 times the content's size in garbage (goldmark's syntax trees, the
// files' bytes) while the heap it keeps grows from nothing, and at GOGC 50 the collector ran over
// and over while the heap was still small. firstLoadGC collects only when the heap nears
// firstLoadLimit instead: a start at 10,000 incidents takes a tenth less CPU, with the same peak
// memory (some 210 MB). A site whose live heap outgrows firstLoadLiveMax would have the collector
// running without a pause under that limit: at that point it goes back to GOGC 50. Neither is
// done when the operator sets GOGC or GOMEMLIMIT.
const (
	firstLoadLimit   = 200 << 20
	firstLoadLiveMax = 140 << 20
)

// firstLoadGC sets the collector for the first load (see above) and returns what sets it back to
// serveGCPercent with no memory limit. It watches the live heap while the load runs, and sets the
// collector back itself when the heap outgrows liveMax; restore returns once the watching has.
func firstLoadGC(limit, liveMax int64) (restore func()) {
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(limit)
	var once sync.Once
	back := func() {
		once.Do(func() {
			debug.SetMemoryLimit(math.MaxInt64)
			debug.SetGCPercent(serveGCPercent)
		})
	}
	done, watched := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(watched)
		t := time.NewTicker(10 * time.Millisecond)
		defer t.Stop()
		live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		for {
			select {
			case <-done:
				return
			case <-t.C:
			}
			metrics.Read(live)
			if live[0].Value.Uint64() > uint64(liveMax) {
				back()
				return
			}
		}
	}()
	var stop sync.Once
	return func() {
		stop.Do(func() { close(done) })
		<-watched
		back()
	}
}
