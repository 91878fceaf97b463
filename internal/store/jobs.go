package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/riverqueue/river"
)

// The queues deliveries wait in: a slow mail server does not hold up the chat messages.
const (
	QueueEmail       = "email"
	QueueWebhook     = "webhook"
	queueMaintenance = "maintenance"
)

// maxAttempts bounds the retries of a delivery. River waits attempt⁴ seconds between tries, so
// the last of ten comes about seven hours after the first: later news is not worth sending.
const maxAttempts = 10

// EmailArgs is a queued e-mail: one event to one subscriber. The job holds the subscriber's id,
// not the address, so deleting the subscriber leaves no address behind in the queue.
type EmailArgs struct {
	EventID      string   `json:"event_id"`
	Events       []string `json:"events"`
	SubscriberID int64    `json:"subscriber_id"`
}

func (EmailArgs) Kind() string { return "statuspress.email" }

// InsertOpts make the job unique by its arguments: one event reaches one address once, even if
// it were queued twice.
func (EmailArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{Queue: QueueEmail, MaxAttempts: maxAttempts, UniqueOpts: river.UniqueOpts{ByArgs: true}}
}

// WebhookArgs is a queued chat or webhook message: one event to one channel of the notify config,
// by name (its URL may hold a secret, and stays in the config).
type WebhookArgs struct {
	EventID string   `json:"event_id"`
	Events  []string `json:"events"`
	Channel string   `json:"channel"`
}

func (WebhookArgs) Kind() string { return "statuspress.webhook" }

func (WebhookArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{Queue: QueueWebhook, MaxAttempts: maxAttempts, UniqueOpts: river.UniqueOpts{ByArgs: true}}
}

// ConfirmArgs is a queued confirmation mail (the double opt-in) to a pending subscriber.
type ConfirmArgs struct {
	SubscriberID int64 `json:"subscriber_id"`
}

func (ConfirmArgs) Kind() string { return "statuspress.confirm" }

// A confirmation is worth little once the reader has moved on: five tries, the last some ten
// minutes after the first.
func (ConfirmArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{Queue: QueueEmail, MaxAttempts: 5}
}

// cleanupArgs is the hourly Cleanup.
type cleanupArgs struct{}

func (cleanupArgs) Kind() string { return "statuspress.cleanup" }

func (cleanupArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{Queue: queueMaintenance, MaxAttempts: 1}
}

// Deliverer sends what the queue holds; the notification code implements it. A returned error is
// retried with backoff, unless it is Permanent: then the address or channel is marked failed and
// sent nothing more.
type Deliverer interface {
	DeliverEmail(ctx context.Context, d EmailDelivery) error
	DeliverWebhook(ctx context.Context, d WebhookDelivery) error
	// DeliverConfirmation sends the double opt-in mail; it makes the token (NewToken) itself.
	DeliverConfirmation(ctx context.Context, d ConfirmationDelivery) error
}

// ConfirmationDelivery is one confirmation mail to send, to a subscriber still pending.
type ConfirmationDelivery struct {
	Subscriber Subscriber
	Attempt    int
}

// EmailDelivery is one e-mail to send. The subscriber is read when the job runs: one who left
// since is not mailed.
type EmailDelivery struct {
	EventID string
	// Events are the ids of the events the message tells (Recorded.Parts).
	Events     []string
	Subscriber Subscriber
	Attempt    int // 1 for the first try
}

// WebhookDelivery is one message to a chat or webhook channel.
type WebhookDelivery struct {
	EventID string
	Events  []string
	Channel string
	Attempt int
}

type permanentError struct{ err error }

func (e permanentError) Error() string { return "permanent failure: " + e.err.Error() }
func (e permanentError) Unwrap() error { return e.err }

// Permanent marks a delivery error that retrying cannot mend (an SMTP 5xx for the address, an
// HTTP 410 from the webhook).
func Permanent(err error) error {
	if err == nil {
		return nil
	}
	return permanentError{err}
}

// IsPermanent tells whether err was marked with Permanent.
func IsPermanent(err error) bool {
	var p permanentError
	return errors.As(err, &p)
}

func (s *sqlStore[TTx]) riverConfig(opts Options) *river.Config {
	workers := river.NewWorkers()
	river.AddWorker(workers, &emailWorker{s: s, deliverer: s.currentDeliverer})
	river.AddWorker(workers, &webhookWorker{s: s, deliverer: s.currentDeliverer})
	river.AddWorker(workers, &confirmWorker{s: s, deliverer: s.currentDeliverer})
	river.AddWorker(workers, &cleanupWorker{s: s})
	return &river.Config{
		Logger:      opts.Logger,
		MaxAttempts: maxAttempts,
		Queues: map[string]river.QueueConfig{
			QueueEmail:       {MaxWorkers: opts.EmailWorkers},
			QueueWebhook:     {MaxWorkers: opts.WebhookWorkers},
			queueMaintenance: {MaxWorkers: 1},
		},
		Workers: workers,
		PeriodicJobs: []*river.PeriodicJob{
			river.NewPeriodicJob(river.PeriodicInterval(time.Hour), func() (river.JobArgs, *river.InsertOpts) {
				return cleanupArgs{}, nil
			}, &river.PeriodicJobOpts{RunOnStart: true}),
		},
	}
}

func (s *sqlStore[TTx]) currentDeliverer() Deliverer { return *s.deliverer.Load() }

// failed tells whether an address or channel failed for good.
func (s *sqlStore[TTx]) failed(ctx context.Context, kind FailureKind, target string) (bool, error) {
	var n int
	err := s.b.pool().queryRow(ctx, `SELECT count(*) FROM failures WHERE kind = $1 AND target = $2`,
		string(kind), target).Scan(&n)
	return n > 0, err
}

// outcome turns a Deliverer's error into River's: a permanent failure is noted and the job
// cancelled, so River does not retry it.
func (s *sqlStore[TTx]) outcome(ctx context.Context, err error, f Failure) error {
	if err == nil || !IsPermanent(err) {
		return err
	}
	f.Reason = err.Error()
	if markErr := s.MarkFailed(ctx, f); markErr != nil {
		return fmt.Errorf("%w (and noting it failed: %v)", err, markErr)
	}
	return river.JobCancel(err)
}

type emailWorker struct {
	river.WorkerDefaults[EmailArgs]
	s interface {
		subscriberByID(ctx context.Context, id int64) (Subscriber, error)
		failed(ctx context.Context, kind FailureKind, target string) (bool, error)
		outcome(ctx context.Context, err error, f Failure) error
	}
	deliverer func() Deliverer
}

func (w *emailWorker) Work(ctx context.Context, job *river.Job[EmailArgs]) error {
	sub, err := w.s.subscriberByID(ctx, job.Args.SubscriberID)
	if errors.Is(err, ErrNotFound) {
		return nil // unsubscribed or deleted since
	}
	if err != nil {
		return err
	}
	if sub.State != Confirmed {
		return nil
	}
	if failed, err := w.s.failed(ctx, FailedEmail, addressKey(sub.Address)); err != nil || failed {
		return err
	}
	err = w.deliverer().DeliverEmail(ctx, EmailDelivery{EventID: job.Args.EventID, Events: job.Args.Events, Subscriber: sub, Attempt: job.Attempt})
	return w.s.outcome(ctx, err, Failure{Kind: FailedEmail, Target: sub.Address})
}

type webhookWorker struct {
	river.WorkerDefaults[WebhookArgs]
	s interface {
		failed(ctx context.Context, kind FailureKind, target string) (bool, error)
		outcome(ctx context.Context, err error, f Failure) error
	}
	deliverer func() Deliverer
}

func (w *webhookWorker) Work(ctx context.Context, job *river.Job[WebhookArgs]) error {
	if failed, err := w.s.failed(ctx, FailedWebhook, job.Args.Channel); err != nil || failed {
		return err
	}
	err := w.deliverer().DeliverWebhook(ctx, WebhookDelivery{EventID: job.Args.EventID, Events: job.Args.Events, Channel: job.Args.Channel, Attempt: job.Attempt})
	return w.s.outcome(ctx, err, Failure{Kind: FailedWebhook, Target: job.Args.Channel})
}

type cleanupWorker struct {
	river.WorkerDefaults[cleanupArgs]
	s interface {
		Cleanup(ctx context.Context) (Cleaned, error)
	}
}

func (w *cleanupWorker) Work(ctx context.Context, _ *river.Job[cleanupArgs]) error {
	_, err := w.s.Cleanup(ctx)
	return err
}

func (s *sqlStore[TTx]) subscriberByID(ctx context.Context, id int64) (Subscriber, error) {
	return subscriberBy(ctx, s.b.pool(), "id", id)
}

type confirmWorker struct {
	river.WorkerDefaults[ConfirmArgs]
	s interface {
		subscriberByID(ctx context.Context, id int64) (Subscriber, error)
	}
	deliverer func() Deliverer
}

func (w *confirmWorker) Work(ctx context.Context, job *river.Job[ConfirmArgs]) error {
	sub, err := w.s.subscriberByID(ctx, job.Args.SubscriberID)
	if errors.Is(err, ErrNotFound) {
		return nil // cleaned up or deleted since
	}
	if err != nil {
		return err
	}
	if sub.State != Pending {
		return nil // confirmed meanwhile
	}
	err = w.deliverer().DeliverConfirmation(ctx, ConfirmationDelivery{Subscriber: sub, Attempt: job.Attempt})
	if IsPermanent(err) {
		// The address refuses mail: nothing to retry, and nothing to note, since it never
		// subscribed (the unconfirmed subscription goes in the cleanup).
		return river.JobCancel(err)
	}
	return err
}
