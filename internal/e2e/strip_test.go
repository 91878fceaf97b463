package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-rod/rod"
	"github.com/go-rod/rod/lib/input"
	"github.com/go-rod/rod/lib/proto"

	"statuspress/internal/testsupport"
)

// stripDay is a day of an uptime strip as a person meets it.
type stripDay struct {
	Class  string `json:"class"`
	Hidden bool   `json:"hidden"` // aria-hidden
	Tip    string `json:"tip"`    // the words of its tip, "" when it has none
	Links  int    `json:"links"`
	// Shown: the tip is laid out in view (not the 1px visually hidden box), below the strip.
	Shown bool `json:"shown"`
	// Covers: the tip, laid out, overlaps the component's name or status above the strip.
	Covers  bool `json:"covers"`
	Focused bool `json:"focused"`
}

// stripDaysJS reads the days of the strip it is called on.
const stripDaysJS = `function () {
	const row = this.closest('li.component');
	const head = (row ? row.querySelector('.component__head') : document.querySelector('.component-page__head')).getBoundingClientRect();
	const strip = this.getBoundingClientRect();
	return Array.from(this.children).map((li) => {
		const tip = li.querySelector('.day__tip');
		const r = tip ? tip.getBoundingClientRect() : null;
		const laidOut = !!r && r.width > 40 && r.height > 10;
		return {
			class: li.className,
			hidden: li.getAttribute('aria-hidden') === 'true',
			tip: tip ? tip.textContent.trim().replace(/\s+/g, ' ') : '',
			links: li.querySelectorAll('a').length,
			shown: laidOut && r.top >= strip.bottom - 1,
			covers: laidOut && r.left < head.right && r.right > head.left && r.top < head.bottom && r.bottom > head.top,
			focused: document.activeElement === li,
		};
	});
}`

// TestUptimeStripsInBrowser checks the uptime strips as a person meets them, in Chromium with
// JavaScript, in every language at the desktop viewport. On the overview, a strip is one list
// for a screen reader that holds only today and the days something happened on (the calm days
// are hidden from it); the arrow keys enter it at today, whose words show below the strip,
// never over the component's name and status;
// Escape leaves the days; hovering an incident's day shows its words, without links. On a
// component's page every one of the 90 days is in the list, and hovering the incident's day
// shows a link to it. Screenshots of the shown tips go to testoutput/e2e/<lang>-strip-*.png.
func TestUptimeStripsInBrowser(t *testing.T) {
	testsupport.Slow(t)
	if testing.Short() {
		t.Skip("browser test: skipped with -short")
	}
	e := setUp(t)
	for _, lang := range languages {
		t.Run(lang+"/overview", func(t *testing.T) {
			r := e.open(t, e.base, pageCase{lang: lang, page: pageTypes[0], vp: desktop})
			// SOAP API, the first component: the outage of 6 October (2 days in UTC, 1 in the
			// Dutch, French and German zones), a calm rest, and today.
			strip := mustElement(t, r.page, "li.component ol.uptime__days")
			days := readStrip(t, strip)
			if len(days) != 90 {
				t.Fatalf("%d days in the SOAP API strip, want 90", len(days))
			}
			worded := 0
			for i, d := range days {
				calm := strings.Contains(d.Class, "t-ok") && i < len(days)-1
				switch {
				case d.Links > 0:
					t.Errorf("day %d links %d incidents: the overview leaves them to the component page", i, d.Links)
				case calm && (!d.Hidden || d.Tip != ""):
					t.Errorf("calm day %d: aria-hidden %v, words %q; want hidden and wordless", i, d.Hidden, d.Tip)
				case !calm && (d.Hidden || d.Tip == ""):
					t.Errorf("day %d (%s): aria-hidden %v, words %q; want words", i, d.Class, d.Hidden, d.Tip)
				}
				if !d.Hidden {
					worded++
				}
			}
			if worded < 2 || worded > 3 {
				t.Errorf("%d days of the SOAP API strip have words, want the outage's and today", worded)
			}
			if n := listItems(t, r.page, strip); n != worded {
				t.Errorf("a screen reader finds %d items in the strip's list, want %d", n, worded)
			}

			// Keyboard: from the list, the strip's one tab stop, an arrow key enters the days at
			// today, whose words show.
			if err := strip.Focus(); err != nil {
				t.Fatal(err)
			}
			if err := r.page.Keyboard.Type(input.ArrowLeft); err != nil {
				t.Fatal(err)
			}
			days = readStrip(t, strip)
			if today := days[len(days)-1]; !today.Focused || !today.Shown {
				t.Errorf("after an arrow key on the strip, today has focus %v and shows its words %v, want both: %+v", today.Focused, today.Shown, today)
			}
			shoot(t, e, strip, lang+"-strip-overview-today")

			// The next arrow key skips the calm days, which have no words, to the outage's day.
			if err := r.page.Keyboard.Type(input.ArrowLeft); err != nil {
				t.Fatal(err)
			}
			for i, d := range readStrip(t, strip) {
				if d.Focused && (d.Hidden || d.Tip == "" || !d.Shown) {
					t.Errorf("a second arrow key moved to day %d, which has no words: %+v", i, d)
				}
			}

			// Escape leaves the days for the list; then the pointer on the outage's red day shows
			// its words.
			if err := r.page.Keyboard.Type(input.Escape); err != nil {
				t.Fatal(err)
			}
			outage, err := strip.Element("li.t-major")
			if err != nil {
				t.Fatal(err)
			}
			if err := outage.Hover(); err != nil {
				t.Fatal(err)
			}
			shown := 0
			for _, d := range readStrip(t, strip) {
				if d.Shown {
					shown++
					if !strings.Contains(d.Class, "t-major") || d.Tip == "" {
						t.Errorf("hovering the outage shows the words of another day: %+v", d)
					}
				}
			}
			if shown == 0 {
				t.Errorf("hovering the outage's day shows no words")
			}
			shoot(t, e, strip, lang+"-strip-overview-hover")
			for _, p := range r.eventProblems() {
				t.Error(p)
			}
		})
		t.Run(lang+"/component", func(t *testing.T) {
			r := e.open(t, e.base, pageCase{lang: lang, page: pageTypeNamed(t, "component-rest-api"), vp: desktop})
			strip := mustElement(t, r.page, "ol.uptime__days")
			days := readStrip(t, strip)
			for i, d := range days {
				if d.Hidden || d.Tip == "" {
					t.Errorf("day %d of the component page: aria-hidden %v, words %q; want words for every day", i, d.Hidden, d.Tip)
				}
			}
			if n := listItems(t, r.page, strip); n != len(days) || n != 90 {
				t.Errorf("a screen reader finds %d items in the strip's list of %d days, want 90", n, len(days))
			}
			// Today is the REST API incident's day: its words link the incident.
			today, err := strip.Element("li:last-child")
			if err != nil {
				t.Fatal(err)
			}
			if err := today.Hover(); err != nil {
				t.Fatal(err)
			}
			days = readStrip(t, strip)
			if d := days[len(days)-1]; !d.Shown || d.Links != 1 {
				t.Errorf("hovering today shows words %v with %d links, want words and the incident's link: %+v", d.Shown, d.Links, d)
			}
			shoot(t, e, strip, lang+"-strip-component-hover")
			for _, p := range r.eventProblems() {
				t.Error(p)
			}
		})
	}
	e.checkServerLog(t)
}

func pageTypeNamed(t *testing.T, name string) pageType {
	t.Helper()
	for _, p := range pageTypes {
		if p.name == name {
			return p
		}
	}
	t.Fatalf("no page type %s", name)
	return pageType{}
}

func mustElement(t *testing.T, p *rod.Page, selector string) *rod.Element {
	t.Helper()
	el, err := p.Element(selector)
	if err != nil {
		t.Fatalf("%s: %v", selector, err)
	}
	return el
}

// readStrip reads the days of a strip, and fails the test for every day whose shown words cover
// the component's name or status.
func readStrip(t *testing.T, strip *rod.Element) []stripDay {
	t.Helper()
	res, err := strip.Eval(stripDaysJS)
	if err != nil {
		t.Fatalf("read the strip: %v", err)
	}
	var days []stripDay
	if err := res.Value.Unmarshal(&days); err != nil {
		t.Fatalf("read the strip: %v", err)
	}
	for i, d := range days {
		if d.Covers {
			t.Errorf("the words of day %d cover the component's name or status: %+v", i, d)
		}
	}
	return days
}

// listItems counts the list items of the strip in Chromium's accessibility tree, leaving out
// the ones it ignores (aria-hidden).
func listItems(t *testing.T, p *rod.Page, strip *rod.Element) int {
	t.Helper()
	res, err := proto.AccessibilityQueryAXTree{ObjectID: strip.Object.ObjectID, Role: "listitem"}.Call(p)
	if err != nil {
		t.Fatalf("Accessibility.queryAXTree: %v", err)
	}
	n := 0
	for _, node := range res.Nodes {
		if !node.Ignored {
			n++
		}
	}
	return n
}

// axName is el's accessible name as Chromium computes it for assistive technology.
func axName(t *testing.T, p *rod.Page, el *rod.Element) string {
	t.Helper()
	res, err := proto.AccessibilityGetPartialAXTree{ObjectID: el.Object.ObjectID}.Call(p)
	if err != nil {
		t.Fatalf("Accessibility.getPartialAXTree: %v", err)
	}
	if len(res.Nodes) == 0 || res.Nodes[0].Name == nil {
		return ""
	}
	return strings.Join(strings.Fields(res.Nodes[0].Name.Value.Str()), " ")
}

// shoot writes a screenshot of the strip with the 4rem above it (the component's name and
// status) and the 6rem below it, where a day's words show, to testoutput/e2e/<name>.png.
func shoot(t *testing.T, e *env, strip *rod.Element, name string) {
	t.Helper()
	// The clip is in the document's coordinates, not the viewport's.
	res, err := strip.Eval(`function () {
		const r = this.getBoundingClientRect();
		return {x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height};
	}`)
	var b struct{ X, Y, Width, Height float64 }
	if err == nil {
		err = res.Value.Unmarshal(&b)
	}
	if err != nil {
		t.Errorf("screenshot %s: %v", name, err)
		return
	}
	png, err := strip.Page().Screenshot(false, &proto.PageCaptureScreenshot{
		Format: proto.PageCaptureScreenshotFormatPng,
		Clip:   &proto.PageViewport{X: b.X - 8, Y: b.Y - 64, Width: b.Width + 16, Height: b.Height + 160, Scale: 1},
	})
	if err != nil {
		t.Errorf("screenshot %s: %v", name, err)
		return
	}
	if err := os.WriteFile(filepath.Join(e.shots, name+".png"), png, 0o644); err != nil {
		t.Error(fmt.Errorf("screenshot %s: %w", name, err))
	}
}

// TestUptimeFigureInBrowser: the figure under a strip is the one of the bars shown, and says
// their period: the 90 days' at the desktop viewport, the last 30 days' on a phone, which shows
// only those bars. The stylesheet picks between the two, with no JavaScript. A screen reader
// hears the same: the strip's list is named, as Chromium computes the name, by the summary of
// the days shown.
func TestUptimeFigureInBrowser(t *testing.T) {
	testsupport.Slow(t)
	if testing.Short() {
		t.Skip("browser test: skipped with -short")
	}
	e := setUp(t)
	for _, tc := range []struct {
		vp   viewport
		bars int
		want string
	}{
		{desktop, 90, "uptime over 90 days"},
		{phone, 30, "uptime over 30 days"},
	} {
		reads := fmt.Sprintf("%d-day uptime: ", tc.bars)
		t.Run(tc.vp.name, func(t *testing.T) {
			r := e.open(t, e.base, pageCase{lang: "en", page: pageTypes[0], vp: tc.vp, noJS: true})
			got, err := r.page.Eval(`() => {
				const c = document.querySelector("li.component");
				const shown = el => getComputedStyle(el).display !== "none";
				return {
					bars: [...c.querySelectorAll(".uptime__days > .day")].filter(shown).length,
					figures: [...c.querySelectorAll(".uptime__axis > span")].filter(el => shown(el) && el.textContent.includes("%")).map(el => el.textContent),
				};
			}`)
			if err != nil {
				t.Fatal(err)
			}
			bars := got.Value.Get("bars").Int()
			figures := got.Value.Get("figures").Arr()
			if bars != tc.bars || len(figures) != 1 || !strings.HasSuffix(figures[0].Str(), tc.want) {
				t.Errorf("%d bars shown with figures %v; want %d bars and one figure ending %q", bars, figures, tc.bars, tc.want)
			}
			name := axName(t, r.page, mustElement(t, r.page, "li.component ol.uptime__days"))
			percent := strings.TrimSuffix(figures[0].Str(), " "+tc.want)
			if name != reads+percent {
				t.Errorf("a screen reader reads the strip as %q, want %q", name, reads+percent)
			}
		})
	}
}
