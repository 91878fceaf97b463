package main

import (
	"math"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"testing"
	"time"
)

// gcSettings reads GOGC and the memory limit without changing them.
func gcSettings() (gogc int64, limit int64) {
	s := []metrics.Sample{{Name: "/gc/gogc:percent"}, {Name: "/gc/gomemlimit:bytes"}}
	metrics.Read(s)
	return int64(s[0].Value.Uint64()), int64(s[1].Value.Uint64())
}

// keepGC puts the test process's collector settings back after the test.
func keepGC(t *testing.T) {
	gogc, limit := gcSettings()
	t.Cleanup(func() {
		debug.SetGCPercent(int(gogc))
		debug.SetMemoryLimit(limit)
	})
}

// TestFirstLoadGC: during the first load the collector runs by the memory limit alone; afterwards
// serve's GOGC is back and there is no limit.
func TestFirstLoadGC(t *testing.T) {
	keepGC(t)
	restore := firstLoadGC(300<<20, math.MaxInt64)
	// GOGC off reads as -1.
	if gogc, limit := gcSettings(); gogc != -1 || limit != 300<<20 {
		t.Errorf("during the load: GOGC %d, limit %d; want off and %d", gogc, limit, 300<<20)
	}
	restore()
	if gogc, limit := gcSettings(); gogc != serveGCPercent || limit != math.MaxInt64 {
		t.Errorf("after the load: GOGC %d, limit %d; want %d and none", gogc, limit, serveGCPercent)
	}
	restore() // twice does no harm
}

// TestFirstLoadGCGivesUp: a live heap past the ceiling puts GOGC back while the load still runs,
// so a large site does not spend its load collecting under a limit it cannot fit.
func TestFirstLoadGCGivesUp(t *testing.T) {
	keepGC(t)
	restore := firstLoadGC(300<<20, 1) // any live heap is too much
	defer restore()
	runtime.GC() // so the live heap is measured
	deadline := time.Now().Add(5 * time.Second)
	for {
		gogc, limit := gcSettings()
		if gogc == serveGCPercent && limit == math.MaxInt64 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("5 s after the live heap outgrew the ceiling: GOGC %d, limit %d; want %d and none", gogc, limit, serveGCPercent)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
