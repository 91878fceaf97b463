package feed

import "encoding/xml"

// The Atom 1.0 wire format, RFC 4287, https://www.rfc-editor.org/rfc/rfc4287. Section numbers
// below are the RFC's.

// atomFeed is atom:feed (4.1.1): id, title and updated are required, and an author unless every
// entry has one.
type atomFeed struct {
	XMLName   xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang      string      `xml:"xml:lang,attr,omitempty"` // xml:lang (2)
	ID        string      `xml:"id"`
	Title     atomText    `xml:"title"`
	Subtitle  *atomText   `xml:"subtitle,omitempty"`
	Updated   string      `xml:"updated"` // RFC 3339 (3.3)
	Author    atomPerson  `xml:"author"`
	Generator atomGen     `xml:"generator"`
	Links     []atomLink  `xml:"link"`
	Entries   []atomEntry `xml:"entry"`
}

// atomText is a Text construct (3.1) of type "text": markup characters are escaped by the encoder.
type atomText struct {
	Type string `xml:"type,attr"`
	Text string `xml:",chardata"`
}

// atomPerson is a Person construct (3.2).
type atomPerson struct {
	Name  string `xml:"name"`
	URI   string `xml:"uri,omitempty"`
	Email string `xml:"email,omitempty"`
}

// atomGen is atom:generator (4.2.4).
type atomGen struct {
	Text string `xml:",chardata"`
}

// atomLink is atom:link (4.2.7).
type atomLink struct {
	Href     string `xml:"href,attr"`
	Rel      string `xml:"rel,attr"`
	Type     string `xml:"type,attr,omitempty"`
	Hreflang string `xml:"hreflang,attr,omitempty"`
}

// atomEntry is atom:entry (4.1.2): id, title and updated are required.
type atomEntry struct {
	ID         string         `xml:"id"`
	Title      atomText       `xml:"title"`
	Updated    string         `xml:"updated"`
	Published  string         `xml:"published,omitempty"`
	Links      []atomLink     `xml:"link"`
	Categories []atomCategory `xml:"category"`
	Summary    *atomText      `xml:"summary,omitempty"`
	Content    atomContent    `xml:"content"`
}

// atomCategory is atom:category (4.2.2); term is required.
type atomCategory struct {
	Term string `xml:"term,attr"`
}

// atomContent is atom:content (4.1.3) of type "html": escaped HTML, here as a CDATA section, which
// is the same text to a parser. xml:lang marks content in another language than the feed's.
type atomContent struct {
	Type string `xml:"type,attr"`
	Lang string `xml:"xml:lang,attr,omitempty"`
	HTML string `xml:",cdata"`
}

// Atom encodes f as an Atom 1.0 document whose own address is self. Atom requires an updated
// time; a feed with none gives the Unix epoch rather than a time that changes on every request.
func Atom(f Feed, self string) ([]byte, error) {
	doc := atomFeed{
		Lang:      f.Lang,
		ID:        safeText(f.ID),
		Title:     atomText{Type: "text", Text: safeText(f.Title)},
		Updated:   rfc3339(f.Updated),
		Author:    atomPerson{Name: safeText(f.Author.Name), URI: safeText(f.Author.URL), Email: safeText(f.Author.Email)},
		Generator: atomGen{Text: generator},
		Links: []atomLink{
			{Href: safeText(f.HomeURL), Rel: "alternate", Type: "text/html", Hreflang: f.Lang},
			{Href: safeText(self), Rel: "self", Type: AtomType},
		},
	}
	if f.Updated.IsZero() {
		doc.Updated = "1970-01-01T00:00:00Z"
	}
	if f.Description != "" && f.Description != f.Title {
		doc.Subtitle = &atomText{Type: "text", Text: safeText(f.Description)}
	}
	if doc.Author.Name == "" {
		doc.Author.Name = doc.Title.Text
	}
	for _, it := range f.Items {
		e := atomEntry{
			ID:        safeText(it.ID),
			Title:     atomText{Type: "text", Text: safeText(it.Title)},
			Updated:   rfc3339(it.Updated),
			Published: rfc3339(it.Published),
			Links:     []atomLink{{Href: safeText(it.URL), Rel: "alternate", Type: "text/html"}},
			Content:   atomContent{Type: "html", Lang: it.Lang, HTML: safeText(it.HTML)},
		}
		if it.Updated.IsZero() {
			e.Updated = e.Published
		}
		if it.Summary != "" {
			e.Summary = &atomText{Type: "text", Text: safeText(it.Summary)}
		}
		for _, c := range it.Categories {
			e.Categories = append(e.Categories, atomCategory{Term: safeText(c)})
		}
		doc.Entries = append(doc.Entries, e)
	}
	return marshalXML(doc)
}
