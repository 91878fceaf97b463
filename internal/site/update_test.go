package site_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"statuspress/internal/site"
)

// TestUpdate: a snapshot updated for the incidents a reload changed shows exactly what a snapshot
// built afresh shows, on every page that derives from the timeline, and leaves the snapshot it
// started from as it was.
func TestUpdate(t *testing.T) {
	loaded := at("2026-11-23T12:00:00Z")
	dir, ld, first := editable(t, loaded)
	instants := []string{"2026-11-05T08:30:00Z", "2026-11-10T11:00:00Z", "2026-11-10T13:00:00Z", "2026-11-20T23:30:00Z", "2026-11-23T12:00:00Z"}
	// pages are what the site shows at each instant that the timeline and the list of changes
	// feed: the overview (uptime, state, "updated"), every component page, the feed.
	pages := func(s *site.Snapshot) map[string]any {
		out := map[string]any{}
		for _, when := range instants {
			now := at(when)
			for _, lang := range []string{"en", "nl"} {
				out[lang+" overview "+when] = s.Overview(lang, now)
				for _, c := range s.Site.Components {
					p, _ := s.ComponentPage(lang, c.ID, 1, now)
					out[lang+" component "+c.ID+" "+when] = p
				}
				f, _ := s.Feed(lang, "", now)
				out[lang+" feed "+when] = f
				out[lang+" not found "+when] = s.ErrorPage(lang, 404, "/"+lang+"/nope/", now)
			}
		}
		return out
	}
	before := pages(first)

	rewrite := func(name, old, new string) {
		t.Helper()
		p := filepath.Join(dir, "2026", name)
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), old) {
			t.Fatalf("%s lacks %q", name, old)
		}
		if err := os.WriteFile(p, []byte(strings.Replace(string(b), old, new, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	prev := first
	for _, step := range []struct {
		name string
		do   func()
	}{
		{"the outage lasts longer", func() { rewrite("api-outage.md", "resolved: 2026-11-10T12:00:00Z", "resolved: 2026-11-10T14:00:00Z") }},
		{"it hit another component", func() { rewrite("api-outage.md", "  api: major_outage", "  api: major_outage\n  app: partial_outage") }},
		{"a new incident", func() {
			if err := os.WriteFile(filepath.Join(dir, "2026", "late.md"), []byte("---\ntitle: Late\ncomponents: {app: degraded_performance}\nstarted: 2026-11-20T22:00:00Z\n---\n"), 0o644); err != nil {
				t.Fatal(err)
			}
		}},
		{"an incident deleted", func() {
			if err := os.Remove(filepath.Join(dir, "2026", "sftp-failures.md")); err != nil {
				t.Fatal(err)
			}
		}},
		{"a title only", func() { rewrite("late.md", "title: Late", "title: Later") }},
	} {
		step.do()
		c := ld.Load()
		if c.Problems.Errors() > 0 {
			t.Fatalf("%s: %v", step.name, c.Problems)
		}
		got := site.Update(prev, c, loaded)
		want := site.Build(first.Files, c, first.Locales, site.Options{}, loaded)
		if diff := cmp.Diff(pages(want), pages(got)); diff != "" {
			t.Errorf("%s: the updated snapshot differs from a new one (-want +got):\n%s", step.name, diff)
		}
		prev = got
	}
	if diff := cmp.Diff(before, pages(first)); diff != "" {
		t.Errorf("the first snapshot changed (-before +after):\n%s", diff)
	}
}
