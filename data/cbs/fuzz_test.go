package cbs

import (
	"math"
	"testing"

	"jeugdmonitor/data/period"
)

// FuzzCells feeds the readers of StatLine period codes and values arbitrary
// text: no panic; an accepted period is one the application can parse; an
// accepted value is finite; a status mark is only "", "*" or "**".
func FuzzCells(f *testing.F) {
	for _, s := range []string{"2023JJ00", "2023HJ01", "2023KW04*", "2023MM01", "2021**", "2020JJ00 ",
		"1.234", "12,5*", ".", "", "-", "n.v.t.", "3 *", "2023HJ00", "2023KW05"} {
		f.Add(s)
	}
	validMark := func(m string) bool { return m == "" || m == "*" || m == "**" }
	f.Fuzz(func(t *testing.T, s string) {
		if p, _, mark, err := parsePeriode(s); err == nil {
			if _, perr := period.Parse(p); perr != nil {
				t.Fatalf("period %q read as %q, which is no period: %v", s, p, perr)
			}
			if !validMark(mark) {
				t.Fatalf("period %q: status mark %q", s, mark)
			}
		}
		if w, err := parseWaarde(s); err == nil && w != nil {
			if math.IsNaN(w.v) || math.IsInf(w.v, 0) {
				t.Fatalf("value %q read as %v", s, w.v)
			}
			if !validMark(w.mark) {
				t.Fatalf("value %q: status mark %q", s, w.mark)
			}
		}
	})
}
