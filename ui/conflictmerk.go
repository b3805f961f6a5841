package ui

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/geschiedenis"
	"jeugdmonitor/data/store"
	"jeugdmonitor/data/team"
)

// conflictMarks are the records of the open database with an open
// conflict, read once when a screen reads its data (one query); a database
// outside a team has none, and then nothing is marked.
type conflictMarks struct {
	// fields names, per record ("bereik 12"), the fields in conflict for people
	fields map[recordRef][]string
	// perInterventie lists the records in conflict of each intervention:
	// itself, its figures, measures and targets
	perInterventie map[uint][]recordRef
	indicatoren    map[uint]bool
}

// recordRef is a record of the database: its kind (table) and number.
type recordRef struct {
	entiteit string
	id       uint
}

// readConflictMarks reads the open conflicts of s (off the UI goroutine).
func readConflictMarks(s *store.Store) (conflictMarks, error) {
	list, err := team.OpenMarkeringen(s)
	c := conflictMarks{fields: map[recordRef][]string{}, perInterventie: map[uint][]recordRef{}, indicatoren: map[uint]bool{}}
	for _, mk := range list {
		r := recordRef{mk.Entiteit, mk.LokaalID}
		if name := geschiedenis.VeldNaam(mk.Entiteit, mk.Veld); !slices.Contains(c.fields[r], name) {
			c.fields[r] = append(c.fields[r], name)
		}
		if i := mk.InterventieID; i != 0 && !slices.Contains(c.perInterventie[i], r) {
			c.perInterventie[i] = append(c.perInterventie[i], r)
		}
		if mk.IndicatorID != 0 {
			c.indicatoren[mk.IndicatorID] = true
		}
	}
	return c, err
}

// record is the mark of a record with an open conflict, naming its
// fields ("open conflict: bereik, status"); "" without one.
func (c conflictMarks) record(entiteit string, id uint) string {
	fields := c.fields[recordRef{entiteit, id}]
	if len(fields) == 0 {
		return ""
	}
	return lang.L("open conflict: {{.Velden}}", map[string]any{"Velden": strings.Join(fields, ", ")})
}

// interventie reports an open conflict on intervention id or on one of its
// figures, measures or targets.
func (c conflictMarks) interventie(id uint) bool { return len(c.perInterventie[id]) > 0 }

// indicator reports an open conflict on indicator id or one of its measurements.
func (c conflictMarks) indicator(id uint) bool { return c.indicatoren[id] }

// interventieText says which records of intervention i are in conflict,
// the figures and targets by their period: "Open conflict bij bereik 2024
// (bereik); doelstelling 2025 (waarde): kies …"; "" without any.
func (c conflictMarks) interventieText(i domain.Interventie, reach []domain.Bereik, targets []domain.Doelstelling) string {
	var parts []string
	for _, r := range c.perInterventie[i.ID] {
		what := geschiedenis.Soort(r.entiteit)
		switch r.entiteit {
		case "interventies":
			what = lang.L("de interventie")
		case "bereik":
			if k := slices.IndexFunc(reach, func(b domain.Bereik) bool { return b.ID == r.id }); k >= 0 {
				what += " " + reach[k].Periode
			}
		case "doelstellingen":
			if k := slices.IndexFunc(targets, func(d domain.Doelstelling) bool { return d.ID == r.id }); k >= 0 {
				what += " " + targets[k].Periode
			}
		}
		parts = append(parts, what+" ("+strings.Join(c.fields[r], ", ")+")")
	}
	return c.text(parts)
}

// metingenText says which measurements of an indicator (or the indicator
// itself, id) are in conflict, by their period; "" without any.
func (c conflictMarks) metingenText(id uint, metingen []domain.Meting) string {
	var parts []string
	if f := c.fields[recordRef{"indicatoren", id}]; len(f) > 0 {
		parts = append(parts, lang.L("de indicator")+" ("+strings.Join(f, ", ")+")")
	}
	for _, m := range metingen {
		if f := c.fields[recordRef{"metingen", m.ID}]; len(f) > 0 {
			parts = append(parts, geschiedenis.Soort("metingen")+" "+m.Periode+" ("+strings.Join(f, ", ")+")")
		}
	}
	return c.text(parts)
}

// text is the sentence of a conflict notice listing parts; "" without any.
func (c conflictMarks) text(parts []string) string {
	if len(parts) == 0 {
		return ""
	}
	return lang.L("Open conflict bij {{.Wat}}: kies bij Conflicten welke waarde geldt.",
		map[string]any{"Wat": strings.Join(parts, "; ")})
}

// conflictNotice is a warning line with a button that opens the Conflicten
// view, hidden while there is nothing to say.
type conflictNotice struct {
	text   *widget.Label
	button *widget.Button
	box    *fyne.Container
	// around is the container the notice sits in, laid out again when the
	// notice appears or goes (a hidden object had no place in it)
	around fyne.CanvasObject
}

// newConflictNotice makes a hidden notice whose button opens Conflicten in m.
func newConflictNotice(m *Main) *conflictNotice {
	n := &conflictNotice{text: widget.NewLabel("")}
	n.text.Wrapping = fyne.TextWrapWord
	n.text.Importance = widget.WarningImportance
	n.button = widget.NewButtonWithIcon(lang.L("Conflicten…"), theme.WarningIcon(), func() { m.showConflicts() })
	n.box = container.NewBorder(nil, nil, nil, container.NewVBox(n.button), n.text)
	n.box.Hide()
	return n
}

// set shows text in the notice, or hides it when text is "".
func (n *conflictNotice) set(text string) {
	n.text.SetText(text)
	if text == "" {
		n.box.Hide()
	} else {
		n.box.Show()
	}
	if n.around != nil {
		n.around.Refresh()
	}
}
