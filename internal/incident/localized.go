package incident

// Localized is what a reader of one language sees of an incident. Every part carries the language
// it is actually written in, so a page can mark what fell back to the original.
type Localized struct {
	// Lang is the language asked for.
	Lang string
	// Machine is set when the parts in Lang were translated automatically.
	Machine bool
	Title   Part
	Summary Part
	Body    Part
	TOC     []Heading
	// Updates follow Incident.Updates, oldest first.
	Updates []Part
}

// Part is one piece of text and the language it is in.
type Part struct {
	Text string
	Lang string
}

// Fallback reports whether the part is not in the language that was asked for.
func (p Part) Fallback(asked string) bool { return p.Lang != asked }

// In returns the incident as a reader of lang sees it: the translation where it has the part, the
// original where it lacks it. A language with no translation gets the first of fallbacks that has
// one (a Dutch original is no help to a French reader when an English translation exists), and
// otherwise the original throughout.
func (in *Incident) In(lang string, fallbacks ...string) Localized {
	orig := in.Original()
	tr := in.Texts[lang]
	for _, f := range fallbacks {
		if tr != nil {
			break
		}
		tr = in.Texts[f]
	}
	if tr == nil {
		tr = orig
	}
	pick := func(get func(*Text) string) Part {
		if s := get(tr); s != "" {
			return Part{Text: s, Lang: tr.Lang}
		}
		return Part{Text: get(orig), Lang: orig.Lang}
	}
	l := Localized{
		Lang:    lang,
		Machine: tr.Machine,
		Title:   pick(func(t *Text) string { return t.Title }),
		Summary: pick(func(t *Text) string { return t.Summary }),
		Body:    pick(func(t *Text) string { return t.Body }),
		Updates: make([]Part, len(in.Updates)),
	}
	l.TOC = orig.TOC
	if l.Body.Lang == tr.Lang {
		l.TOC = tr.TOC
	}
	for i, u := range in.Updates {
		key := u.At.UnixNano()
		l.Updates[i] = pick(func(t *Text) string { return t.Updates[key] })
	}
	return l
}
