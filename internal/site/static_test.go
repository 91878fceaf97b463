package site_test

import (
	"testing"

	"statuspress/internal/site"
)

// TestStaticSwitcher: a snapshot for static hosting links the language switcher straight to the
// page in the other language (root-relative), never through /lang/, which needs a server; the
// hreflang alternates stay absolute either way.
func TestStaticSwitcher(t *testing.T) {
	now := at("2026-11-23T12:00:00Z")
	for _, static := range []bool{false, true} {
		s := small(t, site.Options{Static: static})
		if s.Static() != static {
			t.Errorf("Static() = %v, want %v", s.Static(), static)
		}
		p, ok := s.History(s.Site.DefaultLanguage, 1, now)
		if !ok {
			t.Fatal("no history page")
		}
		if len(p.Languages) < 2 {
			t.Fatalf("the test site needs two languages, has %d", len(p.Languages))
		}
		for _, a := range p.Languages {
			path := site.HistoryPath(a.Lang, 1)
			want := site.SwitchPath(a.Lang, path)
			if static {
				want = path
			}
			if a.Switch != want {
				t.Errorf("static=%v: switch to %s = %q, want %q", static, a.Lang, a.Switch, want)
			}
			if a.URL != s.Absolute(path) {
				t.Errorf("static=%v: alternate %s = %q, want %q", static, a.Lang, a.URL, s.Absolute(path))
			}
		}
	}
}
