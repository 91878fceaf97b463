package dispatch

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"

	"statuspress/internal/incident"
	"statuspress/internal/notify"
	"statuspress/internal/notify/chat"
	"statuspress/internal/notify/compose"
	"statuspress/internal/notify/config"
	"statuspress/internal/notify/mail"
	"statuspress/internal/notify/outbound"
	"statuspress/internal/notify/webhook"
	"statuspress/internal/site"
	"statuspress/internal/store"
)

// The dispatcher is the store's Deliverer.
var _ store.Deliverer = (*Dispatcher)(nil)

// message writes the batch of ids in lang from the snapshot being served, or reports that there
// is nothing left to tell (the content took it back).
func (d *Dispatcher) message(snap *site.Snapshot, ids []string, lang string) (notify.Batch, notify.Message, bool) {
	now := d.o.Now()
	b, ok := notify.Rebuild(snap.Incidents, ids, now)
	if !ok {
		return b, notify.Message{}, false
	}
	m := compose.Message(b, compose.Params{
		Site:        snap.Site,
		Localizer:   snap.Localizer(lang),
		IncidentURL: func(lang, slug string) string { return snap.Absolute(site.IncidentPath(lang, slug)) },
		Now:         now,
	})
	return b, m, true
}

// DeliverEmail writes one notification in the subscriber's language and mails it, with a manage
// link of its own.
func (d *Dispatcher) DeliverEmail(ctx context.Context, e store.EmailDelivery) (err error) {
	defer func() { d.count("email", err) }()
	if d.o.Mailer == nil {
		return errNoMailer
	}
	snap := d.o.Snapshot()
	lang := language(snap, e.Subscriber.Language)
	p, ok := d.prepare(snap, events(e.Events, e.EventID), lang)
	if !ok {
		return nil
	}
	token, err := d.o.Store.NewToken(ctx, e.Subscriber.ID, store.PurposeManage, ManageTTL)
	if errors.Is(err, store.ErrNotFound) {
		return nil // left meanwhile
	}
	if err != nil {
		return err
	}
	links := mail.Links{Unsubscribe: d.o.Links.UnsubscribeURL(lang, token), Manage: d.o.Links.ManageURL(lang, token)}
	return d.send(ctx, p.For(e.Subscriber.Address, links))
}

// prepare is the mail of a message in lang, written once a minute for all its subscribers.
func (d *Dispatcher) prepare(snap *site.Snapshot, ids []string, lang string) (*mail.Prepared, bool) {
	k := preparedKey{version: snap.Version, minute: d.o.Now().Unix() / 60, ids: strings.Join(ids, "\n"), lang: lang}
	d.mu.Lock()
	p, ok := d.prepared[k]
	d.mu.Unlock()
	if ok {
		return p, true
	}
	_, m, ok := d.message(snap, ids, lang)
	if !ok {
		return nil, false
	}
	p = mail.Prepare(snap.Localizer(lang), m)
	d.mu.Lock()
	if d.prepared == nil || len(d.prepared) >= maxPrepared {
		d.prepared = make(map[preparedKey]*mail.Prepared)
	}
	d.prepared[k] = p
	d.mu.Unlock()
	return p, true
}

// send hands a mail over; a refusal for good becomes the store's permanent failure.
func (d *Dispatcher) send(ctx context.Context, m mail.Mail) error {
	err := d.o.Mailer.Send(ctx, m)
	if err != nil && mail.IsPermanent(err) {
		return store.Permanent(err)
	}
	return err
}

// DeliverConfirmation mails the double opt-in link.
func (d *Dispatcher) DeliverConfirmation(ctx context.Context, c store.ConfirmationDelivery) (err error) {
	defer func() { d.count("confirmation", err) }()
	if d.o.Mailer == nil {
		return errNoMailer
	}
	snap := d.o.Snapshot()
	lang := language(snap, c.Subscriber.Language)
	token, err := d.o.Store.NewToken(ctx, c.Subscriber.ID, store.PurposeConfirm, ConfirmTTL)
	if errors.Is(err, store.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	return d.send(ctx, mail.Confirmation(snap.Localizer(lang), snap.Site.Localize(snap.Site.Title, lang),
		c.Subscriber.Address, d.o.Links.ConfirmURL(lang, token), ConfirmTTL))
}

// DeliverWebhook posts one message to a chat or webhook channel, in its product's format.
func (d *Dispatcher) DeliverWebhook(ctx context.Context, w store.WebhookDelivery) (err error) {
	defer func() { d.count("webhook", err) }()
	i := slices.IndexFunc(d.o.Channels.Channels, func(ch config.Channel) bool { return channelKey(ch) == w.Channel })
	if i < 0 {
		// The operator removed the channel or changed its URL since: the message was for
		// what is no longer there.
		d.o.Log.Warn("notification for a channel no longer configured, or whose URL changed", "channel", w.Channel)
		return nil
	}
	ch := d.o.Channels.Channels[i]
	snap := d.o.Snapshot()
	lang := language(snap, ch.Language)
	b, m, ok := d.message(snap, events(w.Events, w.EventID), lang)
	if !ok {
		return nil
	}
	req, err := d.request(ctx, ch, snap, b, m)
	if err != nil {
		return store.Permanent(err)
	}
	r := outbound.Do(d.o.HTTP, req, d.o.Wall())
	if ch.Type != config.Webhook {
		r = chat.Outcome(ch.Type, r)
	}
	switch r.Outcome {
	case outbound.Success:
		return nil
	case outbound.Permanent:
		return store.Permanent(fmt.Errorf("%s: %w", ch, r.Err))
	default:
		return fmt.Errorf("%s: %w", ch, r.Err)
	}
}

// request is the POST of a message to a channel: the product's body for chat, the Statuspage
// body signed as Standard Webhooks says for a generic webhook.
func (d *Dispatcher) request(ctx context.Context, ch config.Channel, snap *site.Snapshot, b notify.Batch, m notify.Message) (*http.Request, error) {
	if ch.Type != config.Webhook {
		return chat.NewRequest(ctx, ch, m)
	}
	v := snap.API(m.Lang, d.o.Now())
	meta := webhook.Meta{Unsubscribe: snap.Absolute("/"), Documentation: snap.Absolute("/api/v2/")}
	page := webhook.PageOf(v.Page(), v.Status())
	var p webhook.Payload
	if b.Incident.Kind == incident.KindMaintenance {
		p = webhook.ForMaintenance(meta, page, v.Maintenance(b.Incident))
	} else {
		p = webhook.ForIncident(meta, page, v.Incident(b.Incident))
	}
	body, err := json.Marshal(p)
	if err != nil {
		return nil, err
	}
	return webhook.NewRequest(ctx, ch.URL, ch.Key, m.ID, d.o.Wall(), body)
}

// events are a delivery's event ids; a job queued with one event has it as its id.
func events(ids []string, id string) []string {
	if len(ids) == 0 {
		return []string{id}
	}
	return ids
}
