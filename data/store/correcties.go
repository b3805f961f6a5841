package store

import (
	"errors"
	"fmt"
	"reflect"
	"strings"

	"gorm.io/gorm"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/dutchnum"
)

// This file holds the corrections of the figures the budget, savings and
// Preventie met Gezag pages show: each typed in a form, checked by the
// domain's rules, required to name its source, stored in one transaction
// with its audit rows, or refused whole with Dutch messages at the fields.

// BegrotingsregelInvoer is a budget line as typed in a form.
type BegrotingsregelInvoer struct {
	BegrotingsdoelID uint
	Jaar             string
	Soort            string // one of domain.RegelSoorten
	Bedrag           string // Dutch notation: "€ 2.763.946", "-12,50"
	Omschrijving     string
	BronDocument     string
	BronSectie       string
}

// SaveBegrotingsregel adds a budget line (id 0) or corrects line id.
func (s *Store) SaveBegrotingsregel(id uint, in BegrotingsregelInvoer) (domain.Begrotingsregel, error) {
	var p fieldProblems
	r := domain.Begrotingsregel{ID: id, BegrotingsdoelID: in.BegrotingsdoelID, Soort: domain.RegelSoort(strings.TrimSpace(in.Soort)),
		Omschrijving: strings.TrimSpace(in.Omschrijving), Bron: p.source(in.BronDocument, in.BronSectie)}
	if jaar := p.whole("jaar", in.Jaar, true); jaar != nil {
		r.Jaar = *jaar
	}
	r.BedragCent = p.cents("bedrag", in.Bedrag)
	if err := p.check(&r); err != nil {
		return r, err
	}
	return r, s.Update(func(t *Tx) error {
		if err := t.exists(&domain.Begrotingsdoel{}, r.BegrotingsdoelID, "begrotingsdoel"); err != nil {
			return err
		}
		return t.save(&r)
	})
}

// BesparingInvoer is a realised saving as typed in a form.
type BesparingInvoer struct {
	Periode      string
	Rapportage   string
	Omschrijving string
	Bedrag       string // Dutch notation
	BronDocument string
	BronSectie   string
}

// SaveBesparing adds a saving (id 0) or corrects saving id.
func (s *Store) SaveBesparing(id uint, in BesparingInvoer) (domain.Besparing, error) {
	var p fieldProblems
	b := domain.Besparing{ID: id, Periode: strings.TrimSpace(in.Periode), Rapportage: strings.TrimSpace(in.Rapportage),
		Omschrijving: strings.TrimSpace(in.Omschrijving), Bron: p.source(in.BronDocument, in.BronSectie)}
	b.BedragCent = p.cents("bedrag", in.Bedrag)
	if err := p.check(&b); err != nil {
		return b, err
	}
	return b, s.Update(func(t *Tx) error { return t.save(&b) })
}

// SaveBesparingTotaal adds the reported total of the savings (id 0) or
// corrects total id.
func (s *Store) SaveBesparingTotaal(id uint, bedrag, bronDocument, bronSectie string) (domain.BesparingTotaal, error) {
	var p fieldProblems
	b := domain.BesparingTotaal{ID: id, Bron: p.source(bronDocument, bronSectie)}
	b.BedragCent = p.cents("bedrag", bedrag)
	if err := p.check(&b); err != nil {
		return b, err
	}
	return b, s.Update(func(t *Tx) error { return t.save(&b) })
}

// CriteriumInvoer is a criterion of a budget goal as typed in a form.
type CriteriumInvoer struct {
	BegrotingsdoelID uint
	Omschrijving     string
	Streefwaarde     string // a percentage in Dutch notation; empty: none
	Soort            string // one of domain.Soorten; empty: none
	Referentiejaar   string
	Doeljaar         string
	IndicatorID      *uint
	BronDocument     string
	BronSectie       string
}

// SaveCriterium adds a criterion (id 0) or corrects criterion id.
func (s *Store) SaveCriterium(id uint, in CriteriumInvoer) (domain.Criterium, error) {
	var p fieldProblems
	c := domain.Criterium{ID: id, BegrotingsdoelID: in.BegrotingsdoelID, Omschrijving: strings.TrimSpace(in.Omschrijving),
		Soort: domain.Soort(strings.TrimSpace(in.Soort)), IndicatorID: in.IndicatorID, Bron: p.source(in.BronDocument, in.BronSectie)}
	if strings.TrimSpace(in.Streefwaarde) != "" {
		v, err := dutchnum.Parse(strings.TrimSuffix(strings.TrimSpace(in.Streefwaarde), "%"))
		if err != nil {
			p.add("streefwaarde", err.Error())
		}
		c.Streefwaarde = &v
	}
	c.Referentiejaar = p.whole("referentiejaar", in.Referentiejaar, false)
	c.Doeljaar = p.whole("doeljaar", in.Doeljaar, false)
	if err := p.check(&c); err != nil {
		return c, err
	}
	return c, s.Update(func(t *Tx) error {
		if err := t.exists(&domain.Begrotingsdoel{}, c.BegrotingsdoelID, "begrotingsdoel"); err != nil {
			return err
		}
		if c.IndicatorID != nil {
			if err := t.exists(&domain.Indicator{}, *c.IndicatorID, "indicator"); err != nil {
				return err
			}
		}
		return t.save(&c)
	})
}

// SaveMetingInvoer adds a measurement (id 0) or corrects measurement id;
// a correction that moves it to another period moves that one record.
// The source is required, as for every correction.
func (s *Store) SaveMetingInvoer(id uint, in MetingInvoer) (domain.Meting, error) {
	var p fieldProblems
	p.source(in.BronDocument, in.BronSectie)
	m, err := s.ParseMetingInvoer(in)
	if err != nil || len(p.list) > 0 {
		p.merge(err)
		return m, p.err()
	}
	m.ID = id
	return m, s.Update(func(t *Tx) error {
		var clash domain.Meting
		err := t.db.Where("indicator_id = ? AND periode = ? AND id <> ?", m.IndicatorID, m.Periode, id).Limit(1).Find(&clash).Error
		if err != nil {
			return err
		}
		if clash.ID != 0 {
			return fieldError("periode", "deze indicator heeft al een meting voor %s; pas die aan", m.Periode)
		}
		return t.save(&m)
	})
}

// DeleteBegrotingsregel removes a budget line, audited.
func (s *Store) DeleteBegrotingsregel(id uint) error {
	return s.deleteRecord(&domain.Begrotingsregel{}, id)
}

// DeleteBesparing removes a saving, audited.
func (s *Store) DeleteBesparing(id uint) error { return s.deleteRecord(&domain.Besparing{}, id) }

// DeleteBesparingTotaal removes a reported savings total, audited.
func (s *Store) DeleteBesparingTotaal(id uint) error {
	return s.deleteRecord(&domain.BesparingTotaal{}, id)
}

// DeleteCriterium removes a criterion, audited.
func (s *Store) DeleteCriterium(id uint) error { return s.deleteRecord(&domain.Criterium{}, id) }

// deleteRecord removes record id of model's kind with its audit rows.
func (s *Store) deleteRecord(model any, id uint) error {
	return s.Update(func(t *Tx) error {
		if err := t.db.Limit(1).Find(model, id).Error; err != nil {
			return err
		}
		if recordID(model) != id || id == 0 {
			return fmt.Errorf("%w: dit gegeven is intussen verwijderd", ErrNotFound)
		}
		return t.remove(model)
	})
}

// save inserts a record without a number, or writes the changes to the
// stored record with its number (an error when that is gone).
func (t *Tx) save(r any) error {
	id := recordID(r)
	if id == 0 {
		return t.insert(r)
	}
	old := reflect.New(reflect.TypeOf(r).Elem()).Interface()
	if err := t.db.Limit(1).Find(old, id).Error; err != nil {
		return err
	}
	if recordID(old) != id {
		return fmt.Errorf("%w: dit gegeven is intussen verwijderd", ErrNotFound)
	}
	_, err := t.update(old, r)
	return err
}

// exists refuses a reference to a record that is not stored.
func (t *Tx) exists(model any, id uint, veld string) error {
	err := t.db.First(model, id).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return fieldError(veld, "onbekend %s (nummer %d)", veld, id)
	}
	return err
}

// recordID is the ID field of a pointer to a record.
func recordID(r any) uint {
	return uint(reflect.ValueOf(r).Elem().FieldByName("ID").Uint())
}

// fieldProblems collects the problems of a typed form, each at its field.
type fieldProblems struct{ list []domain.FieldError }

func (p *fieldProblems) add(veld, melding string) {
	p.list = append(p.list, domain.FieldError{Veld: veld, Melding: melding})
}

// merge adds the field problems of err that are not there yet (any other
// error on the general line).
func (p *fieldProblems) merge(err error) {
	if err == nil {
		return
	}
	problems := domain.FieldProblems(err)
	if problems == nil {
		p.add("", err.Error())
	}
	for _, f := range problems {
		if !hasField(p.list, f.Veld) {
			p.list = append(p.list, f)
		}
	}
}

// err is the collected problems as one validation error (nil when none).
func (p *fieldProblems) err() error {
	if len(p.list) == 0 {
		return nil
	}
	return &domain.ValidationError{Problemen: p.list}
}

// check adds the record's own validation and returns every problem.
func (p *fieldProblems) check(r Record) error {
	p.merge(r.Validate())
	return p.err()
}

// source reads the source of a corrected figure: a figure without one
// cannot be traced, so it is required.
func (p *fieldProblems) source(document, sectie string) domain.Bron {
	b := domain.Bron{Document: strings.TrimSpace(document), Sectie: strings.TrimSpace(sectie)}
	if b.Document == "" {
		p.add("bron", "vul de bron in: het document (met onderdeel of pagina) of wie het cijfer opgaf")
	}
	return b
}

// cents reads a required amount in euros.
func (p *fieldProblems) cents(veld, text string) int64 {
	if strings.TrimSpace(text) == "" {
		p.add(veld, "vul een bedrag in, bijvoorbeeld € 125.000")
		return 0
	}
	c, err := dutchnum.ParseCents(text)
	if err != nil {
		p.add(veld, err.Error())
	}
	return c
}

// whole reads a whole number (a year), required or not.
func (p *fieldProblems) whole(veld, text string, required bool) *int {
	if required && strings.TrimSpace(text) == "" {
		p.add(veld, "vul een jaar in, bijvoorbeeld 2024")
		return nil
	}
	v, err := ParseGeheel(veld, text)
	p.merge(err)
	return v
}

// IndicatorByID reads one indicator.
func (s *Store) IndicatorByID(id uint) (domain.Indicator, error) {
	var i domain.Indicator
	err := s.db.First(&i, id).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return i, fieldError("indicator", "onbekende indicator (nummer %d)", id)
	}
	return i, err
}
