package spreadsheet

import "testing"

// TestFormulaGuardRoundTrip: every text comes back exactly after guarding
// and unguarding, formula texts are guarded, and ordinary texts (also
// "'s-Hertogenbosch") are left alone both ways.
func TestFormulaGuardRoundTrip(t *testing.T) {
	for _, c := range []struct{ in, guarded string }{
		{"=1+1", "'=1+1"}, {"+31", "'+31"}, {"-", "'-"}, {"@SUM(A1)", "'@SUM(A1)"}, {"\t=1", "'\t=1"}, {"\r=1", "'\r=1"},
		{"'=1+1", "''=1+1"}, {"''-x", "'''-x"}, {"'s-Hertogenbosch", "'s-Hertogenbosch"}, {"Match", "Match"}, {"", ""}, {"'", "'"},
	} {
		if got := BeschermTegenFormule(c.in); got != c.guarded {
			t.Errorf("BeschermTegenFormule(%q) = %q, verwacht %q", c.in, got, c.guarded)
		}
		if back := zonderFormuleBescherming(BeschermTegenFormule(c.in)); back != c.in {
			t.Errorf("%q komt terug als %q", c.in, back)
		}
	}
}
