package dashboard

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/store"
)

// DemoKey is the setting that marks a demonstration database; every chart
// drawn from such a database says so on its face.
const DemoKey = "demodatabase"

// IsDemo reports whether the store is a demonstration database.
func IsDemo(s *store.Store) (bool, error) {
	_, ok, err := s.Setting(DemoKey)
	return ok, err
}

// kernboodschapKey is the setting that holds the headline message of a chart
// that has no indicator of its own.
func kernboodschapKey(naam string) string { return "kernboodschap." + naam }

// kernboodschap reads a chart's headline message: its indicator's, or the one
// stored with the chart.
func kernboodschap(s *store.Store, d definitie) (string, error) {
	if d.indicator != "" {
		ind, _, err := zoekIndicator(s, d.indicator)
		return ind.Kernboodschap, err
	}
	v, _, err := s.Setting(kernboodschapKey(d.Naam))
	return v, err
}

// MaxKernboodschap bounds a headline message, so it fits on a slide.
const MaxKernboodschap = 300

// SetKernboodschap changes a chart's headline message, audited: on its
// indicator where it has one, otherwise stored with the chart.
func SetKernboodschap(s *store.Store, naam, tekst string) error {
	d, err := zoek(naam)
	if err != nil {
		return err
	}
	tekst = strings.TrimSpace(tekst)
	if n := utf8.RuneCountInString(tekst); n > MaxKernboodschap {
		return &domain.ValidationError{Problemen: []domain.FieldError{{Veld: "kernboodschap",
			Melding: fmt.Sprintf("is te lang voor een dia; houd het bij %d tekens", MaxKernboodschap)}}}
	}
	if d.indicator == "" {
		return s.SetSetting(kernboodschapKey(naam), tekst)
	}
	ind, err := s.IndicatorByCode(d.indicator)
	if err != nil {
		return err
	}
	ind.Kernboodschap = tekst
	return s.UpdateIndicator(&ind)
}
