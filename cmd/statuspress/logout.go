package main

import (
	"bufio"
	"context"
	"io"
	"log/slog"
	"sync"
	"time"

	"statuspress/internal/server"
)

// logOutput is serve's log output. The access log (a line per request) is written in batches,
// at most logBatch after its first unwritten line: at thousands of requests a second a write(2)
// per line costs a fifth of the throughput. Every other record is written at once, with the
// access lines before it, so the log keeps its order and says what happens when it happens.
type logOutput struct {
	mu    sync.Mutex
	w     *bufio.Writer
	timer *time.Timer
}

// logBatch is the longest an access log line waits to be written.
const logBatch = 100 * time.Millisecond

func newLogOutput(w io.Writer) *logOutput {
	o := &logOutput{w: bufio.NewWriterSize(w, 64<<10)}
	o.timer = time.AfterFunc(logBatch, func() { o.Flush() })
	o.timer.Stop()
	return o
}

func (o *logOutput) Write(p []byte) (int, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.w.Buffered() == 0 {
		o.timer.Reset(logBatch)
	}
	return o.w.Write(p)
}

// Flush writes whatever waits.
func (o *logOutput) Flush() error {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.timer.Stop()
	return o.w.Flush()
}

// handler wraps a handler that writes to o: it flushes o after every record but the access log's.
func (o *logOutput) handler(h slog.Handler) slog.Handler { return promptHandler{h, o} }

type promptHandler struct {
	slog.Handler
	out *logOutput
}

func (h promptHandler) Handle(ctx context.Context, r slog.Record) error {
	err := h.Handler.Handle(ctx, r)
	if r.Message != server.AccessLogMessage {
		if ferr := h.out.Flush(); err == nil {
			err = ferr
		}
	}
	return err
}

func (h promptHandler) WithAttrs(as []slog.Attr) slog.Handler {
	return promptHandler{h.Handler.WithAttrs(as), h.out}
}

func (h promptHandler) WithGroup(name string) slog.Handler {
	return promptHandler{h.Handler.WithGroup(name), h.out}
}
