// Package export writes the whole status site as static files (statuspress build), for object
// storage or a CDN that shares nothing with what the page reports on.
//
// There is no second renderer: every file is the answer of the real handler (server.New) to a
// request for its URL, at one fixed instant. URLs lists what is requested, from the snapshot.
// Pages become <path>/index.html; feeds, API answers, badges, the calendar, the fingerprinted
// assets and the files of bundles keep their paths. Where the server redirects, the output has a
// small page that sends the reader on (a meta refresh and links, no script): index.html at the
// root to the default language, whose choice a static host cannot negotiate, and
// /lang/{lang}/index.html to that language's overview. 404.html is the not-found page in the
// default language and /{lang}/404.html in each language, for hosts that can serve one per tree.
// sitemap.xml lists every page with its hreflang alternates; robots.txt points to it. Every text
// file of 1 KB or more also gets a .gz and a .br copy for hosts that serve precompressed files.
//
// The snapshot must be built with site.Options.Static, which makes the language switcher link the
// other language's page directly instead of going through /lang/, which sets a cookie.
//
// What a static host loses: the server's response headers (the Content-Security-Policy among
// them, Cache-Control, CORS on /api/ and the badges, Content-Language, and the content types of
// .rss, .atom and .ics, which a host may not know), ?lang= on the API and badges (the static files
// are in the default language), remembering the reader's language, and /healthz. The output is
// the site at one instant: rebuild it whenever the content changes, and often enough for the
// uptime bars and "updated" times (a scheduled job every few minutes).
package export

import (
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path"
	"strings"
	"time"

	"statuspress/internal/server"
	"statuspress/internal/site"
)

// Site is a rendered static site, in memory.
type Site struct {
	// Files maps each file's slash-separated path relative to the output directory to its content.
	Files map[string][]byte
	// Pages counts the HTML pages of the site (those in sitemap.xml), in every language.
	Pages int
	// Compressed counts the .gz and .br copies among Files.
	Compressed int
}

// Options tune Render.
type Options struct {
	// BrotliQuality is the brotli quality of the .br copies, 1 to 11; 0 means 11, the best, which
	// suits files compressed once and served many times but takes a few seconds per megabyte.
	BrotliQuality int
	// SubscribeURL is the public URL of a running statuspress with subscriptions on; the
	// overviews then carry the subscribe form, posting there. Empty: no form.
	SubscribeURL string
}

// Render requests every URL of the site at now from the server over snap and returns the files
// of the static site. A URL that does not answer as expected is an error: the build must not
// publish a site with a hole in it.
func Render(snap *site.Snapshot, now time.Time, opt Options) (*Site, error) {
	if !snap.Static() {
		return nil, fmt.Errorf("export: the snapshot was not built with site.Options.Static")
	}
	entries := URLs(snap, now)
	h := server.New(snap, server.Config{
		Now:          func() time.Time { return now },
		Logger:       slog.New(slog.DiscardHandler),
		SubscribeURL: opt.SubscribeURL,
	})
	out := &Site{Files: map[string][]byte{}}
	put := func(name string, body []byte) error {
		if !safeFile(name) {
			return fmt.Errorf("export: %q is not a file name inside the output", name)
		}
		if _, dup := out.Files[name]; dup {
			return fmt.Errorf("export: two files would be written to %s", name)
		}
		out.Files[name] = body
		return nil
	}
	for _, e := range entries {
		body, err := fetch(h, snap, e)
		if err != nil {
			return nil, err
		}
		if err := put(e.File, body); err != nil {
			return nil, err
		}
		if e.Page {
			out.Pages++
		}
	}
	if err := put("sitemap.xml", sitemap(snap, now, entries)); err != nil {
		return nil, err
	}
	if err := put("robots.txt", robots(snap)); err != nil {
		return nil, err
	}
	copies, err := compressedCopies(out.Files, opt.BrotliQuality)
	if err != nil {
		return nil, err
	}
	for name, body := range copies {
		if err := put(name, body); err != nil {
			return nil, err
		}
	}
	out.Compressed = len(copies)
	return out, nil
}

// fetch asks the handler for one entry and returns the file to write for it.
func fetch(h http.Handler, snap *site.Snapshot, e Entry) ([]byte, error) {
	req := httptest.NewRequest(http.MethodGet, (&url.URL{Path: e.Path}).RequestURI(), nil)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	res := rec.Result()
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		return nil, err
	}
	if res.StatusCode != e.Status {
		return nil, fmt.Errorf("export: GET %s answered %d, want %d", e.Path, res.StatusCode, e.Status)
	}
	if e.Status >= 300 && e.Status < 400 {
		loc := res.Header.Get("Location")
		// A meta refresh is followed as a browser follows a Location: "//host" or "/\host" would
		// send the reader off the site.
		if u, err := url.Parse(loc); err != nil || u.Host != "" || u.RawQuery != "" || !strings.HasPrefix(loc, "/") ||
			strings.HasPrefix(loc, "//") || strings.ContainsAny(loc, "\\\t\r\n") {
			return nil, fmt.Errorf("export: GET %s redirects to %q, which a static page cannot", e.Path, loc)
		}
		return stub(snap, loc)
	}
	return body, nil
}

// Stats sum up what Write wrote.
type Stats struct {
	// Files and Bytes count everything written, compressed copies included.
	Files int
	Bytes int64
}

// Total returns the number and total size of the site's files.
func (s *Site) Total() Stats {
	st := Stats{Files: len(s.Files)}
	for _, b := range s.Files {
		st.Bytes += int64(len(b))
	}
	return st
}

// dirOf is the directory part of a slash-separated file name, "" at the top.
func dirOf(name string) string {
	d := path.Dir(name)
	if d == "." {
		return ""
	}
	return d
}
