package httpcache_test

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"statuspress/internal/httpcache"
)

func TestNotModified(t *testing.T) {
	modified := time.Date(2026, 11, 23, 12, 0, 0, 400e6, time.UTC) // the second 12:00:00
	const (
		at     = "Mon, 23 Nov 2026 12:00:00 GMT"
		before = "Mon, 23 Nov 2026 11:59:59 GMT"
		after  = "Mon, 23 Nov 2026 12:00:01 GMT"
	)
	tags := []string{`"abc"`, `"abc-gz"`}
	tests := []struct {
		name     string
		method   string
		header   http.Header
		modified time.Time
		want     bool
	}{
		{"no conditions", "", nil, modified, false},
		{"the tag", "", http.Header{"If-None-Match": {`"abc"`}}, modified, true},
		{"another form's tag", "", http.Header{"If-None-Match": {`"abc-gz"`}}, modified, true},
		{"weak comparison", "", http.Header{"If-None-Match": {`W/"abc"`}}, modified, true},
		{"another tag", "", http.Header{"If-None-Match": {`"abd"`}}, modified, false},
		{"a tag that only starts like it", "", http.Header{"If-None-Match": {`"abc-br"`}}, modified, false},
		{"a tag without quotes", "", http.Header{"If-None-Match": {`abc`}}, modified, false},
		{"in a list", "", http.Header{"If-None-Match": {`"x", W/"y" ,"abc"`}}, modified, true},
		{"in a second field line", "", http.Header{"If-None-Match": {`"x"`, `"abc"`}}, modified, true},
		{"a comma inside a tag", "", http.Header{"If-None-Match": {`"x,abc", "y"`}}, modified, false},
		{"a list of others", "", http.Header{"If-None-Match": {`"x", "y"`}}, modified, false},
		{"after a malformed member", "", http.Header{"If-None-Match": {`"x", nope, "abc"`}}, modified, false},
		{"star", "", http.Header{"If-None-Match": {"*"}}, modified, true},
		{"HEAD", http.MethodHead, http.Header{"If-None-Match": {`"abc"`}}, modified, true},
		{"POST", http.MethodPost, http.Header{"If-None-Match": {`"abc"`}}, modified, false},

		{"If-Modified-Since at the date", "", http.Header{"If-Modified-Since": {at}}, modified, true},
		{"If-Modified-Since after it", "", http.Header{"If-Modified-Since": {after}}, modified, true},
		{"If-Modified-Since before it", "", http.Header{"If-Modified-Since": {before}}, modified, false},
		{"If-Modified-Since in RFC 850's form", "", http.Header{"If-Modified-Since": {"Monday, 23-Nov-26 12:00:00 GMT"}}, modified, true},
		{"If-Modified-Since in asctime's form", "", http.Header{"If-Modified-Since": {"Mon Nov 23 12:00:00 2026"}}, modified, true},
		{"If-Modified-Since not a date", "", http.Header{"If-Modified-Since": {"yesterday"}}, modified, false},
		{"If-Modified-Since twice", "", http.Header{"If-Modified-Since": {at, at}}, modified, false},
		{"If-Modified-Since with no date we trust", "", http.Header{"If-Modified-Since": {after}}, time.Time{}, false},
		{"If-Modified-Since to POST", http.MethodPost, http.Header{"If-Modified-Since": {after}}, modified, false},
		{"If-None-Match decides alone: no match", "", http.Header{"If-None-Match": {`"x"`}, "If-Modified-Since": {after}}, modified, false},
		{"If-None-Match decides alone: a match", "", http.Header{"If-None-Match": {`"abc"`}, "If-Modified-Since": {before}}, modified, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			method := tc.method
			if method == "" {
				method = http.MethodGet
			}
			r := httptest.NewRequest(method, "/", nil)
			r.Header = tc.header
			if r.Header == nil {
				r.Header = http.Header{}
			}
			if got := httpcache.NotModified(r, tags, tc.modified); got != tc.want {
				t.Errorf("NotModified(%v) = %v, want %v", tc.header, got, tc.want)
			}
		})
	}
}

func TestKeptInNotModified(t *testing.T) {
	for _, tc := range []struct {
		key    string
		tagged bool
		want   bool
	}{
		{"Etag", true, true},
		{"Vary", true, true},
		{"Cache-Control", true, true},
		{"Content-Location", true, true},
		{"Expires", true, true},
		{"Content-Security-Policy", true, true},
		{"Access-Control-Allow-Origin", true, true},
		{"Content-Type", true, false},
		{"Content-Length", true, false},
		{"Content-Encoding", true, false},
		{"Content-Language", true, false},
		{"Content-Type", false, false},
		{"Last-Modified", true, false},
		{"Last-Modified", false, true},
	} {
		if got := httpcache.KeptInNotModified(tc.key, tc.tagged); got != tc.want {
			t.Errorf("KeptInNotModified(%q, tagged %v) = %v, want %v", tc.key, tc.tagged, got, tc.want)
		}
	}
}

func TestETag(t *testing.T) {
	a, b := httpcache.ETag([]byte("page")), httpcache.ETag([]byte("page!"))
	if a != httpcache.ETag([]byte("page")) || a == b {
		t.Errorf("tags %s and %s: the same bytes must get the same tag, other bytes another", a, b)
	}
	if len(a) != 26 || a[0] != '"' || a[len(a)-1] != '"' {
		t.Errorf("tag %s: want a quoted strong tag of 24 hex digits", a)
	}
}
