package webhook_test

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"statuspress/internal/content"
	"statuspress/internal/locale"
	"statuspress/internal/notify/outbound"
	"statuspress/internal/notify/webhook"
	"statuspress/internal/statusapi"
	"statuspress/locales"
)

// The Standard Webhooks specification's published test vector, from the reference libraries'
// tests (standard-webhooks/standard-webhooks, libraries/go/webhook_test.go, TestWebhookSign).
const (
	vectorSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
	vectorID     = "msg_p5jXN8AQM9LWM0D4loKWxJek"
	vectorTime   = 1614265330
	vectorBody   = `{"test": 2432232314}`
	vectorSig    = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
)

func TestSignMatchesTheSpecificationsVector(t *testing.T) {
	key, err := webhook.DecodeSecret(vectorSecret)
	if err != nil {
		t.Fatal(err)
	}
	if got := webhook.Sign(key, vectorID, time.Unix(vectorTime, 0), []byte(vectorBody)); got != vectorSig {
		t.Errorf("Sign = %s, want %s", got, vectorSig)
	}
}

func TestDecodeSecret(t *testing.T) {
	for _, s := range []string{"MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "whsec_!!!", "whsec_c2hvcnQ=", "whsec_" + base64.StdEncoding.EncodeToString(make([]byte, 65))} {
		if _, err := webhook.DecodeSecret(s); err == nil {
			t.Errorf("DecodeSecret(%q) took it", s)
		} else if strings.Contains(err.Error(), strings.TrimPrefix(s, "whsec_")) {
			t.Errorf("the error quotes the secret: %v", err)
		}
	}
}

// verify checks a request as the specification tells receivers to, written from the text of the
// specification and not from Sign: the signed content is "<msg_id>.<timestamp>.<payload>", the key
// is the base64 part of the secret decoded, the signature header lists space-separated
// "<version>,<base64 signature>" entries, and the timestamp must be recent.
func verify(secret string, h http.Header, body []byte, now time.Time) error {
	key, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(secret, "whsec_"))
	if err != nil {
		return err
	}
	id, ts := h.Get("webhook-id"), h.Get("webhook-timestamp")
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil || id == "" {
		return errors.New("bad headers")
	}
	if d := now.Sub(time.Unix(sec, 0)); d > 5*time.Minute || d < -5*time.Minute {
		return errors.New("stale")
	}
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(id + "." + ts + "." + string(body)))
	want := mac.Sum(nil)
	for _, entry := range strings.Split(h.Get("webhook-signature"), " ") {
		version, sig, _ := strings.Cut(entry, ",")
		got, err := base64.StdEncoding.DecodeString(sig)
		if version == "v1" && err == nil && hmac.Equal(got, want) {
			return nil
		}
	}
	return errors.New("no valid signature")
}

func TestVerify(t *testing.T) {
	key, _ := webhook.DecodeSecret(vectorSecret)
	now := time.Unix(vectorTime, 0)
	h := http.Header{}
	h.Set("webhook-id", vectorID)
	h.Set("webhook-timestamp", strconv.Itoa(vectorTime))
	h.Set("webhook-signature", "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= "+vectorSig)
	if err := webhook.Verify(key, h, []byte(vectorBody), now); err != nil {
		t.Errorf("the vector with a second, wrong signature: %v", err)
	}
	if err := webhook.Verify(key, h, []byte(vectorBody+" "), now); !errors.Is(err, webhook.ErrSignature) {
		t.Errorf("a changed body: %v", err)
	}
	if err := webhook.Verify(key, h, []byte(vectorBody), now.Add(6*time.Minute)); !errors.Is(err, webhook.ErrTimestamp) {
		t.Errorf("a replay six minutes later: %v", err)
	}
	h.Del("webhook-id")
	if err := webhook.Verify(key, h, []byte(vectorBody), now); !errors.Is(err, webhook.ErrMissingHeaders) {
		t.Errorf("no webhook-id: %v", err)
	}
}

var clock = time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)

const baseURL = "https://status.lumenmail.example"

var messageCatalog = sync.OnceValues(func() (*locale.Catalog, error) { return locale.Load(locales.FS) })

// view is the Status API of the sample content at clock.
func view(t *testing.T) *statusapi.View {
	t.Helper()
	cat := content.Load(os.DirFS("../../../incidents"), content.Options{})
	if n := cat.Problems.Errors(); n > 0 {
		t.Fatalf("sample content has %d errors:\n%v", n, cat.Problems)
	}
	lc, err := messageCatalog()
	if err != nil {
		t.Fatal(err)
	}
	return statusapi.New(statusapi.Params{
		Site: cat.Site, Incidents: cat.Incidents, Now: clock, BaseURL: baseURL,
		Localizer:   lc.Localizer("en", cat.Site.Location("en")),
		IncidentURL: func(slug string) string { return baseURL + "/en/incidents/" + slug + "/" },
	})
}

func payloads(t *testing.T) map[string]webhook.Payload {
	v := view(t)
	meta := webhook.Meta{Unsubscribe: baseURL + "/", Documentation: "https://github.com/statuspress/statuspress#webhooks"}
	page := webhook.PageOf(v.Page(), v.Status())
	incidents, maintenances := v.Incidents(), v.Maintenances()
	if len(incidents) == 0 || len(maintenances) == 0 {
		t.Fatal("the sample content has no incident or no maintenance at the clock")
	}
	comp := v.Components()[0]
	if comp.Group {
		comp = v.Components()[1]
	}
	return map[string]webhook.Payload{
		"incident":    webhook.ForIncident(meta, page, incidents[0]),
		"maintenance": webhook.ForMaintenance(meta, page, maintenances[0]),
		"component": webhook.ForComponent(meta, page, webhook.ComponentUpdate{
			ID: "x1", ComponentID: comp.ID, CreatedAt: "2026-11-23T12:00:00.000Z", OldStatus: "operational", NewStatus: "major_outage",
		}, comp),
	}
}

func TestPayloadHasStatuspagesShape(t *testing.T) {
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	for _, f := range []string{"../../statusapi/testdata/statuspage.schema.json", "testdata/webhook.schema.json"} {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(src))
		if err != nil {
			t.Fatal(err)
		}
		if err := c.AddResource("https://statuspress.dev/schema/statuspage-v2/"+filepath.Base(f), doc); err != nil {
			t.Fatal(err)
		}
	}
	s, err := c.Compile("https://statuspress.dev/schema/statuspage-v2/webhook.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	for name, p := range payloads(t) {
		body, _ := json.Marshal(p)
		doc, _ := jsonschema.UnmarshalJSON(bytes.NewReader(body))
		if err := s.Validate(doc); err != nil {
			t.Errorf("%s: %v\n%s", name, err, body)
		}
	}
}

// statuspageWebhook is what a receiver written for Statuspage decodes, from Atlassian's
// documented example.
type statuspageWebhook struct {
	Meta struct {
		Unsubscribe   string `json:"unsubscribe"`
		Documentation string `json:"documentation"`
	} `json:"meta"`
	Page struct {
		ID                string `json:"id"`
		StatusIndicator   string `json:"status_indicator"`
		StatusDescription string `json:"status_description"`
	} `json:"page"`
	Incident *struct {
		ID              string `json:"id"`
		Name            string `json:"name"`
		Status          string `json:"status"`
		Impact          string `json:"impact"`
		Shortlink       string `json:"shortlink"`
		IncidentUpdates []struct {
			ID         string `json:"id"`
			Status     string `json:"status"`
			Body       string `json:"body"`
			IncidentID string `json:"incident_id"`
			CreatedAt  string `json:"created_at"`
		} `json:"incident_updates"`
	} `json:"incident"`
}

func TestReceiverVerifiesAndDecodes(t *testing.T) {
	var mu sync.Mutex
	var got []statuspageWebhook
	var errs []error
	receiver := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		mu.Lock()
		defer mu.Unlock()
		if err := verify(vectorSecret, r.Header, body, time.Now()); err != nil {
			errs = append(errs, err)
			http.Error(w, err.Error(), http.StatusUnauthorized)
			return
		}
		var p statuspageWebhook
		if err := json.Unmarshal(body, &p); err != nil {
			errs = append(errs, err)
		}
		got = append(got, p)
	}))
	defer receiver.Close()

	key, _ := webhook.DecodeSecret(vectorSecret)
	p := payloads(t)["incident"]
	body, _ := json.Marshal(p)
	req, err := webhook.NewRequest(context.Background(), receiver.URL, key, "msg_test", time.Now(), body)
	if err != nil {
		t.Fatal(err)
	}
	client := outbound.NewClient(outbound.Options{AllowPrivate: true})
	if r := outbound.Do(client, req, time.Now()); r.Outcome != outbound.Success {
		t.Fatalf("delivery: %v %v %s", r.Outcome, r.Err, r.Body)
	}
	mu.Lock()
	if len(errs) > 0 {
		t.Fatalf("the receiver refused: %v", errs)
	}
	first := got[0]
	mu.Unlock()
	in := first.Incident
	if in == nil || in.ID != p.Incident.ID || len(in.IncidentUpdates) == 0 || in.IncidentUpdates[0].IncidentID != in.ID || first.Page.ID == "" {
		t.Errorf("decoded %+v", first)
	}

	// A tampered body fails the receiver's check.
	signed, _ := webhook.NewRequest(context.Background(), receiver.URL, key, "msg_test", time.Now(), body)
	req, _ = http.NewRequest(http.MethodPost, receiver.URL, bytes.NewReader(append(body[:len(body)-1:len(body)-1], ' ', '}')))
	req.Header = signed.Header
	if r := outbound.Do(client, req, time.Now()); r.Outcome != outbound.Permanent || r.Status != http.StatusUnauthorized {
		t.Errorf("a tampered body: %v %d", r.Outcome, r.Status)
	}
}
