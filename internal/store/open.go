package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/pressly/goose/v3"
	"github.com/riverqueue/river/riverdriver"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/riverdriver/riversqlite"
	"github.com/riverqueue/river/rivermigrate"
	_ "modernc.org/sqlite" // the "sqlite" database/sql driver, pure Go
)

//go:embed migrations/*.sql
var migrations embed.FS

// Options are what a store needs besides its database.
type Options struct {
	// Now is the clock (required): subscription times, token expiry, the hourly confirmation
	// limit and the cleanup read it.
	Now func() time.Time
	// Logger gets River's log; nil discards it.
	Logger *slog.Logger
	// EmailWorkers and WebhookWorkers are how many deliveries of each kind run at once once the
	// store is started (default 4 each). The mail sender's rate limit still applies.
	EmailWorkers   int
	WebhookWorkers int
}

// How many deliveries of each kind run at once by default.
const (
	DefaultEmailWorkers   = 4
	DefaultWebhookWorkers = 4
)

// Open opens the database a DSN names, creating and migrating it as needed:
//
//	sqlite:PATH                  a SQLite file (its folder is made if missing)
//	postgres://USER:PASS@HOST/DB a PostgreSQL database (postgresql:// too, with pgx's parameters)
func Open(ctx context.Context, dsn string, opts Options) (Store, error) {
	if opts.Now == nil {
		return nil, errors.New("store: Options.Now is required")
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	opts.EmailWorkers = cmp0(opts.EmailWorkers, DefaultEmailWorkers)
	opts.WebhookWorkers = cmp0(opts.WebhookWorkers, DefaultWebhookWorkers)
	switch {
	case strings.HasPrefix(dsn, "sqlite:"):
		return openSQLite(ctx, strings.TrimPrefix(dsn, "sqlite:"), opts)
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"):
		return openPostgres(ctx, dsn, opts)
	}
	return nil, fmt.Errorf("database %q: want sqlite:PATH (a SQLite file) or postgres://USER:PASSWORD@HOST:PORT/DATABASE", Redact(dsn))
}

func cmp0(n, def int) int {
	if n <= 0 {
		return def
	}
	return n
}

// Redact hides the password of a DSN, for errors and logs.
func Redact(dsn string) string {
	scheme, rest, ok := strings.Cut(dsn, "://")
	if !ok {
		return dsn
	}
	userinfo, host, ok := strings.Cut(rest, "@")
	if !ok {
		return dsn
	}
	if user, _, ok := strings.Cut(userinfo, ":"); ok {
		return scheme + "://" + user + ":xxxxx@" + host
	}
	return dsn
}

// sqliteParams set SQLite up for a server: a write-ahead log so readers do not wait for the writer,
// a busy timeout instead of "database is locked" when two processes share the file, foreign keys
// (off by default in SQLite), transactions that take the write lock when they begin (a deferred
// one that reads and then writes can fail at once when another writer got there first), and one
// time format so times compare as text.
const sqliteParams = "_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)&_pragma=journal_mode(WAL)" +
	"&_pragma=synchronous(NORMAL)&_txlock=immediate&_time_format=sqlite"

func openSQLite(ctx context.Context, path string, opts Options) (Store, error) {
	if path == "" || strings.ContainsAny(path, "?#") {
		return nil, fmt.Errorf("database sqlite:%s: want sqlite:PATH, a file name without ? or #", path)
	}
	if dir := filepath.Dir(path); dir != "." {
		if err := os.MkdirAll(dir, 0o750); err != nil {
			return nil, fmt.Errorf("database sqlite:%s: %w", path, err)
		}
	}
	db, err := sql.Open("sqlite", "file:"+path+"?"+sqliteParams)
	if err != nil {
		return nil, fmt.Errorf("database sqlite:%s: %w", path, err)
	}
	// One connection: SQLite has one writer at a time, and River's SQLite driver asks for this so
	// its goroutines queue here instead of failing with SQLITE_BUSY.
	db.SetMaxOpenConns(1)
	db.SetConnMaxIdleTime(0)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("database sqlite:%s: %w", path, err)
	}
	driver := riversqlite.New(db)
	if err := migrate(ctx, goose.DialectSQLite3, db, driver); err != nil {
		db.Close()
		return nil, fmt.Errorf("database sqlite:%s: %w", path, err)
	}
	s, err := newSQLStore(sqlBackend{db}, driver, opts)
	if err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// migrationLock is the PostgreSQL advisory lock that lets one replica at a time migrate.
const migrationLock = 0x5374617475735072 // "StatusPr"

func openPostgres(ctx context.Context, dsn string, opts Options) (Store, error) {
	name := Redact(dsn)
	pool, err := pgxpool.New(ctx, dsn)
	if err != nil {
		return nil, fmt.Errorf("database %s: %w", name, err)
	}
	driver := riverpgxv5.New(pool)
	err = func() error {
		// Replicas start together: the first migrates while the others wait on the lock, then
		// find nothing to do.
		conn, err := pool.Acquire(ctx)
		if err != nil {
			return err
		}
		defer conn.Release()
		if _, err := conn.Exec(ctx, "SELECT pg_advisory_lock($1)", int64(migrationLock)); err != nil {
			return err
		}
		defer conn.Exec(context.WithoutCancel(ctx), "SELECT pg_advisory_unlock($1)", int64(migrationLock))
		db := stdlib.OpenDBFromPool(pool)
		defer db.Close()
		return migrate(ctx, goose.DialectPostgres, db, driver)
	}()
	if err != nil {
		pool.Close()
		return nil, fmt.Errorf("database %s: %w", name, err)
	}
	s, err := newSQLStore[pgx.Tx](pgxBackend{pool}, driver, opts)
	if err != nil {
		pool.Close()
		return nil, err
	}
	return s, nil
}

// migrate brings River's tables and then the store's own up to date.
func migrate[TTx any](ctx context.Context, dialect goose.Dialect, db *sql.DB, driver riverdriver.Driver[TTx]) error {
	rm, err := rivermigrate.New(driver, &rivermigrate.Config{Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		return fmt.Errorf("river migrations: %w", err)
	}
	if _, err := rm.Migrate(ctx, rivermigrate.DirectionUp, nil); err != nil {
		return fmt.Errorf("river migrations: %w", err)
	}
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		return err
	}
	p, err := goose.NewProvider(dialect, db, sub, goose.WithDisableGlobalRegistry(true))
	if err != nil {
		return fmt.Errorf("migrations: %w", err)
	}
	if _, err := p.Up(ctx); err != nil {
		return fmt.Errorf("migrations: %w", err)
	}
	return nil
}
