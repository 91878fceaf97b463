package statusapi

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"statuspress/internal/incident"
	"statuspress/internal/locale"
	"statuspress/internal/status"
)

// statusPostmortem is Statuspage's status of a resolved incident whose postmortem is published.
const statusPostmortem = "postmortem"

// maintenanceImpact is the impact Statuspage gives scheduled maintenances.
const maintenanceImpact = "maintenance"

// Limit is how many incidents incidents.json and maintenances scheduled-maintenances.json list,
// as Statuspage does.
const Limit = 50

// Params are what the API is built from.
type Params struct {
	Site *incident.Site
	// Incidents are every loaded incident; the API shows those published at Now (status.Published).
	Incidents []*incident.Incident
	// Localizer gives the language of the text (names, descriptions, update bodies).
	Localizer *locale.Localizer
	Now       time.Time
	// BaseURL is the site's public URL without a trailing slash: page.url.
	BaseURL string
	// IncidentURL returns the absolute URL of an incident's page, for shortlink; nil links the
	// page itself.
	IncidentURL func(slug string) string
}

// View is the API of one site, in one language, at one instant. Build it with New; it is cheap,
// so a server makes one per request.
type View struct {
	p    Params
	lang string
	// loc is the page's zone: the default language's, for every timestamp in every language.
	loc       *time.Location
	pageID    string
	published []*incident.Incident
	state     status.State
	// comps is the flat component list; index finds an entry by "<kind>:<site id>".
	comps []Component
	index map[string]int
	// since is the start of the site's history: what created_at says when nothing else can.
	since time.Time
}

// New builds the view of p.
func New(p Params) *View {
	v := &View{
		p:      p,
		lang:   p.Localizer.Lang(),
		loc:    p.Site.Location(p.Site.DefaultLanguage),
		pageID: ID(KindPage, p.Site.BaseURL),
		index:  map[string]int{},
		since:  historyStart(p.Incidents),
	}
	// A preview of a moment before the first incident must not report times still to come, nor
	// the clock, which would change created_at and updated_at on every request: nothing has
	// happened yet, as on a site without incidents.
	if v.since.After(p.Now) {
		v.since = epoch
	}
	for _, in := range p.Incidents {
		if in.Kind != incident.KindNotice && status.Published(in, p.Now) {
			v.published = append(v.published, in)
		}
	}
	v.state = status.At(p.Site, v.published, p.Now)
	v.buildComponents()
	return v
}

// historyStart is the earliest instant any incident names, or the Unix epoch for a site without
// incidents, so it is the same on every load of the same content.
func historyStart(ins []*incident.Incident) time.Time {
	var first time.Time
	consider := func(t time.Time) {
		if !t.IsZero() && (first.IsZero() || t.Before(first)) {
			first = t
		}
	}
	for _, in := range ins {
		consider(in.Started)
		consider(in.Published)
		consider(in.Scheduled.Start)
		if len(in.Updates) > 0 {
			consider(in.Updates[0].At)
		}
	}
	if first.IsZero() {
		return epoch
	}
	return first
}

// epoch is the start of the history of a site where nothing has happened yet.
var epoch = time.Unix(0, 0)

func (v *View) stamp(t time.Time) string     { return stamp(t, v.loc) }
func (v *View) stampPtr(t time.Time) *string { return stampPtr(t, v.loc) }

// Page is the page object.
func (v *View) Page() Page {
	updated := v.since
	for _, in := range v.p.Incidents {
		if in.Kind == incident.KindNotice && status.Published(in, v.p.Now) {
			updated = latest(updated, in.Posted())
		}
	}
	for _, in := range v.published {
		updated = latest(updated, v.updatedAt(in))
	}
	return Page{
		ID:        v.pageID,
		Name:      v.p.Site.Localize(v.p.Site.Title, v.lang),
		URL:       v.p.BaseURL,
		TimeZone:  v.loc.String(),
		UpdatedAt: v.stamp(updated),
	}
}

// Indicator is the page's indicator now.
func (v *View) Indicator() status.Indicator { return v.state.Indicator }

// Status is the page's rollup now, described in the view's language.
func (v *View) Status() Status {
	return Status{Indicator: string(v.state.Indicator), Description: v.p.Localizer.Indicator(v.state.Indicator)}
}

// Components is the flat list of groups and components, each group followed by its members,
// then the components in no group.
func (v *View) Components() []Component {
	// Never nil: a site without components still answers "components": [].
	return append(make([]Component, 0, len(v.comps)), v.comps...)
}

// ComponentStatus returns the name in the view's language and the status now of the site
// component or group with the given site.yaml id.
func (v *View) ComponentStatus(id string) (name string, st incident.ComponentStatus, ok bool) {
	i, ok := v.index[KindComponent+":"+id]
	if !ok {
		i, ok = v.index[KindGroup+":"+id]
	}
	if !ok {
		return "", "", false
	}
	c := v.comps[i]
	return c.Name, incident.ComponentStatus(c.Status), true
}

func (v *View) buildComponents() {
	site, lang := v.p.Site, v.lang
	statuses := map[string]incident.ComponentStatus{}
	for _, c := range v.state.Components {
		statuses[c.Component.ID] = c.Status
	}
	created := v.stamp(v.since)
	day := v.since.In(v.loc).Format(time.DateOnly)
	updatedAt := v.componentsUpdated()
	componentUpdated := func(id string) time.Time {
		if t, ok := updatedAt[id]; ok {
			return t
		}
		return v.since
	}
	leaf := func(c incident.Component, position int, groupID *string) Component {
		out := Component{
			ID:                 ID(KindComponent, c.ID),
			Name:               site.Localize(c.Name, lang),
			Status:             string(statuses[c.ID]),
			CreatedAt:          created,
			UpdatedAt:          v.stamp(componentUpdated(c.ID)),
			Position:           position,
			Desc:               optional(site.Localize(c.Description, lang)),
			Showcase:           c.Uptime,
			GroupID:            groupID,
			PageID:             v.pageID,
			OnlyShowIfDegraded: c.HiddenUnlessDegraded,
		}
		if c.Uptime {
			out.StartDate = &day
		}
		return out
	}
	add := func(key string, c Component) {
		v.index[key] = len(v.comps)
		v.comps = append(v.comps, c)
	}
	top := 0
	for _, g := range v.state.Groups {
		top++
		gid := ID(KindGroup, g.Group.ID)
		group := Component{
			ID:         gid,
			Name:       site.Localize(g.Group.Name, lang),
			Status:     string(g.Status),
			CreatedAt:  created,
			UpdatedAt:  created,
			Position:   top,
			PageID:     v.pageID,
			Group:      true,
			Components: []string{},
		}
		gi := len(v.comps)
		add(KindGroup+":"+g.Group.ID, group)
		updated := v.since
		for i, cs := range g.Components {
			c := leaf(cs.Component, i+1, &gid)
			v.comps[gi].Components = append(v.comps[gi].Components, c.ID)
			updated = latest(updated, componentUpdated(cs.Component.ID))
			add(KindComponent+":"+cs.Component.ID, c)
		}
		v.comps[gi].UpdatedAt = v.stamp(updated)
	}
	for _, c := range site.Components {
		if c.Group != "" && slices.ContainsFunc(site.Groups, func(g incident.Group) bool { return g.ID == c.Group }) {
			continue
		}
		top++
		add(KindComponent+":"+c.ID, leaf(c, top, nil))
	}
}

// componentsUpdated is, for every component an incident names, the last time up to now that an
// incident changed its status: when it began or ended, or an update that names the component or
// moves a maintenance on. Components no incident names are missing: their time is v.since. One
// pass over the incidents serves every component.
func (v *View) componentsUpdated() map[string]time.Time {
	out := map[string]time.Time{}
	now := v.p.Now
	var names []string
	for _, in := range v.published {
		names = names[:0]
		name := func(as []incident.Affected) {
			for _, a := range as {
				if !slices.Contains(names, a.Component) {
					names = append(names, a.Component)
				}
			}
		}
		name(in.Components)
		for _, u := range in.Updates {
			name(u.Components)
		}
		if len(names) == 0 {
			continue
		}
		// t is what the incident says of every component it names; the updates that name a
		// component say more of that one only.
		var t time.Time
		seen := func(t *time.Time, at time.Time) {
			if !at.IsZero() && !at.After(now) && at.After(*t) {
				*t = at
			}
		}
		seen(&t, in.Started)
		if end, ok := in.Ended(now); ok {
			seen(&t, end)
		}
		if in.Kind == incident.KindMaintenance {
			seen(&t, in.Window().Start)
		}
		visible := status.Visible(in, now)
		for _, u := range visible {
			if in.Kind == incident.KindMaintenance && u.Status != incident.StatusScheduled || u.Status.Final() {
				seen(&t, u.At)
			}
		}
		for _, id := range names {
			own := t
			for _, u := range visible {
				if slices.ContainsFunc(u.Components, func(a incident.Affected) bool { return a.Component == id }) {
					seen(&own, u.At)
				}
			}
			if prev, ok := out[id]; !ok || own.After(prev) {
				out[id] = latest(v.since, own)
			}
		}
	}
	return out
}

// Incidents are the Limit most recent incidents, resolved ones included, newest first.
func (v *View) Incidents() []Incident {
	var ins []*incident.Incident
	for _, in := range v.published {
		if in.Kind == incident.KindIncident {
			ins = append(ins, in)
		}
	}
	slices.SortFunc(ins, func(a, b *incident.Incident) int {
		return cmp.Or(b.Started.Compare(a.Started), strings.Compare(a.Slug, b.Slug))
	})
	return v.incidents(ins[:min(len(ins), Limit)])
}

// Unresolved are the incidents going on, newest first.
func (v *View) Unresolved() []Incident { return v.incidents(v.state.Ongoing) }

// Maintenances are the Limit most recent maintenances, latest window first.
func (v *View) Maintenances() []ScheduledMaintenance {
	var ins []*incident.Incident
	for _, in := range v.published {
		if in.Kind == incident.KindMaintenance {
			ins = append(ins, in)
		}
	}
	slices.SortFunc(ins, func(a, b *incident.Incident) int {
		return cmp.Or(b.Scheduled.Start.Compare(a.Scheduled.Start), strings.Compare(a.Slug, b.Slug))
	})
	return v.maintenances(ins[:min(len(ins), Limit)])
}

// Upcoming are the maintenances announced and not begun, soonest first.
func (v *View) Upcoming() []ScheduledMaintenance { return v.maintenances(v.state.Upcoming) }

// Active are the maintenances in progress or being verified, earliest first.
func (v *View) Active() []ScheduledMaintenance { return v.maintenances(v.state.InProgress) }

// Summary is summary.json: the page, its status and components, the unresolved incidents, and the
// maintenances in progress followed by the upcoming ones.
func (v *View) Summary() Summary {
	return Summary{
		Page:                  v.Page(),
		Components:            v.Components(),
		Incidents:             v.Unresolved(),
		ScheduledMaintenances: append(v.Active(), v.Upcoming()...),
		Status:                v.Status(),
	}
}

// StatusResponse is status.json.
func (v *View) StatusResponse() StatusResponse {
	return StatusResponse{Page: v.Page(), Status: v.Status()}
}

// ComponentsResponse is components.json.
func (v *View) ComponentsResponse() ComponentsResponse {
	return ComponentsResponse{Page: v.Page(), Components: v.Components()}
}

// IncidentsResponse is incidents.json.
func (v *View) IncidentsResponse() IncidentsResponse {
	return IncidentsResponse{Page: v.Page(), Incidents: v.Incidents()}
}

// UnresolvedResponse is incidents/unresolved.json.
func (v *View) UnresolvedResponse() IncidentsResponse {
	return IncidentsResponse{Page: v.Page(), Incidents: v.Unresolved()}
}

// MaintenancesResponse is scheduled-maintenances.json.
func (v *View) MaintenancesResponse() MaintenancesResponse {
	return MaintenancesResponse{Page: v.Page(), ScheduledMaintenances: v.Maintenances()}
}

// UpcomingResponse is scheduled-maintenances/upcoming.json.
func (v *View) UpcomingResponse() MaintenancesResponse {
	return MaintenancesResponse{Page: v.Page(), ScheduledMaintenances: v.Upcoming()}
}

// ActiveResponse is scheduled-maintenances/active.json.
func (v *View) ActiveResponse() MaintenancesResponse {
	return MaintenancesResponse{Page: v.Page(), ScheduledMaintenances: v.Active()}
}

// Incident is one incident as the API shows it, for a webhook's body.
func (v *View) Incident(in *incident.Incident) Incident { return v.incident(in) }

// Maintenance is one maintenance as the API shows it, for a webhook's body.
func (v *View) Maintenance(in *incident.Incident) ScheduledMaintenance {
	return v.maintenances([]*incident.Incident{in})[0]
}

func (v *View) incidents(ins []*incident.Incident) []Incident {
	out := make([]Incident, len(ins))
	for i, in := range ins {
		out[i] = v.incident(in)
	}
	return out
}

func (v *View) maintenances(ins []*incident.Incident) []ScheduledMaintenance {
	out := make([]ScheduledMaintenance, len(ins))
	for i, in := range ins {
		out[i] = ScheduledMaintenance{
			Incident:       v.incident(in),
			ScheduledFor:   v.stamp(in.Scheduled.Start),
			ScheduledUntil: v.stamp(in.Scheduled.End),
		}
	}
	return out
}

// incident fills the fields incidents and maintenances share.
func (v *View) incident(in *incident.Incident) Incident {
	now := v.p.Now
	loc := in.In(v.lang)
	visible := status.Visible(in, now)
	id := ID(KindIncident, in.Slug)
	created := v.createdAt(in, visible)
	out := Incident{
		ID:              id,
		Name:            loc.Title.Text,
		Status:          v.status(in),
		CreatedAt:       v.stamp(created),
		UpdatedAt:       v.stamp(latest(created, v.updatedAt(in))),
		MonitoringAt:    v.stampPtr(v.monitoringAt(in, visible)),
		ResolvedAt:      v.stampPtr(v.resolvedAt(in)),
		Impact:          string(status.ImpactAt(in, now)),
		Shortlink:       v.p.BaseURL,
		StartedAt:       v.stamp(v.startedAt(in, created)),
		PageID:          v.pageID,
		IncidentUpdates: make([]IncidentUpdate, 0, len(visible)),
		Components:      []Component{},
	}
	if in.Kind == incident.KindMaintenance {
		out.Impact = maintenanceImpact
	}
	if v.p.IncidentURL != nil {
		out.Shortlink = v.p.IncidentURL(in.Slug)
	}
	changes := v.changes(in, visible)
	for i := len(visible) - 1; i >= 0; i-- {
		u := visible[i]
		at := v.stamp(u.At)
		out.IncidentUpdates = append(out.IncidentUpdates, IncidentUpdate{
			ID:                   ID(KindUpdate, in.UpdateID(u)),
			Status:               string(u.Status),
			Body:                 PlainText(loc.Updates[i].Text),
			IncidentID:           id,
			CreatedAt:            at,
			UpdatedAt:            at,
			DisplayAt:            at,
			AffectedComponents:   changes[i],
			DeliverNotifications: true,
		})
	}
	for _, c := range v.p.Site.Components {
		if in.Names(c.ID) {
			out.Components = append(out.Components, v.comps[v.index[KindComponent+":"+c.ID]])
		}
	}
	return out
}

// status is the incident's status now, as Statuspage reports it: a resolved incident with a
// postmortem (Incident.HasPostmortem) is "postmortem", and keeps its resolved_at.
func (v *View) status(in *incident.Incident) string {
	st := in.State(v.p.Now)
	if st == incident.StatusResolved && in.HasPostmortem() {
		return statusPostmortem
	}
	return string(st)
}

// createdAt is when the incident was first posted: its first update, or, with none to show, when
// it sorts (its start; for a maintenance not started, the start of its window).
func (v *View) createdAt(in *incident.Incident, visible []incident.Update) time.Time {
	if len(visible) > 0 {
		return visible[0].At
	}
	return in.SortTime()
}

// startedAt is when the impact began. A maintenance starts when its work does; until then it says
// when it was announced, as Statuspage's scheduled maintenances do.
func (v *View) startedAt(in *incident.Incident, created time.Time) time.Time {
	if in.Kind == incident.KindMaintenance {
		if s := in.Window().Start; !s.IsZero() && !s.After(v.p.Now) {
			return s
		}
		return created
	}
	if in.Started.IsZero() {
		return created
	}
	return in.Started
}

// updatedAt is the last change to the incident up to now: an update, its resolution, or a
// maintenance starting or ending by the clock.
func (v *View) updatedAt(in *incident.Incident) time.Time {
	now := v.p.Now
	var t time.Time
	if vis := status.Visible(in, now); len(vis) > 0 {
		t = vis[len(vis)-1].At
	}
	if end, ok := in.Ended(now); ok {
		t = latest(t, end)
	}
	if in.Kind == incident.KindMaintenance {
		if w := in.Window(); !w.Start.After(now) {
			t = latest(t, w.Start)
		}
	} else if !in.Started.After(now) {
		t = latest(t, in.Started)
	}
	return t
}

// monitoringAt is when the incident first entered monitoring (a maintenance: verifying).
func (v *View) monitoringAt(in *incident.Incident, visible []incident.Update) time.Time {
	want := incident.StatusMonitoring
	if in.Kind == incident.KindMaintenance {
		want = incident.StatusVerifying
	}
	for _, u := range visible {
		if u.Status == want {
			return u.At
		}
	}
	return time.Time{}
}

// resolvedAt is when the incident ended, once it has (Incident.Ended).
func (v *View) resolvedAt(in *incident.Incident) time.Time {
	end, _ := in.Ended(v.p.Now)
	return end
}

// changes returns each visible update's affected_components: the statuses this incident gave its
// components just before and just after the update. An incident affects its components from its
// first update until it is resolved; a maintenance while an update says the work is in progress
// or being verified. An update lists the components it names and those whose status it changed;
// one that lists none has null.
func (v *View) changes(in *incident.Incident, visible []incident.Update) [][]AffectedComponent {
	out := make([][]AffectedComponent, len(visible))
	state := slices.Clone(in.Components)
	effective := false
	for i, u := range visible {
		before := slices.Clone(state)
		wasEffective := effective
		for _, a := range u.Components {
			if j := slices.IndexFunc(state, func(b incident.Affected) bool { return b.Component == a.Component }); j >= 0 {
				state[j].Status = a.Status
			} else {
				state = append(state, a)
			}
		}
		switch in.Kind {
		case incident.KindIncident:
			effective = !u.Status.Final()
		case incident.KindMaintenance:
			effective = u.Status == incident.StatusInProgress || u.Status == incident.StatusVerifying
		}
		of := func(list []incident.Affected, eff bool, id string) incident.ComponentStatus {
			if !eff {
				return incident.Operational
			}
			if j := slices.IndexFunc(list, func(b incident.Affected) bool { return b.Component == id }); j >= 0 {
				return list[j].Status
			}
			return incident.Operational
		}
		for _, a := range state {
			named := slices.ContainsFunc(u.Components, func(b incident.Affected) bool { return b.Component == a.Component })
			old, cur := of(before, wasEffective, a.Component), of(state, effective, a.Component)
			if !named && old == cur {
				continue
			}
			out[i] = append(out[i], AffectedComponent{
				Code:      ID(KindComponent, a.Component),
				Name:      v.qualifiedName(a.Component),
				OldStatus: string(old),
				NewStatus: string(cur),
			})
		}
	}
	return out
}

// qualifiedName is "Group - Component" for a component in a group, as Statuspage names the
// components of an update.
func (v *View) qualifiedName(id string) string {
	site := v.p.Site
	c, ok := site.Component(id)
	if !ok {
		return id
	}
	name := site.Localize(c.Name, v.lang)
	for _, g := range site.Groups {
		if g.ID == c.Group {
			return site.Localize(g.Name, v.lang) + " - " + name
		}
	}
	return name
}

func latest(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
