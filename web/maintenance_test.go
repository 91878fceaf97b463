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
