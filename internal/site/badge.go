package site

import (
	"time"

	"statuspress/internal/badge"
	"statuspress/internal/locale"
)

// Badge is the badge of the page (component "") or of one component or group, in lang at now,
// with the state the API gives; false for an unknown component or group.
func (s *Snapshot) Badge(lang, component string, now time.Time) (badge.Badge, bool) {
	v := s.API(lang, now)
	l := s.Localizer(lang)
	b := badge.Badge{Lang: lang}
	if component == "" {
		ind := v.Indicator()
		b.Label, b.Message, b.Color = l.T(locale.LabelStatus), l.Indicator(ind), badge.ForIndicator(ind)
		return b, true
	}
	name, st, ok := v.ComponentStatus(component)
	if !ok {
		return badge.Badge{}, false
	}
	b.Label, b.Message, b.Color = name, l.ComponentStatus(st), badge.ForComponent(st)
	return b, true
}
