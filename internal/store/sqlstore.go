package store

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver"
)

// sqlStore is the Store on either database; TTx is the transaction type of its River driver, which
// the Store interface hides.
type sqlStore[TTx any] struct {
	b         backend[TTx]
	river     *river.Client[TTx]
	now       func() time.Time
	deliverer atomic.Pointer[Deliverer]
	started   atomic.Bool
}

func newSQLStore[TTx any](b backend[TTx], driver riverdriver.Driver[TTx], opts Options) (*sqlStore[TTx], error) {
	s := &sqlStore[TTx]{b: b, now: opts.Now}
	client, err := river.NewClient(driver, s.riverConfig(opts))
	if err != nil {
		return nil, fmt.Errorf("river: %w", err)
	}
	s.river = client
	return s, nil
}

// clock is the injected time in the database's precision (PostgreSQL keeps microseconds) and in
// UTC, so that times compare alike on both databases and read back equal.
func (s *sqlStore[TTx]) clock() time.Time {
	return s.now().UTC().Truncate(time.Microsecond)
}

// newID makes a subscriber id: random, so ids say nothing of how many subscribe or when, and need
// no sequence (which SQLite and PostgreSQL spell differently).
func newID() int64 {
	var b [8]byte
	rand.Read(b[:])
	return int64(binary.BigEndian.Uint64(b[:])>>1) | 1
}

func hashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

func (s *sqlStore[TTx]) Subscribe(ctx context.Context, address, language string, components []string) (_ Subscriber, err error) {
	defer annotate(&err, "subscribe")
	address = strings.TrimSpace(address)
	if err := checkAddress(address); err != nil {
		return Subscriber{}, err
	}
	if language == "" || len(language) > 35 || strings.ContainsFunc(language, isControl) {
		return Subscriber{}, fmt.Errorf("%w: language %.40q", ErrInvalid, language)
	}
	components, err = normalComponents(components)
	if err != nil {
		return Subscriber{}, err
	}
	key := addressKey(address)
	var sub Subscriber
	err = s.b.inTx(ctx, func(_ TTx, q querier) error {
		id := newID()
		n, err := q.exec(ctx, `INSERT INTO subscribers (id, address, address_key, language, state, created_at)
			VALUES ($1, $2, $3, $4, 'pending', $5) ON CONFLICT (address_key) DO NOTHING`,
			id, address, key, language, s.clock())
		if err != nil {
			return err
		}
		if n == 0 {
			// Known: a pending subscription takes the latest form's choices; a confirmed one
			// changes only through its manage link, so nobody can change another's.
			err := q.queryRow(ctx, `UPDATE subscribers SET language = $2, address = $3
				WHERE address_key = $1 AND state = 'pending' RETURNING id`, key, language, address).Scan(&id)
			if errors.Is(err, sql.ErrNoRows) {
				sub, err = subscriberBy(ctx, q, "address_key", key)
				return err
			}
			if err != nil {
				return err
			}
		}
		if err := setComponents(ctx, q, id, components); err != nil {
			return err
		}
		sub, err = subscriberBy(ctx, q, "id", id)
		return err
	})
	return sub, err
}

func setComponents(ctx context.Context, q querier, id int64, components []string) error {
	if _, err := q.exec(ctx, `DELETE FROM subscriber_components WHERE subscriber_id = $1`, id); err != nil {
		return err
	}
	for _, c := range components {
		if _, err := q.exec(ctx, `INSERT INTO subscriber_components (subscriber_id, component) VALUES ($1, $2)`, id, c); err != nil {
			return err
		}
	}
	return nil
}

const subscriberColumns = `s.id, s.address, s.language, s.state, s.created_at, s.confirmed_at, c.component`

// subscriberBy reads one subscriber by id or address_key.
func subscriberBy(ctx context.Context, q querier, column string, value any) (Subscriber, error) {
	rs, err := q.query(ctx, `SELECT `+subscriberColumns+` FROM subscribers s
		LEFT JOIN subscriber_components c ON c.subscriber_id = s.id
		WHERE s.`+column+` = $1 ORDER BY c.component`, value)
	if err != nil {
		return Subscriber{}, err
	}
	var found bool
	var sub Subscriber
	err = scanSubscribers(rs, func(s Subscriber) error {
		sub, found = s, true
		return nil
	})
	if err == nil && !found {
		err = ErrNotFound
	}
	return sub, err
}

// scanSubscribers reads rows of subscriberColumns, one per component and ordered by subscriber,
// and calls fn with each subscriber.
func scanSubscribers(rs rows, fn func(Subscriber) error) error {
	defer rs.Close()
	var cur Subscriber
	have := false
	for rs.Next() {
		var (
			sub       Subscriber
			state     string
			confirmed sql.NullTime
			component sql.NullString
		)
		if err := rs.Scan(&sub.ID, &sub.Address, &sub.Language, &state, &sub.Created, &confirmed, &component); err != nil {
			return err
		}
		if !have || sub.ID != cur.ID {
			if have {
				if err := fn(cur); err != nil {
					return err
				}
			}
			sub.State = State(state)
			sub.Created = sub.Created.UTC()
			if confirmed.Valid {
				sub.Confirmed = confirmed.Time.UTC()
			}
			cur, have = sub, true
		}
		if component.Valid {
			cur.Components = append(cur.Components, component.String)
		}
	}
	if err := rs.Err(); err != nil {
		return err
	}
	if have {
		return fn(cur)
	}
	return nil
}

func (s *sqlStore[TTx]) AllowConfirmation(ctx context.Context, address string) (_ bool, err error) {
	defer annotate(&err, "note a confirmation")
	now := s.clock()
	n, err := s.b.pool().exec(ctx, `INSERT INTO confirmations_sent (address_key, sent_at) VALUES ($1, $2)
		ON CONFLICT (address_key) DO UPDATE SET sent_at = excluded.sent_at
		WHERE confirmations_sent.sent_at <= $3`,
		addressKey(strings.TrimSpace(address)), now, now.Add(-ConfirmationInterval))
	return n == 1, err
}

func (s *sqlStore[TTx]) RequestConfirmation(ctx context.Context, address string) (_ bool, err error) {
	defer annotate(&err, "request a confirmation")
	queued := false
	err = s.b.inTx(ctx, func(tx TTx, q querier) error {
		queued = false
		now := s.clock()
		key := addressKey(strings.TrimSpace(address))
		n, err := q.exec(ctx, `INSERT INTO confirmations_sent (address_key, sent_at) VALUES ($1, $2)
			ON CONFLICT (address_key) DO UPDATE SET sent_at = excluded.sent_at
			WHERE confirmations_sent.sent_at <= $3`, key, now, now.Add(-ConfirmationInterval))
		if err != nil || n == 0 {
			return err
		}
		sub, err := subscriberBy(ctx, q, "address_key", key)
		if errors.Is(err, ErrNotFound) || err == nil && sub.State != Pending {
			return nil
		}
		if err != nil {
			return err
		}
		if _, err := s.river.InsertTx(ctx, tx, ConfirmArgs{SubscriberID: sub.ID}, nil); err != nil {
			return err
		}
		queued = true
		return nil
	})
	return queued, err
}

func (s *sqlStore[TTx]) NewToken(ctx context.Context, subscriberID int64, p Purpose, ttl time.Duration) (_ string, err error) {
	defer annotate(&err, "new token")
	if p != PurposeConfirm && p != PurposeManage {
		return "", fmt.Errorf("%w: token purpose %q", ErrInvalid, p)
	}
	if ttl <= 0 {
		return "", fmt.Errorf("%w: token lifetime %v", ErrInvalid, ttl)
	}
	var b [32]byte
	rand.Read(b[:])
	token := base64.RawURLEncoding.EncodeToString(b[:])
	_, err = s.b.pool().exec(ctx, `INSERT INTO tokens (hash, subscriber_id, purpose, expires_at) VALUES ($1, $2, $3, $4)`,
		hashToken(token), subscriberID, string(p), s.clock().Add(ttl))
	if err != nil {
		// The foreign key refuses a subscriber that is not there.
		if _, lookErr := subscriberBy(ctx, s.b.pool(), "id", subscriberID); errors.Is(lookErr, ErrNotFound) {
			return "", ErrNotFound
		}
		return "", err
	}
	return token, nil
}

func (s *sqlStore[TTx]) CheckToken(ctx context.Context, token string, p Purpose) (_ Subscriber, err error) {
	defer annotate(&err, "check "+string(p)+" token")
	var (
		id      int64
		expires time.Time
	)
	q := s.b.pool()
	err = q.queryRow(ctx, `SELECT subscriber_id, expires_at FROM tokens WHERE hash = $1 AND purpose = $2`,
		hashToken(token), string(p)).Scan(&id, &expires)
	if errors.Is(err, sql.ErrNoRows) {
		return Subscriber{}, ErrTokenInvalid
	}
	if err != nil {
		return Subscriber{}, err
	}
	if !s.clock().Before(expires) {
		return Subscriber{}, ErrTokenExpired
	}
	return subscriberBy(ctx, q, "id", id)
}

// useToken deletes a token and returns its subscriber's id: whatever happens next, it cannot be
// used again. An expired token is deleted too, and the deletion kept.
func (s *sqlStore[TTx]) useToken(ctx context.Context, token string, p Purpose, then func(q querier, id int64) (Subscriber, error)) (_ Subscriber, err error) {
	defer annotate(&err, "use "+string(p)+" token")
	var (
		sub     Subscriber
		expired bool
	)
	err = s.b.inTx(ctx, func(_ TTx, q querier) error {
		var (
			id      int64
			expires time.Time
		)
		err := q.queryRow(ctx, `DELETE FROM tokens WHERE hash = $1 AND purpose = $2 RETURNING subscriber_id, expires_at`,
			hashToken(token), string(p)).Scan(&id, &expires)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrTokenInvalid
		}
		if err != nil {
			return err
		}
		if !s.clock().Before(expires) {
			expired = true
			return nil
		}
		sub, err = then(q, id)
		return err
	})
	if err == nil && expired {
		err = ErrTokenExpired
	}
	return sub, err
}

func (s *sqlStore[TTx]) Confirm(ctx context.Context, token string) (Subscriber, error) {
	return s.useToken(ctx, token, PurposeConfirm, func(q querier, id int64) (Subscriber, error) {
		if _, err := q.exec(ctx, `UPDATE subscribers SET state = 'confirmed', confirmed_at = $2
			WHERE id = $1 AND state = 'pending'`, id, s.clock()); err != nil {
			return Subscriber{}, err
		}
		return subscriberBy(ctx, q, "id", id)
	})
}

func (s *sqlStore[TTx]) ChangeComponents(ctx context.Context, token string, components []string) (Subscriber, error) {
	components, err := normalComponents(components)
	if err != nil {
		return Subscriber{}, err
	}
	return s.useToken(ctx, token, PurposeManage, func(q querier, id int64) (Subscriber, error) {
		if err := setComponents(ctx, q, id, components); err != nil {
			return Subscriber{}, err
		}
		return subscriberBy(ctx, q, "id", id)
	})
}

func (s *sqlStore[TTx]) Unsubscribe(ctx context.Context, token string) (Subscriber, error) {
	return s.useToken(ctx, token, PurposeManage, func(q querier, id int64) (Subscriber, error) {
		sub, err := subscriberBy(ctx, q, "id", id)
		if err != nil {
			return Subscriber{}, err
		}
		_, err = q.exec(ctx, `DELETE FROM subscribers WHERE id = $1`, id)
		return sub, err
	})
}

// fanOutBatch is how many deliveries are read and queued at a time: memory stays flat however many
// subscribers there are.
const fanOutBatch = 1000

func (s *sqlStore[TTx]) RecordEvent(ctx context.Context, e Event) (Recorded, error) {
	if e.ID == "" {
		return Recorded{}, fmt.Errorf("%w: empty event id", ErrInvalid)
	}
	parts := e.Parts
	if len(parts) == 0 {
		parts = []string{e.ID}
	}
	if slices.Contains(parts, "") {
		return Recorded{}, fmt.Errorf("%w: empty event id in %s", ErrInvalid, e.ID)
	}
	components, err := normalComponents(e.Components)
	if err != nil {
		return Recorded{}, err
	}
	var rec Recorded
	err = s.b.inTx(ctx, func(tx TTx, q querier) error {
		rec = Recorded{}
		// On PostgreSQL a second replica's insert waits here for the first one's transaction and
		// then finds the row; on SQLite the transaction holds the write lock from its start.
		now := s.clock()
		for _, id := range parts {
			n, err := q.exec(ctx, `INSERT INTO events (id, recorded_at, deliveries) VALUES ($1, $2, 0)
				ON CONFLICT (id) DO NOTHING`, id, now)
			if err != nil {
				return err
			}
			if n > 0 {
				rec.Parts = append(rec.Parts, id)
			}
		}
		if len(rec.Parts) == 0 {
			return nil
		}
		rec.New = true
		var err error
		if rec.Webhooks, err = s.queueWebhooks(ctx, tx, q, e.ID, rec.Parts, e.Webhooks); err != nil {
			return err
		}
		if err := testHookAfterEvent(); err != nil {
			return err
		}
		if !e.SkipEmail {
			if rec.Emails, err = s.queueEmails(ctx, tx, q, e.ID, rec.Parts, components); err != nil {
				return err
			}
		}
		_, err = q.exec(ctx, `UPDATE events SET deliveries = $2 WHERE id = $1`, rec.Parts[0], rec.Emails+rec.Webhooks)
		return err
	})
	if err != nil {
		return Recorded{}, fmt.Errorf("record event %s: %w", e.ID, err)
	}
	return rec, nil
}

// testHookAfterEvent lets a test fail a RecordEvent between its event and its jobs.
var testHookAfterEvent = func() error { return nil }

func (s *sqlStore[TTx]) queueWebhooks(ctx context.Context, tx TTx, q querier, eventID string, parts, channels []string) (int, error) {
	var params []river.InsertManyParams
	for _, name := range sortedUnique(slices.Clone(channels)) {
		var failed int
		if err := q.queryRow(ctx, `SELECT count(*) FROM failures WHERE kind = 'webhook' AND target = $1`, name).Scan(&failed); err != nil {
			return 0, err
		}
		if failed == 0 {
			params = append(params, river.InsertManyParams{Args: WebhookArgs{EventID: eventID, Events: parts, Channel: name}})
		}
	}
	if len(params) == 0 {
		return 0, nil
	}
	_, err := s.river.InsertManyTx(ctx, tx, params)
	return len(params), err
}

// queueEmails queues a delivery to every confirmed subscriber who chose all components or one of
// components (all of them when components is empty), and whose address has not failed for good.
func (s *sqlStore[TTx]) queueEmails(ctx context.Context, tx TTx, q querier, eventID string, parts, components []string) (int, error) {
	query := `SELECT s.id FROM subscribers s
		WHERE s.id > $1 AND s.state = 'confirmed'
		AND NOT EXISTS (SELECT 1 FROM failures f WHERE f.kind = 'email' AND f.target = s.address_key)`
	args := []any{int64(0)}
	if len(components) > 0 {
		marks := make([]string, len(components))
		for i, c := range components {
			args = append(args, c)
			marks[i] = fmt.Sprintf("$%d", i+2)
		}
		query += ` AND (NOT EXISTS (SELECT 1 FROM subscriber_components c WHERE c.subscriber_id = s.id)
			OR EXISTS (SELECT 1 FROM subscriber_components c WHERE c.subscriber_id = s.id
				AND c.component IN (` + strings.Join(marks, ", ") + `)))`
	}
	query += fmt.Sprintf(` ORDER BY s.id LIMIT %d`, fanOutBatch)
	total := 0
	ids := make([]int64, 0, fanOutBatch)
	params := make([]river.InsertManyParams, 0, fanOutBatch)
	for {
		ids = ids[:0]
		rs, err := q.query(ctx, query, args...)
		if err != nil {
			return 0, err
		}
		for rs.Next() {
			var id int64
			if err := rs.Scan(&id); err != nil {
				rs.Close()
				return 0, err
			}
			ids = append(ids, id)
		}
		rs.Close()
		if err := rs.Err(); err != nil {
			return 0, err
		}
		if len(ids) == 0 {
			return total, nil
		}
		params = params[:0]
		for _, id := range ids {
			params = append(params, river.InsertManyParams{Args: EmailArgs{EventID: eventID, Events: parts, SubscriberID: id}})
		}
		if _, err := s.river.InsertManyFastTx(ctx, tx, params); err != nil {
			return 0, err
		}
		total += len(ids)
		args[0] = ids[len(ids)-1]
	}
}

func (s *sqlStore[TTx]) RecordHistory(ctx context.Context, ids []string) (_ int, err error) {
	defer annotate(&err, "record history")
	added := 0
	err = s.b.inTx(ctx, func(_ TTx, q querier) error {
		added = 0
		now := s.clock()
		for _, id := range ids {
			if id == "" {
				return fmt.Errorf("%w: empty event id", ErrInvalid)
			}
			n, err := q.exec(ctx, `INSERT INTO events (id, recorded_at, deliveries) VALUES ($1, $2, 0)
				ON CONFLICT (id) DO NOTHING`, id, now)
			if err != nil {
				return err
			}
			added += int(n)
		}
		return nil
	})
	return added, err
}

func (s *sqlStore[TTx]) EventRecorded(ctx context.Context, id string) (bool, error) {
	var n int
	err := s.b.pool().queryRow(ctx, `SELECT count(*) FROM events WHERE id = $1`, id).Scan(&n)
	return n > 0, err
}

func (s *sqlStore[TTx]) Unrecorded(ctx context.Context, ids []string) (_ []string, err error) {
	defer annotate(&err, "look up events")
	var out []string
	q := s.b.pool()
	for _, id := range ids {
		var n int
		if err := q.queryRow(ctx, `SELECT count(*) FROM events WHERE id = $1`, id).Scan(&n); err != nil {
			return nil, err
		}
		if n == 0 {
			out = append(out, id)
		}
	}
	return out, nil
}

func (s *sqlStore[TTx]) HasEvents(ctx context.Context) (bool, error) {
	var n int
	err := s.b.pool().queryRow(ctx, `SELECT count(*) FROM (SELECT 1 FROM events LIMIT 1) AS one`).Scan(&n)
	return n > 0, err
}

func (s *sqlStore[TTx]) Counts(ctx context.Context) (_ Counts, err error) {
	defer annotate(&err, "count")
	var c Counts
	q := s.b.pool()
	if err := q.queryRow(ctx, `SELECT count(*) FROM subscribers WHERE state = 'pending'`).Scan(&c.Pending); err != nil {
		return c, err
	}
	if err := q.queryRow(ctx, `SELECT count(*) FROM subscribers WHERE state = 'confirmed'`).Scan(&c.Confirmed); err != nil {
		return c, err
	}
	err = q.queryRow(ctx, `SELECT count(*) FROM river_job WHERE kind IN ($1, $2, $3)
		AND state IN ('available', 'pending', 'retryable', 'running', 'scheduled')`,
		EmailArgs{}.Kind(), WebhookArgs{}.Kind(), ConfirmArgs{}.Kind()).Scan(&c.Deliveries)
	return c, err
}

func (s *sqlStore[TTx]) PendingDeliveries(ctx context.Context) (int, error) {
	// River's own table: a job that is neither completed, cancelled nor discarded is still to do.
	var n int
	err := s.b.pool().queryRow(ctx, `SELECT count(*) FROM river_job WHERE kind IN ($1, $2)
		AND state IN ('available', 'pending', 'retryable', 'running', 'scheduled')`,
		EmailArgs{}.Kind(), WebhookArgs{}.Kind()).Scan(&n)
	return n, err
}

func (s *sqlStore[TTx]) MarkFailed(ctx context.Context, f Failure) (err error) {
	defer annotate(&err, "mark failed")
	target := f.Target
	switch f.Kind {
	case FailedEmail:
		target = addressKey(strings.TrimSpace(target))
	case FailedWebhook:
	default:
		return fmt.Errorf("%w: failure kind %q", ErrInvalid, f.Kind)
	}
	if target == "" {
		return fmt.Errorf("%w: empty failure target", ErrInvalid)
	}
	_, err = s.b.pool().exec(ctx, `INSERT INTO failures (kind, target, reason, failed_at) VALUES ($1, $2, $3, $4)
		ON CONFLICT (kind, target) DO UPDATE SET reason = excluded.reason, failed_at = excluded.failed_at`,
		string(f.Kind), target, f.Reason, s.clock())
	return err
}

func (s *sqlStore[TTx]) Failures(ctx context.Context) (FailureCounts, error) {
	var c FailureCounts
	err := s.b.pool().queryRow(ctx, `SELECT
		(SELECT count(*) FROM failures WHERE kind = 'email'),
		(SELECT count(*) FROM failures WHERE kind = 'webhook')`).Scan(&c.Emails, &c.Webhooks)
	return c, err
}

func (s *sqlStore[TTx]) Cleanup(ctx context.Context) (_ Cleaned, err error) {
	defer annotate(&err, "clean up")
	var c Cleaned
	now := s.clock()
	err = s.b.inTx(ctx, func(_ TTx, q querier) error {
		n, err := q.exec(ctx, `DELETE FROM subscribers WHERE state = 'pending' AND created_at <= $1`, now.Add(-UnconfirmedLifetime))
		if err != nil {
			return err
		}
		c.Subscribers = int(n)
		if n, err = q.exec(ctx, `DELETE FROM tokens WHERE expires_at <= $1`, now); err != nil {
			return err
		}
		c.Tokens = int(n)
		n, err = q.exec(ctx, `DELETE FROM confirmations_sent WHERE sent_at <= $1`, now.Add(-ConfirmationInterval))
		c.Confirmations = int(n)
		return err
	})
	return c, err
}

func (s *sqlStore[TTx]) Subscriber(ctx context.Context, address string) (Subscriber, error) {
	return subscriberBy(ctx, s.b.pool(), "address_key", addressKey(strings.TrimSpace(address)))
}

func (s *sqlStore[TTx]) Subscribers(ctx context.Context, fn func(Subscriber) error) (err error) {
	defer annotate(&err, "list subscribers")
	rs, err := s.b.pool().query(ctx, `SELECT `+subscriberColumns+` FROM subscribers s
		LEFT JOIN subscriber_components c ON c.subscriber_id = s.id
		ORDER BY s.address_key, s.id, c.component`)
	if err != nil {
		return err
	}
	return scanSubscribers(rs, fn)
}

func (s *sqlStore[TTx]) DeleteAddress(ctx context.Context, address string) (_ bool, err error) {
	defer annotate(&err, "delete address")
	key := addressKey(strings.TrimSpace(address))
	var found bool
	err = s.b.inTx(ctx, func(_ TTx, q querier) error {
		found = false
		for _, query := range []string{
			`DELETE FROM subscribers WHERE address_key = $1`, // tokens and components go with it
			`DELETE FROM confirmations_sent WHERE address_key = $1`,
			`DELETE FROM failures WHERE kind = 'email' AND target = $1`,
		} {
			n, err := q.exec(ctx, query, key)
			if err != nil {
				return err
			}
			found = found || n > 0
		}
		return nil
	})
	return found, err
}

func (s *sqlStore[TTx]) Start(ctx context.Context, d Deliverer) error {
	if d == nil {
		return errors.New("store: Start needs a Deliverer")
	}
	if !s.started.CompareAndSwap(false, true) {
		return errors.New("store: started twice")
	}
	s.deliverer.Store(&d)
	return s.river.Start(ctx)
}

func (s *sqlStore[TTx]) Close(ctx context.Context) error {
	var err error
	if s.started.Load() {
		err = s.river.Stop(ctx)
	}
	s.b.close()
	return err
}

// annotate says which operation failed (never with the address: logs need not hold it).
func annotate(err *error, what string) {
	if *err != nil {
		*err = fmt.Errorf("%s: %w", what, *err)
	}
}

func sortedUnique(s []string) []string {
	slices.Sort(s)
	return slices.Compact(s)
}
