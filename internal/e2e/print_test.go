package e2e

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-rod/rod/lib/proto"

	"statuspress/internal/testsupport"
)

// printCheck is what the print stylesheet promises, read from the page as Chromium lays it out for
// print: the navigation, language switcher, feed links and uptime strips are gone, the text is
// black on white, and an external link in the postmortem shows its address after its text, since
// paper cannot be clicked.
const printCheck = `() => {
	const shown = sel => [...document.querySelectorAll(sel)].filter(el => getComputedStyle(el).display !== 'none').length;
	const link = document.querySelector('.prose a[href^="http"]');
	return JSON.stringify({
		nav: shown('.site-nav'),
		langSwitch: shown('.lang-switch'),
		feeds: shown('.feeds'),
		skip: shown('.skip-link'),
		prose: shown('.prose'),
		timeline: shown('.update'),
		bg: getComputedStyle(document.body).backgroundColor,
		fg: getComputedStyle(document.body).color,
		linkAfter: link ? getComputedStyle(link, '::after').content : '',
		linkHref: link ? link.getAttribute('href') : '',
	});
}`

type printed struct {
	Nav, LangSwitch, Feeds, Skip, Prose, Timeline int
	BG, FG                                        string
	LinkAfter, LinkHref                           string
}

// TestPrintPostmortem prints an incident with a postmortem in each language, as a reader saving it
// as PDF would: the page for print keeps the timeline and the postmortem and drops what only
// makes sense on screen. The PDFs and a screenshot in print media are written to testoutput/e2e.
// The same checks on screen (subtest "screen") must see the navigation, so that the print ones
// are known to depend on the print media.
func TestPrintPostmortem(t *testing.T) {
	testsupport.Slow(t)
	if testing.Short() {
		t.Skip("browser test: skipped with -short")
	}
	needBrowser(t)
	e := startEnv(t)
	e.launchBrowser(t)
	page := pageType{"incident-rest-api-errors", "/%s/incidents/rest-api-errors/", 200, "incident with a postmortem"}

	t.Run("screen", func(t *testing.T) {
		r := e.open(t, e.base, pageCase{lang: "en", page: page, vp: desktop})
		got := readPrinted(t, r)
		if got.Nav == 0 || got.LangSwitch == 0 {
			t.Errorf("on screen the navigation and language switcher are hidden: %+v", got)
		}
		if got.LinkAfter != "none" && got.LinkAfter != "normal" {
			t.Errorf("on screen the link shows %s after it, want nothing", got.LinkAfter)
		}
	})
	for _, lang := range languages {
		t.Run(lang, func(t *testing.T) {
			c := pageCase{lang: lang, page: page, vp: desktop}
			r := e.open(t, e.base, c)
			if err := (proto.EmulationSetEmulatedMedia{Media: "print"}).Call(r.page); err != nil {
				t.Fatalf("emulate print media: %v", err)
			}
			got := readPrinted(t, r)
			if got.Nav+got.LangSwitch+got.Feeds+got.Skip != 0 {
				t.Errorf("printed, the page still shows navigation, language switcher, feed links or skip link: %+v", got)
			}
			if got.Prose == 0 || got.Timeline == 0 {
				t.Errorf("printed, the postmortem or the timeline is missing: %+v", got)
			}
			if got.BG != "rgb(255, 255, 255)" || got.FG != "rgb(0, 0, 0)" {
				t.Errorf("printed, the text is %s on %s, want black on white", got.FG, got.BG)
			}
			if got.LinkHref == "" {
				t.Fatal("the postmortem has no external link to check: the sample content changed")
			}
			if !strings.Contains(got.LinkAfter, got.LinkHref) {
				t.Errorf("printed, the link to %s shows %s after it, want its address", got.LinkHref, got.LinkAfter)
			}

			r.c.page.name += "-print"
			if err := r.screenshot(e.shots); err != nil {
				t.Error(err)
			}
			pdf, err := r.page.PDF(&proto.PagePrintToPDF{PrintBackground: false})
			if err != nil {
				t.Fatalf("print to PDF: %v", err)
			}
			var buf bytes.Buffer
			if _, err := buf.ReadFrom(pdf); err != nil {
				t.Fatalf("read the PDF: %v", err)
			}
			if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
				t.Fatalf("the printed page is not a PDF: %q", buf.Bytes()[:min(buf.Len(), 16)])
			}
			if err := os.WriteFile(filepath.Join(e.shots, r.c.name()+".pdf"), buf.Bytes(), 0o644); err != nil {
				t.Error(err)
			}
		})
	}
}

func readPrinted(t *testing.T, r *pageRun) printed {
	t.Helper()
	res, err := r.page.Eval(printCheck)
	if err != nil {
		t.Fatalf("read the page's layout: %v", err)
	}
	var got printed
	if err := json.Unmarshal([]byte(res.Value.Str()), &got); err != nil {
		t.Fatalf("decode %s: %v", res.Value.Str(), err)
	}
	return got
}
