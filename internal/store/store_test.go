package store_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"statuspress/internal/store"
	"statuspress/internal/store/storetest"
)

func TestSQLite(t *testing.T) {
	storetest.Run(t, sqliteDatabase)
}

func TestPostgres(t *testing.T) {
	storetest.Run(t, postgresDatabase(t))
}

func sqliteDatabase(t *testing.T) string {
	return "sqlite:" + filepath.Join(t.TempDir(), "data", "statuspress.db")
}

func postgresDatabase(t *testing.T) storetest.Database { return storetest.Postgres(t) }

// databases are the databases these tests run on here.
func databases(t *testing.T) map[string]storetest.Database {
	dbs := map[string]storetest.Database{"SQLite": sqliteDatabase}
	if os.Getenv("STATUSPRESS_TEST_POSTGRES") != "" || os.Getenv("CI") != "" {
		dbs["Postgres"] = postgresDatabase(t)
	}
	return dbs
}

// TestRecordEventAtomic: when recording an event fails after the event's row and some jobs are
// written, neither stays; the next try records and queues everything.
func TestRecordEventAtomic(t *testing.T) {
	for name, db := range databases(t) {
		t.Run(name, func(t *testing.T) {
			clock := storetest.NewClock()
			s := storetest.Open(t, db(t), clock)
			ctx := t.Context()
			for i := range 3 {
				sub, err := s.Subscribe(ctx, fmt.Sprintf("p%d@example.org", i), "en", nil)
				if err != nil {
					t.Fatal(err)
				}
				token, _ := s.NewToken(ctx, sub.ID, store.PurposeConfirm, time.Hour)
				if _, err := s.Confirm(ctx, token); err != nil {
					t.Fatal(err)
				}
			}
			crash := errors.New("crash")
			store.SetAfterEventHook(t, func() error { return crash })
			e := store.Event{ID: "update/1", Webhooks: []string{"slack"}}
			if _, err := s.RecordEvent(ctx, e); !errors.Is(err, crash) {
				t.Fatalf("RecordEvent: %v, want the crash", err)
			}
			if ok, err := s.EventRecorded(ctx, e.ID); ok || err != nil {
				t.Errorf("EventRecorded after a failed transaction = %v, %v; want false", ok, err)
			}
			if n, err := s.PendingDeliveries(ctx); n != 0 || err != nil {
				t.Errorf("PendingDeliveries after a failed transaction = %d, %v; want 0", n, err)
			}
			store.SetAfterEventHook(t, func() error { return nil })
			got, err := s.RecordEvent(ctx, e)
			if err != nil || !got.New || got.Emails != 3 || got.Webhooks != 1 {
				t.Errorf("RecordEvent again = %+v, %v; want all of it", got, err)
			}
		})
	}
}

func TestOpenRefuses(t *testing.T) {
	now := func() time.Time { return time.Time{} }
	for dsn, want := range map[string]string{
		"data/statuspress.db":              `want sqlite:PATH`,
		"mysql://u:secret@db/x":            `want sqlite:PATH`,
		"sqlite:":                          `a file name`,
		"sqlite:x.db?mode=memory":          `a file name`,
		"postgres:/x":                      `want sqlite:PATH`,
		"https://user:hunter2@example.org": `https://user:xxxxx@example.org`,
	} {
		_, err := store.Open(t.Context(), dsn, store.Options{Now: now})
		if err == nil || !strings.Contains(err.Error(), want) || strings.Contains(err.Error(), "secret") || strings.Contains(err.Error(), "hunter2") {
			t.Errorf("Open(%q) = %v; want an error with %q and no password", dsn, err, want)
		}
	}
	if _, err := store.Open(t.Context(), sqliteDatabase(t), store.Options{}); err == nil {
		t.Error("Open without a clock succeeded")
	}
}
