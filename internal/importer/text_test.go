package importer

import (
	"strings"
	"testing"

	"statuspress/internal/markdown"
)

// TestPlain renders what Plain makes with the site's one Markdown renderer: the words come out
// as written, links linked, lines broken, and no markup of the source's.
func TestPlain(t *testing.T) {
	md := markdown.New()
	for _, tc := range []struct{ in, want string }{
		{"We are investigating.", "<p>We are investigating.</p>\n"},
		{"Line one\nline two\n\nNew paragraph", "<p>Line one<br>\nline two</p>\n<p>New paragraph</p>\n"},
		{"<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n"},
		{"# not a heading\n- not a list\n1. not a list\n    not code", "<p># not a heading<br>\n- not a list<br>\n1. not a list<br>\nnot code</p>\n"},
		{"*not emphasis* and [not](a link) `nor code`", "<p>*not emphasis* and [not](a link) `nor code`</p>\n"},
		{"See https://example.com/a_b_c?x=1&y=2 now", `<p>See <a href="https://example.com/a_b_c?x=1&amp;y=2">https://example.com/a_b_c?x=1&amp;y=2</a> now</p>` + "\n"},
		{"Ünïcödé — 日本語 ✓", "<p>Ünïcödé — 日本語 ✓</p>\n"},
		{"&amp; stays &amp;", "<p>&amp;amp; stays &amp;amp;</p>\n"},
		{"CRLF\r\nlines", "<p>CRLF<br>\nlines</p>\n"},
	} {
		html := md.Render([]byte(Plain(tc.in)), markdown.Options{}).HTML
		if html != tc.want {
			t.Errorf("Plain(%q) = %q renders as\n%q, want\n%q", tc.in, Plain(tc.in), html, tc.want)
		}
	}
}

func TestMarkdown(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"## Cause\n\n**Bold** text", "## Cause\n\n**Bold** text"},
		{"a <script>x</script> b", "a &lt;script>x&lt;/script> b"},
		{"<div style=\"display:none\">hidden</div>", "&lt;div style=\"display:none\">hidden&lt;/div>"},
		{"<!-- comment -->", "&lt;!-- comment -->"},
		{"1 < 2 and <https://example.com>", "1 < 2 and <https://example.com>"},
		{"`<b>` in code", "`<b>` in code"},
		{"```\n<b>fenced</b>\n```\n<b>after</b>", "```\n<b>fenced</b>\n```\n&lt;b>after&lt;/b>"},
	} {
		if got := Markdown(tc.in); got != tc.want {
			t.Errorf("Markdown(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func FuzzPlain(f *testing.F) {
	f.Add("<script>alert(1)</script>\n*a* https://x.example/<b>")
	md := markdown.New()
	f.Fuzz(func(t *testing.T, s string) {
		html := md.Render([]byte(Plain(s)), markdown.Options{}).HTML
		if strings.Contains(html, "<script") || strings.Contains(html, "<b>") {
			t.Errorf("Plain(%q) renders markup: %q", s, html)
		}
	})
}
