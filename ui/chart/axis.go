package chart

import "math"

// ticks gives the values of a value axis from zero to at least top, at a
// round step (1, 2, 2,5 or 5 times a power of ten) with about five intervals.
// An axis always starts at zero, so bars are never cut short. A top too
// small or too large for a round step (denormal, near the float64 limit)
// gets the axis 0..top.
func ticks(top float64) []float64 {
	if top <= 0 || math.IsNaN(top) || math.IsInf(top, 0) {
		return []float64{0, 1}
	}
	raw := top / 5
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	if !(mag > 0) || math.IsInf(top+10*mag, 0) {
		return []float64{0, top}
	}
	step := 10 * mag
	for _, m := range []float64{1, 2, 2.5, 5} {
		if m*mag >= raw {
			step = m * mag
			break
		}
	}
	var out []float64
	for v := 0.0; len(out) < 12; v += step {
		out = append(out, v)
		if v >= top*(1-1e-9) {
			break
		}
	}
	return out
}

// scale maps a value on an axis from zero to top onto pixels from base (at
// zero) up to y0 (at top).
type scale struct{ base, y0, top float64 }

func (s scale) at(v float64) float64 { return s.base - (s.base-s.y0)*v/s.top }
