package chat

import "statuspress/internal/notify"

// TeamsMessage is the body that Microsoft Teams incoming webhooks and the Workflows app's "post
// to a channel when a webhook request is received" accept: a message whose one attachment is an
// Adaptive Card ("Send Adaptive Cards using an Incoming Webhook",
// https://learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/how-to/connectors-using).
type TeamsMessage struct {
	Type        string            `json:"type"` // "message"
	Attachments []TeamsAttachment `json:"attachments"`
}

// TeamsAttachment wraps the card; contentUrl is null, as the documentation's example has it.
type TeamsAttachment struct {
	ContentType string       `json:"contentType"` // application/vnd.microsoft.card.adaptive
	ContentURL  *string      `json:"contentUrl"`
	Content     AdaptiveCard `json:"content"`
}

// AdaptiveCard is an Adaptive Card (https://adaptivecards.io/explorer/AdaptiveCard.html) of
// version 1.2, the version Teams' webhook documentation uses, so older clients render it too.
type AdaptiveCard struct {
	Schema  string           `json:"$schema"`
	Type    string           `json:"type"` // "AdaptiveCard"
	Version string           `json:"version"`
	Body    []CardElement    `json:"body"`
	Actions []CardOpenURL    `json:"actions,omitempty"`
	MSTeams *CardTeamsLayout `json:"msteams,omitempty"`
}

// CardElement is a TextBlock (https://adaptivecards.io/explorer/TextBlock.html) or a FactSet
// (https://adaptivecards.io/explorer/FactSet.html).
type CardElement struct {
	Type     string     `json:"type"`
	Text     string     `json:"text,omitempty"`
	Size     string     `json:"size,omitempty"`
	Weight   string     `json:"weight,omitempty"`
	Color    string     `json:"color,omitempty"`
	IsSubtle bool       `json:"isSubtle,omitempty"`
	Wrap     bool       `json:"wrap,omitempty"`
	Facts    []CardFact `json:"facts,omitempty"`
}

// CardFact is one title and value of a FactSet.
type CardFact struct {
	Title string `json:"title"`
	Value string `json:"value"`
}

// CardOpenURL is an Action.OpenUrl (https://adaptivecards.io/explorer/Action.OpenUrl.html), one of
// the actions Teams webhooks support.
type CardOpenURL struct {
	Type  string `json:"type"` // "Action.OpenUrl"
	Title string `json:"title"`
	URL   string `json:"url"`
}

// CardTeamsLayout is Teams' own card property: width "Full" uses the channel's width.
type CardTeamsLayout struct {
	Width string `json:"width"`
}

// Teams returns m as a Microsoft Teams webhook body.
func Teams(m notify.Message) TeamsMessage {
	card := AdaptiveCard{
		Schema:  "http://adaptivecards.io/schemas/adaptive-card.json",
		Type:    "AdaptiveCard",
		Version: "1.2",
		MSTeams: &CardTeamsLayout{Width: "Full"},
	}
	titleColor := "Default"
	switch color(m) {
	case 0xc62828:
		titleColor = "Attention"
	case 0xef6c00:
		titleColor = "Warning"
	case 0x2e7d32:
		titleColor = "Good"
	case 0x1565c0:
		titleColor = "Accent"
	}
	card.Body = append(card.Body,
		CardElement{Type: "TextBlock", Text: m.Title, Size: "Large", Weight: "Bolder", Wrap: true},
		CardElement{Type: "TextBlock", Text: m.State, Weight: "Bolder", Color: titleColor, Wrap: true})
	if m.Text != "" {
		card.Body = append(card.Body, CardElement{Type: "TextBlock", Text: m.Text, Wrap: true})
	}
	if len(m.Components) > 0 {
		facts := make([]CardFact, len(m.Components))
		for i, c := range m.Components {
			facts[i] = CardFact{Title: c.Name, Value: c.Status}
		}
		card.Body = append(card.Body,
			CardElement{Type: "TextBlock", Text: m.ComponentsLabel, Weight: "Bolder", Wrap: true},
			CardElement{Type: "FactSet", Facts: facts})
	}
	if m.Time != "" {
		card.Body = append(card.Body, CardElement{Type: "TextBlock", Text: m.Time, IsSubtle: true, Size: "Small", Wrap: true})
	}
	if m.Link != "" {
		card.Actions = []CardOpenURL{{Type: "Action.OpenUrl", Title: m.LinkLabel, URL: m.Link}}
	}
	return TeamsMessage{Type: "message", Attachments: []TeamsAttachment{{
		ContentType: "application/vnd.microsoft.card.adaptive",
		Content:     card,
	}}}
}
