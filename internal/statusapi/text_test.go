package statusapi_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"statuspress/internal/statusapi"
)

func TestPlainText(t *testing.T) {
	for _, tc := range []struct{ name, html, want string }{
		{"empty", "", ""},
		{"paragraph", "<p>We are investigating.</p>\n", "We are investigating."},
		{"paragraphs", "<p>One.</p>\n<p>Two.</p>\n", "One.\n\nTwo."},
		{"inline markup", "<p>Fails with <code>502 Bad Gateway</code> on <strong>Saturday</strong>, <em>really</em>.</p>",
			"Fails with 502 Bad Gateway on Saturday, really."},
		{"entities", "<p>Ops &amp; support say &quot;hi&quot; &lt;3 &#39;x&#39;</p>", `Ops & support say "hi" <3 'x'`},
		{"white space", "<p>Line one\n  continues   here.</p>", "Line one continues here."},
		{"line break", "<p>First<br>\nsecond</p>", "First\nsecond"},
		{"bullet list", "<p>Affected:</p>\n<ul>\n<li>web app</li>\n<li>REST API</li>\n</ul>\n<p>Done.</p>",
			"Affected:\n\n- web app\n- REST API\n\nDone."},
		{"numbered list", "<ol start=\"3\">\n<li>three</li>\n<li>four</li>\n</ol>", "3. three\n4. four"},
		{"loose list", "<ul>\n<li><p>one</p></li>\n<li><p>two</p></li>\n</ul>", "- one\n\n- two"},
		{"nested list", "<ul>\n<li>a\n<ul>\n<li>b</li>\n</ul>\n</li>\n</ul>", "- a\n\n  - b"},
		{"link", `<p>See <a href="https://example.com/docs">the docs</a>.</p>`, "See the docs (https://example.com/docs)."},
		{"link that is its address", `<p><a href="https://example.com">https://example.com</a></p>`, "https://example.com"},
		{"mail link", `<p>Mail <a href="mailto:help@example.com">help@example.com</a>.</p>`, "Mail help@example.com."},
		{"anchor link", `<p>See <a href="#cause">the cause</a>.</p>`, "See the cause."},
		{"heading", "<h2 id=\"x\">Cause</h2>\n<p>A bug.</p>", "Cause\n\nA bug."},
		{"preformatted", "<pre><code>a  b\n  c\n</code></pre>", "a  b\n  c"},
		{"image", `<p><img src="x.png" alt="Latency graph"></p>`, "Latency graph"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, statusapi.PlainText(tc.html)); diff != "" {
				t.Errorf("PlainText(%q) (-want +got):\n%s", tc.html, diff)
			}
		})
	}
}

func FuzzPlainText(f *testing.F) {
	f.Add("<p>a <a href=\"x\">b</a></p><ul><li>c</li></ul>")
	f.Add("<ol><li><p>x</p><pre>y</pre></li></ol><br>")
	f.Fuzz(func(t *testing.T, s string) {
		got := statusapi.PlainText(s)
		if got != "" && (got[0] == ' ' || got[0] == '\n' || got[len(got)-1] == '\n' || got[len(got)-1] == ' ') {
			t.Errorf("PlainText(%q) = %q: not trimmed", s, got)
		}
	})
}
