// Package webhook writes what statuspress sends to generic webhooks: the JSON body that Atlassian
// Statuspage sends to its webhook subscribers, so receivers written for Statuspage work unchanged,
// signed as the Standard Webhooks specification describes.
//
// The body (https://support.atlassian.com/statuspage/docs/enable-webhook-notifications/) has
// `meta` (unsubscribe, documentation), `page` (id, status_indicator, status_description) and
// either `incident`, the incident as the Status API shows it with its `incident_updates` newest
// first, or `component_update` with `component`. Incidents and maintenances both come as
// `incident`, as Statuspage sends them; a maintenance has its window in `scheduled_for` and
// `scheduled_until`, which are null for incidents. The objects are internal/statusapi's wire
// types, so the ids, times and texts are those of statuspress's API.
//
// Each request carries webhook-id (the message's id, the same on every retry), webhook-timestamp
// (Unix seconds) and webhook-signature ("v1," and the base64 HMAC-SHA256 of
// "<id>.<timestamp>.<body>" keyed with the secret after its `whsec_` prefix, base64-decoded).
package webhook

import (
	"statuspress/internal/statusapi"
)

// Payload is the body of one webhook message.
type Payload struct {
	Meta            Meta             `json:"meta"`
	Page            Page             `json:"page"`
	Incident        *Incident        `json:"incident,omitempty"`
	ComponentUpdate *ComponentUpdate `json:"component_update,omitempty"`
	Component       *Component       `json:"component,omitempty"`
}

// Meta says how to stop the messages and where they are documented.
type Meta struct {
	// Unsubscribe is where a subscriber stops the messages; an operator's webhook has none, so
	// it is the status page itself.
	Unsubscribe   string `json:"unsubscribe"`
	Documentation string `json:"documentation"`
}

// Page is the page and its rollup status.
type Page struct {
	ID                string `json:"id"`
	StatusIndicator   string `json:"status_indicator"`
	StatusDescription string `json:"status_description"`
}

// Incident is an incident or a maintenance as the Status API shows it, with the window of a
// maintenance.
type Incident struct {
	statusapi.Incident
	ScheduledFor   *string `json:"scheduled_for"`
	ScheduledUntil *string `json:"scheduled_until"`
}

// ComponentUpdate is one component's change of status.
type ComponentUpdate struct {
	ID          string `json:"id"`
	ComponentID string `json:"component_id"`
	CreatedAt   string `json:"created_at"`
	OldStatus   string `json:"old_status"`
	NewStatus   string `json:"new_status"`
}

// Component is the component a ComponentUpdate is about.
type Component struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	Status    string `json:"status"`
	CreatedAt string `json:"created_at"`
}

// PageOf is the page object of a Status API page and status.
func PageOf(p statusapi.Page, s statusapi.Status) Page {
	return Page{ID: p.ID, StatusIndicator: s.Indicator, StatusDescription: s.Description}
}

// ForIncident is the payload telling of an incident.
func ForIncident(meta Meta, page Page, in statusapi.Incident) Payload {
	return Payload{Meta: meta, Page: page, Incident: &Incident{Incident: in}}
}

// ForMaintenance is the payload telling of a maintenance.
func ForMaintenance(meta Meta, page Page, m statusapi.ScheduledMaintenance) Payload {
	for_, until := m.ScheduledFor, m.ScheduledUntil
	return Payload{Meta: meta, Page: page, Incident: &Incident{Incident: m.Incident, ScheduledFor: &for_, ScheduledUntil: &until}}
}

// ForComponent is the payload telling of a component's change of status.
func ForComponent(meta Meta, page Page, u ComponentUpdate, c statusapi.Component) Payload {
	return Payload{Meta: meta, Page: page, ComponentUpdate: &u,
		Component: &Component{ID: c.ID, Name: c.Name, Status: c.Status, CreatedAt: c.CreatedAt}}
}
