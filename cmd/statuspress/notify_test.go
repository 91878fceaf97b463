package main

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"statuspress/internal/notify/webhook"
	"statuspress/internal/store"
	"statuspress/internal/store/storetest"
	"statuspress/internal/watch"
)

// TestServeNotifies runs serve with a webhook channel: the sample content is history and sends
// nothing; a new incident committed while it runs reaches the receiver once, signed, with the
// Statuspage body; /readyz and /metrics count the notifications; Close stops every goroutine the
// queue started.
func TestServeNotifies(t *testing.T) {
	key := []byte("a secret of thirty-two bytes!!!!")
	got := make(chan webhook.Payload, 10)
	receiver := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if err := webhook.Verify(key, r.Header, body, time.Now()); err != nil {
			t.Errorf("signature: %v", err)
		}
		var p webhook.Payload
		if err := json.Unmarshal(body, &p); err != nil {
			t.Errorf("body: %v", err)
		}
		got <- p
	}))
	defer receiver.Close()
	cfg := mainConfig(t, watch.Notify)
	notifyFile := filepath.Join(t.TempDir(), "notify.yaml")
	t.Setenv("TEST_HOOK_SECRET", "whsec_"+base64.StdEncoding.EncodeToString(key))
	writeFile(t, notifyFile, "channels:\n  - name: partner\n    type: webhook\n    url: "+receiver.URL+"/hook\n    secret: ${TEST_HOOK_SECRET}\n")
	var err error
	cfg, err = parseServe([]string{"--content", cfg.content, "--addr", "127.0.0.1:0", "--now", "2026-11-23T12:00:00Z",
		"--notify-config", notifyFile, "--notify-delay", "0s", "--allow-private-webhooks",
		"--db", "sqlite:" + filepath.Join(t.TempDir(), "sp.db")}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	before := goroutines()
	logs := &lockedBuffer{}
	m := &Main{Config: cfg, Log: slog.New(slog.NewTextHandler(logs, nil))}
	if err := m.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	time.Sleep(1500 * time.Millisecond)
	select {
	case p := <-got:
		t.Fatalf("history was sent: %+v", p.Incident)
	default:
	}
	writeFile(t, filepath.Join(cfg.content, "2026", "queue-delays.md"), `---
title: Delayed campaign sending
kind: incident
impact: minor
components:
  mail-delivery: degraded_performance
started: 2026-11-23T11:50:00Z
updates:
  - at: 2026-11-23T11:55:00Z
    status: investigating
    text: Campaigns leave the queue later than planned. We are looking into it.
---
`)
	select {
	case p := <-got:
		if p.Incident == nil || p.Incident.Name != "Delayed campaign sending" || len(p.Incident.IncidentUpdates) != 1 {
			t.Errorf("webhook body: %+v", p)
		}
	case <-time.After(15 * time.Second):
		t.Fatalf("no webhook within 15 s; log:\n%s", logs.String())
	}
	base := "http://" + m.Addr().String()
	// Chat and webhooks without --smtp: no e-mail form anywhere.
	if strings.Contains(body(t, base+"/en/"), `name="email"`) {
		t.Error("the overview has an e-mail form without --smtp")
	}
	if code, _ := get(t, base+"/en/subscribe/"); code != http.StatusNotFound {
		t.Errorf("/en/subscribe/ without --smtp: %d, want 404", code)
	}
	if body := body(t, base+"/readyz"); !strings.Contains(body, `"notifications"`) || !strings.Contains(body, `"failed_webhooks": 0`) {
		t.Errorf("/readyz without the notifications:\n%s", body)
	}
	waitFor(t, "the delivery counted", func() bool {
		return strings.Contains(body(t, base+"/metrics"), `statuspress_deliveries_total{kind="webhook",result="sent"} 1`)
	})
	if err := m.Close(); err != nil {
		t.Fatal(err)
	}
	checkNoLeak(t, before)
	select {
	case p := <-got:
		t.Errorf("sent twice: %+v", p.Incident)
	default:
	}
}

// TestServeNotifyConfigErrors: a notify config with errors stops serve at the start with the
// file's line, and nothing runs half-configured.
func TestServeNotifyConfigErrors(t *testing.T) {
	cfg := mainConfig(t, watch.Off)
	notifyFile := filepath.Join(t.TempDir(), "notify.yaml")
	writeFile(t, notifyFile, "channels:\n  - name: a\n    type: pigeon\n    url: https://example.org/\n")
	cfg.notify = notifyConfig{config: notifyFile, db: "sqlite:" + filepath.Join(t.TempDir(), "sp.db"), delay: time.Minute}
	before := goroutines()
	m := &Main{Config: cfg, Log: slog.New(slog.DiscardHandler)}
	err := m.Run(context.Background())
	if err == nil || !strings.Contains(err.Error(), notifyFile+":3:") {
		t.Errorf("Run: %v; want an error at %s:3", err, notifyFile)
	}
	m.Close()
	checkNoLeak(t, before)
}

func body(t *testing.T, url string) string {
	t.Helper()
	_, b := get(t, url)
	return b
}

// TestReplicasSendOnce runs two replicas of serve on one PostgreSQL database over one content
// directory, as a fleet behind a load balancer does: a commit both see reaches the webhook once.
func TestReplicasSendOnce(t *testing.T) {
	dsn := storetest.Postgres(t)(t)
	var mu sync.Mutex
	var ids []string
	receiver := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		ids = append(ids, r.Header.Get(webhook.HeaderID))
		mu.Unlock()
	}))
	defer receiver.Close()
	content := mainConfig(t, watch.Notify).content
	notifyFile := filepath.Join(t.TempDir(), "notify.yaml")
	writeFile(t, notifyFile, "channels:\n  - name: partner\n    type: webhook\n    url: "+receiver.URL+"/hook\n    secret: whsec_"+base64.StdEncoding.EncodeToString([]byte("another secret of 32 bytes!!!!!!"))+"\n")
	var replicas []*Main
	for range 2 {
		cfg, err := parseServe([]string{"--content", content, "--addr", "127.0.0.1:0", "--now", "2026-11-23T12:00:00Z",
			"--notify-config", notifyFile, "--notify-delay", "0s", "--allow-private-webhooks", "--db", dsn}, io.Discard)
		if err != nil {
			t.Fatal(err)
		}
		m := &Main{Config: cfg, Log: slog.New(slog.DiscardHandler)}
		if err := m.Run(context.Background()); err != nil {
			t.Fatal(err)
		}
		defer m.Close()
		replicas = append(replicas, m)
	}
	for i := range 3 {
		writeFile(t, filepath.Join(content, "2026", fmt.Sprintf("replica-%d.md", i)), fmt.Sprintf(`---
title: Incident %d
kind: incident
impact: minor
components:
  web-app: degraded_performance
started: 2026-11-23T11:5%d:00Z
updates:
  - at: 2026-11-23T11:5%d:00Z
    status: investigating
    text: Looking into it.
---
`, i, i, i))
	}
	waitFor(t, "three messages", func() bool {
		mu.Lock()
		defer mu.Unlock()
		return len(ids) >= 3
	})
	time.Sleep(3 * time.Second) // room for a second copy to arrive
	mu.Lock()
	defer mu.Unlock()
	slices.Sort(ids)
	if len(ids) != 3 || len(slices.Compact(slices.Clone(ids))) != 3 {
		t.Errorf("the receiver got %d messages (%q); want each of 3 once", len(ids), ids)
	}
}

// TestMailRateFlag: --mail-rate takes a positive, finite number and nothing after it.
func TestMailRateFlag(t *testing.T) {
	for rate, ok := range map[string]bool{"10": true, "0.5": true, "10abc": false, "NaN": false, "Inf": false, "0": false, "-1": false, "": false} {
		cfg, err := parseServe([]string{"--mail-rate", rate}, io.Discard)
		if (err == nil) != ok {
			t.Errorf("--mail-rate %q: %v, want ok %v", rate, err, ok)
		}
		if ok && err == nil && cfg.notify.mailRate <= 0 {
			t.Errorf("--mail-rate %q read as %v", rate, cfg.notify.mailRate)
		}
	}
}

// countingStore counts the reads of the figures /readyz and /metrics show.
type countingStore struct {
	store.Store
	reads atomic.Int32
}

func (s *countingStore) Counts(ctx context.Context) (store.Counts, error) {
	s.reads.Add(1)
	return s.Store.Counts(ctx)
}

// TestFiguresReadSeldom: however often /readyz and /metrics are asked, the database is counted
// once per figuresTTL.
func TestFiguresReadSeldom(t *testing.T) {
	st := storetest.Open(t, "sqlite:"+filepath.Join(t.TempDir(), "sp.db"), storetest.NewClock())
	cs := &countingStore{Store: st}
	n := &notifications{store: cs}
	for range 100 {
		if _, err := n.status(t.Context()); err != nil {
			t.Fatal(err)
		}
		metrics := make(chan prometheus.Metric, 100)
		(&collector{n: n}).Collect(metrics)
	}
	if got := cs.reads.Load(); got != 1 {
		t.Errorf("the database was counted %d times for 200 answers; want once", got)
	}
}
