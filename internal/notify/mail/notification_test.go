package mail

import (
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"statuspress/internal/locale"
	"statuspress/internal/testsupport"
)

// TestNotificationGolden pins the whole text and HTML of a notification in English and French.
// After an intended change: go test ./internal/notify/mail -run Golden -update
func TestNotificationGolden(t *testing.T) {
	for _, lang := range []string{"en", "fr"} {
		m := Notification(localizer(t, lang), message(t, lang), "reader@example.com", links("tok123"))
		testsupport.Golden(t, "testdata/notification."+lang+".txt", []byte(m.Text))
		testsupport.Golden(t, "testdata/notification."+lang+".html", []byte(m.HTML))
	}
}

func TestConfirmationGolden(t *testing.T) {
	for _, lang := range []string{"en", "de"} {
		m := Confirmation(localizer(t, lang), "Lumen Mail Status", "reader@example.com", baseURL+"/"+lang+"/subscribe/confirm/tok456", 24*time.Hour)
		testsupport.Golden(t, "testdata/confirmation."+lang+".txt", []byte(m.Text))
		testsupport.Golden(t, "testdata/confirmation."+lang+".html", []byte(m.HTML))
	}
}

func TestNotificationSays(t *testing.T) {
	for _, lang := range locale.Languages {
		t.Run(lang, func(t *testing.T) {
			l := localizer(t, lang)
			msg := message(t, lang)
			m := Notification(l, msg, "reader@example.com", links("tok"))
			if want := "[" + msg.Site + "] " + msg.Title + colon(lang) + msg.State; m.Subject != want {
				t.Errorf("subject = %q, want %q", m.Subject, want)
			}
			zone := clock.In(l.Location()).Format("MST")
			for what, part := range map[string]string{"text": m.Text, "html": m.HTML} {
				for _, want := range []string{msg.Time, zone, msg.Components[0].Name, msg.Link, links("tok").Manage, links("tok").Unsubscribe, "reader@example.com"} {
					if !strings.Contains(part, want) {
						t.Errorf("%s lacks %q", what, want)
					}
				}
			}
			if m.Lang != lang || m.Unsubscribe != links("tok").Unsubscribe || m.To != "reader@example.com" {
				t.Errorf("mail = %+v", m)
			}
			doc, err := goquery.NewDocumentFromReader(strings.NewReader(m.HTML))
			if err != nil {
				t.Fatal(err)
			}
			if lang, _ := doc.Find("html").Attr("lang"); lang != m.Lang {
				t.Errorf("html lang = %q", lang)
			}
			doc.Find("a").Each(func(_ int, a *goquery.Selection) {
				if href, _ := a.Attr("href"); !strings.HasPrefix(href, "https://") {
					t.Errorf("link %q is not absolute", href)
				}
			})
			if n := doc.Find("script, img, link, iframe, style").Length(); n > 0 {
				t.Errorf("HTML holds %d scripts, images, stylesheets or frames", n)
			}
		})
	}
}

func TestConfirmationSays(t *testing.T) {
	for _, lang := range locale.Languages {
		l := localizer(t, lang)
		url := baseURL + "/" + lang + "/subscribe/confirm/tok"
		m := Confirmation(l, "Lumen Mail Status", "reader@example.com", url, 48*time.Hour)
		if want := "[Lumen Mail Status] " + l.T(locale.MailConfirmSubject); m.Subject != want {
			t.Errorf("%s: subject = %q, want %q", lang, m.Subject, want)
		}
		for _, want := range []string{url, "reader@example.com", l.Duration(48 * time.Hour), l.T(locale.MailConfirmIgnore)} {
			if !strings.Contains(m.Text, want) {
				t.Errorf("%s: text lacks %q:\n%s", lang, want, m.Text)
			}
		}
		if !strings.Contains(m.HTML, `href="`+url+`"`) {
			t.Errorf("%s: HTML lacks the link:\n%s", lang, m.HTML)
		}
		if m.Unsubscribe != "" {
			t.Errorf("%s: a confirmation carries List-Unsubscribe", lang)
		}
	}
}

// TestEscapes: the words of the content and of the subscriber are text in the HTML, never
// markup; only the message's sanitised HTML is embedded as it is.
func TestEscapes(t *testing.T) {
	msg := message(t, "en")
	msg.Title = `<script>alert(1)</script>`
	msg.Site = `Site "&" <b>`
	msg.Components[0].Name = `<img src=x onerror=alert(2)>`
	msg.Link = `javascript:alert(3)`
	m := Notification(localizer(t, "en"), msg, `"<x>"@example.com`, Links{Unsubscribe: baseURL + `/u/"><script>`, Manage: "javascript:alert(4)"})
	for _, bad := range []string{"<script", "<img", "javascript:", `<b>`} {
		if strings.Contains(m.HTML, bad) {
			t.Errorf("HTML holds %q:\n%s", bad, m.HTML)
		}
	}
	if !strings.Contains(m.HTML, `/u/%22%3e%3cscript%3e"`) {
		t.Errorf("the unsubscribe link is not escaped:\n%s", m.HTML)
	}
	c := Confirmation(localizer(t, "en"), "<b>Site</b>", "a@example.com", "javascript:alert(1)", time.Hour)
	if strings.Contains(c.HTML, "<b>Site") || strings.Contains(c.HTML, "javascript:") {
		t.Errorf("confirmation HTML:\n%s", c.HTML)
	}
}

func TestMailHTML(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`<p>plain</p>`, `<p>plain</p>`},
		{`<p>see <a href="../other/">other</a></p>`, `<p>see <a href="https://status.lumenmail.example/en/incidents/other/">other</a></p>`},
		{`<p><a href="https://x.example/a?b=1&amp;c=2">x</a></p>`, `<p><a href="https://x.example/a?b=1&amp;c=2">x</a></p>`},
		{`<p><a href="mailto:s@example.com">mail</a></p>`, `<p><a href="mailto:s@example.com">mail</a></p>`},
		{`<p><a href="ftp://x/">x</a></p>`, `<p><a>x</a></p>`},
		{`<p><img src="latency.png" alt="Latency"> after</p>`, `<p>[Latency] after</p>`},
		{`<img src="a.png" alt="">`, ``},
		{`<p><a href="#cause">cause</a></p>`, `<p><a href="https://status.lumenmail.example/en/incidents/x/#cause">cause</a></p>`},
	} {
		if got := mailHTML(c.in, baseURL+"/en/incidents/x/"); got != c.want {
			t.Errorf("mailHTML(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestHeaderText(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"plain", "plain"},
		{"a\r\nBcc: x@evil.example", "a Bcc: x@evil.example"},
		{"a\rb\nc\td\x00e\x1bf", "a b c d e f"},
		{"a\u2028b\u2029c\u0085d", "a b c d"},
		{"  lead  and  trail  ", "lead and trail"},
		{"\r\n\r\n", ""},
		{strings.Repeat("é", 300), strings.Repeat("é", maxSubject-1) + "…"},
	} {
		if got := headerText(c.in, maxSubject); got != c.want {
			t.Errorf("headerText(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if got := subject("", "Title"); got != "Title" {
		t.Errorf("subject without a site = %q", got)
	}
}

func TestMessageIDStable(t *testing.T) {
	msg := message(t, "en")
	l := localizer(t, "en")
	a := Notification(l, msg, "reader@example.com", links("one"))
	b := Notification(l, msg, "Reader@Example.com", links("two"))
	c := Notification(l, msg, "other@example.com", links("one"))
	if a.ID != b.ID {
		t.Errorf("the same message to the same address has two ids: %s, %s", a.ID, b.ID)
	}
	if a.ID == c.ID {
		t.Errorf("two addresses share the id %s", a.ID)
	}
	msg.ID = "msg_other"
	if d := Notification(l, msg, "reader@example.com", links("one")); d.ID == a.ID {
		t.Errorf("two messages share the id %s", a.ID)
	}
}

// BenchmarkNotification writes one subscriber's notification (text and HTML) from a composed
// message: the work done per address in a fan-out.
func BenchmarkNotification(b *testing.B) {
	l := localizer(b, "fr")
	msg := message(b, "fr")
	lk := links("tok")
	b.ReportAllocs()
	for b.Loop() {
		Notification(l, msg, "reader@example.com", lk)
	}
}

// BenchmarkNotificationFor addresses a prepared message to one subscriber: the work per
// address when the message is prepared once for the whole fan-out.
func BenchmarkNotificationFor(b *testing.B) {
	p := Prepare(localizer(b, "fr"), message(b, "fr"))
	lk := links("tok")
	b.ReportAllocs()
	for b.Loop() {
		p.For("reader@example.com", lk)
	}
}

// colon is what comes between a title and a state in a subject: French puts a space before it
// (a no-break space in the words, a plain one in a header, which keeps its spaces plain).
func colon(lang string) string {
	if lang == "fr" {
		return " : "
	}
	return ": "
}
