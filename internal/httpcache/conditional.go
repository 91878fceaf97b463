package httpcache

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strings"
	"time"
)

// ETag returns a strong entity tag of body: the same bytes always get the same tag, on every
// replica.
func ETag(body []byte) string {
	sum := sha256.Sum256(body)
	return `"` + hex.EncodeToString(sum[:12]) + `"`
}

// NotModified reports whether a GET or HEAD request may be answered 304 Not Modified, as RFC 9110
// evaluates conditional requests (section 13.2.2):
//
//   - If-None-Match, when the request has it, decides alone: 304 when it is "*" or lists one of
//     tags, compared weakly (W/"x" matches "x", section 8.8.3.2). tags are the tags of the current
//     representation: the one sent first, then any other that names the same content (such as the
//     tag of another content coding of it).
//   - Otherwise If-Modified-Since, when it holds one valid HTTP-date: 304 when modified is not
//     after it (to the second). A zero modified is a date the server does not trust as a
//     validator, and a date alone then never gives 304.
//
// Any other method is never answered 304.
func NotModified(r *http.Request, tags []string, modified time.Time) bool {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		return false
	}
	if inm := r.Header["If-None-Match"]; len(inm) > 0 {
		for _, v := range inm {
			if noneMatchLists(v, tags) {
				return true
			}
		}
		return false
	}
	ims := r.Header["If-Modified-Since"]
	if len(ims) != 1 || modified.IsZero() {
		return false
	}
	t, err := http.ParseTime(ims[0])
	if err != nil {
		return false
	}
	return !modified.Truncate(time.Second).After(t)
}

// noneMatchLists reports whether one If-None-Match field value is "*" or lists one of tags. A
// value that stops making sense stops the reading: what was read before it still counts.
func noneMatchLists(v string, tags []string) bool {
	for {
		v = strings.TrimLeft(v, " \t,")
		if v == "" {
			return false
		}
		if v[0] == '*' {
			return true
		}
		opaque, rest, ok := scanETag(v)
		if !ok {
			return false
		}
		for _, t := range tags {
			if opaque == strings.TrimPrefix(t, "W/") {
				return true
			}
		}
		v = rest
	}
}

// scanETag reads the entity tag at the start of s and returns its opaque part, quotes included
// (without W/), and what follows it.
func scanETag(s string) (opaque, rest string, ok bool) {
	s = strings.TrimPrefix(s, "W/")
	if len(s) < 2 || s[0] != '"' {
		return "", "", false
	}
	for i := 1; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"':
			return s[:i+1], s[i+1:], true
		case c == 0x21 || c >= 0x23 && c != 0x7f: // etagc: %x21 / %x23-7E / obs-text
		default:
			return "", "", false
		}
	}
	return "", "", false
}

// KeptInNotModified reports whether a field of the header a 200 would carry goes into the 304 sent
// in its place. RFC 9110 (section 15.4.5) keeps ETag, Vary, Cache-Control, Content-Location, Date
// and Expires, and asks for no other metadata of the representation (its Content-Type,
// -Length, -Encoding, -Language) unless it guides the cache's update, as Last-Modified does
// only where there is no ETag (tagged false). Fields that are not about the representation,
// such as the security headers and CORS, stay. key is in canonical form (http.CanonicalHeaderKey).
func KeptInNotModified(key string, tagged bool) bool {
	switch key {
	case "Content-Type", "Content-Length", "Content-Encoding", "Content-Language":
		return false
	case "Last-Modified":
		return !tagged
	}
	return true
}
