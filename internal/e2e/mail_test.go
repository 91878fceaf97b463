package e2e

import (
	"fmt"
	"html"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/go-rod/rod/lib/proto"

	"statuspress/internal/testsupport"
	"statuspress/internal/testsupport/mailpit"
)

// settle is the notify delay of the mail test: long enough for a file and its translation to
// go in one message, short enough for the test.
const settle = 2 * time.Second

// quiet is how long the mail test waits, after the reader who is still subscribed got an
// update, for a mail to the one who left: both would have been queued in one transaction and
// sent within milliseconds of each other.
const quiet = 3 * time.Second

// TestSubscriptionMail is issue 15's end-to-end test with the real parts: the binary serves a
// copy of the sample content on the real clock with e-mail on (Mailpit as its SMTP server, a
// fresh SQLite database), and Chromium does what a reader does. A reader subscribes through the
// French overview's form, confirms through the link of the mail Mailpit received, and gets the
// French notification of an update added to an incident's file (subject, times with the zone
// named, List-Unsubscribe headers, absolute links, text and HTML). A second reader subscribes
// in German. The first leaves with RFC 8058's one-click POST, as a mail provider sends it; the
// next update reaches the second reader and not the first. Every page on the way is checked
// (layout, axe-core, console) and shot on a desktop and a phone.
func TestSubscriptionMail(t *testing.T) {
	testsupport.Slow(t)
	if testing.Short() {
		t.Skip("browser test: skipped with -short")
	}
	needBrowser(t)
	axe, err := os.ReadFile(axeFile)
	if err != nil {
		missing(t, "axe-core is not installed (%v): run `npm ci --prefix internal/e2e` in the module root to run the browser tests", err)
	}
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Fatal(err)
	}
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	// serve runs on the real clock here (a fixed one would never let the settle delay pass), and
	// the update the test adds must come after those the sample incident has.
	if last := time.Date(2026, 11, 23, 11, 45, 0, 0, time.UTC); time.Now().Before(last) {
		t.Fatalf("the clock says %s, before the sample REST API incident's last update (%s): this test adds an update at the real time", time.Now().UTC().Format(time.RFC3339), last.Format(time.RFC3339))
	}
	mp := mailpit.Start(t)
	root := testsupport.ModuleRoot(t)
	content := t.TempDir()
	if err := os.CopyFS(content, os.DirFS(filepath.Join(root, "incidents"))); err != nil {
		t.Fatal(err)
	}
	e := &env{root: root, shots: filepath.Join(root, "testoutput", "e2e"), axe: string(axe)}
	if err := os.MkdirAll(e.shots, 0o755); err != nil {
		t.Fatal(err)
	}
	addr := freeAddr(t)
	e.serve(t, buildBinary(t, root), addr,
		"--content", content,
		"--base-url", "http://"+addr,
		"--smtp", "smtp://"+mp.SMTPAddr,
		"--mail-from", "Lumen Mail Status <status@lumenmail.example>",
		"--db", "sqlite:"+filepath.Join(t.TempDir(), "statuspress.db"),
		"--notify-delay", settle.String(),
	)
	waitLog(t, e, "recorded as history")
	e.launchBrowser(t)
	t.Cleanup(func() { e.checkServerLog(t) })

	// Léa's address is long, as some are: on a phone it has to wrap.
	const camille, lea = "camille@example.fr", "lea.schneider-mueller.benachrichtigungen@example.de"

	// The form on a page of its own, as the overview's links lead to it, for the screenshots.
	for _, lang := range []string{"fr", "de"} {
		r := e.open(t, e.base, pageCase{lang: lang, page: pageType{"mail-subscribe", "/%s/subscribe/", http.StatusOK, "the subscribe form"}, vp: desktop})
		e.checkBoth(t, r)
	}

	// 1. Camille subscribes through the French overview's form and reads the answer.
	r := e.open(t, e.base, pageCase{lang: "fr", page: pageType{"mail-sent", "/fr/", http.StatusOK, "the overview's form, then its answer"}, vp: desktop})
	answer := r.subscribeThroughForm(t, camille)
	if !strings.Contains(answer, `data-testid="subscribe-sent"`) || !strings.Contains(answer, "Consultez votre messagerie") {
		t.Fatalf("the answer is not the French check-your-mail page:\n%s", shorten(answer, 800))
	}
	e.checkBoth(t, r)

	// 2. The confirmation mail, in French; its link opens a page whose button confirms.
	confirm := mailTo(t, mp, mp.Wait(t, 1), camille)
	if want := "[État des services Lumen Mail] Confirmez votre abonnement"; confirm.Subject != want {
		t.Errorf("confirmation subject %q, want %q", confirm.Subject, want)
	}
	e.confirm(t, "fr", link(t, confirm, e.base+"/fr/subscribe/confirm/?token="), "Abonnement confirmé")

	// Léa subscribes in German on the form's own page, and confirms too.
	r = e.open(t, e.base, pageCase{lang: "de", page: pageType{"mail-sent", "/de/subscribe/", http.StatusOK, "the form, then its answer"}, vp: desktop})
	answer = r.subscribeThroughForm(t, lea)
	if !strings.Contains(answer, `data-testid="subscribe-sent"`) || !strings.Contains(answer, "Sehen Sie in Ihr Postfach") {
		t.Fatalf("the answer is not the German check-your-mail page:\n%s", shorten(answer, 800))
	}
	e.checkBoth(t, r)
	confirm = mailTo(t, mp, mp.Wait(t, 2), lea)
	if want := "[Lumen Mail Status] Bestätigen Sie Ihr Abonnement"; confirm.Subject != want {
		t.Errorf("confirmation subject %q, want %q", confirm.Subject, want)
	}
	e.confirm(t, "de", link(t, confirm, e.base+"/de/subscribe/confirm/?token="), "Abonnement bestätigt")

	// 3. Support staff add an update to the ongoing REST API incident, and its French text to
	// the translation, a moment apart: the settle delay puts both in one message.
	at := time.Now().Truncate(time.Second)
	const enText, frText = "The provider replaced the faulty line card. We keep watching the error rate.",
		"Le fournisseur a remplacé la carte réseau défectueuse. Nous continuons de surveiller le taux d'erreurs."
	addUpdate(t, filepath.Join(content, "2026", "rest-api-errors.md"), at, "    status: monitoring\n", enText)
	addUpdate(t, filepath.Join(content, "2026", "rest-api-errors.fr.md"), at, "", frText)

	// 4. The French notification.
	list := mp.Wait(t, 4)
	n := mailTo(t, mp, list, camille)
	checkNotification(t, n, e.base, "[État des services Lumen Mail] Erreurs et lenteurs sur l'API REST : Sous surveillance",
		frenchTime(at.In(paris)), frText)
	if de := mailTo(t, mp, list, lea); !strings.HasPrefix(de.Subject, "[Lumen Mail Status] ") || !strings.Contains(de.Text, "Wird beobachtet") {
		t.Errorf("Léa's notification is not in German: %q\n%s", de.Subject, shorten(de.Text, 400))
	}

	// The manage pages that the notifications link to, in French and German.
	e.manage(t, "fr", link(t, n, e.base+"/fr/subscription/?token="), camille)
	e.manage(t, "de", link(t, mailTo(t, mp, list, lea), e.base+"/de/subscription/?token="), lea)

	// 5. Camille's mail provider unsubscribes her with one click: a POST from its server, no
	// browser, no Origin, no cookie.
	unsubscribe := strings.Trim(n.Header("List-Unsubscribe"), "<>")
	req, err := http.NewRequest(http.MethodPost, unsubscribe, strings.NewReader("List-Unsubscribe=One-Click"))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := (&http.Client{Timeout: 10 * time.Second}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("one-click unsubscribe: %s, want 200 OK", resp.Status)
	}

	// The next update reaches Léa, and nothing reaches Camille.
	next := time.Now().Truncate(time.Second)
	if !next.After(at) {
		next = at.Add(time.Second)
	}
	addUpdate(t, filepath.Join(content, "2026", "rest-api-errors.md"), next, "    status: monitoring\n",
		"The error rate is back to normal. We keep watching for another hour.")
	to := func(list []mailpit.Summary, address string) (n int) {
		for _, m := range list {
			for _, a := range m.To {
				if a.Address == address {
					n++
				}
			}
		}
		return n
	}
	deadline := time.Now().Add(15 * time.Second)
	for to(mp.Messages(t), lea) < 3 { // her confirmation and two notifications
		if time.Now().After(deadline) {
			t.Fatalf("Léa's second notification did not come within 15 s")
		}
		time.Sleep(20 * time.Millisecond)
	}
	if got := mailTo(t, mp, mp.Messages(t), lea); !strings.Contains(got.Text, germanClock(next.In(berlin))) {
		t.Errorf("Léa's second notification does not show the second update at %s:\n%s", germanClock(next.In(berlin)), got.Text)
	}
	time.Sleep(quiet)
	final := mp.Messages(t)
	if n := to(final, camille); n != 2 {
		t.Errorf("Camille got %d mails, want 2 (her confirmation and the first notification): the one-click unsubscribe did not stop her mail", n)
	}
	if len(final) != 5 {
		t.Errorf("%d mails in all, want 5 (two confirmations, two first notifications, Léa's second)", len(final))
	}
}

// waitLog waits, up to 15 s, for the server to log text.
func waitLog(t *testing.T, e *env, text string) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for !strings.Contains(e.log.String(), text) {
		if time.Now().After(deadline) {
			t.Fatalf("the server did not log %q within 15 s", text)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// mailTo reads the newest message in list addressed to address; the test fails when there is
// none.
func mailTo(t *testing.T, mp *mailpit.Server, list []mailpit.Summary, address string) mailpit.Message {
	t.Helper()
	for _, s := range list {
		for _, to := range s.To {
			if to.Address == address {
				return mp.Message(t, s.ID)
			}
		}
	}
	t.Fatalf("no mail to %s among %d", address, len(list))
	return mailpit.Message{}
}

// link is the one URL of m that starts with prefix, which must be in the text part and, as an
// href, in the HTML part.
func link(t *testing.T, m mailpit.Message, prefix string) string {
	t.Helper()
	re := regexp.MustCompile(regexp.QuoteMeta(prefix) + `[A-Za-z0-9_%.~-]+`)
	inText := re.FindAllString(m.Text, -1)
	if len(inText) == 0 {
		t.Fatalf("%q: no link %s… in the text part:\n%s", m.Subject, prefix, m.Text)
	}
	for _, u := range inText[1:] {
		if u != inText[0] {
			t.Errorf("%q: two different links %s… in the text part", m.Subject, prefix)
		}
	}
	if !strings.Contains(m.HTML, `href="`+html.EscapeString(inText[0])+`"`) {
		t.Errorf("%q: the HTML part has no link to %s", m.Subject, inText[0])
	}
	return inText[0]
}

// openLink opens an absolute URL of the site from a mail, as the page of a case.
func (e *env) openLink(t *testing.T, lang, name, u string) *pageRun {
	t.Helper()
	path, ok := strings.CutPrefix(u, e.base)
	if !ok {
		t.Fatalf("%s is not under the base URL %s", u, e.base)
	}
	return e.open(t, e.base, pageCase{lang: lang, page: pageType{name, path, http.StatusOK, "a link from a mail"}, vp: desktop})
}

// confirm opens a confirmation link, presses its button and expects the confirmed page.
func (e *env) confirm(t *testing.T, lang, u, confirmed string) {
	t.Helper()
	r := e.openLink(t, lang, "mail-confirm", u)
	if main := r.outer(t, "main"); !strings.Contains(main, `method="post"`) {
		t.Fatalf("%s: no button that confirms:\n%s", u, shorten(main, 800))
	}
	e.checkBoth(t, r)
	r.c.page.name = "mail-confirmed"
	r.press(t, `main form[method="post"] button[type="submit"]`)
	if main := r.outer(t, "main"); !strings.Contains(main, confirmed) {
		t.Fatalf("%s: pressing the button did not confirm:\n%s", u, shorten(main, 800))
	}
	e.checkBoth(t, r)
}

// manage opens a manage link and expects the subscription of address, to every component.
func (e *env) manage(t *testing.T, lang, u, address string) {
	t.Helper()
	r := e.openLink(t, lang, "mail-manage", u)
	main := r.outer(t, "main")
	if !strings.Contains(main, html.EscapeString(address)) || !strings.Contains(main, `value="leave"`) {
		t.Fatalf("%s: not the manage page of %s:\n%s", u, address, shorten(main, 800))
	}
	boxes := regexp.MustCompile(`<input[^>]*type="checkbox"[^>]*>`).FindAllString(main, -1)
	unticked := 0
	for _, b := range boxes {
		if !strings.Contains(b, " checked") {
			unticked++
		}
	}
	if len(boxes) == 0 || unticked > 0 {
		t.Errorf("%s: %d boxes, %d of them not ticked; want all ticked", u, len(boxes), unticked)
	}
	// Leaving is the second choice on this page: its button must not look like the one that
	// saves, or a reader who means to save may leave.
	looks, err := r.page.Eval(`() => ['save', 'leave'].map(v => {
		const s = getComputedStyle(document.querySelector('main button[value="' + v + '"]'));
		return s.color + ' on ' + s.backgroundColor;
	})`)
	if err != nil {
		t.Fatal(err)
	}
	if save, leave := looks.Value.Arr()[0].Str(), looks.Value.Arr()[1].Str(); save == leave {
		t.Errorf("%s: the buttons that save and leave look alike (%s)", u, save)
	}
	e.checkBoth(t, r)
}

// press focuses the button sel selects and presses Enter, as a keyboard user does (through
// DevTools, so no script of the page is needed), and waits for the page it leads to.
func (r *pageRun) press(t *testing.T, sel string) {
	t.Helper()
	if err := (proto.DOMFocus{NodeID: r.query(t, sel)}).Call(r.page); err != nil {
		t.Fatalf("focus %s: %v", sel, err)
	}
	wait := r.page.WaitNavigation(proto.PageLifecycleEventNameLoad)
	if err := (proto.InputDispatchKeyEvent{Type: proto.InputDispatchKeyEventTypeKeyDown, Key: "Enter", Code: "Enter",
		WindowsVirtualKeyCode: 13, Text: "\r"}).Call(r.page); err != nil {
		t.Fatalf("press Enter: %v", err)
	}
	if err := (proto.InputDispatchKeyEvent{Type: proto.InputDispatchKeyEventTypeKeyUp, Key: "Enter", Code: "Enter",
		WindowsVirtualKeyCode: 13}).Call(r.page); err != nil {
		t.Fatalf("release Enter: %v", err)
	}
	wait()
}

// checkBoth runs the subscription pages' checks on the page r shows on a desktop and on a
// phone, each with its screenshot.
func (e *env) checkBoth(t *testing.T, r *pageRun) {
	t.Helper()
	for _, vp := range []viewport{desktop, phone} {
		if err := (proto.EmulationSetDeviceMetricsOverride{Width: vp.width, Height: vp.height, DeviceScaleFactor: 1, Mobile: vp.mobile}).Call(r.page); err != nil {
			t.Fatalf("set the viewport: %v", err)
		}
		if err := (proto.EmulationSetTouchEmulationEnabled{Enabled: vp.mobile}).Call(r.page); err != nil {
			t.Fatalf("emulate touch: %v", err)
		}
		r.c.vp = vp
		for _, p := range e.subscriptionPageProblems(t, r) {
			t.Errorf("%s (%s): %s", r.c.name(), r.url, p)
		}
	}
}

// addUpdate adds an update at at to the front matter of the incident file path; status is its
// status line (with its indent and newline), empty in a translation.
func addUpdate(t *testing.T, path string, at time.Time, status, text string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	end := strings.Index(s[4:], "\n---\n")
	if !strings.HasPrefix(s, "---\n") || end < 0 {
		t.Fatalf("%s: no front matter", path)
	}
	end += 4 + 1
	update := "  - at: " + at.UTC().Format(time.RFC3339) + "\n" + status + "    text: " + text + "\n"
	if err := os.WriteFile(path, []byte(s[:end]+update+s[end:]), 0o644); err != nil {
		t.Fatal(err)
	}
}

// checkNotification checks a notification mail: its subject, the update's time with the zone
// named and its text in both parts, the one-click unsubscribe headers, and links that are
// absolute and under the base URL.
func checkNotification(t *testing.T, m mailpit.Message, base, subject, when, text string) {
	t.Helper()
	if m.Subject != subject {
		t.Errorf("subject %q, want %q", m.Subject, subject)
	}
	if m.Text == "" || m.HTML == "" {
		t.Fatalf("want a text and an HTML part; text %d bytes, HTML %d bytes", len(m.Text), len(m.HTML))
	}
	page := html.UnescapeString(m.HTML)
	for _, part := range []struct{ name, body string }{{"text", m.Text}, {"HTML", page}} {
		for _, want := range []string{when, text, base + "/fr/incidents/rest-api-errors/"} {
			if !strings.Contains(part.body, want) {
				t.Errorf("the %s part lacks %q:\n%s", part.name, want, part.body)
			}
		}
	}
	unsub := regexp.MustCompile(`^<` + regexp.QuoteMeta(base) + `/fr/subscription/unsubscribe/\?token=[A-Za-z0-9_%.~-]+>$`)
	if h := m.Header("List-Unsubscribe"); !unsub.MatchString(h) {
		t.Errorf("List-Unsubscribe: %q, want <%s/fr/subscription/unsubscribe/?token=…>", h, base)
	}
	if h := m.Header("List-Unsubscribe-Post"); h != "List-Unsubscribe=One-Click" {
		t.Errorf("List-Unsubscribe-Post: %q, want List-Unsubscribe=One-Click", h)
	}
	if m.ListUnsubscribe.Errors != "" {
		t.Errorf("Mailpit finds the List-Unsubscribe header wrong: %s", m.ListUnsubscribe.Errors)
	}
	link(t, m, base+"/fr/subscription/?token=")
	for _, href := range regexp.MustCompile(`href="([^"]*)"`).FindAllStringSubmatch(m.HTML, -1) {
		if !strings.HasPrefix(href[1], base+"/") {
			t.Errorf("a link of the HTML part is not under %s: %s", base, href[1])
		}
	}
	for _, u := range regexp.MustCompile(`(?:https?:)?//\S+`).FindAllString(m.Text, -1) {
		if !strings.HasPrefix(u, base+"/") {
			t.Errorf("a link of the text part is not under %s: %s", base, u)
		}
	}
}

var frenchMonths = [12]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
	"septembre", "octobre", "novembre", "décembre"}

// frenchTime writes t as the French mails do, "6 décembre 2026 à 01:30 CET", written out here
// rather than by the locale package, which it checks.
func frenchTime(t time.Time) string {
	day := fmt.Sprint(t.Day())
	if t.Day() == 1 {
		day = "1er"
	}
	return fmt.Sprintf("%s %s %d à %s", day, frenchMonths[t.Month()-1], t.Year(), t.Format("15:04 MST"))
}

// germanClock is the time of day with the zone named, as the German mails write it.
func germanClock(t time.Time) string { return t.Format("15:04 MST") }
