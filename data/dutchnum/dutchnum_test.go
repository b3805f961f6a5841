package dutchnum

import (
	"math"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want float64
	}{
		{"3.500", 3500},
		{"3500", 3500},
		{"1.246", 1246},
		{"520,20", 520.2},
		{"€ 2.763.946", 2763946},
		{"€2.763.946", 2763946},
		{"EUR 2.763.946", 2763946},
		{"eur 12,50", 12.5},
		{"0,5", 0.5},
		{"-12", -12},
		{"-€ 12", -12},
		{"€ -12", -12},
		{"-0", 0},
		{"1.234.567,89", 1234567.89},
		{"  42  ", 42},
		{"007", 7},
		{"999.999.999.999.999", 999999999999999},
		{"0,000000000000001", 1e-15},
		{"12,500", 12.5},
	}
	for _, tt := range tests {
		got, err := Parse(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("Parse(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
		if math.Signbit(got) && got == 0 {
			t.Errorf("Parse(%q) = -0", tt.in)
		}
	}
}

func TestParseRejects(t *testing.T) {
	tests := []struct{ in, msg string }{
		{"", "geen getal ingevuld"},
		{"   ", "geen getal ingevuld"},
		{"3,500,00", `"3,500,00" is geen geldig getal: meer dan één decimaalkomma`},
		{"1.2.3", "gebruik een komma voor decimalen"},
		{"12a", `"12a" is geen getal`},
		{"1,2.3", "punt na de decimaalkomma"},
		{".5", "gebruik een komma voor decimalen"},
		{"5.", "gebruik een komma voor decimalen"},
		{",5", "geen cijfer voor de komma"},
		{"5,", "geen cijfer na de komma"},
		{"1..2", "gebruik een komma voor decimalen"},
		{"12.34", `"12.34" is geen geldig getal: een punt scheidt groepen van drie cijfers; gebruik een komma voor decimalen`},
		{"1234.567", "groepen van drie cijfers"},
		{"0.500", "groepen van drie cijfers"},
		{"1 000", "spatie in het getal"},
		{"1\u00a0000", "spatie in het getal"},
		{"NaN", "is geen getal"},
		{"Inf", "is geen getal"},
		{"-Inf", "is geen getal"},
		{"1e5", "is geen getal"},
		{"+5", "is geen getal"},
		{"--5", "is geen getal"},
		{"-€ -5", "is geen getal"},
		{"€", "is geen getal"},
		{"-", "is geen getal"},
		{"5 €", "spatie in het getal"},
		{"١٢", "is geen getal"},
		{"１２", "is geen getal"},
		{"1.234.567.890.123.456", "meer dan 15 cijfers"},
		{"0,1234567890123456", "meer dan 15 cijfers"},
	}
	for _, tt := range tests {
		_, err := Parse(tt.in)
		if err == nil || !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("Parse(%q) error = %v; want it to contain %q", tt.in, err, tt.msg)
		}
		if _, cerr := ParseCents(tt.in); cerr == nil {
			t.Errorf("ParseCents(%q) accepted", tt.in)
		}
	}
}

func TestParseCents(t *testing.T) {
	tests := []struct {
		in   string
		want int64
	}{
		{"€ 2.763.946", 276394600},
		{"12,5", 1250},
		{"€ 12,50", 1250},
		{"0,01", 1},
		{"-0,07", -7},
		{"€ -1.234,56", -123456},
		{"999.999.999.999.999", 99999999999999900},
		{"0,29", 29}, // 0.29*100 is 28.999999999999996 in float64
	}
	for _, tt := range tests {
		got, err := ParseCents(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseCents(%q) = %d, %v; want %d", tt.in, got, err, tt.want)
		}
	}
	if _, err := ParseCents("1,005"); err == nil || !strings.Contains(err.Error(), `"1,005" is geen geldig getal: meer dan twee decimalen`) {
		t.Errorf("ParseCents(1,005) error = %v", err)
	}
}

func TestFormat(t *testing.T) {
	tests := []struct {
		v        float64
		decimals int
		want     string
	}{
		{3500, 0, "3.500"},
		{520.2, 2, "520,20"},
		{-1234, 0, "-1.234"},
		{1234567.891, 2, "1.234.567,89"},
		{0.5, 0, "1"},
		{2.5, 0, "3"},
		{-2.5, 0, "-3"},
		{1.005, 2, "1,01"},
		{0.125, 2, "0,13"},
		{999.995, 2, "1.000,00"},
		{-0.001, 2, "0,00"},
		{math.Copysign(0, -1), 0, "0"},
		{12, -1, "12"},
		{100, 0, "100"},
		{1e21, 0, "1.000.000.000.000.000.000.000"},
		{math.NaN(), 2, "NaN"},
		{math.Inf(-1), 2, "-Inf"},
	}
	for _, tt := range tests {
		if got := Format(tt.v, tt.decimals); got != tt.want {
			t.Errorf("Format(%v, %d) = %q; want %q", tt.v, tt.decimals, got, tt.want)
		}
	}
}

func TestFormatAuto(t *testing.T) {
	tests := []struct {
		v    float64
		want string
	}{
		{3500, "3.500"},
		{53.99, "53,99"},
		{6.5, "6,5"},
		{6.50001, "6,5"},
		{53.999, "54"},
		{-0.004, "0"},
		{-1234.1, "-1.234,1"},
	}
	for _, tt := range tests {
		if got := FormatAuto(tt.v); got != tt.want {
			t.Errorf("FormatAuto(%v) = %q; want %q", tt.v, got, tt.want)
		}
	}
}

func TestFormatEuro(t *testing.T) {
	tests := []struct {
		cents int64
		want  string
	}{
		{276394600, "€ 2.763.946"},
		{1250, "€ 12,50"},
		{5, "€ 0,05"},
		{0, "€ 0"},
		{-1250, "€ -12,50"},
		{math.MinInt64, "€ -92.233.720.368.547.758,08"},
	}
	for _, tt := range tests {
		got := FormatEuro(tt.cents)
		if got != tt.want {
			t.Errorf("FormatEuro(%d) = %q; want %q", tt.cents, got, tt.want)
		}
		if back, err := ParseCents(got); tt.cents != math.MinInt64 && (err != nil || back != tt.cents) {
			t.Errorf("ParseCents(%q) = %d, %v", got, back, err)
		}
	}
}

func TestFormatEuroCompact(t *testing.T) {
	tests := []struct {
		cents int64
		want  string
	}{
		{276394600, "€ 2,8 mln"},
		{3460000000, "€ 34,6 mln"},
		{58000000, "€ 580.000"},
		{1250, "€ 13"},
		{0, "€ 0"},
		{99999949, "€ 999.999"},
		{99999950, "€ 1 mln"},
		{300000000, "€ 3 mln"},
		{99994999999, "€ 999,9 mln"},
		{99995000000, "€ 1 mld"},
		{120000000000, "€ 1,2 mld"},
		{-276394600, "€ -2,8 mln"},
		{math.MinInt64, "€ -92.233.720,4 mld"},
	}
	for _, tt := range tests {
		if got := FormatEuroCompact(tt.cents); got != tt.want {
			t.Errorf("FormatEuroCompact(%d) = %q; want %q", tt.cents, got, tt.want)
		}
	}
}

// TestRoundTrip checks that formatting a parsed value and parsing it again
// gives the same value, within the printed precision.
func TestRoundTrip(t *testing.T) {
	for _, in := range []string{"3.500", "1.246", "520,20", "€ 2.763.946", "0,5", "-12", "1.234.567,89", "0,125", "-999,995", "53,99"} {
		v, err := Parse(in)
		if err != nil {
			t.Fatalf("Parse(%q): %v", in, err)
		}
		back, err := Parse(Format(v, 2))
		if err != nil || math.Abs(back-v) > 0.005+1e-9 {
			t.Errorf("Parse(Format(%v, 2)) = %v, %v", v, back, err)
		}
		if back, err := Parse(FormatAuto(v)); err != nil || math.Abs(back-v) > 0.005+1e-9 {
			t.Errorf("Parse(FormatAuto(%v)) = %v, %v", v, back, err)
		}
	}
}

var seeds = []string{
	"3.500", "3500", "1.246", "520,20", "€ 2.763.946", "EUR 2.763.946", "eur12,5",
	"0,5", "-12", "1.234.567,89", "€ -12,50", "-€ 12,50", "-0", "007",
	"999.999.999.999.999", "0,000000000000001", "1.000.000.000.000.000",
	"", " ", "3,500,00", "1.2.3", "12a", "1,2.3", ".5", "5.", ",5", "5,", "1..2",
	"12.34", "1 000", "1\u00a0000", "NaN", "Inf", "-Inf", "1e5", "0x10", "+5",
	"--5", "€", "€€5", "EURO 5", "١٢", "１２", "−5", "1.234.567.890.123.456",
	"0,1234567890123456", "9" + strings.Repeat("0", 400), "0," + strings.Repeat("0", 400) + "1",
	"\xff", "1,\xe2\x82",
}

// allowed reports whether r may occur in an accepted input.
func allowed(r rune) bool {
	return r >= '0' && r <= '9' || strings.ContainsRune(".,-€EUReur", r) || unicode.IsSpace(r)
}

func FuzzParse(f *testing.F) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := Parse(s)
		cents, cerr := ParseCents(s)
		if err != nil {
			if cerr == nil {
				t.Fatalf("ParseCents(%q) accepts what Parse rejects: %v", s, err)
			}
			return
		}
		for _, r := range s {
			if !allowed(r) {
				t.Fatalf("Parse(%q) accepted %q", s, r)
			}
		}
		if math.IsNaN(v) || math.IsInf(v, 0) {
			t.Fatalf("Parse(%q) = %v", s, v)
		}
		_, frac, _ := strings.Cut(strings.TrimSpace(s), ",")
		if back, err := Parse(Format(v, len(frac))); err != nil || back != v {
			t.Fatalf("Parse(%q) = %v, but Parse(Format(%v, %d)) = %v, %v", s, v, v, len(frac), back, err)
		}
		if len(frac) <= 2 {
			if back, err := Parse(FormatAuto(v)); err != nil || back != v {
				t.Fatalf("Parse(FormatAuto(%v)) = %v, %v", v, back, err)
			}
		}
		if cerr == nil {
			if want, err := strconv.ParseFloat(strconv.FormatInt(cents, 10)+"e-2", 64); err != nil || want != v {
				t.Fatalf("ParseCents(%q) = %d but Parse gives %v", s, cents, v)
			}
			if back, err := ParseCents(FormatEuro(cents)); err != nil || back != cents {
				t.Fatalf("ParseCents(FormatEuro(%d)) = %d, %v", cents, back, err)
			}
		}
	})
}

func TestAantalChoosesSingularOnlyForOne(t *testing.T) {
	for _, c := range []struct {
		n    int
		want string
	}{{1, "1 fout"}, {0, "0 fouten"}, {2, "2 fouten"}, {3612, "3.612 fouten"}, {-1, "-1 fout"}} {
		if got := Aantal(c.n, "fout", "fouten"); got != c.want {
			t.Errorf("Aantal(%d) = %q, want %q", c.n, got, c.want)
		}
	}
}
