package server_test

import (
	"flag"
	"net/http"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite golden files")

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
			file := filepath.Join("testdata", "golden", tc.name+".html")
			got := rec.Body.String()
			if *update {
				if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(file)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), got); diff != "" {
				t.Errorf("GET %s differs from %s (-want +got); if the change is intended, rerun with -update:\n%s", tc.path, file, diff)
			}
		})
	}
}
