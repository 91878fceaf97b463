package dispatch

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"

	"statuspress/internal/notify/config"
	"statuspress/internal/notify/mail"
	"statuspress/internal/notify/outbound"
	"statuspress/internal/notify/webhook"
	"statuspress/internal/site"
	"statuspress/internal/store"
	"statuspress/internal/store/storetest"
	"statuspress/internal/testsupport"
	"statuspress/internal/testsupport/sitetest"
)

const siteYAML = `-- site.yaml --
title: {en: Acme Status, fr: État Acme}
base_url: https://status.acme.example
default_language: en
languages: [en, fr]
timezones: {en: UTC, fr: Europe/Paris}
components:
  - id: api
    name: {en: API, fr: API}
  - id: web
    name: {en: Website, fr: Site web}
`

const oldIncident = `-- 2026/old.md --
---
title: An old outage
kind: incident
impact: minor
components: {web: degraded_performance}
started: 2026-01-01T10:00:00Z
resolved: 2026-01-01T11:00:00Z
updates:
  - at: 2026-01-01T10:00:00Z
    status: investigating
    text: Slow pages.
  - at: 2026-01-01T11:00:00Z
    status: resolved
    text: Fast again.
---
`

// apiIncident is an incident of the API with the given updates (YAML list items).
func apiIncident(updates string) string {
	return `-- 2026/api.md --
---
title: API errors
kind: incident
impact: major
components: {api: major_outage}
started: 2026-03-10T22:00:00Z
updates:
` + updates + `---
-- 2026/api.fr.md --
---
title: Erreurs de l'API
updates:
` + frUpdates(updates) + `---
`
}

// frUpdates gives the French text of each update: the English one, marked.
func frUpdates(updates string) string {
	var out []string
	for _, line := range strings.Split(strings.TrimSuffix(updates, "\n"), "\n") {
		switch {
		case strings.Contains(line, "- at:"):
			out = append(out, line)
		case strings.Contains(line, "text:"):
			out = append(out, strings.Replace(line, "text: ", "text: FR ", 1))
		}
	}
	return strings.Join(out, "\n") + "\n"
}

const first = `  - at: 2026-03-10T22:00:00Z
    status: investigating
    text: Requests fail.
`

// rig is a dispatcher over a content that tests change, with a clock they move, a real SQLite
// store, a mailer that keeps what it is given and a webhook receiver that checks signatures.
type rig struct {
	t        *testing.T
	clock    *storetest.Clock
	snap     *site.Snapshot
	files    fstest.MapFS
	store    store.Store
	d        *Dispatcher
	mail     *mailer
	hooks    chan webhook.Payload
	slack    chan map[string]any
	channels *config.Config
	started  bool
	hookURL  string
}

var key = []byte("0123456789abcdef0123456789abcdef")

func newRig(t *testing.T, dir string, archive string) *rig {
	r := &rig{t: t, clock: storetest.NewClock(), mail: &mailer{}, hooks: make(chan webhook.Payload, 10), slack: make(chan map[string]any, 10)}
	r.clock.Set(ts("2026-03-10T22:00:30Z"))
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		body, _ := io.ReadAll(req.Body)
		if err := webhook.Verify(key, req.Header, body, r.clock.Now()); err != nil {
			t.Errorf("webhook signature: %v", err)
			http.Error(w, err.Error(), http.StatusUnauthorized)
			return
		}
		var p webhook.Payload
		if err := json.Unmarshal(body, &p); err != nil {
			t.Errorf("webhook body: %v", err)
		}
		r.hooks <- p
	}))
	t.Cleanup(hook.Close)
	r.hookURL = hook.URL
	slack := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		var m map[string]any
		if err := json.NewDecoder(req.Body).Decode(&m); err != nil {
			t.Errorf("slack body: %v", err)
		}
		r.slack <- m
	}))
	t.Cleanup(slack.Close)
	r.channels = &config.Config{Channels: []config.Channel{
		{Name: "receiver", Type: config.Webhook, URL: hook.URL, Key: key, Language: "en"},
		{Name: "ops", Type: config.Slack, URL: slack.URL, Language: "fr", Components: []string{"web"}},
	}}
	r.files = testsupport.Files(t, archive)
	r.build()
	r.store = storetest.Open(t, "sqlite:"+filepath.Join(dir, "sp.db"), r.clock)
	r.start()
	return r
}

func (r *rig) start() {
	r.d = New(Options{
		Store: r.store, Snapshot: func() *site.Snapshot { return r.snap }, Now: r.clock.Now,
		Delay: time.Minute, Channels: r.channels, Mailer: r.mail, Links: links{},
		HTTP: outbound.NewClient(outbound.Options{AllowPrivate: true}),
	})
	if err := r.d.Start(r.t.Context()); err != nil {
		r.t.Fatal(err)
	}
}

func (r *rig) build() {
	r.snap = sitetest.Build(r.t, r.files, site.Options{BaseURL: "https://status.acme.example"}, r.clock.Now())
}

// edit replaces the files of the archive and publishes the new content.
func (r *rig) edit(archive string) {
	for name, f := range testsupport.Files(r.t, archive) {
		r.files[name] = f
	}
	r.build()
}

func (r *rig) step(after time.Duration) {
	r.t.Helper()
	r.clock.Advance(after)
	if err := r.d.Step(r.t.Context()); err != nil {
		r.t.Fatal(err)
	}
}

// work runs the queue until every delivery is done.
func (r *rig) work() {
	r.t.Helper()
	if !r.started {
		r.started = true
		if err := r.store.Start(r.t.Context(), r.d); err != nil {
			r.t.Fatal(err)
		}
	}
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		c, err := r.store.Counts(r.t.Context())
		if err != nil {
			r.t.Fatal(err)
		}
		if c.Deliveries == 0 {
			return
		}
		if time.Now().After(deadline) {
			r.t.Fatalf("%d deliveries left after 20 s", c.Deliveries)
		}
	}
}

// mailer keeps the mails it is asked to send.
type mailer struct {
	mu   sync.Mutex
	sent []mail.Mail
}

func (m *mailer) Send(ctx context.Context, msg mail.Mail) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.sent = append(m.sent, msg)
	return nil
}

func (m *mailer) take() []mail.Mail {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := m.sent
	m.sent = nil
	slices.SortFunc(out, func(a, b mail.Mail) int { return strings.Compare(a.To, b.To) })
	return out
}

type links struct{}

func (links) ConfirmURL(lang, token string) string {
	return "https://status.acme.example/" + lang + "/subscribe/confirm/?token=" + token
}
func (links) ManageURL(lang, token string) string {
	return "https://status.acme.example/" + lang + "/subscription/?token=" + token
}
func (links) UnsubscribeURL(lang, token string) string {
	return "https://status.acme.example/" + lang + "/subscription/unsubscribe/?token=" + token
}

func ts(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

func subscribe(t *testing.T, s store.Store, address, lang string, components ...string) {
	t.Helper()
	storetest.Confirmed(t, s, address, lang, components...)
}

// TestNotifies: history is not sent; a new incident and its update settle into one message per
// reader, in the reader's language, to the subscribers and channels it concerns; a typo fixed
// within the delay goes fixed; the webhook body is signed and shaped as Statuspage's.
func TestNotifies(t *testing.T) {
	r := newRig(t, t.TempDir(), siteYAML+oldIncident)
	subscribe(t, r.store, "ann@example.org", "fr")
	subscribe(t, r.store, "bob@example.org", "en", "web")
	subscribe(t, r.store, "cy@example.org", "de") // a language the site does not publish: English
	r.step(time.Minute)
	r.work()
	if got := r.mail.take(); len(got) != 0 {
		t.Fatalf("history was mailed: %+v", got)
	}

	r.edit(siteYAML + oldIncident + apiIncident(`  - at: 2026-03-10T22:00:00Z
    status: investigating
    text: Requets fail.
`))
	r.step(time.Second)
	r.step(30 * time.Second)
	r.edit(siteYAML + oldIncident + apiIncident(first))
	r.step(20 * time.Second)
	r.work()
	if got := r.mail.take(); len(got) != 0 {
		t.Fatalf("mailed within the settle delay: %+v", got)
	}
	r.step(10 * time.Second)
	r.work()
	got := r.mail.take()
	var summary []string
	for _, m := range got {
		summary = append(summary, m.To+" "+m.Lang+" "+m.Subject)
		if !strings.HasPrefix(m.Unsubscribe, "https://status.acme.example/"+m.Lang+"/subscription/unsubscribe/?token=") ||
			!strings.Contains(m.Text, "https://status.acme.example/"+m.Lang+"/subscription/?token=") {
			t.Errorf("links of %s: %s\n%s", m.To, m.Unsubscribe, m.Text)
		}
	}
	want := []string{
		"ann@example.org fr [État Acme] Erreurs de l'API : Analyse en cours",
		"cy@example.org en [Acme Status] API errors: Investigating",
	}
	if diff := cmp.Diff(want, summary); diff != "" {
		t.Errorf("mails (-want +got):\n%s", diff)
	}
	for i, text := range []string{"10 mars 2026 à 23:00 CET · Analyse en cours\nFR Requests fail.", "March 10, 2026, 22:00 UTC · Investigating\nRequests fail."} {
		if len(got) == 2 && !strings.Contains(got[i].Text, text) {
			t.Errorf("mail to %s lacks %q:\n%s", got[i].To, text, got[i].Text)
		}
	}
	if len(got) == 2 && strings.Contains(got[0].Text, "Requets") {
		t.Errorf("the typo fixed within the delay was sent:\n%s", got[0].Text)
	}
	select {
	case p := <-r.hooks:
		if p.Incident == nil || p.Incident.Name != "API errors" || len(p.Incident.IncidentUpdates) != 1 || p.Incident.IncidentUpdates[0].Body != "Requests fail." {
			t.Errorf("webhook body: %+v", p)
		}
	default:
		t.Error("the webhook was not called")
	}
	select {
	case m := <-r.slack:
		t.Errorf("the chat channel for web only was told of the API: %v", m)
	default:
	}
	// Restarting tells nothing again.
	r.start()
	r.step(2 * time.Minute)
	r.work()
	if got := r.mail.take(); len(got) != 0 {
		t.Errorf("mailed again after a restart: %+v", got)
	}
}

// TestCrashWithinDelay: an event waiting out the settle delay when the process stops is not lost:
// the next start finds it unrecorded and sends it, once.
func TestCrashWithinDelay(t *testing.T) {
	r := newRig(t, t.TempDir(), siteYAML+oldIncident)
	subscribe(t, r.store, "dee@example.org", "en")
	r.edit(siteYAML + oldIncident + apiIncident(first))
	r.step(time.Second)
	r.start() // what waited in memory is gone
	r.step(30 * time.Second)
	r.work()
	if got := r.mail.take(); len(got) != 0 {
		t.Fatalf("mailed before the delay: %+v", got)
	}
	r.step(30 * time.Second)
	r.work()
	if got := r.mail.take(); len(got) != 1 || got[0].To != "dee@example.org" {
		t.Errorf("mails after the restart: %+v; want one to dee", got)
	}
	r.start()
	r.step(2 * time.Minute)
	r.work()
	if got := r.mail.take(); len(got) != 0 {
		t.Errorf("mailed again: %+v", got)
	}
}

// TestChannelsAndConfirmation: a channel with a component filter hears of its components only,
// in its language; a confirmation is mailed with an absolute link in the subscriber's language.
func TestChannelsAndConfirmation(t *testing.T) {
	r := newRig(t, t.TempDir(), siteYAML+oldIncident)
	r.edit(siteYAML + oldIncident + `-- 2026/web.md --
---
title: Slow website
kind: incident
impact: minor
components: {web: degraded_performance}
started: 2026-03-10T22:00:00Z
updates:
  - at: 2026-03-10T22:00:00Z
    status: investigating
    text: Pages load slowly.
---
`)
	r.step(time.Second)
	r.step(time.Minute)
	r.work()
	select {
	case m := <-r.slack:
		if b, _ := json.Marshal(m); !strings.Contains(string(b), "Slow website") || !strings.Contains(string(b), "Analyse en cours") {
			t.Errorf("slack message: %s", b)
		}
	default:
		t.Error("the chat channel of web was not told")
	}
	if _, err := r.store.Subscribe(t.Context(), "eve@example.org", "fr", nil); err != nil {
		t.Fatal(err)
	}
	if ok, err := r.store.RequestConfirmation(t.Context(), "eve@example.org"); !ok || err != nil {
		t.Fatalf("RequestConfirmation = %v, %v", ok, err)
	}
	r.work()
	got := r.mail.take()
	const prefix = "https://status.acme.example/fr/subscribe/confirm/?token="
	if len(got) != 1 || got[0].Lang != "fr" || !strings.HasPrefix(got[0].Subject, "[État Acme]") || !strings.Contains(got[0].Text, prefix) {
		t.Fatalf("confirmation: %+v", got)
	}
	_, token, _ := strings.Cut(got[0].Text, prefix)
	token, _, _ = strings.Cut(token, "\n")
	if sub, err := r.store.Confirm(t.Context(), token); err != nil || sub.State != store.Confirmed {
		t.Errorf("Confirm with the mailed token = %+v, %v", sub, err)
	}
}

// TestGoneWebhook: a webhook that answers 410 is sent nothing more and counted as failed for
// good; given a new URL, the channel is sent to again.
func TestGoneWebhook(t *testing.T) {
	r := newRig(t, t.TempDir(), siteYAML+oldIncident)
	var calls atomic.Int32
	gone := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		calls.Add(1)
		w.WriteHeader(http.StatusGone)
	}))
	defer gone.Close()
	r.channels.Channels = r.channels.Channels[:1]
	r.channels.Channels[0].URL = gone.URL
	r.edit(siteYAML + oldIncident + apiIncident(first))
	r.step(time.Second)
	r.step(time.Minute)
	r.work()
	f, err := r.store.Failures(t.Context())
	if err != nil || f.Webhooks != 1 || calls.Load() != 1 {
		t.Fatalf("after a 410: %d calls, failures %+v, %v; want 1 call and 1 failed webhook", calls.Load(), f, err)
	}
	r.edit(siteYAML + oldIncident + apiIncident(first+`  - at: 2026-03-10T22:01:00Z
    status: identified
    text: Found it.
`))
	r.step(time.Second)
	r.step(time.Minute)
	r.work()
	if calls.Load() != 1 {
		t.Errorf("the gone webhook was called %d times; want once", calls.Load())
	}
	hook := r.hooks
	r.channels.Channels[0].URL = r.hookURL
	r.edit(siteYAML + oldIncident + apiIncident(first+`  - at: 2026-03-10T22:01:00Z
    status: identified
    text: Found it.
  - at: 2026-03-10T22:02:00Z
    status: monitoring
    text: Fixed.
`))
	r.step(time.Second)
	r.step(time.Minute)
	r.work()
	select {
	case <-hook:
	default:
		t.Error("the channel with its new URL was not sent to")
	}
}
