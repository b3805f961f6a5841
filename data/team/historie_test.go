package team

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/export"
	"jeugdmonitor/data/geschiedenis"
	"jeugdmonitor/data/register"
	"jeugdmonitor/data/register/registertest"
	"jeugdmonitor/data/store"
)

// trailAgrees checks that each laptop's audit trail, played back, gives
// its records (store.Check, as jeugdmonitor controleer does).
func trailAgrees(t *testing.T, laptops ...*store.Store) {
	t.Helper()
	for _, s := range laptops {
		report, err := s.Check()
		if err != nil || !report.OK() {
			t.Fatalf("controle van %s: %v %v", s.User(), err, report.Problems)
		}
	}
}

// auditExport is a laptop's audit trail as its export lists it.
func auditExport(t *testing.T, s *store.Store) []export.Wijziging {
	t.Helper()
	var buf bytes.Buffer
	if err := export.Write(&buf, s, export.KindWijzigingen, export.FormatJSON); err != nil {
		t.Fatal(err)
	}
	var out []export.Wijziging
	if err := json.Unmarshal(buf.Bytes(), &out); err != nil {
		t.Fatalf("export van het logboek: %v", err)
	}
	return out
}

// sharedHistory lists the audit rows about shared kinds of record as
// comparable lines: moment, author, action, kind and field, and the values
// unless they are local record numbers; a row with all fields of a new
// record as one line per field.
func sharedHistory(rows []export.Wijziging) []string {
	var out []string
	for _, w := range rows {
		if _, shared := gedeeldeEntiteiten[w.Entiteit]; !shared {
			continue
		}
		var fields map[string]string
		if w.Veld == geschiedenis.AlleVelden && json.Unmarshal([]byte(w.NieuweWaarde), &fields) == nil {
			var each []export.Wijziging
			for name, value := range fields {
				field := w
				field.Veld, field.NieuweWaarde = name, value
				each = append(each, field)
			}
			out = append(out, sharedHistory(each)...)
			continue
		}
		line := fmt.Sprintf("%s %s %s %s %s", w.Tijd.UTC().Format(time.RFC3339Nano), w.Gebruiker, w.Actie, w.Entiteit, w.Veld)
		if !strings.HasSuffix(w.Veld, "_id") {
			line += fmt.Sprintf(" %q -> %q", w.OudeWaarde, w.NieuweWaarde)
		}
		out = append(out, line)
	}
	slices.Sort(out)
	return out
}

// TestInitCarriesHistory: team init sends the founder's audit trail from
// before it, and a colleague who joins has it in their own: every change,
// the built-in register's too, with its author and moment; a figure
// entered, corrected, one entered and removed, and one entered under the
// removed one's number, each named by its number on the colleague's
// laptop (0 for the removed one). Both laptops hold the same register,
// nothing is applied twice, and the next synchronisations change nothing.
func TestInitCarriesHistory(t *testing.T) {
	srv, _ := teamServer(t)
	a := registertest.Open(t, "", store.Options{User: "anna", Now: clock()}, nil)
	iv := interventies(t, a)
	reach(t, a, iv[0].Naam, "2025", "50")
	corrected := reach(t, a, iv[0].Naam, "2025", "65")
	gone := reach(t, a, iv[1].Naam, "2024", "7")
	if err := a.DeleteBereik(gone.ID); err != nil {
		t.Fatal(err)
	}
	reused := reach(t, a, iv[2].Naam, "2024", "9")
	if reused.ID != gone.ID {
		t.Fatalf("het nieuwe cijfer kreeg nummer %d, niet het vrijgekomen nummer %d", reused.ID, gone.ID)
	}
	imported := make([]domain.Bereik, 3)
	for k := range imported {
		id := iv[4].ID
		imported[k] = domain.Bereik{InterventieID: &id, Periode: fmt.Sprint(2010 + k), Waarde: float64(10 + k),
			Eenheid: "deelnemers", MaatNaam: "deelnemers", Status: domain.StatusDefinitief, Notitie: "import"}
	}
	if err := a.Update(func(t *store.Tx) error { return t.AddBereikBulk(imported) }); err != nil {
		t.Fatal(err)
	}
	changed := iv[3]
	changed.Werkwijze = "Werkwijze van vóór het team"
	if err := a.UpdateInterventie(&changed); err != nil {
		t.Fatal(err)
	}
	before := auditExport(t, a)
	var correction export.Wijziging
	for _, w := range before {
		if w.Entiteit == "bereik" && w.Veld == "waarde" && w.OudeWaarde == "50" && w.NieuweWaarde == "65" {
			correction = w
		}
	}
	if !slices.ContainsFunc(before, func(w export.Wijziging) bool { return w.Veld == geschiedenis.AlleVelden }) {
		t.Fatal("de import staat niet als één regel per cijfer in annas logboek")
	}
	if correction.Gebruiker != "anna" {
		t.Fatalf("de correctie staat niet in annas logboek: %+v", before)
	}

	res, err := Init(a, srv)
	if err != nil {
		t.Fatal(err)
	}
	b := member(t, srv, "bram")
	sameContent(t, a, b)
	trailAgrees(t, a, b)
	after := auditExport(t, b)
	if want, got := sharedHistory(before), sharedHistory(after); !slices.Equal(want, got) {
		t.Fatalf("het logboek van bram (%d regels) is niet dat van anna van vóór team init (%d regels); eerste verschil:\n%s",
			len(got), len(want), firstDifference(strings.Join(want, "\n"), strings.Join(got, "\n")))
	}
	if res.Verzonden <= len(before) {
		t.Fatalf("team init verstuurde %d wijzigingen voor een logboek van %d regels en het register", res.Verzonden, len(before))
	}

	// the correction, with anna and its moment, names the figure on bram's laptop
	var bramsFigure, bramsReused []domain.Bereik
	if err := b.ReadRaw(func(db *gorm.DB) error {
		if err := db.Where("periode = ? AND waarde = ?", "2025", corrected.Waarde).Find(&bramsFigure).Error; err != nil {
			return err
		}
		return db.Where("periode = ? AND waarde = ?", "2024", reused.Waarde).Find(&bramsReused).Error
	}); err != nil {
		t.Fatal(err)
	}
	if len(bramsFigure) != 1 || len(bramsReused) != 1 {
		t.Fatalf("bram mist cijfers: %+v %+v", bramsFigure, bramsReused)
	}
	found, seeded := false, 0
	for _, w := range after {
		switch {
		case w.Entiteit == "bereik" && w.Veld == "waarde" && w.NieuweWaarde == "65":
			found = w.Gebruiker == "anna" && w.Tijd.Equal(correction.Tijd) && w.OudeWaarde == "50" && w.EntiteitID == bramsFigure[0].ID
		case w.Entiteit == "bereik" && w.Veld == "waarde" && w.OudeWaarde == "7" && w.Actie == string(domain.ActieVerwijderd):
			if w.EntiteitID != 0 {
				t.Fatalf("het verwijderde cijfer heet bij bram nummer %d (het cijfer onder dat nummer bij anna is een ander)", w.EntiteitID)
			}
		case w.Entiteit == "bereik" && w.Veld == "waarde" && w.NieuweWaarde == "9":
			if w.EntiteitID != bramsReused[0].ID {
				t.Fatalf("het cijfer onder het hergebruikte nummer heet bij bram %d, is %d", w.EntiteitID, bramsReused[0].ID)
			}
		case w.Gebruiker == register.SeedUser:
			seeded++
		}
	}
	if !found {
		t.Fatalf("de correctie van 50 naar 65 door anna op %v staat niet in brams logboek", correction.Tijd)
	}
	if seeded == 0 {
		t.Fatal("het laden van het ingebouwde register staat niet in brams logboek")
	}

	// nothing was applied twice: the next synchronisations change nothing
	for _, s := range []*store.Store{a, b} {
		if res := sync(t, s, srv); res.Verzonden != 0 || res.Toegepast != 0 || res.Conflicten != 0 {
			t.Fatalf("sync van %s na team init: %+v", s.User(), res)
		}
	}
	if n := len(auditExport(t, b)); n != len(after) {
		t.Fatalf("brams logboek groeide van %d naar %d regels bij een sync zonder wijzigingen", len(after), n)
	}

	// later changes on both sides still meet
	reach(t, b, iv[0].Naam, "2026", "3")
	changed.Werkwijze = "Werkwijze van na het team"
	if err := a.UpdateInterventie(&changed); err != nil {
		t.Fatal(err)
	}
	for _, s := range []*store.Store{a, b, a} {
		sync(t, s, srv)
	}
	sameContent(t, a, b)
	trailAgrees(t, a, b)
}

// initWithoutHistory sets up a team database as team init did before it
// sent history: the snapshot only, every record under a key of its own,
// schema version 1.
func initWithoutHistory(t *testing.T, s *store.Store, srv *Server) {
	t.Helper()
	err := s.UpdateRaw(func(r *store.RawTx) error {
		db := r.DB()
		st := staat{Herkomst: newID(), Team: newID()}
		changes, err := snapshot(db, st, newRecordWalk(st.Herkomst), s.User(), time.Now().UTC())
		if err != nil {
			return err
		}
		if st.VerzondenTot, err = lastAuditRow(db); err != nil {
			return err
		}
		if err := srv.transaction(func(t txn) error {
			tx := t.db
			if err := srv.create(tx, st.Team); err != nil {
				return err
			}
			if err := tx.Exec("UPDATE team_info SET waarde = ? WHERE sleutel = 'schema'", oldSchemaVersion).Error; err != nil {
				return err
			}
			if err := sendChanges(t, changes, nil); err != nil {
				return err
			}
			st.OntvangenTot, err = head(tx)
			return err
		}); err != nil {
			return err
		}
		return writeState(db, st)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestTeamWithoutHistoryKeepsWorking: a team database set up before team
// init sent history still gives a colleague the register, with the
// snapshot in their audit trail as before, and carries later changes.
func TestTeamWithoutHistoryKeepsWorking(t *testing.T) {
	srv, _ := teamServer(t)
	a := registertest.Open(t, "", store.Options{User: "anna", Now: clock()}, nil)
	iv := interventies(t, a)
	reach(t, a, iv[0].Naam, "2025", "50")
	initWithoutHistory(t, a, srv)
	b := member(t, srv, "bram")
	sameContent(t, a, b)
	rows := auditExport(t, b)
	bySeed, byAnna := 0, 0
	for _, w := range rows {
		switch w.Gebruiker {
		case register.SeedUser:
			bySeed++
		case "anna":
			byAnna++
		}
	}
	if bySeed != 0 || byAnna == 0 {
		t.Fatalf("brams logboek na een team zonder geschiedenis: %d regels van het register, %d van anna (de stand)", bySeed, byAnna)
	}
	reach(t, b, iv[1].Naam, "2026", "4")
	for _, s := range []*store.Store{b, a} {
		sync(t, s, srv)
	}
	sameContent(t, a, b)
	trailAgrees(t, a, b)

	// a version of the team database this program does not know is refused
	if err := srv.db.Exec("UPDATE team_info SET waarde = '4' WHERE sleutel = 'schema'").Error; err != nil {
		t.Fatal(err)
	}
	if _, err := Sync(context.Background(), a, srv, nil); err == nil || !strings.Contains(err.Error(), "werk Jeugdmonitor bij") {
		t.Fatalf("sync met een teamdatabase van schemaversie 4: %v", err)
	}
}

// TestJoinCutOffInHistory: a colleague whose joining was cut off after the
// register arrived but before all of its history, who then changes a text
// whose history had not arrived, gets no conflict with that history: it
// was no change he did not know of. The next synchronisation brings the
// rest of the history, and the change reaches the founder.
func TestJoinCutOffInHistory(t *testing.T) {
	srv, _ := teamServer(t)
	a := registertest.Open(t, "", store.Options{User: "anna", Now: clock()}, nil)
	iv := interventies(t, a)
	iv[0].Werkwijze = "Werkwijze van vóór het team"
	if err := a.UpdateInterventie(&iv[0]); err != nil {
		t.Fatal(err)
	}
	before := auditExport(t, a)
	if _, err := Init(a, srv); err != nil {
		t.Fatal(err)
	}
	var snapshotSize int
	if err := srv.db.Raw("SELECT count(*) FROM team_wijzigingen WHERE wijziging_id LIKE '%.init.%'").Scan(&snapshotSize).Error; err != nil {
		t.Fatal(err)
	}
	defer func(n int) { fetchBatch = n }(fetchBatch)
	fetchBatch = 300
	b := emptyLaptop(t, "bram")
	ctx, cancel := context.WithCancel(context.Background())
	_, err := Join(ctx, b, srv, func(v Voortgang) {
		if v.Verwerkt >= snapshotSize {
			cancel()
		}
	})
	if !errors.Is(err, ErrAfgebroken) {
		t.Fatalf("koppelen afgebroken na het register: %v", err)
	}
	fetchBatch = 2000
	sameContent(t, a, b)
	mine, err := b.InterventieByNaam(iv[0].Naam)
	if err != nil {
		t.Fatal(err)
	}
	mine.Werkwijze = "Werkwijze van Bram"
	if err := b.UpdateInterventie(&mine); err != nil {
		t.Fatal(err)
	}
	for _, s := range []*store.Store{b, a} {
		if res := sync(t, s, srv); res.Conflicten != 0 {
			t.Fatalf("sync van %s na het afgebroken koppelen: %+v, %s", s.User(), res, conflicts(t, s)[0].Omschrijving())
		}
	}
	sameContent(t, a, b)
	trailAgrees(t, a, b)
	if got := interventies(t, a)[0].Werkwijze; got != "Werkwijze van Bram" {
		t.Fatalf("anna: werkwijze %q", got)
	}
	// the rest of the history arrived, but for the field bram changed
	var history []export.Wijziging
	for _, w := range before {
		if w.Veld != "werkwijze" {
			history = append(history, w)
		}
	}
	var brams []export.Wijziging
	for _, w := range auditExport(t, b) {
		if w.Gebruiker != "bram" && w.Veld != "werkwijze" {
			brams = append(brams, w)
		}
	}
	if want, got := sharedHistory(history), sharedHistory(brams); !slices.Equal(want, got) {
		t.Fatalf("brams logboek na het afgebroken koppelen (%d regels) is niet de geschiedenis (%d); eerste verschil:\n%s",
			len(got), len(want), firstDifference(strings.Join(want, "\n"), strings.Join(got, "\n")))
	}
}
