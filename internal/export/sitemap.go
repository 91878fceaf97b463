package export

import (
	"bytes"
	"encoding/xml"
	"time"

	"statuspress/internal/site"
	"statuspress/internal/status"
)

// sitemap writes sitemap.xml (sitemaps.org 0.9) listing every page in every language, each with
// its alternates in the other languages and x-default (xhtml:link, as Google reads hreflang in
// sitemaps), the same ones the page's own head names. lastmod is the latest thing an incident page
// tells (its start, updates or resolution, up to now); the overview, archive and component pages
// change with the uptime bars and the clock, so theirs is now.
func sitemap(snap *site.Snapshot, now time.Time, es []Entry) []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">` + "\n")
	for _, e := range es {
		if !e.Page {
			continue
		}
		b.WriteString("  <url>\n    <loc>")
		xml.EscapeText(&b, []byte(snap.Absolute(e.Path)))
		b.WriteString("</loc>\n    <lastmod>" + lastmod(snap, now, e.Path).UTC().Format(time.RFC3339) + "</lastmod>\n")
		link := func(lang, p string) {
			b.WriteString(`    <xhtml:link rel="alternate" hreflang="` + lang + `" href="`)
			xml.EscapeText(&b, []byte(snap.Absolute(p)))
			b.WriteString("\"/>\n")
		}
		for _, l := range snap.Site.Languages {
			link(l, site.Translate(e.Path, l))
		}
		link("x-default", site.Translate(e.Path, snap.Site.DefaultLanguage))
		b.WriteString("  </url>\n")
	}
	b.WriteString("</urlset>\n")
	return b.Bytes()
}

// lastmod is when the page at p last changed, as far as the content tells.
func lastmod(snap *site.Snapshot, now time.Time, p string) time.Time {
	vals, ok := site.RouteIncident.Match(p)
	if !ok {
		return now
	}
	in, ok := snap.Incident(vals[1], now)
	if !ok {
		return now
	}
	var last time.Time
	seen := func(t time.Time) {
		if !t.IsZero() && !t.After(now) && t.After(last) {
			last = t
		}
	}
	seen(in.Started)
	seen(in.Published)
	if end, ok := in.Ended(now); ok {
		seen(end)
	}
	for _, u := range status.Visible(in, now) {
		seen(u.At)
	}
	if last.IsZero() {
		return now
	}
	return last
}

// robots lets crawlers read everything but the /lang/ redirects (there only for links from old
// pages) and points them to the sitemap.
func robots(snap *site.Snapshot) []byte {
	return []byte("User-agent: *\nDisallow: /lang/\nAllow: /\n\nSitemap: " + snap.Absolute("/sitemap.xml") + "\n")
}
