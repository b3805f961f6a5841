package overzicht

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// thumbGrid lays chart thumbnails out in as many columns as fit at least
// minWidth wide, each stretched to fill the width at 16:9, so a wider window
// gets more or larger charts instead of an empty strip.
type thumbGrid struct {
	minWidth float32
	// width is the width of the last layout: the height the grid needs
	// depends on it.
	width float32
}

func (g *thumbGrid) columns(width float32) int {
	pad := theme.Padding()
	return max(1, int((width+pad)/(g.minWidth+pad)))
}

// cell is the size of one thumbnail at the given width.
func (g *thumbGrid) cell(width float32) fyne.Size {
	pad := theme.Padding()
	n := float32(g.columns(width))
	w := (width - pad*(n-1)) / n
	return fyne.NewSize(w, w*9/16)
}

// Layout places the thumbnails row by row.
func (g *thumbGrid) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	g.width = size.Width
	n, cell, pad := g.columns(size.Width), g.cell(size.Width), theme.Padding()
	for i, o := range objects {
		col, row := i%n, i/n
		o.Move(fyne.NewPos(float32(col)*(cell.Width+pad), float32(row)*(cell.Height+pad)))
		o.Resize(cell)
	}
}

// MinSize is one column wide and as tall as the rows need at the last width.
func (g *thumbGrid) MinSize(objects []fyne.CanvasObject) fyne.Size {
	width := max(g.width, g.minWidth)
	n, cell := g.columns(width), g.cell(width)
	rows := (len(objects) + n - 1) / n
	return fyne.NewSize(g.minWidth, float32(rows)*cell.Height+float32(max(rows-1, 0))*theme.Padding())
}
