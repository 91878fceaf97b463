package incident

import (
	"slices"
	"time"
)

// SupportedLanguages are the languages statuspress has UI strings for, in the order the product
// documents them.
var SupportedLanguages = []string{"en", "nl", "fr", "de"}

// Site is the page's own description, from site.yaml.
type Site struct {
	// Title is the page's name by language; every enabled language has one (falling back to the
	// default language's when site.yaml gives a single title).
	Title           map[string]string
	BaseURL         string
	DefaultLanguage string
	// Languages are the enabled languages in switcher order; the default is among them.
	Languages []string
	// TimeZones gives the zone each language's readers see times and days in.
	TimeZones map[string]*time.Location
	Support   Support
	// StaleAfter is how long an event that goes on may go without an update before lint warns
	// that readers see it as abandoned.
	StaleAfter time.Duration
	Groups     []Group
	// Components are sorted by Position, then by their order in site.yaml.
	Components []Component
	// MaintenanceLead is how long before its window a maintenance moves to the top of the
	// overview; zero means DefaultMaintenanceLead.
	MaintenanceLead time.Duration
}

// DefaultMaintenanceLead is the lead time of a site.yaml that names none.
const DefaultMaintenanceLead = 24 * time.Hour

// Lead returns how long before its window a maintenance counts as imminent.
func (s *Site) Lead() time.Duration {
	if s.MaintenanceLead > 0 {
		return s.MaintenanceLead
	}
	return DefaultMaintenanceLead
}

// Support is how readers reach the people behind the page.
type Support struct {
	Email string
	URL   string
}

// Group gathers components under one heading.
type Group struct {
	ID   string
	Name map[string]string
}

// Component is one part of the service that incidents can affect.
type Component struct {
	ID          string
	Name        map[string]string
	Description map[string]string
	// Group is the id of the component's group, or empty.
	Group    string
	Position int
	// HiddenUnlessDegraded hides the component while it is operational.
	HiddenUnlessDegraded bool
	// Uptime is false for components whose uptime is not shown.
	Uptime bool
}

// Component returns the component with the given id.
func (s *Site) Component(id string) (Component, bool) {
	i := slices.IndexFunc(s.Components, func(c Component) bool { return c.ID == id })
	if i < 0 {
		return Component{}, false
	}
	return s.Components[i], true
}

// Enabled reports whether lang is one of the site's languages.
func (s *Site) Enabled(lang string) bool { return slices.Contains(s.Languages, lang) }

// Location returns the time zone of lang, or UTC when the site names none.
func (s *Site) Location(lang string) *time.Location {
	if loc := s.TimeZones[lang]; loc != nil {
		return loc
	}
	return time.UTC
}

// Localize picks lang's entry of a per-language text, falling back to the default language.
func (s *Site) Localize(m map[string]string, lang string) string {
	if v, ok := m[lang]; ok && v != "" {
		return v
	}
	return m[s.DefaultLanguage]
}
