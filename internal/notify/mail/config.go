package mail

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"
	"unicode"

	gomail "github.com/wneessen/go-mail"
)

// Security is how a connection to the mail server is protected.
type Security int

const (
	// StartTLS (smtp://) upgrades the connection with STARTTLS when the server offers it, and
	// demands it unless the server is on a loopback address.
	StartTLS Security = iota
	// ImplicitTLS (smtps://) speaks TLS from the first byte.
	ImplicitTLS
	// NoTLS (smtp://...?tls=none) never encrypts: the operator asked for clear text.
	NoTLS
)

// Default ports: submission with STARTTLS (RFC 6409) and submission over TLS (RFC 8314).
const (
	defaultPort    = 587
	defaultTLSPort = 465
)

// Config is where and how mail is handed over: the parsed --smtp URL.
type Config struct {
	Host     string
	Port     int
	Username string
	Password string
	Security Security
}

// ParseURL reads the --smtp URL:
//
//	smtp://user:password@host:port           STARTTLS (port 587 by default)
//	smtp://host:25?tls=none                  clear text, on the operator's word
//	smtps://user:password@host:port          implicit TLS (port 465 by default)
//
// The user and the password are percent-encoded ("p%40ss" for "p@ss"). Without a user no
// authentication is tried. Neither an error nor Config.String ever shows the password.
func ParseURL(raw string) (Config, error) {
	var c Config
	fail := func(format string, args ...any) (Config, error) {
		return Config{}, fmt.Errorf("--smtp %s: "+format, append([]any{redactRaw(raw)}, args...)...)
	}
	if strings.TrimSpace(raw) == "" {
		return fail("is empty: give the mail server as smtp://user:password@host:port or smtps://user:password@host:port")
	}
	u, err := url.Parse(raw)
	if err != nil {
		var esc url.EscapeError
		if errors.As(err, &esc) {
			return fail("holds a broken percent-encoding: write a special character of the user or password as %%XX with two hex digits (%%40 for @, %%3A for :, %%2F for /, %%25 for %%)")
		}
		// url's messages quote pieces of the URL, which may be pieces of the password: say
		// what is wrong in words of our own.
		msg := err.Error()
		switch {
		case strings.Contains(msg, "control character"):
			return fail("holds a control character (a line break?): remove it")
		case strings.Contains(msg, "invalid port"):
			return fail("has a port that is not a number: give host:port, and percent-encode @ : / ? # in the user and password (%%40 %%3A %%2F %%3F %%23)")
		case strings.Contains(msg, "missing protocol scheme"):
			return fail("has no scheme: start it with smtp:// (STARTTLS) or smtps:// (implicit TLS)")
		}
		return fail("is not a URL: write it as smtp://user:password@host:port, and percent-encode @ : / ? # in the user and password (%%40 %%3A %%2F %%3F %%23)")
	}
	switch u.Scheme {
	case "smtp":
		c.Security, c.Port = StartTLS, defaultPort
	case "smtps":
		c.Security, c.Port = ImplicitTLS, defaultTLSPort
	case "":
		return fail("has no scheme: start it with smtp:// (STARTTLS) or smtps:// (implicit TLS)")
	default:
		return fail("has the scheme %q: use smtp:// (STARTTLS) or smtps:// (implicit TLS)", u.Scheme)
	}
	if u.Opaque != "" {
		return fail("lacks the // after %s:: write %s://host:port", u.Scheme, u.Scheme)
	}
	c.Host = u.Hostname()
	if c.Host == "" {
		return fail("names no host: write %s://user:password@host:port", u.Scheme)
	}
	if p := u.Port(); p != "" {
		n, err := strconv.Atoi(p)
		if err != nil || n < 1 || n > 65535 {
			return fail("has the port %q: give a number from 1 to 65535, or leave it out for %d", p, c.Port)
		}
		c.Port = n
	} else if strings.HasSuffix(u.Host, ":") {
		return fail("ends its host with a colon and no port: give the port or leave out the colon")
	}
	if u.Path != "" && u.Path != "/" {
		return fail("has the path %q: a mail server URL ends after host:port", u.Path)
	}
	if u.Fragment != "" || strings.Contains(raw, "#") {
		return fail("has a fragment (#...): a # in the password must be written %%23")
	}
	if u.User != nil {
		c.Username = u.User.Username()
		pass, hasPass := u.User.Password()
		c.Password = pass
		switch {
		case c.Username == "":
			return fail("has a password but no user: write user:password@ before the host")
		case !hasPass:
			return fail("has the user %q but no password: write user:password@ before the host", c.Username)
		case hasControl(c.Username):
			return fail("has a control character in the user: remove it")
		case hasControl(c.Password):
			return fail("has a control character in the password: remove it")
		}
	}
	q, err := url.ParseQuery(u.RawQuery)
	if err != nil {
		return fail("has a query that cannot be read: the only option is ?tls=none")
	}
	for key, values := range q {
		if key != "tls" {
			return fail("has the option %q: the only option is ?tls=none", key)
		}
		if len(values) != 1 || values[0] != "none" {
			return fail("has tls=%s: the only value is tls=none, which sends in the clear", strings.Join(values, ","))
		}
		if c.Security == ImplicitTLS {
			return fail("asks for smtps:// and tls=none at once: use smtp://...?tls=none for clear text")
		}
		c.Security = NoTLS
	}
	return c, nil
}

// String is the URL without the password, for logs and errors.
func (c Config) String() string {
	u := url.URL{Scheme: "smtp", Host: net.JoinHostPort(c.Host, strconv.Itoa(c.Port))}
	if c.Security == ImplicitTLS {
		u.Scheme = "smtps"
	}
	if c.Username != "" {
		u.User = url.UserPassword(c.Username, "xxxxx")
	}
	if c.Security == NoTLS {
		u.RawQuery = "tls=none"
	}
	return u.String()
}

// Addr is host:port.
func (c Config) Addr() string { return net.JoinHostPort(c.Host, strconv.Itoa(c.Port)) }

// ClearTextAllowed tells whether mail may go unencrypted to the server: when the operator said
// tls=none, or to a loopback address, which is a relay on the same machine. A name is loopback
// only when it is "localhost" or a loopback IP literal: no name is looked up, so DNS cannot
// turn a remote server into a "local" one.
func (c Config) ClearTextAllowed() bool {
	if c.Security == NoTLS {
		return true
	}
	if strings.EqualFold(c.Host, "localhost") {
		return true
	}
	ip := net.ParseIP(c.Host)
	return ip != nil && ip.IsLoopback()
}

// tlsPolicy is go-mail's STARTTLS policy for c: required unless clear text is allowed, never
// for implicit TLS (the connection is TLS already) or tls=none.
func (c Config) tlsPolicy() gomail.TLSPolicy {
	switch {
	case c.Security != StartTLS:
		return gomail.NoTLS
	case c.ClearTextAllowed():
		return gomail.TLSOpportunistic
	default:
		return gomail.TLSMandatory
	}
}

func hasControl(s string) bool {
	return strings.ContainsFunc(s, unicode.IsControl)
}

// redactRaw is the URL as the operator wrote it with its user information's password replaced,
// for error messages. It works on the text, since a URL that cannot be parsed must not leak
// its password either.
func redactRaw(raw string) string {
	prefix, rest := "", raw
	if i := strings.Index(rest, "://"); i >= 0 {
		prefix, rest = rest[:i+3], rest[i+3:]
	}
	// Up to the last @: a password with an unencoded / ? # @ still ends there.
	at := strings.LastIndex(rest, "@")
	if at < 0 {
		return quoteControl(raw)
	}
	user, _, hasPass := strings.Cut(rest[:at], ":")
	if hasPass {
		user += ":xxxxx"
	}
	return quoteControl(prefix + user + rest[at:])
}

// quoteControl writes control characters visibly, so an error message stays on one line.
func quoteControl(s string) string {
	if !hasControl(s) {
		return s
	}
	q := strconv.Quote(s)
	return q[1 : len(q)-1]
}
