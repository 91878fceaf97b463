package subscription

import (
	"net/url"
	"strings"
)

// The paths of the subscription pages, in a language; the server routes them (site.Routes holds
// the same patterns) and Links makes them absolute.
func SubscribePath(lang string) string   { return "/" + lang + "/subscribe/" }
func ConfirmPath(lang string) string     { return "/" + lang + "/subscribe/confirm/" }
func ManagePath(lang string) string      { return "/" + lang + "/subscription/" }
func UnsubscribePath(lang string) string { return "/" + lang + "/subscription/unsubscribe/" }

// Links builds the absolute URLs that mails carry, under the site's base URL.
type Links struct {
	// Base is the site's public URL ("https://status.example.com"), with or without a final slash.
	Base string
}

// ConfirmURL is the double opt-in link of a confirmation mail: a page with a button that
// confirms (a GET changes nothing, since mail scanners open links).
func (l Links) ConfirmURL(lang, token string) string { return l.url(ConfirmPath(lang), token) }

// ManageURL is the page where a subscriber changes components or leaves.
func (l Links) ManageURL(lang, token string) string { return l.url(ManagePath(lang), token) }

// UnsubscribeURL is the List-Unsubscribe URL: a POST with the body List-Unsubscribe=One-Click
// unsubscribes at once (RFC 8058); a GET shows a page with a button.
func (l Links) UnsubscribeURL(lang, token string) string {
	return l.url(UnsubscribePath(lang), token)
}

func (l Links) url(path, token string) string {
	return strings.TrimRight(l.Base, "/") + path + "?token=" + url.QueryEscape(token)
}
