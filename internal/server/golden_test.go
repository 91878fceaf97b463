package server_test

import (
	"net/http"
	"path/filepath"
	"testing"

	"statuspress/internal/testsupport"
)

// TestGolden holds the main pages, as served at the fixed clock, against the files in
// testdata/golden. After an intended change, run go test ./internal/server -run TestGolden
// -update and read the diff of testdata/golden before committing it.
func TestGolden(t *testing.T) {
	s := sample(t)
	for _, tc := range []struct {
		name, path string
		code       int
	}{
		{"overview.en", "/en/", http.StatusOK},
		{"overview.nl", "/nl/", http.StatusOK},
		{"incident.fr.mobile-sdk-400-errors", "/fr/incidents/mobile-sdk-400-errors/", http.StatusOK},
		{"history.de", "/de/history/", http.StatusOK},
		{"component.en.rest-api", "/en/components/rest-api/", http.StatusOK},
		{"incident.nl.webhook-delays", "/nl/incidents/webhook-delays/", http.StatusOK},
		{"notfound.nl", "/nl/incidents/no-such-incident/", http.StatusNotFound},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec := get(t, s, tc.path)
			if rec.Code != tc.code {
				t.Fatalf("GET %s: status %d, want %d", tc.path, rec.Code, tc.code)
			}
			testsupport.Golden(t, filepath.Join("testdata", "golden", tc.name+".html"), rec.Body.Bytes())
		})
	}
}
