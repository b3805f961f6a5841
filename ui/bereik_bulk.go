package ui

import (
	"errors"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/dutchnum"
	"jeugdmonitor/data/period"
	"jeugdmonitor/data/store"
)

// bulkColumns are the widths of the grid's columns: intervention,
// organisation, measure or unit, target, current value, new value, share of
// the target, note, message.
var bulkColumns = columns{2.4, 1.3, 2.2, 1.8, 1.1, 1, 0.6, 1.3, 1.3}

// bulkRow is one measure of an intervention in the bulk grid (one row with
// an empty measure for an intervention that has none yet).
type bulkRow struct {
	item  domain.Interventie
	maten []domain.Maat // the intervention's measures
	// targetUnit is the unit of the intervention's latest target, which the
	// store gives a figure typed without a measure or unit.
	targetUnit string
	maat       *entry // a measure's name, or a unit
	// eenheid says, under the measure, what it counts when its name does
	// not ("in procent van de huisartsenpraktijken"); hidden otherwise
	eenheid *widget.Label
	target  *widget.Label
	current *widget.Label
	waarde  *entry
	pct     *widget.Label
	notitie *entry
	err     *widget.Label
	// doel is the target that applies to the row's period and unit.
	doel *domain.Doelstelling
	// was is the value stored for the row when the user typed its figure,
	// when a reload (a synchronisation, an import) changed it since; ""
	// when it did not change. The Nu column shows both.
	was string
}

// measure is the row's measure when its first cell names one of the
// intervention's measures.
func (r *bulkRow) measure() *domain.Maat {
	text := strings.TrimSpace(r.maat.Text)
	for k := range r.maten {
		if strings.EqualFold(r.maten[k].Naam, text) {
			return &r.maten[k]
		}
	}
	return nil
}

// unit is what the row counts: its measure's unit, or the unit typed, or
// else its latest target's.
func (r *bulkRow) unit() string {
	if m := r.measure(); m != nil {
		return m.Eenheid
	}
	if text := strings.TrimSpace(r.maat.Text); text != "" {
		return text
	}
	return r.targetUnit
}

// showUnit shows under the measure its full name when the cell of width
// cellWidth cuts it off, and what it counts when its name does not say it:
// a count typed where a percentage is meant is then seen in time.
func (r *bulkRow) showUnit(cellWidth float32) {
	m := r.measure()
	if m == nil {
		r.eenheid.Hide()
		return
	}
	var parts []string
	if fyne.MeasureText(m.Naam, theme.TextSize(), fyne.TextStyle{}).Width > cellWidth-2*theme.InnerPadding() {
		parts = append(parts, m.Naam)
	}
	if !strings.Contains(strings.ToLower(m.Naam), strings.ToLower(m.Eenheid)) {
		parts = append(parts, lang.L("in {{.Eenheid}}", map[string]any{"Eenheid": m.Eenheid}))
	}
	if len(parts) == 0 {
		r.eenheid.Hide()
		return
	}
	r.eenheid.SetText(strings.Join(parts, " · "))
	r.eenheid.Show()
}

// measureCellWidth is about the width of the grid's measure cells: that
// column's share of the window beside the navigation (the grid's own size
// is not known until it is laid out, and stale in a tab not on show).
func (g *bulkGrid) measureCellWidth() float32 {
	w := g.m.win.Canvas().Size().Width*(1-navigationShare) - 4*theme.Padding()
	var total float32
	for _, c := range bulkColumns {
		total += c
	}
	return w*bulkColumns[2]/total - 4
}

// invoer is the row as typed reach for the store: the measure by name, or
// else the typed text as the unit.
func (r *bulkRow) invoer(periode, status, bron string) store.BereikInvoer {
	in := store.BereikInvoer{Interventie: r.item.Naam, Periode: periode, Waarde: r.waarde.Text,
		Status: status, Bron: bron, Notitie: r.notitie.Text}
	if m := r.measure(); m != nil {
		in.Maat = m.Naam
	} else {
		in.Eenheid = strings.TrimSpace(r.maat.Text)
	}
	return in
}

// showShare writes the typed value as a share of the row's target.
func (r *bulkRow) showShare() {
	r.pct.SetText("")
	v, err := dutchnum.Parse(r.waarde.Text)
	if err != nil || strings.TrimSpace(r.waarde.Text) == "" {
		return
	}
	if p, ok := store.Realisatie(v, r.unit(), r.doel); ok {
		r.pct.SetText(dutchnum.Format(p, 0) + "%")
	}
}

// bulkGrid records the reach of many interventions in one period at once,
// like a spreadsheet: Tab and Enter move on, Up and Down change rows, and
// saving stores every filled-in row in one transaction or none of them.
type bulkGrid struct {
	m *Main

	all      []domain.Interventie
	targets  map[uint][]domain.Doelstelling
	maten    map[uint][]domain.Maat
	existing map[uint][]domain.Bereik

	periode     *entry
	organisatie *widget.Select
	cluster     *widget.Select
	status      *widget.RadioGroup
	bron        *entry
	fields      *fieldSet
	rows        []*bulkRow
	grid        *fyne.Container
	scroll      *container.Scroll // scrolls the grid
	saveButton  *widget.Button
	message     *widget.Label
	content     fyne.CanvasObject
}

func newBulkGrid(m *Main) *bulkGrid {
	g := &bulkGrid{m: m}
	g.buildUI()
	return g
}

func (g *bulkGrid) buildUI() {
	g.periode = newEntry(lang.L("2024, 2024-H1 of 2023/2024"))
	g.periode.OnChanged = func(string) { g.loadExisting() }
	g.periode.OnSubmitted = func(string) { g.focusRow(0) }
	g.periode.onEscape = g.Cancel
	g.bron = newEntry(lang.L("bron van alle cijfers in deze tabel"))
	g.bron.onEscape = g.Cancel
	g.bron.OnSubmitted = func(string) { g.focusRow(0) }
	g.organisatie = widget.NewSelect(nil, func(string) { g.buildRows() })
	g.cluster = widget.NewSelect(nil, func(string) { g.buildRows() })
	g.status = newStatusGroup()

	g.fields = newFieldSet()
	g.fields.add("periode", lang.L("Periode"), g.periode)
	g.fields.add("organisatie", lang.L("Organisatie"), container.NewHBox(g.organisatie, widget.NewLabel(lang.L("Cluster")), g.cluster))
	g.fields.add("status", lang.L("Status"), g.status)
	g.fields.add("bron", lang.L("Bron"), g.bron)

	g.grid = container.NewVBox()
	g.saveButton = widget.NewButtonWithIcon(lang.L("Alles opslaan (Ctrl+S)"), theme.DocumentSaveIcon(), g.onSave)
	g.saveButton.Importance = widget.HighImportance
	g.message = widget.NewLabel("")
	g.message.Wrapping = fyne.TextWrapWord

	head := func(text string) fyne.CanvasObject {
		l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	header := container.New(bulkColumns, head(lang.L("Interventie")), head(lang.L("Organisatie")), head(lang.L("Maat / eenheid")),
		head(lang.L("Doelstelling")), head(lang.L("Nu")), head(lang.L("Bereik")), head("%"), head(lang.L("Notitie")),
		head(lang.L("Melding")))
	top := container.NewVBox(g.fields.form(), header)
	// the message lists every row's problem: five lines, the rest scrolls
	message := newCappedScroll(g.message, 5*theme.TextSize()*1.6)
	bottom := container.NewVBox(widget.NewSeparator(), container.NewBorder(nil, nil, nil, container.NewVBox(g.saveButton), message))
	g.scroll = container.NewVScroll(g.grid)
	g.content = container.NewBorder(top, bottom, nil, nil, g.scroll)
}

// Content is the grid's canvas object.
func (g *bulkGrid) Content() fyne.CanvasObject { return g.content }

// Refresh reads the interventions and their targets.
func (g *bulkGrid) Refresh() {
	var (
		all      []domain.Interventie
		targets  []domain.Doelstelling
		maten    map[uint]domain.Maat
		existing map[uint][]domain.Bereik
	)
	p := g.canonical()
	g.m.load(func() (err error) {
		if all, err = g.m.store.Interventies(false); err != nil {
			return err
		}
		if maten, err = g.m.store.AlleMaten(); err != nil {
			return err
		}
		if p != "" {
			if existing, err = g.m.store.BereikInPeriode(p); err != nil {
				return err
			}
		}
		targets, err = g.m.store.AlleDoelstellingen()
		return err
	}, func() {
		g.all = all
		g.maten = map[uint][]domain.Maat{}
		for _, m := range maten {
			g.maten[m.InterventieID] = append(g.maten[m.InterventieID], m)
		}
		for _, list := range g.maten {
			slices.SortFunc(list, func(a, b domain.Maat) int { return int(a.ID) - int(b.ID) })
		}
		g.targets = map[uint][]domain.Doelstelling{}
		for _, t := range targets {
			for _, id := range t.InterventieIDs {
				g.targets[id] = append(g.targets[id], t)
			}
		}
		setChoices(g.organisatie, lang.L("Alle organisaties"), store.AlleOrganisaties(all))
		setChoices(g.cluster, lang.L("Alle clusters"), clusterNames())
		g.buildRows()
		if p == g.canonical() {
			g.noteChanged(existing)
			g.fillTargets()
		}
	})
}

// noteChanged takes existing as the reach now recorded in the period and,
// for every row with a typed figure whose stored value it changes (a
// colleague's figure came in with a synchronisation), keeps the typed
// figure and shows the old and the new stored value: Nu says "(was …)" and
// the message under the grid lists them, so that saving over a colleague's
// figure is a choice and not an accident.
func (g *bulkGrid) noteChanged(existing map[uint][]domain.Bereik) {
	var lines []string
	for _, r := range g.rows {
		if strings.TrimSpace(r.waarde.Text) == "" {
			continue
		}
		before, after := g.storedText(g.existing, r), g.storedText(existing, r)
		if before == after {
			continue
		}
		if r.was == "" {
			r.was = before
		}
		maat := strings.TrimSpace(r.maat.Text)
		if maat == "" {
			maat = r.unit()
		}
		lines = append(lines, lang.L("{{.Naam}} ({{.Maat}}): was {{.Oud}}, nu {{.Nieuw}}; u typte {{.Getypt}}",
			map[string]any{"Naam": r.item.Naam, "Maat": orNone(maat), "Oud": r.was, "Nieuw": after, "Getypt": strings.TrimSpace(r.waarde.Text)}))
	}
	g.existing = existing
	if len(lines) > 0 {
		g.message.SetText(strings.Join(append([]string{lang.L("Intussen is een opgeslagen cijfer gewijzigd waar u een cijfer typte (synchronisatie of import). " +
			"Uw getypte cijfers staan er nog; Alles opslaan vervangt de nieuwe waarden.")}, lines...), "\n"))
	}
}

// canonical is the period as typed, in the store's canonical form, or "".
func (g *bulkGrid) canonical() string {
	p, err := period.Parse(g.periode.Text)
	if err != nil {
		return ""
	}
	return p.String()
}

// loadExisting reads the reach already recorded for the typed period.
func (g *bulkGrid) loadExisting() {
	p := g.canonical()
	var existing map[uint][]domain.Bereik
	g.m.background(func() (err error) {
		if p != "" {
			existing, err = g.m.store.BereikInPeriode(p)
		}
		return err
	}, func(err error) {
		if err != nil {
			g.m.showError(err)
			return
		}
		if p != g.canonical() {
			return
		}
		g.existing = existing
		for _, r := range g.rows {
			r.was = ""
		}
		g.fillTargets()
	})
}

// buildRows makes a row per measure of every intervention that passes the
// organisation and cluster choice (one row with an empty measure for an
// intervention without one). Typed cells of rows still shown are kept with
// their measure, also when the measures changed (a synchronisation); a
// typed row whose measure is gone stays as a row of its own. The cursor
// stays in the cell it was in.
func (g *bulkGrid) buildRows() {
	typed := map[uint][]*bulkRow{}
	for _, r := range g.rows {
		typed[r.item.ID] = append(typed[r.item.ID], r)
	}
	focused, refocus := g.focusedCell(), gridCell{}
	f := store.InterventieFilter{}
	if g.organisatie.SelectedIndex() > 0 {
		f.Uitvoerder = g.organisatie.Selected
	}
	if g.cluster.SelectedIndex() > 0 {
		f.Cluster = domain.Cluster(g.cluster.Selected)
	}
	g.rows = nil
	g.grid.RemoveAll()
	for _, item := range f.Filter(g.all) {
		names := []string{""}
		if maten := g.maten[item.ID]; len(maten) > 0 {
			names = names[:0]
			for _, m := range maten {
				names = append(names, m.Naam)
			}
		}
		old := typed[item.ID]
		for _, r := range old {
			if (r.maat.typed() || strings.TrimSpace(r.waarde.Text+r.notitie.Text) != "") &&
				!slices.ContainsFunc(names, func(n string) bool { return strings.EqualFold(n, r.maat.set) }) {
				names = append(names, r.maat.set) // its measure is gone: the typed row stays
			}
		}
		for k, naam := range names {
			r := g.newRow(item)
			r.maat.SetText(naam)
			if i := slices.IndexFunc(old, func(o *bulkRow) bool { return strings.EqualFold(o.maat.set, naam) }); i >= 0 {
				r.keepTyped(old[i])
				if focused.row == old[i] {
					refocus = gridCell{r, focused.col}
				}
				old = slices.Delete(old, i, i+1)
			}
			g.rows = append(g.rows, r)
			// the intervention and its organisation once, above its measures, in full
			name, org := widget.NewLabel(""), widget.NewLabel("")
			if k == 0 {
				if len(g.rows) > 1 { // a line between interventions
					g.grid.Add(widget.NewSeparator())
				}
				name.SetText(item.Naam)
				org.SetText(orNone(item.Uitvoerder))
			}
			name.Wrapping, org.Wrapping = fyne.TextWrapWord, fyne.TextWrapWord
			// a row is as tall as its longest wrapped text; the inputs keep their height at its top
			top := container.NewVBox
			g.grid.Add(container.New(bulkColumns, name, org, top(r.maat, r.eenheid), top(r.target), top(r.current),
				top(r.waarde), top(r.pct), top(r.notitie), r.err))
		}
	}
	g.fillTargets()
	g.message.SetText(lang.L("{{.Rijen}} in de tabel: een per maat van elke interventie. Lege cellen worden overgeslagen. Een waarde met (afgeleid) staat zo niet letterlijk in de bron: het register leidde de periode of de grootte af; waarom staat op de pagina van de interventie.", map[string]any{"Rijen": dutchnum.Aantal(len(g.rows), lang.L("rij"), lang.L("rijen"))}))
	if refocus.row != nil {
		g.focusCellOf(refocus.row, refocus.col)
	}
}

// keepTyped puts the cells of old, the same measure's row before the grid
// was built again, in r, typed text still counting as typed.
func (r *bulkRow) keepTyped(old *bulkRow) {
	for _, c := range [][2]*entry{{r.maat, old.maat}, {r.waarde, old.waarde}, {r.notitie, old.notitie}} {
		c[0].SetText(c[1].set)
		c[0].Entry.SetText(c[1].Text)
	}
	r.was = old.was
	r.err.SetText(old.err.Text)
}

// gridCell is a cell of the grid: a row and its column (an index of
// bulkCellNames).
type gridCell struct {
	row *bulkRow
	col int
}

// focusedCell is the cell with the cursor; its row is nil when the cursor
// is not in the grid.
func (g *bulkGrid) focusedCell() gridCell {
	focused := g.m.win.Canvas().Focused()
	for _, r := range g.rows {
		for col := range bulkCellNames {
			if r.cell(col) == focused {
				return gridCell{r, col}
			}
		}
	}
	return gridCell{}
}

// focusCellOf puts the cursor at the end of row r's cell col.
func (g *bulkGrid) focusCellOf(r *bulkRow, col int) {
	e := r.cell(col)
	g.m.win.Canvas().Focus(e)
	e.CursorRow, e.CursorColumn = 0, len([]rune(e.Text))
	e.Refresh()
}

// newRow makes the inputs of one row, wired for spreadsheet-like moving.
func (g *bulkGrid) newRow(item domain.Interventie) *bulkRow {
	k := len(g.rows)
	r := &bulkRow{item: item, maten: g.maten[item.ID], target: widget.NewLabel(""), current: widget.NewLabel(""),
		pct: widget.NewLabel(""), err: widget.NewLabel("")}
	r.eenheid = widget.NewLabel("")
	r.eenheid.Wrapping = fyne.TextWrapWord
	r.eenheid.SizeName = theme.SizeNameCaptionText
	r.eenheid.Hide()
	r.target.Wrapping = fyne.TextWrapWord
	r.current.Wrapping = fyne.TextWrapWord
	r.err.Wrapping = fyne.TextWrapWord
	r.err.Importance = widget.DangerImportance
	if t := g.targets[item.ID]; len(t) > 0 {
		r.targetUnit = t[len(t)-1].Eenheid
	}
	r.maat = newEntry(lang.L("eenheid"))
	if r.targetUnit != "" {
		r.maat.PlaceHolder = r.targetUnit
	}
	r.maat.onEscape = g.Cancel
	r.maat.OnChanged = func(string) { g.fillRow(r) }
	r.waarde = newEntry("")
	r.waarde.OnChanged = func(string) { r.showShare() }
	r.notitie = newEntry("")
	for col := range bulkCellNames {
		e := r.cell(col)
		e.onPaste = func(text string) bool { return g.onPaste(k, col, text) }
		e.onFocusGained = func() { scrollIntoView(g.scroll, e) } // Fyne's scroll does not follow the cursor
	}
	// Tab in the note goes to the next row's value, past its measure: a
	// column of figures typed with Tab stays out of the measures
	r.notitie.onTab = func() { g.focusCell(k+1, 0) }
	for col, e := range []*entry{r.waarde, r.notitie} {
		e.onEscape = g.Cancel
		e.OnSubmitted = func(string) { g.focusCell(k+1, col) }
		e.onDown = func() { g.focusCell(k+1, col) }
		e.onUp = func() { g.focusCell(k-1, col) }
	}
	return r
}

// focusRow puts the cursor in the value cell of row k.
func (g *bulkGrid) focusRow(k int) { g.focusCell(k, 0) }

// focusCell puts the cursor in row k, column col (0 value, 1 note); past the
// last row it goes to the save button.
func (g *bulkGrid) focusCell(k, col int) {
	switch {
	case k < 0:
		g.m.win.Canvas().Focus(g.periode)
	case k >= len(g.rows):
		g.m.win.Canvas().Focus(g.saveButton)
	case col == 0:
		g.m.win.Canvas().Focus(g.rows[k].waarde)
	default:
		g.m.win.Canvas().Focus(g.rows[k].notitie)
	}
}

// fillTargets shows per row the target for the period and the value now
// recorded.
func (g *bulkGrid) fillTargets() {
	for _, r := range g.rows {
		g.fillRow(r)
	}
}

// fillRow shows, for one row's measure or unit, the target that applies to
// the period (with the period it is set for, so the row says which), the
// value now recorded, and the share of the target the typed value is.
func (g *bulkGrid) fillRow(r *bulkRow) {
	r.showUnit(g.measureCellWidth())
	p := g.canonical()
	r.doel = nil
	if p != "" && r.unit() != "" {
		r.doel = store.DoelVoorPeriode(g.targets[r.item.ID], p, r.unit())
	}
	r.target.SetText("–")
	if t := r.doel; t != nil {
		r.target.SetText(t.Periode + afgeleidMerk(t.Afgeleid, "periode") + ": " +
			store.Grootte(t.Soort, t.Waarde, t.WaardeTot, "") + afgeleidGrootteMerk(t.Afgeleid))
	}
	r.current.SetText(g.storedText(g.existing, r))
	r.current.Importance = widget.MediumImportance
	if r.was != "" {
		r.current.Importance = widget.WarningImportance
		r.current.SetText(r.current.Text + " " + lang.L("(was {{.Oud}})", map[string]any{"Oud": r.was}))
	}
	r.showShare()
}

// storedText is the value existing holds for the row's measure or unit in
// the period, as the Nu column writes it, or "–".
func (g *bulkGrid) storedText(existing map[uint][]domain.Bereik, r *bulkRow) string {
	text := "–"
	if g.canonical() == "" {
		return text
	}
	m := r.measure()
	for _, b := range existing[r.item.ID] {
		if m != nil && b.MaatID != nil && *b.MaatID == m.ID || m == nil && strings.EqualFold(b.Eenheid, r.unit()) {
			text = dutchnum.FormatAuto(b.Waarde) + afgeleidRecordMerk(b.Afgeleid)
		}
	}
	return text
}

// onSave stores every row with a value in one transaction (Ctrl+S), or shows
// per cell what is wrong and stores nothing.
func (g *bulkGrid) onSave() {
	var (
		in    []store.BereikInvoer
		index []*bulkRow
	)
	for _, r := range g.rows {
		r.err.SetText("")
		if strings.TrimSpace(r.waarde.Text) == "" && strings.TrimSpace(r.notitie.Text) == "" {
			continue
		}
		in = append(in, r.invoer(g.periode.Text, g.status.Selected, g.bron.Text))
		index = append(index, r)
	}
	g.fields.clear()
	if len(in) == 0 {
		g.message.SetText(lang.L("Niets om op te slaan: vul in de kolom Bereik minstens één cijfer in."))
		return
	}
	g.saveButton.Disable()
	g.m.background(func() error { return g.m.store.RecordBereikInvoerBatch(in) }, func(err error) {
		g.saveButton.Enable()
		var batch *store.BatchError
		switch {
		case errors.As(err, &batch):
			g.showRowErrors(batch, index)
		case err != nil:
			g.m.showError(err)
		default:
			g.message.SetText(lang.L("Opgeslagen: {{.Cijfers}} voor {{.Periode}}, in één keer.",
				map[string]any{"Cijfers": dutchnum.Aantal(len(in), lang.L("cijfer"), lang.L("cijfers")), "Periode": g.canonical()}))
			g.m.setStatus(g.message.Text)
			for _, r := range index {
				r.was = ""
				r.waarde.SetText("")
				r.notitie.SetText("")
				r.maat.SetText(r.maat.Text)
			}
			g.periode.SetText(g.periode.Text)
			g.bron.SetText(g.bron.Text)
			g.loadExisting()
		}
	})
}

// showRowErrors puts each row's problems in its message cell and, in full,
// under the grid with the row's intervention and measure; problems with the
// shared fields (period, status, source) go to those fields once.
func (g *bulkGrid) showRowErrors(batch *store.BatchError, index []*bulkRow) {
	var sharedProblems []domain.FieldError
	var lines []string
	for _, re := range batch.Rows {
		own, shared := rowProblems(re.Err)
		for _, p := range shared {
			if !slices.Contains(sharedProblems, p) {
				sharedProblems = append(sharedProblems, p)
			}
		}
		if line := index[re.Row].showProblems(own); line != "" {
			lines = append(lines, line)
		}
	}
	if len(sharedProblems) > 0 {
		g.fields.show(&domain.ValidationError{Problemen: sharedProblems})
	}
	g.message.SetText(strings.Join(append([]string{lang.L("Niets opgeslagen: {{.Rijen}} met een fout. Verbeter ze en sla opnieuw op.",
		map[string]any{"Rijen": dutchnum.Aantal(len(batch.Rows), lang.L("rij"), lang.L("rijen"))})}, lines...), "\n"))
}

// Cancel empties every cell (Esc); with figures or notes typed and not
// saved it asks first, as the form does.
func (g *bulkGrid) Cancel() {
	if !slices.ContainsFunc(g.rows, func(r *bulkRow) bool { return strings.TrimSpace(r.waarde.Text+r.notitie.Text) != "" }) {
		g.clearCells()
		return
	}
	askDiscard(g.m.win, lang.L("Invoer weggooien?"),
		lang.L("U heeft cijfers in de tabel ingevoerd zonder ze op te slaan. Wilt u ze weggooien?"), g.clearCells)
}

// clearCells empties every row's figure and note.
func (g *bulkGrid) clearCells() {
	for _, r := range g.rows {
		r.waarde.SetText("")
		r.notitie.SetText("")
		r.err.SetText("")
		r.was = ""
	}
	g.fields.clear()
	g.fillTargets()
}

// dirty reports typed input that is not saved: a value or note, a measure
// typed over the one shown, or a period or source typed since the last save.
func (g *bulkGrid) dirty() bool {
	for _, e := range []*entry{g.periode, g.bron} {
		if e.typed() && strings.TrimSpace(e.Text) != "" {
			return true
		}
	}
	for _, r := range g.rows {
		if strings.TrimSpace(r.waarde.Text+r.notitie.Text) != "" || r.maat.typed() {
			return true
		}
	}
	return false
}
