package overzicht

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"jeugdmonitor/ui/chart"
)

// The width of a chart tile: at least minTegel, where a chart drawn at its
// size keeps every text at 11 pixels or more without crowding, and at most
// maxTegel, half the projector's 1920: there the chart's smallest text
// reaches 11 pixels in its own proportions, and a larger tile adds nothing a
// reader needs. A wider window makes the tiles larger up to maxTegel before
// it adds a column.
const (
	minTegel = 520
	maxTegel = chart.StandaardBreedte / 2
)

// thumbGrid lays chart tiles out at 16:9 in the fewest columns that keep
// them at most maxWidth wide (one column when two would be narrower than
// minWidth), centred when even one column is wider than maxWidth.
type thumbGrid struct {
	minWidth, maxWidth float32
	// width is the width of the last layout: the height the grid needs
	// depends on it.
	width float32
}

func (g *thumbGrid) columns(width float32) int {
	pad := theme.Padding()
	n := 1
	for (width-pad*float32(n-1))/float32(n) > g.maxWidth {
		n++
	}
	for n > 1 && (width-pad*float32(n-1))/float32(n) < g.minWidth {
		n--
	}
	return n
}

// cell is the size of one tile at the given width.
func (g *thumbGrid) cell(width float32) fyne.Size {
	pad := theme.Padding()
	n := float32(g.columns(width))
	w := min((width-pad*(n-1))/n, g.maxWidth)
	return fyne.NewSize(w, w*9/16)
}

// Layout places the tiles row by row.
func (g *thumbGrid) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	g.width = size.Width
	n, cell, pad := g.columns(size.Width), g.cell(size.Width), theme.Padding()
	left := max(0, (size.Width-float32(n)*cell.Width-pad*float32(n-1))/2)
	for i, o := range objects {
		col, row := i%n, i/n
		o.Move(fyne.NewPos(left+float32(col)*(cell.Width+pad), float32(row)*(cell.Height+pad)))
		o.Resize(cell)
	}
}

// MinSize is as narrow as a window may get and as tall as the rows need at
// the last width.
func (g *thumbGrid) MinSize(objects []fyne.CanvasObject) fyne.Size {
	width := max(g.width, float32(chart.MinBreedte))
	n, cell := g.columns(width), g.cell(width)
	rows := (len(objects) + n - 1) / n
	return fyne.NewSize(float32(chart.MinBreedte), float32(rows)*cell.Height+float32(max(rows-1, 0))*theme.Padding())
}
