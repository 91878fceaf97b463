package importer

import (
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"statuspress/internal/incident"
)

// Fix adjusts each event to statuspress's rules where a source breaks them, and notes every
// change with the event's file and the field: times to the second, one update per second,
// ends not before beginnings, a maintenance's window, a title and texts that are not empty.
// A source's mapper calls it last; what is left for lint to find is a bug here.
func (p *Page) Fix() {
	known := map[string]bool{}
	for _, c := range p.Components {
		known[c.ID] = true
	}
	for i := range p.Events {
		p.fixEvent(&p.Events[i], known)
	}
}

func (p *Page) fixEvent(e *Event, known map[string]bool) {
	if c := clean(e.Title); c != e.Title {
		e.Title = c
		p.note(e.File, "title", "held control characters or bytes that are not UTF-8; they are left out")
	}
	if c := clean(e.Body); c != e.Body {
		e.Body = c
		p.note(e.File, "body", "held control characters or bytes that are not UTF-8; they are left out")
	}
	for i := range e.Updates {
		if c := clean(e.Updates[i].Text); c != e.Updates[i].Text {
			e.Updates[i].Text = c
			p.note(e.File, "updates", "the update at %s held control characters or bytes that are not UTF-8; they are left out", fmtTime(e.Updates[i].At))
		}
	}
	title := strings.Join(strings.Fields(e.Title), " ")
	if title != e.Title && title != "" {
		e.Title = title
	}
	if e.Title == "" {
		e.Title = "Untitled " + string(e.Kind)
		p.note(e.File, "title", "empty; written as %q", e.Title)
	}
	e.Components = knownOnly(p, e, "components", e.Components, known)
	for i := range e.Updates {
		e.Updates[i].Components = knownOnly(p, e, "updates", e.Updates[i].Components, known)
	}
	// Times to the second, as the content format writes them.
	e.Started = e.Started.Truncate(time.Second)
	e.Resolved = e.Resolved.Truncate(time.Second)
	e.Scheduled.Start = e.Scheduled.Start.Truncate(time.Second)
	e.Scheduled.End = e.Scheduled.End.Truncate(time.Second)
	slices.SortStableFunc(e.Updates, func(a, b Update) int { return a.At.Compare(b.At) })
	for i := range e.Updates {
		u := &e.Updates[i]
		u.At = u.At.Truncate(time.Second)
		if i > 0 && !u.At.After(e.Updates[i-1].At) {
			was := u.At
			u.At = e.Updates[i-1].At.Add(time.Second)
			p.note(e.File, "updates", "two updates at %s; the later one is written at %s, since an update's time is its id", fmtTime(was), fmtTime(u.At))
		}
		if strings.TrimSpace(u.Text) == "" {
			u.Text = statusWord(u.Status) + "."
			p.note(e.File, "updates", "the update at %s has no text; written as %q", fmtTime(u.At), u.Text)
		}
	}
	switch e.Kind {
	case incident.KindMaintenance:
		p.fixWindow(e)
	case incident.KindIncident:
		if e.Started.IsZero() && len(e.Updates) > 0 {
			e.Started = e.Updates[0].At
			p.note(e.File, "started", "missing; taken from the first update, %s", fmtTime(e.Started))
		}
		if len(e.Updates) > 0 && e.Updates[0].At.Before(e.Started) {
			p.note(e.File, "started", "%s is after the first update; started moved to %s", fmtTime(e.Started), fmtTime(e.Updates[0].At))
			e.Started = e.Updates[0].At
		}
	}
	if e.Kind == incident.KindNotice {
		e.Resolved = time.Time{}
		e.Updates = nil
		if strings.TrimSpace(e.Body) == "" {
			e.Body = Plain(e.Title)
			p.note(e.File, "body", "a notice needs a text; its title is written as its body")
		}
		return
	}
	start := e.Started
	if e.Kind == incident.KindMaintenance && start.IsZero() {
		start = e.Scheduled.Start
	}
	if !e.Resolved.IsZero() && e.Resolved.Before(start) {
		p.note(e.File, "resolved", "%s is before the start, %s; written as the start", fmtTime(e.Resolved), fmtTime(start))
		e.Resolved = start
	}
	if n := len(e.Updates); n > 0 {
		last := e.Updates[n-1]
		switch {
		case e.Resolved.IsZero() && last.Status.Final():
			e.Resolved = last.At
			p.note(e.File, "resolved", "not set, but the latest update says %s; taken from it, %s", last.Status, fmtTime(last.At))
		case !e.Resolved.IsZero() && last.Status.Final() && last.At.Before(e.Resolved):
			p.note(e.File, "resolved", "%s is after the latest update, which already says %s; resolved is written as that update's time, %s", fmtTime(e.Resolved), last.Status, fmtTime(last.At))
			e.Resolved = last.At
		case !e.Resolved.IsZero() && !last.Status.Final():
			p.note(e.File, "resolved", "set, but the latest update says %s; lint will warn until an update says %s", last.Status, map[bool]string{true: "completed", false: "resolved"}[e.Kind == incident.KindMaintenance])
		}
	}
}

// fixWindow gives a maintenance a window that ends after it starts.
func (p *Page) fixWindow(e *Event) {
	w := &e.Scheduled
	if w.Start.IsZero() {
		switch {
		case len(e.Updates) > 0:
			w.Start = e.Updates[0].At
		case !e.Started.IsZero():
			w.Start = e.Started
		default:
			w.Start = e.Resolved
		}
		p.note(e.File, "scheduled_for", "missing; the window is taken to start at %s", fmtTime(w.Start))
	}
	if !w.End.After(w.Start) {
		end := w.Start.Add(time.Hour)
		if e.Resolved.After(w.Start) {
			end = e.Resolved
		}
		if w.End.IsZero() {
			p.note(e.File, "scheduled_until", "missing; the window is taken to end at %s", fmtTime(end))
		} else {
			p.note(e.File, "scheduled_until", "%s is not after the window's start; the window is taken to end at %s", fmtTime(w.End), fmtTime(end))
		}
		w.End = end
	}
	e.Started = time.Time{}
}

func knownOnly(p *Page, e *Event, field string, as []incident.Affected, known map[string]bool) []incident.Affected {
	var out []incident.Affected
	seen := map[string]bool{}
	for _, a := range as {
		switch {
		case !known[a.Component]:
			p.note(e.File, field, "component %q is not among the page's components; left out", a.Component)
		case seen[a.Component]:
		default:
			seen[a.Component] = true
			out = append(out, a)
		}
	}
	return out
}

func statusWord(s incident.UpdateStatus) string {
	w := strings.ReplaceAll(string(s), "_", " ")
	if w == "" {
		return "Update"
	}
	return strings.ToUpper(w[:1]) + w[1:]
}

// clean drops what no YAML block or page can carry: bytes that are not UTF-8 and control
// characters other than tab and line breaks.
func clean(s string) string {
	s = strings.ToValidUTF8(s, "")
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' || r == '\r' {
			return r
		}
		if r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f || r == 0x2028 || r == 0x2029 || r == 0xfeff || r == utf8.RuneError {
			return -1
		}
		return r
	}, s)
}

func fmtTime(t time.Time) string { return t.Format(time.RFC3339) }
