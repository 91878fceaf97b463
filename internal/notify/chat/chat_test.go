package chat

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"statuspress/internal/incident"
	"statuspress/internal/notify"
	"statuspress/internal/notify/config"
)

func sample() notify.Message {
	return notify.Message{
		ID: "msg_x", Lang: "fr", Site: "Statut d’Exemple", Kind: incident.KindIncident,
		Title: "Base de données lente", State: "Identifié", StateCode: incident.StatusIdentified,
		Impact: incident.ImpactMajor,
		Text:   "La cause est trouvée.\n\nUn correctif est en cours : https://example.com/x",
		Link:   "https://status.example.com/fr/incidents/db-slow/", LinkLabel: "Voir l’incident",
		ComponentsLabel: "Composants",
		Components: []notify.ComponentLine{
			{ID: "api", Name: "API", Status: "Panne majeure", Code: incident.MajorOutage},
			{ID: "web", Name: "Site web", Status: "Performances dégradées", Code: incident.DegradedPerformance},
		},
		Time: "10 mars 2026, 22:00 CET", At: time.Date(2026, 3, 10, 21, 0, 0, 0, time.UTC),
	}
}

// long is a message at and past every product's limits.
func long() notify.Message {
	m := sample()
	m.Title = strings.Repeat("Très long titre ", 40)
	m.Text = strings.Repeat("Un paragraphe qui ne finit pas. ", 500)
	m.Components = nil
	for i := range 40 {
		m.Components = append(m.Components, notify.ComponentLine{ID: "c", Name: strings.Repeat("n", 300), Status: strings.Repeat("s", 1100) + string(rune('a'+i%26))})
	}
	return m
}

func schema(t *testing.T, name string) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	s, err := c.Compile("testdata/" + name + ".schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestBodiesHaveTheDocumentedShape(t *testing.T) {
	for _, typ := range []config.Type{config.Slack, config.Teams, config.Discord, config.Mattermost} {
		s := schema(t, string(typ))
		for name, m := range map[string]notify.Message{"sample": sample(), "long": long(), "bare": {Title: "T", State: "S"}} {
			body, err := Body(typ, m)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			if err := s.Validate(doc); err != nil {
				t.Errorf("%s, %s message: %v\n%s", typ, name, err, body)
			}
		}
	}
	if _, err := Body(config.Webhook, sample()); err == nil {
		t.Error("Body(webhook) made a chat body")
	}
}

func TestDiscordEmbedStaysUnderTheTotal(t *testing.T) {
	e := Discord(long()).Embeds[0]
	n := utf8.RuneCountInString(e.Title) + utf8.RuneCountInString(e.Description) + utf8.RuneCountInString(e.Footer.Text)
	for _, f := range e.Fields {
		n += utf8.RuneCountInString(f.Name) + utf8.RuneCountInString(f.Value)
	}
	if n > discordTotalMax {
		t.Errorf("the embed holds %d characters; Discord refuses more than %d", n, discordTotalMax)
	}
}

func TestNoMentionsFromContent(t *testing.T) {
	m := sample()
	m.Title = "<!channel> @everyone @all"
	m.Text = "<@U123> <https://evil.example|click> @here"
	check := func(product, body string, bad ...string) {
		for _, b := range bad {
			if strings.Contains(body, b) {
				t.Errorf("%s body holds %q: %s", product, b, body)
			}
		}
	}
	slack, _ := json.Marshal(Slack(m))
	check("slack", string(slack), "<!channel>", "<@U123>", "<https://evil")
	mm, _ := json.Marshal(Mattermost(m))
	check("mattermost", strings.ReplaceAll(string(mm), `\u2060`, "\u2060"), "@everyone", "@all", "@here")
	d := Discord(m)
	if d.AllowedMentions.Parse == nil || len(d.AllowedMentions.Parse) != 0 {
		t.Errorf("discord allowed_mentions.parse = %v, want []", d.AllowedMentions.Parse)
	}
	body, _ := json.Marshal(d)
	if !strings.Contains(string(body), `"allowed_mentions":{"parse":[]}`) {
		t.Errorf("discord body does not turn mentions off: %s", body)
	}
}

func TestSlackContent(t *testing.T) {
	msg := Slack(sample())
	if !strings.HasPrefix(msg.Text, "Base de données lente: Identifié") || !strings.Contains(msg.Text, sample().Link) {
		t.Errorf("fallback text = %q, want the headline and the link", msg.Text)
	}
	var kinds []string
	for _, b := range msg.Blocks {
		kinds = append(kinds, b.Type)
	}
	if got := strings.Join(kinds, " "); got != "header section section context actions" {
		t.Errorf("blocks = %s", got)
	}
}

func TestTeamsCard(t *testing.T) {
	tm := Teams(sample())
	card := tm.Attachments[0].Content
	if card.Actions[0].URL != sample().Link || card.Body[0].Text != "Base de données lente" {
		t.Errorf("card = %+v", card)
	}
	body, _ := json.Marshal(tm)
	if !strings.Contains(string(body), `"contentUrl":null`) {
		t.Errorf("the attachment lacks contentUrl null: %s", body)
	}
}
