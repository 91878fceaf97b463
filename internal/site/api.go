package site

import (
	"strconv"
	"strings"
	"time"

	"statuspress/internal/statusapi"
)

// UnknownLanguageError is a language that an API answer or a badge is asked for by name (?lang=)
// and that the site does not publish.
type UnknownLanguageError struct {
	Lang string
	// Languages are the site's.
	Languages []string
}

func (e *UnknownLanguageError) Error() string {
	return "unknown language " + strconv.Quote(e.Lang) + "; this site publishes " + strings.Join(e.Languages, ", ")
}

// NamedLanguage is the language of an API answer or a badge: the one named (?lang=), which must be
// one of the site's, or else the default language when none is named. It is never negotiated
// from Accept-Language, so one URL always gives one answer.
func (s *Snapshot) NamedLanguage(named string) (string, error) {
	if named == "" {
		return s.Site.DefaultLanguage, nil
	}
	if !s.Enabled(named) {
		return "", &UnknownLanguageError{Lang: named, Languages: s.Site.Languages}
	}
	return named, nil
}

// API is the Statuspage-compatible API of the site in lang at now; its answers are the methods of
// the view.
func (s *Snapshot) API(lang string, now time.Time) *statusapi.View {
	return statusapi.New(statusapi.Params{
		Site:        s.Site,
		Incidents:   s.Incidents,
		Localizer:   s.Localizer(lang),
		Now:         now,
		BaseURL:     s.BaseURL(),
		IncidentURL: func(slug string) string { return s.Absolute(IncidentPath(lang, slug)) },
	})
}
