package feed

import (
	"bytes"
	"encoding/json"
)

// The JSON Feed 1.1 wire format, https://www.jsonfeed.org/version/1.1/. Field names and comments
// follow the spec; internal/testsupport/feedcheck holds a JSON Schema written from it, which the
// tests validate our output against.

const jsonFeedVersion = "https://jsonfeed.org/version/1.1"

// jsonFeed is the top-level object: version, title and items are required; home_page_url and
// feed_url are strongly recommended.
type jsonFeed struct {
	Version     string       `json:"version"`
	Title       string       `json:"title"`
	HomePageURL string       `json:"home_page_url,omitempty"`
	FeedURL     string       `json:"feed_url,omitempty"`
	Description string       `json:"description,omitempty"`
	Authors     []jsonAuthor `json:"authors,omitempty"`
	Language    string       `json:"language,omitempty"` // RFC 5646
	Items       []jsonItem   `json:"items"`
}

// jsonAuthor is an author object: at least one of name, url and avatar.
type jsonAuthor struct {
	Name string `json:"name,omitempty"`
	URL  string `json:"url,omitempty"`
}

// jsonItem is an item: id is required, and content_html or content_text.
type jsonItem struct {
	ID            string   `json:"id"`
	URL           string   `json:"url,omitempty"`
	Title         string   `json:"title,omitempty"`
	ContentHTML   string   `json:"content_html"`
	Summary       string   `json:"summary,omitempty"`
	DatePublished string   `json:"date_published,omitempty"` // RFC 3339
	DateModified  string   `json:"date_modified,omitempty"`  // RFC 3339
	Tags          []string `json:"tags,omitempty"`
	Language      string   `json:"language,omitempty"`
}

// JSON encodes f as a JSON Feed 1.1 document whose own address is self.
func JSON(f Feed, self string) ([]byte, error) {
	doc := jsonFeed{
		Version:     jsonFeedVersion,
		Title:       safeText(f.Title),
		HomePageURL: f.HomeURL,
		FeedURL:     self,
		Description: safeText(f.Description),
		Language:    f.Lang,
		Items:       []jsonItem{},
	}
	if a := f.Author; a.Name != "" || a.URL != "" || a.Email != "" {
		author := jsonAuthor{Name: a.Name, URL: a.URL}
		if author.URL == "" && a.Email != "" {
			// The spec allows a mailto: URL for an author without a site.
			author.URL = "mailto:" + a.Email
		}
		doc.Authors = []jsonAuthor{author}
	}
	for _, it := range f.Items {
		item := jsonItem{
			ID:            it.ID,
			URL:           it.URL,
			Title:         safeText(it.Title),
			ContentHTML:   safeText(it.HTML),
			Summary:       safeText(it.Summary),
			DatePublished: rfc3339(it.Published),
			DateModified:  rfc3339(it.Updated),
			Language:      it.Lang,
		}
		for _, c := range it.Categories {
			item.Tags = append(item.Tags, safeText(c))
		}
		if it.Updated.IsZero() {
			// Always written: JSON Feed has no feed-level date, so readers take the newest item's.
			item.DateModified = item.DatePublished
		}
		doc.Items = append(doc.Items, item)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	// The document is served as application/feed+json, never inside HTML: keep <, > and & as
	// they are so the HTML content stays readable.
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
