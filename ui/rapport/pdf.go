package rapport

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"

	"jeugdmonitor/data/dashboard"
	"jeugdmonitor/ui/chart"
)

// SchrijfPDF writes the PDF report: a title page, a page per chart with its
// key figures and sources, and the list of all sources.
func SchrijfPDF(w io.Writer, in Inhoud, v Voortgang) error {
	titel, graphs := in.Titel, in.Grafieken
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.AddUTF8FontFromBytes("go", "", goregular.TTF)
	pdf.AddUTF8FontFromBytes("go", "B", gobold.TTF)
	pdf.SetTitle("Jeugdmonitor Zwolle: "+titel, true)
	demo := in.Demo()
	pdf.SetFooterFunc(func() {
		pdf.SetY(-14)
		pdf.SetFont("go", "", 9)
		foot := fmt.Sprintf("Jeugdmonitor Zwolle · %s · pagina %d", titel, pdf.PageNo())
		if demo {
			foot = "DEMO - fictieve cijfers · " + foot
		}
		pdf.CellFormat(0, 6, foot, "", 0, "C", false, 0, "")
	})
	titlePage(pdf, titel, graphs, in.Stand, demo)
	for i, g := range graphs {
		v.meld(i, len(graphs))
		if err := chartPage(pdf, i, g); err != nil {
			return err
		}
	}
	v.meld(len(graphs), len(graphs))
	sourcesPage(pdf, graphs)
	return pdf.Output(w)
}

func titlePage(pdf *fpdf.Fpdf, titel string, graphs []dashboard.Grafiek, stand time.Time, demo bool) {
	pdf.AddPage()
	pdf.SetY(60)
	pdf.SetFont("go", "B", 28)
	pdf.MultiCell(0, 14, "Jeugdmonitor Zwolle", "", "L", false)
	pdf.SetFont("go", "", 18)
	pdf.MultiCell(0, 10, "Rapport voor de gemeenteraad: "+titel, "", "L", false)
	pdf.Ln(4)
	pdf.SetFont("go", "", 12)
	pdf.MultiCell(0, 7, "Gemaakt op "+stand.Format("02-01-2006"), "", "L", false)
	if demo {
		pdf.Ln(6)
		pdf.SetTextColor(192, 0, 0)
		pdf.SetFont("go", "B", 16)
		pdf.MultiCell(0, 9, "DEMO - fictieve cijfers: dit rapport komt uit een demodatabase; geen enkel cijfer is echt.", "", "L", false)
		pdf.SetTextColor(0, 0, 0)
	}
	pdf.Ln(10)
	pdf.SetFont("go", "B", 13)
	pdf.MultiCell(0, 8, "Inhoud", "", "L", false)
	pdf.SetFont("go", "", 12)
	for i, g := range graphs {
		pdf.MultiCell(0, 7, fmt.Sprintf("%d. %s", i+1, g.Titel), "", "L", false)
	}
}

// chartPage draws one chart with the table of its key figures and its sources.
func chartPage(pdf *fpdf.Fpdf, i int, g dashboard.Grafiek) error {
	pdf.AddPage()
	pdf.SetFont("go", "B", 15)
	pdf.MultiCell(0, 8, fmt.Sprintf("%d. %s", i+1, g.Titel), "", "L", false)
	img, err := chart.Teken(g, chart.Standaard())
	if err != nil {
		return err
	}
	name := fmt.Sprintf("grafiek%d", i)
	pdf.RegisterImageOptionsReader(name, fpdf.ImageOptions{ImageType: "PNG"}, bytes.NewReader(img))
	pdf.ImageOptions(name, 10, pdf.GetY()+2, 190, 190*9.0/16, true, fpdf.ImageOptions{ImageType: "PNG"}, 0, "")
	pdf.Ln(4)
	pdf.SetFont("go", "B", 12)
	pdf.MultiCell(0, 7, "Kerncijfers", "", "L", false)
	if !g.HeeftGegevens() {
		pdf.SetFont("go", "", 10)
		pdf.MultiCell(0, 6, g.GeenGegevens+".", "", "L", false)
	}
	for _, p := range g.Panelen {
		if p.HeeftGegevens() {
			table(pdf, p)
		}
	}
	pdf.Ln(2)
	pdf.SetFont("go", "", 9)
	if g.HeeftVoorlopig() {
		pdf.MultiCell(0, 5, "* voorlopig cijfer", "", "L", false)
	}
	for _, o := range g.Opmerkingen {
		pdf.SetFont("go", "B", 10)
		pdf.MultiCell(0, 5, o, "", "L", false)
	}
	pdf.SetFont("go", "", 9)
	pdf.MultiCell(0, 5, "Bron: "+g.BronTekst()+" · "+g.Peildatum, "", "L", false)
	return nil
}

// table writes the key figures of a panel; long cells are cut to fit.
func table(pdf *fpdf.Fpdf, p dashboard.Paneel) {
	head, rows := p.Tabel()
	if p.Titel != "" {
		pdf.SetFont("go", "B", 10)
		pdf.MultiCell(0, 6, p.Titel, "", "L", false)
	}
	widths := make([]float64, len(head))
	first := 45.0
	if p.Soort == dashboard.SoortDoel {
		first = 70
	}
	widths[0] = first
	for k := 1; k < len(head); k++ {
		widths[k] = (190 - first) / float64(len(head)-1)
	}
	row := func(cells []string, style string) {
		pdf.SetFont("go", style, 9)
		for k, c := range cells {
			pdf.CellFormat(widths[k], 6, fit(pdf, c, widths[k]-2), "1", 0, "L", style == "B", 0, "")
		}
		pdf.Ln(-1)
	}
	pdf.SetFillColor(235, 235, 235)
	row(head, "B")
	for _, r := range rows {
		row(r, "")
	}
}

// fit cuts a text to a width, ending in "…" when cut.
func fit(pdf *fpdf.Fpdf, s string, w float64) string {
	if pdf.GetStringWidth(s) <= w {
		return s
	}
	r := []rune(s)
	for len(r) > 0 && pdf.GetStringWidth(string(r)+"…") > w {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}

func sourcesPage(pdf *fpdf.Fpdf, graphs []dashboard.Grafiek) {
	pdf.AddPage()
	pdf.SetFont("go", "B", 15)
	pdf.MultiCell(0, 8, "Bronnen", "", "L", false)
	seen := map[string]bool{}
	pdf.SetFont("go", "", 10)
	for _, g := range graphs {
		for _, b := range g.Bronnen {
			if t := b.String(); !seen[t] {
				seen[t] = true
				pdf.MultiCell(0, 5.5, "• "+strings.TrimSpace(t), "", "L", false)
			}
		}
	}
}
