package store

import (
	"errors"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// instelling is one key-value setting stored in the database itself.
type instelling struct {
	Sleutel string `gorm:"primaryKey"`
	Waarde  string
}

func (instelling) TableName() string { return "instellingen" }

// Setting returns a setting stored in the database, and whether it exists.
func (s *Store) Setting(key string) (string, bool, error) {
	var i instelling
	err := s.db.Where("sleutel = ?", key).First(&i).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return "", false, nil
	}
	return i.Waarde, err == nil, err
}

// Settings lists every setting stored in the database.
func (s *Store) Settings() (map[string]string, error) {
	var all []instelling
	if err := s.db.Order("sleutel").Find(&all).Error; err != nil {
		return nil, err
	}
	out := make(map[string]string, len(all))
	for _, i := range all {
		out[i.Sleutel] = i.Waarde
	}
	return out, nil
}

// SetSetting stores a setting, audited like any other change.
func (s *Store) SetSetting(key, value string) error {
	return s.Update(func(t *Tx) error { return t.SetSetting(key, value) })
}

// SetSetting stores a setting in this transaction.
func (t *Tx) SetSetting(key, value string) error {
	var old instelling
	err := t.db.Where("sleutel = ?", key).First(&old).Error
	if err != nil && !errors.Is(err, gorm.ErrRecordNotFound) {
		return err
	}
	if err := t.db.Clauses(clause.OnConflict{UpdateAll: true}).Create(&instelling{Sleutel: key, Waarde: value}).Error; err != nil {
		return err
	}
	if old.Waarde == value && old.Sleutel != "" {
		return nil
	}
	return t.log(actionFor(old.Sleutel != ""), "instellingen", 0, key, old.Waarde, value)
}
