package subscription

import (
	"time"

	"golang.org/x/time/rate"
)

// TrackedForTest tells how many clients and addresses the limits of s remember.
func TrackedForTest(s *Service) (clients, addresses int) { return s.clients.len(), s.addresses.len() }

// LimiterForTest is a limiter as the service makes them.
type LimiterForTest struct{ l *limiter }

func NewLimiterForTest(every time.Duration, burst, max int) LimiterForTest {
	return LimiterForTest{newLimiter(rate.Every(every), burst, max)}
}

func (l LimiterForTest) Allow(key string, now time.Time) bool { return l.l.allow(key, now) }
func (l LimiterForTest) Len() int                             { return l.l.len() }
