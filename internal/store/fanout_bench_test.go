package store

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// BenchmarkRecordEventFanOut records one event to n confirmed subscribers on SQLite: the event row
// and n delivery jobs in one transaction (the target: 100,000 queued in under 10 s, with
// memory flat). peak-heap-MB is the most heap in use while it runs, sampled every millisecond; it
// should not grow with n.
func BenchmarkRecordEventFanOut(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		b.Run(fmt.Sprintf("subscribers=%d", n), func(b *testing.B) {
			ctx := context.Background()
			now := time.Date(2026, 3, 14, 9, 0, 0, 0, time.UTC)
			st, err := Open(ctx, "sqlite:"+filepath.Join(b.TempDir(), "bench.db"), Options{Now: func() time.Time { return now }})
			if err != nil {
				b.Fatal(err)
			}
			defer st.Close(ctx)
			s := st.(*sqlStore[sqlTx])
			seedConfirmed(b, s, n)
			b.ResetTimer()
			var peak uint64
			i := 0
			cpu := cpuTime()
			for b.Loop() {
				i++
				stop := sampleHeap(&peak)
				rec, err := s.RecordEvent(ctx, Event{ID: fmt.Sprintf("update/%d", i), Webhooks: []string{"slack"}})
				stop()
				if err != nil {
					b.Fatal(err)
				}
				if rec.Emails != n {
					b.Fatalf("queued %d e-mails, want %d", rec.Emails, n)
				}
			}
			// The machine is shared: the CPU time this process spent tells more than the wall time
			// when others are busy.
			b.ReportMetric((cpuTime()-cpu).Seconds()/float64(b.N), "cpu-s/op")
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
		})
	}
}

type sqlTx = *sql.Tx

// seedConfirmed writes n confirmed subscribers straight into the tables, a tenth of them with a
// choice of components.
func seedConfirmed(b *testing.B, s *sqlStore[sqlTx], n int) {
	b.Helper()
	ctx := context.Background()
	err := s.b.inTx(ctx, func(_ sqlTx, q querier) error {
		for i := range n {
			id := newID()
			if _, err := q.exec(ctx, `INSERT INTO subscribers (id, address, address_key, language, state, created_at, confirmed_at)
				VALUES ($1, $2, $2, 'en', 'confirmed', $3, $3)`, id, fmt.Sprintf("s%d@example.org", i), s.clock()); err != nil {
				return err
			}
			if i%10 == 0 {
				if err := setComponents(ctx, q, id, []string{"api", "web"}); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
}

// cpuTime is the user and system time this process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// sampleHeap records the largest HeapInuse seen until stop is called.
func sampleHeap(peak *uint64) (stop func()) {
	var done atomic.Bool
	var wg sync.WaitGroup
	wg.Go(func() {
		var m runtime.MemStats
		for !done.Load() {
			runtime.ReadMemStats(&m)
			if m.HeapInuse > *peak {
				*peak = m.HeapInuse
			}
			time.Sleep(time.Millisecond)
		}
	})
	return func() { done.Store(true); wg.Wait() }
}
