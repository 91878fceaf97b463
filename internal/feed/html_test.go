package feed_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"statuspress/internal/feed"
	"statuspress/internal/testsupport/feedcheck"
)

func TestAbsoluteURLs(t *testing.T) {
	const page = "https://status.example/nl/incidents/webhook-delays/#update-20250916t113200z"
	for _, tc := range []struct{ name, in, want string }{
		{
			"bundle image",
			`<p><img src="/incidents/webhook-delays/latency.png" alt="Latency &amp; delay"></p>`,
			`<p><img src="https://status.example/incidents/webhook-delays/latency.png" alt="Latency &amp; delay"></p>`,
		},
		{
			"root-relative link",
			`<a href="/nl/history/">history</a>`,
			`<a href="https://status.example/nl/history/">history</a>`,
		},
		{
			"anchor on the same page",
			`<a href="#cause">cause</a>`,
			`<a href="https://status.example/nl/incidents/webhook-delays/#cause">cause</a>`,
		},
		{
			"relative to the page",
			`<a href="../rest-api-errors/">other</a>`,
			`<a href="https://status.example/nl/incidents/rest-api-errors/">other</a>`,
		},
		{
			"absolute and mailto stay",
			`<a href="https://lumenmail.example/x?a=1&amp;b=2">x</a> <a href="mailto:support@lumenmail.example">mail</a>`,
			`<a href="https://lumenmail.example/x?a=1&amp;b=2">x</a> <a href="mailto:support@lumenmail.example">mail</a>`,
		},
		{
			"text and other tags byte for byte",
			"<p>A &amp; B &lt;c&gt; \"q\" 🚨</p>\n<ul>\n<li><code>&lt;x&gt;</code></li>\n</ul>\n",
			"<p>A &amp; B &lt;c&gt; \"q\" 🚨</p>\n<ul>\n<li><code>&lt;x&gt;</code></li>\n</ul>\n",
		},
		{"no markup", "plain & simple", "plain & simple"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := feed.AbsoluteURLs(tc.in, page); got != tc.want {
				t.Errorf("AbsoluteURLs(%q)\n got %q\nwant %q", tc.in, got, tc.want)
			}
		})
	}
	if got := feed.AbsoluteURLs(`<a href="/x">`, "/relative/base/"); got != `<a href="/x">` {
		t.Errorf("a relative base changed the fragment: %q", got)
	}
}

// FuzzFeedText: whatever a title or update says, every format parses and gives the title back,
// less what XML cannot carry.
func FuzzFeedText(f *testing.F) {
	for _, s := range []string{tricky, "]]>", "<![CDATA[x]]>", "&amp;&#0;&bogus;", "\x00\x01\x1f\ufffe", "\xff", "</title><script>"} {
		f.Add(s, s)
	}
	f.Fuzz(func(t *testing.T, title, html string) {
		fd := sample()
		fd.Items = fd.Items[:1]
		fd.Items[0].Title, fd.Items[0].HTML = title, html
		want := strings.Map(func(r rune) rune {
			if r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 {
				return r
			}
			return -1
		}, strings.ToValidUTF8(title, "\uFFFD"))
		for _, name := range []string{"rss", "atom", "json"} {
			b := encode(t, name, fd)
			if !utf8.Valid(b) {
				t.Fatalf("%s: invalid UTF-8", name)
			}
			got := feedcheck.Read(t, b)
			if len(got.Items) != 1 {
				t.Fatalf("%s: %d items", name, len(got.Items))
			}
			// Parsers trim and normalise white space in titles; compare what a reader sees.
			if g, w := strings.Join(strings.Fields(got.Items[0].Title), " "), strings.Join(strings.Fields(want), " "); g != w {
				t.Errorf("%s: title %q, want %q", name, g, w)
			}
		}
	})
}
