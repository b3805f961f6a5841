package chart

import (
	"math"

	"jeugdmonitor/data/domain"
)

// ticksVoor gives the value axis for figures of a unit up to top in at most
// n intervals (at most five; fewer where the axis is short, so its labels
// never crowd): a percentage axis runs from 0 to 100% unless a figure goes
// beyond it, counts and euros get whole steps (a single count of 1 gets 0
// and 1, not 0,2 steps), other units any round step.
func ticksVoor(e domain.Eenheid, top float64, n int) []float64 {
	n = min(max(n, 1), 5)
	switch e {
	case domain.EenheidPercentage:
		if top <= 100 {
			return ticks(100, false, n)
		}
	case domain.EenheidAantal, domain.EenheidEuro:
		if top < 5 && math.Ceil(top) <= float64(n) {
			top = max(math.Ceil(top), 1)
			out := make([]float64, int(top)+1)
			for i := range out {
				out[i] = float64(i)
			}
			return out
		}
	}
	return ticks(top, e == domain.EenheidAantal || e == domain.EenheidEuro, n)
}

// ticks gives the values of a value axis from zero to at least top, at a
// round step (1, 2, 2,5 or 5 times a power of ten) with at most n
// intervals. An axis always starts at zero, so bars are never cut short. A
// top too small or too large for a round step (denormal, near the float64
// limit) gets the axis 0..top. With heel the steps are whole numbers (no
// 2,5).
func ticks(top float64, heel bool, n int) []float64 {
	if top <= 0 || math.IsNaN(top) || math.IsInf(top, 0) {
		return []float64{0, 1}
	}
	raw := top / float64(max(n, 1))
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	if !(mag > 0) || math.IsInf(top+10*mag, 0) {
		return []float64{0, top}
	}
	step := 10 * mag
	// an axis of one or two intervals may end at 3, 4, 6 or 8 times a
	// power of ten: 0-600 for 505 instead of 0-1.000, where the bars
	// would fill half the panel
	veelvouden := []float64{1, 2, 2.5, 5}
	if n <= 2 {
		veelvouden = []float64{1, 2, 2.5, 3, 4, 5, 6, 8}
	}
	for _, m := range veelvouden {
		if heel && math.Mod(m*mag, 1) != 0 {
			continue
		}
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
