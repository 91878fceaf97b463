package locale

import (
	"strings"

	"golang.org/x/text/language"
)

// Matcher chooses a reader's language among a site's enabled languages. Make one per site
// configuration with NewMatcher; it is safe for concurrent use.
type Matcher struct {
	enabled []string
	def     string
	// index maps the matcher's supported-tag index back to enabled: enabled entries that do
	// not parse as language tags are left out of the matcher.
	index   []int
	matcher language.Matcher
}

// NewMatcher returns a Matcher for the enabled languages (in switcher order) with def as the
// site default. When def is empty the first enabled language is the default, and English
// when none is enabled.
func NewMatcher(enabled []string, def string) *Matcher {
	m := &Matcher{enabled: enabled, def: def}
	if m.def == "" {
		m.def = Source
		if len(enabled) > 0 {
			m.def = enabled[0]
		}
	}
	var tags []language.Tag
	for i, e := range enabled {
		t, err := language.Parse(e)
		if err != nil {
			continue
		}
		tags = append(tags, t)
		m.index = append(m.index, i)
	}
	if len(tags) > 0 {
		m.matcher = language.NewMatcher(tags)
	}
	return m
}

// Match picks the language to send a reader to: the cookie when it names an enabled language,
// else the best enabled language for the Accept-Language header, else the default. See Matcher.Match.
func Match(enabled []string, def, cookie, acceptLanguage string) string {
	return NewMatcher(enabled, def).Match(cookie, acceptLanguage)
}

// Match picks the language to send a reader to:
//   - the cookie (the reader's own earlier choice) when it names an enabled language;
//   - else the enabled language that best fits the Accept-Language header, by CLDR's language
//     distances: regional variants find their language (nl-BE → nl, de-AT → de, fr-CA → fr,
//     en-GB → en), as do languages whose readers CLDR says read it (Frisian and Afrikaans →
//     nl, Swiss German and Luxembourgish → de, Breton → fr);
//   - else the default: for a header naming no enabled language or a close one ("es", a
//     disabled "nl-BE"), a wildcard "*", or a header that does not parse.
func (m *Matcher) Match(cookie, acceptLanguage string) string {
	if c := strings.TrimSpace(cookie); c != "" {
		for _, e := range m.enabled {
			if strings.EqualFold(e, c) {
				return e
			}
		}
	}
	if m.matcher == nil {
		return m.def
	}
	desired, _, err := language.ParseAcceptLanguage(acceptLanguage)
	if err != nil || len(desired) == 0 {
		return m.def
	}
	// The returned tag carries the reader's region as an extension (en-u-rg-gbzzzz), so the
	// index is what says which enabled language won.
	_, i, conf := m.matcher.Match(desired...)
	// Below High the matcher is only guessing (Low) or falls back to its first language (No),
	// which is not the site's default unless the default happens to come first.
	if conf < language.High {
		return m.def
	}
	return m.enabled[m.index[i]]
}
