package chat

import (
	"time"
	"unicode/utf8"

	"statuspress/internal/notify"
)

// DiscordMessage is the body of a Discord webhook ("Execute Webhook",
// https://discord.com/developers/docs/resources/webhook#execute-webhook): one embed, and no
// mentions at all, so text from content cannot ping @everyone.
type DiscordMessage struct {
	Embeds          []DiscordEmbed  `json:"embeds"`
	AllowedMentions DiscordMentions `json:"allowed_mentions"`
}

// DiscordMentions is the allowed mentions object; an empty Parse allows none
// (https://discord.com/developers/docs/resources/message#allowed-mentions-object).
type DiscordMentions struct {
	Parse []string `json:"parse"`
}

// DiscordEmbed is an embed (https://discord.com/developers/docs/resources/message#embed-object).
type DiscordEmbed struct {
	Title       string         `json:"title"`
	Description string         `json:"description,omitempty"`
	URL         string         `json:"url,omitempty"`
	Color       int            `json:"color"`
	Timestamp   string         `json:"timestamp,omitempty"` // ISO 8601
	Fields      []DiscordField `json:"fields,omitempty"`
	Footer      *DiscordFooter `json:"footer,omitempty"`
}

// DiscordField is one name and value of an embed.
type DiscordField struct {
	Name   string `json:"name"`
	Value  string `json:"value"`
	Inline bool   `json:"inline"`
}

// DiscordFooter is an embed's footer.
type DiscordFooter struct {
	Text string `json:"text"`
}

// Discord's embed limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits);
// the whole embed's text must stay under 6000 characters, which these keep it under.
const (
	discordTitleMax       = 256
	discordDescriptionMax = 4096
	discordFieldsMax      = 25
	discordFieldNameMax   = 256
	discordFieldValueMax  = 1024
	discordFooterMax      = 2048
	discordTotalMax       = 6000
)

// Discord returns m as a Discord webhook body.
func Discord(m notify.Message) DiscordMessage {
	e := DiscordEmbed{
		Title: truncate(m.TitleLine(), discordTitleMax),
		URL:   m.Link,
		Color: color(m),
	}
	if !m.At.IsZero() {
		e.Timestamp = m.At.UTC().Format(time.RFC3339)
	}
	if footer := m.Site; footer != "" {
		e.Footer = &DiscordFooter{Text: truncate(footer, discordFooterMax)}
	}
	// The whole embed must stay under the total: the title and footer first, then the text (half
	// of what is left when there are components), then as many components as fit.
	budget := discordTotalMax - runes(e.Title)
	if e.Footer != nil {
		budget -= runes(e.Footer.Text)
	}
	if m.Text != "" {
		n := min(discordDescriptionMax, budget)
		if len(m.Components) > 0 {
			n = min(n, budget/2)
		}
		e.Description = truncate(m.Text, max(n, 1))
		budget -= runes(e.Description)
	}
	for _, c := range m.Components {
		f := DiscordField{Name: truncate(c.Name, discordFieldNameMax), Value: truncate(c.Status, discordFieldValueMax), Inline: true}
		if len(e.Fields) == discordFieldsMax || runes(f.Name)+runes(f.Value) > budget {
			break
		}
		budget -= runes(f.Name) + runes(f.Value)
		e.Fields = append(e.Fields, f)
	}
	return DiscordMessage{Embeds: []DiscordEmbed{e}, AllowedMentions: DiscordMentions{Parse: []string{}}}
}

func runes(s string) int { return utf8.RuneCountInString(s) }
