// Package store keeps what statuspress knows besides its content: subscribers, their single-use
// tokens, the events already notified, the deliveries still to make (durable River jobs) and the
// addresses and webhooks that failed for good. Content stays in git; nothing else goes here.
//
// One schema serves SQLite (the embedded default, pure Go, one file) and PostgreSQL (for a fleet
// of replicas); Open runs its migrations. Recording an event and queueing its deliveries happen in
// one transaction, so a crash loses no delivery and two replicas that see one event queue it once.
package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Store is the whole of the database as the rest of statuspress sees it.
type Store interface {
	// Subscribe records a pending subscription, or changes the language and components of one
	// still pending. A confirmed subscriber is returned unchanged: only a manage link changes it.
	// No components means every component.
	Subscribe(ctx context.Context, address, language string, components []string) (Subscriber, error)
	// AllowConfirmation tells whether address may be sent a confirmation now, and if so notes that
	// one is sent: at most one an hour, for known and unknown addresses alike.
	AllowConfirmation(ctx context.Context, address string) (bool, error)
	// RequestConfirmation is AllowConfirmation and, when it allows one and the address has a
	// pending subscription, the queueing of its confirmation mail, in one transaction: a crash
	// between the two can neither lose the mail nor use up the hour for nothing. The delivery
	// makes the token (only its hash is kept, so it cannot wait in the queue). It reports whether
	// a mail was queued; the caller answers alike either way.
	RequestConfirmation(ctx context.Context, address string) (bool, error)
	// NewToken makes a single-use token for the subscriber, valid for ttl. Only its hash is kept.
	NewToken(ctx context.Context, subscriberID int64, p Purpose, ttl time.Duration) (string, error)
	// CheckToken returns the subscriber a token is for without using it up (a page that shows
	// the button that will). ErrTokenInvalid or ErrTokenExpired when it cannot be used.
	CheckToken(ctx context.Context, token string, p Purpose) (Subscriber, error)
	// Confirm uses up a confirm token and confirms its subscriber.
	Confirm(ctx context.Context, token string) (Subscriber, error)
	// ChangeComponents uses up a manage token and replaces its subscriber's components.
	ChangeComponents(ctx context.Context, token string, components []string) (Subscriber, error)
	// Unsubscribe uses up a manage token and deletes its subscriber.
	Unsubscribe(ctx context.Context, token string) (Subscriber, error)

	// RecordEvent records an event once and, in the same transaction, queues a delivery to every
	// confirmed subscriber it concerns and to each of its webhook channels, leaving out those that
	// failed for good. An event recorded before queues nothing (Recorded.New is false).
	RecordEvent(ctx context.Context, e Event) (Recorded, error)
	// RecordHistory records events as already sent, queueing nothing: what the content holds on
	// the first start is never mailed. It returns how many were new.
	RecordHistory(ctx context.Context, ids []string) (int, error)
	// EventRecorded tells whether an event was recorded, sent or as history.
	EventRecorded(ctx context.Context, id string) (bool, error)
	// Unrecorded returns those of ids that were never recorded, in their order.
	Unrecorded(ctx context.Context, ids []string) ([]string, error)
	// HasEvents tells whether any event was ever recorded: a store without any is on its first
	// start, and what the content holds is history.
	HasEvents(ctx context.Context) (bool, error)
	// Counts tells how many subscribers there are and how many deliveries wait, for /metrics.
	Counts(ctx context.Context) (Counts, error)
	// PendingDeliveries counts the deliveries queued and not yet done or given up.
	PendingDeliveries(ctx context.Context) (int, error)

	// MarkFailed stops deliveries to an address or a webhook channel for good.
	MarkFailed(ctx context.Context, f Failure) error
	// Failures counts the addresses and webhook channels that failed for good.
	Failures(ctx context.Context) (FailureCounts, error)

	// Cleanup deletes the subscribers left unconfirmed for UnconfirmedLifetime, the expired tokens
	// and the confirmation times older than ConfirmationInterval. The running store does it every
	// hour; the operator's commands may call it too.
	Cleanup(ctx context.Context) (Cleaned, error)

	// Subscriber returns the subscriber of an address, or ErrNotFound.
	Subscriber(ctx context.Context, address string) (Subscriber, error)
	// Subscribers calls fn with every subscriber, in the order of their addresses, reading as it
	// goes; fn must not use the store (on SQLite it holds the one connection meanwhile).
	Subscribers(ctx context.Context, fn func(Subscriber) error) error
	// DeleteAddress deletes everything kept about an address: its subscription, tokens,
	// confirmation time and failure. It reports whether there was anything.
	DeleteAddress(ctx context.Context, address string) (bool, error)

	// Start works the queued deliveries with d until Close. Cancelling ctx stops the work at once,
	// without waiting for deliveries under way; Close waits for them.
	Start(ctx context.Context, d Deliverer) error
	// Close stops the work (a delivery under way gets until ctx is done) and closes the database.
	Close(ctx context.Context) error
}

const (
	// ConfirmationInterval is the least time between two confirmations sent to one address.
	ConfirmationInterval = time.Hour
	// UnconfirmedLifetime is how long an unconfirmed subscription is kept.
	UnconfirmedLifetime = 7 * 24 * time.Hour
	// MaxAddressLength is the longest address accepted (RFC 5321's limit on a path).
	MaxAddressLength = 254
	// maxComponentLength bounds a component id, which comes from a form.
	maxComponentLength = 200
	// maxComponents bounds how many components one subscriber chooses.
	maxComponents = 1000
)

// State is where a subscriber is in the double opt-in.
type State string

const (
	Pending   State = "pending"
	Confirmed State = "confirmed"
)

// Subscriber is one address that asked to be told.
type Subscriber struct {
	ID       int64
	Address  string
	Language string
	// Components are the component ids chosen, sorted; none means all of them.
	Components []string
	State      State
	Created    time.Time
	Confirmed  time.Time // zero while pending
}

// Purpose is what a token may be used for.
type Purpose string

const (
	PurposeConfirm Purpose = "confirm" // confirm a subscription
	PurposeManage  Purpose = "manage"  // change components or unsubscribe
)

// Event is one message subscribers are told, made of the events of the content it tells (Parts),
// each by an id that stays the same however often the content is read (an update by incident slug
// and time, a maintenance window's start, ...). Each part is recorded once: a message queues
// deliveries only for its parts never recorded before, so two replicas that batch one incident's
// events differently still tell each event once.
type Event struct {
	// ID names the message in logs and jobs.
	ID string
	// Parts are the ids of the events the message tells; none means the message is one event, ID.
	Parts []string
	// Components are those the event concerns; none means it reaches every subscriber.
	Components []string
	// Webhooks are the names of the chat and webhook channels that get it.
	Webhooks []string
	// SkipEmail queues no e-mail (serve runs without a mail server).
	SkipEmail bool
}

// Recorded tells what RecordEvent did.
type Recorded struct {
	New bool // false: every part was recorded before, and nothing was queued
	// Parts are the parts recorded now, the ones the deliveries tell.
	Parts    []string
	Emails   int // deliveries queued to subscribers
	Webhooks int // deliveries queued to webhook channels
}

// FailureKind tells an address from a webhook channel.
type FailureKind string

const (
	FailedEmail   FailureKind = "email"
	FailedWebhook FailureKind = "webhook"
)

// Failure is an address or a webhook channel that failed for good (an SMTP 5xx for the address,
// an HTTP 410 from the webhook).
type Failure struct {
	Kind FailureKind
	// Target is the address, or the webhook channel's name.
	Target string
	Reason string
}

// FailureCounts is what /readyz and /metrics show of the failures.
type FailureCounts struct {
	Emails   int
	Webhooks int
}

// Counts is what /metrics shows of the subscriptions.
type Counts struct {
	Pending, Confirmed int
	// Deliveries are the mails and messages queued and not yet done or given up, confirmations
	// included.
	Deliveries int
}

// Cleaned tells what Cleanup deleted.
type Cleaned struct {
	Subscribers   int
	Tokens        int
	Confirmations int
}

var (
	// ErrNotFound is an address or subscriber that is not there.
	ErrNotFound = errors.New("not found")
	// ErrTokenInvalid is a token that is unknown, used already or for another purpose.
	ErrTokenInvalid = errors.New("invalid token")
	// ErrTokenExpired is a token used too late; it is gone now.
	ErrTokenExpired = errors.New("expired token")
	// ErrInvalid is input the store refuses (an empty or overlong address, a bad component id).
	ErrInvalid = errors.New("invalid input")
)

// addressKey is what makes two spellings of one address the same subscriber: mail systems treat
// the local part case-insensitively in practice, and people type it either way.
func addressKey(address string) string {
	return strings.ToLower(address)
}

func checkAddress(address string) error {
	switch {
	case address == "":
		return fmt.Errorf("%w: empty address", ErrInvalid)
	case len(address) > MaxAddressLength:
		return fmt.Errorf("%w: address longer than %d bytes", ErrInvalid, MaxAddressLength)
	case strings.ContainsFunc(address, isControl):
		return fmt.Errorf("%w: control character in address", ErrInvalid)
	}
	return nil
}

func isControl(r rune) bool { return r < 0x20 || r == 0x7f }

// normalComponents sorts and dedupes component ids and refuses ones a form could not have sent.
func normalComponents(ids []string) ([]string, error) {
	if len(ids) > maxComponents {
		return nil, fmt.Errorf("%w: more than %d components", ErrInvalid, maxComponents)
	}
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if id == "" || len(id) > maxComponentLength || strings.ContainsFunc(id, isControl) {
			return nil, fmt.Errorf("%w: component id %.40q", ErrInvalid, id)
		}
		out = append(out, id)
	}
	return sortedUnique(out), nil
}
