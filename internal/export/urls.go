package export

import (
	"encoding/json"
	"fmt"
	"net/http"
	"path"
	"slices"
	"strings"
	"time"

	"statuspress/internal/content"
	"statuspress/internal/site"
	"statuspress/internal/statusapi"
	"statuspress/static"
)

// Entry is one URL of the site and the file the build writes for it.
type Entry struct {
	// Path is the URL path requested from the server ("/nl/incidents/x/").
	Path string
	// File is where the answer goes in the output, slash-separated and relative ("nl/incidents/x/index.html").
	File string
	// Status is the answer the server must give: 200; 303 or 301 for a redirect, which becomes a
	// small HTML page that sends the reader on; 404 for the not-found pages.
	Status int
	// Lang is the page's language, for pages in a language tree.
	Lang string
	// Page marks an HTML page of the site, listed in sitemap.xml.
	Page bool
}

// URLs lists every URL of the static site at now, sorted by path: in every language the overview,
// every archive page, every published incident, every component and their feeds and the
// maintenance calendar; the API and the badges (every path the OpenAPI document lists, a {id} for
// every component and group); the fingerprinted assets; the files of published bundles; the root
// and /lang/{lang} redirects; and the not-found pages. What is left out needs a server: query
// variants (?lang= of the API and badges, ?to= of the switcher), /healthz, /favicon.ico (a
// redirect to the icon, which every page links itself).
func URLs(snap *site.Snapshot, now time.Time) ([]Entry, error) {
	var es []Entry
	add := func(p string, status int, lang string, page bool) {
		es = append(es, Entry{Path: p, File: fileOf(p), Status: status, Lang: lang, Page: page})
	}
	add("/", http.StatusSeeOther, "", false)
	add("/404.html", http.StatusNotFound, "", false)
	published := snap.Published(now)
	for _, lang := range snap.Site.Languages {
		// The switcher's old links, /lang/{lang}?to=…: a static host serves the page of the
		// directory, whatever the query, so they go to the overview.
		add("/lang/"+lang, http.StatusSeeOther, lang, false)
		es[len(es)-1].File = "lang/" + lang + "/index.html"
		add("/"+lang+"/404.html", http.StatusNotFound, lang, false)
		add(site.HomePath(lang), http.StatusOK, lang, true)
		for n := 1; ; n++ {
			if _, ok := snap.History(lang, n, now); !ok {
				break
			}
			add(site.HistoryPath(lang, n), http.StatusOK, lang, true)
		}
		for _, in := range published {
			add(site.IncidentPath(lang, in.Slug), http.StatusOK, lang, true)
		}
		for _, ext := range feedExts {
			add(site.FeedPath(lang, ext), http.StatusOK, lang, false)
		}
		for _, c := range snap.Site.Components {
			for n := 1; ; n++ {
				if _, ok := snap.ComponentPage(lang, c.ID, n, now); !ok {
					break
				}
				add(site.ComponentPagePath(lang, c.ID, n), http.StatusOK, lang, true)
			}
			for _, ext := range feedExts {
				add(site.ComponentFeedPath(lang, c.ID, ext), http.StatusOK, lang, false)
			}
		}
		add(site.CalendarPath(lang), http.StatusOK, lang, false)
	}
	api, err := apiPaths(snap)
	if err != nil {
		return nil, err
	}
	for _, p := range api {
		add(p, http.StatusOK, "", false)
	}
	for _, a := range static.Assets() {
		add(a.Path, http.StatusOK, "", false)
	}
	for _, in := range published {
		for _, a := range snap.Catalog.Assets[in.Slug] {
			add(content.AssetURL(in.Slug)+a.Name, http.StatusOK, "", false)
		}
	}
	slices.SortFunc(es, func(a, b Entry) int { return strings.Compare(a.Path, b.Path) })
	return es, nil
}

var feedExts = []string{"rss", "atom", "json"}

// fileOf is the file a URL path is written to: a directory's index.html, or the path itself.
func fileOf(p string) string {
	p = strings.TrimPrefix(p, "/")
	if p == "" || strings.HasSuffix(p, "/") {
		return p + "index.html"
	}
	return p
}

// apiPaths are the paths of the API and the badges, from the OpenAPI document that describes them,
// so that a new endpoint is built as soon as it is documented. {id} stands for every component
// and group; any other parameter is a path the build does not know how to fill.
func apiPaths(snap *site.Snapshot) ([]string, error) {
	var doc struct {
		Paths map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(statusapi.OpenAPI, &doc); err != nil {
		return nil, fmt.Errorf("reading the OpenAPI document: %w", err)
	}
	var ids []string
	for _, c := range snap.Site.Components {
		ids = append(ids, c.ID)
	}
	for _, g := range snap.Site.Groups {
		ids = append(ids, g.ID)
	}
	var out []string
	for p := range doc.Paths {
		switch {
		case strings.Contains(p, "{id}"):
			for _, id := range ids {
				out = append(out, strings.ReplaceAll(p, "{id}", id))
			}
		case strings.Contains(p, "{"):
			return nil, fmt.Errorf("OpenAPI path %s has a parameter the static build cannot fill", p)
		default:
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return out, nil
}

// safeFile reports whether f is a clean relative path inside the output directory.
func safeFile(f string) bool {
	return f != "" && !strings.HasPrefix(f, "/") && path.Clean(f) == f && f != ".." && !strings.HasPrefix(f, "../")
}
