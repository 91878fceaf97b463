// Package feed writes what subscribers follow: RSS 2.0, Atom 1.0 and JSON Feed 1.1 documents of
// status updates, and an iCalendar feed of scheduled maintenance.
//
// The specifications each encoder follows:
//   - RSS 2.0: https://www.rssboard.org/rss-specification (with the atom:link self reference the
//     RSS Advisory Board recommends, https://www.rssboard.org/rss-profile);
//   - Atom 1.0: RFC 4287, https://www.rfc-editor.org/rfc/rfc4287;
//   - JSON Feed 1.1: https://www.jsonfeed.org/version/1.1/;
//   - iCalendar: RFC 5545, https://www.rfc-editor.org/rfc/rfc5545, with the calendar properties of
//     RFC 7986 (NAME, REFRESH-INTERVAL, SOURCE);
//   - ids: tag URIs, RFC 4151, https://www.rfc-editor.org/rfc/rfc4151.
//
// Feed and Calendar are format-neutral: package site fills them from the domain, and the wire
// structs of each format (rss.go, atom.go, jsonfeed.go, ical.go) stay apart from both, as miniflux
// keeps its rss.go apart from its adapter. This package imports neither the domain nor the site.
package feed

import (
	"strings"
	"time"
	"unicode/utf8"
)

// Media types of the formats, without parameters; servers add "; charset=utf-8".
const (
	RSSType      = "application/rss+xml"
	AtomType     = "application/atom+xml"
	JSONType     = "application/feed+json"
	CalendarType = "text/calendar"
)

// generator names the software in the documents that have a place for it.
const generator = "statuspress"

// Feed is one subscription: the items of a site or of one component, in one language. Every URL in
// it is absolute, the HTML of its items included (see AbsoluteURLs): feed readers show items far
// from the page they came from.
type Feed struct {
	// ID identifies the feed for ever (Atom's feed id), typically a tag URI (TagURI).
	ID    string
	Title string
	// Description says what the feed is about; RSS requires one.
	Description string
	// Lang is the feed's language as a BCP 47 tag ("nl").
	Lang string
	// HomeURL is the page the feed follows.
	HomeURL string
	// Updated is when the feed last changed: the newest item's Updated.
	Updated time.Time
	Author  Author
	// Items are newest first.
	Items []Item
}

// Author is who publishes the feed.
type Author struct {
	Name  string
	URL   string
	Email string
}

// Item is one entry of a feed.
type Item struct {
	// ID never changes once published, even when the text is edited, and is unique across the
	// site: readers use it to tell new items from edited ones. A tag URI (TagURI).
	ID    string
	Title string
	// URL is where the item is shown on the site.
	URL       string
	Published time.Time
	Updated   time.Time
	// HTML is the content, sanitised, with absolute URLs.
	HTML string
	// Summary is an optional plain-text summary.
	Summary string
	// Lang is the language the content is actually in, when it differs from the feed's (a
	// translation that falls back to the original); empty otherwise.
	Lang       string
	Categories []string
}

// TagURI makes a tag URI (RFC 4151): "tag:" authority "," date ":" specific. The authority is a
// domain name the publisher held on date ("2026" or "2026-01-15"), and the date must never change
// afterwards, or every id minted with it would.
func TagURI(authority, date, specific string) string {
	return "tag:" + strings.ToLower(authority) + "," + date + ":" + specific
}

// rfc3339 writes t in UTC as RFC 3339 wants it (Atom, JSON Feed).
func rfc3339(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// safeText drops what XML 1.0 cannot carry (most control characters, U+FFFE, U+FFFF) and replaces
// invalid UTF-8, so no text can make a document that XML parsers reject. encoding/xml escapes
// markup characters, but writes CDATA sections as they are. JSON could carry those characters
// escaped, but HTML cannot, and every format should say the same.
func safeText(s string) string {
	ok := func(r rune) bool {
		return r == '\t' || r == '\n' || r == '\r' ||
			r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
	}
	clean := utf8.ValidString(s)
	for _, r := range s {
		if !ok(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		if ok(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}
