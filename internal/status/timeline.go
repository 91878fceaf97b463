package status

import (
	"cmp"
	"maps"
	"math"
	"slices"
	"strings"
	"time"

	"statuspress/internal/incident"
)

// Timeline is every component's status history: for each component, the stretches of time it was
// not operational, overlapping incidents merged so the worst status wins at each instant. It is
// built once per content version and does not depend on the current time: what lies after an
// instant t (later updates, an end not reached yet) is cut off when a History is taken at t. A
// Timeline is never changed after NewTimeline; share it freely between goroutines.
type Timeline struct {
	tracks map[string]*track
}

// track is one component's history.
type track struct {
	// spans are disjoint, sorted, and never operational: the merged history.
	spans []span
	// touches are the stretches during which one incident gave the component a status other than
	// operational, sorted by end; they say which incidents touched a day.
	touches []touch
	// own are every incident's own spans before merging, so Timeline.With can take out the spans
	// of an incident that changed and merge again without going through every incident.
	own []ownSpan
}

// span is a stretch [start, end) in Unix nanoseconds at the status ranked[rank].
type span struct {
	start, end int64
	rank       int
}

// ownSpan is a span of one incident's.
type ownSpan struct {
	span
	slug string
}

type touch struct {
	start, end int64
	slug       string
}

// open ends a span that has not ended.
const open = math.MaxInt64

// Span is a stretch of time during which a component had one status other than operational.
type Span struct {
	Start time.Time
	// End is zero while the span goes on.
	End    time.Time
	Status incident.ComponentStatus
}

// NewTimeline builds the history of every component the incidents affect. An incident affects a
// component whenever it is ongoing (Incident.Ongoing) at the status it then gives it
// (Incident.ComponentsAt): from Started until Resolved, changing at every update that carries
// components; a maintenance inside its window or while its updates say the work goes on. Notices
// affect nothing. An incident only costs work for the components it names.
func NewTimeline(incidents []*incident.Incident) *Timeline {
	// Taking incidents in the order they begin leaves the tracks nearly sorted already, which makes
	// the sorts at the end cheap; any order gives the same timeline.
	type keyed struct {
		at int64
		in *incident.Incident
	}
	order := make([]keyed, 0, len(incidents))
	for _, in := range incidents {
		if in.Kind == incident.KindIncident || in.Kind == incident.KindMaintenance {
			order = append(order, keyed{nanos(in.SortTime()), in})
		}
	}
	slices.SortFunc(order, func(a, b keyed) int { return cmp.Compare(a.at, b.at) })

	b := builder{tracks: map[string]*track{}}
	for _, k := range order {
		b.add(k.in)
	}
	for _, tr := range b.tracks {
		tr.finish()
	}
	return &Timeline{tracks: b.tracks}
}

// With returns the timeline of the incidents after some of them changed: removed are the versions
// replaced or deleted, added the versions that replace them or are new. Only the components that
// removed and added versions name are merged again, from their incidents' own spans less the
// removed ones' plus the added ones', so one edited incident costs the work of its components
// rather than of every incident. The other histories are shared with tl, which does not change.
// The result equals NewTimeline of the incidents as they now are.
func (tl *Timeline) With(removed, added []*incident.Incident) *Timeline {
	ids := map[string]bool{}
	replaced := map[string]bool{}
	for _, in := range slices.Concat(removed, added) {
		replaced[in.Slug] = true
		for _, a := range in.Components {
			ids[a.Component] = true
		}
		for _, u := range in.Updates {
			for _, a := range u.Components {
				ids[a.Component] = true
			}
		}
	}
	b := builder{tracks: map[string]*track{}}
	for _, in := range added {
		if in.Kind == incident.KindIncident || in.Kind == incident.KindMaintenance {
			b.add(in)
		}
	}
	tracks := maps.Clone(tl.tracks)
	for id := range ids {
		tr := &track{}
		if old := tl.tracks[id]; old != nil {
			tr.own = slices.DeleteFunc(slices.Clone(old.own), func(s ownSpan) bool { return replaced[s.slug] })
			tr.touches = slices.DeleteFunc(slices.Clone(old.touches), func(t touch) bool { return replaced[t.slug] })
		}
		if nt := b.tracks[id]; nt != nil {
			tr.own = append(tr.own, nt.own...)
			tr.touches = append(tr.touches, nt.touches...)
		}
		if len(tr.touches) == 0 {
			// No incident gives the component trouble any more: no history, as NewTimeline.
			delete(tracks, id)
			continue
		}
		tr.finish()
		tracks[id] = tr
	}
	return &Timeline{tracks: tracks}
}

// finish merges the track's own spans into its history and sorts its touches.
func (tr *track) finish() {
	tr.spans = merge(tr.own)
	slices.SortFunc(tr.touches, func(a, b touch) int {
		// Not cmp.Or: it would compare the slugs every time, and ties are rare.
		if c := cmp.Compare(a.end, b.end); c != 0 {
			return c
		}
		if c := cmp.Compare(a.start, b.start); c != 0 {
			return c
		}
		return strings.Compare(a.slug, b.slug)
	})
}

// builder gathers every incident's own spans and touches per component, unmerged.
type builder struct {
	tracks map[string]*track
	// Scratch space reused from one incident to the next.
	bs   []int64
	mine []mark
}

// mark is a component the incident at hand affects, with the index of the incident's latest span
// and touch in its track, so consecutive pieces join up.
type mark struct {
	id          string
	tr          *track
	span, touch int
}

// add adds in's effect on each component. Ongoing and ComponentsAt can only change at the
// incident's own instants, so evaluating them at each breakpoint gives its whole history exactly,
// by the domain's own rules.
func (b *builder) add(in *incident.Incident) {
	b.bs = appendBreakpoints(b.bs[:0], in)
	b.mine = b.mine[:0]
	var (
		comps []incident.Affected
		// changes counts the updates up to the breakpoint that carry components, and done how many
		// of them comps reflects: ComponentsAt is only asked again when it may answer differently.
		changes, done, u = 0, -1, 0
	)
	for i, n := range b.bs {
		at := time.Unix(0, n)
		for ; u < len(in.Updates) && !in.Updates[u].At.After(at); u++ {
			if len(in.Updates[u].Components) > 0 {
				changes++
			}
		}
		if !in.Ongoing(at) {
			continue
		}
		if changes != done {
			comps, done = in.ComponentsAt(at), changes
		}
		end := int64(open)
		if i+1 < len(b.bs) {
			end = b.bs[i+1]
		}
		for _, a := range comps {
			if r := rank(a.Status); r > 0 {
				b.extend(in.Slug, a.Component, span{start: n, end: end, rank: r})
			}
		}
	}
}

// extend records that the incident gave component id the span's status during the span.
func (b *builder) extend(slug, id string, s span) {
	k := slices.IndexFunc(b.mine, func(m mark) bool { return m.id == id })
	if k < 0 {
		tr := b.tracks[id]
		if tr == nil {
			tr = &track{}
			b.tracks[id] = tr
		}
		b.mine = append(b.mine, mark{id: id, tr: tr, span: -1, touch: -1})
		k = len(b.mine) - 1
	}
	m := &b.mine[k]
	if i := m.span; i >= 0 && m.tr.own[i].end == s.start && m.tr.own[i].rank == s.rank {
		m.tr.own[i].end = s.end
	} else {
		m.tr.own = append(m.tr.own, ownSpan{s, slug})
		m.span = len(m.tr.own) - 1
	}
	if i := m.touch; i >= 0 && m.tr.touches[i].end == s.start {
		m.tr.touches[i].end = s.end
	} else {
		m.tr.touches = append(m.tr.touches, touch{start: s.start, end: s.end, slug: slug})
		m.touch = len(m.tr.touches) - 1
	}
}

// Spans returns the stretches during which component id was not operational, oldest first,
// including any that lie in the future of whoever asks (scheduled maintenance).
func (tl *Timeline) Spans(id string) []Span {
	tr := tl.tracks[id]
	if tr == nil {
		return nil
	}
	out := make([]Span, len(tr.spans))
	for i, s := range tr.spans {
		out[i] = Span{Start: fromNanos(s.start), Status: ranked[s.rank]}
		if s.end != open {
			out[i].End = fromNanos(s.end)
		}
	}
	return out
}

// appendBreakpoints appends to dst the instants at which in's effect may change, in Unix
// nanoseconds, sorted and distinct.
func appendBreakpoints(dst []int64, in *incident.Incident) []int64 {
	for _, t := range [...]time.Time{in.Started, in.Resolved, in.Scheduled.Start, in.Scheduled.End} {
		if !t.IsZero() {
			dst = append(dst, nanos(t))
		}
	}
	for _, u := range in.Updates {
		dst = append(dst, nanos(u.At))
	}
	slices.Sort(dst)
	return slices.Compact(dst)
}

// merge turns overlapping spans into disjoint ones, the worst status winning at each instant, by a
// sweep over their starts and ends.
func merge(raw []ownSpan) []span {
	type edge struct {
		at   int64
		rank int
	}
	starts := make([]edge, 0, len(raw))
	ends := make([]edge, 0, len(raw))
	for _, s := range raw {
		starts = append(starts, edge{s.start, s.rank})
		if s.end != open {
			ends = append(ends, edge{s.end, s.rank})
		}
	}
	byAt := func(a, b edge) int { return cmp.Compare(a.at, b.at) }
	slices.SortFunc(starts, byAt)
	slices.SortFunc(ends, byAt)

	count := make([]int, len(ranked))
	var out []span
	worst, prev := 0, int64(0)
	for i, j := 0, 0; i < len(starts) || j < len(ends); {
		var at int64
		switch {
		case j == len(ends):
			at = starts[i].at
		case i == len(starts):
			at = ends[j].at
		default:
			at = min(starts[i].at, ends[j].at)
		}
		if worst > 0 && at > prev {
			out = appendMerged(out, span{prev, at, worst})
		}
		for ; i < len(starts) && starts[i].at == at; i++ {
			count[starts[i].rank]++
		}
		for ; j < len(ends) && ends[j].at == at; j++ {
			count[ends[j].rank]--
		}
		worst = 0
		for r := len(count) - 1; r > 0; r-- {
			if count[r] > 0 {
				worst = r
				break
			}
		}
		prev = at
	}
	if worst > 0 {
		out = appendMerged(out, span{prev, open, worst})
	}
	return out
}

func appendMerged(out []span, s span) []span {
	if n := len(out); n > 0 && out[n-1].end == s.start && out[n-1].rank == s.rank {
		out[n-1].end = s.end
		return out
	}
	return append(out, s)
}

var (
	minTime = time.Unix(0, math.MinInt64)
	maxTime = time.Unix(0, open-1)
)

// nanos is t in Unix nanoseconds, clamped to what an int64 holds (years 1678 to 2262) so absurd
// dates cannot wrap around.
func nanos(t time.Time) int64 {
	switch {
	case t.Before(minTime):
		return math.MinInt64
	case t.After(maxTime):
		return open - 1
	}
	return t.UnixNano()
}

func fromNanos(n int64) time.Time { return time.Unix(0, n).UTC() }
