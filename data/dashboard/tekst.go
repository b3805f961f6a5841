package dashboard

import (
	"fmt"
	"strings"
	"time"
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

// kernboodschap reads a chart's headline message (its indicator's, or the
// one stored with the chart) and where it comes from: the audit trail knows
// whether a user changed it, and who and when; otherwise it is the
// indicator's document, whose reference carries its date ("Routekaart
// Jeugdbeleid Zwolle (mei 2023)").
func kernboodschap(s *store.Store, d definitie) (tekst, herkomst string, err error) {
	filter, veld, document := store.WijzigingFilter{Entiteit: "instellingen"}, kernboodschapKey(d.Naam), ""
	if d.indicator != "" {
		ind, ok, err := zoekIndicator(s, d.indicator)
		if !ok {
			return "", "", err
		}
		tekst, document = ind.Kernboodschap, ind.Bron.Document
		filter, veld = store.WijzigingFilter{Entiteit: "indicatoren", EntiteitID: ind.ID}, "kernboodschap"
	} else if tekst, _, err = s.Setting(veld); err != nil {
		return "", "", err
	}
	if strings.TrimSpace(tekst) == "" {
		return "", "", nil
	}
	rows, err := s.Wijzigingen(filter)
	if err != nil {
		return "", "", err
	}
	for _, w := range rows { // newest first
		if w.Veld != veld {
			continue
		}
		if w.Actie == domain.ActieGewijzigd || d.indicator == "" {
			return tekst, fmt.Sprintf("Kernboodschap aangepast door %s op %s", w.Gebruiker, Datum(w.Tijd.Local())), nil
		}
		break
	}
	if document == "" {
		return tekst, "", nil
	}
	return tekst, "Kernboodschap uit " + document, nil
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

// maanden are the Dutch month names.
var maanden = [...]string{"januari", "februari", "maart", "april", "mei", "juni", "juli",
	"augustus", "september", "oktober", "november", "december"}

// Datum writes a date the Dutch way in words, "29 november 2026": on a chart
// or a printed page it cannot be read as a range the way 29-11-2026 can in a
// font whose hyphen looks like a dash.
func Datum(t time.Time) string {
	return fmt.Sprintf("%d %s %d", t.Day(), maanden[t.Month()-1], t.Year())
}
