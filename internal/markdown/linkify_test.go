package markdown

import (
	"bytes"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/util"
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
