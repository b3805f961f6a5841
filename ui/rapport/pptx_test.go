package rapport

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"jeugdmonitor/data/dashboard"
	"jeugdmonitor/data/domain"
)

// pptxPakket writes the presentation and opens it as a zip archive.
func pptxPakket(t *testing.T, in Inhoud) (*zip.Reader, []byte) {
	t.Helper()
	var buf bytes.Buffer
	var last [2]int
	if err := SchrijfPPTX(&buf, in, func(k, n int) { last = [2]int{k, n} }); err != nil {
		t.Fatal(err)
	}
	if n := len(in.Grafieken); last != [2]int{n, n} {
		t.Errorf("laatste voortgang %v, want %d van %d", last, n, n)
	}
	z, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatalf("geen zip-archief: %v", err)
	}
	return z, buf.Bytes()
}

// deel reads a part of the package.
func deel(t *testing.T, z *zip.Reader, naam string) string {
	t.Helper()
	f, err := z.Open(naam)
	if err != nil {
		t.Fatalf("deel %s ontbreekt: %v", naam, err)
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestPPTXIsAValidPackage checks the Open Packaging rules PowerPoint holds a
// file to: every part well-formed XML with a content type, every
// relationship pointing at a part that is there, the parts a presentation
// with notes needs, 16:9 slides, and a notes page for every chart.
func TestPPTXIsAValidPackage(t *testing.T) {
	s := registerStore(t)
	in, err := Verzamel(s, "Raad 12 december", dashboard.Opties{}, stand)
	if err != nil {
		t.Fatal(err)
	}
	z, _ := pptxPakket(t, in)
	parts := map[string]bool{}
	for _, f := range z.File {
		if parts[f.Name] {
			t.Errorf("deel %s staat twee keer in het archief", f.Name)
		}
		parts[f.Name] = true
	}
	for _, want := range []string{"[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "ppt/presentation.xml",
		"ppt/_rels/presentation.xml.rels", "ppt/slideMasters/slideMaster1.xml", "ppt/slideLayouts/slideLayout1.xml",
		"ppt/slideLayouts/slideLayout2.xml", "ppt/theme/theme1.xml", "ppt/theme/theme2.xml", "ppt/notesMasters/notesMaster1.xml",
		"ppt/presProps.xml", "ppt/viewProps.xml", "ppt/tableStyles.xml",
		"ppt/slides/slide1.xml", "ppt/slides/slide2.xml", "ppt/slides/slide3.xml",
		"ppt/notesSlides/notesSlide2.xml", "ppt/notesSlides/notesSlide3.xml", "ppt/media/grafiek2.png"} {
		if !parts[want] {
			t.Errorf("deel %s ontbreekt", want)
		}
	}

	var types struct {
		Defaults []struct {
			Extension string `xml:",attr"`
		} `xml:"Default"`
		Overrides []struct {
			PartName    string `xml:",attr"`
			ContentType string `xml:",attr"`
		} `xml:"Override"`
	}
	if err := xml.Unmarshal([]byte(deel(t, z, "[Content_Types].xml")), &types); err != nil {
		t.Fatal(err)
	}
	typed := map[string]string{}
	for _, o := range types.Overrides {
		typed[strings.TrimPrefix(o.PartName, "/")] = o.ContentType
		if !parts[strings.TrimPrefix(o.PartName, "/")] {
			t.Errorf("[Content_Types].xml noemt %s, dat niet in het archief staat", o.PartName)
		}
	}
	exts := map[string]bool{}
	for _, d := range types.Defaults {
		exts[d.Extension] = true
	}
	for naam := range parts {
		if typed[naam] == "" && !exts[strings.TrimPrefix(path.Ext(naam), ".")] {
			t.Errorf("deel %s heeft geen inhoudstype", naam)
		}
		if strings.HasSuffix(naam, ".xml") || strings.HasSuffix(naam, ".rels") {
			d := xml.NewDecoder(strings.NewReader(deel(t, z, naam)))
			for {
				if _, err := d.Token(); err == io.EOF {
					break
				} else if err != nil {
					t.Errorf("%s is geen geldige XML: %v", naam, err)
					break
				}
			}
		}
	}
	for naam, want := range map[string]string{
		"ppt/presentation.xml":              "presentationml.presentation.main+xml",
		"ppt/slides/slide2.xml":             "presentationml.slide+xml",
		"ppt/notesSlides/notesSlide2.xml":   "presentationml.notesSlide+xml",
		"ppt/notesMasters/notesMaster1.xml": "presentationml.notesMaster+xml",
	} {
		if !strings.HasSuffix(typed[naam], want) {
			t.Errorf("inhoudstype van %s = %q, want …%s", naam, typed[naam], want)
		}
	}

	// every relationship points at a part in the archive
	for naam := range parts {
		if !strings.HasSuffix(naam, ".rels") {
			continue
		}
		var rels struct {
			Rel []struct {
				ID     string `xml:"Id,attr"`
				Target string `xml:",attr"`
			} `xml:"Relationship"`
		}
		if err := xml.Unmarshal([]byte(deel(t, z, naam)), &rels); err != nil {
			t.Fatal(err)
		}
		// ppt/slides/_rels/slide1.xml.rels is about ppt/slides/slide1.xml
		bron := path.Dir(path.Dir(naam))
		ids := map[string]bool{}
		for _, r := range rels.Rel {
			if ids[r.ID] {
				t.Errorf("%s: id %s twee keer", naam, r.ID)
			}
			ids[r.ID] = true
			if doel := path.Join(bron, r.Target); !parts[doel] {
				t.Errorf("%s: %s wijst naar %s, dat ontbreekt", naam, r.ID, doel)
			}
		}
	}

	// every placeholder of a slide or notes page has its counterpart in the
	// layout or master it takes its place and style from
	ph := regexp.MustCompile(`<p:ph ([^/]*)/>`)
	kenmerken := func(part string) map[string]bool {
		out := map[string]bool{}
		for _, m := range ph.FindAllStringSubmatch(deel(t, z, part), -1) {
			out[strings.Replace(m[1], ` sz="quarter"`, "", 1)] = true
		}
		return out
	}
	for part, ouder := range map[string]string{"ppt/slides/slide1.xml": "ppt/slideLayouts/slideLayout1.xml",
		"ppt/slides/slide2.xml": "ppt/slideLayouts/slideLayout2.xml", "ppt/notesSlides/notesSlide2.xml": "ppt/notesMasters/notesMaster1.xml"} {
		bekend := kenmerken(ouder)
		for k := range kenmerken(part) {
			if !bekend[k] {
				t.Errorf("%s: placeholder %s staat niet in %s", part, k, ouder)
			}
		}
	}

	pres := deel(t, z, "ppt/presentation.xml")
	for _, want := range []string{`<p:sldSz cx="12192000" cy="6858000"/>`, `<p:notesMasterIdLst>`} {
		if !strings.Contains(pres, want) {
			t.Errorf("presentation.xml mist %s", want)
		}
	}
	if n := strings.Count(pres, "<p:sldId "); n != 3 {
		t.Errorf("%d dia's, want een titeldia en 2 grafieken", n)
	}
	if titel := deel(t, z, "ppt/slides/slide1.xml"); in.Tot == 0 || !strings.Contains(titel, in.Jaren()) {
		t.Errorf("de titeldia noemt de jaren %q niet", in.Jaren())
	}
	g := in.Grafieken[0]
	dia := deel(t, z, "ppt/slides/slide2.xml")
	if g.Kernboodschap != kernboodschap || !strings.Contains(dia, `<p:ph type="title"/>`) ||
		!strings.Contains(dia, "<a:t>Testkernboodschap: Zwolle naast Nederland &amp; de regio</a:t>") {
		t.Errorf("dia 2 heeft de kernboodschap %q niet als titel", g.Kernboodschap)
	}
	if titel := diaTitel(in.Grafieken[1]); titel != in.Grafieken[1].Titel || !strings.Contains(deel(t, z, "ppt/slides/slide3.xml"), tekst(titel)) {
		t.Errorf("dia 3 zonder kernboodschap heeft niet de titel van de grafiek %q", titel)
	}
	// the chart on a slide leaves out what the slide has as its title
	// (TestKopLaatWegWatDeDiaAlHeeft shows the options do)
	if o := diaGrafiek(g); !o.ZonderKernboodschap || o.ZonderTitel {
		t.Errorf("dia 2 (titel: de kernboodschap) tekent de grafiek met %+v", o)
	}
	if o := diaGrafiek(in.Grafieken[1]); !o.ZonderTitel {
		t.Errorf("dia 3 (titel: de titel van de grafiek) tekent de grafiek met %+v", o)
	}
	bron := "Plan van aanpak Preventie met Gezag (mei 2024)"
	if !strings.Contains(dia, "Bron: "+bron) || !strings.Contains(deel(t, z, "ppt/notesSlides/notesSlide2.xml"), "Bron: "+bron) {
		t.Errorf("de bron %q staat niet op dia 2 en in de notities", bron)
	}
	if strings.Contains(dia, demoMerk) {
		t.Error("echte cijfers met het DEMO-merk")
	}
	img, err := png.Decode(strings.NewReader(deel(t, z, "ppt/media/grafiek2.png")))
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 3840 || b.Dy() != 2160 {
		t.Errorf("grafiek %dx%d, want 3840x2160 (twee keer de projector)", b.Dx(), b.Dy())
	}
}

func TestPPTXMarksDemoData(t *testing.T) {
	in, err := Verzamel(demoStore(t), "", dashboard.Opties{}, stand)
	if err != nil {
		t.Fatal(err)
	}
	in.Grafieken = in.Grafieken[:1]
	z, _ := pptxPakket(t, in)
	for _, naam := range []string{"ppt/slides/slide1.xml", "ppt/slides/slide2.xml", "ppt/notesSlides/notesSlide2.xml"} {
		if !strings.Contains(deel(t, z, naam), demoMerk) {
			t.Errorf("%s mist %q", naam, demoMerk)
		}
	}
}

func TestLongSourceLineIsShortOnSlideAndFullInNotes(t *testing.T) {
	g := dashboard.Grafiek{Titel: "T", Peildatum: "cijfers t/m 2024"}
	for i := range 12 {
		g.Bronnen = append(g.Bronnen, domain.Bron{Document: "Routekaart Jeugdbeleid Zwolle (mei 2023)", Sectie: "Sociale basis jeugd > paragraaf " + strconv.Itoa(i)})
	}
	kort, vol := bronRegel(g, true), bronRegel(g, false)
	if len([]rune(kort)) > langsteBronRegel+60 || !strings.Contains(kort, "Routekaart Jeugdbeleid Zwolle (mei 2023)") || !strings.Contains(kort, "notities") {
		t.Errorf("korte bronregel %q", kort)
	}
	if !strings.Contains(vol, "paragraaf 11") || !strings.Contains(notities(g), "paragraaf 11") {
		t.Errorf("de notities missen een paragraaf: %q", vol)
	}
}

// TestLibreOfficeShowsEverySlide has LibreOffice Impress, a real presentation
// program, turn the file into a PDF: one page per slide, with the slide
// titles and sources as text.
func TestLibreOfficeShowsEverySlide(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("LibreOffice (soffice) ontbreekt in CI: build.sh installeert libreoffice-impress")
		}
		t.Skip("LibreOffice (soffice) ontbreekt: installeer libreoffice-impress om de presentatie te laten openen")
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext ontbreekt: installeer poppler-utils")
	}
	s := registerStore(t)
	in, err := Verzamel(s, "Raad 12 december", dashboard.Opties{}, stand)
	if err != nil {
		t.Fatal(err)
	}
	_, body := pptxPakket(t, in)
	dir := t.TempDir()
	pptx := filepath.Join(dir, "raad 12 december.pptx")
	if err := os.WriteFile(pptx, body, 0o644); err != nil {
		t.Fatal(err)
	}
	profile := "-env:UserInstallation=file://" + filepath.ToSlash(t.TempDir())
	if out, err := exec.Command(soffice, profile, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir, pptx).CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	pdf := filepath.Join(dir, "raad 12 december.pdf")
	info, err := exec.Command("pdfinfo", pdf).Output()
	if err != nil {
		t.Fatalf("LibreOffice maakte geen PDF: %v", err)
	}
	if m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)$`).FindSubmatch(info); m == nil || string(m[1]) != "3" {
		t.Errorf("pdfinfo: %s; want 3 pagina's (titeldia en 2 grafieken)", info)
	}
	text, err := exec.Command("pdftotext", pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	flat := strings.Join(strings.Fields(string(text)), " ")
	for _, want := range []string{"Jeugdmonitor Zwolle", "Raad 12 december",
		kernboodschap, strings.Join(strings.Fields(diaTitel(in.Grafieken[1])), " "),
		"Bron: Plan van aanpak Preventie met Gezag (mei 2024)", "Bron: Spoor 3 Jeugd"} {
		if !strings.Contains(flat, want) {
			t.Errorf("de PDF van LibreOffice mist %q", want)
		}
	}

	// the notes pages, as LibreOffice prints them
	notes := filepath.Join(t.TempDir(), "notities")
	filter := `pdf:impress_pdf_Export:{"ExportNotesPages":{"type":"boolean","value":"true"}}`
	if out, err := exec.Command(soffice, profile, "--headless", "--norestore", "--convert-to", filter, "--outdir", notes, pptx).CombinedOutput(); err != nil {
		t.Fatalf("soffice (notities): %v\n%s", err, out)
	}
	text, err = exec.Command("pdftotext", filepath.Join(notes, "raad 12 december.pdf"), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	flat = strings.Join(strings.Fields(string(text)), " ")
	for _, want := range []string{"Kernboodschap: " + kernboodschap, "Bron: " + in.Grafieken[0].BronTekst(), "Bron: " + in.Grafieken[1].BronTekst()} {
		if !strings.Contains(flat, want) {
			t.Errorf("de notities missen %q", want)
		}
	}
}
