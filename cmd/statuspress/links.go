package main

import (
	"net/url"

	"statuspress/internal/site"
)

// pageLinks are the absolute URLs of the subscription pages under the base URL of the snapshot
// being served.
type pageLinks struct{ snap func() *site.Snapshot }

func linksOf(p *publisher) pageLinks { return pageLinks{snap: p.srv.Snapshot} }

func (l pageLinks) url(lang, path, token string) string {
	return l.snap().Absolute("/" + lang + path + "?token=" + url.QueryEscape(token))
}

func (l pageLinks) ConfirmURL(lang, token string) string {
	return l.url(lang, "/subscribe/confirm/", token)
}
func (l pageLinks) ManageURL(lang, token string) string { return l.url(lang, "/subscription/", token) }
func (l pageLinks) UnsubscribeURL(lang, token string) string {
	return l.url(lang, "/subscription/unsubscribe/", token)
}
