package status

import (
	"time"

	"statuspress/internal/incident"
)

// SaidSoonAfter is how long after a window's edge an author's update still tells of that edge
// itself: an in_progress update up to this long after the start says the work began, a
// completed update up to this long after the end says it ended. The clock then makes no entry of
// its own, which would tell the same thing twice a few minutes apart.
const SaidSoonAfter = 15 * time.Minute

// StartsByItself returns the start of a maintenance's window when nothing but the clock starts
// it: no update at or before that instant says the work began (that update says so itself), and
// no in_progress update follows within SaidSoonAfter. Notifications (the maintenance-started
// event), the feeds and the timeline all take the rule from here, so that they tell of the same
// clock events.
func StartsByItself(in *incident.Incident) (time.Time, bool) {
	start := in.Window().Start
	if start.IsZero() {
		return time.Time{}, false
	}
	if u, ok := latestVisible(in, start); ok && u.Status != incident.StatusScheduled {
		return time.Time{}, false
	}
	if SaysSoonAfter(in, start, incident.StatusInProgress) {
		return time.Time{}, false
	}
	return start, true
}

// EndsByItself returns the end of a maintenance's announced window when it ends there by itself
// (Incident.Ended's rule), not by an update or a resolved time, and no completed update follows
// within SaidSoonAfter.
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
	if SaysSoonAfter(in, end, incident.StatusCompleted) {
		return time.Time{}, false
	}
	return end, true
}

// SaysSoonAfter reports whether an update of in says st at t or within SaidSoonAfter after it.
// The rule looks at what the content holds, not at what is visible yet, so that whether the
// clock makes an entry does not change as the minutes pass once the author has written.
func SaysSoonAfter(in *incident.Incident, t time.Time, st incident.UpdateStatus) bool {
	for _, u := range in.Updates {
		if u.Status == st && !u.At.Before(t) && !u.At.After(t.Add(SaidSoonAfter)) {
			return true
		}
	}
	return false
}

func latestVisible(in *incident.Incident, t time.Time) (incident.Update, bool) {
	v := Visible(in, t)
	if len(v) == 0 {
		return incident.Update{}, false
	}
	return v[len(v)-1], true
}
