package server_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"statuspress/internal/subscription"
)

// BenchmarkSubscribePost is the subscribe POST through the full router on a SQLite store, with
// the rate limits on (the defaults): every request is a new address from a new client, so each
// is checked against both limits, recorded and its confirmation queued. The issue asks for 500
// a second at least; 1/(ns/op) is the figure, one request at a time.
func BenchmarkSubscribePost(b *testing.B) {
	f := newSubs(b, subscription.Options{}, nil)
	token := formToken(b, f.srv, "/en/subscribe/")
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		form := url.Values{"token": {token}, "email": {fmt.Sprintf("reader%d@example.org", i)},
			"component": {"rest-api", "webhooks"}, "website": {""}}
		req := httptest.NewRequest(http.MethodPost, "/en/subscribe/", strings.NewReader(form.Encode()))
		req.RemoteAddr = fmt.Sprintf("10.%d.%d.%d:40000", i>>16&255, i>>8&255, i&255)
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Origin", baseURL)
		req.Header.Set("Sec-Fetch-Site", "same-origin")
		rec := httptest.NewRecorder()
		f.srv.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatalf("request %d: %d", i, rec.Code)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "req/s")
}
