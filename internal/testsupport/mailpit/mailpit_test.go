package mailpit

import (
	"crypto/tls"
	"fmt"
	"net/smtp"
	"runtime"
	"strings"
	"testing"
)

func send(t *testing.T, addr, to, body string) {
	t.Helper()
	if err := smtp.SendMail(addr, nil, "from@example.com", []string{to}, []byte(body)); err != nil {
		t.Fatal(err)
	}
}

func TestReceivesAndReads(t *testing.T) {
	s := Start(t)
	send(t, s.SMTPAddr, "a@example.com", "From: from@example.com\r\nTo: a@example.com\r\nSubject: One\r\nX-Test: yes\r\n\r\nHello.\r\n")
	list := s.Wait(t, 1)
	m := s.Message(t, list[0].ID)
	if m.Subject != "One" || m.Text != "Hello.\r\n" && m.Text != "Hello." || m.Header("x-test") != "yes" || !strings.Contains(m.Raw, "X-Test: yes") {
		t.Errorf("read %+v", m)
	}
	if len(m.To) != 1 || m.To[0].Address != "a@example.com" {
		t.Errorf("to = %+v", m.To)
	}
}

func TestRejectsOtherRecipients(t *testing.T) {
	s := StartWith(t, Options{AllowedRecipients: `@example\.com$`})
	err := smtp.SendMail(s.SMTPAddr, nil, "from@example.com", []string{"x@elsewhere.org"}, []byte("Subject: x\r\n\r\nx\r\n"))
	if err == nil || !strings.HasPrefix(err.Error(), "550") {
		t.Errorf("err = %v, want a 550", err)
	}
}

func TestStartTLSWithItsOwnCertificate(t *testing.T) {
	s := StartWith(t, Options{TLS: RequireSTARTTLS})
	c, err := smtp.Dial(s.SMTPAddr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if ok, _ := c.Extension("STARTTLS"); !ok {
		t.Fatal("no STARTTLS offered")
	}
	if err := c.StartTLS(&tls.Config{ServerName: "127.0.0.1", RootCAs: s.Roots}); err != nil {
		t.Fatalf("STARTTLS with the test's pool: %v", err)
	}
}

// recorder catches Skip and Fatal of the helper, which end the goroutine as testing's do.
type recorder struct {
	testing.TB
	skipped, failed string
}

func (r *recorder) Helper() {}
func (r *recorder) Skip(args ...any) {
	r.skipped = fmt.Sprint(args...)
	runtime.Goexit()
}
func (r *recorder) Fatal(args ...any) {
	r.failed = fmt.Sprint(args...)
	runtime.Goexit()
}

func TestMissingBinarySkipsUnlessCI(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	for _, ci := range []string{"", "true"} {
		t.Setenv("CI", ci)
		r := &recorder{TB: t}
		done := make(chan struct{})
		go func() {
			defer close(done)
			find(r)
		}()
		<-done
		got := r.skipped
		if ci != "" {
			got = r.failed
			if r.skipped != "" {
				t.Errorf("CI=%s: skipped instead of failing", ci)
			}
		}
		if !strings.Contains(got, Install) {
			t.Errorf("CI=%q: message %q does not say how to install mailpit", ci, got)
		}
	}
}
