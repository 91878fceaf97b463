package notify

import (
	"slices"
	"strings"
	"time"

	"statuspress/internal/incident"
)

// SlugOf returns the incident slug an event id names ("update:db-outage/20260310T220000Z" names
// db-outage), or false for an id that is not one of ours.
func SlugOf(id string) (string, bool) {
	_, rest, ok := strings.Cut(id, ":")
	if !ok {
		return "", false
	}
	slug, _, _ := strings.Cut(rest, "/")
	return slug, slug != ""
}

// Rebuild makes again, from the content as it is at now, the batch that tells the events of ids:
// a delivery holds only the ids, so a message is written when it is sent, with the words as they
// are then (a typo fixed after the event was queued is sent fixed). Events the content no longer
// holds (an update deleted) are left out; ok is false when none is left, and nothing is to be
// sent. All ids must name one incident, as the batches of Settle do.
func Rebuild(incidents []*incident.Incident, ids []string, now time.Time) (b Batch, ok bool) {
	if len(ids) == 0 {
		return Batch{}, false
	}
	slug, ok := SlugOf(ids[0])
	if !ok {
		return Batch{}, false
	}
	i := slices.IndexFunc(incidents, func(in *incident.Incident) bool { return in.Slug == slug })
	if i < 0 {
		return Batch{}, false
	}
	in := incidents[i]
	want := make(map[string]bool, len(ids))
	for _, id := range ids {
		want[id] = true
	}
	b = Batch{Slug: slug, Incident: in}
	for _, e := range eventsOf(in, now) {
		if want[e.ID] {
			b.Events = append(b.Events, e)
		}
	}
	sortEvents(b.Events)
	return b, len(b.Events) > 0
}

// Missed returns the events of the content at now that a store never recorded (unrecorded tells)
// and that are still news: what came in while no replica was running, or was waiting out the
// settle delay when one stopped. The rules of Diff apply: an event more than MaxAge old is
// history, and so is every event of an incident whose announcement is unrecorded and that old.
func Missed(incidents []*incident.Incident, now time.Time, unrecorded func(id string) bool) []Event {
	var out []Event
	for _, in := range incidents {
		evs := eventsOf(in, now)
		recent := slices.DeleteFunc(slices.Clone(evs), func(e Event) bool { return tooOld(e, now) })
		if len(recent) == 0 {
			continue
		}
		if slices.ContainsFunc(evs, func(e Event) bool {
			return isAnnouncement(e.Kind) && tooOld(e, now) && unrecorded(e.ID)
		}) {
			continue
		}
		for _, e := range recent {
			if unrecorded(e.ID) {
				out = append(out, e)
			}
		}
	}
	sortEvents(out)
	return out
}

// Recent returns the ids Missed asks unrecorded about: the events of the content at now not yet
// MaxAge old (postmortems whatever their age), with the announcement of each incident that has
// one, since an old announcement never recorded makes the incident history. A store is asked
// about these only, not the whole history.
func Recent(incidents []*incident.Incident, now time.Time) []string {
	var ids []string
	for _, in := range incidents {
		evs := eventsOf(in, now)
		n := len(ids)
		for _, e := range evs {
			if !tooOld(e, now) {
				ids = append(ids, e.ID)
			}
		}
		if len(ids) > n {
			for _, e := range evs {
				if isAnnouncement(e.Kind) && tooOld(e, now) {
					ids = append(ids, e.ID)
				}
			}
		}
	}
	return ids
}
