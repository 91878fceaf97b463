package site

import (
	"time"

	"statuspress/internal/locale"
	"statuspress/web"
)

// ComponentIDs are the ids of every component of the site, in site.yaml's order: the ones a
// subscriber may choose.
func (s *Snapshot) ComponentIDs() []string {
	ids := make([]string, len(s.Site.Components))
	for i, c := range s.Site.Components {
		ids[i] = c.ID
	}
	return ids
}

// SubscribeChoices are the site's components as the subscribe form offers them in lang: grouped
// as the overview groups them (named groups in site.yaml's order, then the components without a
// group, under "Other components" when there are named groups). checked tells which are ticked.
// Components hidden on the overview while operational are offered too: an outage shows them.
func (s *Snapshot) SubscribeChoices(lang string, checked func(id string) bool) []web.ChoiceGroup {
	var out []web.ChoiceGroup
	choices := func(group string) []web.Choice {
		var cs []web.Choice
		for _, c := range s.Site.Components {
			if c.Group == group {
				cs = append(cs, web.Choice{ID: c.ID, Name: s.Site.Localize(c.Name, lang), Checked: checked(c.ID)})
			}
		}
		return cs
	}
	for _, g := range s.Site.Groups {
		if cs := choices(g.ID); len(cs) > 0 {
			out = append(out, web.ChoiceGroup{Name: s.Site.Localize(g.Name, lang), Choices: cs})
		}
	}
	if cs := choices(""); len(cs) > 0 {
		name := ""
		if len(out) > 0 {
			name = s.Localizer(lang).T(locale.HeadingOtherComponents)
		}
		out = append(out, web.ChoiceGroup{Name: name, Choices: cs})
	}
	return out
}

// SubscriptionBase is the frame of a subscription page at path in lang. A page reached through a
// link from a mail holds a token in its URL: it is kept out of search engines, and its language
// switcher, which would drop the token, is left out (link is true).
func (s *Snapshot) SubscriptionBase(lang, path, title string, link bool, now time.Time) web.Base {
	v := s.view(lang, now)
	b := v.base(path, title, title)
	if link {
		b.Canonical, b.XDefault, b.Languages, b.NoIndex = "", "", nil, true
	}
	return b
}
