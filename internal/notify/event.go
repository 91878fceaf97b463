package notify

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strings"
	"time"

	"statuspress/internal/incident"
	"statuspress/internal/status"
)

// Kind says what an event tells.
type Kind string

const (
	KindIncident           Kind = "incident"
	KindNotice             Kind = "notice"
	KindMaintenance        Kind = "maintenance"
	KindUpdate             Kind = "update"
	KindMaintenanceStarted Kind = "maintenance-started"
	KindMaintenanceEnded   Kind = "maintenance-ended"
	KindPostmortem         Kind = "postmortem"
)

// MaxAge is how old an event may be when first seen and still be sent: older ones are history
// (an incident written up after the fact, an update dated back), published but not notified.
const MaxAge = 24 * time.Hour

// instantLayout writes an event's instant in its id, as Incident.UpdateID does.
const instantLayout = "20060102T150405Z"

// Event is one thing subscribers are told once.
type Event struct {
	ID   string
	Kind Kind
	Slug string
	// At is the instant the event is about: an update's `at`, a window's start or end, when an
	// incident, notice or maintenance was first visible, when an incident ended (postmortem).
	At time.Time
	// Incident is the version of the incident the event was seen in.
	Incident *incident.Incident
	// Update is the index of the update in Incident.Updates for KindUpdate, and -1 otherwise.
	Update int
	// Edit is set by Diff when the event was there before and only its words changed: a pending
	// event takes the new words (see Merge); one already sent is not sent again.
	Edit bool
}

func newEvent(kind Kind, in *incident.Incident, at time.Time, withInstant bool, update int) Event {
	id := string(kind) + ":" + in.Slug
	if withInstant {
		id += "/" + at.UTC().Format(instantLayout)
	}
	return Event{ID: id, Kind: kind, Slug: in.Slug, At: at, Incident: in, Update: update}
}

// Snapshot returns every event readers could have been told of by t, in a stable order (by
// instant, then id). A store records it as sent on its first start, so history is never sent.
func Snapshot(incidents []*incident.Incident, t time.Time) []Event {
	var out []Event
	for _, in := range incidents {
		out = append(out, eventsOf(in, t)...)
	}
	sortEvents(out)
	return out
}

// eventsOf returns the events of one incident that have happened by t.
func eventsOf(in *incident.Incident, t time.Time) []Event {
	if !status.Published(in, t) {
		return nil
	}
	var out []Event
	announce := KindIncident
	switch in.Kind {
	case incident.KindNotice:
		announce = KindNotice
	case incident.KindMaintenance:
		announce = KindMaintenance
	}
	out = append(out, newEvent(announce, in, publishedAt(in), false, -1))
	for i, u := range status.Visible(in, t) {
		out = append(out, newEvent(KindUpdate, in, u.At, true, i))
	}
	if in.Kind == incident.KindMaintenance {
		if start, ok := status.StartsByItself(in); ok && !start.After(t) {
			out = append(out, newEvent(KindMaintenanceStarted, in, start, true, -1))
		}
		if end, ok := status.EndsByItself(in); ok && !end.After(t) {
			out = append(out, newEvent(KindMaintenanceEnded, in, end, true, -1))
		}
	}
	if in.HasPostmortem() {
		if end, ended := in.Ended(t); ended {
			out = append(out, newEvent(KindPostmortem, in, end, false, -1))
		}
	}
	return out
}

// publishedAt is when readers first see the incident, by status.Published's rule; for a
// maintenance without updates (announced straight away) its window's start stands in, so one
// written up long after it took place counts as history.
func publishedAt(in *incident.Incident) time.Time {
	var at []time.Time
	if len(in.Updates) > 0 {
		at = append(at, in.Updates[0].At)
	}
	switch in.Kind {
	case incident.KindMaintenance:
		at = append(at, in.Window().Start)
	case incident.KindNotice:
		at = append(at, in.Posted())
	default:
		at = append(at, in.Started)
	}
	at = slices.DeleteFunc(at, time.Time.IsZero)
	if len(at) == 0 {
		return time.Time{}
	}
	return slices.MinFunc(at, time.Time.Compare)
}

// fingerprint sums the words an event shows in every language, so Diff can tell a text edit. It
// is worked out only for events found on both sides.
func fingerprint(e Event) string {
	h := sha256.New()
	for _, lang := range e.Incident.Languages() {
		tx := e.Incident.Texts[lang]
		h.Write([]byte(lang + "\x00"))
		switch e.Kind {
		case KindUpdate:
			h.Write([]byte(tx.Updates[e.Incident.Updates[e.Update].At.UnixNano()]))
		case KindPostmortem:
			h.Write([]byte(tx.Body))
		default:
			h.Write([]byte(tx.Title + "\x00" + tx.Summary))
		}
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Diff returns the events a change of the content from prev to next makes at now: those next
// has and prev had not (new events), and those both have whose words changed (with Edit set).
// Events more than MaxAge before now are left out, and so is every event of an incident that is
// new in next and first visible more than MaxAge before now: history is published, not sent.
//
// An incident that is the same value in both (the content Loader keeps the incidents of
// unchanged files) has the same events in both and is not looked at, so a reload of a large site
// costs in proportion to what changed.
func Diff(prev, next []*incident.Incident, now time.Time) []Event {
	before := make(map[string]*incident.Incident, len(prev))
	for _, in := range prev {
		before[in.Slug] = in
	}
	var out []Event
	for _, in := range next {
		old := before[in.Slug]
		if old == in {
			continue
		}
		var was map[string]Event
		if old != nil {
			was = byID(eventsOf(old, now))
		}
		out = append(out, fresh(was, eventsOf(in, now), now)...)
	}
	sortEvents(out)
	return out
}

// Due returns the events that the passing of time from `from` (excluded) to `to` (included)
// makes with unchanged content: updates dated in the future becoming visible, incidents and
// notices taking effect, maintenance windows starting and ending by themselves. Over consecutive
// intervals each fires once. Events more than MaxAge before `to` are left out, as in Diff. Only
// incidents that name an instant in the interval are looked at.
func Due(incidents []*incident.Incident, from, to time.Time) []Event {
	var out []Event
	for _, in := range incidents {
		if !namesInstantIn(in, from, to) {
			continue
		}
		for _, e := range fresh(byID(eventsOf(in, from)), eventsOf(in, to), to) {
			if !e.Edit {
				out = append(out, e)
			}
		}
	}
	sortEvents(out)
	return out
}

// namesInstantIn reports whether in names an instant in (from, to]: its events can only change
// at one (an update posted, the start, the end, the window's edges).
func namesInstantIn(in *incident.Incident, from, to time.Time) bool {
	in2 := func(t time.Time) bool { return t.After(from) && !t.After(to) }
	if in2(in.Started) || in2(in.Published) || in2(in.Resolved) || in2(in.Scheduled.Start) || in2(in.Scheduled.End) {
		return true
	}
	for _, u := range in.Updates {
		if in2(u.At) {
			return true
		}
	}
	return false
}

func byID(es []Event) map[string]Event {
	m := make(map[string]Event, len(es))
	for _, e := range es {
		m[e.ID] = e
	}
	return m
}

func fresh(before map[string]Event, after []Event, now time.Time) []Event {
	// An incident new in after whose announcement is history is history throughout.
	old := make(map[string]bool)
	for _, e := range after {
		if _, seen := before[e.ID]; !seen && isAnnouncement(e.Kind) && tooOld(e, now) {
			old[e.Slug] = true
		}
	}
	var out []Event
	for _, e := range after {
		if b, seen := before[e.ID]; seen {
			if fingerprint(b) != fingerprint(e) {
				e.Edit = true
				out = append(out, e)
			}
			continue
		}
		if old[e.Slug] || tooOld(e, now) {
			continue
		}
		out = append(out, e)
	}
	return out
}

func isAnnouncement(k Kind) bool {
	return k == KindIncident || k == KindNotice || k == KindMaintenance
}

func tooOld(e Event, now time.Time) bool {
	// A postmortem's instant is when the incident ended: writing one up days later is the normal
	// case, not history. Only a new incident's age (above) keeps it from being sent.
	if e.Kind == KindPostmortem || e.At.IsZero() {
		return false
	}
	return e.At.Before(now.Add(-MaxAge))
}

func sortEvents(es []Event) {
	slices.SortStableFunc(es, func(a, b Event) int {
		return cmp.Or(a.At.Compare(b.At), strings.Compare(a.ID, b.ID))
	})
}
