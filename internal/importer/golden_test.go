package importer

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"statuspress/internal/testsupport"
)

// tree is every file of dir as a txtar archive, in path order.
func tree(t *testing.T, dir string) []byte {
	t.Helper()
	var b strings.Builder
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		b.WriteString("-- " + filepath.ToSlash(rel) + " --\n")
		b.Write(data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return []byte(b.String())
}

// TestGolden pins what the import writes from each fixture: every file, byte for byte.
func TestGolden(t *testing.T) {
	for _, tc := range []struct {
		name string
		page func(t *testing.T) *Page
	}{
		{"statuspage", func(t *testing.T) *Page { return statuspagePage(t, "testdata/statuspage/full") }},
		{"statuspage-messy", func(t *testing.T) *Page { return statuspagePage(t, "testdata/statuspage/incidents-only") }},
		{"cstate", cstatePage},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			plan, err := Prepare(tc.page(t), dir, "en")
			if err != nil {
				t.Fatal(err)
			}
			if err := plan.Write(); err != nil {
				t.Fatal(err)
			}
			testsupport.Golden(t, filepath.Join("testdata", "golden", tc.name+".txtar"), tree(t, dir))
		})
	}
}
