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

// SplitPassword separates a connection string (URL or key=value list)
// into the address without password, which can be kept and shown, and the
// password it held (empty when none). The password is never stored in the
// database (RememberPassword keeps it out of plain sight).
func SplitPassword(dsn string) (address, password string) {
	if u, err := url.Parse(dsn); err == nil && (u.Scheme == "postgres" || u.Scheme == "postgresql") {
		if u.User != nil {
			password, _ = u.User.Password()
			u.User = url.User(u.User.Username())
		}
		q := u.Query()
		if q.Has("password") {
			password = q.Get("password")
			q.Del("password")
		}
		u.RawQuery = q.Encode()
		return u.String(), password
	}
	var kept []string
	for _, part := range strings.Fields(dsn) {
		if k, v, _ := strings.Cut(part, "="); strings.EqualFold(k, "password") {
			password = strings.Trim(v, "'")
			continue
		}
		kept = append(kept, part)
	}
	return strings.Join(kept, " "), password
}

// RememberServer keeps the team database's address (without password) with
// the laptop's database, for the next synchronisation.
func RememberServer(s *store.Store, dsn string) error {
	return s.UpdateRaw(func(r *store.RawTx) error {
		return r.DB().Exec("INSERT INTO team_staat (sleutel, waarde) VALUES (?, ?)"+
			" ON CONFLICT (sleutel) DO UPDATE SET waarde = excluded.waarde", staatServer, address(dsn)).Error
	})
}

// address is dsn without its password.
func address(dsn string) string {
	a, _ := SplitPassword(dsn)
	return a
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

// ForgetServer removes the team database's address kept with the
// laptop's database. The laptop stays in the team: with the address given
// again it continues where it was.
func ForgetServer(s *store.Store) error {
	return s.UpdateRaw(func(r *store.RawTx) error {
		return r.DB().Exec("DELETE FROM team_staat WHERE sleutel = ?", staatServer).Error
	})
}

// ErrNoServer is returned when no team database is named or kept.
var ErrNoServer = errors.New("geen teamdatabase bekend voor deze database; geef --team postgres://gebruiker@server/database")
