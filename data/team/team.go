// Package team shares one register between the laptops of a team through a
// PostgreSQL team database. Each laptop keeps its own SQLite database and
// works offline; a synchronisation sends the laptop's changes since the last
// one and fetches everyone else's. Changes travel as the audit trail records
// them: one field of one record, with author and moment, each with a
// team-wide unique id, its origin (the laptop) and the team version it was
// made on, so a change is applied once however often a synchronisation is
// retried, and one cut off halfway simply continues the next time.
package team

import (
	"time"

	"jeugdmonitor/data/domain"
)

// Wijziging is one change as it travels between laptops: one field of one
// record, as the audit trail records it.
type Wijziging struct {
	// Volgnummer is the change's place in the team database's order (0
	// before it has been sent).
	Volgnummer int64
	// ID is unique in the team: the origin, the number of the audit row on
	// that laptop and a digest of the row (and the field, for an audit row
	// that records a whole record at once). A database file restored or
	// copied gets a new origin at its next synchronisation (detectCopy).
	ID string
	// Herkomst is the laptop the change was made on.
	Herkomst string
	// Basis is the last team change the laptop had received when it made
	// (and sent) this one.
	Basis int64
	// Gebruiker and Tijd are the author and moment, as the audit trail has them.
	Gebruiker string
	Tijd      time.Time
	Actie     domain.Actie
	// Entiteit is the kind of record (its table), Sleutel its team-wide key.
	Entiteit string
	Sleutel  string
	// Veld is the field; OudeWaarde and NieuweWaarde are written as the audit
	// trail writes them, with a reference to another record as that record's
	// team-wide key.
	Veld         string
	OudeWaarde   string
	NieuweWaarde string
	// ConflictMet is the id of an earlier change to the same field that this
	// one was made without knowing (set by the team database on receipt),
	// or empty.
	ConflictMet string
	// aliases are the record's other team-wide keys on the sending laptop
	// (the same record added on more laptops), whose changes to the field
	// conflict with this one as much as those under Sleutel. Not stored.
	aliases []string
}

// gedeeldeEntiteiten are the kinds of record the team shares, with whether
// the record is a link (doelstelling_interventies: the target's key, the
// intervention as value) rather than a record with its own number.
// Presentations, import mappings and settings stay on the laptop.
var gedeeldeEntiteiten = map[string]bool{
	"interventies":              false,
	"doelstellingen":            false,
	"doelstelling_interventies": true,
	"doelstelling_herzieningen": false,
	"maten":                     false,
	"bereik":                    false,
	"indicatoren":               false,
	"metingen":                  false,
	"begrotingsdoelen":          false,
	"criteria":                  false,
	"begrotingsregels":          false,
	"besparingen":               false,
	"besparing_totalen":         false,
	"beleidsteksten":            false,
}

// linkTable is the one shared kind that links two records.
const linkTable = "doelstelling_interventies"

// initOrder is the order in which team init sends the records of a laptop,
// so that every record comes after the records it refers to.
var initOrder = []string{"begrotingsdoelen", "indicatoren", "interventies", "maten", "doelstellingen",
	"doelstelling_interventies", "doelstelling_herzieningen", "bereik", "metingen", "criteria",
	"begrotingsregels", "besparingen", "besparing_totalen", "beleidsteksten"}
