// Package importer moves a status page's history into statuspress content: it reads a
// Statuspage export or a cState site into one neutral model (Page), adjusts what would not pass
// lint (saying what it changed, where), and writes incident files and site.yaml into a content
// directory only after the whole result has loaded without errors.
//
// Every file it writes records where it came from (`source:`) and a hash of what was written
// (`source_hash:`), so the next import adds only what is new, updates what it wrote before, and
// leaves alone any file someone has edited since.
//
// The package reads bytes and file systems; fetching over HTTP is the importer/fetch package's,
// and the command line's is cmd/statuspress's.
package importer

import (
	"fmt"
	"time"

	"statuspress/internal/content/authoring"
	"statuspress/internal/incident"
)

// Page is a status page's history, whatever it came from.
type Page struct {
	// Name, URL and TimeZone describe the page, for a new site.yaml; any may be empty.
	Name, URL, TimeZone string
	// From names the source for messages and site.yaml's comment: "Statuspage", "cState".
	From string
	// Lang is the language the source says its texts are in, when it says; empty otherwise.
	Lang       string
	Groups     []Group
	Components []Component
	Events     []Event
	// Notes are the adjustments made to fit statuspress's rules, and facts the operator needs.
	Notes []Note
}

// Group is a group of components. ID is made from the name.
type Group struct {
	ID, Name, Description string
}

// Component is one component. ID is made from the name; Group is a Group's ID or empty.
type Component struct {
	ID, Name, Description, Group string
	Position                     int
	HiddenUnlessDegraded         bool
}

// Event is one incident, maintenance or notice of the source.
type Event struct {
	// Source identifies it across imports, e.g. "statuspage:p0abc123" or "cstate:issues/x.md".
	Source string
	// File is the source file or URL it came from, for messages.
	File  string
	Kind  incident.Kind
	Title string
	// Impact is an incident's; empty for other kinds.
	Impact incident.Impact
	// Components are the statuses the event gives components when it begins.
	Components []incident.Affected
	// Started is when an incident began or a notice takes effect; Resolved when it ended.
	Started, Resolved time.Time
	// Scheduled is a maintenance's announced window.
	Scheduled incident.Window
	// Updates are oldest first.
	Updates []Update
	// Body is the story (a postmortem, a notice's text) in Markdown; see Markdown and Plain.
	Body string
}

// Update is one entry of an event's timeline. Text is Markdown.
type Update struct {
	At         time.Time
	Status     incident.UpdateStatus
	Text       string
	Components []incident.Affected
}

// Note is one adjustment or fact, with the source file and field it concerns.
type Note struct {
	File, Field, Message string
}

func (n Note) String() string {
	switch {
	case n.File == "" && n.Field == "":
		return n.Message
	case n.Field == "":
		return fmt.Sprintf("%s: %s", n.File, n.Message)
	}
	return fmt.Sprintf("%s: %s: %s", n.File, n.Field, n.Message)
}

// Error is bad input: where it is (a file, and a line and column when known), and what to do.
type Error struct {
	File      string
	Line, Col int
	Message   string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Message)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Message)
}

func (p *Page) note(file, field, format string, args ...any) {
	p.Notes = append(p.Notes, Note{File: file, Field: field, Message: fmt.Sprintf(format, args...)})
}

// ids hands out the ids of a page's components and groups: each made from a name as slugs are,
// and each once.
type ids map[string]bool

func (t ids) id(name, fallback string) string {
	base := authoring.Slug(name, "en")
	if base == "" {
		base = fallback
	}
	id := authoring.Unique(base, func(s string) bool { return t[s] })
	t[id] = true
	return id
}
