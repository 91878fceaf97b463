// Package mail is the e-mail channel: it writes a notify.Message as one subscriber's e-mail
// (Notification) and the double opt-in mail (Confirmation), both as plain text and HTML in the
// reader's language, and hands them to an SMTP server (Sender) through go-mail, with STARTTLS or
// implicit TLS, authentication and a sending rate.
//
// Everything that goes into a header passes through one door: control characters (CR and LF
// above all) become spaces, addresses are parsed by net/mail, links must be absolute http(s)
// URLs. No word of the content, the subscriber or the configuration can add a header or break
// one.
//
// A Sender tells a refusal that retrying cannot mend (an SMTP 5xx answer for the recipient)
// from one that may pass later (4xx, timeouts, lost connections): IsPermanent reports the
// first kind, and the caller stops mailing that address.
package mail

import (
	"crypto/sha256"
	"encoding/base32"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Mail is one e-mail to one address, ready to send.
type Mail struct {
	To      string
	Subject string
	// Lang is the language of the words (Content-Language).
	Lang string
	Text string
	HTML string
	// ID is the left part of the Message-ID; the Sender adds the domain of its From address. The
	// same mail to the same address has the same ID, so a retried delivery is the same message.
	ID string
	// Unsubscribe is the one-click unsubscribe URL (List-Unsubscribe, RFC 8058); empty for mail
	// that is not a subscription's, such as the confirmation.
	Unsubscribe string
}

// maxSubject is the most characters of a subject: mail clients show far fewer, and a title that
// long is a mistake or an attack.
const maxSubject = 200

// headerText makes s fit for a header: every control or line-separating character becomes a
// space, runs of spaces shrink to one, and the result is cut to max characters.
func headerText(s string, max int) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsControl(r) || unicode.IsSpace(r) || r == '\u2028' || r == '\u2029' || r == utf8.RuneError {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	out := b.String()
	if utf8.RuneCountInString(out) > max {
		out = strings.TrimSpace(string([]rune(out)[:max-1])) + "…"
	}
	return out
}

// subject is "[Site] text", on one line whatever its parts hold.
func subject(site, text string) string {
	site = headerText(site, maxSubject)
	if site == "" {
		return headerText(text, maxSubject)
	}
	return headerText("["+site+"] "+text, maxSubject)
}

// messageID is a Message-ID's left part made from what identifies the mail: the same parts
// give the same id, on every replica and retry.
func messageID(kind string, parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	sum := h.Sum(nil)
	return kind + "." + strings.ToLower(base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(sum[:20]))
}

// absoluteURL tells whether s is an absolute http or https URL that can stand in a header
// between angle brackets: printable ASCII, no spaces, brackets or commas.
func absoluteURL(s string) bool {
	if s == "" || len(s) > 2000 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= ' ' || c >= 0x7f || c == '<' || c == '>' || c == ',' || c == '"' {
			return false
		}
	}
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != "" && u.User == nil
}
