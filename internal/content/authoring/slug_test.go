package authoring

import (
	"strings"
	"testing"
	"testing/fstest"

	"statuspress/internal/content"
)

func TestSlug(t *testing.T) {
	tests := []struct {
		title, lang, want string
	}{
		{"Errors and slow responses on the REST API", "en", "errors-and-slow-responses-on-the-rest-api"},
		{"SOAP API unavailable", "en", "soap-api-unavailable"},
		{"Storing SOAP-API", "nl", "storing-soap-api"},
		{"Panne de l'API : délais d'envoi", "fr", "panne-de-lapi-delais-denvoi"},
		{"Can’t sign in", "en", "cant-sign-in"},
		{"Störung der Übermittlung", "de", "stoerung-der-uebermittlung"},
		{"Störung der Übermittlung", "en", "storung-der-ubermittlung"},
		{"Größere Anhänge", "de", "groessere-anhaenge"},
		{"Œuvre, ÆON, Ørsted, Łódź", "en", "oeuvre-aeon-orsted-lodz"},
		{"  --Leading & trailing!!  ", "en", "leading-trailing"},
		{"HTTP 502/504 errors (EU-West)", "en", "http-502-504-errors-eu-west"},
		{"e\u0301te\u0301 (decomposed accents)", "fr", "ete-decomposed-accents"},
		{"数据库维护", "en", ""},
		{"🔥", "en", ""},
		{"", "en", ""},
		{strings.Repeat("word ", 20), "en", strings.TrimSuffix(strings.Repeat("word-", 12), "-")},
		{strings.Repeat("x", 70), "en", strings.Repeat("x", 60)},
	}
	for _, tt := range tests {
		got := Slug(tt.title, tt.lang)
		if got != tt.want {
			t.Errorf("Slug(%q, %s) = %q, want %q", tt.title, tt.lang, got, tt.want)
		}
		if got != "" && !ValidSlug(got) {
			t.Errorf("Slug(%q) = %q is not a valid slug", tt.title, got)
		}
		if len(got) > MaxSlugLen {
			t.Errorf("Slug(%q) is %d long", tt.title, len(got))
		}
	}
}

func TestUnique(t *testing.T) {
	taken := map[string]bool{"outage": true, "outage-2": true, "maintenance": true}
	tests := []struct{ base, want string }{
		{"outage", "outage-3"},
		{"maintenance", "maintenance-2"},
		{"fresh", "fresh"},
		// index.md would turn its folder into a bundle.
		{"index", "index-2"},
	}
	for _, tt := range tests {
		if got := Unique(tt.base, func(s string) bool { return taken[s] }); got != tt.want {
			t.Errorf("Unique(%q) = %q, want %q", tt.base, got, tt.want)
		}
	}
}

func TestSlugs(t *testing.T) {
	fsys := fstest.MapFS{
		"site.yaml":                   {Data: siteYAMLData},
		"2026/good.md":                {Data: []byte("---\ntitle: Good\nkind: notice\nstarted: 2026-01-10T10:00:00Z\n---\nBody\n")},
		"2026/good.nl.md":             {Data: []byte("---\ntitle: Goed\n---\n")},
		"2026/broken.md":              {Data: []byte("---\ntitel: oops\n---\n")},
		"2026/bundle/index.md":        {Data: []byte("---\ntitle: Bundle\nkind: notice\nstarted: 2026-01-10T10:00:00Z\n---\n")},
		"_drafts/next-week.md":        {Data: []byte("---\ntitle: Draft\n---\n")},
		".git/objects/whatever.md":    {Data: []byte("x")},
		"2026/only-translation.fr.md": {Data: []byte("---\ntitle: x\n---\n")},
	}
	cat := content.Load(fsys, content.Options{})
	got, err := Slugs(fsys, cat)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"good", "broken", "bundle", "next-week", "only-translation"} {
		if _, ok := got[s]; !ok {
			t.Errorf("Slugs lacks %q: %v", s, got)
		}
	}
	if _, ok := got["whatever"]; ok {
		t.Errorf("Slugs looked inside .git: %v", got)
	}
}
