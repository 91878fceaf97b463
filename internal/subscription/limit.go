package subscription

import (
	"container/list"
	"net/netip"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// limiter is a token bucket per key, for as many keys as max: past it the least recently seen
// key is forgotten, so a client with many addresses (or many IPs) cannot make it grow without
// bound. A forgotten key starts again with a full bucket; the store's hourly limit per address
// still holds then.
type limiter struct {
	every rate.Limit
	burst int
	max   int

	mu   sync.Mutex
	keys map[string]*list.Element
	lru  list.List // of *bucket, most recently seen first
}

type bucket struct {
	key string
	lim *rate.Limiter
}

func newLimiter(every rate.Limit, burst, max int) *limiter {
	return &limiter{every: every, burst: burst, max: max, keys: make(map[string]*list.Element)}
}

// allow takes a token from key's bucket at now, and reports whether there was one.
func (l *limiter) allow(key string, now time.Time) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if e, ok := l.keys[key]; ok {
		l.lru.MoveToFront(e)
		return e.Value.(*bucket).lim.AllowN(now, 1)
	}
	if l.lru.Len() >= l.max {
		oldest := l.lru.Back()
		l.lru.Remove(oldest)
		delete(l.keys, oldest.Value.(*bucket).key)
	}
	b := &bucket{key: key, lim: rate.NewLimiter(l.every, l.burst)}
	l.keys[key] = l.lru.PushFront(b)
	return b.lim.AllowN(now, 1)
}

// len is how many keys the limiter remembers.
func (l *limiter) len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.keys)
}

// clientKey is the key of a client's limit: its IP address, or for IPv6 its /64, which one
// machine usually has whole (one address of it each would be a new client each time).
func clientKey(client string) string {
	ip, err := netip.ParseAddr(client)
	if err != nil {
		// Not an address (a socket with none): all such clients share one limit.
		return "?"
	}
	ip = ip.Unmap().WithZone("")
	if ip.Is4() {
		return ip.String()
	}
	p, _ := ip.Prefix(64)
	return p.String()
}
