package server_test

import (
	"bytes"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	ical "github.com/emersion/go-ical"

	"statuspress/internal/testsupport/feedcheck"
)

var feedTypes = map[string]string{
	"rss":  "application/rss+xml; charset=utf-8",
	"atom": "application/atom+xml; charset=utf-8",
	"json": "application/feed+json; charset=utf-8",
}

const feedCacheControl = "public, max-age=60, stale-while-revalidate=300, stale-if-error=86400"

// TestFeeds requests every feed of the site and of one component in every language through the
// router, parses it as a reader would, and follows each item's link to the update on its page.
func TestFeeds(t *testing.T) {
	s := sample(t)
	anchors := map[string]map[string]bool{} // page path -> element ids on it
	for _, lang := range languages {
		for _, scope := range []string{"/" + lang + "/", "/" + lang + "/components/soap-api/"} {
			for ext, ctype := range feedTypes {
				path := scope + "feed." + ext
				t.Run(path, func(t *testing.T) {
					rec := get(t, s, path)
					if rec.Code != http.StatusOK {
						t.Fatalf("status %d", rec.Code)
					}
					h := rec.Header()
					for name, want := range map[string]string{"Content-Type": ctype, "Cache-Control": feedCacheControl, "Content-Language": lang} {
						if got := h.Get(name); got != want {
							t.Errorf("%s %q, want %q", name, got, want)
						}
					}
					if h.Get("ETag") == "" {
						t.Errorf("no ETag")
					}
					f := feedcheck.Read(t, rec.Body.Bytes())
					if f.FeedLink != baseURL+path || f.Language != lang || f.Link != baseURL+scope {
						t.Errorf("self %q language %q link %q", f.FeedLink, f.Language, f.Link)
					}
					if len(f.Items) == 0 {
						t.Fatalf("no items")
					}
					for _, it := range f.Items {
						u, err := url.Parse(it.Link)
						if err != nil || u.Scheme+"://"+u.Host != baseURL || !strings.HasPrefix(u.Path, "/"+lang+"/incidents/") {
							t.Errorf("item %s links to %q", it.GUID, it.Link)
							continue
						}
						if !strings.HasPrefix(it.GUID, "tag:status.lumenmail.example,2026:") {
							t.Errorf("item id %q is not the site's tag URI", it.GUID)
						}
						if u.Fragment == "" {
							continue // a notice links to its page
						}
						ids, ok := anchors[u.Path]
						if !ok {
							page := get(t, s, u.Path)
							if page.Code != http.StatusOK {
								t.Fatalf("item %s: GET %s: %d", it.GUID, u.Path, page.Code)
							}
							ids = map[string]bool{}
							for _, n := range parse(t, page.Body.Bytes()).Find("[id]").Nodes {
								for _, a := range n.Attr {
									if a.Key == "id" {
										ids[a.Val] = true
									}
								}
							}
							anchors[u.Path] = ids
						}
						if !ids[u.Fragment] {
							t.Errorf("item %s links to #%s, which %s does not have", it.GUID, u.Fragment, u.Path)
						}
					}
				})
			}
		}
	}
}

// TestFeedRevalidation: a reader that has the feed gets 304 and no body; HEAD gets the same tag.
func TestFeedRevalidation(t *testing.T) {
	s := sample(t)
	for _, path := range []string{"/nl/feed.atom", "/en/components/rest-api/feed.json", "/de/maintenance.ics"} {
		first := get(t, s, path)
		etag := first.Header().Get("ETag")
		if first.Code != http.StatusOK || etag == "" {
			t.Fatalf("GET %s: %d, ETag %q", path, first.Code, etag)
		}
		again := do(t, s, request{path: path, header: http.Header{"If-None-Match": {etag}}})
		if again.Code != http.StatusNotModified || again.Body.Len() != 0 {
			t.Errorf("GET %s with If-None-Match %s: %d, %d bytes; want 304 and none", path, etag, again.Code, again.Body.Len())
		}
		stale := do(t, s, request{path: path, header: http.Header{"If-None-Match": {`"something-else"`}}})
		if stale.Code != http.StatusOK || !bytes.Equal(stale.Body.Bytes(), first.Body.Bytes()) {
			t.Errorf("GET %s with another ETag: %d", path, stale.Code)
		}
		// net/http drops a HEAD response's body on the wire; the recorder keeps it, so only the
		// status and headers are checked here.
		head := do(t, s, request{method: http.MethodHead, path: path})
		if head.Code != http.StatusOK || head.Header().Get("ETag") != etag {
			t.Errorf("HEAD %s: %d, ETag %q", path, head.Code, head.Header().Get("ETag"))
		}
	}
}

func TestFeedNotFound(t *testing.T) {
	s := sample(t)
	for _, path := range []string{
		"/xx/feed.rss",
		"/es/feed.atom",
		"/en/components/no-such-component/feed.json",
		"/xx/maintenance.ics",
		"/en/feed.xml",
	} {
		if rec := get(t, s, path); rec.Code != http.StatusNotFound {
			t.Errorf("GET %s: %d, want 404", path, rec.Code)
		}
	}
}

// TestCalendarRoute reads /{lang}/maintenance.ics with go-ical, as a calendar application would.
func TestCalendarRoute(t *testing.T) {
	s := sample(t)
	for _, lang := range languages {
		rec := get(t, s, "/"+lang+"/maintenance.ics")
		if rec.Code != http.StatusOK {
			t.Fatalf("%s: status %d", lang, rec.Code)
		}
		h := rec.Header()
		if h.Get("Content-Type") != "text/calendar; charset=utf-8" || h.Get("Cache-Control") != feedCacheControl {
			t.Errorf("%s: Content-Type %q, Cache-Control %q", lang, h.Get("Content-Type"), h.Get("Cache-Control"))
		}
		cal := feedcheck.ReadCalendar(t, rec.Body.Bytes())
		if src := cal.Props.Get("SOURCE"); src == nil || src.Value != baseURL+"/"+lang+"/maintenance.ics" {
			t.Errorf("%s: SOURCE %+v", lang, src)
		}
		var uids []string
		for _, e := range cal.Events() {
			uid, _ := e.Props.Text(ical.PropUID)
			uids = append(uids, uid)
		}
		if strings.Join(uids, " ") != "mail-server-upgrade-september@status.lumenmail.example database-upgrade-december@status.lumenmail.example" {
			t.Errorf("%s: events %v", lang, uids)
		}
	}
}

// TestFeedAutodiscovery follows the feed links in the head of the overview and a component page:
// each answers with the type it announces.
func TestFeedAutodiscovery(t *testing.T) {
	s := sample(t)
	for _, page := range []string{"/fr/", "/nl/components/webhooks/"} {
		doc := parse(t, get(t, s, page).Body.Bytes())
		links := doc.Find(`head link[rel="alternate"][type]`)
		n := 0
		links.Each(func(_ int, l *goquery.Selection) {
			typ, _ := l.Attr("type")
			href, _ := l.Attr("href")
			if typ == "text/html" {
				return
			}
			n++
			rec := get(t, s, href)
			if rec.Code != http.StatusOK || !strings.HasPrefix(rec.Header().Get("Content-Type"), typ+";") {
				t.Errorf("%s announces %s as %s; it answers %d %s", page, href, typ, rec.Code, rec.Header().Get("Content-Type"))
			}
		})
		if n < 3 {
			t.Errorf("%s announces %d feeds, want at least 3", page, n)
		}
	}
}
