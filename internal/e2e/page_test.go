package e2e

import (
	"fmt"
	"maps"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/go-rod/rod"
	"github.com/go-rod/rod/lib/proto"
)

// pageRun is one page in its own tab, with everything it reported while loading.
type pageRun struct {
	c      pageCase
	url    string
	page   *rod.Page
	events *collector
}

// open opens a tab, sets its viewport, its colour scheme and whether it runs scripts, and loads
// base + the case's path in it. The tab is closed when the test ends.
func (e *env) open(t *testing.T, base string, c pageCase) *pageRun {
	t.Helper()
	u := base + c.path()
	tab, err := e.browser.Page(proto.TargetCreateTarget{URL: "about:blank"})
	if err != nil {
		t.Fatalf("open a tab: %v", err)
	}
	t.Cleanup(func() { tab.Close() })
	p := tab.Timeout(pageTimeout)

	col := newCollector(base, u, c.page.status)
	listen, stop := p.WithCancel()
	t.Cleanup(stop)
	wait := listen.EachEvent(
		col.consoleAPICalled, col.exceptionThrown, col.logEntryAdded,
		col.requestWillBeSent, col.responseReceived, col.responseReceivedExtraInfo, col.loadingFailed,
		col.lifecycleEvent,
	)
	go wait()

	must := func(what string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	must("set the viewport", proto.EmulationSetDeviceMetricsOverride{
		Width: c.vp.width, Height: c.vp.height, DeviceScaleFactor: 1, Mobile: c.vp.mobile,
	}.Call(p))
	must("emulate touch", proto.EmulationSetTouchEmulationEnabled{Enabled: c.vp.mobile}.Call(p))
	scheme := "light"
	if c.dark {
		scheme = "dark"
	}
	must("emulate prefers-color-scheme", proto.EmulationSetEmulatedMedia{
		Features: []*proto.EmulationMediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
	}.Call(p))
	if c.noJS {
		must("disable JavaScript", proto.EmulationSetScriptExecutionDisabled{Value: true}.Call(p))
	}
	must("enable lifecycle events", proto.PageSetLifecycleEventsEnabled{Enabled: true}.Call(p))

	// Page.navigate, not rod's helpers: they wait by running script in the page, which the
	// no-JavaScript case cannot.
	nav, err := proto.PageNavigate{URL: u}.Call(p)
	must("navigate to "+u, err)
	if nav.ErrorText != "" {
		t.Fatalf("navigate to %s: %s", u, nav.ErrorText)
	}
	for !col.isLoaded(nav.LoaderID) {
		select {
		case <-p.GetContext().Done():
			t.Fatalf("%s: no load event within %v", u, pageTimeout)
		case <-time.After(10 * time.Millisecond):
		}
	}
	return &pageRun{c: c, url: u, page: p, events: col}
}

// path is the case's URL path: the page type's, with the language put in for its %s. A path
// without a %s (a page of the test's own, not of the site) is taken as it is.
func (c pageCase) path() string {
	if !strings.Contains(c.page.path, "%s") {
		return c.page.path
	}
	return fmt.Sprintf(c.page.path, c.lang)
}

// checkPage is every check on one page with JavaScript on.
func (e *env) checkPage(t *testing.T, c pageCase) {
	start := time.Now()
	r := e.open(t, e.base, c)
	t.Logf("%s: %s", r.url, c.page.about)
	loaded := time.Now()
	problems, err := r.layoutProblems()
	if err != nil {
		t.Fatal(err)
	}
	measured := time.Now()
	serious, lesser, err := r.axeProblems(e.axe)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range lesser {
		t.Log(p)
	}
	problems = append(problems, serious...)
	checked := time.Now()
	if err := r.screenshot(e.shots); err != nil {
		t.Error(err)
	}
	problems = append(problems, r.eventProblems()...)
	for _, p := range problems {
		t.Error(p)
	}
	ms := func(a, b time.Time) int64 { return b.Sub(a).Milliseconds() }
	t.Logf("took %d ms: load %d, measure %d, axe %d, screenshot %d", ms(start, time.Now()),
		ms(start, loaded), ms(loaded, measured), ms(measured, checked), ms(checked, time.Now()))
}

// layout is what the page says about itself once loaded.
type layout struct {
	Lang         string   `json:"lang"`
	Title        string   `json:"title"`
	ScrollWidth  float64  `json:"scrollWidth"`
	ClientWidth  float64  `json:"clientWidth"`
	InnerWidth   float64  `json:"innerWidth"`
	Dark         bool     `json:"dark"`
	Strips       int      `json:"strips"`
	Enhanced     int      `json:"enhanced"`
	BrokenImages []string `json:"brokenImages"`
	Overflowing  []struct {
		Path  string  `json:"path"`
		Left  float64 `json:"left"`
		Right float64 `json:"right"`
		Text  string  `json:"text"`
	} `json:"overflowing"`
	// SmallTargets are the footer's links and, on a phone, the uptime days, that are smaller
	// than 24 x 24 px (WCAG 2.2's target size).
	SmallTargets []struct {
		Path   string  `json:"path"`
		Width  float64 `json:"width"`
		Height float64 `json:"height"`
		Text   string  `json:"text"`
	} `json:"smallTargets"`
	// DotLineStarts are the texts around each separator dot that begins a line.
	DotLineStarts []string `json:"dotLineStarts"`
	// LangRows is how many rows the language links take; HeaderRows how many rows the title,
	// the navigation and the language links take.
	LangRows   int `json:"langRows"`
	HeaderRows int `json:"headerRows"`
	// FooterGap is how far the footer's bottom is above the viewport's on a page shorter than
	// the viewport.
	FooterGap float64 `json:"footerGap"`
	// Icons maps each tone class (t-ok, t-major, ...) of a status on the page to the icons it
	// was drawn with.
	Icons map[string][]string `json:"icons"`
	// State is the current state a not-found page shows, and where it links.
	State struct {
		Label string `json:"label"`
		Tone  string `json:"tone"`
		Href  string `json:"href"`
	} `json:"state"`
}

// layoutJS measures the page. When the page is wider than its viewport it names the outermost
// elements that stick out (leaving out those inside a box that scrolls or clips them).
const layoutJS = `async () => {
	await document.fonts.ready;
	const de = document.documentElement;
	const cw = de.clientWidth;
	const path = (el) => {
		const parts = [];
		for (let e = el; e && e.nodeType === 1 && e !== document.body && parts.length < 4; e = e.parentElement) {
			let s = e.localName;
			if (e.id) { parts.unshift(s + '#' + e.id); break; }
			if (e.classList.length) s += '.' + Array.from(e.classList).join('.');
			parts.unshift(s);
		}
		return parts.join(' > ');
	};
	const clipped = (el) => {
		for (let e = el.parentElement; e && e !== document.body; e = e.parentElement) {
			if (getComputedStyle(e).overflowX !== 'visible') return true;
		}
		return false;
	};
	const sticksOut = (el) => {
		const r = el.getBoundingClientRect();
		return r.width > 0 && r.height > 0 && (r.right > cw + 0.5 || r.left < -0.5) && !clipped(el);
	};
	const overflowing = [];
	if (de.scrollWidth > cw) {
		for (const el of document.body.querySelectorAll('*')) {
			if (!sticksOut(el) || (el.parentElement !== document.body && sticksOut(el.parentElement))) continue;
			const r = el.getBoundingClientRect();
			overflowing.push({path: path(el), left: r.left, right: r.right, text: (el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 80)});
			if (overflowing.length >= 8) break;
		}
	}
	const rect = (el) => el.getBoundingClientRect();
	const smallTargets = [];
	const targets = Array.from(document.querySelectorAll('.site-footer a'));
	if (matchMedia('(max-width: 40em)').matches) targets.push(...document.querySelectorAll('ol.uptime__days > li'));
	for (const el of targets) {
		const r = rect(el);
		if (r.width === 0 && r.height === 0) continue; // not shown
		if (r.width < 24 || r.height < 24) {
			smallTargets.push({path: path(el), width: r.width, height: r.height, text: (el.textContent || '').trim().slice(0, 40)});
		}
	}
	// A separator dot begins a line when the last visible character before it is on an
	// earlier line.
	const dotLineStarts = [];
	const texts = [];
	const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
	for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n);
	const charRect = (n, i) => {
		const rg = document.createRange();
		rg.setStart(n, i);
		rg.setEnd(n, i + 1);
		const rs = rg.getClientRects();
		return rs.length ? rs[0] : null;
	};
	texts.forEach((n, ni) => {
		for (let i = n.data.indexOf('·'); i >= 0; i = n.data.indexOf('·', i + 1)) {
			const dot = charRect(n, i);
			if (!dot || dot.width === 0) continue;
			let prev = null;
			for (let mi = ni, j = i - 1; mi >= 0 && !prev; mi--, j = mi >= 0 ? texts[mi].data.length - 1 : -1) {
				for (; j >= 0 && !prev; j--) {
					if (/\s/.test(texts[mi].data[j])) continue;
					const r = charRect(texts[mi], j);
					if (r && r.width > 0) prev = r;
				}
			}
			if (prev && prev.bottom <= dot.top + 1) {
				const around = n.parentElement.closest('p, li, dd, h1, h2, h3') || n.parentElement;
				dotLineStarts.push((around.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 80));
			}
		}
	});
	// Elements whose middles lie within 8px of each other share a row.
	const rows = (els) => {
		const ms = Array.from(els).map((el) => rect(el).top + rect(el).height / 2).sort((a, b) => a - b);
		return ms.filter((m, i) => i === 0 || m - ms[i - 1] > 8).length;
	};
	const footer = document.querySelector('.site-footer');
	const icons = {};
	for (const st of document.querySelectorAll('.status')) {
		const tone = Array.from(st.classList).find((c) => c.startsWith('t-'));
		const svg = st.querySelector('svg');
		if (!tone || !svg) continue;
		const shape = svg.innerHTML.replace(/\s+/g, ' ').trim();
		icons[tone] = icons[tone] || [];
		if (!icons[tone].includes(shape)) icons[tone].push(shape);
	}
	const stateEl = document.querySelector('[data-testid="current-state"]');
	const stateStatus = stateEl && stateEl.querySelector('.status');
	const stateLink = stateEl && stateEl.querySelector('a[href]');
	return {
		smallTargets,
		dotLineStarts,
		langRows: rows(document.querySelectorAll('.lang-switch li')),
		headerRows: rows(document.querySelectorAll('.site-title, .site-nav, .lang-switch')),
		footerGap: footer && de.scrollHeight <= innerHeight ? innerHeight - rect(footer).bottom : 0,
		icons,
		state: {
			label: stateStatus ? stateStatus.textContent.trim() : '',
			tone: stateStatus ? (Array.from(stateStatus.classList).find((c) => c.startsWith('t-')) || '') : '',
			href: stateLink ? stateLink.getAttribute('href') : '',
		},
		lang: de.lang,
		title: document.title,
		scrollWidth: de.scrollWidth,
		clientWidth: cw,
		innerWidth: window.innerWidth,
		dark: matchMedia('(prefers-color-scheme: dark)').matches,
		strips: document.querySelectorAll('ol.uptime__days > li').length,
		enhanced: document.querySelectorAll('ol.uptime__days > li[tabindex]').length,
		brokenImages: Array.from(document.images).filter((i) => !i.complete || i.naturalWidth === 0).map((i) => i.currentSrc || i.src),
		overflowing,
	};
}`

// layoutProblems checks the page's language, title, width (no horizontal scrolling), colour
// scheme, images, and that app.js ran where there are uptime strips; the size of the footer's
// links and (on a phone) of the uptime days as tap targets; that no line begins with a separator
// dot; that the header keeps to one row on the desktop and the language links to one row
// everywhere; that the footer reaches the bottom of a short page; that every status tone has
// its own icon; and that a not-found page tells the current state and links to the overview.
func (r *pageRun) layoutProblems() ([]string, error) {
	res, err := r.page.Eval(layoutJS)
	if err != nil {
		return nil, fmt.Errorf("measure the page: %w", err)
	}
	var l layout
	if err := res.Value.Unmarshal(&l); err != nil {
		return nil, fmt.Errorf("measure the page: %w", err)
	}
	var ps []string
	if l.Lang != r.c.lang {
		ps = append(ps, fmt.Sprintf(`<html lang=%q>, want %q`, l.Lang, r.c.lang))
	}
	if strings.TrimSpace(l.Title) == "" {
		ps = append(ps, "the page has no <title>")
	}
	if r.c.vp.mobile && l.ClientWidth != float64(r.c.vp.width) {
		ps = append(ps, fmt.Sprintf("the layout viewport is %vpx wide, want %dpx (is <meta name=viewport> missing?)", l.ClientWidth, r.c.vp.width))
	}
	if l.ScrollWidth > l.ClientWidth || l.ScrollWidth > l.InnerWidth {
		var b strings.Builder
		fmt.Fprintf(&b, "horizontal overflow at %dpx: document.documentElement.scrollWidth is %v, the viewport %vpx (innerWidth %v); sticking out:",
			r.c.vp.width, l.ScrollWidth, l.ClientWidth, l.InnerWidth)
		for _, o := range l.Overflowing {
			fmt.Fprintf(&b, "\n\t%s (from x=%.0f to x=%.0f): %q", o.Path, o.Left, o.Right, o.Text)
		}
		ps = append(ps, b.String())
	}
	if l.Dark != r.c.dark {
		ps = append(ps, fmt.Sprintf("prefers-color-scheme: dark matches: %v, want %v", l.Dark, r.c.dark))
	}
	if l.Strips > 0 && l.Enhanced == 0 {
		ps = append(ps, fmt.Sprintf("the page has %d days in uptime strips but none has a tabindex: did app.js run?", l.Strips))
	}
	for _, src := range l.BrokenImages {
		ps = append(ps, "image not loaded: "+src)
	}
	for _, s := range l.SmallTargets {
		ps = append(ps, fmt.Sprintf("tap target %s (%q) is %.0f x %.0f px, want at least 24 x 24", s.Path, s.Text, s.Width, s.Height))
	}
	for _, s := range l.DotLineStarts {
		ps = append(ps, fmt.Sprintf("a line begins with a separator dot in %q", s))
	}
	if l.LangRows > 1 {
		ps = append(ps, fmt.Sprintf("the language links take %d rows, want 1", l.LangRows))
	}
	// On the desktop the title, the navigation and the language links fit one row in every
	// language, so none may push the language links onto a second.
	if !r.c.vp.mobile && l.HeaderRows > 1 {
		ps = append(ps, fmt.Sprintf("the header takes %d rows at %dpx, want 1", l.HeaderRows, r.c.vp.width))
	}
	if l.FooterGap > 1 {
		ps = append(ps, fmt.Sprintf("the footer ends %.0fpx above the bottom of the viewport", l.FooterGap))
	}
	ps = append(ps, iconProblems(l.Icons)...)
	if r.c.page.status == http.StatusNotFound {
		home := "/" + r.c.lang + "/"
		if l.State.Label == "" || l.State.Tone == "" || l.State.Href != home {
			ps = append(ps, fmt.Sprintf("the not-found page shows the current state %+v, want a status in words and a link to %s", l.State, home))
		}
	}
	return ps, nil
}

// iconProblems checks that every status tone on a page is drawn with one icon and that no two
// tones share one, so that a level is told by its shape as well as by its colour.
func iconProblems(icons map[string][]string) []string {
	var ps []string
	by := map[string]string{}
	for _, tone := range slices.Sorted(maps.Keys(icons)) {
		shapes := icons[tone]
		if len(shapes) > 1 {
			ps = append(ps, fmt.Sprintf("status tone %s is drawn with %d different icons, want 1", tone, len(shapes)))
		}
		for _, s := range shapes {
			if other, ok := by[s]; ok {
				ps = append(ps, fmt.Sprintf("status tones %s and %s are drawn with the same icon: %s", other, tone, shorten(s, 120)))
			}
			by[s] = tone
		}
	}
	return ps
}

// axeJS runs axe-core on the whole document with the WCAG 2.0, 2.1 and 2.2 A and AA rules
// (2.2's AA adds the target size of 24 x 24 px).
const axeJS = `async () => {
	const r = await axe.run(document, {
		runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']},
		resultTypes: ['violations'],
	});
	return r.violations.map((v) => ({
		id: v.id, impact: v.impact || '', help: v.help, helpUrl: v.helpUrl,
		nodes: v.nodes.map((n) => ({
			target: n.target.map((s) => Array.isArray(s) ? s.join(' >>> ') : String(s)).join(' '),
			html: n.html,
			summary: n.failureSummary || '',
		})),
	}));
}`

type violation struct {
	ID      string `json:"id"`
	Impact  string `json:"impact"`
	Help    string `json:"help"`
	HelpURL string `json:"helpUrl"`
	Nodes   []struct {
		Target  string `json:"target"`
		HTML    string `json:"html"`
		Summary string `json:"summary"`
	} `json:"nodes"`
}

// axeProblems injects axe-core into the page and runs it: serious and critical violations are
// problems, moderate and minor ones are only worth a look.
func (r *pageRun) axeProblems(src string) (serious, lesser []string, err error) {
	// Runtime.evaluate, which the page's Content-Security-Policy does not apply to.
	inj, err := proto.RuntimeEvaluate{Expression: src}.Call(r.page)
	if err != nil {
		return nil, nil, fmt.Errorf("inject axe-core: %w", err)
	}
	if inj.ExceptionDetails != nil {
		return nil, nil, fmt.Errorf("inject axe-core: %s", exceptionText(inj.ExceptionDetails))
	}
	res, err := r.page.Eval(axeJS)
	if err != nil {
		return nil, nil, fmt.Errorf("axe.run: %w", err)
	}
	var vs []violation
	if err := res.Value.Unmarshal(&vs); err != nil {
		return nil, nil, fmt.Errorf("axe.run result: %w", err)
	}
	for _, v := range vs {
		var b strings.Builder
		fmt.Fprintf(&b, "axe %s [%s]: %s (%s)", v.ID, v.Impact, v.Help, v.HelpURL)
		for i, n := range v.Nodes {
			if i == 10 {
				fmt.Fprintf(&b, "\n\t… and %d more", len(v.Nodes)-i)
				break
			}
			fmt.Fprintf(&b, "\n\t%s\n\t\t%s\n\t\t%s", n.Target, shorten(n.HTML, 200),
				strings.ReplaceAll(strings.TrimSpace(n.Summary), "\n", "\n\t\t"))
		}
		if v.Impact == "serious" || v.Impact == "critical" {
			serious = append(serious, b.String())
		} else {
			lesser = append(lesser, b.String())
		}
	}
	return serious, lesser, nil
}

// screenshot writes a full-page PNG to testoutput/e2e/<name>.png.
func (r *pageRun) screenshot(dir string) error {
	png, err := r.page.Screenshot(true, &proto.PageCaptureScreenshot{Format: proto.PageCaptureScreenshotFormatPng})
	if err != nil {
		return fmt.Errorf("screenshot: %w", err)
	}
	return os.WriteFile(filepath.Join(dir, r.c.name()+".png"), png, 0o644)
}

// eventProblems lists the page's console errors, uncaught exceptions and failed requests, and
// its HTTP status when it is not the expected one.
func (r *pageRun) eventProblems() []string {
	status, ps := r.events.result()
	if status != r.c.page.status {
		ps = append(ps, fmt.Sprintf("%s answered HTTP %d, want %d", r.url, status, r.c.page.status))
	}
	return ps
}

// checkNoJS loads a page with scripting disabled and reads its DOM through DevTools (which
// needs no script in the page): the overview's banner and every component with its status and
// uptime strip are in the HTML, not added by app.js.
func (e *env) checkNoJS(t *testing.T, c pageCase) {
	r := e.open(t, e.base, c)
	p := r.page
	doc, err := proto.DOMGetDocument{}.Call(p)
	if err != nil {
		t.Fatalf("DOM.getDocument: %v", err)
	}
	all := func(from proto.DOMNodeID, sel string) []proto.DOMNodeID {
		t.Helper()
		res, err := proto.DOMQuerySelectorAll{NodeID: from, Selector: sel}.Call(p)
		if err != nil {
			t.Fatalf("querySelectorAll(%q): %v", sel, err)
		}
		return res.NodeIDs
	}
	text := func(id proto.DOMNodeID) string {
		t.Helper()
		res, err := proto.DOMGetOuterHTML{NodeID: id}.Call(p)
		if err != nil {
			t.Fatalf("DOM.getOuterHTML: %v", err)
		}
		return strings.Join(strings.Fields(tags.ReplaceAllString(res.OuterHTML, " ")), " ")
	}
	root := doc.Root.NodeID

	if n := len(all(root, "ol.uptime__days > li[tabindex]")); n > 0 {
		t.Errorf("%d days of the uptime strips have a tabindex: app.js ran although JavaScript is disabled", n)
	}
	banner := all(root, `.banner[role="status"] h1`)
	if len(banner) != 1 {
		t.Fatalf("found %d banners (.banner[role=status] h1), want 1", len(banner))
	}
	if s := text(banner[0]); s == "" {
		t.Errorf("the banner's h1 is empty")
	} else {
		t.Logf("banner: %s", s)
	}
	components := all(root, "li.component")
	if len(components) < 7 {
		t.Errorf("found %d components (li.component), want the 7 the sample content shows", len(components))
	}
	for _, id := range components {
		name := all(id, ".component__name")
		if len(name) != 1 || text(name[0]) == "" {
			t.Errorf("a component has no name: %s", shorten(text(id), 120))
			continue
		}
		n := text(name[0])
		status := all(id, ".status .status__label")
		if len(status) != 1 || text(status[0]) == "" {
			t.Errorf("component %s has no status in words", n)
			continue
		}
		days := all(id, "ol.uptime__days > li.day")
		if len(days) == 0 {
			t.Errorf("component %s has no uptime strip", n)
			continue
		}
		t.Logf("component %s: %s, %d days", n, text(status[0]), len(days))
	}
	if err := r.screenshot(e.shots); err != nil {
		t.Error(err)
	}
	for _, p := range r.eventProblems() {
		t.Error(p)
	}
}

var tags = regexp.MustCompile(`<[^>]*>`)

// checkIcon checks that the site has an icon that loads: the one the overview declares with
// <link rel="icon">, or else /favicon.ico, which browsers then ask every site for. (The page
// checks leave /favicon.ico to this one: the browser asks for it once per origin, so a 404
// would show on whichever page happened to load first.)
func (e *env) checkIcon(t *testing.T) {
	r := e.open(t, e.base, pageCase{lang: "en", page: pageTypes[0], vp: desktop})
	res, err := r.page.Eval(`() => { const l = document.querySelector('link[rel~="icon"]'); return l ? l.href : ''; }`)
	if err != nil {
		t.Fatal(err)
	}
	href, declared := res.Value.Str(), true
	if href == "" {
		href, declared = e.base+"/favicon.ico", false
	}
	if strings.HasPrefix(href, "data:") {
		return
	}
	resp, err := http.Get(href)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	ct := resp.Header.Get("Content-Type")
	switch {
	case resp.StatusCode == http.StatusOK && strings.HasPrefix(ct, "image/"):
	case declared:
		t.Errorf("the icon the pages declare (<link rel=\"icon\" href=%q>) answers HTTP %d, %s", href, resp.StatusCode, ct)
	default:
		t.Errorf("the site has no icon: the pages declare no <link rel=\"icon\"> and %s answers HTTP %d, so every "+
			"browser's first visit requests it and gets a 404 (in the server's and the browser's logs). Declare one in "+
			"web/layout.templ's <head>, e.g. <link rel=\"icon\" href=\"/static/icon.svg\" type=\"image/svg+xml\">, or serve /favicon.ico",
			href, resp.StatusCode)
	}
}

// selfTest loads a page made to fail every check, from a server of the test's own, and fails
// when a check misses its problem: a check that passes the real pages because it never ran
// (axe-core not injected, events not heard) would otherwise go unnoticed.
func (e *env) selfTest(t *testing.T) {
	srv := canaryServer(t)
	c := pageCase{lang: "en", page: pageType{name: "canary", path: "/%s/", status: http.StatusOK}, vp: phone}
	r := e.open(t, srv, c)
	layout, err := r.layoutProblems()
	if err != nil {
		t.Fatal(err)
	}
	serious, _, err := r.axeProblems(e.axe)
	if err != nil {
		t.Fatal(err)
	}
	events := r.eventProblems()
	if testing.Verbose() {
		t.Logf("the canary's problems, as reported:\n%s", strings.Join(append(append(layout, serious...), events...), "\n"))
	}
	for _, want := range []struct {
		check    string
		problems []string
		markers  []string // all in one problem
	}{
		{"overflow", layout, []string{"horizontal overflow at 360px", "div.too-wide"}},
		{"broken image", layout, []string{"image not loaded: " + srv + "/missing.png"}},
		{"axe", serious, []string{"axe color-contrast [serious]", "insufficient color contrast of 1.67"}},
		{"axe", serious, []string{"axe image-alt [critical]", `img[src$="missing.png"]`}},
		{"console", events, []string{"console.error: canary console error"}},
		{"exception", events, []string{"uncaught exception: Uncaught Error: canary exception"}},
		{"network", events, []string{"HTTP 404 for " + srv + "/missing.png"}},
		{"network", events, []string{"request failed: Stylesheet " + srv + "/missing.css"}},
		{"network", events, []string{"request failed: Image data:", "blocked: csp"}},
		{"browser log", events, []string{"browser log (security)", "Content Security Policy"}},
	} {
		found := false
		for _, p := range want.problems {
			all := true
			for _, m := range want.markers {
				all = all && strings.Contains(p, m)
			}
			found = found || all
		}
		if !found {
			t.Errorf("the %s check missed %q on the canary page; it reported:\n%s", want.check, want.markers, strings.Join(want.problems, "\n"))
		}
	}
}
