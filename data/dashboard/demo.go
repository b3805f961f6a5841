package dashboard

import (
	"fmt"
	"strconv"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/register"
	"jeugdmonitor/data/store"
)

// demoBron marks every figure of a demonstration database.
var demoBron = domain.Bron{Document: "DEMO - fictieve cijfers", Sectie: "gemaakt door jeugdmonitor demo"}

// demoReeksen are the fictitious yearly values per indicator code, from 2019
// on; 0 leaves a year out, and the last year is provisional.
var demoReeksen = map[string][]float64{
	codeJeugdigen:                {3410, 3480, 3525, 3490, 3515, 3550},
	codeUitgaven:                 {38.2e6, 39.9e6, 41.5e6, 43.8e6, 46.1e6, 47.9e6},
	codeHuisarts:                 {910, 860, 0, 740, 690, 655},
	codeVerblijf:                 {212, 204, 196, 185, 176, 171},
	codeVerblijfUitgaven:         {14.1e6, 14.6e6, 15.2e6, 16.0e6, 16.9e6, 17.4e6},
	codeZwaar:                    {820, 790, 760, 735, 700, 690},
	codeMidden:                   {1150, 1210, 1260, 1300, 1340, 1365},
	codeLicht:                    {1440, 1410, 1380, 1330, 1290, 1270},
	codeNul:                      {0, 0, 96, 88, 79, 72},
	codeDichtbij:                 {0, 0, 1210, 1340, 1480, 1560},
	"bc-ouders-weten-waar-hulp":  {0, 0, 78, 80, 83, 0},
	"bc-samenwerking-huisartsen": {0, 0, 84, 86, 88, 0},
	"bc-samenwerking-scholen":    {0, 0, 70, 76, 81, 0},
	"pmg-misdrijven":             {0, 0, 0, 0, 505, 0},
	"pmg-high-impact-crimes":     {0, 0, 0, 0, 51.2, 0},
	"pmg-drugshandel":            {0, 0, 0, 0, 7.1, 0},
	"pmg-jongeren-verdacht":      {0, 0, 0, 0, 150, 0},
}

// demoNederland are the fictitious comparison values of the police figures.
var demoNederland = map[string]float64{"pmg-misdrijven": 460, "pmg-high-impact-crimes": 50.4, "pmg-drugshandel": 7.8, "pmg-jongeren-verdacht": 141}

// demoInterventie is a fictitious intervention with a target and yearly reach.
type demoInterventie struct {
	naam, eenheid string
	soort         domain.Soort
	doel          float64
	doelTot       *float64
	bereik        []float64 // 2020 on
}

func ptr(v float64) *float64 { return &v }

var demoInterventies = []demoInterventie{
	{"Jongerenwerk (demo)", "jongeren", domain.SoortMinimaal, 3000, nil, []float64{2650, 2890, 3120, 3240, 3310}},
	{"Jeugdwerk (demo)", "kinderen", domain.SoortMinimaal, 2500, nil, []float64{2310, 2380, 2460, 2420, 2600}},
	{"Weerbaarheidslessen (demo)", "lessen", domain.SoortPrecies, 1000, nil, []float64{880, 0, 950, 1010, 990}},
	{"Meldpunt zwerfjongeren (demo)", "meldingen", domain.SoortBandbreedte, 90, ptr(135), []float64{101, 118, 126, 142, 131}},
}

// VulDemo fills an empty database with plausible fictitious series for
// training and demonstrations, marked as a demonstration database so every
// chart says so. The built-in register is never loaded into it: the names of
// its indicators are copied, none of its figures.
func VulDemo(s *store.Store) error {
	docs, err := register.Builtin()
	if err != nil {
		return err
	}
	return s.Update(func(t *store.Tx) error {
		if err := t.SetSetting(DemoKey, "ja: fictieve cijfers voor training en demonstratie"); err != nil {
			return err
		}
		if err := t.SetSetting(register.SeededKey, "nee: demodatabase, het ingebouwde register wordt hier nooit in geladen"); err != nil {
			return err
		}
		ids, err := demoIndicatoren(t, docs)
		if err != nil {
			return err
		}
		if err := demoBegroting(t, ids); err != nil {
			return err
		}
		if err := demoBereik(t); err != nil {
			return err
		}
		for i, v := range []int64{15_000_000, 9_000_000, 21_000_000} {
			if err := t.Create(&domain.Besparing{Periode: strconv.Itoa(2021 + i), Rapportage: "Demorapportage",
				Omschrijving: "Fictieve besparing", BedragCent: v, Bron: demoBron}); err != nil {
				return err
			}
		}
		return t.Create(&domain.BesparingTotaal{BedragCent: 47_000_000, Bron: demoBron})
	})
}

// demoIndicatoren copies the register's indicators without their figures and
// gives them fictitious yearly measurements.
func demoIndicatoren(t *store.Tx, docs []register.Document) (map[string]uint, error) {
	ids := map[string]uint{}
	for _, d := range docs {
		for _, in := range d.Indicatoren {
			ind := domain.Indicator{Code: in.Code, Naam: in.Naam, Eenheid: domain.Eenheid(in.Eenheid),
				Groep: domain.IndicatorGroep(in.Groep), Vergelijking: in.Vergelijking, Kernboodschap: in.Kernboodschap, Bron: demoBron}
			if err := t.CreateIndicator(&ind); err != nil {
				return nil, err
			}
			ids[in.Code] = ind.ID
			values := demoReeksen[in.Code]
			for k, v := range values {
				if v == 0 {
					continue
				}
				m := domain.Meting{IndicatorID: ind.ID, Periode: strconv.Itoa(2019 + k), Waarde: v,
					Status: domain.StatusDefinitief, Bron: demoBron}
				if k == len(values)-1 {
					m.Status = domain.StatusVoorlopig
				}
				if nl, ok := demoNederland[in.Code]; ok {
					m.Vergelijkingswaarde = &nl
				}
				if err := t.RecordMeting(&m); err != nil {
					return nil, fmt.Errorf("demo %s %s: %w", in.Code, m.Periode, err)
				}
			}
		}
	}
	return ids, nil
}

// demoBegroting adds a fictitious budget goal with two criteria measured by
// the demo indicators.
func demoBegroting(t *store.Tx, ids map[string]uint) error {
	goal := domain.Begrotingsdoel{Code: "D.1", Naam: "Demodoel: toegang tot jeugdhulp", Begrotingsjaar: 2023, Bron: demoBron}
	if err := t.Create(&goal); err != nil {
		return err
	}
	for _, c := range []struct {
		code   string
		streef float64
		soort  domain.Soort
	}{{"bc-ouders-weten-waar-hulp", 85, domain.SoortMinimaal}, {"bc-samenwerking-huisartsen", 90, domain.SoortPrecies},
		{"bc-samenwerking-scholen", 100, domain.SoortPrecies}} {
		id := ids[c.code]
		crit := domain.Criterium{BegrotingsdoelID: goal.ID, Omschrijving: "Fictief criterium", Streefwaarde: ptr(c.streef),
			Soort: c.soort, IndicatorID: &id, Bron: demoBron}
		if err := t.Create(&crit); err != nil {
			return err
		}
	}
	return nil
}

// demoBereik adds fictitious interventions of the Sociale basis jeugd with a
// yearly target and reach from 2020 on (0 leaves a year out).
func demoBereik(t *store.Tx) error {
	year := 2020
	for _, d := range demoInterventies {
		in := domain.Interventie{Naam: d.naam, Uitvoerder: "Demo", Cluster: domain.ClusterSocialeBasis,
			StatusCategorie: domain.StatusStructureel, Start: domain.Moment{Tekst: "demo"}, Einde: domain.Moment{Structureel: true, Tekst: "demo"}, Bron: demoBron}
		if err := t.CreateInterventie(&in); err != nil {
			return err
		}
		doel := domain.Doelstelling{Omschrijving: "Fictieve doelstelling", Periode: "jaarlijks", Soort: d.soort,
			Waarde: d.doel, WaardeTot: d.doelTot, Eenheid: d.eenheid, Bron: demoBron, InterventieIDs: []uint{in.ID}}
		if err := t.CreateDoelstelling(&doel); err != nil {
			return err
		}
		for k, v := range d.bereik {
			if v == 0 {
				continue
			}
			b := domain.Bereik{InterventieID: &in.ID, Periode: strconv.Itoa(year + k), Waarde: v, Eenheid: d.eenheid,
				Status: domain.StatusDefinitief, BronTekst: demoBron.String()}
			if k == len(d.bereik)-1 {
				b.Status = domain.StatusVoorlopig
			}
			if err := t.RecordBereik(&b); err != nil {
				return err
			}
		}
	}
	return nil
}
