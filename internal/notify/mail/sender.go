package mail

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	netmail "net/mail"
	"regexp"
	"strings"
	"time"

	gomail "github.com/wneessen/go-mail"
	"golang.org/x/time/rate"
)

// Options are what a Sender needs besides its Config.
type Options struct {
	// From is the sender's address (--mail-from), with or without a name:
	// "Example Status <status@example.com>".
	From string
	// Rate is how many messages a second the Sender hands over at most; they leave one by one
	// (a token bucket of one).
	Rate float64
	// Now is the clock of the Date header.
	Now func() time.Time
	// TLS is the base of the TLS configuration; nil trusts the system's roots. Tests give a
	// pool that trusts their own certificate here.
	TLS *tls.Config
	// DialTimeout bounds connecting (10 s when zero); SendTimeout bounds a whole delivery, from
	// dialling to QUIT (60 s when zero).
	DialTimeout time.Duration
	SendTimeout time.Duration
	// HELO is the name the Sender gives itself in EHLO; go-mail's "localhost" when empty. Some
	// relays want the sending machine's own name here.
	HELO string
}

// Sender hands mail to one SMTP server, one connection per message, at a bounded rate. It is
// safe for concurrent use.
type Sender struct {
	cfg         Config
	from        *netmail.Address
	domain      string
	now         func() time.Time
	limiter     *rate.Limiter
	tls         *tls.Config
	dialTimeout time.Duration
	sendTimeout time.Duration
	helo        string
	// dialAddr, when set, is where the tests connect instead of the configured host, so that a
	// name that is not loopback can be tried against a local server.
	dialAddr string
}

// NewSender checks o and returns a Sender for c.
func NewSender(c Config, o Options) (*Sender, error) {
	if c.Host == "" || c.Port == 0 {
		return nil, errors.New("mail: no SMTP server: give --smtp smtp://user:password@host:port")
	}
	from, err := ParseFrom(o.From)
	if err != nil {
		return nil, err
	}
	if !(o.Rate > 0) {
		return nil, fmt.Errorf("mail: the sending rate is %v messages a second: give more than 0", o.Rate)
	}
	if o.Now == nil {
		return nil, errors.New("mail: no clock for the Date header")
	}
	s := &Sender{
		cfg:         c,
		from:        from,
		domain:      from.Address[strings.LastIndex(from.Address, "@")+1:],
		now:         o.Now,
		limiter:     rate.NewLimiter(rate.Limit(o.Rate), 1),
		dialTimeout: o.DialTimeout,
		sendTimeout: o.SendTimeout,
		helo:        o.HELO,
	}
	if o.HELO != "" && !heloName.MatchString(o.HELO) {
		return nil, fmt.Errorf("mail: the HELO name %s is not a host name: give the sending machine's name, such as status.example.com", quoteControl(o.HELO))
	}
	if s.dialTimeout <= 0 {
		s.dialTimeout = 10 * time.Second
	}
	if s.sendTimeout <= 0 {
		s.sendTimeout = 60 * time.Second
	}
	if o.TLS != nil {
		s.tls = o.TLS.Clone()
	} else {
		s.tls = &tls.Config{}
	}
	s.tls.ServerName = c.Host
	if s.tls.MinVersion < tls.VersionTLS12 {
		s.tls.MinVersion = tls.VersionTLS12
	}
	return s, nil
}

// ParseFrom reads a --mail-from address: one address, with or without a name, on one line.
func ParseFrom(s string) (*netmail.Address, error) {
	if strings.TrimSpace(s) == "" {
		return nil, errors.New("--mail-from is empty: give the address notifications come from, such as \"Example Status <status@example.com>\"")
	}
	if hasControl(s) {
		return nil, fmt.Errorf("--mail-from %s holds a control character (a line break?): give one address on one line", quoteControl(s))
	}
	a, err := netmail.ParseAddress(s)
	if err != nil {
		return nil, fmt.Errorf("--mail-from %q is not an e-mail address (%v): write it as status@example.com or \"Example Status <status@example.com>\"", s, err)
	}
	if !strings.Contains(a.Address, "@") || strings.HasSuffix(a.Address, "@") {
		return nil, fmt.Errorf("--mail-from %q has no domain: write it as status@example.com", s)
	}
	return a, nil
}

// From is the sender's address as it appears in the From header.
func (s *Sender) From() string { return s.from.String() }

// errPermanent marks a refusal that a retry cannot mend.
type errPermanent struct{ err error }

func (e errPermanent) Error() string { return e.err.Error() }
func (e errPermanent) Unwrap() error { return e.err }

// IsPermanent tells whether err is a refusal that retrying cannot mend: the server answered 5xx
// for the recipient, or the address cannot be written at all. The caller stops mailing the
// address; every other error is worth a retry.
func IsPermanent(err error) bool {
	var p errPermanent
	return errors.As(err, &p)
}

// ErrNoStartTLS is a server that offers no STARTTLS when mail may not go in the clear.
var ErrNoStartTLS = errors.New("the server offers no STARTTLS")

// Send hands m to the server: it waits for its turn under the rate, then connects, upgrades the
// connection, authenticates and delivers, all within the send timeout (and ctx).
func (s *Sender) Send(ctx context.Context, m Mail) error {
	msg, err := s.message(m)
	if err != nil {
		return err
	}
	if err := s.limiter.Wait(ctx); err != nil {
		return fmt.Errorf("mail to %s: waiting for the sending rate: %w", m.To, err)
	}
	ctx, cancel := context.WithTimeout(ctx, s.sendTimeout)
	defer cancel()
	client, err := gomail.NewClient(s.cfg.Host, s.clientOptions(ctx)...)
	if err != nil {
		return fmt.Errorf("mail to %s via %s: %w", m.To, s.cfg, err)
	}
	err = client.DialAndSendWithContext(ctx, msg)
	if err == nil {
		return nil
	}
	return s.classify(ctx, m.To, err)
}

func (s *Sender) clientOptions(ctx context.Context) []gomail.Option {
	opts := []gomail.Option{
		gomail.WithPort(s.cfg.Port),
		gomail.WithTimeout(s.sendTimeout),
		gomail.WithTLSPolicy(s.cfg.tlsPolicy()),
		gomail.WithTLSConfig(s.tls),
		gomail.WithDialContextFunc(s.dialer(ctx)),
	}
	if s.helo != "" {
		opts = append(opts, gomail.WithHELO(s.helo))
	}
	if s.cfg.Username != "" {
		// Mechanisms that never show the password come first. PLAIN and LOGIN go only over TLS
		// or to a loopback address, unless the operator said tls=none.
		plain, login := gomail.SMTPAuthPlain, gomail.SMTPAuthLogin
		if s.cfg.Security == NoTLS {
			plain, login = gomail.SMTPAuthPlainNoEnc, gomail.SMTPAuthLoginNoEnc
		}
		mechs := []gomail.SMTPAuthType{
			gomail.SMTPAuthSCRAMSHA256PLUS, gomail.SMTPAuthSCRAMSHA256,
			gomail.SMTPAuthSCRAMSHA1PLUS, gomail.SMTPAuthSCRAMSHA1,
			plain, login,
		}
		opts = append(opts,
			gomail.WithOpportunisticSMTPAuth(mechs...),
			gomail.WithUsername(s.cfg.Username),
			gomail.WithPassword(s.cfg.Password))
	}
	return opts
}

// dialer connects within the dial timeout, in TLS from the start for smtps, and closes the
// connection when the delivery's ctx ends, which bounds the whole delivery.
func (s *Sender) dialer(ctx context.Context) gomail.DialContextFunc {
	return func(dialCtx context.Context, network, addr string) (net.Conn, error) {
		if s.dialAddr != "" {
			addr = s.dialAddr
		}
		d := &net.Dialer{Timeout: s.dialTimeout}
		var conn net.Conn
		var err error
		if s.cfg.Security == ImplicitTLS {
			conn, err = (&tls.Dialer{NetDialer: d, Config: s.tls}).DialContext(dialCtx, network, addr)
		} else {
			conn, err = d.DialContext(dialCtx, network, addr)
		}
		if err != nil {
			return nil, err
		}
		context.AfterFunc(ctx, func() { conn.Close() })
		return conn, nil
	}
}

// message builds m as go-mail's message, every header through headerText or net/mail.
func (s *Sender) message(m Mail) (*gomail.Msg, error) {
	to, err := recipient(m.To)
	if err != nil {
		return nil, errPermanent{err}
	}
	msg := gomail.NewMsg(gomail.WithNoDefaultUserAgent())
	msg.FromMailAddress(s.from)
	msg.ToMailAddress(to)
	msg.Subject(headerText(m.Subject, maxSubject))
	msg.SetDateWithValue(s.now())
	if id := idChars.ReplaceAllString(m.ID, ""); id != "" {
		msg.SetMessageIDWithValue(headerText(id, 200) + "@" + s.domain)
	}
	if lang := headerText(m.Lang, 35); langTag.MatchString(lang) {
		msg.SetGenHeader(gomail.HeaderContentLang, lang)
	}
	// RFC 3834: no out-of-office answers to these.
	msg.SetGenHeader("Auto-Submitted", "auto-generated")
	if m.Unsubscribe != "" {
		if !absoluteURL(m.Unsubscribe) {
			return nil, fmt.Errorf("mail to %s: the unsubscribe link %q is not an absolute http(s) URL", m.To, headerText(m.Unsubscribe, 200))
		}
		// RFC 8058: a POST of List-Unsubscribe=One-Click to the URL unsubscribes.
		msg.SetGenHeader(gomail.HeaderListUnsubscribe, "<"+m.Unsubscribe+">")
		msg.SetGenHeader(gomail.HeaderListUnsubscribePost, "List-Unsubscribe=One-Click")
	}
	msg.SetBodyString(gomail.TypeTextPlain, m.Text)
	if m.HTML != "" {
		msg.AddAlternativeString(gomail.TypeTextHTML, m.HTML)
	}
	return msg, nil
}

var (
	langTag  = regexp.MustCompile(`^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$`)
	heloName = regexp.MustCompile(`^[A-Za-z0-9]([A-Za-z0-9.-]{0,252}[A-Za-z0-9])?$`)
	// idChars are what a Message-ID's left part may not hold here: it is a dot-atom of our own
	// making (see messageID), so anything else is dropped.
	idChars = regexp.MustCompile(`[^A-Za-z0-9._-]`)
)

// recipient reads a subscriber's address: one bare address, nothing else.
func recipient(s string) (*netmail.Address, error) {
	if len(s) > 254 {
		return nil, fmt.Errorf("mail: the address %.40q... is longer than 254 characters", s)
	}
	if hasControl(s) {
		return nil, fmt.Errorf("mail: the address %s holds a control character", quoteControl(s))
	}
	a, err := netmail.ParseAddress(s)
	if err != nil || a.Name != "" || a.Address != strings.TrimSpace(s) {
		return nil, fmt.Errorf("mail: %q is not one bare e-mail address", s)
	}
	return a, nil
}

// classify wraps a failed delivery: permanent when the server refused the recipient for good,
// otherwise temporary with what happened in words.
func (s *Sender) classify(ctx context.Context, to string, err error) error {
	var se *gomail.SendError
	if errors.As(err, &se) {
		code := se.ErrorCode()
		switch {
		case se.Reason == gomail.ErrSMTPRcptTo && code >= 500 && code < 600:
			return errPermanent{fmt.Errorf("mail to %s: the server refused the recipient: %w", to, err)}
		case se.Reason == gomail.ErrSMTPDataClose && code >= 500 && code < 600 && strings.HasPrefix(se.EnhancedStatusCode(), "5.1."):
			return errPermanent{fmt.Errorf("mail to %s: the server refused the recipient after the message: %w", to, err)}
		}
	}
	var ne net.Error
	switch {
	case ctx.Err() != nil:
		return fmt.Errorf("mail to %s via %s: not delivered within %s (%w): %w", to, s.cfg, s.sendTimeout, context.Cause(ctx), err)
	case errors.As(err, &ne) && ne.Timeout():
		return fmt.Errorf("mail to %s via %s: not delivered within %s: the server did not answer: %w", to, s.cfg, s.sendTimeout, err)
	case strings.Contains(err.Error(), "does not support STARTTLS"):
		return fmt.Errorf("mail to %s via %s: %w, and mail goes in the clear only to a loopback address: use smtps:// if the server speaks TLS, or add ?tls=none to --smtp to send in the clear", to, s.cfg, ErrNoStartTLS)
	}
	return fmt.Errorf("mail to %s via %s: %w", to, s.cfg, err)
}
