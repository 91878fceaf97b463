package main

import (
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"statuspress/internal/watch"
)

// goroutines returns the stacks of the running goroutines by their first line
// ("goroutine 7 [select]:" without the state).
func goroutines() map[string]string {
	buf := make([]byte, 1<<20)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			buf = buf[:n]
			break
		}
		buf = make([]byte, 2*len(buf))
	}
	out := map[string]string{}
	for g := range strings.SplitSeq(string(buf), "\n\n") {
		id, _, _ := strings.Cut(g, " [")
		out[id] = g
	}
	return out
}

// started returns the stacks of the goroutines running now that were not in before, leaving out
// the signal package's own, which the first signal.Notify starts for good.
func started(before map[string]string) []string {
	var out []string
	for id, g := range goroutines() {
		if _, ok := before[id]; !ok && !strings.Contains(g, "os/signal.") {
			out = append(out, g)
		}
	}
	return out
}

// checkNoLeak fails unless every goroutine started since before has returned within a few
// seconds (a closed connection's goroutines in net/http return just after it is closed).
func checkNoLeak(t *testing.T, before map[string]string) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		left := started(before)
		if len(left) == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d goroutines left running 5 s after Close:\n\n%s", len(left), strings.Join(left, "\n\n"))
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// mainConfig serves a copy of the sample content on loopback ports of the system's choosing.
func mainConfig(t *testing.T, mode watch.Mode) serveConfig {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../../incidents")); err != nil {
		t.Fatal(err)
	}
	now, _ := time.Parse(time.RFC3339, "2026-11-23T12:00:00Z")
	return serveConfig{content: dir, addr: "127.0.0.1:0", debugAddr: "127.0.0.1:0", watch: string(mode), now: now}
}

// TestMainCloseJoins runs the program as serve does, in each watch mode, makes it serve pages,
// publish an edit and start a SIGHUP reload, and closes it at once: Close returns with no
// publish running, and nothing Run started outlives it.
func TestMainCloseJoins(t *testing.T) {
	for _, mode := range []watch.Mode{watch.Notify, watch.Poll, watch.Off} {
		t.Run(string(mode), func(t *testing.T) {
			cfg := mainConfig(t, mode)
			client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
			before := goroutines()
			logs := &lockedBuffer{}
			m := &Main{Config: cfg, Log: slog.New(slog.NewTextHandler(logs, nil))}
			if err := m.Run(context.Background()); err != nil {
				t.Fatal(err)
			}
			base := "http://" + m.Addr().String()
			for _, path := range []string{"/en/", "/api/v2/summary.json", "/readyz"} {
				resp, err := client.Get(base + path)
				if err != nil {
					t.Fatal(err)
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != http.StatusOK {
					t.Errorf("%s: %s", path, resp.Status)
				}
			}
			if mode != watch.Off {
				edit(t, filepath.Join(cfg.content, "2026", "rest-api-errors.md"), "title: ", "title: Edited — ")
				waitFor(t, "the edit published", func() bool { return strings.Contains(logs.String(), "msg=published reason=change") })
			}
			m.hup <- syscall.SIGHUP
			time.Sleep(time.Millisecond) // let the reload begin
			if err := m.Close(); err != nil {
				t.Fatalf("Close: %v", err)
			}
			// Joined, not merely told to stop: no publisher code runs once Close has returned.
			for _, g := range started(before) {
				if strings.Contains(g, "(*publisher).") {
					t.Errorf("the publisher still runs after Close:\n%s", g)
				}
			}
			checkNoLeak(t, before)
			if err := m.Close(); err != nil {
				t.Errorf("a second Close: %v", err)
			}
			if _, err := client.Get(base + "/healthz"); err == nil {
				t.Errorf("the site still answers after Close")
			}
		})
	}
}

// TestMainRunFails: when Run cannot start (the site's port is taken), what it started before is
// stopped by Close all the same.
func TestMainRunFails(t *testing.T) {
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	cfg := mainConfig(t, watch.Notify)
	cfg.addr = taken.Addr().String()
	before := goroutines()
	m := &Main{Config: cfg, Log: slog.New(slog.DiscardHandler)}
	if err := m.Run(context.Background()); err == nil || !strings.Contains(err.Error(), "listen on "+cfg.addr) {
		t.Errorf("Run: %v, want an error naming %s", err, cfg.addr)
	}
	if err := m.Close(); err != nil {
		t.Errorf("Close: %v", err)
	}
	checkNoLeak(t, before)
}

// TestMainFirstLoadGC: the collector's watch over the first load has returned by the time Run does.
func TestMainFirstLoadGC(t *testing.T) {
	keepGC(t)
	cfg := mainConfig(t, watch.Off)
	before := goroutines()
	m := &Main{Config: cfg, Log: slog.New(slog.DiscardHandler), FirstLoadGC: true}
	if err := m.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	for _, g := range started(before) {
		if strings.Contains(g, "firstLoadGC") {
			t.Errorf("the first load's collector watch still runs after Run:\n%s", g)
		}
	}
	if err := m.Close(); err != nil {
		t.Errorf("Close: %v", err)
	}
	checkNoLeak(t, before)
}
