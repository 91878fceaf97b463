// Package statusapi is statuspress's Statuspage-compatible public API: the wire structs of
// Atlassian Statuspage's public Status API v2 (the JSON every Statuspage page serves under
// /api/v2/, such as https://www.githubstatus.com/api/v2/summary.json) and the builders that fill
// them from the domain at one instant, so that existing clients and widgets (the
// @statuspage/status-widget web component, the statuspage.io npm client, dashboards that read
// status.json) work against a statuspress site unchanged.
//
// The shapes follow the public responses of real Statuspage pages and the clients that read them;
// Atlassian publishes no schema for them. The sources are listed in the project's reference notes
// (section b): live captures, the statuspage.io client's Result.ts, and MongoDB's Cloud Status API
// reference, which copies the format. testdata/*.schema.json pins them as JSON Schemas and
// openapi.json describes every endpoint.
//
// # Choices where Statuspage and statuspress differ
//
// Ids. Statuspage ids are 12 random lowercase characters. Ours are derived, so they are stable
// across restarts, replicas and static builds: the first 12 characters of the lowercase, unpadded
// base32 encoding (RFC 4648 alphabet, a–z and 2–7) of the SHA-256 of "<kind>:<key>", where kind
// and key are
//
//	page       the site's base_url from site.yaml
//	group      the group's id in site.yaml
//	component  the component's id in site.yaml
//	incident   the incident's slug (incidents and maintenances alike)
//	update     the slug, "/" and the update's instant in UTC as 20060102T150405Z (Incident.UpdateID)
//
// The kind keeps a group and a component with the same id apart. See ID.
//
// Timestamps are ISO 8601 with milliseconds and the offset of the page's time zone (the site's
// default language's zone, page.time_zone), as Statuspage writes them: "2020-06-08T09:04:00.000+02:00";
// in UTC the offset is written Z. They do not change with ?lang=, which changes only text.
//
// Notices (kind notice) have no Statuspage equivalent and no lifecycle or updates; they are left
// out of the API altogether, so clients that count or alert on incidents are not disturbed by
// product news. Readers get them from the pages and feeds.
//
// Maintenances carry impact "maintenance", and status.indicator is "maintenance" while one is in
// progress and no incident is worse (status.IndicatorAt), which the official widget styles.
// A resolved incident whose file has a Markdown body (its postmortem: cause, solution, measures,
// shown under "Postmortem" on its page) has the status "postmortem", as Statuspage's incidents do
// once their postmortem is published; its resolved_at stays. One without a body stays "resolved".
//
// Update bodies are plain text made from the rendered, sanitised HTML of the update (see
// PlainText): paragraphs separated by blank lines, list items as "- " lines, links followed by
// their address.
//
// shortlink is the incident's own page in the response's language (statuspress has no short
// links). resolved_at is when the impact ended (the front matter's resolved), which may precede
// the update that announced it. A maintenance's started_at is when its work began, and until then
// when it was announced. affected_components lists the statuses the incident gave components just
// before and after each update, so the first update of an incident shows them leaving operational
// and the resolving one shows them returning.
//
// Components that statuspress knows no creation time of get the start of the site's history (the
// earliest instant any incident names) as created_at, and as start_date when their uptime is shown;
// before that instant (a preview of an early moment), and on a site without incidents, the Unix
// epoch. No time in the API comes from the clock, so answers only change when the content does.
package statusapi

// Page is the "page" object every response begins with.
type Page struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	URL      string `json:"url"`
	TimeZone string `json:"time_zone"`
	// UpdatedAt is the last time anything on the page changed, up to now.
	UpdatedAt string `json:"updated_at"`
}

// Status is the page's rollup: indicator none, minor, major, critical or maintenance, and a
// sentence for people.
type Status struct {
	Indicator   string `json:"indicator"`
	Description string `json:"description"`
}

// Component is one entry of the flat component list. Groups are entries too (Group true), listing
// their members' ids in Components; members name their group in GroupID. Position counts from 1
// within each group, and among the top-level entries.
type Component struct {
	ID        string  `json:"id"`
	Name      string  `json:"name"`
	Status    string  `json:"status"`
	CreatedAt string  `json:"created_at"`
	UpdatedAt string  `json:"updated_at"`
	Position  int     `json:"position"`
	Desc      *string `json:"description"`
	Showcase  bool    `json:"showcase"`
	// StartDate is the day uptime history starts (YYYY-MM-DD), or null.
	StartDate          *string `json:"start_date"`
	GroupID            *string `json:"group_id"`
	PageID             string  `json:"page_id"`
	Group              bool    `json:"group"`
	OnlyShowIfDegraded bool    `json:"only_show_if_degraded"`
	// Components is present on groups only: the ids of their members.
	Components []string `json:"components,omitzero"`
}

// Incident is an incident as incidents.json and summary.json list it.
type Incident struct {
	ID           string  `json:"id"`
	Name         string  `json:"name"`
	Status       string  `json:"status"`
	CreatedAt    string  `json:"created_at"`
	UpdatedAt    string  `json:"updated_at"`
	MonitoringAt *string `json:"monitoring_at"`
	ResolvedAt   *string `json:"resolved_at"`
	Impact       string  `json:"impact"`
	// Shortlink is the incident's page on this site, in the response's language.
	Shortlink       string           `json:"shortlink"`
	StartedAt       string           `json:"started_at"`
	PageID          string           `json:"page_id"`
	IncidentUpdates []IncidentUpdate `json:"incident_updates"`
	// Components are the components the incident affects, with their current status.
	Components []Component `json:"components"`
}

// ScheduledMaintenance is an incident with the announced window; its status is scheduled,
// in_progress, verifying or completed.
type ScheduledMaintenance struct {
	Incident
	ScheduledFor   string `json:"scheduled_for"`
	ScheduledUntil string `json:"scheduled_until"`
}

// IncidentUpdate is one entry of an incident's timeline; incident_updates lists them newest first.
type IncidentUpdate struct {
	ID         string `json:"id"`
	Status     string `json:"status"`
	Body       string `json:"body"`
	IncidentID string `json:"incident_id"`
	CreatedAt  string `json:"created_at"`
	UpdatedAt  string `json:"updated_at"`
	DisplayAt  string `json:"display_at"`
	// AffectedComponents are the status changes the update made, or null.
	AffectedComponents   []AffectedComponent `json:"affected_components"`
	DeliverNotifications bool                `json:"deliver_notifications"`
	// CustomTweet and TweetID are Statuspage's Twitter leftovers, always null.
	CustomTweet *string `json:"custom_tweet"`
	TweetID     *string `json:"tweet_id"`
}

// AffectedComponent is one status change of an update. Code is the component's id; Name is
// "Group - Component" for a component in a group.
type AffectedComponent struct {
	Code      string `json:"code"`
	Name      string `json:"name"`
	OldStatus string `json:"old_status"`
	NewStatus string `json:"new_status"`
}

// Summary is /api/v2/summary.json: everything the front page shows. Incidents are the unresolved
// ones; ScheduledMaintenances are those in progress or upcoming.
type Summary struct {
	Page                  Page                   `json:"page"`
	Components            []Component            `json:"components"`
	Incidents             []Incident             `json:"incidents"`
	ScheduledMaintenances []ScheduledMaintenance `json:"scheduled_maintenances"`
	Status                Status                 `json:"status"`
}

// StatusResponse is /api/v2/status.json.
type StatusResponse struct {
	Page   Page   `json:"page"`
	Status Status `json:"status"`
}

// ComponentsResponse is /api/v2/components.json.
type ComponentsResponse struct {
	Page       Page        `json:"page"`
	Components []Component `json:"components"`
}

// IncidentsResponse is /api/v2/incidents.json and /api/v2/incidents/unresolved.json.
type IncidentsResponse struct {
	Page      Page       `json:"page"`
	Incidents []Incident `json:"incidents"`
}

// MaintenancesResponse is /api/v2/scheduled-maintenances.json and its /upcoming.json and
// /active.json.
type MaintenancesResponse struct {
	Page                  Page                   `json:"page"`
	ScheduledMaintenances []ScheduledMaintenance `json:"scheduled_maintenances"`
}

// Error is the body of every error under /api/: the HTTP status in words, lowercase, and its code.
type Error struct {
	Error   string `json:"error"`
	Status  int    `json:"status"`
	Message string `json:"message,omitempty"`
	Path    string `json:"path,omitempty"`
	// Allow lists the methods the path answers, on 405.
	Allow []string `json:"allow,omitempty"`
	// Documentation is where the API is described.
	Documentation string `json:"documentation,omitempty"`
}
