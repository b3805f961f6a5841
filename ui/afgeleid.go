package ui

import (
	"strings"

	"fyne.io/fyne/v2/lang"

	"jeugdmonitor/data/domain"
)

// afgeleidMerk is the mark a derived value carries wherever it is shown:
// " (afgeleid)" after the value when the register derived the field rather
// than quoted it, else nothing. The reasoning is on the intervention's page.
func afgeleidMerk(n domain.Veldnoten, veld string) string {
	if _, ok := n.Van(veld); ok {
		return " (" + lang.L("afgeleid") + ")"
	}
	return ""
}

// afgeleidGrootteMerk is the mark of a target's or figure's magnitude: its
// kind (minimum, exact, range) or value derived.
func afgeleidGrootteMerk(n domain.Veldnoten) string {
	if merk := afgeleidMerk(n, "waarde"); merk != "" {
		return merk
	}
	return afgeleidMerk(n, "soort")
}

// afgeleidRecordMerk is the mark of a record shown as one value: " (afgeleid)"
// when the register derived any of its fields.
func afgeleidRecordMerk(n domain.Veldnoten) string {
	if len(n.Velden()) == 0 {
		return ""
	}
	return " (" + lang.L("afgeleid") + ")"
}

// afgeleidMoment writes a start or end as the document words it and, when
// the register derived its year or month, the derived moment with the mark:
// "looptijd 2 jaar (afgeleid: april 2024)".
func afgeleidMoment(n domain.Veldnoten, veld string, m domain.Moment) string {
	text := m.Tekst
	if text == "" {
		text = "–"
	}
	if _, ok := n.Van(veld); !ok {
		return text
	}
	if derived := momentTekst(m); derived != "" && derived != m.Tekst {
		return text + " (" + lang.L("afgeleid") + ": " + derived + ")"
	}
	return text + " (" + lang.L("afgeleid") + ")"
}

// afgeleidVelden names the derived fields of a record, for a table cell:
// "periode, soort"; empty when none is derived.
func afgeleidVelden(n domain.Veldnoten) string {
	var names []string
	for _, veld := range n.Velden() {
		names = append(names, domain.VeldLabel(veld))
	}
	return strings.Join(names, ", ")
}

// afgeleidRegels lists the reasoning of every derived field, one bullet per
// field: "• wat, veld: reasoning".
func afgeleidRegels(wat string, n domain.Veldnoten) []string {
	var out []string
	for _, veld := range n.Velden() {
		label := domain.VeldLabel(veld)
		if wat != "" {
			label = wat + ", " + label
		}
		out = append(out, "• "+label+": "+n[veld])
	}
	return out
}
