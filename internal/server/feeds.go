package server

import (
	"github.com/labstack/echo/v4"

	"statuspress/internal/feed"
	"statuspress/internal/site"
)

// feedCacheControl lets caches and readers keep a feed for a minute, serve it a little stale while
// they revalidate, and for a day when the server fails.
const feedCacheControl = "public, max-age=60, stale-while-revalidate=300, stale-if-error=86400"

// feedFormat is one way of writing a feed.
type feedFormat struct {
	ext         string
	contentType string
	encode      func(feed.Feed, string) ([]byte, error)
}

var (
	rssFormat  = feedFormat{"rss", feed.RSSType + "; charset=utf-8", feed.RSS}
	atomFormat = feedFormat{"atom", feed.AtomType + "; charset=utf-8", feed.Atom}
	jsonFormat = feedFormat{"json", feed.JSONType + "; charset=utf-8", feed.JSON}
)

// feedRSS answers /{lang}/feed.rss and /{lang}/components/{id}/feed.rss.
func (s *Server) feedRSS(c echo.Context, snap *site.Snapshot) error {
	return s.serveFeed(c, snap, rssFormat)
}

// feedAtom answers /{lang}/feed.atom and /{lang}/components/{id}/feed.atom.
func (s *Server) feedAtom(c echo.Context, snap *site.Snapshot) error {
	return s.serveFeed(c, snap, atomFormat)
}

// feedJSON answers /{lang}/feed.json and /{lang}/components/{id}/feed.json.
func (s *Server) feedJSON(c echo.Context, snap *site.Snapshot) error {
	return s.serveFeed(c, snap, jsonFormat)
}

// serveFeed writes the site's feed, or a component's when the route has an id, in one format.
func (s *Server) serveFeed(c echo.Context, snap *site.Snapshot, format feedFormat) error {
	lang, err := pageLang(c, snap)
	if err != nil {
		return err
	}
	id := c.Param("id")
	f, ok := snap.Feed(lang, id, s.now())
	if !ok {
		return echo.ErrNotFound
	}
	self := site.FeedPath(lang, format.ext)
	if id != "" {
		self = site.ComponentFeedPath(lang, id, format.ext)
	}
	body, err := format.encode(f, snap.Absolute(self))
	if err != nil {
		return err
	}
	c.Response().Header().Set("Content-Language", lang)
	return sendTagged(c, format.contentType, feedCacheControl, body)
}

// calendarShow answers /{lang}/maintenance.ics, the iCalendar feed of scheduled maintenance.
func (s *Server) calendarShow(c echo.Context, snap *site.Snapshot) error {
	lang, err := pageLang(c, snap)
	if err != nil {
		return err
	}
	body := feed.ICS(snap.Calendar(lang, s.now()), snap.Absolute(site.CalendarPath(lang)))
	c.Response().Header().Set("Content-Language", lang)
	return sendTagged(c, feed.CalendarType+"; charset=utf-8", feedCacheControl, body)
}
