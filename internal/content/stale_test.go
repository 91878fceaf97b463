package content

import (
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestStale: lint warns of an event that goes on without an update for longer than stale_after
// (72h unless site.yaml says otherwise), counted from its latest update at the time asked about,
// or from its start when it has none; not of a maintenance, whose announcement may be weeks old.
func TestStale(t *testing.T) {
	const (
		ongoing = "---\ntitle: Slow\ncomponents: {web-app: degraded_performance}\nstarted: 2026-11-20T10:00:00Z\n" +
			"updates:\n  - {at: 2026-11-20T10:10:00Z, status: investigating, text: Slow.}\n" +
			"  - {at: 2026-11-23T14:00:00Z, status: monitoring, text: Better.}\n---\n"
		silent   = "---\ntitle: Quiet\ncomponents: {web-app: partial_outage}\nstarted: 2026-11-24T10:00:00Z\n---\n"
		resolved = "---\ntitle: Over\ncomponents: {web-app: major_outage}\nstarted: 2026-11-01T10:00:00Z\nresolved: 2026-11-01T11:00:00Z\n---\n"
		notice   = "---\ntitle: News\nkind: notice\nstarted: 2026-11-01T10:00:00Z\n---\n"
		running  = "---\ntitle: Long work\nkind: maintenance\ncomponents: {web-app: under_maintenance}\nscheduled: {start: 2026-11-20T22:00:00Z, end: 2027-01-10T02:00:00Z}\n" +
			"updates:\n  - {at: 2026-11-01T10:00:00Z, status: scheduled, text: Planned.}\n---\n"
		later = "---\ntitle: Not yet\nkind: maintenance\ncomponents: {web-app: under_maintenance}\nscheduled: {start: 2027-01-09T22:00:00Z, end: 2027-01-10T02:00:00Z}\n---\n"
	)
	ongoingWarning := func(age, since, limit string) Problem {
		return Problem{Path: "ongoing.md", Line: 1, Col: 1, Severity: Warning,
			Message: "ongoing, and nothing posted for " + age + " (since " + since + "); post an update or resolve it (site.yaml's stale_after is " + limit + ")"}
	}
	for _, tc := range []struct {
		name, site, now string
		want            Problems
	}{
		{"within the default 72h", "", "2026-11-26T14:00:00Z", nil},
		{"past the default 72h", "", "2026-11-26T14:01:00Z",
			Problems{ongoingWarning("72h", "2026-11-23T14:00:00Z", "72h")}},
		{"12 days on, newest first", "", "2026-12-05T15:30:00Z", Problems{
			{Path: "silent.md", Line: 1, Col: 1, Severity: Warning,
				Message: "ongoing, and nothing posted for 269h (since 2026-11-24T10:00:00Z); post an update or resolve it (site.yaml's stale_after is 72h)"},
			ongoingWarning("289h", "2026-11-23T14:00:00Z", "72h"),
		}},
		{"a site's own threshold", "stale_after: 36h30m\n", "2026-11-25T02:31:00Z",
			Problems{ongoingWarning("36h", "2026-11-23T14:00:00Z", "36h30m")}},
		{"an update after now does not count", "stale_after: 24h\n", "2026-11-21T10:11:00Z",
			Problems{ongoingWarning("24h", "2026-11-20T10:10:00Z", "24h")}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cat := Load(fstest.MapFS{
				"site.yaml":   {Data: []byte(siteYAML + tc.site)},
				"ongoing.md":  {Data: []byte(ongoing)},
				"silent.md":   {Data: []byte(silent)},
				"resolved.md": {Data: []byte(resolved)},
				"notice.md":   {Data: []byte(notice)},
				"later.md":    {Data: []byte(later)},
				"running.md":  {Data: []byte(running)},
			}, Options{})
			if len(cat.Problems) > 0 {
				t.Fatalf("load: %v", cat.Problems)
			}
			now, _ := time.Parse(time.RFC3339, tc.now)
			if diff := cmp.Diff(tc.want, Stale(cat, now)); diff != "" {
				t.Errorf("Stale (-want +got):\n%s", diff)
			}
		})
	}
}

func TestStaleAfterInvalid(t *testing.T) {
	for _, v := range []string{"3 days", "0h", "-5h", "72"} {
		cat := Load(fstest.MapFS{"site.yaml": {Data: []byte(siteYAML + "stale_after: " + v + "\n")}}, Options{})
		if cat.Problems.Errors() != 1 || cat.Site.StaleAfter != DefaultStaleAfter {
			t.Errorf("stale_after: %s: problems %v, StaleAfter %v; want one error and the default", v, cat.Problems, cat.Site.StaleAfter)
		}
	}
}
