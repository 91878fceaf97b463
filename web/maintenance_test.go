package web

import (
	"testing"

	"statuspress/internal/locale"
)

// TestOverviewMaintenanceAtTop: a maintenance at the top says where its window stands in relative
// words next to the window itself, and a banner note says what the banner's state outranks.
func TestOverviewMaintenanceAtTop(t *testing.T) {
	ctx, l := sampleContext(t, "en")
	p := sampleOverview(l)
	c := dbCard(l)
	c.When = "starts in 3 hours"
	p.InProgress, p.Upcoming = []IncidentCard{c}, nil
	p.BannerNote = l.T(locale.StateMaintenance)
	doc, _ := render(t, ctx, "overview-maintenance-en", Overview(p))
	when := doc.Find(`.facts dd [data-testid="when"]`)
	if got := trimSpace(when.Text()); got != "(starts in 3 hours)" {
		t.Errorf("when %q, want (starts in 3 hours)", got)
	}
	if got := trimSpace(when.Parent().Text()); got != c.Window+" (starts in 3 hours)" {
		t.Errorf("window and when %q", got)
	}
	if got := trimSpace(doc.Find(`.banner [data-testid="banner-note"]`).Text()); got != "Scheduled maintenance in progress" {
		t.Errorf("banner note %q", got)
	}
	if doc.Find(`[data-testid="banner-note"]`).Length() != 1 {
		t.Errorf("banner notes: %d, want 1", doc.Find(`[data-testid="banner-note"]`).Length())
	}
	// Without a note or a relative time, neither is there.
	p = sampleOverview(l)
	doc, _ = render(t, ctx, "overview-en", Overview(p))
	if n := doc.Find(`[data-testid="when"], [data-testid="banner-note"]`).Length(); n != 0 {
		t.Errorf("%d relative times or banner notes on the sample overview, want 0", n)
	}
}

// TestTimelineAutomatic: an entry of the clock shows its words in place of a body, marked so.
func TestTimelineAutomatic(t *testing.T) {
	ctx, l := sampleContext(t, "en")
	p := ongoingIncident(l)
	p.Timeline = append([]UpdateView{{
		ID:        "started-20261205t210000z",
		Status:    Status{Key: "in_progress", Label: "In progress"},
		At:        Time{Text: "December 5, 2026, 21:00 UTC", ISO: "2026-12-05T21:00:00Z"},
		Automatic: "Started as scheduled",
	}}, p.Timeline...)
	doc, _ := render(t, ctx, "incident-automatic-en", Incident(p))
	auto := doc.Find(`#started-20261205t210000z [data-testid="automatic"]`)
	if got := trimSpace(auto.Text()); got != "Started as scheduled" {
		t.Errorf("automatic entry %q", got)
	}
	if n := doc.Find(`.timeline [data-testid="automatic"]`).Length(); n != 1 {
		t.Errorf("%d automatic entries, want 1", n)
	}
}
