package store

import (
	"errors"
	"strings"

	"jeugdmonitor/data/domain"
)

// Maten lists the measures of one intervention, in the order they were added.
func (s *Store) Maten(interventieID uint) ([]domain.Maat, error) {
	var out []domain.Maat
	return out, s.db.Where("interventie_id = ?", interventieID).Order("id").Find(&out).Error
}

// AlleMaten lists every measure by its record number, for views and exports
// that name the measure of each figure.
func (s *Store) AlleMaten() (map[uint]domain.Maat, error) {
	var rows []domain.Maat
	if err := s.db.Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make(map[uint]domain.Maat, len(rows))
	for _, m := range rows {
		out[m.ID] = m
	}
	return out, nil
}

// CreateMaat validates and stores a new measure of an intervention, audited.
func (s *Store) CreateMaat(m *domain.Maat) error {
	return s.Update(func(t *Tx) error { return t.createMaat(m) })
}

// createMaat stores a new measure in this transaction; a measure of the same
// name for the intervention is refused in Dutch.
func (t *Tx) createMaat(m *domain.Maat) error {
	m.Naam, m.Eenheid = strings.TrimSpace(m.Naam), strings.TrimSpace(m.Eenheid)
	if err := m.Validate(); err != nil {
		return err
	}
	err := t.insert(m)
	if errors.Is(err, ErrDuplicate) {
		return fieldError("maat", "deze interventie heeft al een maat %q", m.Naam)
	}
	return err
}

// maatKey identifies how a figure names its measure: by name, or (name
// empty) by unit.
type maatKey struct {
	interventie uint
	naam        string
	eenheid     string
}

// maatResolver finds the measure of each figure in one transaction,
// remembering what it found so a bulk import looks each up once.
type maatResolver struct {
	tx    *Tx
	found map[maatKey]domain.Maat
	// create stores a new measure (audited, except when a whole database
	// is loaded with its own audit trail).
	create func(*domain.Maat) error
}

func newMaatResolver(t *Tx) *maatResolver {
	return &maatResolver{tx: t, found: map[maatKey]domain.Maat{}, create: t.createMaat}
}

// resolve sets the measure of an intervention's figure: the one it names by
// MaatID or MaatNaam, or else the intervention's only measure in its unit.
// A measure named for the first time, or a unit the intervention has never
// counted in, becomes a new measure (audited), so a figure in another unit
// is always another series. The figure takes the measure's unit when it has
// none; a figure in another unit than its named measure is refused. The
// reach of a shared target has no measure.
func (r *maatResolver) resolve(b *domain.Bereik) error {
	if b.InterventieID == nil {
		b.MaatID = nil
		return nil
	}
	m, err := r.find(b)
	if err != nil {
		return err
	}
	switch unit := strings.TrimSpace(b.Eenheid); {
	case unit == "":
		b.Eenheid = m.Eenheid
	case !strings.EqualFold(unit, m.Eenheid):
		return fieldError("eenheid", "de maat %q telt %s, niet %s; kies een andere maat of laat de eenheid leeg", m.Naam, m.Eenheid, unit)
	}
	b.MaatID, b.MaatNaam = &m.ID, m.Naam
	return nil
}

// find looks up (or adds) the measure a figure names.
func (r *maatResolver) find(b *domain.Bereik) (domain.Maat, error) {
	var m domain.Maat
	owner := *b.InterventieID
	if b.MaatID != nil {
		if err := r.tx.db.First(&m, *b.MaatID).Error; err != nil {
			return m, fieldError("maat", "onbekende maat (nummer %d)", *b.MaatID)
		}
		if m.InterventieID != owner {
			return m, fieldError("maat", "de maat %q hoort niet bij deze interventie", m.Naam)
		}
		return m, nil
	}
	key := maatKey{interventie: owner, naam: strings.ToLower(strings.TrimSpace(b.MaatNaam))}
	if key.naam == "" {
		key.eenheid = strings.ToLower(strings.TrimSpace(b.Eenheid))
		if key.eenheid == "" {
			return m, fieldError("eenheid", "geef de maat of de eenheid op (bijvoorbeeld jongeren)")
		}
	}
	if m, ok := r.found[key]; ok {
		return m, nil
	}
	var candidates []domain.Maat
	q := r.tx.db.Where("interventie_id = ?", owner)
	if key.naam != "" {
		q = q.Where("naam = ?", strings.TrimSpace(b.MaatNaam))
	} else {
		q = q.Where("eenheid = ? COLLATE NOCASE", strings.TrimSpace(b.Eenheid))
	}
	if err := q.Order("id").Find(&candidates).Error; err != nil {
		return m, err
	}
	switch len(candidates) {
	case 0:
		m = domain.Maat{InterventieID: owner, Naam: strings.TrimSpace(b.MaatNaam), Eenheid: strings.TrimSpace(b.Eenheid)}
		if m.Naam == "" {
			m.Naam = m.Eenheid
		}
		if m.Eenheid == "" {
			return m, fieldError("eenheid", "de maat %q is nieuw; geef op wat ze telt (bijvoorbeeld jongeren)", m.Naam)
		}
		if err := r.create(&m); err != nil {
			return m, err
		}
	case 1:
		m = candidates[0]
	default:
		return m, fieldError("maat", "deze interventie telt %s in meer maten (%s); kies de maat", candidates[0].Eenheid, maatNamen(candidates))
	}
	r.found[key] = m
	return m, nil
}

// maatNamen lists the names of measures for a message.
func maatNamen(maten []domain.Maat) string {
	names := make([]string, len(maten))
	for i, m := range maten {
		names[i] = m.Naam
	}
	return strings.Join(names, ", ")
}
