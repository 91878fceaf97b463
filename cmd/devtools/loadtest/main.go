// Command loadtest measures statuspress on this machine: it builds the binary, generates a
// synthetic content directory, starts the server, and measures with wrk on 127.0.0.1 the hot
// routes (the overview, an incident page, a feed with 200 and with 304, /api/v2/summary.json)
// side by side with a minimal net/http server that answers the same bytes from memory: the
// ceiling for a Go server here. The two take turns, round after round, and the report gives the
// medians, the ratios and the p99 latencies, and the CPU time each server takes per request (the
// ceiling's is the whole loadtest process's, which does little else meanwhile); besides, the time
// from start to serving, the peak resident memory (VmHWM) and how soon a one-file edit is
// visible. It is bounded (-timeout) and stops everything it started. The server inherits the
// environment, so STATUSPRESS_* variables configure it.
//
//	go run ./cmd/devtools/loadtest [-n 10000] [-rounds 3] [-duration 5s] [-connections 64] [-threads 2]
//
// wrk must be installed (Debian: apt-get install wrk). Run it on an otherwise idle machine: on a
// busy one req/s and p99 follow the other work, while the CPU ratio still compares the servers.
package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"statuspress/internal/testsupport"
	"statuspress/internal/testsupport/synthetic"
)

type config struct {
	n           int
	rounds      int
	duration    time.Duration
	connections int
	threads     int
	startups    int
	edits       int
	timeout     time.Duration
	keep        bool
	accessLog   string
}

func main() {
	var cfg config
	flag.IntVar(&cfg.n, "n", 10000, "`items` of synthetic content")
	flag.IntVar(&cfg.rounds, "rounds", 3, "rounds: each measures every route on statuspress, then on the ceiling")
	flag.DurationVar(&cfg.duration, "duration", 5*time.Second, "length of one wrk run")
	flag.IntVar(&cfg.connections, "connections", 64, "wrk connections")
	flag.IntVar(&cfg.threads, "threads", 2, "wrk threads")
	flag.IntVar(&cfg.startups, "startups", 3, "server starts to time (the median is reported)")
	flag.IntVar(&cfg.edits, "edits", 5, "one-file edits to time until the page shows them")
	flag.DurationVar(&cfg.timeout, "timeout", 20*time.Minute, "stop after this long, whatever is left")
	flag.BoolVar(&cfg.keep, "keep", false, "keep the working directory (binary, content, server log)")
	// Off by default here: a site that expects a surge runs behind a proxy or CDN that logs.
	flag.StringVar(&cfg.accessLog, "access-log", "off", "statuspress serve's --access-log: on or off")
	flag.Parse()
	ctx, cancel := context.WithTimeout(context.Background(), cfg.timeout)
	defer cancel()
	if err := run(ctx, cfg, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "loadtest:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, cfg config, out io.Writer) error {
	if _, err := exec.LookPath("wrk"); err != nil {
		return errors.New("wrk is not installed (Debian: apt-get install wrk)")
	}
	work, err := os.MkdirTemp("", "statuspress-loadtest-")
	if err != nil {
		return err
	}
	if cfg.keep {
		fmt.Fprintln(out, "working directory:", work)
	} else {
		defer os.RemoveAll(work)
	}

	step(out, "building statuspress")
	bin := filepath.Join(work, "statuspress")
	build := exec.CommandContext(ctx, "go", "build", "-o", bin, "./cmd/statuspress")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		return fmt.Errorf("go build: %w", err)
	}

	step(out, "generating %d items", cfg.n)
	dir := filepath.Join(work, "content")
	if err := os.Mkdir(dir, 0o755); err != nil {
		return err
	}
	// The content ends now, and the server runs on the real clock: pages age minute by minute, as
	// in production, and each new minute makes every answer afresh.
	now := time.Now().UTC().Truncate(time.Minute)
	if _, err := synthetic.Generate(synthetic.Config{N: cfg.n, Seed: synthetic.CorpusSeed, Now: now, Dir: dir}); err != nil {
		return err
	}
	inc, err := pickIncident(dir)
	if err != nil {
		return err
	}

	var startups, startupCPU []time.Duration
	var srv *server
	for i := range max(cfg.startups, 1) {
		if srv != nil {
			srv.stop()
		}
		step(out, "starting the server (%d of %d)", i+1, max(cfg.startups, 1))
		srv, err = start(ctx, bin, dir, cfg.accessLog, filepath.Join(work, "server.log"))
		if err != nil {
			return err
		}
		startups = append(startups, srv.startup)
		startupCPU = append(startupCPU, srv.startupCPU)
	}
	defer srv.stop()
	hwmStart := srv.peakRSS()

	targets := []target{
		{name: "overview", path: "/en/"},
		{name: "incident page", path: "/en/incidents/" + inc.slug + "/"},
		{name: "feed (RSS)", path: "/en/feed.rss"},
		{name: "feed, 304", path: "/en/feed.rss", conditional: true},
		{name: "summary.json", path: "/api/v2/summary.json"},
	}
	base := "http://" + srv.addr
	for i := range targets {
		if err := targets[i].fetch(base); err != nil {
			return err
		}
	}
	ceiling, err := startCeiling(targets)
	if err != nil {
		return err
	}
	defer ceiling.Close()

	for r := range cfg.rounds {
		for i := range targets {
			t := &targets[i]
			step(out, "round %d of %d: %s", r+1, cfg.rounds, t.name)
			for _, side := range []struct {
				base string
				into *[]result
				pid  int // whose CPU time the answers take
			}{{base, &t.server, srv.cmd.Process.Pid}, {"http://" + ceiling.addr, &t.ceiling, os.Getpid()}} {
				before := cpuTime(side.pid)
				res, err := wrk(ctx, cfg, side.base+t.path, t.headers())
				if err != nil {
					return err
				}
				if res.requests > 0 {
					res.cpu = (cpuTime(side.pid) - before) / time.Duration(res.requests)
				}
				*side.into = append(*side.into, res)
			}
		}
	}
	hwmLoad := srv.peakRSS()

	step(out, "timing %d one-file edits", cfg.edits)
	visible, err := editVisible(ctx, base, dir, inc, cfg.edits)
	if err != nil {
		return err
	}
	report(out, cfg, targets, startups, startupCPU, hwmStart, hwmLoad, visible)
	return nil
}

func step(out io.Writer, format string, args ...any) {
	fmt.Fprintf(out, "== "+format+"\n", args...)
}

// incidentFile is an incident of the generated content, for its page and for editing it.
type incidentFile struct {
	slug, rel string
}

// pickIncident chooses a resolved incident from the middle of the content: the same on every run
// with the same -n.
func pickIncident(dir string) (incidentFile, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.Count(filepath.Base(p), ".") == 1 && strings.HasSuffix(p, ".md") {
			files = append(files, p)
		}
		return err
	})
	if err != nil || len(files) == 0 {
		return incidentFile{}, fmt.Errorf("no incident files in %s: %v", dir, err)
	}
	slices.Sort(files)
	p := files[len(files)/2]
	rel, _ := filepath.Rel(dir, p)
	return incidentFile{slug: strings.TrimSuffix(filepath.Base(p), ".md"), rel: filepath.ToSlash(rel)}, nil
}

// server is a running statuspress.
type server struct {
	cmd     *exec.Cmd
	addr    string
	startup time.Duration
	// startupCPU is the CPU time the server had used when it first answered: steadier than the
	// wall-clock startup on a shared machine.
	startupCPU time.Duration
	log        *os.File
}

// start runs statuspress serve and waits until it answers the overview.
func start(ctx context.Context, bin, dir, accessLog, logPath string) (*server, error) {
	addr, err := freeAddr()
	if err != nil {
		return nil, err
	}
	log, err := os.Create(logPath)
	if err != nil {
		return nil, err
	}
	cmd := exec.CommandContext(ctx, bin, "serve", "--content", dir, "--addr", addr, "--access-log", accessLog)
	cmd.Stdout, cmd.Stderr = log, log
	began := time.Now()
	if err := cmd.Start(); err != nil {
		log.Close()
		return nil, err
	}
	s := &server{cmd: cmd, addr: addr, log: log}
	client := &http.Client{Timeout: time.Second}
	for deadline := began.Add(2 * time.Minute); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		if resp, err := client.Get("http://" + addr + "/en/"); err == nil {
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				s.startup = time.Since(began)
				s.startupCPU = cpuTime(cmd.Process.Pid)
				return s, nil
			}
		}
		if ctx.Err() != nil {
			break
		}
	}
	s.stop()
	return nil, fmt.Errorf("statuspress did not start serving; see %s", logPath)
}

func (s *server) stop() {
	s.cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan struct{})
	go func() { s.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(15 * time.Second):
		s.cmd.Process.Kill()
		<-done
	}
	s.log.Close()
}

// peakRSS is the process's peak resident set size so far (VmHWM), in bytes.
func (s *server) peakRSS() int64 {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", s.cmd.Process.Pid))
	if err != nil {
		return 0
	}
	for line := range strings.Lines(string(data)) {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return kb << 10
		}
	}
	return 0
}

func freeAddr() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}

// target is one URL under test, with what statuspress answered it (for the ceiling to repeat)
// and the results of both.
type target struct {
	name, path  string
	conditional bool // ask with If-None-Match: the answer is 304
	status      int
	header      http.Header
	body        []byte
	etag        string

	server, ceiling []result
}

// accept is what the load sends as Accept-Encoding: what browsers and proxies send.
const accept = "gzip"

func (t *target) headers() []string {
	h := []string{"Accept-Encoding: " + accept}
	if t.conditional {
		h = append(h, "If-None-Match: "+t.etag)
	}
	return h
}

// fetch takes statuspress's answer, in the encoding the load asks for.
func (t *target) fetch(base string) error {
	req, _ := http.NewRequest(http.MethodGet, base+t.path, nil)
	req.Header.Set("Accept-Encoding", accept)
	resp, err := http.DefaultTransport.RoundTrip(req) // as sent: no transparent decompression
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s: %s", t.path, resp.Status)
	}
	t.body, err = io.ReadAll(resp.Body)
	t.status, t.header, t.etag = resp.StatusCode, resp.Header.Clone(), resp.Header.Get("ETag")
	t.header.Del("Date")
	return err
}

// ceiling is the minimal server: every answer ready in memory, headers and all.
type ceiling struct {
	srv  *http.Server
	addr string
}

func startCeiling(targets []target) (*ceiling, error) {
	byPath := map[string]*target{}
	for i := range targets {
		byPath[targets[i].path] = &targets[i]
	}
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t := byPath[r.URL.Path]
		if t == nil {
			http.NotFound(w, r)
			return
		}
		hdr := w.Header()
		for k, v := range t.header {
			hdr[k] = v
		}
		if r.Header.Get("If-None-Match") == t.etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Write(t.body)
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	c := &ceiling{srv: &http.Server{Handler: h}, addr: ln.Addr().String()}
	go c.srv.Serve(ln)
	return c, nil
}

func (c *ceiling) Close() { c.srv.Close() }

// result is one wrk run.
type result struct {
	rps      float64
	p99      time.Duration
	requests int64
	// cpu is the CPU time the server took per request (user and system). Unlike req/s it hardly
	// depends on what else the machine is doing, so it compares the two servers on a busy machine.
	cpu time.Duration
}

// cpuTime is the CPU time process pid has taken so far (user and system).
func cpuTime(pid int) time.Duration { return testsupport.ProcessCPU(pid) }

var (
	reqRE = regexp.MustCompile(`(\d+) requests in`)
	rpsRE = regexp.MustCompile(`Requests/sec:\s+([0-9.]+)`)
	p99RE = regexp.MustCompile(`(?m)^\s+99%\s+([0-9.]+)(us|ms|s)\s*$`)
	errRE = regexp.MustCompile(`Non-2xx or 3xx responses: (\d+)|Socket errors: .*`)
)

func wrk(ctx context.Context, cfg config, url string, headers []string) (result, error) {
	args := []string{"-t", strconv.Itoa(cfg.threads), "-c", strconv.Itoa(cfg.connections),
		"-d", fmt.Sprintf("%ds", max(1, int(cfg.duration.Seconds()))), "--latency", "--timeout", "5s"}
	for _, h := range headers {
		args = append(args, "-H", h)
	}
	out, err := exec.CommandContext(ctx, "wrk", append(args, url)...).CombinedOutput()
	if err != nil {
		return result{}, fmt.Errorf("wrk %s: %v\n%s", url, err, out)
	}
	if m := errRE.FindString(string(out)); m != "" {
		return result{}, fmt.Errorf("wrk %s: %s\n%s", url, m, out)
	}
	rps, p99 := rpsRE.FindSubmatch(out), p99RE.FindSubmatch(out)
	if rps == nil || p99 == nil {
		return result{}, fmt.Errorf("wrk %s: cannot read its report:\n%s", url, out)
	}
	var r result
	r.rps, _ = strconv.ParseFloat(string(rps[1]), 64)
	if m := reqRE.FindSubmatch(out); m != nil {
		r.requests, _ = strconv.ParseInt(string(m[1]), 10, 64)
	}
	v, _ := strconv.ParseFloat(string(p99[1]), 64)
	unit := map[string]time.Duration{"us": time.Microsecond, "ms": time.Millisecond, "s": time.Second}[string(p99[2])]
	r.p99 = time.Duration(v * float64(unit))
	return r, nil
}

// editVisible edits the incident's title n times, each time measuring from the save until its
// page shows the new title: the file watcher's quiet period, the reload, the new snapshot and the
// first answer from it.
func editVisible(ctx context.Context, base, dir string, inc incidentFile, n int) ([]time.Duration, error) {
	edit, err := synthetic.EditTitle(dir, inc.rel)
	if err != nil {
		return nil, err
	}
	url := base + "/en/incidents/" + inc.slug + "/"
	client := &http.Client{Timeout: 5 * time.Second}
	var out []time.Duration
	for i := range n {
		time.Sleep(300 * time.Millisecond) // let the previous burst settle
		saved := time.Now()
		title, err := edit(i)
		if err != nil {
			return nil, err
		}
		for {
			resp, err := client.Get(url)
			if err != nil {
				return nil, err
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if bytes.Contains(body, []byte(title)) {
				out = append(out, time.Since(saved))
				break
			}
			if time.Since(saved) > 30*time.Second || ctx.Err() != nil {
				return nil, fmt.Errorf("the edit %q did not show on %s", title, url)
			}
			time.Sleep(2 * time.Millisecond)
		}
	}
	return out, nil
}

// median is the middle of xs, which is not empty.
func median[T int64 | float64 | time.Duration](xs []T) T {
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}

func report(out io.Writer, cfg config, targets []target, startups, startupCPU []time.Duration, hwmStart, hwmLoad int64, visible []time.Duration) {
	w := bufio.NewWriter(out)
	defer w.Flush()
	model := "unknown CPU"
	if data, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		if m := regexp.MustCompile(`(?m)^model name\s*:\s*(.*)$`).FindSubmatch(data); m != nil {
			model = string(m[1])
		}
	}
	fmt.Fprintf(w, "\n%d items; %s, %d cores, %s; wrk -t%d -c%d, %d rounds of %s, Accept-Encoding: %s\n\n",
		cfg.n, model, runtime.NumCPU(), runtime.Version(), cfg.threads, cfg.connections, cfg.rounds, cfg.duration, accept)
	if cfg.rounds == 0 {
		targets = nil // nothing was measured: no table
	} else {
		fmt.Fprintln(w, "| route | bytes | statuspress req/s | ceiling req/s | ratio | statuspress p99 | ceiling p99 | CPU per request | ceiling's | CPU ratio |")
		fmt.Fprintln(w, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
	}
	for _, t := range targets {
		srps, crps := medianOf(t.server, rps), medianOf(t.ceiling, rps)
		size := strconv.Itoa(len(t.body))
		if t.conditional {
			size = "304"
		}
		scpu, ccpu := medianOf(t.server, cpu), medianOf(t.ceiling, cpu)
		fmt.Fprintf(w, "| %s | %s | %.0f | %.0f | %.2f | %s | %s | %s | %s | %.2f |\n", t.name, size, srps, crps, srps/crps,
			round(medianOf(t.server, p99)), round(medianOf(t.ceiling, p99)), scpu.Round(100*time.Nanosecond), ccpu.Round(100*time.Nanosecond),
			float64(ccpu)/float64(max(scpu, 1)))
	}
	var feed200, feed304 *target
	for i := range targets {
		if targets[i].path == "/en/feed.rss" {
			if targets[i].conditional {
				feed304 = &targets[i]
			} else {
				feed200 = &targets[i]
			}
		}
	}
	if feed200 != nil && feed304 != nil {
		fmt.Fprintf(w, "\nfeed 304 on statuspress / feed 200 on the ceiling: %.2f\n", medianOf(feed304.server, rps)/medianOf(feed200.ceiling, rps))
	}
	fmt.Fprintf(w, "startup to serving the overview: median %s of %s\n", round(median(startups)), roundAll(startups))
	fmt.Fprintf(w, "CPU time to serving the overview: median %s of %s\n", round(median(startupCPU)), roundAll(startupCPU))
	fmt.Fprintf(w, "peak RSS (VmHWM): %d MB after startup, %d MB after the load\n", hwmStart>>20, hwmLoad>>20)
	if len(visible) > 0 {
		fmt.Fprintf(w, "one-file edit visible on its page: median %s of %s\n", round(median(visible)), roundAll(visible))
	}
}

// medianOf is the median of one figure of a side's results.
func medianOf[T int64 | float64 | time.Duration](rs []result, figure func(result) T) T {
	xs := make([]T, len(rs))
	for i, r := range rs {
		xs[i] = figure(r)
	}
	return median(xs)
}

func rps(r result) float64       { return r.rps }
func p99(r result) time.Duration { return r.p99 }
func cpu(r result) time.Duration { return r.cpu }

func round(d time.Duration) time.Duration {
	switch {
	case d >= time.Second:
		return d.Round(10 * time.Millisecond)
	case d >= time.Millisecond:
		return d.Round(10 * time.Microsecond)
	}
	return d.Round(time.Microsecond)
}

func roundAll(ds []time.Duration) string {
	s := make([]string, len(ds))
	for i, d := range ds {
		s[i] = round(d).String()
	}
	return strings.Join(s, ", ")
}
