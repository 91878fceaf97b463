package content

import (
	"fmt"
	"os"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"
)

// manyBlockUpdates is an incident with n updates whose texts are block scalars, the last one
// holding a level-1 heading (a warning, reported at its line and column).
func manyBlockUpdates(n int) string {
	var b strings.Builder
	b.WriteString("---\ntitle: x\nstarted: 2024-01-10T10:00:00Z\nupdates:\n")
	at := time.Date(2024, 1, 10, 10, 0, 0, 0, time.UTC)
	for i := range n {
		text := "Still looking."
		if i == n-1 {
			text = "# Heading"
		}
		fmt.Fprintf(&b, "  - at: %s\n    status: investigating\n    text: |\n      %s\n", at.Add(time.Duration(i)*time.Minute).Format(time.RFC3339), text)
	}
	b.WriteString("---\n")
	return b.String()
}

// The column of a problem in a block-scalar update text is its lines' indentation. It used to be
// found by counting lines from the top of the file for every update, so a file of many such
// updates loaded in quadratic time (600 KB: 1.6 s). 3,000 updates keep the loader honest.
func TestManyBlockScalarUpdates(t *testing.T) {
	const n = 3000
	src := manyBlockUpdates(n)
	cat := Load(fstest.MapFS{"site.yaml": {Data: []byte(siteYAML)}, "x.md": {Data: []byte(src)}}, Options{})
	in, ok := cat.Incident("x")
	if !ok || len(in.Updates) != n {
		t.Fatalf("incident not loaded with %d updates:\n%s", n, cat.Problems)
	}
	line := strings.Count(src, "\n") - 1 // the last text's line, above the closing ---
	want := fmt.Sprintf("x.md:%d:7: warning: level-1 heading", line)
	if len(cat.Problems) != 1 || !strings.HasPrefix(cat.Problems[0].String(), want) {
		t.Errorf("problems:\n%s\nwant one starting %q", cat.Problems, want)
	}
}

func BenchmarkLoadManyBlockScalarUpdates(b *testing.B) {
	fsys := fstest.MapFS{"site.yaml": {Data: []byte(siteYAML)}, "x.md": {Data: []byte(manyBlockUpdates(8000))}}
	for b.Loop() {
		Load(fsys, Options{})
	}
}

// A file of repeated headings (see markdown.TestRepeatedHeadingIDs) loads in linear time.
func TestManyRepeatedHeadings(t *testing.T) {
	const n = 3000
	src := "---\ntitle: x\nstarted: 2024-01-10T10:00:00Z\n---\n" + strings.Repeat("## a\n\n", n)
	cat := Load(fstest.MapFS{"site.yaml": {Data: []byte(siteYAML)}, "x.md": {Data: []byte(src)}}, Options{})
	in, ok := cat.Incident("x")
	if !ok || len(in.Original().TOC) != n || in.Original().TOC[n-1].ID != fmt.Sprintf("a-%d", n-1) {
		t.Fatalf("incident not loaded with %d numbered headings:\n%s", n, cat.Problems)
	}
}

// A text past one of markdown's limits (here lists nested 40 deep, which goldmark parses in time
// growing with the square of the depth) is an error at its line: the file is left out, or its
// last good version kept, and the other files load at once.
func TestMarkdownPastALimit(t *testing.T) {
	deep := strings.Repeat("- ", 40) + "a"
	body := "---\ntitle: x\nstarted: 2024-01-10T10:00:00Z\nupdates:\n  - at: 2024-01-10T10:05:00Z\n    status: investigating\n    text: |\n      Looking.\n      " + deep + "\n---\nIntro\n\n" + deep + "\n"
	fsys := fstest.MapFS{"site.yaml": {Data: []byte(siteYAML)}, "a.md": {Data: []byte(goodIncident)}, "x.md": {Data: []byte(body)}}
	cat := Load(fsys, Options{})
	want := []string{
		"x.md:9:71: error: lists and block quotes are nested more than 32 deep here; nest them less deeply",
		"x.md:13:65: error: lists and block quotes are nested more than 32 deep here; nest them less deeply",
	}
	var got []string
	for _, p := range cat.Problems {
		got = append(got, p.String())
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	if _, ok := cat.Incident("x"); ok {
		t.Errorf("x.md was published")
	}
	if _, ok := cat.Incident("a"); !ok {
		t.Errorf("a.md was not published")
	}
}

// Loading time grows linearly with the size of a file, whatever its front matter or texts hold:
// each pathological file is loaded at n and 8n bytes, and 8n may take no more than 30 times as
// long (linear would be 8, quadratic 64); the best of three runs is taken.
func TestLoadTimeGrowsLinearly(t *testing.T) {
	if testing.Short() {
		t.Skip("loads some 2 MB of pathological files")
	}
	if raceEnabled {
		t.Skip("the race detector slows code unevenly; CI runs this test without it")
	}
	head := "---\ntitle: x\nstarted: 2024-01-10T10:00:00Z\n"
	files := []struct {
		name string
		file func(n int) string
	}{
		{"flow sequences", func(n int) string { return head + "summary: " + strings.Repeat("[", n) + "\n---\n" }},
		{"flow sequences closed", func(n int) string {
			return head + "summary: " + strings.Repeat("[", n/2) + strings.Repeat("]", n/2) + "\n---\n"
		}},
		{"flow mappings", func(n int) string { return head + "summary: " + strings.Repeat("{a: ", n/4) + "\n---\n" }},
		{"block sequences on one line", func(n int) string { return head + "summary:\n" + strings.Repeat("- ", n/2) + "a\n---\n" }},
		{"many fields", func(n int) string {
			var b strings.Builder
			b.WriteString(head)
			for i := 0; b.Len() < n; i++ {
				fmt.Fprintf(&b, "k%d: v\n", i)
			}
			return b.String() + "---\n"
		}},
		{"lists nested in the body", func(n int) string { return head + "---\n" + strings.Repeat("- ", n/2) + "a\n" }},
		{"quotes nested in an update", func(n int) string {
			return head + "updates:\n  - at: 2024-01-10T10:05:00Z\n    status: investigating\n    text: |\n      " + strings.Repeat(">", n) + "\n---\n"
		}},
		{"link targets in the body", func(n int) string { return head + "---\n" + strings.Repeat("[a](b", n/5) + "\n" }},
	}
	site, err := os.ReadFile("../../incidents/site.yaml")
	if err != nil {
		t.Fatal(err)
	}
	const n = 16 << 10
	best := func(file string) time.Duration {
		fsys := fstest.MapFS{"site.yaml": {Data: site}, "x.md": {Data: []byte(file)}}
		d := time.Duration(1 << 62)
		for range 3 {
			runtime.GC()
			start := cpuTime()
			Load(fsys, Options{})
			d = min(d, cpuTime()-start)
		}
		return max(d, 100*time.Microsecond) // below that, the clock says nothing
	}
	for _, f := range files {
		t.Run(f.name, func(t *testing.T) {
			small, large := f.file(n), f.file(8*n)
			ts, tl := best(small), best(large)
			if ratio := float64(tl) / float64(ts); ratio > 30 {
				t.Errorf("%d bytes took %v, %d bytes %v: %.0f times as long for 8 times the size", len(small), ts, len(large), tl, ratio)
			}
		})
	}
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
