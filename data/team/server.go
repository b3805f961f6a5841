package team

import (
	"database/sql"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/jackc/pgx/v5/stdlib"
	"gorm.io/gorm"

	"jeugdmonitor/data/domain"
)

// serverSchemaVersion is the version of the team database's schema this
// program makes. Version 2 has the same tables as 1, but its first changes
// may be history (see historyMark), which a program that knows only 1
// would apply. Version 3 adds team_beurt, whose one row is the turn to
// send (takeTurn): only writers can lock it, where any role that can
// connect can hold the advisory lock of versions 1 and 2, and stop every
// send. This program understands all three.
const serverSchemaVersion = "3"

// historySchemaVersion is the version of a team database set up with
// history and the advisory lock.
const historySchemaVersion = "2"

// oldSchemaVersion is the version of a team database set up without history.
const oldSchemaVersion = "1"

// infoHistoryEnd is the key in team_info of the number of the last change
// of team init: changes up to there may be history.
const infoHistoryEnd = "historie_tot"

// serverSchema makes the team database: the changes of all laptops in the
// order they arrived, and a few facts about the team. The changes can only
// be added to: a trigger refuses changing, removing and emptying them for
// every role (only the owner of the table can switch it off), and other
// roles get only what Grant gives them.
const serverSchema = `
CREATE TABLE team_info (
    sleutel TEXT PRIMARY KEY,
    waarde  TEXT NOT NULL
);
CREATE TABLE team_wijzigingen (
    volgnummer     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    wijziging_id   TEXT NOT NULL UNIQUE,
    herkomst       TEXT NOT NULL,
    basis          BIGINT NOT NULL,
    gebruiker      TEXT NOT NULL,
    tijd           TIMESTAMPTZ NOT NULL,
    actie          TEXT NOT NULL,
    entiteit       TEXT NOT NULL,
    sleutel        TEXT NOT NULL,
    veld           TEXT NOT NULL,
    oude_waarde    TEXT NOT NULL,
    nieuwe_waarde  TEXT NOT NULL,
    conflict_met   TEXT NOT NULL DEFAULT '',
    ontvangen      TIMESTAMPTZ NOT NULL DEFAULT now(),
    verzonden_door TEXT NOT NULL DEFAULT current_user
);
CREATE INDEX team_wijzigingen_sleutel ON team_wijzigingen USING hash (sleutel);
CREATE FUNCTION team_wijzigingen_alleen_toevoegen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'het logboek van het team kan alleen worden aangevuld, niet aangepast';
END $$;
CREATE TRIGGER team_wijzigingen_alleen_toevoegen BEFORE UPDATE OR DELETE ON team_wijzigingen
    FOR EACH ROW EXECUTE FUNCTION team_wijzigingen_alleen_toevoegen();
CREATE TRIGGER team_wijzigingen_niet_legen BEFORE TRUNCATE ON team_wijzigingen
    FOR EACH STATEMENT EXECUTE FUNCTION team_wijzigingen_alleen_toevoegen();
CREATE TABLE team_beurt (
    beurt BOOLEAN PRIMARY KEY DEFAULT true CHECK (beurt)
);
INSERT INTO team_beurt DEFAULT VALUES;
REVOKE ALL ON team_info, team_wijzigingen, team_beurt FROM PUBLIC;
`

// turnTable reports whether the team database has team_beurt (version 3),
// and names it with its schema.
func turnTable(tx *gorm.DB) (name string, ok bool, err error) {
	var names []string
	err = tx.Raw(`SELECT quote_ident(n.nspname) || '.team_beurt' FROM pg_catalog.pg_class c
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = pg_catalog.to_regclass('team_beurt')`).Scan(&names).Error
	if err != nil || len(names) == 0 {
		return "", false, err
	}
	return names[0], true, nil
}

// emptyTurn is the error of a team database whose team_beurt lost its row.
const emptyTurn = "de teamdatabase is buiten het programma om veranderd (team_beurt is leeg); meld het de beheerder"

// takeTurn waits for the turn to send: in a team database with team_beurt
// a lock on its row, in one of an earlier version the advisory lock.
var takeTurn = fmt.Sprintf(`DO $$
BEGIN
    IF pg_catalog.to_regclass('team_beurt') IS NULL THEN
        PERFORM pg_catalog.pg_advisory_xact_lock(%d::bigint);
    ELSE
        PERFORM 1 FROM team_beurt FOR UPDATE;
        IF NOT FOUND THEN
            RAISE EXCEPTION '%s';
        END IF;
    END IF;
END $$`, sendLock, emptyTurn)

// guards makes every way of adding changes, the program's and any other
// (psql, a script), wait for the turn to send before its changes are
// numbered: a change numbered below one that became visible earlier would
// be skipped by every laptop that fetched past it. The turn is the row of
// team_beurt, or in a team database of an earlier version the advisory
// lock; either is named with its schema (and the lock with its type), so
// that nothing of the same name a writer made elsewhere takes its place.
// Team init makes them; Grant gives them again to a team database set up
// before.
func guards(tx *gorm.DB) error {
	table, ok, err := turnTable(tx)
	if err != nil {
		return err
	}
	wait := fmt.Sprintf("PERFORM pg_catalog.pg_advisory_xact_lock(%d::bigint);", sendLock)
	if ok {
		wait = fmt.Sprintf("PERFORM 1 FROM %s FOR UPDATE;\n    IF NOT FOUND THEN\n        RAISE EXCEPTION '%s';\n    END IF;", table, emptyTurn)
	}
	return tx.Exec(`
CREATE OR REPLACE FUNCTION team_wijzigingen_op_volgorde() RETURNS trigger LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    ` + wait + `
    RETURN NULL;
END $$;
DROP TRIGGER IF EXISTS team_wijzigingen_op_volgorde ON team_wijzigingen;
CREATE TRIGGER team_wijzigingen_op_volgorde BEFORE INSERT ON team_wijzigingen
    FOR EACH STATEMENT EXECUTE FUNCTION team_wijzigingen_op_volgorde();
`).Error
}

// Server is an open connection to the team database.
type Server struct {
	db *gorm.DB
	// historieTot is the number of the last change of team init in a team
	// database with history (0: none), as teamID read it.
	historieTot int64
}

// Close ends the connection.
func (s *Server) Close() error {
	sqlDB, err := s.db.DB()
	if err != nil {
		return err
	}
	return sqlDB.Close()
}

// ErrServerNotEmpty is returned by team init for a database that already
// holds a team register.
var ErrServerNotEmpty = errors.New("de teamdatabase bevat al een teamregister; team init is alleen voor een lege database")

// ErrNoTeam is returned when the database is not (yet) a team database.
var ErrNoTeam = errors.New("de database is geen teamdatabase van Jeugdmonitor (eerst: jeugdmonitor team init)")

// hasSchema reports whether the team tables exist.
func (s *Server) hasSchema(db *gorm.DB) (bool, error) {
	var n int64
	err := db.Raw("SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema() AND tablename = 'team_wijzigingen'").Scan(&n).Error
	return n > 0, err
}

// schemaLock is the PostgreSQL advisory lock that serialises team init
// (a number of its own: "JMZteam" in ASCII).
const schemaLock int64 = 0x4a4d5a7465616d

// create makes the schema in the transaction tx with the team's id.
func (s *Server) create(tx *gorm.DB, teamID string) error {
	// two laptops setting up one team database at once: the second waits
	// here until the first is done, and then finds its register
	if err := tx.Exec("SELECT pg_advisory_xact_lock(?)", schemaLock).Error; err != nil {
		return err
	}
	exists, err := s.hasSchema(tx)
	if err != nil {
		return err
	}
	if exists {
		return ErrServerNotEmpty
	}
	if err := tx.Exec(serverSchema).Error; err != nil {
		return fmt.Errorf("de tabellen van de teamdatabase kunnen niet worden gemaakt: %w", err)
	}
	if err := guards(tx); err != nil {
		return fmt.Errorf("de tabellen van de teamdatabase kunnen niet worden gemaakt: %w", err)
	}
	return tx.Exec("INSERT INTO team_info (sleutel, waarde) VALUES ('schema', ?), ('team', ?), ('gemaakt', ?)",
		serverSchemaVersion, teamID, time.Now().UTC().Format(time.RFC3339)).Error
}

// setHistoryEnd notes, in team init's transaction tx, the number of its last change.
func setHistoryEnd(tx *gorm.DB, end int64) error {
	return tx.Exec("INSERT INTO team_info (sleutel, waarde) VALUES (?, ?)", infoHistoryEnd, strconv.FormatInt(end, 10)).Error
}

// errNoReadRight is the error of a user who may not read the team register.
var errNoReadRight = errors.New("u hebt geen leesrecht op het teamregister; de eigenaar van de teamdatabase geeft het in Instellingen > " +
	"Teamdatabase > Rechten geven… (of met 'jeugdmonitor team rechten')")

// errNotOwner is the error of a user who is not the owner and gives rights.
var errNotOwner = errors.New("alleen de eigenaar van de teamdatabase kan rechten geven; vraag het hem (of IT)")

// teamID reads the team's id, checking that the schema is one this program
// knows, and notes how far the team's history goes.
func (s *Server) teamID() (string, error) {
	exists, err := s.hasSchema(s.db)
	if err != nil {
		return "", err
	}
	if !exists {
		return "", ErrNoTeam
	}
	var rows []struct{ Sleutel, Waarde string }
	if err := s.db.Raw("SELECT sleutel, waarde FROM team_info").Scan(&rows).Error; err != nil {
		var pgErr *pgconn.PgError
		if errors.As(err, &pgErr) && pgErr.Code == "42501" {
			return "", errNoReadRight
		}
		return "", err
	}
	info := map[string]string{}
	for _, r := range rows {
		info[r.Sleutel] = r.Waarde
	}
	if v := info["schema"]; v != serverSchemaVersion && v != historySchemaVersion && v != oldSchemaVersion {
		return "", fmt.Errorf("de teamdatabase heeft schemaversie %q; dit programma kent versie %s tot en met %s (werk Jeugdmonitor bij)",
			Toonbaar(v, 40), oldSchemaVersion, serverSchemaVersion)
	}
	s.historieTot = 0
	if end := info[infoHistoryEnd]; end != "" {
		if s.historieTot, err = strconv.ParseInt(end, 10, 64); err != nil {
			return "", fmt.Errorf("de teamdatabase is beschadigd: %s %q", infoHistoryEnd, Toonbaar(end, 40))
		}
	}
	return info["team"], nil
}

// sendBatch is how many changes go to the COPY at a time, and are sent
// between two reports of progress.
const sendBatch = 1000

// changeSource hands the changes of a send to emit, a few at a time, in
// their order (converting them from the audit trail as it goes).
type changeSource func(emit func([]Wijziging) error) error

// delivery is what a send did.
type delivery struct {
	// stored is how many changes it stored (the others the team database
	// had already), last the number of the team's last change then, at or
	// after the last of these.
	stored int
	last   int64
	// alone says that the team database had no changes after the laptop's
	// team version besides those of this send: the laptop then has all of
	// the team's changes up to last, having made them itself.
	alone bool
}

// send stores the changes src gives, all made on the laptop herkomst on
// team version basis or later, in one transaction: all or none. sent,
// when not nil, is told how many are in as they go (stored once the
// transaction commits).
func (s *Server) send(herkomst string, basis int64, src changeSource, sent func(int)) (delivery, error) {
	var d delivery
	err := s.transaction(func(t txn) error {
		var err error
		if d.stored, d.alone, err = sendIn(t, herkomst, basis, src, sent); err != nil {
			return err
		}
		d.last, err = head(t.db)
		return err
	})
	return d, err
}

// sendChanges stores changes, all of one laptop, in the transaction t (see sendIn).
func sendChanges(t txn, changes []Wijziging, sent func(int)) error {
	if len(changes) == 0 {
		return nil
	}
	herkomst, basis := originOf(changes)
	_, _, err := sendIn(t, herkomst, basis, func(emit func([]Wijziging) error) error { return emit(changes) }, sent)
	return err
}

// txn is a transaction of the team database on one connection: statements
// go through db, a COPY through the connection itself.
type txn struct {
	db   *gorm.DB
	conn *sql.Conn
}

// transaction runs fn in one transaction of the team database.
func (s *Server) transaction(fn func(t txn) error) error {
	return s.db.Connection(func(c *gorm.DB) error {
		conn, ok := c.Statement.ConnPool.(*sql.Conn)
		if !ok {
			return fmt.Errorf("onverwachte verbinding met de teamdatabase (%T)", c.Statement.ConnPool)
		}
		return c.Transaction(func(tx *gorm.DB) error { return fn(txn{db: tx, conn: conn}) })
	})
}

// sendLock is the advisory lock that serialises sends in a team database
// of version 1 or 2 (see takeTurn).
const sendLock = 0x4A4D5A57

// sendTimeouts bound how long a send waits for another one (which may
// have stopped halfway: a closed lid, a lost network), and how long a
// stopped one holds the lock: the server then ends it, and undoes it. A
// laptop gone to sleep in the middle of its COPY no longer answers the
// server's keepalive probes, which then closes its connection.
const sendTimeouts = `SET LOCAL lock_timeout = '60s'; SET LOCAL statement_timeout = '15min';
SET LOCAL idle_in_transaction_session_timeout = '5min'; SET LOCAL tcp_keepalives_idle = 60;
SET LOCAL tcp_keepalives_interval = 10; SET LOCAL tcp_keepalives_count = 3`

// sendIn stores the changes src gives, made on the laptop herkomst on team
// version basis or later, in the transaction t, and says how many it
// stored (the others it had already) and whether the team database had no
// changes after basis before (see delivery.alone). Sends are serialised, so
// that the order of the numbers is the order in which they become visible
// and no reader skips one, and so that what the team database has does
// not change between the checks below and the COPY that stores the
// changes. When the team database has no changes after basis (the usual
// case: the laptop received everything before it made its own), there is
// nothing to check, and the changes are converted while the COPY stores
// them.
func sendIn(t txn, herkomst string, basis int64, src changeSource, sent func(int)) (stored int, alone bool, err error) {
	if err := t.db.Exec(sendTimeouts).Error; err != nil {
		return 0, false, describeSendError(err)
	}
	if err := t.db.Exec(takeTurn).Error; err != nil {
		return 0, false, describeSendError(err)
	}
	if sent != nil {
		sent(0) // the turn is this laptop's
	}
	var after struct{ Own, Others bool }
	if err := t.db.Raw(`SELECT EXISTS (SELECT 1 FROM team_wijzigingen WHERE volgnummer > @b AND herkomst = @h) AS own,
    EXISTS (SELECT 1 FROM team_wijzigingen WHERE volgnummer > @b AND herkomst <> @h) AS others`,
		sql.Named("b", basis), sql.Named("h", herkomst)).Scan(&after).Error; err != nil {
		return 0, false, describeSendError(err)
	}
	src = checked(src, herkomst, basis)
	if !after.Own && !after.Others {
		n, err := t.copyChanges(src, sent)
		return n, err == nil, describeSendError(err)
	}
	// checked and stored a part at a time, so that a large send needs no
	// more memory than a part
	seen := 0
	err = inParts(src, checkBatch, func(part []Wijziging) error {
		fresh := part
		if after.Own {
			var err error
			if fresh, err = withoutResent(t.db, part, herkomst, basis); err != nil {
				return err
			}
		}
		if after.Others {
			if err := markConflicts(t.db, fresh, herkomst, basis); err != nil {
				return describeSendError(err)
			}
		}
		n, err := t.copyChanges(func(emit func([]Wijziging) error) error { return emit(fresh) }, nil)
		if err != nil {
			return describeSendError(err)
		}
		stored, seen = stored+n, seen+len(part)
		if sent != nil {
			sent(seen)
		}
		return nil
	})
	return stored, false, err
}

// inParts hands the changes src gives to store in parts of size (the last
// one smaller), each a slice of its own.
func inParts(src changeSource, size int, store func([]Wijziging) error) error {
	part := make([]Wijziging, 0, size)
	err := src(func(changes []Wijziging) error {
		part = append(part, changes...)
		if len(part) < size {
			return nil
		}
		full := part
		part = make([]Wijziging, 0, size)
		return store(full)
	})
	if err != nil || len(part) == 0 {
		return err
	}
	return store(part)
}

// checkBatch is how many changes a send checks (and stores) at a time when
// the team database has changes after the laptop's team version (tests
// make it smaller to see more parts).
var checkBatch = 5000

// checked is src refusing a change of another laptop than herkomst or made
// on an older team version than basis: the checks of sendIn would miss
// what the team database has about it.
func checked(src changeSource, herkomst string, basis int64) changeSource {
	return func(emit func([]Wijziging) error) error {
		return src(func(part []Wijziging) error {
			for _, c := range part {
				if c.Herkomst != herkomst || c.Basis < basis {
					return fmt.Errorf("wijziging %s (laptop %s, teamversie %d) hoort niet bij deze verzending (laptop %s, teamversie %d)",
						c.ID, c.Herkomst, c.Basis, herkomst, basis)
				}
			}
			return emit(part)
		})
	}
}

// copyChanges stores the changes src gives with one COPY, src running here
// and the COPY on a goroutine of its own, so that converting and storing
// overlap, and says how many it stored. sent, when not nil, is told how
// many are in after each part; the changes of a src that fails are all
// undone with the transaction.
func (t txn) copyChanges(src changeSource, sent func(int)) (int, error) {
	parts := make(chan []Wijziging, 4)
	copied := make(chan error, 1)
	go func() { copied <- t.copyIn("team_wijzigingen", sentColumns, &changeRows{parts: parts}) }()
	n := 0
	err := inParts(src, sendBatch, func(part []Wijziging) error {
		select {
		case parts <- part:
		case err := <-copied:
			copied <- err // for the end
			return errCopyEnded
		}
		n += len(part)
		if sent != nil {
			sent(n)
		}
		return nil
	})
	close(parts)
	if copyErr := <-copied; copyErr != nil {
		return 0, copyErr
	}
	if errors.Is(err, errCopyEnded) {
		return 0, errors.New("de teamdatabase stopte met opslaan voordat alle wijzigingen er waren")
	}
	return n, err
}

// errCopyEnded stops converting changes when the COPY they were for ended.
var errCopyEnded = errors.New("COPY beëindigd")

// originOf is the laptop the first of changes was made on and the oldest
// team version among them (sendIn's check refuses changes of another laptop).
func originOf(changes []Wijziging) (string, int64) {
	basis := changes[0].Basis
	for _, c := range changes {
		basis = min(basis, c.Basis)
	}
	return changes[0].Herkomst, basis
}

// withoutResent leaves out the changes the team database has already: a
// synchronisation cut off after the team database stored them, retried.
// It refuses a change whose id the team database has with other content.
// Such changes come after the team version they were sent on (basis), so
// the team database looks only there.
func withoutResent(tx *gorm.DB, changes []Wijziging, herkomst string, basis int64) ([]Wijziging, error) {
	ids := make([]string, len(changes))
	for i, c := range changes {
		ids[i] = c.ID
	}
	var rows []serverRow
	if err := tx.Raw(`SELECT `+boundedColumns+` FROM team_wijzigingen w
WHERE w.volgnummer > ? AND w.herkomst = ? AND w.wijziging_id = ANY(?::text[])`, basis, herkomst, array(ids)).
		Scan(&rows).Error; err != nil || len(rows) == 0 {
		return changes, describeSendError(err)
	}
	known := make(map[string]Wijziging, len(rows))
	for _, r := range rows {
		known[r.WijzigingID], _ = r.change()
	}
	fresh := make([]Wijziging, 0, len(changes)-len(rows))
	for _, c := range changes {
		k, ok := known[c.ID]
		if !ok {
			fresh = append(fresh, c)
			continue
		}
		if k.Herkomst != c.Herkomst || k.Gebruiker != c.Gebruiker || k.Actie != c.Actie || k.Entiteit != c.Entiteit ||
			k.Sleutel != c.Sleutel || k.Veld != c.Veld || k.OudeWaarde != c.OudeWaarde || k.NieuweWaarde != c.NieuweWaarde {
			return nil, fmt.Errorf("%w (%s)", errIDTaken, Toonbaar(c.ID, 80))
		}
	}
	return fresh, nil
}

// errIDTaken is returned by a send when the team database holds another
// change under an id the laptop gives one of its own: written there past
// the program, or by a copy of the database. A synchronisation then gives
// the laptop a new origin, so that its changes get ids of their own.
var errIDTaken = errors.New("de teamdatabase heeft al een andere wijziging met een nummer dat deze laptop aan een eigen wijziging geeft")

// markConflicts notes with each change (ConflictMet) the latest change to
// the same field from another laptop after the team version the change was
// made on, which it was made without knowing, unless that one did the
// same. The field is the record's under any of its keys (aliases). Only
// the changes the team got after the oldest version (basis) are looked at
// (the lists of tables and keys let an index find the few to these
// fields).
func markConflicts(tx *gorm.DB, changes []Wijziging, herkomst string, basis int64) error {
	type field struct{ entiteit, sleutel, veld string }
	seen := map[field]bool{}
	var entiteit, sleutel, veld []string
	for _, c := range changes {
		for _, key := range append([]string{c.Sleutel}, c.aliases...) {
			if f := (field{c.Entiteit, key, c.Veld}); !seen[f] {
				seen[f] = true
				entiteit, sleutel, veld = append(entiteit, f.entiteit), append(sleutel, f.sleutel), append(veld, f.veld)
			}
		}
	}
	var rows []struct {
		Entiteit, Sleutel, Veld, WijzigingID, Actie string
		Volgnummer                                  int64
		NieuweWaarde                                *string
	}
	err := tx.Raw(fmt.Sprintf(`SELECT DISTINCT ON (e.entiteit, e.sleutel, e.veld) e.entiteit, e.sleutel, e.veld, e.volgnummer,
    left(e.wijziging_id, %[1]d) AS wijziging_id, left(e.actie, %[1]d) AS actie,
    CASE WHEN length(e.nieuwe_waarde) <= %[2]d THEN e.nieuwe_waarde END AS nieuwe_waarde
FROM team_wijzigingen e JOIN unnest(?::text[], ?::text[], ?::text[]) AS f(entiteit, sleutel, veld)
    ON e.entiteit = f.entiteit AND e.sleutel = f.sleutel AND e.veld = f.veld
WHERE e.volgnummer > ? AND e.herkomst <> ? AND e.entiteit = ANY(?::text[]) AND e.sleutel = ANY(?::text[])
ORDER BY e.entiteit, e.sleutel, e.veld, e.volgnummer DESC`, maxNaam, domain.MaxTekst),
		array(entiteit), array(sleutel), array(veld), basis, herkomst, array(entiteit), array(sleutel)).Scan(&rows).Error
	if err != nil || len(rows) == 0 {
		return err
	}
	latest := make(map[field]int, len(rows))
	for i, r := range rows {
		latest[field{r.Entiteit, r.Sleutel, r.Veld}] = i
	}
	for i, c := range changes {
		j := -1
		for _, key := range append([]string{c.Sleutel}, c.aliases...) {
			if k, ok := latest[field{c.Entiteit, key, c.Veld}]; ok && (j < 0 || rows[k].Volgnummer > rows[j].Volgnummer) {
				j = k
			}
		}
		if j < 0 || rows[j].Volgnummer <= c.Basis {
			continue
		}
		e := rows[j]
		if e.Actie == string(c.Actie) && e.NieuweWaarde != nil && *e.NieuweWaarde == c.NieuweWaarde {
			continue
		}
		changes[i].ConflictMet = e.WijzigingID
	}
	return nil
}

// sentColumns are the columns of team_wijzigingen a send fills, in the
// order of changeRows' values.
var sentColumns = []string{"wijziging_id", "herkomst", "basis", "gebruiker", "tijd", "actie", "entiteit", "sleutel", "veld",
	"oude_waarde", "nieuwe_waarde", "conflict_met"}

// changeRows gives the changes that arrive on parts to a COPY as rows of
// sentColumns, until parts is closed.
type changeRows struct {
	parts <-chan []Wijziging
	part  []Wijziging
	next  int
}

// Next moves to the next change, waiting for the next part when needed.
func (r *changeRows) Next() bool {
	for r.next >= len(r.part) {
		part, ok := <-r.parts
		if !ok {
			return false
		}
		r.part, r.next = part, 0
	}
	r.next++
	return true
}

// Values is the current change as a row.
func (r *changeRows) Values() ([]any, error) {
	c := r.part[r.next-1]
	return []any{c.ID, c.Herkomst, c.Basis, c.Gebruiker, c.Tijd.UTC(), string(c.Actie), c.Entiteit, c.Sleutel, c.Veld,
		c.OudeWaarde, c.NieuweWaarde, c.ConflictMet}, nil
}

// Err is nil: the changes come from memory.
func (r *changeRows) Err() error { return nil }

// copyIn writes rows into the columns of table with COPY, PostgreSQL's
// fastest way in.
func (t txn) copyIn(table string, columns []string, rows pgx.CopyFromSource) error {
	return withPgx(t.conn, func(c *pgx.Conn) error {
		_, err := c.CopyFrom(t.db.Statement.Context, pgx.Identifier{table}, columns, rows)
		return err
	})
}

// array passes a list as one PostgreSQL array parameter (gorm would write
// a plain slice as a list of parameters).
func array[T any](v []T) pgtype.Array[T] {
	return pgtype.Array[T]{Elements: v, Dims: []pgtype.ArrayDimension{{Length: int32(len(v)), LowerBound: 1}}, Valid: true}
}

// received is a change fetched from the team database, with whether the
// fetching laptop itself changed the same field later.
type received struct {
	Wijziging
	LaterEigen bool
	// teLang says why the change is refused when part of it was too long
	// to fetch whole ("": it was fetched whole).
	teLang string
}

// serverRow is a row of team_wijzigingen as fetched.
type serverRow struct {
	Volgnummer   int64
	WijzigingID  string
	Herkomst     string
	Basis        int64
	Gebruiker    string
	Tijd         time.Time
	Actie        string
	Entiteit     string
	Sleutel      string
	Veld         string
	OudeWaarde   string
	NieuweWaarde string
	ConflictMet  string
	// LengteOud, LengteNieuw and LengteNaam are how long the values and
	// the longest name really are (see boundedColumns).
	LengteOud, LengteNieuw, LengteNaam int64
}

// alongNumbers makes PostgreSQL read a transaction's changes along the
// index of their numbers, stopping at the limit. After a large send its
// statistics are behind until autovacuum analyses the table: it then
// expects a few changes after a number, and gathers and sorts all of them,
// with the bounds of every value computed, to return the first few
// thousand (in a measurement 22 ms instead of 3 for 2.000 of 10.000).
const alongNumbers = "SET LOCAL enable_bitmapscan = off; SET LOCAL enable_seqscan = off"

// fetchQuery reads the changes a laptop fetches (fetchedSQL) after number
// @after up to @end, at most @limit, oldest first.
var fetchQuery = `SELECT ` + boundedColumns + ` FROM team_wijzigingen w
WHERE w.volgnummer > @after AND w.volgnummer <= @end AND ` + fetchedSQL + `
ORDER BY w.volgnummer LIMIT @limit`

// fetch reads up to limit changes after number after, oldest first,
// leaving out the laptop's own changes (herkomst) that met no conflict:
// they are here already and need nothing. Each says whether the laptop
// changed the same field later, which it can have done only up to number
// eigen (staat.EigenTot). end is how far the team's changes were looked
// at: the last one read when limit were read, else the last one the team
// database had (sends are serialised, so every change up to there is in).
func (s *Server) fetch(after int64, herkomst string, eigen int64, limit int) ([]received, int64, error) {
	end, err := head(s.db)
	if err != nil {
		return nil, 0, fmt.Errorf("wijzigingen uit de teamdatabase halen: %w", err)
	}
	var out []received
	ctx := s.db.Statement.Context
	err = s.withConn(func(c *pgx.Conn) error {
		err := pgx.BeginFunc(ctx, c, func(tx pgx.Tx) error {
			if _, err := tx.Exec(ctx, alongNumbers); err != nil {
				return err
			}
			rows, err := tx.Query(ctx, fetchQuery, pgx.NamedArgs{"h": herkomst, "after": after, "end": end, "limit": limit})
			if err != nil {
				return err
			}
			out = make([]received, 0, limit)
			var r serverRow
			_, err = pgx.ForEachRow(rows, []any{&r.Volgnummer, &r.WijzigingID, &r.Herkomst, &r.Basis, &r.Gebruiker, &r.Tijd,
				&r.Actie, &r.Entiteit, &r.Sleutel, &r.Veld, &r.ConflictMet, &r.OudeWaarde, &r.NieuweWaarde,
				&r.LengteOud, &r.LengteNieuw, &r.LengteNaam}, func() error {
				c, teLang := r.change()
				out = append(out, received{Wijziging: c, teLang: teLang})
				return nil
			})
			return err
		})
		if err != nil {
			return err
		}
		return s.markLaterOwn(c, out, herkomst, eigen)
	})
	if err != nil {
		return nil, 0, fmt.Errorf("wijzigingen uit de teamdatabase halen: %w", err)
	}
	if len(out) == limit {
		end = out[len(out)-1].Volgnummer
	}
	return out, end, nil
}

// markLaterOwn notes with each fetched change of another laptop whether
// the fetching laptop (herkomst) changed the same field later. It can have
// done so only up to number eigen (staat.EigenTot): the team database is
// asked only about the fields of the changes before that, in one query.
func (s *Server) markLaterOwn(c *pgx.Conn, out []received, herkomst string, eigen int64) error {
	type field struct{ entiteit, sleutel, veld string }
	asks := func(r received) bool { return r.Herkomst != herkomst && r.Volgnummer < eigen && r.teLang == "" }
	asked := map[field]bool{}
	var entiteit, sleutel, veld []string
	first := int64(math.MaxInt64)
	for _, r := range out {
		if !asks(r) {
			continue
		}
		first = min(first, r.Volgnummer)
		if f := (field{r.Entiteit, r.Sleutel, r.Veld}); !asked[f] {
			asked[f] = true
			entiteit, sleutel, veld = append(entiteit, f.entiteit), append(sleutel, f.sleutel), append(veld, f.veld)
		}
	}
	if len(asked) == 0 {
		return nil
	}
	// entiteit and sleutel also as lists of their own: an index on the key
	// (or, in a team database of an earlier version, on table and key) can
	// then find the few changes to these fields among many
	rows, err := c.Query(s.db.Statement.Context, `SELECT entiteit, sleutel, veld, max(volgnummer) FROM team_wijzigingen
WHERE entiteit = ANY(@e) AND sleutel = ANY(@s) AND volgnummer > @first AND volgnummer <= @eigen AND herkomst = @h
    AND (entiteit, sleutel, veld) IN (SELECT * FROM unnest(@e::text[], @s::text[], @v::text[]))
GROUP BY entiteit, sleutel, veld`, pgx.NamedArgs{"e": entiteit, "s": sleutel, "v": veld, "first": first, "eigen": eigen, "h": herkomst})
	if err != nil {
		return err
	}
	latest := map[field]int64{}
	var f field
	var n int64
	if _, err := pgx.ForEachRow(rows, []any{&f.entiteit, &f.sleutel, &f.veld, &n}, func() error {
		latest[f] = n
		return nil
	}); err != nil {
		return err
	}
	for i, r := range out {
		if asks(r) {
			out[i].LaterEigen = latest[field{r.Entiteit, r.Sleutel, r.Veld}] > r.Volgnummer
		}
	}
	return nil
}

// withConn runs fn with a connection of pgx itself: it reads rows straight
// into their fields, where database/sql and gorm would convert each value
// a few times over.
func (s *Server) withConn(fn func(c *pgx.Conn) error) error {
	sqlDB, err := s.db.DB()
	if err != nil {
		return err
	}
	conn, err := sqlDB.Conn(s.db.Statement.Context)
	if err != nil {
		return err
	}
	defer conn.Close()
	return withPgx(conn, fn)
}

// withPgx runs fn with the pgx connection under conn.
func withPgx(conn *sql.Conn, fn func(c *pgx.Conn) error) error {
	return conn.Raw(func(dc any) error {
		c, ok := dc.(*stdlib.Conn)
		if !ok {
			return fmt.Errorf("onverwachte verbinding met de teamdatabase (%T)", dc)
		}
		return fn(c.Conn())
	})
}

// fetchedSQL is the condition (on w, with the parameter @h naming the
// fetching laptop's origin) for the changes a laptop fetches: everyone
// else's, and its own that met a conflict.
const fetchedSQL = `(w.herkomst <> @h OR w.conflict_met <> '')`

// countAfter is how many changes a laptop of origin herkomst fetches after
// number after.
func (s *Server) countAfter(after int64, herkomst string) (int, error) {
	var n int
	err := s.db.Raw("SELECT count(*) FROM team_wijzigingen w WHERE w.volgnummer > @after AND "+fetchedSQL,
		sql.Named("after", after), sql.Named("h", herkomst)).Scan(&n).Error
	return n, err
}

// idsAfter lists the ids of an origin's changes after number after (an
// id longer than any the program gives cut off, so that it is none).
func (s *Server) idsAfter(herkomst string, after int64) ([]string, error) {
	var ids []string
	err := s.db.Raw(fmt.Sprintf("SELECT left(wijziging_id, %d) FROM team_wijzigingen WHERE herkomst = ? AND volgnummer > ? ORDER BY volgnummer",
		maxNaam), herkomst, after).Scan(&ids).Error
	return ids, err
}

// head is the number of the team database's last change (0: none).
func head(db *gorm.DB) (int64, error) {
	var n int64
	err := db.Raw("SELECT coalesce(max(volgnummer), 0) FROM team_wijzigingen").Scan(&n).Error
	return n, err
}

// byID reads changes by their ids.
func (s *Server) byID(ids []string) (map[string]Wijziging, error) {
	out := map[string]Wijziging{}
	if len(ids) == 0 {
		return out, nil
	}
	var rows []serverRow
	if err := s.db.Raw(`SELECT `+boundedColumns+` FROM team_wijzigingen w WHERE w.wijziging_id = ANY(?::text[])`, array(ids)).
		Scan(&rows).Error; err != nil {
		return nil, err
	}
	for _, r := range rows {
		c, teLang := r.change()
		if teLang != "" {
			c.NieuweWaarde = teLang // shown as why it is not applied here
		}
		out[r.WijzigingID] = c
	}
	return out, nil
}

// Rechten are what a role may do in the team database.
type Rechten string

// The roles' rights: reading only, or reading and adding changes.
const (
	RechtLezen     Rechten = "lezen"
	RechtSchrijven Rechten = "schrijven"
)

// Grant gives a PostgreSQL role (one per person, or one for the team) the
// right to read the team register, or to read it and add changes (filling
// only the columns a send fills). Only the owner of the team tables can
// grant; nobody is given the right to change or remove a change. It also
// gives a team database set up by an earlier version the guards of this
// one (guards).
func (s *Server) Grant(role string, r Rechten) error {
	if _, err := s.teamID(); errors.Is(err, errNoReadRight) {
		return errNotOwner
	} else if err != nil {
		return err
	}
	var privileges string
	switch r {
	case RechtLezen:
		privileges = "SELECT"
	case RechtSchrijven:
		// only the columns a send fills: the number, the moment of receipt
		// and the role that sent a change are the team database's to give
		privileges = "SELECT, INSERT (" + strings.Join(sentColumns, ", ") + ")"
	default:
		return fmt.Errorf("onbekend recht %q: kies %s of %s", r, RechtLezen, RechtSchrijven)
	}
	name := pgx.Identifier{role}.Sanitize()
	return s.db.Transaction(func(tx *gorm.DB) error {
		// the guards change the table a send in progress holds: wait for
		// it a while, not for ever
		if err := tx.Exec(fmt.Sprintf("SET LOCAL lock_timeout = '%dms'", grantLockWait.Milliseconds())).Error; err != nil {
			return err
		}
		// PostgreSQL only warns when someone else grants: ask first
		var owner bool
		if err := tx.Raw("SELECT pg_has_role(current_user, relowner, 'USAGE') FROM pg_class WHERE oid = 'team_wijzigingen'::regclass").
			Scan(&owner).Error; err != nil {
			return err
		}
		if !owner {
			return errNotOwner
		}
		if err := guards(tx); err != nil {
			return describeGrantError(role, err)
		}
		tables := "team_info, team_wijzigingen"
		turn, hasTurn, err := turnTable(tx)
		if err != nil {
			return err
		}
		if hasTurn {
			tables += ", " + turn
		}
		if err := tx.Exec("REVOKE ALL ON " + tables + " FROM " + name).Error; err != nil {
			return describeGrantError(role, err)
		}
		if err := tx.Exec("GRANT SELECT ON team_info TO " + name).Error; err != nil {
			return describeGrantError(role, err)
		}
		if hasTurn && r == RechtSchrijven {
			// locking its row, the turn to send, takes the right to change it
			if err := tx.Exec("GRANT SELECT, UPDATE ON " + turn + " TO " + name).Error; err != nil {
				return describeGrantError(role, err)
			}
		}
		return describeGrantError(role, tx.Exec("GRANT "+privileges+" ON team_wijzigingen TO "+name).Error)
	})
}

// grantLockWait is how long Grant waits for a send in progress (tests
// make it shorter).
var grantLockWait = 10 * time.Second

// describeGrantError says in Dutch why granting failed.
func describeGrantError(role string, err error) error {
	var pgErr *pgconn.PgError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &pgErr) && pgErr.Code == "42704":
		return fmt.Errorf("de rol %q bestaat niet op de server; IT maakt hem eerst (CREATE ROLE %s LOGIN …)", role, role)
	case errors.As(err, &pgErr) && pgErr.Code == "55P03":
		return errors.New("de teamdatabase is bezig: een collega verstuurt nu wijzigingen (of een laptop bleef daarbij hangen); " +
			"er is niets veranderd, probeer het over een paar minuten opnieuw")
	}
	return fmt.Errorf("rechten geven: %w", err)
}

// describeSendError says in Dutch why the team database refused changes.
func describeSendError(err error) error {
	var pgErr *pgconn.PgError
	if err == nil {
		return nil
	}
	if errors.As(err, &pgErr) && pgErr.Code == "42501" {
		return errors.New("u hebt alleen leesrechten op de teamdatabase: de wijzigingen van deze laptop kunnen niet worden verstuurd, " +
			"en zolang ze niet verstuurd zijn, haalt deze laptop ook niets van het team op; vraag de eigenaar van de teamdatabase " +
			"om het recht om te versturen (Instellingen > Teamdatabase > Rechten geven…)")
	}
	if errors.As(err, &pgErr) && pgErr.Code == "23505" && pgErr.ConstraintName == "team_wijzigingen_wijziging_id_key" {
		return errIDTaken
	}
	return fmt.Errorf("wijzigingen naar de teamdatabase sturen: %w", err)
}
