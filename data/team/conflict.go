package team

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"gorm.io/gorm"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/geschiedenis"
	"jeugdmonitor/data/store"
)

// conflict is a received change that was made without knowing an earlier
// change to the same field from another laptop (eersteID), or that the
// local database refused (reden), or a record that went with one a
// colleague removed (eerste: the record as it was added).
type conflict struct {
	tweede   Wijziging
	eersteID string
	reden    string
	eerste   *Wijziging
}

// refusedAction marks the first side of a conflict that is not another
// change but the local database refusing the second.
const refusedAction = "geweigerd"

// saveConflicts stores conflicts with both sides: the earlier change as the
// team database has it, or the reason the local database refused.
func saveConflicts(db *gorm.DB, srv *Server, conflicts []conflict) error {
	if len(conflicts) == 0 {
		return nil
	}
	var ids []string
	for _, c := range conflicts {
		if c.eersteID != "" {
			ids = append(ids, c.eersteID)
		}
	}
	earlier, err := srv.byID(ids)
	if err != nil {
		return err
	}
	for _, c := range conflicts {
		first := Wijziging{Actie: refusedAction, NieuweWaarde: c.reden, Tijd: c.tweede.Tijd}
		switch {
		case c.eersteID != "":
			first = earlier[c.eersteID]
			first.ID = c.eersteID
		case c.eerste != nil:
			first = *c.eerste
		}
		if err := db.Exec(`INSERT INTO team_conflicten (entiteit, sleutel, veld,
    eerste_id, eerste_actie, eerste_waarde, eerste_gebruiker, eerste_tijd,
    tweede_id, tweede_actie, tweede_waarde, tweede_gebruiker, tweede_tijd)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tweede_id) DO NOTHING`,
			c.tweede.Entiteit, c.tweede.Sleutel, c.tweede.Veld,
			first.ID, string(first.Actie), first.NieuweWaarde, first.Gebruiker, first.Tijd.UTC(),
			c.tweede.ID, string(c.tweede.Actie), c.tweede.NieuweWaarde, c.tweede.Gebruiker, c.tweede.Tijd.UTC()).Error; err != nil {
			return err
		}
	}
	return nil
}

// conflictTable is where a laptop keeps its conflicts; the choice made in
// one is logged and sent as a change to its field keuzeField, keyed by the
// conflict's second change, so that the conflict closes on every laptop.
const (
	conflictTable = "team_conflicten"
	keuzeField    = "keuze"
)

// saveConflicts stores the conflicts found so far that are not stored yet.
func (a *applier) saveConflicts() error {
	if err := saveConflicts(a.db, a.srv, a.conflicts[a.saved:]); err != nil {
		return err
	}
	a.saved = len(a.conflicts)
	return nil
}

// applyChoice closes the open conflict here that another laptop resolved,
// with that laptop's choice, author and moment; a conflict this laptop
// does not have open (it resolved it itself, or never had it) stays as it is.
func (a *applier) applyChoice(c Wijziging) ([]logged, error) {
	if c.Veld != keuzeField {
		return nil, &refusal{reden: "onbekend veld " + c.Veld}
	}
	if err := checkText(keuzeField, c.NieuweWaarde); err != nil {
		return nil, err
	}
	// the conflict may have been found in this batch
	if err := a.saveConflicts(); err != nil {
		return nil, err
	}
	var ids []uint
	if err := a.db.Raw("SELECT id FROM team_conflicten WHERE tweede_id = ? AND opgelost_door = ''", c.Sleutel).
		Scan(&ids).Error; err != nil || len(ids) == 0 {
		return nil, err
	}
	if err := a.db.Exec("UPDATE team_conflicten SET keuze = ?, opgelost_door = ?, opgelost_op = ? WHERE id = ?",
		c.NieuweWaarde, c.Gebruiker, c.Tijd.UTC(), ids[0]).Error; err != nil {
		return nil, err
	}
	return []logged{auditRow(c, ids[0], keuzeField, "", c.NieuweWaarde)}, nil
}

// Conflict is a figure or text changed on two laptops, or a change this
// laptop could not apply, with both sides.
type Conflict struct {
	ID       uint
	Entiteit string
	// LokaalID is the record's number here (0: it is not here, e.g. removed).
	LokaalID uint
	Veld     string
	// Onderwerp names the record for people ("bereik Ambulant jongerenwerk,
	// 2024, jongeren"); "" when it is not here.
	Onderwerp string
	// Eerste is the change that reached the team first (Actie "geweigerd":
	// the local database refused Tweede, NieuweWaarde says why); Tweede the
	// one made without knowing it.
	Eerste, Tweede Wijziging
	// Keuze, OpgelostDoor and OpgelostOp record the resolution (empty: open).
	Keuze        string
	OpgelostDoor string
	OpgelostOp   *time.Time
	// Nu is the value the field has here now, as text; NuBekend says that
	// it was read (the record is here and the field is one of its columns).
	Nu       string
	NuBekend bool
}

// Geldt reports whether the value w gave the field is the one it has here
// now (numbers compared as numbers: 165 and 165.0 are one value).
func (c Conflict) Geldt(w Wijziging) bool {
	if !c.NuBekend || w.Actie == refusedAction {
		return false
	}
	if c.Nu == w.NieuweWaarde {
		return true
	}
	a, errA := strconv.ParseFloat(c.Nu, 64)
	b, errB := strconv.ParseFloat(w.NieuweWaarde, 64)
	return errA == nil && errB == nil && a == b
}

// conflictRow is a row of team_conflicten.
type conflictRow struct {
	ID                                                   uint
	Entiteit, Sleutel, Veld                              string
	EersteID, EersteActie, EersteWaarde, EersteGebruiker string
	EersteTijd                                           time.Time
	TweedeID, TweedeActie, TweedeWaarde, TweedeGebruiker string
	TweedeTijd                                           time.Time
	Keuze, OpgelostDoor                                  string
	OpgelostOp                                           *time.Time
}

// listConflicts lists the conflicts of a database, the open ones only unless all.
func listConflicts(db *gorm.DB, all bool) ([]Conflict, error) {
	q := db.Table("team_conflicten").Order("id")
	if !all {
		q = q.Where("opgelost_door = ''")
	}
	var rows []conflictRow
	if err := q.Find(&rows).Error; err != nil {
		return nil, err
	}
	k := newKeys(db)
	out := make([]Conflict, len(rows))
	for i, r := range rows {
		table := r.Entiteit
		local, err := k.localID(table, r.Sleutel)
		if err != nil {
			return nil, err
		}
		out[i] = Conflict{ID: r.ID, Entiteit: r.Entiteit, LokaalID: local, Veld: r.Veld,
			Eerste: Wijziging{ID: r.EersteID, Actie: domain.Actie(r.EersteActie), NieuweWaarde: r.EersteWaarde,
				Gebruiker: r.EersteGebruiker, Tijd: r.EersteTijd, Entiteit: r.Entiteit, Sleutel: r.Sleutel, Veld: r.Veld},
			Tweede: Wijziging{ID: r.TweedeID, Actie: domain.Actie(r.TweedeActie), NieuweWaarde: r.TweedeWaarde,
				Gebruiker: r.TweedeGebruiker, Tijd: r.TweedeTijd, Entiteit: r.Entiteit, Sleutel: r.Sleutel, Veld: r.Veld},
			Keuze: r.Keuze, OpgelostDoor: r.OpgelostDoor, OpgelostOp: r.OpgelostOp}
	}
	return out, nil
}

// Keuzes are the sides of a conflict a user can keep.
const (
	KeuzeEerste = "eerste"
	KeuzeTweede = "tweede"
)

// ErrConflictNotFound is returned for a conflict number that is not open.
var ErrConflictNotFound = errors.New("er is geen open conflict met dat nummer (zie jeugdmonitor conflicten)")

// Resolve settles an open conflict by keeping one side: the kept value
// becomes the field's value here as a change by the store's user, and the
// choice is recorded with the conflict and in the audit trail; both go to
// the team with the next synchronisation, which closes the conflict on
// the other laptops too.
func Resolve(s *store.Store, id uint, keuze string) error {
	if keuze != KeuzeEerste && keuze != KeuzeTweede && keuze != KeuzeTerugzetten {
		return fmt.Errorf("kies %s, %s of %s", KeuzeEerste, KeuzeTweede, KeuzeTerugzetten)
	}
	return s.UpdateRaw(func(r *store.RawTx) error {
		db := r.DB()
		list, err := listConflicts(db, false)
		if err != nil {
			return err
		}
		var c *Conflict
		for i := range list {
			if list[i].ID == id {
				c = &list[i]
			}
		}
		if c == nil {
			return ErrConflictNotFound
		}
		kept := c.Eerste
		switch keuze {
		case KeuzeTweede:
			kept = c.Tweede
		case KeuzeTerugzetten:
			_, kept, _ = c.restoreSides()
		}
		if keuze == KeuzeTerugzetten {
			err = restore(r, c, s.User())
		} else {
			err = keep(r, c, kept, s.User())
		}
		if err != nil {
			return err
		}
		choice, now := fmt.Sprintf("%s: %s %q", keuze, kept.Actie, kept.NieuweWaarde), time.Now().UTC()
		if err := db.Exec("UPDATE team_conflicten SET keuze = ?, opgelost_door = ?, opgelost_op = ? WHERE id = ?",
			choice, s.User(), now, id).Error; err != nil {
			return err
		}
		// logged, the choice goes to the team with the next synchronisation
		return r.Log([]domain.Wijziging{{Tijd: now, Gebruiker: s.User(), Actie: domain.ActieGewijzigd,
			Entiteit: conflictTable, EntiteitID: id, Veld: keuzeField, NieuweWaarde: choice}})
	})
}

// keep makes the kept side of a conflict the field's value here.
func keep(r *store.RawTx, c *Conflict, kept Wijziging, user string) error {
	removedHere := c.LokaalID == 0
	switch {
	case kept.Actie == refusedAction || kept.Actie == domain.ActieVerwijderd:
		if removedHere {
			return nil // the record is gone here, as the kept side has it
		}
		if kept.Actie == refusedAction {
			return nil // the local database refused the other side: it stays as it is
		}
		return errors.New("het verwijderen van een gegeven dat hier nog bestaat kan (nog) niet als keuze; verwijder het in het programma")
	case kept.Actie == removedWithAction:
		return nil // it went with the record it referred to, here as everywhere
	case removedHere && c.Tweede.Actie == removedWithAction:
		return errors.New("dit gegeven is verwijderd met het gegeven waarnaar het verwees; zet dat eerst terug en voer dit dan opnieuw in (de waarden staan in het conflict)")
	case removedHere && c.KanTerugzetten():
		return errors.New("dit gegeven is hier verwijderd; kies terugzetten om het met deze waarde terug te zetten")
	case removedHere:
		// removed since, by a choice of its own: no side brings it back,
		// and the choice closes the conflict here and on the other laptops
		return nil
	case c.Entiteit == linkTable:
		return nil // a link added on one side and removed on the other: as it is here
	}
	db := r.DB()
	t := &tables{db: db}
	cols, err := t.columns(c.Entiteit)
	if err != nil {
		return err
	}
	col, ok := cols[c.Veld]
	if !ok {
		return fmt.Errorf("onbekend veld %s", c.Veld)
	}
	a := &applier{r: r, db: db, k: newKeys(db), t: t}
	value, local, err := a.value(col, kept.NieuweWaarde)
	if err != nil {
		return err
	}
	var current []any
	if err := db.Raw(fmt.Sprintf("SELECT %s FROM %s WHERE id = ?", quote(c.Veld), quote(c.Entiteit)), c.LokaalID).
		Pluck(c.Veld, &current).Error; err != nil {
		return err
	}
	old := ""
	if len(current) == 1 {
		old = rawText(current[0])
	}
	if err := a.setField(c.Entiteit, c.Veld, value, c.LokaalID); err != nil {
		return err
	}
	return r.Log([]domain.Wijziging{{Tijd: time.Now().UTC(), Gebruiker: user, Actie: domain.ActieGewijzigd,
		Entiteit: c.Entiteit, EntiteitID: c.LokaalID, Veld: c.Veld, OudeWaarde: old, NieuweWaarde: local}})
}

// OpenConflicten lists the open conflicts of a store.
func OpenConflicten(s *store.Store) ([]Conflict, error) { return storeConflicts(s, false) }

// AlleConflicten lists all conflicts of a store, the resolved ones too.
func AlleConflicten(s *store.Store) ([]Conflict, error) { return storeConflicts(s, true) }

// lastConflictID is the number of the newest conflict a store has (0: none);
// conflicts are never removed, so the ones a synchronisation finds number
// above it.
func lastConflictID(s *store.Store) (id uint, err error) {
	err = s.ReadRaw(func(db *gorm.DB) error {
		return db.Raw("SELECT coalesce(max(id), 0) FROM team_conflicten").Scan(&id).Error
	})
	return id, err
}

// conflictCounts counts the conflicts numbered above after that are open
// (nieuw) and that a colleague's choice already closed (opgelost).
func conflictCounts(s *store.Store, after uint) (nieuw, opgelost int, err error) {
	var n struct{ Nieuw, Opgelost int }
	err = s.ReadRaw(func(db *gorm.DB) error {
		return db.Raw(`SELECT coalesce(sum(opgelost_door = ''), 0) AS nieuw, coalesce(sum(opgelost_door <> ''), 0) AS opgelost
FROM team_conflicten WHERE id > ?`, after).Scan(&n).Error
	})
	return n.Nieuw, n.Opgelost, err
}

func storeConflicts(s *store.Store, all bool) (list []Conflict, err error) {
	err = s.ReadRaw(func(db *gorm.DB) error {
		if list, err = listConflicts(db, all); err != nil {
			return err
		}
		return readCurrent(db, list)
	})
	onderwerp := s.Onderwerpen()
	for i, c := range list {
		if c.LokaalID != 0 {
			list[i].Onderwerp = onderwerp(c.Entiteit, c.LokaalID)
		}
	}
	return list, err
}

// readCurrent reads, for each conflict about a field of a record that is
// here, the value that field has now (Conflict.Nu).
func readCurrent(db *gorm.DB, list []Conflict) error {
	t := &tables{db: db}
	for i, c := range list {
		cols, err := t.columns(c.Entiteit)
		if err != nil || c.LokaalID == 0 || c.Veld == "id" {
			continue // a table or field the laptop does not share (a refused change)
		}
		if _, ok := cols[c.Veld]; !ok {
			continue
		}
		var values []*string
		if err := db.Raw(fmt.Sprintf("SELECT CAST(%s AS TEXT) FROM %s WHERE id = ?", quote(c.Veld), quote(c.Entiteit)), c.LokaalID).
			Scan(&values).Error; err != nil {
			return err
		}
		if len(values) == 1 {
			list[i].NuBekend = true
			if values[0] != nil {
				list[i].Nu = *values[0]
			}
		}
	}
	return nil
}

// Omschrijving describes a conflict in a line of Dutch, as a policy
// officer would say it: the record by its name, the field by the name the
// history gives it, what each colleague did and when, which value holds
// now, and the choice once made.
func (c Conflict) Omschrijving() string {
	text := fmt.Sprintf("%d. %s: eerst %s; daarna %s", c.ID, c.waarover(), c.side(c.Eerste), c.side(c.Tweede))
	switch {
	case c.Geldt(c.Tweede):
		text += "; nu geldt de tweede waarde"
	case c.Geldt(c.Eerste):
		text += "; nu geldt de eerste waarde"
	case c.NuBekend:
		text += fmt.Sprintf("; nu staat hier %q", c.Nu)
	}
	if c.OpgelostDoor != "" {
		text += fmt.Sprintf(" [opgelost door %s: %s]", c.OpgelostDoor, c.keuzeTekst())
	}
	// names and reasons come from other laptops, past the program too
	return Toonbaar(text, 4*domain.MaxTekst)
}

// waarover names what the conflict is about: the record by its name ("Bereik
// Jongerencentra, 2024, jongeren"), or its kind when it is not here, and
// the field, unless that is the reference by which the record went with
// another (it says nothing to a user).
func (c Conflict) waarover() string {
	what := c.Onderwerp
	if what == "" {
		what = geschiedenis.Soort(c.Entiteit) + " (hier verwijderd)"
	}
	if r, size := utf8.DecodeRuneInString(what); size > 0 {
		what = string(unicode.ToUpper(r)) + what[size:]
	}
	if c.MeeVerwijderd() || strings.HasPrefix(c.Veld, linkField) {
		return what
	}
	return what + ", " + geschiedenis.VeldNaam(c.Entiteit, c.Veld)
}

// side says what one side of the conflict did, verb first as it follows
// "eerst" or "daarna": "wijzigde anna het in "3.700" (29-11-2026 09:00)".
func (c Conflict) side(w Wijziging) string {
	when := ""
	if !w.Tijd.IsZero() {
		when = " (" + store.FormatDatumTijd(w.Tijd) + ")"
	}
	who := w.Gebruiker
	if who == "" { // a laptop that never had the record learns who only from the team
		who = "iemand"
	}
	switch w.Actie {
	case refusedAction:
		if w.Gebruiker == "" {
			return "hier niet toegepast: " + w.NieuweWaarde
		}
		// a change too long to fetch whole
		return fmt.Sprintf("hier niet toegepast: %q (%s, %s)", w.NieuweWaarde, w.Gebruiker, store.FormatDatumTijd(w.Tijd))
	case domain.ActieGewijzigd:
		return fmt.Sprintf("wijzigde %s het in %q", who, w.NieuweWaarde) + when
	case domain.ActieVerwijderd:
		return fmt.Sprintf("verwijderde %s het", who) + when
	case removedWithAction: // NieuweWaarde: "met interventie Gamma"
		return fmt.Sprintf("werd het mee verwijderd %s door %s", w.NieuweWaarde, who) + when
	case domain.ActieToegevoegd:
		if c.MeeVerwijderd() { // the record's fields, written for people
			return fmt.Sprintf("voerde %s het in: %s", who, w.NieuweWaarde) + when
		}
		return fmt.Sprintf("voerde %s %q in", who, w.NieuweWaarde) + when
	}
	return fmt.Sprintf("%s %q (%s, %s)", w.Actie, w.NieuweWaarde, w.Gebruiker, store.FormatDatumTijd(w.Tijd))
}

// keuzeTekst says which side a settled conflict kept, in words.
func (c Conflict) keuzeTekst() string {
	kind, _, _ := strings.Cut(c.Keuze, ":")
	switch {
	case kind == KeuzeTerugzetten:
		return "het verwijderde teruggezet"
	case kind == KeuzeTweede && c.MeeVerwijderd():
		return "verwijderd gelaten"
	case kind == KeuzeEerste:
		return "de eerste waarde gehouden"
	case kind == KeuzeTweede:
		return "de tweede waarde gehouden"
	}
	return c.Keuze
}
