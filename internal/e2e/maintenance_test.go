package e2e

import (
	"testing"

	"github.com/go-rod/rod"
	"github.com/go-rod/rod/lib/proto"
	"github.com/google/go-cmp/cmp"

	"statuspress/internal/testsupport"
)

// maintenanceNow is an hour into the sample's database upgrade (5 December 2026, 21:00 to 24:00
// UTC), while the REST API incident still goes on.
const maintenanceNow = "2026-12-05T22:00:00Z"

// overviewLayout is what the overview shows of a running maintenance and of its component groups.
type overviewLayout struct {
	Headings    []string `json:"headings"` // the sections' h2, in order
	BannerNote  string   `json:"bannerNote"`
	NoteMargin  float64  `json:"noteMargin"`  // the note's top margin, px
	Maintenance string   `json:"maintenance"` // the title of the first card under "Maintenance"
	CardTop     float64  `json:"cardTop"`     // its top, px from the top of the page
	When        string   `json:"when"`
	WhenDisplay string   `json:"whenDisplay"`
	WhenWeight  string   `json:"whenWeight"`
	// WhenBeside: the window begins on its term's line, not on a line below it.
	WhenBeside bool    `json:"whenBeside"`
	Groups     []group `json:"groups"`
}

// group is a component group as the reader sees it: open or not, and how many of its
// components are laid out.
type group struct {
	Name  string `json:"name"`
	Open  bool   `json:"open"`
	Shown int    `json:"shown"`
	All   int    `json:"all"`
}

const overviewLayoutJS = `() => {
	const text = el => el ? el.textContent.trim().replace(/\s+/g, " ") : "";
	const h2s = [...document.querySelectorAll("main .section > h2")];
	const maint = h2s.find(h => h.textContent.trim() === "Maintenance");
	const card = maint ? maint.parentElement.querySelector("article.card") : null;
	const when = card ? card.querySelector(".when") : null;
	const note = document.querySelector(".banner__note");
	return {
		headings: h2s.map(text),
		bannerNote: text(note),
		noteMargin: note ? parseFloat(getComputedStyle(note).marginTop) : -1,
		maintenance: card ? text(card.querySelector(".card__title")) : "",
		cardTop: card ? card.getBoundingClientRect().top + scrollY : -1,
		when: text(when),
		whenDisplay: when ? getComputedStyle(when).display : "",
		whenWeight: when ? getComputedStyle(when).fontWeight : "",
		whenBeside: when ? Math.abs(when.closest("dd").getBoundingClientRect().top - when.closest("div").querySelector("dt").getBoundingClientRect().top) < 2 : false,
		groups: [...document.querySelectorAll("details.group")].map(d => {
			const rows = [...d.querySelectorAll("li.component")];
			return {
				name: text(d.querySelector("summary h3")),
				open: d.open,
				shown: rows.filter(li => li.checkVisibility({contentVisibilityAuto: true, visibilityProperty: true})).length,
				all: rows.length,
			};
		}),
	};
}`

// TestMaintenanceAndGroupsInBrowser: an hour into the sample's database upgrade, the overview,
// loaded with JavaScript disabled, shows the maintenance above the components, within the first
// screen on a desktop, with where its window stands in bold and the banner noting it; a
// component group with something not operational in it is open, an all-operational one is
// folded and opens on a click of its summary. axe finds nothing on the page, with JavaScript.
func TestMaintenanceAndGroupsInBrowser(t *testing.T) {
	testsupport.Slow(t)
	if testing.Short() {
		t.Skip("browser test: skipped with -short")
	}
	e := setUpAt(t, maintenanceNow)
	overview := pageTypes[0]
	wantHeadings := []string{"Ongoing incidents", "Maintenance", "Components", "Recent notices", "Past incidents"}
	const title = "Database upgrade for the web app and REST API"
	for _, vp := range []viewport{desktop, phone} {
		t.Run(vp.name, func(t *testing.T) {
			r := e.open(t, e.base, pageCase{lang: "en", page: overview, vp: vp, noJS: true})
			read := func() overviewLayout {
				t.Helper()
				res, err := r.page.Eval(overviewLayoutJS)
				if err != nil {
					t.Fatal(err)
				}
				var l overviewLayout
				if err := res.Value.Unmarshal(&l); err != nil {
					t.Fatal(err)
				}
				return l
			}
			l := read()
			if diff := cmp.Diff(wantHeadings, l.Headings); diff != "" {
				t.Errorf("sections (-want +got):\n%s", diff)
			}
			if l.Maintenance != title || l.When != "(in progress, until 00:00 UTC)" {
				t.Errorf("maintenance card %q saying %q; want %q saying %q", l.Maintenance, l.When, title, "(in progress, until 00:00 UTC)")
			}
			if vp == desktop && (l.CardTop < 0 || l.CardTop > float64(vp.height)) {
				t.Errorf("the maintenance card begins %.0f px down, want it within the first screen (%d px)", l.CardTop, vp.height)
			}
			if vp == desktop && !l.WhenBeside {
				t.Errorf("the maintenance's window begins on a line below its term; want it beside the term on a desktop")
			}
			if l.WhenDisplay != "inline-block" || l.WhenWeight != "600" {
				t.Errorf("where the window stands: display %s, weight %s; want inline-block (it wraps as a whole) and 600", l.WhenDisplay, l.WhenWeight)
			}
			if l.BannerNote != "Scheduled maintenance in progress" || l.NoteMargin < 0 || l.NoteMargin > 8 {
				t.Errorf("banner note %q with a top margin of %.0f px; want %q close under the headline", l.BannerNote, l.NoteMargin, "Scheduled maintenance in progress")
			}
			want := []group{
				{"APIs and integrations", true, 3, 3},
				{"Sending", false, 0, 2},
				{"Applications", true, 2, 2},
			}
			if diff := cmp.Diff(want, l.Groups); diff != "" {
				t.Fatalf("groups (-want +got):\n%s", diff)
			}

			clickCentre(t, r, mustElement(t, r.page, "details.group:not([open]) > summary"))
			want[1] = group{"Sending", true, 2, 2}
			if diff := cmp.Diff(want, read().Groups); diff != "" {
				t.Errorf("groups after a click on Sending's summary (-want +got):\n%s", diff)
			}
			if err := r.screenshot(e.shots); err != nil {
				t.Error(err)
			}
			for _, p := range r.eventProblems() {
				t.Error(p)
			}
		})
		t.Run(vp.name+"/axe", func(t *testing.T) {
			r := e.open(t, e.base, pageCase{lang: "en", page: overview, vp: vp})
			serious, lesser, err := r.axeProblems(e.axe)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range append(serious, lesser...) {
				t.Error(p)
			}
		})
	}
}

// clickCentre clicks the middle of el with the mouse, through DevTools' input events alone: rod's
// Click waits on script in the page, which a page without JavaScript never runs.
func clickCentre(t *testing.T, r *pageRun, el *rod.Element) {
	t.Helper()
	if err := (proto.DOMScrollIntoViewIfNeeded{ObjectID: el.Object.ObjectID}).Call(r.page); err != nil {
		t.Fatalf("scroll into view: %v", err)
	}
	quads, err := proto.DOMGetContentQuads{ObjectID: el.Object.ObjectID}.Call(r.page)
	if err != nil || len(quads.Quads) == 0 || len(quads.Quads[0]) < 8 {
		t.Fatalf("where the element is: %v (%d quads)", err, len(quads.Quads))
	}
	q := quads.Quads[0]
	x, y := (q[0]+q[2]+q[4]+q[6])/4, (q[1]+q[3]+q[5]+q[7])/4
	for _, typ := range []proto.InputDispatchMouseEventType{proto.InputDispatchMouseEventTypeMousePressed, proto.InputDispatchMouseEventTypeMouseReleased} {
		ev := proto.InputDispatchMouseEvent{Type: typ, X: x, Y: y, Button: proto.InputMouseButtonLeft, ClickCount: 1}
		if err := ev.Call(r.page); err != nil {
			t.Fatalf("click at %.0f, %.0f: %v", x, y, err)
		}
	}
}
