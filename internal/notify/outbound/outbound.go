// Package outbound posts notifications to addresses that operators configure (chat incoming
// webhooks, generic webhooks) without letting them reach what they should not: the address is
// checked when the connection is made, after DNS, so a name that resolves to a public address
// for the check and to 127.0.0.1 for the connection (DNS rebinding) cannot pass. Loopback,
// private, link-local, unspecified, multicast and the other special-purpose ranges are refused
// unless the operator allows private addresses (--allow-private-webhooks). Every step has a
// timeout, redirects are followed only on the same scheme and host, and the answer's body is read
// up to a limit. Classify turns the outcome into success, retry or permanent failure.
package outbound

import (
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"strconv"
	"syscall"
	"time"
)

// Options configure a Client.
type Options struct {
	// AllowPrivate lets webhooks reach loopback and private addresses (--allow-private-webhooks).
	AllowPrivate bool
	// Timeout bounds a whole request, redirects and reading the answer included; 0 means 15 s.
	Timeout time.Duration
}

// MaxBody is how much of an answer is read: enough for an error message, not a download.
const MaxBody = 64 << 10

// maxRedirects is how many same-host redirects a request follows.
const maxRedirects = 3

// ErrRefused is returned when a connection would reach an address webhooks may not reach.
var ErrRefused = errors.New("address not allowed for webhooks")

// ErrRedirect is returned for a redirect to another host or scheme, or too many redirects.
var ErrRedirect = errors.New("redirect not followed")

// NewClient returns an HTTP client for webhooks.
func NewClient(o Options) *http.Client {
	if o.Timeout == 0 {
		o.Timeout = 15 * time.Second
	}
	d := &net.Dialer{Timeout: 5 * time.Second, KeepAlive: 30 * time.Second}
	if !o.AllowPrivate {
		d.Control = refuseSpecial
	}
	t := &http.Transport{
		// No proxy: the check must see the address actually connected to.
		Proxy:                  nil,
		DialContext:            d.DialContext,
		ForceAttemptHTTP2:      true,
		MaxIdleConns:           16,
		IdleConnTimeout:        90 * time.Second,
		TLSHandshakeTimeout:    5 * time.Second,
		ResponseHeaderTimeout:  10 * time.Second,
		ExpectContinueTimeout:  time.Second,
		MaxResponseHeaderBytes: 64 << 10,
	}
	return &http.Client{
		Transport: t,
		Timeout:   o.Timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			first := via[0].URL
			if len(via) > maxRedirects {
				return fmt.Errorf("%w: more than %d redirects", ErrRedirect, maxRedirects)
			}
			if req.URL.Scheme != first.Scheme || req.URL.Host != first.Host {
				return fmt.Errorf("%w: to another host", ErrRedirect)
			}
			return nil
		},
	}
}

// refuseSpecial is the dialer's Control: it runs for every address a connection is attempted to,
// after name resolution.
func refuseSpecial(network, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("%w: %s", ErrRefused, address)
	}
	if !Public(ap.Addr()) {
		return fmt.Errorf("%w: %s is not a public address (use --allow-private-webhooks for a receiver on your own network)", ErrRefused, ap.Addr())
	}
	return nil
}

// special are the IANA special-purpose ranges that netip's predicates do not cover and that no
// webhook receiver on the internet uses.
var special = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),       // "this network"
	netip.MustParsePrefix("100.64.0.0/10"),   // carrier-grade NAT
	netip.MustParsePrefix("192.0.0.0/24"),    // IETF protocol assignments
	netip.MustParsePrefix("192.0.2.0/24"),    // documentation
	netip.MustParsePrefix("192.88.99.0/24"),  // 6to4 relay anycast
	netip.MustParsePrefix("198.18.0.0/15"),   // benchmarking
	netip.MustParsePrefix("198.51.100.0/24"), // documentation
	netip.MustParsePrefix("203.0.113.0/24"),  // documentation
	netip.MustParsePrefix("240.0.0.0/4"),     // reserved, and the broadcast address
	netip.MustParsePrefix("64:ff9b::/96"),    // NAT64: reaches IPv4 addresses, private ones too
	netip.MustParsePrefix("64:ff9b:1::/48"),  // local-use NAT64
	netip.MustParsePrefix("100::/64"),        // discard
	netip.MustParsePrefix("2001::/23"),       // IETF protocol assignments, Teredo among them
	netip.MustParsePrefix("2001:db8::/32"),   // documentation
	netip.MustParsePrefix("2002::/16"),       // 6to4: reaches IPv4 addresses
	netip.MustParsePrefix("fec0::/10"),       // deprecated site-local
}

// Public reports whether a webhook may connect to a: a global unicast address outside every
// private and special-purpose range. An IPv4 address written as IPv6 (::ffff:a.b.c.d) is judged
// as the IPv4 address it is.
func Public(a netip.Addr) bool {
	a = a.Unmap()
	if !a.IsValid() || !a.IsGlobalUnicast() || a.IsPrivate() || a.IsLoopback() ||
		a.IsLinkLocalUnicast() || a.IsMulticast() || a.IsUnspecified() {
		return false
	}
	for _, p := range special {
		if p.Contains(a) {
			return false
		}
	}
	return true
}

// Outcome is what to do after an attempt.
type Outcome int

const (
	// Success: the receiver took the message.
	Success Outcome = iota
	// Retry: try again later (after RetryAfter when the receiver named a time).
	Retry
	// Permanent: stop sending to this address until the operator changes it.
	Permanent
)

func (o Outcome) String() string {
	switch o {
	case Success:
		return "success"
	case Retry:
		return "retry"
	}
	return "permanent"
}

// Result is the outcome of one attempt.
type Result struct {
	Outcome Outcome
	// Status is the HTTP status, 0 when there was no answer.
	Status int
	// RetryAfter is the wait the receiver asked for (Retry-After), 0 when it named none.
	RetryAfter time.Duration
	// Body is the start of the answer, for logs.
	Body string
	Err  error
}

// Do sends req with c and classifies the outcome. It reads at most MaxBody of the answer and
// closes it. now is the time Retry-After dates are measured from.
func Do(c *http.Client, req *http.Request, now time.Time) Result {
	resp, err := c.Do(req)
	if err != nil {
		return Classify(nil, err, now)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, MaxBody))
	r := Classify(resp, nil, now)
	if len(body) > 512 {
		body = body[:512]
	}
	r.Body = string(body)
	if err != nil && r.Outcome == Success {
		// The receiver answered 2xx and then broke off: it took the message.
		r.Err = nil
	}
	return r
}

// Classify sorts an attempt's answer or error: 2xx is success; timeouts, network errors, 408,
// 429 and 5xx are worth retrying (429 and 503 after their Retry-After); 410 Gone and every other
// answer (3xx not followed, 4xx) are permanent, and so are a refused address and a redirect to
// another host, which only the operator can fix.
func Classify(resp *http.Response, err error, now time.Time) Result {
	if err != nil {
		if errors.Is(err, ErrRefused) || errors.Is(err, ErrRedirect) {
			return Result{Outcome: Permanent, Err: err}
		}
		// Timeouts, refused connections, resets and DNS failures pass.
		return Result{Outcome: Retry, Err: err}
	}
	r := Result{Status: resp.StatusCode}
	switch code := resp.StatusCode; {
	case code >= 200 && code < 300:
		r.Outcome = Success
	case code == http.StatusRequestTimeout, code == http.StatusTooManyRequests, code >= 500:
		r.Outcome = Retry
		r.RetryAfter = retryAfter(resp.Header.Get("Retry-After"), now)
		r.Err = fmt.Errorf("receiver answered %s", resp.Status)
	default:
		r.Outcome = Permanent
		r.Err = fmt.Errorf("receiver answered %s", resp.Status)
	}
	return r
}

// maxRetryAfter caps a receiver's Retry-After, so one cannot park a delivery for a year.
const maxRetryAfter = 6 * time.Hour

// retryAfter reads Retry-After: a number of seconds or an HTTP date (RFC 9110, 10.2.3).
func retryAfter(v string, now time.Time) time.Duration {
	if v == "" {
		return 0
	}
	var d time.Duration
	if s, err := strconv.Atoi(v); err == nil {
		d = time.Duration(max(s, 0)) * time.Second
	} else if t, err := http.ParseTime(v); err == nil {
		d = max(t.Sub(now), 0)
	}
	return min(d, maxRetryAfter)
}
