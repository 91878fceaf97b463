package statusapi_test

import (
	"crypto/sha256"
	"encoding/base32"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"statuspress/internal/incident"
	"statuspress/internal/status"
	"statuspress/internal/statusapi"
)

// TestID pins the documented id rule, so ids never change by accident: they are feed readers' and
// API clients' keys.
func TestID(t *testing.T) {
	rule := func(kind, key string) string {
		sum := sha256.Sum256([]byte(kind + ":" + key))
		return strings.ToLower(base32.StdEncoding.EncodeToString(sum[:]))[:12]
	}
	for _, tc := range []struct{ kind, key string }{
		{statusapi.KindPage, baseURL},
		{statusapi.KindGroup, "apis"},
		{statusapi.KindComponent, "rest-api"},
		{statusapi.KindIncident, "rest-api-errors"},
		{statusapi.KindUpdate, "rest-api-errors/20261123T114500Z"},
	} {
		got := statusapi.ID(tc.kind, tc.key)
		if want := rule(tc.kind, tc.key); got != want {
			t.Errorf("ID(%q, %q) = %q, want %q", tc.kind, tc.key, got, want)
		}
		if len(got) != 12 || strings.Trim(got, "abcdefghijklmnopqrstuvwxyz234567") != "" {
			t.Errorf("ID(%q, %q) = %q: not 12 lowercase base32 characters", tc.kind, tc.key, got)
		}
	}
	// A group and a component may share an id in site.yaml; their API ids differ.
	if statusapi.ID(statusapi.KindGroup, "x") == statusapi.ID(statusapi.KindComponent, "x") {
		t.Error("a group and a component with the same site id get the same API id")
	}
	// Pinned values: changing them breaks every client that stored an id.
	for key, want := range map[string]string{"rest-api-errors": "bgda7jhq62nf", "database-upgrade-december": "ox6w66263dp5"} {
		if got := statusapi.ID(statusapi.KindIncident, key); got != want {
			t.Errorf("incident id of %s = %q, want %q", key, got, want)
		}
	}
}

// TestStableAcrossLoads loads the content twice, as two restarts or two replicas would, and
// expects the same answers, ids included; and checks that no two things share an id.
func TestStableAcrossLoads(t *testing.T) {
	for _, ep := range endpoints {
		a, _ := json.Marshal(ep.build(view(t, load(t), "en", clock)))
		b, _ := json.Marshal(ep.build(view(t, load(t), "en", clock)))
		if diff := cmp.Diff(string(a), string(b)); diff != "" {
			t.Errorf("%s differs between two loads (-first +second):\n%s", ep.path, diff)
		}
	}
	v := view(t, load(t), "en", clock)
	seen := map[string]string{}
	claim := func(id, what string) {
		if other, ok := seen[id]; ok && other != what {
			t.Errorf("id %s is both %s and %s", id, other, what)
		}
		seen[id] = what
	}
	claim(v.Page().ID, "the page")
	for _, c := range v.Components() {
		claim(c.ID, "component "+c.Name)
	}
	for _, in := range v.Incidents() {
		claim(in.ID, "incident "+in.Name)
		for _, u := range in.IncidentUpdates {
			claim(u.ID, "update "+u.CreatedAt+" of "+in.Name)
		}
	}
	for _, m := range v.Maintenances() {
		claim(m.ID, "maintenance "+m.Name)
		for _, u := range m.IncidentUpdates {
			claim(u.ID, "update "+u.CreatedAt+" of "+m.Name)
		}
	}
}

func names(ins []statusapi.Incident) []string {
	var out []string
	for _, in := range ins {
		out = append(out, in.ID)
	}
	return out
}

func maintenanceIDs(ms []statusapi.ScheduledMaintenance) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.ID)
	}
	return out
}

func incidentID(slug string) string { return statusapi.ID(statusapi.KindIncident, slug) }

// TestLists pins which incidents and maintenances each endpoint lists at several instants, and in
// what order.
func TestLists(t *testing.T) {
	cat := load(t)
	for _, tc := range []struct {
		name                                      string
		now                                       time.Time
		indicator                                 string
		unresolved, incidents                     []string
		maintenances, upcoming, active, inSummary []string
	}{
		{
			name:       "fixed clock",
			now:        clock,
			indicator:  "minor",
			unresolved: []string{"rest-api-errors"},
			incidents: []string{"rest-api-errors", "tracking-statistics-delayed", "soap-api-storing",
				"mobile-sdk-400-errors", "webhook-delays"},
			maintenances: []string{"database-upgrade-december", "mail-server-upgrade-september"},
			upcoming:     []string{"database-upgrade-december"},
			inSummary:    []string{"database-upgrade-december"},
		},
		{
			name:         "mail server maintenance running",
			now:          clocks["mail-upgrade-running"],
			indicator:    "maintenance",
			incidents:    []string{"mobile-sdk-400-errors", "webhook-delays"},
			maintenances: []string{"mail-server-upgrade-september"},
			active:       []string{"mail-server-upgrade-september"},
			inSummary:    []string{"mail-server-upgrade-september"},
		},
		{
			name:         "SOAP outage",
			now:          clocks["soap-outage"],
			indicator:    "major",
			unresolved:   []string{"soap-api-storing"},
			incidents:    []string{"soap-api-storing", "mobile-sdk-400-errors", "webhook-delays"},
			maintenances: []string{"mail-server-upgrade-september"},
		},
		{
			name:       "database maintenance running during the REST API incident",
			now:        clocks["db-upgrade-running"],
			indicator:  "minor",
			unresolved: []string{"rest-api-errors"},
			incidents: []string{"rest-api-errors", "tracking-statistics-delayed", "soap-api-storing",
				"mobile-sdk-400-errors", "webhook-delays"},
			maintenances: []string{"database-upgrade-december", "mail-server-upgrade-september"},
			active:       []string{"database-upgrade-december"},
			inSummary:    []string{"database-upgrade-december"},
		},
		{name: "before any content", now: clocks["before-everything"], indicator: "none"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := view(t, cat, "en", tc.now)
			ids := func(slugs []string) []string {
				var out []string
				for _, s := range slugs {
					out = append(out, incidentID(s))
				}
				return out
			}
			check := func(what string, got, want []string) {
				t.Helper()
				if diff := cmp.Diff(ids(want), got); diff != "" {
					t.Errorf("%s (-want +got):\n%s", what, diff)
				}
			}
			if got := v.Status().Indicator; got != tc.indicator {
				t.Errorf("indicator %q, want %q", got, tc.indicator)
			}
			check("unresolved.json", names(v.Unresolved()), tc.unresolved)
			check("incidents.json", names(v.Incidents()), tc.incidents)
			check("scheduled-maintenances.json", maintenanceIDs(v.Maintenances()), tc.maintenances)
			check("upcoming.json", maintenanceIDs(v.Upcoming()), tc.upcoming)
			check("active.json", maintenanceIDs(v.Active()), tc.active)
			s := v.Summary()
			check("summary incidents", names(s.Incidents), tc.unresolved)
			check("summary scheduled_maintenances", maintenanceIDs(s.ScheduledMaintenances), tc.inSummary)
		})
	}
}

// TestNoticesLeftOut: the notice in the sample content (api-fehlerbenachrichtigung) is published
// at the fixed clock but appears in no list, since Statuspage has nothing like it.
func TestNoticesLeftOut(t *testing.T) {
	v := view(t, load(t), "en", clock)
	id := incidentID("api-fehlerbenachrichtigung")
	for _, ep := range endpoints {
		body, _ := json.Marshal(ep.build(v))
		if strings.Contains(string(body), id) {
			t.Errorf("%s lists the notice", ep.path)
		}
	}
}

// TestMaintenanceTimeline follows the September mail server maintenance through its window: its
// status, times and the component changes its updates record.
func TestMaintenanceTimeline(t *testing.T) {
	cat := load(t)
	v := view(t, cat, "en", clock)
	ms := v.Maintenances()
	i := slices.IndexFunc(ms, func(m statusapi.ScheduledMaintenance) bool {
		return m.ID == incidentID("mail-server-upgrade-september")
	})
	if i < 0 {
		t.Fatal("the September maintenance is missing from scheduled-maintenances.json")
	}
	m := ms[i]
	str := func(p *string) string {
		if p == nil {
			return "null"
		}
		return *p
	}
	got := map[string]string{
		"status": m.Status, "impact": m.Impact, "scheduled_for": m.ScheduledFor, "scheduled_until": m.ScheduledUntil,
		"started_at": m.StartedAt, "created_at": m.CreatedAt, "monitoring_at": str(m.MonitoringAt), "resolved_at": str(m.ResolvedAt),
	}
	want := map[string]string{
		"status": "completed", "impact": "maintenance",
		"scheduled_for": "2026-09-12T20:00:00.000Z", "scheduled_until": "2026-09-12T22:00:00.000Z",
		"started_at": "2026-09-12T20:00:00.000Z", "created_at": "2026-09-02T09:00:00.000Z",
		"monitoring_at": "2026-09-12T21:10:00.000Z", "resolved_at": "2026-09-12T21:35:00.000Z",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("maintenance fields (-want +got):\n%s", diff)
	}
	var changes []string
	for _, u := range m.IncidentUpdates {
		line := u.Status
		for _, a := range u.AffectedComponents {
			line += fmt.Sprintf(" %s: %s -> %s", a.Name, a.OldStatus, a.NewStatus)
		}
		changes = append(changes, line)
	}
	wantChanges := []string{
		"completed Sending - Mail delivery: under_maintenance -> operational",
		"verifying",
		"in_progress Sending - Mail delivery: operational -> under_maintenance",
		"scheduled",
	}
	if diff := cmp.Diff(wantChanges, changes); diff != "" {
		t.Errorf("updates, newest first, with their component changes (-want +got):\n%s", diff)
	}

	// While it runs, mail delivery is under maintenance and the page says so.
	v = view(t, cat, "en", clocks["mail-upgrade-running"])
	if name, st, ok := v.ComponentStatus("mail-delivery"); !ok || st != incident.UnderMaintenance {
		t.Errorf("mail delivery during its maintenance: %q %q %v, want under_maintenance", name, st, ok)
	}
	if got := v.Indicator(); got != status.IndicatorMaintenance {
		t.Errorf("indicator during the maintenance %q, want maintenance", got)
	}
}

// TestLimit: incidents.json and scheduled-maintenances.json list the 50 most recent only, newest
// first.
func TestLimit(t *testing.T) {
	cat := load(t)
	base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	cat.Incidents = nil
	for i := range 120 {
		slug := fmt.Sprintf("synthetic-%03d", i)
		start := base.Add(time.Duration(i) * 24 * time.Hour)
		in := &incident.Incident{
			Slug: slug, Kind: incident.KindIncident, Lang: "en", Impact: incident.ImpactMinor,
			Started: start, Resolved: start.Add(time.Hour),
			Texts: map[string]*incident.Text{"en": {Lang: "en", Title: slug}},
		}
		if i%2 == 1 {
			in.Kind, in.Impact = incident.KindMaintenance, ""
			in.Scheduled = incident.Window{Start: start, End: start.Add(time.Hour)}
		}
		cat.Incidents = append(cat.Incidents, in)
	}
	v := view(t, cat, "en", base.AddDate(1, 0, 0))
	got := v.Incidents()
	if len(got) != statusapi.Limit {
		t.Fatalf("incidents.json lists %d incidents, want %d", len(got), statusapi.Limit)
	}
	if want := incidentID("synthetic-118"); got[0].ID != want {
		t.Errorf("incidents.json starts with %s, want the newest, synthetic-118", got[0].Name)
	}
	if want := incidentID("synthetic-020"); got[len(got)-1].ID != want {
		t.Errorf("incidents.json ends with %s, want synthetic-020", got[len(got)-1].Name)
	}
	ms := v.Maintenances()
	if len(ms) != statusapi.Limit {
		t.Fatalf("scheduled-maintenances.json lists %d maintenances, want %d", len(ms), statusapi.Limit)
	}
	if want := incidentID("synthetic-119"); ms[0].ID != want {
		t.Errorf("scheduled-maintenances.json starts with %s, want the newest, synthetic-119", ms[0].Name)
	}
}
