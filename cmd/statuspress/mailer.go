package main

import (
	"time"

	"statuspress/internal/notify/dispatch"
	"statuspress/internal/notify/mail"
)

// newMailer is the SMTP sender of --smtp and --mail-from, at --mail-rate.
func newMailer(c notifyConfig) (dispatch.Mailer, error) {
	cfg, err := mail.ParseURL(c.smtp)
	if err != nil {
		return nil, err
	}
	return mail.NewSender(cfg, mail.Options{From: c.mailFrom, Rate: c.mailRate, Now: time.Now})
}
