package feed

import (
	"bytes"
	"encoding/xml"
	"time"
)

// The RSS 2.0 wire format, https://www.rssboard.org/rss-specification. Only the elements we fill
// are declared. The self link is Atom's (RFC 4287 section 4.2.7) in the namespace the RSS Advisory
// Board's profile recommends for it, https://www.rssboard.org/rss-profile#namespace-elements-atom-link.

const atomNS = "http://www.w3.org/2005/Atom"

// rssDoc is the <rss> root element.
type rssDoc struct {
	XMLName xml.Name `xml:"rss"`
	Version string   `xml:"version,attr"` // always "2.0"
	AtomNS  string   `xml:"xmlns:atom,attr"`
	Channel rssChannel
}

// rssChannel is <channel>: title, link and description are required.
type rssChannel struct {
	XMLName       xml.Name    `xml:"channel"`
	Title         string      `xml:"title"`
	Link          string      `xml:"link"`
	Description   string      `xml:"description"`
	Language      string      `xml:"language,omitempty"`
	Generator     string      `xml:"generator,omitempty"`
	Docs          string      `xml:"docs,omitempty"`
	LastBuildDate string      `xml:"lastBuildDate,omitempty"` // RFC 822 date-time
	Self          rssAtomLink `xml:"atom:link"`
	Items         []rssItem   `xml:"item"`
}

// rssAtomLink is <atom:link rel="self">, the feed's own address.
type rssAtomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
}

// rssItem is <item>. The description holds the HTML, which RSS 2.0 allows ("entity-encoded HTML
// is allowed"); a CDATA section is the same text to a parser and readable in the source.
type rssItem struct {
	Title       string   `xml:"title"`
	Link        string   `xml:"link"`
	Description rssCDATA `xml:"description"`
	Categories  []string `xml:"category"`
	GUID        rssGUID  `xml:"guid"`
	PubDate     string   `xml:"pubDate"` // RFC 822 date-time
}

// rssCDATA is character data written as a CDATA section.
type rssCDATA struct {
	Text string `xml:",cdata"`
}

// rssGUID is <guid>. Ours are tag URIs, not addresses, so isPermaLink is false.
type rssGUID struct {
	IsPermaLink string `xml:"isPermaLink,attr"`
	Value       string `xml:",chardata"`
}

// rssDate writes t as RFC 822 wants it, with a four-digit year as the RSS 2.0 spec asks.
func rssDate(t time.Time) string { return t.UTC().Format(time.RFC1123Z) }

// RSS encodes f as an RSS 2.0 document whose own address is self.
func RSS(f Feed, self string) ([]byte, error) {
	ch := rssChannel{
		Title:       safeText(f.Title),
		Link:        safeText(f.HomeURL),
		Description: safeText(f.Description),
		Language:    f.Lang,
		Generator:   generator,
		Docs:        "https://www.rssboard.org/rss-specification",
		Self:        rssAtomLink{Href: safeText(self), Rel: "self", Type: RSSType},
	}
	if ch.Description == "" {
		ch.Description = ch.Title
	}
	if !f.Updated.IsZero() {
		ch.LastBuildDate = rssDate(f.Updated)
	}
	for _, it := range f.Items {
		item := rssItem{
			Title:       safeText(it.Title),
			Link:        safeText(it.URL),
			Description: rssCDATA{safeText(it.HTML)},
			GUID:        rssGUID{IsPermaLink: "false", Value: safeText(it.ID)},
			PubDate:     rssDate(it.Published),
		}
		for _, c := range it.Categories {
			item.Categories = append(item.Categories, safeText(c))
		}
		ch.Items = append(ch.Items, item)
	}
	return marshalXML(rssDoc{Version: "2.0", AtomNS: atomNS, Channel: ch})
}

// marshalXML writes v as an indented XML document with its declaration.
func marshalXML(v any) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}
