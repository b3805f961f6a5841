package team

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"

	"jeugdmonitor/data/store"
)

// Sync sends the laptop's changes since the last synchronisation, then
// fetches everyone else's (see syncTeam); its errors are in Dutch.
func Sync(ctx context.Context, s *store.Store, srv *Server, progress func(Voortgang)) (Resultaat, error) {
	res, err := syncTeam(ctx, s, srv, progress)
	return res, describe(err)
}

// Init sets up an empty team database from the laptop's database (see
// initTeam); its errors are in Dutch.
func Init(s *store.Store, srv *Server) (Resultaat, error) {
	res, err := initTeam(s, srv)
	return res, describe(err)
}

// Join makes an empty database part of the team and fetches the team's
// register (see join); its errors are in Dutch.
func Join(ctx context.Context, s *store.Store, srv *Server, progress func(Voortgang)) (Resultaat, error) {
	res, err := join(ctx, s, srv, progress)
	return res, describe(err)
}

// errConnectionLost is returned when the server went away during work:
// every step is a transaction, so nothing is half done.
var errConnectionLost = errors.New("de verbinding met de teamdatabase is verbroken (server onbereikbaar of netwerk weg); " +
	"er is niets half opgeslagen, probeer het opnieuw")

// describe says in Dutch what a PostgreSQL or network error met during
// work on the team database means; other errors are returned as they are.
func describe(err error) error {
	var pgErr *pgconn.PgError
	var connectErr *pgconn.ConnectError
	var opErr *net.OpError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &pgErr):
		return describePg(pgErr, err)
	case errors.As(err, &connectErr) || errors.As(err, &opErr) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, io.EOF) || errors.Is(err, driver.ErrBadConn) || strings.Contains(err.Error(), "conn closed"):
		return errConnectionLost
	case strings.Contains(err.Error(), "sql: Scan error"):
		return changedOutside("een kolom van team_wijzigingen of team_info heeft een ander type")
	}
	return err
}

// describePg says in Dutch what an error of the PostgreSQL server means.
func describePg(e *pgconn.PgError, err error) error {
	switch e.Code {
	case "42501":
		return errors.New("geen recht: uw gebruiker mag dit niet in de teamdatabase (tabellen maken vraagt het recht CREATE, " +
			"wijzigingen versturen het recht INSERT); vraag de eigenaar of IT")
	case "42P01":
		return changedOutside(fmt.Sprintf("tabel %s ontbreekt", Toonbaar(between(e.Message, `"`, `"`), 60)))
	case "42703":
		return changedOutside(fmt.Sprintf("kolom %s ontbreekt", Toonbaar(between(e.Message, "column ", " does not exist"), 60)))
	case "55P03":
		return errors.New("een andere verbinding met de teamdatabase houdt de beurt om wijzigingen te versturen vast (een collega die " +
			"nu verstuurt, of een laptop die daarbij bleef hangen); er is niets half opgeslagen, probeer het over een paar minuten opnieuw")
	case "P0001": // raised by the team database's own guards, in Dutch
		return errors.New(Toonbaar(e.Message, 300))
	case "57014":
		return errors.New("het werk met de teamdatabase duurde te lang en is afgebroken; er is niets half opgeslagen, probeer het opnieuw")
	case "23505", "42P07", "42710":
		if strings.HasPrefix(e.ConstraintName, "pg_") || e.Code != "23505" {
			return errors.New("een andere laptop richt de teamdatabase op dit moment in; probeer het over een minuut opnieuw")
		}
	}
	if strings.HasPrefix(e.Code, "08") || strings.HasPrefix(e.Code, "57P") {
		return errConnectionLost
	}
	return err
}

// changedOutside is the error for a team database whose tables were
// changed past the program.
func changedOutside(what string) error {
	return fmt.Errorf("de database is geen (volledige) teamdatabase van Jeugdmonitor meer: hij is buiten het programma om "+
		"veranderd (%s); meld het de beheerder", what)
}

// between is the part of text after the first before and up to after.
func between(text, before, after string) string {
	_, rest, _ := strings.Cut(text, before)
	part, _, _ := strings.Cut(rest, after)
	return part
}
