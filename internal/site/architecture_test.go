package site_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"statuspress/internal/site"
	"statuspress/internal/testsupport"
)

// TestArchitectureListsEveryRoute keeps the URL map of docs/architecture.md in step with
// site.Routes: a route added to the code and not to the document, or left in the document after
// it went, fails here.
func TestArchitectureListsEveryRoute(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join(testsupport.ModuleRoot(t), "docs", "architecture.md"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(doc)
	known := map[string]bool{}
	for _, r := range site.Routes {
		known[r.Pattern] = true
		if !strings.Contains(text, "`"+r.Pattern+"`") {
			t.Errorf("docs/architecture.md does not list the route %s", r.Pattern)
		}
	}
	// Every pattern in the URL table's first column is a route.
	for _, line := range strings.Split(text, "\n") {
		if !strings.HasPrefix(line, "| `/") {
			continue
		}
		first := strings.SplitN(line, "|", 3)[1]
		for _, field := range strings.Split(first, "`") {
			if strings.HasPrefix(field, "/") && !known[field] {
				t.Errorf("docs/architecture.md lists %s, which is not in site.Routes", field)
			}
		}
	}
}
