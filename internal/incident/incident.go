// Package incident holds statuspress's domain words: incidents, maintenances and notices, their
// updates, the components they affect and the statuses those take. It knows nothing of files,
// HTTP or rendering and imports only the standard library.
package incident

import (
	"slices"
	"strings"
	"time"
)

// Kind says what sort of event an Incident is.
type Kind string

const (
	KindIncident    Kind = "incident"
	KindMaintenance Kind = "maintenance"
	KindNotice      Kind = "notice"
)

// Kinds lists every kind in the order the content format documents them.
var Kinds = []Kind{KindIncident, KindMaintenance, KindNotice}

// Valid reports whether k is one of Kinds.
func (k Kind) Valid() bool { return slices.Contains(Kinds, k) }

// Impact is the severity of an incident, on Statuspage's scale so API clients compare it directly.
type Impact string

const (
	ImpactNone     Impact = "none"
	ImpactMinor    Impact = "minor"
	ImpactMajor    Impact = "major"
	ImpactCritical Impact = "critical"
)

// Impacts lists every impact, least severe first.
var Impacts = []Impact{ImpactNone, ImpactMinor, ImpactMajor, ImpactCritical}

// Valid reports whether i is one of Impacts.
func (i Impact) Valid() bool { return slices.Contains(Impacts, i) }

// Rank orders impacts by severity: none is 0, critical is 3.
func (i Impact) Rank() int { return slices.Index(Impacts, i) }

// UpdateStatus is the lifecycle state an update announces.
type UpdateStatus string

// Incident lifecycle.
const (
	StatusInvestigating UpdateStatus = "investigating"
	StatusIdentified    UpdateStatus = "identified"
	StatusMonitoring    UpdateStatus = "monitoring"
	StatusResolved      UpdateStatus = "resolved"
)

// Maintenance lifecycle.
const (
	StatusScheduled  UpdateStatus = "scheduled"
	StatusInProgress UpdateStatus = "in_progress"
	StatusVerifying  UpdateStatus = "verifying"
	StatusCompleted  UpdateStatus = "completed"
)

// UpdateStatuses returns the statuses an update of kind k may carry, in lifecycle order.
// Notices have no lifecycle and so no update statuses.
func UpdateStatuses(k Kind) []UpdateStatus {
	switch k {
	case KindIncident:
		return []UpdateStatus{StatusInvestigating, StatusIdentified, StatusMonitoring, StatusResolved}
	case KindMaintenance:
		return []UpdateStatus{StatusScheduled, StatusInProgress, StatusVerifying, StatusCompleted}
	}
	return nil
}

// Final reports whether s ends its lifecycle.
func (s UpdateStatus) Final() bool { return s == StatusResolved || s == StatusCompleted }

// ComponentStatus is the state of one component, with Statuspage's names.
type ComponentStatus string

const (
	Operational         ComponentStatus = "operational"
	DegradedPerformance ComponentStatus = "degraded_performance"
	PartialOutage       ComponentStatus = "partial_outage"
	MajorOutage         ComponentStatus = "major_outage"
	UnderMaintenance    ComponentStatus = "under_maintenance"
)

// ComponentStatuses lists the statuses an incident may give a component, in the order the content
// format documents them. Operational is among them so a late update can mark a component recovered
// while the incident itself goes on.
var ComponentStatuses = []ComponentStatus{Operational, DegradedPerformance, PartialOutage, MajorOutage, UnderMaintenance}

// Valid reports whether s is one of ComponentStatuses.
func (s ComponentStatus) Valid() bool { return slices.Contains(ComponentStatuses, s) }

// severity ranks statuses for "the worst status wins". Maintenance ranks above operational and
// below every kind of trouble: a component that is down during its maintenance window is down.
var severity = map[ComponentStatus]int{
	Operational:         0,
	UnderMaintenance:    1,
	DegradedPerformance: 2,
	PartialOutage:       3,
	MajorOutage:         4,
}

// Worse reports whether s is worse than t.
func (s ComponentStatus) Worse(t ComponentStatus) bool { return severity[s] > severity[t] }

// Worst returns the worst of the given statuses, or Operational when there are none.
func Worst(statuses ...ComponentStatus) ComponentStatus {
	w := Operational
	for _, s := range statuses {
		if s.Worse(w) {
			w = s
		}
	}
	return w
}

// ImpactOf is the impact Statuspage derives from the worst component status when an incident
// does not state one.
func ImpactOf(s ComponentStatus) Impact {
	switch s {
	case MajorOutage:
		return ImpactMajor
	case PartialOutage, DegradedPerformance:
		return ImpactMinor
	}
	return ImpactNone
}

// Affected is one component named by an incident or update, with the status it has from then on.
type Affected struct {
	Component string
	Status    ComponentStatus
}

// Window is a span of time; an open End (zero) means it has not ended.
type Window struct {
	Start, End time.Time
}

// Contains reports whether t lies in [Start, End).
func (w Window) Contains(t time.Time) bool {
	return !t.Before(w.Start) && (w.End.IsZero() || t.Before(w.End))
}

// Update is one entry of an incident's public timeline.
type Update struct {
	At     time.Time
	Status UpdateStatus
	// Components holds status changes that take effect at this update; nil when it changes none.
	Components []Affected
}

// Incident is one published event: an incident, a maintenance or a notice. An Incident is built
// once when content loads and never changed afterwards; share it freely between goroutines.
type Incident struct {
	Slug string
	Kind Kind
	// Lang is the language the original was written in.
	Lang   string
	Impact Impact
	// Components are the affected components with the status they have when the event begins.
	Components []Affected
	// Started is when impact began (incident), the notice takes effect (notice) or the work
	// actually began (maintenance; defaults to the window's start).
	Started time.Time
	// Published is when a notice was posted, when its file says so (`published:`); zero
	// otherwise, and always for other kinds. Posted gives the instant that counts.
	Published time.Time
	// Resolved is when impact ended; zero while it goes on.
	Resolved time.Time
	// Scheduled is the announced window of a maintenance; zero for other kinds.
	Scheduled Window
	// Updates are in chronological order, oldest first.
	Updates []Update
	// Texts holds the original's words and those of every translation, by language.
	Texts map[string]*Text
	// Source is the original's path relative to the content directory.
	Source string
}

// Text is what one language says about an incident. The original's Text is complete; a
// translation's may lack any part, which then falls back to the original (see Incident.In).
type Text struct {
	Lang    string
	Title   string
	Summary string
	// Body is the story (postmortem, cause, solution) as sanitised HTML.
	Body string
	// TOC lists the body's headings for a table of contents.
	TOC []Heading
	// Updates maps an update's time (UnixNano, so equal instants in different offsets match) to its
	// text as sanitised HTML.
	Updates map[int64]string
	// Machine is set when the text was translated automatically.
	Machine bool
	// Source is the file it came from, relative to the content directory.
	Source string
}

// Heading is one entry of a table of contents.
type Heading struct {
	Level int
	ID    string
	Text  string
}

// Original returns the text in the language the incident was written in.
func (in *Incident) Original() *Text { return in.Texts[in.Lang] }

// Languages lists the languages the incident has text in, the original first.
func (in *Incident) Languages() []string {
	langs := make([]string, 0, len(in.Texts))
	for l := range in.Texts {
		if l != in.Lang {
			langs = append(langs, l)
		}
	}
	slices.Sort(langs)
	return append([]string{in.Lang}, langs...)
}

// Latest returns the most recent update, or false when there is none.
func (in *Incident) Latest() (Update, bool) {
	if len(in.Updates) == 0 {
		return Update{}, false
	}
	return in.Updates[len(in.Updates)-1], true
}

// Posted is when a notice was posted: Published when its file gives it, or else when it takes
// effect (Started). A notice posted ahead of its change is published before it takes effect; one
// written up afterwards is published later. For other kinds it is Started.
func (in *Incident) Posted() time.Time {
	if in.Kind == KindNotice && !in.Published.IsZero() {
		return in.Published
	}
	return in.Started
}

// IsResolved reports whether the incident has a resolution time.
func (in *Incident) IsResolved() bool { return !in.Resolved.IsZero() }

// SortTime is when the incident sorts in lists (newest first) and in which month the history
// shows it: its start, for a maintenance not started its announced window's start, and for a
// notice when it was posted (Posted).
func (in *Incident) SortTime() time.Time {
	if in.Kind == KindNotice {
		return in.Posted()
	}
	if in.Started.IsZero() {
		return in.Scheduled.Start
	}
	return in.Started
}

// Ended reports whether the event has ended by now, and when. It is the one rule for "has it
// ended, and when": states, lists, component statuses, uptime, pages, feeds, calendar and API
// all ask it. Resolved, when set, is when impact ended and wins over everything else (the loader
// warns when an update says otherwise). Without it an event ends with its latest update up to now
// when that says resolved or completed, and a maintenance whose latest update says no more than
// scheduled ends by itself with its announced window. An in_progress or verifying update keeps a
// maintenance going past its window until it is resolved. Notices never end.
func (in *Incident) Ended(now time.Time) (time.Time, bool) {
	if in.Kind == KindNotice {
		return time.Time{}, false
	}
	if in.IsResolved() {
		if now.Before(in.Resolved) {
			return time.Time{}, false
		}
		return in.Resolved, true
	}
	latest, ok := in.latestAt(now)
	if ok && latest.Status.Final() {
		return latest.At, true
	}
	if in.Kind == KindMaintenance && (!ok || latest.Status == StatusScheduled) {
		if end := in.Scheduled.End; !end.IsZero() && !now.Before(end) {
			return end, true
		}
	}
	return time.Time{}, false
}

// latestAt returns the latest update posted at or before now.
func (in *Incident) latestAt(now time.Time) (Update, bool) {
	for i := len(in.Updates) - 1; i >= 0; i-- {
		if !in.Updates[i].At.After(now) {
			return in.Updates[i], true
		}
	}
	return Update{}, false
}

// State is the incident's lifecycle state at time now. Once the event has ended (Ended) it is
// resolved or completed; before that, its latest update's status at or before now that is not
// final (an update that says resolved before Resolved does is early), or, with no such update,
// investigating for an incident. A maintenance starts by itself: while its latest update merely
// says scheduled, it is scheduled before its window and in progress inside it.
func (in *Incident) State(now time.Time) UpdateStatus {
	if in.Kind == KindNotice {
		if u, ok := in.latestAt(now); ok {
			return u.Status
		}
		return ""
	}
	if _, ended := in.Ended(now); ended {
		if in.Kind == KindMaintenance {
			return StatusCompleted
		}
		return StatusResolved
	}
	var latest UpdateStatus
	for i := len(in.Updates) - 1; i >= 0; i-- {
		if u := in.Updates[i]; !u.At.After(now) && !u.Status.Final() {
			latest = u.Status
			break
		}
	}
	switch in.Kind {
	case KindMaintenance:
		if latest != "" && latest != StatusScheduled {
			return latest
		}
		if now.Before(in.Window().Start) {
			return StatusScheduled
		}
		return StatusInProgress
	case KindIncident:
		if latest != "" {
			return latest
		}
		return StatusInvestigating
	}
	return latest
}

// Window is when a maintenance actually takes place: from Started (which defaults to the
// announced start) to Resolved, or to the announced end while it is not resolved.
func (in *Incident) Window() Window {
	w := in.Scheduled
	if !in.Started.IsZero() {
		w.Start = in.Started
	}
	if in.IsResolved() {
		w.End = in.Resolved
	}
	return w
}

// Ongoing reports whether the incident affects its components at time now: until it has ended
// (Ended), an incident from Started, and a maintenance while its state is in_progress or
// verifying (inside its window, or outside it while an update says the work goes on).
func (in *Incident) Ongoing(now time.Time) bool {
	if _, ended := in.Ended(now); ended {
		return false
	}
	switch in.Kind {
	case KindIncident:
		return !now.Before(in.Started)
	case KindMaintenance:
		switch in.State(now) {
		case StatusInProgress, StatusVerifying:
			return true
		}
	}
	return false
}

// ComponentsAt returns the status each affected component has at time now according to this
// incident alone: the statuses it began with, changed by every update at or before now that carries
// component statuses. Components keep the order in which the incident first names them.
func (in *Incident) ComponentsAt(now time.Time) []Affected {
	out := slices.Clone(in.Components)
	for _, u := range in.Updates {
		if u.At.After(now) {
			break
		}
		for _, a := range u.Components {
			i := slices.IndexFunc(out, func(b Affected) bool { return b.Component == a.Component })
			if i < 0 {
				out = append(out, a)
			} else {
				out[i].Status = a.Status
			}
		}
	}
	return out
}

// HasPostmortem reports whether the incident has a postmortem: an incident's Markdown body is its
// story (cause, solution, measures), which the page shows under "Postmortem" as soon as the file
// has one. The content format has no other marker, so a body is the postmortem.
func (in *Incident) HasPostmortem() bool {
	o := in.Original()
	return in.Kind == KindIncident && o != nil && strings.TrimSpace(o.Body) != ""
}

// Names reports whether the incident affects component id at any point.
func (in *Incident) Names(id string) bool {
	has := func(a Affected) bool { return a.Component == id }
	if slices.ContainsFunc(in.Components, has) {
		return true
	}
	for _, u := range in.Updates {
		if slices.ContainsFunc(u.Components, has) {
			return true
		}
	}
	return false
}

// UpdateID is the stable identifier of an update: the incident's slug and the update's instant in
// UTC. Editing the update's text never changes it, so feed readers do not see it as new.
func (in *Incident) UpdateID(u Update) string {
	return in.Slug + "/" + u.At.UTC().Format("20060102T150405Z")
}
