package chat

import (
	"strings"

	"statuspress/internal/notify"
)

// SlackMessage is the body of a Slack incoming webhook
// (https://api.slack.com/messaging/webhooks): Block Kit blocks, and text, which Slack shows in
// notifications and where blocks cannot be shown (https://api.slack.com/reference/messaging/payload).
type SlackMessage struct {
	Text   string       `json:"text"`
	Blocks []SlackBlock `json:"blocks"`
}

// SlackBlock is one layout block (https://api.slack.com/reference/block-kit/blocks): header,
// section, context or actions.
type SlackBlock struct {
	Type   string      `json:"type"`
	Text   *SlackText  `json:"text,omitempty"`
	Fields []SlackText `json:"fields,omitempty"`
	// Elements are SlackButtons in an actions block and SlackTexts in a context block.
	Elements []any `json:"elements,omitempty"`
}

// SlackText is a text object (https://api.slack.com/reference/block-kit/composition-objects#text):
// plain_text or mrkdwn.
type SlackText struct {
	Type string `json:"type"`
	Text string `json:"text"`
}

// SlackButton is a button element that opens a URL
// (https://api.slack.com/reference/block-kit/block-elements#button).
type SlackButton struct {
	Type string    `json:"type"`
	Text SlackText `json:"text"`
	URL  string    `json:"url"`
}

// Block Kit's limits, from the block reference.
const (
	slackHeaderMax  = 150
	slackSectionMax = 3000
	slackFieldMax   = 2000
	slackFieldsMax  = 10
	slackButtonMax  = 75
)

// slackEscape escapes the three characters Slack's mrkdwn reserves
// (https://api.slack.com/reference/surfaces/formatting#escaping), so text from content cannot
// make links or mentions such as <!channel>.
func slackEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

// Slack returns m as a Slack incoming webhook body.
func Slack(m notify.Message) SlackMessage {
	msg := SlackMessage{Text: slackEscape(m.TitleLine())}
	msg.Blocks = append(msg.Blocks, SlackBlock{Type: "header", Text: &SlackText{Type: "plain_text", Text: truncate(m.TitleLine(), slackHeaderMax)}})
	if m.Text != "" {
		msg.Blocks = append(msg.Blocks, SlackBlock{Type: "section", Text: &SlackText{Type: "mrkdwn", Text: truncate(slackEscape(m.Text), slackSectionMax)}})
	}
	if len(m.Components) > 0 {
		var fields []SlackText
		for _, c := range m.Components {
			if len(fields) == slackFieldsMax {
				break
			}
			fields = append(fields, SlackText{Type: "mrkdwn", Text: truncate("*"+slackEscape(c.Name)+"*\n"+slackEscape(c.Status), slackFieldMax)})
		}
		msg.Blocks = append(msg.Blocks, SlackBlock{Type: "section", Text: &SlackText{Type: "mrkdwn", Text: "*" + slackEscape(m.ComponentsLabel) + "*"}, Fields: fields})
	}
	if m.Time != "" || m.Site != "" {
		msg.Blocks = append(msg.Blocks, SlackBlock{Type: "context", Elements: []any{SlackText{Type: "mrkdwn", Text: slackEscape(strings.Trim(m.Site+" · "+m.Time, " ·"))}}})
	}
	if m.Link != "" {
		msg.Blocks = append(msg.Blocks, SlackBlock{Type: "actions", Elements: []any{SlackButton{Type: "button", Text: SlackText{Type: "plain_text", Text: truncate(m.LinkLabel, slackButtonMax)}, URL: m.Link}}})
		msg.Text += " " + "<" + m.Link + ">"
	}
	return msg
}
