package store

import (
	"errors"
	"fmt"

	"jeugdmonitor/data/domain"
)

// ErrNotEmpty is returned when records are loaded into a database that
// already holds some.
var ErrNotEmpty = errors.New("de database is niet leeg; een volledige export kan alleen in een lege database worden ingelezen")

// Loader writes the records of a full export into an empty database, each
// with the number it had, so that the copied audit trail still names them.
// It adds no audit rows for these records: their history is the exported
// audit trail, which it copies as it was. Every record is validated as a
// normal change would be.
type Loader struct {
	t     *Tx
	maten *maatResolver
}

// Load runs fn in one transaction on a database that must be empty: either
// everything fn loads is stored, or nothing. Changes made through
// Loader.Tx are audited as usual, under user.
func (s *Store) Load(user string, fn func(l *Loader) error) error {
	return s.UpdateAs(user, func(t *Tx) error {
		if err := t.requireEmpty(); err != nil {
			return err
		}
		return fn(&Loader{t: t})
	})
}

// loadedTables are the tables a full export fills; a database with rows in
// any of them is not empty.
var loadedTables = []string{"interventies", "doelstellingen", "bereik", "indicatoren", "metingen",
	"begrotingsdoelen", "besparingen", "besparing_totalen", "beleidsteksten", "presentaties", "importkoppelingen",
	"wijzigingen"}

func (t *Tx) requireEmpty() error {
	for _, table := range loadedTables {
		var n int64
		if err := t.db.Table(table).Count(&n).Error; err != nil {
			return err
		}
		if n > 0 {
			return ErrNotEmpty
		}
	}
	return nil
}

// Tx is the load's transaction, for changes that are audited as usual, such
// as recording the load itself.
func (l *Loader) Tx() *Tx { return l.t }

// Put validates and stores a record with its own number.
func (l *Loader) Put(r Record) error {
	if err := r.Validate(); err != nil {
		return err
	}
	return l.put(r)
}

// PutSetting stores a setting as it was, without an audit row.
func (l *Loader) PutSetting(key, value string) error {
	return l.put(&instelling{Sleutel: key, Waarde: value})
}

func (l *Loader) put(model any) error {
	if err := translate(l.t.db.Clauses(orFail).Create(model).Error); err != nil {
		if errors.Is(err, ErrDuplicate) {
			return fmt.Errorf("%w: het nummer of de naam komt twee keer voor", ErrDuplicate)
		}
		return err
	}
	return nil
}

// PutBereik stores a reach figure with its own number, in the measure it
// names (MaatNaam) or its unit names, found or added (without an audit row,
// like everything loaded) as RecordBereik does.
func (l *Loader) PutBereik(b *domain.Bereik) error {
	if l.maten == nil {
		l.maten = newMaatResolver(l.t)
		l.maten.create = func(m *domain.Maat) error { return l.Put(m) }
	}
	if err := l.maten.resolve(b); err != nil {
		return err
	}
	return l.Put(b)
}

// PutMeting validates a measurement against its indicator, which must be
// loaded already, and stores it with its own number.
func (l *Loader) PutMeting(m *domain.Meting) error {
	var ind domain.Indicator
	if err := l.t.db.First(&ind, m.IndicatorID).Error; err != nil {
		return fieldError("indicator", "onbekende indicator (nummer %d)", m.IndicatorID)
	}
	if err := m.ValidateFor(&ind); err != nil {
		return err
	}
	return l.put(m)
}

// PutDoelstelling validates a target and stores it with its own number and
// its links to the interventions that share it, which must be loaded already.
func (l *Loader) PutDoelstelling(d *domain.Doelstelling) error {
	if err := d.Validate(); err != nil {
		return err
	}
	if err := l.put(d); err != nil {
		return err
	}
	for _, id := range d.InterventieIDs {
		if err := l.put(&domain.DoelstellingInterventie{DoelstellingID: d.ID, InterventieID: id}); err != nil {
			return fmt.Errorf("koppeling met interventie %d: %w", id, err)
		}
	}
	return nil
}

// PutWijzigingen copies rows of the audit trail as they were, numbers
// included, in their order, into the empty trail, and links them into a
// new chain. A row that carries a Keten (a full export does) must have the
// one its content and the rows before it give: otherwise the history was
// changed after the export, and nothing is loaded.
func (l *Loader) PutWijzigingen(rows []domain.Wijziging) error {
	h, err := l.t.head()
	if err != nil {
		return err
	}
	for i := range rows {
		if rows[i].ID == 0 || rows[i].Tijd.IsZero() || rows[i].Entiteit == "" {
			return fmt.Errorf("wijziging %d is onvolledig (nummer, tijd of soort gegeven ontbreekt)", i+1)
		}
		if rows[i].ID <= h.id {
			return fmt.Errorf("wijziging %d: nummer %d komt niet na nummer %d; het logboek moet op volgorde staan", i+1, rows[i].ID, h.id)
		}
		link := chainLink(h.keten, &rows[i])
		if rows[i].Keten != "" && rows[i].Keten != link {
			return fmt.Errorf("wijziging %d (nummer %d): de keten klopt niet; de geschiedenis is na de export aangepast", i+1, rows[i].ID)
		}
		rows[i].Keten = link
		h.id, h.keten = rows[i].ID, link
	}
	const batch = 500
	for start := 0; start < len(rows); start += batch {
		chunk := rows[start:min(start+batch, len(rows))]
		if err := l.put(&chunk); err != nil {
			l.t.last = nil
			return fmt.Errorf("wijzigingen %d-%d: %w", chunk[0].ID, chunk[len(chunk)-1].ID, err)
		}
	}
	return nil
}
