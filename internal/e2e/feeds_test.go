package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"statuspress/internal/testsupport"
)

const (
	// feedsScript reads feeds of the running server with feedsmith and prints them as JSON.
	feedsScript = "testdata/parse-feeds.mjs"
	// feedsmithFile is feedsmith as `npm ci --prefix internal/e2e` installs it.
	feedsmithFile = "node_modules/feedsmith/package.json"
	// feedsTimeout bounds the node run: fetching and parsing every feed.
	feedsTimeout = 60 * time.Second

	// sampleSite is base_url in incidents/site.yaml: the feeds' links and ids are made from it,
	// whatever address the server listens on.
	sampleSite = "https://status.lumenmail.example"
	// tagPrefix starts the tag URI (RFC 4151) of every feed and item of the sample site.
	tagPrefix = "tag:status.lumenmail.example,2026:"
	// maxFeedItems is how many items a feed holds at most (site.Options.FeedItems by default).
	maxFeedItems = 50
)

// parsedFeed is one feed as parse-feeds.mjs reports it.
type parsedFeed struct {
	Path        string       `json:"path"`
	URL         string       `json:"url"`
	Status      int          `json:"status"`
	ContentType string       `json:"contentType"`
	Format      string       `json:"format"` // feedsmith's guess: rss, atom, json (or rdf)
	Error       string       `json:"error"`
	Title       string       `json:"title"`
	Language    string       `json:"language"`
	Home        string       `json:"home"`
	Self        string       `json:"self"`
	ID          string       `json:"id"` // Atom only
	Items       []parsedItem `json:"items"`
}

type parsedItem struct {
	ID           string `json:"id"`
	Title        string `json:"title"`
	Link         string `json:"link"`
	Published    string `json:"published"`    // as written in the feed
	PublishedISO string `json:"publishedISO"` // as JavaScript's Date read it; empty when it could not
}

// feedWant is what one feed must say.
type feedWant struct {
	path, format, contentType string
	lang, title, home, id     string // id: Atom's feed id only
	first                     parsedItem
	resolved                  string // the title of the item that resolved soap-api-storing
}

var feedsWanted = func() []feedWant {
	type first struct{ title, link string }
	newest := map[string]first{
		"en": {"[Monitoring] Errors and slow responses on the REST API", "/en/incidents/rest-api-errors/#update-20261123t114500z"},
		"nl": {"[Wordt gevolgd] Fouten en trage reacties op de REST-API", "/nl/incidents/rest-api-errors/#update-20261123t114500z"},
	}
	titles := map[string]string{"en": "Lumen Mail Status: status updates", "nl": "Lumen Mail Status: statusupdates"}
	resolved := map[string]string{"en": "[Resolved] SOAP API outage", "nl": "[Opgelost] Storing SOAP-API"}
	types := map[string]string{"rss": "application/rss+xml", "atom": "application/atom+xml", "json": "application/feed+json"}
	var ws []feedWant
	for _, lang := range []string{"en", "nl"} {
		for _, format := range []string{"rss", "atom", "json"} {
			w := feedWant{
				path: "/" + lang + "/feed." + format, format: format, contentType: types[format],
				lang: lang, title: titles[lang], home: sampleSite + "/" + lang + "/",
				first: parsedItem{
					ID:    tagPrefix + "rest-api-errors/20261123T114500Z",
					Title: newest[lang].title, Link: sampleSite + newest[lang].link,
					PublishedISO: "2026-11-23T11:45:00.000Z",
				},
				resolved: resolved[lang],
			}
			if format == "atom" {
				w.id = tagPrefix + lang + "/feed"
			}
			ws = append(ws, w)
		}
	}
	// A component's feed: the notice posted on 26 October is newer than the SOAP API outage.
	return append(ws, feedWant{
		path: "/nl/components/soap-api/feed.atom", format: "atom", contentType: types["atom"],
		lang: "nl", title: "Lumen Mail Status: statusupdates voor SOAP-API",
		home: sampleSite + "/nl/components/soap-api/", id: tagPrefix + "nl/components/soap-api/feed",
		first: parsedItem{
			ID:    tagPrefix + "api-fehlerbenachrichtigung",
			Title: "[Mededeling] Failed API calls are now reported by e-mail",
			Link:  sampleSite + "/nl/incidents/api-fehlerbenachrichtigung/", PublishedISO: "2026-10-26T09:00:00.000Z",
		},
		resolved: resolved["nl"],
	})
}()

// itemTitle is "[Status] Title": the status in words of the feed's language, then the title.
var itemTitle = regexp.MustCompile(`^\[[^\]\[]+\] \S`)

// TestFeedsFeedsmith reads the site's feeds in RSS, Atom and JSON Feed, in English and Dutch,
// and a component's feed, from the running server with feedsmith, an npm feed parser that has
// nothing in common with ours or with gofeed (which the Go tests of package site read them
// with): titles, language, self links, the tag URIs our Go tests expect as ids, localized
// status words in titles, links to the update's #update- anchor, and dates that parse.
func TestFeedsFeedsmith(t *testing.T) {
	testsupport.Slow(t)
	if testing.Short() {
		t.Skip("end-to-end test: skipped with -short")
	}
	node, err := exec.LookPath("node")
	if err != nil {
		missing(t, "node not found (%v): install Node.js (apt-get install -y nodejs npm) to run the feed parser test", err)
	}
	if _, err := os.Stat(feedsmithFile); err != nil {
		missing(t, "feedsmith is not installed (%v): run `npm ci --prefix internal/e2e` in the module root to run the feed parser test", err)
	}
	e := startEnv(t)

	args := []string{feedsScript, e.base}
	for _, w := range feedsWanted {
		args = append(args, w.path)
	}
	ctx, cancel := context.WithTimeout(context.Background(), feedsTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			t.Fatalf("node %s did not finish within %v\n%s", feedsScript, feedsTimeout, &stderr)
		}
		t.Fatalf("node %s: %v\n%s", strings.Join(args, " "), err, &stderr)
	}
	var feeds []parsedFeed
	if err := json.Unmarshal(stdout.Bytes(), &feeds); err != nil {
		t.Fatalf("node %s printed no JSON: %v\n%s\n%s", feedsScript, err, &stdout, &stderr)
	}
	if len(feeds) != len(feedsWanted) {
		t.Fatalf("node %s reported %d feeds, want %d", feedsScript, len(feeds), len(feedsWanted))
	}

	itemIDs := map[string][]string{} // the site feed's item ids in each language, in order
	for i, w := range feedsWanted {
		f := feeds[i]
		t.Run(strings.ReplaceAll(strings.TrimPrefix(w.path, "/"), "/", "-"), func(t *testing.T) {
			checkParsedFeed(t, w, f)
			if !strings.Contains(w.path, "/components/") {
				ids := make([]string, len(f.Items))
				for i, it := range f.Items {
					ids[i] = it.ID
				}
				if prev, ok := itemIDs[w.lang]; !ok {
					itemIDs[w.lang] = ids
				} else if !slices.Equal(prev, ids) {
					t.Errorf("%s has other items, or in another order, than the other formats in %s:\n%q\nwant\n%q", w.path, w.lang, ids, prev)
				}
			}
		})
	}
	if !slices.Equal(itemIDs["en"], itemIDs["nl"]) {
		t.Errorf("the English and Dutch feeds have different item ids (ids name the update, not the language):\n%q\n%q", itemIDs["en"], itemIDs["nl"])
	}
	e.checkServerLog(t)
}

// checkParsedFeed holds one feed, as feedsmith read it, against what it must say.
func checkParsedFeed(t *testing.T, w feedWant, f parsedFeed) {
	t.Helper()
	if f.Error != "" {
		t.Fatalf("%s: feedsmith could not read it: %s", f.URL, f.Error)
	}
	if f.Status != 200 || !strings.HasPrefix(f.ContentType, w.contentType) {
		t.Errorf("%s: HTTP %d, Content-Type %q, want 200 and %s", f.URL, f.Status, f.ContentType, w.contentType)
	}
	if f.Format != w.format {
		t.Errorf("%s: feedsmith reads it as %q, want %s", f.URL, f.Format, w.format)
	}
	if f.Title != w.title || f.Language != w.lang || f.Home != w.home || f.Self != sampleSite+w.path || f.ID != w.id {
		t.Errorf("%s: title %q language %q home %q self %q id %q,\nwant %q, %q, %q, %q, %q",
			f.URL, f.Title, f.Language, f.Home, f.Self, f.ID, w.title, w.lang, w.home, sampleSite+w.path, w.id)
	}
	n := len(f.Items)
	t.Logf("%s (%s): %q, %d items", w.path, f.Format, f.Title, n)
	if n == 0 || n > maxFeedItems {
		t.Fatalf("%s: %d items, want 1 to %d", f.URL, n, maxFeedItems)
	}
	first := f.Items[0]
	first.Published = ""
	if first != w.first {
		t.Errorf("%s: first item\n%+v\nwant\n%+v", f.URL, first, w.first)
	}

	seen := map[string]bool{}
	var prev time.Time
	foundResolved := false
	for i, it := range f.Items {
		if seen[it.ID] {
			t.Errorf("%s: id %s twice", f.URL, it.ID)
		}
		seen[it.ID] = true
		if !strings.HasPrefix(it.ID, tagPrefix) {
			t.Errorf("%s: item %d has id %q, want a tag URI %s…", f.URL, i, it.ID, tagPrefix)
			continue
		}
		if !itemTitle.MatchString(it.Title) {
			t.Errorf("%s: item %s has title %q, want [status] title", f.URL, it.ID, it.Title)
		}
		// tag:…:<slug> for a notice, tag:…:<slug>/<update time> for an update, whose link goes
		// to that update's anchor on the incident's page.
		slug, at, isUpdate := strings.Cut(strings.TrimPrefix(it.ID, tagPrefix), "/")
		link := sampleSite + "/" + w.lang + "/incidents/" + slug + "/"
		if isUpdate {
			link += "#update-" + strings.ToLower(at)
		}
		if it.Link != link {
			t.Errorf("%s: item %s links to %q, want %q", f.URL, it.ID, it.Link, link)
		}
		if it.ID == tagPrefix+"soap-api-storing/20261006T123000Z" {
			foundResolved = true
			if it.Title != w.resolved {
				t.Errorf("%s: item %s has title %q, want %q", f.URL, it.ID, it.Title, w.resolved)
			}
		}
		// Dates: JavaScript's reading and Go's of the same text agree, newest first.
		js, err := time.Parse(time.RFC3339, it.PublishedISO)
		if err != nil {
			t.Errorf("%s: item %s: JavaScript could not read its date %q", f.URL, it.ID, it.Published)
			continue
		}
		layout := time.RFC3339
		if w.format == "rss" {
			layout = time.RFC1123Z
		}
		goTime, err := time.Parse(layout, it.Published)
		if err != nil || !goTime.Equal(js) {
			t.Errorf("%s: item %s: date %q is %v to JavaScript and %v (%v) to Go", f.URL, it.ID, it.Published, js, goTime, err)
		}
		if isUpdate && !strings.EqualFold(js.UTC().Format("20060102T150405Z"), at) {
			t.Errorf("%s: item %s is dated %v, not the time in its id", f.URL, it.ID, js)
		}
		if i > 0 && js.After(prev) {
			t.Errorf("%s: item %s (%v) is newer than the one before it (%v): items must be newest first", f.URL, it.ID, js, prev)
		}
		prev = js
	}
	if !foundResolved {
		t.Errorf("%s: no item for the resolution of soap-api-storing (%ssoap-api-storing/20261006T123000Z)", f.URL, tagPrefix)
	}
}
