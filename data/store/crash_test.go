package store

import (
	"bufio"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"jeugdmonitor/data/domain"
)

// crashWriterEnv names the database a re-executed test binary writes to until
// it is killed.
const crashWriterEnv = "JEUGDMONITOR_CRASH_WRITER"

// batchSize is the number of rows in one all-or-nothing batch of the writer.
const batchSize = 20

// TestMain lets this test binary act as the writer process of the crash test.
func TestMain(m *testing.M) {
	if path := os.Getenv(crashWriterEnv); path != "" {
		os.Exit(runCrashWriter(path))
	}
	if path := os.Getenv(stuckCreatorEnv); path != "" {
		os.Exit(runStuckCreator(path))
	}
	os.Exit(m.Run())
}

// runCrashWriter saves single reach figures and batches (as the reach grid
// and as an import writes them) in a loop, printing a
// line after each commit: "bereik <interventie> <periode> <waarde>" or
// "batch <tag>".
func runCrashWriter(path string) int {
	s, err := Open(path, Options{User: "schrijver"})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	ids, err := s.Interventies(false)
	if err != nil || len(ids) < 2 {
		fmt.Fprintln(os.Stderr, "geen interventies", err)
		return 1
	}
	out := bufio.NewWriter(os.Stdout)
	rnd := rand.New(rand.NewSource(time.Now().UnixNano()))
	for n := 0; ; n++ {
		if n%4 == 3 {
			tag := rnd.Int63()
			rows := make([]domain.Bereik, batchSize)
			for k := range rows {
				id := ids[1].ID
				rows[k] = domain.Bereik{InterventieID: &id, Periode: fmt.Sprint(2000 + k), Waarde: float64(tag % 100000),
					Eenheid: "jongeren", Status: domain.StatusVoorlopig, Notitie: fmt.Sprint(tag)}
			}
			save := s.RecordBereikBatch
			if n%8 == 7 { // the import's bulk path
				save = func(rows []domain.Bereik) error { return s.Update(func(t *Tx) error { return t.AddBereikBulk(rows) }) }
			}
			if err := save(rows); err != nil {
				fmt.Fprintln(os.Stderr, err)
				return 1
			}
			fmt.Fprintf(out, "batch %d\n", tag)
		} else {
			id := ids[0].ID
			per := fmt.Sprint(2000 + rnd.Intn(100))
			value := rnd.Intn(100000)
			b := domain.Bereik{InterventieID: &id, Periode: per, Waarde: float64(value), Eenheid: "jongeren",
				Status: domain.StatusDefinitief}
			if err := s.RecordBereik(&b); err != nil {
				fmt.Fprintln(os.Stderr, err)
				return 1
			}
			fmt.Fprintf(out, "bereik %d %s %d\n", id, per, value)
		}
		out.Flush()
	}
}

// TestSurvivesKillAtRandomMoments kills a writer with SIGKILL at random
// moments, 200 times, and checks after each kill that the database is intact,
// that every save reported as committed is there, and that nothing is half
// there: no batch partly stored, no reach without its audit rows.
func TestSurvivesKillAtRandomMoments(t *testing.T) {
	kills := 200
	if testing.Short() {
		kills = 20
	}
	path := filepath.Join(t.TempDir(), "crash.db")
	s, err := Open(path, Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	newIntervention(t, s, "Ambulant jongerenwerk")
	newIntervention(t, s, "Jongerencentra")
	s.Close()

	rnd := rand.New(rand.NewSource(1))
	latest := map[string]string{} // "interventie periode" -> last committed value
	batches := 0
	for k := 0; k < kills; k++ {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), crashWriterEnv+"="+path)
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		var stderr strings.Builder
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		lines := make(chan string, 1024)
		go func() {
			sc := bufio.NewScanner(stdout)
			for sc.Scan() {
				lines <- sc.Text()
			}
			close(lines)
		}()
		var seen []string
		if k%2 == 1 {
			// every other kill is timed from the writer's first committed
			// batch, so that it falls while saving however slowly the
			// writer runs (a loaded machine, the race detector); the others
			// may fall while it opens the database
			seen = untilBatch(lines, 30*time.Second)
		}
		time.Sleep(time.Duration(20+rnd.Intn(180)) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		for line := range lines {
			seen = append(seen, line)
		}
		for _, line := range seen {
			f := strings.Fields(line)
			switch f[0] {
			case "bereik":
				latest[f[1]+" "+f[2]] = f[3]
			case "batch":
				batches++
			}
		}
		cmd.Wait()
		if strings.TrimSpace(stderr.String()) != "" {
			t.Fatalf("kill %d: the writer failed: %s", k, stderr.String())
		}
		verifyAfterCrash(t, path, latest, k)
	}
	if len(latest) == 0 || batches == 0 {
		t.Fatalf("the writer committed %d single saves and %d batches: the test proved nothing", len(latest), batches)
	}
	t.Logf("%d kills; %d periods and %d batches committed", kills, len(latest), batches)
}

// untilBatch reads the writer's lines up to and including its first
// committed batch, or until it stops or the time is up.
func untilBatch(lines <-chan string, limit time.Duration) []string {
	var seen []string
	deadline := time.After(limit)
	for {
		select {
		case line, ok := <-lines:
			if !ok {
				return seen
			}
			seen = append(seen, line)
			if strings.HasPrefix(line, "batch ") {
				return seen
			}
		case <-deadline:
			return seen
		}
	}
}

func verifyAfterCrash(t *testing.T, path string, latest map[string]string, kill int) {
	t.Helper()
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatalf("kill %d: reopen: %v", kill, err)
	}
	defer s.Close()
	report, err := s.Check()
	if err != nil || !report.OK() {
		t.Fatalf("kill %d: integrity: %v %v", kill, report.Problems, err)
	}
	all, _ := s.Interventies(false)
	reach, _ := s.BereikVan(all[0].ID)
	stored := map[string]string{}
	for _, b := range reach {
		stored[fmt.Sprintf("%d %s", all[0].ID, b.Periode)] = fmt.Sprint(b.Waarde)
	}
	for key, value := range latest {
		// A later save of the same period may have committed without its
		// line being read before the kill; then the stored value differs but
		// the period is there.
		if _, ok := stored[key]; !ok {
			t.Fatalf("kill %d: committed save %s = %s is missing", kill, key, value)
		}
	}
	var partial []struct {
		Notitie string
		N       int
	}
	s.db.Raw("SELECT notitie, count(*) AS n FROM bereik WHERE interventie_id = ? GROUP BY notitie", all[1].ID).Scan(&partial)
	for _, p := range partial {
		if p.N != batchSize {
			t.Fatalf("kill %d: batch %s is half there (%d of %d rows)", kill, p.Notitie, p.N, batchSize)
		}
	}
	var unaudited int64
	s.db.Raw(`SELECT count(*) FROM bereik b WHERE NOT EXISTS (SELECT 1 FROM wijzigingen w
		WHERE w.entiteit = 'bereik' AND w.entiteit_id = b.id AND w.veld = 'waarde' AND CAST(w.nieuwe_waarde AS REAL) = b.waarde)`).Scan(&unaudited)
	if unaudited > 0 {
		t.Fatalf("kill %d: %d reach rows without the audit row of their value", kill, unaudited)
	}
}
