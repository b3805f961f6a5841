package register

// These tests check the built-in register (assets/register/*.json) against the
// five source documents: the JSON must decode strictly, use the application's
// vocabulary, hold the interventions, targets and figures listed below, and
// (where the seed texts are present) every figure, section and text must be
// found in the document it cites.

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/period"
)

const (
	registerDir = "../../assets/register"
	seedsDir    = "../../../shared/seeds"
)

// registerFiles maps every register file to the text extract it is taken from.
var registerFiles = map[string]string{
	"routekaart-2023.json":          "000_776640626cc2896a.txt",
	"spoor3-jeugd.json":             "001_8bc4410e6cf97f86.txt",
	"begroting-2021.json":           "002_2605d306539811b4.txt",
	"preventie-met-gezag-2024.json": "003_c32755b7a8d5a74e.txt",
	"begroting-berap-2023.json":     "004_5746a58665eb7fb6.txt",
}

// readRegisterFile decodes one register file strictly: unknown fields and
// anything after the document are errors.
func readRegisterFile(path string) (Document, error) {
	var doc Document
	f, err := os.Open(path)
	if err != nil {
		return doc, err
	}
	defer f.Close()
	dec := json.NewDecoder(f)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&doc); err != nil {
		return doc, err
	}
	var extra json.RawMessage
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		return doc, fmt.Errorf("data na het document (%v)", err)
	}
	return doc, nil
}

// loadRegister reads every JSON file under assets/register, keyed by file name.
func loadRegister(t *testing.T) map[string]Document {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(registerDir, "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	docs := map[string]Document{}
	for _, p := range paths {
		doc, err := readRegisterFile(p)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		docs[filepath.Base(p)] = doc
	}
	return docs
}

// sortedNames returns the file names in a fixed order.
func sortedNames(docs map[string]Document) []string {
	names := make([]string, 0, len(docs))
	for n := range docs {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// allInterventies returns every intervention by name, with the file it is in.
func allInterventies(docs map[string]Document) map[string]Interventie {
	out := map[string]Interventie{}
	for _, name := range sortedNames(docs) {
		for _, iv := range docs[name].Interventies {
			out[iv.Naam] = iv
		}
	}
	return out
}

func TestDocumentsDecodeStrictly(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join(registerDir, "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	var found []string
	for _, p := range paths {
		name := filepath.Base(p)
		found = append(found, name)
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if !utf8.Valid(raw) {
			t.Errorf("%s: geen geldige UTF-8", name)
		}
		if !strings.HasPrefix(string(raw), "{\n  \"") || !strings.HasSuffix(string(raw), "}\n") {
			t.Errorf("%s: niet opgemaakt met inspringing van 2 spaties", name)
		}
		for i, line := range strings.Split(string(raw), "\n") {
			indent := len(line) - len(strings.TrimLeft(line, " "))
			if strings.Contains(line, "\t") || indent%2 != 0 {
				t.Errorf("%s:%d: inspringing is geen veelvoud van 2 spaties", name, i+1)
			}
		}
		doc, err := readRegisterFile(p)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		want, ok := registerFiles[name]
		if !ok {
			t.Errorf("onverwacht registerbestand %s", name)
			continue
		}
		if doc.Bestand != want {
			t.Errorf("%s: bestand = %q, verwacht %q", name, doc.Bestand, want)
		}
		if strings.TrimSpace(doc.Titel) == "" || strings.TrimSpace(doc.Peildatum) == "" {
			t.Errorf("%s: titel en peildatum zijn verplicht", name)
		}
	}
	for name := range registerFiles {
		if !slices.Contains(found, name) {
			t.Errorf("registerbestand %s ontbreekt", name)
		}
	}

	// The strict decoder must reject an unknown field.
	tmp := filepath.Join(t.TempDir(), "x.json")
	if err := os.WriteFile(tmp, []byte(`{"bestand":"x","onbekend":1}`), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := readRegisterFile(tmp); err == nil {
		t.Error("een onbekend veld wordt niet geweigerd")
	}
}

var codePattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

func strs[T ~string](values []T) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = string(v)
	}
	return out
}

func checkMoment(t *testing.T, where string, m domain.Moment) {
	t.Helper()
	if m.Structureel && m.Jaar != nil {
		t.Errorf("%s: structureel en een jaar tegelijk", where)
	}
	if m.Maand != nil && (m.Jaar == nil || *m.Maand < 1 || *m.Maand > 12) {
		t.Errorf("%s: ongeldige maand", where)
	}
	if m.Jaar != nil && (*m.Jaar < domain.MinJaar || *m.Jaar > domain.MaxJaar) {
		t.Errorf("%s: jaar %d buiten bereik", where, *m.Jaar)
	}
	if (m.Jaar != nil || m.Structureel) && strings.TrimSpace(m.Tekst) == "" {
		t.Errorf("%s: een jaar of structureel zonder de woorden van het document", where)
	}
}

// checkAmount checks a target or reach value: soort, band and whole counts.
func checkAmount(t *testing.T, where, soort string, waarde float64, tot *float64, eenheid string) {
	t.Helper()
	if !slices.Contains(strs(domain.Soorten), soort) {
		t.Errorf("%s: soort %q onbekend", where, soort)
	}
	if (soort == string(domain.SoortBandbreedte)) != (tot != nil) {
		t.Errorf("%s: waarde_tot hoort precies bij een bandbreedte", where)
	}
	if tot != nil && *tot < waarde {
		t.Errorf("%s: waarde_tot %v onder waarde %v", where, *tot, waarde)
	}
	if eenheid == "" || eenheid != strings.ToLower(eenheid) {
		t.Errorf("%s: eenheid %q moet een woord in kleine letters zijn", where, eenheid)
	}
	if waarde < 0 || (domain.IsCountUnit(eenheid) && waarde != math.Trunc(waarde)) {
		t.Errorf("%s: %v %s is geen geldig aantal", where, waarde, eenheid)
	}
}

func checkPeriode(t *testing.T, where, periode string, jaarlijksToegestaan bool) {
	t.Helper()
	p, err := period.Parse(periode)
	if err != nil {
		t.Errorf("%s: periode %q: %v", where, periode, err)
		return
	}
	if p.Kind == period.Jaarlijks && !jaarlijksToegestaan {
		t.Errorf("%s: een gemeten waarde hoort bij een bepaalde periode, niet bij %q", where, periode)
	}
}

func TestDocumentsVocabularyAndReferences(t *testing.T) {
	docs := loadRegister(t)
	ivs := map[string]Interventie{}
	indicators := map[string]Indicator{}
	doelen := map[string]bool{}
	pmgCodes := map[string]bool{}
	referenced := map[string]bool{}

	for _, file := range sortedNames(docs) {
		doc := docs[file]
		for _, iv := range doc.Interventies {
			where := file + ": interventie " + iv.Naam
			if strings.TrimSpace(iv.Naam) == "" {
				t.Errorf("%s: naam leeg", file)
			}
			if _, dup := ivs[iv.Naam]; dup {
				t.Errorf("%s: naam komt dubbel voor", where)
			}
			ivs[iv.Naam] = iv
			if !slices.Contains(strs(domain.Clusters), iv.Cluster) {
				t.Errorf("%s: cluster %q onbekend", where, iv.Cluster)
			}
			if !slices.Contains(strs(domain.StatusCategorieen), iv.StatusCategorie) {
				t.Errorf("%s: status_categorie %q onbekend", where, iv.StatusCategorie)
			}
			for _, a := range iv.Ambities {
				if !slices.Contains(domain.Ambities, a) {
					t.Errorf("%s: ambitie %q onbekend", where, a)
				}
			}
			checkMoment(t, where+" start", iv.Start)
			checkMoment(t, where+" einde", iv.Einde)
			if iv.Start.Jaar != nil && iv.Einde.Jaar != nil && *iv.Einde.Jaar < *iv.Start.Jaar {
				t.Errorf("%s: einde voor start", where)
			}
			if iv.LeeftijdVan != nil && iv.LeeftijdTot != nil && *iv.LeeftijdTot < *iv.LeeftijdVan {
				t.Errorf("%s: leeftijd_tot onder leeftijd_van", where)
			}
			if iv.Cluster == string(domain.ClusterPreventieGezag) {
				if !regexp.MustCompile(`^[1-3]\.[1-9]\.[1-9]$`).MatchString(iv.Code) || pmgCodes[iv.Code] {
					t.Errorf("%s: code %q ongeldig of dubbel", where, iv.Code)
				}
				pmgCodes[iv.Code] = true
			} else if iv.Code != "" {
				t.Errorf("%s: alleen Preventie met Gezag heeft codes", where)
			}
			if iv.Sectie == "" {
				t.Errorf("%s: sectie leeg", where)
			}
		}
		for _, ind := range doc.Indicatoren {
			where := file + ": indicator " + ind.Code
			if !codePattern.MatchString(ind.Code) {
				t.Errorf("%s: code is geen kebab-case", where)
			}
			if _, dup := indicators[ind.Code]; dup {
				t.Errorf("%s: code komt dubbel voor", where)
			}
			indicators[ind.Code] = ind
			// An empty unit: the document names none (the movements, two
			// criteria of goal 1.3.1); such an indicator has no values yet.
			if ind.Eenheid != "" && !slices.Contains(strs(domain.Eenheden), ind.Eenheid) || ind.Eenheid == "" && len(ind.Metingen) > 0 {
				t.Errorf("%s: eenheid %q onbekend, of leeg bij een indicator met waarden", where, ind.Eenheid)
			}
			if !slices.Contains(strs(domain.IndicatorGroepen), ind.Groep) {
				t.Errorf("%s: groep %q onbekend", where, ind.Groep)
			}
			if ind.Naam == "" || ind.Sectie == "" {
				t.Errorf("%s: naam en sectie zijn verplicht", where)
			}
			for _, m := range ind.Metingen {
				checkPeriode(t, where, m.Periode, false)
				if !slices.Contains(strs(domain.Statussen), m.Status) {
					t.Errorf("%s: status %q onbekend", where, m.Status)
				}
				if (m.Vergelijkingswaarde != nil) != (ind.Vergelijking != "") {
					t.Errorf("%s: vergelijkingswaarde zonder vergelijking of omgekeerd", where)
				}
				if ind.Eenheid == string(domain.EenheidPercentage) && (m.Waarde < 0 || m.Waarde > 100) {
					t.Errorf("%s: percentage %v buiten 0-100", where, m.Waarde)
				}
				if m.Sectie == "" {
					t.Errorf("%s: meting zonder sectie", where)
				}
			}
		}
		for _, bd := range doc.Begrotingsdoelen {
			if doelen[bd.Code] || bd.Code == "" {
				t.Errorf("%s: begrotingsdoel %q leeg of dubbel", file, bd.Code)
			}
			doelen[bd.Code] = true
			if bd.Begrotingsjaar < domain.MinJaar || bd.Begrotingsjaar > domain.MaxJaar || bd.Naam == "" || bd.Sectie == "" {
				t.Errorf("%s: begrotingsdoel %s onvolledig", file, bd.Code)
			}
			for _, r := range bd.Regels {
				if !slices.Contains(strs(domain.RegelSoorten), r.Soort) {
					t.Errorf("%s: %s: regelsoort %q onbekend", file, bd.Code, r.Soort)
				}
				if r.Jaar < domain.MinJaar || r.Jaar > domain.MaxJaar || r.Sectie == "" {
					t.Errorf("%s: %s: regel zonder geldig jaar of sectie", file, bd.Code)
				}
			}
		}
		for _, bt := range doc.Beleidsteksten {
			if !slices.Contains(strs(domain.TekstSoorten), bt.Soort) {
				t.Errorf("%s: beleidstekst %q: soort %q onbekend", file, bt.Titel, bt.Soort)
			}
			if bt.Titel == "" || bt.Tekst == "" || bt.Sectie == "" {
				t.Errorf("%s: beleidstekst %q onvolledig", file, bt.Titel)
			}
		}
		if b := doc.Besparingen; b != nil {
			for _, r := range b.Regels {
				checkPeriode(t, file+": besparing", r.Periode, false)
				if r.Bedrag < 0 || r.Omschrijving == "" || r.Sectie == "" {
					t.Errorf("%s: besparing %s onvolledig", file, r.Periode)
				}
			}
			if b.TotaalSectie == "" {
				t.Errorf("%s: totaal_sectie leeg", file)
			}
		}
	}

	// References between entries, across files.
	for _, file := range sortedNames(docs) {
		doc := docs[file]
		for _, d := range doc.Doelstellingen {
			where := fmt.Sprintf("%s: doelstelling %q", file, d.Omschrijving)
			checkPeriode(t, where, d.Periode, true)
			checkAmount(t, where, d.Soort, d.Waarde, d.WaardeTot, d.Eenheid)
			if len(d.Interventies) == 0 || d.Sectie == "" || d.Omschrijving == "" {
				t.Errorf("%s: onvolledig", where)
			}
			for _, n := range d.Interventies {
				if _, ok := ivs[n]; !ok {
					t.Errorf("%s: interventie %q bestaat niet", where, n)
				}
			}
		}
		for _, b := range doc.Bereik {
			where := fmt.Sprintf("%s: bereik %s %s", file, b.Interventie, b.Periode)
			checkPeriode(t, where, b.Periode, false)
			checkAmount(t, where, b.Soort, b.Waarde, b.WaardeTot, b.Eenheid)
			if _, ok := ivs[b.Interventie]; !ok {
				t.Errorf("%s: interventie bestaat niet", where)
			}
			if !slices.Contains(strs(domain.Statussen), b.Status) || b.Sectie == "" {
				t.Errorf("%s: status of sectie ongeldig", where)
			}
		}
		for _, bd := range doc.Begrotingsdoelen {
			for _, c := range bd.Criteria {
				where := fmt.Sprintf("%s: criterium %q", bd.Code, c.Omschrijving)
				if c.Soort != "" && !slices.Contains(strs(domain.Soorten), c.Soort) {
					t.Errorf("%s: soort %q onbekend", where, c.Soort)
				}
				if c.Streefwaarde != nil && (*c.Streefwaarde < 0 || *c.Streefwaarde > 100) {
					t.Errorf("%s: streefwaarde buiten 0-100", where)
				}
				if c.Streefwaarde != nil && c.Indicator == "" {
					t.Errorf("%s: een percentage zonder indicator", where)
				}
				if c.Referentiejaar != nil && c.Doeljaar != nil && *c.Doeljaar < *c.Referentiejaar {
					t.Errorf("%s: doeljaar voor referentiejaar", where)
				}
				if c.Indicator == "" {
					continue
				}
				referenced[c.Indicator] = true
				ind, ok := indicators[c.Indicator]
				switch {
				case !ok:
					t.Errorf("%s: indicator %q bestaat niet", where, c.Indicator)
				case ind.Groep != string(domain.GroepBegroting) || ind.Eenheid != string(domain.EenheidPercentage) && ind.Eenheid != "":
					t.Errorf("%s: indicator %q is geen percentage (of eenheid die de bron niet noemt) van groep begrotingscriterium", where, c.Indicator)
				}
			}
		}
	}
	for code, ind := range indicators {
		if ind.Groep == string(domain.GroepBegroting) && !referenced[code] {
			t.Errorf("indicator %s hoort bij geen enkel criterium", code)
		}
	}
	for _, iv := range ivs {
		if iv.Begrotingsdoel != "" && !doelen[iv.Begrotingsdoel] {
			t.Errorf("interventie %s: begrotingsdoel %q bestaat niet", iv.Naam, iv.Begrotingsdoel)
		}
	}
}

// expectedPerCluster is the number of interventions per cluster, counted in the
// documents: the Routekaart cards (4 HVA, 6 Regulier, 22 Sociale basis), the
// Preventie met Gezag plan (1.1.1 ... 3.1.2) and the Spoor 3 reforms that are
// no Routekaart card (Praktijkklas Ambelt, IHT with Karakter, Parentshouse).
var expectedPerCluster = map[string]int{
	"Interventies HVA":      4,
	"Interventies Regulier": 6,
	"Sociale basis jeugd":   22,
	"Preventie met Gezag":   8,
	"Spoor 3 Jeugd":         3,
}

func TestDocumentsExpectedCounts(t *testing.T) {
	docs := loadRegister(t)
	got := map[string]int{}
	var pmg []string
	for _, iv := range allInterventies(docs) {
		got[iv.Cluster]++
		if iv.Cluster == "Preventie met Gezag" {
			pmg = append(pmg, iv.Code)
		}
	}
	for cluster, n := range expectedPerCluster {
		if got[cluster] != n {
			t.Errorf("cluster %s: %d interventies, verwacht %d", cluster, got[cluster], n)
		}
	}
	for cluster := range got {
		if _, ok := expectedPerCluster[cluster]; !ok {
			t.Errorf("onverwacht cluster %q", cluster)
		}
	}
	sort.Strings(pmg)
	if want := []string{"1.1.1", "1.1.2", "2.1.1", "2.1.2", "2.1.3", "2.1.4", "3.1.1", "3.1.2"}; !slices.Equal(pmg, want) {
		t.Errorf("codes Preventie met Gezag = %v, verwacht %v", pmg, want)
	}
	for _, n := range []string{"Praktijkklas Ambelt", "Parentshouse", "Intensive Home Treatment (IHT)"} {
		if iv, ok := allInterventies(docs)[n]; !ok || iv.Cluster != "Spoor 3 Jeugd" {
			t.Errorf("interventie %q ontbreekt in cluster Spoor 3 Jeugd", n)
		}
	}
	if iv := allInterventies(docs)["Praktijkklas Ambelt"]; iv.Uitvoerder != "De Ambelt" {
		t.Errorf("Praktijkklas Ambelt: uitvoerder %q, verwacht De Ambelt", iv.Uitvoerder)
	}

	// Indicators per group, and the required dashboard series: no values, since
	// the Routekaart charts were images, but each with its headline message.
	groups := map[string]int{}
	codes := map[string]Indicator{}
	for _, doc := range docs {
		for _, ind := range doc.Indicatoren {
			groups[ind.Groep]++
			codes[ind.Code] = ind
		}
	}
	for g, n := range map[string]int{"dashboard jeugdhulp": 8, "beweging": 2, "Preventie met Gezag": 4, "begrotingscriterium": 6} {
		if groups[g] != n {
			t.Errorf("groep %s: %d indicatoren, verwacht %d", g, groups[g], n)
		}
	}
	dashboard := map[string]string{
		"jeugdhulp-jeugdigen":         "aantal",
		"jeugdhulp-uitgaven":          "euro",
		"jeugdhulp-huisarts":          "aantal",
		"jeugdhulp-verblijf":          "aantal",
		"jeugdhulp-verblijf-uitgaven": "euro",
		"jeugdhulp-ambulant-zwaar":    "aantal",
		"jeugdhulp-ambulant-midden":   "aantal",
		"jeugdhulp-ambulant-licht":    "aantal",
	}
	for code, eenheid := range dashboard {
		ind, ok := codes[code]
		switch {
		case !ok:
			t.Errorf("dashboardreeks %s ontbreekt", code)
		case ind.Groep != "dashboard jeugdhulp" || ind.Eenheid != eenheid:
			t.Errorf("%s: groep %q eenheid %q", code, ind.Groep, ind.Eenheid)
		case len(ind.Metingen) != 0:
			t.Errorf("%s: de grafiek was een afbeelding; er zijn geen waarden, maar er staan er %d", code, len(ind.Metingen))
		case ind.Kernboodschap == "":
			t.Errorf("%s: kernboodschap ontbreekt", code)
		}
	}
	for _, code := range []string{"beweging-nul-uithuisplaatsingen", "beweging-sneller-hulp-dichtbij"} {
		if ind, ok := codes[code]; !ok || ind.Groep != "beweging" || len(ind.Metingen) != 0 {
			t.Errorf("beweging %s ontbreekt of heeft waarden", code)
		} else if ind.Eenheid != "" {
			t.Errorf("beweging %s: eenheid %q, maar Spoor 3 noemt geen eenheid", code, ind.Eenheid)
		}
	}

	// Policy texts per document and kind.
	texts := map[string]map[string]int{}
	for file, doc := range docs {
		texts[file] = map[string]int{}
		for _, bt := range doc.Beleidsteksten {
			texts[file][bt.Soort]++
		}
	}
	wantTexts := map[string]map[string]int{
		"routekaart-2023.json":          {"visie": 1, "ambitie": 3, "leidend principe": 4, "monitoring": 1},
		"spoor3-jeugd.json":             {"hervorming": 5, "beweging": 2},
		"preventie-met-gezag-2024.json": {"spoor": 3, "beoogd resultaat": 3, "partner": 3, "risico": 6, "monitoring": 1},
	}
	for file, want := range wantTexts {
		for soort, n := range want {
			if texts[file][soort] != n {
				t.Errorf("%s: %d beleidsteksten %q, verwacht %d", file, texts[file][soort], soort, n)
			}
		}
	}
	var ambities []string
	for _, bt := range docs["routekaart-2023.json"].Beleidsteksten {
		if bt.Soort == "ambitie" {
			ambities = append(ambities, bt.Titel)
		}
	}
	if !slices.Equal(ambities, domain.Ambities) {
		t.Errorf("ambities %v, verwacht %v", ambities, domain.Ambities)
	}
}

// target is a quantified target as read in the documents.
type target struct {
	interventies []string
	periode      string
	soort        string
	waarde       float64
	tot          float64 // upper bound of a bandbreedte, else 0
	eenheid      string
}

// expectedTargets lists every quantified target of the five documents. The
// Deltion figure (gemiddeld 700 studenten) is a past average, the Centering
// Parenting and Home-Start numbers describe the method, and the 17 families of
// the Doorbraakmethode are a result: none of them is a target.
var expectedTargets = []target{
	{[]string{"Ambulant jongerenwerk"}, "2023", "minimaal", 3500, 0, "jongeren"},
	{[]string{"Ambulant jeugdwerk"}, "2023", "minimaal", 3000, 0, "kinderen"},
	{[]string{"Jongerencentra"}, "2023", "minimaal", 1500, 0, "jongeren"},
	{[]string{"Fakkelteit", "School's cool", "Make it!", "Vrouwen coachen meiden"}, "2023", "minimaal", 300, 0, "jeugdigen"},
	{[]string{"THINK op school"}, "2023", "precies", 1246, 0, "lessen"},
	{[]string{"Marietje Kessels Project"}, "2023", "precies", 43, 0, "groepen"},
	{[]string{"Team Zwerfjongeren"}, "jaarlijks", "bandbreedte", 90, 135, "meldingen"},
	{[]string{"Prenatale voorlichting"}, "2023", "precies", 42, 0, "bijeenkomsten"},
	{[]string{"Voorzorg"}, "2023", "precies", 21, 0, "trajecten"},
	{[]string{"Pilot kind naar gezonder gewicht"}, "2022 t/m 2023", "precies", 15, 0, "gezinnen"},
	{[]string{"Home-Start"}, "2023", "minimaal", 25, 0, "koppelingen"},
	{[]string{"Match"}, "2023", "precies", 35, 0, "jongeren"},
	// Preventie met Gezag, 3.2: 100% of the young people in the OOZA, three outcomes.
	{[]string{"De beste toekomst voor jongeren"}, "2024 t/m 2027", "precies", 100, 0, "procent"},
	{[]string{"De beste toekomst voor jongeren"}, "2024 t/m 2027", "precies", 100, 0, "procent"},
	{[]string{"De beste toekomst voor jongeren"}, "2024 t/m 2027", "precies", 100, 0, "procent"},
}

func targetOf(d Doelstelling) target {
	tg := target{interventies: slices.Clone(d.Interventies), periode: d.Periode, soort: d.Soort, waarde: d.Waarde, eenheid: d.Eenheid}
	if d.WaardeTot != nil {
		tg.tot = *d.WaardeTot
	}
	sort.Strings(tg.interventies)
	return tg
}

func (tg target) key() string {
	names := slices.Clone(tg.interventies)
	sort.Strings(names)
	return fmt.Sprintf("%s|%s|%s|%v|%v|%s", strings.Join(names, "+"), tg.periode, tg.soort, tg.waarde, tg.tot, tg.eenheid)
}

func TestDocumentsExpectedTargets(t *testing.T) {
	docs := loadRegister(t)
	got := map[string]int{}
	n := 0
	for _, doc := range docs {
		for _, d := range doc.Doelstellingen {
			got[targetOf(d).key()]++
			n++
		}
	}
	want := map[string]int{}
	for _, tg := range expectedTargets {
		want[tg.key()]++
	}
	for k, c := range want {
		if got[k] != c {
			t.Errorf("doelstelling %s: %d keer in het register, verwacht %d", k, got[k], c)
		}
	}
	for k := range got {
		if want[k] == 0 {
			t.Errorf("onverwachte doelstelling %s", k)
		}
	}
	if n != len(expectedTargets) {
		t.Errorf("%d doelstellingen, verwacht %d", n, len(expectedTargets))
	}
}

func TestDocumentsExpectedFigures(t *testing.T) {
	docs := loadRegister(t)

	// Reach reported in Spoor 3 Jeugd, the Routekaart and Begroting 2021.
	// A count over a period that had not ended when the document was
	// written is voorlopig.
	type reach struct {
		interventie, periode, soort string
		waarde, tot                 float64
		eenheid, status             string
	}
	wantReach := []reach{
		{"Praktijkklas Ambelt", "2023/2024", "ongeveer", 15, 0, "jeugdigen", "voorlopig"},
		{"Hervorming dyslexie", "2019 t/m 2023", "bandbreedte", 106, 161, "leerlingen", "definitief"},
		{"Hervorming dyslexie", "2019 t/m 2023", "bandbreedte", 94, 140, "leerlingen", "definitief"},
		{"Relatie- en scheidingsteam", "2022 t/m 2023", "ongeveer", 150, 0, "gezinnen", "definitief"},
		{"Proeftuin samenspel in de wijk", "2022 t/m 2024", "precies", 179, 0, "casussen", "voorlopig"},
		{"Proeftuin samenspel in de wijk", "2022 t/m 2024", "precies", 115, 0, "partners", "voorlopig"},
		{"Proeftuin samenspel in de wijk", "2022 t/m 2024", "meer dan", 60, 0, "professionals", "voorlopig"},
		{"Doorbraakmethode IPW", "2023", "precies", 17, 0, "gezinnen", "definitief"},
		{"Deltion Jongerenteam", "2022/2023", "ongeveer", 700, 0, "studenten", "definitief"},
		{"Jeugd- en gezinswerkers bij de huisarts", "2023", "precies", 80, 0, "procent van de huisartsen", "voorlopig"},
		{"Jeugd- en gezinswerkers bij de huisarts", "2019", "precies", 73, 0, "procent van de huisartsenpraktijken", "definitief"},
	}
	var gotReach []reach
	for _, doc := range docs {
		for _, b := range doc.Bereik {
			r := reach{b.Interventie, b.Periode, b.Soort, b.Waarde, 0, b.Eenheid, b.Status}
			if b.WaardeTot != nil {
				r.tot = *b.WaardeTot
			}
			gotReach = append(gotReach, r)
		}
	}
	for _, w := range wantReach {
		if !slices.Contains(gotReach, w) {
			t.Errorf("bereik %v ontbreekt", w)
		}
	}
	if len(gotReach) != len(wantReach) {
		t.Errorf("%d bereikcijfers, verwacht %d: %v", len(gotReach), len(wantReach), gotReach)
	}

	// The four police indicators of Preventie met Gezag, 2023, Zwolle against Nederland.
	police := map[string][2]float64{
		"pmg-misdrijven":         {520.20, 450.97},
		"pmg-high-impact-crimes": {53.99, 53.37},
		"pmg-drugshandel":        {6.65, 7.59},
		"pmg-jongeren-verdacht":  {162, 139},
	}
	for _, ind := range docs["preventie-met-gezag-2024.json"].Indicatoren {
		want, ok := police[ind.Code]
		if !ok {
			t.Errorf("onverwachte indicator %s", ind.Code)
			continue
		}
		delete(police, ind.Code)
		if ind.Eenheid != "per 10.000 inwoners" || ind.Groep != "Preventie met Gezag" || ind.Vergelijking != "Nederland" || len(ind.Metingen) != 1 {
			t.Errorf("%s: eenheid, groep, vergelijking of aantal metingen onjuist", ind.Code)
			continue
		}
		m := ind.Metingen[0]
		if m.Periode != "2023" || m.Waarde != want[0] || m.Vergelijkingswaarde == nil || *m.Vergelijkingswaarde != want[1] || m.Status != "definitief" {
			t.Errorf("%s: meting %+v, verwacht 2023 %v (Nederland %v)", ind.Code, m, want[0], want[1])
		}
	}
	for code := range police {
		t.Errorf("politie-indicator %s ontbreekt", code)
	}

	// Savings: three lines adding up to 550.000 and the reported total of 580.000, both as written.
	b := docs["spoor3-jeugd.json"].Besparingen
	if b == nil {
		t.Fatal("besparingen ontbreken")
	}
	if b.GerapporteerdTotaal != 580000 {
		t.Errorf("gerapporteerd totaal %v, verwacht 580000 zoals gerapporteerd", b.GerapporteerdTotaal)
	}
	var sum float64
	var perioden []string
	for _, r := range b.Regels {
		sum += r.Bedrag
		perioden = append(perioden, r.Periode)
	}
	if sum != 550000 || !slices.Equal(perioden, []string{"2020", "2022", "2023"}) {
		t.Errorf("besparingen %v met som %v, verwacht 2020, 2022, 2023 met som 550000", perioden, sum)
	}

	// Budget goals: criteria, lines and activities.
	goals := map[string]Begrotingsdoel{}
	for _, doc := range docs {
		for _, bd := range doc.Begrotingsdoelen {
			goals[bd.Code] = bd
		}
	}
	for code, jaar := range map[string]int{"2.3.1": 2021, "2.3.2": 2021, "1.3.1": 2023, "PmG": 2024} {
		if goals[code].Begrotingsjaar != jaar {
			t.Errorf("begrotingsdoel %s: begrotingsjaar %d, verwacht %d", code, goals[code].Begrotingsjaar, jaar)
		}
	}
	if len(goals) != 4 {
		t.Errorf("%d begrotingsdoelen, verwacht 4", len(goals))
	}
	regel := func(code, soort string, jaar int) (float64, int) {
		var total float64
		n := 0
		for _, r := range goals[code].Regels {
			if r.Soort == soort && r.Jaar == jaar {
				total += r.Bedrag
				n++
			}
		}
		return total, n
	}
	for _, w := range []struct {
		code, soort string
		jaar        int
		bedrag      float64
	}{
		{"2.3.1", "lasten", 2021, 2763946}, {"2.3.1", "baten", 2021, 0}, {"2.3.1", "saldo", 2021, 2763946},
		{"2.3.1", "toevoeging reserves", 2021, 0}, {"2.3.1", "onttrekking reserves", 2021, 0},
		{"2.3.1", "geraamd resultaat", 2021, 2763946},
		{"2.3.2", "lasten", 2021, 34635000}, {"2.3.2", "baten", 2021, 0}, {"2.3.2", "saldo", 2021, 34635000},
		{"2.3.2", "toevoeging reserves", 2021, 0}, {"2.3.2", "onttrekking reserves", 2021, 0},
		{"2.3.2", "geraamd resultaat", 2021, 34635000},
		{"1.3.1", "afwijking", 2023, 70000}, {"1.3.1", "incidentele toevoeging", 2023, 600000},
		{"1.3.1", "verwachte besparing", 2023, 290000},
		{"PmG", "maximaal budget", 2024, 500000}, {"PmG", "maximaal budget", 2025, 500000},
		{"PmG", "maximaal budget", 2026, 500000},
	} {
		if got, n := regel(w.code, w.soort, w.jaar); n != 1 || got != w.bedrag {
			t.Errorf("%s %s %d: %d regels met %v, verwacht één met %v", w.code, w.soort, w.jaar, n, got, w.bedrag)
		}
	}
	for code, n := range map[string]int{"2.3.1": 6, "2.3.2": 6, "1.3.1": 3, "PmG": 3} {
		if len(goals[code].Regels) != n {
			t.Errorf("%s: %d regels, verwacht %d", code, len(goals[code].Regels), n)
		}
	}
	if len(goals["2.3.1"].Activiteiten) != 6 || len(goals["2.3.2"].Activiteiten) != 11 {
		t.Errorf("activiteiten: 2.3.1 heeft %d (verwacht 6), 2.3.2 heeft %d (verwacht 11)",
			len(goals["2.3.1"].Activiteiten), len(goals["2.3.2"].Activiteiten))
	}

	type crit struct {
		streef    float64 // -1: none
		soort     string
		ref, doel int // 0: none
		indicator string
	}
	critOf := func(c Criterium) crit {
		out := crit{streef: -1, soort: c.Soort, indicator: c.Indicator}
		if c.Streefwaarde != nil {
			out.streef = *c.Streefwaarde
		}
		if c.Referentiejaar != nil {
			out.ref = *c.Referentiejaar
		}
		if c.Doeljaar != nil {
			out.doel = *c.Doeljaar
		}
		return out
	}
	wantCrit := map[string][]crit{
		"2.3.1": {
			{85, "minimaal", 0, 0, "bc-ouders-weten-waar-hulp"},
			{90, "precies", 0, 0, "bc-samenwerking-huisartsen"},
			{100, "precies", 0, 0, "bc-samenwerking-scholen"},
		},
		"2.3.2": {{-1, "", 0, 0, ""}, {-1, "", 0, 0, ""}, {-1, "", 0, 0, ""}, {-1, "", 0, 0, ""}, {-1, "", 0, 0, ""}},
		"1.3.1": {
			{-1, "minimaal", 2021, 2025, "bc-kinderen-weerbaar"},
			{-1, "", 2020, 2024, "bc-opvoedklimaat"},
			{-1, "minimaal", 2021, 2025, "bc-jongeren-weerbaar"},
		},
	}
	for code, want := range wantCrit {
		var got []crit
		for _, c := range goals[code].Criteria {
			got = append(got, critOf(c))
		}
		if !slices.Equal(got, want) {
			t.Errorf("criteria %s = %+v, verwacht %+v", code, got, want)
		}
	}

	// The "minimaal 300 jeugdigen" target is one shared target, not four copies.
	shared := 0
	for _, d := range docs["routekaart-2023.json"].Doelstellingen {
		if d.Waarde == 300 {
			shared++
		}
	}
	if shared != 1 {
		t.Errorf("de doelstelling van 300 jeugdigen staat er %d keer in, verwacht 1", shared)
	}
}

// ---- Checks against the source documents ----

var (
	numberToken   = regexp.MustCompile(`\d+(?:[.,]\d+)*`)
	thousandsForm = regexp.MustCompile(`^\d{1,3}(?:\.\d{3})+(?:,\d+)?$`)
	commaForm     = regexp.MustCompile(`^\d+(?:,\d+)?$`)
	pointForm     = regexp.MustCompile(`^\d+\.\d+$`)
)

// normalize makes a document text and a register text comparable: it drops
// what the extraction added (link-icon labels, <sup> tags, ** markup, bullet
// glyphs, footnote markers read as "?"), undoes the OCR "lJssel" and treats
// every run of white space, also after a hyphen at a line break, as one.
func normalize(s string) string {
	s = strings.NewReplacer(
		"externe-link-icoon", "", "<sup>", "", "</sup>", "", "**", "",
		"\uf0b7", " ", "•", " ", "?", "", "lJssel", "IJssel",
	).Replace(s)
	s = strings.Join(strings.Fields(s), " ") // also non-breaking spaces
	s = strings.ReplaceAll(s, "- ", "-")
	return strings.TrimSpace(s)
}

// numbersIn returns every number written in a text, read the Dutch way
// ("3.500" is 3500, "520,20" is 520.2); "3.0" also counts as 3.0.
func numbersIn(text string) map[float64]bool {
	out := map[float64]bool{}
	for _, tok := range numberToken.FindAllString(text, -1) {
		var s string
		switch {
		case thousandsForm.MatchString(tok):
			s = strings.ReplaceAll(strings.ReplaceAll(tok, ".", ""), ",", ".")
		case commaForm.MatchString(tok):
			s = strings.ReplaceAll(tok, ",", ".")
		case pointForm.MatchString(tok):
			s = tok
		default:
			continue
		}
		if v, err := strconv.ParseFloat(s, 64); err == nil {
			out[v] = true
		}
	}
	return out
}

// readSeeds returns the text of every source document by register file, or
// skips the test when the seed texts are not on this machine.
func readSeeds(t *testing.T) map[string]string {
	t.Helper()
	if _, err := os.Stat(seedsDir); err != nil {
		t.Skipf("brondocumenten niet gevonden in %s: de controle tegen de documentteksten wordt overgeslagen", seedsDir)
	}
	out := map[string]string{}
	for file, seed := range registerFiles {
		raw, err := os.ReadFile(filepath.Join(seedsDir, seed))
		if err != nil {
			t.Fatalf("brondocument %s: %v", seed, err)
		}
		out[file] = string(raw)
	}
	return out
}

var clusterHeadings = []string{"Interventies HVA", "Interventies Regulier", "Sociale basis jeugd"}

// routekaartCards reads the intervention cards from the Routekaart text: a
// "## <cluster>" heading followed by a "## <card>" heading.
func routekaartCards(text string) map[string][]string {
	cards := map[string][]string{}
	cluster := ""
	for _, line := range strings.Split(text, "\n") {
		if !strings.HasPrefix(line, "## ") {
			continue
		}
		title := strings.TrimSpace(strings.TrimPrefix(line, "## "))
		switch {
		case slices.Contains(clusterHeadings, title):
			cluster = title
		case cluster != "":
			cards[cluster] = append(cards[cluster], title)
			cluster = ""
		}
	}
	return cards
}

var runnerSuffix = regexp.MustCompile(`\s*\([^()]*\)$`)

func TestDocumentsRoutekaartCards(t *testing.T) {
	seeds := readSeeds(t)
	docs := loadRegister(t)
	cards := routekaartCards(seeds["routekaart-2023.json"])
	byCluster := map[string][]string{}
	sectie := map[string]string{}
	for _, iv := range docs["routekaart-2023.json"].Interventies {
		byCluster[iv.Cluster] = append(byCluster[iv.Cluster], iv.Naam)
		sectie[iv.Naam] = iv.Sectie
	}
	total := 0
	for _, cluster := range clusterHeadings {
		total += len(cards[cluster])
		if len(cards[cluster]) != expectedPerCluster[cluster] {
			t.Errorf("de Routekaart heeft %d kaarten onder %s, de verwachting in deze test is %d",
				len(cards[cluster]), cluster, expectedPerCluster[cluster])
		}
		var names []string
		for _, card := range cards[cluster] {
			name := runnerSuffix.ReplaceAllString(card, "")
			names = append(names, name)
			if s := sectie[name]; s != cluster+" > "+card {
				t.Errorf("kaart %q: sectie %q, verwacht %q", card, s, cluster+" > "+card)
			}
		}
		got := slices.Clone(byCluster[cluster])
		sort.Strings(names)
		sort.Strings(got)
		if !slices.Equal(names, got) {
			t.Errorf("%s: kaarten in de Routekaart %v, in het register %v", cluster, names, got)
		}
	}
	if total != 32 {
		t.Errorf("%d kaarten in de Routekaart, verwacht 32", total)
	}
}

// figure is a number in the register with where it came from.
type figure struct {
	where string
	value float64
}

// figuresOf lists every number of a register file that must be in its document.
func figuresOf(doc Document) []figure {
	var out []figure
	add := func(where string, v float64) { out = append(out, figure{where, v}) }
	addp := func(where string, v *float64) {
		if v != nil {
			add(where, *v)
		}
	}
	addi := func(where string, v *int) {
		if v != nil {
			add(where, float64(*v))
		}
	}
	for _, iv := range doc.Interventies {
		addi(iv.Naam+" leeftijd_van", iv.LeeftijdVan)
		addi(iv.Naam+" leeftijd_tot", iv.LeeftijdTot)
	}
	for _, d := range doc.Doelstellingen {
		add("doelstelling "+d.Omschrijving, d.Waarde)
		addp("doelstelling "+d.Omschrijving+" (tot)", d.WaardeTot)
	}
	for _, b := range doc.Bereik {
		add("bereik "+b.Interventie, b.Waarde)
		addp("bereik "+b.Interventie+" (tot)", b.WaardeTot)
	}
	for _, ind := range doc.Indicatoren {
		for _, m := range ind.Metingen {
			add("meting "+ind.Code, m.Waarde)
			addp("meting "+ind.Code+" (vergelijking)", m.Vergelijkingswaarde)
		}
	}
	for _, bd := range doc.Begrotingsdoelen {
		for _, c := range bd.Criteria {
			addp("criterium "+c.Omschrijving, c.Streefwaarde)
			addi("referentiejaar "+c.Omschrijving, c.Referentiejaar)
			addi("doeljaar "+c.Omschrijving, c.Doeljaar)
		}
		for _, r := range bd.Regels {
			add("regel "+bd.Code+" "+r.Soort, r.Bedrag)
		}
	}
	if b := doc.Besparingen; b != nil {
		for _, r := range b.Regels {
			add("besparing "+r.Periode, r.Bedrag)
		}
		add("gerapporteerd totaal", b.GerapporteerdTotaal)
	}
	return out
}

// sectiesOf lists every section path of a register file.
func sectiesOf(doc Document) []string {
	var out []string
	for _, iv := range doc.Interventies {
		out = append(out, iv.Sectie)
	}
	for _, d := range doc.Doelstellingen {
		out = append(out, d.Sectie)
	}
	for _, b := range doc.Bereik {
		out = append(out, b.Sectie)
	}
	for _, ind := range doc.Indicatoren {
		out = append(out, ind.Sectie)
		for _, m := range ind.Metingen {
			out = append(out, m.Sectie)
		}
	}
	for _, bd := range doc.Begrotingsdoelen {
		out = append(out, bd.Sectie)
		for _, r := range bd.Regels {
			out = append(out, r.Sectie)
		}
	}
	if b := doc.Besparingen; b != nil {
		out = append(out, b.TotaalSectie)
		for _, r := range b.Regels {
			out = append(out, r.Sectie)
		}
	}
	for _, bt := range doc.Beleidsteksten {
		out = append(out, bt.Sectie)
	}
	return out
}

// quotedTexts lists the texts of a register file that are taken over from the
// document word for word; each line of them must be found there.
func quotedTexts(doc Document) map[string]string {
	out := map[string]string{}
	for _, iv := range doc.Interventies {
		out[iv.Naam+" doel"] = iv.Doel
		out[iv.Naam+" doelgroep"] = iv.Doelgroep
		out[iv.Naam+" werkwijze"] = iv.Werkwijze
		out[iv.Naam+" status"] = iv.Status
		out[iv.Naam+" resultaten"] = iv.Resultaten
		out[iv.Naam+" start"] = iv.Start.Tekst
		out[iv.Naam+" einde"] = iv.Einde.Tekst
	}
	for _, ind := range doc.Indicatoren {
		out[ind.Code+" kernboodschap"] = ind.Kernboodschap
	}
	for _, bd := range doc.Begrotingsdoelen {
		out[bd.Code+" naam"] = bd.Naam
		out[bd.Code+" beschrijving"] = bd.Beschrijving
		for i, c := range bd.Criteria {
			out[fmt.Sprintf("%s criterium %d", bd.Code, i+1)] = c.Omschrijving
		}
		for i, a := range bd.Activiteiten {
			out[fmt.Sprintf("%s activiteit %d", bd.Code, i+1)] = a
		}
	}
	if b := doc.Besparingen; b != nil {
		for _, r := range b.Regels {
			out["besparing "+r.Periode] = r.Rapportage + "\n" + r.Omschrijving
		}
	}
	for _, bt := range doc.Beleidsteksten {
		out[bt.Soort+" "+bt.Titel] = bt.Tekst
	}
	return out
}

func TestDocumentsAgainstSourceTexts(t *testing.T) {
	seeds := readSeeds(t)
	docs := loadRegister(t)
	for _, file := range sortedNames(docs) {
		doc := docs[file]
		text, ok := seeds[file]
		if !ok {
			t.Errorf("%s: geen brondocument bekend", file)
			continue
		}
		plain := normalize(text)
		lower := strings.ToLower(plain)
		numbers := numbersIn(text)

		for _, f := range figuresOf(doc) {
			if !numbers[f.value] {
				t.Errorf("%s: %s: het getal %v staat niet in %s", file, f.where, f.value, doc.Bestand)
			}
		}
		for _, s := range sectiesOf(doc) {
			parts := strings.Split(s, " > ")
			last := normalize(parts[len(parts)-1])
			if last == "" || !strings.Contains(plain, last) {
				t.Errorf("%s: sectie %q: kop %q staat niet in %s", file, s, last, doc.Bestand)
			}
		}
		for where, body := range quotedTexts(doc) {
			for _, line := range strings.Split(body, "\n") {
				line = normalize(strings.TrimPrefix(strings.TrimSpace(line), "- "))
				if line != "" && !strings.Contains(plain, line) {
					t.Errorf("%s: %s: tekst staat niet letterlijk in %s: %q", file, where, doc.Bestand, line)
				}
			}
		}
		for _, iv := range doc.Interventies {
			if !strings.Contains(plain, normalize(iv.Naam)) {
				t.Errorf("%s: naam %q staat niet in %s", file, iv.Naam, doc.Bestand)
			}
			if iv.Uitvoerder == "" {
				continue
			}
			for _, u := range strings.Split(iv.Uitvoerder, ", ") {
				if !strings.Contains(lower, strings.ToLower(normalize(u))) {
					t.Errorf("%s: %s: uitvoerder %q staat niet in %s", file, iv.Naam, u, doc.Bestand)
				}
			}
		}
	}

	// An intervention is linked to a budget goal only where the document of
	// that goal names the intervention, or the link is marked as derived
	// (the goal names it in other words; TestDatabaseMarksDerivedValues
	// checks that the reasoning quotes them).
	goalDoc := map[string]string{}
	for file, doc := range docs {
		for _, bd := range doc.Begrotingsdoelen {
			goalDoc[bd.Code] = file
		}
	}
	for _, iv := range allInterventies(docs) {
		if _, derived := iv.Afgeleid.Van("begrotingsdoel_id"); iv.Begrotingsdoel == "" || derived {
			continue
		}
		file := goalDoc[iv.Begrotingsdoel]
		if !strings.Contains(strings.ToLower(normalize(seeds[file])), strings.ToLower(iv.Naam)) {
			t.Errorf("%s: gekoppeld aan %s, maar %s noemt de interventie niet", iv.Naam, iv.Begrotingsdoel, registerFiles[file])
		}
	}
}

// TestDocumentsCheckerFindsErrors makes sure the checks against the texts can
// fail: a changed number, a made-up heading and an edited sentence are caught.
func TestDocumentsCheckerFindsErrors(t *testing.T) {
	text := "Met het ambulant jongerenwerk worden in 2023 minimaal 3.500 jongeren (12-23 jaar) bereikt. Zwolle (2023): 520,20\n## Doel (inhoudelijk)"
	nums := numbersIn(text)
	for _, v := range []float64{3500, 2023, 12, 23, 520.2} {
		if !nums[v] {
			t.Errorf("getal %v niet gevonden", v)
		}
	}
	for _, v := range []float64{3501, 3.5, 520.21, 350} {
		if nums[v] {
			t.Errorf("getal %v ten onrechte gevonden", v)
		}
	}
	plain := normalize(text)
	if !strings.Contains(plain, normalize("Doel (inhoudelijk)")) || strings.Contains(plain, normalize("Doel (kwantitatief)")) {
		t.Error("kopcontrole werkt niet")
	}
	if strings.Contains(plain, normalize("worden in 2023 minimaal 3.600 jongeren")) {
		t.Error("tekstcontrole werkt niet")
	}
	cards := routekaartCards("## Interventies HVA\n\n## Kaart A (X)\n### Doel\n## Interventies HVA\n## Kaart B\n## Grafieken\n")
	if !slices.Equal(cards["Interventies HVA"], []string{"Kaart A (X)", "Kaart B"}) {
		t.Errorf("kaarten = %v", cards)
	}
}
