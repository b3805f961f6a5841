// Package rapport makes what the council gets from Jeugdmonitor: the PDF
// report (a title page, every chart of a presentation with its key figures
// and sources, and a list of all sources) and the PowerPoint presentation
// (.pptx: a title slide and one 16:9 slide per chart with its headline
// message as the title, its source on the slide and in the notes). The
// command line and the window both write through this package; of Fyne it
// uses only the program's own font (Noto Sans), so the report reads like the
// screen.
package rapport

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"jeugdmonitor/data/dashboard"
	"jeugdmonitor/data/store"
)

// Formaat is the kind of file written.
type Formaat string

// The formats, named after their file extension.
const (
	PDF  Formaat = "pdf"
	PPTX Formaat = "pptx"
)

// FormaatVan picks the format from a file name's extension: .pdf or .pptx.
func FormaatVan(pad string) (Formaat, error) {
	switch strings.ToLower(filepath.Ext(pad)) {
	case ".pdf":
		return PDF, nil
	case ".pptx":
		return PPTX, nil
	}
	return "", fmt.Errorf("%s: de extensie kiest het formaat; gebruik .pdf voor het rapport of .pptx voor PowerPoint", filepath.Base(pad))
}

// AlleGrafieken is the title of a report on every chart of the dashboard.
const AlleGrafieken = "Alle grafieken van het dashboard"

// Inhoud is what a report shows: its title, the charts in order and the
// moment it was made.
type Inhoud struct {
	Titel     string
	Grafieken []dashboard.Grafiek
	Stand     time.Time
	// Van and Tot are the years the charts cover (zero when unknown).
	Van, Tot int
}

// Jaren writes the years the report covers, "over 2020 t/m 2024", or ""
// when they are unknown.
func (in Inhoud) Jaren() string {
	switch {
	case in.Tot == 0:
		return ""
	case in.Van == in.Tot || in.Van == 0:
		return fmt.Sprintf("over %d", in.Tot)
	}
	return fmt.Sprintf("over %d t/m %d", in.Van, in.Tot)
}

// Demo reports whether the charts come from a demonstration database.
func (in Inhoud) Demo() bool { return len(in.Grafieken) > 0 && in.Grafieken[0].Demo }

// Verzamel builds the charts of the saved presentation named presentatie,
// or every chart of the dashboard when it is empty, for the years in o
// (the database's default years, and its chosen intervention and measure
// unless o names an intervention, when o.Tot is 0).
func Verzamel(s *store.Store, presentatie string, o dashboard.Opties, stand time.Time) (Inhoud, error) {
	if o.Tot == 0 {
		std, err := dashboard.Standaard(s)
		if err != nil {
			return Inhoud{}, err
		}
		if o.Interventie != "" {
			std.Interventie, std.Maat = o.Interventie, o.Maat
		}
		o = std
	}
	in := Inhoud{Titel: AlleGrafieken, Stand: stand, Van: o.Van, Tot: o.Tot}
	var namen []string
	for _, g := range dashboard.Grafieken() {
		namen = append(namen, g.Naam)
	}
	if presentatie != "" {
		p, err := s.PresentatieByNaam(presentatie)
		if err != nil {
			return Inhoud{}, err
		}
		in.Titel, namen = p.Naam, p.Dias
	}
	for _, n := range namen {
		g, err := dashboard.Bouw(s, n, o)
		if err != nil {
			return Inhoud{}, err
		}
		in.Grafieken = append(in.Grafieken, g)
	}
	return in, nil
}

// Voortgang is told how many of the charts are drawn; it may be nil.
type Voortgang func(klaar, totaal int)

func (v Voortgang) meld(klaar, totaal int) {
	if v != nil {
		v(klaar, totaal)
	}
}

// Schrijf writes the report in format f to w.
func Schrijf(w io.Writer, f Formaat, in Inhoud, v Voortgang) error {
	switch f {
	case PDF:
		return SchrijfPDF(w, in, v)
	case PPTX:
		return SchrijfPPTX(w, in, v)
	}
	return fmt.Errorf("onbekend formaat %q: kies pdf of pptx", f)
}

// Bestandsnaam is a default file name for a report in format f, such as
// "jeugdmonitor-raadsvergadering-12-december-2026-11-29.pptx".
func Bestandsnaam(titel string, f Formaat, stand time.Time) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(titel) {
		ok := r >= 'a' && r <= 'z' || r >= '0' && r <= '9'
		switch {
		case ok:
			b.WriteRune(r)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
	}
	naam := strings.Trim(b.String(), "-")
	if naam == "" || titel == AlleGrafieken {
		naam = "dashboard"
	}
	return fmt.Sprintf("jeugdmonitor-%s-%s.%s", naam, stand.Format("2006-01-02"), f)
}
