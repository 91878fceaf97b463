package authoring

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"

	"statuspress/internal/content"
	"statuspress/internal/incident"
)

// Plan is a change to one file of a content directory, checked by loading the directory as it
// would be after the change, and ready to Write.
type Plan struct {
	// Path is the file's path in the content directory, with forward slashes.
	Path string
	// Data is what the file will hold; Old is what it holds now, nil for a new file.
	Data, Old []byte
	// Incident is the incident as the site will load it.
	Incident *incident.Incident
	// Resolved is set when the change also set the incident's `resolved:`.
	Resolved bool
	// Notes are warnings the change brings to other files: translations that now lack an update.
	Notes content.Problems
}

// ProblemsError is a change refused because the site would report problems with its result.
type ProblemsError struct {
	What     string
	Problems content.Problems
}

func (e *ProblemsError) Error() string {
	return fmt.Sprintf("%s; nothing was written:\n%s", e.What, strings.TrimSuffix(e.Problems.String(), "\n"))
}

// ParseKind reads a kind as typed on the command line.
func ParseKind(s string) (incident.Kind, error) {
	if k := incident.Kind(s); k.Valid() {
		return k, nil
	}
	return "", fmt.Errorf("`%s` is not a kind; %s", s, didYouMean(s, words(incident.Kinds), ""))
}

// ParseStatus reads an update status valid for kind.
func ParseStatus(s string, kind incident.Kind) (incident.UpdateStatus, error) {
	statuses := words(incident.UpdateStatuses(kind))
	if len(statuses) == 0 {
		return "", fmt.Errorf("a %s has no updates, so no status", kind)
	}
	if slices.Contains(statuses, s) {
		return incident.UpdateStatus(s), nil
	}
	return "", fmt.Errorf("`%s` is not a status of a%s %s; %s", s, article(kind), kind, didYouMean(s, statuses, ""))
}

// ParseImpact reads an incident's impact.
func ParseImpact(s string) (incident.Impact, error) {
	if i := incident.Impact(s); i.Valid() {
		return i, nil
	}
	return "", fmt.Errorf("`%s` is not an impact; %s", s, didYouMean(s, words(incident.Impacts), ""))
}

// ParseComponents reads `id:status,id2:status`. The ids must be components of the site. A bare
// id is under_maintenance in a maintenance and operational in a notice; an incident must say
// how each component is affected.
func ParseComponents(spec string, site *incident.Site, kind incident.Kind) ([]incident.Affected, error) {
	ids := make([]string, len(site.Components))
	for i, c := range site.Components {
		ids[i] = c.ID
	}
	statuses := words(incident.ComponentStatuses)
	var out []incident.Affected
	var errs []error
	for item := range strings.SplitSeq(spec, ",") {
		id, status, hasStatus := strings.Cut(strings.TrimSpace(item), ":")
		id, status = strings.TrimSpace(id), strings.TrimSpace(status)
		if id == "" && !hasStatus {
			continue
		}
		switch {
		case !slices.Contains(ids, id):
			errs = append(errs, fmt.Errorf("unknown component `%s`; %s", id, didYouMean(id, ids, "site.yaml declares no components: add it under `components` there")))
			continue
		case slices.ContainsFunc(out, func(a incident.Affected) bool { return a.Component == id }):
			errs = append(errs, fmt.Errorf("component `%s` is named twice", id))
			continue
		}
		st := incident.ComponentStatus(status)
		switch {
		case status == "" && kind == incident.KindMaintenance:
			st = incident.UnderMaintenance
		case status == "" && kind == incident.KindNotice:
			st = incident.Operational
		case status == "":
			errs = append(errs, fmt.Errorf("say how `%s` is affected, e.g. `%s:partial_outage`, or %s", id, id, oneOf(statuses, "")))
			continue
		case !st.Valid():
			errs = append(errs, fmt.Errorf("`%s` is not a component status; %s", status, didYouMean(status, statuses, "")))
			continue
		}
		out = append(out, incident.Affected{Component: id, Status: st})
	}
	return out, errors.Join(errs...)
}

// timeLayouts are what people type when they forget the offset.
var timeLayouts = []string{"2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02T15:04", "2006-01-02 15:04"}

// ParseTime reads an RFC 3339 time. For one typed without its UTC offset it suggests the time in
// loc, the zone the author most likely meant.
func ParseTime(s string, loc *time.Location) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339, strings.TrimSpace(s)); err == nil {
		return t, nil
	}
	for _, layout := range timeLayouts {
		if t, err := time.ParseInLocation(layout, strings.TrimSpace(s), loc); err == nil {
			return time.Time{}, fmt.Errorf("`%s` has no UTC offset; write %s", s, t.Format(time.RFC3339))
		}
	}
	return time.Time{}, fmt.Errorf("`%s` is not a time; write it as RFC 3339 with the UTC offset, e.g. %s", s,
		time.Date(2026, 1, 10, 10, 0, 0, 0, loc).Format(time.RFC3339))
}

// Find returns the incident with the given slug, or says why there is none: a typo, or a file
// whose errors keep it off the site.
func Find(fsys fs.FS, cat *content.Catalog, slug string) (*incident.Incident, error) {
	if in, ok := cat.Incident(slug); ok {
		return in, nil
	}
	slugs, err := Slugs(fsys, cat)
	if err != nil {
		return nil, err
	}
	if p, ok := slugs[slug]; ok {
		ps := cat.Problems.In(p)
		if ps.Errors() == 0 {
			return nil, fmt.Errorf("%s is not published (it is a translation without its original, or in a folder the site does not read)", p)
		}
		return nil, &ProblemsError{What: p + " has errors, so it cannot be updated; fix them first (`statuspress lint`)", Problems: ps}
	}
	known := make([]string, len(cat.Incidents))
	for i, in := range cat.Incidents {
		known[i] = in.Slug
	}
	return nil, fmt.Errorf("no incident `%s`; %s", slug, didYouMean(slug, known, "the site has no incidents yet: `statuspress new` writes one"))
}

// PlanNew checks a new file at path rel (slash-separated, in fsys) holding the draft. It refuses
// to replace a file, and refuses a draft the site would not publish cleanly.
func PlanNew(fsys fs.FS, cat *content.Catalog, d Draft, rel string) (*Plan, error) {
	data, err := d.Render()
	if err != nil {
		return nil, err
	}
	if _, err := fs.Stat(fsys, rel); err == nil {
		return nil, fmt.Errorf("%s already exists; statuspress new never overwrites a file", rel)
	}
	// A folder on the way that is a link: the site does not follow it, and nothing is written
	// through one out of the content directory.
	if _, err := content.Resolve(fsys, path.Dir(rel)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s would not be read: %w; write it into a real folder of the content directory", rel, err)
	}
	after, notes, err := verify(fsys, cat, rel, data, d.At, "the new file")
	if err != nil {
		return nil, err
	}
	slug := strings.TrimSuffix(path.Base(rel), ".md")
	in, ok := after.Incident(slug)
	if !ok || in.Source != rel {
		return nil, fmt.Errorf("%s would not be read as incident `%s`: the site does not read files in folders starting with `.` or `_`, in folders reached through a symbolic link, or inside another incident's folder", rel, slug)
	}
	if t := in.Original(); t.Title != d.Title {
		return nil, fmt.Errorf("internal error: the title reads back as %q, not %q; nothing was written", t.Title, d.Title)
	}
	return &Plan{Path: rel, Data: data, Incident: in, Resolved: !in.Resolved.IsZero(), Notes: notes}, nil
}

// UpdateTime is the time of an update written at now, when the author gives none. It is now to the
// minute, as people write times by hand and the page shows them, unless the timeline already has
// an update in that minute (updates a few seconds apart, in an outage): then it is now to the
// second, or the second after the latest update when that is later, so a burst of updates keeps
// its order. A latest update a minute or more ahead of now is left for PlanUpdate to refuse, with
// its reason: going past it would write a time that has not come.
func UpdateTime(in *incident.Incident, now time.Time) time.Time {
	minute := now.Truncate(time.Minute)
	last, ok := in.Latest()
	if !ok || minute.After(last.At) {
		return minute
	}
	at := now.Truncate(time.Second)
	if next := last.At.Truncate(time.Second).Add(time.Second); last.At.Before(now.Add(time.Minute)) && next.After(at) {
		at = next
	}
	return at
}

// PlanUpdate checks appending u to in's original file. The update must come after the latest
// one. A final status (resolved, completed) also sets `resolved:` to the update's time unless the
// file has it already; any other status is refused for an incident that is resolved. u.At is
// written in the time zone of the incident's language, to the second.
func PlanUpdate(fsys fs.FS, cat *content.Catalog, in *incident.Incident, u Update) (*Plan, error) {
	if in.Kind == incident.KindNotice {
		return nil, fmt.Errorf("%s is a notice; notices have no timeline to update", in.Slug)
	}
	if _, err := ParseStatus(string(u.Status), in.Kind); err != nil {
		return nil, err
	}
	loc := cat.Site.Location(in.Lang)
	u.At = u.At.In(loc).Truncate(time.Second)
	if last, ok := in.Latest(); ok && !u.At.After(last.At) {
		return nil, fmt.Errorf("the update's time %s is not after the latest update's, %s in %s: the timeline is kept in time order, and an update's time is its "+
			"permanent id, so it cannot be moved later; if %s is a typo, correct it in the file, otherwise give a time after it",
			u.At.Format(time.RFC3339), last.At.In(loc).Format(time.RFC3339), in.Source, last.At.In(loc).Format(time.RFC3339))
	}
	if in.Kind == incident.KindIncident && u.At.Before(in.Started) {
		return nil, fmt.Errorf("the update's time %s is before the incident started (%s)", u.At.Format(time.RFC3339), in.Started.In(loc).Format(time.RFC3339))
	}
	old, err := fs.ReadFile(fsys, in.Source)
	if err != nil {
		return nil, err
	}
	f, err := ParseFile(old)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", in.Source, err)
	}
	hadResolved := f.Has("resolved")
	switch {
	case u.Status.Final() && !hadResolved:
		u.Resolved = u.At
	case !u.Status.Final() && hadResolved:
		return nil, fmt.Errorf("%s was resolved at %s; an update saying `%s` would reopen it: remove `resolved:` from %s first, or use status %s",
			in.Slug, in.Resolved.In(loc).Format(time.RFC3339), u.Status, in.Source, finalStatus(in.Kind))
	}
	data, err := f.AppendUpdate(u)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", in.Source, err)
	}
	var mod time.Time
	if info, err := fs.Stat(fsys, in.Source); err == nil {
		mod = info.ModTime()
	}
	after, notes, err := verify(fsys, cat, in.Source, data, mod, "the updated file")
	if err != nil {
		return nil, err
	}
	got, ok := after.Incident(in.Slug)
	if !ok {
		return nil, fmt.Errorf("internal error: %s no longer loads; nothing was written", in.Source)
	}
	if err := sameBut(in, got, u, hadResolved); err != nil {
		return nil, fmt.Errorf("internal error: the edit changed more than it should (%v); nothing was written", err)
	}
	return &Plan{Path: in.Source, Data: data, Old: old, Incident: got, Resolved: !u.Resolved.IsZero(), Notes: notes}, nil
}

func finalStatus(k incident.Kind) incident.UpdateStatus {
	if k == incident.KindMaintenance {
		return incident.StatusCompleted
	}
	return incident.StatusResolved
}

// verify loads fsys with rel holding data. The file must have no error and no warning it did not
// have before, and no other file may get a new error; new warnings elsewhere are returned.
func verify(fsys fs.FS, before *content.Catalog, rel string, data []byte, mod time.Time, what string) (*content.Catalog, content.Problems, error) {
	after := content.Load(overlay{base: fsys, name: rel, data: data, mod: mod}, content.Options{})
	type key struct {
		path, msg string
		line, col int
		sev       content.Severity
	}
	keyOf := func(p content.Problem) key {
		if p.Path == rel {
			// The edited file's lines move; its problems are the same by their words.
			return key{path: p.Path, msg: p.Message, sev: p.Severity}
		}
		return key{path: p.Path, msg: p.Message, line: p.Line, col: p.Col, sev: p.Severity}
	}
	had := map[key]bool{}
	for _, p := range before.Problems {
		had[keyOf(p)] = true
	}
	var bad, notes content.Problems
	for _, p := range after.Problems {
		switch {
		case p.Path == rel && p.Severity == content.Error, !had[keyOf(p)] && (p.Path == rel || p.Severity == content.Error):
			bad = append(bad, p)
		case !had[keyOf(p)]:
			notes = append(notes, p)
		}
	}
	if len(bad) > 0 {
		return nil, nil, &ProblemsError{What: what + " would not be published cleanly", Problems: bad}
	}
	return after, notes, nil
}

// sameBut checks that the edit of an incident changed only what adding u does.
func sameBut(old, got *incident.Incident, u Update, hadResolved bool) error {
	switch {
	case got.Kind != old.Kind || got.Lang != old.Lang || got.Impact != old.Impact:
		return errors.New("kind, language or impact changed")
	case !slices.Equal(got.Components, old.Components):
		return errors.New("components changed")
	case !got.Started.Equal(old.Started) || !got.Scheduled.Start.Equal(old.Scheduled.Start) || !got.Scheduled.End.Equal(old.Scheduled.End):
		return errors.New("times changed")
	case !u.Resolved.IsZero() && !got.Resolved.Equal(u.Resolved), hadResolved && !got.Resolved.Equal(old.Resolved):
		return errors.New("`resolved` is not as intended")
	case len(got.Updates) != len(old.Updates)+1:
		return fmt.Errorf("%d updates, want %d", len(got.Updates), len(old.Updates)+1)
	}
	for i, o := range old.Updates {
		g := got.Updates[i]
		if !g.At.Equal(o.At) || g.Status != o.Status || !slices.Equal(g.Components, o.Components) {
			return fmt.Errorf("update %d changed", i+1)
		}
	}
	last := got.Updates[len(got.Updates)-1]
	if !last.At.Equal(u.At) || last.Status != u.Status || !slices.Equal(last.Components, u.Components) {
		return errors.New("the new update reads back differently")
	}
	ot, gt := old.Original(), got.Original()
	if gt.Title != ot.Title || gt.Summary != ot.Summary || gt.Body != ot.Body {
		return errors.New("title, summary or body changed")
	}
	for at, html := range ot.Updates {
		if gt.Updates[at] != html {
			return errors.New("the text of an earlier update changed")
		}
	}
	if _, ok := gt.Updates[u.At.UnixNano()]; !ok {
		return errors.New("the new update has no text")
	}
	return nil
}
