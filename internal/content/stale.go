package content

import (
	"fmt"
	"strings"
	"time"

	"statuspress/internal/incident"
)

// Stale warns of every incident that goes on at now (begun, not ended) and has had no update for
// longer than the site's stale_after: readers take an incident that has said
// "Monitoring" for days for an abandoned one. A maintenance is left out: its latest word is often
// its announcement, days old by design. The time since its start counts when it has no
// update yet. Lint calls it; the loader does not, as the answer depends on the time.
func Stale(cat *Catalog, now time.Time) Problems {
	if cat == nil || cat.Site == nil {
		return nil
	}
	limit := cat.Site.StaleAfter
	if limit <= 0 {
		limit = DefaultStaleAfter
	}
	var ps Problems
	for _, in := range cat.Incidents {
		if in.Kind != incident.KindIncident || in.Started.IsZero() || in.Started.After(now) {
			continue
		}
		if _, ended := in.Ended(now); ended {
			continue
		}
		last := in.Started
		for _, u := range in.Updates {
			if !u.At.After(now) && u.At.After(last) {
				last = u.At
			}
		}
		if age := now.Sub(last); age > limit {
			ps = append(ps, Problem{Path: in.Source, Line: 1, Col: 1, Severity: Warning, Message: fmt.Sprintf(
				"ongoing, and nothing posted for %s (since %s); post an update or resolve it (site.yaml's stale_after is %s)",
				roundAge(age), last.UTC().Format(time.RFC3339), formatDuration(limit))})
		}
	}
	return ps
}

// roundAge is an age to the hour, or to the minute under an hour: "290h0m0s" reads badly.
func roundAge(d time.Duration) string {
	if d >= time.Hour {
		return formatDuration(d.Truncate(time.Hour))
	}
	return formatDuration(d.Truncate(time.Minute))
}

// formatDuration is d as site.yaml would write it: 72h, 36h30m, 45m.
func formatDuration(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}
