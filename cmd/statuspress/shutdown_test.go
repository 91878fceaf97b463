package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"statuspress/internal/testsupport"
)

// These tests run the real binary, as a container runtime or systemd does: signals, exit codes
// and the log are what is checked.

// process is a running `statuspress serve`.
type process struct {
	cmd    *exec.Cmd
	base   string // http://127.0.0.1:PORT
	addr   string
	dir    string // the content directory
	log    *lockedBuffer
	exited chan struct{}
	err    error // cmd.Wait's, once exited is closed
}

// buildStatuspress builds the binary from the module root, as the e2e tests do.
func buildStatuspress(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "statuspress")
	build := exec.Command("go", "build", "-o", bin, "./cmd/statuspress")
	build.Dir = "../.."
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// freeAddr is a loopback address that was free a moment ago.
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// startProcess copies the sample content, lets setup (if not nil) change it, and serves it with the
// binary; extra flags are added to serve's. The process is killed when the test ends if it is still
// running.
func startProcess(t *testing.T, bin string, setup func(dir string), flags ...string) *process {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../../incidents")); err != nil {
		t.Fatal(err)
	}
	if setup != nil {
		setup(dir)
	}
	return serveDir(t, bin, dir, flags...)
}

// serveDir serves the content directory dir with the binary, as startProcess does.
func serveDir(t *testing.T, bin, dir string, flags ...string) *process {
	t.Helper()
	addr := freeAddr(t)
	args := append([]string{"serve", "--addr", addr, "--content", dir, "--now", "2026-11-23T12:00:00Z"}, flags...)
	p := &process{cmd: exec.Command(bin, args...), base: "http://" + addr, addr: addr, dir: dir, log: &lockedBuffer{}, exited: make(chan struct{})}
	p.cmd.Stdout, p.cmd.Stderr = p.log, p.log
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { p.err = p.cmd.Wait(); close(p.exited) }()
	t.Cleanup(func() {
		select {
		case <-p.exited:
		default:
			p.cmd.Process.Kill()
			<-p.exited
		}
		if t.Failed() {
			t.Logf("server log, requests left out:\n%s", tail(withoutRequests(p.log.String()), 3000))
		}
	})
	waitFor(t, "the server answers", func() bool {
		select {
		case <-p.exited:
			t.Fatalf("the server exited: %v", p.err)
		default:
		}
		resp, err := http.Get(p.base + "/readyz")
		if err != nil {
			return false
		}
		resp.Body.Close()
		return resp.StatusCode == http.StatusOK
	})
	return p
}

func (p *process) signal(t *testing.T, sig os.Signal) {
	t.Helper()
	if err := p.cmd.Process.Signal(sig); err != nil {
		t.Fatal(err)
	}
}

// smallWindowDial connects with a receive buffer set small before the handshake, so the server can
// send little before the client reads.
func smallWindowDial(addr string) (net.Conn, error) {
	d := net.Dialer{Control: func(_, _ string, c syscall.RawConn) error {
		var serr error
		err := c.Control(func(fd uintptr) { serr = syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_RCVBUF, 2048) })
		return errors.Join(err, serr)
	}}
	return d.Dial("tcp", addr)
}

// hammerResult is what the load saw around the signal.
type hammerResult struct {
	before, after atomic.Int64 // requests answered, started before and after the signal
	refused       atomic.Int64 // connections refused once the server stopped listening
	dropped       atomic.Int64 // requests sent after the signal on a connection being closed
	lostAtSignal  atomic.Int64 // requests sent just before the signal, not yet read by the server
	mu            sync.Mutex
	failures      []string
}

func (r *hammerResult) fail(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.failures) < 20 {
		r.failures = append(r.failures, fmt.Sprintf(format, args...))
	}
}

// TestGracefulShutdown: under load, SIGTERM lets requests in flight finish, refuses new
// connections, and the process exits 0 within the 10 s drain, saying it stopped.
func TestGracefulShutdown(t *testing.T) {
	testsupport.Slow(t)
	if testing.Short() {
		t.Skip("builds and runs the binary: skipped with -short")
	}
	// A page of some 5 MB, more than the socket buffers hold: its body is 1 MB of ampersands, each
	// written as &amp;.
	p := startProcess(t, buildStatuspress(t), func(dir string) {
		writeFile(t, filepath.Join(dir, "2026", "huge.md"), freshIncident("A huge incident")+strings.Repeat("&", 1000_000)+"\n")
	})

	// A request in flight when the signal comes: a large page asked for uncompressed by a client
	// that reads slowly, so the handler is still writing it.
	slow, err := smallWindowDial(p.addr)
	if err != nil {
		t.Fatal(err)
	}
	defer slow.Close()
	if _, err := io.WriteString(slow, "GET /en/incidents/huge/ HTTP/1.1\r\nHost: "+p.addr+"\r\nAccept-Encoding: identity\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	slowReader := bufio.NewReaderSize(slow, 512)
	first, err := slowReader.ReadString('\n')
	if err != nil || !strings.Contains(first, "200") {
		t.Fatalf("the slow request: %q, %v", first, err)
	}

	// Clients hammering the server.
	var signalled atomic.Int64 // UnixNano of the signal; 0 before
	res := &hammerResult{}
	stop := make(chan struct{})
	var clients sync.WaitGroup
	paths := []string{"/en/", "/nl/", "/en/incidents/rest-api-errors/", "/en/feed.atom", "/api/v2/summary.json", "/en/history/"}
	for i := range 8 {
		clients.Go(func() {
			rnd := rand.New(rand.NewPCG(uint64(i), 7))
			client := &http.Client{Timeout: 15 * time.Second}
			for {
				select {
				case <-stop:
					return
				default:
				}
				path := paths[rnd.IntN(len(paths))]
				started := time.Now().UnixNano()
				beforeSignal := signalled.Load() == 0
				resp, err := client.Get(p.base + path)
				if err != nil {
					sig := signalled.Load()
					switch {
					case errors.Is(err, syscall.ECONNREFUSED):
						// After the signal, new connections are refused: that is the point. A request
						// sent on a kept-alive connection the server closed as idle is retried by the
						// client on a new one, and refused too.
						res.refused.Add(1)
						time.Sleep(5 * time.Millisecond)
					case sig == 0:
						res.fail("GET %s, before the signal: %v", path, err)
					case started >= sig:
						res.dropped.Add(1) // sent on a connection the server was closing
					case sig-started < int64(250*time.Millisecond):
						// Sent just before the signal on a new connection, but not yet read by the
						// server: net/http drops such a request unanswered once Shutdown began.
						res.lostAtSignal.Add(1)
						t.Logf("GET %s, sent %v before the signal, unanswered: %v", path, time.Duration(sig-started), err)
					default:
						res.fail("GET %s, sent %v before the signal: %v", path, time.Duration(sig-started), err)
					}
					continue
				}
				body, err := io.ReadAll(resp.Body)
				resp.Body.Close()
				switch {
				case err != nil:
					res.fail("GET %s: %d, the body cut off: %v", path, resp.StatusCode, err)
				case resp.StatusCode >= 500:
					res.fail("GET %s: %d\n%.300s", path, resp.StatusCode, body)
				case resp.StatusCode != http.StatusOK:
					res.fail("GET %s: %d", path, resp.StatusCode)
				}
				if beforeSignal {
					res.before.Add(1)
				} else {
					res.after.Add(1)
				}
			}
		})
	}
	time.Sleep(700 * time.Millisecond)
	signalled.Store(time.Now().UnixNano())
	sent := time.Now()
	p.signal(t, syscall.SIGTERM)

	// New connections are refused while the request in flight holds the process up.
	waitFor(t, "new connections refused after SIGTERM", func() bool {
		c, err := net.DialTimeout("tcp", p.addr, time.Second)
		if err != nil {
			return true
		}
		c.Close()
		return false
	})
	time.Sleep(300 * time.Millisecond)
	close(stop)
	clients.Wait()
	select {
	case <-p.exited:
		t.Fatalf("the process exited (%v) with a request still in flight", p.err)
	default:
	}

	// The request in flight completes, whole, read slowly.
	slow.SetReadDeadline(time.Now().Add(8 * time.Second))
	resp, err := http.ReadResponse(bufio.NewReader(io.MultiReader(strings.NewReader(first), slowReader)), nil)
	if err != nil {
		t.Fatalf("the request in flight: %v", err)
	}
	var body []byte
	buf := make([]byte, 32<<10)
	for {
		n, err := resp.Body.Read(buf)
		body = append(body, buf[:n]...)
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("the request in flight, after %d bytes: %v", len(body), err)
		}
		time.Sleep(time.Millisecond)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || int64(len(body)) != resp.ContentLength || !strings.HasSuffix(strings.TrimSpace(string(body)), "</html>") {
		t.Errorf("the request in flight: %d, %d bytes of %d", resp.StatusCode, len(body), resp.ContentLength)
	} else {
		t.Logf("the request in flight completed after the signal: %d bytes", len(body))
	}

	select {
	case <-p.exited:
		t.Logf("exited %v after SIGTERM", time.Since(sent).Round(time.Millisecond))
	case <-time.After(11*time.Second - time.Since(sent)):
		t.Fatalf("still running 11 s after SIGTERM")
	}
	if p.err != nil {
		t.Errorf("exit: %v, want status 0", p.err)
	}
	if c, err := net.DialTimeout("tcp", p.addr, time.Second); err == nil {
		c.Close()
		t.Errorf("a connection was accepted after the process exited")
	}
	if log := p.log.String(); !strings.Contains(log, "msg=stopped") {
		t.Errorf("the log does not say the server stopped:\n%s", tail(log, 2000))
	}

	t.Logf("answered: %d before the signal, %d after it; refused: %d; dropped after the signal: %d; lost at the signal: %d",
		res.before.Load(), res.after.Load(), res.refused.Load(), res.dropped.Load(), res.lostAtSignal.Load())
	for _, f := range res.failures {
		t.Error(f)
	}
	if res.before.Load() < 20 {
		t.Errorf("only %d requests answered before the signal: no load", res.before.Load())
	}
}

// TestShutdownDrainBound: a client that stops reading does not hold the process beyond the drain:
// it exits within ~10 s of SIGTERM, logging the unfinished shutdown.
func TestShutdownDrainBound(t *testing.T) {
	testsupport.Slow(t)
	if testing.Short() {
		t.Skip("builds and runs the binary and waits out the 10 s drain: skipped with -short")
	}
	t.Parallel()
	p := startProcess(t, buildStatuspress(t), nil)
	// Many pipelined requests for a large page, never read: the server blocks writing the answers
	// once the socket buffers are full, with its 30 s write timeout far away.
	stuck, err := smallWindowDial(p.addr)
	if err != nil {
		t.Fatal(err)
	}
	defer stuck.Close()
	go io.WriteString(stuck, strings.Repeat("GET /en/ HTTP/1.1\r\nHost: x\r\nAccept-Encoding: identity\r\n\r\n", 400))
	time.Sleep(500 * time.Millisecond)
	sent := time.Now()
	p.signal(t, syscall.SIGTERM)
	select {
	case <-p.exited:
	case <-time.After(13 * time.Second):
		t.Fatal("still running 13 s after SIGTERM")
	}
	took := time.Since(sent)
	t.Logf("exited %v after SIGTERM: %v", took.Round(time.Millisecond), p.err)
	if took > 11*time.Second {
		t.Errorf("took %v to exit, beyond the 10 s drain", took)
	}
	if took < 9*time.Second {
		t.Logf("the stuck client did not hold the drain (exited after %v): the check is weaker than meant", took)
	} else if !strings.Contains(p.log.String(), "msg=shutdown") {
		t.Errorf("a drain cut short is not logged")
	}
}

// TestSIGHUP: with watching off, a change shows only once SIGHUP says so; SIGINT stops cleanly.
func TestSIGHUP(t *testing.T) {
	testsupport.Slow(t)
	if testing.Short() {
		t.Skip("builds and runs the binary: skipped with -short")
	}
	p := startProcess(t, buildStatuspress(t), nil, "--watch", "off")
	page := p.base + "/en/incidents/rest-api-errors/"
	edit(t, filepath.Join(p.dir, "2026", "rest-api-errors.md"), "title: Errors and slow", "title: Reloaded on SIGHUP, errors and slow")
	time.Sleep(500 * time.Millisecond)
	if _, body := get(t, page); strings.Contains(body, "Reloaded on SIGHUP") {
		t.Fatalf("with --watch off, a change went live without SIGHUP")
	}
	p.signal(t, syscall.SIGHUP)
	waitFor(t, "SIGHUP reloads", func() bool {
		_, body := get(t, page)
		return strings.Contains(body, "Reloaded on SIGHUP")
	})
	if log := p.log.String(); !strings.Contains(log, "msg=published reason=SIGHUP") {
		t.Errorf("the log does not record the SIGHUP reload:\n%s", tail(log, 2000))
	}
	// A second SIGHUP with nothing changed is harmless.
	p.signal(t, syscall.SIGHUP)
	waitFor(t, "a second SIGHUP", func() bool { return strings.Count(p.log.String(), "reason=SIGHUP") == 2 })
	if code, _ := get(t, page); code != http.StatusOK {
		t.Errorf("after a second SIGHUP: %d", code)
	}

	sent := time.Now()
	p.signal(t, os.Interrupt)
	select {
	case <-p.exited:
		t.Logf("exited %v after SIGINT", time.Since(sent).Round(time.Millisecond))
	case <-time.After(11 * time.Second):
		t.Fatal("still running 11 s after SIGINT")
	}
	if p.err != nil {
		t.Errorf("exit after SIGINT: %v, want status 0", p.err)
	}
	if !strings.Contains(p.log.String(), "msg=stopped") {
		t.Errorf("the log does not say the server stopped")
	}
}
