// Package dispatch is the notifications' engine in a running server: it follows the published
// snapshots and the clock, turns what changed into events (notify.Diff, notify.Due), lets them
// settle, records each settled batch in the store (which queues its deliveries in the same
// transaction), and, as the store's Deliverer, writes and sends each delivery when its job runs:
// e-mail to subscribers, chat messages and signed webhooks to the operator's channels.
//
// What it keeps in memory is only what is waiting out the settle delay; the store's record of
// events is the truth. On start, a store that never recorded anything takes everything the
// content holds as history (nothing of it is sent); otherwise what came in while no replica ran,
// and is still news, is picked up (notify.Missed). A crash within the settle delay therefore
// loses nothing, and two replicas that see one commit record each event once.
package dispatch

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"net/http"
	"slices"
	"sync"
	"time"

	"statuspress/internal/incident"
	"statuspress/internal/notify"
	"statuspress/internal/notify/config"
	"statuspress/internal/notify/mail"
	"statuspress/internal/site"
	"statuspress/internal/store"
)

// Token lifetimes: a confirmation link is for now; a manage link rides in every message and must
// still work when an old message is dug out.
const (
	ConfirmTTL = 48 * time.Hour
	ManageTTL  = 90 * 24 * time.Hour
)

// DefaultTick is how often the dispatcher looks at the snapshot and the clock.
const DefaultTick = time.Second

// Mailer hands a mail to the mail server: mail.Sender over SMTP. An error for which
// mail.IsPermanent is true (the server refused the address for good) stops mailing the address.
type Mailer interface {
	Send(ctx context.Context, m mail.Mail) error
}

// Links builds the absolute URLs of the subscription pages.
type Links interface {
	ConfirmURL(lang, token string) string
	ManageURL(lang, token string) string
	UnsubscribeURL(lang, token string) string
}

// Options are what a Dispatcher works with.
type Options struct {
	Store store.Store
	// Snapshot returns the snapshot being served.
	Snapshot func() *site.Snapshot
	// Now is the content's clock: what is published when (a fixed one serves a preview).
	Now func() time.Time
	// Wall is the real clock, for what receivers check against theirs: a webhook's signed
	// timestamp. nil means Now.
	Wall func() time.Time
	// Delay is the settle delay (--notify-delay).
	Delay time.Duration
	// Tick is how often Run looks; 0 means DefaultTick.
	Tick time.Duration
	// Channels are the operator's chat and webhook channels; nil means none.
	Channels *config.Config
	// Mailer sends e-mail; nil means no e-mail (no --smtp).
	Mailer Mailer
	Links  Links
	// HTTP posts to the channels (outbound.NewClient).
	HTTP *http.Client
	Log  *slog.Logger
}

// Dispatcher follows the content and sends what it tells. Start, then Run; its methods as a
// store.Deliverer may run on many goroutines at once.
type Dispatcher struct {
	o Options

	// The follower's state, used by Start, Step and Run on one goroutine.
	prev    *site.Snapshot
	last    time.Time
	pending []notify.Pending

	mu    sync.Mutex
	stats Stats
	// prepared are the mails of the latest messages, written once for a fan-out (mail.Prepare)
	// and addressed per subscriber.
	prepared map[preparedKey]*mail.Prepared
}

// preparedKey names a prepared mail by what its words depend on: the content's version, the
// minute (a state or a visible update may change with the clock), the events and the language.
// It holds no snapshot, so an old one is not kept alive by the cache.
type preparedKey struct {
	version string
	minute  int64
	ids     string
	lang    string
}

// maxPrepared bounds the prepared mails kept: a fan-out works through one message at a time.
const maxPrepared = 32

// Stats counts what the dispatcher did, for /metrics.
type Stats struct {
	// Waiting are the events waiting out the settle delay.
	Waiting int
	// Recorded are the batches recorded (deliveries queued) since the start.
	Recorded int
	// Sent and Failed count the deliveries by channel kind ("email", "confirmation", "webhook").
	Sent, Failed map[string]int
}

// New returns a Dispatcher; it does nothing until Start.
func New(o Options) *Dispatcher {
	if o.Tick <= 0 {
		o.Tick = DefaultTick
	}
	if o.Wall == nil {
		o.Wall = o.Now
	}
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	if o.Channels == nil {
		o.Channels = &config.Config{}
	}
	return &Dispatcher{o: o, stats: Stats{Sent: map[string]int{}, Failed: map[string]int{}}}
}

// Start takes the content as it is now as the point to follow from: on a store's first start all
// of it is history, recorded as sent; otherwise what the store never recorded and is still news
// waits to be sent like any new event.
func (d *Dispatcher) Start(ctx context.Context) error {
	snap, now := d.o.Snapshot(), d.o.Now()
	d.prev, d.last = snap, now
	has, err := d.o.Store.HasEvents(ctx)
	if err != nil {
		return err
	}
	if !has {
		evs := notify.Snapshot(snap.Incidents, now)
		ids := make([]string, len(evs))
		for i, e := range evs {
			ids[i] = e.ID
		}
		n, err := d.o.Store.RecordHistory(ctx, ids)
		if err != nil {
			return err
		}
		d.o.Log.Info("notifications: first start, the content so far recorded as history", "events", n)
		return nil
	}
	left, err := d.o.Store.Unrecorded(ctx, notify.Recent(snap.Incidents, now))
	if err != nil {
		return err
	}
	unrecorded := make(map[string]bool, len(left))
	for _, id := range left {
		unrecorded[id] = true
	}
	missed := notify.Missed(snap.Incidents, now, func(id string) bool { return unrecorded[id] })
	d.pending = notify.Merge(nil, missed, now)
	if len(missed) > 0 {
		d.o.Log.Info("notifications: events not yet sent", "events", len(missed))
	}
	d.setWaiting()
	return nil
}

// Run steps every Tick until ctx ends.
func (d *Dispatcher) Run(ctx context.Context) {
	t := time.NewTicker(d.o.Tick)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if err := d.Step(ctx); err != nil && ctx.Err() == nil {
				d.o.Log.Error("notifications", "err", err)
			}
		}
	}
}

// Step looks once: the events that the passing of time and a new snapshot make join those
// waiting, those the content took back are dropped, and the batches that settled are recorded.
// A batch the store could not record waits and is tried again on the next step.
func (d *Dispatcher) Step(ctx context.Context) error {
	snap, now := d.o.Snapshot(), d.o.Now()
	if now.Before(d.last) {
		now = d.last // a clock stepped back: look again once it has caught up
	}
	events := notify.Due(d.prev.Incidents, d.last, now)
	if snap != d.prev {
		events = append(events, notify.Diff(d.prev.Incidents, snap.Incidents, now)...)
	}
	d.prev, d.last = snap, now
	d.pending = notify.Merge(d.pending, events, now)
	d.pending = notify.Withdraw(d.pending, snap.Incidents, now)
	ready, waiting := notify.Settle(d.pending, now, d.o.Delay)
	d.pending = waiting
	var errs []error
	for _, b := range ready {
		if err := d.record(ctx, b); err != nil {
			errs = append(errs, err)
			for _, e := range b.Events {
				d.pending = append(d.pending, notify.Pending{Event: e, Seen: now.Add(-d.o.Delay)})
			}
		}
	}
	d.setWaiting()
	return errors.Join(errs...)
}

func (d *Dispatcher) setWaiting() {
	d.mu.Lock()
	d.stats.Waiting = len(d.pending)
	d.mu.Unlock()
}

// record records a settled batch; the store queues its deliveries.
func (d *Dispatcher) record(ctx context.Context, b notify.Batch) error {
	in := b.Incident
	e := store.Event{ID: b.MessageID(), Parts: b.IDs(), Components: componentIDs(in)}
	for _, ch := range d.o.Channels.Channels {
		if ch.Wants(in) {
			e.Webhooks = append(e.Webhooks, channelKey(ch))
		}
	}
	// Without a mail server, subscribers kept from before are not queued mail that cannot go.
	e.SkipEmail = d.o.Mailer == nil
	rec, err := d.o.Store.RecordEvent(ctx, e)
	if err != nil {
		return err
	}
	if rec.New {
		d.mu.Lock()
		d.stats.Recorded++
		d.mu.Unlock()
		d.o.Log.Info("notification queued", "incident", b.Slug, "events", len(rec.Parts), "emails", rec.Emails, "webhooks", rec.Webhooks)
	}
	return nil
}

// channelKey names a channel in the queue and in the failures: its name and a digest of its URL.
// A permanent failure (a 410) stops sending to that URL; an operator who gives the channel a new
// URL has it sent to again without touching the database. The URL itself, which may hold a
// secret, stays in the config.
func channelKey(ch config.Channel) string {
	sum := sha256.Sum256([]byte(ch.URL))
	return ch.Name + "@" + hex.EncodeToString(sum[:4])
}

// componentIDs are the components an incident names anywhere; none means it concerns everyone.
func componentIDs(in *incident.Incident) []string {
	var ids []string
	for _, a := range in.Components {
		ids = append(ids, a.Component)
	}
	for _, u := range in.Updates {
		for _, a := range u.Components {
			ids = append(ids, a.Component)
		}
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// Stats returns what the dispatcher did so far.
func (d *Dispatcher) Stats() Stats {
	d.mu.Lock()
	defer d.mu.Unlock()
	s := d.stats
	s.Sent, s.Failed = maps.Clone(s.Sent), maps.Clone(s.Failed)
	return s
}

func (d *Dispatcher) count(kind string, err error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if err == nil {
		d.stats.Sent[kind]++
	} else {
		d.stats.Failed[kind]++
	}
}

// language is the language a reader gets: theirs when the site still publishes it, else the
// site's default, as pages fall back.
func language(snap *site.Snapshot, lang string) string {
	if lang != "" && snap.Enabled(lang) {
		return lang
	}
	return snap.Site.DefaultLanguage
}

var errNoMailer = fmt.Errorf("e-mail is not configured (no --smtp)")
