package overzicht

import (
	"image"
	"image/color"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"jeugdmonitor/ui/chart"
	"jeugdmonitor/ui/uidraad"
)

// TestKeyFiguresShowTheirWholeText: on a new database ("nog geen
// bereikcijfers") at 1366x697 and 1920x1080, every key figure is shown
// whole: not cut with "…", each of its words as wide as the tile allows,
// and the tile as high as its wrapped lines.
func TestKeyFiguresShowTheirWholeText(t *testing.T) {
	sc, _ := newScreen(t, fyne.NewSize(1366, 697))
	nav := container.NewHSplit(widget.NewLabel("Jeugdmonitor Zwolle"), sc.Content())
	nav.Offset = 0.17
	sc.window.SetContent(nav)
	zag := false
	for _, size := range []fyne.Size{fyne.NewSize(1366, 697), fyne.NewSize(1920, 1080)} {
		sc.window.Resize(size)
		for _, o := range sc.Tegels.Objects {
			value := o.(*widget.Card).Content.(*fyne.Container).Objects[0].(*widget.Label)
			zag = zag || value.Text == "nog geen bereikcijfers"
			if value.Truncation != fyne.TextTruncateOff || value.Wrapping != fyne.TextWrapWord {
				t.Errorf("%v: %q wordt afgekapt (afkappen %v, terugloop %v)", size, value.Text, value.Truncation, value.Wrapping)
			}
			room := value.Size().Width - 2*theme.InnerPadding()
			for _, word := range strings.Fields(value.Text) {
				if w := fyne.MeasureText(word, theme.TextHeadingSize(), value.TextStyle).Width; w > room {
					t.Errorf("%v: %q is %.0f breed in een tegel met %.0f ruimte", size, word, w, room)
				}
			}
			if value.Size().Height < value.MinSize().Height {
				t.Errorf("%v: %q krijgt %.0f hoogte van de %.0f die het nodig heeft", size, value.Text, value.Size().Height, value.MinSize().Height)
			}
		}
	}
	if !zag {
		t.Error("geen kerncijfer \"nog geen bereikcijfers\" op een nieuwe database")
	}
}

// TestMenuButtonCoversNoPartOfTheChart: on a new database (the register's
// long source lines) at 1366x697, every tile's chart is drawn with the
// corner under its menu button empty: only the chart's background there.
func TestMenuButtonCoversNoPartOfTheChart(t *testing.T) {
	sc, _ := newScreen(t, fyne.NewSize(1366, 697))
	waitTiles(t, sc)
	bg := color.NRGBAModel.Convert(chart.Licht.Achtergrond)
	for _, k := range sc.Kaarten {
		img := k.Beeld.Image
		knop := k.MenuKnop.Size()
		b := img.Bounds()
		vreemd := 0
		for y := b.Max.Y - int(knop.Height); y < b.Max.Y; y++ {
			for x := b.Max.X - int(knop.Width); x < b.Max.X; x++ {
				if color.NRGBAModel.Convert(img.At(x, y)) != bg {
					vreemd++
				}
			}
		}
		if vreemd > 0 {
			t.Errorf("%s: %d pixels van de grafiek onder de menuknop (%v)", k.Naam, vreemd, knop)
		}
	}
}

// TestEnlargedChartIsDrawnAtItsSize: the enlarged chart is drawn at the
// size it is shown (its text made for that size, see
// chart.TestEnlargedChartTextFitsTheScreen), at 1366x697 and again when
// the window grows to 1920x1080, not at 1920x1080 and shrunk.
func TestEnlargedChartIsDrawnAtItsSize(t *testing.T) {
	sc, _ := demoScreen(t)
	for _, size := range []fyne.Size{fyne.NewSize(1366, 697), fyne.NewSize(1920, 1080)} {
		sc.window.Resize(size)
		if sc.Vergroting() == nil {
			test.Tap(sc.Kaarten[0])
		}
		v := sc.Vergroting()
		v.Dialoog.Resize(fyne.NewSize(size.Width*0.92, size.Height*0.92))
		eventually(t, "de vergrote grafiek is niet op zijn maat getekend", func() bool {
			img := v.Beeld.Image
			want := image.Pt(int(v.Beeld.Size().Width+0.5), int(v.Beeld.Size().Height+0.5))
			return img != nil && img.Bounds().Size() == want && uidraad.Lopend() == 0
		})
		if got := v.Beeld.Image.Bounds().Size(); got.X < 800 || got.X >= int(size.Width) {
			t.Errorf("%v: vergroting %v", size, got)
		}
	}
}
