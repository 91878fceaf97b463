package site_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"statuspress/internal/site"
)

// TestMatchLanguage: a snapshot chooses readers' languages among its site's, as locale.Match does
// for them, and a reload that changes site.yaml's languages changes the choice.
func TestMatchLanguage(t *testing.T) {
	loaded := at("2026-11-23T12:00:00Z")
	dir, ld, snap := editable(t, loaded)

	check := func(snap *site.Snapshot, cases [][3]string) {
		t.Helper()
		for _, c := range cases {
			cookie, accept, want := c[0], c[1], c[2]
			if got := snap.MatchLanguage(cookie, accept); got != want {
				t.Errorf("MatchLanguage(%q, %q) = %q, want %q", cookie, accept, got, want)
			}
		}
	}
	// The small site speaks en (its default) and nl.
	check(snap, [][3]string{
		{"", "nl-BE,nl;q=0.9", "nl"},
		{"", "fr-FR", "en"},
		{"de", "de", "en"},
		{"nl", "en", "nl"},
		{"", "", "en"},
	})

	siteYAML := filepath.Join(dir, "site.yaml")
	b, err := os.ReadFile(siteYAML)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(b), "languages: [en, nl]", "languages: [en, nl, fr]", 1)
	if edited == string(b) {
		t.Fatal("site.yaml lacks its languages line")
	}
	edited = strings.Replace(edited, "nl: Kleine status", "nl: Kleine status\n  fr: Petit statut", 1)
	if err := os.WriteFile(siteYAML, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	c := ld.Load()
	if n := c.Problems.Errors(); n > 0 {
		t.Fatalf("edited site.yaml: %v", c.Problems)
	}
	updated := site.Update(snap, c, loaded)
	check(updated, [][3]string{
		{"", "fr-FR", "fr"},
		{"fr", "nl", "fr"},
		{"", "nl-BE", "nl"},
	})
	// The snapshot requests may still answer from keeps its choice.
	check(snap, [][3]string{{"", "fr-FR", "en"}})
}
