package status

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"statuspress/internal/incident"
)

// Visible returns the updates of in that readers see at t: those posted at or before t, so a
// preview at a fixed instant never shows what was written about later. Updates are in chronological
// order, so the result is a prefix of in.Updates and its indices match in.In(lang).Updates. It
// shares in's array: don't modify it.
func Visible(in *incident.Incident, t time.Time) []incident.Update {
	i := slices.IndexFunc(in.Updates, func(u incident.Update) bool { return u.At.After(t) })
	if i < 0 {
		return in.Updates
	}
	return in.Updates[:i:i]
}

// Published reports whether readers see in at all at t. A notice appears when it is posted
// (Incident.Posted: its `published` time, or else when it takes effect). An
// incident appears when its impact begins or its first update is posted, whichever comes first. A
// maintenance appears with its first update, or, when it has none, straight away (announcing work
// is why it is written down), and in any case once its window or its work begins.
func Published(in *incident.Incident, t time.Time) bool {
	posted := len(in.Updates) > 0 && !in.Updates[0].At.After(t)
	switch in.Kind {
	case incident.KindNotice:
		return !in.Posted().After(t)
	case incident.KindMaintenance:
		return len(in.Updates) == 0 || posted || !in.Scheduled.Start.After(t) ||
			(!in.Started.IsZero() && !in.Started.After(t))
	}
	return posted || !in.Started.After(t)
}

// Ongoing returns the incidents (not maintenances) going on at t, newest first: latest Started
// first, then by slug.
func Ongoing(incidents []*incident.Incident, t time.Time) []*incident.Incident {
	out := filter(incidents, func(in *incident.Incident) bool {
		return in.Kind == incident.KindIncident && in.Ongoing(t) && Published(in, t)
	})
	slices.SortFunc(out, newestFirst((*incident.Incident).Posted))
	return out
}

// InProgress returns the maintenances going on at t: inside their window, or outside it while
// their latest update says in_progress or verifying (Incident.Ongoing). The earliest announced
// start comes first, then by slug.
func InProgress(incidents []*incident.Incident, t time.Time) []*incident.Incident {
	out := filter(incidents, func(in *incident.Incident) bool {
		return in.Kind == incident.KindMaintenance && in.Ongoing(t) && Published(in, t)
	})
	slices.SortFunc(out, soonestFirst)
	return out
}

// Upcoming returns the maintenances announced at t whose window starts after t and that are
// neither going on (work that began early) nor completed (cancelled or done early), soonest first.
func Upcoming(incidents []*incident.Incident, t time.Time) []*incident.Incident {
	out := filter(incidents, func(in *incident.Incident) bool {
		return in.Kind == incident.KindMaintenance &&
			Published(in, t) && in.State(t) == incident.StatusScheduled && in.Scheduled.Start.After(t)
	})
	slices.SortFunc(out, soonestFirst)
	return out
}

// Notices returns the notices published at t (Published), the latest posted first. Callers trim
// the list to what they show.
func Notices(incidents []*incident.Incident, t time.Time) []*incident.Incident {
	out := filter(incidents, func(in *incident.Incident) bool {
		return in.Kind == incident.KindNotice && Published(in, t)
	})
	slices.SortFunc(out, newestFirst((*incident.Incident).Posted))
	return out
}

func filter(incidents []*incident.Incident, keep func(*incident.Incident) bool) []*incident.Incident {
	var out []*incident.Incident
	for _, in := range incidents {
		if keep(in) {
			out = append(out, in)
		}
	}
	return out
}

// newestFirst orders by the given time, latest first, then by slug so equal times keep one order.
func newestFirst(at func(*incident.Incident) time.Time) func(a, b *incident.Incident) int {
	return func(a, b *incident.Incident) int {
		return cmp.Or(at(b).Compare(at(a)), strings.Compare(a.Slug, b.Slug))
	}
}

func soonestFirst(a, b *incident.Incident) int {
	return cmp.Or(a.Scheduled.Start.Compare(b.Scheduled.Start), strings.Compare(a.Slug, b.Slug))
}

// Imminent splits upcoming, in Upcoming's order, into the maintenances whose window starts within
// lead of t, which a reader should hear of next to what is going on now, and the later ones.
func Imminent(upcoming []*incident.Incident, t time.Time, lead time.Duration) (soon, later []*incident.Incident) {
	i := slices.IndexFunc(upcoming, func(in *incident.Incident) bool { return in.Scheduled.Start.Sub(t) > lead })
	if i < 0 {
		return upcoming, nil
	}
	return upcoming[:i:i], upcoming[i:]
}
