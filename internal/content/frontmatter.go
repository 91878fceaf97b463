package content

import (
	"bytes"
	"regexp"
	"slices"
	"strings"
	"time"

	"statuspress/internal/incident"
	"statuspress/internal/yamlnode"
)

// split cuts a file into its front matter and body. bodyLine is the 1-based line the body starts
// on. src has no byte-order mark and LF line endings.
func split(src []byte, r *report) (fm, body []byte, bodyLine int, ok bool) {
	first, rest, _ := bytes.Cut(src, []byte("\n"))
	if strings.TrimRight(string(first), " \t") != "---" {
		r.errorf(pos{1, 1}, "the file must start with front matter: a line `---`, the fields (at least `title:`), and another `---`")
		return nil, nil, 0, false
	}
	line := 2
	off := len(first) + 1
	for len(rest) > 0 {
		l, next, _ := bytes.Cut(rest, []byte("\n"))
		if t := strings.TrimRight(string(l), " \t"); t == "---" || t == "..." {
			return src[len(first)+1 : off], next, line + 1, true
		}
		off += len(l) + 1
		rest = next
		line++
	}
	r.errorf(pos{1, 1}, "the front matter opened here is never closed; add a line `---` after the last field")
	return nil, nil, 0, false
}

// original is an original's front matter, decoded and checked field by field; cross-field rules
// follow in check.
type original struct {
	title, summary string
	lang           string
	kind           incident.Kind
	impact         incident.Impact
	components     []incident.Affected
	started        time.Time
	published      time.Time
	resolved       time.Time
	scheduled      incident.Window
	updates        []update
	at             map[string]pos // where each field is, for cross-field messages
}

type update struct {
	at         time.Time
	status     incident.UpdateStatus
	text       string
	textLine   int
	textCol    int // 0 for a block scalar, whose column is its lines' indentation
	components []incident.Affected
	pos        pos
}

var originalFields = []string{"title", "lang", "kind", "impact", "components", "started", "published", "resolved", "scheduled", "summary", "updates", "source", "source_hash"}
var translationFields = []string{"title", "summary", "updates", "translation"}

var sourceHash = regexp.MustCompile(`^[0-9a-f]{64}$`)

// decodeOriginal reads an original's front matter. fileLang is the language from the file name
// (empty for an original), site gives the languages, components and time zones to check against.
func decodeOriginal(root *yamlnode.Node, d *yamlDoc, site *incident.Site) *original {
	o := &original{kind: incident.KindIncident, lang: site.DefaultLanguage, at: map[string]pos{}}
	byKey := map[string]field{}
	for _, f := range d.fields(root, "front matter", nil) {
		if !slices.Contains(originalFields, f.key) {
			if f.key == "translation" {
				d.r.errorf(f.keyAt, "`translation` belongs in a translation file (<slug>.<lang>.md), not in the original")
			} else {
				d.r.errorf(f.keyAt, "unknown field `%s`; %s", f.key, didYouMean(f.key, originalFields, ""))
			}
			continue
		}
		byKey[f.key] = f
		o.at[f.key] = f.at
	}
	// lang and kind first: they decide the rules for the rest.
	if f, ok := byKey["lang"]; ok {
		if l, ok := d.required(f, site.DefaultLanguage); ok {
			if checkLang(d, f.at, l, site) {
				o.lang = l
			}
		}
	}
	loc := site.Location(o.lang)
	if f, ok := byKey["kind"]; ok {
		if k, ok := d.required(f, "incident"); ok {
			if incident.Kind(k).Valid() {
				o.kind = incident.Kind(k)
			} else {
				d.r.errorf(f.at, "unknown kind `%s`; %s", k, didYouMean(k, words(incident.Kinds), ""))
			}
		}
	}
	if f, ok := byKey["title"]; ok {
		o.title, _ = d.required(f, "SOAP API unavailable")
	} else {
		d.r.errorf(pos{1, 1}, "`title` is missing; every incident needs one, e.g. `title: SOAP API unavailable`")
	}
	if f, ok := byKey["summary"]; ok {
		o.summary, _ = d.str(f)
	}
	// source and source_hash are written by `statuspress import`: where the file came from, and a
	// hash of what it wrote, so a later import leaves a file someone has edited alone. The site
	// shows neither.
	if f, ok := byKey["source"]; ok {
		d.required(f, "statuspage:p0abc123")
	}
	if f, ok := byKey["source_hash"]; ok {
		if s, ok := d.required(f, strings.Repeat("0", 64)); ok && !sourceHash.MatchString(s) {
			d.r.errorf(f.at, "`source_hash` `%s` is not a SHA-256 in hexadecimal; `statuspress import` writes it, remove it if in doubt (the next import then leaves the file alone)", abbreviate(s, 20))
		}
	}
	if f, ok := byKey["impact"]; ok {
		if o.kind != incident.KindIncident {
			d.r.errorf(f.keyAt, "`impact` is for incidents; a %s has none, remove it", o.kind)
		} else if s, ok := d.required(f, "major"); ok {
			if incident.Impact(s).Valid() {
				o.impact = incident.Impact(s)
			} else {
				d.r.errorf(f.at, "unknown impact `%s`; %s", s, didYouMean(s, words(incident.Impacts), ""))
			}
		}
	}
	if f, ok := byKey["components"]; ok {
		o.components = d.affected(f, site, o.kind)
	}
	if f, ok := byKey["started"]; ok {
		o.started, _ = d.timestamp(f, loc)
	} else if o.kind != incident.KindMaintenance {
		what := "when impact began"
		if o.kind == incident.KindNotice {
			what = "when the notice takes effect"
		}
		d.r.errorf(pos{1, 1}, "`started` is missing: %s, e.g. `started: %s`", what, example(loc))
	}
	if f, ok := byKey["published"]; ok {
		switch o.kind {
		case incident.KindNotice:
			o.published, _ = d.timestamp(f, loc)
		case incident.KindMaintenance:
			d.r.errorf(f.keyAt, "`published` is for notices; a maintenance is published with its first update (its announcement): remove `published`")
		default:
			d.r.errorf(f.keyAt, "`published` is for notices; an incident is published when it starts or with its first update, whichever comes first: remove `published`")
		}
	}
	if f, ok := byKey["resolved"]; ok {
		if o.kind == incident.KindNotice {
			d.r.errorf(f.keyAt, "a notice is never resolved; remove `resolved`")
		} else {
			o.resolved, _ = d.timestamp(f, loc)
		}
	}
	if f, ok := byKey["scheduled"]; ok {
		if o.kind != incident.KindMaintenance {
			d.r.errorf(f.keyAt, "`scheduled` is for maintenance; set `kind: maintenance` or remove it")
		} else {
			o.scheduled = d.window(f, loc)
		}
	} else if o.kind == incident.KindMaintenance {
		d.r.errorf(pos{1, 1}, "a maintenance needs its announced window, e.g. `scheduled: {start: %s, end: %s}`",
			example(loc), time.Date(2024, 1, 10, 12, 0, 0, 0, loc).Format(time.RFC3339))
	}
	if f, ok := byKey["updates"]; ok {
		if o.kind == incident.KindNotice {
			d.r.errorf(f.keyAt, "a notice has no timeline; remove `updates` or make it `kind: incident`")
		} else {
			o.updates = d.updates(f, site, o.kind, loc, false)
		}
	}
	return o
}

func words[T ~string](ws []T) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = string(w)
	}
	return out
}

func (d *yamlDoc) window(f field, loc *time.Location) incident.Window {
	var w incident.Window
	var seen []string
	for _, e := range d.fields(f.value, "`scheduled`", []string{"start", "end"}) {
		seen = append(seen, e.key)
		t, ok := d.timestamp(e, loc)
		if !ok {
			continue
		}
		if e.key == "start" {
			w.Start = t
		} else {
			w.End = t
		}
	}
	for _, k := range []string{"start", "end"} {
		if !slices.Contains(seen, k) {
			d.r.errorf(f.at, "`scheduled` lacks `%s`", k)
		}
	}
	return w
}

// affected decodes a `components:` mapping of component id to status.
func (d *yamlDoc) affected(f field, site *incident.Site, kind incident.Kind) []incident.Affected {
	ids := make([]string, len(site.Components))
	for i, c := range site.Components {
		ids[i] = c.ID
	}
	var out []incident.Affected
	for _, e := range d.fields(f.value, "`components`", nil) {
		if !d.lenient && !slices.Contains(ids, e.key) {
			d.r.errorf(e.keyAt, "unknown component `%s`; %s", e.key, didYouMean(e.key, ids, "site.yaml declares no components: add it under `components` there"))
			continue
		}
		s, ok := d.str(e)
		if !ok {
			continue
		}
		st := incident.ComponentStatus(s)
		switch {
		case s == "" && kind == incident.KindMaintenance:
			st = incident.UnderMaintenance
		case s == "":
			d.r.errorf(e.at, "component `%s` has no status; write e.g. `%s: partial_outage`, or %s", e.key, e.key, oneOf(words(incident.ComponentStatuses), ""))
			continue
		case !st.Valid():
			d.r.errorf(e.at, "unknown component status `%s`; %s", s, didYouMean(s, words(incident.ComponentStatuses), ""))
			continue
		}
		out = append(out, incident.Affected{Component: e.key, Status: st})
	}
	return out
}

// updates decodes the timeline. A translation's updates carry only `at` and `text`.
func (d *yamlDoc) updates(f field, site *incident.Site, kind incident.Kind, loc *time.Location, translation bool) []update {
	known := []string{"at", "status", "text", "components"}
	if translation {
		known = []string{"at", "text"}
	}
	statuses := words(incident.UpdateStatuses(kind))
	var out []update
	for _, n := range d.list(f) {
		u := update{pos: d.start(n)}
		var hasAt, hasStatus, hasText bool
		for _, e := range d.fields(n, "an update", nil) {
			if !slices.Contains(known, e.key) {
				if translation && (e.key == "status" || e.key == "components") {
					d.r.errorf(e.keyAt, "`%s` belongs in the original's update; a translation's update carries only `at` and `text`", e.key)
				} else {
					d.r.errorf(e.keyAt, "unknown field `%s` in an update; %s", e.key, didYouMean(e.key, known, ""))
				}
				continue
			}
			switch e.key {
			case "at":
				hasAt = true
				u.at, _ = d.timestamp(e, loc)
			case "status":
				hasStatus = true
				if s, ok := d.required(e, statuses[0]); ok {
					if slices.Contains(statuses, s) {
						u.status = incident.UpdateStatus(s)
					} else {
						d.r.errorf(e.at, "`%s` is not a status of a%s %s; %s", s, article(kind), kind, didYouMean(s, statuses, ""))
					}
				}
			case "text":
				hasText = true
				u.text, _ = d.required(e, "We are looking into it.")
				u.textLine, u.textCol = d.at(e.value).line, d.at(e.value).col
				if e.value.Kind == yamlnode.Block {
					u.textLine, u.textCol = u.textLine+1, 0
				}
			case "components":
				u.components = d.affected(e, site, kind)
			}
		}
		if !hasAt {
			d.r.errorf(u.pos, "an update needs `at`, the time it was published, e.g. `at: %s`", example(loc))
		}
		if !hasStatus && !translation {
			d.r.errorf(u.pos, "an update needs a `status`; %s", oneOf(statuses, ""))
		}
		if !hasText {
			d.r.errorf(u.pos, "an update needs a `text` saying what changed")
		}
		out = append(out, u)
	}
	return out
}

func article(k incident.Kind) string {
	if k == incident.KindIncident {
		return "n"
	}
	return ""
}

// checkLang reports whether l may be used as a content language on this site.
func checkLang(d *yamlDoc, at pos, l string, site *incident.Site) bool {
	switch {
	case !slices.Contains(incident.SupportedLanguages, l):
		d.r.errorf(at, "language `%s` is not supported; %s", l, oneOf(incident.SupportedLanguages, ""))
	case !site.Enabled(l) && !d.lenient:
		d.r.errorf(at, "language `%s` is not enabled in site.yaml (languages: %s); add it there", l, strings.Join(site.Languages, ", "))
	default:
		return true
	}
	return false
}

// translation is a translation's front matter.
type translation struct {
	title, summary string
	machine        bool
	updates        []update
}

func decodeTranslation(root *yamlnode.Node, d *yamlDoc, site *incident.Site, loc *time.Location, kind incident.Kind) *translation {
	t := &translation{}
	for _, f := range d.fields(root, "front matter", nil) {
		switch f.key {
		case "title":
			t.title, _ = d.str(f)
		case "summary":
			t.summary, _ = d.str(f)
		case "translation":
			if s, ok := d.str(f); ok {
				switch s {
				case "machine":
					t.machine = true
				case "human", "":
				default:
					d.r.errorf(f.at, "`translation: %s` is not known; write `translation: machine` for an automatic translation, or leave it out", s)
				}
			}
		case "updates":
			t.updates = d.updates(f, site, kind, loc, true)
		default:
			if slices.Contains(originalFields, f.key) {
				d.r.errorf(f.keyAt, "`%s` belongs in the original; a translation carries only title, summary, updates and translation", f.key)
			} else {
				d.r.errorf(f.keyAt, "unknown field `%s`; %s", f.key, didYouMean(f.key, translationFields, ""))
			}
		}
	}
	return t
}
