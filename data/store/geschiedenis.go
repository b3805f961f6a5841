package store

import (
	"encoding/json"
	"math"
	"sort"
	"strings"
	"unicode/utf8"

	"gorm.io/gorm"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/geschiedenis"
)

// GeschiedenisFilter narrows the readable history: by kind of record
// (table), user, moment and intervention; empty fields do not filter.
type GeschiedenisFilter struct {
	WijzigingFilter
	// InterventieID keeps the changes to an intervention and to what
	// belongs to it (its reach, measures, target links).
	InterventieID uint
}

// Geschiedenis lists the whole audit trail as readable changes, newest
// first: one per record per save, named and written in Dutch (see package
// geschiedenis). The window reads it a page at a time (GeschiedenisPagina).
func (s *Store) Geschiedenis(f GeschiedenisFilter) ([]geschiedenis.Wijziging, error) {
	all, _, err := s.GeschiedenisPagina(f, 0, math.MaxInt32)
	return all, err
}

// GeschiedenisPagina reads the next page of the history, newest first: at
// least n changes (fewer at the end of the trail) from the audit rows
// numbered below voor (0: from the newest), each change whole. It returns
// where the page after this one starts, 0 when the trail is read to the
// end. A visit to Wijzigingen thus reads a page, not the whole trail.
func (s *Store) GeschiedenisPagina(f GeschiedenisFilter, voor uint, n int) ([]geschiedenis.Wijziging, uint, error) {
	records := newRecordReader(s.db)
	wf := f.WijzigingFilter
	wf.Limit = max(4*n, 4)
	var out []geschiedenis.Wijziging
	for len(out) < n {
		wf.VoorID = voor
		rows, err := s.Wijzigingen(wf)
		if err != nil || len(rows) == 0 {
			return out, 0, err
		}
		end := len(rows) < wf.Limit
		if !end {
			if rows, err = s.wholeSaves(wf, rows); err != nil {
				return nil, 0, err
			}
		}
		for _, w := range geschiedenis.Beschrijf(rows, records) {
			if f.InterventieID == 0 || w.InterventieID == f.InterventieID {
				out = append(out, w)
			}
		}
		if end {
			return out, 0, nil
		}
		voor = rows[len(rows)-1].ID
	}
	return out, voor, nil
}

// Onderwerpen gives a function that names stored records as Wijzigingen
// does ("bereik Ambulant jongerenwerk, 2024, jongeren"; "" when gone or
// unreadable), reading each record, and each record it refers to, once.
func (s *Store) Onderwerpen() func(entiteit string, id uint) string {
	records := newRecordReader(s.db)
	return func(entiteit string, id uint) string { return geschiedenis.Onderwerp(entiteit, id, records) }
}

// wholeSaves ends a full chunk of audit rows (newest first) at the border
// of a save, so no change is split over two pages: the rows of its oldest
// save are left for the next chunk, unless that save is all the chunk
// holds; then the rest of that save is read too.
func (s *Store) wholeSaves(f WijzigingFilter, rows []domain.Wijziging) ([]domain.Wijziging, error) {
	last := rows[len(rows)-1].Tijd
	k := len(rows)
	for k > 0 && rows[k-1].Tijd.Equal(last) {
		k--
	}
	if k > 0 {
		return rows[:k], nil
	}
	for {
		f.VoorID = rows[len(rows)-1].ID
		more, err := s.Wijzigingen(f)
		if err != nil {
			return nil, err
		}
		for _, r := range more {
			if !r.Tijd.Equal(last) {
				return rows, nil
			}
			rows = append(rows, r)
		}
		if len(more) < f.Limit {
			return rows, nil
		}
	}
}

// recordModels make an empty record of each table the trail can name.
var recordModels = map[string]func() any{
	"interventies":              func() any { return &domain.Interventie{} },
	"bereik":                    func() any { return &domain.Bereik{} },
	"maten":                     func() any { return &domain.Maat{} },
	"doelstellingen":            func() any { return &domain.Doelstelling{} },
	"doelstelling_herzieningen": func() any { return &domain.DoelstellingHerziening{} },
	"indicatoren":               func() any { return &domain.Indicator{} },
	"metingen":                  func() any { return &domain.Meting{} },
	"begrotingsdoelen":          func() any { return &domain.Begrotingsdoel{} },
	"criteria":                  func() any { return &domain.Criterium{} },
	"begrotingsregels":          func() any { return &domain.Begrotingsregel{} },
	"besparingen":               func() any { return &domain.Besparing{} },
	"besparing_totalen":         func() any { return &domain.BesparingTotaal{} },
	"beleidsteksten":            func() any { return &domain.Beleidstekst{} },
	"presentaties":              func() any { return &Presentatie{} },
	"importkoppelingen":         func() any { return &Importkoppeling{} },
}

// recordReader reads stored records for the history, each once, and what
// the trail last records of a record that is gone, each once.
type recordReader struct {
	db    *gorm.DB
	cache map[string]map[uint]map[string]string
	last  map[lastKey]string
}

// lastKey is a field of a record, as the trail names it.
type lastKey struct {
	entiteit string
	id       uint
	veld     string
}

func newRecordReader(db *gorm.DB) *recordReader {
	return &recordReader{db: db, cache: map[string]map[uint]map[string]string{}, last: map[lastKey]string{}}
}

// Laatste gives the value the newest audit row about a field of a record
// records (its old value when the row removes the record, or the field in a
// row of all fields): for a removed record, the name it had. One indexed
// read of that record's rows, once per reader.
func (r *recordReader) Laatste(entiteit string, id uint, veld string) string {
	k := lastKey{entiteit, id, veld}
	if v, ok := r.last[k]; ok {
		return v
	}
	var rows []domain.Wijziging
	v := ""
	if r.db.Where("entiteit = ? AND entiteit_id = ? AND veld IN ?", entiteit, id, []string{veld, AlleVelden}).
		Order("id DESC").Limit(1).Find(&rows).Error == nil && len(rows) == 1 {
		v = lastValue(rows[0], veld)
	}
	r.last[k] = v
	return v
}

// lastValue is what an audit row says a field became (or was, for a
// removal).
func lastValue(row domain.Wijziging, veld string) string {
	text := row.NieuweWaarde
	if row.Actie == domain.ActieVerwijderd {
		text = row.OudeWaarde
	}
	if row.Veld != AlleVelden {
		return text
	}
	var fields map[string]string
	if json.Unmarshal([]byte(text), &fields) != nil {
		return ""
	}
	return fields[veld]
}

// Velden gives a record's fields as the audit trail writes them (nil when
// it is gone or of a table without records of its own). The caller may
// change the map it gets.
func (r *recordReader) Velden(entiteit string, id uint) map[string]string {
	byID, ok := r.cache[entiteit]
	if !ok {
		byID = map[uint]map[string]string{}
		r.cache[entiteit] = byID
	}
	fields, ok := byID[id]
	if !ok {
		fields = r.read(entiteit, id)
		byID[id] = fields
	}
	if fields == nil {
		return nil
	}
	out := make(map[string]string, len(fields))
	for k, v := range fields {
		out[k] = v
	}
	return out
}

// read loads one record's fields.
func (r *recordReader) read(entiteit string, id uint) map[string]string {
	model, ok := recordModels[entiteit]
	if !ok || id == 0 {
		return nil
	}
	m := model()
	if err := r.db.Limit(1).Find(m, id).Error; err != nil {
		return nil
	}
	reader := &Tx{db: r.db}
	_, got, values, _, err := reader.auditedFields(m)
	if err != nil || got != id {
		return nil
	}
	return values
}

// GeschiedenisKeuzes lists the kinds of record and the users that occur in
// the audit trail, for the history's filters: kinds as table names, sorted
// by their name in words.
func (s *Store) GeschiedenisKeuzes() (soorten, gebruikers []string, err error) {
	soorten, gebruikers, err = s.WijzigingKeuzes()
	sort.SliceStable(soorten, func(i, j int) bool { return geschiedenis.Soort(soorten[i]) < geschiedenis.Soort(soorten[j]) })
	return soorten, gebruikers, err
}

// RenameUser changes the name changes are recorded under, and records the
// change of name itself in the trail (under the old name). On a read-only
// store nothing can be recorded, so only the name for this session changes.
func (s *Store) RenameUser(name string) error {
	name = strings.TrimSpace(name)
	if name == "" {
		return fieldError("naam", "vul een naam in")
	}
	if err := domain.CheckTekst("naam", name); err != nil {
		return err
	}
	if n := utf8.RuneCountInString(name); n > domain.MaxGebruikersnaam {
		return fieldError("naam", "een naam is hoogstens %d tekens (deze is %d tekens)", domain.MaxGebruikersnaam, n)
	}
	old := s.user
	if name == old {
		return nil
	}
	if !s.readOnly {
		err := s.Update(func(t *Tx) error {
			return t.log(domain.ActieGewijzigd, geschiedenis.Gebruikersnaam, 0, "naam", old, name)
		})
		if err != nil {
			return err
		}
	}
	s.user = name
	return nil
}
