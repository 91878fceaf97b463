package content

import (
	"path"
	"slices"
	"strings"
	"time"

	"statuspress/internal/incident"
)

// translation attaches a translation to its incident, or reports why it cannot.
func (ps *pass) translation(p *parsed, orig *parsed, in *incident.Incident) {
	if orig == nil {
		want := path.Join(path.Dir(p.file.path), p.file.slug+".md")
		if p.file.bundle != "" {
			want = p.file.bundle + "/index.md"
		}
		p.r.errorf(pos{1, 1}, "translation without an original: there is no %s; add the original (in the site's default language or with `lang:`) or rename this file", want)
		return
	}
	if path.Dir(p.file.path) != path.Dir(orig.file.path) {
		p.r.errorf(pos{1, 1}, "a translation sits beside its original; move this file next to %s", orig.file.path)
		return
	}
	if p.root == nil || in == nil {
		// The original has errors of its own, reported there; nothing to attach to.
		return
	}
	if p.file.lang == in.Lang {
		p.r.errorf(pos{1, 1}, "%s is written in `%s` already (its `lang`); a translation must be in another language", orig.file.path, in.Lang)
		return
	}
	site := ps.cat.Site
	t := decodeTranslation(p.root, p.doc, site, site.Location(p.file.lang), in.Kind)
	text := &incident.Text{Lang: p.file.lang, Title: t.title, Summary: t.summary, Machine: t.machine, Source: p.file.path, Updates: map[int64]string{}}
	for _, u := range t.updates {
		if u.at.IsZero() {
			continue
		}
		if !slices.ContainsFunc(in.Updates, func(o incident.Update) bool { return o.At.Equal(u.at) }) {
			p.r.errorf(u.pos, "no update of the original is at %s; a translated update repeats the original's `at` exactly (%s)", u.at.Format(time.RFC3339), updateTimes(in))
		}
	}
	ps.render(p, text, t.updates)
	if p.r.failed() {
		return
	}
	if strings.TrimSpace(t.title) == "" {
		p.r.warnf(pos{2, 1}, "the translation has no `title`; readers see the original's")
	}
	if o := in.Original(); o != nil {
		if strings.TrimSpace(t.summary) == "" && o.Summary != "" {
			p.r.warnf(pos{2, 1}, "the translation has no `summary`; readers see the original's, marked as not translated: add `summary:`")
		}
		if strings.TrimSpace(text.Body) == "" && strings.TrimSpace(o.Body) != "" {
			p.r.warnf(pos{2, 1}, "the translation has no body; readers see the original's story, marked as not translated: translate it below the front matter")
		}
	}
	switch missing := len(in.Updates) - len(text.Updates); {
	case missing == 1 && len(in.Updates) == 1:
		p.r.warnf(pos{2, 1}, "the update is not translated; readers see it in the original language")
	case missing == 1:
		p.r.warnf(pos{2, 1}, "1 of %d updates is not translated; readers see it in the original language", len(in.Updates))
	case missing > 1:
		p.r.warnf(pos{2, 1}, "%d of %d updates are not translated; readers see them in the original language", missing, len(in.Updates))
	}
	// Checkouts give every file the same time, so only a clear gap means the original was edited.
	if orig.file.mod.Sub(p.file.mod) > time.Minute {
		p.r.warnf(pos{1, 1}, "the original %s was changed after this translation (%s, translation %s); check that the translation still matches",
			orig.file.path, orig.file.mod.UTC().Format(time.RFC3339), p.file.mod.UTC().Format(time.RFC3339))
	}
	in.Texts[p.file.lang] = text
}

func updateTimes(in *incident.Incident) string {
	if len(in.Updates) == 0 {
		return "the original has no updates"
	}
	ts := make([]string, len(in.Updates))
	for i, u := range in.Updates {
		ts[i] = u.At.Format(time.RFC3339)
	}
	return "the original's are " + strings.Join(ts, ", ")
}
