package locales_test

import (
	"io/fs"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/google/go-cmp/cmp"

	"statuspress/locales"
)

// The loader in internal/locale checks the messages themselves; this only pins what the
// binary carries, so a stray or missing file shows up here first.
func TestFS(t *testing.T) {
	names, err := fs.Glob(locales.FS, "*.toml")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"active.de.toml", "active.en.toml", "active.fr.toml", "active.nl.toml"}
	if diff := cmp.Diff(want, names); diff != "" {
		t.Errorf("embedded files (-want +got):\n%s", diff)
	}
	for _, name := range names {
		b, err := fs.ReadFile(locales.FS, name)
		if err != nil {
			t.Fatal(err)
		}
		var v map[string]any
		if err := toml.Unmarshal(b, &v); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}
