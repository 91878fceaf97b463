package server_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	ical "github.com/emersion/go-ical"
	"github.com/google/go-cmp/cmp"

	"statuspress/internal/locale"
	"statuspress/internal/testsupport/feedcheck"
)

// afterDecember is two weeks after the sample's December database maintenance, whose 21:00–24:00
// UTC window on 5 December passed without a completed update: it ended by its window.
var afterDecember = time.Date(2026, 12, 20, 12, 0, 0, 0, time.UTC)

const december = "database-upgrade-december"

// cardFacts are the facts (dt -> dd, times by their datetime) of the card or page section that
// links or is the incident slug: the article whose title links it, or the page's own facts.
func cardFacts(t *testing.T, doc *goquery.Document, slug string) map[string]string {
	t.Helper()
	facts := doc.Find(`main article.incident > dl.facts`).First()
	if facts.Length() == 0 {
		card := doc.Find(`article.card`).FilterFunction(func(_ int, s *goquery.Selection) bool {
			href, _ := s.Find(`.card__title a`).Attr("href")
			return strings.HasSuffix(href, "/incidents/"+slug+"/")
		})
		if card.Length() != 1 {
			t.Fatalf("%d cards link %s, want 1", card.Length(), slug)
		}
		facts = card.Find(`dl.facts`)
	}
	if facts.Length() == 0 {
		t.Fatalf("no facts for %s", slug)
	}
	out := map[string]string{}
	facts.Find(`div`).Each(func(_ int, d *goquery.Selection) {
		dd := d.Find("dd")
		v := strings.Join(strings.Fields(dd.Text()), " ")
		if iso, ok := dd.Find("time").Attr("datetime"); ok {
			v = iso
		}
		out[strings.TrimSpace(d.Find("dt").Text())] = v
	})
	return out
}

// TestMaintenanceEndedByItsWindow: a maintenance whose window passed without a completed update
// has ended, at the end of its window, in every output: not "Resolved: Ongoing" with a duration
// that keeps growing.
func TestMaintenanceEndedByItsWindow(t *testing.T) {
	s := newServer(t, afterDecember)
	l := localeCatalog(t).Localizer("en", nil)
	wantFacts := map[string]string{
		l.T(locale.UpdateScheduled): "December 5, 2026, 21:00 UTC – December 6, 2026, 00:00 UTC",
		l.T(locale.LabelStarted):    "2026-12-05T21:00:00Z",
		l.T(locale.LabelResolved):   "2026-12-06T00:00:00Z",
		l.T(locale.LabelDuration):   l.Duration(3 * time.Hour),
	}
	for _, page := range []string{
		"/en/incidents/" + december + "/",
		"/en/history/",
		"/en/components/web-app/",
	} {
		t.Run(page, func(t *testing.T) {
			doc := parse(t, get(t, s, page).Body.Bytes())
			got := cardFacts(t, doc, december)
			delete(got, l.T(locale.HeadingAffectedComponents))
			if diff := cmp.Diff(wantFacts, got); diff != "" {
				t.Errorf("facts (-want +got):\n%s", diff)
			}
		})
	}

	t.Run("component page", func(t *testing.T) {
		doc := parse(t, get(t, s, "/en/components/web-app/").Body.Bytes())
		want := l.T(locale.LabelStatus) + ": " + l.ComponentStatus("operational")
		if got := strings.TrimSpace(doc.Find(`main header .badges .status__label`).Text()); got != want {
			t.Errorf("web app status %q, want %q", got, want)
		}
		// Days after the window are calm in the uptime strip.
		day := doc.Find(`.uptime__days li`).FilterFunction(func(_ int, s *goquery.Selection) bool {
			return strings.Contains(s.Text(), "December 7, 2026")
		})
		if day.Length() != 1 || strings.Contains(day.Text(), l.ComponentStatus("under_maintenance")) {
			t.Errorf("December 7 in the uptime strip: %q", day.Text())
		}
	})

	t.Run("overview", func(t *testing.T) {
		doc := parse(t, get(t, s, "/en/").Body.Bytes())
		if n := doc.Find(`a[href$="/incidents/` + december + `/"]`).Length(); n != 0 {
			t.Errorf("the overview links the ended maintenance %d times", n)
		}
	})

	t.Run("API", func(t *testing.T) {
		var got struct {
			ScheduledMaintenances []struct {
				Name       string  `json:"name"`
				Status     string  `json:"status"`
				ResolvedAt *string `json:"resolved_at"`
			} `json:"scheduled_maintenances"`
		}
		for _, path := range []string{"active", "upcoming"} {
			if err := json.Unmarshal(get(t, s, "/api/v2/scheduled-maintenances/"+path+".json").Body.Bytes(), &got); err != nil {
				t.Fatal(err)
			}
			if len(got.ScheduledMaintenances) != 0 {
				t.Errorf("%s.json lists %d maintenances, want none", path, len(got.ScheduledMaintenances))
			}
		}
		if err := json.Unmarshal(get(t, s, "/api/v2/scheduled-maintenances.json").Body.Bytes(), &got); err != nil {
			t.Fatal(err)
		}
		m := got.ScheduledMaintenances[0]
		if m.Status != "completed" || m.ResolvedAt == nil || *m.ResolvedAt != "2026-12-06T00:00:00.000Z" {
			t.Errorf("API: status %q, resolved_at %v; want completed at 2026-12-06T00:00:00.000Z", m.Status, m.ResolvedAt)
		}
	})

	t.Run("feed", func(t *testing.T) {
		var got struct {
			Items []struct {
				ID            string `json:"id"`
				Title         string `json:"title"`
				ContentHTML   string `json:"content_html"`
				DatePublished string `json:"date_published"`
			} `json:"items"`
		}
		if err := json.Unmarshal(get(t, s, "/en/feed.json").Body.Bytes(), &got); err != nil {
			t.Fatal(err)
		}
		// Newest first: the end of the window is the latest news.
		end := got.Items[0]
		completed := l.UpdateStatus("completed")
		if end.Title != "["+completed+"] Database upgrade for the web app and REST API" || end.DatePublished != "2026-12-06T00:00:00Z" ||
			end.ContentHTML != "<p>"+completed+"</p>" || !strings.HasSuffix(end.ID, ":maintenance-ended:"+december+"/20261206T000000Z") {
			t.Errorf("latest feed item %+v, want the maintenance completed at the end of its window", end)
		}
	})

	t.Run("calendar", func(t *testing.T) {
		rec := get(t, s, "/en/maintenance.ics")
		cal := feedcheck.ReadCalendar(t, rec.Body.Bytes())
		for _, e := range cal.Events() {
			if uid, _ := e.Props.Text(ical.PropUID); !strings.HasPrefix(uid, december+"@") {
				continue
			}
			got := map[string]string{}
			for _, p := range []string{ical.PropDateTimeEnd, ical.PropDateTimeStamp, ical.PropStatus} {
				got[p] = e.Props.Get(p).Value
			}
			want := map[string]string{
				ical.PropDateTimeEnd:   "20261206T000000Z",
				ical.PropDateTimeStamp: "20261206T000000Z",
				ical.PropStatus:        "CONFIRMED",
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("calendar event (-want +got):\n%s", diff)
			}
			return
		}
		t.Errorf("no calendar event for %s", december)
	})

	if code := get(t, s, "/en/").Code; code != http.StatusOK {
		t.Errorf("overview: %d", code)
	}
}
