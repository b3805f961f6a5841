package store

import (
	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/period"
)

// JaarWaarde is one yearly value of an indicator series.
type JaarWaarde struct {
	Jaar                int
	Waarde              float64
	Vergelijkingswaarde *float64
	Status              domain.Status
	BronDocument        string
	BronSectie          string
}

// Jaarreeks gives the yearly measurements (calendar-year periods only) of an
// indicator from vanJaar to totJaar inclusive, oldest first. Years without a
// measurement are absent: they are never filled in.
func (s *Store) Jaarreeks(indicatorID uint, vanJaar, totJaar int) ([]JaarWaarde, error) {
	var out []JaarWaarde
	err := s.db.Model(&domain.Meting{}).
		Select("jaar, waarde, vergelijkingswaarde, status, bron_document, bron_sectie").
		Where("indicator_id = ? AND periode_soort = ? AND jaar BETWEEN ? AND ?", indicatorID, period.Jaar, vanJaar, totJaar).
		Order("jaar").Scan(&out).Error
	return out, err
}

// BereikJaartotaal is the reach of one intervention in one calendar year.
type BereikJaartotaal struct {
	InterventieID uint
	// MaatID is the measure the reach is counted in (0 for a figure from
	// before measures, which its unit names).
	MaatID    uint
	Eenheid   string
	Jaar      int
	Waarde    float64
	Voorlopig bool
	// Bron and Gebruiker say where the figure came from (see domain.BereikBron).
	Bron      string
	Gebruiker string
}

// BereikPerJaar gives, per intervention, measure and calendar year in the range,
// the reach recorded for that whole year (period kind jaar). Half years and
// quarters are not added up: counts of people are not additive over periods.
func (s *Store) BereikPerJaar(vanJaar, totJaar int) ([]BereikJaartotaal, error) {
	var out []BereikJaartotaal
	err := s.db.Model(&domain.Bereik{}).
		Select("interventie_id, COALESCE(maat_id, 0) AS maat_id, eenheid, jaar, waarde, status = ? AS voorlopig, bron, gebruiker", domain.StatusVoorlopig).
		Where("periode_soort = ? AND jaar BETWEEN ? AND ? AND interventie_id IS NOT NULL", period.Jaar, vanJaar, totJaar).
		Order("interventie_id").Order("jaar").Scan(&out).Error
	return out, err
}

// ClusterBereik is the reach of one intervention of a cluster in one year,
// for comparison with its target.
type ClusterBereik struct {
	InterventieID uint
	Naam          string
	Waarde        float64
	Eenheid       string
	Voorlopig     bool
}

// BereikVanCluster gives the reach of every intervention of a cluster in one
// calendar year, by name.
func (s *Store) BereikVanCluster(cluster domain.Cluster, jaar int) ([]ClusterBereik, error) {
	var out []ClusterBereik
	err := s.db.Table("bereik AS b").
		Select("b.interventie_id, i.naam, b.waarde, b.eenheid, b.status = ? AS voorlopig", domain.StatusVoorlopig).
		Joins("JOIN interventies AS i ON i.id = b.interventie_id").
		Where("i.cluster = ? AND b.periode_soort = ? AND b.jaar = ?", cluster, period.Jaar, jaar).
		Order("i.naam COLLATE NOCASE").Scan(&out).Error
	return out, err
}
