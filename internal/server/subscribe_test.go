package server_test

import (
	"bytes"
	"context"
	"errors"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/google/go-cmp/cmp"

	"statuspress/internal/server"
	"statuspress/internal/site"
	"statuspress/internal/store"
	"statuspress/internal/subscription"
	"statuspress/internal/testsupport"
)

// testClock is a clock the tests move; the server, the service and the store read it.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *testClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

var (
	subsSnapOnce sync.Once
	subsSnap     *site.Snapshot
)

// subs is a server over the sample content with subscriptions on a real SQLite store.
type subs struct {
	srv   *server.Server
	store store.Store
	clock *testClock
}

// formKey is the tests' form key, so the tokens of a page, and the golden pages, are the same on
// every run.
var formKey = []byte("statuspress tests' form key, 32 bytes")

func newSubs(t testing.TB, opts subscription.Options, cfg func(*server.Subscriptions)) subs {
	return newSubsProxied(t, opts, cfg, nil)
}

// newSubsProxied is newSubs behind the proxies named.
func newSubsProxied(t testing.TB, opts subscription.Options, cfg func(*server.Subscriptions), proxies []netip.Prefix) subs {
	t.Helper()
	subsSnapOnce.Do(func() { subsSnap = snapshot(t, site.Options{}) })
	clock := &testClock{t: clock}
	st, err := store.Open(context.Background(), "sqlite:"+filepath.Join(t.TempDir(), "statuspress.db"), store.Options{Now: clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close(context.Background()) })
	opts.Now = clock.Now
	svc, err := subscription.New(st, opts)
	if err != nil {
		t.Fatal(err)
	}
	c := &server.Subscriptions{Service: svc, FormKey: formKey}
	if cfg != nil {
		cfg(c)
	}
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	srv := server.New(subsSnap, server.Config{Now: clock.Now, Subscriptions: c, TrustedProxies: proxies})
	return subs{srv: srv, store: st, clock: clock}
}

// post sends a form as a browser on the site's own page does, unless header says otherwise (a
// header given as "" is left out).
func post(t testing.TB, h http.Handler, path string, form url.Values, header map[string]string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(http.MethodPost, path, strings.NewReader(form.Encode()))
	req.RemoteAddr = "192.0.2.10:51234"
	hs := map[string]string{
		"Content-Type":   "application/x-www-form-urlencoded",
		"Origin":         baseURL,
		"Sec-Fetch-Site": "same-origin",
	}
	for k, v := range header {
		hs[k] = v
	}
	for k, v := range hs {
		if v != "" {
			req.Header.Set(k, v)
		}
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// formToken reads the form token of the subscribe form on the page at path.
func formToken(t testing.TB, h http.Handler, path string) string {
	t.Helper()
	rec := get(t, h, path)
	if rec.Code != http.StatusOK {
		t.Fatalf("GET %s: %d", path, rec.Code)
	}
	tok, ok := parse(t, rec.Body.Bytes()).Find(`form[data-testid="subscribe-form"] input[name="token"]`).Attr("value")
	if !ok || tok == "" {
		t.Fatalf("GET %s: no form token", path)
	}
	return tok
}

func subscribeForm(token, email string, components ...string) url.Values {
	return url.Values{"token": {token}, "email": {email}, "component": components, "website": {""}}
}

// TestSubscribeFormOnOverview: the overview carries the form (a plain POST to the language's
// subscribe page, every component ticked and grouped, the trap), and its headers are those of
// the overview without it: it stays cacheable.
func TestSubscribeFormOnOverview(t *testing.T) {
	f := newSubs(t, subscription.Options{}, nil)
	rec := get(t, f.srv, "/nl/")
	doc := checkPage(t, rec, "nl", "/nl/", http.StatusOK)
	form := doc.Find(`form[data-testid="subscribe-form"]`)
	if got, _ := form.Attr("action"); got != "/nl/subscribe/" || form.AttrOr("method", "") != "post" {
		t.Errorf("form action %q method %q, want a POST to /nl/subscribe/", got, form.AttrOr("method", ""))
	}
	email := form.Find(`input[name="email"]`)
	if email.AttrOr("type", "") != "email" || email.AttrOr("autocomplete", "") != "email" {
		t.Errorf("email input: %v", email.Nodes)
	}
	if id := email.AttrOr("id", ""); form.Find(`label[for="`+id+`"]`).Length() != 1 {
		t.Errorf("email input %q has no label", id)
	}
	var got []string
	form.Find(`input[name="component"]`).Each(func(_ int, s *goquery.Selection) {
		if _, checked := s.Attr("checked"); !checked {
			t.Errorf("component %s not ticked", s.AttrOr("value", ""))
		}
		if form.Find(`label[for="`+s.AttrOr("id", "")+`"]`).Length() != 1 {
			t.Errorf("component %s has no label", s.AttrOr("value", ""))
		}
		got = append(got, s.AttrOr("value", ""))
	})
	if diff := cmp.Diff(subsSnap.ComponentIDs(), got, cmpSorted); diff != "" {
		t.Errorf("component checkboxes (-want +got):\n%s", diff)
	}
	var legends []string
	form.Find("fieldset.choices__group > legend").Each(func(_ int, s *goquery.Selection) { legends = append(legends, s.Text()) })
	var groups []string
	for _, g := range subsSnap.SubscribeChoices("nl", func(string) bool { return true }) {
		groups = append(groups, g.Name)
	}
	if diff := cmp.Diff(groups, legends); diff != "" || len(legends) < 2 {
		t.Errorf("component groups (-want +got):\n%s", diff)
	}
	if form.Find(`fieldset.choices > legend`).Length() != 1 {
		t.Error("components not in a fieldset with a legend")
	}
	trap := form.Find(`.trap input[name="website"]`)
	if trap.Length() != 1 || trap.AttrOr("tabindex", "") != "-1" {
		t.Errorf("no honeypot hidden by its class: %d", trap.Length())
	}
	if form.Find(`input[name="token"]`).Length() != 1 {
		t.Error("no form token")
	}

	plain := get(t, sample(t), "/nl/")
	if rec.Header().Get("Last-Modified") == "" || rec.Header().Get("ETag") == "" {
		t.Error("overview with the form: no Last-Modified or ETag")
	}
	for _, h := range []string{"Cache-Control", "Vary", "Set-Cookie", "Content-Type", "Content-Language"} {
		if got, want := rec.Header().Values(h), plain.Header().Values(h); !slices.Equal(got, want) {
			t.Errorf("overview with the form: %s %q, want %q as without", h, got, want)
		}
	}
	if plain.Body.Len() == 0 || strings.Contains(plain.Body.String(), "subscribe-form") {
		t.Error("the overview of a server without subscriptions has a form")
	}
	// The same answer for everyone, made once a minute: a second request is the cache's.
	again := get(t, f.srv, "/nl/")
	if again.Header().Get("ETag") != rec.Header().Get("ETag") {
		t.Error("the overview with the form differs from one request to the next")
	}
}

// TestSubscriptionsOff: without Config.Subscriptions there is no form, and every URL of the
// subscription pages is not found, to GET and to POST.
func TestSubscriptionsOff(t *testing.T) {
	s := sample(t)
	for _, path := range []string{"/en/subscribe/", "/en/subscribe/confirm/?token=x", "/en/subscription/?token=x", "/en/subscription/unsubscribe/?token=x"} {
		if rec := get(t, s, path); rec.Code != http.StatusNotFound {
			t.Errorf("GET %s: %d, want 404", path, rec.Code)
		}
		if rec := post(t, s, path, url.Values{"List-Unsubscribe": {"One-Click"}}, nil); rec.Code != http.StatusNotFound {
			t.Errorf("POST %s: %d, want 404", path, rec.Code)
		}
	}
}

func TestSubscribe(t *testing.T) {
	f := newSubs(t, subscription.Options{}, nil)
	rec := get(t, f.srv, "/fr/subscribe/")
	doc := checkPage(t, rec, "fr", "/fr/subscribe/", http.StatusOK)
	if cc := rec.Header().Get("Cache-Control"); !strings.HasPrefix(cc, "public") {
		t.Errorf("subscribe page: Cache-Control %q, want it cacheable", cc)
	}
	token := doc.Find(`input[name="token"]`).AttrOr("value", "")
	rec = post(t, f.srv, "/fr/subscribe/", subscribeForm(token, "ada@example.org", "rest-api", "webhooks"), nil)
	if rec.Code != http.StatusOK || rec.Header().Get("Cache-Control") != "no-store" {
		t.Fatalf("POST: %d, Cache-Control %q; want 200, no-store\n%s", rec.Code, rec.Header().Get("Cache-Control"), rec.Body)
	}
	doc = parse(t, rec.Body.Bytes())
	if doc.Find(`[data-testid="subscribe-sent"]`).Length() != 1 || doc.Find("form").Length() != 0 {
		t.Error("the answer is not the check-your-mail page")
	}
	sub, err := f.store.Subscriber(t.Context(), "ada@example.org")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"rest-api", "webhooks"}, sub.Components); diff != "" || sub.Language != "fr" || sub.State != store.Pending {
		t.Errorf("subscriber %+v; components (-want +got):\n%s", sub, diff)
	}
	c, err := f.store.Counts(t.Context())
	if err != nil || c.Deliveries != 1 {
		t.Errorf("deliveries queued: %+v, %v; want the confirmation", c, err)
	}

	// Known, confirmed or not, the answer is the same page.
	known := post(t, f.srv, "/fr/subscribe/", subscribeForm(token, "ada@example.org"), nil)
	if known.Code != rec.Code || visibleText(parse(t, known.Body.Bytes()), "fr") != visibleText(doc, "fr") {
		t.Error("the answer for a known address differs from the answer for a new one")
	}
}

// TestSubscribeRefuses holds the subscribe POST against what an attacker, a robot or an old page
// sends. None of them subscribes anyone.
func TestSubscribeRefuses(t *testing.T) {
	f := newSubs(t, subscription.Options{ClientBurst: 1000}, nil)
	token := formToken(t, f.srv, "/en/subscribe/")
	nlToken := formToken(t, f.srv, "/nl/subscribe/")
	long := strings.Repeat("a", 10_000) + "@example.org"
	var body bytes.Buffer
	body.WriteString("token=" + url.QueryEscape(token) + "&email=big%40example.org&component=")
	body.WriteString(strings.Repeat("x", 70<<10))
	for _, tc := range []struct {
		name   string
		form   url.Values
		header map[string]string
		raw    string // the body, when not the form
		code   int
		// what the page shows: the field with an error, the notice, or the answer
		emailError, componentsError, notice, sent bool
	}{
		{name: "no token", form: subscribeForm("", "a@example.org"), code: http.StatusForbidden, notice: true},
		{name: "made-up token", form: subscribeForm("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "a@example.org"), code: http.StatusForbidden, notice: true},
		{name: "token of another language", form: subscribeForm(nlToken, "a@example.org"), code: http.StatusForbidden, notice: true},
		{name: "CR/LF in token", form: subscribeForm(token+"\r\nX: y", "a@example.org"), code: http.StatusForbidden, notice: true},
		{name: "foreign origin", form: subscribeForm(token, "a@example.org"),
			header: map[string]string{"Origin": "https://evil.example", "Sec-Fetch-Site": "cross-site"}, code: http.StatusForbidden},
		{name: "same-site origin", form: subscribeForm(token, "a@example.org"),
			header: map[string]string{"Origin": "https://evil.lumenmail.example", "Sec-Fetch-Site": "same-site"}, code: http.StatusForbidden},
		{name: "foreign origin, old browser", form: subscribeForm(token, "a@example.org"),
			header: map[string]string{"Origin": "https://evil.example", "Sec-Fetch-Site": ""}, code: http.StatusForbidden},
		{name: "no form content type", form: subscribeForm(token, "a@example.org"), header: map[string]string{"Content-Type": ""}, code: http.StatusUnsupportedMediaType},
		{name: "JSON", raw: `{"email":"a@example.org"}`, header: map[string]string{"Content-Type": "application/json"}, code: http.StatusUnsupportedMediaType},
		{name: "text/plain (a cross-site simple request)", raw: "email=a@example.org", header: map[string]string{"Content-Type": "text/plain"}, code: http.StatusUnsupportedMediaType},
		{name: "body over 64 KB", raw: body.String(), code: http.StatusRequestEntityTooLarge},
		{name: "10,000-character address", form: subscribeForm(token, long), code: http.StatusUnprocessableEntity, emailError: true},
		{name: "CR/LF in address", form: subscribeForm(token, "a@example.org\r\nBcc: victim@example.org"), code: http.StatusUnprocessableEntity, emailError: true},
		{name: "display name", form: subscribeForm(token, "Ada <a@example.org>"), code: http.StatusUnprocessableEntity, emailError: true},
		{name: "two addresses", form: subscribeForm(token, "a@example.org, b@example.org"), code: http.StatusUnprocessableEntity, emailError: true},
		{name: "no address", form: subscribeForm(token, ""), code: http.StatusUnprocessableEntity, emailError: true},
		{name: "unknown component", form: subscribeForm(token, "a@example.org", "rest-api", "mainframe"), code: http.StatusUnprocessableEntity, componentsError: true},
		{name: "CR/LF in component", form: subscribeForm(token, "a@example.org", "rest-api\r\nX: y"), code: http.StatusUnprocessableEntity, componentsError: true},
		{name: "both wrong", form: subscribeForm(token, "nobody", "mainframe"), code: http.StatusUnprocessableEntity, emailError: true, componentsError: true},
		{name: "honeypot filled", form: url.Values{"token": {token}, "email": {"bot@example.org"}, "website": {"https://spam.example"}}, code: http.StatusOK, sent: true},
		{name: "CR/LF in honeypot", form: url.Values{"token": {token}, "email": {"bot2@example.org"}, "website": {"\r\n"}}, code: http.StatusOK, sent: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var rec *httptest.ResponseRecorder
			if tc.raw != "" {
				req := httptest.NewRequest(http.MethodPost, "/en/subscribe/", strings.NewReader(tc.raw))
				req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
				req.Header.Set("Sec-Fetch-Site", "same-origin")
				for k, v := range tc.header {
					req.Header.Set(k, v)
				}
				rec = httptest.NewRecorder()
				f.srv.ServeHTTP(rec, req)
			} else {
				rec = post(t, f.srv, "/en/subscribe/", tc.form, tc.header)
			}
			if rec.Code != tc.code {
				t.Fatalf("%d, want %d\n%.500s", rec.Code, tc.code, rec.Body)
			}
			if cc := rec.Header().Get("Cache-Control"); cc != "no-store" {
				t.Errorf("Cache-Control %q, want no-store", cc)
			}
			if tc.emailError || tc.componentsError || tc.notice || tc.sent {
				doc := parse(t, rec.Body.Bytes())
				email := doc.Find(`input[name="email"]`)
				if got := email.AttrOr("aria-describedby", "") == "sub-email-error" && doc.Find("#sub-email-error").Length() == 1; got != tc.emailError {
					t.Errorf("error tied to the address: %v, want %v", got, tc.emailError)
				}
				if tc.emailError || tc.notice {
					// HTML reads CR LF in an attribute as LF.
					if got, want := email.AttrOr("value", ""), strings.ReplaceAll(tc.form.Get("email"), "\r", ""); len(want) < 320 && got != want || len(got) > 320 {
						t.Errorf("address kept as %.40q (%d bytes), want %.40q", got, len(got), want)
					}
				}
				described := doc.Find("fieldset.choices").AttrOr("aria-describedby", "")
				if got := strings.Contains(described, "sub-components-error") && doc.Find("#sub-components-error").Length() == 1; got != tc.componentsError {
					t.Errorf("error tied to the components: %v, want %v", got, tc.componentsError)
				}
				if got := doc.Find(`[data-testid="form-notice"]`).Length() == 1; got != tc.notice {
					t.Errorf("notice shown: %v, want %v", got, tc.notice)
				}
				if got := doc.Find(`[data-testid="subscribe-sent"]`).Length() == 1; got != tc.sent {
					t.Errorf("check-your-mail answer: %v, want %v", got, tc.sent)
				}
				if tc.notice {
					// The page asks once more with a token that works.
					if tok := doc.Find(`input[name="token"]`).AttrOr("value", ""); tok != token {
						t.Errorf("form token of the page asking again: %q, want a fresh one", tok)
					}
				}
			}
			n := 0
			f.store.Subscribers(t.Context(), func(store.Subscriber) error { n++; return nil })
			if n != 0 {
				t.Errorf("%d subscribers stored, want none", n)
			}
		})
	}
}

// TestFormTokenWindow: a form token works for a day or two (the overview is cached, and a reader
// may leave a page open), then the server asks once more.
func TestFormTokenWindow(t *testing.T) {
	f := newSubs(t, subscription.Options{ClientBurst: 100}, nil)
	token := formToken(t, f.srv, "/en/")
	f.clock.Advance(24 * time.Hour)
	if rec := post(t, f.srv, "/en/subscribe/", subscribeForm(token, "day@example.org"), nil); rec.Code != http.StatusOK {
		t.Errorf("a token a day old: %d, want 200", rec.Code)
	}
	f.clock.Advance(24 * time.Hour)
	if rec := post(t, f.srv, "/en/subscribe/", subscribeForm(token, "two@example.org"), nil); rec.Code != http.StatusForbidden {
		t.Errorf("a token two days old: %d, want 403 and the form once more", rec.Code)
	}
}

// TestTrustedOrigin: a static site's form (another origin, trusted by the operator) gets through
// the origin check, and, having no token, the server's page asks once more, with one.
func TestTrustedOrigin(t *testing.T) {
	f := newSubs(t, subscription.Options{}, func(c *server.Subscriptions) {
		c.TrustedOrigins = []string{"https://static.lumenmail.example"}
	})
	form := url.Values{"email": {"ada@example.org"}, "component": {"rest-api"}, "website": {""}}
	rec := post(t, f.srv, "/de/subscribe/", form, map[string]string{"Origin": "https://static.lumenmail.example", "Sec-Fetch-Site": "cross-site"})
	if rec.Code != http.StatusForbidden {
		t.Fatalf("%d, want 403 with the form once more", rec.Code)
	}
	doc := parse(t, rec.Body.Bytes())
	if doc.Find(`[data-testid="form-notice"]`).Length() != 1 || doc.Find(`input[name="email"]`).AttrOr("value", "") != "ada@example.org" {
		t.Error("the static site's form is not asked once more with the address kept")
	}
	if _, ok := doc.Find(`input[name="component"][value="rest-api"]`).Attr("checked"); !ok {
		t.Error("the component chosen is not kept")
	}
	if _, ok := doc.Find(`input[name="component"][value="webhooks"]`).Attr("checked"); ok {
		t.Error("a component not chosen is ticked")
	}
	token := doc.Find(`input[name="token"]`).AttrOr("value", "")
	form.Set("token", token)
	if rec := post(t, f.srv, "/de/subscribe/", form, nil); rec.Code != http.StatusOK {
		t.Errorf("sent once more from the server's page: %d, want 200", rec.Code)
	}
	bad := server.Subscriptions{Service: &subscription.Service{}, TrustedOrigins: []string{"static.lumenmail.example"}}
	if err := bad.Validate(); err == nil {
		t.Error("an origin without a scheme passes Validate")
	}
}

// TestSubscribeRateLimit: past its burst a client is told to wait; X-Forwarded-For, which any
// client can send, makes no new client unless the server is told to trust the proxy.
func TestSubscribeRateLimit(t *testing.T) {
	for _, tc := range []struct {
		name    string
		proxies []netip.Prefix
		limited bool
	}{
		{"no proxy trusted", nil, true},
		{"the proxy trusted", []netip.Prefix{netip.MustParsePrefix("192.0.2.0/24")}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newSubsProxied(t, subscription.Options{ClientBurst: 2}, nil, tc.proxies)
			token := formToken(t, f.srv, "/en/")
			for i, xff := range []string{"198.51.100.1", "198.51.100.2", "198.51.100.3"} {
				rec := post(t, f.srv, "/en/subscribe/", subscribeForm(token, "a@example.org"), map[string]string{"X-Forwarded-For": xff})
				limited := rec.Code == http.StatusTooManyRequests
				if want := tc.limited && i == 2; limited != want {
					t.Errorf("request %d from %s: %d, limited %v, want %v", i+1, xff, rec.Code, limited, want)
				}
				if limited {
					if rec.Header().Get("Retry-After") == "" || parse(t, rec.Body.Bytes()).Find(`[data-testid="form-notice"]`).Length() != 1 {
						t.Error("429 without Retry-After or a notice")
					}
				}
			}
		})
	}
}

// TestSubscriptionLinks follows the links of the mails through their pages: a GET shows a button and changes
// nothing; the POST acts once.
func TestSubscriptionLinks(t *testing.T) {
	f := newSubs(t, subscription.Options{}, nil)
	ctx := t.Context()
	links := subscription.Links{Base: baseURL}
	path := func(u string) string { return strings.TrimPrefix(u, baseURL) }
	sub, err := f.store.Subscribe(ctx, "ada@example.org", "de", nil)
	if err != nil {
		t.Fatal(err)
	}
	token, err := f.store.NewToken(ctx, sub.ID, store.PurposeConfirm, 48*time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	confirm := path(links.ConfirmURL("de", token))

	// GET, as a mail scanner does, twice: still pending.
	for range 2 {
		rec := get(t, f.srv, confirm)
		doc := linkPage(t, rec, http.StatusOK)
		if got := doc.Find(`form[method="post"]`).AttrOr("action", ""); got != confirm {
			t.Errorf("confirm button posts to %q, want %q", got, confirm)
		}
		if !strings.Contains(doc.Find("main").Text(), "ada@example.org") {
			t.Error("the confirm page does not name the address")
		}
	}
	if got, _ := f.store.Subscriber(ctx, "ada@example.org"); got.State != store.Pending {
		t.Fatalf("after GETs: %s, want pending", got.State)
	}
	// HEAD neither.
	if rec := do(t, f.srv, request{method: http.MethodHead, path: confirm}); rec.Code != http.StatusOK {
		t.Errorf("HEAD: %d", rec.Code)
	}
	if rec := post(t, f.srv, confirm, url.Values{}, map[string]string{"Origin": "https://evil.example", "Sec-Fetch-Site": "cross-site"}); rec.Code != http.StatusForbidden {
		t.Errorf("confirm from another site: %d, want 403", rec.Code)
	}
	rec := post(t, f.srv, confirm, url.Values{}, nil)
	doc := linkPage(t, rec, http.StatusOK)
	if got, _ := f.store.Subscriber(ctx, "ada@example.org"); got.State != store.Confirmed {
		t.Fatalf("after the POST: %s, want confirmed", got.State)
	}
	manage, ok := doc.Find(`a[href^="/de/subscription/?token="]`).Attr("href")
	if !ok {
		t.Fatal("the confirmed page does not lead to the manage page")
	}
	// Replayed.
	if rec := post(t, f.srv, confirm, url.Values{}, nil); rec.Code != http.StatusNotFound {
		t.Errorf("confirm replayed: %d, want 404", rec.Code)
	} else if parse(t, rec.Body.Bytes()).Find(`a[href="/de/subscribe/"]`).Length() == 0 {
		t.Error("the used link's page does not lead to the form")
	}
	if rec := get(t, f.srv, confirm); rec.Code != http.StatusNotFound {
		t.Errorf("confirm page after use: %d, want 404", rec.Code)
	}

	// The manage page: every component ticked (none chosen means all).
	doc = linkPage(t, get(t, f.srv, manage), http.StatusOK)
	if n, all := doc.Find(`input[name="component"][checked]`).Length(), len(subsSnap.ComponentIDs()); n != all {
		t.Errorf("%d of %d components ticked", n, all)
	}
	rec = post(t, f.srv, manage, url.Values{"action": {"save"}, "component": {"web-app", "mainframe"}}, nil)
	if doc := linkPage(t, rec, http.StatusUnprocessableEntity); doc.Find("#sub-components-error").Length() != 1 {
		t.Error("an unknown component is not shown as an error")
	}
	rec = post(t, f.srv, manage, url.Values{"action": {"save"}, "component": {"web-app", "mobile-app"}}, nil)
	next := rec.Header().Get("Location")
	if rec.Code != http.StatusSeeOther || !strings.HasPrefix(next, "/de/subscription/?token=") || next == manage {
		t.Fatalf("save: %d to %q, want 303 to a new manage link", rec.Code, next)
	}
	if got, _ := f.store.Subscriber(ctx, "ada@example.org"); !slices.Equal(got.Components, []string{"mobile-app", "web-app"}) {
		t.Errorf("components %q after saving", got.Components)
	}
	doc = linkPage(t, get(t, f.srv, next), http.StatusOK)
	if doc.Find(`[data-testid="saved"]`).Length() != 1 {
		t.Error("the saved page does not say so")
	}
	var ticked []string
	doc.Find(`input[name="component"][checked]`).Each(func(_ int, s *goquery.Selection) { ticked = append(ticked, s.AttrOr("value", "")) })
	if !slices.Equal(ticked, []string{"web-app", "mobile-app"}) {
		t.Errorf("ticked %q after saving", ticked)
	}
	if rec := post(t, f.srv, manage, url.Values{"action": {"leave"}}, nil); rec.Code != http.StatusNotFound {
		t.Errorf("leave with the used manage link: %d, want 404", rec.Code)
	}
	newManage := strings.TrimSuffix(next, "&saved=1")
	rec = post(t, f.srv, newManage, url.Values{"action": {"leave"}}, nil)
	linkPage(t, rec, http.StatusOK)
	if _, err := f.store.Subscriber(ctx, "ada@example.org"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("after leaving: %v, want the subscriber gone", err)
	}

	// An expired link.
	sub, _ = f.store.Subscribe(ctx, "bob@example.org", "en", nil)
	late, _ := f.store.NewToken(ctx, sub.ID, store.PurposeConfirm, time.Hour)
	f.clock.Advance(time.Hour)
	rec = get(t, f.srv, path(links.ConfirmURL("en", late)))
	linkPage(t, rec, http.StatusGone)
	if rec := post(t, f.srv, path(links.ConfirmURL("en", late)), url.Values{}, nil); rec.Code != http.StatusGone {
		t.Errorf("confirm an expired link: %d, want 410", rec.Code)
	}
	for _, bad := range []string{"", "made-up", strings.Repeat("t", 10_000), "a%0D%0ASet-Cookie:%20x=y"} {
		rec := get(t, f.srv, "/en/subscription/?token="+bad)
		linkPage(t, rec, http.StatusNotFound)
		if rec.Header().Get("Set-Cookie") != "" {
			t.Error("a token set a cookie")
		}
	}
}

// TestOneClickUnsubscribe: the List-Unsubscribe URL answers a mail program's POST (RFC 8058: the
// body List-Unsubscribe=One-Click, from its server, with no Origin), in either form encoding; a
// GET shows a button.
func TestOneClickUnsubscribe(t *testing.T) {
	f := newSubs(t, subscription.Options{}, nil)
	ctx := t.Context()
	links := subscription.Links{Base: baseURL}
	oneClick := map[string]string{"Origin": "", "Sec-Fetch-Site": ""}
	for _, enc := range []string{"urlencoded", "multipart"} {
		t.Run(enc, func(t *testing.T) {
			sub, err := f.store.Subscribe(ctx, enc+"@example.org", "nl", nil)
			if err != nil {
				t.Fatal(err)
			}
			token, err := f.store.NewToken(ctx, sub.ID, store.PurposeManage, 30*24*time.Hour)
			if err != nil {
				t.Fatal(err)
			}
			u := strings.TrimPrefix(links.UnsubscribeURL("nl", token), baseURL)
			doc := linkPage(t, get(t, f.srv, u), http.StatusOK)
			if doc.Find(`form[method="post"] button`).Length() != 1 {
				t.Error("the unsubscribe page has no button")
			}
			if _, err := f.store.Subscriber(ctx, sub.Address); err != nil {
				t.Fatalf("after GET: %v", err)
			}
			var rec *httptest.ResponseRecorder
			if enc == "urlencoded" {
				rec = post(t, f.srv, u, url.Values{"List-Unsubscribe": {"One-Click"}}, oneClick)
			} else {
				var body bytes.Buffer
				w := multipart.NewWriter(&body)
				w.WriteField("List-Unsubscribe", "One-Click")
				w.Close()
				req := httptest.NewRequest(http.MethodPost, u, &body)
				req.Header.Set("Content-Type", w.FormDataContentType())
				rec = httptest.NewRecorder()
				f.srv.ServeHTTP(rec, req)
			}
			if rec.Code != http.StatusOK || rec.Header().Get("Cache-Control") != "no-store" {
				t.Fatalf("one-click POST: %d, %q; want 200, no-store", rec.Code, rec.Header().Get("Cache-Control"))
			}
			if _, err := f.store.Subscriber(ctx, sub.Address); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("after one-click: %v, want the subscriber gone", err)
			}
			if rec := post(t, f.srv, u, url.Values{"List-Unsubscribe": {"One-Click"}}, oneClick); rec.Code != http.StatusNotFound {
				t.Errorf("one-click replayed: %d, want 404", rec.Code)
			}
		})
	}
}

// linkPage checks a page of a link from a mail: its status, no-store, kept from search engines,
// no language switcher that would drop the token, and the token nowhere but in the forms.
func linkPage(t *testing.T, rec *httptest.ResponseRecorder, code int) *goquery.Document {
	t.Helper()
	if rec.Code != code {
		t.Fatalf("%d, want %d\n%.600s", rec.Code, code, rec.Body)
	}
	if cc := rec.Header().Get("Cache-Control"); cc != "no-store" {
		t.Errorf("Cache-Control %q, want no-store", cc)
	}
	doc := parse(t, rec.Body.Bytes())
	if doc.Find(`meta[name="robots"][content="noindex"]`).Length() != 1 {
		t.Error("a link page open to search engines")
	}
	if doc.Find(`link[rel="canonical"], .lang-switch`).Length() != 0 {
		t.Error("a link page with a canonical URL or a language switcher (which would drop the token)")
	}
	if rp := rec.Header().Get("Referrer-Policy"); rp != "no-referrer" {
		t.Errorf("Referrer-Policy %q, want no-referrer: the URL holds the token", rp)
	}
	if doc.Find(`[data-testid="link-page"] h1`).Length() != 1 {
		t.Error("a link page without its h1")
	}
	return doc
}

// TestSubscriptionPageGoldens holds the subscribe page and a used link's page against golden
// files (the form key and the clock are fixed, so the form token is too).
func TestSubscriptionPageGoldens(t *testing.T) {
	f := newSubs(t, subscription.Options{}, nil)
	for _, tc := range []struct{ name, path string }{
		{"subscribe.fr", "/fr/subscribe/"},
		{"link-invalid.de", "/de/subscription/?token=used"},
	} {
		rec := get(t, f.srv, tc.path)
		testsupport.Golden(t, filepath.Join("testdata", "golden", tc.name+".html"), rec.Body.Bytes())
	}
	rec := post(t, f.srv, "/nl/subscribe/", subscribeForm(formToken(t, f.srv, "/nl/"), "nobody", "mainframe"), nil)
	testsupport.Golden(t, filepath.Join("testdata", "golden", "subscribe-errors.nl.html"), rec.Body.Bytes())
}

// TestLinksRouted: the URLs subscription.Links makes are the routes of site.Routes.
func TestLinksRouted(t *testing.T) {
	l := subscription.Links{Base: "https://x.example/"}
	re := regexp.MustCompile(`^https://x\.example(/[^?]*)\?token=t$`)
	for _, tc := range []struct {
		url   string
		route site.Route
	}{
		{l.ConfirmURL("fr", "t"), site.RouteConfirm},
		{l.ManageURL("fr", "t"), site.RouteManage},
		{l.UnsubscribeURL("fr", "t"), site.RouteUnsubscribe},
		{"https://x.example" + subscription.SubscribePath("fr") + "?token=t", site.RouteSubscribe},
	} {
		m := re.FindStringSubmatch(tc.url)
		if m == nil || m[1] != tc.route.Fill("fr") {
			t.Errorf("%s: want the path %s", tc.url, tc.route.Fill("fr"))
		}
	}
}

var cmpSorted = cmp.Transformer("sorted", func(s []string) []string { return slices.Sorted(slices.Values(s)) })

// TestSubscriptionMethods: other methods are not allowed, and the answer says which are.
func TestSubscriptionMethods(t *testing.T) {
	f := newSubs(t, subscription.Options{}, nil)
	for _, tc := range []struct{ method, path, allow string }{
		{http.MethodPut, "/en/subscribe/", "GET, HEAD, POST"},
		{http.MethodDelete, "/en/subscription/?token=x", "GET, HEAD, POST"},
		{http.MethodPost, "/en/history/", "GET, HEAD"},
	} {
		rec := do(t, f.srv, request{method: tc.method, path: tc.path})
		if rec.Code != http.StatusMethodNotAllowed || rec.Header().Get("Allow") != tc.allow {
			t.Errorf("%s %s: %d, Allow %q; want 405, %q", tc.method, tc.path, rec.Code, rec.Header().Get("Allow"), tc.allow)
		}
	}
}
