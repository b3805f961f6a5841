package team

import (
	"errors"
	"net/url"
	"strings"

	"gorm.io/gorm"

	"jeugdmonitor/data/store"
)

// staatServer is where the laptop keeps the team database's address,
// without a password.
const staatServer = "server"

// withoutPassword removes the password from a connection string (URL or
// key=value list), so that it can be kept: the password is never stored
// in the database (PostgreSQL's own ~/.pgpass, readable only by the user,
// or PGPASSWORD supply it).
func withoutPassword(dsn string) string {
	if u, err := url.Parse(dsn); err == nil && (u.Scheme == "postgres" || u.Scheme == "postgresql") {
		if u.User != nil {
			u.User = url.User(u.User.Username())
		}
		q := u.Query()
		q.Del("password")
		u.RawQuery = q.Encode()
		return u.String()
	}
	var kept []string
	for _, part := range strings.Fields(dsn) {
		if !strings.HasPrefix(strings.ToLower(part), "password=") {
			kept = append(kept, part)
		}
	}
	return strings.Join(kept, " ")
}

// RememberServer keeps the team database's address (without password) with
// the laptop's database, for the next synchronisation.
func RememberServer(s *store.Store, dsn string) error {
	return s.UpdateRaw(func(r *store.RawTx) error {
		return r.DB().Exec("INSERT INTO team_staat (sleutel, waarde) VALUES (?, ?)"+
			" ON CONFLICT (sleutel) DO UPDATE SET waarde = excluded.waarde", staatServer, withoutPassword(dsn)).Error
	})
}

// SavedServer is the team database's address kept with the laptop's
// database; ok is false when there is none.
func SavedServer(s *store.Store) (dsn string, ok bool, err error) {
	err = s.ReadRaw(func(db *gorm.DB) error {
		var rows []string
		if err := db.Raw("SELECT waarde FROM team_staat WHERE sleutel = ?", staatServer).Scan(&rows).Error; err != nil {
			return err
		}
		if len(rows) == 1 {
			dsn, ok = rows[0], true
		}
		return nil
	})
	return dsn, ok, err
}

// ErrNoServer is returned when no team database is named or kept.
var ErrNoServer = errors.New("geen teamdatabase bekend voor deze database; geef --team postgres://gebruiker@server/database")
