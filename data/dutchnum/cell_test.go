package dutchnum

import (
	"errors"
	"testing"
)

func TestParseCell(t *testing.T) {
	for in, want := range map[string]float64{
		"1.234": 1234, "12 345": 12345, "12\u00a0345,5": 12345.5, "12,5%": 12.5, "12.5": 12.5,
		"0.750": 0.75, "1,234.5": 1234.5, "€ 1.234": 1234, "-3": -3, "7": 7,
	} {
		if got, err := ParseCell(in); err != nil || got != want {
			t.Errorf("ParseCell(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"", " ", "-", "n.v.t.", "N.V.T.", "nvt", ".", "x", "onbekend", "#N/B"} {
		if _, err := ParseCell(in); !errors.Is(err, ErrMissing) {
			t.Errorf("ParseCell(%q) = %v, want ErrMissing", in, err)
		}
	}
	for _, in := range []string{"abc", "12.34.5", "1,2,3", "12-3"} {
		if _, err := ParseCell(in); err == nil || errors.Is(err, ErrMissing) {
			t.Errorf("ParseCell(%q) accepted", in)
		}
	}
}
