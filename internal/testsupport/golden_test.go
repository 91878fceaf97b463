package testsupport

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestGolden(t *testing.T) {
	file := filepath.Join(t.TempDir(), "golden", "page.html")
	setUpdate := func(on bool) {
		old := *update
		*update = on
		t.Cleanup(func() { *update = old })
	}

	// -update writes the file, folders included, and compares nothing.
	setUpdate(true)
	Golden(t, file, []byte("<p>one</p>\n"))
	if data, err := os.ReadFile(file); err != nil || string(data) != "<p>one</p>\n" {
		t.Fatalf("-update wrote %q, %v", data, err)
	}

	setUpdate(false)
	Golden(t, file, []byte("<p>one</p>\n")) // the same bytes pass
	inner := &fakeTB{TB: t}
	Golden(inner, file, []byte("<p>two</p>\n"))
	if len(inner.errors) != 1 || !strings.Contains(inner.errors[0], "<p>one</p>") || !strings.Contains(inner.errors[0], "<p>two</p>") {
		t.Errorf("other bytes reported %q, want one -want +got diff", inner.errors)
	}
	if data, _ := os.ReadFile(file); string(data) != "<p>one</p>\n" {
		t.Errorf("a comparison changed the golden file to %q", data)
	}
}

// fakeTB keeps what Golden reports instead of failing the test.
type fakeTB struct {
	testing.TB
	errors []string
}

func (f *fakeTB) Helper() {}
func (f *fakeTB) Errorf(format string, args ...any) {
	f.errors = append(f.errors, fmt.Sprintf(format, args...))
}
