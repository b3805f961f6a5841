// Package dutchnum reads and writes numbers the way Dutch users write them: a
// dot between groups of thousands and a comma before the decimals, as in
// 1.234.567,89, optionally preceded by "€" or "EUR" for amounts.
package dutchnum

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"

	"jeugdmonitor/data/foutmelding"
)

// maxDigits is the largest number of digits Parse accepts, not counting
// leading zeros and trailing zeros after the comma. Every decimal number of
// at most 15 digits survives the trip through a float64 unchanged.
const maxDigits = 15

// number is an accepted input taken apart: the sign, the digits before the
// comma without thousands dots, and the digits after the comma.
type number struct {
	neg         bool
	whole, frac string
}

// invalid reports why input is not a valid number.
func invalid(input, reason string) error {
	return fmt.Errorf("%s is geen geldig getal: %s", foutmelding.Citeer(input), reason)
}

// parse checks the syntax shared by Parse and ParseCents.
func parse(s string) (number, error) {
	input := strings.TrimSpace(s)
	if input == "" {
		return number{}, errors.New("geen getal ingevuld")
	}
	var n number
	s, n.neg = strings.CutPrefix(input, "-")
	if rest, ok := cutCurrency(s); ok {
		s = strings.TrimLeftFunc(rest, unicode.IsSpace)
		if !n.neg {
			s, n.neg = strings.CutPrefix(s, "-")
		}
	}
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9', r == '.', r == ',':
		case unicode.IsSpace(r):
			return number{}, invalid(input, "spatie in het getal")
		default:
			return number{}, fmt.Errorf("%s is geen getal", foutmelding.Citeer(input))
		}
	}
	if s == "" {
		return number{}, fmt.Errorf("%s is geen getal", foutmelding.Citeer(input))
	}
	whole, frac, comma := strings.Cut(s, ",")
	switch {
	case strings.Contains(frac, ","):
		return number{}, invalid(input, "meer dan één decimaalkomma")
	case strings.Contains(frac, "."):
		return number{}, invalid(input, "punt na de decimaalkomma")
	case whole == "":
		return number{}, invalid(input, "geen cijfer voor de komma")
	case comma && frac == "":
		return number{}, invalid(input, "geen cijfer na de komma")
	}
	if strings.Contains(whole, ".") {
		groups := strings.Split(whole, ".")
		if !thousands(groups) {
			return number{}, invalid(input, "een punt scheidt groepen van drie cijfers; gebruik een komma voor decimalen")
		}
		whole = strings.Join(groups, "")
	}
	if len(strings.TrimLeft(whole, "0"))+len(strings.TrimRight(frac, "0")) > maxDigits {
		return number{}, invalid(input, fmt.Sprintf("meer dan %d cijfers", maxDigits))
	}
	n.whole, n.frac = whole, frac
	return n, nil
}

// cutCurrency removes a leading "€" or "EUR" (in any case) from s.
func cutCurrency(s string) (string, bool) {
	if rest, ok := strings.CutPrefix(s, "€"); ok {
		return rest, true
	}
	if len(s) >= 3 && strings.EqualFold(s[:3], "EUR") {
		return s[3:], true
	}
	return s, false
}

// thousands reports whether groups, the digits of a number split at its
// dots, form proper groups of thousands: a first group of one to three digits
// not starting with 0, then groups of exactly three.
func thousands(groups []string) bool {
	first := groups[0]
	if first == "" || len(first) > 3 || first[0] == '0' {
		return false
	}
	for _, g := range groups[1:] {
		if len(g) != 3 {
			return false
		}
	}
	return true
}

// Parse reads a number as a Dutch user types it: surrounding spaces, an
// optional minus and an optional "€" or "EUR" prefix (either order, space
// after the prefix optional), dots between groups of three digits and a
// decimal comma. "1.246" is 1246; "12.34" is rejected because the dot is
// ambiguous. Numbers with more than 15 digits (not counting leading zeros and
// trailing zeros after the comma) are rejected because a float64 cannot hold
// them exactly. The error says what is wrong, without a field name.
func Parse(s string) (float64, error) {
	n, err := parse(s)
	if err != nil {
		return 0, err
	}
	v, err := strconv.ParseFloat(n.whole+"."+n.frac, 64)
	if err != nil {
		return 0, err
	}
	if n.neg && v != 0 {
		v = -v
	}
	return v, nil
}

// ParseCents reads an amount in euros with the syntax of Parse and at most
// two decimals, and returns it in whole cents, computed from the digits
// without floating-point rounding.
func ParseCents(s string) (int64, error) {
	n, err := parse(s)
	if err != nil {
		return 0, err
	}
	if len(n.frac) > 2 {
		return 0, invalid(strings.TrimSpace(s), "meer dan twee decimalen")
	}
	cents, err := strconv.ParseInt(n.whole+(n.frac + "00")[:2], 10, 64)
	if err != nil {
		return 0, err
	}
	if n.neg {
		cents = -cents
	}
	return cents, nil
}

// CheckStored holds a number that arrives stored as a number (a spreadsheet
// cell, a JSON file, a computed value) to the rules of Parse, so that every
// way in has one number check: it must be finite and, rounded to the 15
// significant digits a spreadsheet shows, have at most 15 digits (1e20 and
// 1e308 are refused, as they are when typed). It returns the rounded value.
func CheckStored(v float64) (float64, error) {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, fmt.Errorf("%s is geen getal", strconv.FormatFloat(v, 'g', -1, 64))
	}
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return v, nil // a whole number of at most 15 digits
	}
	rounded, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', maxDigits, 64), 64)
	if err != nil {
		return 0, err
	}
	whole, frac, _ := strings.Cut(strconv.FormatFloat(math.Abs(rounded), 'f', -1, 64), ".")
	if len(strings.TrimLeft(whole, "0"))+len(strings.TrimRight(frac, "0")) > maxDigits {
		return 0, fmt.Errorf("%s is geen geldig getal: meer dan %d cijfers", strconv.FormatFloat(v, 'g', -1, 64), maxDigits)
	}
	return rounded, nil
}
