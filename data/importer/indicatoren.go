package importer

import (
	"fmt"
	"path/filepath"
	"strings"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/foutmelding"
	"jeugdmonitor/data/spreadsheet"
	"jeugdmonitor/data/store"
)

// metingLezer reads indicator measurements; an unknown indicator is created
// when its row gives code, name, unit and group.
type metingLezer struct {
	im        *Import
	byCode    map[string]*domain.Indicator
	byNaam    map[string]*domain.Indicator
	nieuw     []*domain.Indicator
	bestaand  map[string]bool // "id|periode" in the database
	geladen   map[uint]bool
	gezien    map[string]int
	huidig    domain.Meting
	huidigInd *domain.Indicator
	// alleenIndicator: the current row only creates its indicator.
	alleenIndicator bool
	tellen          bool
}

func newMetingLezer(im *Import, tellen bool) (*metingLezer, error) {
	all, err := im.store.Indicatoren("")
	if err != nil {
		return nil, err
	}
	l := &metingLezer{im: im, tellen: tellen, byCode: map[string]*domain.Indicator{}, byNaam: map[string]*domain.Indicator{},
		bestaand: map[string]bool{}, geladen: map[uint]bool{}, gezien: map[string]int{}}
	for i := range all {
		l.byCode[strings.ToLower(all[i].Code)] = &all[i]
		l.byNaam[sleutel(all[i].Naam)] = &all[i]
	}
	return l, nil
}

// indicator finds the row's indicator, or plans a new one from the row.
func (l *metingLezer) indicator(row spreadsheet.Row, r *Rapport) *domain.Indicator {
	im := l.im
	code, naam := im.text(row, "code"), im.text(row, "indicator")
	if ind, ok := l.byCode[strings.ToLower(code)]; ok && code != "" {
		return ind
	}
	if ind, ok := l.byNaam[sleutel(naam)]; ok && naam != "" && code == "" {
		return ind
	}
	kolom := im.Kolom(im.Koppeling["code"])
	if !im.mapped("code") {
		kolom = im.Kolom(im.Koppeling["indicator"])
	}
	eenheid, groep := im.text(row, "eenheid"), im.text(row, "groep")
	if code == "" || naam == "" || eenheid == "" || groep == "" {
		r.probleem(Probleem{Rij: row.Line, Kolom: kolom, Melding: fmt.Sprintf(
			"onbekende indicator %s; geef code, naam, eenheid en groep om hem aan te maken", foutmelding.Citeer(strings.TrimSpace(code+" "+naam)))})
		return nil
	}
	ind := &domain.Indicator{Code: code, Naam: naam, Eenheid: domain.Eenheid(eenheid), Groep: domain.IndicatorGroep(groep),
		Vergelijking: im.text(row, "vergelijking"), Bron: domain.Bron{Document: filepath.Base(im.Pad)}}
	if err := ind.Validate(); err != nil {
		im.fieldProblems(row.Line, err, r)
		return nil
	}
	l.byCode[strings.ToLower(code)] = ind
	l.nieuw = append(l.nieuw, ind)
	return ind
}

func (l *metingLezer) lees(row spreadsheet.Row, r *Rapport) bool {
	im := l.im
	before := len(r.Problemen) + r.MeerProblemen
	ind := l.indicator(row, r)
	if im.text(row, "periode") == "" && im.text(row, "waarde") == "" {
		// a row that only describes the indicator: create it if it is new
		l.huidig, l.huidigInd, l.alleenIndicator = domain.Meting{}, ind, true
		return ind != nil && ind.ID == 0 && len(r.Problemen)+r.MeerProblemen == before
	}
	l.alleenIndicator = false
	m := domain.Meting{Periode: im.periode(row, r), Status: im.status(row)}
	if b := im.text(row, "bron"); b != "" {
		m.Bron = domain.Bron{Document: b}
	} else {
		m.Bron = domain.Bron{Document: im.rowSource(row.Line)}
	}
	v, missing, ok := im.value(row, "waarde", r)
	if missing {
		im.skip(row, "waarde", r)
		return false
	}
	m.Waarde = v
	m.Vergelijkingswaarde = im.optional(row, "vergelijkingswaarde", r)
	if ind == nil || !ok {
		return false
	}
	if err := m.ValidateFor(ind); err != nil {
		im.fieldProblems(row.Line, err, r)
	}
	if len(r.Problemen)+r.MeerProblemen > before {
		return false
	}
	key := strings.ToLower(ind.Code) + "|" + m.Periode
	if first, dup := l.gezien[key]; dup {
		r.probleem(Probleem{Rij: row.Line, Kolom: im.Kolom(im.Koppeling["periode"]),
			Melding: fmt.Sprintf("periode %s staat voor indicator %s al op rij %d", m.Periode, ind.Code, first)})
		return false
	}
	l.gezien[key] = row.Line
	if ind.ID != 0 && l.tellen && !l.geladen[ind.ID] {
		l.geladen[ind.ID] = true
		existing, err := im.store.Metingen(ind.ID)
		if err != nil {
			r.probleem(Probleem{Rij: row.Line, Melding: err.Error()})
		}
		for _, e := range existing {
			l.bestaand[fmt.Sprintf("%d|%s", ind.ID, e.Periode)] = true
		}
	}
	if ind.ID != 0 && l.bestaand[fmt.Sprintf("%d|%s", ind.ID, m.Periode)] {
		r.Bijgewerkt++
	} else {
		r.Nieuw++
	}
	l.huidig, l.huidigInd = m, ind
	return true
}

func (l *metingLezer) schrijf(tx *store.Tx, line int) error {
	if l.huidigInd.ID == 0 {
		if err := tx.CreateIndicator(l.huidigInd); err != nil {
			return fmt.Errorf("rij %d: indicator %s: %w", line, l.huidigInd.Code, err)
		}
	}
	if l.alleenIndicator {
		return nil
	}
	m := l.huidig
	m.IndicatorID = l.huidigInd.ID
	if err := tx.RecordMeting(&m); err != nil {
		return fmt.Errorf("rij %d: %w", line, err)
	}
	return nil
}

// leegmaken has nothing to do: measurements are written as they are read.
func (l *metingLezer) leegmaken(*store.Tx) error { return nil }

func (l *metingLezer) afronden(r *Rapport) {
	for _, ind := range l.nieuw {
		r.NieuweIndicatoren = append(r.NieuweIndicatoren, ind.Code+" ("+ind.Naam+")")
	}
}
