package team

import (
	"fmt"
	"strings"
	"unicode"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/dutchnum"
)

// The team database is written by others, past the program too: what a
// laptop fetches of one change is bounded, so that a value of hundreds of
// megabytes costs no more memory or disk here than a valid one.
const (
	// maxNaam is the most characters fetched of a change's id, origin,
	// author, table, key and field: far more than the program writes.
	maxNaam = 1000
	// kortVoorstuk is how much of an over-long value is kept, to show
	// with the refused change.
	kortVoorstuk = 100
)

// boundedColumns selects the columns of team_wijzigingen w as serverRow
// reads them: a value longer than domain.MaxTekst only as its start, the
// names at most maxNaam characters, and how long each really is.
var boundedColumns = fmt.Sprintf(`w.volgnummer, left(w.wijziging_id, %[1]d) AS wijziging_id, left(w.herkomst, %[1]d) AS herkomst,
    w.basis, left(w.gebruiker, %[1]d) AS gebruiker, w.tijd, left(w.actie, %[1]d) AS actie, left(w.entiteit, %[1]d) AS entiteit,
    left(w.sleutel, %[1]d) AS sleutel, left(w.veld, %[1]d) AS veld, left(w.conflict_met, %[1]d) AS conflict_met,
    CASE WHEN length(w.oude_waarde) > %[2]d THEN left(w.oude_waarde, %[3]d) ELSE w.oude_waarde END AS oude_waarde,
    CASE WHEN length(w.nieuwe_waarde) > %[2]d THEN left(w.nieuwe_waarde, %[3]d) ELSE w.nieuwe_waarde END AS nieuwe_waarde,
    length(w.oude_waarde) AS lengte_oud, length(w.nieuwe_waarde) AS lengte_nieuw,
    greatest(length(w.wijziging_id), length(w.herkomst), length(w.gebruiker), length(w.actie), length(w.entiteit),
        length(w.sleutel), length(w.veld), length(w.conflict_met)) AS lengte_naam`, maxNaam, domain.MaxTekst, kortVoorstuk)

// change is the change a fetched row holds, and why it cannot be applied
// when part of it was too long to fetch whole ("": it was fetched whole).
// Such a change keeps the start of its value, marked with an ellipsis,
// and the action refusedAction, so that no choice can apply that start.
func (r serverRow) change() (Wijziging, string) {
	c := Wijziging{Volgnummer: r.Volgnummer, ID: r.WijzigingID, Herkomst: r.Herkomst, Basis: r.Basis,
		Gebruiker: r.Gebruiker, Tijd: r.Tijd.UTC(), Actie: domain.Actie(r.Actie), Entiteit: r.Entiteit, Sleutel: r.Sleutel,
		Veld: r.Veld, OudeWaarde: r.OudeWaarde, NieuweWaarde: r.NieuweWaarde, ConflictMet: r.ConflictMet}
	var reden []string
	if r.LengteNaam > maxNaam {
		reden = append(reden, fmt.Sprintf("een naam of sleutel van de wijziging is %s tekens lang; hoogstens %s",
			dutchnum.Format(float64(r.LengteNaam), 0), dutchnum.Format(maxNaam, 0)))
	}
	for _, v := range []struct {
		naam   string
		lengte int64
		waarde *string
	}{{"de oude waarde", r.LengteOud, &c.OudeWaarde}, {"de nieuwe waarde", r.LengteNieuw, &c.NieuweWaarde}} {
		if v.lengte > domain.MaxTekst {
			reden = append(reden, fmt.Sprintf("%s van %s is %s tekens lang; een tekst mag hoogstens %s tekens zijn",
				v.naam, c.Veld, dutchnum.Format(float64(v.lengte), 0), dutchnum.Format(domain.MaxTekst, 0)))
			*v.waarde = strings.ToValidUTF8(*v.waarde, "") + "…"
		}
	}
	if len(reden) == 0 {
		return c, ""
	}
	c.Actie = refusedAction
	return c, strings.Join(reden, "; ")
}

// Toonbaar is text from the team database as it can be shown on a
// terminal or in the window: every control character (an escape sequence
// recolours or clears a terminal) and direction override written as
// \uXXXX, and at most max characters, cut off with an ellipsis.
func Toonbaar(text string, max int) string {
	var b strings.Builder
	n := 0
	for _, r := range strings.ToValidUTF8(text, "\uFFFD") {
		if n == max {
			b.WriteString("…")
			break
		}
		n++
		if unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) {
			fmt.Fprintf(&b, "\\u%04x", r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
