package team

import (
	"time"

	"gorm.io/gorm"

	"jeugdmonitor/data/domain"
)

// conflict is a received change that was made without knowing an earlier
// change to the same field from another laptop (eersteID), or that the
// local database refused (reden).
type conflict struct {
	tweede   Wijziging
	eersteID string
	reden    string
}

// refusedAction marks the first side of a conflict that is not another
// change but the local database refusing the second.
const refusedAction = "geweigerd"

// saveConflicts stores conflicts with both sides: the earlier change as the
// team database has it, or the reason the local database refused.
func saveConflicts(db *gorm.DB, srv *Server, conflicts []conflict) error {
	if len(conflicts) == 0 {
		return nil
	}
	var ids []string
	for _, c := range conflicts {
		if c.eersteID != "" {
			ids = append(ids, c.eersteID)
		}
	}
	earlier, err := srv.byID(ids)
	if err != nil {
		return err
	}
	for _, c := range conflicts {
		first := Wijziging{Actie: refusedAction, NieuweWaarde: c.reden, Tijd: c.tweede.Tijd}
		if c.eersteID != "" {
			first = earlier[c.eersteID]
			first.ID = c.eersteID
		}
		if err := db.Exec(`INSERT INTO team_conflicten (entiteit, sleutel, veld,
    eerste_id, eerste_actie, eerste_waarde, eerste_gebruiker, eerste_tijd,
    tweede_id, tweede_actie, tweede_waarde, tweede_gebruiker, tweede_tijd)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tweede_id) DO NOTHING`,
			c.tweede.Entiteit, c.tweede.Sleutel, c.tweede.Veld,
			first.ID, string(first.Actie), first.NieuweWaarde, first.Gebruiker, first.Tijd.UTC(),
			c.tweede.ID, string(c.tweede.Actie), c.tweede.NieuweWaarde, c.tweede.Gebruiker, c.tweede.Tijd.UTC()).Error; err != nil {
			return err
		}
	}
	return nil
}

// Conflict is a figure or text changed on two laptops, or a change this
// laptop could not apply, with both sides.
type Conflict struct {
	ID       uint
	Entiteit string
	// LokaalID is the record's number here (0: it is not here, e.g. removed).
	LokaalID uint
	Veld     string
	// Eerste is the change that reached the team first (Actie "geweigerd":
	// the local database refused Tweede, NieuweWaarde says why); Tweede the
	// one made without knowing it.
	Eerste, Tweede Wijziging
	// Keuze, OpgelostDoor and OpgelostOp record the resolution (empty: open).
	Keuze        string
	OpgelostDoor string
	OpgelostOp   *time.Time
}

// conflictRow is a row of team_conflicten.
type conflictRow struct {
	ID                                                   uint
	Entiteit, Sleutel, Veld                              string
	EersteID, EersteActie, EersteWaarde, EersteGebruiker string
	EersteTijd                                           time.Time
	TweedeID, TweedeActie, TweedeWaarde, TweedeGebruiker string
	TweedeTijd                                           time.Time
	Keuze, OpgelostDoor                                  string
	OpgelostOp                                           *time.Time
}

// Conflicten lists the conflicts of a database, the open ones only unless all.
func Conflicten(db *gorm.DB, all bool) ([]Conflict, error) {
	q := db.Table("team_conflicten").Order("id")
	if !all {
		q = q.Where("opgelost_door = ''")
	}
	var rows []conflictRow
	if err := q.Find(&rows).Error; err != nil {
		return nil, err
	}
	k := keys{db: db}
	out := make([]Conflict, len(rows))
	for i, r := range rows {
		table := r.Entiteit
		local, err := k.localID(table, r.Sleutel)
		if err != nil {
			return nil, err
		}
		out[i] = Conflict{ID: r.ID, Entiteit: r.Entiteit, LokaalID: local, Veld: r.Veld,
			Eerste: Wijziging{ID: r.EersteID, Actie: domain.Actie(r.EersteActie), NieuweWaarde: r.EersteWaarde,
				Gebruiker: r.EersteGebruiker, Tijd: r.EersteTijd, Entiteit: r.Entiteit, Sleutel: r.Sleutel, Veld: r.Veld},
			Tweede: Wijziging{ID: r.TweedeID, Actie: domain.Actie(r.TweedeActie), NieuweWaarde: r.TweedeWaarde,
				Gebruiker: r.TweedeGebruiker, Tijd: r.TweedeTijd, Entiteit: r.Entiteit, Sleutel: r.Sleutel, Veld: r.Veld},
			Keuze: r.Keuze, OpgelostDoor: r.OpgelostDoor, OpgelostOp: r.OpgelostOp}
	}
	return out, nil
}
