package site_test

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/nicksnyder/go-i18n/v2/i18n"

	"statuspress/internal/locale"
	"statuspress/internal/site"
	"statuspress/web"
)

// TestOverviewBanner: the overall state before, during and after an incident, in both
// languages of testdata/small. api-outage (major impact) lasted from 10:00 to 12:00 UTC on
// 10 November 2026.
func TestOverviewBanner(t *testing.T) {
	s := small(t, site.Options{})
	for _, tc := range []struct {
		name    string
		now     time.Time
		key     string
		msg     *i18n.Message
		ongoing []string
		recent  []string
	}{
		{"before", at("2026-11-10T09:00:00Z"), "none", locale.StateOperational, nil, []string{"sftp-failures", "halloween", "october", "september"}},
		{"at the start", at("2026-11-10T10:00:00Z"), "major", locale.StateMajor, []string{"api-outage"}, []string{"sftp-failures", "halloween", "october", "september"}},
		{"during", at("2026-11-10T11:00:00Z"), "major", locale.StateMajor, []string{"api-outage"}, []string{"sftp-failures", "halloween", "october", "september"}},
		{"at the end", at("2026-11-10T12:00:00Z"), "none", locale.StateOperational, nil, []string{"api-outage", "sftp-failures", "halloween", "october", "september"}},
		{"after", at("2026-11-10T13:00:00Z"), "none", locale.StateOperational, nil, []string{"api-outage", "sftp-failures", "halloween", "october", "september"}},
	} {
		for _, lang := range []string{"en", "nl"} {
			l := s.Localizer(lang)
			p := s.Overview(lang, tc.now)
			if want := (web.Status{Key: tc.key, Label: l.T(tc.msg)}); p.Banner != want {
				t.Errorf("%s, %s: banner %+v, want %+v", tc.name, lang, p.Banner, want)
			}
			if diff := cmp.Diff(tc.ongoing, slugs(p.Ongoing)); diff != "" {
				t.Errorf("%s, %s: ongoing (-want +got):\n%s", tc.name, lang, diff)
			}
			if diff := cmp.Diff(tc.recent, slugs(p.Recent)); diff != "" {
				t.Errorf("%s, %s: recent (-want +got):\n%s", tc.name, lang, diff)
			}
			if p.Lang != lang || p.Description != p.Banner.Label {
				t.Errorf("%s, %s: lang %q, description %q", tc.name, lang, p.Lang, p.Description)
			}
		}
	}
}

// TestNotFoundState: the not-found page tells the overall state as the overview's banner does,
// before, during and after an incident and during a maintenance; the server's error page does
// not (it may be there because the state could not be worked out).
func TestNotFoundState(t *testing.T) {
	for _, tc := range []struct {
		dir string
		now time.Time
		key string
	}{
		{"testdata/small", at("2026-11-10T09:00:00Z"), "none"},
		{"testdata/small", at("2026-11-10T11:00:00Z"), "major"},
		{"testdata/small", at("2026-11-10T13:00:00Z"), "none"},
		{"../../incidents", at("2026-11-23T12:00:00Z"), "minor"},
		{"../../incidents", at("2026-12-05T21:30:00Z"), "minor"},
	} {
		s := build(t, tc.dir, site.Options{})
		for _, lang := range []string{"en", "nl"} {
			p := s.ErrorPage(lang, 404, "/"+lang+"/nope/", tc.now)
			banner := s.Overview(lang, tc.now).Banner
			if p.State != banner || p.State.Key != tc.key {
				t.Errorf("%s at %v, %s: not-found state %+v, overview banner %+v, want key %q", tc.dir, tc.now, lang, p.State, banner, tc.key)
			}
			if e := s.ErrorPage(lang, 500, "/"+lang+"/", tc.now); e.State != (web.Status{}) {
				t.Errorf("%s at %v, %s: the server's error page shows state %+v", tc.dir, tc.now, lang, e.State)
			}
		}
	}
}

// TestNotFoundStateAfterEdit: the not-found page's state, which a snapshot works out once per
// change of the site, follows an edit that changes the state but no instant (the outage's impact).
func TestNotFoundStateAfterEdit(t *testing.T) {
	dir, ld, first := editable(t, at("2026-11-23T12:00:00Z"))
	during := at("2026-11-10T11:00:00Z")
	if got := first.ErrorPage("en", 404, "/en/nope/", during).State.Key; got != "major" {
		t.Fatalf("during the outage: %q, want major", got)
	}
	p := filepath.Join(dir, "2026", "api-outage.md")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, bytes.Replace(b, []byte("impact: major"), []byte("impact: minor"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	next := site.Update(first, ld.Load(), at("2026-11-23T12:01:00Z"))
	if got := next.ErrorPage("en", 404, "/en/nope/", during).State.Key; got != "minor" {
		t.Errorf("after the impact became minor: %q, want minor", got)
	}
	if got := first.ErrorPage("en", 404, "/en/nope/", during).State.Key; got != "major" {
		t.Errorf("the first snapshot changed: %q, want major", got)
	}
}

// TestOverviewSample: the sample content before and during the REST API incident of
// 23 November 2026 (07:40 UTC, still going on), and during the maintenance of 5 December, which
// takes down the web app and the REST API (still degraded by the incident, which wins).
func TestOverviewSample(t *testing.T) {
	s := build(t, "../../incidents", site.Options{})
	for _, tc := range []struct {
		name                          string
		now                           time.Time
		key                           string
		ongoing, inProgress, upcoming []string
		restAPI, webApp               string
	}{
		{"before", at("2026-11-23T07:00:00Z"), "none", nil, nil, []string{"database-upgrade-december"}, "operational", "operational"},
		{"during", at("2026-11-23T12:00:00Z"), "minor", []string{"rest-api-errors"}, nil, []string{"database-upgrade-december"}, "degraded_performance", "operational"},
		{"partial outage", at("2026-11-23T09:00:00Z"), "minor", []string{"rest-api-errors"}, nil, []string{"database-upgrade-december"}, "partial_outage", "operational"},
		{"a day and a minute before the maintenance", at("2026-12-04T20:59:00Z"), "minor", []string{"rest-api-errors"}, nil, []string{"database-upgrade-december"}, "degraded_performance", "operational"},
		{"a day before the maintenance", at("2026-12-04T21:00:00Z"), "minor", []string{"rest-api-errors"}, []string{"database-upgrade-december"}, nil, "degraded_performance", "operational"},
		{"maintenance", at("2026-12-05T21:30:00Z"), "minor", []string{"rest-api-errors"}, []string{"database-upgrade-december"}, nil, "degraded_performance", "under_maintenance"},
	} {
		for _, lang := range []string{"en", "nl", "fr", "de"} {
			p := s.Overview(lang, tc.now)
			if p.Banner.Key != tc.key {
				t.Errorf("%s, %s: banner %q, want %q", tc.name, lang, p.Banner.Key, tc.key)
			}
			got := [][]string{slugs(p.Ongoing), slugs(p.InProgress), slugs(p.Upcoming)}
			if diff := cmp.Diff([][]string{tc.ongoing, tc.inProgress, tc.upcoming}, got); diff != "" {
				t.Errorf("%s, %s: ongoing, in progress, upcoming (-want +got):\n%s", tc.name, lang, diff)
			}
			for id, want := range map[string]string{"rest-api": tc.restAPI, "web-app": tc.webApp} {
				if row, ok := findRow(p, id); !ok || row.Status.Key != want {
					t.Errorf("%s, %s: %s %+v, want %s", tc.name, lang, id, row.Status, want)
				}
			}
			// The SFTP import is hidden unless degraded, and nothing in the sample affects it.
			if _, ok := findRow(p, "file-import"); ok {
				t.Errorf("%s, %s: file-import shown while operational", tc.name, lang)
			}
		}
	}
}

// TestHiddenUnlessDegraded: sftp (hidden_unless_degraded, uptime: false) shows only while an
// incident affects it, and then without uptime bars; sftp-failures lasted from 08:00 to 09:00
// UTC on 5 November 2026.
func TestHiddenUnlessDegraded(t *testing.T) {
	s := small(t, site.Options{UptimeDays: 30})
	for _, tc := range []struct {
		now    time.Time
		shown  bool
		status string
	}{
		{at("2026-11-05T07:59:00Z"), false, ""},
		{at("2026-11-05T08:30:00Z"), true, "partial_outage"},
		{at("2026-11-05T09:30:00Z"), false, ""},
	} {
		for _, lang := range []string{"en", "nl"} {
			p := s.Overview(lang, tc.now)
			row, ok := findRow(p, "sftp")
			if ok != tc.shown {
				t.Errorf("%s, %s: sftp shown %v, want %v", tc.now.Format(time.RFC3339), lang, ok, tc.shown)
				continue
			}
			if !ok {
				continue
			}
			if row.Status.Key != tc.status {
				t.Errorf("%s, %s: sftp status %q, want %q", tc.now.Format(time.RFC3339), lang, row.Status.Key, tc.status)
			}
			if row.Uptime != nil {
				t.Errorf("%s, %s: sftp shows uptime bars though its uptime is off", tc.now.Format(time.RFC3339), lang)
			}
			if g := p.Groups[0]; g.Status.Key != tc.status {
				t.Errorf("%s, %s: group %q status %q, want %q", tc.now.Format(time.RFC3339), lang, g.Name, g.Status.Key, tc.status)
			}
		}
	}
}

// TestUptimeStrips: every component with uptime shows a strip of UptimeDays bars, cut at
// midnight in the page's zone; a component with uptime off shows none, on the overview and on
// its own page. The overview's strips are compact, the component page's detailed.
func TestUptimeStrips(t *testing.T) {
	s := small(t, site.Options{UptimeDays: 30})
	now := at("2026-11-05T08:30:00Z")
	for _, lang := range []string{"en", "nl"} {
		l := s.Localizer(lang)
		p := s.Overview(lang, now)
		if p.UptimeDays != 30 {
			t.Errorf("%s: UptimeDays %d, want 30", lang, p.UptimeDays)
		}
		var names []string
		for _, g := range p.Groups {
			names = append(names, g.Name)
		}
		// The ungrouped app comes last, under a heading of its own.
		if want := []string{map[string]string{"en": "APIs", "nl": "API's"}[lang], l.T(locale.HeadingOtherComponents)}; !slices.Equal(names, want) {
			t.Errorf("%s: groups %q, want %q", lang, names, want)
		}
		for _, id := range []string{"api", "app"} {
			row, ok := findRow(p, id)
			if !ok || row.Uptime == nil {
				t.Errorf("%s: %s has no uptime strip", lang, id)
				continue
			}
			days := row.Uptime.Days
			if len(days) != 30 {
				t.Errorf("%s: %s has %d bars, want 30", lang, id, len(days))
				continue
			}
			if first, last := days[0].ISO, days[29].ISO; first != "2026-10-07" || last != "2026-11-05" {
				t.Errorf("%s: %s bars from %s to %s, want 2026-10-07 to 2026-11-05", lang, id, first, last)
			}
			if row.Uptime.To != l.T(locale.LabelToday) {
				t.Errorf("%s: %s strip ends %q, want %q", lang, id, row.Uptime.To, l.T(locale.LabelToday))
			}
		}
		for _, id := range []string{"api", "app", "sftp"} {
			c, ok := s.ComponentPage(lang, id, 1, now)
			if !ok {
				t.Fatalf("%s: no page for %s", lang, id)
			}
			if got, want := c.Uptime != nil, id != "sftp"; got != want {
				t.Errorf("%s: %s page shows uptime %v, want %v", lang, id, got, want)
			}
		}
	}
	// The overview's strips have words for today and for the days that were not calm, the same as
	// the component page's for those days, and link no incident; the component page has words for
	// every day and links each day's incidents. halloween, at 23:30 UTC on 31 October, lies on
	// 31 October in UTC and on 1 November in Amsterdam.
	for lang, hit := range map[string]string{"en": "2026-10-31", "nl": "2026-11-01"} {
		row, _ := findRow(s.Overview(lang, now), "app")
		page, _ := s.ComponentPage(lang, "app", 1, now)
		if len(page.Uptime.Days) != len(row.Uptime.Days) {
			t.Fatalf("%s: %d days on the component page, %d on the overview", lang, len(page.Uptime.Days), len(row.Uptime.Days))
		}
		var worded, linked []string
		for i, d := range row.Uptime.Days {
			full := page.Uptime.Days[i]
			if full.Label == "" {
				t.Errorf("%s: the component page's day %s has no words", lang, full.ISO)
			}
			for _, in := range full.Incidents {
				if in.URL == site.IncidentPath(lang, "halloween") {
					linked = append(linked, full.ISO)
				}
			}
			if len(d.Incidents) > 0 {
				t.Errorf("%s: the overview's day %s links %v", lang, d.ISO, d.Incidents)
			}
			if d.Label != "" {
				worded = append(worded, d.ISO)
				if d.Label != full.Label {
					t.Errorf("%s: the overview's day %s reads %q, the component page's %q", lang, d.ISO, d.Label, full.Label)
				}
			}
			if d.ISO != full.ISO || d.Level != full.Level {
				t.Errorf("%s: the overview's day %d is %s %s, the component page's %s %s", lang, i, d.ISO, d.Level, full.ISO, full.Level)
			}
		}
		if want := []string{hit, "2026-11-05"}; !slices.Equal(worded, want) {
			t.Errorf("%s: the overview's app strip has words for %q, want %q (halloween's day and today)", lang, worded, want)
		}
		if !slices.Equal(linked, []string{hit}) {
			t.Errorf("%s: halloween on the component page's bars of %q, want %s", lang, linked, hit)
		}
	}
}

func slugs(cs []web.IncidentCard) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Slug)
	}
	return out
}

func findRow(p web.OverviewPage, id string) (web.ComponentRow, bool) {
	for _, g := range p.Groups {
		for _, r := range g.Components {
			if r.ID == id {
				return r, true
			}
		}
	}
	return web.ComponentRow{}, false
}

// TestComponentGroups: the ungrouped components get a heading of their own below the named
// groups, and a group starts unfolded when something in it is not operational. api-outage took
// the API (group APIs) down from 10:00 to 12:00 UTC on 10 November 2026; halloween degraded the
// ungrouped app from 23:30 to 23:50 UTC on 31 October.
func TestComponentGroups(t *testing.T) {
	s := small(t, site.Options{})
	type group struct {
		Name, Status string
		Open         bool
		Components   []string
	}
	for _, tc := range []struct {
		name string
		now  time.Time
		want []group
	}{
		{"calm", at("2026-11-10T09:00:00Z"), []group{
			{"APIs", "operational", false, []string{"api"}},
			{"Other components", "operational", false, []string{"app"}},
		}},
		{"API down", at("2026-11-10T11:00:00Z"), []group{
			{"APIs", "major_outage", true, []string{"api"}},
			{"Other components", "operational", false, []string{"app"}},
		}},
		{"app degraded", at("2026-10-31T23:40:00Z"), []group{
			{"APIs", "operational", false, []string{"api"}},
			{"Other components", "degraded_performance", true, []string{"app"}},
		}},
	} {
		var got []group
		for _, g := range s.Overview("en", tc.now).Groups {
			gg := group{Name: g.Name, Status: g.Status.Key, Open: g.Open}
			for _, c := range g.Components {
				gg.Components = append(gg.Components, c.ID)
			}
			got = append(got, gg)
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tc.name, diff)
		}
	}
	if got := s.Overview("nl", at("2026-11-10T09:00:00Z")).Groups[1].Name; got != "Overige onderdelen" {
		t.Errorf("nl: ungrouped heading %q", got)
	}
}

// TestComponentsWithoutGroups: on a site without groups the components need no heading of
// their own: they are all there is.
func TestComponentsWithoutGroups(t *testing.T) {
	dir, ld, _ := editable(t, at("2026-11-23T12:00:00Z"))
	yaml, err := os.ReadFile(filepath.Join(dir, "site.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	yaml = bytes.ReplaceAll(yaml, []byte("    group: apis\n"), nil)
	if err := os.WriteFile(filepath.Join(dir, "site.yaml"), yaml, 0o644); err != nil {
		t.Fatal(err)
	}
	cat, err := catalog()
	if err != nil {
		t.Fatal(err)
	}
	c := ld.Load()
	if c.Problems.Errors() > 0 {
		t.Fatal(c.Problems)
	}
	s := site.Build(os.DirFS(dir), c, cat, site.Options{}, at("2026-11-23T12:00:00Z"))
	gs := s.Overview("en", at("2026-11-23T12:00:00Z")).Groups
	if len(gs) != 1 || gs[0].Name != "" || len(gs[0].Components) != 2 {
		t.Errorf("groups %+v, want one without a name holding api and app", gs)
	}
}

// TestOverviewMaintenanceAtTop: the sample's database upgrade (5 December 2026, 21:00 to 24:00
// UTC) moves above the components within the lead time, with where its window stands in
// relative words; while it runs, the banner, whose state the ongoing REST API incident sets, says
// that a maintenance is in progress too.
func TestOverviewMaintenanceAtTop(t *testing.T) {
	s := build(t, "../../incidents", site.Options{})
	for _, tc := range []struct {
		now        time.Time
		lang, when string
		note       string
	}{
		{at("2026-12-05T18:00:00Z"), "en", "starts in 3 hours", ""},
		{at("2026-12-05T18:00:00Z"), "nl", "begint over 3 uur", ""},
		{at("2026-12-05T18:00:00Z"), "fr", "commence dans 3 heures", ""},
		{at("2026-12-05T18:00:00Z"), "de", "beginnt in 3 Stunden", ""},
		{at("2026-12-05T20:00:00Z"), "en", "starts in 1 hour", ""},
		{at("2026-12-05T20:00:00Z"), "de", "beginnt in 1 Stunde", ""},
		{at("2026-12-04T22:00:00Z"), "en", "starts in 23 hours", ""},
		{at("2026-12-05T20:59:30Z"), "fr", "commence dans un instant", ""},
		{at("2026-12-05T21:30:00Z"), "en", "in progress, until 00:00 UTC", "Scheduled maintenance in progress"},
		{at("2026-12-05T21:30:00Z"), "nl", "bezig tot 01:00 CET", "Gepland onderhoud wordt uitgevoerd"},
	} {
		p := s.Overview(tc.lang, tc.now)
		if len(p.InProgress) != 1 {
			t.Fatalf("%s, %s: %d maintenances at the top, want 1", tc.now, tc.lang, len(p.InProgress))
		}
		if got := p.InProgress[0].When; got != tc.when {
			t.Errorf("%s, %s: when %q, want %q", tc.now, tc.lang, got, tc.when)
		}
		if p.BannerNote != tc.note {
			t.Errorf("%s, %s: banner note %q, want %q", tc.now, tc.lang, p.BannerNote, tc.note)
		}
	}
}

// A phone shows a strip's last 30 days, so the strip carries their figure too, and each figure
// names its period: a red day that fell off the phone's bars must not pull down the figure beside
// them.
func TestUptimeFigures(t *testing.T) {
	s := small(t, site.Options{})
	// The API's outages (2 hours of major, 1 of partial outage) are 35 and 61 days back: in the
	// 90 days, not in the 30.
	now := at("2026-12-15T08:30:00Z")
	for lang, want := range map[string][2]string{
		"en": {"99.89% uptime over 90 days", "100% uptime over 30 days"},
		"nl": {"99,89% beschikbaar over 90 dagen", "100% beschikbaar over 30 dagen"},
	} {
		row, ok := findRow(s.Overview(lang, now), "api")
		if !ok || row.Uptime == nil {
			t.Fatalf("%s: app has no strip", lang)
		}
		if got := [2]string{row.Uptime.Figure, row.Uptime.FigureShort}; got != want {
			t.Errorf("%s: figures %q, want %q", lang, got, want)
		}
	}
	// A strip no longer than a phone's has one figure.
	row, _ := findRow(small(t, site.Options{UptimeDays: 30}).Overview("en", now), "api")
	if row.Uptime.FigureShort != "" {
		t.Errorf("30-day strip: short figure %q, want none", row.Uptime.FigureShort)
	}
}
