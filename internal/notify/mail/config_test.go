package mail

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	gomail "github.com/wneessen/go-mail"
)

func TestParseURL(t *testing.T) {
	for _, c := range []struct {
		raw    string
		want   Config
		string string
	}{
		{"smtp://mail.example.com", Config{Host: "mail.example.com", Port: 587}, "smtp://mail.example.com:587"},
		{"smtp://user:pass@mail.example.com:2525", Config{Host: "mail.example.com", Port: 2525, Username: "user", Password: "pass"}, "smtp://user:xxxxx@mail.example.com:2525"},
		{"smtps://mail.example.com", Config{Host: "mail.example.com", Port: 465, Security: ImplicitTLS}, "smtps://mail.example.com:465"},
		{"smtps://u:p@mail.example.com:8465/", Config{Host: "mail.example.com", Port: 8465, Username: "u", Password: "p", Security: ImplicitTLS}, "smtps://u:xxxxx@mail.example.com:8465"},
		{"SMTP://Mail.Example.com", Config{Host: "Mail.Example.com", Port: 587}, "smtp://Mail.Example.com:587"},
		{"smtp://relay.internal:25?tls=none", Config{Host: "relay.internal", Port: 25, Security: NoTLS}, "smtp://relay.internal:25?tls=none"},
		// Percent-encoded user and password: an address as user, and every character that has a
		// meaning in a URL in the password.
		{"smtp://apikey%40example.com:p%40ss%3Aw%2Fo%3Fr%23d%25@smtp.example.com", Config{Host: "smtp.example.com", Port: 587, Username: "apikey@example.com", Password: "p@ss:w/o?r#d%"}, "smtp://apikey%40example.com:xxxxx@smtp.example.com:587"},
		{"smtp://[::1]:1025", Config{Host: "::1", Port: 1025}, "smtp://[::1]:1025"},
		{"smtp://127.0.0.1:1025", Config{Host: "127.0.0.1", Port: 1025}, "smtp://127.0.0.1:1025"},
	} {
		got, err := ParseURL(c.raw)
		if err != nil {
			t.Errorf("ParseURL(%q): %v", c.raw, err)
			continue
		}
		if diff := cmp.Diff(c.want, got); diff != "" {
			t.Errorf("ParseURL(%q) (-want +got):\n%s", c.raw, diff)
		}
		if s := got.String(); s != c.string {
			t.Errorf("ParseURL(%q).String() = %q, want %q", c.raw, s, c.string)
		}
	}
}

func TestParseURLErrors(t *testing.T) {
	const secret = "s3cr3tPW"
	for _, c := range []struct{ raw, want string }{
		{"", "is empty"},
		{"   ", "is empty"},
		{"mail.example.com:587", "smtp://"},
		{"http://mail.example.com", `scheme "http"`},
		{"smtp:mail.example.com", "lacks the //"},
		{"smtp://", "names no host"},
		{"smtp://u:" + secret + "@", "names no host"},
		{"smtp://mail.example.com:0", `port "0"`},
		{"smtp://mail.example.com:70000", `port "70000"`},
		{"smtp://mail.example.com:", "no port"},
		{"smtp://u:" + secret + "@mail.example.com:smtp", "port that is not a number"},
		{"smtp://mail.example.com/inbox", `path "/inbox"`},
		{"smtp://u:" + secret + "@mail.example.com#x", "fragment"},
		{"smtp://u:" + secret + "#x@mail.example.com", "percent-encode"},
		{"smtp://u:" + secret + "%zz@mail.example.com", "broken percent-encoding"},
		{"smtp://u:" + secret + "/x@mail.example.com", "percent-encode"},
		{"smtp://:" + secret + "@mail.example.com", "no user"},
		{"smtp://user@mail.example.com", "no password"},
		{"smtp://u%0D%0AX:" + secret + "@mail.example.com", "control character in the user"},
		{"smtp://u:" + secret + "%0D%0AQUIT@mail.example.com", "control character in the password"},
		{"smtp://u:" + secret + "\r\n@mail.example.com", "control character"},
		{"smtp://mail.example.com?tls=required", "tls=required"},
		{"smtp://mail.example.com?tls=none&tls=none", "tls=none,none"},
		{"smtp://mail.example.com?helo=x", `option "helo"`},
		{"smtps://u:" + secret + "@mail.example.com?tls=none", "smtps:// and tls=none"},
		{"smtp://mail.example.com?tls=%zz", "query"},
	} {
		_, err := ParseURL(c.raw)
		if err == nil {
			t.Errorf("ParseURL(%q): no error, want one about %q", c.raw, c.want)
			continue
		}
		msg := err.Error()
		if !strings.Contains(msg, c.want) {
			t.Errorf("ParseURL(%q) = %q, want it to say %q", c.raw, msg, c.want)
		}
		if !strings.HasPrefix(msg, "--smtp ") {
			t.Errorf("ParseURL(%q) = %q: does not name the flag", c.raw, msg)
		}
		if strings.Contains(msg, secret) || strings.Contains(msg, "3cr3") {
			t.Errorf("ParseURL(%q) = %q: shows the password", c.raw, msg)
		}
		if strings.ContainsAny(msg, "\r\n") {
			t.Errorf("ParseURL(%q) = %q: spans lines", c.raw, msg)
		}
	}
}

// TestClearTextRefused pins the decision of when mail may go in the clear: to a loopback
// address, or on the operator's tls=none; anywhere else STARTTLS is required.
func TestClearTextRefused(t *testing.T) {
	for _, c := range []struct {
		raw    string
		clear  bool
		policy gomail.TLSPolicy
	}{
		{"smtp://127.0.0.1:25", true, gomail.TLSOpportunistic},
		{"smtp://127.8.9.10:25", true, gomail.TLSOpportunistic},
		{"smtp://[::1]:25", true, gomail.TLSOpportunistic},
		{"smtp://localhost:25", true, gomail.TLSOpportunistic},
		{"smtp://LocalHost:25", true, gomail.TLSOpportunistic},
		{"smtp://mail.example.com:587", false, gomail.TLSMandatory},
		{"smtp://10.0.0.5:25", false, gomail.TLSMandatory},
		{"smtp://192.168.1.1:25", false, gomail.TLSMandatory},
		{"smtp://[::ffff:10.0.0.1]:25", false, gomail.TLSMandatory},
		// Names are not looked up: a name that resolves to loopback is not trusted as one.
		{"smtp://localhost.example.com:25", false, gomail.TLSMandatory},
		{"smtp://127.0.0.1.nip.io:25", false, gomail.TLSMandatory},
		{"smtp://mail.example.com:25?tls=none", true, gomail.NoTLS},
		{"smtps://mail.example.com", false, gomail.NoTLS},
	} {
		cfg, err := ParseURL(c.raw)
		if err != nil {
			t.Fatal(err)
		}
		if got := cfg.ClearTextAllowed(); got != c.clear {
			t.Errorf("%s: clear text allowed = %v, want %v", c.raw, got, c.clear)
		}
		if got := cfg.tlsPolicy(); got != c.policy {
			t.Errorf("%s: STARTTLS policy = %v, want %v", c.raw, got, c.policy)
		}
	}
}

func FuzzParseURL(f *testing.F) {
	for _, s := range []string{"smtp://u:p@h:25", "smtps://h", "smtp://h?tls=none", "smtp://u:p%zz@h"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		cfg, err := ParseURL(raw)
		if err != nil {
			if strings.ContainsAny(err.Error(), "\r\n") {
				t.Errorf("error spans lines: %q", err)
			}
			return
		}
		if cfg.Password != "" && len(cfg.Password) >= 4 && strings.Contains(cfg.String(), cfg.Password) {
			t.Errorf("String() %q shows the password", cfg.String())
		}
		if cfg.Host == "" || cfg.Port < 1 || cfg.Port > 65535 {
			t.Errorf("accepted %q as %+v", raw, cfg)
		}
	})
}
