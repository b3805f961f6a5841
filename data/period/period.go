// Package period parses, writes and compares the reporting periods of
// Jeugdmonitor Zwolle: a calendar year, a half year, a quarter, a school year
// (1 August to 1 August), a span of several calendar years, or "jaarlijks"
// for figures that recur every year.
package period

import (
	"errors"
	"fmt"
	"strconv"
	"time"
)

// Kind is the sort of a period.
type Kind string

// The kinds of periods.
const (
	Jaar       Kind = "jaar"       // a calendar year
	Halfjaar   Kind = "halfjaar"   // a half calendar year, Index 1 or 2
	Kwartaal   Kind = "kwartaal"   // a quarter, Index 1 to 4
	Schooljaar Kind = "schooljaar" // 1 August Year to 1 August Year+1
	Meerjarig  Kind = "meerjarig"  // the calendar years Year to EndYear inclusive
	Jaarlijks  Kind = "jaarlijks"  // every year; no Year
)

// The years a period may lie in.
const (
	MinYear = 2000
	MaxYear = 2100
)

// Period is a reporting period. Year is the first calendar year (for a
// school year the year it starts in); Index numbers the half year or quarter
// and is 0 for other kinds; EndYear is the last year of a Meerjarig period
// and 0 for other kinds. Jaarlijks has all numbers 0. The zero Period is not
// valid and means "no period".
type Period struct {
	Kind    Kind
	Year    int
	Index   int
	EndYear int
}

// Validate reports what is wrong with p, in Dutch, or nil if p is valid.
// Parse only returns valid periods.
func (p Period) Validate() error {
	switch p.Kind {
	case Jaarlijks:
		if p != (Period{Kind: Jaarlijks}) {
			return errors.New("jaarlijks heeft geen jaar of nummer")
		}
		return nil
	case Jaar, Halfjaar, Kwartaal, Schooljaar, Meerjarig:
	case "":
		return errors.New("geen periode")
	default:
		return fmt.Errorf("onbekende soort periode %q", p.Kind)
	}
	if err := checkYear(p.Year); err != nil {
		return err
	}
	switch {
	case p.Kind == Halfjaar && (p.Index < 1 || p.Index > 2):
		return fmt.Errorf("halfjaar %d bestaat niet: kies 1 of 2", p.Index)
	case p.Kind == Kwartaal && (p.Index < 1 || p.Index > 4):
		return fmt.Errorf("kwartaal %d bestaat niet: kies 1 t/m 4", p.Index)
	case p.Kind != Halfjaar && p.Kind != Kwartaal && p.Index != 0:
		return fmt.Errorf("een %s heeft geen nummer", p.Kind)
	case p.Kind != Meerjarig && p.EndYear != 0:
		return fmt.Errorf("een %s heeft geen eindjaar", p.Kind)
	case p.Kind == Meerjarig && p.EndYear <= p.Year:
		return fmt.Errorf("eindjaar %d ligt niet na beginjaar %d", p.EndYear, p.Year)
	case p.Kind == Meerjarig:
		return checkYear(p.EndYear)
	}
	return nil
}

// checkYear reports a year outside MinYear-MaxYear.
func checkYear(year int) error {
	if year < MinYear || year > MaxYear {
		return fmt.Errorf("jaar %d ligt buiten %d-%d", year, MinYear, MaxYear)
	}
	return nil
}

// String writes p in the canonical form that Parse reads back: "2024",
// "2024-H1", "2024-K2", "2023/2024", "2019 t/m 2023" or "jaarlijks". It
// returns "" for an invalid period.
func (p Period) String() string {
	if p.Validate() != nil {
		return ""
	}
	switch p.Kind {
	case Jaar:
		return strconv.Itoa(p.Year)
	case Halfjaar:
		return fmt.Sprintf("%d-H%d", p.Year, p.Index)
	case Kwartaal:
		return fmt.Sprintf("%d-K%d", p.Year, p.Index)
	case Schooljaar:
		return fmt.Sprintf("%d/%d", p.Year, p.Year+1)
	case Meerjarig:
		return fmt.Sprintf("%d t/m %d", p.Year, p.EndYear)
	}
	return string(Jaarlijks)
}

// Label writes p for display: "2024", "1e halfjaar 2024", "2e kwartaal
// 2024", "schooljaar 2023/2024", "2019 t/m 2023" or "jaarlijks". It returns
// "" for an invalid period.
func (p Period) Label() string {
	switch {
	case p.Validate() != nil:
		return ""
	case p.Kind == Halfjaar || p.Kind == Kwartaal:
		return fmt.Sprintf("%de %s %d", p.Index, p.Kind, p.Year)
	case p.Kind == Schooljaar:
		return "schooljaar " + p.String()
	}
	return p.String()
}

// IsRecurring reports whether p is Jaarlijks, a period without dates.
func (p Period) IsRecurring() bool {
	return p.Kind == Jaarlijks
}

// bounds returns the first moment of p and the first moment after it, or
// zero times for Jaarlijks and invalid periods.
func (p Period) bounds() (start, end time.Time) {
	if p.IsRecurring() || p.Validate() != nil {
		return time.Time{}, time.Time{}
	}
	month, months := 1, 12
	switch p.Kind {
	case Halfjaar:
		month, months = 6*p.Index-5, 6
	case Kwartaal:
		month, months = 3*p.Index-2, 3
	case Schooljaar:
		month = 8
	case Meerjarig:
		months = 12 * (p.EndYear - p.Year + 1)
	}
	start = time.Date(p.Year, time.Month(month), 1, 0, 0, 0, 0, time.UTC)
	return start, start.AddDate(0, months, 0)
}

// Start returns midnight UTC of the first day of p, or the zero time for
// Jaarlijks and invalid periods.
func (p Period) Start() time.Time {
	start, _ := p.bounds()
	return start
}

// End returns midnight UTC of the first day after p (the end is exclusive),
// or the zero time for Jaarlijks and invalid periods.
func (p Period) End() time.Time {
	_, end := p.bounds()
	return end
}

// Contains reports whether p overlaps calendar year year. Jaarlijks contains
// every year; an invalid period none.
func (p Period) Contains(year int) bool {
	if p.IsRecurring() {
		return p.Validate() == nil
	}
	start, end := p.bounds()
	first := time.Date(year, time.January, 1, 0, 0, 0, 0, time.UTC)
	return !start.IsZero() && start.Before(first.AddDate(1, 0, 0)) && end.After(first)
}

// Compare orders periods for sorting: by start, then shorter before longer.
// It returns -1, 0 or +1. Jaarlijks (and an invalid period) has no start and
// sorts before every dated period.
func (p Period) Compare(other Period) int {
	start, end := p.bounds()
	otherStart, otherEnd := other.bounds()
	if c := start.Compare(otherStart); c != 0 {
		return c
	}
	return end.Compare(otherEnd)
}
