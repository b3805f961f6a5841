package importer

import (
	"errors"
	"fmt"
	"strings"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/foutmelding"
	"jeugdmonitor/data/spreadsheet"
	"jeugdmonitor/data/store"
)

// bereikLezer reads reach rows.
type bereikLezer struct {
	im          *Import
	namen       *namen
	eenheid     map[uint]string // intervention: the unit of its latest target
	doelEenheid map[uint]string
	maten       map[uint][]domain.Maat // intervention: its measures
	bestaand    map[string]bool        // "i<id>|measure|periode" already in the database
	geladen     map[string]bool        // owners whose reach is in bestaand
	gezien      map[string]int         // key: first row in the file
	huidig      domain.Bereik
	tellen      bool
	// wachtend are the checked figures not yet written, read from the file
	// lines in regels.
	wachtend []domain.Bereik
	regels   []int
}

// candidates reads the interventions and targets a name can match.
func candidates(s *store.Store) ([]domain.Interventie, []domain.Doelstelling, error) {
	interventies, err := s.Interventies(true)
	if err != nil {
		return nil, nil, err
	}
	doelen, err := s.AlleDoelstellingen()
	return interventies, doelen, err
}

func newBereikLezer(im *Import, tellen bool) (*bereikLezer, error) {
	interventies, doelen, err := candidates(im.store)
	if err != nil {
		return nil, err
	}
	l := &bereikLezer{im: im, tellen: tellen, namen: newNamen(interventies, doelen), eenheid: map[uint]string{},
		doelEenheid: map[uint]string{}, bestaand: map[string]bool{}, geladen: map[string]bool{}, gezien: map[string]int{}}
	maten, err := im.store.AlleMaten()
	if err != nil {
		return nil, err
	}
	l.maten = map[uint][]domain.Maat{}
	for _, m := range maten {
		l.maten[m.InterventieID] = append(l.maten[m.InterventieID], m)
	}
	for _, d := range doelen {
		l.doelEenheid[d.ID] = d.Eenheid
		for _, id := range d.InterventieIDs {
			l.eenheid[id] = d.Eenheid // ordered by period: the latest target wins
		}
	}
	return l, nil
}

func (l *bereikLezer) lees(row spreadsheet.Row, r *Rapport) bool {
	im := l.im
	before := len(r.Problemen) + r.MeerProblemen
	naamKolom := im.Kolom(im.Koppeling["interventie"])
	naam := im.text(row, "interventie")
	b := domain.Bereik{Periode: im.periode(row, r), Soort: domain.Soort(im.text(row, "soort")),
		MaatNaam: im.text(row, "maat"), Eenheid: im.text(row, "eenheid"), Status: im.status(row), BronTekst: im.text(row, "bron"),
		Notitie: im.text(row, "notitie")}
	if b.BronTekst == "" {
		b.BronTekst = im.rowSource(row.Line)
	}
	if naam == "" {
		r.probleem(Probleem{Rij: row.Line, Kolom: naamKolom, Melding: "geen interventie ingevuld"})
		b.Eenheid = "onbekend" // no unit to look up; the row is refused above
	} else {
		m := l.namen.match(naam, im.keuzes)
		b.InterventieID, b.DoelstellingID = m.interventieID, m.doelstellingID
		if m.Zekerheid == Onbekend {
			r.probleem(Probleem{Rij: row.Line, Kolom: naamKolom, Melding: fmt.Sprintf("onbekende interventie %s", foutmelding.Citeer(naam))})
			b.Eenheid = "onbekend" // no unit to look up; the row is refused above
		}
	}
	v, missing, ok := im.value(row, "waarde", r)
	if missing {
		im.skip(row, "waarde", r)
		return false
	}
	b.Waarde = v
	b.WaardeTot = im.optional(row, "waarde_tot", r)
	if b.Eenheid == "" {
		switch {
		case b.InterventieID != nil:
			b.Eenheid = l.eenheid[*b.InterventieID]
			if m, ok := l.maat(*b.InterventieID, b.MaatNaam, ""); ok {
				b.Eenheid = m.Eenheid
			}
			if b.Eenheid == "" {
				r.probleem(Probleem{Rij: row.Line, Kolom: naamKolom,
					Melding: "deze interventie heeft geen doelstelling, dus geen eenheid; voeg een kolom Eenheid toe (bijvoorbeeld jongeren)"})
			}
		case b.DoelstellingID != nil:
			b.Eenheid = l.doelEenheid[*b.DoelstellingID]
		}
	}
	if b.InterventieID == nil && b.DoelstellingID == nil {
		b.InterventieID = new(uint) // reported above; lets Validate check the rest
	}
	if err := b.Validate(); err != nil {
		l.im.fieldProblems(row.Line, err, r)
	}
	if !ok || len(r.Problemen)+r.MeerProblemen > before {
		return false
	}
	l.count(b, row.Line, r)
	l.huidig = b
	return true
}

// maat finds an intervention's measure by name, or (name empty) by unit
// when one measure counts in it.
func (l *bereikLezer) maat(interventie uint, naam, eenheid string) (domain.Maat, bool) {
	var found []domain.Maat
	for _, m := range l.maten[interventie] {
		if naam != "" && strings.EqualFold(m.Naam, naam) || naam == "" && eenheid != "" && strings.EqualFold(m.Eenheid, eenheid) {
			found = append(found, m)
		}
	}
	if len(found) != 1 {
		return domain.Maat{}, false
	}
	return found[0], true
}

// measureKey names the series a figure belongs to: the measure it names, or
// the one measure in its unit, or the new measure its unit will be.
func (l *bereikLezer) measureKey(b domain.Bereik) string {
	if b.InterventieID == nil {
		return ""
	}
	if m, ok := l.maat(*b.InterventieID, b.MaatNaam, b.Eenheid); ok {
		return strings.ToLower(m.Naam)
	}
	if b.MaatNaam != "" {
		return strings.ToLower(b.MaatNaam)
	}
	return strings.ToLower(b.Eenheid)
}

// count checks for a second row with the same intervention, measure and
// period and counts the figure as new or changed.
func (l *bereikLezer) count(b domain.Bereik, line int, r *Rapport) {
	owner := ""
	if b.InterventieID != nil {
		owner = fmt.Sprintf("i%d", *b.InterventieID)
	} else {
		owner = fmt.Sprintf("d%d", *b.DoelstellingID)
	}
	key := owner + "|" + l.measureKey(b) + "|" + b.Periode
	if first, dup := l.gezien[key]; dup {
		r.probleem(Probleem{Rij: line, Kolom: l.im.Kolom(l.im.Koppeling["periode"]),
			Melding: fmt.Sprintf("periode %s staat voor deze interventie en maat al op rij %d", b.Periode, first)})
		return
	}
	l.gezien[key] = line
	if !l.tellen {
		return
	}
	if !l.geladen[owner] {
		l.geladen[owner] = true
		var rows []domain.Bereik
		var err error
		if b.InterventieID != nil {
			rows, err = l.im.store.BereikVan(*b.InterventieID)
		} else {
			rows, err = l.im.store.BereikVanDoelstelling(*b.DoelstellingID)
		}
		if err != nil {
			r.probleem(Probleem{Rij: line, Melding: err.Error()})
		}
		names := map[uint]string{}
		if b.InterventieID != nil {
			for _, m := range l.maten[*b.InterventieID] {
				names[m.ID] = strings.ToLower(m.Naam)
			}
		}
		for _, e := range rows {
			measure := ""
			if e.MaatID != nil {
				measure = names[*e.MaatID]
			}
			l.bestaand[owner+"|"+measure+"|"+e.Periode] = true
		}
	}
	if l.bestaand[key] {
		r.Bijgewerkt++
	} else {
		r.Nieuw++
	}
}

// bulkRows is how many figures the reader keeps before writing them together.
const bulkRows = 2000

func (l *bereikLezer) schrijf(tx *store.Tx, line int) error {
	l.wachtend = append(l.wachtend, l.huidig)
	l.regels = append(l.regels, line)
	if len(l.wachtend) < bulkRows {
		return nil
	}
	return l.leegmaken(tx)
}

// leegmaken writes the kept figures in one go.
func (l *bereikLezer) leegmaken(tx *store.Tx) error {
	err := tx.AddBereikBulk(l.wachtend)
	var batch *store.BatchError
	if errors.As(err, &batch) && len(batch.Rows) > 0 {
		return fmt.Errorf("rij %d: %w", l.regels[batch.Rows[0].Row], batch.Rows[0].Err)
	}
	l.wachtend, l.regels = l.wachtend[:0], l.regels[:0]
	return err
}

func (l *bereikLezer) afronden(r *Rapport) {
	r.Namen = l.namen.lijst()
}
