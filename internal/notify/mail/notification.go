package mail

import (
	"html/template"
	"strings"

	"statuspress/internal/locale"
	"statuspress/internal/notify"
)

// Links are a subscriber's own absolute URLs, which every notification carries.
type Links struct {
	// Unsubscribe ends the subscription: a POST to it does so at once (RFC 8058 one-click), and
	// opening it shows a page with a button that does.
	Unsubscribe string
	// Manage is the page where the subscriber chooses components or leaves.
	Manage string
}

// footer is what the end of a notification says, in the message's language. The caller gives
// the words (they come from the same catalog as m's), so Notification needs no localizer.
type footer struct {
	Reason, Manage, Unsubscribe string
}

// Notification writes m as the e-mail to one subscriber: text and HTML with the timeline, the
// time of the latest news with its zone named, the affected components, the link to the
// incident, and a footer with the subscriber's manage and unsubscribe links.
func Notification(l *locale.Localizer, m notify.Message, to string, links Links) Mail {
	f := footer{
		Reason:      l.TData(locale.MailFooterReason, map[string]any{"Address": to, "Site": m.Site}),
		Manage:      l.T(locale.MailManage),
		Unsubscribe: l.T(locale.MailUnsubscribe),
	}
	v := notificationView{
		Lang:     m.Lang,
		Headline: headline(m),
		Updated:  l.TData(locale.MailLastUpdate, map[string]any{"Time": m.Time}),
		Body:     template.HTML(mailHTML(m.HTML, m.Link)), // sanitised by the Markdown renderer (see notify.Message)
		Text:     m.Text,
		Message:  m,
		Links:    links,
		Footer:   f,
	}
	return Mail{
		To:          to,
		Subject:     subject(m.Site, v.Headline),
		Lang:        m.Lang,
		Text:        render(notificationText, v),
		HTML:        render(notificationHTML, v),
		ID:          messageID("n", m.ID, strings.ToLower(to)),
		Unsubscribe: links.Unsubscribe,
	}
}

// headline is "Title: State", or the title alone when there is no state.
func headline(m notify.Message) string {
	if m.State == "" {
		return m.Title
	}
	return m.Title + ": " + m.State
}

type notificationView struct {
	Lang     string
	Headline string
	Updated  string
	Body     template.HTML
	Text     string
	Message  notify.Message
	Links    Links
	Footer   footer
}
