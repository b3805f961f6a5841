package domain

import (
	"slices"
	"sort"
	"strings"

	"jeugdmonitor/data/foutmelding"
)

// Veldnoten are notes on single fields of a record, keyed by the field's
// column (or, for a start or end moment, its column prefix: "start",
// "einde"). A record keeps two kinds: Afgeleid, the fields whose value the
// register derived rather than quoted, each with its reasoning; and, for an
// intervention, Veldbronnen, the fields quoted from another section of the
// document than the record's own, each with that section.
type Veldnoten map[string]string

// Van gives the note on a field and whether there is one.
func (n Veldnoten) Van(veld string) (string, bool) {
	t, ok := n[veld]
	return t, ok
}

// Velden lists the noted fields in a fixed order.
func (n Veldnoten) Velden() []string {
	out := make([]string, 0, len(n))
	for k := range n {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Dekt reports whether the note on veld is about the stored column kolom:
// the column itself or, for a moment, one of its parts (start_jaar).
func Dekt(veld, kolom string) bool {
	return kolom == veld || strings.HasPrefix(kolom, veld+"_")
}

// The fields that may carry a note, per kind of record.
var (
	InterventieAfleidbaar  = []string{"uitvoerder", "start", "einde", "status_tekst", "status_categorie", "begrotingsdoel_id"}
	DoelstellingAfleidbaar = []string{"periode", "soort", "waarde"}
	BereikAfleidbaar       = []string{"periode", "soort", "waarde"}
	// BegrotingsregelAfleidbaar: a budget line's year and amount.
	BegrotingsregelAfleidbaar = []string{"jaar", "bedrag_cent"}
)

// VeldLabels are the Dutch names of the fields that may carry a note, as a
// user sees them in the window and in exports.
var VeldLabels = map[string]string{
	"uitvoerder":        "uitvoering",
	"start":             "start",
	"einde":             "beoogd einde",
	"status_tekst":      "status",
	"status_categorie":  "statuscategorie",
	"begrotingsdoel_id": "begrotingsdoel",
	"periode":           "periode",
	"soort":             "soort",
	"waarde":            "waarde",
	"jaar":              "jaar",
	"bedrag_cent":       "bedrag",
}

// VeldLabel names a noted field for a user.
func VeldLabel(veld string) string {
	if l, ok := VeldLabels[veld]; ok {
		return l
	}
	return veld
}

// Tekst writes the notes as one line: "uitvoering: reason; beoogd einde:
// reason", for a table cell in an export.
func (n Veldnoten) Tekst() string {
	parts := make([]string, 0, len(n))
	for _, k := range n.Velden() {
		parts = append(parts, VeldLabel(k)+": "+n[k])
	}
	return strings.Join(parts, "; ")
}

// Notities is a record whose fields may carry notes.
type Notities interface {
	// Noten gives the record's note maps, so that a change of a noted
	// field can drop its note.
	Noten() []*Veldnoten
}

// Noten gives the intervention's derived-value marks and field sources.
func (i *Interventie) Noten() []*Veldnoten { return []*Veldnoten{&i.Afgeleid, &i.Veldbronnen} }

// Noten gives the target's derived-value marks.
func (d *Doelstelling) Noten() []*Veldnoten { return []*Veldnoten{&d.Afgeleid} }

// Noten gives the reach figure's derived-value marks.
func (b *Bereik) Noten() []*Veldnoten { return []*Veldnoten{&b.Afgeleid} }

// Noten gives the budget line's derived-value marks.
func (r *Begrotingsregel) Noten() []*Veldnoten { return []*Veldnoten{&r.Afgeleid} }

// notes checks that every note is on a field that may carry one (one of
// velden) and says something.
func (p *problems) notes(veld string, n Veldnoten, velden ...string) {
	for _, k := range n.Velden() {
		switch {
		case !slices.Contains(velden, k):
			p.add(veld, "het veld %s kan geen toelichting hebben; wel: %s", foutmelding.Citeer(k), strings.Join(velden, ", "))
		case strings.TrimSpace(n[k]) == "":
			p.add(veld, "de toelichting bij %s is leeg", VeldLabel(k))
		}
	}
}
