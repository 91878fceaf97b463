package feed_test

import (
	"bytes"
	"encoding/xml"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/mmcdole/gofeed/atom"
	"github.com/mmcdole/gofeed/rss"

	"statuspress/internal/feed"
	"statuspress/internal/testsupport/feedcheck"
)

// tricky holds every character that has broken a status feed somewhere: markup characters, both
// quotes, an emoji outside the BMP, and accented letters.
const tricky = `Déjà vu: SOAP & REST <API> "down" 'again' 🚨`

var (
	t1 = time.Date(2026, 10, 6, 5, 12, 0, 0, time.UTC)
	t2 = time.Date(2026, 10, 6, 12, 30, 0, 0, time.FixedZone("CEST", 2*3600))
)

const (
	home     = "https://status.example/nl/"
	selfRSS  = "https://status.example/nl/feed.rss"
	selfAtom = "https://status.example/nl/feed.atom"
	selfJSON = "https://status.example/nl/feed.json"
)

// sample is a feed with the tricky title and content in every place that holds text.
func sample() feed.Feed {
	return feed.Feed{
		ID:          feed.TagURI("Status.Example", "2026", "nl/feed"),
		Title:       "Status: " + tricky,
		Description: "Alles over " + tricky,
		Lang:        "nl",
		HomeURL:     home,
		Updated:     t2,
		Author:      feed.Author{Name: "Status & Co", URL: "https://example.com/support", Email: "support@example.com"},
		Items: []feed.Item{
			{
				ID:        feed.TagURI("status.example", "2026", "soap-api/20261006T103000Z"),
				Title:     "[Opgelost] " + tricky,
				URL:       home + "incidents/soap-api/#update-20261006t103000z",
				Published: t2,
				Updated:   t2,
				HTML: `<p>Opgelost &amp; klaar: <code>&lt;soap:Fault&gt;</code> is weg. "Quotes" 'too' 🚨 ]]> end.</p>` +
					"\n<p>Control\x01character and\x00null.</p>",
				Lang:       "",
				Categories: []string{"Storing", "SOAP & REST"},
			},
			{
				ID:         feed.TagURI("status.example", "2026", "soap-api/20261006T051200Z"),
				Title:      "[Wordt onderzocht] SOAP-API",
				URL:        home + "incidents/soap-api/#update-20261006t051200z",
				Published:  t1,
				Updated:    t1,
				HTML:       `<p>We are looking into it.</p>`,
				Summary:    "Short & plain",
				Lang:       "en",
				Categories: []string{"Storing"},
			},
		},
	}
}

// cleanHTML is the first item's HTML as every parser must return it: byte for byte, less the
// characters XML cannot carry.
const cleanHTML = `<p>Opgelost &amp; klaar: <code>&lt;soap:Fault&gt;</code> is weg. "Quotes" 'too' 🚨 ]]> end.</p>` +
	"\n<p>Controlcharacter andnull.</p>"

func encode(t *testing.T, name string, f feed.Feed) []byte {
	t.Helper()
	var (
		b   []byte
		err error
	)
	switch name {
	case "rss":
		b, err = feed.RSS(f, selfRSS)
	case "atom":
		b, err = feed.Atom(f, selfAtom)
	case "json":
		b, err = feed.JSON(f, selfJSON)
	}
	if err != nil {
		t.Fatalf("encode %s: %v", name, err)
	}
	return b
}

// parsedItem is what the tests compare of an item after gofeed's universal parser.
type parsedItem struct {
	Title, Link, GUID, Content string
	Published, Updated         time.Time
	Categories                 []string
}

// TestUniversalParser runs every format through gofeed's universal parser, as feed readers do, and
// checks that titles, links, ids, dates, language and content come back exactly.
func TestUniversalParser(t *testing.T) {
	f := sample()
	for _, tc := range []struct {
		name, self, feedType string
		// description is where the HTML is: RSS has no content element of its own.
		htmlInDescription bool
	}{
		{"rss", selfRSS, "rss", true},
		{"atom", selfAtom, "atom", false},
		{"json", selfJSON, "json", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := feedcheck.Read(t, encode(t, tc.name, f))
			if got.FeedType != tc.feedType {
				t.Errorf("detected as %q, want %q", got.FeedType, tc.feedType)
			}
			if got.Title != f.Title {
				t.Errorf("title %q, want %q", got.Title, f.Title)
			}
			if got.Language != "nl" {
				t.Errorf("language %q, want nl", got.Language)
			}
			if got.Link != home {
				t.Errorf("link %q, want %q", got.Link, home)
			}
			if got.FeedLink != tc.self {
				t.Errorf("self link %q, want %q", got.FeedLink, tc.self)
			}
			if got.UpdatedParsed == nil || !got.UpdatedParsed.Equal(t2) {
				t.Errorf("feed updated %v, want %v", got.UpdatedParsed, t2)
			}
			var items []parsedItem
			for _, it := range got.Items {
				p := parsedItem{Title: it.Title, Link: it.Link, GUID: it.GUID, Content: it.Content, Categories: it.Categories}
				if tc.htmlInDescription {
					p.Content = it.Description
				}
				if it.PublishedParsed != nil {
					p.Published = it.PublishedParsed.UTC()
				}
				if it.UpdatedParsed != nil {
					p.Updated = it.UpdatedParsed.UTC()
				} else {
					p.Updated = p.Published // RSS 2.0 has no updated time of its own
				}
				items = append(items, p)
			}
			want := []parsedItem{
				{
					Title: "[Opgelost] " + tricky, Link: f.Items[0].URL,
					GUID: "tag:status.example,2026:soap-api/20261006T103000Z", Content: cleanHTML,
					Published: t2.UTC(), Updated: t2.UTC(), Categories: []string{"Storing", "SOAP & REST"},
				},
				{
					Title: "[Wordt onderzocht] SOAP-API", Link: f.Items[1].URL,
					GUID: "tag:status.example,2026:soap-api/20261006T051200Z", Content: `<p>We are looking into it.</p>`,
					Published: t1, Updated: t1, Categories: []string{"Storing"},
				},
			}
			if diff := cmp.Diff(want, items); diff != "" {
				t.Errorf("items (-want +got):\n%s", diff)
			}
		})
	}
}

// TestRSSDetails checks what the universal parser does not show: guids that are not permalinks,
// the RFC 822 dates, and the atom:link that names the feed's own address.
func TestRSSDetails(t *testing.T) {
	b := encode(t, "rss", sample())
	got, err := (&rss.Parser{}).Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if got.Version != "2.0" {
		t.Errorf("version %q", got.Version)
	}
	if got.Description != "Alles over "+tricky {
		t.Errorf("description %q", got.Description)
	}
	if got.LastBuildDate != "Tue, 06 Oct 2026 10:30:00 +0000" {
		t.Errorf("lastBuildDate %q", got.LastBuildDate)
	}
	for _, it := range got.Items {
		if it.GUID == nil || it.GUID.IsPermalink != "false" || !strings.HasPrefix(it.GUID.Value, "tag:status.example,2026:") {
			t.Errorf("item %q: guid %+v, want a tag URI with isPermaLink=false", it.Title, it.GUID)
		}
	}
	if got.Items[1].PubDate != "Tue, 06 Oct 2026 05:12:00 +0000" {
		t.Errorf("pubDate %q", got.Items[1].PubDate)
	}
	if !bytes.Contains(b, []byte(`<atom:link href="`+selfRSS+`" rel="self" type="application/rss+xml">`)) {
		t.Errorf("no atom:link rel=self in\n%s", b)
	}
}

// TestAtomDetails checks Atom's required elements, the link relations and the language of content
// that fell back to another language.
func TestAtomDetails(t *testing.T) {
	b := encode(t, "atom", sample())
	got, err := (&atom.Parser{}).Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != "tag:status.example,2026:nl/feed" {
		t.Errorf("feed id %q", got.ID)
	}
	if got.Updated != "2026-10-06T10:30:00Z" {
		t.Errorf("feed updated %q", got.Updated)
	}
	if len(got.Authors) != 1 || got.Authors[0].Name != "Status & Co" || got.Authors[0].Email != "support@example.com" {
		t.Errorf("authors %+v", got.Authors)
	}
	rels := map[string]string{}
	for _, l := range got.Links {
		rels[l.Rel] = l.Href + " " + l.Type
	}
	if diff := cmp.Diff(map[string]string{"alternate": home + " text/html", "self": selfAtom + " application/atom+xml"}, rels); diff != "" {
		t.Errorf("feed links (-want +got):\n%s", diff)
	}
	e := got.Entries[1]
	if e.Content == nil || e.Content.Type != "html" {
		t.Fatalf("content %+v, want type html", e.Content)
	}
	if e.Published != "2026-10-06T05:12:00Z" || e.Updated != "2026-10-06T05:12:00Z" {
		t.Errorf("published %q updated %q", e.Published, e.Updated)
	}
	if e.Summary != "Short & plain" {
		t.Errorf("summary %q", e.Summary)
	}
	// gofeed does not report xml:lang; read it with encoding/xml.
	var doc struct {
		Lang    string `xml:"lang,attr"`
		Entries []struct {
			Content struct {
				Lang string `xml:"lang,attr"`
			} `xml:"content"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Lang != "nl" || doc.Entries[0].Content.Lang != "" || doc.Entries[1].Content.Lang != "en" {
		t.Errorf("xml:lang: feed %q, entries %q and %q; want nl, none, en", doc.Lang, doc.Entries[0].Content.Lang, doc.Entries[1].Content.Lang)
	}
}

// TestEmptyFeed: a feed without items is still valid in every format; Atom needs an updated time.
func TestEmptyFeed(t *testing.T) {
	f := sample()
	f.Items, f.Updated = nil, time.Time{}
	for _, name := range []string{"rss", "atom", "json"} {
		got := feedcheck.Read(t, encode(t, name, f))
		if len(got.Items) != 0 || got.Title != f.Title {
			t.Errorf("%s: %d items, title %q", name, len(got.Items), got.Title)
		}
	}
	if b := encode(t, "atom", f); !bytes.Contains(b, []byte("<updated>1970-01-01T00:00:00Z</updated>")) {
		t.Errorf("empty Atom feed without a fixed updated time:\n%s", b)
	}
	if b := encode(t, "json", f); !bytes.Contains(b, []byte(`"items": []`)) {
		t.Errorf("empty JSON Feed without an items array:\n%s", b)
	}
}

func TestTagURI(t *testing.T) {
	if got, want := feed.TagURI("Status.LumenMail.example", "2026", "soap-api-storing/20200608T020400Z"),
		"tag:status.lumenmail.example,2026:soap-api-storing/20200608T020400Z"; got != want {
		t.Errorf("TagURI = %q, want %q", got, want)
	}
}
