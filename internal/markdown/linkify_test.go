package markdown

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/util"

	"statuspress/internal/testsupport"
)

// linkifyPair renders with goldmark's own Linkify and with quickLinkify in its place.
func linkifyPair() (plain, quick goldmark.Markdown) {
	plain = goldmark.New(goldmark.WithExtensions(extension.Linkify))
	quick = goldmark.New(goldmark.WithParserOptions(
		parser.WithInlineParsers(util.Prioritized(quickLinkify{extension.NewLinkifyParser()}, 999))))
	return plain, quick
}

func sameLinks(t *testing.T, plain, quick goldmark.Markdown, src []byte) {
	t.Helper()
	var want, got bytes.Buffer
	if err := plain.Convert(src, &want); err != nil {
		t.Fatal(err)
	}
	if err := quick.Convert(src, &got); err != nil {
		t.Fatal(err)
	}
	if want.String() != got.String() {
		t.Errorf("quickLinkify differs from Linkify on %q:\nwant %s\ngot  %s", src, want.String(), got.String())
	}
}

// TestQuickLinkify holds quickLinkify to what goldmark's Linkify links.
func TestQuickLinkify(t *testing.T) {
	plain, quick := linkifyPair()
	for _, src := range []string{
		"see www.example.com, https://example.com/a?b=c and http://x.y.",
		"(www.example.com) *http://a.example* _ftp://files.example_ ~https://t.example~",
		"write to support@example.com or first.last+tag@mail.example.org.",
		"x@y, @handle, a@b.c, foo@bar_baz.example",
		strings.Repeat("a", 63) + "@example.com " + strings.Repeat("b", 64) + "@example.com " + strings.Repeat("c", 65) + "@example.com",
		"WWW.EXAMPLE.COM Http://example.com wwwexample.com htt://x",
		"Störung bei ärger@example.de und www.bücher.example",
		"[www.example.com](https://example.com) `www.example.com` <https://example.com>",
		"line one\nwww.example.com at a line head\nmail@example.com too",
	} {
		sameLinks(t, plain, quick, []byte(src))
	}
}

func FuzzQuickLinkify(f *testing.F) {
	f.Add([]byte("see www.example.com and a@b.co, (https://x.example)"))
	f.Add([]byte("*http://a.example* _ftp://f.example_ mail@example.com."))
	plain, quick := linkifyPair()
	f.Fuzz(func(t *testing.T, src []byte) {
		sameLinks(t, plain, quick, src)
	})
}

// sameWithShortcut renders src with the linkify shortcut and without it, and reports any
// difference in what Render returns.
func sameWithShortcut(t *testing.T, r *Renderer, name string, src []byte) {
	t.Helper()
	opt := Options{Assets: map[string]bool{"latency.png": true}, AssetBase: "/incidents/x/"}
	want, got := r.result(src, opt, false), r.result(src, opt, true)
	// The linkify parser, asked at every space, leaves spaces at the end of a line that CommonMark
	// drops (and goldmark drops without it): "a  \nb" renders as "<p>a \nb</p>", and before a
	// hard break as "a <br>" (and a heading's text in the table of contents as "a b" for "ab").
	// The shortcut gives the cleaner form; a browser shows both alike.
	for _, res := range []*Result{&want, &got} {
		res.HTML = lineEndSpace.ReplaceAllString(res.HTML, "$1")
		for i := range res.TOC {
			res.TOC[i].Text = spaces.ReplaceAllString(res.TOC[i].Text, "")
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("%s: the linkify shortcut changes the result (-always linkify +shortcut):\n%s\nsource: %q", name, diff, src)
	}
}

var (
	lineEndSpace = regexp.MustCompile(`[ \t\r]+(<br>\n|\n)`)
	spaces       = regexp.MustCompile(`[ \t\r\v\f]+`)
)

// shortcutCases are texts where skipping the linkify parser could go wrong: addresses that the
// parser without it cuts into pieces (emphasis, code spans, escapes, brackets), next to links,
// inside labels that are or are not links, at line heads and in tables.
var shortcutCases = []string{
	"see https://example.com/a_b_c and www.example.com/x*y*z.",
	"a_b@example.com, a`b@example.com`, *x@y.example*, _ftp://f.example_",
	"[docs](https://example.com) and then https://example.com/after",
	"[support@example.com](mailto:support@example.com) only",
	"[not a link https://example.com] and [a [b](c) https://x.example](d)",
	"![alt www.example.com](latency.png) www.example.com",
	"<https://example.com> <a@b.example> `https://code.example` https\\://escaped.example",
	"line one\nhttps://example.com/at/a/line/head\n~~www.gone.example~~",
	"| a | b |\n|---|---|\n| https://t.example | c@d.example |\n",
	"## Heading with www.example.com\n\n- item https://x.example\n- [ ] task a@b.example\n",
	"(https://example.com/path_(with)_parens) http://[::1]/ x@y",
	"ww" + "w.split.example h" + "ttps://split.example",
	"> quoted https://example.com\n>\n> www.example.com\n",
	"text with no address at all, only a [link](https://example.com/a@b) and mail to [x](mailto:a@b.c)",
	// Plain paragraphs, which skip goldmark (plainParagraph), and near misses that must not.
	"We are investigating.\nMore in 30 minutes (at 14:30).\n",
	"Überblick: 95.444 Vorgänge, 42 % verzögert; l'équipe - rétablie?\n\n",
	"Line one  \nhard break", "para one\n\npara two", "a\n===", "a\n- b", "Note 1. x\n2. y", "x\n 3 spaces",
	"ends with a space ", "tab\there", "quote \"x\"", "R&D", "a\\\nb", "é\u00a0\nb\u00a0", "\u00a0lead",
}

// TestLinkifyShortcut holds Render to what parsing every text with the linkify parser gives, on
// the cases above, on the bundled sample content and on a synthetic corpus of a thousand items
// (each file whole: front matter and body are both Markdown enough for this).
func TestLinkifyShortcut(t *testing.T) {
	r := New()
	for _, src := range shortcutCases {
		sameWithShortcut(t, r, "case", []byte(src))
	}
	dirs := []string{filepath.Join("..", "..", "incidents")}
	if !testing.Short() {
		dirs = append(dirs, testsupport.Corpus(t, 1000))
	}
	files := 0
	for _, dir := range dirs {
		err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || filepath.Ext(p) != ".md" {
				return err
			}
			src, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			files++
			sameWithShortcut(t, r, p, src)
			// Each paragraph alone too, as update texts come: most are plain.
			for i, para := range bytes.Split(src, []byte("\n\n")) {
				sameWithShortcut(t, r, fmt.Sprintf("%s, paragraph %d", p, i+1), para)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if files < 10 {
		t.Fatalf("only %d Markdown files compared; where is the content?", files)
	}
}

func FuzzLinkifyShortcut(f *testing.F) {
	for _, src := range shortcutCases {
		f.Add([]byte(src))
	}
	r := New()
	f.Fuzz(func(t *testing.T, src []byte) {
		sameWithShortcut(t, r, "fuzz", src)
	})
}
