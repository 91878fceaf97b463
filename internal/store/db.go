package store

import (
	"context"
	"database/sql"
	"errors"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

// querier runs the store's SQL on a pool or in a transaction, the same on database/sql (SQLite)
// and pgx (PostgreSQL). Queries use $1-style parameters, which both read.
type querier interface {
	exec(ctx context.Context, query string, args ...any) (int64, error)
	queryRow(ctx context.Context, query string, args ...any) row
	query(ctx context.Context, query string, args ...any) (rows, error)
}

type row interface{ Scan(dest ...any) error }

type rows interface {
	Next() bool
	Scan(dest ...any) error
	Err() error
	Close()
}

// backend is a database the store runs on, with TTx the transaction type its River driver takes.
type backend[TTx any] interface {
	pool() querier
	// inTx runs fn in a transaction, committed when fn returns nil.
	inTx(ctx context.Context, fn func(tx TTx, q querier) error) error
	close()
}

// database/sql, for SQLite.

type sqlRunner interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

type sqlQuerier struct{ r sqlRunner }

func (q sqlQuerier) exec(ctx context.Context, query string, args ...any) (int64, error) {
	res, err := q.r.ExecContext(ctx, query, args...)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

func (q sqlQuerier) queryRow(ctx context.Context, query string, args ...any) row {
	return q.r.QueryRowContext(ctx, query, args...)
}

func (q sqlQuerier) query(ctx context.Context, query string, args ...any) (rows, error) {
	r, err := q.r.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	return sqlRows{r}, nil
}

type sqlRows struct{ *sql.Rows }

func (r sqlRows) Close() { r.Rows.Close() }

type sqlBackend struct{ db *sql.DB }

func (b sqlBackend) pool() querier { return sqlQuerier{b.db} }

func (b sqlBackend) inTx(ctx context.Context, fn func(*sql.Tx, querier) error) error {
	tx, err := b.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx, sqlQuerier{tx}); err != nil {
		return errors.Join(err, ignoreDone(tx.Rollback()))
	}
	return tx.Commit()
}

func (b sqlBackend) close() { b.db.Close() }

func ignoreDone(err error) error {
	if errors.Is(err, sql.ErrTxDone) || errors.Is(err, pgx.ErrTxClosed) {
		return nil
	}
	return err
}

// pgx, for PostgreSQL.

// pgxConn is what a pgxpool.Pool and a pgx.Tx both do.
type pgxConn interface {
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

type pgxQuerier struct{ c pgxConn }

func (q pgxQuerier) exec(ctx context.Context, query string, args ...any) (int64, error) {
	tag, err := q.c.Exec(ctx, query, args...)
	return tag.RowsAffected(), err
}

func (q pgxQuerier) queryRow(ctx context.Context, query string, args ...any) row {
	return q.c.QueryRow(ctx, query, args...)
}

func (q pgxQuerier) query(ctx context.Context, query string, args ...any) (rows, error) {
	return q.c.Query(ctx, query, args...)
}

type pgxBackend struct{ p *pgxpool.Pool }

func (b pgxBackend) pool() querier { return pgxQuerier{b.p} }

func (b pgxBackend) inTx(ctx context.Context, fn func(pgx.Tx, querier) error) error {
	tx, err := b.p.Begin(ctx)
	if err != nil {
		return err
	}
	if err := fn(tx, pgxQuerier{tx}); err != nil {
		return errors.Join(err, ignoreDone(tx.Rollback(ctx)))
	}
	return tx.Commit(ctx)
}

func (b pgxBackend) close() { b.p.Close() }
