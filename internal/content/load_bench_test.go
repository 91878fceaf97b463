package content

import (
	"fmt"
	"os"
	"testing"

	"statuspress/internal/testsupport"
	"statuspress/internal/testsupport/synthetic"
)

// BenchmarkLoad is a cold start: every file read, parsed and rendered.
func BenchmarkLoad(b *testing.B) {
	for _, n := range []int{100, 1000, 10000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			fsys := os.DirFS(testsupport.Corpus(b, n))
			for b.Loop() {
				cat := Load(fsys, Options{})
				if len(cat.Incidents) != n || len(cat.Problems) > 0 {
					b.Fatalf("loaded %d of %d incidents:\n%s", len(cat.Incidents), n, cat.Problems)
				}
			}
		})
	}
}

// BenchmarkReload is what a running server does after a support engineer saves one file: the
// Loader notices the change and rebuilds that one incident, reusing the others.
func BenchmarkReload(b *testing.B) {
	benchmarkEdit(b, func(ld *Loader, _ string) *Catalog { return ld.Load() })
}

// BenchmarkReloadChanged is the same edit with the Loader told the changed path, as the watcher
// tells it: no walk of the other files.
func BenchmarkReloadChanged(b *testing.B) {
	benchmarkEdit(b, func(ld *Loader, path string) *Catalog { return ld.LoadChanged([]string{path}) })
}

// benchmarkEdit edits the title of one incident of a copy of the corpus and has reload load the
// change, again and again.
func benchmarkEdit(b *testing.B, reload func(ld *Loader, path string) *Catalog) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			dir := editableCopy(b, testsupport.Corpus(b, n))
			ld := NewLoader(os.DirFS(dir), Options{})
			first := ld.Load()
			in := first.Incidents[len(first.Incidents)/2]
			edit := editTitle(b, dir, in.Source)
			b.ResetTimer()
			for i := 0; b.Loop(); i++ {
				title := edit(i)
				cat := reload(ld, in.Source)
				if got, _ := cat.Incident(in.Slug); got == nil || got.Original().Title != title || len(cat.Problems) > 0 {
					b.Fatalf("the edit is not loaded: %v\n%s", got, cat.Problems)
				}
			}
		})
	}
}

func editableCopy(b *testing.B, src string) string {
	b.Helper()
	dir := b.TempDir()
	if err := synthetic.EditableCopy(dir, src); err != nil {
		b.Fatal(err)
	}
	return dir
}

func editTitle(b *testing.B, dir, rel string) func(int) string {
	b.Helper()
	edit, err := synthetic.EditTitle(dir, rel)
	if err != nil {
		b.Fatal(err)
	}
	return func(i int) string {
		title, err := edit(i)
		if err != nil {
			b.Fatal(err)
		}
		return title
	}
}
