// Package chat writes a notify.Message as the body each chat product's incoming webhook takes:
// Slack (Block Kit blocks with a text fallback), Microsoft Teams (an Adaptive Card in the message
// wrapper that Teams incoming webhooks and Workflows accept), Discord (an embed) and Mattermost
// (Slack-compatible attachments). Each body is a struct that cites the product's documentation;
// the tests check every one against a JSON Schema of its documented shape and limits.
package chat

import (
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"

	"statuspress/internal/incident"
	"statuspress/internal/notify"
	"statuspress/internal/notify/config"
)

// Body returns the JSON body of m for a channel of type t.
func Body(t config.Type, m notify.Message) ([]byte, error) {
	var v any
	switch t {
	case config.Slack:
		v = Slack(m)
	case config.Teams:
		v = Teams(m)
	case config.Discord:
		v = Discord(m)
	case config.Mattermost:
		v = Mattermost(m)
	default:
		return nil, fmt.Errorf("chat: no chat body for channel type %q", t)
	}
	return json.Marshal(v)
}

// color is the message's accent: green once it is over, blue for maintenance and notices, and by
// impact for incidents.
func color(m notify.Message) int {
	switch {
	case m.StateCode.Final():
		return 0x2e7d32
	case m.Kind == incident.KindMaintenance, m.Kind == incident.KindNotice:
		return 0x1565c0
	}
	switch m.Impact {
	case incident.ImpactCritical, incident.ImpactMajor:
		return 0xc62828
	case incident.ImpactMinor:
		return 0xef6c00
	}
	return 0x616161
}

func hexColor(m notify.Message) string { return fmt.Sprintf("#%06x", color(m)) }

// truncate cuts s to at most n characters, ending with an ellipsis when it cut.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// componentLines lists the components as "Name: Status" lines.
func componentLines(m notify.Message) string {
	var b strings.Builder
	for i, c := range m.Components {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(c.Name + ": " + c.Status)
	}
	return b.String()
}
