package store_test

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

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

// postgresDatabase gives each test a schema of its own in the database STATUSPRESS_TEST_POSTGRES
// names (CI starts one; elsewhere the tests are skipped).
func postgresDatabase(t *testing.T) storetest.Database {
	dsn := os.Getenv("STATUSPRESS_TEST_POSTGRES")
	if dsn == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("STATUSPRESS_TEST_POSTGRES is empty on CI: .ci/run starts PostgreSQL and must set it")
		}
		t.Skip("set STATUSPRESS_TEST_POSTGRES=postgres://USER:PASSWORD@HOST:PORT/DATABASE to run the store tests on PostgreSQL")
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
