// Package compose writes a settled batch of events as the neutral notify.Message of one
// language: the incident's words in that language (falling back as pages do), the state and
// component statuses in the UI's words, times in the language's zone with the zone named, and an
// absolute link to the incident's page. Every channel's body is made from that message.
package compose

import (
	"html"
	"strings"
	"time"

	"statuspress/internal/incident"
	"statuspress/internal/locale"
	"statuspress/internal/notify"
	"statuspress/internal/statusapi"
)

// Params is what a message needs besides its batch.
type Params struct {
	Site *incident.Site
	// Localizer gives the language, its words and its zone.
	Localizer *locale.Localizer
	// IncidentURL returns the absolute URL of an incident's page in a language.
	IncidentURL func(lang, slug string) string
	// Now is when the message is written: the state and component statuses are those of now.
	Now time.Time
}

// Message writes b for the readers of p.Localizer's language.
func Message(b notify.Batch, p Params) notify.Message {
	l := p.Localizer
	lang := l.Lang()
	in := b.Incident
	loc := in.In(lang, p.Site.DefaultLanguage)
	m := notify.Message{
		ID:              b.MessageID(),
		Lang:            lang,
		Site:            p.Site.Localize(p.Site.Title, lang),
		Kind:            in.Kind,
		Title:           loc.Title.Text,
		StateCode:       in.State(p.Now),
		Impact:          in.Impact,
		Link:            p.IncidentURL(lang, in.Slug),
		LinkLabel:       l.T(locale.NotifyViewIncident),
		ComponentsLabel: l.T(locale.HeadingAffectedComponents),
	}
	m.State = l.UpdateStatus(m.StateCode)
	if in.Kind == incident.KindNotice {
		m.State = l.Kind(incident.KindNotice)
	}
	if len(b.Events) == 1 && b.Events[0].Kind == notify.KindPostmortem {
		m.State = l.T(locale.HeadingPostmortem)
	}
	m.Headline = m.Title
	if m.State != "" {
		m.Headline = l.TData(locale.NotifyHeadline, map[string]any{"Title": m.Title, "State": m.State})
	}
	for _, a := range in.ComponentsAt(p.Now) {
		name := a.Component
		if c, ok := p.Site.Component(a.Component); ok {
			name = p.Site.Localize(c.Name, lang)
		}
		m.Components = append(m.Components, notify.ComponentLine{ID: a.Component, Name: name, Status: l.ComponentStatus(a.Status), Code: a.Status})
	}

	var text, htm []string
	add := func(heading, plain, rich string) {
		var t, h []string
		if heading != "" {
			t = append(t, heading)
			h = append(h, "<p><strong>"+html.EscapeString(heading)+"</strong></p>")
		}
		if plain != "" {
			t = append(t, plain)
			h = append(h, rich)
		}
		if len(t) > 0 {
			text = append(text, strings.Join(t, "\n"))
			htm = append(htm, strings.Join(h, "\n"))
		}
	}
	for _, e := range b.Events {
		if e.At.After(m.At) {
			m.At = e.At
		}
		switch e.Kind {
		case notify.KindIncident, notify.KindNotice:
			if s := loc.Summary.Text; s != "" {
				add("", s, "<p>"+html.EscapeString(s)+"</p>")
			}
		case notify.KindMaintenance:
			window := l.TData(locale.MaintenanceScheduled, map[string]any{"Window": l.Window(in.Scheduled.Start, in.Scheduled.End)})
			add("", strings.TrimSpace(loc.Summary.Text+"\n\n"+window), joinHTML(loc.Summary.Text, window))
		case notify.KindUpdate:
			u := in.Updates[e.Update]
			body := loc.Updates[e.Update].Text
			add(l.DateTime(u.At)+" · "+l.UpdateStatus(u.Status), statusapi.PlainText(body), body)
		case notify.KindMaintenanceStarted:
			add(l.DateTime(e.At)+" · "+l.UpdateStatus(incident.StatusInProgress), "", "")
		case notify.KindMaintenanceEnded:
			add(l.DateTime(e.At)+" · "+l.UpdateStatus(incident.StatusCompleted), "", "")
		case notify.KindPostmortem:
			add(l.T(locale.HeadingPostmortem), statusapi.PlainText(loc.Body.Text), loc.Body.Text)
		}
	}
	m.Text = strings.Join(text, "\n\n")
	m.HTML = strings.Join(htm, "\n")
	if m.At.IsZero() {
		m.At = p.Now
	}
	m.Time = l.DateTime(m.At)
	return m
}

// joinHTML writes plain paragraphs as HTML.
func joinHTML(paragraphs ...string) string {
	var b strings.Builder
	for _, p := range paragraphs {
		if p = strings.TrimSpace(p); p != "" {
			b.WriteString("<p>" + html.EscapeString(p) + "</p>")
		}
	}
	return b.String()
}
