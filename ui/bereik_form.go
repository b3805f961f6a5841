package ui

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/dutchnum"
	"jeugdmonitor/data/period"
	"jeugdmonitor/data/store"
)

// maxSuggestions is how many interventions the picker offers at once.
const maxSuggestions = 6

// bereikForm records the reach of one intervention in one period, with the
// keyboard alone: pick the intervention by typing, then period, value,
// status, source and note; Enter saves, Ctrl+Z takes the save back.
type bereikForm struct {
	m *Main

	all         []domain.Interventie
	suggestions []domain.Interventie
	highlight   int

	interventie *entry
	suggestRows []*tappableLabel
	more        *widget.Label
	suggestBox  *fyne.Container
	periode     *entry
	waarde      *entry
	maat        *entry
	maatKeuze   *fyne.Container // a button per measure of the intervention, in as many rows as they need
	eenheid     *entry
	status      *widget.RadioGroup
	bron        *entry
	notitie     *entry
	fields      *fieldSet

	preview *widget.Label
	message *widget.Label
	// changed says that a figure stored for what is typed changed while
	// it was typed (a synchronisation, an import); hidden otherwise
	changed     *widget.Label
	saveButton  *widget.Button
	undoButton  *widget.Button
	clearButton *widget.Button

	historyFor   uint
	historyName  string // the name of the intervention historyFor, to say it when it is gone
	history      []domain.Bereik
	targets      []domain.Doelstelling
	maten        []domain.Maat
	marks        conflictMarks
	historyTitle *widget.Label
	// conflict points out figures of the intervention with an open conflict
	conflict   *conflictNotice
	targetText *widget.Label
	// historyBox holds the history as wrapping lines, so a long line
	// (a measure, a period span, a source) is never cut off at the right
	// edge of a narrow window; an intervention has few figures.
	historyBox *fyne.Container

	undos  []store.BereikUndo
	preSeq int
	// sourceOf is the intervention whose saved source the form keeps for the
	// next entry; when another intervention is chosen the source goes, so a
	// figure is not saved under a document of another organisation.
	sourceOf string
	// left scrolls the form; it is laid out again when a part of it changes
	// height, or the parts below it would be drawn over the fields.
	left    *container.Scroll
	content fyne.CanvasObject
}

func newBereikForm(m *Main) *bereikForm {
	f := &bereikForm{m: m}
	f.buildUI()
	return f
}

func (f *bereikForm) buildUI() {
	field := func(placeholder string) *entry {
		e := newEntry(placeholder)
		e.OnSubmitted = func(string) { f.onSave() }
		e.OnChanged = func(string) { f.onInputChanged() }
		e.onEscape = f.Cancel
		return e
	}
	f.interventie = newEntry(lang.L("Typ een deel van de naam of de organisatie…"))
	f.interventie.OnChanged = func(string) { f.onPickerChanged() }
	f.interventie.OnSubmitted = func(string) { f.onPick() }
	f.interventie.onDown = func() { f.moveHighlight(1) }
	f.interventie.onUp = func() { f.moveHighlight(-1) }
	f.interventie.onEscape = f.Cancel
	f.interventie.onFocusLost = f.onPickerLeft
	f.suggestBox = container.NewVBox()
	for k := range maxSuggestions {
		row := newTappableLabel(func() {
			f.highlight = k
			f.onPick()
		})
		f.suggestRows = append(f.suggestRows, row)
		f.suggestBox.Add(row)
	}
	f.more = widget.NewLabel("")
	f.more.Importance = widget.LowImportance
	f.suggestBox.Add(f.more)

	f.periode = field(lang.L("2024, 2024-H1, 2024-K3 of 2023/2024"))
	f.waarde = field(lang.L("bijvoorbeeld 3.612"))
	f.maat = field(lang.L("wat u telt, bijvoorbeeld diagnostiek (leeg: de maat in de eenheid)"))
	f.maatKeuze = container.New(layout.NewRowWrapLayout())
	f.eenheid = field(lang.L("eenheid van de maat of de doelstelling"))
	f.bron = field(lang.L("bijvoorbeeld jaarverslag Travers 2024"))
	f.notitie = field(lang.L("toelichting (niet verplicht)"))
	f.status = newStatusGroup()

	f.fields = newFieldSet()
	f.fields.add("interventie", lang.L("Interventie"), container.NewVBox(f.interventie, f.suggestBox))
	f.fields.add("periode", lang.L("Periode"), f.periode)
	f.fields.add("waarde", lang.L("Bereik"), f.waarde)
	f.fields.add("maat", lang.L("Maat"), container.NewVBox(f.maat, f.maatKeuze))
	f.fields.add("eenheid", lang.L("Eenheid"), f.eenheid)
	f.fields.add("status", lang.L("Status"), f.status)
	f.fields.add("bron", lang.L("Bron"), f.bron)
	f.fields.add("notitie", lang.L("Notitie"), f.notitie)

	f.preview = widget.NewLabel(lang.L("Kies een interventie en een periode: hier verschijnt de doelstelling en het percentage gerealiseerd."))
	f.preview.Wrapping = fyne.TextWrapWord
	f.preview.Importance = widget.HighImportance
	f.message = widget.NewLabel("")
	f.message.Wrapping = fyne.TextWrapWord
	f.message.Importance = widget.SuccessImportance
	f.changed = widget.NewLabel("")
	f.changed.Wrapping = fyne.TextWrapWord
	f.changed.Importance = widget.WarningImportance
	f.changed.Hide()
	f.saveButton = widget.NewButtonWithIcon(lang.L("Opslaan (Enter / Ctrl+S)"), theme.DocumentSaveIcon(), f.onSave)
	f.saveButton.Importance = widget.HighImportance
	f.undoButton = widget.NewButtonWithIcon(lang.L("Laatste opslag ongedaan maken (Ctrl+Z)"), theme.ContentUndoIcon(), func() { f.onUndo() })
	f.undoButton.Disable()
	f.clearButton = widget.NewButtonWithIcon(lang.L("Leegmaken (Esc)"), theme.ContentClearIcon(), f.Cancel)

	f.historyTitle = widget.NewLabelWithStyle(lang.L("Geschiedenis"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	f.historyTitle.Wrapping = fyne.TextWrapWord
	f.targetText = widget.NewLabel(lang.L("Nog geen interventie gekozen."))
	f.targetText.Wrapping = fyne.TextWrapWord
	f.historyBox = container.NewVBox()
	f.conflict = newConflictNotice(f.m)

	buttons := container.NewHBox(f.saveButton, f.undoButton, f.clearButton)
	left := container.NewVBox(f.fields.form(), f.changed, f.preview, buttons, f.message)
	right := container.NewBorder(container.NewVBox(f.historyTitle, f.targetText, f.conflict.box, widget.NewSeparator()), nil, nil, nil, container.NewVScroll(f.historyBox))
	f.conflict.around = right
	f.left = container.NewVScroll(left)
	split := container.NewHSplit(f.left, right)
	split.Offset = 0.52
	f.content = split
	f.showSuggestions()
}

// historyLine is the first line of a reach in the history: its measure
// (when not named after its unit), period, value, status and the percentage
// of its target.
func historyLine(b domain.Bereik, targets []domain.Doelstelling, maten []domain.Maat) string {
	line := fmt.Sprintf("%s · %s · %s", b.Periode, store.Grootte(b.Soort, b.Waarde, b.WaardeTot, b.Eenheid), b.Status)
	for _, m := range maten {
		if b.MaatID != nil && m.ID == *b.MaatID && !strings.EqualFold(m.Naam, m.Eenheid) {
			line = fmt.Sprintf("%s · %s", m.Naam, line)
		}
	}
	if p, ok := store.Realisatie(b.Waarde, b.Eenheid, store.DoelVoorPeriode(targets, b.Periode, b.Eenheid)); ok {
		line += " · " + lang.L("{{.P}}% van de doelstelling", map[string]any{"P": dutchnum.Format(p, 0)})
	}
	return line
}

// historyWho is the second line: who recorded it and when, source and note.
func historyWho(b domain.Bereik) string {
	parts := []string{lang.L("vastgelegd door {{.Wie}} op {{.Wanneer}}",
		map[string]any{"Wie": b.Gebruiker, "Wanneer": store.FormatDatumTijd(b.Vastgelegd)})}
	if b.BronTekst != "" {
		parts = append(parts, lang.L("bron: {{.Bron}}", map[string]any{"Bron": b.BronTekst}))
	}
	if b.Notitie != "" {
		parts = append(parts, b.Notitie)
	}
	return strings.Join(parts, " · ")
}

// Content is the form's canvas object.
func (f *bereikForm) Content() fyne.CanvasObject { return f.content }

// Refresh reads the interventions the picker offers, and the history,
// around what is typed: the typed input stays, and a stored figure it
// would replace that changed meanwhile is pointed out.
func (f *bereikForm) Refresh() {
	var all []domain.Interventie
	f.m.load(func() (err error) {
		all, err = f.m.store.Interventies(false)
		return err
	}, func() {
		f.all = all
		f.onPickerChanged()
		if f.historyFor != 0 {
			f.loadHistory(f.historyFor, true)
		}
	})
}

// chosen is the intervention whose name is typed exactly, or nil.
func (f *bereikForm) chosen() *domain.Interventie {
	name := strings.TrimSpace(f.interventie.Text)
	for k := range f.all {
		if strings.EqualFold(f.all[k].Naam, name) {
			return &f.all[k]
		}
	}
	return nil
}

// onPickerChanged offers the interventions matching what is typed.
func (f *bereikForm) onPickerChanged() {
	text := strings.TrimSpace(f.interventie.Text)
	if f.sourceOf != "" && !strings.EqualFold(text, f.sourceOf) {
		f.sourceOf = ""
		f.bron.SetText("")
	}
	f.suggestions = nil
	if text != "" && f.chosen() == nil {
		found := store.InterventieFilter{Tekst: text}.Filter(f.all)
		lower := strings.ToLower(text)
		slices.SortStableFunc(found, func(a, b domain.Interventie) int {
			return boolRank(strings.Contains(strings.ToLower(a.Naam), lower)) - boolRank(strings.Contains(strings.ToLower(b.Naam), lower))
		})
		f.suggestions = found
	}
	f.highlight = 0
	f.showSuggestions()
	f.onInputChanged()
}

// boolRank sorts true before false.
func boolRank(b bool) int {
	if b {
		return 0
	}
	return 1
}

// showSuggestions writes the offered interventions, the highlighted one bold.
func (f *bereikForm) showSuggestions() {
	for k, row := range f.suggestRows {
		if k >= len(f.suggestions) {
			row.Hide()
			continue
		}
		i := f.suggestions[k]
		row.TextStyle = fyne.TextStyle{Bold: k == f.highlight}
		row.Importance = widget.MediumImportance
		prefix := "   "
		if k == f.highlight {
			row.Importance = widget.HighImportance
			prefix = "▸ "
		}
		row.SetText(prefix + i.Naam + " — " + orNone(i.Uitvoerder))
		row.Show()
	}
	defer f.relayout()
	switch extra := len(f.suggestions) - maxSuggestions; {
	case extra > 0:
		setMessage(f.more, lang.L("… en nog {{.N}}; typ verder om te kiezen", map[string]any{"N": extra}))
	case strings.TrimSpace(f.interventie.Text) != "" && len(f.suggestions) == 0 && f.chosen() == nil:
		setMessage(f.more, lang.L("Geen interventie gevonden."))
	default:
		setMessage(f.more, "")
	}
}

// moveHighlight moves the highlighted suggestion (Up and Down).
func (f *bereikForm) moveHighlight(delta int) {
	n := min(len(f.suggestions), maxSuggestions)
	if n == 0 {
		return
	}
	f.highlight = (f.highlight + delta + n) % n
	f.showSuggestions()
}

// onPick takes the highlighted suggestion (Enter in the picker) and goes on
// to the period.
func (f *bereikForm) onPick() {
	if f.chosen() == nil && f.highlight < len(f.suggestions) {
		f.interventie.SetText(f.suggestions[f.highlight].Naam)
	}
	if f.chosen() != nil {
		f.focusSelected(f.periode)
	}
}

// focusSelected puts the cursor in an entry with its text selected, so
// typing replaces a period kept from the previous entry.
func (f *bereikForm) focusSelected(e *entry) {
	f.m.win.Canvas().Focus(e)
	e.TypedShortcut(&fyne.ShortcutSelectAll{})
}

// onPickerLeft completes the intervention when the cursor leaves the picker
// with a suggestion highlighted (Tab).
func (f *bereikForm) onPickerLeft() {
	if f.chosen() == nil && f.highlight < len(f.suggestions) {
		f.interventie.SetText(f.suggestions[f.highlight].Naam)
	}
}

// choose puts an intervention in the picker (from the register's detail view).
func (f *bereikForm) choose(naam string) {
	f.interventie.SetText(naam)
	f.focusSelected(f.periode)
}

// input is what the form holds, as the store reads typed reach.
func (f *bereikForm) input() store.BereikInvoer {
	return store.BereikInvoer{Interventie: f.interventie.Text, Periode: f.periode.Text, Waarde: f.waarde.Text,
		Maat: f.maat.Text, Eenheid: f.eenheid.Text, Status: f.status.Selected, Bron: f.bron.Text, Notitie: f.notitie.Text}
}

// onInputChanged shows, while typing, the target for the period and the
// percentage the typed value realises, and the history of the intervention.
func (f *bereikForm) onInputChanged() {
	f.preSeq++
	seq, in := f.preSeq, f.input()
	var (
		parsed  domain.Bereik
		targets []domain.Doelstelling
	)
	f.m.background(func() error {
		parsed, _ = f.m.store.ParseBereikInvoer(in)
		if parsed.InterventieID == nil {
			return nil
		}
		var err error
		targets, err = f.m.store.Doelstellingen(*parsed.InterventieID)
		return err
	}, func(err error) {
		if seq != f.preSeq {
			return // a newer keystroke is on its way
		}
		if err != nil {
			f.preview.SetText(err.Error())
			return
		}
		f.preview.SetText(previewText(in, parsed, targets))
		f.relayout()
		if parsed.InterventieID != nil && *parsed.InterventieID != f.historyFor {
			f.loadHistory(*parsed.InterventieID, false)
		}
	})
}

// previewText says what target applies and how much of it the typed value
// realises.
func previewText(in store.BereikInvoer, b domain.Bereik, targets []domain.Doelstelling) string {
	if b.InterventieID == nil {
		return lang.L("Kies een interventie en een periode: hier verschijnt de doelstelling en het percentage gerealiseerd.")
	}
	if len(targets) == 0 {
		return lang.L("Deze interventie heeft geen kwantitatieve doelstelling; geef bij Eenheid op wat u telt.")
	}
	p, err := period.Parse(in.Periode)
	if err != nil {
		return lang.L("Geef de periode op om de doelstelling te zien.")
	}
	target := store.DoelVoorPeriode(targets, p.String(), b.Eenheid)
	if target == nil {
		return lang.L("Geen doelstelling voor {{.Periode}}; wel voor: {{.Perioden}}.",
			map[string]any{"Periode": p.Label(), "Perioden": targetPeriods(targets)})
	}
	text := lang.L("Doelstelling {{.Periode}}: {{.Doel}}.", map[string]any{"Periode": target.Periode,
		"Doel": store.Grootte(target.Soort, target.Waarde, target.WaardeTot, target.Eenheid)})
	if strings.TrimSpace(in.Waarde) == "" {
		return text
	}
	if pct, ok := store.Realisatie(b.Waarde, b.Eenheid, target); ok {
		text += " " + lang.L("Ingevuld: {{.Waarde}} = {{.P}}% gerealiseerd; {{.Uitkomst}}.",
			map[string]any{"Waarde": store.Grootte("", b.Waarde, nil, b.Eenheid), "P": dutchnum.Format(pct, 0),
				"Uitkomst": target.Uitkomst(b.Waarde)})
	}
	return text
}

// targetPeriods lists the periods the targets are set for.
func targetPeriods(targets []domain.Doelstelling) string {
	var ps []string
	for _, t := range targets {
		if !slices.Contains(ps, t.Periode) {
			ps = append(ps, t.Periode)
		}
	}
	return strings.Join(ps, ", ")
}

// loadHistory reads the reach and targets of an intervention for the
// history pane; with noteChanges set (the data was read again) it points
// out a stored figure of the typed period that changed meanwhile.
func (f *bereikForm) loadHistory(id uint, noteChanges bool) {
	var (
		item    domain.Interventie
		reach   []domain.Bereik
		targets []domain.Doelstelling
		maten   []domain.Maat
		marks   conflictMarks
	)
	gone := false
	f.m.background(func() (err error) {
		if item, err = f.m.store.Interventie(id); err != nil {
			gone = errors.Is(err, store.ErrNotFound)
			return err
		}
		if marks, err = readConflictMarks(f.m.store); err != nil {
			return err
		}
		if reach, err = f.m.store.BereikVan(id); err != nil {
			return err
		}
		if maten, err = f.m.store.Maten(id); err != nil {
			return err
		}
		targets, err = f.m.store.Doelstellingen(id)
		return err
	}, func(err error) {
		switch {
		case gone && id == f.historyFor:
			f.forgetHistory()
			return
		case gone:
			return // typed a moment ago, removed since: the preview says no intervention matches
		case err != nil:
			f.m.showError(err)
			return
		}
		if noteChanges && id == f.historyFor && f.dirty() {
			f.noteChanged(item.Naam, f.history, reach)
		}
		f.historyFor, f.historyName, f.history, f.targets, f.maten, f.marks = id, item.Naam, reach, targets, maten, marks
		f.conflict.set(marks.interventieText(item, reach, targets))
		f.showMeasures()
		f.historyTitle.SetText(lang.L("Geschiedenis: {{.Naam}}", map[string]any{"Naam": item.Naam}))
		var lines []string
		for _, t := range targets {
			lines = append(lines, lang.L("Doelstelling {{.Periode}}: {{.Doel}}", map[string]any{"Periode": t.Periode,
				"Doel": store.Grootte(t.Soort, t.Waarde, t.WaardeTot, t.Eenheid)}))
		}
		if len(lines) == 0 {
			lines = append(lines, lang.L("Geen kwantitatieve doelstelling in de bronnen."))
		}
		if len(reach) == 0 {
			lines = append(lines, lang.L("Nog geen bereik vastgelegd."))
		}
		f.targetText.SetText(strings.Join(lines, "\n"))
		f.showHistory()
	})
}

// forgetHistory empties the history pane of an intervention that is no
// longer there (a colleague removed it and a synchronisation brought that
// in) and says so, instead of showing its figures as if they were stored.
func (f *bereikForm) forgetHistory() {
	naam := f.historyName
	f.emptyHistory(lang.L("{{.Naam}} is intussen verwijderd, bijvoorbeeld door een collega (zie Wijzigingen en Conflicten); kies een andere interventie.",
		map[string]any{"Naam": naam}))
}

// emptyHistory shows no intervention in the history pane, with text in
// place of its targets.
func (f *bereikForm) emptyHistory(text string) {
	f.historyFor, f.historyName, f.history, f.targets, f.maten, f.marks = 0, "", nil, nil, nil, conflictMarks{}
	f.conflict.set("")
	f.maatKeuze.RemoveAll()
	f.historyTitle.SetText(lang.L("Geschiedenis"))
	f.targetText.SetText(text)
	f.showHistory()
	f.relayout()
}

// noteChanged compares the figures stored for intervention naam in the
// typed period before and after the data was read again, and shows above
// the preview which changed: the typed input stays, and saving over a
// colleague's new figure is then a choice.
func (f *bereikForm) noteChanged(naam string, before, after []domain.Bereik) {
	p, err := period.Parse(f.periode.Text)
	if err != nil {
		return
	}
	inPeriod := func(list []domain.Bereik) map[string]string {
		out := map[string]string{}
		for _, b := range list {
			if b.Periode == p.String() {
				out[f.measureName(b)] = store.Grootte(b.Soort, b.Waarde, b.WaardeTot, b.Eenheid)
			}
		}
		return out
	}
	old, now := inPeriod(before), inPeriod(after)
	var lines []string
	for _, k := range sortedKeys(old, now) {
		if old[k] != now[k] {
			lines = append(lines, lang.L("{{.Maat}}: was {{.Oud}}, nu {{.Nieuw}}",
				map[string]any{"Maat": k, "Oud": orNone(old[k]), "Nieuw": orNone(now[k])}))
		}
	}
	if len(lines) == 0 {
		return
	}
	f.changed.SetText(lang.L("Intussen (synchronisatie of import) is het opgeslagen bereik van {{.Naam}} in {{.Periode}} gewijzigd: {{.Wat}}. "+
		"Uw invoer staat er nog; Opslaan vervangt de opgeslagen waarde.",
		map[string]any{"Naam": naam, "Periode": p.Label(), "Wat": strings.Join(lines, "; ")}))
	f.changed.Show()
	f.relayout()
}

// measureName is the name of a figure's measure, or else its unit.
func (f *bereikForm) measureName(b domain.Bereik) string {
	for _, m := range f.maten {
		if b.MaatID != nil && m.ID == *b.MaatID {
			return m.Naam
		}
	}
	return b.Eenheid
}

// sortedKeys is the keys of both maps, sorted, each once.
func sortedKeys(a, b map[string]string) []string {
	var keys []string
	for _, m := range []map[string]string{a, b} {
		for k := range m {
			if !slices.Contains(keys, k) {
				keys = append(keys, k)
			}
		}
	}
	slices.Sort(keys)
	return keys
}

// hideChanged takes the note of noteChanged away (the input was saved or
// thrown away).
func (f *bereikForm) hideChanged() {
	f.changed.SetText("")
	f.changed.Hide()
	f.relayout()
}

// showHistory writes the history, newest period first: per figure a line
// with the figure and a smaller one with who recorded it, both wrapping.
func (f *bereikForm) showHistory() {
	f.historyBox.RemoveAll()
	for k := len(f.history) - 1; k >= 0; k-- {
		line := widget.NewLabel(historyLine(f.history[k], f.targets, f.maten))
		line.Wrapping = fyne.TextWrapWord
		who := widget.NewLabel(historyWho(f.history[k]))
		who.Wrapping = fyne.TextWrapWord
		who.SizeName = theme.SizeNameCaptionText
		entry := container.New(layout.NewCustomPaddedVBoxLayout(0), line, who)
		if mark := f.marks.record("bereik", f.history[k].ID); mark != "" {
			note := widget.NewLabel(mark)
			note.Importance = widget.WarningImportance
			entry.Add(note)
		}
		f.historyBox.Add(entry)
	}
}

// showMeasures offers a button per measure of the intervention; a click
// puts its name and unit in the form.
func (f *bereikForm) showMeasures() {
	f.maatKeuze.RemoveAll()
	for _, m := range f.maten {
		f.maatKeuze.Add(widget.NewButton(m.Naam+" ("+m.Eenheid+")", func() {
			f.maat.SetText(m.Naam)
			f.eenheid.SetText(m.Eenheid)
			f.m.win.Canvas().Focus(f.waarde)
		}))
	}
	if len(f.maten) == 0 {
		f.maatKeuze.Add(widget.NewLabel(lang.L("Nog geen maat: geef de eenheid op, dan wordt dat de maat.")))
	}
	f.relayout()
}

// relayout lays the form out again after a part of it changed height (the
// measure buttons, the suggestions, a hint that wraps to more lines).
func (f *bereikForm) relayout() {
	if f.left != nil {
		relayoutScroll(f.left)
	}
}

// onSave records the reach (Enter, Ctrl+S), or shows the store's messages at
// the fields and stores nothing.
func (f *bereikForm) onSave() {
	in := f.input()
	var (
		saved domain.Bereik
		undo  store.BereikUndo
	)
	f.saveButton.Disable()
	f.m.background(func() (err error) {
		saved, undo, err = f.m.store.RecordBereikInvoerUndoable(in)
		return err
	}, func(err error) {
		f.saveButton.Enable()
		if err != nil {
			f.fields.show(err)
			f.message.SetText("")
			f.focusFirstError()
			return
		}
		f.fields.clear()
		f.hideChanged()
		f.undos = append(f.undos, undo)
		f.undoButton.Enable()
		msg := lang.L("Opgeslagen: {{.Waarde}} voor {{.Naam}} in {{.Periode}}.", map[string]any{
			"Waarde": store.Grootte("", saved.Waarde, nil, saved.Eenheid), "Naam": strings.TrimSpace(in.Interventie), "Periode": saved.Periode})
		if undo.Previous != nil {
			msg += " " + lang.L("De vorige waarde {{.Oud}} is vervangen.", map[string]any{"Oud": dutchnum.FormatAuto(undo.Previous.Waarde)})
		}
		f.message.SetText(msg + " " + lang.L("Ctrl+Z maakt dit ongedaan."))
		f.m.setStatus(msg)
		f.loadHistory(*saved.InterventieID, false)
		f.resetForNext()
	})
}

// resetForNext clears the figure, its measure and note, and keeps the
// intervention, period, status and source for the next entry (a second
// measure of the same intervention needs no retyping); the kept text counts
// as saved. The source is kept for this intervention only: choosing another
// empties it (onPickerChanged). The cursor goes to the intervention with its name selected, so
// typing replaces it and Tab keeps it.
func (f *bereikForm) resetForNext() {
	for _, e := range []*entry{f.interventie, f.periode, f.bron} {
		e.SetText(e.Text)
	}
	for _, e := range []*entry{f.waarde, f.maat, f.eenheid, f.notitie} {
		e.SetText("")
	}
	f.sourceOf = strings.TrimSpace(f.interventie.Text)
	f.focusSelected(f.interventie)
}

// focusFirstError puts the cursor in the first field with a message.
func (f *bereikForm) focusFirstError() {
	for _, c := range []struct {
		key string
		e   *entry
	}{{"interventie", f.interventie}, {"periode", f.periode}, {"waarde", f.waarde}, {"maat", f.maat}, {"eenheid", f.eenheid},
		{"bron", f.bron}, {"notitie", f.notitie}} {
		if f.fields.message(c.key) != "" {
			f.m.win.Canvas().Focus(c.e)
			return
		}
	}
}

// onUndo takes back the last save (Ctrl+Z); it reports whether there was one.
func (f *bereikForm) onUndo() bool {
	if len(f.undos) == 0 {
		return false
	}
	u := f.undos[len(f.undos)-1]
	f.m.background(func() error { return f.m.store.UndoBereik(u) }, func(err error) {
		if err != nil {
			f.m.showError(err)
			f.undos = nil
			f.undoButton.Disable()
			return
		}
		f.undos = f.undos[:len(f.undos)-1]
		f.undoButton.Enable()
		if len(f.undos) == 0 {
			f.undoButton.Disable()
		}
		msg := lang.L("Ongedaan gemaakt: het bereik in {{.Periode}} is verwijderd.", map[string]any{"Periode": u.Saved.Periode})
		if u.Previous != nil {
			msg = lang.L("Ongedaan gemaakt: het bereik in {{.Periode}} is weer {{.Oud}}.",
				map[string]any{"Periode": u.Saved.Periode, "Oud": dutchnum.FormatAuto(u.Previous.Waarde)})
		}
		f.message.SetText(msg)
		f.m.setStatus(msg)
		f.loadHistory(*u.Saved.InterventieID, false)
	})
	return true
}

// forgetUndos ends the taking back of the saves made so far, after a
// synchronisation: it sent them to the team and may have changed the
// figures underneath, so neither the message about the last save, its
// button nor Ctrl+Z offers to take it back.
func (f *bereikForm) forgetUndos() {
	f.undos = nil
	f.undoButton.Disable()
	f.message.SetText("")
}

// Cancel empties the form (Esc, Leegmaken); with typed input that is not
// saved it asks first, as Help promises.
func (f *bereikForm) Cancel() {
	if !f.dirty() {
		f.clear()
		return
	}
	askDiscard(f.m.win, lang.L("Invoer weggooien?"),
		lang.L("U heeft bereik ingevoerd zonder het op te slaan. Wilt u de invoer weggooien?"), f.clear)
}

// clear empties every field and the history pane, and puts the cursor in
// the intervention, so the next letter typed goes there.
func (f *bereikForm) clear() {
	for _, e := range []*entry{f.interventie, f.periode, f.waarde, f.maat, f.eenheid, f.bron, f.notitie} {
		e.SetText("")
	}
	f.fields.clear()
	f.hideChanged()
	f.emptyHistory(lang.L("Nog geen interventie gekozen."))
	f.m.win.Canvas().Focus(f.interventie)
}

// dirty reports typed input that is not saved: any field the user typed in
// since the form was emptied or saved.
func (f *bereikForm) dirty() bool {
	for _, e := range []*entry{f.interventie, f.periode, f.waarde, f.maat, f.eenheid, f.bron, f.notitie} {
		if e.typed() && strings.TrimSpace(e.Text) != "" {
			return true
		}
	}
	return false
}
