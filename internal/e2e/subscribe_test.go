package e2e

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-rod/rod/lib/input"
	"github.com/go-rod/rod/lib/proto"

	"statuspress/internal/server"
	"statuspress/internal/site"
	"statuspress/internal/store"
	"statuspress/internal/subscription"
	"statuspress/internal/testsupport"
	"statuspress/internal/testsupport/sitetest"
)

// subsClock is the clock of the subscription server: the fixed instant, moved by the test to
// make a link expire.
type subsClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *subsClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *subsClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// subscriptionServer serves the sample content with subscriptions on, on a SQLite store of its
// own, in process so that the test can move its clock (TestSubscriptionMail runs the binary).
func subscriptionServer(t *testing.T, root string) (string, store.Store, *subsClock) {
	t.Helper()
	now, err := time.Parse(time.RFC3339, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	clock := &subsClock{t: now}
	snap := sitetest.Build(t, os.DirFS(filepath.Join(root, "incidents")), site.Options{}, now)
	st, err := store.Open(context.Background(), "sqlite:"+filepath.Join(t.TempDir(), "statuspress.db"), store.Options{Now: clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close(context.Background()) })
	svc, err := subscription.New(st, subscription.Options{Now: clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(server.New(snap, server.Config{
		Now:           clock.Now,
		Subscriptions: &server.Subscriptions{Service: svc},
	}))
	t.Cleanup(srv.Close)
	return srv.URL, st, clock
}

// TestSubscribeBrowser subscribes through the overview's form in French with JavaScript off, and
// runs the page checks (layout, axe-core, console and network) on every subscription page, on a
// desktop and on a phone.
func TestSubscribeBrowser(t *testing.T) {
	testsupport.Slow(t)
	if testing.Short() {
		t.Skip("browser test: skipped with -short")
	}
	needBrowser(t)
	axe, err := os.ReadFile(axeFile)
	if err != nil {
		missing(t, "axe-core is not installed (%v): run `npm ci --prefix internal/e2e` in the module root to run the browser tests", err)
	}
	root := testsupport.ModuleRoot(t)
	e := &env{root: root, shots: filepath.Join(root, "testoutput", "e2e"), axe: string(axe)}
	if err := os.MkdirAll(e.shots, 0o755); err != nil {
		t.Fatal(err)
	}
	base, st, clock := subscriptionServer(t, root)
	e.base = base
	e.launchBrowser(t)

	t.Run("nojs-fr", func(t *testing.T) { e.subscribeNoJS(t, st) })

	ctx := context.Background()
	sub, err := st.Subscribe(ctx, "lea@example.org", "de", nil)
	if err != nil {
		t.Fatal(err)
	}
	token := func(p store.Purpose, ttl time.Duration) string {
		t.Helper()
		tok, err := st.NewToken(ctx, sub.ID, p, ttl)
		if err != nil {
			t.Fatal(err)
		}
		return tok
	}
	links := subscription.Links{}
	expired := token(store.PurposeManage, time.Minute)
	clock.Advance(time.Hour)
	pages := []pageType{
		{"subscribe", "/%s/subscribe/", http.StatusOK, "the subscribe form on a page of its own"},
		{"overview-form", "/%s/", http.StatusOK, "the overview with the subscribe form"},
		{"confirm", links.ConfirmURL("de", token(store.PurposeConfirm, 48*time.Hour)), http.StatusOK, "a confirmation link's page"},
		{"manage", links.ManageURL("de", token(store.PurposeManage, 48*time.Hour)), http.StatusOK, "a manage link's page"},
		{"unsubscribe", links.UnsubscribeURL("de", token(store.PurposeManage, 48*time.Hour)), http.StatusOK, "an unsubscribe link's page"},
		{"link-invalid", "/%s/subscription/?token=used", http.StatusNotFound, "a link used already"},
		{"link-expired", links.ManageURL("de", expired), http.StatusGone, "an expired link"},
	}
	var cs []pageCase
	for _, p := range pages {
		for _, vp := range []viewport{desktop, phone} {
			lang := "de"
			if strings.Contains(p.path, "%s") {
				lang = "fr"
			}
			cs = append(cs, pageCase{lang: lang, page: p, vp: vp})
		}
	}
	cs = append(cs, pageCase{lang: "fr", page: pages[0], vp: phone, dark: true})
	t.Run("page", func(t *testing.T) {
		for _, c := range cs {
			t.Run(c.name(), func(t *testing.T) { e.checkSubscriptionPage(t, c) })
		}
	})
	t.Run("errors", func(t *testing.T) { e.formErrors(t) })
}

// checkSubscriptionPage is checkPage on a subscription page.
func (e *env) checkSubscriptionPage(t *testing.T, c pageCase) {
	r := e.open(t, e.base, c)
	t.Logf("%s: %s", r.url, c.page.about)
	for _, p := range e.subscriptionPageProblems(t, r) {
		t.Error(p)
	}
}

// subscriptionPageProblems runs the layout and axe-core checks on the page r shows, writes its
// screenshot and lists what is wrong, the console and the network included. A link page that is
// not found is not the site's not-found page, which shows the current state.
func (e *env) subscriptionPageProblems(t *testing.T, r *pageRun) []string {
	t.Helper()
	problems, err := r.layoutProblems()
	if err != nil {
		t.Fatal(err)
	}
	serious, lesser, err := r.axeProblems(e.axe)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range lesser {
		t.Log(p)
	}
	problems = append(problems, serious...)
	if err := r.screenshot(e.shots); err != nil {
		t.Error(err)
	}
	problems = append(problems, r.eventProblems()...)
	var out []string
	for _, p := range problems {
		if !strings.HasPrefix(p, "the not-found page shows") {
			out = append(out, p)
		}
	}
	return out
}

// query is the node that sel selects, read through DevTools, which needs no script in the page.
func (r *pageRun) query(t *testing.T, sel string) proto.DOMNodeID {
	t.Helper()
	doc, err := proto.DOMGetDocument{}.Call(r.page)
	if err != nil {
		t.Fatalf("DOM.getDocument: %v", err)
	}
	res, err := proto.DOMQuerySelector{NodeID: doc.Root.NodeID, Selector: sel}.Call(r.page)
	if err != nil || res.NodeID == 0 {
		t.Fatalf("%s: querySelector(%q): %v", r.url, sel, err)
	}
	return res.NodeID
}

// outer is the HTML of the element that sel selects.
func (r *pageRun) outer(t *testing.T, sel string) string {
	t.Helper()
	res, err := proto.DOMGetOuterHTML{NodeID: r.query(t, sel)}.Call(r.page)
	if err != nil {
		t.Fatalf("DOM.getOuterHTML: %v", err)
	}
	return res.OuterHTML
}

// subscribeThroughForm types address into the subscribe form of the page r shows through
// DevTools' input events (no script in the page, so it works with JavaScript off), leaves the
// components as they are, sends it with Enter as a person would, and returns the answer's <main>.
func (r *pageRun) subscribeThroughForm(t *testing.T, address string) string {
	t.Helper()
	p := r.page
	if err := (proto.DOMFocus{NodeID: r.query(t, `form[data-testid="subscribe-form"] input[name="email"]`)}).Call(p); err != nil {
		t.Fatalf("focus the address: %v", err)
	}
	if err := (proto.InputInsertText{Text: address}).Call(p); err != nil {
		t.Fatalf("type the address: %v", err)
	}
	wait := p.WaitNavigation(proto.PageLifecycleEventNameLoad)
	if err := p.Keyboard.Type(input.Enter); err != nil {
		t.Fatalf("press Enter: %v", err)
	}
	wait()
	return r.outer(t, "main")
}

// subscribeNoJS loads the French overview with scripting off, subscribes through its form and
// reads the answer page.
func (e *env) subscribeNoJS(t *testing.T, st store.Store) {
	c := pageCase{lang: "fr", page: pageType{"overview-subscribe", "/fr/", http.StatusOK, "subscribing without JavaScript"}, vp: phone, noJS: true}
	r := e.open(t, e.base, c)
	answer := r.subscribeThroughForm(t, "amelie@example.org")
	if !strings.Contains(answer, `data-testid="subscribe-sent"`) || !strings.Contains(answer, "Consultez votre messagerie") {
		t.Fatalf("the answer is not the French check-your-mail page:\n%s", shorten(answer, 800))
	}
	if err := r.screenshot(e.shots); err != nil {
		t.Error(err)
	}
	sub, err := st.Subscriber(context.Background(), "amelie@example.org")
	if err != nil {
		t.Fatalf("not subscribed: %v", err)
	}
	if sub.Language != "fr" || sub.State != store.Pending || len(sub.Components) != 0 {
		t.Errorf("subscriber %+v, want pending, in French, to every component", sub)
	}
}

// formErrors sends an address the browser accepts and the server does not, with JavaScript on,
// and runs axe-core on the form with its error.
func (e *env) formErrors(t *testing.T) {
	c := pageCase{lang: "nl", page: pageType{"subscribe-errors", "/%s/subscribe/", http.StatusOK, "the form with an error"}, vp: phone}
	r := e.open(t, e.base, c)
	el, err := r.page.Element(`form[data-testid="subscribe-form"] input[name="email"]`)
	if err != nil {
		t.Fatal(err)
	}
	if err := el.Input("ada@localhost"); err != nil {
		t.Fatal(err)
	}
	wait := r.page.WaitNavigation(proto.PageLifecycleEventNameLoad)
	button, err := r.page.Element(`form[data-testid="subscribe-form"] button[type="submit"]`)
	if err != nil {
		t.Fatal(err)
	}
	if err := button.Click(proto.InputMouseButtonLeft, 1); err != nil {
		t.Fatal(err)
	}
	wait()
	if _, err := r.page.Element("#sub-email-error"); err != nil {
		t.Fatalf("no error beside the address: %v", err)
	}
	serious, lesser, err := r.axeProblems(e.axe)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range lesser {
		t.Log(p)
	}
	for _, p := range serious {
		t.Error(p)
	}
	if err := r.screenshot(e.shots); err != nil {
		t.Error(err)
	}
}

// TestSubscriptionHTMLValid runs html-validate, as TestHTMLValid does on the rest of the site, on
// every subscription page: the overview with the form, the form's page with and without errors,
// and each step of the links' pages.
func TestSubscriptionHTMLValid(t *testing.T) {
	testsupport.Slow(t)
	if testing.Short() {
		t.Skip("end-to-end test: skipped with -short")
	}
	node, err := exec.LookPath("node")
	if err != nil {
		missing(t, "node not found (%v): install Node.js (apt-get install -y nodejs npm) to run the HTML validator test", err)
	}
	if _, err := os.Stat(htmlValidateFile); err != nil {
		missing(t, "html-validate is not installed (%v): run `npm ci --prefix internal/e2e` in the module root to run the HTML validator test", err)
	}
	base, st, _ := subscriptionServer(t, testsupport.ModuleRoot(t))
	ctx := context.Background()
	sub, err := st.Subscribe(ctx, "lea@example.org", "de", []string{"web-app"})
	if err != nil {
		t.Fatal(err)
	}
	token := func(p store.Purpose) string {
		tok, err := st.NewToken(ctx, sub.ID, p, time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		return tok
	}
	form := func(vals url.Values) func() (*http.Request, error) {
		return func() (*http.Request, error) {
			req, err := http.NewRequest(http.MethodPost, base+"/nl/subscribe/", strings.NewReader(vals.Encode()))
			if err == nil {
				req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			}
			return req, err
		}
	}
	getReq := func(path string) func() (*http.Request, error) {
		return func() (*http.Request, error) { return http.NewRequest(http.MethodGet, base+path, nil) }
	}
	postReq := func(path string) func() (*http.Request, error) {
		return func() (*http.Request, error) {
			req, err := http.NewRequest(http.MethodPost, base+path, strings.NewReader("List-Unsubscribe=One-Click"))
			if err == nil {
				req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			}
			return req, err
		}
	}
	resp, err := http.Get(base + "/nl/subscribe/")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	m := regexp.MustCompile(`name="token" value="([^"]+)"`).FindSubmatch(page)
	if m == nil {
		t.Fatal("no form token on /nl/subscribe/")
	}
	links := subscription.Links{}
	pages := []struct {
		name string
		req  func() (*http.Request, error)
	}{
		{"overview", getReq("/fr/")},
		{"subscribe", getReq("/fr/subscribe/")},
		{"subscribe-errors", form(url.Values{"token": {string(m[1])}, "email": {"nobody"}, "component": {"mainframe"}})},
		{"subscribe-again", form(url.Values{"email": {"ada@example.org"}})},
		{"confirm", getReq(links.ConfirmURL("de", token(store.PurposeConfirm)))},
		{"confirmed", postReq(links.ConfirmURL("de", token(store.PurposeConfirm)))},
		{"manage", getReq(links.ManageURL("de", token(store.PurposeManage)))},
		{"unsubscribe", getReq(links.UnsubscribeURL("de", token(store.PurposeManage)))},
		{"unsubscribed", postReq(links.UnsubscribeURL("de", token(store.PurposeManage)))},
		{"link-invalid", getReq("/de/subscription/?token=used")},
	}
	dir := t.TempDir()
	var files []string
	bodies := map[string][]byte{}
	for _, p := range pages {
		req, err := p.req()
		if err != nil {
			t.Fatal(err)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(body), "<main") {
			t.Fatalf("%s: %d, no page:\n%.300s", p.name, resp.StatusCode, body)
		}
		file := filepath.Join(dir, p.name+".html")
		if err := os.WriteFile(file, body, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, file)
		bodies[file] = body
	}
	for _, r := range runValidator(t, node, files) {
		lines := strings.Split(string(bodies[r.File]), "\n")
		for _, m := range r.Messages {
			t.Errorf("%s:%d:%d: %s [%s %s] (%s)\n\t%s", filepath.Base(r.File), m.Line, m.Column, m.Message, m.Severity, m.RuleID,
				m.Selector, excerpt(lines, m.Line, m.Column))
		}
	}
}
