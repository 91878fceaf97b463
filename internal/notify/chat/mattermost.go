package chat

import (
	"strings"

	"statuspress/internal/notify"
)

// MattermostMessage is the body of a Mattermost incoming webhook
// (https://developers.mattermost.com/integrate/webhooks/incoming/) with one message attachment,
// which Mattermost takes in Slack's format (https://developers.mattermost.com/integrate/reference/message-attachments/).
type MattermostMessage struct {
	Attachments []MattermostAttachment `json:"attachments"`
}

// MattermostAttachment is a Slack-compatible message attachment.
type MattermostAttachment struct {
	Fallback  string            `json:"fallback"`
	Color     string            `json:"color"`
	Title     string            `json:"title"`
	TitleLink string            `json:"title_link,omitempty"`
	Text      string            `json:"text,omitempty"`
	Fields    []MattermostField `json:"fields,omitempty"`
	Footer    string            `json:"footer,omitempty"`
}

// MattermostField is one field of an attachment; short ones stand side by side.
type MattermostField struct {
	Short bool   `json:"short"`
	Title string `json:"title"`
	Value string `json:"value"`
}

// mattermostQuiet puts a word joiner after every @, so text from content cannot mention
// @channel, @all, @here or a person: Mattermost looks for mentions in webhook posts, and offers no
// switch to turn that off.
func mattermostQuiet(s string) string { return strings.ReplaceAll(s, "@", "@\u2060") }

// Mattermost returns m as a Mattermost incoming webhook body.
func Mattermost(m notify.Message) MattermostMessage {
	a := MattermostAttachment{
		Fallback:  mattermostQuiet(m.TitleLine()),
		Color:     hexColor(m),
		Title:     mattermostQuiet(m.TitleLine()),
		TitleLink: m.Link,
		Text:      mattermostQuiet(m.Text),
		Footer:    mattermostQuiet(strings.Trim(m.Site+" · "+m.Time, " ·")),
	}
	if m.Link != "" {
		a.Fallback += " " + m.Link
	}
	for _, c := range m.Components {
		a.Fields = append(a.Fields, MattermostField{Short: true, Title: mattermostQuiet(c.Name), Value: mattermostQuiet(c.Status)})
	}
	return MattermostMessage{Attachments: []MattermostAttachment{a}}
}
