package rapport

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"strings"

	"fyne.io/fyne/v2/theme"
	"github.com/go-pdf/fpdf"

	"jeugdmonitor/data/dashboard"
	"jeugdmonitor/ui/chart"
)

// The A4 page of the report in millimetres: the margins and the width
// between them, which the charts and tables fill.
const (
	paginaHoogte = 297.0
	paginaMarge  = 15.0
	ondermarge   = 20.0
	breedte      = 210.0 - 2*paginaMarge
)

// The chart as the report draws it: the full width of the page and two
// thirds as high, at 10 pixels per millimetre, its text 1,4 times the
// projector's (9 pt on paper), without its own title and source (the page
// prints them once, as text).
const (
	grafiekBreedte = 1800
	grafiekHoogte  = 1200
	tekstschaal    = 1.4
)

// grafiekHoogteVan is the height of a chart in the report: a chart of bars
// against targets per name needs a band per name, not two thirds of a page.
func grafiekHoogteVan(g dashboard.Grafiek) int {
	rijen := 0
	for _, p := range g.Panelen {
		if p.Soort != dashboard.SoortDoel || !p.HeeftGegevens() {
			return grafiekHoogte
		}
		rijen += len(p.Categorieen)
	}
	return min(grafiekHoogte, 260+190*rijen)
}

// SchrijfPDF writes the PDF report: a title page with the table of contents,
// a page per chart with its headline message, key figures and sources, and
// the list of all sources; every page numbered "pagina 2 van 12". The
// contents list the page of every chart, so the pages are laid out twice:
// once to count, once to write (the charts are drawn once).
func SchrijfPDF(w io.Writer, in Inhoud, v Voortgang) error {
	beelden := make([][]byte, len(in.Grafieken))
	for i, g := range in.Grafieken {
		v.meld(i, len(in.Grafieken))
		if !g.HeeftGegevens() {
			continue // the page says what is missing; an empty chart would only take room
		}
		o := chart.Standaard()
		o.Breedte, o.Hoogte, o.AlleenGrafiek, o.Tekstschaal = grafiekBreedte, grafiekHoogteVan(g), true, tekstschaal
		img, err := chart.Teken(g, o)
		if err != nil {
			return err
		}
		beelden[i] = img
	}
	v.meld(len(in.Grafieken), len(in.Grafieken))
	d := indelen(in, beelden)
	if err := d.pdf.Error(); err != nil {
		return err
	}
	return d.pdf.Output(w)
}

// indelen lays the report out in three passes: the first finds the pages
// whose last lines run onto the next page, the second lays those out with
// a lower chart and counts the pages for the contents, the third is the
// report.
func indelen(in Inhoud, beelden [][]byte) *document {
	krimp := make([]float64, len(in.Grafieken))
	for i, uit := range opmaak(in, beelden, nil, krimp).uitloop {
		h := breedte * float64(grafiekHoogteVan(in.Grafieken[i])) / grafiekBreedte
		if beelden[i] != nil && uit > 0 && uit+1 <= h*(1-kleinsteGrafiek) {
			krimp[i] = uit + 1
		}
	}
	proef := opmaak(in, beelden, nil, krimp)
	if proef.pdf.Error() != nil {
		return proef
	}
	return opmaak(in, beelden, proef.paginas, krimp)
}

// document is a report being laid out.
type document struct {
	pdf *fpdf.Fpdf
	// paginas holds the first page of every chart and, last, of the sources.
	paginas []int
	// uitloop is, per chart, how many millimetres of its page ran onto the
	// next page: 0 when it fit, infinite when it ran over more than one.
	uitloop []float64
}

// kleinsteGrafiek is the share of its height a chart keeps at least when
// it is drawn lower to keep the last lines of its page on that page; a
// page that needs more (a long table) continues on the next.
const kleinsteGrafiek = 0.6

// opmaak lays out the report; paginas are the pages the contents list (nil
// on the counting pass, which prints "…" there), krimp how many millimetres
// lower than its full height each chart is drawn.
func opmaak(in Inhoud, beelden [][]byte, paginas []int, krimp []float64) *document {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetMargins(paginaMarge, paginaMarge, paginaMarge)
	pdf.SetAutoPageBreak(true, ondermarge)
	pdf.AddUTF8FontFromBytes("NotoSans", "", theme.DefaultTextFont().Content())
	pdf.AddUTF8FontFromBytes("NotoSans", "B", theme.DefaultTextBoldFont().Content())
	pdf.AddUTF8FontFromBytes("NotoSans", "I", theme.DefaultTextItalicFont().Content())
	pdf.SetTitle("Jeugdmonitor Zwolle: "+in.Titel, true)
	pdf.AliasNbPages("{nb}")
	demo := in.Demo()
	pdf.SetFooterFunc(func() {
		pdf.SetY(-14)
		pdf.SetFont("NotoSans", "", 9)
		pdf.SetTextColor(80, 80, 80)
		foot := fmt.Sprintf("Jeugdmonitor Zwolle · %s · pagina %d van {nb}", in.Titel, pdf.PageNo())
		if demo {
			foot = "DEMO - fictieve cijfers · " + foot
		}
		pdf.CellFormat(0, 6, foot, "", 0, "C", false, 0, "")
		pdf.SetTextColor(0, 0, 0)
	})
	d := &document{pdf: pdf}
	d.titelpagina(in, paginas)
	for i, g := range in.Grafieken {
		d.paginas = append(d.paginas, pdf.PageNo()+1)
		d.grafiekpagina(i, g, beelden[i], krimp[i])
	}
	d.paginas = append(d.paginas, pdf.PageNo()+1)
	d.bronnenpagina(in.Grafieken)
	return d
}

// titelpagina writes the title, the years the charts cover, the date in
// words and the table of contents with the page of every chart.
func (d *document) titelpagina(in Inhoud, paginas []int) {
	pdf := d.pdf
	pdf.AddPage()
	pdf.SetY(50)
	pdf.SetFont("NotoSans", "B", 28)
	pdf.MultiCell(0, 13, "Jeugdmonitor Zwolle", "", "L", false)
	pdf.SetFont("NotoSans", "", 16)
	pdf.MultiCell(0, 8, "Rapport voor de gemeenteraad: "+in.Titel, "", "L", false)
	pdf.Ln(3)
	pdf.SetFont("NotoSans", "", 12)
	if jaren := in.Jaren(); jaren != "" {
		pdf.MultiCell(0, 7, "Cijfers "+jaren, "", "L", false)
	}
	pdf.MultiCell(0, 7, "Gemaakt op "+dashboard.Datum(in.Stand), "", "L", false)
	if in.Demo() {
		pdf.Ln(5)
		pdf.SetTextColor(192, 0, 0)
		pdf.SetFont("NotoSans", "B", 15)
		pdf.MultiCell(0, 8, "DEMO - fictieve cijfers: dit rapport komt uit een demodatabase; geen enkel cijfer is echt.", "", "L", false)
		pdf.SetTextColor(0, 0, 0)
	}
	pdf.Ln(10)
	pdf.SetFont("NotoSans", "B", 14)
	pdf.MultiCell(0, 8, "Inhoud", "", "L", false)
	pdf.Ln(1)
	titels := make([]string, 0, len(in.Grafieken)+1)
	for i, g := range in.Grafieken {
		titels = append(titels, fmt.Sprintf("%d.  %s", i+1, g.Titel))
	}
	titels = append(titels, "Bronnen")
	for i, t := range titels {
		nummer := "…"
		if i < len(paginas) {
			nummer = fmt.Sprint(paginas[i])
		}
		d.inhoudsregel(t, nummer)
	}
}

// inhoudsregel writes one entry of the contents: its title, wrapped, and the
// page number at the right margin.
func (d *document) inhoudsregel(titel, pagina string) {
	pdf := d.pdf
	pdf.SetFont("NotoSans", "", 11)
	const nummerBreedte = 15.0
	lines := pdf.SplitText(titel, breedte-nummerBreedte)
	for k, l := range lines {
		pdf.CellFormat(breedte-nummerBreedte, 6.5, l, "", 0, "L", false, 0, "")
		if k == len(lines)-1 {
			pdf.CellFormat(nummerBreedte, 6.5, pagina, "", 0, "R", false, 0, "")
		}
		pdf.Ln(6.5)
	}
	pdf.Ln(0.8)
}

// grafiekpagina writes one chart: its title, headline message with where it
// comes from, the chart the width of the page and krimp millimetres lower
// than its full height (none for a chart without figures; the page says
// what is missing), the key figures, notes and sources. It records how
// much lower the chart must be for all of it to fit on the page.
func (d *document) grafiekpagina(i int, g dashboard.Grafiek, img []byte, krimp float64) {
	pdf := d.pdf
	pdf.AddPage()
	begin := pdf.PageNo()
	defer func() {
		uit := 0.0
		switch pdf.PageNo() - begin {
		case 0:
		case 1: // the top margin of the next page not counted
			uit = pdf.GetY() - paginaMarge
		default:
			uit = math.Inf(1)
		}
		d.uitloop = append(d.uitloop, uit)
	}()
	pdf.SetFont("NotoSans", "B", 15)
	pdf.MultiCell(0, 7.5, fmt.Sprintf("%d. %s", i+1, g.Titel), "", "L", false)
	if g.ToonKernboodschap() {
		pdf.Ln(1)
		pdf.SetFont("NotoSans", "I", 11)
		pdf.MultiCell(0, 5.5, g.Kernboodschap, "", "L", false)
		if g.KernboodschapHerkomst != "" {
			pdf.SetFont("NotoSans", "", 8.5)
			pdf.SetTextColor(80, 80, 80)
			pdf.MultiCell(0, 4.5, g.KernboodschapHerkomst, "", "L", false)
			pdf.SetTextColor(0, 0, 0)
		}
	}
	if img != nil {
		name := fmt.Sprintf("grafiek%d", i)
		opts := fpdf.ImageOptions{ImageType: "PNG"}
		pdf.RegisterImageOptionsReader(name, opts, bytes.NewReader(img))
		// lower by krimp, the chart keeps its proportions, centred
		h := breedte * float64(grafiekHoogteVan(g)) / grafiekBreedte
		w := breedte * (h - krimp) / h
		pdf.Ln(2)
		pdf.ImageOptions(name, paginaMarge+(breedte-w)/2, pdf.GetY(), w, h-krimp, true, opts, 0, "")
	}
	pdf.Ln(3)
	pdf.SetFont("NotoSans", "B", 12)
	pdf.MultiCell(0, 7, "Kerncijfers", "", "L", false)
	if !g.HeeftGegevens() {
		pdf.SetFont("NotoSans", "", 10)
		pdf.MultiCell(0, 5.5, g.GeenGegevens+".", "", "L", false)
	}
	for _, p := range g.Panelen {
		if p.HeeftGegevens() {
			d.tabel(p)
		}
	}
	pdf.Ln(2)
	pdf.SetFont("NotoSans", "", 9)
	if g.HeeftVoorlopig() {
		pdf.MultiCell(0, 4.8, "* voorlopig cijfer", "", "L", false)
	}
	for _, o := range g.Opmerkingen {
		pdf.SetFont("NotoSans", "B", 9.5)
		pdf.MultiCell(0, 5, o, "", "L", false)
	}
	pdf.SetFont("NotoSans", "", 9)
	pdf.MultiCell(0, 4.8, "Bron: "+g.BronTekst()+" · "+g.Peildatum, "", "L", false)
}

// kolommen gives the widths of a table's columns in millimetres and which
// hold numbers (right-aligned): a panel against targets has a wide name and
// a wide explanation, others a name column and equal number columns.
func kolommen(p dashboard.Paneel, n int) (widths []float64, getal []bool) {
	widths, getal = make([]float64, n), make([]bool, n)
	if p.Soort == dashboard.SoortDoel && n == 3 {
		return []float64{72, 28, breedte - 100}, []bool{false, true, false}
	}
	widths[0] = 42
	for k := 1; k < n; k++ { // at most 45 mm, so a number stays near its name
		widths[k], getal[k] = min((breedte-widths[0])/float64(n-1), 45), true
	}
	return widths, getal
}

// tabel writes the key figures of a panel: names and explanations wrapped
// over as many lines as they need, numbers right-aligned; a table that runs
// past the page continues on the next with its header again.
func (d *document) tabel(p dashboard.Paneel) {
	pdf := d.pdf
	head, rows := p.Tabel()
	if p.Titel != "" {
		pdf.SetFont("NotoSans", "B", 10)
		pdf.MultiCell(0, 6, p.Titel, "", "L", false)
	}
	widths, getal := kolommen(p, len(head))
	pdf.SetFillColor(235, 235, 235)
	d.rij(head, widths, getal, true)
	for _, r := range rows {
		if d.rijHoogte(r, widths, false)+pdf.GetY() > paginaHoogte-ondermarge {
			pdf.AddPage()
			d.rij(head, widths, getal, true)
		}
		d.rij(r, widths, getal, false)
	}
}

// regelHoogte is the height of a line in a table cell.
const regelHoogte = 4.6

// celRegels wraps the text of a cell to its column.
func (d *document) celRegels(s string, w float64) []string {
	lines := d.pdf.SplitText(strings.TrimSpace(s), w)
	if len(lines) == 0 {
		return []string{""}
	}
	return lines
}

// rijHoogte is the height a row takes.
func (d *document) rijHoogte(cells []string, widths []float64, kop bool) float64 {
	d.lettertype(kop)
	n := 1
	for k, c := range cells {
		n = max(n, len(d.celRegels(c, widths[k])))
	}
	return float64(n)*regelHoogte + 2
}

func (d *document) lettertype(kop bool) {
	if kop {
		d.pdf.SetFont("NotoSans", "B", 9)
	} else {
		d.pdf.SetFont("NotoSans", "", 9)
	}
}

// rij writes one row with a border around each cell.
func (d *document) rij(cells []string, widths []float64, getal []bool, kop bool) {
	pdf := d.pdf
	h := d.rijHoogte(cells, widths, kop)
	x0, y0 := pdf.GetX(), pdf.GetY()
	x := x0
	for k, c := range cells {
		style := "D"
		if kop {
			style = "FD"
		}
		pdf.Rect(x, y0, widths[k], h, style)
		align := "L"
		if getal[k] {
			align = "R"
		}
		for j, l := range d.celRegels(c, widths[k]) {
			pdf.SetXY(x, y0+1+float64(j)*regelHoogte)
			pdf.CellFormat(widths[k], regelHoogte, l, "", 0, align, false, 0, "")
		}
		x += widths[k]
	}
	pdf.SetXY(x0, y0+h)
}

// bronnenpagina lists every source of the report once.
func (d *document) bronnenpagina(graphs []dashboard.Grafiek) {
	pdf := d.pdf
	pdf.AddPage()
	pdf.SetFont("NotoSans", "B", 15)
	pdf.MultiCell(0, 8, "Bronnen", "", "L", false)
	seen := map[string]bool{}
	pdf.SetFont("NotoSans", "", 10)
	for _, g := range graphs {
		for _, b := range g.Bronnen {
			if t := b.String(); !seen[t] {
				seen[t] = true
				pdf.MultiCell(0, 5.5, "• "+strings.TrimSpace(t), "", "L", false)
			}
		}
	}
}
