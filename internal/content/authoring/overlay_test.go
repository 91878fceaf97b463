package authoring

import (
	"io/fs"
	"testing"
	"testing/fstest"
	"time"
)

func TestOverlay(t *testing.T) {
	base := fstest.MapFS{
		"site.yaml":         {Data: []byte("title: x\n")},
		"2026/a.md":         {Data: []byte("old")},
		"2026/b.md":         {Data: []byte("b")},
		"2025/bundle/x.png": {Data: []byte("png")},
	}
	mod := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name, file string
		want       []string
	}{
		{"replace a file", "2026/a.md", []string{"site.yaml", "2026/a.md", "2026/b.md", "2025/bundle/x.png"}},
		{"new file in an existing folder", "2026/c.md", []string{"2026/a.md", "2026/c.md"}},
		{"new folders", "2027/01/new.md", []string{"2026/a.md", "2027/01/new.md"}},
		{"at the root", "root.md", []string{"root.md", "site.yaml"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := overlay{base: base, name: tt.file, data: []byte("new data"), mod: mod}
			if err := fstest.TestFS(o, tt.want...); err != nil {
				t.Fatal(err)
			}
			got, err := fs.ReadFile(o, tt.file)
			if err != nil || string(got) != "new data" {
				t.Errorf("ReadFile(%s) = %q, %v", tt.file, got, err)
			}
			info, err := fs.Stat(o, tt.file)
			if err != nil || info.Size() != int64(len("new data")) {
				t.Errorf("Stat(%s) = %v, %v", tt.file, info, err)
			}
		})
	}
}
