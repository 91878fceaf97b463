package main

import (
	"bytes"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"statuspress/internal/server"
)

// TestLogOutput: access log lines are written in batches, within logBatch; any other record is
// written at once, after the access lines before it.
func TestLogOutput(t *testing.T) {
	var buf syncBuffer
	out := newLogOutput(&buf)
	log := slog.New(out.handler(slog.NewTextHandler(out, nil)))

	log.Info(server.AccessLogMessage, "path", "/a")
	log.Info(server.AccessLogMessage, "path", "/b")
	if got := buf.String(); got != "" {
		t.Errorf("access lines written at once: %q", got)
	}
	log.Warn("content", "problem", "x")
	got := buf.String()
	a, b, w := strings.Index(got, "path=/a"), strings.Index(got, "path=/b"), strings.Index(got, "problem=x")
	if a < 0 || b < a || w < b {
		t.Errorf("after a warning, the log reads %q; want both access lines, then the warning", got)
	}

	log.Info(server.AccessLogMessage, "path", "/c")
	deadline := time.Now().Add(10 * logBatch)
	for !strings.Contains(buf.String(), "path=/c") {
		if time.Now().After(deadline) {
			t.Fatalf("an access line is still not written %v later", 10*logBatch)
		}
		time.Sleep(logBatch / 10)
	}
	log.With("k", "v").Info(server.AccessLogMessage, "path", "/d")
	if err := out.Flush(); err != nil || !strings.Contains(buf.String(), "k=v path=/d") {
		t.Errorf("Flush: %v, log %q", err, buf.String())
	}
}

// syncBuffer is a bytes.Buffer safe for the log's timer goroutine and the test's.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
