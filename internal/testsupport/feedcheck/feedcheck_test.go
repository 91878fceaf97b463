package feedcheck_test

import (
	"fmt"
	"runtime"
	"testing"

	"statuspress/internal/testsupport/feedcheck"
)

// recorder is a testing.TB that keeps what a helper reports instead of failing the test.
type recorder struct {
	testing.TB
	errors []string
	fatal  bool
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}
func (r *recorder) Fatalf(format string, args ...any) {
	r.Errorf(format, args...)
	r.fatal = true
	runtime.Goexit()
}

// check runs f as a test would, and returns what it reported.
func check(t *testing.T, f func(testing.TB)) *recorder {
	r := &recorder{TB: t}
	done := make(chan struct{})
	go func() {
		defer close(done)
		f(r)
	}()
	<-done
	return r
}

const jsonFeed = `{"version": "https://jsonfeed.org/version/1.1", "title": "Status", "home_page_url": "https://status.example.com/en/",
 "items": [{"id": "tag:status.example.com,2026:a", "url": "https://status.example.com/en/incidents/a/", "content_html": "<p>Fixed.</p>", "date_published": "2026-11-23T12:00:00Z"}]}`

func TestJSONFeed(t *testing.T) {
	if r := check(t, func(tb testing.TB) { feedcheck.ValidateJSONFeed(tb, []byte(jsonFeed)) }); len(r.errors) > 0 {
		t.Errorf("a JSON Feed 1.1 document is refused: %v", r.errors)
	}
	for name, doc := range map[string]string{
		"version 1":     `{"version": "https://jsonfeed.org/version/1", "title": "Status", "items": []}`,
		"no items":      `{"version": "https://jsonfeed.org/version/1.1", "title": "Status"}`,
		"relative url":  `{"version": "https://jsonfeed.org/version/1.1", "title": "Status", "items": [{"id": "a", "url": "/en/", "content_text": "x"}]}`,
		"unknown field": `{"version": "https://jsonfeed.org/version/1.1", "title": "Status", "items": [], "feedurl": "https://status.example.com/"}`,
	} {
		r := check(t, func(tb testing.TB) { feedcheck.ValidateJSONFeed(tb, []byte(doc)) })
		if len(r.errors) != 1 || r.fatal {
			t.Errorf("%s: reported %q (fatal %v), want one error", name, r.errors, r.fatal)
		}
	}
	if r := check(t, func(tb testing.TB) { feedcheck.ValidateJSONFeed(tb, []byte("<rss/>")) }); !r.fatal {
		t.Errorf("a document that is no JSON: reported %q, want a fatal error", r.errors)
	}
}

func TestRead(t *testing.T) {
	var title string
	r := check(t, func(tb testing.TB) { title = feedcheck.Read(tb, []byte(jsonFeed)).Title })
	if len(r.errors) > 0 || title != "Status" {
		t.Errorf("Read: title %q, reported %q", title, r.errors)
	}
	if r := check(t, func(tb testing.TB) { feedcheck.Read(tb, []byte("<html>no feed</html>")) }); !r.fatal {
		t.Errorf("Read of a page that is no feed: reported %q, want a fatal error", r.errors)
	}
}

func TestReadCalendar(t *testing.T) {
	const ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//x//EN\r\nBEGIN:VEVENT\r\nUID:a@x\r\nDTSTAMP:20261123T120000Z\r\nDTSTART:20261205T000000Z\r\nSUMMARY:Upgrade\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
	var events int
	r := check(t, func(tb testing.TB) { events = len(feedcheck.ReadCalendar(tb, []byte(ics)).Events()) })
	if len(r.errors) > 0 || events != 1 {
		t.Errorf("ReadCalendar: %d events, reported %q", events, r.errors)
	}
	if r := check(t, func(tb testing.TB) { feedcheck.ReadCalendar(tb, []byte("BEGIN:VCALENDAR\r\n")) }); !r.fatal {
		t.Errorf("ReadCalendar of a cut calendar: reported %q, want a fatal error", r.errors)
	}
}
