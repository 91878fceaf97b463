package authoring

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"statuspress/internal/incident"
)

// Draft is a new incident, maintenance or notice as support staff describe it on the command line.
type Draft struct {
	Kind  incident.Kind
	Title string
	// Lang is the language the file is written in; it is always written out, so the file keeps
	// its meaning if the site's default language changes.
	Lang string
	// Loc is Lang's time zone: every time is written in it, with its offset.
	Loc *time.Location
	// Impact is an incident's; empty leaves it to be derived from the components.
	Impact     incident.Impact
	Components []incident.Affected
	// Started is when an incident's impact began or a notice takes effect.
	Started time.Time
	// Scheduled is a maintenance's announced window.
	Scheduled incident.Window
	Summary   string
	// At, Status and Text make the first update of an incident or maintenance; a final status
	// also sets `resolved` to At. A notice has no updates: Text is its body.
	At     time.Time
	Status incident.UpdateStatus
	Text   string
}

// Check reports what keeps the draft from being a valid file, in the words of the command line.
func (d *Draft) Check() error {
	var errs []error
	bad := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	if !d.Kind.Valid() {
		bad("kind %q is not one of incident, maintenance, notice", d.Kind)
	}
	if strings.TrimSpace(d.Title) == "" {
		bad("the title is empty")
	} else if strings.ContainsAny(d.Title, "\r\n") {
		bad("the title must be one line")
	}
	for _, f := range [][2]string{{"the title", d.Title}, {"the summary", d.Summary}, {"the text", d.Text}} {
		if err := CheckText(f[0], f[1]); err != nil {
			errs = append(errs, err)
		}
	}
	if d.Kind == incident.KindNotice && d.Status != "" {
		bad("a notice has no updates, so no status")
	} else if d.Kind.Valid() && d.Kind != incident.KindNotice {
		if statuses := words(incident.UpdateStatuses(d.Kind)); !slices.Contains(statuses, string(d.Status)) {
			bad("`%s` is not a status of a%s %s; %s", d.Status, article(d.Kind), d.Kind, oneOf(statuses, ""))
		}
	}
	if d.Impact != "" && d.Kind != incident.KindIncident {
		bad("only an incident has an impact; a %s has none", d.Kind)
	}
	if CleanText(d.Text) == "" {
		if d.Kind == incident.KindNotice {
			bad("a notice needs its text (the body of the page)")
		} else {
			bad("a%s %s needs the text of its first update", article(d.Kind), d.Kind)
		}
	}
	switch d.Kind {
	case incident.KindMaintenance:
		if d.Scheduled.Start.IsZero() || d.Scheduled.End.IsZero() {
			bad("a maintenance needs its announced window, start and end")
		} else if !d.Scheduled.End.After(d.Scheduled.Start) {
			bad("the maintenance window ends (%s) before it starts (%s)", d.fmt(d.Scheduled.End), d.fmt(d.Scheduled.Start))
		}
	default:
		if d.Started.IsZero() {
			bad("a%s %s needs its start time", article(d.Kind), d.Kind)
		}
	}
	if d.Kind == incident.KindIncident && d.At.Before(d.Started) {
		bad("the incident starts (%s) after its first update (%s); give an earlier start", d.fmt(d.Started), d.fmt(d.At))
	}
	return errors.Join(errs...)
}

func article(k incident.Kind) string {
	if k == incident.KindIncident {
		return "n"
	}
	return ""
}

func (d *Draft) fmt(t time.Time) string { return t.In(d.Loc).Format(time.RFC3339) }

// Render writes the draft as an incident file: the fields in the order the content format
// documents them, two-space indentation, LF line endings.
func (d *Draft) Render() ([]byte, error) {
	if d.Loc == nil {
		d.Loc = time.UTC
	}
	if err := d.Check(); err != nil {
		return nil, err
	}
	var b strings.Builder
	line := func(format string, args ...any) {
		fmt.Fprintf(&b, format, args...)
		b.WriteByte('\n')
	}
	line("---")
	line("title: %s", Scalar(d.Title))
	line("lang: %s", d.Lang)
	line("kind: %s", d.Kind)
	if d.Impact != "" {
		line("impact: %s", d.Impact)
	}
	if len(d.Components) > 0 {
		line("components:")
		for _, a := range d.Components {
			line("  %s: %s", a.Component, a.Status)
		}
	}
	if d.Kind != incident.KindMaintenance {
		line("started: %s", d.fmt(d.Started))
	}
	if d.Kind != incident.KindNotice && d.Status.Final() {
		line("resolved: %s", d.fmt(d.At))
	}
	if d.Kind == incident.KindMaintenance {
		line("scheduled:")
		line("  start: %s", d.fmt(d.Scheduled.Start))
		line("  end: %s", d.fmt(d.Scheduled.End))
	}
	if s := strings.Join(strings.Fields(d.Summary), " "); s != "" {
		line("summary: %s", Scalar(s))
	}
	text := CleanText(d.Text)
	if d.Kind != incident.KindNotice {
		line("updates:")
		line("  - at: %s", d.fmt(d.At))
		line("    status: %s", d.Status)
		line("    text:%s", textValue(text, 4, 2, "\n"))
	}
	line("---")
	if d.Kind == incident.KindNotice {
		b.WriteByte('\n')
		line("%s", text)
	}
	return []byte(b.String()), nil
}
