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

// The tables the benchmark copies the rows into: one like the team
// database's, with its keys and indexes (the baseline of the goal: a plain
// bulk insert of the same rows, into the table they go to), and a bare
// table of the same columns without any (for comparison: what the keys
// cost is a floor no way of storing the rows there avoids).
const (
	teamTable  = `CREATE TABLE kopie (LIKE team_wijzigingen INCLUDING ALL)`
	plainTable = `CREATE TABLE kopie (volgnummer BIGINT GENERATED ALWAYS AS IDENTITY, wijziging_id TEXT,
    herkomst TEXT, basis BIGINT, gebruiker TEXT, tijd TIMESTAMPTZ, actie TEXT, entiteit TEXT, sleutel TEXT, veld TEXT,
    oude_waarde TEXT, nieuwe_waarde TEXT, conflict_met TEXT)`
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

// BenchmarkSync10000: a laptop sends 10.000 changes (a bulk import of new
// reach figures, a change per field) in one synchronisation, and a second
// laptop receives and applies them in one (see benchSync). Run: go test
// ./data/team -run '^$' -bench Sync10000 -benchtime 1x
func BenchmarkSync10000(b *testing.B) {
	benchSync(b, func(a, _ *store.Store, _ *Server) { bulkFigures(b, a, 10000) })
}

// BenchmarkSync10000Gewijzigd: the same for 10.000 changes of figures both
// laptops have: a new value, note and source for each of 2.500 (a bulk
// import over earlier figures; the moment of entry changes with them).
// Each becomes an audit row of its own on
// the receiving laptop, where a new figure is one.
func BenchmarkSync10000Gewijzigd(b *testing.B) {
	benchSync(b, func(a, other *store.Store, srv *Server) {
		bulkFigures(b, a, 12*2500)
		sync(b, a, srv)
		sync(b, other, srv)
		var figures []domain.Bereik
		if err := a.ReadRaw(func(db *gorm.DB) error { return db.Where("notitie = ?", "benchmark").Find(&figures).Error }); err != nil {
			b.Fatal(err)
		}
		for i := range figures {
			figures[i].Waarde++
			figures[i].Notitie = "benchmark, gewijzigd"
			figures[i].BronTekst = "benchmark, opnieuw ingelezen"
		}
		if err := a.Update(func(t *store.Tx) error { return t.AddBereikBulk(figures) }); err != nil {
			b.Fatal(err)
		}
	})
}

// benchSync times one synchronisation of the changes prepare makes on a
// founding laptop (sending them), and one of a second laptop that joined
// (receiving them), against a COPY of the same rows into PostgreSQL in the
// same run (the median of three): into a table like the team database's,
// the goal's baseline (x_verzenden, x_ontvangen), and into a bare table
// (x_..._kaal). It also times the team database's part of sending alone:
// the same rows, converted beforehand, into a fresh team database.
func benchSync(b *testing.B, prepare func(a, other *store.Store, srv *Server)) {
	for range b.N {
		b.StopTimer()
		srv, _ := teamServer(b)
		a := founder(b, srv, "anna")
		other := member(b, srv, "bram")
		prepare(a, other, srv)
		changes := pending(b, a)
		b.StartTimer()
		start := time.Now()
		sync(b, a, srv)
		send := time.Since(start)
		start = time.Now()
		res := sync(b, other, srv)
		receive := time.Since(start)
		b.StopTimer()
		if res.Ontvangen != len(changes) || res.Toegepast != len(changes) {
			b.Fatalf("verstuurd %d, ontvangen %+v", len(changes), res)
		}
		copiedTeam := copyMedian(b, srv, teamTable, changes)
		copiedPlain := copyMedian(b, srv, plainTable, changes)
		bare, _ := teamServer(b)
		if err := bare.db.Transaction(func(tx *gorm.DB) error { return bare.create(tx, "meting") }); err != nil {
			b.Fatal(err)
		}
		start = time.Now()
		if err := sendAll(bare, changes); err != nil {
			b.Fatal(err)
		}
		stored := time.Since(start)
		b.ReportMetric(float64(len(changes)), "wijzigingen")
		b.ReportMetric(send.Seconds(), "s_verzenden")
		b.ReportMetric(receive.Seconds(), "s_ontvangen")
		b.ReportMetric(stored.Seconds(), "s_teamdatabase")
		b.ReportMetric(copiedTeam.Seconds(), "s_COPY")
		b.ReportMetric(copiedPlain.Seconds(), "s_COPY_kaal")
		b.ReportMetric(copiedTeam.Seconds()/send.Seconds(), "x_verzenden")
		b.ReportMetric(copiedTeam.Seconds()/receive.Seconds(), "x_ontvangen")
		b.ReportMetric(copiedPlain.Seconds()/send.Seconds(), "x_verzenden_kaal")
		b.ReportMetric(copiedPlain.Seconds()/receive.Seconds(), "x_ontvangen_kaal")
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
