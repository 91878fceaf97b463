package outbound

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"
	"time"
)

func TestPublic(t *testing.T) {
	for _, tt := range []struct {
		addr string
		want bool
	}{
		{"8.8.8.8", true},
		{"2606:4700:4700::1111", true},
		{"127.0.0.1", false},
		{"127.8.9.10", false},
		{"::1", false},
		{"::ffff:127.0.0.1", false},
		{"::ffff:10.0.0.1", false},
		{"10.1.2.3", false},
		{"172.16.0.1", false},
		{"192.168.1.1", false},
		{"169.254.169.254", false}, // cloud metadata
		{"fe80::1", false},
		{"fc00::1", false},
		{"fd12:3456::1", false},
		{"0.0.0.0", false},
		{"::", false},
		{"0.1.2.3", false},
		{"100.64.0.1", false},
		{"224.0.0.1", false},
		{"ff02::1", false},
		{"255.255.255.255", false},
		{"198.18.0.1", false},
		{"192.0.2.1", false},
		{"64:ff9b::a00:1", false}, // NAT64 of 10.0.0.1
		{"2002:a00:1::1", false},  // 6to4 of 10.0.0.1
		{"2001:db8::1", false},
	} {
		if got := Public(netip.MustParseAddr(tt.addr)); got != tt.want {
			t.Errorf("Public(%s) = %v, want %v", tt.addr, got, tt.want)
		}
	}
}

func post(t *testing.T, c *http.Client, url string) Result {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, url, strings.NewReader(`{"x":1}`))
	if err != nil {
		t.Fatal(err)
	}
	return Do(c, req, time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC))
}

func TestRefusesPrivateAddresses(t *testing.T) {
	hit := false
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hit = true }))
	defer srv.Close()
	c := NewClient(Options{})
	port := srv.URL[strings.LastIndex(srv.URL, ":"):]
	// localhost is a name: it resolves first, and the connection to what it resolved to is refused.
	for _, url := range []string{srv.URL, "http://localhost" + port, "http://[::1]" + port} {
		r := post(t, c, url)
		if r.Outcome != Permanent || !errors.Is(r.Err, ErrRefused) {
			t.Errorf("%s: %v, %v; want a permanent refusal", url, r.Outcome, r.Err)
		}
	}
	if hit {
		t.Error("the receiver on loopback was reached")
	}
	if r := post(t, NewClient(Options{AllowPrivate: true}), srv.URL); r.Outcome != Success {
		t.Errorf("with private addresses allowed: %v, %v", r.Outcome, r.Err)
	}
}

func TestClassify(t *testing.T) {
	mux := http.NewServeMux()
	answer := func(code int, header ...string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			for i := 0; i+1 < len(header); i += 2 {
				w.Header().Set(header[i], header[i+1])
			}
			w.WriteHeader(code)
		}
	}
	mux.Handle("/ok", answer(204))
	mux.Handle("/busy", answer(503, "Retry-After", "120"))
	mux.Handle("/slow-down", answer(429, "Retry-After", "Sun, 01 Mar 2026 12:05:00 GMT"))
	mux.Handle("/forever", answer(429, "Retry-After", "99999999"))
	mux.Handle("/broken", answer(500))
	mux.Handle("/timeout", answer(408))
	mux.Handle("/gone", answer(410))
	mux.Handle("/not-found", answer(404))
	mux.Handle("/unauthorized", answer(401))
	mux.Handle("/moved", http.RedirectHandler("/ok", http.StatusPermanentRedirect))
	mux.Handle("/loop", http.RedirectHandler("/loop", http.StatusTemporaryRedirect))
	srv := httptest.NewServer(mux)
	defer srv.Close()
	other := httptest.NewServer(mux)
	defer other.Close()
	mux.Handle("/away", http.RedirectHandler(other.URL+"/ok", http.StatusTemporaryRedirect))

	c := NewClient(Options{AllowPrivate: true})
	for _, tt := range []struct {
		path       string
		outcome    Outcome
		retryAfter time.Duration
		err        error
	}{
		{"/ok", Success, 0, nil},
		{"/busy", Retry, 2 * time.Minute, nil},
		{"/slow-down", Retry, 5 * time.Minute, nil},
		{"/forever", Retry, maxRetryAfter, nil},
		{"/broken", Retry, 0, nil},
		{"/timeout", Retry, 0, nil},
		{"/gone", Permanent, 0, nil},
		{"/not-found", Permanent, 0, nil},
		{"/unauthorized", Permanent, 0, nil},
		{"/moved", Success, 0, nil},
		{"/loop", Permanent, 0, ErrRedirect},
		{"/away", Permanent, 0, ErrRedirect},
	} {
		r := post(t, c, srv.URL+tt.path)
		if r.Outcome != tt.outcome || r.RetryAfter != tt.retryAfter {
			t.Errorf("%s: %v after %v (%v), want %v after %v", tt.path, r.Outcome, r.RetryAfter, r.Err, tt.outcome, tt.retryAfter)
		}
		if tt.err != nil && !errors.Is(r.Err, tt.err) {
			t.Errorf("%s: error %v, want %v", tt.path, r.Err, tt.err)
		}
	}
}

func TestTimeoutIsRetried(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { <-release }))
	defer srv.Close()
	defer close(release)
	r := post(t, NewClient(Options{AllowPrivate: true, Timeout: 200 * time.Millisecond}), srv.URL)
	if r.Outcome != Retry || r.Err == nil {
		t.Errorf("a receiver that does not answer: %v, %v; want retry", r.Outcome, r.Err)
	}
}

func TestBodyReadIsBounded(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		chunk := []byte(strings.Repeat("x", 32<<10))
		for r.Context().Err() == nil {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	}))
	defer srv.Close()
	start := time.Now()
	r := post(t, NewClient(Options{AllowPrivate: true, Timeout: 10 * time.Second}), srv.URL)
	if r.Outcome != Success || len(r.Body) != 512 {
		t.Errorf("an endless answer: %v, %d bytes kept, %v", r.Outcome, len(r.Body), r.Err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("reading an endless answer took %v: the read is not bounded", d)
	}
}
