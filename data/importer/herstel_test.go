package importer

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"jeugdmonitor/data/backup"
	"jeugdmonitor/data/bestand/bestandtest"
	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/store"
	"jeugdmonitor/data/store/storetest"
)

var restoreMoment = time.Date(2026, 11, 22, 11, 0, 0, 0, time.Local)

// dbWith makes a database at path holding one intervention called naam.
func dbWith(t *testing.T, path, naam string) {
	t.Helper()
	s, err := store.Open(path, store.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	i := domain.Interventie{Naam: naam, Cluster: domain.ClusterSocialeBasis, StatusCategorie: domain.StatusStructureel}
	if err := s.CreateInterventie(&i); err != nil {
		t.Fatal(err)
	}
}

// interventionNames lists the interventions of the database at path.
func interventionNames(t *testing.T, path string) []string {
	t.Helper()
	s, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	return namesIn(t, s)
}

// namesIn lists the interventions the open store s reads now, sorted.
func namesIn(t *testing.T, s *store.Store) []string {
	t.Helper()
	all, err := s.Interventies(true)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, i := range all {
		names = append(names, i.Naam)
	}
	sort.Strings(names)
	return names
}

func TestRestoreOntoAndFromPathsWithURICharacters(t *testing.T) {
	for _, name := range []string{"Jeugd #2.db", "vraag?.db", "pro%41cent.db", "met spatie.db", "jeugd-ë€.db"} {
		t.Run(name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "map #1")
			doel := filepath.Join(dir, name)
			if bestandtest.WindowsWeigert(t, name, func() error {
				bron := filepath.Join(t.TempDir(), "kopie.db")
				dbWith(t, bron, "Nieuw")
				_, err := Herstel(bron, doel, restoreMoment)
				return err
			}) {
				return
			}
			dbWith(t, doel, "Oud")
			bron := filepath.Join(t.TempDir(), "kopie "+name)
			dbWith(t, bron, "Nieuw")
			kept, err := Herstel(bron, doel, restoreMoment)
			if err != nil {
				t.Fatal(err)
			}
			entries, _ := os.ReadDir(dir)
			var names []string
			for _, e := range entries {
				names = append(names, e.Name())
			}
			want := []string{"backups", name, name + ".lock"}
			sort.Strings(want)
			if strings.Join(names, "|") != strings.Join(want, "|") {
				t.Fatalf("files beside the database: %q", names)
			}
			if got := interventionNames(t, doel); strings.Join(got, ",") != "Nieuw" {
				t.Fatalf("%s holds %v after the restore", name, got)
			}
			if got := interventionNames(t, kept); strings.Join(got, ",") != "Oud" {
				t.Fatalf("the kept copy %s holds %v", kept, got)
			}
		})
	}
}

// TestRestoreKeepsEveryWriteReportedSaved runs writers beside restores: a
// write the store reports saved must be in the copy kept of the replaced
// database or in the restored one, never lost between them.
func TestRestoreKeepsEveryWriteReportedSaved(t *testing.T) {
	dir := t.TempDir()
	doel := filepath.Join(dir, "gedeeld.db")
	dbWith(t, doel, "Match")
	bron := filepath.Join(dir, "bron.db")
	dbWith(t, bron, "Match")
	var (
		mu    sync.Mutex
		saved []string
		stop  = make(chan struct{})
		wg    sync.WaitGroup
	)
	for w := 0; w < 3; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for k := 0; ; k++ {
				select {
				case <-stop:
					return
				default:
				}
				s, err := store.Open(doel, store.Options{})
				if err != nil {
					continue // between the restore's steps the file may be refused: nothing reported saved
				}
				key := fmt.Sprintf("schrijver-%d-%d", w, k)
				if err := s.SetSetting(key, "opgeslagen"); err == nil {
					mu.Lock()
					saved = append(saved, key)
					mu.Unlock()
				}
				s.Close()
				time.Sleep(time.Millisecond)
			}
		}(w)
	}
	var kept []string
	start := time.Now()
	enough := func() bool {
		mu.Lock()
		defer mu.Unlock()
		return len(kept) >= 8 && len(saved) >= 20 && time.Since(start) > 3*time.Second
	}
	for !enough() && time.Since(start) < 30*time.Second {
		k, err := Herstel(bron, doel, restoreMoment.Add(time.Duration(len(kept))*time.Second))
		if err == nil {
			kept = append(kept, k)
		} else if !strings.Contains(err.Error(), "al geopend door een ander venster") {
			t.Fatal(err)
		}
		time.Sleep(5 * time.Millisecond)
	}
	close(stop)
	wg.Wait()
	if len(kept) < 8 {
		t.Fatalf("only %d restores got the database", len(kept))
	}
	found := map[string]bool{}
	for _, path := range append(kept, doel) {
		s, err := store.Open(path, store.Options{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		all, err := s.Settings()
		s.Close()
		if err != nil {
			t.Fatal(err)
		}
		for k := range all {
			found[k] = true
		}
	}
	var lost []string
	for _, k := range saved {
		if !found[k] {
			lost = append(lost, k)
		}
	}
	t.Logf("%d restores, %d writes reported saved", len(kept), len(saved))
	if len(lost) > 0 || len(saved) == 0 {
		t.Fatalf("%d of %d writes reported saved are in neither the kept copies nor the database: %v", len(lost), len(saved), lost)
	}
}

// TestRestoreWhileAnotherReaderHasItOpen: a restore while another
// connection reads the database (Windows refuses a rename over an open
// file) succeeds, and that connection then reads the restored figures.
func TestRestoreWhileAnotherReaderHasItOpen(t *testing.T) {
	dir := t.TempDir()
	doel := filepath.Join(dir, "jeugdmonitor.db")
	dbWith(t, doel, "Oud")
	bron := filepath.Join(t.TempDir(), "kopie.db")
	dbWith(t, bron, "Nieuw")
	reader, err := store.Open(doel, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	names := func() string { return strings.Join(namesIn(t, reader), ",") }
	if got := names(); got != "Oud" {
		t.Fatalf("before: %s", got)
	}
	kept, err := Herstel(bron, doel, restoreMoment)
	if err != nil {
		t.Fatal(err)
	}
	if got := names(); got != "Nieuw" {
		t.Fatalf("the reader reads %q after the restore", got)
	}
	if got := interventionNames(t, kept); strings.Join(got, ",") != "Oud" {
		t.Fatalf("the kept copy %s holds %v", kept, got)
	}
}

func TestRestoreFromDatabaseOpenInWALKeepsItsLatestCommits(t *testing.T) {
	dir := t.TempDir()
	bronPath := filepath.Join(dir, "open.db")
	bron, err := store.Open(bronPath, store.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	defer bron.Close()
	if bron.Journal() != "WAL" {
		t.Skip("no WAL here")
	}
	for _, naam := range []string{"Eerste", "Laatste"} {
		i := domain.Interventie{Naam: naam, Cluster: domain.ClusterSocialeBasis, StatusCategorie: domain.StatusStructureel}
		if err := bron.CreateInterventie(&i); err != nil {
			t.Fatal(err)
		}
	}
	if info, err := os.Stat(bronPath + "-wal"); err != nil || info.Size() == 0 {
		t.Fatalf("the commits are not in the write-ahead log: %v", err)
	}
	doel := filepath.Join(dir, "doel.db")
	dbWith(t, doel, "Oud")
	if _, err := Herstel(bronPath, doel, restoreMoment); err != nil {
		t.Fatal(err)
	}
	if got := interventionNames(t, doel); strings.Join(got, ",") != "Eerste,Laatste" {
		t.Fatalf("restored from an open database: %v", got)
	}
}

// hostileTriggers multiply every new reach figure by 10 and delete the audit
// rows of every change, after dropping the guard that would stop that.
var hostileTriggers = []string{
	"DROP TRIGGER wijzigingen_alleen_toevoegen_delete",
	"CREATE TRIGGER bereik_maal_tien AFTER INSERT ON bereik BEGIN UPDATE bereik SET waarde = NEW.waarde * 10 WHERE id = NEW.id; END",
	"CREATE TRIGGER logboek_wissen AFTER INSERT ON wijzigingen BEGIN DELETE FROM wijzigingen WHERE id = NEW.id; END",
}

func TestRestoreRefusesADatabaseWithForeignTriggers(t *testing.T) {
	dir := t.TempDir()
	doel := filepath.Join(dir, "jeugdmonitor.db")
	dbWith(t, doel, "Match")
	before := bestandtest.Som(t, doel)
	bron := filepath.Join(t.TempDir(), "vijandig.db")
	dbWith(t, bron, "Match")
	storetest.AlterOutside(t, bron, hostileTriggers...)
	bronBefore := bestandtest.Som(t, bron)
	_, err := Herstel(bron, doel, restoreMoment)
	if err == nil {
		t.Fatal("a database with foreign triggers was restored")
	}
	for _, want := range []string{"vijandig.db is geen bruikbare reservekopie", "het schema wijkt af",
		"trigger bereik_maal_tien (op tabel bereik) hoort er niet in", "trigger logboek_wissen"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message %q lacks %q", err, want)
		}
	}
	if bestandtest.Som(t, doel) != before || bestandtest.Som(t, bron) != bronBefore {
		t.Fatal("a refused restore changed a file")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Fatalf("a refused restore left files behind: %v", entries)
	}
}

func TestRestoreReplacesADatabaseChangedOutsideAndKeepsIt(t *testing.T) {
	dir := t.TempDir()
	doel := filepath.Join(dir, "jeugdmonitor.db")
	dbWith(t, doel, "Oud")
	storetest.AlterOutside(t, doel, hostileTriggers...)
	before := bestandtest.Som(t, doel)
	bron := filepath.Join(t.TempDir(), "goed.db")
	dbWith(t, bron, "Goed")
	kept, err := Herstel(bron, doel, restoreMoment)
	if err != nil {
		t.Fatal(err)
	}
	if bestandtest.Som(t, kept) != before {
		t.Fatal("the replaced database was not kept as it was")
	}
	if got := interventionNames(t, doel); strings.Join(got, ",") != "Goed" {
		t.Fatalf("after the restore: %v", got)
	}
	var oe *store.OpenError
	if _, err := store.Open(kept, store.Options{ReadOnly: true}); !errors.As(err, &oe) {
		t.Fatalf("the kept copy of a changed database opens: %v", err)
	}
	all, err := backup.List(doel)
	if err != nil || len(all) != 1 || all[0].Reason != backup.ReasonRestore {
		t.Fatalf("backups: %+v %v", all, err)
	}
}

// TestFullExportCarriesTheAuditChain: a full export holds each audit row's
// link in the chain; restoring it rebuilds the same chain, and an export
// whose history was changed afterwards is refused without touching the
// database.
func TestFullExportCarriesTheAuditChain(t *testing.T) {
	src := usedDatabase(t)
	exported := writeFullExport(t, src)
	raw, err := os.ReadFile(exported)
	if err != nil {
		t.Fatal(err)
	}
	var full map[string]any
	if err := json.Unmarshal(raw, &full); err != nil {
		t.Fatal(err)
	}
	rows := full["wijzigingen"].([]any)
	first := rows[0].(map[string]any)
	if keten, _ := first["keten"].(string); len(keten) != 64 {
		t.Fatalf("the export's audit rows carry no chain: %v", first)
	}
	dir := t.TempDir()
	target := filepath.Join(dir, "mijn.db")
	dbWith(t, target, "Oud")
	before := bestandtest.Som(t, target)

	rows[2].(map[string]any)["nieuwe_waarde"] = "vervalst"
	forged := filepath.Join(dir, "vervalst.json")
	if err := os.WriteFile(forged, mustJSON(t, full), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = Herstel(forged, target, loadMoment)
	if err == nil || !strings.Contains(err.Error(), "wijziging 3 (nummer 3): de keten klopt niet; de geschiedenis is na de export aangepast") {
		t.Fatalf("a forged history: %v", err)
	}
	if bestandtest.Som(t, target) != before {
		t.Fatal("the refused export changed the database")
	}

	if _, err := Herstel(exported, target, loadMoment); err != nil {
		t.Fatal(err)
	}
	dst := openBuilt(t, target)
	all, err := dst.Wijzigingen(store.WijzigingFilter{})
	if err != nil {
		t.Fatal(err)
	}
	byID := map[uint]string{}
	for _, w := range all {
		byID[w.ID] = w.Keten
	}
	for _, r := range rows {
		m := r.(map[string]any)
		if id := uint(m["id"].(float64)); byID[id] != m["keten"] {
			t.Fatalf("row %d: chain %q after the restore, %q in the export", id, byID[id], m["keten"])
		}
	}
	if report, err := dst.Check(); err != nil || !report.OK() {
		t.Fatalf("check of the restored export: %+v %v", report, err)
	}
}
