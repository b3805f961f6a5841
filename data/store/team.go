package store

import (
	"gorm.io/gorm"

	"jeugdmonitor/data/domain"
)

// RawTx is a transaction with direct access to the tables, for the team
// synchronisation (package data/team): it applies changes that were made
// and validated on another laptop, and writes them into the audit trail
// under their own author and moment.
type RawTx struct{ t *Tx }

// UpdateRaw runs fn in one transaction, as Update does.
func (s *Store) UpdateRaw(fn func(r *RawTx) error) error {
	return s.Update(func(t *Tx) error { return fn(&RawTx{t: t}) })
}

// ReadRaw runs fn with the database, for reading only.
func (s *Store) ReadRaw(fn func(db *gorm.DB) error) error {
	return fn(s.db)
}

// DB is the transaction's connection.
func (r *RawTx) DB() *gorm.DB { return r.t.db }

// Log appends audit rows after the last one, each with its own moment and
// author (as given), numbered and chained; it sets each row's ID.
func (r *RawTx) Log(rows []domain.Wijziging) error {
	return r.t.logAll(rows)
}
