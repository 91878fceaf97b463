package e2e

import (
	"fmt"
	"strings"
	"sync"

	"github.com/go-rod/rod/lib/proto"
)

// collector gathers what a page reports while it loads and is checked.
type collector struct {
	base       string // our server; its answers must not be errors
	url        string // the page
	wantStatus int

	mu        sync.Mutex
	requests  map[proto.NetworkRequestID]string                 // URLs
	statuses  map[proto.NetworkRequestID]int                    // HTTP statuses, also of responses the page refused
	responses map[proto.NetworkRequestID]*proto.NetworkResponse // of every request answered
	loaded    map[proto.NetworkLoaderID]bool
	docStatus int
	problems  []func() string // formatted when read, by when all the details have come in
}

func newCollector(base, url string, wantStatus int) *collector {
	return &collector{
		base: base, url: url, wantStatus: wantStatus,
		requests:  map[proto.NetworkRequestID]string{},
		statuses:  map[proto.NetworkRequestID]int{},
		responses: map[proto.NetworkRequestID]*proto.NetworkResponse{},
		loaded:    map[proto.NetworkLoaderID]bool{},
	}
}

// browserOwn tells the requests the browser makes for itself rather than for the page: the
// icon, asked for once per origin when a page declares none. The icon subtest checks it.
func (c *collector) browserOwn(u string) bool {
	return u == c.base+"/favicon.ico"
}

func (c *collector) add(format string, args ...any) {
	s := fmt.Sprintf(format, args...)
	c.mu.Lock()
	defer c.mu.Unlock()
	c.problems = append(c.problems, func() string { return s })
}

func (c *collector) result() (int, []string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	ps := make([]string, len(c.problems))
	for i, p := range c.problems {
		ps[i] = p()
	}
	return c.docStatus, ps
}

// responsesTo are the responses to the requests for url, in no particular order.
func (c *collector) responsesTo(url string) []*proto.NetworkResponse {
	c.mu.Lock()
	defer c.mu.Unlock()
	var rs []*proto.NetworkResponse
	for _, r := range c.responses {
		if r.URL == url {
			rs = append(rs, r)
		}
	}
	return rs
}

func (c *collector) isLoaded(id proto.NetworkLoaderID) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.loaded[id]
}

func (c *collector) consoleAPICalled(e *proto.RuntimeConsoleAPICalled) {
	if e.Type != proto.RuntimeConsoleAPICalledTypeError && e.Type != proto.RuntimeConsoleAPICalledTypeAssert {
		return
	}
	var args []string
	for _, a := range e.Args {
		args = append(args, remoteText(a))
	}
	c.add("console.%s: %s%s", e.Type, strings.Join(args, " "), stackText(e.StackTrace))
}

func (c *collector) exceptionThrown(e *proto.RuntimeExceptionThrown) {
	c.add("uncaught exception: %s", exceptionText(e.ExceptionDetails))
}

func (c *collector) logEntryAdded(e *proto.LogEntryAdded) {
	en := e.Entry
	if en.Level != proto.LogLogEntryLevelError {
		return
	}
	// Failed requests are checked on the Network events, which know the expected status of
	// the page itself (404 for the not-found page); the browser's log repeats them.
	if en.Source == proto.LogLogEntrySourceNetwork {
		return
	}
	c.add("browser log (%s): %s %s", en.Source, en.Text, en.URL)
}

func (c *collector) requestWillBeSent(e *proto.NetworkRequestWillBeSent) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.requests[e.RequestID] = e.Request.URL
}

func (c *collector) responseReceivedExtraInfo(e *proto.NetworkResponseReceivedExtraInfo) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.statuses[e.RequestID] = e.StatusCode
}

func (c *collector) responseReceived(e *proto.NetworkResponseReceived) {
	u, status := e.Response.URL, e.Response.Status
	c.mu.Lock()
	c.responses[e.RequestID] = e.Response
	c.mu.Unlock()
	if e.Type == proto.NetworkResourceTypeDocument && u == c.url {
		c.mu.Lock()
		c.docStatus = status
		c.mu.Unlock()
		if status == c.wantStatus {
			return
		}
	}
	if status >= 400 && strings.HasPrefix(u, c.base+"/") && !c.browserOwn(u) {
		c.add("HTTP %d for %s (%s)", status, u, e.Type)
	}
}

// loadingFailed is a request that got no usable answer: refused by the network, blocked by the
// Content-Security-Policy, or, for a stylesheet or script answered with an error page, refused
// by the browser for its MIME type (then the status says why).
func (c *collector) loadingFailed(e *proto.NetworkLoadingFailed) {
	c.mu.Lock()
	defer c.mu.Unlock()
	u := c.requests[e.RequestID]
	if c.browserOwn(u) {
		return
	}
	why := e.ErrorText
	if e.BlockedReason != "" {
		why += " (blocked: " + string(e.BlockedReason) + ")"
	}
	// The status comes in its own event, which may follow this one: look it up when read
	// (under c.mu, held by result).
	c.problems = append(c.problems, func() string {
		w := why
		if status := c.statuses[e.RequestID]; status != 0 {
			w += fmt.Sprintf(" (HTTP %d)", status)
		}
		return fmt.Sprintf("request failed: %s %s: %s", e.Type, u, strings.TrimSpace(w))
	})
}

func (c *collector) lifecycleEvent(e *proto.PageLifecycleEvent) {
	if e.Name != "load" {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.loaded[e.LoaderID] = true
}

func remoteText(o *proto.RuntimeRemoteObject) string {
	if o.Description != "" {
		return o.Description
	}
	if v := o.Value.Val(); v != nil {
		return fmt.Sprint(v)
	}
	return string(o.Type)
}

func exceptionText(d *proto.RuntimeExceptionDetails) string {
	if d.Exception != nil && d.Exception.Description != "" { // "Error: …" and its stack
		return d.Text + " " + strings.ReplaceAll(d.Exception.Description, "\n", "\n\t")
	}
	s := d.Text
	if d.URL != "" {
		s += fmt.Sprintf(" at %s:%d:%d", d.URL, d.LineNumber+1, d.ColumnNumber+1)
	}
	return s + stackText(d.StackTrace)
}

func stackText(st *proto.RuntimeStackTrace) string {
	if st == nil || len(st.CallFrames) == 0 {
		return ""
	}
	f := st.CallFrames[0]
	return fmt.Sprintf(" (%s:%d:%d)", f.URL, f.LineNumber+1, f.ColumnNumber+1)
}

func shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len([]rune(s)) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}
