package markdown

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"statuspress/internal/incident"
)

func TestRender(t *testing.T) {
	r := New()
	tests := []struct {
		name     string
		src      string
		opt      Options
		contains []string
		absent   []string
		problems []Problem
	}{
		{
			name:     "gfm table strikethrough autolink tasks",
			src:      "| a | b |\n|:--|--:|\n| 1 | 2 |\n\n~~old~~ see https://example.com\n\n- [x] done\n- [ ] todo\n",
			contains: []string{"<table>", `<th class="align-left">a</th>`, `<td class="align-right">2</td>`, "<del>old</del>", `<a href="https://example.com">https://example.com</a>`, `<input checked="" disabled="" type="checkbox"`},
		},
		{
			name:     "heading ids without accents, unique",
			src:      "## Éléments de correction\n\n## Straße & Maßnahmen\n\n## Cause\n\n## Cause\n",
			contains: []string{`<h2 id="elements-de-correction">`, `<h2 id="strasse-massnahmen">`, `<h2 id="cause">`, `<h2 id="cause-1">`},
		},
		{
			name:     "script removed and reported",
			src:      "Hello\n\n<script>alert(1)</script>\n",
			absent:   []string{"<script", "alert(1)"},
			problems: []Problem{{Line: 3, Col: 1, Warning: true, Message: "raw HTML `<script>alert(1)</script>` is not allowed and was removed or changed; write Markdown instead"}},
		},
		{
			name:     "harmless inline html kept",
			src:      "Press <kbd>Ctrl</kbd>.\n",
			contains: []string{"<kbd>Ctrl</kbd>"},
		},
		{
			name:     "javascript link dropped",
			src:      "Text\n\n[click](javascript:alert(1)) here\n",
			absent:   []string{"javascript"},
			problems: []Problem{{Line: 3, Col: 1, Warning: true, Message: "link `javascript:alert(1)` removed: only http, https, mailto and tel links are published"}},
		},
		{
			name:     "bundle image resolved",
			src:      "![Latency](latency.png)\n",
			opt:      Options{Assets: map[string]bool{"latency.png": true}, AssetBase: "/incidents/webhook-delays/"},
			contains: []string{`<img src="/incidents/webhook-delays/latency.png" alt="Latency"`},
		},
		{
			name:     "bundle image missing",
			src:      "Intro\n\n![Latency](latncy.png)\n",
			opt:      Options{Assets: map[string]bool{"latency.png": true}, AssetBase: "/incidents/x/"},
			problems: []Problem{{Line: 3, Col: 1, Message: "image `latncy.png` not found in this incident's folder; put the file beside index.md or fix the name (the folder has: latency.png)"}},
		},
		{
			name:     "image outside a bundle",
			src:      "![x](x.png)\n",
			problems: []Problem{{Line: 1, Col: 1, Message: "image `x.png` is a file next to the Markdown, which only a bundle has: move the incident to <slug>/index.md and put `x.png` beside it"}},
		},
		{
			name:     "raw image with a script in onerror dropped whole",
			src:      "Before\n\n<img src=x onerror=alert(1)>\n\nAfter\n",
			contains: []string{"<p>Before</p>", "<p>After</p>"},
			absent:   []string{"<img", "alert"},
			problems: []Problem{{Line: 3, Col: 1, Warning: true, Message: "raw HTML `<img src=x onerror=alert(1)>` is not allowed and was removed or changed; write Markdown instead"}},
		},
		{
			name:     "raw image of no published file dropped",
			src:      "See <img src=\"chart.png\" alt=\"Chart\"> here.\n",
			opt:      Options{Assets: map[string]bool{"chart.png": true}, AssetBase: "/incidents/x/"},
			contains: []string{"<p>See  here.</p>"},
			absent:   []string{"<img"},
			problems: []Problem{{Line: 1, Col: 5, Warning: true, Message: "raw HTML `<img src=\"chart.png\" alt=\"Chart\">` is not allowed and was removed or changed; write Markdown instead"}},
		},
		{
			name:     "raw image of a published file kept",
			src:      "See <img src=\"/incidents/x/chart.png\" alt=\"Chart\"> here.\n",
			opt:      Options{Assets: map[string]bool{"chart.png": true}, AssetBase: "/incidents/x/"},
			contains: []string{`<img src="/incidents/x/chart.png" alt="Chart">`},
		},
		{
			name:     "image from elsewhere dropped",
			src:      "Text\n\n![Chart](https://example.com/chart.png) and ![Latency](latency.png)\n",
			opt:      Options{Assets: map[string]bool{"latency.png": true}, AssetBase: "/incidents/x/"},
			contains: []string{`<img src="/incidents/x/latency.png" alt="Latency">`},
			absent:   []string{"example.com"},
			problems: []Problem{{Line: 3, Col: 1, Warning: true, Message: "image `https://example.com/chart.png` left out: a page shows only pictures from the incident's own folder; put the file beside index.md"}},
		},
		{
			name:     "mailto kept",
			src:      "Mail [support](mailto:support@example.com).\n",
			contains: []string{`href="mailto:support@example.com"`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := r.Render([]byte(tt.src), tt.opt)
			for _, s := range tt.contains {
				if !strings.Contains(res.HTML, s) {
					t.Errorf("HTML lacks %q:\n%s", s, res.HTML)
				}
			}
			for _, s := range tt.absent {
				if strings.Contains(res.HTML, s) {
					t.Errorf("HTML contains %q:\n%s", s, res.HTML)
				}
			}
			if diff := cmp.Diff(tt.problems, res.Problems); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}

func TestTOC(t *testing.T) {
	res := New().Render([]byte("## Root cause\n\nText\n\n### The `token` change\n\n## Résolution\n"), Options{})
	want := []incident.Heading{{Level: 2, ID: "root-cause", Text: "Root cause"}, {Level: 3, ID: "the-token-change", Text: "The token change"}, {Level: 2, ID: "resolution", Text: "Résolution"}}
	if diff := cmp.Diff(want, res.TOC); diff != "" {
		t.Errorf("TOC (-want +got):\n%s", diff)
	}
}

// Repeated headings get numbered ids. Each repeat used to count up from -1 again, so a text of
// n identical headings cost n² look-ups: a 48 KB file took 8 s to load (1 MB: about an hour,
// extrapolated).
// This renders 3,000 of them (4.5 million look-ups the old way) and checks the numbering.
func TestRepeatedHeadingIDs(t *testing.T) {
	const n = 3000
	res := New().Render([]byte(strings.Repeat("## a\n\n", n)), Options{})
	if len(res.TOC) != n {
		t.Fatalf("%d headings, want %d", len(res.TOC), n)
	}
	for i, h := range res.TOC {
		want := "a"
		if i > 0 {
			want = fmt.Sprintf("a-%d", i)
		}
		if h.ID != want {
			t.Fatalf("heading %d has id %q, want %q", i, h.ID, want)
		}
	}
	// A heading that spells a numbered id takes it; the repeats skip it.
	res = New().Render([]byte("## a-1\n\n## a\n\n## a\n\n## a\n"), Options{})
	var got []string
	for _, h := range res.TOC {
		got = append(got, h.ID)
	}
	if want := "a-1 a a-2 a-3"; strings.Join(got, " ") != want {
		t.Errorf("ids %q, want %q", got, want)
	}
}

func BenchmarkRepeatedHeadings(b *testing.B) {
	src := []byte(strings.Repeat("## a\n\n", 5000))
	r := New()
	for b.Loop() {
		r.Render(src, Options{})
	}
}

// TestAppendHTML: AppendHTML appends what Render returns, with the same problems, after what dst
// held, even when the HTML had to be sanitised.
func TestAppendHTML(t *testing.T) {
	r := New()
	dst := []byte("<p>kept</p>\n")
	for _, src := range []string{"Plain *text* with a [link](https://example.com).\n", "Bad <script>alert(1)</script> here.\n", "![x](x.png)\n"} {
		want := r.Render([]byte(src), Options{})
		prefix := string(dst)
		var got Result
		dst, got = r.AppendHTML(dst, []byte(src), Options{})
		if string(dst) != prefix+want.HTML {
			t.Errorf("%q: appended %q, want %q", src, string(dst)[len(prefix):], want.HTML)
		}
		if got.HTML != "" {
			t.Errorf("%q: Result.HTML %q, want it empty (the HTML went to dst)", src, got.HTML)
		}
		if diff := cmp.Diff(want.Problems, got.Problems); diff != "" {
			t.Errorf("%q: problems (-Render +AppendHTML):\n%s", src, diff)
		}
	}
}
