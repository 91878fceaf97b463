package mail

import (
	"time"

	"statuspress/internal/locale"
)

// Confirmation writes the double opt-in mail in the reader's language: what was asked and for
// which address, the link that confirms (it works once, for valid), and that ignoring the mail
// is enough when someone else asked. It carries no List-Unsubscribe: there is no subscription
// yet to leave.
func Confirmation(l *locale.Localizer, site, to, confirmURL string, valid time.Duration) Mail {
	v := confirmationView{
		Lang:     l.Lang(),
		Site:     site,
		Headline: l.T(locale.MailConfirmSubject),
		Asked:    l.TData(locale.MailConfirmAsked, map[string]any{"Site": site, "Address": to}),
		Action:   l.T(locale.MailConfirmAction),
		URL:      confirmURL,
		Valid:    l.TData(locale.MailConfirmValid, map[string]any{"Duration": l.Duration(valid)}),
		Ignore:   l.T(locale.MailConfirmIgnore),
	}
	return Mail{
		To:      to,
		Subject: subject(site, v.Headline),
		Lang:    v.Lang,
		Text:    render(confirmationText, v),
		HTML:    render(confirmationHTML, v),
		// The link holds a new token each time, so each confirmation is its own message.
		ID: messageID("c", confirmURL, to),
	}
}

type confirmationView struct {
	Lang, Site, Headline, Asked, Action, URL, Valid, Ignore string
}
