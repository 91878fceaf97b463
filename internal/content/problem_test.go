package content

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The hint after a message about an unknown word says something whatever the list of valid words
// holds, and never repeats it.
func TestDidYouMean(t *testing.T) {
	many := make([]string, 25)
	for i := range many {
		many[i] = fmt.Sprintf("c%02d", i)
	}
	tests := []struct {
		name       string
		word       string
		candidates []string
		want       string
	}{
		{"typo", "majr", []string{"none", "minor", "major"}, "did you mean `major`?"},
		{"far from all", "huge", []string{"none", "minor", "major"}, "use one of none, minor, major"},
		{"only one", "web", []string{"apis"}, "use `apis`, the only one"},
		{"none", "apis", nil, "there are none: declare one"},
		{"a long list is cut", "zzzzzz", many, "use one of " + strings.Join(many[:20], ", ") + " (and 5 more)"},
		{"a paragraph is no typo", strings.Repeat("major ", 10000), []string{"major"}, "use `major`, the only one"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, DidYouMean(tt.word, tt.candidates, "there are none: declare one")); diff != "" {
				t.Errorf("DidYouMean (-want +got):\n%s", diff)
			}
		})
	}
}
