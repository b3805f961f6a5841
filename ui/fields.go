package ui

import (
	"errors"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"jeugdmonitor/data/domain"
)

// entry is a text field that hands Escape, Up and Down to its screen, so
// forms and lists can be worked with the keyboard alone.
type entry struct {
	widget.Entry
	onEscape func()
	onUp     func()
	onDown   func()
	// onTab replaces Tab (not Shift+Tab): the next field the user fills
	// in, past fields between that are seldom typed in.
	onTab func()
	// onFocusLost runs when the cursor leaves the field (Tab, a click).
	onFocusLost func()
	// onFocusGained runs when the cursor comes into the field.
	onFocusGained func()
	// onPaste gets the clipboard's text on Ctrl+V and reports whether it
	// took it; otherwise the field pastes as usual.
	onPaste func(text string) bool
	// set is the text the program put in the field last (SetText); other
	// text was typed by the user, and Ctrl+Z undoes that before any save.
	set string
}

// newEntry makes a one-line entry with a placeholder.
func newEntry(placeholder string) *entry {
	e := &entry{}
	e.ExtendBaseWidget(e)
	e.PlaceHolder = placeholder
	return e
}

// newPasswordEntry makes a one-line entry that hides what is typed, with
// a button in it that shows and hides it again, as Fyne's password entry
// has; unlike that one it passes the window's own keys on (Escape cancels
// the dialog it is in).
func newPasswordEntry() *entry {
	e := newEntry("")
	e.Password = true
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	var reveal *keyButton
	reveal = newKeyButton("", theme.VisibilityOffIcon(), func() {
		e.Password = !e.Password
		if e.Password {
			reveal.SetIcon(theme.VisibilityOffIcon())
		} else {
			reveal.SetIcon(theme.VisibilityIcon())
		}
		e.Refresh()
		if c := fyne.CurrentApp().Driver().CanvasForObject(e); c != nil {
			c.Focus(e)
		}
	})
	reveal.Importance = widget.LowImportance
	e.ActionItem = reveal
	return e
}

// newMultiLineEntry makes an entry for a paragraph of text.
func newMultiLineEntry(placeholder string) *entry {
	e := newEntry(placeholder)
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.SetMinRowsVisible(3)
	return e
}

// TypedKey handles Escape, Up and Down when the screen asked for them, and
// passes the window's own keys (F1, F5, Escape otherwise) to the window: a
// focused field gets every key, and they must work from a field too.
func (e *entry) TypedKey(k *fyne.KeyEvent) {
	switch {
	case k.Name == fyne.KeyEscape && e.onEscape != nil:
		e.onEscape()
	case k.Name == fyne.KeyUp && e.onUp != nil:
		e.onUp()
	case k.Name == fyne.KeyDown && e.onDown != nil:
		e.onDown()
	case k.Name == fyne.KeyTab && e.onTab != nil:
		e.onTab()
	case passToWindow(e, k):
	default:
		e.Entry.TypedKey(k)
	}
}

// AcceptsTab takes Tab from the window when the screen gave the field its
// own next field (onTab); Shift+Tab goes back as usual.
func (e *entry) AcceptsTab() bool {
	if e.onTab == nil {
		return e.Entry.AcceptsTab()
	}
	d, ok := fyne.CurrentApp().Driver().(desktop.Driver)
	return !ok || d.CurrentKeyModifiers()&fyne.KeyModifierShift == 0
}

// FocusLost tells the screen the cursor left the field.
func (e *entry) FocusLost() {
	e.Entry.FocusLost()
	if e.onFocusLost != nil {
		e.onFocusLost()
	}
}

// FocusGained tells the screen the cursor came into the field.
func (e *entry) FocusGained() {
	e.Entry.FocusGained()
	if e.onFocusGained != nil {
		e.onFocusGained()
	}
}

// scrollIntoView scrolls s so that o, drawn inside it, is in view: Fyne's
// Scroll does not follow the cursor when Tab goes to a field below its
// visible part.
func scrollIntoView(s *container.Scroll, o fyne.CanvasObject) {
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(o).Y - d.AbsolutePositionForObject(s.Content).Y
	bottom := top + o.Size().Height
	switch view := s.Size().Height; {
	case top < s.Offset.Y:
		s.ScrollToOffset(fyne.NewPos(s.Offset.X, top))
	case bottom > s.Offset.Y+view:
		s.ScrollToOffset(fyne.NewPos(s.Offset.X, min(top, bottom-view)))
	}
}

// SetText replaces the text and remembers it as the program's.
func (e *entry) SetText(text string) {
	e.set = text
	e.Entry.SetText(text)
}

// typed reports whether the field holds text the user typed.
func (e *entry) typed() bool { return e.Text != e.set }

// TypedShortcut hands Ctrl+V to the screen when it asked for pastes, and
// Ctrl+Z to the window, which decides between undoing the typing and taking
// back the last save; other shortcuts go to the field.
func (e *entry) TypedShortcut(s fyne.Shortcut) {
	if paste, ok := s.(*fyne.ShortcutPaste); ok && e.onPaste != nil && paste.Clipboard != nil && e.onPaste(paste.Clipboard.Content()) {
		return
	}
	if _, undo := s.(*fyne.ShortcutUndo); undo {
		if c, ok := fyne.CurrentApp().Driver().CanvasForObject(e).(fyne.Shortcutable); ok {
			c.TypedShortcut(s)
			return
		}
	}
	e.Entry.TypedShortcut(s)
}

// undoTyping undoes the last typing in the field, as Ctrl+Z in any text field.
func (e *entry) undoTyping() { e.Entry.TypedShortcut(&fyne.ShortcutUndo{}) }

// fieldSet lays out a form's inputs with their labels and shows, under each,
// the Dutch message the store returned for that field. Messages for fields
// without a place of their own go to a line under the form.
type fieldSet struct {
	box     *fyne.Container
	rows    []fyne.CanvasObject
	errs    map[string]*widget.Label
	general *widget.Label
	// outer is what the form sits in when that is not the window's content
	// (a dialog's body or scroll): it is laid out again too, or a message
	// that appears has no room there.
	outer fyne.CanvasObject
}

// newFieldSet makes an empty field set.
func newFieldSet() *fieldSet {
	return &fieldSet{errs: map[string]*widget.Label{}, general: errorLabel()}
}

// errorLabel is a hidden, red, wrapping label for a message.
func errorLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	return l
}

// add appends a labelled input; key is the store's name for the field
// ("waarde", "periode"), whose messages appear under the input.
func (f *fieldSet) add(key, label string, input fyne.CanvasObject) {
	msg := errorLabel()
	f.errs[key] = msg
	f.rows = append(f.rows, widget.NewLabelWithStyle(label, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}),
		container.NewVBox(input, msg))
}

// form is the laid-out fields followed by the general message line.
func (f *fieldSet) form() fyne.CanvasObject {
	f.box = container.NewVBox(container.New(layout.NewFormLayout(), f.rows...), f.general)
	return f.box
}

// relayout lays the form out again after messages appeared or went.
func (f *fieldSet) relayout() {
	if f.box == nil {
		return
	}
	f.box.Objects[0].Refresh()
	f.box.Refresh()
	if f.outer != nil {
		f.outer.Refresh()
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(f.box); c != nil {
		c.Content().Refresh()
	}
}

// clear hides every message.
func (f *fieldSet) clear() {
	for _, l := range f.errs {
		l.SetText("")
		l.Hide()
	}
	f.general.SetText("")
	f.general.Hide()
	f.relayout()
}

// clearField hides the message at one field (when the user edits it).
func (f *fieldSet) clearField(key string) {
	if l, ok := f.errs[key]; ok && l.Text != "" {
		setMessage(l, "")
		f.relayout()
	}
}

// show clears the messages and shows err: each field problem at its field,
// anything else on the general line.
func (f *fieldSet) show(err error) {
	f.clear()
	if err == nil {
		return
	}
	problems := domain.FieldProblems(err)
	if problems == nil {
		setMessage(f.general, err.Error())
		return
	}
	var rest []error
	for _, p := range problems {
		if l, ok := f.errs[p.Veld]; ok {
			setMessage(l, joinMessage(l.Text, p.Melding))
		} else {
			rest = append(rest, p)
		}
	}
	if len(rest) > 0 {
		setMessage(f.general, errors.Join(rest...).Error())
	}
	f.relayout()
}

// message is the message shown at a field ("" when none).
func (f *fieldSet) message(key string) string {
	if l, ok := f.errs[key]; ok {
		return l.Text
	}
	return ""
}

// setMessage shows text on a message label, or hides it when text is empty.
func setMessage(l *widget.Label, text string) {
	l.SetText(text)
	if text == "" {
		l.Hide()
	} else {
		l.Show()
	}
}

func joinMessage(a, b string) string {
	if a == "" {
		return b
	}
	return a + "; " + b
}

// givenHeight stacks its objects at the height the function gives (read
// at every layout, so it may change) and their widest width.
type givenHeight func() float32

// MinSize is the widest object's width at the given height.
func (h givenHeight) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var w float32
	for _, o := range objects {
		w = max(w, o.MinSize().Width)
	}
	return fyne.NewSize(w, h())
}

// Layout gives every object the whole space.
func (h givenHeight) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// columns lays its objects out side by side, each taking its share of the
// width (the shares are relative weights).
type columns []float32

// MinSize is the tallest object's height; the width may shrink to nothing,
// the labels in a row truncate.
func (c columns) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var h float32
	for _, o := range objects {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(float32(len(objects))*40, h)
}

// Layout divides the width by the weights.
func (c columns) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	var total float32
	for i := range objects {
		total += c[i%len(c)]
	}
	x := float32(0)
	for i, o := range objects {
		w := size.Width * c[i%len(c)] / total
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w-4, size.Height))
		x += w
	}
}

// tappableLabel is a label that reacts to a click without taking the
// keyboard focus (the suggestions of the intervention picker).
type tappableLabel struct {
	widget.Label
	onTapped func()
}

func newTappableLabel(onTapped func()) *tappableLabel {
	l := &tappableLabel{onTapped: onTapped}
	l.Truncation = fyne.TextTruncateEllipsis
	l.ExtendBaseWidget(l)
	return l
}

// Tapped calls the label's action.
func (l *tappableLabel) Tapped(*fyne.PointEvent) {
	if l.onTapped != nil {
		l.onTapped()
	}
}

// smallTable lays out a few rows of text under a bold header, in columns of
// the given weights; long texts wrap. Lists that can grow long use
// widget.Table instead.
func smallTable(weights columns, header []string, rows [][]string) *fyne.Container {
	box := container.NewVBox(tableLine(weights, header, true), widget.NewSeparator())
	for _, r := range rows {
		box.Add(tableLine(weights, r, false))
	}
	return box
}

// tableLine is one row of a smallTable: wrapping labels side by side.
func tableLine(weights columns, cells []string, bold bool) fyne.CanvasObject {
	objs := make([]fyne.CanvasObject, len(cells))
	for i, c := range cells {
		l := widget.NewLabelWithStyle(c, fyne.TextAlignLeading, fyne.TextStyle{Bold: bold})
		l.Wrapping = fyne.TextWrapWord
		objs[i] = l
	}
	return container.New(weights, objs...)
}

// setScrolled replaces the objects of box, which scrolls in scroll, and lays
// the page out again.
func setScrolled(scroll *container.Scroll, box *fyne.Container, objs []fyne.CanvasObject) {
	box.Objects = objs
	box.Refresh()
	relayoutScroll(scroll)
}

// relayoutScroll lays the content of scroll out again after its objects
// changed on screen. A wrapping label knows its height only once a layout has
// given it its width, so the box's own layout stacks new rows at too small a
// height and they overlap; the scroll container's layout, with the heights now
// known, puts them right.
func relayoutScroll(scroll *container.Scroll) { scroll.Refresh() }

// newTwoLineRow makes a compact list row: a title and a smaller line under it.
func newTwoLineRow() fyne.CanvasObject {
	title := canvas.NewText("", theme.Color(theme.ColorNameForeground))
	meta := canvas.NewText("", theme.Color(theme.ColorNameForeground))
	meta.TextSize = theme.CaptionTextSize()
	return container.NewPadded(container.New(layout.NewCustomPaddedVBoxLayout(2), title, meta))
}

// setTwoLineRow fills a row made by newTwoLineRow; a heading is bold in the
// primary colour.
func setTwoLineRow(o fyne.CanvasObject, title, meta string, heading bool) {
	box := o.(*fyne.Container).Objects[0].(*fyne.Container)
	t, m := box.Objects[0].(*canvas.Text), box.Objects[1].(*canvas.Text)
	t.Text, m.Text = title, meta
	t.TextStyle = fyne.TextStyle{Bold: heading}
	t.TextSize = theme.TextSize()
	m.TextSize = theme.CaptionTextSize()
	t.Color = theme.Color(theme.ColorNameForeground)
	if heading {
		t.Color = theme.Color(theme.ColorNamePrimary)
	}
	m.Color = theme.Color(theme.ColorNameForeground)
	t.Refresh()
	m.Refresh()
}

// warnTwoLineRow writes the second line of a row filled by setTwoLineRow
// in the warning colour (a record with an open conflict).
func warnTwoLineRow(o fyne.CanvasObject) {
	m := o.(*fyne.Container).Objects[0].(*fyne.Container).Objects[1].(*canvas.Text)
	m.Color = theme.Color(theme.ColorNameWarning)
	m.Refresh()
}

// newStatusGroup offers the status of a figure, definitief unless changed.
func newStatusGroup() *widget.RadioGroup {
	g := widget.NewRadioGroup([]string{string(domain.StatusDefinitief), string(domain.StatusVoorlopig)}, nil)
	g.Horizontal = true
	g.Required = true
	g.SetSelected(string(domain.StatusDefinitief))
	return g
}

// setChoices offers all (no choice) followed by options in a filter's select,
// keeping what was chosen when it is still offered, else choosing all. It
// does not call the select's OnChanged: a screen sets all its filters and
// then filters once, instead of once per select (each a database query or
// a rebuild of the screen).
func setChoices(sel *widget.Select, all string, options []string) {
	changed := sel.OnChanged
	sel.OnChanged = nil
	defer func() { sel.OnChanged = changed }()
	keep := sel.Selected
	sel.SetOptions(append([]string{all}, options...))
	if !slices.Contains(sel.Options, keep) {
		keep = all
	}
	sel.SetSelected(keep)
}

// clusterNames are the clusters of the register, as a select offers them.
func clusterNames() []string {
	var out []string
	for _, c := range domain.Clusters {
		out = append(out, string(c))
	}
	return out
}

// statusNames are the status categories of an intervention, as a select
// offers them.
func statusNames() []string {
	var out []string
	for _, c := range domain.StatusCategorieen {
		out = append(out, string(c))
	}
	return out
}

// tableColumn is a column of a text table: its title and width.
type tableColumn struct {
	title string
	width float32
}

// newTextTable makes a virtualised, read-only table of text with a bold
// header row; cell gives the text of a row and column.
func newTextTable(cols []tableColumn, rows func() int, cell func(row, col int) string) *widget.Table {
	t := widget.NewTableWithHeaders(
		func() (int, int) { return rows(), len(cols) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(cell(id.Row, id.Col))
		})
	t.ShowHeaderColumn = false
	t.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Row < 0 && id.Col >= 0 {
			o.(*widget.Label).SetText(lang.L(cols[id.Col].title))
		}
	}
	for i, c := range cols {
		t.SetColumnWidth(i, c.width)
	}
	return t
}

// cappedHeight lays out one scroll container as tall as its content, up to
// max: a long message scrolls instead of pushing the window past the screen.
type cappedHeight struct{ max float32 }

// MinSize is the content's height, at most max.
func (c cappedHeight) MinSize(objects []fyne.CanvasObject) fyne.Size {
	s := objects[0].(*container.Scroll)
	return fyne.NewSize(s.MinSize().Width, min(s.Content.MinSize().Height, c.max))
}

// Layout gives the scroll container all the room.
func (c cappedHeight) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	objects[0].Move(fyne.NewPos(0, 0))
	objects[0].Resize(size)
}

// newCappedScroll puts o in a vertical scroll at most max high.
func newCappedScroll(o fyne.CanvasObject, max float32) *fyne.Container {
	return container.New(cappedHeight{max}, container.NewVScroll(o))
}
