package main

import (
	"errors"

	"statuspress/internal/notify/dispatch"
)

// newMailer is the SMTP sender of --smtp.
func newMailer(c notifyConfig) (dispatch.Mailer, error) {
	return nil, errors.New("--smtp: sending e-mail is not part of this build yet")
}
