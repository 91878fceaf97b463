package status

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"time"

	"statuspress/internal/incident"
)

// DefaultDays is how many days of uptime a status page shows, as Statuspage does.
const DefaultDays = 90

// PartialWeight is the share of a partial outage that counts as down time, as on Statuspage, so
// figures compare. Major outages count fully; degraded performance and maintenance count as up.
// The pages state this rule next to the bars (locale.UptimeRule).
const PartialWeight = 0.3

// Day is one calendar day of a component's or group's history, cut at midnight in one time zone.
type Day struct {
	// Start is the day's midnight, in the zone it was cut in.
	Start time.Time
	// End is the next midnight, or, for the day containing the instant asked about, that instant.
	End time.Time
	// The time spent in each status other than operational.
	MajorOutage, PartialOutage, DegradedPerformance, UnderMaintenance time.Duration
	// Worst is the worst status of the day; operational when nothing happened.
	Worst incident.ComponentStatus
	// Incidents are the slugs of the incidents and maintenances that gave the component a status
	// other than operational during the day, in the order their effect began; nil when none did.
	Incidents []string
	// Uptime is the share of the day the component was up, from 0 to 1: 1 - (major + 0.3 partial)
	// / length, the length being the day's real one (23 or 25 hours when clocks change). A day of
	// no length counts as fully up.
	Uptime float64
}

// Length is how long the day is: 24 hours, 23 or 25 on a day clocks change, and up to the instant
// asked about for the current day.
func (d Day) Length() time.Duration { return d.End.Sub(d.Start) }

func (d *Day) add(s incident.ComponentStatus, dur time.Duration) {
	switch s {
	case incident.MajorOutage:
		d.MajorOutage += dur
	case incident.PartialOutage:
		d.PartialOutage += dur
	case incident.DegradedPerformance:
		d.DegradedPerformance += dur
	case incident.UnderMaintenance:
		d.UnderMaintenance += dur
	}
	d.Worst = incident.Worst(d.Worst, s)
}

// History is a component's or group's uptime over consecutive days.
type History struct {
	// Days are oldest first; the last is the day containing the instant asked about.
	Days []Day
	// Uptime is the share of the whole period the component was up, from 0 to 1, weighted by time
	// so a short current day weighs less than a full one.
	Uptime float64
}

// uptime is 1 - (major + 0.3 partial) / length, and 1 for no length.
func uptime(major, partial, length time.Duration) float64 {
	if length <= 0 {
		return 1
	}
	return 1 - (major.Seconds()+PartialWeight*partial.Seconds())/length.Seconds()
}

// History returns component id's uptime over the days (DefaultDays when days <= 0) that end with
// the day containing t, days cut at midnight in loc (UTC when nil). Only time up to t counts: the
// current day runs from midnight to t, an incident not resolved by t counts until t, and nothing
// after t is seen. A component no incident names has a clean history.
func (tl *Timeline) History(id string, t time.Time, days int, loc *time.Location) History {
	return tl.history(id, newPeriod(t, days, loc))
}

func (tl *Timeline) history(id string, p period) History {
	h := History{Days: make([]Day, len(p.bounds)-1)}
	for i := range h.Days {
		h.Days[i] = Day{Start: p.bounds[i], End: p.bounds[i+1], Worst: incident.Operational}
	}
	if tr := tl.tracks[id]; tr != nil {
		tr.cut(h.Days, p.nanos)
		tr.touch(h.Days, p.nanos)
	}
	var major, partial time.Duration
	for i := range h.Days {
		d := &h.Days[i]
		d.Uptime = uptime(d.MajorOutage, d.PartialOutage, d.Length())
		major += d.MajorOutage
		partial += d.PartialOutage
	}
	h.Uptime = uptime(major, partial, p.bounds[len(p.bounds)-1].Sub(p.bounds[0]))
	return h
}

// UptimeOfLast is the uptime over the last n days of the history (all of them when n is not
// less than their number), by the rule of Uptime: a phone shows only the last days of a strip,
// and the figure beside them must be theirs.
func (h History) UptimeOfLast(n int) float64 {
	days := h.Days
	if n >= 0 && n < len(days) {
		days = days[len(days)-n:]
	}
	if len(days) == 0 {
		return 1
	}
	var major, partial time.Duration
	for _, d := range days {
		major += d.MajorOutage
		partial += d.PartialOutage
	}
	return uptime(major, partial, days[len(days)-1].End.Sub(days[0].Start))
}

// period is the days a History covers, by their boundaries: the midnights of the days ending with
// the one containing t, then t itself.
type period struct {
	bounds []time.Time
	// nanos are the bounds in Unix nanoseconds, as spans hold them.
	nanos []int64
}

// newPeriod cuts days at midnight by the calendar in loc, so a day's length is its real one.
func newPeriod(t time.Time, days int, loc *time.Location) period {
	if days <= 0 {
		days = DefaultDays
	}
	if loc == nil {
		loc = time.UTC
	}
	t = t.Round(0).In(loc)
	y, m, d := t.Date()
	b := make([]time.Time, days+1)
	for i := range days {
		b[i] = time.Date(y, m, d-(days-1)+i, 0, 0, 0, 0, loc)
	}
	b[days] = t
	// Where a zone skips midnight, time.Date may land after it; never let a day end before it starts.
	if b[days-1].After(t) {
		b[days-1] = t
	}
	ns := make([]int64, len(b))
	for i, x := range b {
		ns[i] = nanos(x)
	}
	return period{bounds: b, nanos: ns}
}

// cut adds the track's spans to the days bounded by b.
func (tr *track) cut(days []Day, b []int64) {
	j := sort.Search(len(tr.spans), func(k int) bool { return tr.spans[k].end > b[0] })
	for i := range days {
		lo, hi := b[i], b[i+1]
		for j < len(tr.spans) && tr.spans[j].start < hi {
			s := tr.spans[j]
			if from, to := max(s.start, lo), min(s.end, hi); to > from {
				days[i].add(ranked[s.rank], time.Duration(to-from))
			}
			if s.end > hi {
				break
			}
			j++
		}
	}
}

// touch lists on each day bounded by b the incidents that touched it.
func (tr *track) touch(days []Day, b []int64) {
	type hit struct {
		day   int
		start int64
		slug  string
	}
	var hits []hit
	first, last := b[0], b[len(b)-1]
	k := sort.Search(len(tr.touches), func(k int) bool { return tr.touches[k].end > first })
	for _, tc := range tr.touches[k:] {
		if tc.start >= last {
			continue
		}
		i := sort.Search(len(days), func(i int) bool { return b[i+1] > tc.start })
		for ; i < len(days) && b[i] < tc.end; i++ {
			if b[i+1] > b[i] {
				hits = append(hits, hit{i, tc.start, tc.slug})
			}
		}
	}
	slices.SortFunc(hits, func(a, b hit) int {
		if c := cmp.Compare(a.day, b.day); c != 0 {
			return c
		}
		if c := cmp.Compare(a.start, b.start); c != 0 {
			return c
		}
		return strings.Compare(a.slug, b.slug)
	})
	for _, h := range hits {
		if d := &days[h.day]; !slices.Contains(d.Incidents, h.slug) {
			d.Incidents = append(d.Incidents, h.slug)
		}
	}
}

// Uptime is the history of every site component in one time zone.
type Uptime struct {
	// Components holds every site component by id, those whose uptime site.yaml hides included:
	// callers decide what to show.
	Components map[string]History
}

// Uptime returns the history of every site component at t (see History).
func (tl *Timeline) Uptime(site *incident.Site, t time.Time, days int, loc *time.Location) Uptime {
	u := Uptime{Components: make(map[string]History, len(site.Components))}
	p := newPeriod(t, days, loc)
	for _, c := range site.Components {
		u.Components[c.ID] = tl.history(c.ID, p)
	}
	return u
}
