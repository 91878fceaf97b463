package site_test

import (
	"bytes"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/mmcdole/gofeed"
)

// TestFeedMaintenanceByItself: the sample's database upgrade has only its announcement, so its
// window (5 December 2026, 21:00 to 24:00 UTC) starts and ends by itself. Each is an item of its
// own, read back by the feed parsers, with the id notifications give the same clock event; before
// the window neither is there, during it only the start.
func TestFeedMaintenanceByItself(t *testing.T) {
	s := sampleSite(t)
	const title = "Database upgrade for the web app and REST API"
	page := sampleURL + "/en/incidents/database-upgrade-december/"
	started := item{
		ID: tag("maintenance-started:database-upgrade-december/20261205T210000Z"), Title: "[In progress] " + title,
		Link: page, Published: time.Date(2026, 12, 5, 21, 0, 0, 0, time.UTC),
	}
	completed := item{
		ID: tag("maintenance-ended:database-upgrade-december/20261206T000000Z"), Title: "[Completed] " + title,
		Link: page, Published: time.Date(2026, 12, 6, 0, 0, 0, 0, time.UTC),
	}
	for _, tc := range []struct {
		now  time.Time
		want []item
	}{
		{time.Date(2026, 12, 5, 20, 59, 0, 0, time.UTC), nil},
		{time.Date(2026, 12, 5, 21, 0, 0, 0, time.UTC), []item{started}},
		{time.Date(2026, 12, 5, 23, 0, 0, 0, time.UTC), []item{started}},
		{time.Date(2026, 12, 6, 2, 0, 0, 0, time.UTC), []item{completed, started}},
	} {
		for _, format := range []string{"rss", "atom", "json"} {
			f, _ := s.Feed("en", "", tc.now)
			b, err := encoders[format](s, f, "en", "")
			if err != nil {
				t.Fatal(err)
			}
			parsedFeed, err := gofeed.NewParser().Parse(bytes.NewReader(b))
			if err != nil {
				t.Fatalf("%s: %v", format, err)
			}
			got := slices.DeleteFunc(items(parsedFeed), func(it item) bool { return it.ID != started.ID && it.ID != completed.ID })
			if diff := cmp.Diff(tc.want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("%s at %s: clock items (-want +got):\n%s", format, tc.now, diff)
			}
		}
	}
}
