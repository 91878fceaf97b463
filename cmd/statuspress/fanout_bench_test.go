package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"statuspress/internal/testsupport/mailpit"
)

// BenchmarkReadDuringFanOut answers the overview while serve mails an update to 3,000
// subscribers through a real SMTP server (Mailpit), against the same server idle: notifying must
// not slow the pages. The answers come from the response cache either way, so what the fan-out
// takes is CPU on the same cores (the queue's workers, composing, SMTP, SQLite). It reports the
// mails sent while the timed loop ran, so a run that measured no fan-out shows it.
func BenchmarkReadDuringFanOut(b *testing.B) {
	for _, rate := range []string{"10", "200"} {
		for _, fanout := range []bool{false, true} {
			name := fmt.Sprintf("mail-rate=%s/idle", rate)
			if fanout {
				name = fmt.Sprintf("mail-rate=%s/fan-out", rate)
			}
			b.Run(name, func(b *testing.B) { benchReadDuringFanOut(b, rate, fanout) })
		}
	}
}

func benchReadDuringFanOut(b *testing.B, rate string, fanout bool) {
	mp := mailpit.Start(b)
	dir := b.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../../incidents")); err != nil {
		b.Fatal(err)
	}
	db := "sqlite:" + filepath.Join(b.TempDir(), "sp.db")
	seedSubscribers(b, db, 3000)
	cfg, err := parseServe([]string{"--content", dir, "--addr", "127.0.0.1:0", "--now", "2026-11-23T12:00:00Z",
		"--smtp", "smtp://" + mp.SMTPAddr, "--mail-from", "status@lumenmail.example", "--mail-rate", rate,
		"--db", db, "--notify-delay", "0s", "--access-log", "off", "--watch", "poll"}, io.Discard)
	if err != nil {
		b.Fatal(err)
	}
	m := &Main{Config: cfg, Log: slog.New(slog.DiscardHandler)}
	if err := m.Run(context.Background()); err != nil {
		b.Fatal(err)
	}
	defer m.Close()
	if fanout {
		writeFile(b, filepath.Join(dir, "2026", "fan-out.md"), fanOutIncident)
		deadline := time.Now().Add(20 * time.Second)
		for mp.Count(b) == 0 {
			if time.Now().After(deadline) {
				b.Fatal("no mail sent within 20 s")
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
	srv := m.pub.srv
	srv.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/en/", nil))
	before := mp.Count(b)
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			rec := httptest.NewRecorder()
			srv.ServeHTTP(rec, httptest.NewRequest("GET", "/en/", nil))
			if rec.Code != 200 {
				b.Errorf("overview: %d", rec.Code)
			}
		}
	})
	b.StopTimer()
	b.ReportMetric(float64(mp.Count(b)-before), "mails-sent")
}

const fanOutIncident = `---
title: Delayed campaign sending
kind: incident
impact: minor
components:
  mail-delivery: degraded_performance
started: 2026-11-23T11:50:00Z
updates:
  - at: 2026-11-23T11:55:00Z
    status: investigating
    text: Campaigns leave the queue later than planned.
---
`
