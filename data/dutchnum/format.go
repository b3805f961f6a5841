package dutchnum

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Format writes v with exactly decimals digits after the comma (none when
// decimals <= 0) and dots between thousands: Format(3500, 0) is "3.500",
// Format(520.2, 2) is "520,20", Format(-1234, 0) is "-1.234". It rounds the
// shortest decimal form of v half away from zero, so Format(2.5, 0) is "3"
// and Format(1.005, 2) is "1,01". A value that rounds to zero has no minus.
// NaN and infinities are written as strconv does ("NaN", "+Inf", "-Inf").
func Format(v float64, decimals int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	whole, frac, _ := strings.Cut(strconv.FormatFloat(math.Abs(v), 'f', -1, 64), ".")
	whole, frac = round(whole, frac, max(decimals, 0))
	return compose(v < 0, whole, frac)
}

// FormatAuto writes v like Format with at most two decimals and without
// trailing zeros: 3500 is "3.500", 53.99 is "53,99", 6.5 is "6,5".
func FormatAuto(v float64) string {
	s := Format(v, 2)
	if strings.Contains(s, ",") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ",")
	}
	return s
}

// round rounds the decimal number whole,frac half away from zero to d
// decimals, padding frac with zeros when it is shorter.
func round(whole, frac string, d int) (string, string) {
	if len(frac) <= d {
		return whole, frac + strings.Repeat("0", d-len(frac))
	}
	digits := []byte(whole + frac[:d])
	if frac[d] >= '5' {
		i := len(digits) - 1
		for ; i >= 0 && digits[i] == '9'; i-- {
			digits[i] = '0'
		}
		if i < 0 {
			digits = append([]byte{'1'}, digits...)
		} else {
			digits[i]++
		}
	}
	cut := len(digits) - d
	return string(digits[:cut]), string(digits[cut:])
}

// compose writes a number from its sign and digits, with dots between the
// thousands of whole and a comma before frac if frac is not empty. Zero gets
// no minus.
func compose(neg bool, whole, frac string) string {
	var b strings.Builder
	if neg && strings.Trim(whole+frac, "0") != "" {
		b.WriteByte('-')
	}
	for i := range len(whole) {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteByte(whole[i])
	}
	if frac != "" {
		b.WriteByte(',')
		b.WriteString(frac)
	}
	return b.String()
}

// magnitude returns the absolute value of cents, also for math.MinInt64.
func magnitude(cents int64) uint64 {
	if cents < 0 {
		return -uint64(cents)
	}
	return uint64(cents)
}

// FormatEuro writes an amount in cents as "€ 2.763.946" when it is whole
// euros and as "€ 12,50" otherwise. A negative amount is written as
// "€ -12,50", which Parse and ParseCents accept.
func FormatEuro(cents int64) string {
	abs := magnitude(cents)
	frac := ""
	if abs%100 != 0 {
		frac = fmt.Sprintf("%02d", abs%100)
	}
	return "€ " + compose(cents < 0, strconv.FormatUint(abs/100, 10), frac)
}

// FormatEuroCompact writes an amount in cents briefly for chart labels:
// whole euros below a million ("€ 580.000"), millions with one decimal
// ("€ 2,8 mln") and billions with one decimal ("€ 1,2 mld"), rounded half
// away from zero and without a decimal ",0" ("€ 3 mln"). Its output is not
// meant to be parsed back.
func FormatEuroCompact(cents int64) string {
	neg, abs := cents < 0, magnitude(cents)
	if euros := (abs + 50) / 100; euros < 1_000_000 {
		return "€ " + compose(neg, strconv.FormatUint(euros, 10), "")
	}
	if tenths := (abs + 5_000_000) / 10_000_000; tenths < 10_000 {
		return "€ " + oneDecimal(neg, tenths) + " mln"
	}
	return "€ " + oneDecimal(neg, (abs+5_000_000_000)/10_000_000_000) + " mld"
}

// oneDecimal writes a count of tenths with one decimal, leaving out ",0".
func oneDecimal(neg bool, tenths uint64) string {
	frac := ""
	if tenths%10 != 0 {
		frac = strconv.FormatUint(tenths%10, 10)
	}
	return compose(neg, strconv.FormatUint(tenths/10, 10), frac)
}

// Aantal writes a count with its noun in the right number, the count with
// dots between thousands: Aantal(1, "fout", "fouten") is "1 fout",
// Aantal(0, "fout", "fouten") is "0 fouten", Aantal(3612, "rij", "rijen")
// is "3.612 rijen".
func Aantal[N ~int | ~int64](n N, enkelvoud, meervoud string) string {
	noun := meervoud
	if n == 1 || n == -1 {
		noun = enkelvoud
	}
	return Format(float64(n), 0) + " " + noun
}
