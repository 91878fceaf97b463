package content

import (
	"io/fs"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/goccy/go-yaml/parser"
	"github.com/google/go-cmp/cmp"

	"statuspress/internal/testsupport/synthetic"
	"statuspress/internal/yamlnode"
)

// sameAsGoccy fails the test when parseFast accepts src but goccy/go-yaml reads it otherwise, and
// reports whether parseFast accepted it.
func sameAsGoccy(t *testing.T, src []byte) bool {
	t.Helper()
	got, ok := parseFast(src)
	if !ok {
		return false
	}
	f, err := parser.ParseBytes(src, 0, parser.AllowDuplicateMapKey())
	if err != nil {
		t.Fatalf("parseFast accepts what goccy refuses (%v):\n%s", err, src)
	}
	if len(f.Docs) != 1 || f.Docs[0].Body == nil {
		t.Fatalf("parseFast accepts what goccy reads as %d documents:\n%s", len(f.Docs), src)
	}
	want := yamlnode.FromGoccy(f.Docs[0].Body)
	forgetNullValuePositions(want)
	forgetNullValuePositions(got)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("parseFast and goccy differ (-goccy +parseFast):\n%s\non:\n%s", diff, src)
	}
	return true
}

// forgetNullValuePositions clears where the null values of mappings are: no decoder reads them
// (a field without a value is reported at its key), and goccy's vary (at the end of the text, one
// column further).
func forgetNullValuePositions(n *yamlnode.Node) {
	for i := range n.Entries {
		if v := n.Entries[i].Value; v.Kind == yamlnode.Null {
			v.Line, v.Col = 0, 0
		}
		forgetNullValuePositions(n.Entries[i].Value)
	}
	for _, item := range n.Items {
		forgetNullValuePositions(item)
	}
}

// frontMatter returns the front matter of every Markdown file under dir, by path.
func frontMatter(t testing.TB, fsys fs.FS) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || !strings.HasSuffix(p, ".md") {
			return err
		}
		src, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		fm, _, _, ok := split(src, &report{})
		if !ok {
			t.Fatalf("%s: no front matter", p)
		}
		out[p] = fm
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestParseFastCorpus checks parseFast on the sample content and a synthetic corpus, and that it
// takes every one of those files: a file it leaves to goccy costs ten times as much to load.
func TestParseFastCorpus(t *testing.T) {
	dir := t.TempDir()
	if _, err := synthetic.Generate(synthetic.Config{N: 400, Seed: 7, Now: time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC), Dir: dir}); err != nil {
		t.Fatal(err)
	}
	for _, fsys := range []fs.FS{os.DirFS("../../incidents"), os.DirFS(dir)} {
		for p, fm := range frontMatter(t, fsys) {
			if !sameAsGoccy(t, fm) {
				t.Errorf("%s: parseFast leaves it to goccy:\n%s", p, fm)
			}
		}
	}
}

// TestParseFast pins what parseFast takes and what it leaves to goccy.
func TestParseFast(t *testing.T) {
	for _, tc := range []struct {
		name, yaml string
		fast       bool
	}{
		{"plain", "title: Mail delayed\nkind: incident\n", true},
		{"quoted", "title: \"Invoices: \\\"late\\\" \\\\ \\/\"\nsummary: 'it''s'\nx: \"\"\n", true},
		{"null and bool", "a:\nb: ~\nc: null\nd: true\ne: False\nf: 404\ng: 1.5e3\n", true},
		{"nested", "components:\n  rest-api: partial_outage\n  soap:\nstarted: 2024-01-10T10:00:00+01:00\n", true},
		{"updates", "updates:\n  - at: 2024-01-10T10:00:00Z\n    status: investigating\n    text: |\n      Line one\n        indented\n\n      Line three\n  - at: x\n    text: >-\n      folded\n      text\n\n\n      para\n", true},
		{"unindented list", "updates:\n- at: x\n  text: y\n- at: z\nkind: incident\n", true},
		{"scalar items", "languages:\n  - en\n  - \"nl\"\n", true},
		{"flow mapping", "scheduled: {start: 2024-01-10T10:00:00+01:00, end: é}\nc: { a: b ,  c: ~ }\n", true},
		{"comments", "# comment\ntitle: x\n# another\nupdates:\n# inside\n  - at: x\n    text: |\n      # a heading\n# after\n", true},
		{"non-ASCII", "title: Störung — Zahlungen\nsummary: >\n  Ärger für alle.\n", true},
		{"strip and clip", "a: |-\n  x\n\nb: >\n  y\n\n\n", true},

		{"empty", "", false},
		{"syntax error", "title: [\n", false},
		{"tab", "title:\tx\n", false},
		{"trailing space", "title: x \n", false},
		{"multi-line plain", "title: a\n  b\n", false},
		{"colon in plain", "title: a: b\n", false},
		{"trailing comment", "title: a # note\n", false},
		{"indented comment", "a:\n  # note\n  b: c\n", false},
		{"anchor", "a: &x 1\nb: *x\n", false},
		{"tag", "a: !!str 1\n", false},
		{"flow sequence", "a: [1, 2]\n", false},
		{"nested flow", "a: {b: {c: d}}\n", false},
		{"keep", "a: |+\n  x\n", false},
		{"indent indicator", "a: |2\n  x\n", false},
		{"empty block", "a: |\nb: c\n", false},
		{"blank line first", "a: |\n\n  x\n", false},
		{"folded more indented", "a: >\n  x\n    y\n", false},
		{"escape", "a: \"\\n\"\n", false},
		{"quoted key", "\"a\": b\n", false},
		{"null key", "null: b\n", false},
		{"bad indentation", "a:\n  b: c\n d: e\n", false},
		{"dash alone", "a:\n  -\n", false},
		{"nested list", "a:\n  - - b\n", false},
		{"scalar document", "just text\n", false},
		{"indented document", "  a: b\n", false},
		{"second document", "a: b\n--- \nc: d\n", false},
		{"NEL", "a: x\u0085y\n", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := sameAsGoccy(t, []byte(tc.yaml)); got != tc.fast {
				t.Errorf("parseFast took it: %t, want %t", got, tc.fast)
			}
		})
	}
}

// FuzzParseFast holds parseFast to goccy's reading of whatever it accepts.
func FuzzParseFast(f *testing.F) {
	for _, fm := range frontMatter(f, os.DirFS("../../incidents")) {
		f.Add(fm)
	}
	f.Add([]byte("a: {b: c, d: e}\nl:\n- x\n- 'y'\n"))
	f.Add([]byte("a: |\n  x\n\n  y\nb: >-\n  z\n  w\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		sameAsGoccy(t, src)
	})
}
