package content

import (
	"io/fs"
	"os"
	"strings"
	"testing"

	"github.com/goccy/go-yaml/parser"

	"statuspress/internal/testsupport"
)

// BenchmarkFrontMatter parses the front matter of every incident file of the sample site and of
// the synthetic corpus of 1,000 items: as Load does (parseFast, with goccy/go-yaml for what it
// does not take), with goccy/go-yaml alone into the same tree, and goccy's syntax tree alone
// (what any parser that keeps lines and columns costs before the decoders can walk its tree).
// It is the figure that justifies parseFast (see yamlfast.go).
func BenchmarkFrontMatter(b *testing.B) {
	for _, c := range []struct{ name, dir string }{{"sample", "../../incidents"}, {"1000", testsupport.Corpus(b, 1000)}} {
		fms := frontMatters(b, c.dir)
		doc := &yamlDoc{r: &report{}, lineOff: 1}
		run := func(name string, parse func([]byte) bool) {
			b.Run(c.name+"/"+name, func(b *testing.B) {
				for b.Loop() {
					for _, fm := range fms {
						if !parse(fm) {
							b.Fatalf("not parsed:\n%s", fm)
						}
					}
				}
			})
		}
		run("fast", func(fm []byte) bool { return doc.parse(fm) != nil })
		run("goccy", func(fm []byte) bool { return doc.parseGoccy(fm) != nil })
		run("goccy-ast", func(fm []byte) bool {
			f, err := parser.ParseBytes(fm, 0, parser.AllowDuplicateMapKey())
			return err == nil && len(f.Docs) == 1
		})
	}
}

// frontMatters is the front matter of every incident file under dir.
func frontMatters(b *testing.B, dir string) [][]byte {
	b.Helper()
	var out [][]byte
	fast := 0
	err := fs.WalkDir(os.DirFS(dir), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") || ignored(d.Name()) {
			return err
		}
		src, err := os.ReadFile(dir + "/" + p)
		if err != nil {
			return err
		}
		fm, _, _, ok := split(src, &report{})
		if !ok {
			b.Fatalf("%s: no front matter", p)
		}
		if _, ok := parseFast(fm); ok {
			fast++
		}
		out = append(out, fm)
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("%d files, %d of them taken by parseFast", len(out), fast)
	return out
}
