// Package config reads the operator's notify config (--notify-config FILE): the chat channels
// (Slack, Microsoft Teams, Discord, Mattermost incoming webhooks) and the generic webhooks that
// statuspress tells of events, each with its language and component filter. The file lives outside
// the content repository because it holds secrets; values may name environment variables as
// ${NAME}. Problems are reported as `file:line:col: message` with a way to fix them, all of a file
// at once, and any problem means no config at all: nothing runs half-configured.
//
// The format, YAML like site.yaml:
//
//	channels:
//	  - name: ops            # names the channel in logs and metrics (its URL is a secret)
//	    type: slack          # slack, teams, discord, mattermost or webhook
//	    url: ${SLACK_URL}    # the incoming webhook's URL, http or https
//	    language: en         # en, nl, fr or de; the site's default language when left out
//	    components: [api]    # component ids from site.yaml; every component when left out
//	  - name: partners
//	    type: webhook
//	    url: https://partner.example/hooks/status
//	    secret: ${PARTNER_SECRET}  # webhook only: whsec_ and 24 to 64 bytes in base64
package config

import (
	"cmp"
	"errors"
	"fmt"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strings"

	"statuspress/internal/incident"
	"statuspress/internal/notify/webhook"
	"statuspress/internal/yamlnode"
)

// Type is the product a channel posts to.
type Type string

const (
	Slack      Type = "slack"
	Teams      Type = "teams"
	Discord    Type = "discord"
	Mattermost Type = "mattermost"
	// Webhook is a generic webhook: Statuspage's webhook JSON, signed as Standard Webhooks says.
	Webhook Type = "webhook"
)

// Types lists every channel type in the order the README documents them.
var Types = []Type{Slack, Teams, Discord, Mattermost, Webhook}

// Config is the operator's channels.
type Config struct {
	Channels []Channel
}

// Channel is one place events are posted to.
type Channel struct {
	// Name identifies the channel in logs, metrics and delivery records; the URL is a secret.
	Name string
	Type Type
	URL  string
	// Secret is the Standard Webhooks signing secret (whsec_...) of a Webhook; Key is it decoded.
	Secret string
	Key    []byte
	// Language is the language messages are written in; empty means the site's default.
	Language string
	// Components are the component ids the channel wants; empty means every component.
	Components []string
	// where is the file and position of each of Components, for CheckSite.
	where []*Problem
}

// String names the channel without its URL or secret, for logs.
func (c Channel) String() string { return c.Name + " (" + string(c.Type) + ")" }

// Wants reports whether the channel is told of in: every channel is told of an incident that
// names no component; one with a component filter of incidents that name one of its components.
func (c Channel) Wants(in *incident.Incident) bool {
	if len(c.Components) == 0 {
		return true
	}
	named := len(in.Components) > 0
	for _, u := range in.Updates {
		named = named || len(u.Components) > 0
	}
	if !named {
		return true
	}
	return slices.ContainsFunc(c.Components, in.Names)
}

// CheckSite reports the component filters that name no component of site: such a filter would
// quietly never match. The content can change while the config stays, so serve checks at start and
// on every reload, and reports rather than refuses.
func (cfg *Config) CheckSite(site *incident.Site) error {
	var errs []error
	for _, c := range cfg.Channels {
		for i, id := range c.Components {
			if _, ok := site.Component(id); ok {
				continue
			}
			p := Problem{Message: fmt.Sprintf("channel `%s` wants component `%s`, which site.yaml does not have; use one of its component ids", c.Name, id)}
			if i < len(c.where) {
				p.File, p.Line, p.Col = c.where[i].File, c.where[i].Line, c.where[i].Col
			}
			errs = append(errs, &p)
		}
	}
	return errors.Join(errs...)
}

// Load reads the config file at path, expanding ${NAME} from the environment.
func Load(path string) (*Config, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("notify config: %w", err)
	}
	return Parse(path, src, os.LookupEnv)
}

// Parse decodes a config. name is the file name that messages begin with; lookup finds
// environment variables. The error joins every Problem found.
func Parse(name string, src []byte, lookup func(string) (string, bool)) (*Config, error) {
	d := &doc{file: name, lookup: lookup}
	cfg := d.config(src)
	if len(d.problems) > 0 {
		// Variables are expanded as the file is read, before the checks: put the problems back in
		// the file's order.
		slices.SortStableFunc(d.problems, func(a, b error) int {
			pa, pb := a.(*Problem), b.(*Problem)
			return cmp.Or(cmp.Compare(pa.Line, pb.Line), cmp.Compare(pa.Col, pb.Col))
		})
		return nil, errors.Join(d.problems...)
	}
	return cfg, nil
}

// Problem is one thing wrong with the config, where it is and how to fix it.
type Problem struct {
	File      string
	Line, Col int
	Message   string
}

func (p *Problem) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", p.File, max(p.Line, 1), max(p.Col, 1), p.Message)
}

var (
	namePattern = regexp.MustCompile(`^[a-z0-9]+([-_.][a-z0-9]+)*$`)
	idPattern   = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
)

var (
	topFields     = []string{"channels"}
	channelFields = []string{"name", "type", "url", "secret", "language", "components"}
)

func (d *doc) config(src []byte) *Config {
	root := d.parse(src)
	if root == nil {
		if len(d.problems) == 0 {
			d.errorf(pos{Line: 1, Col: 1}, "the notify config is empty; list the channels under `channels:`")
		}
		return nil
	}
	cfg := &Config{}
	byKey := d.fields(root, "the notify config", topFields)
	f, ok := byKey["channels"]
	if !ok {
		d.errorf(d.start(root), "the notify config lacks `channels`; list the channels under `channels:`")
		return nil
	}
	seen := map[string]pos{}
	for _, n := range d.list(f) {
		c, ok := d.channel(n)
		if !ok {
			continue
		}
		if first, dup := seen[c.Name]; dup {
			d.errorf(d.start(n), "channel name `%s` is used twice (first on line %d); give each channel its own name", c.Name, first.Line)
			continue
		}
		seen[c.Name] = d.start(n)
		cfg.Channels = append(cfg.Channels, c)
	}
	return cfg
}

func (d *doc) channel(n *yamlnode.Node) (Channel, bool) {
	before := len(d.problems)
	var c Channel
	byKey := d.fields(n, "a channel", channelFields)
	if len(d.problems) > before {
		return c, false
	}
	if f, ok := byKey["name"]; ok {
		if s, ok := d.required(f, "ops-slack"); ok {
			if namePattern.MatchString(s) {
				c.Name = s
			} else {
				d.errorf(f.at, "channel name `%s` may hold only lowercase letters, digits and `-`, `_` or `.` between them, e.g. `ops-slack`", s)
			}
		}
	} else {
		d.errorf(d.start(n), "a channel lacks `name`; add for example `name: ops-slack` (logs name channels by it)")
	}
	if f, ok := byKey["type"]; ok {
		if s, ok := d.required(f, "slack"); ok {
			if slices.Contains(Types, Type(s)) {
				c.Type = Type(s)
			} else {
				d.errorf(f.at, "unknown channel type `%s`; write one of %s", s, list(Types))
			}
		}
	} else {
		d.errorf(d.start(n), "a channel lacks `type`; add one of %s", list(Types))
	}
	if f, ok := byKey["url"]; ok {
		if s, ok := d.required(f, "${SLACK_WEBHOOK_URL}"); ok {
			// The URL is a secret: messages name its scheme and host at most.
			u, err := url.Parse(s)
			switch {
			case err != nil:
				d.errorf(f.at, "`url` is not a URL; write the incoming webhook's address, e.g. `url: ${SLACK_WEBHOOK_URL}`")
			case u.Scheme != "https" && u.Scheme != "http":
				d.errorf(f.at, "`url` must start with https:// (or http://), not `%s:`", u.Scheme)
			case u.Host == "":
				d.errorf(f.at, "`url` has no host; write the whole address the product gave you")
			default:
				c.URL = s
			}
		}
	} else {
		d.errorf(d.start(n), "a channel lacks `url`; add the incoming webhook's address, e.g. `url: ${SLACK_WEBHOOK_URL}`")
	}
	if f, ok := byKey["secret"]; ok {
		if s, ok := d.required(f, "${WEBHOOK_SECRET}"); ok {
			if c.Type != "" && c.Type != Webhook {
				d.errorf(f.keyAt, "`secret` is for channels of type webhook; a %s channel's URL is its secret, remove it", c.Type)
			} else if key, err := webhook.DecodeSecret(s); err != nil {
				d.errorf(f.at, "`secret` %s", err)
			} else {
				c.Secret, c.Key = s, key
			}
		}
	} else if c.Type == Webhook {
		d.errorf(d.start(n), "channel `%s` of type webhook lacks `secret`; add one made with `echo whsec_$(openssl rand -base64 32)`", c.Name)
	}
	if f, ok := byKey["language"]; ok {
		if s, ok := d.required(f, "en"); ok {
			if slices.Contains(incident.SupportedLanguages, s) {
				c.Language = s
			} else {
				d.errorf(f.at, "language `%s` is not supported; write one of %s", s, list(incident.SupportedLanguages))
			}
		}
	}
	if f, ok := byKey["components"]; ok {
		for _, item := range d.list(f) {
			s, ok := d.scalar(item, "a component id")
			switch {
			case !ok:
			case !idPattern.MatchString(s):
				d.errorf(d.at(item), "`%s` is not a component id; write the ids from site.yaml's components, e.g. `api`", s)
			case slices.Contains(c.Components, s):
				d.errorf(d.at(item), "component `%s` is listed twice; keep one", s)
			default:
				c.Components = append(c.Components, s)
				at := d.at(item)
				c.where = append(c.where, &Problem{File: d.file, Line: at.Line, Col: at.Col})
			}
		}
	}
	return c, len(d.problems) == before
}

func list[T ~string](xs []T) string {
	var b strings.Builder
	for i, x := range xs {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("`" + string(x) + "`")
	}
	return b.String()
}
