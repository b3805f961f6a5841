package register

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/store"
)

// quotation finds the words a reasoning quotes from a document: “…”.
var quotation = regexp.MustCompile(`“([^”]+)”`)

// monthNames are the Dutch month names, January first.
var monthNames = []string{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
	"september", "oktober", "november", "december"}

// checkReasoning checks one "afgeleid" note: it says why, and every passage
// it quotes is written in one of the source documents.
func checkReasoning(t *testing.T, where, veld, reden string, corpus []string) {
	t.Helper()
	if strings.TrimSpace(reden) == "" {
		t.Errorf("%s: afgeleid %s zonder toelichting", where, veld)
		return
	}
	for _, m := range quotation.FindAllStringSubmatch(reden, -1) {
		q := strings.TrimSuffix(normalize(m[1]), ".")
		found := false
		for _, text := range corpus {
			found = found || strings.Contains(text, q)
		}
		if !found {
			t.Errorf("%s: de toelichting bij %s citeert %q, maar dat staat in geen enkel brondocument", where, veld, m[1])
		}
	}
}

// TestDatabaseMarksDerivedValues builds a database from the register and
// checks that every value the register derived rather than quoted carries
// an "afgeleid" mark with its reasoning, and that every quotation in a
// reasoning is in the documents: an organisation a card does not name, a
// year or month its start or end text does not give, a status category its
// texts do not use, a link to a budget goal whose document does not name the
// intervention, a period of reach its note does not give; and the cases the
// review of issue 12 named (the plan period on every Preventie met Gezag
// intervention, "looptijd 2 jaar", the yearly band of Team Zwerfjongeren).
// It also checks the figures the review found missing, the indicators of
// goal 1.3.1's criteria and the section of Praktijkklas Ambelt's status.
func TestDatabaseMarksDerivedValues(t *testing.T) {
	seeds := readSeeds(t)
	docs := loadRegister(t)
	s := builtDatabase(t)
	var corpus []string
	for _, text := range seeds {
		corpus = append(corpus, normalize(text))
	}
	interventies, err := s.Interventies(true)
	if err != nil {
		t.Fatal(err)
	}
	goals, err := s.Begrotingsdoelen()
	if err != nil {
		t.Fatal(err)
	}
	goalByID := map[uint]domain.Begrotingsdoel{}
	for _, g := range goals {
		goalByID[g.ID] = g
	}
	byName := map[string]domain.Interventie{}
	for _, in := range interventies {
		byName[in.Naam] = in
		where := "interventie " + in.Naam
		for _, veld := range in.Afgeleid.Velden() {
			checkReasoning(t, where, veld, in.Afgeleid[veld], corpus)
		}
		own := strings.ToLower(normalize(strings.Join([]string{in.Naam, in.Doel, in.Doelgroep, in.Werkwijze,
			in.StatusTekst, in.Resultaten, in.Start.Tekst, in.Einde.Tekst, lastSection(in.Bron.Sectie)}, "\n")))
		_, marked := in.Afgeleid.Van("uitvoerder")
		if in.Uitvoerder != "" && !marked {
			for _, u := range strings.Split(in.Uitvoerder, ", ") {
				if !strings.Contains(own, strings.ToLower(u)) {
					t.Errorf("%s: uitvoerder %q staat niet in de eigen tekst en is niet als afgeleid gemarkeerd", where, u)
				}
			}
		}
		for veld, m := range map[string]domain.Moment{"start": in.Start, "einde": in.Einde} {
			if _, ok := in.Afgeleid.Van(veld); ok {
				continue
			}
			tekst := strings.ToLower(m.Tekst)
			if m.Jaar != nil && !strings.Contains(tekst, strconv.Itoa(*m.Jaar)) {
				t.Errorf("%s: %s %d staat niet in %q en is niet als afgeleid gemarkeerd", where, veld, *m.Jaar, m.Tekst)
			}
			if m.Maand != nil && !strings.Contains(tekst, monthNames[*m.Maand-1]) {
				t.Errorf("%s: %s maand %d staat niet in %q en is niet als afgeleid gemarkeerd", where, veld, *m.Maand, m.Tekst)
			}
			if m.Structureel && !strings.Contains(tekst, "structureel") {
				t.Errorf("%s: %s structureel staat niet in %q en is niet als afgeleid gemarkeerd", where, veld, m.Tekst)
			}
		}
		if _, ok := in.Afgeleid.Van("status_categorie"); !ok && !strings.Contains(own, string(in.StatusCategorie)) {
			t.Errorf("%s: statuscategorie %q staat niet in de eigen tekst en is niet als afgeleid gemarkeerd", where, in.StatusCategorie)
		}
		if in.BegrotingsdoelID != nil {
			g := goalByID[*in.BegrotingsdoelID]
			text, _ := sourceText(t, docs, seeds, g.Bron.Document)
			if _, ok := in.Afgeleid.Van("begrotingsdoel_id"); !ok && !strings.Contains(strings.ToLower(normalize(text)), strings.ToLower(in.Naam)) {
				t.Errorf("%s: gekoppeld aan %s, dat de interventie niet bij naam noemt, zonder afgeleid-markering", where, g.Code)
			}
		}
		for _, veld := range in.Veldbronnen.Velden() {
			text, _ := sourceText(t, docs, seeds, in.Bron.Document)
			if !strings.Contains(normalize(text), normalize(lastSection(in.Veldbronnen[veld]))) {
				t.Errorf("%s: de bron van %s, sectie %q, staat niet in het document", where, veld, in.Veldbronnen[veld])
			}
		}
	}

	// The cases the review named.
	wantMarks := map[string][]string{
		"Proeftuin samenspel in de wijk":          {"uitvoerder", "einde", "begrotingsdoel_id"},
		"Voorkomen jonge aanwas criminaliteit":    {"uitvoerder", "einde"},
		"Doorbraakmethode IPW":                    {"uitvoerder", "status_categorie"},
		"Relatie- en scheidingsteam":              {"uitvoerder", "status_categorie", "begrotingsdoel_id"},
		"Jeugd- en gezinswerkers bij de huisarts": {"begrotingsdoel_id"},
		"Jeugd- en gezinswerkers op scholen":      {"begrotingsdoel_id"},
		"Hervorming dyslexie":                     {"begrotingsdoel_id"},
		"Uitvoeringsagenda jeugd en veiligheid":   {"begrotingsdoel_id"},
	}
	for _, in := range interventies {
		if in.Cluster == domain.ClusterPreventieGezag {
			wantMarks[in.Naam] = []string{"start", "einde", "status_categorie"}
		}
		if in.Uitvoerder == "Gemeente Zwolle" {
			wantMarks[in.Naam] = append(wantMarks[in.Naam], "uitvoerder")
		}
	}
	for naam, velden := range wantMarks {
		in, ok := byName[naam]
		if !ok {
			t.Errorf("interventie %s ontbreekt", naam)
			continue
		}
		for _, veld := range velden {
			if _, ok := in.Afgeleid.Van(veld); !ok {
				t.Errorf("%s: %s is afgeleid, maar niet zo gemarkeerd", naam, veld)
			}
		}
	}
	if len(wantMarks) < 16 {
		t.Errorf("%d interventies met verwachte markeringen; de lijst is te kort om iets te zeggen", len(wantMarks))
	}

	// Goals 2.3.1, 2.3.2 and 1.3.1 are linked to the interventions they name.
	linked := map[string]string{
		"Jeugd- en gezinswerkers bij de huisarts": "2.3.1", "Jeugd- en gezinswerkers op scholen": "2.3.1",
		"Ontwikkelagenda passend onderwijs en jeugdhulp": "2.3.1", "Relatie- en scheidingsteam": "2.3.1",
		"Hervorming dyslexie": "2.3.2", "Proeftuin samenspel in de wijk": "1.3.1",
		"Uitvoeringsagenda jeugd en veiligheid": "1.3.1", "Samen voor een stevige basis": "1.3.1", "Nu Niet Zwanger": "1.3.1",
	}
	for naam, code := range linked {
		in := byName[naam]
		if in.BegrotingsdoelID == nil || goalByID[*in.BegrotingsdoelID].Code != code {
			t.Errorf("%s: niet gekoppeld aan begrotingsdoel %s", naam, code)
		}
	}

	// Praktijkklas Ambelt: the status and the end are quoted from Borging.
	ambelt := byName["Praktijkklas Ambelt"]
	if ambelt.Veldbronnen["status_tekst"] != "Borging" || ambelt.Veldbronnen["einde"] != "Borging" {
		t.Errorf("Praktijkklas Ambelt: veldbronnen %v, verwacht status en einde uit Borging", ambelt.Veldbronnen)
	}
	spoor3 := normalize(seeds["spoor3-jeugd.json"])
	if i := strings.Index(spoor3, "Borging"); i < 0 || !strings.Contains(spoor3[i:], normalize(ambelt.StatusTekst)) {
		t.Errorf("Praktijkklas Ambelt: de status %q staat niet onder Borging", ambelt.StatusTekst)
	}

	// Targets: a period its words do not give, and the yearly band of Team
	// Zwerfjongeren, are marked.
	targets, err := s.AlleDoelstellingen()
	if err != nil {
		t.Fatal(err)
	}
	zwerf := false
	for _, d := range targets {
		where := "doelstelling " + d.Omschrijving
		for _, veld := range d.Afgeleid.Velden() {
			checkReasoning(t, where, veld, d.Afgeleid[veld], corpus)
		}
		_, marked := d.Afgeleid.Van("periode")
		if !marked && !yearsIn(d.Periode, d.Omschrijving) {
			t.Errorf("%s: periode %s staat niet in de omschrijving en is niet als afgeleid gemarkeerd", where, d.Periode)
		}
		if d.Periode == "jaarlijks" {
			zwerf = zwerf || d.Waarde == 90
			if !marked {
				t.Errorf("%s: een jaarlijkse doelstelling gelezen uit “Open einde. Jaarlijks …” is niet als afgeleid gemarkeerd", where)
			}
		}
	}
	if !zwerf {
		t.Error("de jaarlijkse bandbreedte 90-135 meldingen van Team Zwerfjongeren ontbreekt")
	}

	// Reach: a period its note does not give is marked.
	for _, in := range interventies {
		figures, err := s.BereikVan(in.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, b := range figures {
			where := "bereik " + in.Naam + " " + b.Periode
			for _, veld := range b.Afgeleid.Velden() {
				checkReasoning(t, where, veld, b.Afgeleid[veld], corpus)
			}
			if _, ok := b.Afgeleid.Van("periode"); !ok && !yearsIn(b.Periode, b.Notitie) {
				t.Errorf("%s: de periode staat niet in de notitie %q en is niet als afgeleid gemarkeerd", where, b.Notitie)
			}
		}
	}

	// Budget lines: the amounts the review found missing, and the derived
	// years (the Preventie met Gezag project years, "op termijn").
	lines := map[string]domain.Begrotingsregel{}
	for _, g := range goals {
		rs, err := s.Begrotingsregels(g.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rs {
			for _, veld := range r.Afgeleid.Velden() {
				checkReasoning(t, "begrotingsregel "+g.Code, veld, r.Afgeleid[veld], corpus)
			}
			lines[g.Code+"|"+string(r.Soort)+"|"+strconv.Itoa(r.Jaar)] = r
			if r.Soort == domain.RegelMaximaalBudget {
				if _, ok := r.Afgeleid.Van("jaar"); !ok {
					t.Errorf("PmG %d: het projectjaar als kalenderjaar is niet als afgeleid gemarkeerd", r.Jaar)
				}
			}
		}
	}
	for key, euro := range map[string]float64{"1.3.1|incidentele toevoeging|2023": 600000, "1.3.1|verwachte besparing|2023": 290000} {
		r, ok := lines[key]
		if !ok || domain.Euros(r.BedragCent) != euro {
			t.Errorf("begrotingsregel %s: %v, verwacht € %v", key, domain.Euros(r.BedragCent), euro)
		}
	}
	if _, ok := lines["1.3.1|verwachte besparing|2023"].Afgeleid.Van("jaar"); !ok {
		t.Error("de besparing “op termijn” staat op 2023 zonder afgeleid-markering")
	}

	// Goal 1.3.1: each of the three criteria has an indicator; the two
	// whose unit the document does not give have none.
	for _, g := range goals {
		if g.Code != "1.3.1" {
			continue
		}
		crit, err := s.Criteria(g.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(crit) != 3 {
			t.Fatalf("1.3.1: %d criteria, verwacht 3", len(crit))
		}
		for _, c := range crit {
			if c.IndicatorID == nil {
				t.Errorf("1.3.1: criterium %q heeft geen indicator", c.Omschrijving)
			}
		}
	}
	units := map[string]domain.Eenheid{}
	all, err := s.Indicatoren("")
	if err != nil {
		t.Fatal(err)
	}
	for _, ind := range all {
		units[ind.Code] = ind.Eenheid
	}
	for code, want := range map[string]domain.Eenheid{"bc-kinderen-weerbaar": "", "bc-opvoedklimaat": "",
		"bc-jongeren-weerbaar": domain.EenheidPercentage, "beweging-nul-uithuisplaatsingen": "", "beweging-sneller-hulp-dichtbij": ""} {
		if got, ok := units[code]; !ok || got != want {
			t.Errorf("indicator %s: eenheid %q (aanwezig: %v), verwacht %q", code, got, ok, want)
		}
	}
}

// TestUserEditClearsMark changes derived values as a user would and checks
// that the mark goes with the value and stays on the fields left alone.
func TestUserEditClearsMark(t *testing.T) {
	s := builtDatabase(t)
	in, err := s.InterventieByNaam("Proeftuin samenspel in de wijk")
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := in.Afgeleid.Van("uitvoerder"); !ok {
		t.Fatal("de uitvoerder van de proeftuin is niet als afgeleid gemarkeerd")
	}
	edited := in
	edited.Afgeleid = nil // a form that does not know the marks
	edited.Uitvoerder = "Sociaal Wijkteam Zwolle"
	if err := s.UpdateInterventie(&edited); err != nil {
		t.Fatal(err)
	}
	got, err := s.Interventie(in.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := got.Afgeleid.Van("uitvoerder"); ok {
		t.Error("de uitvoerder is door een gebruiker ingevuld, maar staat nog als afgeleid")
	}
	if _, ok := got.Afgeleid.Van("einde"); !ok {
		t.Error("het einde is niet veranderd, maar zijn markering is weg")
	}

	// A target revised by a user is no longer the register's reading.
	targets, err := s.Doelstellingen(mustID(t, s, "Team Zwerfjongeren"))
	if err != nil || len(targets) != 1 {
		t.Fatalf("doelstellingen Team Zwerfjongeren: %v %v", targets, err)
	}
	tot := 140.0
	if err := s.ReviseDoelstelling(targets[0].ID, 95, &tot, "nieuwe afspraken"); err != nil {
		t.Fatal(err)
	}
	after, err := s.Doelstellingen(mustID(t, s, "Team Zwerfjongeren"))
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := after[0].Afgeleid.Van("periode"); !ok {
		t.Error("de periode is niet veranderd, maar haar markering is weg")
	}

	// Reach entered again for the same measure and period replaces the
	// derived figure and its mark on the changed value.
	id := mustID(t, s, "Doorbraakmethode IPW")
	b := domain.Bereik{InterventieID: &id, MaatNaam: "gezinnen geholpen in de pilotfase", Periode: "2023", Waarde: 18,
		Eenheid: "gezinnen", Status: domain.StatusDefinitief}
	if err := s.RecordBereik(&b); err != nil {
		t.Fatal(err)
	}
	figures, err := s.BereikVan(id)
	if err != nil || len(figures) != 1 {
		t.Fatalf("bereik Doorbraakmethode: %v %v", figures, err)
	}
	if _, ok := figures[0].Afgeleid.Van("periode"); !ok {
		t.Error("de periode is niet veranderd, maar haar markering is weg")
	}
}

func mustID(t *testing.T, s *store.Store, naam string) uint {
	t.Helper()
	in, err := s.InterventieByNaam(naam)
	if err != nil {
		t.Fatal(err)
	}
	return in.ID
}

// lastSection is the last heading of a section path ("A > B" gives "B").
func lastSection(sectie string) string {
	parts := strings.Split(sectie, " > ")
	return parts[len(parts)-1]
}

// yearsIn reports whether every year a period names is written in text.
func yearsIn(periode, text string) bool {
	years := regexp.MustCompile(`\d{4}`).FindAllString(periode, -1)
	for _, y := range years {
		if !strings.Contains(text, y) {
			return false
		}
	}
	return len(years) > 0
}
