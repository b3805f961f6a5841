// Package geschiedenis turns the rows of the audit trail (one field of one
// record each) into changes people can read: one change per record saved in
// one transaction, named by what it is about ("Ambulant jongerenwerk, 2024,
// jongeren") and written with Dutch numbers, amounts and dates.
package geschiedenis

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/dutchnum"
)

// AlleVelden is the field of an audit row that holds every field of a new
// record as one JSON object (written by bulk imports).
const AlleVelden = "alle velden"

// Gebruikersnaam is the record kind of the audit rows that note a change of
// the name the trail records changes under.
const Gebruikersnaam = "gebruikersnaam"

// The settings whose change is an event of its own, written as a sentence
// rather than as "instelling toegevoegd".
const (
	// InstellingTeruggezet records, in a restored database, where it was
	// restored from and where the replaced one went.
	InstellingTeruggezet = "teruggezet"
	// InstellingIngelezen records that a database was read from a full
	// export, and from which.
	InstellingIngelezen = "ingelezen"
)

// settingEvents name the events that settings record; the setting's value
// ("uit … op …") completes the sentence.
var settingEvents = map[string]string{
	InstellingTeruggezet: "Reservekopie teruggezet",
	InstellingIngelezen:  "Volledige export ingelezen",
}

// Records gives the fields of stored records as the audit trail writes them,
// so a change that names a record only by its number can be named in words.
type Records interface {
	// Velden returns the current fields of a record, or nil when it is gone.
	Velden(entiteit string, id uint) map[string]string
	// Laatste returns the last value the audit trail records for a field
	// of a record ("" when none): the name a removed record had.
	Laatste(entiteit string, id uint, veld string) string
}

// Veld is one field of a change, named and written for people.
type Veld struct {
	// Kolom is the field as the audit trail names it, Naam as people do.
	Kolom, Naam string
	// Oud and Nieuw are the values before and after, "" when there was none.
	Oud, Nieuw string
}

// Wijziging is one change: what one user did to one record at one moment,
// with the audit rows it is made of.
type Wijziging struct {
	Tijd       time.Time
	Gebruiker  string
	Actie      domain.Actie
	Entiteit   string
	EntiteitID uint
	// Soort is the kind of record in words ("bereik", "besparing").
	Soort string
	// Onderwerp names the record ("Ambulant jongerenwerk, 2024, jongeren").
	Onderwerp string
	// InterventieID is the intervention the record belongs to (0: none).
	InterventieID uint
	Velden        []Veld
	// Rijen are the audit rows, as stored.
	Rijen []domain.Wijziging
	// event is set for a setting that records an event (settingEvents):
	// the change is then that event, told by the setting's value.
	event bool
}

// Beschrijf groups audit rows (newest first, as the store lists them) into
// changes, one per record per transaction, keeping their order.
func Beschrijf(rows []domain.Wijziging, r Records) []Wijziging {
	var out []Wijziging
	index := map[groupKey]int{}
	for _, row := range rows {
		k := groupKey{row.Tijd.UnixNano(), row.Gebruiker, row.Actie, row.Entiteit, row.EntiteitID}
		i, ok := index[k]
		if !ok {
			i = len(out)
			index[k] = i
			out = append(out, Wijziging{Tijd: row.Tijd, Gebruiker: row.Gebruiker, Actie: row.Actie,
				Entiteit: row.Entiteit, EntiteitID: row.EntiteitID})
		}
		out[i].Rijen = append(out[i].Rijen, row)
	}
	for i := range out {
		describe(&out[i], r)
	}
	return out
}

// groupKey is what the rows of one change share: the transaction's moment
// and user, the action and the record.
type groupKey struct {
	tijd       int64
	gebruiker  string
	actie      domain.Actie
	entiteit   string
	entiteitID uint
}

// describe fills in the kind, subject, intervention and fields of w from
// its rows and the stored records.
func describe(w *Wijziging, r Records) {
	// The rows are newest first; within a change the field order is the
	// order they were written in.
	before, after := map[string]string{}, map[string]string{}
	var order []string
	for i := len(w.Rijen) - 1; i >= 0; i-- {
		row := w.Rijen[i]
		if row.Veld == AlleVelden {
			if fields, ok := jsonFields(row.NieuweWaarde); ok {
				for _, f := range fields {
					after[f[0]] = f[1]
					order = append(order, f[0])
				}
				continue
			}
		}
		before[row.Veld], after[row.Veld] = row.OudeWaarde, row.NieuweWaarde
		order = append(order, row.Veld)
	}
	// The record as it is now, overlaid with what the change itself says,
	// names what it is about (a removed record only by the change).
	fields := r.Velden(w.Entiteit, w.EntiteitID)
	if fields == nil {
		fields = map[string]string{}
	}
	overlay := after
	if w.Actie == domain.ActieVerwijderd {
		overlay = before
	}
	for k, v := range overlay {
		if v != "" {
			fields[k] = v
		}
	}
	n := namer{r: r}
	w.Soort, w.Onderwerp, w.InterventieID = n.subject(w.Entiteit, w.EntiteitID, fields)
	if event, ok := settingEvents[singleField(order)]; ok && w.Entiteit == "instellingen" {
		w.Onderwerp, w.event = event, true
	}
	for _, f := range order {
		if f == "id" || f == "keten" {
			continue
		}
		w.Velden = append(w.Velden, Veld{Kolom: f, Naam: fieldName(w.Entiteit, f),
			Oud: n.value(w.Entiteit, f, before[f]), Nieuw: n.value(w.Entiteit, f, after[f])})
	}
}

// singleField is the field of a change of one field ("" otherwise).
func singleField(order []string) string {
	if len(order) != 1 {
		return ""
	}
	return order[0]
}

// jsonFields reads a flat JSON object of texts as name-value pairs, in order.
func jsonFields(text string) ([][2]string, bool) {
	dec := json.NewDecoder(strings.NewReader(text))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil, false
	}
	var out [][2]string
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return nil, false
		}
		var value string
		if err := dec.Decode(&value); err != nil {
			return nil, false
		}
		out = append(out, [2]string{fmt.Sprint(key), value})
	}
	return out, true
}

// FormatTijd writes a moment of the trail as people read it: 29-11-2026 14:05.
func FormatTijd(t time.Time) string { return t.Local().Format("02-01-2006 15:04") }

// Regel is the change in one line, as a Dutch sentence with names: the
// subject, what changed, who and when. A new or removed record shows its
// main figures; the full text (Tekst) shows every field.
func (w Wijziging) Regel() string {
	if w.event {
		return w.Onderwerp + " " + w.Velden[0].Nieuw + " (" + w.Gebruiker + ", " + FormatTijd(w.Tijd) + ")"
	}
	return w.Onderwerp + ": " + w.wat(shortFields) + " (" + w.Gebruiker + ", " + FormatTijd(w.Tijd) + ")"
}

// Tekst is the change in full: the line's head and every field a line.
func (w Wijziging) Tekst() string {
	var b strings.Builder
	if w.event {
		fmt.Fprintf(&b, "%s, %s: %s\n%s %s", FormatTijd(w.Tijd), w.Gebruiker, w.Onderwerp, w.Onderwerp, w.Velden[0].Nieuw)
		return b.String()
	}
	fmt.Fprintf(&b, "%s, %s: %s %s\n", FormatTijd(w.Tijd), w.Gebruiker, w.Soort, w.actie())
	b.WriteString(w.Onderwerp)
	for _, v := range w.Velden {
		b.WriteString("\n  " + v.Naam + ": " + w.fieldText(v))
	}
	return b.String()
}

// shortFields is how many fields a line names before it counts the rest.
const shortFields = 3

// bookkeeping are fields a line leaves out because they follow from the
// change itself (who saved it, when) or from another field; the full text
// shows them.
var bookkeeping = map[string]map[string]bool{
	"bereik":   {"gebruiker": true, "vastgelegd": true, "jaar": true, "periode_soort": true},
	"metingen": {"jaar": true, "periode_soort": true},
}

// wat says what happened in at most limit fields.
func (w Wijziging) wat(limit int) string {
	var parts []string
	var shown []Veld
	if w.Actie != domain.ActieGewijzigd {
		shown = mainFields(w.Entiteit, w.Velden)
	} else {
		for _, v := range w.Velden {
			if !bookkeeping[w.Entiteit][v.Kolom] {
				shown = append(shown, v)
			}
		}
		if len(shown) == 0 {
			shown = w.Velden
		}
	}
	for i, v := range shown {
		if i == limit {
			parts = append(parts, "en "+dutchnum.Aantal(len(shown)-limit, "ander veld", "andere velden"))
			break
		}
		parts = append(parts, v.Naam+" "+w.fieldText(v))
	}
	head := ""
	if w.Actie != domain.ActieGewijzigd {
		head = w.Soort + " " + w.actie()
		if len(parts) > 0 {
			head += ", "
		}
	}
	return head + strings.Join(parts, ", ")
}

// fieldText is a field's value, or its old and new value for a change.
func (w Wijziging) fieldText(v Veld) string {
	switch w.Actie {
	case domain.ActieToegevoegd:
		return orNone(v.Nieuw)
	case domain.ActieVerwijderd:
		return orNone(v.Oud)
	}
	return orNone(v.Oud) + " " + Pijl + " " + orNone(v.Nieuw)
}

// Pijl separates an old value from the new one. It is the long arrow
// (U+27F6), not "→" (U+2192): Fyne 2.8.1 takes "→" from its own symbol font
// and then draws the space after it as a missing glyph ("→�").
const Pijl = "⟶"

// actie is the action as a participle.
func (w Wijziging) actie() string { return string(w.Actie) }

// orNone writes an empty value as a dash.
func orNone(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

// mainFields are the fields a line shows for a new or removed record: its
// figures, or (for records without one) nothing but the subject.
func mainFields(entiteit string, all []Veld) []Veld {
	if entiteit == "instellingen" { // a setting's field is its name
		return all
	}
	want := map[string]bool{}
	for _, f := range figureFields[entiteit] {
		want[fieldName(entiteit, f)] = true
	}
	var out []Veld
	for _, v := range all {
		if want[v.Naam] && (v.Oud != "" || v.Nieuw != "") {
			out = append(out, v)
		}
	}
	return out
}

// figureFields are the fields that hold a record's figures, per table.
var figureFields = map[string][]string{
	"bereik":                    {"waarde", "waarde_tot"},
	"metingen":                  {"waarde", "vergelijkingswaarde"},
	"doelstellingen":            {"waarde", "waarde_tot", "eenheid"},
	"doelstelling_herzieningen": {"oude_waarde", "nieuwe_waarde", "reden"},
	"doelstelling_interventies": {"interventie_id"},
	"begrotingsregels":          {"bedrag_cent"},
	"besparingen":               {"bedrag_cent"},
	"besparing_totalen":         {"bedrag_cent"},
	"criteria":                  {"streefwaarde"},
	Gebruikersnaam:              {"naam"},
}

// kinds names each table's kind of record.
var kinds = map[string]string{
	"interventies":              "interventie",
	"bereik":                    "bereik",
	"maten":                     "maat",
	"doelstellingen":            "doelstelling",
	"doelstelling_herzieningen": "herziening van een doelstelling",
	"doelstelling_interventies": "koppeling doelstelling–interventie",
	"indicatoren":               "indicator",
	"metingen":                  "meting",
	"begrotingsdoelen":          "begrotingsdoel",
	"criteria":                  "criterium",
	"begrotingsregels":          "begrotingsregel",
	"besparingen":               "besparing",
	"besparing_totalen":         "gerapporteerd totaal besparingen",
	"beleidsteksten":            "beleidstekst",
	"instellingen":              "instelling",
	"presentaties":              "presentatie",
	"team_conflicten":           "conflict met een collega",
	"importkoppelingen":         "importkoppeling",
	Gebruikersnaam:              "gebruikersnaam",
}

// Soort names a table's kind of record in words ("besparing"); a table it
// does not know keeps its own name.
func Soort(entiteit string) string {
	if k, ok := kinds[entiteit]; ok {
		return k
	}
	return strings.ReplaceAll(entiteit, "_", " ")
}

// fieldNames names fields whose name is not clear by itself, per table
// ("" for every table).
var fieldNames = map[string]map[string]string{
	"": {
		"bedrag_cent": "bedrag", "bron_document": "bron", "bron_sectie": "bronvermelding",
		"waarde_tot": "tot", "interventie_id": "interventie", "doelstelling_id": "doelstelling",
		"maat_id": "maat", "indicator_id": "indicator", "begrotingsdoel_id": "begrotingsdoel",
		"periode_soort": "soort periode", "status_tekst": "status (tekst)", "status_categorie": "status",
		"leeftijd_van": "leeftijd van", "leeftijd_tot": "leeftijd tot", "start_jaar": "startjaar",
		"start_maand": "startmaand", "start_structureel": "start structureel", "start_tekst": "start",
		"einde_jaar": "eindjaar", "einde_maand": "eindmaand", "einde_structureel": "structureel",
		"einde_tekst": "einde", "laatste_jaar": "laatste jaar", "einde_reden": "reden van beëindigen",
		"oude_waarde": "oude waarde", "nieuwe_waarde": "nieuwe waarde", "oude_waarde_tot": "oude waarde tot",
		"nieuwe_waarde_tot": "nieuwe waarde tot", "vastgelegd": "vastgelegd op", "gebruiker": "vastgelegd door",
		"afgeleid": "afgeleid (met toelichting)", "veldbronnen": "bron per veld",
	},
	"bereik":       {"waarde": "bereik", "bron": "bron"},
	"instellingen": {"waarde": "waarde"},
}

// Onderwerp names a stored record for people as the history does, with its
// kind: "bereik Ambulant jongerenwerk, 2024, jongeren"; "" when it is gone.
func Onderwerp(entiteit string, id uint, r Records) string {
	f := r.Velden(entiteit, id)
	if f == nil {
		return ""
	}
	kind, name, _ := namer{r}.subject(entiteit, id, f)
	if name == "" {
		return kind
	}
	return kind + " " + name
}

// VeldNaam names a field of a table for people ("bereik" for bereik.waarde).
func VeldNaam(entiteit, veld string) string { return fieldName(entiteit, veld) }

// fieldName names a field of a table for people.
func fieldName(entiteit, veld string) string {
	if n, ok := fieldNames[entiteit][veld]; ok {
		return n
	}
	if n, ok := fieldNames[""][veld]; ok {
		return n
	}
	return strings.ReplaceAll(veld, "_", " ")
}

// namer writes subjects and values with the names of the records they refer to.
type namer struct{ r Records }

// name is the named field of a referenced record; of one that is gone, the
// last value the audit trail records for it ("" when none).
func (n namer) name(entiteit, id, veld string) string {
	num, err := strconv.ParseUint(id, 10, 64)
	if err != nil || num == 0 {
		return ""
	}
	if f := n.r.Velden(entiteit, uint(num)); f != nil {
		return f[veld]
	}
	return n.r.Laatste(entiteit, uint(num), veld)
}

// refName names a referenced record, also one that is gone (by the name the
// trail last records), or gives its number when it has no name at all.
func (n namer) refName(entiteit, id string) string {
	if id == "" {
		return ""
	}
	field := "naam"
	switch entiteit {
	case "doelstellingen", "criteria":
		field = "omschrijving"
	case "begrotingsdoelen":
		field = "code"
	}
	if s := n.name(entiteit, id, field); s != "" {
		return s
	}
	return Soort(entiteit) + " nr. " + id
}

// subject gives the kind, the name and the intervention of a record from
// its fields.
func (n namer) subject(entiteit string, id uint, f map[string]string) (kind, name string, interventie uint) {
	kind = Soort(entiteit)
	join := func(parts ...string) string {
		var out []string
		for _, p := range parts {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
		return strings.Join(out, ", ")
	}
	ref := func(field string) uint {
		v, _ := strconv.ParseUint(f[field], 10, 64)
		return uint(v)
	}
	switch entiteit {
	case "interventies":
		name, interventie = f["naam"], id
	case "bereik":
		owner := n.refName("interventies", f["interventie_id"])
		if f["interventie_id"] == "" {
			owner = n.refName("doelstellingen", f["doelstelling_id"])
		}
		measure := f["eenheid"]
		if m := n.name("maten", f["maat_id"], "naam"); m != "" && !strings.EqualFold(m, measure) {
			measure = join(m, measure)
		}
		name, interventie = join(owner, f["periode"], measure), ref("interventie_id")
	case "maten":
		name, interventie = join(n.refName("interventies", f["interventie_id"]), "maat "+f["naam"]), ref("interventie_id")
	case "doelstellingen":
		name = f["omschrijving"]
		if !strings.Contains(name, f["periode"]) { // the window's descriptions name their period
			name = join(name, f["periode"])
		}
	case "doelstelling_herzieningen":
		name = n.refName("doelstellingen", f["doelstelling_id"])
	case "doelstelling_interventies":
		name = n.refName("doelstellingen", strconv.FormatUint(uint64(id), 10))
		interventie = ref("interventie_id")
	case "metingen":
		name = join(n.refName("indicatoren", f["indicator_id"]), f["periode"])
	case "criteria":
		name = join(n.refName("begrotingsdoelen", f["begrotingsdoel_id"]), f["omschrijving"])
	case "begrotingsdoelen":
		name = join(f["code"], f["naam"])
	case "begrotingsregels":
		name = join("Begroting "+n.refName("begrotingsdoelen", f["begrotingsdoel_id"]), f["jaar"], f["soort"])
	case "besparingen":
		name = join(strings.TrimSpace("Besparing "+f["periode"]), f["omschrijving"])
	case "besparing_totalen":
		name = "Gerapporteerd totaal besparingen"
	case "beleidsteksten":
		name = join(f["soort"], f["titel"])
	case "instellingen":
		name = "Instelling"
	case Gebruikersnaam:
		name = "Gebruikersnaam"
	case "importkoppelingen":
		name = join("Importkoppeling", f["bron"], f["soort"])
	default:
		name = f["naam"]
	}
	if name == "" {
		name = kind + " nr. " + strconv.FormatUint(uint64(id), 10)
	}
	return kind, upperFirst(name), interventie
}

// upperFirst starts a subject with a capital.
func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// yearFields hold years or ages: whole numbers written without a thousands dot.
var yearFields = map[string]bool{"jaar": true, "begrotingsjaar": true, "referentiejaar": true, "doeljaar": true,
	"start_jaar": true, "einde_jaar": true, "laatste_jaar": true, "start_maand": true, "einde_maand": true,
	"leeftijd_van": true, "leeftijd_tot": true}

// numberFields hold figures written with Dutch separators.
var numberFields = map[string]bool{"waarde": true, "waarde_tot": true, "vergelijkingswaarde": true,
	"streefwaarde": true, "oude_waarde": true, "nieuwe_waarde": true, "oude_waarde_tot": true, "nieuwe_waarde_tot": true}

// refTables are the tables that fields ending in _id refer to.
var refTables = map[string]string{"interventie_id": "interventies", "doelstelling_id": "doelstellingen",
	"maat_id": "maten", "indicator_id": "indicatoren", "begrotingsdoel_id": "begrotingsdoelen"}

// value writes a field's value for people: amounts in euro, figures with
// Dutch separators, moments as dd-mm-jjjj, truth as ja/nee, references by
// name, lists as their items.
func (n namer) value(entiteit, veld, v string) string {
	if v == "" {
		return ""
	}
	switch {
	case entiteit == "instellingen" || entiteit == Gebruikersnaam:
		return v
	case veld == "bedrag_cent":
		if c, err := strconv.ParseInt(v, 10, 64); err == nil {
			return dutchnum.FormatEuro(c)
		}
	case yearFields[veld]:
		return v
	case numberFields[veld]:
		if f, err := strconv.ParseFloat(v, 64); err == nil {
			return dutchnum.FormatAuto(f)
		}
	case refTables[veld] != "":
		return n.refName(refTables[veld], v)
	}
	if t, err := time.Parse(time.RFC3339, v); err == nil {
		if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 {
			return t.Format("02-01-2006")
		}
		return FormatTijd(t)
	}
	switch v {
	case "true":
		return "ja"
	case "false":
		return "nee"
	}
	var list []string
	if strings.HasPrefix(v, "[") && json.Unmarshal([]byte(v), &list) == nil {
		return strings.Join(list, "; ")
	}
	return v
}
