package locale_test

import (
	"context"
	"io/fs"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"

	"statuspress/internal/incident"
	"statuspress/internal/locale"
	"statuspress/internal/status"
	"statuspress/locales"
)

var loadCatalog = sync.OnceValues(func() (*locale.Catalog, error) { return locale.Load(locales.FS) })

func catalog(t *testing.T) *locale.Catalog {
	t.Helper()
	c, err := loadCatalog()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestLanguages checks what locale keeps for each language of the domain's list: the source
// language first, and a name in the language itself for the switcher.
func TestLanguages(t *testing.T) {
	if diff := cmp.Diff(incident.SupportedLanguages, locale.Languages); diff != "" {
		t.Errorf("locale.Languages against incident.SupportedLanguages (-domain +locale):\n%s", diff)
	}
	if locale.Languages[0] != locale.Source {
		t.Errorf("Languages[0] = %q, want the source language %q", locale.Languages[0], locale.Source)
	}
	for _, lang := range locale.Languages {
		if locale.NativeName(lang) == lang {
			t.Errorf("%s has no native name", lang)
		}
	}
}

func TestT(t *testing.T) {
	c := catalog(t)
	tests := []struct{ lang, want string }{
		{"en", "All systems operational"},
		{"nl", "Alle systemen werken normaal"},
		{"fr", "Tous les systèmes sont opérationnels"},
		{"de", "Alle Systeme funktionieren"},
		{"es", "All systems operational"}, // unsupported: English
	}
	for _, tt := range tests {
		if got := c.Localizer(tt.lang, nil).T(locale.StateOperational); got != tt.want {
			t.Errorf("%s: T(state.operational) = %q, want %q", tt.lang, got, tt.want)
		}
	}
	if got := c.Localizer("es", nil).Lang(); got != "en" {
		t.Errorf("Localizer(es).Lang() = %q, want en", got)
	}
	if got := c.Localizer("nl", nil).Location(); got != time.UTC {
		t.Errorf("Localizer(nl, nil).Location() = %v, want UTC", got)
	}
}

func TestPlural(t *testing.T) {
	c := catalog(t)
	tests := []struct {
		lang  string
		count int
		want  string
	}{
		{"en", 0, "0 updates"},
		{"en", 1, "1 update"},
		{"en", 3, "3 updates"},
		{"nl", 0, "0 berichten"},
		{"nl", 1, "1 bericht"},
		{"nl", 3, "3 berichten"},
		{"fr", 0, "0 mise à jour"}, // French "one" covers 0 and 1
		{"fr", 1, "1 mise à jour"},
		{"fr", 3, "3 mises à jour"},
		{"de", 0, "0 Meldungen"},
		{"de", 1, "1 Meldung"},
		{"de", 3, "3 Meldungen"},
	}
	for _, tt := range tests {
		if got := c.Localizer(tt.lang, nil).Plural(locale.LabelUpdateCount, tt.count, nil); got != tt.want {
			t.Errorf("%s: Plural(label.updateCount, %d) = %q, want %q", tt.lang, tt.count, got, tt.want)
		}
	}
}

func TestPluralWithData(t *testing.T) {
	c := catalog(t)
	data := map[string]any{"Date": "8 jun", "Status": "X", "Percent": "99,95%"}
	tests := []struct {
		lang  string
		count int
		want  string
	}{
		{"en", 1, "8 jun: X, 99,95% uptime, 1 incident"},
		{"nl", 1, "8 jun: X, 99,95% beschikbaar, 1 storing"},
		{"nl", 3, "8 jun: X, 99,95% beschikbaar, 3 storingen"},
		{"fr", 1, "8 jun\u00a0: X, 99,95% de disponibilité, 1 incident"},
		{"fr", 3, "8 jun\u00a0: X, 99,95% de disponibilité, 3 incidents"},
		{"de", 3, "8 jun: X, 99,95% Verfügbarkeit, 3 Störungen"},
	}
	for _, tt := range tests {
		if got := c.Localizer(tt.lang, nil).Plural(locale.UptimeDay, tt.count, data); got != tt.want {
			t.Errorf("%s: Plural(uptime.day, %d) = %q, want %q", tt.lang, tt.count, got, tt.want)
		}
	}
	if _, ok := data["Count"]; ok {
		t.Error("Plural changed the caller's data map")
	}
}

func TestTData(t *testing.T) {
	l := catalog(t).Localizer("nl", nil)
	got := l.TData(locale.NoteOnlyIn, map[string]any{"Language": l.LanguageName("en")})
	if want := "Deze tekst is alleen beschikbaar in het Engels."; got != want {
		t.Errorf("TData(note.onlyIn) = %q, want %q", got, want)
	}
}

func TestLanguageName(t *testing.T) {
	c := catalog(t)
	tests := []struct{ in, of, want string }{
		{"en", "nl", "Dutch"},
		{"nl", "nl", "Nederlands"},
		{"fr", "nl", "néerlandais"},
		{"de", "nl", "Niederländisch"},
		{"nl", "en", "Engels"},
		{"fr", "de", "allemand"},
		{"de", "fr", "Französisch"},
		{"de", "xx", "xx"},
	}
	for _, tt := range tests {
		if got := c.Localizer(tt.in, nil).LanguageName(tt.of); got != tt.want {
			t.Errorf("%s: LanguageName(%s) = %q, want %q", tt.in, tt.of, got, tt.want)
		}
	}
	native := map[string]string{"en": "English", "nl": "Nederlands", "fr": "Français", "de": "Deutsch", "xx": "xx"}
	for lang, want := range native {
		if got := locale.NativeName(lang); got != want {
			t.Errorf("NativeName(%s) = %q, want %q", lang, got, want)
		}
	}
}

// Every value of the domain's vocabularies has its own translated word.
func TestDomainWords(t *testing.T) {
	c := catalog(t)
	for _, lang := range locale.Languages {
		l := c.Localizer(lang, nil)
		seen := map[string]string{}
		check := func(kind, value, got string) {
			t.Helper()
			if got == "" || got == value {
				t.Errorf("%s: %s %q has no word: %q", lang, kind, value, got)
			}
			key := kind + ":" + got
			if other, ok := seen[key]; ok {
				t.Errorf("%s: %s %q and %q are both %q", lang, kind, other, value, got)
			}
			seen[key] = value
		}
		for _, s := range incident.ComponentStatuses {
			check("component status", string(s), l.ComponentStatus(s))
		}
		for _, k := range incident.Kinds {
			for _, s := range incident.UpdateStatuses(k) {
				check("update status", string(s), l.UpdateStatus(s))
			}
			check("kind", string(k), l.Kind(k))
		}
		for _, i := range incident.Impacts {
			check("impact", string(i), l.Impact(i))
		}
		for _, i := range status.Indicators {
			check("indicator", string(i), l.Indicator(i))
		}
	}
	l := c.Localizer("de", nil)
	if got := l.Indicator("on_fire"); got != "on_fire" {
		t.Errorf("unknown indicator = %q, want it unchanged", got)
	}
	if got := l.ComponentStatus("on_fire"); got != "on_fire" {
		t.Errorf("unknown component status = %q, want it unchanged", got)
	}
	if got := l.ComponentStatus(incident.MajorOutage); got != "Schwerer Ausfall" {
		t.Errorf("de major_outage = %q", got)
	}
	if got := c.Localizer("fr", nil).UpdateStatus(incident.StatusInvestigating); got != "Analyse en cours" {
		t.Errorf("fr investigating = %q", got)
	}
}

func TestFromContext(t *testing.T) {
	ctx := context.Background()
	if got := locale.FromContext(ctx).T(locale.ChromeSkipLink); got != "Skip to main content" {
		t.Errorf("FromContext without a Localizer: T = %q", got)
	}
	l := catalog(t).Localizer("fr", time.UTC)
	if got := locale.FromContext(locale.NewContext(ctx, l)); got != l {
		t.Errorf("FromContext = %p, want %p", got, l)
	}
}

// brokenFS is the real catalog with Dutch damaged: one message left out, one emptied, one
// with a broken template, one with a misspelled field, a plural without its "one" form, and a
// message Go does not know.
func brokenFS(t *testing.T) fs.FS {
	t.Helper()
	fsys := fstest.MapFS{}
	for _, lang := range locale.Languages {
		b, err := fs.ReadFile(locales.FS, locale.FileName(lang))
		if err != nil {
			t.Fatal(err)
		}
		fsys[locale.FileName(lang)] = &fstest.MapFile{Data: b}
	}
	nl := string(fsys["active.nl.toml"].Data)
	for _, r := range [][2]string{
		{`skipLink = "Direct naar de inhoud"` + "\n", ""},
		{`operational = "Alle systemen werken normaal"`, `operational = ""`},
		{`"Gepland: {{.Window}}"`, `"Gepland: {{.Window"`},
		{`"Pagina {{.Page}} van {{.Pages}}"`, `"Pagina {{.Pagina}} van {{.Pages}}"`},
		{`one = "{{.Count}} bericht"` + "\n", ""},
		{"[state]\n", "[state]\nbogus = \"Onzin\"\n"},
	} {
		if !strings.Contains(nl, r[0]) {
			t.Fatalf("active.nl.toml no longer contains %q; update the test", r[0])
		}
		nl = strings.Replace(nl, r[0], r[1], 1)
	}
	fsys["active.nl.toml"] = &fstest.MapFile{Data: []byte(nl)}
	return fsys
}

func TestMissingTranslationFallsBack(t *testing.T) {
	c, err := locale.Load(brokenFS(t))
	if err != nil {
		t.Fatal(err)
	}
	l := c.Localizer("nl", nil)
	tests := []struct {
		name string
		got  string
		want string
	}{
		{"missing", l.T(locale.ChromeSkipLink), "Skip to main content"},
		{"empty", l.T(locale.StateOperational), "All systems operational"},
		{"broken template", l.TData(locale.MaintenanceScheduled, map[string]any{"Window": "x"}), "Scheduled: x"},
		{"missing plural form", l.Plural(locale.LabelUpdateCount, 1, nil), "1 berichten"},
		{"intact", l.T(locale.StateMinor), "Kleine verstoring"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, tt.got, tt.want)
		}
	}

	err = c.Check()
	if err == nil {
		t.Fatal("Check() = nil, want the damage reported")
	}
	for _, want := range []string{
		`active.nl.toml: message "chrome.skipLink" missing`,
		`active.nl.toml: message "state.operational": "other" is empty`,
		`active.nl.toml: message "maintenance.scheduled": "other": template:`,
		`active.nl.toml: message "label.page": "other" uses {{.Pagina}}`,
		`active.nl.toml: message "label.updateCount": "one" is empty`,
		`active.nl.toml: message "state.bogus" is not defined in Go`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("Check() does not report %q; it says:\n%v", want, err)
		}
	}
	if n := len(strings.Split(err.Error(), "\n")); n != 6 {
		t.Errorf("Check() reports %d problems, want 6:\n%v", n, err)
	}
}

func TestLoadErrors(t *testing.T) {
	fsys := brokenFS(t).(fstest.MapFS)
	delete(fsys, "active.de.toml")
	fsys["active.fr.toml"] = &fstest.MapFile{Data: []byte("[chrome\nskipLink = 1")}
	_, err := locale.Load(fsys)
	if err == nil {
		t.Fatal("Load() = nil error, want one for the missing and the malformed file")
	}
	for _, want := range []string{"load active.de.toml", "load active.fr.toml"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("Load() error does not mention %q: %v", want, err)
		}
	}
}

// TestConcurrentUse: localizers of one catalog, used at once in every language, give what each
// gives alone (and under -race, without a data race).
func TestConcurrentUse(t *testing.T) {
	c := catalog(t)
	words := func(l *locale.Localizer) []string {
		var out []string
		for i := range 50 {
			out = append(out, l.Plural(locale.LabelUpdateCount, i, nil), l.DateTime(time.Unix(int64(i)*86400, 0)))
		}
		return out
	}
	want := map[string][]string{}
	for _, lang := range locale.Languages {
		want[lang] = words(c.Localizer(lang, time.UTC))
	}
	got := make([][]string, len(locale.Languages))
	var wg sync.WaitGroup
	for i, lang := range locale.Languages {
		wg.Go(func() { got[i] = words(c.Localizer(lang, time.UTC)) })
	}
	wg.Wait()
	for i, lang := range locale.Languages {
		if diff := cmp.Diff(want[lang], got[i]); diff != "" {
			t.Errorf("%s at once (-alone +at once):\n%s", lang, diff)
		}
	}
	// The languages differ, so a localizer that answered in another's language would show.
	if cmp.Equal(want["en"], want["nl"]) {
		t.Errorf("English and Dutch give the same words: %v", want["en"][:4])
	}
}
