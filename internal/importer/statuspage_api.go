package importer

import (
	"context"
	"fmt"
	"net/url"
	"strings"
)

// Getter fetches a URL's body; fetch.Client is one. The import knows URLs, not HTTP.
type Getter interface {
	Get(ctx context.Context, url string) ([]byte, error)
}

// PublicLimit is how many incidents Statuspage's public API lists: the newest.
const PublicLimit = 50

// StatuspageBase checks a page's address as typed (https://status.example.com, with or without
// /api/v2) and returns it without a trailing slash or the API path.
func StatuspageBase(raw string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", fmt.Errorf("%q is not a page's address; give it as https://status.example.com, or a directory of saved JSON", raw)
	}
	if u.User != nil {
		return "", fmt.Errorf("the page's address must not hold a user name or password")
	}
	u.RawQuery, u.Fragment = "", ""
	u.Path = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(u.Path, "/"), "/api/v2"), "/")
	return u.String(), nil
}

// FetchStatuspagePublic fetches a page's components, incidents and scheduled maintenances from
// its public API v2.
func FetchStatuspagePublic(ctx context.Context, g Getter, base string) ([]StatuspageDoc, error) {
	var docs []StatuspageDoc
	for _, f := range statuspageFiles {
		u := base + "/api/v2/" + f.name
		data, err := g.Get(ctx, u)
		if err != nil {
			return nil, err
		}
		docs = append(docs, StatuspageDoc{Name: u, Kind: f.kind, Data: data})
	}
	return docs, nil
}

// maxPages bounds the management API's pagination: 100,000 incidents at 100 a page.
const maxPages = 1000

// FetchStatuspageManage fetches a page's whole history from the management API v1 at api
// (https://api.statuspage.io/v1): the page, its components and every incident and maintenance,
// page by page until a page holds fewer than asked for.
func FetchStatuspageManage(ctx context.Context, g Getter, api, pageID string) ([]StatuspageDoc, error) {
	if !spIDPattern.MatchString(pageID) {
		return nil, fmt.Errorf("--page-id %q is not a Statuspage page id (letters and digits, as in the address of the page's settings)", pageID)
	}
	api = strings.TrimSuffix(api, "/")
	pageURL := api + "/pages/" + pageID
	data, err := g.Get(ctx, pageURL)
	if err != nil {
		return nil, err
	}
	docs := []StatuspageDoc{{Name: pageURL, Kind: "page", Data: data}}
	for _, list := range []struct{ path, kind string }{{"components", "components-list"}, {"incidents", "incidents-list"}} {
		prevFirst := ""
		for n := 1; ; n++ {
			if n > maxPages {
				return nil, fmt.Errorf("%s/%s: more than %d pages; stopped", pageURL, list.path, maxPages)
			}
			u := fmt.Sprintf("%s/%s?page=%d&per_page=100", pageURL, list.path, n)
			data, err := g.Get(ctx, u)
			if err != nil {
				return nil, err
			}
			doc := StatuspageDoc{Name: u, Kind: list.kind, Data: data}
			var items []struct {
				ID string `json:"id"`
			}
			if err := decodeJSON(doc, &items); err != nil {
				return nil, err
			}
			if len(items) > 0 && items[0].ID == prevFirst {
				return nil, &Error{File: u, Message: "the API answered with the same page as before; it does not page, so the history cannot be read whole"}
			}
			docs = append(docs, doc)
			if len(items) < 100 {
				break
			}
			prevFirst = items[0].ID
		}
	}
	return docs, nil
}
