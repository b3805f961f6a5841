package team

import (
	"context"

	"gorm.io/gorm"

	"jeugdmonitor/data/register"
	"jeugdmonitor/data/store"
)

// InTeam reports whether the database s belongs to a team (after team
// init, or made by joining one).
func InTeam(s *store.Store) (bool, error) {
	var ok bool
	err := s.ReadRaw(func(db *gorm.DB) (err error) {
		_, ok, err = readState(db)
		return err
	})
	return ok, err
}

// JoinNew makes a new database file at path for a laptop that joins the
// team at srv: the team database's address dsn is kept with it (without
// password), the built-in register is not loaded into it (the register
// comes from the team), and the team's register is fetched into it as Join
// does, with progress. An existing file is never touched; on any failure,
// a cancelled join included, the new file is removed again, so no
// half-filled database is left behind. It returns the file's absolute path.
func JoinNew(ctx context.Context, path, dsn string, srv *Server, progress func(Voortgang)) (string, Resultaat, error) {
	var res Resultaat
	abs, err := store.CreateNew(path, func(s *store.Store) error {
		if err := s.SetSetting(register.SeededKey, "nee: het register komt uit de teamdatabase"); err != nil {
			return err
		}
		if err := RememberServer(s, dsn); err != nil {
			return err
		}
		var err error
		res, err = Join(ctx, s, srv, progress)
		return err
	})
	return abs, res, err
}
