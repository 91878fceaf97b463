package status

import (
	"testing"

	"statuspress/internal/incident"
)

// TestByItself: the clock starts and ends a maintenance's window unless an update tells of it:
// one posted by then that says more than scheduled, or an in_progress (completed) update at the
// start (end) or up to 15 minutes after it, the bound included.
func TestByItself(t *testing.T) {
	start, end := ts("2026-10-01T20:00:00Z"), ts("2026-10-01T22:00:00Z")
	announced := incident.Update{At: ts("2026-09-20T10:00:00Z"), Status: incident.StatusScheduled}
	up := func(at string, st incident.UpdateStatus) incident.Update {
		return incident.Update{At: ts(at), Status: st}
	}
	for _, tc := range []struct {
		name         string
		updates      []incident.Update
		resolved     string
		starts, ends bool
	}{
		{"announced only", nil, "", true, true},
		{"in progress at the start", []incident.Update{up("2026-10-01T20:00:00Z", incident.StatusInProgress)}, "", false, false},
		{"in progress 10 minutes in", []incident.Update{up("2026-10-01T20:10:00Z", incident.StatusInProgress)}, "", false, false},
		{"in progress 15 minutes in", []incident.Update{up("2026-10-01T20:15:00Z", incident.StatusInProgress)}, "", false, false},
		{"in progress 15 minutes and a second in", []incident.Update{up("2026-10-01T20:15:01Z", incident.StatusInProgress)}, "", true, false},
		{"in progress before the start", []incident.Update{up("2026-10-01T19:50:00Z", incident.StatusInProgress)}, "", false, false},
		{"verifying 5 minutes in is not in_progress", []incident.Update{up("2026-10-01T20:05:00Z", incident.StatusVerifying)}, "", true, false},
		{"scheduled again 5 minutes in", []incident.Update{up("2026-10-01T20:05:00Z", incident.StatusScheduled)}, "", true, true},
		{"completed at the end", []incident.Update{up("2026-10-01T22:00:00Z", incident.StatusCompleted)}, "", true, false},
		{"completed 10 minutes after the end", []incident.Update{up("2026-10-01T22:10:00Z", incident.StatusCompleted)}, "", true, false},
		{"completed 15 minutes after the end", []incident.Update{up("2026-10-01T22:15:00Z", incident.StatusCompleted)}, "", true, false},
		{"completed 16 minutes after the end", []incident.Update{up("2026-10-01T22:16:00Z", incident.StatusCompleted)}, "", true, true},
		{"both soon after their edges", []incident.Update{
			up("2026-10-01T20:07:00Z", incident.StatusInProgress),
			up("2026-10-01T22:07:00Z", incident.StatusCompleted)}, "", false, false},
		{"in progress late, completed soon", []incident.Update{
			up("2026-10-01T20:30:00Z", incident.StatusInProgress),
			up("2026-10-01T22:05:00Z", incident.StatusCompleted)}, "", true, false},
		{"resolved", nil, "2026-10-01T21:00:00Z", true, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := &incident.Incident{Slug: "m", Kind: incident.KindMaintenance,
				Scheduled: incident.Window{Start: start, End: end},
				Updates:   append([]incident.Update{announced}, tc.updates...)}
			if tc.resolved != "" {
				in.Resolved = ts(tc.resolved)
			}
			gotStart, starts := StartsByItself(in)
			if starts != tc.starts || (starts && !gotStart.Equal(start)) {
				t.Errorf("StartsByItself = %s, %t; want %s, %t", gotStart, starts, start, tc.starts)
			}
			gotEnd, ends := EndsByItself(in)
			if ends != tc.ends || (ends && !gotEnd.Equal(end)) {
				t.Errorf("EndsByItself = %s, %t; want %s, %t", gotEnd, ends, end, tc.ends)
			}
		})
	}
}
