package export

import (
	"net/http"
	"path"
	"slices"
	"strings"
	"time"

	"statuspress/internal/site"
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

// URLs lists every URL of the static site at now, sorted by path: every URL each route of
// site.Routes lists (in every language the overview, every archive page, every published incident,
// every component and their feeds and the maintenance calendar; the API and the badges, a badge
// for every component and group; the fingerprinted assets; the files of published bundles); the
// root and /lang/{lang} redirects; and the not-found pages. What is left out needs a server: the
// other routes of kind site.Server (/healthz, /readyz, /metrics, and /favicon.ico, a redirect to
// the icon that every page links itself) and query variants (?lang= of the API and badges, ?to=
// of the switcher).
func URLs(snap *site.Snapshot, now time.Time) []Entry {
	var es []Entry
	add := func(p string, status int, lang string, page bool) {
		es = append(es, Entry{Path: p, File: fileOf(p), Status: status, Lang: lang, Page: page})
	}
	add("/", http.StatusSeeOther, "", false)
	add("/404.html", http.StatusNotFound, "", false)
	for _, lang := range snap.Site.Languages {
		// The switcher's old links, /lang/{lang}?to=…: a static host serves the page of the
		// directory, whatever the query, so they go to the overview.
		add(site.RouteSwitch.Fill(lang), http.StatusSeeOther, lang, false)
		es[len(es)-1].File = "lang/" + lang + "/index.html"
		add("/"+lang+"/404.html", http.StatusNotFound, lang, false)
	}
	for _, r := range site.Routes {
		for _, p := range r.URLs(snap, now) {
			lang := ""
			if r.Kind == site.Page || r.Kind == site.Feed {
				lang = site.LangOf(p)
			}
			add(p, http.StatusOK, lang, r.Kind == site.Page)
		}
	}
	slices.SortFunc(es, func(a, b Entry) int { return strings.Compare(a.Path, b.Path) })
	return es
}

// fileOf is the file a URL path is written to: a directory's index.html, or the path itself.
func fileOf(p string) string {
	p = strings.TrimPrefix(p, "/")
	if p == "" || strings.HasSuffix(p, "/") {
		return p + "index.html"
	}
	return p
}

// safeFile reports whether f is a clean relative path inside the output directory.
func safeFile(f string) bool {
	return f != "" && !strings.HasPrefix(f, "/") && path.Clean(f) == f && f != ".." && !strings.HasPrefix(f, "../")
}
