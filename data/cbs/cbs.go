// Package cbs reads the youth-care tables of CBS StatLine as downloaded in CSV
// (85099NED and 84134NED kerncijfers jeugdzorg, 85097NED jeugdhulptrajecten
// per verwijzer, 85098NED indicatoren jeugdzorg): long format, one value per
// row, or StatLine's flat download with one column per measure ("Jongeren met
// jeugdzorg (aantal)"); region and period codes or labels, status marks. The
// care form of 85099NED and 84134NED is a dimension ("Vormen van jeugdzorg":
// "JH 122 Totaal jeugdhulp met verblijf"), the referrer of 85097NED too
// ("Verwijzer jeugdzorg": "Huisarts"). It keeps the chosen
// municipality with Nederland as its comparison, maps the series onto the
// dashboard's indicators (creating those that have no match), and stores the
// values with the table and period as their source.
package cbs

import (
	"errors"
	"fmt"
	"hash/fnv"
	"path/filepath"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/dutchnum"
	"jeugdmonitor/data/foutmelding"
	"jeugdmonitor/data/period"
	"jeugdmonitor/data/spreadsheet"
)

// Zwolle is the region code of the default municipality.
const Zwolle = "GM0193"

// Nederland is the region code of the whole country, the comparison.
const Nederland = "NL01"

// gemeenteCode is a municipality's region code: GM and four digits.
var gemeenteCode = regexp.MustCompile(`^GM[0-9]{4}$`)

// GemeenteCode checks a municipality's region code as a user gives it
// ("gm0193 " is GM0193) and returns it in capitals; anything but GM and
// four digits (NL01, a province, a district) is refused in words, before
// anything is read or fetched, so that no other region's figures are stored
// as the municipality's.
func GemeenteCode(code string) (string, error) {
	c := strings.ToUpper(strings.TrimSpace(code))
	if !gemeenteCode.MatchString(c) {
		return "", fmt.Errorf("Gemeentecode %s: schrijf GM en vier cijfers, bijvoorbeeld GM0193 voor Zwolle", foutmelding.Citeer(code))
	}
	return c, nil
}

// Opties choose what is read from a table.
type Opties struct {
	// Gemeente is the municipality's region code (default Zwolle, GM0193);
	// GemeenteNaam its name, for files with region labels (default Zwolle).
	Gemeente, GemeenteNaam string
	// Tabel is the table id ("85099NED"); empty: taken from the file name
	// or the title above the header.
	Tabel string
	// Bron names where the values come from, before the table id in each
	// value's source (default "CBS StatLine"; a fetch from the open data
	// service says "CBS StatLine (OData), opgehaald 29-11-2026").
	Bron string
}

func (o Opties) withDefaults() Opties {
	if strings.TrimSpace(o.Gemeente) == "" {
		o.Gemeente, o.GemeenteNaam = Zwolle, "Zwolle"
	}
	o.Gemeente = strings.ToUpper(strings.TrimSpace(o.Gemeente))
	if strings.TrimSpace(o.Bron) == "" {
		o.Bron = "CBS StatLine"
	}
	return o
}

// Tabellen describes the tables this package knows.
var Tabellen = map[string]string{
	"85099NED": "Jeugdzorg; kerncijfers, regio (vanaf 2021)",
	"84134NED": "Jeugdzorg; kerncijfers, regio (2015-2020)",
	"85097NED": "Jeugdhulptrajecten; verwijzer, regio",
	"85098NED": "Indicatoren jeugdzorg; gemeenten",
}

// kolommen are the roles a header can have, by normalised header text.
var kolommen = map[string]string{
	"regios": "regio", "regio": "regio", "gemeenten": "regio", "gemeente": "regio", "regioaanduiding": "regio",
	"perioden": "periode", "periode": "periode",
	"onderwerp": "onderwerp", "onderwerpen": "onderwerp", "measure": "onderwerp", "topic": "onderwerp",
	"waarde": "waarde", "value": "waarde",
	"status": "status", "valueattribute": "status",
	"eenheid": "eenheid", "unit": "eenheid",
	"id": "id",
}

func normalise(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// layout is where the roles are in a header; dims are the other columns.
// maten are the measure columns of a flat download without a value column,
// those whose header ends in its unit: "Jongeren met jeugdzorg (aantal)".
type layout struct {
	rol         map[string]int
	dims, maten []int
}

func layoutOf(header []string) layout {
	l := layout{rol: map[string]int{}}
	for i, h := range header {
		if rol, ok := kolommen[normalise(h)]; ok {
			if _, dup := l.rol[rol]; !dup {
				l.rol[rol] = i
			}
			continue
		}
		if strings.TrimSpace(h) != "" {
			l.dims = append(l.dims, i)
		}
	}
	if _, ok := l.rol["waarde"]; !ok {
		var dims []int
		for _, i := range l.dims {
			if strings.HasSuffix(strings.TrimSpace(header[i]), ")") {
				l.maten = append(l.maten, i)
			} else {
				dims = append(dims, i)
			}
		}
		l.dims = dims
	}
	return l
}

// Herken reports whether a header is that of a StatLine table: a region, a
// period and a value column (long format), or StatLine's own "Regio's" and
// "Perioden" with measure columns (flat).
func Herken(header []string) bool {
	l := layoutOf(header)
	for _, rol := range []string{"regio", "periode"} {
		if _, ok := l.rol[rol]; !ok {
			return false
		}
	}
	if _, long := l.rol["waarde"]; long {
		return true
	}
	return len(l.maten) > 0 && normalise(header[l.rol["regio"]]) == "regios" && normalise(header[l.rol["periode"]]) == "perioden"
}

var tabelID = regexp.MustCompile(`(?i)\b(\d{5}[a-z]{3})\b|(\d{5}[A-Z]{3})`)

// TabelUit finds the table id in a file's name or in the title rows above its
// header; "" when there is none.
func TabelUit(pad string, above []spreadsheet.Row) string {
	texts := []string{filepath.Base(pad)}
	for _, r := range above {
		for _, c := range r.Cells {
			texts = append(texts, c.Text)
		}
	}
	for _, t := range texts {
		if m := tabelID.FindStringSubmatch(strings.ReplaceAll(t, "_", " ")); m != nil {
			return strings.ToUpper(m[1] + m[2])
		}
	}
	return ""
}

var periodCode = regexp.MustCompile(`^(\d{4})(JJ|HJ|KW|MM|X0)(\d{2})$`)

// errPeriodeNiet marks a period kind the application does not keep (months).
var errPeriodeNiet = errors.New("niet ondersteund")

// parsePeriode reads a StatLine period code ("2023JJ00", "2023HJ01",
// "2023KW02") or label ("2023", "2023*") into the application's period
// text, with the status mark taken off.
func parsePeriode(s string) (periode, code string, mark string, err error) {
	s, mark = cutMark(strings.TrimSpace(s))
	code = s
	if m := periodCode.FindStringSubmatch(strings.ToUpper(s)); m != nil {
		switch m[2] {
		case "JJ":
			s = m[1]
		case "HJ":
			s = m[1] + "-H" + strings.TrimLeft(m[3], "0")
		case "KW":
			s = m[1] + "-K" + strings.TrimLeft(m[3], "0")
		default:
			return "", code, mark, errPeriodeNiet
		}
	}
	p, err := period.Parse(s)
	if err != nil {
		return "", code, mark, err
	}
	return p.String(), code, mark, nil
}

// cutMark takes a trailing status mark ("*" or "**", possibly after a
// space) off a text; a third star stays, so "12***" is no value.
func cutMark(s string) (string, string) {
	t := s
	for i := 0; i < 2 && strings.HasSuffix(t, "*"); i++ {
		t = t[:len(t)-1]
	}
	return strings.TrimSpace(t), s[len(t):]
}

// waarde is one value with its status.
type waarde struct {
	v    float64
	mark string // "", "*" or "**"
}

// parseWaarde reads a value: "." (unknown, unreliable or secret) and empty
// are missing, never 0; a trailing status mark is kept.
func parseWaarde(s string) (*waarde, error) {
	t, mark := cutMark(strings.TrimSpace(s))
	v, err := dutchnum.ParseCell(t)
	if errors.Is(err, dutchnum.ErrMissing) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &waarde{v: v, mark: mark}, nil
}

// statusVan turns marks and a status column into a status and its words.
func statusVan(marks []string, kolom string) (domain.Status, string) {
	k := strings.ToLower(kolom)
	for _, m := range marks {
		if m == "**" {
			return domain.StatusVoorlopig, "nader voorlopig"
		}
	}
	if strings.Contains(k, "nader") {
		return domain.StatusVoorlopig, "nader voorlopig"
	}
	for _, m := range marks {
		if m == "*" {
			return domain.StatusVoorlopig, "voorlopig"
		}
	}
	if strings.Contains(k, "voorlopig") || strings.Contains(k, "provisional") {
		return domain.StatusVoorlopig, "voorlopig"
	}
	return domain.StatusDefinitief, ""
}

// isTotaal reports whether a dimension value is the total over the dimension.
func isTotaal(s string) bool {
	n := normalise(s)
	return n == "" || strings.HasPrefix(n, "totaal") || n == "t001" || strings.HasPrefix(n, "t00")
}

// slug makes a code part from a label: "Gemeentelijke toegang" is
// "gemeentelijke-toegang".
func slug(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), "-")
}

// koppeling is where a series goes: an indicator code with the name and
// unit to create it with when it does not exist.
type koppeling struct {
	code, naam string
	eenheid    domain.Eenheid
}

// bestaande maps the concepts that the built-in register already charts
// onto its indicator codes (counts of young people only). Only a series
// whose concept comes from a documented code or an exact label (see
// conceptVan) goes there.
var bestaande = map[string]string{
	"jeugdhulp":          "jeugdhulp-jeugdigen",
	"jeugdhulp-verblijf": "jeugdhulp-verblijf",
	"verwijzer-huisarts": "jeugdhulp-huisarts",
}

// zorgvormCode is the CBS code before a care form: "JH 122" in "JH 122
// Totaal jeugdhulp met verblijf", "JZ" in "JZ Totaal jeugdzorg".
var zorgvormCode = regexp.MustCompile(`^(J[BHRZ])\s*(\d*)\s`)

// zorgvormen are the care forms, by code, that are a concept of the
// dashboard; the other forms are parts or sums of them.
var zorgvormen = map[string]string{
	"JH1":   "jeugdhulp",
	"JH121": "jeugdhulp-zonder-verblijf",
	"JH122": "jeugdhulp-verblijf",
	"JB1":   "jeugdbescherming",
	"JR1":   "jeugdreclassering",
}

// onderwerpen are the measures of the known tables and of their downloads
// by their exact label (lower case, the unit in brackets left off), with the
// concept each counts; "" for a measure of 85099NED and 84134NED whose
// concept is the care form's.
var onderwerpen = map[string]string{
	"jongeren met jeugdzorg":                 "",
	"jongeren met jeugdzorg (relatief)":      "",
	"jeugdzorgtrajecten":                     "",
	"jongeren met jeugdhulp":                 "jeugdhulp",
	"jongeren met jeugdhulp (relatief)":      "jeugdhulp",
	"jongeren met jeugdhulp met verblijf":    "jeugdhulp-verblijf",
	"jongeren met jeugdhulp zonder verblijf": "jeugdhulp-zonder-verblijf",
	"jongeren met jeugdhulp in natura":       "jeugdhulp-in-natura",
	"jongeren met jeugdbescherming":          "jeugdbescherming",
	"jongeren met jeugdreclassering":         "jeugdreclassering",
	"jeugdhulptrajecten":                     "jeugdhulp",
	"totaal jeugdhulptrajecten in natura":    "jeugdhulp-in-natura",
}

// verwijzers are the referrers of 85097NED that are a concept of the
// dashboard, by their exact label (lower case).
var verwijzers = map[string]string{"huisarts": "verwijzer-huisarts"}

// koppel decides the indicator of a series. tabel is the table id;
// onderwerp the measure's label; zorgvorm the care form and verwijzer the
// referrer (empty: all); overige the values of the other dimensions that are
// not totals ("Leeftijd: 0 tot 12 jaar"); label the series' full label. A
// series of a concept the dashboard charts goes to its indicator; any other
// measure or dimension value gets an indicator of its own, named from the
// table, the measure and the dimension values.
func koppel(tabel, onderwerp, zorgvorm, verwijzer, eenheid, label string, overige []string) koppeling {
	t := strings.ToLower(onderwerp + " " + eenheid)
	k := koppeling{naam: label + " (CBS-tabel " + tabel + ")", eenheid: eenheidVan(strings.ToLower(onderwerp), eenheid)}
	k.code = generiekeCode(onderwerp, eenheid, zorgvorm, verwijzer, overige)
	concept, bekend, err := conceptVan(onderwerp, zorgvorm, verwijzer)
	if err != nil || k.eenheid == "" {
		return k
	}
	code := "cbs-" + concept
	switch {
	case k.eenheid == domain.EenheidPercentage:
		code += "-percentage"
	case strings.Contains(t, "traject"):
		code += "-trajecten"
	case verwijzer != "" && !strings.Contains(t, "jongeren") && !strings.Contains(t, "jeugdigen"):
		return k
	case bekend && bestaande[concept] != "" && len(overige) == 0:
		code = bestaande[concept]
	}
	if len(overige) > 0 {
		code += "-" + slug(strings.Join(overige, " "))
	}
	k.code = begrensdeCode(code)
	return k
}

// eenheidVan reads an indicator unit from a measure and its unit (lower
// case; the unit may also be the measure's last bracket, "(aantal)"): ""
// for a unit the application has none for (per 1.000, dagen), whose values
// are then only checked for being finite and not negative.
func eenheidVan(t, eenheid string) domain.Eenheid {
	u := strings.ToLower(strings.TrimSpace(eenheid))
	if i := strings.LastIndex(t, "("); u == "" && i >= 0 && strings.HasSuffix(strings.TrimSpace(t), ")") {
		u = strings.TrimSuffix(strings.TrimSpace(t[i+1:]), ")")
	}
	all := t + " " + u
	switch {
	case strings.Contains(all, "per 1 000") || strings.Contains(all, "per 1000") || strings.Contains(all, "per 1.000"):
		return ""
	case strings.Contains(all, "per 10 000") || strings.Contains(all, "per 10000") || strings.Contains(all, "per 10.000"):
		return domain.EenheidPer10000
	case strings.Contains(all, "%") || strings.Contains(all, "procent") || strings.Contains(all, "percentage"):
		return domain.EenheidPercentage
	case strings.Contains(u, "euro"):
		return domain.EenheidEuro
	case u == "" || strings.Contains(u, "aantal"):
		return domain.EenheidAantal
	}
	return ""
}

// generiekeCode is the code of a series' own indicator: "cbs-" with the
// measure, its unit and the dimension values.
func generiekeCode(onderwerp, eenheid, zorgvorm, verwijzer string, overige []string) string {
	parts := append([]string{onderwerp, eenheid, zorgvorm, verwijzer}, overige...)
	return begrensdeCode("cbs-" + slug(strings.Join(parts, " ")))
}

// maxCode is the longest indicator code made from a table's labels.
const maxCode = 100

// begrensdeCode cuts a code made from labels to maxCode characters, with a
// short hash of the whole so that two long labels keep distinct codes.
func begrensdeCode(code string) string {
	if len(code) <= maxCode {
		return code
	}
	h := fnv.New32a()
	h.Write([]byte(code))
	cut := code[:maxCode-9]
	for !utf8.ValidString(cut) {
		cut = cut[:len(cut)-1]
	}
	return fmt.Sprintf("%s-%08x", strings.TrimRight(cut, "-"), h.Sum32())
}

// conceptVan finds the concept of a series from its measure's exact label
// (see onderwerpen), the care form's CBS code ("JH 1") and the referrer.
// bekend is true when the concept is one the tables document (a care form
// by its code, a measure or referrer by its exact label), the only ones that
// may go to the register's indicators (bestaande); a referrer of another
// label gets a concept of its own. A care form without a known code, or a
// measure of another label, has no concept: the series gets an indicator of
// its own, so that "Geen jeugdhulp" never fills the count of young people
// with youth care.
func conceptVan(onderwerp, zorgvorm, verwijzer string) (concept string, bekend bool, err error) {
	concept, known := onderwerpen[kaalOnderwerp(onderwerp)]
	switch {
	case !known:
		return "", false, errors.New("geen onderwerp van de bekende tabellen")
	case verwijzer != "":
		v := strings.ToLower(strings.TrimSpace(verwijzer))
		if c := verwijzers[v]; c != "" {
			return c, true, nil
		}
		return "verwijzer-" + slug(v), false, nil
	case zorgvorm == "" && concept != "":
		return concept, true, nil
	case zorgvorm == "" || concept != "":
		return "", false, errors.New("geen indicator van het dashboard")
	}
	if m := zorgvormCode.FindStringSubmatch(strings.TrimSpace(zorgvorm)); m != nil && zorgvormen[m[1]+m[2]] != "" {
		return zorgvormen[m[1]+m[2]], true, nil
	}
	return "", false, errors.New("deel of som van vormen van jeugdzorg, of een vorm zonder CBS-code")
}

// kaalOnderwerp is a measure's label in lower case without the unit in
// brackets at its end, brackets inside it too: "jongeren met jeugdzorg
// (relatief)" for "Jongeren met jeugdzorg (relatief) (In % bepaalde
// leeftijdsklasse)", "jongeren met jeugdhulp in natura" for "… (% (zie
// toelichting))".
func kaalOnderwerp(onderwerp string) string {
	s := strings.ToLower(strings.TrimSpace(onderwerp))
	if _, ok := onderwerpen[s]; ok {
		return s
	}
	if !strings.HasSuffix(s, ")") {
		return s
	}
	diepte := 0
	for i := len(s) - 1; i > 0; i-- {
		switch s[i] {
		case ')':
			diepte++
		case '(':
			if diepte--; diepte == 0 {
				return strings.TrimSpace(s[:i])
			}
		}
	}
	return s
}

// Bron is the source of a value from a table in a period: document names
// where the table was read ("CBS StatLine").
func Bron(document, tabel, periodeCode, statusTekst string) domain.Bron {
	b := domain.Bron{Document: document + ", tabel " + tabel, Sectie: "periode " + periodeCode}
	if statusTekst != "" {
		b.Sectie += ", " + statusTekst
	}
	return b
}

// Melding is a note or problem about one row of the file.
type Melding struct {
	Rij   int
	Tekst string
}

// String gives "rij 12: tekst", or the text alone for the whole file.
func (m Melding) String() string {
	if m.Rij == 0 {
		return m.Tekst
	}
	return fmt.Sprintf("rij %d: %s", m.Rij, m.Tekst)
}
