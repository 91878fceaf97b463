package chat

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"statuspress/internal/notify/config"
	"statuspress/internal/notify/outbound"
)

func TestSendToAChannel(t *testing.T) {
	var got map[string]any
	throttle := false
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Content-Type") != "application/json" {
			t.Errorf("content type %q", r.Header.Get("Content-Type"))
		}
		body, _ := io.ReadAll(r.Body)
		if err := json.Unmarshal(body, &got); err != nil {
			t.Error(err)
		}
		if throttle {
			io.WriteString(w, "Microsoft Teams endpoint returned HTTP error 429 with ContextId tcid=0")
			return
		}
		io.WriteString(w, "1")
	}))
	defer srv.Close()
	client := outbound.NewClient(outbound.Options{AllowPrivate: true})
	ch := config.Channel{Name: "t", Type: config.Teams, URL: srv.URL}
	send := func() outbound.Result {
		req, err := NewRequest(context.Background(), ch, sample())
		if err != nil {
			t.Fatal(err)
		}
		return Outcome(ch.Type, outbound.Do(client, req, time.Now()))
	}
	if r := send(); r.Outcome != outbound.Success || got["type"] != "message" {
		t.Errorf("%v %v; received %v", r.Outcome, r.Err, got)
	}
	throttle = true
	if r := send(); r.Outcome != outbound.Retry {
		t.Errorf("a throttled Teams webhook: %v, want retry", r.Outcome)
	}
	if r := Outcome(config.Slack, outbound.Result{Outcome: outbound.Success, Body: teamsThrottled}); r.Outcome != outbound.Success {
		t.Error("the Teams rule applies to Slack")
	}
}
