package dutchnum

import (
	"errors"
	"fmt"
	"strings"
	"unicode"

	"jeugdmonitor/data/foutmelding"
)

// ErrMissing is returned by ParseCell for a cell that says there is no value:
// empty, "-", "n.v.t.", "onbekend", ".", "x" and the like. A missing value is
// never zero.
var ErrMissing = errors.New("geen waarde")

// missingWords are the ways spreadsheets and statistics tables write "no
// value", compared in lower case without spaces.
var missingWords = map[string]bool{
	"": true, "-": true, "–": true, "—": true, ".": true, "..": true, "...": true, "x": true, "?": true,
	"n.v.t.": true, "n.v.t": true, "nvt": true, "n.b.": true, "n.b": true, "nb": true, "onbekend": true,
	"geen": true, "geengegevens": true, "#n/a": true, "#n/b": true, "n/a": true, "na": true,
}

// IsMissing reports whether a cell's text means "no value" (see ErrMissing).
func IsMissing(s string) bool {
	return missingWords[strings.ToLower(strings.Join(strings.Fields(s), ""))]
}

// ParseCell reads a number from a spreadsheet cell stored as text, more
// tolerantly than Parse, because such cells were not typed into this program:
// it also accepts spaces (including non-breaking ones) or apostrophes between
// thousands ("12 345", "12'345"), a trailing percent sign ("12,5%"), a
// decimal point where the number cannot mean thousands ("12.5", "0.75") and
// an English number with both separators ("1,234.5"). A dot followed by
// exactly three digits and nothing else ("1.234") is a thousands dot, as in
// Dutch. A cell that means "no value" gives ErrMissing, never 0.
func ParseCell(s string) (float64, error) {
	input := strings.TrimSpace(s)
	if IsMissing(input) {
		return 0, ErrMissing
	}
	t := strings.TrimSpace(strings.TrimSuffix(input, "%"))
	t = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\'' || r == '’' {
			return -1
		}
		return r
	}, t)
	t = normaliseSeparators(t)
	v, err := Parse(t)
	if err != nil {
		return 0, fmt.Errorf("%s is geen getal", foutmelding.Citeer(input))
	}
	return v, nil
}

// Punt says how a number cell uses a dot, for the check that one file uses
// it one way only.
type Punt int

const (
	// GeenPunt: no dot, or dots that can only be thousands ("1.234.567",
	// "1.234,5").
	GeenPunt Punt = iota
	// DecimalePunt: a dot that can only be a decimal point ("12.5",
	// "1,234.5").
	DecimalePunt
	// DubbelzinnigePunt: one dot followed by exactly three digits ("1.234"),
	// read as thousands, which is wrong in a file with decimal points.
	DubbelzinnigePunt
)

// PuntVan classifies the dot in a number cell's text as ParseCell reads it.
func PuntVan(s string) Punt {
	t := strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\'' || r == '’' {
			return -1
		}
		return r
	}, strings.TrimSuffix(strings.TrimSpace(s), "%"))
	dot, comma := strings.LastIndex(t, "."), strings.LastIndex(t, ",")
	switch {
	case dot < 0 || (comma >= 0 && comma > dot):
		return GeenPunt
	case normaliseSeparators(t) != t:
		return DecimalePunt
	case comma < 0 && strings.Count(t, ".") == 1:
		return DubbelzinnigePunt
	}
	return GeenPunt
}

// normaliseSeparators rewrites a number with a decimal point into the Dutch
// form Parse reads, where the point cannot be a thousands separator.
func normaliseSeparators(t string) string {
	dot, comma := strings.LastIndex(t, "."), strings.LastIndex(t, ",")
	switch {
	case dot >= 0 && comma >= 0 && dot > comma:
		// English: 1,234.5 -> 1.234,5
		return strings.NewReplacer(",", ".", ".", ",").Replace(t)
	case dot >= 0 && comma < 0 && strings.Count(t, ".") == 1 &&
		(len(t)-dot-1 != 3 || strings.TrimLeft(t[:dot], "-€") == "0"):
		// 12.5, 0.75 or 0.750: a decimal point, since thousands come in
		// threes after a first group that does not start with 0
		return t[:dot] + "," + t[dot+1:]
	}
	return t
}
