package rapport

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"strings"
	"testing"

	"jeugdmonitor/data/dashboard"
	"jeugdmonitor/data/domain"
)

// jarenGrafiek is a chart of n years of one series with a note, whose
// page in the report holds the chart and a table of n rows.
func jarenGrafiek(n int) dashboard.Grafiek {
	pn := dashboard.Paneel{Soort: dashboard.SoortStaven}
	r := dashboard.Reeks{Naam: "Bereik", Eenheid: domain.EenheidAantal}
	for i := range n {
		pn.Categorieen = append(pn.Categorieen, fmt.Sprint(2000+i))
		r.Punten = append(r.Punten, dashboard.Punt{Waarde: float64(100 + i), Bekend: true})
	}
	pn.Staven = []dashboard.Reeks{r}
	return dashboard.Grafiek{Naam: "jaren", Titel: fmt.Sprintf("Bereik over %d jaar", n), Panelen: []dashboard.Paneel{pn},
		Opmerkingen: []string{"Let op: een opmerking die onder de tabel staat."}, Peildatum: "cijfers t/m 2024"}
}

// TestPDFPageKeepsItsLastLines lays out report pages of charts with tables
// from 12 to 24 rows (at 16 the source line ran onto the next page, from 22
// the rest takes more than the chart may give): where the last lines of a page ran onto the next one
// (the source line alone on an otherwise empty page), the chart is drawn
// lower so that they stay; only a page whose rest would take more than
// the chart may give (a long table) continues on the next page. The
// title page names the years.
func TestPDFPageKeepsItsLastLines(t *testing.T) {
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewGray(image.Rect(0, 0, 18, 12))); err != nil {
		t.Fatal(err)
	}
	gekrompen, doorgelopen := 0, 0
	for n := 12; n <= 24; n++ {
		g := jarenGrafiek(n)
		in := Inhoud{Titel: "Proef", Grafieken: []dashboard.Grafiek{g}, Stand: stand, Van: 2020, Tot: 2024}
		beelden := [][]byte{buf.Bytes()}
		eerst := opmaak(in, beelden, nil, []float64{0})
		d := indelen(in, beelden)
		if err := d.pdf.Error(); err != nil {
			t.Fatal(err)
		}
		h := breedte * float64(grafiekHoogteVan(g)) / grafiekBreedte
		if uit := d.uitloop[0]; uit > 0 && uit <= h*(1-kleinsteGrafiek) {
			t.Errorf("%d rijen: %.1f mm van de pagina loopt door op de volgende", n, uit)
		}
		if eerst.uitloop[0] > 0 && d.uitloop[0] == 0 {
			gekrompen++
		}
		if d.uitloop[0] > 0 {
			doorgelopen++
		}
		if d.paginas[0] != 2 {
			t.Errorf("%d rijen: de grafiek begint op pagina %d", n, d.paginas[0])
		}
	}
	if gekrompen == 0 || doorgelopen == 0 {
		t.Errorf("%d pagina's hielden hun slot met een lagere grafiek, %d liepen terecht door: de proef moet beide tonen", gekrompen, doorgelopen)
	}
	if jaren := (Inhoud{Van: 2020, Tot: 2024}).Jaren(); !strings.Contains(jaren, "2020 t/m 2024") {
		t.Errorf("jaren %q", jaren)
	}
}
