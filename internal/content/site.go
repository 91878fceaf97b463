package content

import (
	"crypto/sha256"
	"net/mail"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"

	"statuspress/internal/incident"
	"statuspress/internal/yamlnode"
)

// SiteFile is the name of the site description at the root of a content directory.
const SiteFile = "site.yaml"

var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

var siteFields = []string{"title", "base_url", "default_language", "languages", "timezones", "support", "stale_after", "groups", "components", "maintenance_lead_hours"}

// DefaultStaleAfter is the site's stale_after when site.yaml does not set it: an ongoing incident
// with no word for three days looks abandoned.
const DefaultStaleAfter = 72 * time.Hour

// parseSite decodes site.yaml. It returns the best site it can make of the file even when parts
// are wrong, so the incidents can still be checked against it; r says what was wrong.
func parseSite(src []byte, r *report) (site *incident.Site, readable bool) {
	site = &incident.Site{
		Title:           map[string]string{},
		DefaultLanguage: "en",
		TimeZones:       map[string]*time.Location{},
		StaleAfter:      DefaultStaleAfter,
	}
	d := &yamlDoc{r: r}
	root := d.parse(src)
	if root == nil {
		if !r.failed() {
			r.errorf(pos{1, 1}, "site.yaml is empty; it needs at least title, base_url, default_language, languages and components")
		}
		site.Languages = []string{site.DefaultLanguage}
		return site, false
	}
	byKey := map[string]field{}
	for _, f := range d.fields(root, "site.yaml", siteFields) {
		byKey[f.key] = f
	}
	missing := func(key, example string) {
		r.errorf(d.at(root), "site.yaml lacks `%s`; add for example `%s: %s`", key, key, example)
	}

	// Languages come first: every other field is checked against them.
	if f, ok := byKey["languages"]; ok {
		for _, n := range d.list(f) {
			lang := scalarText(n)
			switch {
			case !slices.Contains(incident.SupportedLanguages, lang):
				r.errorf(d.at(n), "language `%s` is not supported; %s", lang, oneOf(incident.SupportedLanguages, ""))
			case slices.Contains(site.Languages, lang):
				r.errorf(d.at(n), "language `%s` is listed twice", lang)
			default:
				site.Languages = append(site.Languages, lang)
			}
		}
	} else {
		missing("languages", "[en, nl]")
	}
	if f, ok := byKey["default_language"]; ok {
		if lang, ok := d.required(f, "en"); ok {
			switch {
			case !slices.Contains(incident.SupportedLanguages, lang):
				r.errorf(f.at, "default_language `%s` is not supported; %s", lang, oneOf(incident.SupportedLanguages, ""))
			case !slices.Contains(site.Languages, lang):
				r.errorf(f.at, "default_language `%s` is not in `languages`; add it there", lang)
				site.DefaultLanguage = lang
				site.Languages = append(site.Languages, lang)
			default:
				site.DefaultLanguage = lang
			}
		}
	} else {
		missing("default_language", "en")
	}
	if len(site.Languages) == 0 {
		site.Languages = []string{site.DefaultLanguage}
	}

	if f, ok := byKey["title"]; ok {
		site.Title = d.localized(f, site, true)
	} else {
		missing("title", "Example Status")
	}
	if f, ok := byKey["base_url"]; ok {
		if s, ok := d.required(f, "https://status.example.com"); ok {
			u, err := url.Parse(s)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
				r.errorf(f.at, "base_url `%s` must be an absolute http or https URL, e.g. https://status.example.com", s)
			} else {
				site.BaseURL = strings.TrimSuffix(s, "/")
			}
		}
	} else {
		missing("base_url", "https://status.example.com")
	}
	if f, ok := byKey["timezones"]; ok {
		for _, z := range d.fields(f.value, "timezones", nil) {
			if !site.Enabled(z.key) {
				r.errorf(z.keyAt, "time zone for `%s`, which is not in `languages`", z.key)
				continue
			}
			name, ok := d.required(z, "Europe/Amsterdam")
			if !ok {
				continue
			}
			loc, err := time.LoadLocation(name)
			if err != nil {
				r.errorf(z.at, "unknown time zone `%s`; use an IANA name such as UTC or Europe/Amsterdam", name)
				continue
			}
			site.TimeZones[z.key] = loc
		}
	}
	if f, ok := byKey["support"]; ok {
		for _, s := range d.fields(f.value, "support", []string{"email", "url"}) {
			v, ok := d.required(s, "support@example.com")
			if !ok {
				continue
			}
			switch s.key {
			case "email":
				if _, err := mail.ParseAddress(v); err != nil || strings.ContainsAny(v, "<> ") {
					r.errorf(s.at, "support email `%s` is not an e-mail address", v)
					continue
				}
				site.Support.Email = v
			case "url":
				if u, err := url.Parse(v); err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
					r.errorf(s.at, "support url `%s` must be an absolute http or https URL", v)
					continue
				}
				site.Support.URL = v
			}
		}
	}
	if f, ok := byKey["stale_after"]; ok {
		if v, ok := d.required(f, "72h"); ok {
			if dur, err := time.ParseDuration(v); err != nil || dur <= 0 {
				r.errorf(f.at, "stale_after `%s` is not a positive duration; write hours and minutes, e.g. 72h or 36h30m", v)
			} else {
				site.StaleAfter = dur
			}
		}
	}
	if f, ok := byKey["groups"]; ok {
		for _, n := range d.list(f) {
			if g, ok := d.group(n, site); ok {
				site.Groups = append(site.Groups, g)
			}
		}
	}
	if f, ok := byKey["components"]; ok {
		for _, n := range d.list(f) {
			if c, ok := d.component(n, site); ok {
				site.Components = append(site.Components, c)
			}
		}
		slices.SortStableFunc(site.Components, func(a, b incident.Component) int { return a.Position - b.Position })
	}
	if f, ok := byKey["maintenance_lead_hours"]; ok {
		if h, ok := d.integer(f); ok {
			if h < 1 {
				r.errorf(f.at, "maintenance_lead_hours must be 1 or more, not %d", h)
			} else {
				site.MaintenanceLead = time.Duration(h) * time.Hour
			}
		}
	}
	if len(site.Components) == 0 && !r.failed() {
		missing("components", "[{id: api, name: API}]")
	}
	return site, true
}

func (d *yamlDoc) group(n *yamlnode.Node, site *incident.Site) (incident.Group, bool) {
	g := incident.Group{}
	var named, hasID, idOK bool
	for _, f := range d.fields(n, "a group", []string{"id", "name"}) {
		switch f.key {
		case "id":
			hasID = true
			g.ID, idOK = d.id(f, "group", slices.ContainsFunc(site.Groups, func(o incident.Group) bool { return o.ID == scalarText(f.value) }))
		case "name":
			g.Name, named = d.localized(f, site, true), true
		}
	}
	if !hasID {
		d.r.errorf(d.start(n), "a group needs an `id`, e.g. `id: apis`")
	}
	if !idOK {
		return g, false
	}
	if !named {
		d.r.errorf(d.at(n), "group `%s` needs a `name`", g.ID)
	}
	return g, true
}

var componentFields = []string{"id", "name", "description", "group", "position", "hidden_unless_degraded", "uptime"}

func (d *yamlDoc) component(n *yamlnode.Node, site *incident.Site) (incident.Component, bool) {
	c := incident.Component{Uptime: true}
	var named, ok, hasID, idOK bool
	for _, f := range d.fields(n, "a component", componentFields) {
		switch f.key {
		case "id":
			hasID = true
			c.ID, idOK = d.id(f, "component", slices.ContainsFunc(site.Components, func(o incident.Component) bool { return o.ID == scalarText(f.value) }))
		case "name":
			c.Name, named = d.localized(f, site, true), true
		case "description":
			c.Description = d.localized(f, site, false)
		case "group":
			if g, ok := d.str(f); ok {
				ids := make([]string, len(site.Groups))
				for i, gr := range site.Groups {
					ids[i] = gr.ID
				}
				if !slices.Contains(ids, g) {
					d.r.errorf(f.at, "group `%s` is not declared under `groups`; %s", g, didYouMean(g, ids, "site.yaml declares no groups: add it under `groups`, or remove `group` from this component"))
				} else {
					c.Group = g
				}
			}
		case "position":
			c.Position, _ = d.integer(f)
		case "hidden_unless_degraded":
			c.HiddenUnlessDegraded, _ = d.boolean(f)
		case "uptime":
			if c.Uptime, ok = d.boolean(f); !ok {
				c.Uptime = true
			}
		}
	}
	if !hasID {
		d.r.errorf(d.start(n), "a component needs an `id`, e.g. `id: rest-api`")
	}
	if !idOK {
		return c, false
	}
	if !named {
		d.r.errorf(d.at(n), "component `%s` needs a `name`", c.ID)
	}
	return c, true
}

// id checks an identifier used in URLs and files.
func (d *yamlDoc) id(f field, what string, taken bool) (string, bool) {
	s, ok := d.required(f, "rest-api")
	if !ok {
		return "", false
	}
	if !idPattern.MatchString(s) {
		d.r.errorf(f.at, "%s id `%s` may hold only lower-case letters, digits and single hyphens, e.g. `%s`", what, s, slugify(s))
		return "", false
	}
	if taken {
		d.r.errorf(f.at, "%s id `%s` is used twice; ids must be unique", what, s)
		return "", false
	}
	return s, true
}

// localized decodes a text given either once for every language or per language. A required
// text must exist in the default language.
func (d *yamlDoc) localized(f field, site *incident.Site, required bool) map[string]string {
	out := map[string]string{}
	if _, isMap := d.mapValue(f.value); !isMap {
		s, ok := d.str(f)
		if ok && strings.TrimSpace(s) == "" && required {
			d.r.errorf(f.at, "`%s` is empty", f.key)
		}
		if ok && s != "" {
			for _, l := range site.Languages {
				out[l] = s
			}
		}
		return out
	}
	for _, e := range d.fields(f.value, "`"+f.key+"`", nil) {
		if !site.Enabled(e.key) {
			d.r.errorf(e.keyAt, "`%s` in `%s` is not one of the site's languages; %s", e.key, f.key, oneOf(site.Languages, "add it to `languages`"))
			continue
		}
		if s, ok := d.str(e); ok && s != "" {
			out[e.key] = s
		}
	}
	if required && out[site.DefaultLanguage] == "" {
		d.r.errorf(f.at, "`%s` has no text in the default language `%s`; add `%s: ...`", f.key, site.DefaultLanguage, site.DefaultLanguage)
	}
	return out
}

func (d *yamlDoc) mapValue(n *yamlnode.Node) (*yamlnode.Node, bool) {
	return n, n.Kind == yamlnode.Mapping
}

// slugify suggests an id or slug for s.
func slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	if b.Len() == 0 {
		return "my-id"
	}
	return b.String()
}

// loadSite reads site.yaml, and reports whether it is good (has no errors). While it has errors,
// the last good site.yaml stays, as the last good version of an incident does: a typo there must
// not take languages, components or the title off a running site.
func (ps *pass) loadSite() (good bool) {
	r := &report{path: SiteFile}
	defer ps.add(r)
	src, ok := ps.read(SiteFile, -1, r)
	var site *incident.Site
	readable := false
	if ok {
		ps.cat.Files++
		site, readable = parseSite(src, r)
	} else if !r.failed() {
		r.errorf(pos{1, 1}, "cannot read site.yaml")
	}
	if r.failed() && ps.ld.site != nil {
		r.warnf(pos{1, 1}, "the site keeps serving the last good version of site.yaml until the errors here are fixed")
		ps.cat.Site, ps.siteKey = ps.ld.site, ps.ld.siteKey
		return false
	}
	if !ok {
		ps.cat.Site, _ = parseSite(nil, &report{})
		ps.lenient = true
		return false
	}
	ps.cat.Site, ps.lenient = site, !readable
	sum := sha256.Sum256(src)
	ps.siteKey = sum[:]
	return !r.failed()
}
