package store

import (
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/period"
)

// Size of the benchmark database: reach and measurement rows together make
// 1.000.000.
const (
	benchInterventions  = 2000
	benchReachPerInterv = 250
	benchIndicators     = 1000
	benchMetingPerInd   = 500
)

// benchPeriods lists distinct periods, years first (so every row set has
// calendar-year figures for the aggregations), then half years and quarters.
func benchPeriods(n int) []period.Period {
	var out []period.Period
	for y := 2000; y <= 2100; y++ {
		out = append(out, period.Period{Kind: period.Jaar, Year: y})
	}
	for y := 2000; y <= 2100; y++ {
		for h := 1; h <= 2; h++ {
			out = append(out, period.Period{Kind: period.Halfjaar, Year: y, Index: h})
		}
		for q := 1; q <= 4; q++ {
			out = append(out, period.Period{Kind: period.Kwartaal, Year: y, Index: q})
		}
	}
	return out[:n]
}

// fillBenchDatabase writes the rows with plain SQL in one transaction: this is
// set-up, not what is measured.
func fillBenchDatabase(b *testing.B, s *Store) {
	b.Helper()
	sqlDB, err := s.db.DB()
	if err != nil {
		b.Fatal(err)
	}
	tx, err := sqlDB.Begin()
	if err != nil {
		b.Fatal(err)
	}
	exec := func(stmt *sql.Stmt, args ...any) {
		if _, err := stmt.Exec(args...); err != nil {
			b.Fatal(err)
		}
	}
	prep := func(q string) *sql.Stmt {
		stmt, err := tx.Prepare(q)
		if err != nil {
			b.Fatal(err)
		}
		return stmt
	}
	now := time.Now().UTC()
	interv := prep("INSERT INTO interventies (id, naam, cluster, status_categorie) VALUES (?, ?, ?, 'lopend')")
	reach := prep(`INSERT INTO bereik (interventie_id, periode, jaar, periode_soort, soort, waarde, eenheid, status, vastgelegd)
		VALUES (?, ?, ?, ?, 'precies', ?, 'jongeren', ?, ?)`)
	ind := prep("INSERT INTO indicatoren (id, code, naam, eenheid, groep) VALUES (?, ?, ?, 'aantal', 'dashboard jeugdhulp')")
	meting := prep(`INSERT INTO metingen (indicator_id, periode, jaar, periode_soort, waarde, vergelijkingswaarde, status)
		VALUES (?, ?, ?, ?, ?, ?, ?)`)
	reachPeriods := benchPeriods(benchReachPerInterv)
	for i := 1; i <= benchInterventions; i++ {
		exec(interv, i, fmt.Sprintf("Interventie %d", i), domain.Clusters[i%len(domain.Clusters)])
		for k, p := range reachPeriods {
			status := domain.StatusDefinitief
			if k%7 == 0 {
				status = domain.StatusVoorlopig
			}
			exec(reach, i, p.String(), p.Year, string(p.Kind), (i*31+k*17)%5000, status, now)
		}
	}
	metingPeriods := benchPeriods(benchMetingPerInd)
	for i := 1; i <= benchIndicators; i++ {
		exec(ind, i, fmt.Sprintf("ind-%d", i), fmt.Sprintf("Indicator %d", i))
		for k, p := range metingPeriods {
			exec(meting, i, p.String(), p.Year, string(p.Kind), (i*13+k*7)%9000, (i*11+k*3)%9000, domain.StatusDefinitief)
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	if _, err := sqlDB.Exec("ANALYZE"); err != nil {
		b.Fatal(err)
	}
}

// plainSQL runs the same aggregations as the store with database/sql and
// hand-written scanning: the baseline.
type plainSQL struct{ db *sql.DB }

func (p plainSQL) bereikPerJaar(van, tot int) (int, error) {
	rows, err := p.db.Query(`SELECT interventie_id, jaar, waarde, status = ?, bron, gebruiker FROM bereik
		WHERE periode_soort = ? AND jaar BETWEEN ? AND ? AND interventie_id IS NOT NULL
		ORDER BY interventie_id, jaar`, domain.StatusVoorlopig, period.Jaar, van, tot)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var r BereikJaartotaal
		if err := rows.Scan(&r.InterventieID, &r.Jaar, &r.Waarde, &r.Voorlopig, &r.Bron, &r.Gebruiker); err != nil {
			return n, err
		}
		n++
	}
	return n, rows.Err()
}

func (p plainSQL) bereikVanCluster(cluster domain.Cluster, jaar int) (int, error) {
	rows, err := p.db.Query(`SELECT b.interventie_id, i.naam, b.waarde, b.eenheid, b.status = ? FROM bereik AS b
		JOIN interventies AS i ON i.id = b.interventie_id
		WHERE i.cluster = ? AND b.periode_soort = ? AND b.jaar = ? ORDER BY i.naam COLLATE NOCASE`,
		domain.StatusVoorlopig, cluster, period.Jaar, jaar)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var r ClusterBereik
		if err := rows.Scan(&r.InterventieID, &r.Naam, &r.Waarde, &r.Eenheid, &r.Voorlopig); err != nil {
			return n, err
		}
		n++
	}
	return n, rows.Err()
}

func (p plainSQL) jaarreeks(id uint, van, tot int) (int, error) {
	rows, err := p.db.Query(`SELECT jaar, waarde, vergelijkingswaarde, status, bron_document, bron_sectie FROM metingen
		WHERE indicator_id = ? AND periode_soort = ? AND jaar BETWEEN ? AND ? ORDER BY jaar`, id, period.Jaar, van, tot)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var r JaarWaarde
		var cmp sql.NullFloat64
		if err := rows.Scan(&r.Jaar, &r.Waarde, &cmp, &r.Status, &r.BronDocument, &r.BronSectie); err != nil {
			return n, err
		}
		if cmp.Valid {
			r.Vergelijkingswaarde = &cmp.Float64
		}
		n++
	}
	return n, rows.Err()
}

// dashboardLoad is one refresh of the dashboard: yearly reach of every
// intervention over ten years, one cluster's reach in a year, and twenty
// indicator series.
type dashboardLoad struct {
	bereikPerJaar    func(van, tot int) (int, error)
	bereikVanCluster func(c domain.Cluster, jaar int) (int, error)
	jaarreeks        func(id uint, van, tot int) (int, error)
}

func (l dashboardLoad) run() (int, error) {
	total := 0
	n, err := l.bereikPerJaar(2015, 2024)
	if err != nil {
		return 0, err
	}
	total += n
	for _, c := range domain.Clusters {
		n, err := l.bereikVanCluster(c, 2023)
		if err != nil {
			return 0, err
		}
		total += n
	}
	for id := uint(1); id <= 20; id++ {
		n, err := l.jaarreeks(id*37, 2000, 2100)
		if err != nil {
			return 0, err
		}
		total += n
	}
	return total, nil
}

func count[T any](f func() ([]T, error)) (int, error) {
	rows, err := f()
	return len(rows), err
}

// BenchmarkDashboardAggregations runs the dashboard's aggregations over
// 1.000.000 reach and measurement rows through the store and through plain SQL
// on the same file in the same run, and reports the ratio (goal: at most 1,5).
func BenchmarkDashboardAggregations(b *testing.B) {
	s, err := Open(filepath.Join(b.TempDir(), "bench.db"), Options{Create: true})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	fillBenchDatabase(b, s)
	sqlDB, _ := s.db.DB()
	plain := plainSQL{db: sqlDB}
	viaStore := dashboardLoad{
		bereikPerJaar: func(van, tot int) (int, error) {
			return count(func() ([]BereikJaartotaal, error) { return s.BereikPerJaar(van, tot) })
		},
		bereikVanCluster: func(c domain.Cluster, jaar int) (int, error) {
			return count(func() ([]ClusterBereik, error) { return s.BereikVanCluster(c, jaar) })
		},
		jaarreeks: func(id uint, van, tot int) (int, error) {
			return count(func() ([]JaarWaarde, error) { return s.Jaarreeks(id, van, tot) })
		},
	}
	viaSQL := dashboardLoad{bereikPerJaar: plain.bereikPerJaar, bereikVanCluster: plain.bereikVanCluster, jaarreeks: plain.jaarreeks}

	wantRows, err := viaSQL.run()
	if err != nil {
		b.Fatal(err)
	}
	if got, err := viaStore.run(); err != nil || got != wantRows || wantRows == 0 {
		b.Fatalf("store returned %d rows, plain SQL %d (%v)", got, wantRows, err)
	}
	var storeTime, sqlTime time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		// Alternate the order so neither side profits from a warmer cache.
		first, second := viaStore, viaSQL
		firstTime, secondTime := &storeTime, &sqlTime
		if i%2 == 1 {
			first, second, firstTime, secondTime = viaSQL, viaStore, &sqlTime, &storeTime
		}
		start := time.Now()
		if _, err := first.run(); err != nil {
			b.Fatal(err)
		}
		mid := time.Now()
		if _, err := second.run(); err != nil {
			b.Fatal(err)
		}
		*firstTime += mid.Sub(start)
		*secondTime += time.Since(mid)
	}
	b.StopTimer()
	ratio := float64(storeTime) / float64(sqlTime)
	b.ReportMetric(float64(storeTime.Microseconds())/float64(b.N), "µs-store/op")
	b.ReportMetric(float64(sqlTime.Microseconds())/float64(b.N), "µs-sql/op")
	b.ReportMetric(ratio, "store/sql")
	b.Logf("%d rows per dashboard refresh; store %v, plain SQL %v per refresh; ratio %.2f (goal ≤ 1,5)",
		wantRows, storeTime/time.Duration(b.N), sqlTime/time.Duration(b.N), ratio)
}
