package statusapi_test

import (
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"

	"statuspress/internal/content"
)

// TestPostmortemStatus: a resolved incident whose file has a body (its postmortem) is
// "postmortem", as Statuspage's are once their postmortem is published, and keeps resolved_at;
// without a body it stays "resolved"; an ongoing one keeps its own status.
func TestPostmortemStatus(t *testing.T) {
	incident := func(resolved, body string) *fstest.MapFile {
		fm := "---\ntitle: Down\ncomponents: {api: major_outage}\nstarted: 2026-10-01T10:00:00Z\n"
		if resolved != "" {
			fm += "resolved: " + resolved + "\n"
		}
		fm += "updates:\n  - {at: 2026-10-01T10:05:00Z, status: investigating, text: Looking.}\n"
		if resolved != "" {
			fm += "  - {at: " + resolved + ", status: resolved, text: Fixed.}\n"
		}
		return &fstest.MapFile{Data: []byte(fm + "---\n" + body)}
	}
	fsys := fstest.MapFS{
		"site.yaml":        {Data: []byte("title: T\nbase_url: https://status.t.example\ndefault_language: en\nlanguages: [en, nl]\ncomponents:\n  - id: api\n    name: {en: API}\n")},
		"with-story.md":    incident("2026-10-01T11:00:00Z", "## Cause\n\nA bad release.\n"),
		"without-story.md": incident("2026-10-01T12:00:00Z", "\n"),
		"ongoing-story.md": incident("", "We will write up what happened.\n"),
		"with-story.nl.md": {Data: []byte("---\ntitle: Plat\n---\n")},
	}
	cat := content.Load(fsys, content.Options{})
	if cat.Problems.Errors() > 0 {
		t.Fatal(cat.Problems)
	}
	now := time.Date(2026, 10, 2, 0, 0, 0, 0, time.UTC)
	type row struct{ Name, Status, ResolvedAt string }
	for _, lang := range []string{"en", "nl"} {
		var got []row
		for _, in := range view(t, cat, lang, now).Incidents() {
			r := row{Name: in.Name, Status: in.Status}
			if in.ResolvedAt != nil {
				r.ResolvedAt = *in.ResolvedAt
			}
			got = append(got, r)
		}
		title := map[string]string{"en": "Down", "nl": "Plat"}[lang]
		want := []row{
			{"Down", "investigating", ""},                     // ongoing-story
			{title, "postmortem", "2026-10-01T11:00:00.000Z"}, // with-story
			{"Down", "resolved", "2026-10-01T12:00:00.000Z"},  // without-story
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: incidents (-want +got):\n%s", lang, diff)
		}
	}
}
