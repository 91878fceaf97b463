package e2e

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/go-rod/rod"
	"github.com/go-rod/rod/lib/proto"

	"statuspress/internal/testsupport"
)

// widgetScripts are the scripts testdata/widget.html loads, by the path the page asks for them,
// as `npm ci --prefix internal/e2e` installs them: Atlassian's status widget. (Not the web
// components polyfills its README loads first: Chromium needs none.)
var widgetScripts = map[string]string{
	"/js/status-widget.js": "node_modules/@statuspage/status-widget/dist/index.js",
}

const (
	widgetPage = "testdata/widget.html"
	// widgetTimeout bounds the wait for a widget to show a status once its page has loaded.
	widgetTimeout = 20 * time.Second
	// browserLanguages is what Chromium sends as Accept-Language unless told otherwise: the
	// widget's request carries it, so the expected status is asked for with it too.
	browserLanguages = "en-US,en;q=0.9"
)

// widgetServer serves testdata/widget.html and the widget's scripts on a loopback port of its
// own: another origin than statuspress's, as on a site that embeds the widget, so the widget's
// request to the API is a cross-origin one that only CORS lets the page read.
func widgetServer(t *testing.T) string {
	t.Helper()
	files := map[string]string{"/widget.html": widgetPage}
	for path, file := range widgetScripts {
		if _, err := os.Stat(file); err != nil {
			missing(t, "%s is not installed (%v): run `npm ci --prefix internal/e2e` in the module root to run the widget test", file, err)
		}
		files[path] = file
	}
	mux := http.NewServeMux()
	for path, file := range files {
		mux.HandleFunc("GET "+path, func(w http.ResponseWriter, r *http.Request) {
			http.ServeFile(w, r, file)
		})
	}
	srv := httptest.NewServer(mux) // 127.0.0.1
	t.Cleanup(srv.Close)
	return srv.URL
}

// apiStatus is status.json's status.
type apiStatus struct {
	Indicator   string `json:"indicator"`
	Description string `json:"description"`
}

// widgetShows is what one widget's shadow DOM shows.
type widgetShows struct {
	Appearance  string `json:"appearance"`
	Indicator   string `json:"indicator"`   // the status indicator's classes
	Description string `json:"description"` // the text next to, or in, the indicator
	Label       string `json:"label"`       // the badge's title
	Href        string `json:"href"`
	Text        string `json:"text"` // all the shadow root's text, for failure messages
}

// readWidgetJS reads a widget's shadow root (this): empty fields until the widget has its
// summary, as until then it renders an empty <div>.
const readWidgetJS = `function () {
	const host = this.host;
	const ind = this.querySelector('.status-indicator');
	const text = this.querySelector('.status-text');
	const a = this.querySelector('a');
	const squash = (s) => (s || '').replace(/\s+/g, ' ').trim();
	const appearance = host.getAttribute('appearance') || 'basic';
	return {
		appearance,
		indicator: ind ? ind.className : '',
		description: squash(appearance === 'badge' ? (ind && ind.textContent) : (text && text.textContent)),
		label: appearance === 'badge' ? squash(text && text.textContent) : '',
		href: a ? a.href : '',
		text: squash(Array.from(this.children).filter((n) => n.localName !== 'style').map((n) => n.textContent).join(' ')),
	};
}`

// readWidget reads what the widget el shows, through its shadow root.
func readWidget(el *rod.Element) (widgetShows, error) {
	var w widgetShows
	root, err := el.ShadowRoot()
	if err != nil {
		return w, fmt.Errorf("the <statuspage-widget> has no shadow root (did its script run?): %w", err)
	}
	res, err := root.Eval(readWidgetJS)
	if err != nil {
		return w, fmt.Errorf("read the widget's shadow root: %w", err)
	}
	err = res.Value.Unmarshal(&w)
	return w, err
}

// waitForWidgets polls the page's widgets until every one shows a status, or until timeout; it
// returns what they show at that point, and whether they all showed one.
func waitForWidgets(t *testing.T, r *pageRun, want int, timeout time.Duration) ([]widgetShows, bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		els, err := r.page.Elements("statuspage-widget")
		if err != nil {
			t.Fatalf("find the widgets: %v", err)
		}
		if len(els) != want {
			t.Fatalf("the page has %d <statuspage-widget> elements, want %d", len(els), want)
		}
		var shows []widgetShows
		done := true
		for _, el := range els {
			w, err := readWidget(el)
			if err != nil {
				t.Fatal(err)
			}
			shows = append(shows, w)
			done = done && w.Indicator != ""
		}
		if done || time.Now().After(deadline) {
			return shows, done
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// TestStatusWidget embeds Atlassian's own status widget, @statuspage/status-widget, in a page of
// another origin, pointed at statuspress: it must show the status that /api/v2/status.json
// gives at the fixed clock, which it can only do when the API answers its cross-origin request
// with CORS headers (subtest "statuspress"). The same page pointed at a server that sends no
// such header must show nothing and report the CORS error, so that the first subtest is known
// to exercise CORS at all (subtest "no-cors").
func TestStatusWidget(t *testing.T) {
	testsupport.Slow(t)
	if testing.Short() {
		t.Skip("browser test: skipped with -short")
	}
	needBrowser(t)
	page := widgetServer(t)
	e := startEnv(t)
	e.launchBrowser(t)

	t.Run("statuspress", func(t *testing.T) {
		want := e.apiStatus(t)
		// The sample content at the fixed clock: the REST API incident is being monitored.
		if want.Indicator != "minor" || want.Description != "Minor service disruption" {
			t.Errorf("/api/v2/status.json says %+v at %s, want indicator minor, description Minor service disruption",
				want, fixedNow)
		}
		c := widgetCase(e.base)
		r := e.open(t, page, c)
		shows, ok := waitForWidgets(t, r, 2, widgetTimeout)
		if err := r.screenshot(e.shots); err != nil {
			t.Error(err)
		}
		problems := r.eventProblems()
		if !ok {
			t.Errorf("the widgets showed no status within %v of the page's load; they show %+v; the page reported:\n%s",
				widgetTimeout, shows, strings.Join(problems, "\n"))
		}
		for _, w := range shows {
			if !ok {
				break
			}
			classes := strings.Fields(w.Indicator)
			if !slices.Contains(classes, "status-indicator") || !slices.Contains(classes, want.Indicator) {
				t.Errorf("%s widget: indicator classes %q, want status-indicator and %q", w.Appearance, w.Indicator, want.Indicator)
			}
			if w.Description != want.Description {
				t.Errorf("%s widget shows %q, want %q (shadow root text %q)", w.Appearance, w.Description, want.Description, w.Text)
			}
			if w.Href != e.base+"/" && w.Href != e.base {
				t.Errorf("%s widget links to %q, want %s", w.Appearance, w.Href, e.base)
			}
			if w.Appearance == "badge" && w.Label != "Lumen Mail" {
				t.Errorf("badge widget's title %q, want the page's title attribute, Lumen Mail", w.Label)
			}
			t.Logf("%s widget: %q, indicator %q", w.Appearance, w.Description, w.Indicator)
		}

		// The request itself: from the page's origin to the server's, answered 200 with CORS.
		api := e.base + "/api/v2/summary.json"
		if sameOrigin(page, e.base) {
			t.Fatalf("the widget page (%s) and statuspress (%s) have the same origin: CORS is not exercised", page, e.base)
		}
		rs := r.events.responsesTo(api)
		if len(rs) == 0 {
			t.Errorf("the browser got no response to %s", api)
		}
		for _, resp := range rs {
			if resp.Status != http.StatusOK {
				t.Errorf("%s answered HTTP %d", api, resp.Status)
			}
			if got := header(resp.Headers, "Access-Control-Allow-Origin"); got != "*" && got != originOf(page) {
				t.Errorf("%s answered Access-Control-Allow-Origin %q, want * or %s", api, got, originOf(page))
			}
		}
		// No console errors (a CORS refusal is one), no failed requests.
		for _, p := range problems {
			t.Error(p)
		}
	})

	t.Run("no-cors", func(t *testing.T) {
		canary := noCORSServer(t)
		r := e.open(t, page, widgetCase(canary))
		var problems []string
		deadline := time.Now().Add(widgetTimeout)
		for !hasCORSError(problems) && time.Now().Before(deadline) {
			time.Sleep(100 * time.Millisecond)
			problems = r.eventProblems()
		}
		if !hasCORSError(problems) {
			t.Errorf("no CORS error reported within %v for a widget pointed at a server that sends no Access-Control-Allow-Origin; "+
				"the checks of subtest statuspress would miss one too. The page reported:\n%s", widgetTimeout, strings.Join(problems, "\n"))
		} else {
			for _, p := range problems {
				if hasCORSError([]string{p}) {
					t.Logf("reported, as it should be: %s", p)
				}
			}
		}
		shows, ok := waitForWidgets(t, r, 2, 0)
		for _, w := range shows {
			if ok || w.Indicator != "" || w.Description != "" {
				t.Errorf("%s widget shows %+v from a response the page may not read", w.Appearance, w)
			}
		}
	})
	e.checkServerLog(t)
}

// widgetCase is testdata/widget.html with its widgets pointed at src, at the desktop viewport.
func widgetCase(src string) pageCase {
	return pageCase{lang: "en", vp: desktop, page: pageType{
		name:   "widget",
		path:   "/widget.html?src=" + url.QueryEscape(src),
		status: http.StatusOK,
		about:  "Atlassian's status widget on a page of another origin",
	}}
}

// apiStatus is what /api/v2/status.json says to a browser like the test's.
func (e *env) apiStatus(t *testing.T) apiStatus {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, e.base+"/api/v2/status.json", nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Accept-Language", browserLanguages)
	resp, err := (&http.Client{Timeout: 10 * time.Second}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body struct {
		Status apiStatus `json:"status"`
	}
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET /api/v2/status.json: HTTP %d", resp.StatusCode)
	}
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		t.Fatalf("GET /api/v2/status.json: %v", err)
	}
	return body.Status
}

// noCORSServer answers /api/v2/summary.json like statuspress would, but with no CORS header.
func noCORSServer(t *testing.T) string {
	t.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/v2/summary.json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"status":{"indicator":"critical","description":"A page of another origin must not read this"}}`)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv.URL
}

func hasCORSError(problems []string) bool {
	for _, p := range problems {
		if strings.Contains(p, "blocked by CORS policy") {
			return true
		}
	}
	return false
}

// header is a response header by its name in any case, as DevTools reports them.
func header(h proto.NetworkHeaders, name string) string {
	for k, v := range h {
		if strings.EqualFold(k, name) {
			return v.Str()
		}
	}
	return ""
}

func originOf(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return u
	}
	return p.Scheme + "://" + p.Host
}

func sameOrigin(a, b string) bool { return originOf(a) == originOf(b) }
