package ui

import (
	"fmt"
	"reflect"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// askDiscard asks whether to throw away input that is not saved (Escape or
// a cancel button in a form with edits): Weggooien runs discard, Terug naar
// het formulier (also Escape on the question) puts the cursor back where it
// was.
func askDiscard(w fyne.Window, title, message string, discard func()) {
	was := w.Canvas().Focused()
	d := dialog.NewCustomConfirm(title, lang.L("Weggooien"), lang.L("Terug naar het formulier"), widget.NewLabel(message),
		func(yes bool) {
			if yes {
				discard()
				return
			}
			if was != nil {
				w.Canvas().Focus(was)
			}
		}, w)
	// not the default button: Enter on the question keeps the input
	d.SetConfirmImportance(widget.DangerImportance)
	d.Show()
}

// dialogKey works the dialog on top of the window with the keyboard, and
// never the page behind it: Escape taps its cancel button (the one button of
// a message, the one with the cancel icon, or the one that is not the
// default), Enter its default button (the one of high importance, or the one
// button of a message). Other
// overlays (menus, lists of a choice) and other keys are left alone.
func dialogKey(top fyne.CanvasObject, k *fyne.KeyEvent) {
	var buttons []*widget.Button
	for _, b := range dialogButtons(top) {
		if !b.Disabled() {
			buttons = append(buttons, b)
		}
	}
	var pick func(*widget.Button) bool
	switch k.Name {
	case fyne.KeyEscape:
		pick = func(b *widget.Button) bool { return len(buttons) == 1 || b.Icon == theme.CancelIcon() }
		if only(buttons, pick) == nil {
			pick = func(b *widget.Button) bool {
				return b.Importance != widget.HighImportance && b.Importance != widget.DangerImportance
			}
		}
	case fyne.KeyReturn, fyne.KeyEnter:
		pick = func(b *widget.Button) bool { return len(buttons) == 1 || b.Importance == widget.HighImportance }
	default:
		return
	}
	if b := only(buttons, pick); b != nil && b.OnTapped != nil {
		b.OnTapped()
	}
}

// only is the one button that pick chooses, or nil when none or several are.
func only(buttons []*widget.Button, pick func(*widget.Button) bool) *widget.Button {
	var found *widget.Button
	for _, b := range buttons {
		if pick(b) {
			if found != nil {
				return nil
			}
			found = b
		}
	}
	return found
}

// overlayContent is what an overlay shows: Fyne 2.8.1 wraps a pop-up in an
// overlay container of an internal package, read here through its exported
// field Content.
func overlayContent(o fyne.CanvasObject) fyne.CanvasObject {
	if _, ok := o.(*widget.PopUp); ok {
		return o
	}
	v := reflect.ValueOf(o)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return o
	}
	f := v.Elem().FieldByName("Content")
	if !f.IsValid() || !f.CanInterface() {
		return o
	}
	if c, ok := f.Interface().(fyne.CanvasObject); ok && c != nil {
		return c
	}
	return o
}

// dialogButtons are the buttons in the button row of a dialog of Fyne's
// dialog package (a pop-up whose content is laid out by that package: icon,
// background, content, buttons, title); nil for any other overlay.
func dialogButtons(top fyne.CanvasObject) []*widget.Button {
	pop, ok := overlayContent(top).(*widget.PopUp)
	if !ok {
		return nil
	}
	c, ok := pop.Content.(*fyne.Container)
	if !ok || len(c.Objects) != 5 || fmt.Sprintf("%T", c.Layout) != "*dialog.dialogLayout" {
		return nil
	}
	row, ok := c.Objects[3].(*fyne.Container)
	if !ok {
		return nil
	}
	var buttons []*widget.Button
	for _, o := range row.Objects {
		switch b := o.(type) {
		case *widget.Button:
			buttons = append(buttons, b)
		case *keyButton:
			buttons = append(buttons, &b.Button)
		}
	}
	return buttons
}

// windowKeys are the keys the window handles wherever the focus is: F1
// (Help), F5 (present) and Escape. A focused widget gets every key, so the
// program's own fields and lists pass these on.
var windowKeys = map[fyne.KeyName]bool{fyne.KeyF1: true, fyne.KeyF5: true, fyne.KeyEscape: true}

// passToWindow hands k to the window of o when it is one of the window's own
// keys, and reports whether it did.
func passToWindow(o fyne.CanvasObject, k *fyne.KeyEvent) bool {
	if !windowKeys[k.Name] {
		return false
	}
	c := fyne.CurrentApp().Driver().CanvasForObject(o)
	if c == nil || c.OnTypedKey() == nil {
		return false
	}
	c.OnTypedKey()(k)
	return true
}

// keyButton is a button that passes the window's own keys (Escape, F1,
// F5) on to the window, as the program's fields do: Escape with the focus
// on it cancels the dialog it is in.
type keyButton struct{ widget.Button }

// newKeyButton makes a keyButton with a text (may be empty) and an icon
// (may be nil) that calls tapped.
func newKeyButton(text string, icon fyne.Resource, tapped func()) *keyButton {
	b := &keyButton{}
	b.Text, b.Icon, b.OnTapped = text, icon, tapped
	b.ExtendBaseWidget(b)
	return b
}

// TypedKey passes the window's own keys on, and presses on Space.
func (b *keyButton) TypedKey(k *fyne.KeyEvent) {
	if !passToWindow(b, k) {
		b.Button.TypedKey(k)
	}
}

// keyCheck is a check box that passes the window's own keys on to the
// window, as keyButton does.
type keyCheck struct {
	widget.Check
	// OnSubmitted, when set, is called for Enter, as a form's field does.
	OnSubmitted func()
}

// newKeyCheck makes an unchecked keyCheck with a text.
func newKeyCheck(text string) *keyCheck {
	c := &keyCheck{}
	c.Text = text
	c.ExtendBaseWidget(c)
	return c
}

// TypedKey passes the window's own keys on (a check box takes Space as a
// typed character, not as a key).
func (c *keyCheck) TypedKey(k *fyne.KeyEvent) {
	switch {
	case (k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter) && c.OnSubmitted != nil:
		c.OnSubmitted()
	case !passToWindow(c, k):
		c.Check.TypedKey(k)
	}
}

// keyList is a list worked with the keyboard: Enter or Space chooses the
// highlighted row, the arrow keys pass over rows that cannot be chosen (the
// cluster headings of the register), and F1, F5 and Escape reach the window
// also right after a click in the list.
type keyList struct {
	widget.List
	highlighted int
	// skip reports the rows the arrow keys pass over; nil skips none.
	skip func(id widget.ListItemID) bool
}

// newKeyList makes a keyList with the functions of widget.NewList.
func newKeyList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *keyList {
	l := &keyList{}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.OnHighlighted = func(id widget.ListItemID) { l.highlighted = id }
	l.ExtendBaseWidget(l)
	return l
}

// TypedKey chooses with Enter, skips rows with the arrows and passes the
// window's keys on.
func (l *keyList) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		l.Select(l.highlighted)
	case fyne.KeyUp, fyne.KeyDown:
		l.move(k)
	default:
		if !passToWindow(l, k) {
			l.List.TypedKey(k)
		}
	}
}

// FocusGained highlights the first row that can be chosen when the cursor
// enters the list on a heading.
func (l *keyList) FocusGained() {
	l.List.FocusGained()
	if l.skipped(l.highlighted) {
		l.move(&fyne.KeyEvent{Name: fyne.KeyDown})
	}
}

// move highlights the next row in k's direction that is not skipped; at the
// end of the list it stays on the last row that can be chosen.
func (l *keyList) move(k *fyne.KeyEvent) {
	from := l.highlighted
	for {
		before := l.highlighted
		l.List.TypedKey(k)
		if l.highlighted == before { // the end of the list: go back
			if l.skipped(l.highlighted) && from != l.highlighted {
				l.moveTo(from)
			}
			return
		}
		if !l.skipped(l.highlighted) {
			return
		}
	}
}

// moveTo highlights row id by stepping there with the arrow keys.
func (l *keyList) moveTo(id widget.ListItemID) {
	key := &fyne.KeyEvent{Name: fyne.KeyDown}
	if id < l.highlighted {
		key.Name = fyne.KeyUp
	}
	for l.highlighted != id {
		before := l.highlighted
		l.List.TypedKey(key)
		if l.highlighted == before {
			return
		}
	}
}

func (l *keyList) skipped(id widget.ListItemID) bool {
	return l.skip != nil && l.skip(id)
}
