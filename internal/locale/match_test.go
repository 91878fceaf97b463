package locale_test

import (
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"statuspress/internal/locale"
)

func TestMatch(t *testing.T) {
	all := []string{"en", "nl", "fr", "de"}
	noDutch := []string{"en", "fr", "de"}
	tests := []struct {
		name    string
		enabled []string
		def     string
		cookie  string
		header  string
		want    string
	}{
		{"Belgian Dutch", all, "en", "", "nl-BE", "nl"},
		{"Austrian German", all, "en", "", "de-AT", "de"},
		{"Canadian French", all, "en", "", "fr-CA", "fr"},
		{"British English", all, "nl", "", "en-GB", "en"},
		{"Swiss French", all, "en", "", "fr-CH,fr;q=0.9,en;q=0.8", "fr"},
		{"Spanish gets the default", all, "nl", "", "es", "nl"},
		{"Spanish first, then French", all, "en", "", "es-ES,es;q=0.9,fr;q=0.5", "fr"},
		{"browser order wins over site order", all, "en", "", "de-DE,de;q=0.9,nl;q=0.8", "de"},
		{"quality values, not order", all, "en", "", "en;q=0.2, de;q=0.9", "de"},
		{"refused language", all, "fr", "", "nl;q=0, de;q=0.5", "de"},
		{"wildcard", all, "nl", "", "*", "nl"},
		{"garbage header", all, "fr", "", ";;;q=x,,", "fr"},
		{"empty header", all, "de", "", "", "de"},
		{"Frisian reads Dutch", all, "en", "", "fy", "nl"},
		{"Swiss German reads German", all, "en", "", "gsw", "de"},
		{"Norwegian is not Dutch or German", all, "fr", "", "nb", "fr"},
		{"cookie wins over header", all, "en", "nl", "de-DE", "nl"},
		{"cookie is case-insensitive", all, "en", " NL ", "de-DE", "nl"},
		{"cookie of a disabled language ignored", noDutch, "en", "nl", "fr-FR", "fr"},
		{"cookie of an unknown language ignored", all, "en", "xx", "", "en"},
		{"cookie garbage ignored", all, "de", "<script>", "fr", "fr"},
		{"Dutch disabled: nl-BE goes to the default", noDutch, "fr", "", "nl-BE", "fr"},
		{"Dutch disabled: nl-BE then German", noDutch, "fr", "", "nl-BE,de;q=0.5", "de"},
		{"Dutch disabled: default not first in order", []string{"en", "fr", "de"}, "de", "", "nl-NL", "de"},
		{"only one language", []string{"de"}, "de", "en", "en-US", "de"},
		{"no default given: first enabled", []string{"fr", "en"}, "", "", "es", "fr"},
		{"nothing enabled", nil, "en", "nl", "nl", "en"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := locale.Match(tt.enabled, tt.def, tt.cookie, tt.header)
			if got != tt.want {
				t.Errorf("Match(%q, %q, %q, %q) = %q, want %q", tt.enabled, tt.def, tt.cookie, tt.header, got, tt.want)
			}
		})
	}
}

// TestMatcherConcurrent: one Matcher answers many requests at once, each as it answers alone (and
// under -race, without a data race).
func TestMatcherConcurrent(t *testing.T) {
	m := locale.NewMatcher([]string{"en", "nl", "fr", "de"}, "en")
	headers := []string{"nl-BE", "de-AT", "fr-CA", "es"}
	want := make([]string, len(headers))
	for i, h := range headers {
		want[i] = locale.NewMatcher([]string{"en", "nl", "fr", "de"}, "en").Match("", h)
	}
	if diff := cmp.Diff([]string{"nl", "de", "fr", "en"}, want); diff != "" {
		t.Fatalf("alone (-want +got):\n%s", diff)
	}
	got := make([][]string, len(headers))
	var wg sync.WaitGroup
	for i, h := range headers {
		wg.Go(func() {
			for range 100 {
				got[i] = append(got[i], m.Match("", h))
			}
		})
	}
	wg.Wait()
	for i, h := range headers {
		for j, g := range got[i] {
			if g != want[i] {
				t.Errorf("%s, call %d of 100 at once: %q, want %q", h, j+1, g, want[i])
				break
			}
		}
	}
}

// BenchmarkMatch compares a Matcher made for each reader with one kept per site configuration, as
// a snapshot keeps it.
func BenchmarkMatch(b *testing.B) {
	enabled := []string{"en", "nl", "fr", "de"}
	const accept = "nl-BE,nl;q=0.9,en;q=0.8"
	b.Run("new-each-time", func(b *testing.B) {
		for b.Loop() {
			locale.Match(enabled, "en", "", accept)
		}
	})
	m := locale.NewMatcher(enabled, "en")
	b.Run("kept", func(b *testing.B) {
		for b.Loop() {
			m.Match("", accept)
		}
	})
}
