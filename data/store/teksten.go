package store

import (
	"fmt"
	"strings"

	"jeugdmonitor/data/domain"
)

// TekstInvoer is the words of a budget goal, an indicator or a policy text
// as typed where it is shown: its name (or title), its text, and the
// source the words come from, which is required.
type TekstInvoer struct {
	Naam         string
	Tekst        string
	BronDocument string
	BronSectie   string
}

// SaveBegrotingsdoelTekst corrects the name and description of budget goal
// id, with their source, audited.
func (s *Store) SaveBegrotingsdoelTekst(id uint, in TekstInvoer) (domain.Begrotingsdoel, error) {
	return saveTekst(s, id, in, func(d *domain.Begrotingsdoel, naam, tekst string, bron domain.Bron) {
		d.Naam, d.Beschrijving, d.Bron = naam, tekst, bron
	})
}

// SaveIndicatorTekst corrects the name and key message of indicator id,
// with their source, audited.
func (s *Store) SaveIndicatorTekst(id uint, in TekstInvoer) (domain.Indicator, error) {
	return saveTekst(s, id, in, func(i *domain.Indicator, naam, tekst string, bron domain.Bron) {
		i.Naam, i.Kernboodschap, i.Bron = naam, tekst, bron
	})
}

// SaveBeleidstekst corrects the title and text of policy text id, with
// their source, audited.
func (s *Store) SaveBeleidstekst(id uint, in TekstInvoer) (domain.Beleidstekst, error) {
	return saveTekst(s, id, in, func(t *domain.Beleidstekst, titel, tekst string, bron domain.Bron) {
		t.Titel, t.Tekst, t.Bron = titel, tekst, bron
	})
}

// saveTekst reads record id, puts the typed words in it with set, checks it
// (every problem at its field, the source required) and stores the
// changed fields in one audited transaction.
func saveTekst[R any, P interface {
	*R
	Record
}](s *Store, id uint, in TekstInvoer, set func(P, string, string, domain.Bron)) (R, error) {
	var r R
	err := s.Update(func(t *Tx) error {
		if err := t.db.First(P(&r), id).Error; err != nil {
			return fmt.Errorf("nummer %d: %w", id, translate(err))
		}
		var p fieldProblems
		bron := p.source(in.BronDocument, in.BronSectie)
		set(P(&r), strings.TrimSpace(in.Naam), strings.TrimSpace(in.Tekst), bron)
		if err := p.check(P(&r)); err != nil {
			return err
		}
		return t.save(P(&r))
	})
	return r, err
}
