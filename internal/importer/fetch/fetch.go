// Package fetch is the import's HTTP client: GET requests with a timeout per attempt, retries
// with exponential backoff on 429 (honouring Retry-After) and 5xx answers and on network errors,
// a User-Agent that names statuspress, a cap on the size of an answer, and an API key that is
// sent as a header and never appears in an error or a log line.
package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// Client fetches documents. The zero value is not usable; see New.
type Client struct {
	HTTP *http.Client
	// UserAgent is sent with every request.
	UserAgent string
	// Attempts is how many times a request is tried in all.
	Attempts int
	// Backoff is the wait before the second attempt; it doubles for each further one, up to
	// MaxWait.
	Backoff, MaxWait time.Duration
	// MaxBody refuses larger answers.
	MaxBody int64
	// Authorization, when set, is sent as the Authorization header. It is never part of an
	// error message.
	Authorization string
	// Sleep waits, or returns early with the context's error; tests replace it.
	Sleep func(context.Context, time.Duration) error
	// Now is the clock, for a Retry-After given as a date; without one such a header is not
	// heeded and the backoff applies.
	Now func() time.Time
	// Log, when set, is told about each retry (without the key).
	Log func(format string, args ...any)
}

// New is a client with a timeout per attempt, four attempts and a backoff from one second.
func New(userAgent string, timeout time.Duration) *Client {
	return &Client{
		HTTP:      &http.Client{Timeout: timeout},
		UserAgent: userAgent,
		Attempts:  4,
		Backoff:   time.Second,
		MaxWait:   time.Minute,
		MaxBody:   64 << 20,
		Sleep:     sleep,
	}
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// StatusError is an answer that is not 200 and not worth retrying, or the last of the retries.
type StatusError struct {
	URL    string
	Status int
	// Snippet is the start of the answer's body, cleaned for a terminal.
	Snippet string
}

func (e *StatusError) Error() string {
	msg := fmt.Sprintf("GET %s: %d %s", e.URL, e.Status, http.StatusText(e.Status))
	switch {
	case e.Status == http.StatusUnauthorized || e.Status == http.StatusForbidden:
		msg += "; check the API key in STATUSPAGE_API_KEY and the page id"
	case e.Status == http.StatusNotFound:
		msg += "; check the address"
	case e.Status == http.StatusTooManyRequests:
		msg += "; the server kept refusing for too many requests, try again later"
	}
	if e.Snippet != "" {
		msg += ": " + e.Snippet
	}
	return msg
}

// Get fetches rawURL and returns its body.
func (c *Client) Get(ctx context.Context, rawURL string) ([]byte, error) {
	shown := redact(rawURL)
	wait := c.Backoff
	var last error
	for attempt := 1; attempt <= c.Attempts; attempt++ {
		body, retryAfter, err := c.once(ctx, rawURL, shown)
		if err == nil {
			return body, nil
		}
		last = err
		if retryAfter < 0 || attempt == c.Attempts || ctx.Err() != nil {
			break
		}
		d := wait
		if retryAfter > 0 {
			d = retryAfter
		}
		d = min(d, c.MaxWait)
		if c.Log != nil {
			c.Log("%v; trying again in %s (attempt %d of %d)", err, d, attempt+1, c.Attempts)
		}
		if err := c.Sleep(ctx, d); err != nil {
			return nil, err
		}
		wait = min(wait*2, c.MaxWait)
	}
	return nil, last
}

// once makes one attempt. retryAfter is negative when a retry cannot help, positive when the
// server said how long to wait, and 0 to use the backoff.
func (c *Client) once(ctx context.Context, rawURL, shown string) (body []byte, retryAfter time.Duration, err error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, -1, fmt.Errorf("GET %s: %v", shown, scrub(err, rawURL, shown))
	}
	req.Header.Set("User-Agent", c.UserAgent)
	req.Header.Set("Accept", "application/json")
	if c.Authorization != "" {
		req.Header.Set("Authorization", c.Authorization)
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		err = scrub(err, rawURL, shown)
		var ne net.Error
		if errors.As(err, &ne) && ne.Timeout() {
			return nil, 0, fmt.Errorf("GET %s: no answer in time (%v)", shown, c.HTTP.Timeout)
		}
		return nil, 0, fmt.Errorf("GET %s: %v", shown, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, c.MaxBody+1))
	if err != nil {
		return nil, 0, fmt.Errorf("GET %s: the answer broke off: %v", shown, scrub(err, rawURL, shown))
	}
	if int64(len(data)) > c.MaxBody {
		return nil, -1, fmt.Errorf("GET %s: the answer is larger than %d MiB", shown, c.MaxBody>>20)
	}
	switch {
	case resp.StatusCode == http.StatusOK:
		return data, 0, nil
	case resp.StatusCode == http.StatusTooManyRequests:
		return nil, c.retryAfter(resp.Header.Get("Retry-After")), &StatusError{URL: shown, Status: resp.StatusCode}
	case resp.StatusCode >= 500:
		return nil, c.retryAfter(resp.Header.Get("Retry-After")), &StatusError{URL: shown, Status: resp.StatusCode, Snippet: snippet(data, c.Authorization)}
	}
	return nil, -1, &StatusError{URL: shown, Status: resp.StatusCode, Snippet: snippet(data, c.Authorization)}
}

// retryAfter reads a Retry-After header: seconds, or an HTTP date. 0 when absent or unreadable.
func (c *Client) retryAfter(h string) time.Duration {
	h = strings.TrimSpace(h)
	if h == "" {
		return 0
	}
	if s, err := strconv.Atoi(h); err == nil && s >= 0 {
		return max(time.Duration(s)*time.Second, time.Millisecond)
	}
	if t, err := http.ParseTime(h); err == nil && c.Now != nil {
		return max(t.Sub(c.Now()), time.Millisecond)
	}
	return 0
}

// snippet is the start of a body, one line of printable text, with the key taken out should a
// server echo it.
func snippet(data []byte, secret string) string {
	s := string(data)
	if secret != "" {
		s = strings.ReplaceAll(s, secret, "[key]")
		if _, key, ok := strings.Cut(secret, " "); ok && key != "" {
			s = strings.ReplaceAll(s, key, "[key]")
		}
	}
	s = strings.Map(func(r rune) rune {
		if unicode.IsPrint(r) {
			return r
		}
		return ' '
	}, s)
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 120 {
		s = string(r[:120]) + "…"
	}
	return s
}

// redact is a URL as errors show it: without user information or a query's values that might
// hold a key.
func redact(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "(an unreadable URL)"
	}
	u.User = nil
	q := u.Query()
	for k := range q {
		if k != "page" && k != "per_page" {
			q.Set(k, "…")
		}
	}
	u.RawQuery = q.Encode()
	return u.String()
}

// scrub replaces the URL in a net/http error with its redacted form.
func scrub(err error, raw, shown string) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return errors.New(strings.ReplaceAll(err.Error(), raw, shown))
}
