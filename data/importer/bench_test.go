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
// write in one transaction with audit rows) and compares the throughput with
// a bulk insert of the same rows, already in memory as records, in one
// transaction through the same store (the validation and audit rows every
// change gets). Run with: go test ./data/importer -run x -bench Import100k -benchtime 1x
func BenchmarkImport100k(b *testing.B) {
	csvPath, xlsxPath := writeBenchFiles(b, b.TempDir())
	periods := benchPeriods()
	b.ReportAllocs()
	for b.Loop() {
		s, ids := benchDatabase(b)
		rows := make([]domain.Bereik, benchRows)
		for k := range rows {
			i, p, v := benchRow(k, periods)
			rows[k] = domain.Bereik{InterventieID: &ids[i], Periode: p, Waarde: float64(v), Eenheid: "deelnemers",
				Status: domain.StatusDefinitief, BronTekst: fmt.Sprintf("bereik.csv, regel %d", k+2)}
		}
		start := time.Now()
		err := s.Update(func(tx *store.Tx) error {
			for k := range rows {
				if err := tx.RecordBereik(&rows[k]); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
		bulk := time.Since(start)
		raw := rawInsert(b, rows)
		rows = nil
		results := map[string]time.Duration{}
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
		}
		b.ReportMetric(benchRows/bulk.Seconds(), "bulk-rows/s")
		b.ReportMetric(benchRows/raw.Seconds(), "raw-rows/s")
		for name, d := range results {
			b.ReportMetric(benchRows/d.Seconds(), name+"-rows/s")
			b.ReportMetric(bulk.Seconds()/d.Seconds(), name+"-vs-bulk")
			b.ReportMetric(raw.Seconds()/d.Seconds(), name+"-vs-raw")
			fmt.Printf("import %s: %v; audited bulk insert: %v (ratio %.2f, goal >= 0.50); raw INSERT without audit: %v (ratio %.3f)\n",
				name, d.Round(time.Millisecond), bulk.Round(time.Millisecond), bulk.Seconds()/d.Seconds(),
				raw.Round(time.Millisecond), raw.Seconds()/d.Seconds())
		}
	}
}

// rawInsert writes the same rows as the import stores them (every column,
// the derived year and kind of period, recorder and moment included) with
// one prepared INSERT per row in one transaction into a fresh database,
// without validation, name matching or audit rows: the plain bulk insert the
// import is measured against.
func rawInsert(b *testing.B, rows []domain.Bereik) time.Duration {
	s, _ := benchDatabase(b)
	db, err := sql.Open("sqlite", "file:"+s.Path()+"?_pragma=busy_timeout(5000)")
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	now := time.Now()
	for k := range rows {
		if err := rows[k].Validate(); err != nil { // fills the year and kind of period before the clock runs
			b.Fatal(err)
		}
		rows[k].Gebruiker, rows[k].Vastgelegd = "tester", now
	}
	start := time.Now()
	tx, err := db.Begin()
	if err != nil {
		b.Fatal(err)
	}
	stmt, err := tx.Prepare(`INSERT INTO bereik (interventie_id, doelstelling_id, periode, jaar, periode_soort, soort,
		waarde, waarde_tot, eenheid, status, bron, notitie, gebruiker, vastgelegd) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)`)
	if err != nil {
		b.Fatal(err)
	}
	for _, r := range rows {
		if _, err := stmt.Exec(*r.InterventieID, nil, r.Periode, r.Jaar, r.PeriodeSoort, string(r.Soort), r.Waarde, nil,
			r.Eenheid, string(r.Status), r.BronTekst, r.Notitie, r.Gebruiker, r.Vastgelegd); err != nil {
			b.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	return time.Since(start)
}
