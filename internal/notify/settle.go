package notify

import (
	"slices"
	"strings"
	"time"

	"statuspress/internal/incident"
)

// DefaultDelay is how long an event waits before it is sent (--notify-delay): time to fix a typo,
// or to add the next update, so that readers get one correct message.
const DefaultDelay = 60 * time.Second

// Pending is an event waiting out the settle delay.
type Pending struct {
	Event
	// Seen is when the event was first seen; edits keep it.
	Seen time.Time
}

// Batch is what one message tells: the events of one incident that settled together, oldest
// first, with the incident as it is now.
type Batch struct {
	Slug     string
	Incident *incident.Incident
	Events   []Event
}

// IDs returns the ids of the batch's events.
func (b Batch) IDs() []string {
	ids := make([]string, len(b.Events))
	for i, e := range b.Events {
		ids[i] = e.ID
	}
	return ids
}

// Merge adds events (from Diff or Due) seen at now to pending and returns the result. A new event
// waits from now. An event already pending is replaced by the newer one, keeping when it was
// first seen, so the message carries the latest words. An edit of an event that is not pending
// (already sent, or history) is dropped: nothing is sent twice. Every pending event of an incident
// that changed takes its newest version.
func Merge(pending []Pending, events []Event, now time.Time) []Pending {
	out := slices.Clone(pending)
	latest := make(map[string]*incident.Incident)
	for _, e := range events {
		latest[e.Slug] = e.Incident
		i := slices.IndexFunc(out, func(p Pending) bool { return p.ID == e.ID })
		switch {
		case i >= 0:
			out[i].Event = e
			out[i].Edit = false
		case !e.Edit:
			out = append(out, Pending{Event: e, Seen: now})
		}
	}
	for i := range out {
		if in, ok := latest[out[i].Slug]; ok && out[i].Incident != in {
			out[i].Event = reseat(out[i].Event, in)
		}
	}
	return out
}

// reseat points an event at a newer version of its incident. An update's index is looked up
// again by its instant, since updates may have been added before it.
func reseat(e Event, in *incident.Incident) Event {
	if e.Kind == KindUpdate {
		at := e.Incident.Updates[e.Update].At
		i := slices.IndexFunc(in.Updates, func(u incident.Update) bool { return u.At.Equal(at) })
		if i < 0 {
			return e // the update went; Withdraw drops it
		}
		e.Update = i
	}
	e.Incident = in
	return e
}

// Withdraw drops the pending events that the content no longer holds at now (an update or an
// incident deleted within the delay), so nobody is told of what was taken back.
func Withdraw(pending []Pending, incidents []*incident.Incident, now time.Time) []Pending {
	have := make(map[string]bool)
	for _, e := range Snapshot(incidents, now) {
		have[e.ID] = true
	}
	return slices.DeleteFunc(slices.Clone(pending), func(p Pending) bool { return !have[p.ID] })
}

// Settle returns the batches ready at now and the events still waiting. An incident's pending
// events go together, in one batch, once the first of them has waited delay: updates posted
// within the delay are coalesced into one message, and the delay never grows, so a busy incident
// is still reported on time. Batches are ordered by their first event.
func Settle(pending []Pending, now time.Time, delay time.Duration) (ready []Batch, waiting []Pending) {
	first := make(map[string]time.Time)
	for _, p := range pending {
		if f, ok := first[p.Slug]; !ok || p.Seen.Before(f) {
			first[p.Slug] = p.Seen
		}
	}
	bySlug := make(map[string]int)
	for _, p := range pending {
		if now.Before(first[p.Slug].Add(delay)) {
			waiting = append(waiting, p)
			continue
		}
		i, ok := bySlug[p.Slug]
		if !ok {
			i = len(ready)
			bySlug[p.Slug] = i
			ready = append(ready, Batch{Slug: p.Slug, Incident: p.Incident})
		}
		ready[i].Events = append(ready[i].Events, p.Event)
	}
	for i := range ready {
		sortEvents(ready[i].Events)
	}
	slices.SortStableFunc(ready, func(a, b Batch) int {
		if c := first[a.Slug].Compare(first[b.Slug]); c != 0 {
			return c
		}
		return strings.Compare(a.Slug, b.Slug)
	})
	return ready, waiting
}
