package dashboard

import (
	"fmt"
	"strconv"
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
// that has no indicator of its own. The reach chart of one intervention
// keeps one per intervention (interventie: its number; 0 for other charts),
// so that a message about one intervention never shows with another, and
// one per measure other than its default (maat: its name; "" for the
// default), so that a message about jongeren never heads the chart of its
// activiteiten.
func kernboodschapKey(naam string, interventie uint, maat string) string {
	switch {
	case interventie == 0:
		return "kernboodschap." + naam
	case maat != "":
		return fmt.Sprintf("kernboodschap.%s.%d.%s", naam, interventie, strings.ToLower(maat))
	}
	return fmt.Sprintf("kernboodschap.%s.%d", naam, interventie)
}

// kernboodschap reads a chart's headline message (its indicator's, or the
// one stored with the chart, for the reach chart with the intervention it
// shows) and where it comes from: the audit trail knows whether a user
// changed it, and who and when; otherwise it is the indicator's document,
// whose reference carries its date ("Routekaart Jeugdbeleid Zwolle (mei
// 2023)").
func kernboodschap(s *store.Store, d definitie, b *bouwer) (tekst, herkomst string, err error) {
	filter, veld, document := store.WijzigingFilter{Entiteit: "instellingen"}, kernboodschapKey(d.Naam, b.interventie, b.andereMaat), ""
	if d.indicator != "" {
		ind, ok, err := zoekIndicator(s, d.indicator)
		if !ok {
			return "", "", err
		}
		tekst, document = ind.Kernboodschap, ind.Bron.Document
		filter, veld = store.WijzigingFilter{Entiteit: "indicatoren", EntiteitID: ind.ID}, "kernboodschap"
	} else if veld, err = eerdereSleutel(s, d, b, veld); err != nil {
		return "", "", err
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

// eerdereSleutel gives the setting the reach chart reads its headline
// message from: the one of the intervention shown (veld), unless that was
// never written and the message saved for the whole chart, before messages
// were kept per intervention, is about it. That one belongs to the
// intervention chosen when it was last saved (read from the audit trail),
// or, when the choice was automatic then (or cannot be known), to the
// automatic choice.
func eerdereSleutel(s *store.Store, d definitie, b *bouwer, veld string) (string, error) {
	oud := kernboodschapKey(d.Naam, 0, "")
	if b.interventie == 0 || veld == oud || b.andereMaat != "" {
		return veld, nil
	}
	if _, eigen, err := s.Setting(veld); err != nil || eigen {
		return veld, err
	}
	if _, bestaat, err := s.Setting(oud); err != nil || !bestaat {
		return veld, err
	}
	rows, err := s.Wijzigingen(store.WijzigingFilter{Entiteit: "instellingen"})
	if err != nil {
		return veld, err
	}
	gezien, keuze := false, ""
	for _, w := range rows { // newest first
		if w.Veld == oud {
			gezien = true
		}
		if gezien && w.Veld == InterventieKey {
			keuze = w.NieuweWaarde
			break
		}
	}
	if keuze == strconv.FormatUint(uint64(b.interventie), 10) || keuze == "" && b.o.Interventie == "" {
		return oud, nil
	}
	return veld, nil
}

// MaxKernboodschap bounds a headline message, so it fits on a slide.
const MaxKernboodschap = 300

// SetKernboodschap changes a chart's headline message, audited: on its
// indicator where it has one, otherwise stored with the chart, for the reach
// chart with the intervention and measure it shows for o.
func SetKernboodschap(s *store.Store, naam string, o Opties, tekst string) error {
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
		b := &bouwer{s: s, o: o, bronnen: map[string]bool{}}
		if d.Naam == bereikInterventieNaam {
			if err := b.bereikInterventie(&Grafiek{}); err != nil { // the intervention and measure shown
				return err
			}
			if b.interventie == 0 {
				return &domain.ValidationError{Problemen: []domain.FieldError{{Veld: "kernboodschap",
					Melding: "hoort bij een interventie, maar de grafiek toont er geen; voer eerst bereik in"}}}
			}
		}
		return s.SetSetting(kernboodschapKey(naam, b.interventie, b.andereMaat), tekst)
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
