package mail

import (
	"bufio"
	"context"
	"crypto/tls"
	"errors"
	"net"
	"net/textproto"
	"strings"
	"testing"
	"time"

	"statuspress/internal/locale"
	"statuspress/internal/testsupport/mailpit"
)

const from = "Lumen Mail Status <status@lumenmail.example>"

func newSender(t *testing.T, raw string, o Options) *Sender {
	t.Helper()
	cfg, err := ParseURL(raw)
	if err != nil {
		t.Fatal(err)
	}
	if o.From == "" {
		o.From = from
	}
	if o.Rate == 0 {
		o.Rate = 1000
	}
	if o.Now == nil {
		o.Now = func() time.Time { return clock }
	}
	s, err := NewSender(cfg, o)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func send(t *testing.T, s *Sender, m Mail) {
	t.Helper()
	if err := s.Send(context.Background(), m); err != nil {
		t.Fatal(err)
	}
}

// TestNotificationReceived sends a notification in each language through Mailpit and reads it
// as a mail client would: subject, From and To, the one-click unsubscribe headers, a stable
// Message-ID, both parts, times with their zone named and absolute links.
func TestNotificationReceived(t *testing.T) {
	mp := mailpit.Start(t)
	s := newSender(t, "smtp://user:pass@"+mp.SMTPAddr, Options{})
	for i, lang := range locale.Languages {
		l := localizer(t, lang)
		msg := message(t, lang)
		to := lang + "-reader@example.com"
		lk := links("tok-" + lang)
		m := Notification(l, msg, to, lk)
		send(t, s, m)
		// A retried delivery is the same message.
		send(t, s, m)
		list := mp.Wait(t, 2*(i+1))
		first, second := mp.Message(t, list[0].ID), mp.Message(t, list[1].ID)
		if first.MessageID != second.MessageID || first.MessageID != m.ID+"@lumenmail.example" {
			t.Errorf("%s: Message-IDs %q and %q, want both %q", lang, first.MessageID, second.MessageID, m.ID+"@lumenmail.example")
		}
		got := first
		if want := "[" + msg.Site + "] " + msg.Title + colon(lang) + msg.State; got.Subject != want {
			t.Errorf("%s: subject = %q, want %q", lang, got.Subject, want)
		}
		if got.From.Address != "status@lumenmail.example" || got.From.Name != "Lumen Mail Status" {
			t.Errorf("%s: from = %+v", lang, got.From)
		}
		if len(got.To) != 1 || got.To[0].Address != to {
			t.Errorf("%s: to = %+v", lang, got.To)
		}
		for h, want := range map[string]string{
			"List-Unsubscribe":      "<" + lk.Unsubscribe + ">",
			"List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
			"Auto-Submitted":        "auto-generated",
			"Content-Language":      lang,
			"Date":                  clock.Format(time.RFC1123Z),
		} {
			if v := got.Header(h); v != want {
				t.Errorf("%s: %s = %q, want %q", lang, h, v, want)
			}
		}
		if got.ListUnsubscribe.Errors != "" || len(got.ListUnsubscribe.Links) != 1 || got.ListUnsubscribe.Links[0] != lk.Unsubscribe {
			t.Errorf("%s: Mailpit reads List-Unsubscribe as %+v", lang, got.ListUnsubscribe)
		}
		if !strings.Contains(got.Raw, "multipart/alternative") || got.Text == "" || got.HTML == "" {
			t.Errorf("%s: not both parts: text %d bytes, HTML %d bytes", lang, len(got.Text), len(got.HTML))
		}
		zone := msg.At.In(l.Location()).Format("MST")
		for what, part := range map[string]string{"text": got.Text, "HTML": got.HTML} {
			for _, want := range []string{msg.Time, " " + zone, msg.Link, lk.Manage, lk.Unsubscribe} {
				if !strings.Contains(part, want) {
					t.Errorf("%s: the %s part lacks %q", lang, what, want)
				}
			}
		}
		for _, href := range hrefs(got.HTML) {
			if !strings.HasPrefix(href, "https://") {
				t.Errorf("%s: link %q is not absolute", lang, href)
			}
		}
	}
}

func hrefs(h string) []string {
	var out []string
	for _, part := range strings.Split(h, `href="`)[1:] {
		out = append(out, part[:strings.IndexByte(part, '"')])
	}
	return out
}

func TestConfirmationReceived(t *testing.T) {
	mp := mailpit.Start(t)
	s := newSender(t, "smtp://"+mp.SMTPAddr, Options{})
	for i, lang := range locale.Languages {
		l := localizer(t, lang)
		url := baseURL + "/" + lang + "/subscribe/confirm/tok-" + lang
		m := Confirmation(l, "Lumen Mail Status", "new@example.com", url, 24*time.Hour)
		send(t, s, m)
		got := mp.Message(t, mp.Wait(t, i+1)[0].ID)
		if want := "[Lumen Mail Status] " + l.T(locale.MailConfirmSubject); got.Subject != want {
			t.Errorf("%s: subject = %q, want %q", lang, got.Subject, want)
		}
		if got.Header("List-Unsubscribe") != "" || got.Header("List-Unsubscribe-Post") != "" {
			t.Errorf("%s: a confirmation carries List-Unsubscribe", lang)
		}
		if got.Header("Content-Language") != lang || got.MessageID != m.ID+"@lumenmail.example" {
			t.Errorf("%s: Content-Language %q, Message-ID %q", lang, got.Header("Content-Language"), got.MessageID)
		}
		if !strings.Contains(got.Text, url) || !strings.Contains(got.HTML, `href="`+url+`"`) || !strings.Contains(got.Text, l.Duration(24*time.Hour)) {
			t.Errorf("%s: the link or its validity is missing:\n%s", lang, got.Text)
		}
	}
}

// TestHeaderInjection: CR and LF in the title, the site's name, the language, the address, the
// links or the From address add no header and no recipient.
func TestHeaderInjection(t *testing.T) {
	mp := mailpit.Start(t)
	s := newSender(t, "smtp://"+mp.SMTPAddr, Options{})
	l := localizer(t, "en")
	msg := message(t, "en")
	msg.Title = "Down\r\nBcc: victim@evil.example\r\nX-Injected: title"
	msg.Site = "Site\nX-Injected: site\r\n\r\nbody"
	msg.State = "Down\rX-Injected: state"
	msg.Headline = msg.Title + ": " + msg.State
	m := Notification(l, msg, "reader@example.com", links("tok"))
	m.Lang = "en\r\nX-Injected: lang"
	m.ID = "id\r\nX-Injected: id"
	send(t, s, m)
	got := mp.Message(t, mp.Wait(t, 1)[0].ID)
	for name := range got.Headers {
		if strings.EqualFold(name, "X-Injected") || strings.EqualFold(name, "Bcc") {
			t.Errorf("header %s was injected", name)
		}
	}
	head, _, _ := strings.Cut(got.Raw, "\r\n\r\n")
	if strings.Contains(head, "\nX-Injected") || strings.Contains(head, "\nBcc:") {
		t.Errorf("the header section holds an injected header:\n%s", head)
	}
	if len(got.To) != 1 || got.Header("Content-Language") != "" {
		t.Errorf("to = %+v, Content-Language = %q", got.To, got.Header("Content-Language"))
	}
	if want := "[Site X-Injected: site body] Down Bcc: victim@evil.example X-Injected: title: Down X-Injected: state"; got.Subject != want {
		t.Errorf("subject = %q, want %q", got.Subject, want)
	}

	// An address or a link that would break a header is refused before anything is sent.
	for _, bad := range []Mail{
		{To: "reader@example.com\r\nBcc: victim@evil.example", Subject: "x", Text: "x"},
		{To: "reader@example.com\nX-Injected: to", Subject: "x", Text: "x"},
		{To: "Reader <reader@example.com>", Subject: "x", Text: "x"},
		{To: "a@example.com, b@example.com", Subject: "x", Text: "x"},
		{To: strings.Repeat("a", 250) + "@example.com", Subject: "x", Text: "x"},
		{To: "reader@example.com", Subject: "x", Text: "x", Unsubscribe: baseURL + "/u/x>\r\nX-Injected: link"},
		{To: "reader@example.com", Subject: "x", Text: "x", Unsubscribe: "/relative"},
		{To: "reader@example.com", Subject: "x", Text: "x", Unsubscribe: "mailto:x@example.com"},
	} {
		if err := s.Send(context.Background(), bad); err == nil {
			t.Errorf("sent %+v", bad)
		} else if strings.ContainsAny(err.Error(), "\r\n") {
			t.Errorf("error spans lines: %q", err)
		}
	}
	if n := len(mp.Messages(t)); n != 1 {
		t.Errorf("Mailpit holds %d messages, want 1", n)
	}

	// A From address with a line break is refused at start.
	cfg, _ := ParseURL("smtp://" + mp.SMTPAddr)
	for _, f := range []string{"Status\r\nX-Injected: from <s@example.com>", "s@example.com\r\nBcc: victim@evil.example", "Status <s@example.com>\n", "not an address", "", "a@b.example, c@d.example"} {
		if _, err := NewSender(cfg, Options{From: f, Rate: 1, Now: time.Now}); err == nil {
			t.Errorf("From %q accepted", f)
		} else if strings.ContainsAny(err.Error(), "\r\n") {
			t.Errorf("error spans lines: %q", err)
		}
	}
	// A name in the From address that needs encoding is encoded, not written raw.
	s2 := newSender(t, "smtp://"+mp.SMTPAddr, Options{From: `"État: X-Injected" <s@example.com>`})
	send(t, s2, Mail{To: "reader@example.com", Subject: "x", Text: "x"})
	got = mp.Message(t, mp.Wait(t, 2)[0].ID)
	if got.From.Name != "État: X-Injected" || got.Header("X-Injected") != "" {
		t.Errorf("from = %+v", got.From)
	}
}

// TestRefusedRecipientIsPermanent: a 5xx for the recipient is permanent; the other addresses
// still get their mail.
func TestRefusedRecipientIsPermanent(t *testing.T) {
	mp := mailpit.StartWith(t, mailpit.Options{AllowedRecipients: `^ok@example\.com$`})
	s := newSender(t, "smtp://"+mp.SMTPAddr, Options{})
	err := s.Send(context.Background(), Mail{To: "gone@example.com", Subject: "x", Text: "x"})
	if err == nil || !IsPermanent(err) || !strings.Contains(err.Error(), "550") {
		t.Errorf("refused recipient: err = %v, permanent %v", err, IsPermanent(err))
	}
	if err := s.Send(context.Background(), Mail{To: "ok@example.com", Subject: "x", Text: "x"}); err != nil {
		t.Errorf("allowed recipient: %v", err)
	}
	mp.Wait(t, 1)
}

// fakeSMTP is a server that answers every RCPT with rcpt, or never greets when rcpt is "".
func fakeSMTP(t *testing.T, rcpt string) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	t.Cleanup(func() { close(done); l.Close() })
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				if rcpt == "" {
					<-done
					return
				}
				tp := textproto.NewConn(c)
				tp.PrintfLine("220 fake ESMTP")
				for {
					line, err := tp.ReadLine()
					if err != nil {
						return
					}
					switch cmd := strings.ToUpper(strings.Fields(line + " x")[0]); cmd {
					case "EHLO", "HELO":
						tp.PrintfLine("250-fake\r\n250 ENHANCEDSTATUSCODES")
					case "RCPT":
						tp.PrintfLine("%s", rcpt)
					case "QUIT":
						tp.PrintfLine("221 bye")
						return
					default:
						tp.PrintfLine("250 ok")
					}
				}
			}()
		}
	}()
	return l.Addr().String()
}

func TestTemporaryFailures(t *testing.T) {
	closed := func() string {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		addr := l.Addr().String()
		l.Close()
		return addr
	}()
	for _, c := range []struct {
		name, addr string
		o          Options
		want       string
	}{
		{"4xx for the recipient", fakeSMTP(t, "452 4.2.2 mailbox full, try later"), Options{}, "452"},
		{"connection refused", closed, Options{}, "refused"},
		{"no greeting", fakeSMTP(t, ""), Options{SendTimeout: 300 * time.Millisecond}, "not delivered within"},
	} {
		s := newSender(t, "smtp://"+c.addr, c.o)
		err := s.Send(context.Background(), Mail{To: "a@example.com", Subject: "x", Text: "x"})
		if err == nil || IsPermanent(err) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v (permanent %v), want a temporary one saying %q", c.name, err, IsPermanent(err), c.want)
		}
	}
	// The 550 of the fake server is permanent as Mailpit's is.
	s := newSender(t, "smtp://"+fakeSMTP(t, "550 5.1.1 no such user"), Options{})
	if err := s.Send(context.Background(), Mail{To: "a@example.com", Subject: "x", Text: "x"}); !IsPermanent(err) {
		t.Errorf("550 5.1.1: err = %v, not permanent", err)
	}
}

// TestRate measures the Sender's token bucket at fixed instants: one message at once, then one
// every 1/rate; and a Send takes a token.
func TestRate(t *testing.T) {
	s := newSender(t, "smtp://127.0.0.1:25", Options{Rate: 4})
	lim := s.limiter
	t0 := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	for i, want := range []time.Duration{0, 250 * time.Millisecond, 500 * time.Millisecond, 750 * time.Millisecond} {
		r := lim.ReserveN(t0, 1)
		if !r.OK() || r.DelayFrom(t0) != want {
			t.Errorf("message %d waits %v, want %v", i+1, r.DelayFrom(t0), want)
		}
	}
	if d := lim.ReserveN(t0.Add(10*time.Second), 1).DelayFrom(t0.Add(10 * time.Second)); d != 0 {
		t.Errorf("after a quiet while the next waits %v: the bucket holds more than one message", d)
	}

	mp := mailpit.Start(t)
	slow := newSender(t, "smtp://"+mp.SMTPAddr, Options{Rate: 0.001})
	send(t, slow, Mail{To: "a@example.com", Subject: "x", Text: "x"})
	// The next token is 1000 s away: a Send with less time than that gives up at once, unsent.
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	err := slow.Send(ctx, Mail{To: "b@example.com", Subject: "x", Text: "x"})
	if err == nil || IsPermanent(err) || !strings.Contains(err.Error(), "rate") {
		t.Errorf("second send within the rate: %v", err)
	}
	if n := len(mp.Messages(t)); n != 1 {
		t.Errorf("Mailpit holds %d messages, want 1", n)
	}

	cfg, _ := ParseURL("smtp://127.0.0.1:25")
	for _, r := range []float64{0, -1} {
		if _, err := NewSender(cfg, Options{From: from, Rate: r, Now: time.Now}); err == nil {
			t.Errorf("rate %v accepted", r)
		}
	}
}

// TestTLS sends through Mailpit with its own certificate: STARTTLS that the server requires,
// implicit TLS, and STARTTLS to a name that is not loopback; a certificate the Sender does not
// trust stops the mail.
func TestTLS(t *testing.T) {
	mp := mailpit.StartWith(t, mailpit.Options{TLS: mailpit.RequireSTARTTLS})
	trust := &tls.Config{RootCAs: mp.Roots}
	send(t, newSender(t, "smtp://user:pass@"+mp.SMTPAddr, Options{TLS: trust}), Mail{To: "a@example.com", Subject: "starttls", Text: "x"})
	remote := newSender(t, "smtp://user:pass@"+mailpit.TLSName+":587", Options{TLS: trust})
	remote.dialAddr = mp.SMTPAddr
	send(t, remote, Mail{To: "a@example.com", Subject: "starttls remote", Text: "x"})
	mp.Wait(t, 2)
	untrusting := newSender(t, "smtp://user:pass@"+mp.SMTPAddr, Options{})
	if err := untrusting.Send(context.Background(), Mail{To: "a@example.com", Subject: "x", Text: "x"}); err == nil || IsPermanent(err) || !strings.Contains(err.Error(), "certificate") {
		t.Errorf("an unknown certificate: err = %v", err)
	}

	smtps := mailpit.StartWith(t, mailpit.Options{TLS: mailpit.ImplicitTLS})
	send(t, newSender(t, "smtps://user:pass@"+smtps.SMTPAddr, Options{TLS: &tls.Config{RootCAs: smtps.Roots}}), Mail{To: "a@example.com", Subject: "smtps", Text: "x"})
	if got := smtps.Message(t, smtps.Wait(t, 1)[0].ID); got.Subject != "smtps" {
		t.Errorf("subject = %q", got.Subject)
	}
	// smtp:// to an implicit-TLS port cannot talk: an error, not a hang.
	plain := newSender(t, "smtp://"+smtps.SMTPAddr, Options{SendTimeout: 2 * time.Second})
	if err := plain.Send(context.Background(), Mail{To: "a@example.com", Subject: "x", Text: "x"}); err == nil {
		t.Error("smtp:// to an smtps port sent")
	}
}

// TestClearTextToRemoteRefused: a server under a name that is not loopback which offers no
// STARTTLS gets nothing, and the error says how to allow it; with tls=none it gets the mail.
func TestClearTextToRemoteRefused(t *testing.T) {
	mp := mailpit.Start(t)
	s := newSender(t, "smtp://user:s3cr3t@"+mailpit.TLSName+":25", Options{})
	s.dialAddr = mp.SMTPAddr
	err := s.Send(context.Background(), Mail{To: "a@example.com", Subject: "x", Text: "x"})
	if !errors.Is(err, ErrNoStartTLS) || !strings.Contains(err.Error(), "tls=none") || IsPermanent(err) {
		t.Errorf("err = %v, want ErrNoStartTLS naming tls=none", err)
	}
	if strings.Contains(err.Error(), "s3cr3t") {
		t.Errorf("error shows the password: %v", err)
	}
	if n := len(mp.Messages(t)); n != 0 {
		t.Errorf("Mailpit received %d messages in the clear", n)
	}
	clear := newSender(t, "smtp://user:s3cr3t@"+mailpit.TLSName+":25?tls=none", Options{})
	clear.dialAddr = mp.SMTPAddr
	send(t, clear, Mail{To: "a@example.com", Subject: "x", Text: "x"})
	mp.Wait(t, 1)
}

// TestContextCancelled: a delivery to a server that never answers ends when its context does,
// not at the Sender's own timeout (an hour here, past the test's).
func TestContextCancelled(t *testing.T) {
	s := newSender(t, "smtp://"+fakeSMTP(t, ""), Options{SendTimeout: time.Hour})
	ctx, cancel := context.WithCancel(context.Background())
	go func() { time.Sleep(100 * time.Millisecond); cancel() }()
	if err := s.Send(ctx, Mail{To: "a@example.com", Subject: "x", Text: "x"}); !errors.Is(err, context.Canceled) || IsPermanent(err) {
		t.Errorf("err = %v, want a temporary one of the cancelled context", err)
	}
}

func TestHELO(t *testing.T) {
	cfg, _ := ParseURL("smtp://127.0.0.1:25")
	for _, h := range []string{"status.example.com\r\nMAIL FROM:<x@evil.example>", "a b", "-x", "x."} {
		if _, err := NewSender(cfg, Options{From: from, Rate: 1, Now: time.Now, HELO: h}); err == nil {
			t.Errorf("HELO %q accepted", h)
		}
	}
	mp := mailpit.Start(t)
	send(t, newSender(t, "smtp://"+mp.SMTPAddr, Options{HELO: "status.example.com"}), Mail{To: "a@example.com", Subject: "x", Text: "x"})
	if got := mp.Message(t, mp.Wait(t, 1)[0].ID); !strings.Contains(got.Raw, "status.example.com") {
		t.Errorf("the HELO name is not in the Received header:\n%s", got.Raw)
	}
}

// FuzzHeaders writes mail made of arbitrary words as it would go on the wire and reads its
// header section back: whatever the title, site, state, language, id and address hold, the
// headers are exactly the ones the Sender sets, each on its own logical line.
func FuzzHeaders(f *testing.F) {
	f.Add("Title\r\nBcc: x@evil.example", "Site\nX: y", "State", "en", "a@example.com", "id\r\nX: 1")
	f.Add("\u2028X: y", "\x00", "\r", "nl\r\n", "a@example.com\r\n", "")
	s, err := NewSender(Config{Host: "127.0.0.1", Port: 25}, Options{From: from, Rate: 1, Now: func() time.Time { return clock }})
	if err != nil {
		f.Fatal(err)
	}
	l := localizer(f, "en")
	base := message(f, "en")
	allowed := map[string]bool{
		"From": true, "To": true, "Subject": true, "Date": true, "Message-Id": true, "Content-Language": true,
		"Auto-Submitted": true, "List-Unsubscribe": true, "List-Unsubscribe-Post": true,
		"Mime-Version": true, "Content-Type": true, "Content-Transfer-Encoding": true,
	}
	f.Fuzz(func(t *testing.T, title, site, state, lang, to, id string) {
		m := base
		m.Title, m.Site, m.State = title, site, state
		mail := Notification(l, m, to, links("tok"))
		mail.Lang, mail.ID = lang, id
		msg, err := s.message(mail)
		if err != nil {
			if !IsPermanent(err) {
				t.Fatalf("a bad address is not permanent: %v", err)
			}
			return
		}
		var buf strings.Builder
		if _, err := msg.WriteTo(&buf); err != nil {
			t.Fatal(err)
		}
		head, _, _ := strings.Cut(buf.String(), "\r\n\r\n")
		r := textproto.NewReader(bufio.NewReader(strings.NewReader(head + "\r\n\r\n")))
		h, err := r.ReadMIMEHeader()
		if err != nil {
			t.Fatalf("header section does not parse: %v\n%s", err, head)
		}
		for k, v := range h {
			if !allowed[k] {
				t.Errorf("unexpected header %s: %q", k, v)
			}
			if len(v) != 1 {
				t.Errorf("header %s appears %d times", k, len(v))
			}
		}
		if got := h.Get("To"); !strings.Contains(got, strings.TrimSpace(to)) && !strings.Contains(got, "=?") {
			t.Errorf("To = %q for %q", got, to)
		}
	})
}
