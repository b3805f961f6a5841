package cbs

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/dutchnum"
	"jeugdmonitor/data/foutmelding"
	"jeugdmonitor/data/period"
	"jeugdmonitor/data/spreadsheet"
	"jeugdmonitor/data/store"
)

// Reeks is one series of the table mapped onto one indicator.
type Reeks struct {
	// Label is the series as the table names it (measure and referrer).
	Label string
	// Indicator is the indicator the values go to; Nieuw when it is created.
	Indicator domain.Indicator
	Nieuw     bool
	// Metingen hold the municipality's values with Nederland as comparison.
	Metingen []domain.Meting
}

// Resultaat is what a table file holds for the chosen municipality.
type Resultaat struct {
	Tabel    string
	Gemeente string
	// bron names where the table was read (Opties.Bron).
	bron string
	// Rijen is the number of rows read.
	Rijen   int
	Reeksen []*Reeks
	// Overgeslagen notes what is not stored and why (other series, missing
	// values); Problemen what is wrong with the file. Each holds at most
	// maxMeldingen; MeerOvergeslagen and MeerProblemen count the rest, so a
	// file of a million bad rows does not fill the memory with messages.
	Overgeslagen, Problemen         []Melding
	MeerOvergeslagen, MeerProblemen int
}

// maxMeldingen is how many notes and problems a result keeps, and
// maxReeksen how many series a table may hold.
const (
	maxMeldingen = 500
	maxReeksen   = 10000
)

// probleem notes a problem (the first maxMeldingen; the rest are counted).
func (res *Resultaat) probleem(m Melding) {
	if len(res.Problemen) < maxMeldingen {
		res.Problemen = append(res.Problemen, m)
	} else {
		res.MeerProblemen++
	}
}

// overslaan notes what is left out (the first maxMeldingen; the rest are
// counted).
func (res *Resultaat) overslaan(m Melding) {
	if len(res.Overgeslagen) < maxMeldingen {
		res.Overgeslagen = append(res.Overgeslagen, m)
	} else {
		res.MeerOvergeslagen++
	}
}

// punt gathers the two values of one series in one period.
type punt struct {
	periode, code string
	gemeente, nl  *waarde
	status        string
	rij           int
}

// serie gathers a series while the file is read.
type serie struct {
	label, onderwerp, zorgvorm, verwijzer, eenheid string
	// overige are the values of the other dimensions ("Leeftijd: 0 tot 12
	// jaar"), totals left out.
	overige  []string
	punten   map[string]*punt
	volgorde []string
}

// Lees reads a StatLine table (its header already found) for the chosen
// municipality and Nederland and maps its series onto indicators. It writes
// nothing. voortgang, when set, gets the number of rows read.
func Lees(ctx context.Context, s *store.Store, t *spreadsheet.Table, opt Opties, voortgang func(rijen int)) (*Resultaat, error) {
	opt = opt.withDefaults()
	if _, err := GemeenteCode(opt.Gemeente); err != nil {
		return nil, err
	}
	if opt.Tabel == "" {
		return nil, errors.New("het tabelnummer van dit CBS-bestand is onbekend; het staat normaal in de bestandsnaam (bijvoorbeeld 85099NED)")
	}
	r := lezer{l: layoutOf(t.Header), header: t.Header, opt: opt, series: map[string]*serie{},
		res: &Resultaat{Tabel: strings.ToUpper(opt.Tabel), Gemeente: opt.Gemeente, bron: opt.Bron}}
	for {
		if r.res.Rijen%500 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, fmt.Errorf("inlezen afgebroken: %w", err)
			}
			if voortgang != nil {
				voortgang(r.res.Rijen)
			}
		}
		row, err := t.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		r.res.Rijen++
		r.rij(row)
	}
	if voortgang != nil {
		voortgang(r.res.Rijen)
	}
	if len(r.order) == 0 { // a downloaded file or a fetched table alike
		r.res.probleem(Melding{0, fmt.Sprintf("CBS-tabel %s bevat geen rijen voor %s of Nederland (%s)", r.res.Tabel, opt.Gemeente, Nederland)})
	}
	return r.res, r.res.map_(s, r.series, r.order)
}

// lezer gathers the series of a table row by row.
type lezer struct {
	l      layout
	header []string
	opt    Opties
	res    *Resultaat
	series map[string]*serie
	order  []string
}

// cell is the text of the column with a role ("" when there is none).
func (r *lezer) cell(row spreadsheet.Row, rol string) string {
	i, ok := r.l.rol[rol]
	if !ok {
		return ""
	}
	return row.Cell(i).Text
}

// maat is one measure's value in a row.
type maat struct{ onderwerp, eenheid, waarde string }

// maten are the measures of a row: the one of a long-format row, or one per
// measure column of a flat download.
func (r *lezer) maten(row spreadsheet.Row) []maat {
	if _, long := r.l.rol["waarde"]; long {
		return []maat{{r.cell(row, "onderwerp"), r.cell(row, "eenheid"), r.cell(row, "waarde")}}
	}
	out := make([]maat, 0, len(r.l.maten))
	for _, i := range r.l.maten {
		out = append(out, maat{strings.TrimSpace(r.header[i]), "", row.Cell(i).Text})
	}
	return out
}

// rij reads the values of one row for the municipality or Nederland.
func (r *lezer) rij(row spreadsheet.Row) {
	regio := strings.TrimSpace(r.cell(row, "regio"))
	naam := r.opt.GemeenteNaam
	isGemeente := strings.EqualFold(regio, r.opt.Gemeente) ||
		(naam != "" && (strings.EqualFold(regio, naam) || strings.EqualFold(regio, naam+" (gemeente)")))
	if !isGemeente && !strings.EqualFold(regio, Nederland) && !strings.EqualFold(regio, "Nederland") {
		return
	}
	per, code, perMark, err := parsePeriode(r.cell(row, "periode"))
	if errors.Is(err, errPeriodeNiet) {
		r.res.overslaan(Melding{row.Line, fmt.Sprintf("periode %s: maanden houdt de Jeugdmonitor niet bij", code)})
		return
	}
	if err != nil {
		r.res.probleem(Melding{row.Line, "periode: " + err.Error()})
		return
	}
	for _, m := range r.maten(row) {
		key, sr := seriesOf(row, r.l, r.header, m.onderwerp, m.eenheid)
		if key == "" {
			continue
		}
		if r.series[key] == nil {
			if len(r.order) == maxReeksen {
				r.res.probleem(Melding{row.Line, fmt.Sprintf("het bestand heeft meer dan %s reeksen, de grens voor één tabel", dutchnum.Format(maxReeksen, 0))})
				return
			}
			r.series[key] = sr
			r.order = append(r.order, key)
		}
		sr = r.series[key]
		w, err := parseWaarde(m.waarde)
		if err != nil {
			r.res.probleem(Melding{row.Line, "waarde: " + err.Error()})
			continue
		}
		p := sr.punten[per]
		if p == nil {
			p = &punt{periode: per, code: code, rij: row.Line}
			sr.punten[per] = p
			sr.volgorde = append(sr.volgorde, per)
		}
		marks := []string{perMark}
		if w != nil {
			marks = append(marks, w.mark)
		}
		if st, tekst := statusVan(marks, r.cell(row, "status")); st == domain.StatusVoorlopig && (p.status == "" || tekst == "nader voorlopig") {
			p.status = tekst
		}
		target := &p.nl
		if isGemeente {
			target = &p.gemeente
		}
		if *target != nil {
			r.res.probleem(Melding{row.Line, fmt.Sprintf("%s staat twee keer in het bestand voor %s, %s", sr.label, regio, per)})
			continue
		}
		*target = w
	}
}

// seriesOf returns the key and a new series for a row's measure: the
// measure and the values of the other dimensions that are not totals.
func seriesOf(row spreadsheet.Row, l layout, header []string, onderwerp, eenheid string) (string, *serie) {
	sr := &serie{onderwerp: onderwerp, eenheid: eenheid, punten: map[string]*punt{}}
	parts := []string{sr.onderwerp}
	for _, i := range l.dims {
		v := strings.TrimSpace(row.Cell(i).Text)
		if isTotaal(v) {
			continue
		}
		dim := strings.TrimSpace(header[i]) + ": " + v
		switch n := normalise(header[i]); {
		case strings.Contains(n, "verwijz"):
			sr.verwijzer = v
		case strings.Contains(n, "vorm") && strings.Contains(n, "jeugdzorg"):
			sr.zorgvorm = v
		default:
			sr.overige = append(sr.overige, dim)
		}
		parts = append(parts, dim)
	}
	sr.label = strings.Join(parts, "; ")
	if sr.eenheid != "" && !strings.Contains(sr.label, "(") {
		sr.label += " (" + sr.eenheid + ")"
	}
	return strings.ToLower(sr.label), sr
}

// map_ turns the gathered series into indicators with measurements. A
// series whose indicator another series of the table already fills gets an
// indicator of its own.
func (res *Resultaat) map_(s *store.Store, series map[string]*serie, order []string) error {
	seen := map[string]string{} // indicator code: the label that fills it
	for _, key := range order {
		sr := series[key]
		k := koppel(res.Tabel, sr.onderwerp, sr.zorgvorm, sr.verwijzer, sr.eenheid, sr.label, sr.overige)
		if _, dup := seen[k.code]; dup {
			k.code = generiekeCode(sr.onderwerp, sr.eenheid, sr.zorgvorm, sr.verwijzer, sr.overige)
		}
		if other, dup := seen[k.code]; dup {
			res.overslaan(Melding{0, fmt.Sprintf("%s niet ingelezen: indicator %s krijgt al %s", foutmelding.Citeer(sr.label), k.code, foutmelding.Citeer(other))})
			continue
		}
		seen[k.code] = sr.label
		r := &Reeks{Label: sr.label}
		ind, err := s.IndicatorByCode(k.code)
		switch {
		case domain.FieldProblems(err) != nil:
			r.Nieuw = true
			ind = domain.Indicator{Code: k.code, Naam: k.naam, Eenheid: k.eenheid, Groep: domain.GroepDashboard,
				Vergelijking: "Nederland", Bron: domain.Bron{Document: res.bron + ", tabel " + res.Tabel, Sectie: sr.label}}
		case err != nil:
			return err
		}
		r.Indicator = ind
		sort.SliceStable(sr.volgorde, func(i, j int) bool {
			a, _ := period.Parse(sr.volgorde[i])
			b, _ := period.Parse(sr.volgorde[j])
			return a.Compare(b) < 0
		})
		for _, per := range sr.volgorde {
			p := sr.punten[per]
			if p.gemeente == nil {
				res.overslaan(Melding{p.rij, fmt.Sprintf(
					"%s, %s: geen waarde voor %s (onbekend, onbetrouwbaar of geheim); niet opgeslagen", sr.label, per, res.Gemeente)})
				continue
			}
			st := domain.StatusDefinitief
			if p.status != "" {
				st = domain.StatusVoorlopig
			}
			m := domain.Meting{Periode: per, Waarde: p.gemeente.v, Status: st, Bron: Bron(res.bron, res.Tabel, p.code, p.status)}
			if p.nl != nil {
				v := p.nl.v
				m.Vergelijkingswaarde = &v
			}
			if err := m.ValidateFor(&ind); err != nil {
				res.probleem(Melding{p.rij, fmt.Sprintf("%s, %s: %v", sr.label, per, err)})
				continue
			}
			r.Metingen = append(r.Metingen, m)
		}
		if len(r.Metingen) > 0 {
			res.Reeksen = append(res.Reeksen, r)
		}
	}
	return nil
}

// Opslaan stores every series in one transaction: new indicators first,
// then the measurements (a measurement for a period that is already there is
// updated, audited). It returns how many measurements were added and
// changed. On any error or cancellation nothing is stored.
func (res *Resultaat) Opslaan(ctx context.Context, s *store.Store, voortgang func(klaar, totaal int)) (nieuw, bijgewerkt int, err error) {
	if len(res.Problemen) > 0 {
		return 0, 0, errors.New("het bestand bevat fouten; er is niets opgeslagen")
	}
	existing, err := res.bestaand(s)
	if err != nil {
		return 0, 0, err
	}
	totaal := 0
	for _, r := range res.Reeksen {
		totaal += len(r.Metingen)
	}
	err = s.Update(func(tx *store.Tx) error {
		nieuw, bijgewerkt = 0, 0
		klaar := 0
		for _, r := range res.Reeksen {
			ind := r.Indicator
			if r.Nieuw {
				if err := tx.CreateIndicator(&ind); err != nil {
					return fmt.Errorf("indicator %s: %w", ind.Code, err)
				}
			}
			for _, m := range r.Metingen {
				if err := ctx.Err(); err != nil {
					return fmt.Errorf("import afgebroken; er is niets opgeslagen: %w", err)
				}
				m.IndicatorID = ind.ID
				if err := tx.RecordMeting(&m); err != nil {
					return fmt.Errorf("%s, %s: %w", r.Label, m.Periode, err)
				}
				if _, had := existing[ind.Code+"|"+m.Periode]; had {
					bijgewerkt++
				} else {
					nieuw++
				}
				klaar++
				if voortgang != nil {
					voortgang(klaar, totaal)
				}
			}
		}
		return nil
	})
	return nieuw, bijgewerkt, err
}

// bestaand gives the measurements already stored for the result's
// existing indicators, by "code|periode".
func (res *Resultaat) bestaand(s *store.Store) (map[string]domain.Meting, error) {
	existing := map[string]domain.Meting{}
	for _, r := range res.Reeksen {
		if r.Nieuw {
			continue
		}
		ms, err := s.Metingen(r.Indicator.ID)
		if err != nil {
			return nil, err
		}
		for _, m := range ms {
			existing[r.Indicator.Code+"|"+m.Periode] = m
		}
	}
	return existing, nil
}

// Wijzigingen lists the stored figures that storing the result changes
// (value, comparison value or status), by indicator name and period.
func (res *Resultaat) Wijzigingen(s *store.Store) ([]Wijziging, error) {
	existing, err := res.bestaand(s)
	if err != nil {
		return nil, err
	}
	var out []Wijziging
	for _, r := range res.Reeksen {
		for _, m := range r.Metingen {
			if old, had := existing[r.Indicator.Code+"|"+m.Periode]; had {
				if w, anders := wijziging(r.Indicator, old, m); anders {
					out = append(out, w)
				}
			}
		}
	}
	return out, nil
}

// Telling counts the measurements Opslaan would add and change.
func (res *Resultaat) Telling(s *store.Store) (nieuw, bijgewerkt int, err error) {
	existing, err := res.bestaand(s)
	if err != nil {
		return 0, 0, err
	}
	for _, r := range res.Reeksen {
		for _, m := range r.Metingen {
			if _, had := existing[r.Indicator.Code+"|"+m.Periode]; had {
				bijgewerkt++
			} else {
				nieuw++
			}
		}
	}
	return nieuw, bijgewerkt, nil
}
