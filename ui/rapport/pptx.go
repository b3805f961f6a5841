package rapport

import (
	"archive/zip"
	"bytes"
	"embed"
	"encoding/xml"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"jeugdmonitor/data/dashboard"
	"jeugdmonitor/ui/chart"
)

// The fixed parts of the presentation: theme, slide master with a title and
// a title-only layout, notes master, and the presentation's properties.
//
//go:embed pptx/*.xml
var vasteDelen embed.FS

// Slide and notes sizes in EMU (914400 a inch): 16:9 widescreen slides, A4-ish
// portrait notes pages, as PowerPoint makes them.
const (
	diaBreedte, diaHoogte     = 12192000, 6858000
	notesBreedte, notesHoogte = 6858000, 9144000
	marge                     = 457200
	titelY, titelHoogte       = 182880, 1005840
	beeldY, beeldHoogte       = 1234440, 4937760
	bronY, bronHoogte         = 6217920, 502920
	demoMerk                  = "DEMO - fictieve cijfers"
	demoKleur                 = "C00000"
	relTypeBasis              = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	contentTypeBasis          = "application/vnd.openxmlformats-officedocument."
	nsAttrs                   = `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"`
	xmlKop                    = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	groepKop                  = `<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>`
	masterID, eersteDiaID     = 2147483648, 256
)

// SchrijfPPTX writes the presentation as a PowerPoint file (Office Open XML,
// ISO/IEC 29500): a title slide, then one slide per chart with the headline
// message as its title, the chart as a PNG drawn at twice the projector size
// (sharp on any screen), the source as a line on the slide and in the notes,
// and the DEMO mark on charts from a demonstration database.
func SchrijfPPTX(w io.Writer, in Inhoud, v Voortgang) error {
	p := &pakket{zip: zip.NewWriter(w), stand: in.Stand}
	for _, naam := range []string{"theme.xml", "slideMaster1.xml", "slideLayout1.xml", "slideLayout2.xml",
		"notesMaster1.xml", "presProps.xml", "viewProps.xml", "tableStyles.xml"} {
		body, err := vasteDelen.ReadFile("pptx/" + naam)
		if err != nil {
			return err
		}
		switch naam {
		case "theme.xml": // each master has its own theme part
			p.deel("ppt/theme/theme1.xml", "theme+xml", body)
			p.deel("ppt/theme/theme2.xml", "theme+xml", body)
		case "slideMaster1.xml":
			p.deel("ppt/slideMasters/"+naam, "presentationml.slideMaster+xml", body)
		case "slideLayout1.xml", "slideLayout2.xml":
			p.deel("ppt/slideLayouts/"+naam, "presentationml.slideLayout+xml", body)
		case "notesMaster1.xml":
			p.deel("ppt/notesMasters/"+naam, "presentationml.notesMaster+xml", body)
		default:
			p.deel("ppt/"+naam, "presentationml."+strings.TrimSuffix(naam, ".xml")+"+xml", body)
		}
	}
	p.rels("ppt/slideMasters/_rels/slideMaster1.xml.rels", rel{"slideLayout", "../slideLayouts/slideLayout1.xml"},
		rel{"slideLayout", "../slideLayouts/slideLayout2.xml"}, rel{"theme", "../theme/theme1.xml"})
	for _, l := range []string{"slideLayout1", "slideLayout2"} {
		p.rels("ppt/slideLayouts/_rels/"+l+".xml.rels", rel{"slideMaster", "../slideMasters/slideMaster1.xml"})
	}
	p.rels("ppt/notesMasters/_rels/notesMaster1.xml.rels", rel{"theme", "../theme/theme2.xml"})

	p.dia(titelDia(in), "slideLayout1", "", nil)
	for i, g := range in.Grafieken {
		v.meld(i, len(in.Grafieken))
		img, err := chart.Teken(g, diaGrafiek(g))
		if err != nil {
			return err
		}
		p.dia(grafiekDia(g), "slideLayout2", notities(g), img)
	}
	v.meld(len(in.Grafieken), len(in.Grafieken))

	presRels := []rel{{"slideMaster", "slideMasters/slideMaster1.xml"}, {"notesMaster", "notesMasters/notesMaster1.xml"},
		{"theme", "theme/theme1.xml"}, {"presProps", "presProps.xml"}, {"viewProps", "viewProps.xml"}, {"tableStyles", "tableStyles.xml"}}
	var ids strings.Builder
	for i := range p.dias {
		presRels = append(presRels, rel{"slide", fmt.Sprintf("slides/slide%d.xml", i+1)})
		fmt.Fprintf(&ids, `<p:sldId id="%d" r:id="rId%d"/>`, eersteDiaID+i, len(presRels))
	}
	p.deel("ppt/presentation.xml", "presentationml.presentation.main+xml", []byte(xmlKop+`<p:presentation `+nsAttrs+` saveSubsetFonts="1">`+
		fmt.Sprintf(`<p:sldMasterIdLst><p:sldMasterId id="%d" r:id="rId1"/></p:sldMasterIdLst>`, masterID)+
		`<p:notesMasterIdLst><p:notesMasterId r:id="rId2"/></p:notesMasterIdLst>`+
		`<p:sldIdLst>`+ids.String()+`</p:sldIdLst>`+
		fmt.Sprintf(`<p:sldSz cx="%d" cy="%d"/><p:notesSz cx="%d" cy="%d"/>`, diaBreedte, diaHoogte, notesBreedte, notesHoogte)+
		`<p:defaultTextStyle><a:defPPr><a:defRPr lang="nl-NL"/></a:defPPr></p:defaultTextStyle></p:presentation>`))
	p.rels("ppt/_rels/presentation.xml.rels", presRels...)

	p.deel("docProps/core.xml", "", []byte(xmlKop+`<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" `+
		`xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`+
		`<dc:title>`+tekst("Jeugdmonitor Zwolle: "+in.Titel)+`</dc:title><dc:creator>Jeugdmonitor Zwolle</dc:creator><dc:language>nl-NL</dc:language>`+
		`<dcterms:created xsi:type="dcterms:W3CDTF">`+in.Stand.UTC().Format("2006-01-02T15:04:05Z")+`</dcterms:created></cp:coreProperties>`))
	p.soorten["/docProps/core.xml"] = "application/vnd.openxmlformats-package.core-properties+xml"
	p.ruwRels("_rels/.rels", `<Relationship Id="rId1" Type="`+relTypeBasis+`officeDocument" Target="ppt/presentation.xml"/>`+
		`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>`)
	p.contentTypes()
	if p.err != nil {
		return p.err
	}
	return p.zip.Close()
}

// pakket collects the parts of the package as they are written.
type pakket struct {
	zip     *zip.Writer
	soorten map[string]string // part name -> content type (the Overrides)
	dias    int               // slides written
	stand   time.Time         // the time on every part
	err     error
}

// rel is a relationship from a part: its type (the last word of the type
// URI) and its target relative to the part.
type rel struct{ soort, doel string }

// deel writes a part; soort is its content type after
// "application/vnd.openxmlformats-officedocument.", or "" when the caller
// sets it.
func (p *pakket) deel(naam, soort string, body []byte) {
	if p.err != nil {
		return
	}
	if p.soorten == nil {
		p.soorten = map[string]string{}
	}
	if soort != "" {
		p.soorten["/"+naam] = contentTypeBasis + soort
	}
	method := zip.Deflate
	if strings.HasSuffix(naam, ".png") {
		method = zip.Store // already compressed
	}
	f, err := p.zip.CreateHeader(&zip.FileHeader{Name: naam, Method: method, Modified: p.stand})
	if err == nil {
		_, err = f.Write(body)
	}
	p.err = err
}

// rels writes a relationships part with ids rId1, rId2, … in order.
func (p *pakket) rels(naam string, rs ...rel) {
	var b strings.Builder
	for i, r := range rs {
		fmt.Fprintf(&b, `<Relationship Id="rId%d" Type="%s%s" Target="%s"/>`, i+1, relTypeBasis, r.soort, r.doel)
	}
	p.ruwRels(naam, b.String())
}

func (p *pakket) ruwRels(naam, relaties string) {
	p.deel(naam, "", []byte(xmlKop+`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+relaties+`</Relationships>`))
}

// dia adds a slide on a layout, with its notes page when notes is set and
// its picture (rId3) when img is set.
func (p *pakket) dia(vormen, layout, notes string, img []byte) {
	p.dias++
	n := p.dias
	naam := fmt.Sprintf("slide%d.xml", n)
	p.deel("ppt/slides/"+naam, "presentationml.slide+xml", []byte(xmlKop+`<p:sld `+nsAttrs+`><p:cSld><p:spTree>`+groepKop+vormen+
		`</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>`))
	rels := []rel{{"slideLayout", "../slideLayouts/" + layout + ".xml"}}
	if notes != "" {
		notesNaam := fmt.Sprintf("notesSlide%d.xml", n)
		rels = append(rels, rel{"notesSlide", "../notesSlides/" + notesNaam})
		p.deel("ppt/notesSlides/"+notesNaam, "presentationml.notesSlide+xml", []byte(xmlKop+`<p:notes `+nsAttrs+`><p:cSld><p:spTree>`+groepKop+
			`<p:sp><p:nvSpPr><p:cNvPr id="2" name="Dia-afbeelding 1"/><p:cNvSpPr><a:spLocks noGrp="1" noRot="1" noChangeAspect="1"/></p:cNvSpPr><p:nvPr><p:ph type="sldImg" idx="2"/></p:nvPr></p:nvSpPr>`+
			`<p:spPr>`+xfrm(381000, 685800, 6096000, 3429000)+`</p:spPr></p:sp>`+
			`<p:sp><p:nvSpPr><p:cNvPr id="3" name="Notities 2"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="body" sz="quarter" idx="3"/></p:nvPr></p:nvSpPr>`+
			`<p:spPr>`+xfrm(685800, 4343400, 5486400, 4114800)+`</p:spPr><p:txBody><a:bodyPr/><a:lstStyle/>`+notes+`</p:txBody></p:sp>`+
			`</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>`))
		p.rels("ppt/notesSlides/_rels/"+notesNaam+".rels", rel{"notesMaster", "../notesMasters/notesMaster1.xml"}, rel{"slide", "../slides/" + naam})
	}
	if img != nil {
		beeld := fmt.Sprintf("grafiek%d.png", n)
		p.deel("ppt/media/"+beeld, "", img)
		rels = append(rels, rel{"image", "../media/" + beeld})
	}
	p.rels("ppt/slides/_rels/"+naam+".rels", rels...)
}

// contentTypes writes [Content_Types].xml for every part written.
func (p *pakket) contentTypes() {
	var b strings.Builder
	b.WriteString(xmlKop + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>`)
	for _, naam := range slices.Sorted(maps.Keys(p.soorten)) {
		fmt.Fprintf(&b, `<Override PartName="%s" ContentType="%s"/>`, naam, p.soorten[naam])
	}
	b.WriteString(`</Types>`)
	p.deel("[Content_Types].xml", "", []byte(b.String()))
}

// titelDia is the title slide: program, title, date, number of charts, the
// years they cover and the DEMO mark.
func titelDia(in Inhoud) string {
	regels := []string{alinea("Presentatie voor de gemeenteraad: "+in.Titel, 2400, "", true),
		alinea(strings.TrimSpace(fmt.Sprintf("Gemaakt op %s · %d grafieken %s", in.Stand.Format("02-01-2006"), len(in.Grafieken), in.Jaren())), 1800, "", false)}
	if in.Demo() {
		regels = append(regels, alinea(demoMerk+": deze presentatie komt uit een demodatabase; geen enkel cijfer is echt.", 2000, demoKleur, true))
	}
	return placeholder(2, "Titel 1", `type="ctrTitle"`, 914400, 1463040, 10363200, 1828800, alinea("Jeugdmonitor Zwolle", 4800, "", true)) +
		placeholder(3, "Ondertitel 2", `type="subTitle" idx="1"`, 914400, 3474720, 10363200, 2560320, strings.Join(regels, ""))
}

// grafiekDia is a chart's slide: the headline message as title, the chart,
// its source and, on demo data, the mark.
func grafiekDia(g dashboard.Grafiek) string {
	titel := diaTitel(g)
	// the chart keeps its 16:9 shape, centred under the title
	bw := beeldHoogte * 16 / 9
	s := placeholder(2, "Titel 1", `type="title"`, marge, titelY, diaBreedte-2*marge, titelHoogte, alinea(titel, 0, "", false)) +
		`<p:pic><p:nvPicPr><p:cNvPr id="3" name="Grafiek" descr="` + tekst("Grafiek: "+g.Titel) + `"/><p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr><p:nvPr/></p:nvPicPr>` +
		`<p:blipFill><a:blip r:embed="rId3"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>` +
		`<p:spPr>` + xfrm((diaBreedte-bw)/2, beeldY, bw, beeldHoogte) + `<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>` +
		tekstvak(4, "Bron", marge, bronY, diaBreedte-2*marge, bronHoogte, alinea(bronRegel(g, true), 1200, "", false))
	if g.Demo {
		s += tekstvak(5, "DEMO", diaBreedte-marge-3657600, 0, 3657600, 274320, alinea(demoMerk, 1400, demoKleur, true))
	}
	return s
}

// diaGrafiek says how a chart is drawn on its slide: at twice the projector
// size, without what the slide has as its title (the headline message, or
// else the chart's title), so that it is not there twice.
func diaGrafiek(g dashboard.Grafiek) chart.Opties {
	return chart.Opties{Breedte: 2 * chart.StandaardBreedte, Hoogte: 2 * chart.StandaardHoogte, Formaat: chart.PNG,
		Thema: chart.Licht, ZonderKernboodschap: true, ZonderTitel: diaTitel(g) == g.Titel}
}

// langsteBronRegel is the longest source line that still reads on a slide;
// a longer one names only the documents there (the notes have it all).
const langsteBronRegel = 200

// diaTitel is a chart slide's title: its headline message, or the chart's
// title while it has none or the chart has no figures to back it.
func diaTitel(g dashboard.Grafiek) string {
	if !g.ToonKernboodschap() {
		return g.Titel
	}
	return g.Kernboodschap
}

// bronRegel is the source line of a chart; kort names only the documents
// when the full line would not read on a slide.
func bronRegel(g dashboard.Grafiek, kort bool) string {
	r := "Bron: " + g.BronTekst()
	if kort && utf8.RuneCountInString(r) > langsteBronRegel {
		var docs []string
		for _, b := range g.Bronnen {
			if !slices.Contains(docs, b.Document) {
				docs = append(docs, b.Document)
			}
		}
		r = "Bron: " + strings.Join(docs, " · ") + " (de paragrafen staan in de notities)"
	}
	if g.Peildatum != "" {
		r += " · " + g.Peildatum
	}
	return r
}

// notities is a chart's notes page: what the chart shows, its headline
// message, remarks and its full source line.
func notities(g dashboard.Grafiek) string {
	const klein = 1200
	s := alinea(g.Titel, klein, "", true)
	if g.Kernboodschap != "" {
		s += alinea("Kernboodschap: "+g.Kernboodschap, klein, "", false)
		if g.KernboodschapHerkomst != "" {
			s += alinea(g.KernboodschapHerkomst, klein, "", false)
		}
	}
	if !g.HeeftGegevens() && g.GeenGegevens != "" {
		s += alinea(g.GeenGegevens+".", klein, "", false)
	}
	for _, o := range g.Opmerkingen {
		s += alinea(o, klein, "", false)
	}
	s += alinea(bronRegel(g, false), klein, "", false)
	if g.Demo {
		s += alinea(demoMerk, klein, demoKleur, true)
	}
	return s
}

// placeholder is a shape filling a placeholder of the layout, with its own
// position so that every reader puts it in the same place.
func placeholder(id int, naam, ph string, x, y, cx, cy int, alineas string) string {
	return fmt.Sprintf(`<p:sp><p:nvSpPr><p:cNvPr id="%d" name="%s"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph %s/></p:nvPr></p:nvSpPr>`, id, naam, ph) +
		`<p:spPr>` + xfrm(x, y, cx, cy) + `</p:spPr><p:txBody><a:bodyPr><a:normAutofit/></a:bodyPr><a:lstStyle/>` + alineas + `</p:txBody></p:sp>`
}

// tekstvak is a free text box.
func tekstvak(id int, naam string, x, y, cx, cy int, alineas string) string {
	return fmt.Sprintf(`<p:sp><p:nvSpPr><p:cNvPr id="%d" name="%s"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr>`, id, naam) +
		`<p:spPr>` + xfrm(x, y, cx, cy) + `<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr>` +
		`<p:txBody><a:bodyPr wrap="square" rtlCol="0"><a:normAutofit/></a:bodyPr><a:lstStyle/>` + alineas + `</p:txBody></p:sp>`
}

// alinea is a paragraph; size in hundredths of a point (0: the style's),
// colour as RRGGBB ("" the style's).
func alinea(t string, size int, kleur string, vet bool) string {
	rpr := `<a:rPr lang="nl-NL" dirty="0"`
	if size > 0 {
		rpr += fmt.Sprintf(` sz="%d"`, size)
	}
	if vet {
		rpr += ` b="1"`
	}
	if kleur != "" {
		rpr += `><a:solidFill><a:srgbClr val="` + kleur + `"/></a:solidFill></a:rPr>`
	} else {
		rpr += `/>`
	}
	return `<a:p><a:r>` + rpr + `<a:t>` + tekst(t) + `</a:t></a:r></a:p>`
}

func xfrm(x, y, cx, cy int) string {
	return fmt.Sprintf(`<a:xfrm><a:off x="%d" y="%d"/><a:ext cx="%d" cy="%d"/></a:xfrm>`, x, y, cx, cy)
}

// tekst escapes text for an XML element or a double-quoted attribute
// (characters XML cannot hold become U+FFFD).
func tekst(s string) string {
	var b bytes.Buffer
	xml.EscapeText(&b, []byte(s))
	return b.String()
}
