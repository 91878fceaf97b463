package markdown

import (
	"fmt"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"statuspress/internal/testsupport"
)

func TestLimits(t *testing.T) {
	r := New()
	tests := []struct {
		name     string
		src      string
		problems []Problem
	}{
		{
			name:     "lists nested on one line",
			src:      "Intro\n\n" + strings.Repeat("- ", 40) + "a\n",
			problems: []Problem{{Line: 3, Col: 65, Message: "lists and block quotes are nested more than 32 deep here; nest them less deeply"}},
		},
		{
			name:     "block quotes",
			src:      strings.Repeat(">", 33) + " a\n",
			problems: []Problem{{Line: 1, Col: 33, Message: "lists and block quotes are nested more than 32 deep here; nest them less deeply"}},
		},
		{
			name: "lists nested by indentation, line by line",
			src: func() string {
				var b strings.Builder
				for i := range 40 {
					b.WriteString(strings.Repeat("  ", i) + "- a\n")
				}
				return b.String()
			}(),
			problems: []Problem{{Line: 33, Col: 65, Message: "lists and block quotes are nested more than 32 deep here; nest them less deeply"}},
		},
		{
			name:     "a wide table",
			src:      strings.Repeat("| a ", 65) + "|\n" + strings.Repeat("|---", 65) + "|\n",
			problems: []Problem{{Line: 2, Col: 1, Message: "a table of 65 columns; a table may have at most 64: split it, or turn it into a list"}},
		},
		{
			name:     "a table of too many cells",
			src:      "Intro\n\n" + strings.Repeat("|a", 60) + "\n" + strings.Repeat("|-", 60) + "\n" + strings.Repeat("|\n", 400),
			problems: []Problem{{Line: 3, Col: 1, Message: "the tables up to this one's row 332 have more than the 20000 cells a text may have (this one has 60 columns); split the text, or make the tables smaller"}},
		},
		{
			name:     "link targets that never close",
			src:      "é " + strings.Repeat("[a](b", 101) + "\n",
			problems: []Problem{{Line: 1, Col: 505, Message: "101 links on one line, more than the 100 a line may have; break the line (a blank line between paragraphs), or close the links' `(`"}},
		},
		{
			name:     "brackets left open",
			src:      strings.Repeat("[a\n", 101),
			problems: []Problem{{Line: 101, Col: 1, Message: "more than 100 `[` are open here without their `]`; close them, or write `\\[` for a bracket that opens no link"}},
		},
		{
			name:     "emphasis runs",
			src:      "Text\n" + strings.Repeat("**_a ", 201) + "\n",
			problems: []Problem{{Line: 2, Col: 1001, Message: "more than 400 runs of `*`, `_` or `~` in one paragraph; split the paragraph with a blank line, or write `\\*` for a star that marks nothing"}},
		},
		{
			name:     "a link reference used until the HTML is too big",
			src:      "[a]: /" + strings.Repeat("x", 2000) + "\n\n" + strings.Repeat("[a] ", 2000) + "\n",
			problems: []Problem{{Line: 1, Col: 1, Message: "a link reference defined here takes up to 2006 bytes, and each of up to 2001 links that use it repeats them: more than 376 KB of HTML; shorten its target and title, or link less often"}},
		},
		{
			name:     "a table of empty cells that makes too much HTML",
			src:      strings.Repeat("|a", 64) + "\n" + strings.Repeat("|-", 64) + "\n" + strings.Repeat("|\n", 300),
			problems: []Problem{{Line: 1, Col: 1, Message: "the text makes more than 90 KB of HTML, over 32 times its size; tables of many empty cells do this: fill them, or split the tables"}},
		},
		{
			name:     "link reference definitions without a blank line",
			src:      strings.Repeat("[a]: /u\n", 201),
			problems: []Problem{{Line: 201, Col: 1, Message: "more than 200 link reference definitions follow each other here; put a blank line between groups of them"}},
		},
		{
			name:     "HTML tags",
			src:      "<kbd>a</kbd>\n\n" + strings.Repeat("<b>", 4999) + "\n",
			problems: []Problem{{Line: 3, Col: 14995, Message: "more than 5000 HTML tags; write Markdown instead"}},
		},
		{
			name:     "a fence inside an HTML comment is no fence",
			src:      "- a\n<!--\n\nb\n```\n-->\n\n" + strings.Repeat("- ", 40) + "a\n",
			problems: []Problem{{Line: 8, Col: 65, Message: "lists and block quotes are nested more than 32 deep here; nest them less deeply"}},
		},
		{
			name:     "a fence inside an HTML block is no fence",
			src:      "<div>\n```\n\n" + strings.Repeat(">", 33) + "\n",
			problems: []Problem{{Line: 4, Col: 33, Message: "lists and block quotes are nested more than 32 deep here; nest them less deeply"}},
		},
		{
			name:     "empty list items do not split a paragraph",
			src:      strings.Repeat("**_a "+"\n*\n", 201),
			problems: []Problem{{Line: 401, Col: 1, Message: "more than 400 runs of `*`, `_` or `~` in one paragraph; split the paragraph with a blank line, or write `\\*` for a star that marks nothing"}},
		},
		{
			name:     "a delimiter row under a header of other cells is text",
			src:      "a\n|-|-|\n" + strings.Repeat("**_a\n", 201),
			problems: []Problem{{Line: 203, Col: 1, Message: "more than 400 runs of `*`, `_` or `~` in one paragraph; split the paragraph with a blank line, or write `\\*` for a star that marks nothing"}},
		},
		// What real texts hold stays within the limits.
		{name: "nested 32 deep", src: strings.Repeat("> ", 16) + strings.Repeat("- ", 16) + "a\n"},
		{name: "a long thematic break", src: "a\n\n" + strings.Repeat("- ", 50) + "\n\nb\n"},
		{name: "quote marks in a fenced code block", src: "```\n" + strings.Repeat(">", 80) + "\n" + strings.Repeat("- ", 80) + "\n```\n"},
		{name: "an indented code block", src: "Log:\n\n    " + strings.Repeat("> ", 80) + "\n"},
		{name: "a timeline of many items with bold times", src: strings.Repeat("- **10:04** *we* looked, [see](https://example.com) ~~not~~\n", 500)},
		{name: "a table of 64 columns and 300 rows", src: strings.Repeat("|a", 64) + "\n" + strings.Repeat("|-", 64) + "\n" + strings.Repeat(strings.Repeat("|b", 64)+"\n", 300)},
		{name: "escaped brackets", src: strings.Repeat(`\[a `, 200) + "\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := r.Render([]byte(tt.src), Options{})
			if diff := cmp.Diff(tt.problems, res.Problems); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
			if tt.problems != nil && res.HTML != "" {
				t.Errorf("a text past a limit was rendered: %.200s", res.HTML)
			}
			if tt.problems == nil && res.HTML == "" {
				t.Errorf("nothing rendered")
			}
		})
	}
}

// pathological are texts that made goldmark's time (or its output) grow with the square of
// their size, each of about n bytes; some are past a limit, the rest stay just under the limits
// as much as they can, as often as n allows.
var pathological = []struct {
	name string
	text func(n int) string
}{
	{"lists on one line", func(n int) string { return strings.Repeat("- ", n/2) + "a" }},
	{"ordered lists on one line", func(n int) string { return strings.Repeat("1. ", n/3) + "a" }},
	{"block quotes", func(n int) string { return strings.Repeat(">", n) }},
	{"lists in quotes", func(n int) string { return strings.Repeat("> - ", n/4) + "a" }},
	{"nested 32 deep, then lazy lines", func(n int) string { return strings.Repeat("- ", 32) + "a\n" + strings.Repeat("b\n", n/2) }},
	{"nested 32 deep by indentation, then lazy lines", func(n int) string {
		var b strings.Builder
		for i := range 32 {
			b.WriteString(strings.Repeat("  ", i) + "- a\n")
		}
		return b.String() + strings.Repeat("b\n", n/2)
	}},
	{"link targets never closed", func(n int) string { return strings.Repeat("[a](", n/4) }},
	{"link targets never closed, 100 a line", func(n int) string {
		return strings.Repeat(strings.Repeat("[a](b", 100)+"\n", n/501)
	}},
	{"image targets never closed", func(n int) string { return strings.Repeat("![a](<", n/6) }},
	{"brackets", func(n int) string { return strings.Repeat("[", n/2) + strings.Repeat("]", n/2) }},
	{"brackets, 100 a paragraph", func(n int) string {
		return strings.Repeat(strings.Repeat("[", 100)+strings.Repeat("]", 100)+"\n\n", n/202)
	}},
	{"brackets left open", func(n int) string { return strings.Repeat("[a", n/2) }},
	{"emphasis", func(n int) string { return strings.Repeat("**_a", n/4) }},
	{"emphasis, 400 runs a paragraph", func(n int) string {
		return strings.Repeat(strings.Repeat("**_a", 200)+"\n\n", n/802)
	}},
	{"strikethrough", func(n int) string { return strings.Repeat("~~ a", n/4) }},
	{"a wide table of empty rows", func(n int) string {
		return strings.Repeat("|a", n/8) + "\n" + strings.Repeat("|-", n/8) + "\n" + strings.Repeat("|\n", n/4)
	}},
	{"tables of 64 columns and empty rows", func(n int) string {
		table := strings.Repeat("|a", 64) + "\n" + strings.Repeat("|-", 64) + "\n" + strings.Repeat("|\n", 300) + "\n"
		return strings.Repeat(table, n/len(table)+1)
	}},
	{"a link reference used over and over", func(n int) string {
		return "[a]: /" + strings.Repeat("x", n/2) + "\n\n" + strings.Repeat("[a]", n/6)
	}},
	{"link reference definitions", func(n int) string { return strings.Repeat("[a]: /u\n", n/8) }},
	{"raw HTML", func(n int) string { return strings.Repeat("<b>", n/3) }},
	{"code spans", func(n int) string { return strings.Repeat("`a", n/2) }},
	{"a long heading", func(n int) string { return "## " + strings.Repeat("a ", n/2) }},
}

// Rendering time grows linearly with the size of the text, whatever the text holds: each
// pathological text is rendered at n and 8n bytes, and 8n may take no more than 30 times as
// long (linear would be 8, quadratic 64). The best of three runs is taken, so that a busy
// machine does not make the test fail.
func TestRenderTimeGrowsLinearly(t *testing.T) {
	testsupport.Slow(t) // a timing test: on a machine busy with other work it can fail
	if testing.Short() {
		t.Skip("renders some 3 MB of pathological Markdown")
	}
	if raceEnabled {
		t.Skip("the race detector slows code unevenly; CI runs this test without it")
	}
	r := New()
	const n = 16 << 10
	best := func(src []byte) time.Duration {
		d := time.Duration(1 << 62)
		for range 3 {
			runtime.GC() // what the runs before left is not this one's to collect
			start := cpuTime()
			r.Render(src, Options{})
			d = min(d, cpuTime()-start)
		}
		return max(d, 50*time.Microsecond) // below that, the clock says nothing
	}
	for _, p := range pathological {
		t.Run(p.name, func(t *testing.T) {
			small, large := []byte(p.text(n)), []byte(p.text(8*n))
			ts, tl := best(small), best(large)
			if ratio := float64(tl) / float64(ts); ratio > 30 {
				t.Errorf("%d bytes took %v, %d bytes %v: %.0f times as long for 8 times the size", len(small), ts, len(large), tl, ratio)
			}
		})
	}
}

// FuzzCheckLimits: whatever the text, the limits are checked without a panic, and every
// problem is at a place in the text.
func FuzzCheckLimits(f *testing.F) {
	for _, p := range pathological {
		f.Add([]byte(p.text(600)))
	}
	f.Add([]byte("```\n>>>\n```\n- a\n  - b\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		lines := strings.Count(string(src), "\n") + 1
		for _, p := range checkLimits(src) {
			if p.Line < 1 || p.Line > lines || p.Col < 1 || p.Message == "" || p.Warning {
				t.Errorf("problem %s at an impossible place in a text of %d lines", fmt.Sprint(p), lines)
			}
		}
	})
}

// cpuTime is the CPU time the test process has used so far. The growth tests compare it rather
// than the wall clock: on a machine busy with other work, a long run is preempted more often
// than a short one, and wall time would grow faster than the work does.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		panic(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
