package importer

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"path"
	"regexp"
	"slices"
	"strings"
	"time"

	"statuspress/internal/incident"
)

// The wire shapes of Statuspage's public Status API v2 (https://metastatuspage.com/api/v2/ and
// any page's /api/v2/: incidents.json, scheduled-maintenances.json, components.json) and of the
// management API v1 (https://developer.statuspage.io/: GET /v1/pages/{page_id}, .../components
// and .../incidents, which are JSON arrays). Only the fields the import reads are here.

type spPage struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	URL      string `json:"url"`
	TimeZone string `json:"time_zone"`
	// The management API's page has no url but its domain and subdomain.
	Domain    string `json:"domain"`
	Subdomain string `json:"subdomain"`
}

type spComponent struct {
	ID          string  `json:"id"`
	Name        string  `json:"name"`
	Description *string `json:"description"`
	Group       bool    `json:"group"`
	GroupID     *string `json:"group_id"`
	Position    int     `json:"position"`
	// OnlyShowIfDegraded hides the component while it is operational.
	OnlyShowIfDegraded bool `json:"only_show_if_degraded"`
}

type spAffected struct {
	Code      string `json:"code"`
	Name      string `json:"name"`
	OldStatus string `json:"old_status"`
	NewStatus string `json:"new_status"`
}

type spUpdate struct {
	ID                 string       `json:"id"`
	Status             string       `json:"status"`
	Body               string       `json:"body"`
	CreatedAt          string       `json:"created_at"`
	DisplayAt          string       `json:"display_at"`
	AffectedComponents []spAffected `json:"affected_components"`
}

type spIncident struct {
	ID             string        `json:"id"`
	Name           string        `json:"name"`
	Status         string        `json:"status"`
	Impact         string        `json:"impact"`
	CreatedAt      string        `json:"created_at"`
	StartedAt      string        `json:"started_at"`
	ResolvedAt     *string       `json:"resolved_at"`
	ScheduledFor   *string       `json:"scheduled_for"`
	ScheduledUntil *string       `json:"scheduled_until"`
	Updates        []spUpdate    `json:"incident_updates"`
	Components     []spComponent `json:"components"`
	PostmortemBody *string       `json:"postmortem_body"`
}

// StatuspageDoc is one JSON document of a Statuspage export: its name (a file name or a URL,
// for messages), which endpoint it answers, and its bytes.
type StatuspageDoc struct {
	Name string
	// Kind is "incidents", "scheduled-maintenances" or "components" for the public API's
	// answers (objects with `page` and a list), "page", "incidents-list" or "components-list"
	// for the management API's (a page object, and arrays).
	Kind string
	Data []byte
}

// spIDPattern is what Statuspage's ids look like; an id becomes part of `source:`.
var spIDPattern = regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`)

// FromStatuspage maps the documents of a Statuspage page into a Page. Any document may be
// missing; what is there must be Statuspage's JSON, or the error says where it is not.
func FromStatuspage(docs []StatuspageDoc) (*Page, error) {
	p := &Page{From: "Statuspage"}
	var comps []spComponent
	var incs []located
	var errs []error
	for _, d := range docs {
		switch d.Kind {
		case "incidents", "scheduled-maintenances", "components":
			var w struct {
				Page                  *spPage        `json:"page"`
				Incidents             *[]spIncident  `json:"incidents"`
				ScheduledMaintenances *[]spIncident  `json:"scheduled_maintenances"`
				Components            *[]spComponent `json:"components"`
			}
			if err := decodeJSON(d, &w); err != nil {
				errs = append(errs, err)
				continue
			}
			list := map[string]bool{"incidents": w.Incidents != nil, "scheduled-maintenances": w.ScheduledMaintenances != nil, "components": w.Components != nil}[d.Kind]
			if w.Page == nil || !list {
				key := map[string]string{"incidents": "incidents", "scheduled-maintenances": "scheduled_maintenances", "components": "components"}[d.Kind]
				errs = append(errs, &Error{File: d.Name, Message: fmt.Sprintf("this is not Statuspage's %s.json: it lacks `page` or `%s`; save the file from https://<your page>/api/v2/%s.json", d.Kind, key, d.Kind)})
				continue
			}
			p.fromSPPage(w.Page)
			switch d.Kind {
			case "incidents":
				for _, in := range *w.Incidents {
					incs = append(incs, located{doc: d, in: in})
				}
			case "scheduled-maintenances":
				for _, in := range *w.ScheduledMaintenances {
					incs = append(incs, located{doc: d, in: in, maintenance: true})
				}
			case "components":
				comps = append(comps, *w.Components...)
			}
		case "page":
			var pg spPage
			if err := decodeJSON(d, &pg); err != nil {
				errs = append(errs, err)
				continue
			}
			p.fromSPPage(&pg)
		case "incidents-list":
			var list []spIncident
			if err := decodeJSON(d, &list); err != nil {
				errs = append(errs, err)
				continue
			}
			for _, in := range list {
				incs = append(incs, located{doc: d, in: in, maintenance: in.ScheduledFor != nil})
			}
		case "components-list":
			var list []spComponent
			if err := decodeJSON(d, &list); err != nil {
				errs = append(errs, err)
				continue
			}
			comps = append(comps, list...)
		default:
			return nil, fmt.Errorf("unknown Statuspage document kind %q", d.Kind)
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	loc := time.UTC
	if l, err := time.LoadLocation(p.TimeZone); err == nil && p.TimeZone != "" && p.TimeZone != "Local" {
		loc = l
	}
	m := &spMapper{page: p, loc: loc, byCode: map[string]string{}, taken: ids{}}
	m.components(comps, incs)
	for _, l := range incs {
		e, err := m.event(l)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		p.Events = append(p.Events, e)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	p.Fix()
	return p, nil
}

type located struct {
	doc         StatuspageDoc
	in          spIncident
	maintenance bool
}

func (p *Page) fromSPPage(pg *spPage) {
	if pg == nil {
		return
	}
	if p.Name == "" {
		p.Name = pg.Name
	}
	if p.URL == "" {
		p.URL = pg.URL
		if p.URL == "" && pg.Domain != "" {
			p.URL = "https://" + pg.Domain
		} else if p.URL == "" && pg.Subdomain != "" {
			p.URL = "https://" + pg.Subdomain + ".statuspage.io"
		}
	}
	if p.TimeZone == "" {
		p.TimeZone = pg.TimeZone
	}
}

// decodeJSON decodes a document, turning a syntax error or a wrong type into file:line:col.
func decodeJSON(d StatuspageDoc, v any) error {
	dec := json.NewDecoder(bytes.NewReader(d.Data))
	err := dec.Decode(v)
	if err == nil {
		if _, extra := dec.Token(); extra != io.EOF {
			line, col := lineCol(d.Data, int(dec.InputOffset()))
			return &Error{File: d.Name, Line: line, Col: col, Message: "more JSON follows the document; save the answer of one request per file"}
		}
		return nil
	}
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF):
		line, col := lineCol(d.Data, len(d.Data))
		return &Error{File: d.Name, Line: line, Col: col, Message: "the JSON ends early (a truncated download?); download it again"}
	case errors.As(err, &syn):
		// The offset is just past the character that did not fit.
		line, col := lineCol(d.Data, int(syn.Offset)-1)
		return &Error{File: d.Name, Line: line, Col: col, Message: fmt.Sprintf("not JSON: %s; is this Statuspage's JSON, saved whole?", syn.Error())}
	case errors.As(err, &typ):
		line, col := lineCol(d.Data, int(typ.Offset))
		field := typ.Field
		if field == "" {
			field = "the document"
		}
		return &Error{File: d.Name, Line: line, Col: col, Message: fmt.Sprintf("`%s` is a JSON %s where Statuspage writes a %s; is this Statuspage's JSON?", field, typ.Value, jsonKind(typ.Type.Kind().String()))}
	}
	return &Error{File: d.Name, Message: err.Error()}
}

func jsonKind(goKind string) string {
	switch goKind {
	case "struct", "map":
		return "object"
	case "slice":
		return "list"
	case "int":
		return "number"
	}
	return goKind
}

// lineCol is the 1-based line and column of a byte offset.
func lineCol(data []byte, off int) (int, int) {
	off = min(max(off, 0), len(data))
	line := 1 + bytes.Count(data[:off], []byte("\n"))
	col := off - bytes.LastIndexByte(data[:off], '\n')
	return line, col
}

// locate finds a field near an incident in the raw JSON, for a message's line and column: the
// first `"key"` after the incident's id (and after the update's id, when given).
func locate(data []byte, key string, ids ...string) (int, int) {
	off := 0
	for _, id := range ids {
		if id == "" {
			continue
		}
		if i := bytes.Index(data[off:], []byte(`"`+id+`"`)); i >= 0 {
			off += i
		}
	}
	if i := bytes.Index(data[off:], []byte(`"`+key+`"`)); i >= 0 {
		off += i
	}
	return lineCol(data, off)
}

type spMapper struct {
	page *Page
	loc  *time.Location
	// byCode maps a Statuspage component id to ours.
	byCode map[string]string
	taken  ids
}

// components makes groups and components from components.json, and from the components the
// incidents name when components.json is missing.
func (m *spMapper) components(comps []spComponent, incs []located) {
	for _, l := range incs {
		comps = append(comps, l.in.Components...)
	}
	seen := map[string]bool{}
	var groups, plain []spComponent
	for _, c := range comps {
		if c.ID == "" || seen[c.ID] {
			continue
		}
		seen[c.ID] = true
		if c.Group {
			groups = append(groups, c)
		} else {
			plain = append(plain, c)
		}
	}
	slices.SortStableFunc(groups, func(a, b spComponent) int { return a.Position - b.Position })
	groupIDs := map[string]string{}
	for _, g := range groups {
		id := m.taken.id(g.Name, "group")
		groupIDs[g.ID] = id
		m.page.Groups = append(m.page.Groups, Group{ID: id, Name: oneLine(g.Name), Description: deref(g.Description)})
	}
	for i, c := range plain {
		id := m.taken.id(c.Name, "component")
		m.byCode[c.ID] = id
		comp := Component{ID: id, Name: oneLine(c.Name), Description: deref(c.Description), Position: i + 1, HiddenUnlessDegraded: c.OnlyShowIfDegraded}
		if c.GroupID != nil && *c.GroupID != "" {
			if g, ok := groupIDs[*c.GroupID]; ok {
				comp.Group = g
			} else {
				m.page.note("components", "group_id", "component %q is in group %s, which the export does not describe; it is imported without a group", c.Name, *c.GroupID)
			}
		}
		if comp.Name == "" {
			comp.Name = id
		}
		m.page.Components = append(m.page.Components, comp)
	}
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

var spIncidentStatuses = map[string]incident.UpdateStatus{
	"investigating": incident.StatusInvestigating, "identified": incident.StatusIdentified,
	"monitoring": incident.StatusMonitoring, "resolved": incident.StatusResolved,
	"postmortem": incident.StatusResolved,
}

var spMaintenanceStatuses = map[string]incident.UpdateStatus{
	"scheduled": incident.StatusScheduled, "in_progress": incident.StatusInProgress,
	"verifying": incident.StatusVerifying, "completed": incident.StatusCompleted,
}

func (m *spMapper) event(l located) (Event, error) {
	in, d := l.in, l.doc
	bad := func(key, updateID, format string, args ...any) error {
		line, col := locate(d.Data, key, in.ID, updateID)
		return &Error{File: d.Name, Line: line, Col: col, Message: fmt.Sprintf(format, args...)}
	}
	if !spIDPattern.MatchString(in.ID) {
		return Event{}, bad("id", "", "an incident's `id` %q is not a Statuspage id (letters, digits, - and _); is this Statuspage's JSON?", in.ID)
	}
	e := Event{Source: "statuspage:" + in.ID, File: d.Name + " (" + in.ID + ")", Kind: incident.KindIncident, Title: in.Name}
	statuses := spIncidentStatuses
	if l.maintenance || in.ScheduledFor != nil || in.Impact == "maintenance" {
		e.Kind, statuses = incident.KindMaintenance, spMaintenanceStatuses
	}
	if _, ok := statuses[in.Status]; !ok && in.Status != "" {
		return Event{}, bad("status", "", "unknown %s status `%s`; Statuspage's are %s", e.Kind, in.Status, strings.Join(slices.Sorted(maps.Keys(statuses)), ", "))
	}
	var err error
	tm := func(key, updateID, s string) time.Time {
		if err != nil || s == "" {
			return time.Time{}
		}
		t, ok, perr := m.parseTime(s)
		if perr != nil {
			err = bad(key, updateID, "`%s` %q is not a time; Statuspage writes RFC 3339, such as 2026-11-23T14:05:12.000+01:00", key, s)
		} else if !ok {
			m.page.note(e.File, key, "%q has no UTC offset; read in the page's time zone, %s", s, m.loc)
		}
		return t
	}
	switch e.Kind {
	case incident.KindIncident:
		if in.Impact != "" && in.Impact != "maintenance" {
			if !incident.Impact(in.Impact).Valid() {
				return Event{}, bad("impact", "", "unknown impact `%s`; Statuspage's are none, minor, major, critical", in.Impact)
			}
			e.Impact = incident.Impact(in.Impact)
		}
		e.Started = tm("started_at", "", in.StartedAt)
		if e.Started.IsZero() {
			e.Started = tm("created_at", "", in.CreatedAt)
		}
	case incident.KindMaintenance:
		e.Scheduled.Start = tm("scheduled_for", "", deref(in.ScheduledFor))
		e.Scheduled.End = tm("scheduled_until", "", deref(in.ScheduledUntil))
	}
	e.Resolved = tm("resolved_at", "", deref(in.ResolvedAt))
	// Component statuses: each update's affected_components, in time order; a component named
	// only in the incident's list takes a status from the impact.
	current := map[string]incident.ComponentStatus{}
	for _, u := range in.Updates {
		if !spIDPattern.MatchString(u.ID) && u.ID != "" {
			return Event{}, bad("id", "", "an update's `id` %q is not a Statuspage id; is this Statuspage's JSON?", u.ID)
		}
		st, ok := statuses[u.Status]
		if !ok {
			return Event{}, bad("status", u.ID, "unknown update status `%s` in a%s %s; Statuspage's are %s", u.Status, map[bool]string{true: "n", false: ""}[e.Kind == incident.KindIncident], e.Kind, strings.Join(slices.Sorted(maps.Keys(statuses)), ", "))
		}
		when := u.DisplayAt
		if when == "" {
			when = u.CreatedAt
		}
		up := Update{At: tm("display_at", u.ID, when), Status: st, Text: Plain(u.Body)}
		if up.At.IsZero() && err == nil {
			return Event{}, bad("display_at", u.ID, "an update has no time (display_at or created_at)")
		}
		if u.Status == "postmortem" {
			m.page.note(e.File, "incident_updates", "the update at %s says postmortem; it is imported as resolved", fmtTime(up.At))
		}
		for _, a := range u.AffectedComponents {
			id, ok := m.byCode[a.Code]
			if !ok {
				m.page.note(e.File, "affected_components", "component %q (%s) is not among the page's components; left out", a.Name, a.Code)
				continue
			}
			s := incident.ComponentStatus(a.NewStatus)
			if !s.Valid() {
				return Event{}, bad("new_status", u.ID, "unknown component status `%s`; Statuspage's are operational, degraded_performance, partial_outage, major_outage, under_maintenance", a.NewStatus)
			}
			up.Components = append(up.Components, incident.Affected{Component: id, Status: s})
		}
		e.Updates = append(e.Updates, up)
	}
	if err != nil {
		return Event{}, err
	}
	if in.Status == "postmortem" {
		m.page.note(e.File, "status", "postmortem: imported as a resolved incident with its postmortem as the story")
	}
	if pm := deref(in.PostmortemBody); strings.TrimSpace(pm) != "" {
		e.Body = Markdown(pm)
	}
	// The first status each component takes is the event's; later changes stay on their update.
	slices.SortStableFunc(e.Updates, func(a, b Update) int { return a.At.Compare(b.At) })
	for i := range e.Updates {
		var keep []incident.Affected
		for _, a := range e.Updates[i].Components {
			cur, seen := current[a.Component]
			switch {
			case !seen:
				current[a.Component] = a.Status
				e.Components = append(e.Components, a)
			case cur != a.Status:
				current[a.Component] = a.Status
				keep = append(keep, a)
			}
		}
		e.Updates[i].Components = keep
	}
	for _, c := range in.Components {
		id, ok := m.byCode[c.ID]
		if !ok || c.Group {
			continue
		}
		if _, seen := current[id]; seen {
			continue
		}
		st := statusFromImpact(e)
		current[id] = st
		e.Components = append(e.Components, incident.Affected{Component: id, Status: st})
		m.page.note(e.File, "components", "%q has no status in any update; taken as %s from the %s", c.Name, st, map[bool]string{true: "maintenance", false: "impact"}[e.Kind == incident.KindMaintenance])
	}
	return e, nil
}

func statusFromImpact(e Event) incident.ComponentStatus {
	if e.Kind == incident.KindMaintenance {
		return incident.UnderMaintenance
	}
	switch e.Impact {
	case incident.ImpactMajor, incident.ImpactCritical:
		return incident.MajorOutage
	case incident.ImpactMinor:
		return incident.PartialOutage
	}
	return incident.DegradedPerformance
}

// parseTime reads a Statuspage time, keeping its offset. ok is false for a time written without
// one, which is read in the page's zone.
func (m *spMapper) parseTime(s string) (t time.Time, ok bool, err error) {
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t, true, nil
	}
	for _, layout := range []string{"2006-01-02T15:04:05.999999999", "2006-01-02 15:04:05", "2006-01-02T15:04"} {
		if t, err := time.ParseInLocation(layout, s, m.loc); err == nil {
			return t, false, nil
		}
	}
	return time.Time{}, false, fmt.Errorf("not a time")
}

// statuspageFiles are the public API's answers as a saved directory holds them.
var statuspageFiles = []struct{ name, kind string }{
	{"components.json", "components"},
	{"incidents.json", "incidents"},
	{"scheduled-maintenances.json", "scheduled-maintenances"},
}

// MaxDocument is the largest JSON document the import reads.
const MaxDocument = 64 << 20

// ReadStatuspageDir reads the saved answers of a page's public API from a directory: any of
// components.json, incidents.json and scheduled-maintenances.json. dir names it in messages.
func ReadStatuspageDir(fsys fs.FS, dir string) ([]StatuspageDoc, error) {
	var docs []StatuspageDoc
	for _, f := range statuspageFiles {
		name := path.Join(dir, f.name)
		info, err := fs.Stat(fsys, f.name)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		if !info.Mode().IsRegular() {
			return nil, &Error{File: name, Message: "not a regular file; save the JSON answer there"}
		}
		if info.Size() > MaxDocument {
			return nil, &Error{File: name, Message: fmt.Sprintf("larger than %d MiB; this is not one answer of Statuspage's API", MaxDocument>>20)}
		}
		data, err := fs.ReadFile(fsys, f.name)
		if err != nil {
			return nil, err
		}
		docs = append(docs, StatuspageDoc{Name: name, Kind: f.kind, Data: data})
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("%s holds none of components.json, incidents.json and scheduled-maintenances.json; save them from https://<your page>/api/v2/", dir)
	}
	return docs, nil
}
