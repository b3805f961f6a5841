package period

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"jeugdmonitor/data/foutmelding"
)

// The accepted forms, matched against the input in lower case with runs of
// spaces collapsed to one. \d only matches ASCII digits.
var (
	yearForm = regexp.MustCompile(`^(?:(?:kalender)?jaar )?(?P<year>\d{4})$`)
	// partForms write a half year or quarter: 2024-H1, H1 2024, 2024 Q2,
	// 1e halfjaar 2024, eerste helft 2024, kwartaal 2 2024.
	partForms = []*regexp.Regexp{
		regexp.MustCompile(`^(?P<year>\d{4}) ?-? ?(?P<unit>h|k|kw|q) ?(?P<num>\d)$`),
		regexp.MustCompile(`^(?P<unit>h|k|kw|q) ?(?P<num>\d) ?-? ?(?P<year>\d{4})$`),
		regexp.MustCompile(`^(?P<num>\d(?:e|de|ste)|eerste|tweede|derde|vierde) (?P<unit>halfjaar|helft|kwartaal) (?P<year>\d{4})$`),
		regexp.MustCompile(`^(?P<unit>halfjaar|kwartaal) (?P<num>\d) (?P<year>\d{4})$`),
	}
	// spanForm writes a school year or several years: 2023/2024, 2023-24,
	// 2023/'24, schooljaar 2023-2024, 2019-2023, 2019 t/m 2023.
	spanForm = regexp.MustCompile(`^(?P<school>schooljaar )?(?P<start>\d{4}) ?(?P<sep>/|-|t/m|tot en met) ?['’]?(?P<end>\d{4}|\d{2})$`)
)

// units maps the words for a part of a year to its kind.
var units = map[string]Kind{
	"h": Halfjaar, "halfjaar": Halfjaar, "helft": Halfjaar,
	"k": Kwartaal, "kw": Kwartaal, "q": Kwartaal, "kwartaal": Kwartaal,
}

// ordinals maps the written-out ordinals to their number.
var ordinals = map[string]int{"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4}

// errUnknown marks input that matches none of the forms.
var errUnknown = errors.New("onbekende vorm")

// Parse reads a period as a user writes it, in any case and with any
// spacing. It accepts a year ("2024", "jaar 2024"); a half year ("2024-H1", "H1 2024",
// "2024 H2", "1e halfjaar 2024", "eerste halfjaar 2024", "2e helft 2024"); a
// quarter ("2024-K2", "K2 2024", "Q2 2024", "2024-Q2", "2e kwartaal 2024",
// "kwartaal 2 2024"); a school year, written as two consecutive years
// ("2023/2024", "2023-2024", "schooljaar 2023-2024", "2023/'24",
// "2023-24"); several years ("2019 t/m 2023", "2019 tot en met 2023", or
// "2019-2023" when the years are not consecutive); and "jaarlijks". Two-digit end years are in the
// century of the start year. Years must lie in 2000-2100. The error says
// what is wrong, in Dutch, without a field name.
func Parse(s string) (Period, error) {
	input := strings.TrimSpace(s)
	if input == "" {
		return Period{}, errors.New("geen periode ingevuld")
	}
	p, err := match(strings.Join(strings.Fields(strings.ToLower(input)), " "))
	if errors.Is(err, errUnknown) {
		return Period{}, fmt.Errorf("%s is geen periode; schrijf bijvoorbeeld 2024, 2024-H1, 2024-K2, 2023/2024, 2019 t/m 2023 of jaarlijks", foutmelding.Citeer(input))
	}
	if err == nil {
		err = p.Validate()
	}
	if err != nil {
		return Period{}, err
	}
	return p, nil
}

// match reads normalized input into a period that may still be invalid.
func match(s string) (Period, error) {
	if s == string(Jaarlijks) {
		return Period{Kind: Jaarlijks}, nil
	}
	if m := yearForm.FindStringSubmatch(s); m != nil {
		return Period{Kind: Jaar, Year: atoi(m[yearForm.SubexpIndex("year")])}, nil
	}
	for _, form := range partForms {
		if m := form.FindStringSubmatch(s); m != nil {
			num := m[form.SubexpIndex("num")]
			index, ok := ordinals[num]
			if !ok {
				index = int(num[0] - '0')
			}
			kind := units[m[form.SubexpIndex("unit")]]
			return Period{Kind: kind, Year: atoi(m[form.SubexpIndex("year")]), Index: index}, nil
		}
	}
	if m := spanForm.FindStringSubmatch(s); m != nil {
		start, end := atoi(m[spanForm.SubexpIndex("start")]), m[spanForm.SubexpIndex("end")]
		endYear := atoi(end)
		if len(end) == 2 {
			endYear += start / 100 * 100
		}
		sep := m[spanForm.SubexpIndex("sep")]
		through := sep == "t/m" || sep == "tot en met"
		switch {
		case !through && endYear == start+1:
			return Period{Kind: Schooljaar, Year: start}, nil
		case m[spanForm.SubexpIndex("school")] != "" || sep == "/":
			return Period{}, fmt.Errorf("%d/%d is geen schooljaar: een schooljaar loopt over twee opeenvolgende jaren", start, endYear)
		}
		return Period{Kind: Meerjarig, Year: start, EndYear: endYear}, nil
	}
	return Period{}, errUnknown
}

// atoi converts a string of at most four ASCII digits, as matched by \d.
func atoi(digits string) int {
	n, _ := strconv.Atoi(digits)
	return n
}
