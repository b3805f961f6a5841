package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// statusLayout lays out the status line: the message on one line and, when
// it is longer than fits (a server's answer, a path), the button beside it
// that shows the whole message; the button is hidden otherwise.
type statusLayout struct {
	message *widget.Label
	whole   *widget.Button
}

// MinSize is as high as the message (the button fits in that, and the
// status line keeps its height) and as wide as the button.
func (l statusLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(l.whole.MinSize().Width, l.message.MinSize().Height)
}

// Layout gives the message the whole width when it fits, and otherwise
// shows the button at the right with the message cut off beside it.
func (l statusLayout) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	l.message.Move(fyne.NewPos(0, 0))
	if !l.cut(size.Width) {
		l.whole.Hide()
		l.message.Resize(size)
		return
	}
	b := l.whole.MinSize().Width
	l.whole.Resize(fyne.NewSize(b, size.Height))
	l.whole.Move(fyne.NewPos(size.Width-b, 0))
	l.whole.Show()
	l.message.Resize(fyne.NewSize(max(0, size.Width-b-theme.Padding()), size.Height))
}

// cut reports whether the message is longer than width.
func (l statusLayout) cut(width float32) bool {
	text := fyne.MeasureText(l.message.Text, theme.TextSize(), l.message.TextStyle)
	return text.Width+2*theme.InnerPadding() > width
}

// newStatusLine makes the window's status line: the message (m.status)
// and the button Hele melding… beside it, in m.statusLine.
func (m *Main) newStatusLine() {
	m.status = widget.NewLabel("")
	m.status.Truncation = fyne.TextTruncateEllipsis
	m.statusWhole = widget.NewButton(lang.L("Hele melding…"), m.showWholeStatus)
	m.statusWhole.Importance = widget.LowImportance
	m.statusWhole.Hide()
	m.statusLine = container.New(statusLayout{m.status, m.statusWhole}, m.status, m.statusWhole)
}

// setStatus shows a message in the status line, with Hele melding… beside
// it when it is cut off.
func (m *Main) setStatus(msg string) {
	m.status.SetText(msg)
	m.statusLine.Refresh() // lays out again: whether the button shows depends on the text
}

// showWholeStatus shows the status line's whole message in a dialog, on
// as many lines as it needs, to read and to select and copy (for IT).
func (m *Main) showWholeStatus() {
	text := widget.NewLabel(m.status.Text)
	text.Wrapping = fyne.TextWrapWord
	text.Selectable = true
	showWrapped(dialog.NewCustom(lang.L("Melding"), lang.L("Sluiten"), text, m.win), 560)
}
