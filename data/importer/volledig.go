package importer

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"time"

	"jeugdmonitor/data/bestand"
	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/export"
	"jeugdmonitor/data/foutmelding"
	"jeugdmonitor/data/geschiedenis"
	"jeugdmonitor/data/register"
	"jeugdmonitor/data/store"
	"jeugdmonitor/data/strictjson"
)

// LoadedKey is the setting in which a database built from a full export
// records, in its audit trail, which file it was built from and when.
const LoadedKey = geschiedenis.InstellingIngelezen

// IsFullExport reports whether the file at path looks like a full export
// (JSON) rather than a database file, by its first non-blank byte.
func IsFullExport(path string) bool {
	if bestand.Gewoon(path) != nil {
		return false
	}
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	r := bufio.NewReader(f)
	for {
		b, err := r.ReadByte()
		if err != nil {
			return false
		}
		switch b {
		case ' ', '\t', '\r', '\n', 0xEF, 0xBB, 0xBF:
			continue
		}
		return b == '{'
	}
}

// ReadFullExport reads a full export ("alles" as JSON) strictly: unknown
// fields, a key that comes twice, trailing data, another kind of export or a
// newer schema are errors in Dutch. It streams (strictjson.DecodeStream):
// memory is the export's records, never the file's text besides.
func ReadFullExport(r io.ReadSeeker) (export.Alles, error) {
	var a export.Alles
	notFull := errors.New("dit is geen volledige export van Jeugdmonitor (maak er een met Exporteren, soort alles, als JSON)")
	if err := strictjson.DecodeStream(r, &a); err != nil {
		if a.Formaat != export.Formaat && !mentions(r, `"`+export.Formaat+`"`) {
			return a, notFull
		}
		return a, fmt.Errorf("de export is beschadigd: %w", err)
	}
	switch {
	case a.Formaat != export.Formaat:
		return a, notFull
	case a.Schema > store.SchemaVersion():
		return a, fmt.Errorf("de export komt uit een nieuwere versie van Jeugdmonitor (schema %d, deze versie kent %d); werk het programma bij", a.Schema, store.SchemaVersion())
	}
	return a, nil
}

// mentions reads r from the start, a chunk at a time, and reports whether
// it contains text.
func mentions(r io.ReadSeeker, text string) bool {
	if _, err := r.Seek(0, io.SeekStart); err != nil {
		return false
	}
	buf := make([]byte, 64<<10)
	keep := 0
	for {
		n, err := r.Read(buf[keep:])
		if strings.Contains(string(buf[:keep+n]), text) {
			return true
		}
		if err != nil {
			return false
		}
		keep = copy(buf, buf[max(0, keep+n-len(text)):keep+n])
	}
}

// NewDatabaseFromExport builds a new database at dbPath from the full export
// at exportPath: the same records under the same numbers, the audit trail as
// it was, plus the rows that record this import. It never overwrites: an
// existing dbPath is refused. The database is built under a temporary name
// beside dbPath and renamed when complete, so a failure leaves no file.
func NewDatabaseFromExport(exportPath, dbPath string, now time.Time) (store.Tellingen, error) {
	if _, err := os.Stat(dbPath); err == nil {
		return store.Tellingen{}, fmt.Errorf("%s bestaat al; kies een nieuwe bestandsnaam, of zet de export terug over die database met terugzetten (restore)", dbPath)
	} else if !errors.Is(err, os.ErrNotExist) {
		return store.Tellingen{}, fmt.Errorf("%s: %s", dbPath, foutmelding.Reden(err))
	}
	tmp, counts, err := buildBeside(exportPath, dbPath, now)
	if err != nil {
		return counts, err
	}
	defer store.Remove(tmp) // after the rename only its lock file is left to clear
	if err := os.Rename(tmp, dbPath); err != nil {
		return counts, fmt.Errorf("de nieuwe database kon niet op zijn plaats worden gezet: %s", foutmelding.Reden(err))
	}
	if err := store.Reanchor(dbPath); err != nil {
		return counts, fmt.Errorf("de database is gemaakt, maar het anker van het wijzigingenlogboek kon niet worden geschreven: %w", err)
	}
	return counts, nil
}

// CheckFullExport checks a full export as importing it would, record by
// record and with every reference, by building a database from it in a
// temporary folder that is removed again; it returns what the database held.
func CheckFullExport(exportPath string, now time.Time) (store.Tellingen, error) {
	dir, err := os.MkdirTemp("", "jeugdmonitor-proefimport-")
	if err != nil {
		return store.Tellingen{}, err
	}
	defer os.RemoveAll(dir)
	_, counts, err := buildBeside(exportPath, filepath.Join(dir, "proef.db"), now)
	return counts, err
}

// buildBeside builds a database from the export at exportPath in a new
// temporary file in dbPath's folder and returns its path.
func buildBeside(exportPath, dbPath string, now time.Time) (string, store.Tellingen, error) {
	if err := bestand.Gewoon(exportPath); err != nil {
		return "", store.Tellingen{}, err
	}
	f, err := os.Open(exportPath)
	if err != nil {
		return "", store.Tellingen{}, fmt.Errorf("export openen: %s", foutmelding.Reden(err))
	}
	a, err := ReadFullExport(f)
	f.Close()
	if err != nil {
		return "", store.Tellingen{}, fmt.Errorf("%s: %w", filepath.Base(exportPath), err)
	}
	if err := os.MkdirAll(filepath.Dir(dbPath), 0o755); err != nil {
		return "", store.Tellingen{}, fmt.Errorf("map voor de nieuwe database maken: %s", foutmelding.Reden(err))
	}
	tmpFile, err := os.CreateTemp(filepath.Dir(dbPath), "."+filepath.Base(dbPath)+".inlezen-*.db")
	if err != nil {
		return "", store.Tellingen{}, fmt.Errorf("de nieuwe database aanmaken: %s", foutmelding.Reden(err))
	}
	tmp := tmpFile.Name()
	tmpFile.Close()
	os.Remove(tmp) // store.Open creates the database itself
	s, err := store.Open(tmp, store.Options{Create: true, Now: func() time.Time { return now }})
	if err != nil {
		return "", store.Tellingen{}, err
	}
	note := fmt.Sprintf("uit %s op %s", filepath.Base(exportPath), now.Local().Format("02-01-2006 15:04"))
	err = s.Load(s.User(), func(l *store.Loader) error { return loadAll(l, a, note) })
	if err == nil {
		// the records must be what their audit trail makes them: an
		// export whose trail was emptied or cut short, or with a figure
		// changed without a trail row, is refused
		err = s.VerifyTrail()
	}
	var counts store.Tellingen
	if err == nil {
		counts, err = s.Tel()
	}
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		store.Remove(tmp)
		return "", counts, fmt.Errorf("%s: %w; er is geen database gemaakt", filepath.Base(exportPath), err)
	}
	return tmp, counts, nil
}

// loadAll writes every record of a full export, references before what
// refers to them, then the audit trail, then the rows that record the load.
func loadAll(l *store.Loader, a export.Alles, note string) error {
	ld := loader{l: l, goalIDs: map[string]uint{}, indicatorIDs: map[string]uint{}}
	for _, step := range []func(export.Alles) error{ld.loadGoals, ld.loadIndicators, ld.loadCriteriaAndLines,
		ld.loadInterventions, ld.loadTargets, ld.loadSavings, ld.loadTexts, ld.loadSavedSettings} {
		if err := step(a); err != nil {
			return err
		}
	}
	rows := make([]domain.Wijziging, len(a.Wijzigingen))
	for i, w := range a.Wijzigingen {
		rows[i] = domain.Wijziging{ID: w.ID, Tijd: w.Tijd, Gebruiker: w.Gebruiker, Actie: domain.Actie(w.Actie),
			Entiteit: w.Entiteit, EntiteitID: w.EntiteitID, Veld: w.Veld, OudeWaarde: w.OudeWaarde, NieuweWaarde: w.NieuweWaarde,
			Keten: w.Keten}
	}
	if err := l.PutWijzigingen(rows); err != nil {
		return err
	}
	if err := l.Tx().SetSetting(register.SeededKey, "uit een volledige export"); err != nil {
		return err
	}
	return l.Tx().SetSetting(LoadedKey, note)
}

// loader maps the export's references (codes) onto record numbers.
type loader struct {
	l            *store.Loader
	goalIDs      map[string]uint
	indicatorIDs map[string]uint
}

func (ld *loader) loadGoals(a export.Alles) error {
	for _, g := range a.Begrotingsdoelen {
		rec := domain.Begrotingsdoel{ID: g.ID, Code: g.Code, Naam: g.Naam, Beschrijving: g.Beschrijving,
			Begrotingsjaar: g.Begrotingsjaar, Activiteiten: g.Activiteiten, Bron: g.Bron}
		if len(rec.Activiteiten) == 0 {
			rec.Activiteiten = nil // the export writes none as []
		}
		if err := ld.l.Put(&rec); err != nil {
			return fmt.Errorf("begrotingsdoel %d (%s): %w", g.ID, g.Code, err)
		}
		ld.goalIDs[g.Code] = g.ID
	}
	return nil
}

func (ld *loader) loadIndicators(a export.Alles) error {
	for _, in := range a.Indicatoren {
		rec := domain.Indicator{ID: in.ID, Code: in.Code, Naam: in.Naam, Eenheid: domain.Eenheid(in.Eenheid),
			Groep: domain.IndicatorGroep(in.Groep), Vergelijking: in.Vergelijking, Kernboodschap: in.Kernboodschap, Bron: in.Bron}
		if err := ld.l.Put(&rec); err != nil {
			return fmt.Errorf("indicator %d (%s): %w", in.ID, in.Code, err)
		}
		ld.indicatorIDs[in.Code] = in.ID
		for _, m := range in.Metingen {
			meting := domain.Meting{ID: m.ID, IndicatorID: in.ID, Periode: m.Periode, Waarde: m.Waarde,
				Vergelijkingswaarde: m.Vergelijkingswaarde, Status: domain.Status(m.Status), Bron: m.Bron}
			if err := ld.l.PutMeting(&meting); err != nil {
				return fmt.Errorf("indicator %s, meting %d (%s): %w", in.Code, m.ID, m.Periode, err)
			}
		}
	}
	return nil
}

func (ld *loader) loadCriteriaAndLines(a export.Alles) error {
	for _, g := range a.Begrotingsdoelen {
		for _, c := range g.Criteria {
			rec := domain.Criterium{ID: c.ID, BegrotingsdoelID: g.ID, Omschrijving: c.Omschrijving, Streefwaarde: c.Streefwaarde,
				Soort: domain.Soort(c.Soort), Referentiejaar: c.Referentiejaar, Doeljaar: c.Doeljaar, Bron: c.Bron}
			if c.Indicator != "" {
				id, ok := ld.indicatorIDs[c.Indicator]
				if !ok {
					return fmt.Errorf("begrotingsdoel %s, criterium %d: onbekende indicator %q", g.Code, c.ID, c.Indicator)
				}
				rec.IndicatorID = &id
			}
			if err := ld.l.Put(&rec); err != nil {
				return fmt.Errorf("begrotingsdoel %s, criterium %d: %w", g.Code, c.ID, err)
			}
		}
		for _, r := range g.Regels {
			rec := domain.Begrotingsregel{ID: r.ID, BegrotingsdoelID: g.ID, Jaar: r.Jaar, Soort: domain.RegelSoort(r.Soort),
				BedragCent: domain.Cents(r.Bedrag), Omschrijving: r.Omschrijving, Bron: r.Bron, Afgeleid: r.Afgeleid}
			if err := ld.l.Put(&rec); err != nil {
				return fmt.Errorf("begrotingsdoel %s, regel %d: %w", g.Code, r.ID, err)
			}
		}
	}
	return nil
}

func (ld *loader) loadInterventions(a export.Alles) error {
	for _, in := range a.Interventies {
		rec := domain.Interventie{ID: in.ID, Naam: in.Naam, Uitvoerder: in.Uitvoerder, Cluster: domain.Cluster(in.Cluster),
			Code: in.Code, Doel: in.Doel, Doelgroep: in.Doelgroep, LeeftijdVan: in.LeeftijdVan, LeeftijdTot: in.LeeftijdTot,
			Werkwijze: in.Werkwijze, StatusTekst: in.Status, StatusCategorie: domain.StatusCategorie(in.StatusCategorie),
			Start: in.Start, Einde: in.BeoogdEinde, Resultaten: in.Resultaten, Ambities: in.Ambities,
			Gearchiveerd: in.Gearchiveerd, Bron: in.Bron, Afgeleid: in.Afgeleid, Veldbronnen: in.Veldbronnen}
		if len(rec.Ambities) == 0 {
			rec.Ambities = nil
		}
		if in.Begrotingsdoel != "" {
			id, ok := ld.goalIDs[in.Begrotingsdoel]
			if !ok {
				return fmt.Errorf("interventie %d (%s): onbekend begrotingsdoel %q", in.ID, in.Naam, in.Begrotingsdoel)
			}
			rec.BegrotingsdoelID = &id
		}
		if err := ld.l.Put(&rec); err != nil {
			return fmt.Errorf("interventie %d (%s): %w", in.ID, in.Naam, err)
		}
		for _, b := range in.Bereik {
			if err := ld.reach(b, &in.ID, nil); err != nil {
				return fmt.Errorf("interventie %s, bereik %d (%s): %w", in.Naam, b.ID, b.Periode, err)
			}
		}
	}
	return nil
}

func (ld *loader) reach(b export.Bereik, interventie, doelstelling *uint) error {
	rec := domain.Bereik{ID: b.ID, InterventieID: interventie, DoelstellingID: doelstelling, MaatNaam: b.Maat, Periode: b.Periode,
		Soort: domain.Soort(b.Soort), Waarde: b.Waarde, WaardeTot: b.WaardeTot, Eenheid: b.Eenheid,
		Status: domain.Status(b.Status), BronTekst: b.Bron, Notitie: b.Notitie, Gebruiker: b.Gebruiker, Vastgelegd: b.Vastgelegd,
		Afgeleid: b.Afgeleid}
	return ld.l.PutBereik(&rec)
}

// targets stores each target once, linked to every intervention it appears
// under; a shared target must read the same under each of them.
func (ld *loader) loadTargets(a export.Alles) error {
	type target struct {
		first export.Doelstelling
		links []uint
	}
	var order []uint
	byID := map[uint]*target{}
	for _, in := range a.Interventies {
		for _, d := range in.Doelstellingen {
			t, seen := byID[d.ID]
			if !seen {
				t = &target{first: d}
				byID[d.ID] = t
				order = append(order, d.ID)
			} else if !sameTarget(t.first, d) {
				return fmt.Errorf("doelstelling %d (%s) staat verschillend onder de interventies die haar delen", d.ID, d.Omschrijving)
			}
			t.links = append(t.links, in.ID)
		}
	}
	for _, id := range order {
		t := byID[id]
		d := t.first
		rec := domain.Doelstelling{ID: d.ID, Omschrijving: d.Omschrijving, Periode: d.Periode, Soort: domain.Soort(d.Soort),
			Waarde: d.Waarde, WaardeTot: d.WaardeTot, Eenheid: d.Eenheid, Leeftijdsgroep: d.Leeftijdsgroep, Bron: d.Bron,
			LaatsteJaar: d.LaatsteJaar, EindeReden: d.EindeReden, Afgeleid: d.Afgeleid, InterventieIDs: t.links}
		if err := ld.l.PutDoelstelling(&rec); err != nil {
			return fmt.Errorf("doelstelling %d (%s): %w", d.ID, d.Omschrijving, err)
		}
		for _, h := range d.Herzieningen {
			rev := domain.DoelstellingHerziening{ID: h.ID, DoelstellingID: d.ID, Datum: h.Datum, OudeWaarde: h.OudeWaarde,
				OudeWaardeTot: h.OudeWaardeTot, NieuweWaarde: h.NieuweWaarde, NieuweWaardeTot: h.NieuweWaardeTot,
				Reden: h.Reden, Gebruiker: h.Gebruiker}
			if err := ld.l.Put(&rev); err != nil {
				return fmt.Errorf("doelstelling %d, herziening %d: %w", d.ID, h.ID, err)
			}
		}
		for _, b := range d.Bereik {
			if err := ld.reach(b, nil, &d.ID); err != nil {
				return fmt.Errorf("doelstelling %d, bereik %d (%s): %w", d.ID, b.ID, b.Periode, err)
			}
		}
	}
	return nil
}

// sameTarget compares two appearances of a target, apart from the list of
// other interventions, which differs by where it appears.
func sameTarget(a, b export.Doelstelling) bool {
	a.GedeeldMet, b.GedeeldMet = nil, nil
	return reflect.DeepEqual(a, b)
}

func (ld *loader) loadSavings(a export.Alles) error {
	for _, b := range a.Besparingen.Regels {
		rec := domain.Besparing{ID: b.ID, Periode: b.Periode, Rapportage: b.Rapportage, Omschrijving: b.Omschrijving,
			BedragCent: domain.Cents(b.Bedrag), Bron: b.Bron}
		if err := ld.l.Put(&rec); err != nil {
			return fmt.Errorf("besparing %d (%s): %w", b.ID, b.Periode, err)
		}
	}
	for _, t := range a.Besparingen.Totalen {
		rec := domain.BesparingTotaal{ID: t.ID, BedragCent: domain.Cents(t.Bedrag), Bron: t.Bron}
		if err := ld.l.Put(&rec); err != nil {
			return fmt.Errorf("gerapporteerd totaal %d: %w", t.ID, err)
		}
	}
	return nil
}

func (ld *loader) loadTexts(a export.Alles) error {
	for _, t := range a.Beleidsteksten {
		rec := domain.Beleidstekst{ID: t.ID, Soort: domain.TekstSoort(t.Soort), Titel: t.Titel, Tekst: t.Tekst, Bron: t.Bron}
		if err := ld.l.Put(&rec); err != nil {
			return fmt.Errorf("beleidstekst %d (%s): %w", t.ID, t.Titel, err)
		}
	}
	return nil
}

func (ld *loader) loadSavedSettings(a export.Alles) error {
	for _, p := range a.Presentaties {
		rec := store.Presentatie{ID: p.ID, Naam: p.Naam, Dias: p.Dias}
		if err := ld.l.Put(&rec); err != nil {
			return fmt.Errorf("presentatie %d (%s): %w", p.ID, p.Naam, err)
		}
	}
	for _, k := range a.Importkoppelingen {
		rec := store.Importkoppeling{ID: k.ID, Bron: k.Bron, Soort: k.Soort, Koppeling: k.Koppeling}
		if err := ld.l.Put(&rec); err != nil {
			return fmt.Errorf("importkoppeling %d (%s): %w", k.ID, k.Bron, err)
		}
	}
	for _, key := range slices.Sorted(maps.Keys(a.Instellingen)) {
		if key == register.SeededKey || key == LoadedKey {
			continue // the load writes these itself, audited
		}
		if err := ld.l.PutSetting(key, a.Instellingen[key]); err != nil {
			return fmt.Errorf("instelling %s: %w", key, err)
		}
	}
	return nil
}

// InspectFullExport reads the full export at path and counts what it holds,
// as store.Tel counts a database, so the user sees it before restoring.
func InspectFullExport(path string) (store.Tellingen, error) {
	var n store.Tellingen
	if err := bestand.Gewoon(path); err != nil {
		return n, err
	}
	f, err := os.Open(path)
	if err != nil {
		return n, err
	}
	defer f.Close()
	a, err := ReadFullExport(f)
	if err != nil {
		return n, err
	}
	targets, reach := map[uint]bool{}, map[uint]bool{}
	for _, in := range a.Interventies {
		for _, b := range in.Bereik {
			reach[b.ID] = true
		}
		for _, d := range in.Doelstellingen {
			targets[d.ID] = true
			for _, b := range d.Bereik {
				reach[b.ID] = true
			}
		}
	}
	n.Interventies, n.Doelstellingen, n.Bereik = int64(len(a.Interventies)), int64(len(targets)), int64(len(reach))
	n.Indicatoren = int64(len(a.Indicatoren))
	for _, in := range a.Indicatoren {
		n.Metingen += int64(len(in.Metingen))
	}
	n.Begroting, n.Besparingen = int64(len(a.Begrotingsdoelen)), int64(len(a.Besparingen.Regels))
	n.Wijzigingen = int64(len(a.Wijzigingen))
	return n, nil
}
