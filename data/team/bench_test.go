package team

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	"gorm.io/gorm"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/store"
)

// copyRuns is how often the benchmark copies the rows; it compares with the
// median, as one COPY of a few hundredths of a second varies by half on a
// busy machine.
const copyRuns = 3

// The tables the benchmark copies the rows into: a plain table of the same
// columns (the baseline of the goal), and one like the team database's,
// with its keys and indexes (the least any way of storing them there costs).
const (
	plainTable = `CREATE TABLE kopie (volgnummer BIGINT GENERATED ALWAYS AS IDENTITY, wijziging_id TEXT,
    herkomst TEXT, basis BIGINT, gebruiker TEXT, tijd TIMESTAMPTZ, actie TEXT, entiteit TEXT, sleutel TEXT, veld TEXT,
    oude_waarde TEXT, nieuwe_waarde TEXT, conflict_met TEXT)`
	teamTable = `CREATE TABLE kopie (LIKE team_wijzigingen INCLUDING ALL)`
)

// copyMedian is the median time of copyRuns COPYs of changes into a new
// table made by create (copyChanges).
func copyMedian(b *testing.B, srv *Server, create string, changes []Wijziging) time.Duration {
	b.Helper()
	times := make([]time.Duration, copyRuns)
	for i := range times {
		times[i] = copyChanges(b, srv, create, changes)
	}
	slices.Sort(times)
	return times[copyRuns/2]
}

// copyChanges writes changes into a new table made by create with
// PostgreSQL's COPY.
func copyChanges(b *testing.B, srv *Server, create string, changes []Wijziging) time.Duration {
	b.Helper()
	if err := srv.db.Exec("DROP TABLE IF EXISTS kopie; " + create).Error; err != nil {
		b.Fatal(err)
	}
	rows := make([][]any, len(changes))
	for i, c := range changes {
		rows[i] = []any{c.ID, c.Herkomst, c.Basis, c.Gebruiker, c.Tijd, string(c.Actie), c.Entiteit, c.Sleutel, c.Veld,
			c.OudeWaarde, c.NieuweWaarde, c.ConflictMet}
	}
	sqlDB, err := srv.db.DB()
	if err != nil {
		b.Fatal(err)
	}
	conn, err := sqlDB.Conn(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	defer conn.Close()
	start := time.Now()
	err = conn.Raw(func(dc any) error {
		_, err := dc.(*stdlib.Conn).Conn().CopyFrom(context.Background(), pgx.Identifier{"kopie"},
			sentColumns, pgx.CopyFromRows(rows))
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	return time.Since(start)
}

// BenchmarkSync10000: a laptop sends 10.000 changes (a bulk import of
// reach figures, a change per field) in one synchronisation, against a COPY
// of the same rows into PostgreSQL in the same run (the median of three);
// then a second laptop receives and applies them. It reports each side's
// time and ratio against the COPY (the ratio of the whole, x_sync, is that
// of sending and receiving together), and that of the team database's part
// of sending alone. For comparison it also copies the rows into a table
// like the team database's, with its keys and indexes (x_..._teamtabel):
// what they cost is a floor for any way of storing the rows there. Run: go test ./data/team -run '^$' -bench Sync10000 -benchtime 1x
func BenchmarkSync10000(b *testing.B) {
	for range b.N {
		srv, _ := teamServer(b)
		a := founder(b, srv, "anna")
		other := member(b, srv, "bram")
		bulkFigures(b, a, 10000)
		changes := pending(b, a)
		b.ResetTimer()
		start := time.Now()
		sync(b, a, srv)
		send := time.Since(start)
		start = time.Now()
		res := sync(b, other, srv)
		receive := time.Since(start)
		b.StopTimer()
		copied := copyMedian(b, srv, plainTable, changes)
		copiedTeam := copyMedian(b, srv, teamTable, changes)
		// the team database's part of sending: the same rows into a fresh one
		bare, _ := teamServer(b)
		if err := bare.db.Transaction(func(tx *gorm.DB) error { return bare.create(tx, "meting") }); err != nil {
			b.Fatal(err)
		}
		start = time.Now()
		if err := sendAll(bare, changes); err != nil {
			b.Fatal(err)
		}
		stored := time.Since(start)
		b.ReportMetric(stored.Seconds(), "s_teamdatabase")
		if res.Ontvangen != len(changes) || res.Toegepast != len(changes) {
			b.Fatalf("verstuurd %d, ontvangen %+v", len(changes), res)
		}
		b.ReportMetric(float64(len(changes)), "wijzigingen")
		b.ReportMetric(send.Seconds(), "s_verzenden")
		b.ReportMetric(receive.Seconds(), "s_ontvangen")
		b.ReportMetric(copied.Seconds(), "s_COPY")
		b.ReportMetric(copied.Seconds()/send.Seconds(), "x_verzenden_tegen_COPY")
		b.ReportMetric(copied.Seconds()/receive.Seconds(), "x_ontvangen_tegen_COPY")
		b.ReportMetric(copied.Seconds()/(send+receive).Seconds(), "x_sync_tegen_COPY")
		b.ReportMetric(copiedTeam.Seconds(), "s_COPY_teamtabel")
		b.ReportMetric(copiedTeam.Seconds()/send.Seconds(), "x_verzenden_tegen_COPY_teamtabel")
		b.ReportMetric(copied.Seconds()/stored.Seconds(), "x_teamdatabase_tegen_COPY")
	}
}

// bulkFigures enters reach figures on laptop s in one bulk import, as many
// as make about n changes to send (a change per stored field).
func bulkFigures(tb testing.TB, s *store.Store, n int) {
	tb.Helper()
	all, err := s.Interventies(false)
	if err != nil {
		tb.Fatal(err)
	}
	const fields = 12 // the stored fields of a figure entered this way
	rows := make([]domain.Bereik, n/fields)
	for k := range rows {
		id := all[k%len(all)].ID
		rows[k] = domain.Bereik{InterventieID: &id, Periode: fmt.Sprint(2000 + k/len(all)), Waarde: float64(k),
			Eenheid: "deelnemers", MaatNaam: "deelnemers", Status: domain.StatusDefinitief, Notitie: "benchmark", BronTekst: "benchmark"}
	}
	if err := s.Update(func(t *store.Tx) error { return t.AddBereikBulk(rows) }); err != nil {
		tb.Fatal(err)
	}
}

// pending is what a laptop would send now (computed in a transaction
// that is rolled back).
func pending(tb testing.TB, s *store.Store) []Wijziging {
	tb.Helper()
	undo := errors.New("terugdraaien")
	var changes []Wijziging
	err := s.UpdateRaw(func(r *store.RawTx) error {
		st, _, err := readState(r.DB())
		if err != nil {
			return err
		}
		rows, err := unsent(r.DB(), st)
		if err != nil {
			return err
		}
		c, err := newConverter(r.DB(), st, rows)
		if err != nil {
			return err
		}
		if err := c.each(rows, func(part []Wijziging) error { changes = append(changes, part...); return nil }); err != nil {
			return err
		}
		return undo
	})
	if !errors.Is(err, undo) {
		tb.Fatal(err)
	}
	return changes
}

// sendAll stores changes of one laptop in the team database in one transaction.
func sendAll(srv *Server, changes []Wijziging) error {
	return srv.transaction(func(t txn) error { return sendChanges(t, changes, nil) })
}
