// Package storetest is the one test suite of a store.Store, run against every database the store
// supports: what holds on SQLite must hold on PostgreSQL.
package storetest

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"github.com/jackc/pgx/v5"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"statuspress/internal/store"
)

// Database gives a test a DSN of an empty database of its own, removed when the test ends.
type Database func(t *testing.T) string

// Clock is a clock that moves only when told.
type Clock struct {
	mu sync.Mutex
	t  time.Time
}

// NewClock starts a clock at a whole second, so times read back from the database compare equal.
func NewClock() *Clock {
	return &Clock{t: time.Date(2026, 3, 14, 9, 26, 53, 0, time.UTC)}
}

func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *Clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// Set puts the clock at t.
func (c *Clock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = t
}

// Open opens a store on dsn with clock and closes it when the test ends.
func Open(t testing.TB, dsn string, clock *Clock) store.Store {
	t.Helper()
	s, err := store.Open(t.Context(), dsn, store.Options{Now: clock.Now})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := s.Close(ctx); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return s
}

// Postgres gives each test a schema of its own in the database STATUSPRESS_TEST_POSTGRES names
// (CI starts one; elsewhere the tests are skipped, and with CI set they fail instead).
func Postgres(t *testing.T) Database {
	dsn := os.Getenv("STATUSPRESS_TEST_POSTGRES")
	if dsn == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("STATUSPRESS_TEST_POSTGRES is empty on CI: .ci/run starts PostgreSQL and must set it")
		}
		t.Skip("set STATUSPRESS_TEST_POSTGRES=postgres://USER:PASSWORD@HOST:PORT/DATABASE to run the tests on PostgreSQL")
	}
	return func(t *testing.T) string {
		schema := "storetest_" + strings.ToLower(rand.Text()[:12])
		ctx := context.Background()
		conn, err := pgx.Connect(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close(ctx)
		if _, err := conn.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			conn, err := pgx.Connect(ctx, dsn)
			if err != nil {
				t.Error(err)
				return
			}
			defer conn.Close(ctx)
			if _, err := conn.Exec(ctx, "DROP SCHEMA "+schema+" CASCADE"); err != nil {
				t.Error(err)
			}
		})
		sep := "?"
		if strings.Contains(dsn, "?") {
			sep = "&"
		}
		// A test's data need not outlive a crash of the server: not waiting for each commit to
		// reach the disk makes River's many migrations quick.
		return dsn + sep + "search_path=" + schema + "&synchronous_commit=off"
	}
}

// Run runs the suite, each test on a database of its own from db.
func Run(t *testing.T, db Database) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s store.Store, clock *Clock)
	}{
		{"SubscribeConfirm", testSubscribeConfirm},
		{"TokenExpires", testTokenExpires},
		{"SubscribeAgain", testSubscribeAgain},
		{"RefusesBadInput", testRefusesBadInput},
		{"Manage", testManage},
		{"ConfirmationHourly", testConfirmationHourly},
		{"EventRecordedOnce", testEventRecordedOnce},
		{"History", testHistory},
		{"PermanentFailures", testPermanentFailures},
		{"Cleanup", testCleanup},
		{"DeleteAddress", testDeleteAddress},
		{"Subscribers", testSubscribers},
		{"Parts", testParts},
		{"RequestConfirmation", testRequestConfirmation},
		{"Counts", testCounts},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clock := NewClock()
			tt.fn(t, Open(t, db(t), clock), clock)
		})
	}
	t.Run("Reopened", func(t *testing.T) { testReopened(t, db(t)) })
	t.Run("Replicas", func(t *testing.T) { testReplicas(t, db(t)) })
	t.Run("Work", func(t *testing.T) { testWork(t, db(t)) })
}

// confirmed subscribes address and confirms it.
func confirmed(t *testing.T, s store.Store, address string, components ...string) store.Subscriber {
	t.Helper()
	return Confirmed(t, s, address, "en", components...)
}

// Confirmed subscribes address in lang to components (none: all of them) and confirms it, as a
// reader who followed the confirmation link.
func Confirmed(t testing.TB, s store.Store, address, lang string, components ...string) store.Subscriber {
	t.Helper()
	ctx := context.Background()
	sub, err := s.Subscribe(ctx, address, lang, components)
	if err != nil {
		t.Fatalf("Subscribe(%s): %v", address, err)
	}
	token, err := s.NewToken(ctx, sub.ID, store.PurposeConfirm, time.Hour)
	if err != nil {
		t.Fatalf("NewToken: %v", err)
	}
	sub, err = s.Confirm(ctx, token)
	if err != nil {
		t.Fatalf("Confirm(%s): %v", address, err)
	}
	return sub
}

func pending(t *testing.T, s store.Store) int {
	t.Helper()
	n, err := s.PendingDeliveries(t.Context())
	if err != nil {
		t.Fatalf("PendingDeliveries: %v", err)
	}
	return n
}

func testSubscribeConfirm(t *testing.T, s store.Store, clock *Clock) {
	ctx := t.Context()
	created := clock.Now()
	sub, err := s.Subscribe(ctx, " Ada@Example.org ", "fr", []string{"web", "api", "web"})
	if err != nil {
		t.Fatal(err)
	}
	want := store.Subscriber{ID: sub.ID, Address: "Ada@Example.org", Language: "fr",
		Components: []string{"api", "web"}, State: store.Pending, Created: created}
	if diff := cmp.Diff(want, sub); diff != "" {
		t.Fatalf("Subscribe (-want +got):\n%s", diff)
	}
	token, err := s.NewToken(ctx, sub.ID, store.PurposeConfirm, 48*time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(token, "=") || len(token) < 40 {
		t.Errorf("token %q: want at least 40 URL-safe characters", token)
	}
	// Looking is not using: the page with the button looks, the button's POST uses.
	for range 2 {
		if got, err := s.CheckToken(ctx, token, store.PurposeConfirm); err != nil || got.ID != sub.ID {
			t.Fatalf("CheckToken = %v, %v; want subscriber %d", got.ID, err, sub.ID)
		}
	}
	if _, err := s.CheckToken(ctx, token, store.PurposeManage); !errors.Is(err, store.ErrTokenInvalid) {
		t.Errorf("CheckToken for another purpose: %v, want ErrTokenInvalid", err)
	}
	if _, err := s.Unsubscribe(ctx, token); !errors.Is(err, store.ErrTokenInvalid) {
		t.Errorf("Unsubscribe with a confirm token: %v, want ErrTokenInvalid", err)
	}
	clock.Advance(time.Minute)
	got, err := s.Confirm(ctx, token)
	if err != nil {
		t.Fatal(err)
	}
	want.State, want.Confirmed = store.Confirmed, clock.Now()
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Confirm (-want +got):\n%s", diff)
	}
	if _, err := s.Confirm(ctx, token); !errors.Is(err, store.ErrTokenInvalid) || err.Error() != "use confirm token: invalid token" {
		t.Errorf("Confirm replayed: %v, want ErrTokenInvalid saying what failed", err)
	}
	if _, err := s.CheckToken(ctx, token, store.PurposeConfirm); !errors.Is(err, store.ErrTokenInvalid) {
		t.Errorf("CheckToken after use: %v, want ErrTokenInvalid", err)
	}
	if _, err := s.Confirm(ctx, "made-up"); !errors.Is(err, store.ErrTokenInvalid) {
		t.Errorf("Confirm with an unknown token: %v, want ErrTokenInvalid", err)
	}
	if _, err := s.NewToken(ctx, sub.ID, store.PurposeConfirm, 0); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("NewToken that expires at once: %v, want ErrInvalid", err)
	}
	if _, err := s.NewToken(ctx, sub.ID+1, store.PurposeConfirm, time.Hour); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("NewToken for nobody: %v, want ErrNotFound", err)
	}
}

func testTokenExpires(t *testing.T, s store.Store, clock *Clock) {
	ctx := t.Context()
	sub, err := s.Subscribe(ctx, "bob@example.org", "de", nil)
	if err != nil {
		t.Fatal(err)
	}
	token, err := s.NewToken(ctx, sub.ID, store.PurposeConfirm, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	clock.Advance(time.Hour - time.Second)
	if _, err := s.CheckToken(ctx, token, store.PurposeConfirm); err != nil {
		t.Fatalf("CheckToken a second before expiry: %v", err)
	}
	clock.Advance(time.Second)
	if _, err := s.CheckToken(ctx, token, store.PurposeConfirm); !errors.Is(err, store.ErrTokenExpired) {
		t.Errorf("CheckToken at expiry: %v, want ErrTokenExpired", err)
	}
	if _, err := s.Confirm(ctx, token); !errors.Is(err, store.ErrTokenExpired) {
		t.Errorf("Confirm at expiry: %v, want ErrTokenExpired", err)
	}
	if _, err := s.Confirm(ctx, token); !errors.Is(err, store.ErrTokenInvalid) {
		t.Errorf("Confirm again: %v, want ErrTokenInvalid (an expired token is used up too)", err)
	}
	if got, err := s.Subscriber(ctx, "bob@example.org"); err != nil || got.State != store.Pending {
		t.Errorf("after an expired confirmation: %+v, %v; want still pending", got, err)
	}
}

func testSubscribeAgain(t *testing.T, s store.Store, clock *Clock) {
	ctx := t.Context()
	first, err := s.Subscribe(ctx, "cy@example.org", "en", []string{"api"})
	if err != nil {
		t.Fatal(err)
	}
	// Pending: the latest form wins.
	again, err := s.Subscribe(ctx, "CY@example.org", "nl", nil)
	if err != nil {
		t.Fatal(err)
	}
	if again.ID != first.ID || again.Language != "nl" || again.Components != nil || again.Address != "CY@example.org" {
		t.Errorf("pending subscribed again: %+v; want the same id with language nl, every component", again)
	}
	sub := confirmed(t, s, "cy@example.org", "web")
	// Confirmed: a form cannot change someone else's subscription.
	got, err := s.Subscribe(ctx, "cy@example.org", "fr", []string{"api"})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(sub, got); diff != "" {
		t.Errorf("confirmed subscribed again (-want +got):\n%s", diff)
	}
}

func testRefusesBadInput(t *testing.T, s store.Store, clock *Clock) {
	ctx := t.Context()
	for name, c := range map[string]struct {
		address, language string
		components        []string
	}{
		"empty address":      {"", "en", nil},
		"10,000 characters":  {strings.Repeat("a", 9988) + "@example.org", "en", nil},
		"header injection":   {"a@example.org\r\nBcc: all@example.org", "en", nil},
		"empty language":     {"a@example.org", "", nil},
		"empty component":    {"a@example.org", "en", []string{""}},
		"newline component":  {"a@example.org", "en", []string{"web\nx"}},
		"language injection": {"a@example.org", "en\r\nX: y", nil},
	} {
		if _, err := s.Subscribe(ctx, c.address, c.language, c.components); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("%s: %v, want ErrInvalid", name, err)
		}
	}
	if _, err := s.RecordEvent(ctx, store.Event{}); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("RecordEvent without id: %v, want ErrInvalid", err)
	}
	n := 0
	s.Subscribers(ctx, func(store.Subscriber) error { n++; return nil })
	if n != 0 {
		t.Errorf("%d subscribers after bad input, want 0", n)
	}
}

func testManage(t *testing.T, s store.Store, clock *Clock) {
	ctx := t.Context()
	sub := confirmed(t, s, "di@example.org")
	token, err := s.NewToken(ctx, sub.ID, store.PurposeManage, 30*24*time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Confirm(ctx, token); !errors.Is(err, store.ErrTokenInvalid) {
		t.Errorf("Confirm with a manage token: %v, want ErrTokenInvalid", err)
	}
	got, err := s.ChangeComponents(ctx, token, []string{"web"})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"web"}, got.Components); diff != "" || got.State != store.Confirmed {
		t.Errorf("ChangeComponents: %+v (-want +got components):\n%s", got, diff)
	}
	if _, err := s.Unsubscribe(ctx, token); !errors.Is(err, store.ErrTokenInvalid) {
		t.Errorf("Unsubscribe with a used token: %v, want ErrTokenInvalid", err)
	}
	token, err = s.NewToken(ctx, sub.ID, store.PurposeManage, 30*24*time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	gone, err := s.Unsubscribe(ctx, token)
	if err != nil || gone.Address != "di@example.org" {
		t.Fatalf("Unsubscribe = %+v, %v", gone, err)
	}
	if _, err := s.Subscriber(ctx, "di@example.org"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Subscriber after Unsubscribe: %v, want ErrNotFound", err)
	}
}

func testConfirmationHourly(t *testing.T, s store.Store, clock *Clock) {
	ctx := t.Context()
	allow := func(address string) bool {
		t.Helper()
		ok, err := s.AllowConfirmation(ctx, address)
		if err != nil {
			t.Fatal(err)
		}
		return ok
	}
	if !allow("ed@example.org") {
		t.Fatal("first confirmation refused")
	}
	if allow("ED@example.org") {
		t.Error("second confirmation within the hour allowed")
	}
	if !allow("fay@example.org") {
		t.Error("another address refused")
	}
	clock.Advance(store.ConfirmationInterval - time.Second)
	if allow("ed@example.org") {
		t.Error("confirmation a second before the hour allowed")
	}
	clock.Advance(time.Second)
	if !allow("ed@example.org") {
		t.Error("confirmation after an hour refused")
	}
	if allow("ed@example.org") {
		t.Error("second confirmation in the new hour allowed")
	}
}

func testEventRecordedOnce(t *testing.T, s store.Store, clock *Clock) {
	ctx := t.Context()
	confirmed(t, s, "all@example.org")
	confirmed(t, s, "api@example.org", "api")
	confirmed(t, s, "web@example.org", "web", "cdn")
	if _, err := s.Subscribe(ctx, "pending@example.org", "en", nil); err != nil {
		t.Fatal(err)
	}
	e := store.Event{ID: "update/db/2026-03-14T09:00:00Z", Components: []string{"web"}, Webhooks: []string{"slack", "ops", "slack"}}
	got, err := s.RecordEvent(ctx, e)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(store.Recorded{New: true, Parts: []string{e.ID}, Emails: 2, Webhooks: 2}, got); diff != "" {
		t.Errorf("RecordEvent (-want +got):\n%s", diff)
	}
	if n := pending(t, s); n != 4 {
		t.Errorf("%d deliveries queued, want 4", n)
	}
	got, err = s.RecordEvent(ctx, e)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(store.Recorded{}, got); diff != "" {
		t.Errorf("RecordEvent again (-want +got):\n%s", diff)
	}
	if n := pending(t, s); n != 4 {
		t.Errorf("%d deliveries queued after recording again, want still 4", n)
	}
	// An event that names no component reaches every confirmed subscriber.
	got, err = s.RecordEvent(ctx, store.Event{ID: "notice/welcome"})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(store.Recorded{New: true, Parts: []string{"notice/welcome"}, Emails: 3}, got); diff != "" {
		t.Errorf("RecordEvent of every component (-want +got):\n%s", diff)
	}
	if ok, err := s.EventRecorded(ctx, "notice/welcome"); !ok || err != nil {
		t.Errorf("EventRecorded = %v, %v; want true", ok, err)
	}
}

func testHistory(t *testing.T, s store.Store, clock *Clock) {
	ctx := t.Context()
	confirmed(t, s, "gus@example.org")
	n, err := s.RecordHistory(ctx, []string{"a", "b"})
	if err != nil || n != 2 {
		t.Fatalf("RecordHistory = %d, %v; want 2", n, err)
	}
	n, err = s.RecordHistory(ctx, []string{"b", "c"})
	if err != nil || n != 1 {
		t.Fatalf("RecordHistory again = %d, %v; want 1", n, err)
	}
	got, err := s.RecordEvent(ctx, store.Event{ID: "a", Webhooks: []string{"slack"}})
	if err != nil {
		t.Fatal(err)
	}
	if got.New || pending(t, s) != 0 {
		t.Errorf("RecordEvent of history = %+v with %d queued; want nothing", got, pending(t, s))
	}
	if ok, err := s.EventRecorded(ctx, "d"); ok || err != nil {
		t.Errorf("EventRecorded(unknown) = %v, %v; want false", ok, err)
	}
}

func testPermanentFailures(t *testing.T, s store.Store, clock *Clock) {
	ctx := t.Context()
	confirmed(t, s, "hal@example.org")
	confirmed(t, s, "ivy@example.org")
	for _, f := range []store.Failure{
		{Kind: store.FailedEmail, Target: "Hal@Example.org", Reason: "550 no such user"},
		{Kind: store.FailedEmail, Target: "hal@example.org", Reason: "550 no such user"},
		{Kind: store.FailedWebhook, Target: "teams", Reason: "410 Gone"},
	} {
		if err := s.MarkFailed(ctx, f); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.MarkFailed(ctx, store.Failure{Kind: "pigeon", Target: "x"}); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("MarkFailed of an unknown kind: %v, want ErrInvalid", err)
	}
	counts, err := s.Failures(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(store.FailureCounts{Emails: 1, Webhooks: 1}, counts); diff != "" {
		t.Errorf("Failures (-want +got):\n%s", diff)
	}
	got, err := s.RecordEvent(ctx, store.Event{ID: "e", Webhooks: []string{"teams", "slack"}})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(store.Recorded{New: true, Parts: []string{"e"}, Emails: 1, Webhooks: 1}, got); diff != "" {
		t.Errorf("RecordEvent past failures (-want +got):\n%s", diff)
	}
}

func testCleanup(t *testing.T, s store.Store, clock *Clock) {
	ctx := t.Context()
	old, err := s.Subscribe(ctx, "old@example.org", "en", []string{"web"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.NewToken(ctx, old.ID, store.PurposeConfirm, 48*time.Hour); err != nil {
		t.Fatal(err)
	}
	confirmed(t, s, "kept@example.org")
	if ok, _ := s.AllowConfirmation(ctx, "old@example.org"); !ok {
		t.Fatal("AllowConfirmation refused")
	}
	clock.Advance(store.UnconfirmedLifetime - time.Second)
	if _, err := s.Subscribe(ctx, "new@example.org", "en", nil); err != nil {
		t.Fatal(err)
	}
	got, err := s.Cleanup(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// The token expired after two days; the confirmation time is older than an hour.
	if diff := cmp.Diff(store.Cleaned{Tokens: 1, Confirmations: 1}, got); diff != "" {
		t.Errorf("Cleanup a second before a week (-want +got):\n%s", diff)
	}
	clock.Advance(time.Second)
	got, err = s.Cleanup(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(store.Cleaned{Subscribers: 1}, got); diff != "" {
		t.Errorf("Cleanup after a week (-want +got):\n%s", diff)
	}
	var left []string
	s.Subscribers(ctx, func(sub store.Subscriber) error { left = append(left, sub.Address); return nil })
	if diff := cmp.Diff([]string{"kept@example.org", "new@example.org"}, left); diff != "" {
		t.Errorf("subscribers after Cleanup (-want +got):\n%s", diff)
	}
}

func testDeleteAddress(t *testing.T, s store.Store, clock *Clock) {
	ctx := t.Context()
	sub := confirmed(t, s, "jo@example.org", "web")
	token, err := s.NewToken(ctx, sub.ID, store.PurposeManage, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	s.AllowConfirmation(ctx, "jo@example.org")
	s.MarkFailed(ctx, store.Failure{Kind: store.FailedEmail, Target: "jo@example.org", Reason: "550"})
	confirmed(t, s, "other@example.org")

	if ok, err := s.DeleteAddress(ctx, "JO@example.org"); !ok || err != nil {
		t.Fatalf("DeleteAddress = %v, %v; want true", ok, err)
	}
	if _, err := s.Subscriber(ctx, "jo@example.org"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Subscriber after delete: %v, want ErrNotFound", err)
	}
	if _, err := s.Unsubscribe(ctx, token); !errors.Is(err, store.ErrTokenInvalid) {
		t.Errorf("token after delete: %v, want ErrTokenInvalid", err)
	}
	if ok, _ := s.AllowConfirmation(ctx, "jo@example.org"); !ok {
		t.Error("the confirmation time outlived the delete")
	}
	if c, _ := s.Failures(ctx); c.Emails != 0 {
		t.Errorf("the failure outlived the delete: %+v", c)
	}
	if _, err := s.Subscriber(ctx, "other@example.org"); err != nil {
		t.Errorf("another subscriber went too: %v", err)
	}
	if ok, err := s.DeleteAddress(ctx, "nobody@example.org"); ok || err != nil {
		t.Errorf("DeleteAddress(unknown) = %v, %v; want false", ok, err)
	}
}

func testSubscribers(t *testing.T, s store.Store, clock *Clock) {
	ctx := t.Context()
	b := confirmed(t, s, "b@example.org", "web", "api")
	a, err := s.Subscribe(ctx, "A@example.org", "nl", nil)
	if err != nil {
		t.Fatal(err)
	}
	c := confirmed(t, s, "c@example.org")
	var got []store.Subscriber
	if err := s.Subscribers(ctx, func(sub store.Subscriber) error { got = append(got, sub); return nil }); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]store.Subscriber{a, b, c}, got); diff != "" {
		t.Errorf("Subscribers (-want +got):\n%s", diff)
	}
	stop := errors.New("stop")
	if err := s.Subscribers(ctx, func(store.Subscriber) error { return stop }); !errors.Is(err, stop) {
		t.Errorf("Subscribers passes fn's error on: got %v", err)
	}
}

// testReopened: migrations run again on a database made before, and what it holds stays.
func testReopened(t *testing.T, dsn string) {
	clock := NewClock()
	ctx := t.Context()
	s, err := store.Open(ctx, dsn, store.Options{Now: clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	sub := confirmed(t, s, "kim@example.org")
	if err := s.Close(ctx); err != nil {
		t.Fatal(err)
	}
	got, err := Open(t, dsn, clock).Subscriber(ctx, "kim@example.org")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(sub, got); diff != "" {
		t.Errorf("after reopening (-want +got):\n%s", diff)
	}
}

// testReplicas: two stores on one database, as two replicas are, record the same events at the
// same time; each event is queued by exactly one.
func testReplicas(t *testing.T, dsn string) {
	clock := NewClock()
	a, b := Open(t, dsn, clock), Open(t, dsn, clock)
	for i := range 20 {
		confirmed(t, a, fmt.Sprintf("r%d@example.org", i))
	}
	const events = 10
	for i := range events {
		e := store.Event{ID: fmt.Sprintf("update/%d", i), Webhooks: []string{"slack"}}
		var wg sync.WaitGroup
		results := make([]store.Recorded, 2)
		errs := make([]error, 2)
		for j, s := range []store.Store{a, b} {
			wg.Go(func() { results[j], errs[j] = s.RecordEvent(t.Context(), e) })
		}
		wg.Wait()
		if err := errors.Join(errs...); err != nil {
			t.Fatal(err)
		}
		if results[0].New == results[1].New {
			t.Fatalf("event %s: both replicas New=%v, want exactly one", e.ID, results[0].New)
		}
	}
	if n := pending(t, a); n != events*21 {
		t.Errorf("%d deliveries queued, want %d", n, events*21)
	}
}

// testParts: a message of several events queues deliveries for the events never recorded, and
// only those, so replicas that batch differently still tell each event once.
func testParts(t *testing.T, s store.Store, clock *Clock) {
	ctx := t.Context()
	confirmed(t, s, "pia@example.org")
	got, err := s.RecordEvent(ctx, store.Event{ID: "m1", Parts: []string{"incident:db", "update:db/1"}})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(store.Recorded{New: true, Parts: []string{"incident:db", "update:db/1"}, Emails: 1}, got); diff != "" {
		t.Errorf("RecordEvent (-want +got):\n%s", diff)
	}
	// Another replica batched the first update with the second.
	got, err = s.RecordEvent(ctx, store.Event{ID: "m2", Parts: []string{"update:db/1", "update:db/2"}})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(store.Recorded{New: true, Parts: []string{"update:db/2"}, Emails: 1}, got); diff != "" {
		t.Errorf("RecordEvent of a message half told (-want +got):\n%s", diff)
	}
	got, err = s.RecordEvent(ctx, store.Event{ID: "m3", Parts: []string{"incident:db", "update:db/2"}})
	if err != nil {
		t.Fatal(err)
	}
	if got.New || got.Emails != 0 {
		t.Errorf("RecordEvent of a message told = %+v; want nothing queued", got)
	}
	got, err = s.RecordEvent(ctx, store.Event{ID: "m5", Parts: []string{"update:db/4"}, Webhooks: []string{"chat"}, SkipEmail: true})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(store.Recorded{New: true, Parts: []string{"update:db/4"}, Webhooks: 1}, got); diff != "" {
		t.Errorf("RecordEvent without e-mail (-want +got):\n%s", diff)
	}
	if _, err := s.RecordEvent(ctx, store.Event{ID: "m4", Parts: []string{"x", ""}}); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("RecordEvent with an empty part: %v; want ErrInvalid", err)
	}
	left, err := s.Unrecorded(ctx, []string{"update:db/3", "incident:db", "x", "update:db/2"})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"update:db/3", "x"}, left); diff != "" {
		t.Errorf("Unrecorded (-want +got):\n%s", diff)
	}
	if n := pending(t, s); n != 3 {
		t.Errorf("%d deliveries queued, want 3", n)
	}
}

// testRequestConfirmation: a confirmation is queued for a pending address at most once an hour,
// and never for an unknown or confirmed one, though each uses up the hour alike.
func testRequestConfirmation(t *testing.T, s store.Store, clock *Clock) {
	ctx := t.Context()
	request := func(address string) bool {
		t.Helper()
		ok, err := s.RequestConfirmation(ctx, address)
		if err != nil {
			t.Fatal(err)
		}
		return ok
	}
	if _, err := s.Subscribe(ctx, "quin@example.org", "fr", nil); err != nil {
		t.Fatal(err)
	}
	confirmed(t, s, "rex@example.org")
	if !request("Quin@example.org") {
		t.Error("confirmation of a pending address not queued")
	}
	if request("quin@example.org") {
		t.Error("second confirmation within the hour queued")
	}
	if request("rex@example.org") {
		t.Error("confirmation of a confirmed address queued")
	}
	if request("nobody@example.org") {
		t.Error("confirmation of an unknown address queued")
	}
	clock.Advance(store.ConfirmationInterval)
	if !request("quin@example.org") {
		t.Error("confirmation after an hour not queued")
	}
	if request("vic@example.org") {
		t.Error("confirmation of an unknown address queued")
	}
	if ok, err := s.AllowConfirmation(ctx, "vic@example.org"); ok || err != nil {
		t.Errorf("AllowConfirmation after a request = %v, %v; want the hour used up", ok, err)
	}
	if n := confirmations(t, s); n != 2 {
		t.Errorf("%d confirmations queued, want 2", n)
	}
}

// confirmations counts the confirmation mails queued: the deliveries Counts sees beyond the
// notifications PendingDeliveries counts.
func confirmations(t *testing.T, s store.Store) int {
	t.Helper()
	c, err := s.Counts(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	return c.Deliveries - pending(t, s)
}

func testCounts(t *testing.T, s store.Store, clock *Clock) {
	ctx := t.Context()
	if has, err := s.HasEvents(ctx); has || err != nil {
		t.Errorf("HasEvents of a new store = %v, %v; want false", has, err)
	}
	confirmed(t, s, "sam@example.org")
	confirmed(t, s, "tia@example.org", "api")
	if _, err := s.Subscribe(ctx, "uma@example.org", "de", nil); err != nil {
		t.Fatal(err)
	}
	if _, err := s.RecordHistory(ctx, []string{"old"}); err != nil {
		t.Fatal(err)
	}
	if has, err := s.HasEvents(ctx); !has || err != nil {
		t.Errorf("HasEvents after history = %v, %v; want true", has, err)
	}
	if _, err := s.RecordEvent(ctx, store.Event{ID: "new", Webhooks: []string{"chat"}}); err != nil {
		t.Fatal(err)
	}
	got, err := s.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(store.Counts{Pending: 1, Confirmed: 2, Deliveries: 3}, got); diff != "" {
		t.Errorf("Counts (-want +got):\n%s", diff)
	}
}

// deliverer records what it is given; the address fail@ fails for good, and the first try of each
// webhook fails for a while.
type deliverer struct {
	mu       sync.Mutex
	emails   []string
	webhooks []string
	tries    map[string]int

	confirmations []string
}

func (d *deliverer) DeliverEmail(ctx context.Context, e store.EmailDelivery) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if strings.HasPrefix(e.Subscriber.Address, "fail@") {
		return store.Permanent(errors.New("550 5.1.1 no such user"))
	}
	d.emails = append(d.emails, e.EventID+" "+e.Subscriber.Address)
	return nil
}

func (d *deliverer) DeliverWebhook(ctx context.Context, w store.WebhookDelivery) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.tries[w.Channel]++
	if w.Attempt == 1 {
		return errors.New("503 Service Unavailable")
	}
	d.webhooks = append(d.webhooks, fmt.Sprintf("%s %s attempt %d", w.EventID, w.Channel, w.Attempt))
	return nil
}

func (d *deliverer) DeliverConfirmation(ctx context.Context, c store.ConfirmationDelivery) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.confirmations = append(d.confirmations, c.Subscriber.Address)
	return nil
}

// testWork: River works the queue end to end on this database: deliveries reach the Deliverer,
// a passing failure is retried, a permanent one is counted and not retried.
func testWork(t *testing.T, dsn string) {
	clock := NewClock()
	ctx := t.Context()
	s := Open(t, dsn, clock)
	confirmed(t, s, "lu@example.org")
	confirmed(t, s, "fail@example.org")
	left := confirmed(t, s, "left@example.org")
	if _, err := s.RecordEvent(ctx, store.Event{ID: "incident/x", Webhooks: []string{"chat"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Subscribe(ctx, "new@example.org", "nl", nil); err != nil {
		t.Fatal(err)
	}
	if ok, err := s.RequestConfirmation(ctx, "new@example.org"); !ok || err != nil {
		t.Fatalf("RequestConfirmation = %v, %v", ok, err)
	}
	// Someone who leaves after the event was queued is not mailed.
	token, _ := s.NewToken(ctx, left.ID, store.PurposeManage, time.Hour)
	if _, err := s.Unsubscribe(ctx, token); err != nil {
		t.Fatal(err)
	}
	d := &deliverer{tries: map[string]int{}}
	if err := s.Start(ctx, d); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(30 * time.Second)
	for pending(t, s)+confirmations(t, s) > 0 {
		if time.Now().After(deadline) {
			t.Fatalf("%d deliveries still queued after 30 s", pending(t, s)+confirmations(t, s))
		}
		time.Sleep(50 * time.Millisecond)
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if diff := cmp.Diff([]string{"incident/x lu@example.org"}, d.emails); diff != "" {
		t.Errorf("e-mails (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"incident/x chat attempt 2"}, d.webhooks); diff != "" {
		t.Errorf("webhooks (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"new@example.org"}, d.confirmations); diff != "" {
		t.Errorf("confirmations (-want +got):\n%s", diff)
	}
	counts, err := s.Failures(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(store.FailureCounts{Emails: 1}, counts); diff != "" {
		t.Errorf("Failures (-want +got):\n%s", diff)
	}
}
