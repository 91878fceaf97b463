package content

import (
	"slices"
	"time"

	"statuspress/internal/incident"
)

// original builds an incident from its original file, or returns nil when the file has errors.
func (ps *pass) original(p *parsed) *incident.Incident {
	if p.root == nil {
		return nil
	}
	site := ps.cat.Site
	o := decodeOriginal(p.root, p.doc, site)
	in := &incident.Incident{
		Slug:       p.file.slug,
		Kind:       o.kind,
		Lang:       o.lang,
		Impact:     o.impact,
		Components: o.components,
		Started:    o.started,
		Published:  o.published,
		Resolved:   o.resolved,
		Scheduled:  o.scheduled,
		Source:     p.file.path,
	}
	checkTimes(p.r, o, in)
	text := &incident.Text{Lang: o.lang, Title: o.title, Summary: o.summary, Source: p.file.path, Updates: map[int64]string{}}
	ps.render(p, text, o.updates)
	if p.r.failed() {
		return nil
	}
	for _, u := range o.updates {
		in.Updates = append(in.Updates, incident.Update{At: u.at, Status: u.status, Components: u.components})
	}
	if in.Kind == incident.KindIncident && in.Impact == "" {
		in.Impact = incident.ImpactOf(incident.Worst(statuses(in)...))
	}
	in.Texts = map[string]*incident.Text{o.lang: text}
	return in
}

// statuses lists every status the incident gives any component.
func statuses(in *incident.Incident) []incident.ComponentStatus {
	var out []incident.ComponentStatus
	for _, a := range in.Components {
		out = append(out, a.Status)
	}
	for _, u := range in.Updates {
		for _, a := range u.Components {
			out = append(out, a.Status)
		}
	}
	return out
}

// checkTimes applies the rules that relate an original's times and updates to each other, and
// sorts the updates oldest first.
func checkTimes(r *report, o *original, in *incident.Incident) {
	if !o.resolved.IsZero() && !o.started.IsZero() && o.resolved.Before(o.started) {
		r.errorf(o.at["resolved"], "`resolved` (%s) is before `started` (%s); check the date and the offset", o.resolved.Format(time.RFC3339), o.started.Format(time.RFC3339))
	}
	if w := o.scheduled; !w.Start.IsZero() && !w.End.IsZero() && !w.End.After(w.Start) {
		r.errorf(o.at["scheduled"], "the maintenance window ends (%s) before it starts (%s)", w.End.Format(time.RFC3339), w.Start.Format(time.RFC3339))
	}
	if w := o.scheduled; in.Kind == incident.KindMaintenance && !o.started.IsZero() && !w.End.IsZero() && o.started.After(w.End) {
		r.warnf(o.at["started"], "`started` (%s) is after the window's end (%s): the work cannot begin once its window has closed; correct the date, or move `scheduled` if the maintenance was put off",
			o.started.Format(time.RFC3339), w.End.Format(time.RFC3339))
	}
	if in.Kind == incident.KindMaintenance && in.Started.IsZero() {
		in.Started = o.scheduled.Start
	}
	seen := map[int64]pos{}
	for _, u := range o.updates {
		if u.at.IsZero() {
			continue
		}
		if first, dup := seen[u.at.UnixNano()]; dup {
			r.errorf(u.pos, "two updates at %s (the other on line %d); each update needs its own time, which is its permanent id", u.at.Format(time.RFC3339), first.line)
		}
		seen[u.at.UnixNano()] = u.pos
		if in.Kind == incident.KindIncident && !o.started.IsZero() && u.at.Before(o.started) {
			r.warnf(u.pos, "update at %s is before `started` (%s); was the incident earlier, or is the offset wrong?", u.at.Format(time.RFC3339), o.started.Format(time.RFC3339))
		}
	}
	slices.SortStableFunc(o.updates, func(a, b update) int { return a.at.Compare(b.at) })
	if len(o.updates) == 0 {
		return
	}
	last := o.updates[len(o.updates)-1]
	switch {
	case !o.resolved.IsZero() && last.status != "" && !last.status.Final():
		r.warnf(o.at["resolved"], "`resolved` is set but the latest update (%s) says `%s`; add an update with status %s", last.at.Format(time.RFC3339), last.status, finalStatus(in.Kind))
	case !o.resolved.IsZero() && last.status.Final() && !last.at.IsZero() && last.at.Before(o.resolved):
		// resolved is when impact ended, and every output ends the event then (Incident.Ended);
		// an update posted after that says so later, which is normal, but one posted before it
		// announced the end while the impact went on.
		r.warnf(o.at["resolved"], "`resolved` (%s) is after the latest update (%s), which already says `%s`; the page, the uptime bars, the feeds and the API end the %s at `resolved`: set `resolved: %s` if it ended when the update says, or correct the update's time", o.resolved.Format(time.RFC3339), last.at.Format(time.RFC3339), last.status, in.Kind, last.at.Format(time.RFC3339))
	case o.resolved.IsZero() && last.status.Final() && !last.at.IsZero():
		in.Resolved = last.at
		r.warnf(last.pos, "the latest update says `%s` but `resolved` is not set; taking the update's time, %s: add `resolved: %s` to say so", last.status, last.at.Format(time.RFC3339), last.at.Format(time.RFC3339))
	}
}

func finalStatus(k incident.Kind) incident.UpdateStatus {
	if k == incident.KindMaintenance {
		return incident.StatusCompleted
	}
	return incident.StatusResolved
}
