package period

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want Period
	}{
		{"2024", Period{Kind: Jaar, Year: 2024}},
		{" jaar 2024 ", Period{Kind: Jaar, Year: 2024}},
		{"2000", Period{Kind: Jaar, Year: 2000}},
		{"2100", Period{Kind: Jaar, Year: 2100}},
		{"2024-H1", Period{Kind: Halfjaar, Year: 2024, Index: 1}},
		{"H1 2024", Period{Kind: Halfjaar, Year: 2024, Index: 1}},
		{"h1-2024", Period{Kind: Halfjaar, Year: 2024, Index: 1}},
		{"1e halfjaar 2024", Period{Kind: Halfjaar, Year: 2024, Index: 1}},
		{"Eerste  halfjaar 2024", Period{Kind: Halfjaar, Year: 2024, Index: 1}},
		{"2e helft 2024", Period{Kind: Halfjaar, Year: 2024, Index: 2}},
		{"2024 H2", Period{Kind: Halfjaar, Year: 2024, Index: 2}},
		{"halfjaar 2 2024", Period{Kind: Halfjaar, Year: 2024, Index: 2}},
		{"2024-K2", Period{Kind: Kwartaal, Year: 2024, Index: 2}},
		{"K2 2024", Period{Kind: Kwartaal, Year: 2024, Index: 2}},
		{"Q2 2024", Period{Kind: Kwartaal, Year: 2024, Index: 2}},
		{"2024-Q2", Period{Kind: Kwartaal, Year: 2024, Index: 2}},
		{"2024 - kw4", Period{Kind: Kwartaal, Year: 2024, Index: 4}},
		{"2e kwartaal 2024", Period{Kind: Kwartaal, Year: 2024, Index: 2}},
		{"derde kwartaal 2024", Period{Kind: Kwartaal, Year: 2024, Index: 3}},
		{"kwartaal 2 2024", Period{Kind: Kwartaal, Year: 2024, Index: 2}},
		{"2023/2024", Period{Kind: Schooljaar, Year: 2023}},
		{"2023-2024", Period{Kind: Schooljaar, Year: 2023}},
		{"2023 - 2024", Period{Kind: Schooljaar, Year: 2023}},
		{"Schooljaar 2023-2024", Period{Kind: Schooljaar, Year: 2023}},
		{"2023/'24", Period{Kind: Schooljaar, Year: 2023}},
		{"2023/’24", Period{Kind: Schooljaar, Year: 2023}},
		{"2023-24", Period{Kind: Schooljaar, Year: 2023}},
		{"2019 t/m 2023", Period{Kind: Meerjarig, Year: 2019, EndYear: 2023}},
		{"2019 T/M 2023", Period{Kind: Meerjarig, Year: 2019, EndYear: 2023}},
		{"2019 tot en met 2023", Period{Kind: Meerjarig, Year: 2019, EndYear: 2023}},
		{"2023 t/m 2024", Period{Kind: Meerjarig, Year: 2023, EndYear: 2024}},
		{"2019-2023", Period{Kind: Meerjarig, Year: 2019, EndYear: 2023}},
		{"2019-23", Period{Kind: Meerjarig, Year: 2019, EndYear: 2023}},
		{"jaarlijks", Period{Kind: Jaarlijks}},
		{"JAARLIJKS", Period{Kind: Jaarlijks}},
	}
	for _, tt := range tests {
		got, err := Parse(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("Parse(%q) = %+v, %v; want %+v", tt.in, got, err, tt.want)
		}
	}
}

func TestParseRejects(t *testing.T) {
	tests := []struct{ in, msg string }{
		{"", "geen periode ingevuld"},
		{"1999", "jaar 1999 ligt buiten 2000-2100"},
		{"2101", "jaar 2101 ligt buiten 2000-2100"},
		{"1999-H1", "jaar 1999 ligt buiten 2000-2100"},
		{"2019 t/m 2150", "jaar 2150 ligt buiten 2000-2100"},
		{"2024-H3", "halfjaar 3 bestaat niet: kies 1 of 2"},
		{"0e kwartaal 2024", "kwartaal 0 bestaat niet: kies 1 t/m 4"},
		{"Q5 2024", "kwartaal 5 bestaat niet"},
		{"derde helft 2024", "halfjaar 3 bestaat niet"},
		{"2023/2025", "2023/2025 is geen schooljaar"},
		{"schooljaar 2019-2023", "2019/2023 is geen schooljaar"},
		{"schooljaar 2023 t/m 2024", "2023/2024 is geen schooljaar"},
		{"2024/2023", "2024/2023 is geen schooljaar"},
		{"2024-2023", "eindjaar 2023 ligt niet na beginjaar 2024"},
		{"2024 t/m 2024", "eindjaar 2024 ligt niet na beginjaar 2024"},
		{"2023-22", "eindjaar 2022 ligt niet na beginjaar 2023"},
		{"24", `"24" is geen periode; schrijf bijvoorbeeld 2024, 2024-H1`},
		{"schooljaar 2023", "is geen periode"},
		{"2024-2", "is geen periode"},
		{"H1", "is geen periode"},
		{"2024 H1 H2", "is geen periode"},
		{"halfjaar 2024", "is geen periode"},
		{"kwartaal 12 2024", "is geen periode"},
		{"1 kwartaal 2024", "is geen periode"},
		{"jaarlijks 2024", "is geen periode"},
		{"2019 tot 2023", "is geen periode"},
		{"２０２４", "is geen periode"},
		{"20245", "is geen periode"},
	}
	for _, tt := range tests {
		_, err := Parse(tt.in)
		if err == nil || !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("Parse(%q) error = %v; want it to contain %q", tt.in, err, tt.msg)
		}
	}
}

func TestStringAndLabel(t *testing.T) {
	tests := []struct {
		p             Period
		str, label    string
		start, end    string
		first, latest int // the first and last calendar year it contains
	}{
		{Period{Kind: Jaar, Year: 2024}, "2024", "2024", "2024-01-01", "2025-01-01", 2024, 2024},
		{Period{Kind: Halfjaar, Year: 2024, Index: 1}, "2024-H1", "1e halfjaar 2024", "2024-01-01", "2024-07-01", 2024, 2024},
		{Period{Kind: Halfjaar, Year: 2024, Index: 2}, "2024-H2", "2e halfjaar 2024", "2024-07-01", "2025-01-01", 2024, 2024},
		{Period{Kind: Kwartaal, Year: 2024, Index: 2}, "2024-K2", "2e kwartaal 2024", "2024-04-01", "2024-07-01", 2024, 2024},
		{Period{Kind: Kwartaal, Year: 2024, Index: 4}, "2024-K4", "4e kwartaal 2024", "2024-10-01", "2025-01-01", 2024, 2024},
		{Period{Kind: Schooljaar, Year: 2023}, "2023/2024", "schooljaar 2023/2024", "2023-08-01", "2024-08-01", 2023, 2024},
		{Period{Kind: Meerjarig, Year: 2019, EndYear: 2023}, "2019 t/m 2023", "2019 t/m 2023", "2019-01-01", "2024-01-01", 2019, 2023},
	}
	for _, tt := range tests {
		if got := tt.p.String(); got != tt.str {
			t.Errorf("%+v.String() = %q; want %q", tt.p, got, tt.str)
		}
		if got := tt.p.Label(); got != tt.label {
			t.Errorf("%+v.Label() = %q; want %q", tt.p, got, tt.label)
		}
		if got := tt.p.Start().Format(time.DateOnly); got != tt.start {
			t.Errorf("%+v.Start() = %s; want %s", tt.p, got, tt.start)
		}
		if got := tt.p.End().Format(time.DateOnly); got != tt.end {
			t.Errorf("%+v.End() = %s; want %s", tt.p, got, tt.end)
		}
		for year := tt.first - 1; year <= tt.latest+1; year++ {
			if want := year >= tt.first && year <= tt.latest; tt.p.Contains(year) != want {
				t.Errorf("%+v.Contains(%d) = %v", tt.p, year, !want)
			}
		}
		if tt.p.IsRecurring() {
			t.Errorf("%+v.IsRecurring() = true", tt.p)
		}
	}
}

func TestJaarlijks(t *testing.T) {
	p := Period{Kind: Jaarlijks}
	if p.String() != "jaarlijks" || p.Label() != "jaarlijks" || !p.IsRecurring() {
		t.Errorf("jaarlijks: String %q, Label %q, IsRecurring %v", p.String(), p.Label(), p.IsRecurring())
	}
	if !p.Start().IsZero() || !p.End().IsZero() {
		t.Errorf("jaarlijks: Start %v, End %v; want zero times", p.Start(), p.End())
	}
	if !p.Contains(1900) || !p.Contains(2024) {
		t.Error("jaarlijks does not contain every year")
	}
}

func TestInvalid(t *testing.T) {
	for _, p := range []Period{
		{},
		{Kind: "maand", Year: 2024},
		{Kind: Jaar, Year: 2024, Index: 1},
		{Kind: Schooljaar, Year: 2023, EndYear: 2024},
		{Kind: Meerjarig, Year: 2019},
		{Kind: Meerjarig, Year: 2019, EndYear: 2019},
		{Kind: Halfjaar, Year: 2024},
		{Kind: Jaarlijks, Year: 2024},
	} {
		if p.Validate() == nil {
			t.Errorf("%#v.Validate() = nil", p)
		}
		if p.String() != "" || p.Label() != "" || !p.Start().IsZero() || p.Contains(2024) {
			t.Errorf("%#v: String %q, Label %q, Start %v, Contains(2024) %v", p, p.String(), p.Label(), p.Start(), p.Contains(2024))
		}
	}
}

// valid lists every valid period in the year range, in sorted order.
func valid() []Period {
	ps := []Period{{Kind: Jaarlijks}}
	for y := MinYear; y <= MaxYear; y++ {
		ps = append(ps,
			Period{Kind: Jaar, Year: y},
			Period{Kind: Halfjaar, Year: y, Index: 1}, Period{Kind: Halfjaar, Year: y, Index: 2},
			Period{Kind: Kwartaal, Year: y, Index: 1}, Period{Kind: Kwartaal, Year: y, Index: 2},
			Period{Kind: Kwartaal, Year: y, Index: 3}, Period{Kind: Kwartaal, Year: y, Index: 4},
			Period{Kind: Schooljaar, Year: y},
		)
		for end := y + 1; end <= MaxYear; end++ {
			ps = append(ps, Period{Kind: Meerjarig, Year: y, EndYear: end})
		}
	}
	return ps
}

func TestRoundTrip(t *testing.T) {
	for _, p := range valid() {
		if err := p.Validate(); err != nil {
			t.Fatalf("%+v.Validate() = %v", p, err)
		}
		for _, s := range []string{p.String(), p.Label()} {
			if got, err := Parse(s); err != nil || got != p {
				t.Errorf("Parse(%q) = %+v, %v; want %+v", s, got, err, p)
			}
		}
	}
}

func TestCompare(t *testing.T) {
	want := []Period{
		{Kind: Jaarlijks},
		{Kind: Meerjarig, Year: 2019, EndYear: 2023},
		{Kind: Kwartaal, Year: 2023, Index: 3},
		{Kind: Halfjaar, Year: 2023, Index: 2},
		{Kind: Schooljaar, Year: 2023},
		{Kind: Kwartaal, Year: 2024, Index: 1},
		{Kind: Halfjaar, Year: 2024, Index: 1},
		{Kind: Jaar, Year: 2024},
		{Kind: Meerjarig, Year: 2024, EndYear: 2025},
	}
	got := slices.Clone(want)
	slices.Reverse(got)
	slices.SortFunc(got, Period.Compare)
	if !slices.Equal(got, want) {
		t.Errorf("sorted = %v; want %v", got, want)
	}
	all := valid()
	for i := range all {
		for _, j := range []int{i, min(i+1, len(all)-1)} {
			if c := all[i].Compare(all[j]); (c == 0) != (i == j) || c != -all[j].Compare(all[i]) {
				t.Errorf("%v.Compare(%v) = %d", all[i], all[j], c)
			}
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"2024", "2024-H1", "H1 2024", "1e halfjaar 2024", "eerste halfjaar 2024", "2e helft 2024",
		"2024 H2", "2024-K2", "K2 2024", "Q2 2024", "2024-Q2", "2e kwartaal 2024", "kwartaal 2 2024",
		"2023/2024", "2023-2024", "schooljaar 2023-2024", "2023/'24", "2023-24", "2019 t/m 2023",
		"2019-2023", "jaarlijks", "JAARLIJKS", "", "1999", "2101", "2023/2025", "2024-2023",
		"2024-H3", "Q0 2024", "2099/00", "2100/2101", "2023-22", "h12024", "２０２４", "\xff2024",
		"2019 tot en met 2023", "ſchooljaar 2023/2024", "\u212a2 2024",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := Parse(s)
		if err != nil {
			return
		}
		if err := p.Validate(); err != nil {
			t.Fatalf("Parse(%q) = %+v, invalid: %v", s, p, err)
		}
		if back, err := Parse(p.String()); err != nil || back != p {
			t.Fatalf("Parse(%q) = %+v, but Parse(%q) = %+v, %v", s, p, p.String(), back, err)
		}
		if !p.IsRecurring() && (p.Year < MinYear || p.Year > MaxYear) {
			t.Fatalf("Parse(%q) = %+v, year out of range", s, p)
		}
	})
}
