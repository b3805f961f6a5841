package register

import (
	"fmt"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/store"
)

// SeededKey is the setting that records that the built-in register was loaded
// into a database, so it is loaded exactly once.
const SeededKey = "register_geladen"

// SeedUser is the name under which the built-in register appears in the audit
// trail and as the recorder of its figures.
const SeedUser = "ingebouwd register"

// Seed loads the documents into the store in one transaction, unless the
// register was loaded before. It reports whether it loaded anything.
func Seed(s *store.Store, docs []Document) (bool, error) {
	if _, done, err := s.Setting(SeededKey); err != nil || done {
		return false, err
	}
	err := s.UpdateAs(SeedUser, func(tx *store.Tx) error {
		sd := seeder{tx: tx, goals: map[string]uint{}, indicators: map[string]uint{}, interventions: map[string]uint{}}
		for _, step := range []func(Document) error{sd.goalsOf, sd.indicatorsOf, sd.criteriaAndLines, sd.interventionsOf,
			sd.targetsOf, sd.reachOf, sd.savingsOf, sd.textsOf} {
			for _, d := range docs {
				if err := step(d); err != nil {
					return fmt.Errorf("ingebouwd register, %s: %w", d.Titel, err)
				}
			}
		}
		return tx.SetSetting(SeededKey, fmt.Sprintf("%d documenten", len(docs)))
	})
	return err == nil, err
}

// seeder writes register documents in an order that resolves references
// (budget goals and indicators before what refers to them).
type seeder struct {
	tx            *store.Tx
	goals         map[string]uint
	indicators    map[string]uint
	interventions map[string]uint
}

func bron(d Document, sectie string) domain.Bron {
	return domain.Bron{Document: d.Titel, Sectie: sectie}
}

func (sd *seeder) goalsOf(d Document) error {
	for _, g := range d.Begrotingsdoelen {
		rec := domain.Begrotingsdoel{Code: g.Code, Naam: g.Naam, Beschrijving: g.Beschrijving,
			Begrotingsjaar: g.Begrotingsjaar, Activiteiten: g.Activiteiten, Bron: bron(d, g.Sectie)}
		if err := sd.tx.Create(&rec); err != nil {
			return fmt.Errorf("begrotingsdoel %s: %w", g.Code, err)
		}
		sd.goals[g.Code] = rec.ID
	}
	return nil
}

func (sd *seeder) indicatorsOf(d Document) error {
	for _, in := range d.Indicatoren {
		rec := domain.Indicator{Code: in.Code, Naam: in.Naam, Eenheid: domain.Eenheid(in.Eenheid),
			Groep: domain.IndicatorGroep(in.Groep), Vergelijking: in.Vergelijking,
			Kernboodschap: in.Kernboodschap, Bron: bron(d, in.Sectie)}
		if err := sd.tx.CreateIndicator(&rec); err != nil {
			return fmt.Errorf("indicator %s: %w", in.Code, err)
		}
		sd.indicators[in.Code] = rec.ID
		for _, m := range in.Metingen {
			meting := domain.Meting{IndicatorID: rec.ID, Periode: m.Periode, Waarde: m.Waarde,
				Vergelijkingswaarde: m.Vergelijkingswaarde, Status: domain.Status(m.Status), Bron: bron(d, m.Sectie)}
			if err := sd.tx.RecordMeting(&meting); err != nil {
				return fmt.Errorf("indicator %s, meting %s: %w", in.Code, m.Periode, err)
			}
		}
	}
	return nil
}

func (sd *seeder) criteriaAndLines(d Document) error {
	for _, g := range d.Begrotingsdoelen {
		goalID := sd.goals[g.Code]
		for _, c := range g.Criteria {
			rec := domain.Criterium{BegrotingsdoelID: goalID, Omschrijving: c.Omschrijving, Streefwaarde: c.Streefwaarde,
				Soort: domain.Soort(c.Soort), Referentiejaar: c.Referentiejaar, Doeljaar: c.Doeljaar, Bron: bron(d, g.Sectie)}
			if c.Indicator != "" {
				id, ok := sd.indicators[c.Indicator]
				if !ok {
					return fmt.Errorf("criterium %q verwijst naar onbekende indicator %q", c.Omschrijving, c.Indicator)
				}
				rec.IndicatorID = &id
			}
			if err := sd.tx.Create(&rec); err != nil {
				return fmt.Errorf("begrotingsdoel %s, criterium: %w", g.Code, err)
			}
		}
		for _, r := range g.Regels {
			rec := domain.Begrotingsregel{BegrotingsdoelID: goalID, Jaar: r.Jaar, Soort: domain.RegelSoort(r.Soort),
				BedragCent: domain.Cents(r.Bedrag), Omschrijving: r.Omschrijving, Bron: bron(d, r.Sectie), Afgeleid: r.Afgeleid}
			if err := sd.tx.Create(&rec); err != nil {
				return fmt.Errorf("begrotingsdoel %s, regel %s %d: %w", g.Code, r.Soort, r.Jaar, err)
			}
		}
	}
	return nil
}

func (sd *seeder) interventionsOf(d Document) error {
	for _, in := range d.Interventies {
		rec := domain.Interventie{Naam: in.Naam, Uitvoerder: in.Uitvoerder, Cluster: domain.Cluster(in.Cluster),
			Code: in.Code, Doel: in.Doel, Doelgroep: in.Doelgroep, LeeftijdVan: in.LeeftijdVan, LeeftijdTot: in.LeeftijdTot,
			Werkwijze: in.Werkwijze, StatusTekst: in.Status, StatusCategorie: domain.StatusCategorie(in.StatusCategorie),
			Start: in.Start, Einde: in.Einde, Resultaten: in.Resultaten, Ambities: in.Ambities,
			Bron: bron(d, in.Sectie), Afgeleid: in.Afgeleid, Veldbronnen: in.Veldbronnen}
		if in.Begrotingsdoel != "" {
			id, ok := sd.goals[in.Begrotingsdoel]
			if !ok {
				return fmt.Errorf("interventie %q verwijst naar onbekend begrotingsdoel %q", in.Naam, in.Begrotingsdoel)
			}
			rec.BegrotingsdoelID = &id
		}
		if err := sd.tx.CreateInterventie(&rec); err != nil {
			return fmt.Errorf("interventie %q: %w", in.Naam, err)
		}
		sd.interventions[in.Naam] = rec.ID
	}
	return nil
}

func (sd *seeder) interventionID(naam string) (uint, error) {
	id, ok := sd.interventions[naam]
	if !ok {
		return 0, fmt.Errorf("onbekende interventie %q", naam)
	}
	return id, nil
}

func (sd *seeder) targetsOf(d Document) error {
	for _, t := range d.Doelstellingen {
		rec := domain.Doelstelling{Omschrijving: t.Omschrijving, Periode: t.Periode, Soort: domain.Soort(t.Soort),
			Waarde: t.Waarde, WaardeTot: t.WaardeTot, Eenheid: t.Eenheid, Leeftijdsgroep: t.Leeftijdsgroep,
			Bron: bron(d, t.Sectie), Afgeleid: t.Afgeleid}
		for _, naam := range t.Interventies {
			id, err := sd.interventionID(naam)
			if err != nil {
				return fmt.Errorf("doelstelling %q: %w", t.Omschrijving, err)
			}
			rec.InterventieIDs = append(rec.InterventieIDs, id)
		}
		if err := sd.tx.CreateDoelstelling(&rec); err != nil {
			return fmt.Errorf("doelstelling %q: %w", t.Omschrijving, err)
		}
	}
	return nil
}

func (sd *seeder) reachOf(d Document) error {
	for _, b := range d.Bereik {
		id, err := sd.interventionID(b.Interventie)
		if err != nil {
			return fmt.Errorf("bereik %s: %w", b.Periode, err)
		}
		rec := domain.Bereik{InterventieID: &id, MaatNaam: b.Maat, Periode: b.Periode, Soort: domain.Soort(b.Soort), Waarde: b.Waarde,
			WaardeTot: b.WaardeTot, Eenheid: b.Eenheid, Status: domain.Status(b.Status),
			BronTekst: bron(d, b.Sectie).String(), Notitie: b.Notitie, Afgeleid: b.Afgeleid}
		if err := sd.tx.RecordBereik(&rec); err != nil {
			return fmt.Errorf("bereik %q %s: %w", b.Interventie, b.Periode, err)
		}
	}
	return nil
}

func (sd *seeder) savingsOf(d Document) error {
	if d.Besparingen == nil {
		return nil
	}
	for _, b := range d.Besparingen.Regels {
		rec := domain.Besparing{Periode: b.Periode, Rapportage: b.Rapportage, Omschrijving: b.Omschrijving,
			BedragCent: domain.Cents(b.Bedrag), Bron: bron(d, b.Sectie)}
		if err := sd.tx.Create(&rec); err != nil {
			return fmt.Errorf("besparing %s: %w", b.Periode, err)
		}
	}
	total := domain.BesparingTotaal{BedragCent: domain.Cents(d.Besparingen.GerapporteerdTotaal), Bron: bron(d, d.Besparingen.TotaalSectie)}
	return sd.tx.Create(&total)
}

func (sd *seeder) textsOf(d Document) error {
	for _, t := range d.Beleidsteksten {
		rec := domain.Beleidstekst{Soort: domain.TekstSoort(t.Soort), Titel: t.Titel, Tekst: t.Tekst, Bron: bron(d, t.Sectie)}
		if err := sd.tx.Create(&rec); err != nil {
			return fmt.Errorf("beleidstekst %q: %w", t.Titel, err)
		}
	}
	return nil
}
