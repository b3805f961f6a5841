package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

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
