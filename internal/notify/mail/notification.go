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

// footer is what the end of a notification says to one subscriber.
type footer struct {
	Reason, Manage, Unsubscribe string
}

// Notification writes m as the e-mail to one subscriber: text and HTML with the timeline, the
// time of the latest news with its zone named, the affected components, the link to the
// incident, and a footer with the subscriber's manage and unsubscribe links. l is the
// localizer of m's language. Prepare does the same for many subscribers of one message.
func Notification(l *locale.Localizer, m notify.Message, to string, links Links) Mail {
	return Prepare(l, m).For(to, links)
}

// Prepared is a message written once, ready to be addressed to each of its subscribers; it is
// safe for concurrent use.
type Prepared struct {
	l                   *locale.Localizer
	m                   notify.Message
	subject             string
	text, html          string
	manage, unsubscribe string
}

// Prepare writes everything of m's e-mail but the footer of each subscriber.
func Prepare(l *locale.Localizer, m notify.Message) *Prepared {
	v := notificationView{
		Lang:     m.Lang,
		Headline: m.TitleLine(),
		Updated:  l.TData(locale.MailLastUpdate, map[string]any{"Time": m.Time}),
		Body:     template.HTML(mailHTML(m.HTML, m.Link)), // sanitised by the Markdown renderer (see notify.Message)
		Text:     m.Text,
		Message:  m,
	}
	return &Prepared{
		l:           l,
		m:           m,
		subject:     subject(m.Site, v.Headline),
		text:        render(notificationText, v),
		html:        render(notificationHTML, v),
		manage:      l.T(locale.MailManage),
		unsubscribe: l.T(locale.MailUnsubscribe),
	}
}

// For addresses the message to one subscriber.
func (p *Prepared) For(to string, links Links) Mail {
	v := notificationView{
		Links: links,
		Footer: footer{
			Reason:      p.l.TData(locale.MailFooterReason, map[string]any{"Address": to, "Site": p.m.Site}),
			Manage:      p.manage,
			Unsubscribe: p.unsubscribe,
		},
	}
	return Mail{
		To:          to,
		Subject:     p.subject,
		Lang:        p.m.Lang,
		Text:        p.text + render(footerText, v),
		HTML:        p.html + render(footerHTML, v),
		ID:          messageID("n", p.m.ID, strings.ToLower(to)),
		Unsubscribe: links.Unsubscribe,
	}
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
