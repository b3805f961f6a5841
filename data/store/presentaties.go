package store

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"gorm.io/gorm"

	"jeugdmonitor/data/domain"
)

// Presentatie is a named, ordered selection of dashboard charts shown one per
// slide ("Raadsvergadering 12 december").
type Presentatie struct {
	ID   uint `gorm:"primaryKey"`
	Naam string
	// Dias are the names of the charts in slide order.
	Dias []string `gorm:"serializer:json"`
}

// TableName is the table of presentations.
func (Presentatie) TableName() string { return "presentaties" }

// maxNaamLengte bounds a presentation's name.
const maxNaamLengte = 100

// Validate checks the name and that there is at least one slide.
func (p *Presentatie) Validate() error {
	var probs []domain.FieldError
	p.Naam = strings.TrimSpace(p.Naam)
	switch {
	case p.Naam == "":
		probs = append(probs, domain.FieldError{Veld: "naam", Melding: "geef de presentatie een naam"})
	case utf8.RuneCountInString(p.Naam) > maxNaamLengte:
		probs = append(probs, domain.FieldError{Veld: "naam", Melding: fmt.Sprintf("mag hoogstens %d tekens zijn", maxNaamLengte)})
	}
	if len(p.Dias) == 0 {
		probs = append(probs, domain.FieldError{Veld: "dia's", Melding: "kies ten minste één grafiek"})
	}
	if probs != nil {
		return &domain.ValidationError{Problemen: probs}
	}
	return nil
}

// Presentaties lists the saved presentations by name.
func (s *Store) Presentaties() ([]Presentatie, error) {
	var out []Presentatie
	return out, s.db.Order("naam COLLATE NOCASE").Find(&out).Error
}

// PresentatieByNaam finds a presentation by name, ignoring case.
func (s *Store) PresentatieByNaam(naam string) (Presentatie, error) {
	var p Presentatie
	err := s.db.Where("naam = ? COLLATE NOCASE", strings.TrimSpace(naam)).First(&p).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return p, fieldError("presentatie", "er is geen presentatie %q", naam)
	}
	return p, err
}

// SavePresentatie stores a new presentation (ID 0) or the changes to an
// existing one, audited.
func (s *Store) SavePresentatie(p *Presentatie) error {
	return s.Update(func(t *Tx) error { return t.SavePresentatie(p) })
}

// SavePresentatie stores a presentation in this transaction (see
// Store.SavePresentatie).
func (t *Tx) SavePresentatie(p *Presentatie) error {
	if err := p.Validate(); err != nil {
		return err
	}
	var err error
	if p.ID == 0 {
		err = t.insert(p)
	} else {
		var old Presentatie
		if err := t.db.First(&old, p.ID).Error; err != nil {
			return fmt.Errorf("presentatie %d: %w", p.ID, translate(err))
		}
		_, err = t.update(&old, p)
	}
	if errors.Is(err, ErrDuplicate) {
		return fieldError("naam", "er is al een presentatie met de naam %q", p.Naam)
	}
	return err
}

// SavePresentatieOnderNaam stores a presentation under its name: it replaces
// the one of the same name (ignoring case) or adds a new one, in one
// transaction.
func (s *Store) SavePresentatieOnderNaam(p *Presentatie) error {
	return s.Update(func(t *Tx) error {
		var old Presentatie
		err := t.db.Where("naam = ? COLLATE NOCASE", strings.TrimSpace(p.Naam)).First(&old).Error
		switch {
		case err == nil:
			p.ID = old.ID
		case errors.Is(err, gorm.ErrRecordNotFound):
			p.ID = 0
		default:
			return err
		}
		return t.SavePresentatie(p)
	})
}

// DeletePresentatie removes a presentation, audited.
func (s *Store) DeletePresentatie(id uint) error {
	return s.Update(func(t *Tx) error {
		var p Presentatie
		if err := t.db.First(&p, id).Error; err != nil {
			return fmt.Errorf("presentatie %d: %w", id, translate(err))
		}
		return t.remove(&p)
	})
}
