package chat

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"strings"

	"statuspress/internal/notify"
	"statuspress/internal/notify/config"
	"statuspress/internal/notify/outbound"
)

// NewRequest returns the POST of m to the channel's incoming webhook, in its product's format.
func NewRequest(ctx context.Context, ch config.Channel, m notify.Message) (*http.Request, error) {
	body, err := Body(ch.Type, m)
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, ch.URL, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "statuspress-notify")
	return req, nil
}

// teamsThrottled is what Teams connectors answer, with status 200, when a webhook posts too
// often: "Connectors do not throw 429s" ("Rate limiting for connectors",
// https://learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/how-to/connectors-using).
const teamsThrottled = "Microsoft Teams endpoint returned HTTP error 429"

// Outcome corrects an attempt's classification with what a product is known to answer: a Teams
// connector that was throttled answers 200 and says so in the body, which is worth a retry.
func Outcome(t config.Type, r outbound.Result) outbound.Result {
	if t == config.Teams && r.Outcome == outbound.Success && strings.Contains(r.Body, teamsThrottled) {
		r.Outcome = outbound.Retry
		r.Err = errThrottled
	}
	return r
}

var errThrottled = errors.New("chat: Teams throttled the webhook (HTTP error 429 in a 200 answer)")
