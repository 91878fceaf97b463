package notify

import (
	"crypto/sha256"
	"encoding/base32"
	"slices"
	"strings"
	"time"

	"statuspress/internal/incident"
)

// Message is what one message says, in one language, with every word and time already written
// for its readers (times in the language's zone, with the zone named): the channels' bodies only
// arrange it, so each product gets the same facts in its own format.
type Message struct {
	// ID identifies the message on every replica and attempt: receivers use it to drop duplicates
	// (Standard Webhooks' webhook-id). See Batch.MessageID.
	ID   string
	Lang string
	// Site is the status page's name.
	Site string
	Kind incident.Kind
	// Title is the incident's title.
	Title string
	// Headline is the title and the state as the language writes them together ("Title: State";
	// French puts a space before the colon): a mail's subject, a chat message's title.
	Headline string
	// State is the incident's state in words ("Investigating"); StateCode is it as a code.
	State     string
	StateCode incident.UpdateStatus
	Impact    incident.Impact
	// Text is what is new, as plain text (paragraphs apart by blank lines); HTML is the same as
	// sanitised HTML, for e-mail.
	Text string
	HTML string
	// Link is the incident's page, an absolute URL; LinkLabel the words of a button to it.
	Link      string
	LinkLabel string
	// ComponentsLabel heads the list of Components.
	ComponentsLabel string
	Components      []ComponentLine
	// Time is when it happened, written for readers ("10 March 2026, 22:00 CET"); At is the same
	// instant, for products that write times themselves.
	Time string
	At   time.Time
}

// ComponentLine is one affected component and its status.
type ComponentLine struct {
	ID     string
	Name   string
	Status string
	Code   incident.ComponentStatus
}

// MessageID is the id of the message that tells the batch: "msg_" and the base32 of the SHA-256
// of its event ids, so every replica and every retry of the same batch gives the same id.
func (b Batch) MessageID() string {
	ids := b.IDs()
	slices.Sort(ids)
	sum := sha256.Sum256([]byte(strings.Join(ids, "\n")))
	return "msg_" + strings.ToLower(base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(sum[:20]))
}

// TitleLine is the message's headline: Headline as compose writes it in the language, or, for a
// message made without it, "Title: State" (the title alone when there is no state).
func (m Message) TitleLine() string {
	switch {
	case m.Headline != "":
		return m.Headline
	case m.State == "":
		return m.Title
	}
	return m.Title + ": " + m.State
}
