package dutchnum

import (
	"math"
	"strings"
	"testing"
)

// TestCheckStoredSameRuleAsTyped: a number stored as a number passes the
// same check as a typed one: 1e20 and 1e308 are refused as "1e20" typed in
// full is, NaN and infinities are no numbers, and a sum's binary noise is
// rounded to the 15 digits a spreadsheet shows.
func TestCheckStoredSameRuleAsTyped(t *testing.T) {
	for _, c := range []struct {
		v    float64
		want float64
		err  string
	}{
		{3612, 3612, ""},
		{0.1 + 0.2, 0.3, ""},
		{999_999_999_999_999, 999_999_999_999_999, ""},
		{-12.5, -12.5, ""},
		{1e15, 0, "meer dan 15 cijfers"},
		{1e20, 0, "meer dan 15 cijfers"},
		{1e308, 0, "meer dan 15 cijfers"},
		{-1e308, 0, "meer dan 15 cijfers"},
		{1e-20, 0, "meer dan 15 cijfers"},
		{math.NaN(), 0, "is geen getal"},
		{math.Inf(1), 0, "is geen getal"},
	} {
		got, err := CheckStored(c.v)
		if c.err == "" {
			if err != nil || got != c.want {
				t.Errorf("CheckStored(%v) = %v, %v; verwacht %v", c.v, got, err, c.want)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), c.err) {
			t.Errorf("CheckStored(%v): %v, verwacht %q", c.v, err, c.err)
		}
		if typed := strings.Repeat("1", 16); c.err == "meer dan 15 cijfers" {
			if _, err := Parse(typed); err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("Parse(%s) geeft een andere melding: %v", typed, err)
			}
		}
	}
}

// TestLongInputNotEchoedWhole: a 10 MB cell is quoted in its message by its
// first characters and an ellipsis, never whole.
func TestLongInputNotEchoedWhole(t *testing.T) {
	cell := strings.Repeat("x", 10<<20)
	for _, err := range []error{func() error { _, err := ParseCell(cell); return err }(), func() error { _, err := Parse(cell); return err }()} {
		if err == nil || len(err.Error()) > 400 || !strings.Contains(err.Error(), "…") {
			t.Errorf("melding van %d tekens: %.400s", len(err.Error()), err)
		}
	}
}
