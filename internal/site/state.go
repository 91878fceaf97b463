package site

import (
	"sync/atomic"
	"time"

	"statuspress/internal/status"
)

// stateMemo holds the overall state worked out last, with the change it holds since.
type stateMemo struct{ last atomic.Pointer[stateSince] }

type stateSince struct {
	since time.Time
	ind   status.Indicator
}

// indicator is the overall state at now, as the overview's banner gives it. The not-found page
// shows it and is made per request (a path that does not exist is not cached), so it is worked
// out once per change of the site, not per request: it is the same from one change to the next.
func (s *Snapshot) indicator(now time.Time) status.Indicator {
	since := s.lastChange(now)
	if m := s.state.last.Load(); m != nil && m.since.Equal(since) {
		return m.ind
	}
	// The banner's rule, on the banner's input (Overview).
	ind := status.IndicatorAt(s.Published(now), now)
	s.state.last.Store(&stateSince{since, ind})
	return ind
}
