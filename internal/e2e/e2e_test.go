package e2e

import (
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/go-rod/rod"
	"github.com/go-rod/rod/lib/launcher"

	"statuspress/internal/testsupport"
)

const (
	// fixedNow is the clock the server runs on, so that every run renders the same pages.
	fixedNow = "2026-11-23T12:00:00Z"
	// chromiumBin is Debian's Chromium (apt-get install -y chromium). Rod is never allowed to
	// download a browser of its own.
	chromiumBin = "/usr/bin/chromium"
	// axeFile is axe-core as `npm ci --prefix internal/e2e` installs it, relative to this package.
	axeFile = "node_modules/axe-core/axe.min.js"

	// parallelism is how many pages are checked at once, each in its own tab of one browser.
	parallelism = 2
	// pageTimeout bounds everything done with one page: load, checks, axe, screenshot.
	pageTimeout = 60 * time.Second
)

var languages = []string{"en", "nl", "fr", "de"}

// pageType is a kind of page, with a sample URL of it in the sample content.
type pageType struct {
	name   string // in subtest and screenshot names
	path   string // the URL path, with %s for the language
	status int    // the HTTP status the page is served with
	about  string // what the page is, for the reader of a failure
}

var pageTypes = []pageType{
	{"overview", "/%s/", http.StatusOK, "overview: banner, ongoing incident, components with uptime strips"},
	{"incident-mobile-sdk-400-errors", "/%s/incidents/mobile-sdk-400-errors/", http.StatusOK,
		"incident; the French text is a machine translation"},
	{"incident-soap-api-storing", "/%s/incidents/soap-api-storing/", http.StatusOK,
		"incident written in Dutch, translated to English; French and German show the Dutch original"},
	{"incident-webhook-delays", "/%s/incidents/webhook-delays/", http.StatusOK,
		"incident with an image from its bundle, written in English, translated to Dutch"},
	{"incident-database-upgrade-december", "/%s/incidents/database-upgrade-december/", http.StatusOK,
		"upcoming maintenance"},
	{"incident-api-fehlerbenachrichtigung", "/%s/incidents/api-fehlerbenachrichtigung/", http.StatusOK,
		"notice written in German, translated to English; Dutch and French show the German original"},
	{"history", "/%s/history/", http.StatusOK, "history by month"},
	{"component-rest-api", "/%s/components/rest-api/", http.StatusOK, "component page with an uptime strip"},
	{"404", "/%s/nope/", http.StatusNotFound, "not-found page"},
}

type viewport struct {
	name          string
	width, height int
	mobile        bool
}

var (
	desktop = viewport{"desktop", 1280, 900, false}
	phone   = viewport{"phone", 360, 740, true}
)

// pageCase is one page load: a page type in a language at a viewport, in light or dark mode,
// with or without JavaScript.
type pageCase struct {
	lang string
	page pageType
	vp   viewport
	dark bool
	noJS bool
}

// name is the subtest's name and the screenshot's file name without .png:
// <lang>-<page>-<viewport>[-dark|-nojs].
func (c pageCase) name() string {
	n := c.lang + "-" + c.page.name + "-" + c.vp.name
	if c.dark {
		n += "-dark"
	}
	if c.noJS {
		n += "-nojs"
	}
	return n
}

func cases() []pageCase {
	var cs []pageCase
	for _, p := range pageTypes {
		for _, vp := range []viewport{desktop, phone} {
			for _, lang := range languages {
				cs = append(cs, pageCase{lang: lang, page: p, vp: vp})
			}
		}
	}
	overview, incident, notFound := pageTypes[0], pageTypes[1], pageTypes[len(pageTypes)-1]
	cs = append(cs,
		pageCase{lang: "en", page: overview, vp: desktop, dark: true},
		pageCase{lang: "fr", page: incident, vp: desktop, dark: true},
		pageCase{lang: "en", page: overview, vp: phone, dark: true},
		pageCase{lang: "nl", page: overview, vp: phone, dark: true},
		pageCase{lang: "de", page: notFound, vp: phone, dark: true},
	)
	return cs
}

// TestBrowser starts the server and one browser, checks that the checks catch what they are
// for (subtest "selftest") and that the site has an icon (subtest "icon"), loads the overview
// without JavaScript (subtest "nojs"), then every kind of page in every language at both
// viewports (subtests "page/<lang>-<page>-<viewport>[-dark]", two at a time).
func TestBrowser(t *testing.T) {
	testsupport.Slow(t)
	if testing.Short() {
		t.Skip("browser test: skipped with -short")
	}
	e := setUp(t)
	t.Run("selftest", e.selfTest)
	t.Run("icon", e.checkIcon)
	t.Run("nojs", func(t *testing.T) {
		e.checkNoJS(t, pageCase{lang: "en", page: pageTypes[0], vp: desktop, noJS: true})
	})
	t.Run("page", func(t *testing.T) {
		sem := make(chan struct{}, parallelism)
		for _, c := range cases() {
			t.Run(c.name(), func(t *testing.T) {
				t.Parallel()
				sem <- struct{}{}
				defer func() { <-sem }()
				e.checkPage(t, c)
			})
		}
	})
	e.checkServerLog(t)
}

// env is what the subtests share: the server and the browser.
type env struct {
	root    string // module root
	base    string // http://127.0.0.1:PORT
	shots   string // testoutput/e2e
	axe     string // axe-core's source
	browser *rod.Browser
	log     *syncBuffer // the server's output
	now     string      // the server's clock, RFC 3339
}

// inCI reports whether the tests run in CI, where a missing browser or axe-core is a failure.
func inCI() bool {
	v := strings.ToLower(os.Getenv("CI"))
	return v != "" && v != "false" && v != "0"
}

// missing skips the test for a missing prerequisite, or fails it in CI.
func missing(t *testing.T, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...)
	if inCI() {
		t.Fatalf("%s (CI is set: a missing prerequisite is a failure there)", msg)
	}
	t.Skip(msg)
}

// setUp checks the prerequisites, builds and starts the server at the fixed clock and launches
// the browser; both are stopped when the test ends.
func setUp(t *testing.T) *env {
	t.Helper()
	return setUpAt(t, fixedNow)
}

// setUpAt is setUp with the server's clock at now (RFC 3339), for a test of a moment the fixed
// clock does not show.
func setUpAt(t *testing.T, now string) *env {
	t.Helper()
	needBrowser(t)
	axe, err := os.ReadFile(axeFile)
	if err != nil {
		missing(t, "axe-core is not installed (%v): run `npm ci --prefix internal/e2e` in the module root to run the browser tests", err)
	}
	e := startEnvAt(t, now)
	e.axe = string(axe)
	e.launchBrowser(t)
	return e
}

// needBrowser skips the test, or fails it in CI, when Debian's Chromium is missing.
func needBrowser(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(chromiumBin); err != nil {
		missing(t, "%s not found: install Debian's Chromium (apt-get install -y chromium) to run the browser tests", chromiumBin)
	}
}

// startEnv finds the module root, makes the screenshot folder and builds and starts the server
// at the fixed clock, which is stopped when the test ends. The tests that need a browser launch
// it next.
func startEnv(t *testing.T) *env {
	t.Helper()
	return startEnvAt(t, fixedNow)
}

// startEnvAt is startEnv with the server's clock at now.
func startEnvAt(t *testing.T, now string) *env {
	t.Helper()
	root := testsupport.ModuleRoot(t)
	e := &env{root: root, shots: filepath.Join(root, "testoutput", "e2e"), now: now}
	// Files are overwritten, not cleared first: another run (go test ./... in a second
	// terminal) may be writing here at the same time.
	if err := os.MkdirAll(e.shots, 0o755); err != nil {
		t.Fatal(err)
	}
	e.startServer(t)
	return e
}

// startServer builds cmd/statuspress and serves the sample content on a free loopback port,
// with the env's clock; the server is stopped when the test ends.
func (e *env) startServer(t *testing.T) {
	t.Helper()
	e.serve(t, buildBinary(t, e.root), freeAddr(t), "--now", e.now, "--content", filepath.Join(e.root, "incidents"))
}

// buildBinary builds cmd/statuspress into the test's temporary directory.
func buildBinary(t *testing.T, root string) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "statuspress")
	build := exec.Command("go", "build", "-o", bin, "./cmd/statuspress")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build ./cmd/statuspress: %v\n%s", err, out)
	}
	return bin
}

// freeAddr is a loopback host:port that was free a moment ago.
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// serve runs bin serve on addr with flags, and returns once /healthz answers; the server is
// stopped when the test ends.
func (e *env) serve(t *testing.T, bin, addr string, flags ...string) {
	t.Helper()
	e.base = "http://" + addr
	cmd := exec.Command(bin, append([]string{"serve", "--addr", addr}, flags...)...)
	cmd.Dir = e.root
	for _, kv := range os.Environ() { // flags only: no STATUSPRESS_* setting of the developer's
		if !strings.HasPrefix(kv, "STATUSPRESS_") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	e.log = &syncBuffer{}
	cmd.Stdout, cmd.Stderr = e.log, e.log
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan struct{})
	go func() { cmd.Wait(); close(exited) }()
	t.Cleanup(func() {
		cmd.Process.Signal(os.Interrupt)
		select {
		case <-exited:
		case <-time.After(5 * time.Second):
			cmd.Process.Kill()
			<-exited
		}
		if t.Failed() {
			t.Logf("server output:\n%s", e.log)
		}
	})

	client := &http.Client{Timeout: time.Second}
	deadline := time.Now().Add(30 * time.Second)
	for {
		select {
		case <-exited:
			t.Fatalf("statuspress serve exited before it was healthy:\n%s", e.log)
		default:
		}
		resp, err := client.Get(e.base + "/healthz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s/healthz not OK after 30s (last error: %v); server output:\n%s", e.base, err, e.log)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// launchBrowser starts Debian's Chromium, headless, with a fresh profile and nothing of its
// own going to the network; it is closed when the test ends.
func (e *env) launchBrowser(t *testing.T) {
	t.Helper()
	profile, err := os.MkdirTemp("", "statuspress-e2e-chromium-*")
	if err != nil {
		t.Fatal(err)
	}
	var out syncBuffer
	l := launcher.New().
		Bin(chromiumBin).
		NoSandbox(true).
		Headless(true).
		UserDataDir(profile).
		Set("disable-background-networking").
		Set("disable-component-update").
		Set("disable-gpu").
		Set("disable-quic").
		Set("disable-sync").
		Set("disable-extensions").
		Set("no-first-run").
		Set("no-default-browser-check").
		Set("hide-scrollbars").
		Set("mute-audio").
		Logger(&out)
	u, err := l.Launch()
	if err != nil {
		l.Kill()
		os.RemoveAll(profile)
		t.Fatalf("launch %s: %v\n%s", chromiumBin, err, &out)
	}
	b := rod.New().ControlURL(u)
	t.Cleanup(func() {
		if e.browser != nil {
			e.browser.Close()
		}
		done := make(chan struct{})
		go func() { l.Cleanup(); close(done) }() // waits for the browser to exit, removes the profile
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			l.Kill()
			<-done
		}
	})
	if err := b.Connect(); err != nil {
		t.Fatalf("connect to %s: %v", chromiumBin, err)
	}
	e.browser = b
}

// checkServerLog fails on every error the server logged (a request that failed with a 5xx, or
// content it could not load).
func (e *env) checkServerLog(t *testing.T) {
	t.Helper()
	for _, line := range strings.Split(e.log.String(), "\n") {
		if strings.Contains(line, "level=ERROR") {
			t.Errorf("server logged an error: %s", line)
		}
	}
}

// canaryServer serves, at /en/, a page with one of each problem the checks look for.
func canaryServer(t *testing.T) string {
	t.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("GET /en/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		// Like statuspress's own policy, but letting through the inline style and script the
		// canary needs; its data: image is refused.
		w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; img-src 'self'; connect-src 'self'")
		fmt.Fprint(w, canaryHTML)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv.URL
}

const canaryHTML = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Canary</title>
<link rel="stylesheet" href="/missing.css">
</head>
<body>
<main>
<h1>Canary</h1>
<p style="color: #c8c8c8; background: #fff">Text too pale to read.</p>
<img src="/missing.png">
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="Refused by the Content-Security-Policy">
<div class="too-wide" style="width: 2000px">Too wide for a phone.</div>
<script>console.error("canary console error");</script>
<script>throw new Error("canary exception");</script>
</main>
</body>
</html>
`

// syncBuffer is a buffer that a process's output and the tests can share.
type syncBuffer = testsupport.Buffer
