package importer

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"jeugdmonitor/data/backup"
	"jeugdmonitor/data/bestand"
	"jeugdmonitor/data/cbs"
	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/dutchnum"
	"jeugdmonitor/data/foutmelding"
	"jeugdmonitor/data/spreadsheet"
	"jeugdmonitor/data/store"
)

// Probleem is a problem with one cell or row of the file, in Dutch.
type Probleem struct {
	// Rij is the row number as the spreadsheet shows it (0: the whole file).
	Rij int
	// Kolom names the column: its header and letter ("Aantal (C)"), or "".
	Kolom   string
	Melding string
}

// String gives "rij 5, kolom Aantal (C): melding".
func (p Probleem) String() string {
	var parts []string
	if p.Rij > 0 {
		parts = append(parts, fmt.Sprintf("rij %d", p.Rij))
	}
	if p.Kolom != "" {
		parts = append(parts, "kolom "+p.Kolom)
	}
	if len(parts) == 0 {
		return p.Melding
	}
	return strings.Join(parts, ", ") + ": " + p.Melding
}

// maxProblemen is how many problems a report lists; the rest are counted.
const maxProblemen = 500

// Rapport is the outcome of checking (or importing) a file.
type Rapport struct {
	// Rijen is the number of data rows read.
	Rijen int
	// Nieuw and Bijgewerkt count the figures that are (or would be) added
	// and changed.
	Nieuw, Bijgewerkt int
	// Overgeslagen lists rows left out because they hold no value
	// ("n.v.t.", "-", empty): missing is never stored as 0.
	Overgeslagen []Probleem
	// Problemen lists what is wrong, by row and column; MeerProblemen counts
	// the problems past the first 500.
	Problemen     []Probleem
	MeerProblemen int
	// Namen lists how each name in the file was matched (reach only).
	Namen []NaamMatch
	// NieuweIndicatoren names the indicators the import creates.
	NieuweIndicatoren []string
	// Wijzigingen lists the stored figures a CBS file changes ("Aantal
	// jeugdigen met jeugdhulp, 2022: van 1.300 naar 5").
	Wijzigingen []string
	// Opgeslagen is true once the rows are in the database.
	Opgeslagen bool
	// punten follows how each column uses a dot (see puntCheck).
	punten map[int]*puntGebruik
	// Reservekopie is the copy of the database made just before writing.
	Reservekopie string
}

// OK reports whether the file can be imported: no problems.
func (r *Rapport) OK() bool { return len(r.Problemen) == 0 && r.MeerProblemen == 0 }

// TeBevestigen lists the name matches the user still has to confirm.
func (r *Rapport) TeBevestigen() []NaamMatch {
	var out []NaamMatch
	for _, m := range r.Namen {
		if m.Zekerheid == Gelijkend {
			out = append(out, m)
		}
	}
	return out
}

func (r *Rapport) probleem(p Probleem) {
	if len(r.Problemen) < maxProblemen {
		r.Problemen = append(r.Problemen, p)
	} else {
		r.MeerProblemen++
	}
}

// ErrProblemen is returned by Uitvoeren when the file has problems; the
// report lists them and nothing was written.
var ErrProblemen = errors.New("het bestand bevat fouten; er is niets opgeslagen")

// ErrNietBevestigd is returned by Uitvoeren while similar names are not yet
// confirmed; nothing was written.
var ErrNietBevestigd = errors.New("bevestig eerst de gekoppelde namen; er is niets opgeslagen")

// ErrIndicatorenNietBevestigd is returned by Uitvoeren while the new
// indicators of a CBS file are not yet confirmed; nothing was written.
var ErrIndicatorenNietBevestigd = errors.New("bevestig eerst de nieuwe indicatoren; er is niets opgeslagen")

// Voortgang reports how far a check or import is.
type Voortgang struct {
	// Fase is "controleren" or "opslaan".
	Fase string
	// Rijen is the number of rows done; Totaal the number in the file, 0
	// while unknown (during the check).
	Rijen, Totaal int
}

// progressEvery is how often (in rows) progress is reported and the context
// checked.
const progressEvery = 500

// Import is one file on its way into the database: open it, adjust the
// mapping, check it, confirm names, then run it.
type Import struct {
	store *store.Store
	// Pad is the file; Blad the sheet (empty for CSV).
	Pad, Blad string
	Soort     Soort
	// Bron is the name under which the column mapping is remembered.
	Bron string
	// Bladen lists the sheets of the file.
	Bladen []string
	// Header holds the column names; HeaderLine is their row.
	Header     []string
	HeaderLine int
	// Voorbeeld holds the first data rows, for a preview.
	Voorbeeld []spreadsheet.Row
	// Koppeling maps fields to columns; change it before checking.
	Koppeling Koppeling
	// Onthouden is true when the mapping came from an earlier import.
	Onthouden bool
	// CBS is set when the file is a CBS StatLine download (indicators only);
	// CBSOpties chooses the municipality and table.
	CBS       bool
	CBSOpties cbs.Opties
	// IndicatorenBevestigd says the user confirmed the indicators a CBS
	// file creates (Rapport.NieuweIndicatoren); without it Uitvoeren
	// stores nothing (ErrIndicatorenNietBevestigd).
	IndicatorenBevestigd bool
	// keuzes holds the user's confirmed name matches: name in file to the
	// register's name ("" to refuse).
	keuzes map[string]string
	// gecontroleerd is the fingerprint of the content the last Controleer
	// read; Uitvoeren writes only that content.
	gecontroleerd *vingerafdruk
}

// voorbeeldRijen is how many data rows Open keeps for the preview.
const voorbeeldRijen = 20

// Open reads a file's sheets, header and first rows and proposes a column
// mapping (the one remembered for its source, where there is one).
func Open(s *store.Store, pad, blad string, soort Soort) (*Import, error) {
	if !slices.Contains(Soorten, soort) {
		return nil, fmt.Errorf("onbekende soort import %q; kies bereik of indicatoren", soort)
	}
	if err := bestand.Gewoon(pad); err != nil {
		return nil, err
	}
	bladen, err := spreadsheet.Sheets(pad)
	if err != nil {
		return nil, err
	}
	if blad == "" && spreadsheet.IsXLSX(pad) {
		blad = bladen[0]
	}
	tab, err := spreadsheet.OpenTable(pad, blad)
	if err != nil {
		return nil, err
	}
	defer tab.Close()
	im := &Import{store: s, Pad: pad, Blad: blad, Soort: soort, Bron: BronVan(pad), Bladen: bladen,
		Header: tab.Header, HeaderLine: tab.HeaderLine, keuzes: map[string]string{}}
	for len(im.Voorbeeld) < voorbeeldRijen {
		row, err := tab.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		im.Voorbeeld = append(im.Voorbeeld, row)
	}
	if cbs.Herken(tab.Header) {
		if soort != SoortIndicatoren {
			return nil, fmt.Errorf("%s is een CBS StatLine-bestand; importeer het als indicatoren", filepath.Base(pad))
		}
		im.CBS = true
		im.CBSOpties = cbs.Opties{Tabel: cbs.TabelUit(pad, tab.Above)}
		return im, nil
	}
	onthouden, ok, err := s.Importkoppeling(im.Bron, string(soort))
	if err != nil {
		return nil, err
	}
	im.Koppeling, im.Onthouden = Raad(soort, tab.Header, onthouden), ok
	return im, nil
}

// Kolom names column i for messages: "Aantal (C)".
func (im *Import) Kolom(i int) string {
	letter := spreadsheet.ColumnLetter(i)
	if i >= 0 && i < len(im.Header) && im.Header[i] != "" {
		return im.Header[i] + " (" + letter + ")"
	}
	return letter
}

// Bevestig records the user's choice for a name in the file: the register's
// name it stands for ("" to refuse the proposed match).
func (im *Import) Bevestig(inBestand, naam string) {
	im.keuzes[inBestand] = naam
}

// checkKoppeling reports required fields without a column and columns used twice.
func (im *Import) checkKoppeling() []Probleem {
	var out []Probleem
	used := map[int]string{}
	for _, v := range Velden(im.Soort) {
		col, ok := im.Koppeling[v.Naam]
		if !ok || col < 0 {
			if v.Verplicht {
				out = append(out, Probleem{Melding: fmt.Sprintf("kies de kolom voor %q", v.Label)})
			}
			continue
		}
		if col >= len(im.Header) {
			out = append(out, Probleem{Melding: fmt.Sprintf("%q wijst naar kolom %s, die niet bestaat", v.Label, spreadsheet.ColumnLetter(col))})
		} else if other, dup := used[col]; dup {
			out = append(out, Probleem{Kolom: im.Kolom(col), Melding: fmt.Sprintf("is gekozen voor %q en voor %q", other, v.Label)})
		}
		used[col] = v.Label
	}
	if im.Soort == SoortIndicatoren && !im.mapped("code") && !im.mapped("indicator") {
		out = append(out, Probleem{Melding: "kies de kolom met de code of de naam van de indicator"})
	}
	return out
}

func (im *Import) mapped(veld string) bool {
	c, ok := im.Koppeling[veld]
	return ok && c >= 0
}

// Controleer reads every row and reports what an import would do and every
// problem, writing nothing (a dry run). Uitvoeren afterwards writes only if
// the file still holds what this check read.
func (im *Import) Controleer(ctx context.Context, voortgang func(Voortgang)) (*Rapport, error) {
	if im.CBS {
		return im.cbsRun(ctx, voortgang, false)
	}
	rapport, afdruk, err := im.controleer(ctx, voortgang)
	if err == nil {
		im.gecontroleerd = &afdruk
	}
	return rapport, err
}

// controleer checks the file and returns the report and the fingerprint of
// the content it read.
func (im *Import) controleer(ctx context.Context, voortgang func(Voortgang)) (*Rapport, vingerafdruk, error) {
	rapport := &Rapport{}
	if ps := im.checkKoppeling(); len(ps) > 0 {
		rapport.Problemen = ps
		return rapport, vingerafdruk{}, nil
	}
	v, err := im.verwerker(true)
	if err != nil {
		return nil, vingerafdruk{}, err
	}
	afdruk, err := im.pass(ctx, v, nil, rapport, 0, voortgang)
	if err != nil {
		return nil, afdruk, err
	}
	v.afronden(rapport)
	return rapport, afdruk, nil
}

// Uitvoeren checks the file again and, when it has no problems and every
// similar name is confirmed, writes all its rows in one transaction with
// their audit rows and remembers the column mapping. On any problem,
// error or cancellation nothing is written. What it writes is exactly what
// was checked: a file that changed since Controleer, or between this check
// and the writing, is refused (ErrGewijzigd) and nothing is written.
func (im *Import) Uitvoeren(ctx context.Context, voortgang func(Voortgang)) (*Rapport, error) {
	if im.CBS {
		return im.cbsRun(ctx, voortgang, true)
	}
	rapport, afdruk, err := im.controleer(ctx, voortgang)
	if err != nil {
		return rapport, err
	}
	if err := im.zoalsGecontroleerd(afdruk); err != nil {
		return rapport, err
	}
	if !rapport.OK() {
		return rapport, ErrProblemen
	}
	if len(rapport.TeBevestigen()) > 0 {
		return rapport, ErrNietBevestigd
	}
	v, err := im.verwerker(false)
	if err != nil {
		return rapport, err
	}
	if err := im.backupFirst(rapport); err != nil {
		return rapport, err
	}
	err = im.store.Update(func(tx *store.Tx) error {
		geschreven, err := im.pass(ctx, v, tx, &Rapport{}, rapport.Rijen, voortgang)
		if err != nil {
			return err
		}
		if geschreven != afdruk {
			return ErrGewijzigd
		}
		return tx.SaveImportkoppeling(im.Bron, string(im.Soort), im.Koppeling.Headers(im.Header))
	})
	if err != nil {
		return rapport, err
	}
	rapport.Opgeslagen = true
	return rapport, nil
}

// verwerker reads the rows of one kind of import and writes them.
type verwerker interface {
	// lees checks a row; it reports problems and notes in the report and
	// returns whether the row is to be written.
	lees(row spreadsheet.Row, r *Rapport) bool
	// schrijf writes the row just read (line) in tx, or keeps it to write
	// with others; an error names the row it concerns.
	schrijf(tx *store.Tx, line int) error
	// leegmaken writes the rows schrijf kept, at the end of the file.
	leegmaken(tx *store.Tx) error
	// afronden adds the summary (names, new indicators) to the report.
	afronden(r *Rapport)
}

// verwerker makes the reader of the import's kind; tellen makes it count new
// and changed figures, which reads the database row by row and so is done
// only while checking, never inside the writing transaction.
func (im *Import) verwerker(tellen bool) (verwerker, error) {
	if im.Soort == SoortIndicatoren {
		return newMetingLezer(im, tellen)
	}
	return newBereikLezer(im, tellen)
}

// pass streams the file once: checking every row, and writing each good row
// when tx is set (reach in batches, see bereikLezer). It stops at the first
// write error or on cancellation, and returns the fingerprint of the
// content it read.
func (im *Import) pass(ctx context.Context, v verwerker, tx *store.Tx, r *Rapport, totaal int, voortgang func(Voortgang)) (vingerafdruk, error) {
	return im.lees(func() error { return im.rows(ctx, v, tx, r, totaal, voortgang) })
}

// rows reads the rows of one pass (see pass).
func (im *Import) rows(ctx context.Context, v verwerker, tx *store.Tx, r *Rapport, totaal int, voortgang func(Voortgang)) error {
	tab, err := spreadsheet.OpenTable(im.Pad, im.Blad)
	if err != nil {
		return err
	}
	defer tab.Close()
	fase := "controleren"
	if tx != nil {
		fase = "opslaan"
	}
	for {
		if r.Rijen%progressEvery == 0 {
			if err := ctx.Err(); err != nil {
				return fmt.Errorf("import afgebroken; er is niets opgeslagen: %w", err)
			}
			if voortgang != nil {
				voortgang(Voortgang{Fase: fase, Rijen: r.Rijen, Totaal: totaal})
			}
		}
		row, err := tab.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		r.Rijen++
		keep := v.lees(row, r)
		if tx == nil {
			continue
		}
		if !r.OK() {
			return fmt.Errorf("%s; er is niets opgeslagen", r.Problemen[0])
		}
		if !keep {
			continue
		}
		if err := v.schrijf(tx, row.Line); err != nil {
			return err
		}
	}
	if tx != nil {
		if err := v.leegmaken(tx); err != nil {
			return err
		}
	}
	if voortgang != nil {
		voortgang(Voortgang{Fase: fase, Rijen: r.Rijen, Totaal: max(totaal, r.Rijen)})
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("import afgebroken; er is niets opgeslagen: %w", err)
	}
	return nil
}

// cell returns the cell of a field in a row (empty when the field has no column).
func (im *Import) cell(row spreadsheet.Row, veld string) spreadsheet.Cell {
	col, ok := im.Koppeling[veld]
	if !ok || col < 0 {
		return spreadsheet.Cell{}
	}
	return row.Cell(col)
}

// text returns the text of a field's cell.
func (im *Import) text(row spreadsheet.Row, veld string) string {
	return im.cell(row, veld).Text
}

// fieldProblems turns a record's validation error into problems at the
// columns of the fields.
func (im *Import) fieldProblems(line int, err error, r *Rapport) {
	problems := domain.FieldProblems(err)
	if problems == nil {
		r.probleem(Probleem{Rij: line, Melding: err.Error()})
		return
	}
	for _, p := range problems {
		kolom := p.Veld
		if col, ok := im.Koppeling[veldVan(p.Veld)]; ok && col >= 0 {
			kolom = im.Kolom(col)
		}
		r.probleem(Probleem{Rij: line, Kolom: kolom, Melding: p.Melding})
	}
}

// veldVan maps a domain field label to the import field.
func veldVan(label string) string {
	switch label {
	case "waarde tot":
		return "waarde_tot"
	case "doelstelling":
		return "interventie"
	}
	return label
}

// value reads a number field: ok false with missing true when the cell holds
// no value; a problem is reported when it is not a number.
func (im *Import) value(row spreadsheet.Row, veld string, r *Rapport) (v float64, missing, ok bool) {
	c := im.cell(row, veld)
	v, err := c.Value()
	if err == nil && c.Kind == spreadsheet.Text {
		im.puntCheck(row.Line, im.Koppeling[veld], c.Text, r)
	}
	switch {
	case errors.Is(err, spreadsheet.ErrMissing):
		return 0, true, false
	case err != nil:
		r.probleem(Probleem{Rij: row.Line, Kolom: im.Kolom(im.Koppeling[veld]), Melding: err.Error()})
		return 0, false, false
	}
	return v, false, true
}

// optional reads a number field that may be left out: nil when it has no
// column or its cell holds no value; a problem is reported when it is not a
// number.
func (im *Import) optional(row spreadsheet.Row, veld string, r *Rapport) *float64 {
	if !im.mapped(veld) {
		return nil
	}
	if v, _, ok := im.value(row, veld, r); ok {
		return &v
	}
	return nil
}

// periode reads the period cell: a year stored as a number is fine, a date is not.
func (im *Import) periode(row spreadsheet.Row, r *Rapport) string {
	c := im.cell(row, "periode")
	if c.Kind == spreadsheet.Date {
		r.probleem(Probleem{Rij: row.Line, Kolom: im.Kolom(im.Koppeling["periode"]),
			Melding: fmt.Sprintf("%s is een datum; schrijf de periode als 2024, 2024-H1, 2024-K2 of 2023/2024", c.Text)})
	}
	return c.Text
}

// status reads the status cell: empty is definitief.
func (im *Import) status(row spreadsheet.Row) domain.Status {
	s := strings.ToLower(strings.TrimSpace(im.text(row, "status")))
	switch {
	case s == "":
		return domain.StatusDefinitief
	case strings.Contains(s, "voorlopig") || s == "*" || s == "**":
		return domain.StatusVoorlopig
	}
	return domain.Status(s)
}

// rowSource is the default source of an imported figure: file, sheet and row.
func (im *Import) rowSource(line int) string {
	if im.Blad != "" {
		return fmt.Sprintf("%s, blad %s, rij %d", filepath.Base(im.Pad), im.Blad, line)
	}
	return fmt.Sprintf("%s, regel %d", filepath.Base(im.Pad), line)
}

// skip notes a row left out for want of a value.
func (im *Import) skip(row spreadsheet.Row, veld string, r *Rapport) {
	if len(r.Overgeslagen) < maxProblemen {
		r.Overgeslagen = append(r.Overgeslagen, Probleem{Rij: row.Line, Kolom: im.Kolom(im.Koppeling[veld]),
			Melding: fmt.Sprintf("geen waarde (%q); rij overgeslagen, niet als 0 opgeslagen", im.text(row, veld))})
	}
}

// backupFirst copies the database into its backups folder before an import
// writes anything, and records the copy's path in the report.
func (im *Import) backupFirst(r *Rapport) error {
	path, err := backup.Make(im.store, backup.ReasonImport, time.Now())
	if err != nil {
		return fmt.Errorf("reservekopie voor de import mislukt, er is niets ingelezen: %w", err)
	}
	r.Reservekopie = path
	return nil
}

// puntGebruik is the first cell of a column with a decimal point and the
// first with a dot that reads as thousands ("1.234").
type puntGebruik struct {
	decimaal, dubbelzinnig *puntCel
	gemeld                 bool
}

// puntCel is a cell's line and text.
type puntCel struct {
	regel int
	tekst string
}

// puntCheck refuses a column that uses a dot both as decimal point ("12.5")
// and where it reads as thousands ("1.234"): in such a file "1.234" most
// likely means 1,234 and would silently be stored 1.000 times too large.
func (im *Import) puntCheck(line, col int, tekst string, r *Rapport) {
	soort := dutchnum.PuntVan(tekst)
	if soort == dutchnum.GeenPunt {
		return
	}
	if r.punten == nil {
		r.punten = map[int]*puntGebruik{}
	}
	g := r.punten[col]
	if g == nil {
		g = &puntGebruik{}
		r.punten[col] = g
	}
	cel := &puntCel{regel: line, tekst: strings.TrimSpace(tekst)}
	switch {
	case soort == dutchnum.DecimalePunt && g.decimaal == nil:
		g.decimaal = cel
	case soort == dutchnum.DubbelzinnigePunt && g.dubbelzinnig == nil:
		g.dubbelzinnig = cel
	}
	if g.gemeld || g.decimaal == nil || g.dubbelzinnig == nil {
		return
	}
	g.gemeld = true
	d, p := g.dubbelzinnig, g.decimaal
	r.probleem(Probleem{Rij: d.regel, Kolom: im.Kolom(col), Melding: fmt.Sprintf(
		"%s is dubbelzinnig: deze kolom gebruikt ook een decimale punt (%s in rij %d), dus het kan %s of %s zijn; "+
			"schrijf het getal zonder punt of met een decimale komma",
		foutmelding.Citeer(d.tekst), foutmelding.Citeer(p.tekst), p.regel,
		strings.Replace(d.tekst, ".", ",", 1), strings.Replace(d.tekst, ".", "", 1))})
}
