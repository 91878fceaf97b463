package importer

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"
	"time"

	"statuspress/internal/incident"
	"statuspress/internal/yamlnode"
)

// A cState site (github.com/cstate/cstate) is a Hugo site: config.yml names the page (title,
// baseURL) and under params its categories (name, description, closed, untitled) and systems
// (name, description, category, link); content/issues/*.md are the incidents, with front matter
// title, date, resolved, resolvedWhen, severity (down, disrupted, notice), affected (system
// names), informational, pin, section and draft, and a body whose timeline is paragraphs each
// ending in {{< track "2018-05-25 05:54:00" >}}. Its times carry no zone and are UTC, as its
// configuration's comments say.

// cstateConfigs are the names Hugo reads its configuration from, in its order.
var cstateConfigs = []string{"config.yml", "config.yaml", "hugo.yml", "hugo.yaml"}

// track is cState's timeline shortcode, in either delimiter style, with or without quotes.
var track = regexp.MustCompile(`\{\{[<%]\s*track\s+(?:"([^"]*)"|'([^']*)'|(\S+?))\s*[>%]\}\}`)

// statusPrefix is how cState's timeline starts a paragraph: *Resolved* - text.
var statusPrefix = regexp.MustCompile(`^\s*(?:\*\*|\*|__|_)([A-Za-z][A-Za-z ]*?)(?:\*\*|\*|__|_)\s*[-–—:]?\s*`)

var cstateStatuses = map[string]incident.UpdateStatus{
	"investigating": incident.StatusInvestigating, "identified": incident.StatusIdentified,
	"monitoring": incident.StatusMonitoring, "resolved": incident.StatusResolved,
	"fixed": incident.StatusResolved, "completed": incident.StatusResolved,
}

// cstateKnown are the front-matter fields the import reads; any other is named in the summary.
var cstateKnown = []string{"title", "date", "resolved", "resolvedWhen", "severity", "affected", "informational", "section", "draft"}

// FromCState maps the cState site in fsys (its root folder, named dir in messages) into a Page.
func FromCState(fsys fs.FS, dir string) (*Page, error) {
	p := &Page{From: "cState", TimeZone: "UTC"}
	var cfgName string
	var cfg []byte
	for _, name := range cstateConfigs {
		if info, err := fs.Stat(fsys, name); err == nil && info.Size() > 1<<20 {
			return nil, &Error{File: path.Join(dir, name), Message: "larger than 1 MiB; not a cState configuration"}
		}
		b, err := fs.ReadFile(fsys, name)
		if err == nil {
			cfgName, cfg = name, b
			break
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	if cfg == nil {
		for _, name := range []string{"config.toml", "hugo.toml", "config.json"} {
			if _, err := fs.Stat(fsys, name); err == nil {
				return nil, &Error{File: path.Join(dir, name), Message: "the import reads a cState configuration written in YAML (config.yml, as cState ships it); convert this one to YAML"}
			}
		}
		return nil, fmt.Errorf("%s is not a cState site: it has no config.yml; give the folder that holds config.yml and content/issues", dir)
	}
	cfgPath := path.Join(dir, cfgName)
	doc, err := yamlnode.Parse(cfg, yamlnode.Options{MaxDepth: 32, SwallowedKey: true})
	if err != nil {
		return nil, yamlError(cfgPath, 0, err)
	}
	root := doc.Root
	if root == nil || root.Kind != yamlnode.Mapping {
		return nil, &Error{File: cfgPath, Line: 1, Col: 1, Message: "not a cState configuration: it is not a mapping of settings"}
	}
	p.Name = scalar(field(root, "title"))
	p.Lang = strings.ToLower(scalar(field(root, "languageCode")))
	p.URL = scalar(field(root, "baseURL"))
	if p.URL == "" {
		p.URL = scalar(field(root, "baseurl"))
	}
	params := field(root, "params")
	systems := field(params, "systems")
	if systems == nil {
		systems = field(root, "systems")
	}
	if systems == nil || systems.Kind != yamlnode.Sequence {
		return nil, fmt.Errorf("%s is not a cState site: %s has no `params.systems` list; give the folder of a cState site", dir, cfgPath)
	}
	if _, err := fs.Stat(fsys, "content/issues"); err != nil {
		return nil, fmt.Errorf("%s is not a cState site: it has no content/issues folder", dir)
	}
	m := &cstateMapper{page: p, byName: map[string]string{}, taken: ids{}, cfg: cfgPath}
	if err := m.config(field(params, "categories"), systems); err != nil {
		return nil, err
	}
	var errs []error
	err = fs.WalkDir(fsys, "content/issues", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !strings.HasSuffix(name, ".md") || strings.HasPrefix(d.Name(), "_") || strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		if !d.Type().IsRegular() {
			p.note(path.Join(dir, name), "", "not a regular file; not imported")
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		if info.Size() > 1<<20 {
			errs = append(errs, &Error{File: path.Join(dir, name), Message: "larger than 1 MiB; not an issue file"})
			return nil
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		e, ok, err := m.issue(path.Join(dir, name), strings.TrimPrefix(name, "content/"), data)
		if err != nil {
			errs = append(errs, err)
		} else if ok {
			p.Events = append(p.Events, e)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	p.Fix()
	return p, nil
}

type cstateMapper struct {
	page   *Page
	cfg    string
	byName map[string]string // system name -> component id
	taken  ids
}

// config makes groups of the categories and components of the systems.
func (m *cstateMapper) config(categories, systems *yamlnode.Node) error {
	groups := map[string]string{}
	if categories != nil {
		for _, c := range categories.Items {
			name := scalar(field(c, "name"))
			if name == "" {
				continue
			}
			if b := field(c, "untitled"); b != nil && b.Kind == yamlnode.Bool && b.Boolean {
				m.page.note(m.cfg, "params.categories", "category %q is untitled; its systems are imported without a group", name)
				groups[name] = ""
				continue
			}
			id := m.taken.id(name, "group")
			groups[name] = id
			m.page.Groups = append(m.page.Groups, Group{ID: id, Name: name, Description: scalar(field(c, "description"))})
		}
	}
	for i, s := range systems.Items {
		var name, desc, cat string
		switch s.Kind {
		case yamlnode.Scalar:
			name = s.Text
		case yamlnode.Mapping:
			name, desc, cat = scalar(field(s, "name")), scalar(field(s, "description")), scalar(field(s, "category"))
		}
		if strings.TrimSpace(name) == "" {
			at := yamlnode.Start(s)
			return &Error{File: m.cfg, Line: at.Line, Col: at.Col, Message: "a system without a `name`; give it one"}
		}
		if _, dup := m.byName[name]; dup {
			m.page.note(m.cfg, "params.systems", "system %q is listed twice; imported once", name)
			continue
		}
		id := m.taken.id(name, "component")
		m.byName[name] = id
		c := Component{ID: id, Name: oneLine(name), Description: desc, Position: i + 1}
		if cat != "" {
			g, ok := groups[cat]
			if !ok {
				m.page.note(m.cfg, "params.systems", "system %q is in category %q, which params.categories does not list; imported without a group", name, cat)
			}
			c.Group = g
		}
		m.page.Components = append(m.page.Components, c)
	}
	return nil
}

var cstateSeverity = map[string]struct {
	impact incident.Impact
	status incident.ComponentStatus
}{
	"down":      {incident.ImpactMajor, incident.MajorOutage},
	"disrupted": {incident.ImpactMinor, incident.PartialOutage},
	"notice":    {incident.ImpactNone, incident.DegradedPerformance},
}

// issue maps one issue file. ok is false for a draft, which is not imported.
func (m *cstateMapper) issue(file, rel string, data []byte) (Event, bool, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	if bytes.HasPrefix(data, []byte("+++")) {
		return Event{}, false, &Error{File: file, Line: 1, Col: 1, Message: "TOML front matter (+++); the import reads YAML front matter (---), as cState writes it: convert this file"}
	}
	fm, body, ok := cutFrontMatter(data)
	if !ok {
		return Event{}, false, &Error{File: file, Line: 1, Col: 1, Message: "no front matter: an issue starts with a line `---`, its fields (title, date, ...), and another `---`"}
	}
	doc, err := yamlnode.Parse(fm, yamlnode.Options{MaxDepth: 32, SwallowedKey: true})
	if err != nil {
		return Event{}, false, yamlError(file, 1, err)
	}
	root := doc.Root
	if root == nil || root.Kind != yamlnode.Mapping {
		return Event{}, false, &Error{File: file, Line: 2, Col: 1, Message: "the front matter is not a mapping of `key: value` lines"}
	}
	bad := func(n *yamlnode.Node, format string, args ...any) error {
		at := yamlnode.At(n)
		return &Error{File: file, Line: at.Line + 1, Col: at.Col, Message: fmt.Sprintf(format, args...)}
	}
	for _, e := range root.Entries {
		if !slices.Contains(cstateKnown, e.Key) {
			m.page.note(file, e.Key, "cState field with no counterpart in statuspress; not imported")
		}
	}
	if b := field(root, "draft"); b != nil && (b.Kind == yamlnode.Bool && b.Boolean || b.Text == "true") {
		m.page.note(file, "draft", "a draft; not imported")
		return Event{}, false, nil
	}
	e := Event{Source: "cstate:" + rel, File: file, Kind: incident.KindIncident, Title: scalar(field(root, "title"))}
	timeOf := func(key string) (time.Time, error) {
		n := field(root, key)
		s := strings.TrimSpace(scalar(n))
		if s == "" {
			return time.Time{}, nil
		}
		t, zoned, ok := cstateTime(s)
		if !ok {
			return time.Time{}, bad(n, "`%s` %q is not a time; cState writes 2018-05-25 04:13:00 (UTC)", key, s)
		}
		if !zoned {
			m.page.note(file, key, "%q has no UTC offset; read as UTC, as cState's documentation has it", s)
		}
		return t, nil
	}
	if e.Started, err = timeOf("date"); err != nil {
		return Event{}, false, err
	}
	resolvedWhen, err := timeOf("resolvedWhen")
	if err != nil {
		return Event{}, false, err
	}
	informational := truthy(field(root, "informational"))
	resolved := truthy(field(root, "resolved"))
	sevNode := field(root, "severity")
	sev := strings.ToLower(strings.TrimSpace(scalar(sevNode)))
	level, known := cstateSeverity[sev]
	switch {
	case sev == "" && !informational:
		level = cstateSeverity["disrupted"]
		m.page.note(file, "severity", "missing; taken as disrupted")
	case sev != "" && !known:
		return Event{}, false, bad(sevNode, "unknown severity `%s`; cState's are down, disrupted and notice", sev)
	}
	var comps []incident.Affected
	if aff := field(root, "affected"); aff != nil {
		items := aff.Items
		if aff.Kind == yamlnode.Scalar {
			items = []*yamlnode.Node{aff}
		}
		for _, it := range items {
			name := scalar(it)
			id, ok := m.byName[name]
			if !ok {
				id = m.taken.id(name, "component")
				m.byName[name] = id
				m.page.Components = append(m.page.Components, Component{ID: id, Name: oneLine(name), Position: len(m.page.Components) + 1})
				m.page.note(file, "affected", "%q is not a system of %s; added as a component", name, path.Base(m.cfg))
			}
			comps = append(comps, incident.Affected{Component: id, Status: level.status})
		}
	}
	if e.Started.IsZero() {
		return Event{}, false, &Error{File: file, Line: 1, Col: 1, Message: "the issue has no `date`; add when it began, e.g. `date: 2018-05-25 04:13:00`"}
	}
	story := string(body)
	if informational {
		e.Kind = incident.KindNotice
		for i := range comps {
			comps[i].Status = incident.Operational
		}
		e.Components = comps
		// A notice has no timeline: its tracked times stay in its text.
		e.Body = Markdown(track.ReplaceAllStringFunc(story, func(sc string) string {
			if t, _, ok := cstateTime(trackArg(track.FindStringSubmatch(sc))); ok {
				return "(" + t.UTC().Format("2006-01-02 15:04 UTC") + ")"
			}
			return ""
		}))
		if resolved || !resolvedWhen.IsZero() {
			m.page.note(file, "resolved", "an informational post is a notice in statuspress, which is never resolved")
		}
		return e, true, nil
	}
	e.Impact, e.Components = level.impact, comps
	// The timeline: each paragraph that ends in a track shortcode is an update at its time.
	last := 0
	var prev incident.UpdateStatus
	var ups []Update
	for _, loc := range track.FindAllStringSubmatchIndex(story, -1) {
		text := story[last:loc[0]]
		last = loc[1]
		arg := trackArg(submatches(story, loc))
		t, zoned, ok := cstateTime(arg)
		if !ok {
			line := 1 + strings.Count(string(data[:len(data)-len(body)]), "\n") + strings.Count(story[:loc[0]], "\n")
			return Event{}, false, &Error{File: file, Line: line, Col: 1, Message: fmt.Sprintf("the track shortcode's time %q is not a time; write it as {{< track \"2018-05-25 05:54:00\" >}}", arg)}
		}
		if !zoned {
			t = t.UTC()
		}
		ups = append(ups, Update{At: t, Text: text})
	}
	if len(ups) > 0 {
		story = story[last:]
	}
	slices.SortStableFunc(ups, func(a, b Update) int { return a.At.Compare(b.At) })
	for i := range ups {
		u := &ups[i]
		text := strings.TrimSpace(u.Text)
		if mm := statusPrefix.FindStringSubmatch(text); mm != nil {
			if st, ok := cstateStatuses[strings.ToLower(strings.TrimSpace(mm[1]))]; ok {
				u.Status = st
				text = text[len(mm[0]):]
			}
		}
		if u.Status == "" {
			u.Status = prev
			if u.Status == "" || u.Status.Final() {
				u.Status = incident.StatusInvestigating
				if prev.Final() {
					u.Status = incident.StatusMonitoring
				}
			}
			m.page.note(file, "body", "the update at %s names no status (*Investigating* - ...); taken as %s", fmtTime(u.At), u.Status)
		}
		prev = u.Status
		u.Text = Markdown(text)
	}
	e.Updates = ups
	e.Body = Markdown(story)
	switch {
	case resolved && !resolvedWhen.IsZero():
		e.Resolved = resolvedWhen
	case resolved:
		e.Resolved = e.Started
		if n := len(ups); n > 0 {
			e.Resolved = ups[n-1].At
		}
		m.page.note(file, "resolvedWhen", "missing although resolved is true; taken as %s", fmtTime(e.Resolved))
	case !resolvedWhen.IsZero():
		m.page.note(file, "resolvedWhen", "set, but resolved is not true; imported as ongoing, as cState shows it")
	}
	return e, true, nil
}

func submatches(s string, loc []int) []string {
	out := make([]string, len(loc)/2)
	for i := range out {
		if loc[2*i] >= 0 {
			out[i] = s[loc[2*i]:loc[2*i+1]]
		}
	}
	return out
}

func trackArg(m []string) string {
	for _, s := range m[1:] {
		if s != "" {
			return s
		}
	}
	return ""
}

// cutFrontMatter splits `---\n...\n---\n` from the body.
func cutFrontMatter(data []byte) (fm, body []byte, ok bool) {
	first, rest, found := bytes.Cut(data, []byte("\n"))
	if !found || strings.TrimRight(string(first), " \t") != "---" {
		return nil, nil, false
	}
	off := 0
	for off <= len(rest) {
		l, _, more := bytes.Cut(rest[off:], []byte("\n"))
		if t := strings.TrimRight(string(l), " \t"); t == "---" || t == "..." {
			end := off + len(l)
			if more {
				end++
			}
			return rest[:off], rest[end:], true
		}
		if !more {
			break
		}
		off += len(l) + 1
	}
	return nil, nil, false
}

// cstateTime reads a cState time: with or without a zone, with or without seconds or a time.
func cstateTime(s string) (t time.Time, zoned, ok bool) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02 15:04:05Z07:00", "2006-01-02 15:04:05 -0700", "2006-01-02 15:04:05 -07:00", "2006-01-02 15:04:05 -0700 MST"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true, true
		}
	}
	for _, layout := range []string{"2006-01-02 15:04:05", "2006-01-02T15:04:05", "2006-01-02 15:04", "2006-01-02T15:04", "2006-01-02"} {
		if t, err := time.ParseInLocation(layout, s, time.UTC); err == nil {
			return t, false, true
		}
	}
	return time.Time{}, false, false
}

func field(n *yamlnode.Node, key string) *yamlnode.Node {
	if n == nil || n.Kind != yamlnode.Mapping {
		return nil
	}
	for _, e := range n.Entries {
		if e.Key == key {
			return e.Value
		}
	}
	return nil
}

func scalar(n *yamlnode.Node) string {
	if n == nil || (n.Kind != yamlnode.Scalar && n.Kind != yamlnode.Block && n.Kind != yamlnode.Bool) {
		return ""
	}
	return n.Text
}

func truthy(n *yamlnode.Node) bool {
	if n == nil {
		return false
	}
	if n.Kind == yamlnode.Bool {
		return n.Boolean
	}
	return strings.EqualFold(strings.TrimSpace(n.Text), "true")
}

// yamlError places a YAML error in its file; offset is the number of lines before the YAML.
func yamlError(file string, offset int, err error) error {
	var syn *yamlnode.SyntaxError
	var deep *yamlnode.TooDeepError
	switch {
	case errors.As(err, &syn):
		return &Error{File: file, Line: syn.At.Line + offset, Col: syn.At.Col, Message: syn.Message + "; fix it in cState's format and import again"}
	case errors.As(err, &deep):
		return &Error{File: file, Line: deep.At.Line + offset, Col: deep.At.Col, Message: deep.Error()}
	}
	return &Error{File: file, Message: err.Error()}
}
