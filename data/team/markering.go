package team

import (
	"gorm.io/gorm"

	"jeugdmonitor/data/store"
)

// Markering is a field of a record here with an open conflict, with the
// intervention or indicator the record belongs to, so that the screens can
// mark the record and what it is part of.
type Markering struct {
	Entiteit string
	LokaalID uint
	Veld     string
	// InterventieID is the intervention the record is or belongs to (a
	// figure, a measure, a target or its revision); 0 for none. A target
	// shared by more interventions gives a Markering for each.
	InterventieID uint
	// IndicatorID is the indicator the record is or whose measurement it is; 0 for none.
	IndicatorID uint
}

// markeringQuery reads every open conflict about a record that is here,
// with what it belongs to, in one query (few rows: conflicts are rare).
const markeringQuery = `SELECT c.entiteit, k.lokaal_id, c.veld,
  COALESCE(CASE c.entiteit
    WHEN 'interventies' THEN k.lokaal_id
    WHEN 'bereik' THEN COALESCE(b.interventie_id, bl.interventie_id)
    WHEN 'maten' THEN mt.interventie_id
    WHEN 'doelstellingen' THEN dl.interventie_id
    WHEN 'doelstelling_herzieningen' THEN hl.interventie_id
  END, 0) AS interventie_id,
  COALESCE(CASE c.entiteit WHEN 'indicatoren' THEN k.lokaal_id WHEN 'metingen' THEN me.indicator_id END, 0) AS indicator_id
FROM team_conflicten c
JOIN team_sleutels k ON k.sleutel = c.sleutel AND k.entiteit = c.entiteit
LEFT JOIN bereik b ON c.entiteit = 'bereik' AND b.id = k.lokaal_id
LEFT JOIN doelstelling_interventies bl ON bl.doelstelling_id = b.doelstelling_id
LEFT JOIN maten mt ON c.entiteit = 'maten' AND mt.id = k.lokaal_id
LEFT JOIN doelstelling_interventies dl ON c.entiteit = 'doelstellingen' AND dl.doelstelling_id = k.lokaal_id
LEFT JOIN doelstelling_herzieningen h ON c.entiteit = 'doelstelling_herzieningen' AND h.id = k.lokaal_id
LEFT JOIN doelstelling_interventies hl ON hl.doelstelling_id = h.doelstelling_id
LEFT JOIN metingen me ON c.entiteit = 'metingen' AND me.id = k.lokaal_id
WHERE c.opgelost_door = '' AND k.lokaal_id <> 0
ORDER BY c.id`

// OpenMarkeringen lists the fields of records here with an open conflict,
// read in one query; a database outside a team has none. A conflict about
// a record removed here marks nothing (the Conflicten view lists it).
func OpenMarkeringen(s *store.Store) (list []Markering, err error) {
	err = s.ReadRaw(func(db *gorm.DB) error { return db.Raw(markeringQuery).Scan(&list).Error })
	return list, err
}
