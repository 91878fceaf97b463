package status

import (
	"time"

	"statuspress/internal/incident"
)

// StartsByItself returns the start of a maintenance's window when nothing but the clock starts
// it: no update at or before that instant says the work began (that update says so itself).
// Notifications (the maintenance-started event), the feeds and the timeline all take the rule
// from here, so that they tell of the same clock events.
func StartsByItself(in *incident.Incident) (time.Time, bool) {
	start := in.Window().Start
	if start.IsZero() {
		return time.Time{}, false
	}
	if u, ok := latestVisible(in, start); ok && u.Status != incident.StatusScheduled {
		return time.Time{}, false
	}
	return start, true
}

// EndsByItself returns the end of a maintenance's announced window when it ends there by itself
// (Incident.Ended's rule), not by an update or a resolved time.
func EndsByItself(in *incident.Incident) (time.Time, bool) {
	end := in.Scheduled.End
	if end.IsZero() || in.IsResolved() {
		return time.Time{}, false
	}
	at, ended := in.Ended(end)
	if !ended || !at.Equal(end) {
		return time.Time{}, false
	}
	if u, ok := latestVisible(in, end); ok && u.Status != incident.StatusScheduled {
		return time.Time{}, false
	}
	return end, true
}

func latestVisible(in *incident.Incident, t time.Time) (incident.Update, bool) {
	v := Visible(in, t)
	if len(v) == 0 {
		return incident.Update{}, false
	}
	return v[len(v)-1], true
}
