package domain

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestEveryTextFieldHasTheLimit: every free text of every record, also in an
// embedded source and a list, is refused past MaxTekst characters with the
// field named; a text at the limit passes.
func TestEveryTextFieldHasTheLimit(t *testing.T) {
	long, full := strings.Repeat("ë", MaxTekst+1), strings.Repeat("ë", MaxTekst)
	jaar := 2024
	cases := []struct {
		veld   string
		record interface{ Validate() error }
	}{
		{"notitie", &Bereik{InterventieID: new(uint), Periode: "2024", Waarde: 1, Eenheid: "jongeren", Status: StatusDefinitief, Notitie: long}},
		{"bron", &Bereik{InterventieID: new(uint), Periode: "2024", Waarde: 1, Eenheid: "jongeren", Status: StatusDefinitief, BronTekst: long}},
		{"doel", &Interventie{Naam: "x", Cluster: Clusters[0], StatusCategorie: StatusCategorieen[0], Doel: long}},
		{"sectie", &Interventie{Naam: "x", Cluster: Clusters[0], StatusCategorie: StatusCategorieen[0], Bron: Bron{Sectie: long}}},
		{"tekst", &Beleidstekst{Soort: TekstSoorten[0], Titel: "x", Tekst: long}},
		{"activiteiten", &Begrotingsdoel{Code: "1", Naam: "x", Begrotingsjaar: jaar, Activiteiten: []string{"kort", long}}},
		{"reden", &DoelstellingHerziening{Reden: long}},
	}
	for _, c := range cases {
		err := c.record.Validate()
		if err == nil || !strings.Contains(err.Error(), c.veld+": is 10.001 tekens lang; een tekst mag hoogstens 10.000 tekens zijn") {
			t.Errorf("%s: %v", c.veld, err)
		}
	}
	ok := &Beleidstekst{Soort: TekstSoorten[0], Titel: "x", Tekst: full}
	if err := ok.Validate(); err != nil {
		t.Errorf("a text at the limit: %v", err)
	}
}

// FuzzTekstGrens: a text is refused exactly when it has more than MaxTekst
// characters (counted as characters, not bytes) or holds something that is
// not text (a control character, a direction override, bytes that are not
// UTF-8), and the message says which.
func FuzzTekstGrens(f *testing.F) {
	f.Add("ë", 10000)
	f.Add("ab", 5001)
	f.Add("€🙂", 3334)
	f.Add("\xff", 3)
	f.Add("a\x00", 2)
	f.Add("\u202e", 10001)
	f.Fuzz(func(t *testing.T, part string, n int) {
		if n < 0 || n > 30000 || len(part)*n > 1<<20 {
			return
		}
		text := strings.Repeat(part, n)
		err := CheckTekst("notitie", text)
		tooLong := utf8.RuneCountInString(text) > MaxTekst
		_, notText := geenTekst(text)
		if (err != nil) != (tooLong || notText) {
			t.Fatalf("%d tekens, geen tekst %v: %v", utf8.RuneCountInString(text), notText, err)
		}
		if err == nil {
			return
		}
		if msg := err.Error(); tooLong != strings.Contains(msg, " tekens lang; ") || notText != strings.Contains(msg, "notitie: bevat ") {
			t.Fatalf("message %q (te lang %v, geen tekst %v)", msg, tooLong, notText)
		}
	})
}
