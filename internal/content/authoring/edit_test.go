package authoring

import (
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"

	"statuspress/internal/content"
	"statuspress/internal/incident"
)

var siteYAMLData = func() []byte {
	b, err := os.ReadFile("../../../incidents/site.yaml")
	if err != nil {
		panic(err)
	}
	return b
}()

// siteYAML is the sample site, which the edited files are loaded against.
func siteYAML(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile("../../../incidents/site.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// loadClean loads one incident file beside the sample site.yaml and fails the test on any problem.
func loadClean(t *testing.T, name string, data []byte) *incident.Incident {
	t.Helper()
	fsys := fstest.MapFS{"site.yaml": {Data: siteYAML(t)}, name: {Data: data}}
	cat := content.Load(fsys, content.Options{})
	if len(cat.Problems) > 0 {
		t.Fatalf("%s does not load cleanly:\n%s\n%s", name, cat.Problems, data)
	}
	slug := strings.TrimSuffix(name[strings.LastIndexByte(name, '/')+1:], ".md")
	in, ok := cat.Incident(slug)
	if !ok {
		t.Fatalf("%s: no incident %s", name, slug)
	}
	return in
}

var at1230 = time.Date(2026, 11, 23, 12, 30, 0, 0, time.UTC)

func TestAppendUpdate(t *testing.T) {
	monitoring := Update{At: at1230, Status: incident.StatusMonitoring, Text: "Error rates are back to normal."}
	tests := []struct {
		name string
		src  string
		u    Update
		want string
	}{
		{
			name: "comments and unusual order",
			src: `---
# Written during the incident; the timeline comes first.
updates:   # oldest first
  - status: investigating   # first look
    at: 2026-11-23T08:05:00Z
    text: |
      Calls fail.

      ## Not a comment: a heading in the text
    # a comment on the first update
  # - at: a draft, commented out
kind: incident
title: "Errors: REST API"   # quoted for the colon
started: 2026-11-23T07:40:00Z
components: {rest-api: partial_outage}
# the end
---
Body
`,
			u: monitoring,
			want: `---
# Written during the incident; the timeline comes first.
updates:   # oldest first
  - status: investigating   # first look
    at: 2026-11-23T08:05:00Z
    text: |
      Calls fail.

      ## Not a comment: a heading in the text
    # a comment on the first update
  - at: 2026-11-23T12:30:00Z
    status: monitoring
    text: Error rates are back to normal.
  # - at: a draft, commented out
kind: incident
title: "Errors: REST API"   # quoted for the colon
started: 2026-11-23T07:40:00Z
components: {rest-api: partial_outage}
# the end
---
Body
`,
		},
		{
			name: "no updates yet",
			src: `---
title: Errors on the REST API
components:
  rest-api: partial_outage
started: 2026-11-23T07:40:00Z
summary: >-
  Part of the requests fail;
  we are on it.
  # not a comment: inside the folded summary
---
`,
			u: Update{At: at1230, Status: incident.StatusIdentified, Text: "We found it.\n\n- one\n- two\n",
				Components: []incident.Affected{{Component: "rest-api", Status: incident.DegradedPerformance}}},
			want: `---
title: Errors on the REST API
components:
  rest-api: partial_outage
started: 2026-11-23T07:40:00Z
summary: >-
  Part of the requests fail;
  we are on it.
  # not a comment: inside the folded summary
updates:
  - at: 2026-11-23T12:30:00Z
    status: identified
    text: |
      We found it.

      - one
      - two
    components: {rest-api: degraded_performance}
---
`,
		},
		{
			name: "empty updates key",
			src:  "---\ntitle: T\nstarted: 2026-11-23T07:40:00Z\nupdates:\nsummary: S\n---\n",
			u:    monitoring,
			want: "---\ntitle: T\nstarted: 2026-11-23T07:40:00Z\nupdates:\n  - at: 2026-11-23T12:30:00Z\n    status: monitoring\n    text: Error rates are back to normal.\nsummary: S\n---\n",
		},
		{
			name: "CRLF and byte-order mark",
			src:  "\ufeff---\r\ntitle: T\r\nstarted: 2026-11-23T07:40:00Z\r\nupdates:\r\n  - at: 2026-11-23T08:05:00Z\r\n    status: investigating\r\n    text: |\r\n      Calls fail.\r\n---\r\nBody\r\n",
			u:    Update{At: at1230, Status: incident.StatusMonitoring, Text: "Better.\r\nMuch better."},
			want: "\ufeff---\r\ntitle: T\r\nstarted: 2026-11-23T07:40:00Z\r\nupdates:\r\n  - at: 2026-11-23T08:05:00Z\r\n    status: investigating\r\n    text: |\r\n      Calls fail.\r\n  - at: 2026-11-23T12:30:00Z\r\n    status: monitoring\r\n    text: |\r\n      Better.\r\n      Much better.\r\n---\r\nBody\r\n",
		},
		{
			name: "block scalar text, four-space style, blank lines between entries",
			src: `---
title: T
started: 2026-11-23T07:40:00Z
updates:
-   at: 2026-11-23T08:05:00Z
    status: investigating
    text: |
        Calls fail.


-   at: 2026-11-23T09:00:00Z
    status: identified
    text: |
        Found it.

        More to come.


summary: S
---
`,
			u: Update{At: at1230, Status: incident.StatusMonitoring, Text: "Fixed.\n\n```\nretry\n```"},
			want: `---
title: T
started: 2026-11-23T07:40:00Z
updates:
-   at: 2026-11-23T08:05:00Z
    status: investigating
    text: |
        Calls fail.


-   at: 2026-11-23T09:00:00Z
    status: identified
    text: |
        Found it.

        More to come.

-   at: 2026-11-23T12:30:00Z
    status: monitoring
    text: |
        Fixed.

        ` + "```" + `
        retry
        ` + "```" + `


summary: S
---
`,
		},
		{
			name: "flow list on one line",
			src:  "---\ntitle: T\nstarted: 2026-11-23T07:40:00Z\nupdates: [{at: 2026-11-23T08:05:00Z, status: investigating, text: Störung}]  # short\n---\n",
			u:    Update{At: at1230, Status: incident.StatusMonitoring, Text: "Better: \"much\"\n\tbetter", Components: []incident.Affected{{Component: "rest-api", Status: incident.Operational}}},
			want: "---\ntitle: T\nstarted: 2026-11-23T07:40:00Z\nupdates: [{at: 2026-11-23T08:05:00Z, status: investigating, text: Störung}, {at: 2026-11-23T12:30:00Z, status: monitoring, text: \"Better: \\\"much\\\"\\n\\tbetter\", components: {rest-api: operational}}]  # short\n---\n",
		},
		{
			name: "flow list over lines with a trailing comma",
			src:  "---\ntitle: T\nstarted: 2026-11-23T07:40:00Z\nupdates: [\n    {at: 2026-11-23T08:05:00Z, status: investigating, text: a},\n]\n---\n",
			u:    monitoring,
			want: "---\ntitle: T\nstarted: 2026-11-23T07:40:00Z\nupdates: [\n    {at: 2026-11-23T08:05:00Z, status: investigating, text: a},\n    {at: 2026-11-23T12:30:00Z, status: monitoring, text: \"Error rates are back to normal.\"},\n]\n---\n",
		},
		{
			name: "empty flow list",
			src:  "---\ntitle: T\nstarted: 2026-11-23T07:40:00Z\nupdates: []\n---\n",
			u:    monitoring,
			want: "---\ntitle: T\nstarted: 2026-11-23T07:40:00Z\nupdates: [{at: 2026-11-23T12:30:00Z, status: monitoring, text: \"Error rates are back to normal.\"}]\n---\n",
		},
		{
			name: "flow entries in a block list",
			src:  "---\ntitle: T\nstarted: 2026-11-23T07:40:00Z\nupdates:\n  - {at: 2026-11-23T08:05:00Z, status: investigating, text: a}\n---\n",
			u:    monitoring,
			want: "---\ntitle: T\nstarted: 2026-11-23T07:40:00Z\nupdates:\n  - {at: 2026-11-23T08:05:00Z, status: investigating, text: a}\n  - {at: 2026-11-23T12:30:00Z, status: monitoring, text: \"Error rates are back to normal.\"}\n---\n",
		},
		{
			name: "final status sets resolved after started",
			src: `---
title: T
started: 2026-11-23T07:40:00Z   # from the monitoring alert
  # which fired twice
summary: S
updates:
  - at: 2026-11-23T08:05:00Z
    status: investigating
    text: Calls fail.
---
`,
			u: Update{At: at1230, Status: incident.StatusResolved, Text: "Fixed.", Resolved: at1230},
			want: `---
title: T
started: 2026-11-23T07:40:00Z   # from the monitoring alert
  # which fired twice
resolved: 2026-11-23T12:30:00Z
summary: S
updates:
  - at: 2026-11-23T08:05:00Z
    status: investigating
    text: Calls fail.
  - at: 2026-11-23T12:30:00Z
    status: resolved
    text: Fixed.
---
`,
		},
		{
			name: "completed maintenance: resolved after the window, offsets kept",
			src: `---
title: Database upgrade
kind: maintenance
components:
  web-app:
scheduled:
  start: 2026-12-05T22:00:00+01:00
  end: 2026-12-06T01:00:00+01:00
updates:
  - at: 2026-11-20T10:00:00+01:00
    status: scheduled
    text: We will upgrade the database.
---
`,
			u: Update{At: time.Date(2026, 12, 6, 0, 40, 0, 0, time.FixedZone("", 3600)), Status: incident.StatusCompleted, Text: "Done.",
				Resolved: time.Date(2026, 12, 6, 0, 40, 0, 0, time.FixedZone("", 3600))},
			want: `---
title: Database upgrade
kind: maintenance
components:
  web-app:
scheduled:
  start: 2026-12-05T22:00:00+01:00
  end: 2026-12-06T01:00:00+01:00
resolved: 2026-12-06T00:40:00+01:00
updates:
  - at: 2026-11-20T10:00:00+01:00
    status: scheduled
    text: We will upgrade the database.
  - at: 2026-12-06T00:40:00+01:00
    status: completed
    text: Done.
---
`,
		},
		{
			name: "text starting indented is quoted, not a block",
			src:  "---\ntitle: T\nstarted: 2026-11-23T07:40:00Z\n---\n",
			u:    Update{At: at1230, Status: incident.StatusMonitoring, Text: "    code\nafter"},
			want: "---\ntitle: T\nstarted: 2026-11-23T07:40:00Z\nupdates:\n  - at: 2026-11-23T12:30:00Z\n    status: monitoring\n    text: \"    code\\nafter\"\n---\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := ParseFile([]byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			got, err := f.AppendUpdate(tt.u)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, string(got)); diff != "" {
				t.Fatalf("AppendUpdate (-want +got):\n%s", diff)
			}
			assertOnlyInserted(t, tt.src, string(got))
			in := loadClean(t, "2026/t.md", got)
			last, _ := in.Latest()
			if !last.At.Equal(tt.u.At) || last.Status != tt.u.Status {
				t.Errorf("latest update %v %s, want %v %s", last.At, last.Status, tt.u.At, tt.u.Status)
			}
			if !tt.u.Resolved.IsZero() && !in.Resolved.Equal(tt.u.Resolved) {
				t.Errorf("resolved %v, want %v", in.Resolved, tt.u.Resolved)
			}
		})
	}
}

// assertOnlyInserted checks that got is src with text inserted at one or two places: every byte
// of src is kept, in order.
func assertOnlyInserted(t *testing.T, src, got string) {
	t.Helper()
	// Greedy subsequence match is exact enough here: the insertions are whole lines.
	i := 0
	for j := 0; j < len(got) && i < len(src); j++ {
		if got[j] == src[i] {
			i++
		}
	}
	if i != len(src) {
		t.Errorf("the original is not kept byte for byte: matched %d of %d bytes", i, len(src))
	}
	prefix := 0
	for prefix < len(src) && src[prefix] == got[prefix] {
		prefix++
	}
	suffix := 0
	for suffix < len(src)-prefix && src[len(src)-1-suffix] == got[len(got)-1-suffix] {
		suffix++
	}
	if prefix+suffix != len(src) {
		// Two insertions (resolved and the update): what lies between them must be unchanged too.
		mid := src[prefix : len(src)-suffix]
		if !strings.Contains(got[prefix:len(got)-suffix], mid) {
			t.Errorf("the text between the insertions changed:\n%q", mid)
		}
	}
}

func TestAppendUpdateRefuses(t *testing.T) {
	u := Update{At: at1230, Status: incident.StatusMonitoring, Text: "x"}
	tests := []struct {
		name, src, want string
		u               Update
	}{
		{"null updates", "---\ntitle: T\nupdates: ~\n---\n", "`updates: ~` says there are none", u},
		{"updates not a list", "---\ntitle: T\nupdates: soon\n---\n", "`updates` is not a list", u},
		{"flow front matter", "---\n{title: T, updates: []}\n---\n", "one `{...}` mapping", u},
		{"no front matter", "title: T\n", "does not start with front matter", u},
		{"unclosed", "---\ntitle: T\n", "never closed", u},
		{"resolved twice", "---\ntitle: T\nresolved: 2026-11-23T10:00:00Z\n---\n", "already has `resolved:`", Update{At: at1230, Status: incident.StatusResolved, Text: "x", Resolved: at1230}},
		{"empty text", "---\ntitle: T\n---\n", "text is empty", Update{At: at1230, Status: incident.StatusMonitoring, Text: " \n "}},
		{"control character", "---\ntitle: T\n---\n", "control character U+0007", Update{At: at1230, Status: incident.StatusMonitoring, Text: "bell\a"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := ParseFile([]byte(tt.src))
			if err == nil {
				_, err = f.AppendUpdate(tt.u)
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one saying %q", err, tt.want)
			}
		})
	}
}

// TestAppendUpdateSamples appends to every sample original and checks the result loads cleanly
// and keeps the original bytes.
func TestAppendUpdateSamples(t *testing.T) {
	cat := content.Load(os.DirFS("../../../incidents"), content.Options{})
	for _, in := range cat.Incidents {
		if in.Kind == incident.KindNotice {
			continue
		}
		t.Run(in.Slug, func(t *testing.T) {
			src, err := os.ReadFile("../../../incidents/" + in.Source)
			if err != nil {
				t.Fatal(err)
			}
			f, err := ParseFile(src)
			if err != nil {
				t.Fatal(err)
			}
			at := time.Date(2027, 1, 1, 9, 0, 0, 0, time.UTC)
			u := Update{At: at, Status: incident.UpdateStatuses(in.Kind)[1], Text: "A later update.\n\nWith two paragraphs."}
			if f.Has("resolved") {
				u.Status = incident.UpdateStatuses(in.Kind)[3]
			}
			got, err := f.AppendUpdate(u)
			if err != nil {
				t.Fatal(err)
			}
			assertOnlyInserted(t, string(src), string(got))
			fsys := fstest.MapFS{}
			if err := copyInto(fsys, "../../../incidents"); err != nil {
				t.Fatal(err)
			}
			fsys[in.Source] = &fstest.MapFile{Data: got}
			after := content.Load(fsys, content.Options{})
			if ps := after.Problems.In(in.Source); len(ps) > 0 {
				t.Fatalf("problems:\n%s\n%s", ps, got)
			}
			if errs := after.Problems.Errors(); errs > 0 {
				t.Fatalf("errors elsewhere:\n%s", after.Problems)
			}
			edited, _ := after.Incident(in.Slug)
			if len(edited.Updates) != len(in.Updates)+1 {
				t.Errorf("%d updates, want %d", len(edited.Updates), len(in.Updates)+1)
			}
		})
	}
}

func copyInto(fsys fstest.MapFS, dir string) error {
	return fsWalk(dir, func(name string, data []byte) { fsys[name] = &fstest.MapFile{Data: data} })
}

func fsWalk(dir string, visit func(name string, data []byte)) error {
	fsys := os.DirFS(dir)
	return fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		visit(p, data)
		return err
	})
}

// FuzzAppendUpdate appends arbitrary texts to a block list and a flow list; AppendUpdate checks
// that the text reads back, so any text it accepts is stored exactly.
func FuzzAppendUpdate(f *testing.F) {
	for _, s := range []string{"x", "a: b\n\n# c", "  indented\nx", "'\"\\", "---\n...", "- a\n  - b", "x\t\ty", "é\u2028", "|\n>"} {
		f.Add(s)
	}
	srcs := []string{
		"---\ntitle: T\nupdates:\n  - at: 2026-11-23T08:05:00Z\n    status: investigating\n    text: |\n      a\n---\n",
		"---\ntitle: T\nupdates: [{at: 2026-11-23T08:05:00Z, status: investigating, text: a}]\n---\n",
		"---\ntitle: T\n---\n",
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, src := range srcs {
			file, err := ParseFile([]byte(src))
			if err != nil {
				t.Fatal(err)
			}
			out, err := file.AppendUpdate(Update{At: at1230, Status: incident.StatusMonitoring, Text: text})
			if err != nil {
				if CheckText("", text) == nil && CleanText(text) != "" {
					t.Errorf("AppendUpdate(%q): %v", text, err)
				}
				continue
			}
			if !strings.HasPrefix(string(out), src[:strings.Index(src, "updates")+1]) && !strings.HasPrefix(string(out), "---\ntitle: T\n") {
				t.Errorf("the start of the file changed:\n%s", out)
			}
		}
	})
}

func TestAppendUpdateIndentation(t *testing.T) {
	// With no list to copy, the new one follows the file's own indentation step.
	src := "---\ntitle: T\ncomponents:\n    rest-api: partial_outage\nstarted: 2026-11-23T07:40:00Z\n---\n"
	f, err := ParseFile([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	got, err := f.AppendUpdate(Update{At: at1230, Status: incident.StatusInvestigating, Text: "a\nb"})
	if err != nil {
		t.Fatal(err)
	}
	want := src[:len(src)-4] + "updates:\n    - at: 2026-11-23T12:30:00Z\n      status: investigating\n      text: |\n          a\n          b\n---\n"
	if diff := cmp.Diff(want, string(got)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	loadClean(t, "2026/t.md", got)
}
