package config

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"statuspress/internal/incident"
)

var env = map[string]string{
	"SLACK_URL":  "https://hooks.slack.com/services/T000/B000/XXXX",
	"SECRET":     "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
	"EMPTY":      "",
	"YAML_TRICK": "a: [b]",
}

func lookup(name string) (string, bool) {
	v, ok := env[name]
	return v, ok
}

func TestParseGood(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []Channel
	}{
		{"one of each", `
channels:
  - name: ops-slack
    type: slack
    url: ${SLACK_URL}
    language: nl
    components: [api, web-app]
  - name: teams
    type: teams
    url: https://example.webhook.office.com/webhookb2/x
  - name: discord
    type: discord
    url: https://discord.com/api/webhooks/1/abc
    language: fr
  - name: mm
    type: mattermost
    url: http://mattermost.internal/hooks/xyz
    language: de
  - name: partner
    type: webhook
    url: https://partner.example/hooks?token=$${not-a-var}
    secret: ${SECRET}
    components:
      - api
`, []Channel{
			{Name: "ops-slack", Type: Slack, URL: env["SLACK_URL"], Language: "nl", Components: []string{"api", "web-app"}},
			{Name: "teams", Type: Teams, URL: "https://example.webhook.office.com/webhookb2/x"},
			{Name: "discord", Type: Discord, URL: "https://discord.com/api/webhooks/1/abc", Language: "fr"},
			{Name: "mm", Type: Mattermost, URL: "http://mattermost.internal/hooks/xyz", Language: "de"},
			{Name: "partner", Type: Webhook, URL: "https://partner.example/hooks?token=${not-a-var}", Secret: env["SECRET"], Components: []string{"api"}},
		}},
		{"no channels", "channels: []\n", nil},
		{"a variable's value stays text", "channels:\n  - name: a\n    type: slack\n    url: https://h.example/${YAML_TRICK}\n",
			[]Channel{{Name: "a", Type: Slack, URL: "https://h.example/a: [b]"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := Parse("notify.yaml", []byte(tt.src), lookup)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, cfg.Channels, cmpopts.IgnoreFields(Channel{}, "Key"), cmpopts.IgnoreUnexported(Channel{})); diff != "" {
				t.Errorf("channels (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseBad(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string // every problem, in order
	}{
		{"empty", "", []string{"notify.yaml:1:1: the notify config is empty"}},
		{"syntax", "channels:\n  - name: a\n   type: slack\n", []string{"notify.yaml:3:"}},
		{"tabs", "channels:\n\t- name: a\n", []string{"YAML does not allow tabs"}},
		{"second document", "channels:\n---\n", []string{"notify.yaml:2:1: a second YAML document starts here"}},
		{"unknown top field", "chanels: []\n", []string{
			"notify.yaml:1:1: unknown field `chanels` in the notify config",
			"notify.yaml:1:1: the notify config lacks `channels`"}},
		{"unset variable", "channels:\n  - name: a\n    type: slack\n    url: ${SLACK_HOOK}\n", []string{
			"notify.yaml:4:10: environment variable SLACK_HOOK is not set"}},
		{"empty variable", "channels:\n  - name: a\n    type: slack\n    url: ${EMPTY}\n", []string{
			"notify.yaml:4:10: `url` is empty"}},
		{"bad variable name", "channels:\n  - name: a\n    type: slack\n    url: https://x.example/${A-B}\n", []string{
			"notify.yaml:4:10: `${A-B}` is not a variable name"}},
		{"unclosed variable", "channels:\n  - name: a\n    type: slack\n    url: https://x.example/${A\n", []string{
			"notify.yaml:4:10: `${` is not closed"}},
		{"missing fields", "channels:\n  - language: en\n", []string{
			"notify.yaml:2:5: a channel lacks `name`",
			"notify.yaml:2:5: a channel lacks `type`",
			"notify.yaml:2:5: a channel lacks `url`"}},
		{"unknown type and language", "channels:\n  - name: a\n    type: telegram\n    url: https://x.example/\n    language: es\n", []string{
			"notify.yaml:3:11: unknown channel type `telegram`",
			"notify.yaml:5:15: language `es` is not supported"}},
		{"bad url", "channels:\n  - name: a\n    type: slack\n    url: ftp://x.example/secret-part\n", []string{
			"notify.yaml:4:10: `url` must start with https:// (or http://), not `ftp:`"}},
		{"webhook without secret", "channels:\n  - name: a\n    type: webhook\n    url: https://x.example/\n", []string{
			"notify.yaml:2:5: channel `a` of type webhook lacks `secret`"}},
		{"bad secret", "channels:\n  - name: a\n    type: webhook\n    url: https://x.example/\n    secret: hunter2\n", []string{
			"notify.yaml:5:13: `secret` must start with `whsec_`"}},
		{"short secret", "channels:\n  - name: a\n    type: webhook\n    url: https://x.example/\n    secret: whsec_c2hvcnQ=\n", []string{
			"notify.yaml:5:13: `secret` holds 5 bytes"}},
		{"secret on a chat channel", "channels:\n  - name: a\n    type: slack\n    url: https://x.example/\n    secret: ${SECRET}\n", []string{
			"notify.yaml:5:5: `secret` is for channels of type webhook"}},
		{"duplicate names", "channels:\n  - {name: a, type: slack, url: 'https://x.example/'}\n  - {name: a, type: teams, url: 'https://y.example/'}\n", []string{
			"notify.yaml:3:6: channel name `a` is used twice (first on line 2)"}},
		{"bad component ids", "channels:\n  - name: a\n    type: slack\n    url: https://x.example/\n    components: [API, api, api]\n", []string{
			"notify.yaml:5:18: `API` is not a component id",
			"notify.yaml:5:28: component `api` is listed twice"}},
		{"channels not a list", "channels:\n  name: a\n", []string{
			"notify.yaml:2:3: `channels` must be a list"}},
		{"unknown channel field", "channels:\n  - name: a\n    type: slack\n    url: https://x.example/\n    lang: en\n", []string{
			"notify.yaml:5:5: unknown field `lang` in a channel"}},
		{"several problems at once", "channels:\n  - name: a\n    type: slak\n    url: ${NOPE}\n  - name: B\n    type: slack\n    url: https://x.example/\n", []string{
			"notify.yaml:3:11: unknown channel type `slak`",
			"notify.yaml:4:10: environment variable NOPE is not set",
			"notify.yaml:5:11: channel name `B` may hold only"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := Parse("notify.yaml", []byte(tt.src), lookup)
			if err == nil {
				t.Fatalf("no error; config %+v", cfg)
			}
			if cfg != nil {
				t.Error("a config with problems was returned: nothing may run half-configured")
			}
			got := strings.Split(err.Error(), "\n")
			if len(got) != len(tt.want) {
				t.Fatalf("%d problems, want %d:\n%s", len(got), len(tt.want), err)
			}
			for i, w := range tt.want {
				if !strings.Contains(got[i], w) {
					t.Errorf("problem %d = %q, want it to contain %q", i, got[i], w)
				}
			}
		})
	}
}

func TestProblemsKeepSecrets(t *testing.T) {
	src := "channels:\n  - name: a\n    type: slack\n    url: ftp://hooks.example/T0/B0/sekrit\n  - name: b\n    type: webhook\n    url: https://x.example/\n    secret: whsec_sekrit!!\n"
	_, err := Parse("notify.yaml", []byte(src), lookup)
	if err == nil || strings.Contains(err.Error(), "sekrit") {
		t.Errorf("error = %v; want problems that do not quote the URL or the secret", err)
	}
}

func TestWants(t *testing.T) {
	api := &incident.Incident{Components: []incident.Affected{{Component: "api", Status: incident.MajorOutage}}}
	late := &incident.Incident{Updates: []incident.Update{{Components: []incident.Affected{{Component: "web", Status: incident.PartialOutage}}}}}
	none := &incident.Incident{}
	all := Channel{}
	onlyAPI := Channel{Components: []string{"api"}}
	for _, tt := range []struct {
		c    Channel
		in   *incident.Incident
		want bool
	}{
		{all, api, true}, {all, none, true},
		{onlyAPI, api, true}, {onlyAPI, late, false}, {onlyAPI, none, true},
		{Channel{Components: []string{"db", "web"}}, late, true},
	} {
		if got := tt.c.Wants(tt.in); got != tt.want {
			t.Errorf("%v.Wants(%+v) = %v, want %v", tt.c.Components, tt.in, got, tt.want)
		}
	}
}

func TestSecretIsDecoded(t *testing.T) {
	cfg, err := Parse("notify.yaml", []byte("channels:\n  - {name: a, type: webhook, url: 'https://x.example/', secret: '${SECRET}'}\n"), lookup)
	if err != nil {
		t.Fatal(err)
	}
	key := cfg.Channels[0].Key
	if len(key) != 24 {
		t.Errorf("the decoded secret has %d bytes, want 24", len(key))
	}
}

func TestCheckSite(t *testing.T) {
	cfg, err := Parse("notify.yaml", []byte("channels:\n  - name: a\n    type: slack\n    url: https://x.example/\n    components: [api, apu]\n"), lookup)
	if err != nil {
		t.Fatal(err)
	}
	site := &incident.Site{Components: []incident.Component{{ID: "api"}}}
	err = cfg.CheckSite(site)
	if err == nil || err.Error() != "notify.yaml:5:23: channel `a` wants component `apu`, which site.yaml does not have; use one of its component ids" {
		t.Errorf("CheckSite = %v", err)
	}
	site.Components = append(site.Components, incident.Component{ID: "apu"})
	if err := cfg.CheckSite(site); err != nil {
		t.Errorf("CheckSite with both components = %v", err)
	}
}
