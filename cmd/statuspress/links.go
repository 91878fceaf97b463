package main

import (
	"statuspress/internal/site"
	"statuspress/internal/subscription"
)

// pageLinks are the absolute URLs of the subscription pages, as the pages themselves make them,
// under the base URL of the snapshot being served.
type pageLinks struct{ snap func() *site.Snapshot }

func linksOf(p *publisher) pageLinks { return pageLinks{snap: p.srv.Snapshot} }

func (l pageLinks) links() subscription.Links { return subscription.Links{Base: l.snap().BaseURL()} }

func (l pageLinks) ConfirmURL(lang, token string) string { return l.links().ConfirmURL(lang, token) }
func (l pageLinks) ManageURL(lang, token string) string  { return l.links().ManageURL(lang, token) }
func (l pageLinks) UnsubscribeURL(lang, token string) string {
	return l.links().UnsubscribeURL(lang, token)
}
