package store

import (
	"errors"
	"strings"
	"testing"

	"jeugdmonitor/data/domain"
)

// auditCount is the number of rows in the audit trail.
func auditCount(t *testing.T, s *Store) int {
	t.Helper()
	rows, err := s.Wijzigingen(WijzigingFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return len(rows)
}

// wantFieldError fails unless err has a problem at veld containing text.
func wantFieldError(t *testing.T, err error, veld, text string) {
	t.Helper()
	var ve *domain.ValidationError
	if !errors.As(err, &ve) || !strings.Contains(ve.For(veld), text) {
		t.Fatalf("want a problem at %q with %q, got %v", veld, text, err)
	}
}

// TestSavingsAreAddedCorrectedAndRemoved: a saving for 2024 and the missing
// 2021 line are added with their source; bad input is refused at its field
// and stores nothing; a correction and a removal are audited.
func TestSavingsAreAddedCorrectedAndRemoved(t *testing.T) {
	s := openTemp(t)
	before := auditCount(t, s)
	_, err := s.SaveBesparing(0, BesparingInvoer{Periode: "2024", Omschrijving: "", Bedrag: "-5", BronDocument: ""})
	wantFieldError(t, err, "omschrijving", "")
	wantFieldError(t, err, "bedrag", "niet negatief")
	wantFieldError(t, err, "bron", "vul de bron in")
	_, err = s.SaveBesparing(0, BesparingInvoer{Periode: "2024", Omschrijving: "x", Bedrag: "12,345", BronDocument: "d"})
	wantFieldError(t, err, "bedrag", "twee decimalen")
	_, err = s.SaveBesparing(0, BesparingInvoer{Periode: "het jaar 2024", Omschrijving: "x", Bedrag: "1", BronDocument: "d"})
	wantFieldError(t, err, "periode", "")
	if got, _ := s.Besparingen(); len(got) != 0 || auditCount(t, s) != before {
		t.Fatalf("refused input stored something: %d savings, %d audit rows", len(got), auditCount(t, s)-before)
	}
	b24, err := s.SaveBesparing(0, BesparingInvoer{Periode: "2024", Rapportage: "Jaarrekening 2024", Omschrijving: "Minder verwijzingen",
		Bedrag: "€ 250.000", BronDocument: "Jaarrekening 2024", BronSectie: "p. 12"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveBesparing(0, BesparingInvoer{Periode: "2021", Omschrijving: "Inkoop", Bedrag: "1.000,50", BronDocument: "mail Jan, 3-2-2022"}); err != nil {
		t.Fatal(err)
	}
	all, _ := s.Besparingen()
	if len(all) != 2 || all[0].Periode != "2021" || all[0].BedragCent != 100050 || all[1].BedragCent != 25_000_000 ||
		all[1].Bron.String() != "Jaarrekening 2024, p. 12" {
		t.Fatalf("savings %+v", all)
	}
	if _, err := s.SaveBesparing(b24.ID, BesparingInvoer{Periode: "2024", Rapportage: "Jaarrekening 2024", Omschrijving: "Minder verwijzingen",
		Bedrag: "260.000", BronDocument: "Jaarrekening 2024", BronSectie: "p. 12"}); err != nil {
		t.Fatal(err)
	}
	rows := auditRows(t, s, "besparingen", b24.ID)
	if len(rows) == 0 || rows[0].Actie != domain.ActieGewijzigd || rows[0].Veld != "bedrag_cent" ||
		rows[0].OudeWaarde != "25000000" || rows[0].NieuweWaarde != "26000000" {
		t.Fatalf("correction audit %+v", rows[:min(len(rows), 1)])
	}
	if err := s.DeleteBesparing(b24.ID); err != nil {
		t.Fatal(err)
	}
	if rows := auditRows(t, s, "besparingen", b24.ID); rows[0].Actie != domain.ActieVerwijderd {
		t.Fatalf("removal not audited: %+v", rows[0])
	}
	if err := s.DeleteBesparing(b24.ID); !errors.Is(err, ErrNotFound) {
		t.Fatalf("second removal: %v", err)
	}
	if _, err := s.SaveBesparing(b24.ID, BesparingInvoer{Periode: "2024", Omschrijving: "x", Bedrag: "1", BronDocument: "d"}); !errors.Is(err, ErrNotFound) {
		t.Fatalf("correcting a removed saving: %v", err)
	}
	if err := verifyChain(s.db); err != nil {
		t.Fatal(err)
	}
}

// TestReportedTotalIsCorrected: the reported total is added and corrected,
// each audited; a negative one is refused.
func TestReportedTotalIsCorrected(t *testing.T) {
	s := openTemp(t)
	_, err := s.SaveBesparingTotaal(0, "-1", "Spoor 3", "")
	wantFieldError(t, err, "bedrag", "niet negatief")
	tot, err := s.SaveBesparingTotaal(0, "2.763.946", "Spoor 3 Jeugd", "§ 4")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveBesparingTotaal(tot.ID, "2.800.000", "Spoor 3 Jeugd", "§ 4"); err != nil {
		t.Fatal(err)
	}
	o, _ := s.Besparingsoverzicht()
	if o.Gerapporteerd == nil || o.Gerapporteerd.BedragCent != 280_000_000 {
		t.Fatalf("total %+v", o.Gerapporteerd)
	}
	if rows := auditRows(t, s, "besparing_totalen", tot.ID); len(rows) != 4 || rows[0].Veld != "bedrag_cent" {
		t.Fatalf("total audit %+v", rows)
	}
}

// TestBudgetLinesAndCriteriaAreCorrected: a budget line of a goal is added
// and corrected, its kind and year checked; a line for an unknown goal is
// refused; a criterion with a target over 100 % is refused and a good one
// stored and removed, all audited.
func TestBudgetLinesAndCriteriaAreCorrected(t *testing.T) {
	s := openTemp(t)
	goal := domain.Begrotingsdoel{Code: "1.3", Naam: "Jeugd", Begrotingsjaar: 2024}
	if err := s.Create(&goal); err != nil {
		t.Fatal(err)
	}
	before := auditCount(t, s)
	_, err := s.SaveBegrotingsregel(0, BegrotingsregelInvoer{BegrotingsdoelID: goal.ID, Jaar: "1850", Soort: "winst", Bedrag: "abc", BronDocument: "b"})
	wantFieldError(t, err, "jaar", "1850")
	wantFieldError(t, err, "soort", "")
	wantFieldError(t, err, "bedrag", "")
	_, err = s.SaveBegrotingsregel(0, BegrotingsregelInvoer{BegrotingsdoelID: goal.ID + 99, Jaar: "2024", Soort: "lasten", Bedrag: "1", BronDocument: "b"})
	wantFieldError(t, err, "begrotingsdoel", "onbekend")
	if auditCount(t, s) != before {
		t.Fatal("refused budget lines were audited")
	}
	r, err := s.SaveBegrotingsregel(0, BegrotingsregelInvoer{BegrotingsdoelID: goal.ID, Jaar: "2024", Soort: "lasten",
		Bedrag: "€ 46.000.000", BronDocument: "Begroting 2024", BronSectie: "programma 3"})
	if err != nil {
		t.Fatal(err)
	}
	r, err = s.SaveBegrotingsregel(r.ID, BegrotingsregelInvoer{BegrotingsdoelID: goal.ID, Jaar: "2024", Soort: "lasten",
		Bedrag: "€ 47.000.000", BronDocument: "Begroting 2024", BronSectie: "programma 3, wijziging"})
	if err != nil {
		t.Fatal(err)
	}
	lines, _ := s.Begrotingsregels(goal.ID)
	if len(lines) != 1 || lines[0].BedragCent != 4_700_000_000 {
		t.Fatalf("lines %+v", lines)
	}
	if rows := auditRows(t, s, "begrotingsregels", r.ID); len(rows) != 6+2 || rows[0].Actie != domain.ActieGewijzigd {
		t.Fatalf("line audit: %d rows, newest %+v", len(rows), rows[0])
	}
	changes, err := s.Geschiedenis(GeschiedenisFilter{WijzigingFilter: WijzigingFilter{Entiteit: "begrotingsregels"}})
	if err != nil || len(changes) != 2 || !strings.HasPrefix(changes[0].Regel(), "Begroting 1.3, 2024, lasten: bedrag € 46.000.000 ⟶ € 47.000.000, bronvermelding programma 3 ⟶ programma 3, wijziging (tester, ") {
		t.Fatalf("history of the line: %v %q", err, changes[0].Regel())
	}

	_, err = s.SaveCriterium(0, CriteriumInvoer{BegrotingsdoelID: goal.ID, Omschrijving: "Weerbaarheid", Streefwaarde: "120%",
		Referentiejaar: "2023", Doeljaar: "2020", BronDocument: "b"})
	wantFieldError(t, err, "streefwaarde", "buiten 0-100")
	wantFieldError(t, err, "doeljaar", "voor het referentiejaar")
	c, err := s.SaveCriterium(0, CriteriumInvoer{BegrotingsdoelID: goal.ID, Omschrijving: "Weerbaarheid", Streefwaarde: "80",
		Referentiejaar: "2023", Doeljaar: "2026", BronDocument: "Begroting 2024"})
	if err != nil || c.Streefwaarde == nil || *c.Streefwaarde != 80 {
		t.Fatalf("criterion %+v: %v", c, err)
	}
	if err := s.DeleteCriterium(c.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Criteria(goal.ID); len(got) != 0 {
		t.Fatalf("criterion not removed: %+v", got)
	}
	if err := verifyChain(s.db); err != nil {
		t.Fatal(err)
	}
}

// TestMeasurementIsCorrectedInPlace: a police figure is corrected (also to
// another period) as the same record, a period that already has one is
// refused, and the source is required.
func TestMeasurementIsCorrectedInPlace(t *testing.T) {
	s := openTemp(t)
	ind := domain.Indicator{Code: "pmg-1", Naam: "Jeugdige verdachten", Eenheid: domain.EenheidAantal, Groep: domain.GroepPreventieGezag}
	if err := s.CreateIndicator(&ind); err != nil {
		t.Fatal(err)
	}
	in := MetingInvoer{IndicatorID: ind.ID, Periode: "2022", Waarde: "105", Vergelijkingswaarde: "98", BronDocument: "Politie"}
	m22, err := s.SaveMetingInvoer(0, in)
	if err != nil {
		t.Fatal(err)
	}
	in.Periode = "2023"
	m23, err := s.SaveMetingInvoer(0, in)
	if err != nil {
		t.Fatal(err)
	}
	in.BronDocument = ""
	_, err = s.SaveMetingInvoer(m22.ID, in)
	wantFieldError(t, err, "bron", "vul de bron in")
	in.BronDocument = "Politie"
	_, err = s.SaveMetingInvoer(m22.ID, in)
	wantFieldError(t, err, "periode", "al een meting voor 2023")
	in.Periode, in.Waarde = "2021", "110"
	if _, err := s.SaveMetingInvoer(m22.ID, in); err != nil {
		t.Fatal(err)
	}
	ms, _ := s.Metingen(ind.ID)
	if len(ms) != 2 || ms[0].ID != m22.ID || ms[0].Periode != "2021" || ms[0].Waarde != 110 || ms[1].ID != m23.ID {
		t.Fatalf("measurements %+v", ms)
	}
}
