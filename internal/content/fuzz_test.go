package content

import (
	"fmt"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// FuzzLoad feeds arbitrary bytes to the loader as an incident and as its translation. Whatever
// comes in, Load must not panic, and every problem must name a real position in the file.
func FuzzLoad(f *testing.F) {
	_ = fs.WalkDir(os.DirFS("../../incidents"), ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".md") {
			if b, err := fs.ReadFile(os.DirFS("../../incidents"), p); err == nil {
				f.Add(b)
			}
		}
		return nil
	})
	f.Add([]byte(goodIncident))
	f.Add([]byte("---\ntitle: [\n---\n"))
	f.Add([]byte("---\nupdates:\n  - at: &a 2024-01-10T10:00:00Z\n    text: *a\n---\n"))
	site, err := os.ReadFile("../../incidents/site.yaml")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fsys := fstest.MapFS{
			"site.yaml":      {Data: site},
			"x.md":           {Data: data},
			"x.nl.md":        {Data: data},
			"b/index.md":     {Data: data},
			"b/picture.png":  {Data: []byte(png)},
			"other/index.md": {Data: []byte(goodIncident)},
		}
		watchdog := time.AfterFunc(3*time.Second, func() { panic(fmt.Sprintf("Load took over 3 s on %q", data)) })
		cat := Load(fsys, Options{})
		watchdog.Stop()
		// Lines as editors, YAML and CommonMark count them: CRLF, LF, or CR alone.
		lines := strings.Count(strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(string(data)), "\n") + 2
		for _, p := range cat.Problems {
			if p.Line < 1 || p.Col < 1 || (p.Path != "site.yaml" && p.Line > lines) {
				t.Errorf("problem at an impossible position: %s", p)
			}
			if p.Message == "" {
				t.Errorf("problem without a message: %s", p)
			}
		}
		if _, ok := cat.Incident("other"); !ok {
			t.Errorf("a good file was lost next to the fuzzed ones:\n%s", cat.Problems)
		}
	})
}
