package feed

import (
	"bytes"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Calendar is an iCalendar feed of events that calendar applications subscribe to: one VCALENDAR
// of VEVENTs, RFC 5545 (https://www.rfc-editor.org/rfc/rfc5545), with the calendar properties of
// RFC 7986 (https://www.rfc-editor.org/rfc/rfc7986) that tell subscribers its name and how often
// to refresh it.
type Calendar struct {
	// Name is the calendar's name as applications list it.
	Name string
	// Lang is the language of the texts, a BCP 47 tag.
	Lang string
	// HomeURL is the page the calendar belongs to.
	HomeURL string
	// Refresh is how often subscribers should fetch the calendar again; 0 leaves it to them.
	Refresh time.Duration
	Events  []Event
}

// Event is one VEVENT. Times are written in UTC.
type Event struct {
	// UID identifies the event for ever, across every copy of the calendar (RFC 5545 3.8.4.7).
	UID string
	// Stamp is when the event's information last changed (DTSTAMP, in a calendar without METHOD).
	Stamp time.Time
	Start time.Time
	// End is zero for an event without a known end.
	End         time.Time
	Summary     string
	Description string
	// Lang is the language of Summary and Description when it differs from the calendar's.
	Lang       string
	URL        string
	Categories []string
	// Cancelled marks an event that will not take place (STATUS:CANCELLED, 3.8.1.11).
	Cancelled bool
}

// ICS encodes c as an iCalendar document whose own address is self: CRLF line ends, content lines
// folded at 75 octets without splitting a UTF-8 character (3.1), TEXT values escaped (3.3.11).
func ICS(c Calendar, self string) []byte {
	w := &icsWriter{}
	w.line("BEGIN:VCALENDAR")
	w.line("VERSION:2.0")
	w.line("PRODID:-//statuspress//statuspress//EN")
	w.line("CALSCALE:GREGORIAN")
	lang := langParam(c.Lang)
	if c.Name != "" {
		w.line("NAME" + lang + ":" + icsText(c.Name))
		// The name most applications still read, before RFC 7986's NAME.
		w.line("X-WR-CALNAME:" + icsText(c.Name))
	}
	if c.HomeURL != "" {
		w.line("URL:" + icsURI(c.HomeURL))
	}
	if self != "" {
		w.line("SOURCE;VALUE=URI:" + icsURI(self))
	}
	if c.Refresh > 0 {
		d := icsDuration(c.Refresh)
		w.line("REFRESH-INTERVAL;VALUE=DURATION:" + d)
		w.line("X-PUBLISHED-TTL:" + d)
	}
	for _, e := range c.Events {
		elang := lang
		if e.Lang != "" {
			elang = langParam(e.Lang)
		}
		w.line("BEGIN:VEVENT")
		w.line("UID:" + icsText(e.UID))
		w.line("DTSTAMP:" + icsTime(e.Stamp))
		w.line("DTSTART:" + icsTime(e.Start))
		if !e.End.IsZero() {
			w.line("DTEND:" + icsTime(e.End))
		}
		w.line("SUMMARY" + elang + ":" + icsText(e.Summary))
		if e.Description != "" {
			w.line("DESCRIPTION" + elang + ":" + icsText(e.Description))
		}
		if e.URL != "" {
			w.line("URL:" + icsURI(e.URL))
		}
		if len(e.Categories) > 0 {
			cats := make([]string, len(e.Categories))
			for i, cat := range e.Categories {
				cats[i] = icsText(cat)
			}
			w.line("CATEGORIES" + lang + ":" + strings.Join(cats, ","))
		}
		if e.Cancelled {
			w.line("STATUS:CANCELLED")
		} else {
			w.line("STATUS:CONFIRMED")
		}
		// Maintenance happens to a service, not to the subscriber: don't show them as busy.
		w.line("TRANSP:TRANSPARENT")
		w.line("END:VEVENT")
	}
	w.line("END:VCALENDAR")
	return w.buf.Bytes()
}

type icsWriter struct{ buf bytes.Buffer }

// maxOctets is the longest a content line may be, line break excluded (RFC 5545 3.1).
const maxOctets = 75

// line writes one content line, folded: a line longer than 75 octets is broken before the
// character that would pass the limit, and each continuation starts with a space, which counts
// towards its own 75.
func (w *icsWriter) line(s string) {
	limit := maxOctets
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		w.buf.WriteString(s[:cut])
		w.buf.WriteString("\r\n ")
		s = s[cut:]
		limit = maxOctets - 1
	}
	w.buf.WriteString(s)
	w.buf.WriteString("\r\n")
}

// langParam is the LANGUAGE parameter (3.2.10) for lang, or nothing.
func langParam(lang string) string {
	if lang == "" || strings.ContainsAny(lang, ";:,\"") {
		return ""
	}
	return ";LANGUAGE=" + lang
}

// icsText escapes a TEXT value (3.3.11): backslash, semicolon and comma get a backslash, line
// breaks become \n, and other control characters, which TEXT cannot hold, are dropped.
func icsText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\', ';', ',':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
			b.WriteString(`\n`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteByte(c)
		default:
			if c < 0x20 || c == 0x7f {
				continue
			}
			b.WriteByte(c)
		}
	}
	return b.String()
}

// icsURI is a URI value (3.3.13), written as it is but for characters a content line cannot hold.
func icsURI(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, s)
}

// icsTime writes t as a DATE-TIME in UTC (3.3.5, form #2).
func icsTime(t time.Time) string { return t.UTC().Format("20060102T150405Z") }

// icsDuration writes d as a DURATION (3.3.6) in whole minutes, at least one.
func icsDuration(d time.Duration) string {
	m := max(int(d/time.Minute), 1)
	var b strings.Builder
	b.WriteString("PT")
	if h := m / 60; h > 0 {
		b.WriteString(strconv.Itoa(h) + "H")
	}
	if m%60 > 0 {
		b.WriteString(strconv.Itoa(m%60) + "M")
	}
	return b.String()
}
