// Package locale is statuspress's language layer: the UI strings (go-i18n messages defined in
// messages.go, translated in locales/active.<lang>.toml), the languages the product speaks, the
// choice of a reader's language from a cookie and Accept-Language (Match), and the way each
// language writes dates, times, durations, relative times and percentages.
//
// A Catalog is built once from the message files; Catalog.Localizer gives a Localizer for one
// language and time zone, which is safe for concurrent use and cheap to make per request.
//
// Conventions, the same in every language:
//   - times use the 24-hour clock, English included: readers of an international status page
//     compare times across zones, and "14:30" cannot be misread the way "2:30" can;
//   - every time is followed by its zone's abbreviation as Go's time package gives it ("CEST",
//     "UTC", or a numeric "+03" where the zone database has no letters), so a time is never
//     ambiguous;
//   - a Localizer shows every instant in its own *time.Location; callers pass times in any zone.
//
// A message missing from a translation falls back to English rather than failing; the tests
// (and Catalog.Check) are what keep translations complete.
package locale

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"regexp"
	"slices"
	"strings"
	"sync"
	"text/template"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

	"statuspress/internal/incident"
	"statuspress/internal/status"
)

// Source is the language the messages are written in and the one every other falls back to.
const Source = "en"

// Languages lists the languages statuspress has UI strings for, the source first: the domain's
// incident.SupportedLanguages, which content checks languages against.
var Languages = incident.SupportedLanguages

// nativeNames name each language in itself, as a language switcher shows them.
var nativeNames = map[string]string{
	"en": "English",
	"nl": "Nederlands",
	"fr": "Français",
	"de": "Deutsch",
}

// NativeName returns lang's name in lang itself ("Nederlands" for nl), as a language switcher
// shows it, or lang unchanged when it is not one of Languages.
func NativeName(lang string) string {
	if n, ok := nativeNames[lang]; ok {
		return n
	}
	return lang
}

// Supported reports whether lang is one of Languages.
func Supported(lang string) bool { return slices.Contains(Languages, lang) }

// pluralForms are the CLDR plural categories a plural message needs in each language. All four
// languages have "one" and "other"; they differ in which numbers are "one" (French: 0 and 1).
var pluralForms = map[string][]string{
	"en": {"one", "other"},
	"nl": {"one", "other"},
	"fr": {"one", "other"},
	"de": {"one", "other"},
}

// Catalog holds the UI strings of every language. It is read-only once loaded and safe for
// concurrent use.
type Catalog struct {
	bundle *i18n.Bundle
	// files holds the messages each language's file defines, by id, as parsed.
	files      map[string]map[string]*i18n.Message
	localizers map[string]*i18n.Localizer
}

// FileName is the name of lang's message file.
func FileName(lang string) string { return "active." + lang + ".toml" }

// Load reads active.<lang>.toml for every language in Languages from the root of fsys
// (statuspress embeds them as locales.FS). A missing or malformed file is an error; a file
// that lacks messages is not, since those fall back to English (see Check).
func Load(fsys fs.FS) (*Catalog, error) {
	c := newCatalog()
	var errs []error
	for _, lang := range Languages {
		name := FileName(lang)
		mf, err := c.bundle.LoadMessageFileFS(fsys, name)
		if err != nil {
			errs = append(errs, fmt.Errorf("load %s: %w", name, err))
			continue
		}
		if got := mf.Tag.String(); got != lang {
			errs = append(errs, fmt.Errorf("load %s: language %q, want %q", name, got, lang))
			continue
		}
		byID := make(map[string]*i18n.Message, len(mf.Messages))
		for _, m := range mf.Messages {
			byID[m.ID] = m
		}
		c.files[lang] = byID
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return c, nil
}

func newCatalog() *Catalog {
	b := i18n.NewBundle(language.English)
	b.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	c := &Catalog{
		bundle:     b,
		files:      map[string]map[string]*i18n.Message{},
		localizers: map[string]*i18n.Localizer{},
	}
	for _, lang := range Languages {
		c.localizers[lang] = i18n.NewLocalizer(b, lang)
	}
	return c
}

// builtin is the catalog of the messages as written in Go, English only: what FromContext
// falls back to when no Localizer was put in the context.
var builtin = sync.OnceValue(func() *Catalog {
	c := newCatalog()
	c.bundle.MustAddMessages(language.English, Messages()...)
	return c
})

// fieldRE finds the data fields a message template uses: {{.Count}}, {{ .Date }}.
var fieldRE = regexp.MustCompile(`{{-?\s*\.([A-Za-z0-9_]+)\s*-?}}`)

// Check reports every gap in the loaded translations, joined: a message missing from a
// language's file, empty, lacking a plural form the language needs, failing to parse as a
// template, or using a data field its English source does not provide; and ids a file defines
// that no Go message has. Nil means every language is complete.
func (c *Catalog) Check() error {
	var errs []error
	known := map[string]bool{}
	for _, src := range Messages() {
		known[src.ID] = true
		fields := templateFields(src)
		for _, lang := range Languages {
			name := FileName(lang)
			m, ok := c.files[lang][src.ID]
			if !ok {
				errs = append(errs, fmt.Errorf("%s: message %q missing", name, src.ID))
				continue
			}
			forms := []string{"other"}
			if src.One != "" {
				forms = pluralForms[lang]
			}
			for _, form := range forms {
				text := pluralForm(m, form)
				if strings.TrimSpace(text) == "" {
					errs = append(errs, fmt.Errorf("%s: message %q: %q is empty", name, src.ID, form))
					continue
				}
				if _, err := template.New(src.ID).Parse(text); err != nil {
					errs = append(errs, fmt.Errorf("%s: message %q: %q: %w", name, src.ID, form, err))
				}
				for _, f := range fieldRE.FindAllStringSubmatch(text, -1) {
					if !fields[f[1]] {
						errs = append(errs, fmt.Errorf("%s: message %q: %q uses {{.%s}}, which %s does not provide", name, src.ID, form, f[1], Source))
					}
				}
			}
		}
	}
	for _, lang := range Languages {
		for _, id := range slices.Sorted(maps.Keys(c.files[lang])) {
			if !known[id] {
				errs = append(errs, fmt.Errorf("%s: message %q is not defined in Go", FileName(lang), id))
			}
		}
	}
	return errors.Join(errs...)
}

// templateFields returns the data fields src's templates use, plus Count for a plural message.
func templateFields(src *i18n.Message) map[string]bool {
	fields := map[string]bool{}
	if src.One != "" {
		fields["Count"] = true
	}
	for _, text := range []string{src.One, src.Other} {
		for _, f := range fieldRE.FindAllStringSubmatch(text, -1) {
			fields[f[1]] = true
		}
	}
	return fields
}

func pluralForm(m *i18n.Message, form string) string {
	switch form {
	case "zero":
		return m.Zero
	case "one":
		return m.One
	case "two":
		return m.Two
	case "few":
		return m.Few
	case "many":
		return m.Many
	}
	return m.Other
}

// Localizer speaks one language in one time zone. Make one with Catalog.Localizer.
type Localizer struct {
	lang string
	loc  *time.Location
	cal  *calendar
	l    *i18n.Localizer
	src  *i18n.Localizer
}

// Localizer returns the Localizer for lang showing times in loc. A lang that is not one of
// Languages gets English; a nil loc is UTC.
func (c *Catalog) Localizer(lang string, loc *time.Location) *Localizer {
	if !Supported(lang) {
		lang = Source
	}
	if loc == nil {
		loc = time.UTC
	}
	return &Localizer{
		lang: lang,
		loc:  loc,
		cal:  calendars[lang],
		l:    c.localizers[lang],
		src:  c.localizers[Source],
	}
}

// Lang returns the Localizer's language code, as <html lang> wants it.
func (l *Localizer) Lang() string { return l.lang }

// Location returns the time zone the Localizer shows times in.
func (l *Localizer) Location() *time.Location { return l.loc }

// T returns msg in the Localizer's language.
func (l *Localizer) T(msg *i18n.Message) string {
	return l.localize(&i18n.LocalizeConfig{DefaultMessage: msg})
}

// TData returns msg in the Localizer's language with data filling its template, typically a
// map[string]any naming the fields the message's Description lists.
func (l *Localizer) TData(msg *i18n.Message, data any) string {
	return l.localize(&i18n.LocalizeConfig{DefaultMessage: msg, TemplateData: data})
}

// Plural returns the form of msg that count calls for in the Localizer's language. The
// template sees count as {{.Count}}: data may be nil, or a map[string]any of further fields
// (Count is added to a copy of it); data of another type is passed as it is and must provide
// Count itself.
func (l *Localizer) Plural(msg *i18n.Message, count int, data any) string {
	switch d := data.(type) {
	case nil:
		data = map[string]any{"Count": count}
	case map[string]any:
		if _, ok := d["Count"]; !ok {
			d = maps.Clone(d)
			d["Count"] = count
			data = d
		}
	}
	return l.localize(&i18n.LocalizeConfig{DefaultMessage: msg, TemplateData: data, PluralCount: count})
}

// localize never fails: go-i18n already answers a message missing from a translation with the
// English text; a translation that cannot be rendered (a broken template, a missing plural form)
// falls back to the English file, then to the Go source.
func (l *Localizer) localize(cfg *i18n.LocalizeConfig) string {
	if s, err := l.l.Localize(cfg); err == nil || s != "" {
		return s
	}
	if s, err := l.src.Localize(cfg); err == nil || s != "" {
		return s
	}
	return cfg.DefaultMessage.Other
}

// LanguageName returns the name of lang as the Localizer's language writes it in running text
// ("néerlandais" for nl in French), or NativeName(lang) when lang is not one of Languages.
func (l *Localizer) LanguageName(lang string) string {
	if m, ok := languageNames[lang]; ok {
		return l.T(m)
	}
	return NativeName(lang)
}

var languageNames = map[string]*i18n.Message{
	"en": LanguageEnglish,
	"nl": LanguageDutch,
	"fr": LanguageFrench,
	"de": LanguageGerman,
}

var componentStatuses = map[incident.ComponentStatus]*i18n.Message{
	incident.Operational:         ComponentOperational,
	incident.DegradedPerformance: ComponentDegradedPerformance,
	incident.PartialOutage:       ComponentPartialOutage,
	incident.MajorOutage:         ComponentMajorOutage,
	incident.UnderMaintenance:    ComponentUnderMaintenance,
}

var indicators = map[status.Indicator]*i18n.Message{
	status.IndicatorNone:        StateOperational,
	status.IndicatorMinor:       StateMinor,
	status.IndicatorMajor:       StateMajor,
	status.IndicatorCritical:    StateCritical,
	status.IndicatorMaintenance: StateMaintenance,
}

var updateStatuses = map[incident.UpdateStatus]*i18n.Message{
	incident.StatusInvestigating: UpdateInvestigating,
	incident.StatusIdentified:    UpdateIdentified,
	incident.StatusMonitoring:    UpdateMonitoring,
	incident.StatusResolved:      UpdateResolved,
	incident.StatusScheduled:     UpdateScheduled,
	incident.StatusInProgress:    UpdateInProgress,
	incident.StatusVerifying:     UpdateVerifying,
	incident.StatusCompleted:     UpdateCompleted,
}

var kinds = map[incident.Kind]*i18n.Message{
	incident.KindIncident:    KindIncident,
	incident.KindMaintenance: KindMaintenance,
	incident.KindNotice:      KindNotice,
}

var impacts = map[incident.Impact]*i18n.Message{
	incident.ImpactNone:     ImpactNone,
	incident.ImpactMinor:    ImpactMinor,
	incident.ImpactMajor:    ImpactMajor,
	incident.ImpactCritical: ImpactCritical,
}

// ComponentStatus names s in the Localizer's language; an unknown status comes back as it is.
func (l *Localizer) ComponentStatus(s incident.ComponentStatus) string {
	return l.word(componentStatuses[s], string(s))
}

// Indicator says what the page's state i means in the Localizer's language, as the overview's
// banner, the API's status description and the badge say it; an unknown indicator comes back as
// it is.
func (l *Localizer) Indicator(i status.Indicator) string { return l.word(indicators[i], string(i)) }

// UpdateStatus names s in the Localizer's language; an unknown status comes back as it is.
func (l *Localizer) UpdateStatus(s incident.UpdateStatus) string {
	return l.word(updateStatuses[s], string(s))
}

// Kind names k in the Localizer's language; an unknown kind comes back as it is.
func (l *Localizer) Kind(k incident.Kind) string { return l.word(kinds[k], string(k)) }

// Impact names i in the Localizer's language; an unknown impact comes back as it is.
func (l *Localizer) Impact(i incident.Impact) string { return l.word(impacts[i], string(i)) }

func (l *Localizer) word(m *i18n.Message, raw string) string {
	if m == nil {
		return raw
	}
	return l.T(m)
}

type contextKey struct{}

// NewContext returns a copy of ctx carrying l, for templ components to find with FromContext.
func NewContext(ctx context.Context, l *Localizer) context.Context {
	return context.WithValue(ctx, contextKey{}, l)
}

// FromContext returns the Localizer ctx carries, or, when it carries none, an English one in
// UTC that renders the messages as written in Go, so a component rendered without a
// Localizer still shows text.
func FromContext(ctx context.Context) *Localizer {
	if l, ok := ctx.Value(contextKey{}).(*Localizer); ok && l != nil {
		return l
	}
	return builtin().Localizer(Source, time.UTC)
}
