package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

const secret = "sk_live_4f9a0c2e7b1d"

// testClient is a client whose waits are recorded instead of slept.
func testClient(waits *[]time.Duration) *Client {
	c := New("statuspress/test", 2*time.Second)
	c.Sleep = func(_ context.Context, d time.Duration) error {
		*waits = append(*waits, d)
		return nil
	}
	c.Now = func() time.Time { return time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC) }
	return c
}

func TestRetries(t *testing.T) {
	for _, tc := range []struct {
		name    string
		answers []func(w http.ResponseWriter)
		waits   []time.Duration
		err     string
	}{
		{
			name: "429 with Retry-After in seconds, then 200",
			answers: []func(w http.ResponseWriter){
				func(w http.ResponseWriter) { w.Header().Set("Retry-After", "7"); w.WriteHeader(429) },
				ok,
			},
			waits: []time.Duration{7 * time.Second},
		},
		{
			name: "429 with Retry-After as a date",
			answers: []func(w http.ResponseWriter){
				func(w http.ResponseWriter) {
					w.Header().Set("Retry-After", "Tue, 01 Dec 2026 12:00:30 GMT")
					w.WriteHeader(429)
				},
				ok,
			},
			waits: []time.Duration{30 * time.Second},
		},
		{
			name: "a Retry-After past the cap waits the cap",
			answers: []func(w http.ResponseWriter){
				func(w http.ResponseWriter) { w.Header().Set("Retry-After", "86400"); w.WriteHeader(429) },
				ok,
			},
			waits: []time.Duration{time.Minute},
		},
		{
			name:    "500, 502, 503, then 200: exponential backoff",
			answers: []func(w http.ResponseWriter){status(500), status(502), status(503), ok},
			waits:   []time.Duration{time.Second, 2 * time.Second, 4 * time.Second},
		},
		{
			name:    "500 four times: the last error",
			answers: []func(w http.ResponseWriter){status(500), status(500), status(500), status(500)},
			waits:   []time.Duration{time.Second, 2 * time.Second, 4 * time.Second},
			err:     "500 Internal Server Error",
		},
		{
			name:    "404 is not retried",
			answers: []func(w http.ResponseWriter){status(404)},
			err:     "404 Not Found; check the address",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var n atomic.Int32
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				i := int(n.Add(1)) - 1
				if i >= len(tc.answers) {
					t.Errorf("request %d, more than expected", i+1)
					w.WriteHeader(500)
					return
				}
				tc.answers[i](w)
			}))
			defer srv.Close()
			var waits []time.Duration
			body, err := testClient(&waits).Get(context.Background(), srv.URL+"/api/v2/incidents.json")
			if diff := cmp.Diff(tc.waits, waits); diff != "" {
				t.Errorf("waits (-want +got):\n%s", diff)
			}
			switch {
			case tc.err == "" && err != nil:
				t.Fatal(err)
			case tc.err == "" && string(body) != `{"ok":true}`:
				t.Errorf("body %q", body)
			case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
				t.Errorf("error %v, want one with %q", err, tc.err)
			}
		})
	}
}

func ok(w http.ResponseWriter) { fmt.Fprint(w, `{"ok":true}`) }

func status(code int) func(w http.ResponseWriter) {
	return func(w http.ResponseWriter) { w.WriteHeader(code); fmt.Fprint(w, "<html>oops</html>") }
}

func TestTimeout(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(release)
	var waits []time.Duration
	c := testClient(&waits)
	c.HTTP.Timeout = 50 * time.Millisecond
	c.Attempts = 2
	_, err := c.Get(context.Background(), srv.URL+"/x.json")
	if err == nil || !strings.Contains(err.Error(), "no answer in time") {
		t.Errorf("got %v, want a timeout", err)
	}
	if len(waits) != 1 {
		t.Errorf("a timeout was retried %d times, want 1", len(waits))
	}
}

// TestKeyNeverShown: the key is sent as the Authorization header, and neither an error nor a log
// line carries it, even when the server echoes it back.
func TestKeyNeverShown(t *testing.T) {
	var gotAuth, gotUA string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gotAuth, gotUA = r.Header.Get("Authorization"), r.Header.Get("User-Agent")
		w.WriteHeader(500)
		fmt.Fprintf(w, "bad key %s (%s)", r.Header.Get("Authorization"), secret)
	}))
	defer srv.Close()
	var waits []time.Duration
	c := testClient(&waits)
	c.Authorization = "OAuth " + secret
	var logged []string
	c.Log = func(format string, args ...any) { logged = append(logged, fmt.Sprintf(format, args...)) }
	_, err := c.Get(context.Background(), srv.URL+"/v1/pages/abc?api_key="+secret)
	if gotAuth != "OAuth "+secret || gotUA != "statuspress/test" {
		t.Errorf("sent Authorization %q, User-Agent %q", gotAuth, gotUA)
	}
	for _, s := range append(logged, err.Error()) {
		if strings.Contains(s, secret) {
			t.Errorf("the key is shown: %s", s)
		}
	}
	if len(logged) != 3 {
		t.Errorf("%d log lines, want one per retry (3)", len(logged))
	}
}

func TestBodyCap(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, strings.Repeat("x", 2048))
	}))
	defer srv.Close()
	var waits []time.Duration
	c := testClient(&waits)
	c.MaxBody = 1024
	if _, err := c.Get(context.Background(), srv.URL); err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("got %v", err)
	}
	if len(waits) != 0 {
		t.Errorf("a body too large was retried")
	}
}

func TestCancel(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(503) }))
	defer srv.Close()
	c := New("statuspress/test", time.Second)
	ctx, cancel := context.WithCancel(context.Background())
	c.Sleep = func(ctx context.Context, d time.Duration) error { cancel(); return sleep(ctx, d) }
	if _, err := c.Get(ctx, srv.URL); !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, want the cancellation", err)
	}
}
