// Package importer takes reach figures and indicator measurements from
// spreadsheets (.xlsx, .csv) into the store: it proposes a column mapping
// (remembered per source), matches intervention names tolerantly and returns
// the matches for confirmation, checks every row before anything is written
// (problems by row and column, in Dutch), and then writes all rows in one
// transaction with their audit rows, or none. A CBS StatLine download is
// recognised by its header and read by package cbs.
package importer

import (
	"path/filepath"
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Soort is what a file is imported as.
type Soort string

// The kinds of import.
const (
	SoortBereik      Soort = "bereik"
	SoortIndicatoren Soort = "indicatoren"
)

// Soorten lists the kinds of import.
var Soorten = []Soort{SoortBereik, SoortIndicatoren}

// Veld is a field a column can be mapped to.
type Veld struct {
	// Naam is the field's key in a mapping ("interventie").
	Naam string
	// Label is how the user sees it ("Interventie").
	Label string
	// Verplicht fields must have a column.
	Verplicht bool
	// kopjes are column headers that mean this field, normalised.
	kopjes []string
}

// Velden lists the fields of a kind of import, in the order a form shows them.
func Velden(soort Soort) []Veld {
	if soort == SoortIndicatoren {
		return indicatorVelden
	}
	return bereikVelden
}

var bereikVelden = []Veld{
	{"interventie", "Interventie", true, []string{"interventie", "naam", "naaminterventie", "activiteit", "project", "programma", "aanbod", "interventienaam"}},
	{"periode", "Periode", true, []string{"periode", "jaar", "schooljaar", "tijdvak", "kwartaal", "halfjaar"}},
	{"waarde", "Waarde (bereik)", true, []string{"waarde", "aantal", "bereik", "bereikt", "bereiktaantal", "deelnemers", "aantaldeelnemers", "realisatie", "gerealiseerd", "aantaljongeren", "aantalkinderen"}},
	{"waarde_tot", "Waarde tot (bandbreedte)", false, []string{"waardetot", "tot", "bovengrens"}},
	{"soort", "Soort", false, []string{"soort"}},
	{"maat", "Maat", false, []string{"maat", "maatstaf"}},
	{"eenheid", "Eenheid", false, []string{"eenheid"}},
	{"status", "Status", false, []string{"status"}},
	{"bron", "Bron", false, []string{"bron"}},
	{"notitie", "Notitie", false, []string{"notitie", "toelichting", "opmerking", "opmerkingen"}},
}

var indicatorVelden = []Veld{
	{"code", "Code", false, []string{"code", "indicatorcode"}},
	{"indicator", "Indicator (naam)", false, []string{"indicator", "naam", "omschrijving"}},
	{"periode", "Periode", true, []string{"periode", "jaar", "perioden"}},
	{"waarde", "Waarde", true, []string{"waarde", "aantal", "zwolle", "gemeente"}},
	{"vergelijkingswaarde", "Vergelijkingswaarde", false, []string{"vergelijkingswaarde", "nederland", "landelijk"}},
	{"status", "Status", false, []string{"status"}},
	{"bron", "Bron", false, []string{"bron"}},
	{"eenheid", "Eenheid (nieuwe indicator)", false, []string{"eenheid"}},
	{"groep", "Groep (nieuwe indicator)", false, []string{"groep"}},
	{"vergelijking", "Vergelijking (nieuwe indicator)", false, []string{"vergelijking"}},
}

// Koppeling maps a field name to a column (from 0).
type Koppeling map[string]int

// Raad proposes a mapping from the headers: a remembered mapping (field to
// header text) where its headers are present, otherwise the usual words.
func Raad(soort Soort, header []string, onthouden map[string]string) Koppeling {
	k := Koppeling{}
	taken := map[int]bool{}
	norm := make([]string, len(header))
	for i, h := range header {
		norm[i] = normaliseKop(h)
	}
	for veld, kop := range onthouden {
		for i, h := range header {
			if strings.EqualFold(strings.TrimSpace(h), strings.TrimSpace(kop)) && !taken[i] {
				k[veld], taken[i] = i, true
				break
			}
		}
	}
	for _, v := range Velden(soort) {
		if _, ok := k[v.Naam]; ok {
			continue
		}
		for _, want := range v.kopjes {
			if i := indexOf(norm, want, taken); i >= 0 {
				k[v.Naam], taken[i] = i, true
				break
			}
		}
	}
	return k
}

func indexOf(norm []string, want string, taken map[int]bool) int {
	for i, n := range norm {
		if n == want && !taken[i] {
			return i
		}
	}
	return -1
}

// Headers turns a mapping into the header texts to remember.
func (k Koppeling) Headers(header []string) map[string]string {
	out := map[string]string{}
	for veld, i := range k {
		if i >= 0 && i < len(header) && header[i] != "" {
			out[veld] = header[i]
		}
	}
	return out
}

// normaliseKop reduces a header to lower-case letters and digits.
func normaliseKop(s string) string {
	var b strings.Builder
	for _, r := range foldAccents(strings.ToLower(s)) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// foldAccents removes accents: "Café" becomes "Cafe".
func foldAccents(s string) string {
	out, _, err := transform.String(transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC), s)
	if err != nil {
		return s
	}
	return out
}

// yearsInName matches years and dates in a file name, left out of the source
// name so "Travers bereik 2024.xlsx" and "Travers bereik 2025.xlsx" share one
// remembered mapping.
var yearsInName = regexp.MustCompile(`(?i)[0-9]{4}[-_ ]?(?:h|k|q|kw)[0-9]|[0-9]+`)

// BronVan derives the source name under which a file's mapping is remembered:
// the file name without extension, digits and punctuation, in lower case.
func BronVan(path string) string {
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	base = yearsInName.ReplaceAllString(base, " ")
	base = strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) {
			return unicode.ToLower(r)
		}
		return ' '
	}, base)
	return strings.Join(strings.Fields(base), " ")
}
