package importer

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	_ "github.com/glebarez/go-sqlite" // the driver, for the raw baseline
	"github.com/xuri/excelize/v2"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/store"
)

const benchRows = 100_000

// benchPeriods are distinct periods, so rows of one intervention never clash.
func benchPeriods() []string {
	var out []string
	for y := 2001; y <= 2099; y++ {
		out = append(out, fmt.Sprint(y), fmt.Sprintf("%d-H1", y), fmt.Sprintf("%d-H2", y),
			fmt.Sprintf("%d-K1", y), fmt.Sprintf("%d-K2", y), fmt.Sprintf("%d-K3", y), fmt.Sprintf("%d-K4", y),
			fmt.Sprintf("%d/%d", y, y+1))
	}
	return out
}

// benchDatabase opens a database with the register and 130 interventions for
// the benchmark rows.
func benchDatabase(b *testing.B) (*store.Store, []uint) {
	s := openRegister(b)
	ids := make([]uint, 130)
	err := s.Update(func(tx *store.Tx) error {
		for i := range ids {
			iv := domain.Interventie{Naam: fmt.Sprintf("Benchmark %03d", i), Cluster: domain.ClusterSocialeBasis,
				StatusCategorie: domain.StatusLopend}
			if err := tx.CreateInterventie(&iv); err != nil {
				return err
			}
			ids[i] = iv.ID
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return s, ids
}

// benchRow is row k of the benchmark file: intervention, period, value.
func benchRow(k int, periods []string) (int, string, int) {
	return k % 130, periods[k/130], k%997 + 1
}

func writeBenchFiles(b *testing.B, dir string) (csvPath, xlsxPath string) {
	periods := benchPeriods()
	csvPath = filepath.Join(dir, "bereik.csv")
	f, err := os.Create(csvPath)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriter(f)
	fmt.Fprint(w, "\ufeffInterventie;Periode;Aantal;Eenheid\r\n")
	for k := range benchRows {
		i, p, v := benchRow(k, periods)
		fmt.Fprintf(w, "Benchmark %03d;%s;%d;deelnemers\r\n", i, p, v)
	}
	w.Flush()
	f.Close()
	xf := excelize.NewFile()
	defer xf.Close()
	sw, err := xf.NewStreamWriter("Sheet1")
	if err != nil {
		b.Fatal(err)
	}
	sw.SetRow("A1", []any{"Interventie", "Periode", "Aantal", "Eenheid"})
	for k := range benchRows {
		i, p, v := benchRow(k, periods)
		cell, _ := excelize.CoordinatesToCellName(1, k+2)
		sw.SetRow(cell, []any{fmt.Sprintf("Benchmark %03d", i), p, v, "deelnemers"})
	}
	sw.Flush()
	xlsxPath = filepath.Join(dir, "bereik.xlsx")
	if err := xf.SaveAs(xlsxPath); err != nil {
		b.Fatal(err)
	}
	return csvPath, xlsxPath
}

// peakHeap samples the heap in use while an import runs.
type peakHeap struct{ peak uint64 }

func (p *peakHeap) sample() {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	p.peak = max(p.peak, m.HeapInuse)
}

// BenchmarkImport100k imports a 100.000-row reach file as CSV and as XLSX
// through the whole path (read, map, match names, check every row, then
// check and write again in one transaction) and compares the time with a
// plain bulk insert of the same rows: the rows the CSV import left in its
// database, copied into a fresh one with one prepared INSERT per row in one
// transaction, without reading, matching or checking anything. Those rows
// are the figures and, because the foundation audits every insert, the
// audit row of each; the goal (at least half the throughput) is measured
// against them, and the figures alone are printed beside it. Run with:
// go test ./data/importer -run '^$' -bench Import100k -benchtime 1x
func BenchmarkImport100k(b *testing.B) {
	csvPath, xlsxPath := writeBenchFiles(b, b.TempDir())
	b.ReportAllocs()
	for b.Loop() {
		results := map[string]time.Duration{}
		var imported *store.Store
		for _, path := range []string{csvPath, xlsxPath} {
			s, _ := benchDatabase(b)
			runtime.GC()
			var heap peakHeap
			start := time.Now()
			im, err := Open(s, path, "", SoortBereik)
			if err != nil {
				b.Fatal(err)
			}
			r, err := im.Uitvoeren(context.Background(), func(Voortgang) { heap.sample() })
			if err != nil || r.Nieuw != benchRows {
				b.Fatalf("%s: %v, %d new", path, err, r.Nieuw)
			}
			d := time.Since(start)
			name := filepath.Ext(path)[1:]
			results[name] = d
			b.ReportMetric(float64(heap.peak)/(1<<20), name+"-peak-heap-MB")
			if imported == nil {
				imported = s
			}
		}
		figures, audit := importedRows(b, imported)
		withAudit := plainInsert(b, figures, audit)
		alone := plainInsert(b, figures, nil)
		b.ReportMetric(benchRows/withAudit.Seconds(), "plain-rows/s")
		b.ReportMetric(benchRows/alone.Seconds(), "plain-figures-only-rows/s")
		for _, name := range []string{"csv", "xlsx"} {
			d := results[name]
			b.ReportMetric(benchRows/d.Seconds(), name+"-rows/s")
			b.ReportMetric(withAudit.Seconds()/d.Seconds(), name+"-vs-plain")
			b.ReportMetric(alone.Seconds()/d.Seconds(), name+"-vs-figures-only")
			fmt.Printf("import %s: %v; plain INSERT of the same rows (figures and their audit rows): %v (ratio %.2f, goal >= 0.50); of the figures alone: %v (ratio %.2f)\n",
				name, d.Round(time.Millisecond), withAudit.Round(time.Millisecond), withAudit.Seconds()/d.Seconds(),
				alone.Round(time.Millisecond), alone.Seconds()/d.Seconds())
		}
	}
}

// importedRows reads back what an import of the benchmark file added (not
// the register's figures): the new reach figures and their audit rows, each
// as the column values the driver gives, in the order they were written.
func importedRows(b *testing.B, s *store.Store) (figures, audit [][]any) {
	db := openPlain(b, s)
	defer db.Close()
	added := "FROM wijzigingen WHERE entiteit = 'bereik' AND veld = ?"
	figures = selectAll(b, db, "SELECT "+figureColumns+" FROM bereik WHERE id IN (SELECT entiteit_id "+added+") ORDER BY id",
		store.AlleVelden)
	audit = selectAll(b, db, "SELECT "+auditColumns+" "+added+" ORDER BY id", store.AlleVelden)
	if len(figures) != benchRows || len(audit) != benchRows {
		b.Fatalf("the import stored %d figures and %d audit rows about them, want %d of each", len(figures), len(audit), benchRows)
	}
	return figures, audit
}

const (
	figureColumns = "interventie_id, doelstelling_id, periode, jaar, periode_soort, soort, waarde, waarde_tot, eenheid, status, bron, notitie, gebruiker, vastgelegd"
	// the number and chain link last: entiteit_id stays fifth for plainInsert
	auditColumns = "tijd, gebruiker, actie, entiteit, entiteit_id, veld, oude_waarde, nieuwe_waarde, id, keten"
)

// selectAll reads every row of a query into memory.
func selectAll(b *testing.B, db *sql.DB, query string, args ...any) [][]any {
	rows, err := db.Query(query, args...)
	if err != nil {
		b.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var out [][]any
	for rows.Next() {
		values := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range values {
			ptrs[i] = &values[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			b.Fatal(err)
		}
		out = append(out, values)
	}
	if err := rows.Err(); err != nil {
		b.Fatal(err)
	}
	return out
}

// openPlain opens the store's file with the driver alone.
func openPlain(b *testing.B, s *store.Store) *sql.DB {
	db, err := sql.Open("sqlite", store.FileURI(s.Path(), "_pragma=busy_timeout(5000)"))
	if err != nil {
		b.Fatal(err)
	}
	return db
}

// plainInsert writes figures into a fresh database of the same make, each
// with one prepared INSERT and, when audit is given, its audit row with
// another (pointing at the figure's new record number), all in one
// transaction, and returns how long that took.
func plainInsert(b *testing.B, figures, audit [][]any) time.Duration {
	s, _ := benchDatabase(b)
	db := openPlain(b, s)
	defer db.Close()
	start := time.Now()
	tx, err := db.Begin()
	if err != nil {
		b.Fatal(err)
	}
	insertFigure, err := tx.Prepare("INSERT INTO bereik (" + figureColumns + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
	if err != nil {
		b.Fatal(err)
	}
	insertAudit, err := tx.Prepare("INSERT INTO wijzigingen (" + auditColumns + ") VALUES (?,?,?,?,?,?,?,?,?,?)")
	if err != nil {
		b.Fatal(err)
	}
	for k, f := range figures {
		res, err := insertFigure.Exec(f...)
		if err != nil {
			b.Fatal(err)
		}
		if audit == nil {
			continue
		}
		if audit[k][4], err = res.LastInsertId(); err != nil {
			b.Fatal(err)
		}
		if _, err := insertAudit.Exec(audit[k]...); err != nil {
			b.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	return time.Since(start)
}
