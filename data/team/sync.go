package team

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/dutchnum"
	"jeugdmonitor/data/store"
)

// Resultaat says what a synchronisation did.
type Resultaat struct {
	// Verzonden is how many changes were sent, Ontvangen how many were
	// fetched from other laptops, Toegepast how many of those changed
	// something here, Conflicten how many new conflicts wait for a choice
	// here.
	Verzonden, Ontvangen, Toegepast, Conflicten int
	// AlOpgelost is how many new conflicts came in together with the
	// choice a colleague made in them: settled, they wait for nothing.
	AlOpgelost int
	// Geschiedenis is how many of the changes team init sent are the
	// laptop's audit trail, sent as history.
	Geschiedenis int
}

// Tekst says in Dutch what the synchronisation did: "Gesynchroniseerd:
// 12 wijzigingen verstuurd, 1.234 ontvangen (1.234 toegepast), 0 nieuwe
// conflicten". A change is one field of a record, as the audit trail
// counts them: a new figure is a change per field filled in.
func (r Resultaat) Tekst() string {
	return fmt.Sprintf("Gesynchroniseerd: %s verstuurd, %s ontvangen (%s toegepast), %s",
		dutchnum.Aantal(r.Verzonden, "wijziging", "wijzigingen"), getal(r.Ontvangen), getal(r.Toegepast), r.ConflictenTekst())
}

// getal writes a count with dots between thousands.
func getal(n int) string { return dutchnum.Format(float64(n), 0) }

// ConflictenTekst says in Dutch what the synchronisation found: "2 nieuwe
// conflicten" (that wait for a choice), and apart from them the ones a
// colleague had already settled: "0 nieuwe conflicten en 1 conflict dat een
// collega al had opgelost".
func (r Resultaat) ConflictenTekst() string {
	text := dutchnum.Aantal(r.Conflicten, "nieuw conflict", "nieuwe conflicten")
	if r.AlOpgelost > 0 {
		text += " en " + dutchnum.Aantal(r.AlOpgelost, "conflict dat een collega al had opgelost",
			"conflicten die collega's al hadden opgelost")
	}
	return text
}

// fetchBatch is how many changes one local transaction applies (tests
// make it smaller to see more batches).
var fetchBatch = 2000

// maxRounds bounds how often a synchronisation sends again because the
// laptop made new changes while it was receiving.
const maxRounds = 5

// cutOff, when set (by tests), is asked at the two moments where a
// synchronisation cut off leaves the sides furthest apart: after the team
// database stored the sent changes but before the laptop noted them as
// sent ("verzonden"), and after a batch was applied but before the laptop
// committed it ("toegepast"). An error it returns ends the synchronisation
// there, as a lost network or a closed laptop would.
var cutOff func(moment string) error

// cut asks cutOff, if set.
func cut(moment string) error {
	if cutOff == nil {
		return nil
	}
	return cutOff(moment)
}

// errUnsent stops receiving when the laptop has changes it has not sent.
var errUnsent = errors.New("er zijn nieuwe wijzigingen op deze laptop")

// Voortgang is how far a synchronisation is, for a progress bar.
type Voortgang struct {
	// Stap says in Dutch what happens.
	Stap string
	// Verzonden of TeVerzenden own changes are in the team database (once
	// the send commits).
	Verzonden, TeVerzenden int
	// Verwerkt of TeVerwerken changes of the team (the laptop's own
	// included) have been fetched and applied.
	Verwerkt, TeVerwerken int
}

// String says in Dutch how far the synchronisation is.
func (v Voortgang) String() string {
	switch {
	case v.TeVerwerken > 0:
		return fmt.Sprintf("%s: %s van %s", v.Stap, getal(v.Verwerkt), getal(v.TeVerwerken))
	case v.TeVerzenden > 0:
		return fmt.Sprintf("%s: %s van %s", v.Stap, getal(v.Verzonden), getal(v.TeVerzenden))
	}
	return v.Stap
}

// The steps of a synchronisation, as Voortgang.Stap says them.
const (
	StapBeurt     = "wachten op de beurt om te versturen (een collega kan net versturen)"
	StapVersturen = "wijzigingen van deze laptop versturen"
	StapOphalen   = "wijzigingen van het team ophalen"
)

// syncTeam sends the laptop's changes since the last synchronisation, then
// fetches everyone else's, each side in transactions that leave both
// consistent when the synchronisation is cut off: the next one continues.
// Cancelling ctx cuts it off the same way, at once. progress, when not
// nil, is told how far it is.
func syncTeam(ctx context.Context, s *store.Store, srv *Server, progress func(Voortgang)) (Resultaat, error) {
	var res Resultaat
	if progress == nil {
		progress = func(Voortgang) {}
	}
	srv = &Server{db: srv.db.WithContext(ctx)}
	teamID, err := srv.teamID()
	if err != nil {
		return res, cancelled(ctx, err)
	}
	before, err := lastConflictID(s)
	if err != nil {
		return res, err
	}
	renew, renewed := false, false
	for range maxRounds {
		progress(Voortgang{Stap: StapVersturen})
		err := sendOwn(s, srv, teamID, renew, &res, progress)
		if errors.Is(err, errIDTaken) && !renewed {
			renew, renewed = true, true // once: a new origin gives new ids
			continue
		}
		renew = false
		if err != nil {
			return res, cancelled(ctx, err)
		}
		progress(Voortgang{Stap: StapOphalen})
		err = receive(ctx, s, srv, &res, progress)
		if errors.Is(err, errUnsent) {
			continue
		}
		if err == nil {
			res.Conflicten, res.AlOpgelost, err = conflictCounts(s, before)
		}
		return res, cancelled(ctx, err)
	}
	return res, errors.New("er werd tijdens het synchroniseren steeds opnieuw gewijzigd; probeer het zo nog eens")
}

// ErrAfgebroken is returned by a synchronisation that was cancelled.
var ErrAfgebroken = errors.New("het synchroniseren is afgebroken; wat al binnen was blijft, de volgende keer gaat het verder")

// cancelled reports a failure after ctx was cancelled as the cancellation.
func cancelled(ctx context.Context, err error) error {
	if err != nil && ctx.Err() != nil {
		return ErrAfgebroken
	}
	return err
}

// checkTeam reads the laptop's state and checks that it belongs to the team.
func checkTeam(db *gorm.DB, teamID string) (staat, error) {
	st, ok, err := readState(db)
	if err != nil {
		return st, err
	}
	if !ok {
		return st, ErrNotInTeam
	}
	if st.Team != teamID {
		return st, errors.New("deze database hoort bij een ander team dan deze teamdatabase")
	}
	return st, nil
}

// sendOwn sends the laptop's unsent changes: the team database stores them
// in one transaction, and only then does the laptop note them as sent. A
// send cut off in between is repeated; the team database skips what it has.
// renew gives the laptop a new origin first, as a copy gets (errIDTaken).
func sendOwn(s *store.Store, srv *Server, teamID string, renew bool, res *Resultaat, progress func(Voortgang)) error {
	return s.UpdateRaw(func(r *store.RawTx) error {
		db := r.DB()
		st, err := checkTeam(db, teamID)
		if err != nil {
			return err
		}
		copied, err := detectCopy(db, srv, st)
		if err != nil {
			return err
		}
		if copied || renew {
			st.Voorgangers[st.Herkomst] = st.OntvangenTot
			st.Herkomst = newID()
			if err := writeState(db, st); err != nil {
				return err
			}
		}
		rows, err := unsent(db, st)
		if err != nil || len(rows) == 0 {
			return err
		}
		c, err := newConverter(db, st, rows)
		if err != nil {
			return err
		}
		total := countChanges(rows)
		if total > 0 {
			progress(Voortgang{Stap: StapBeurt})
			convert := func(emit func([]Wijziging) error) error { return c.each(rows, emit) }
			d, err := srv.send(st.Herkomst, st.OntvangenTot, convert, func(n int) {
				progress(Voortgang{Stap: StapVersturen, Verzonden: n, TeVerzenden: max(total, n)})
			})
			if err != nil {
				return err
			}
			res.Verzonden += d.stored
			st.EigenTot = d.last
			if d.alone {
				// nothing to fetch up to there: the team's changes after
				// the team version are these, and this laptop's own
				st.OntvangenTot = d.last
			}
		}
		if err := c.finish(); err != nil {
			return err
		}
		if err := cut("verzonden"); err != nil {
			return err
		}
		st.VerzondenTot = rows[len(rows)-1].ID
		return writeState(db, st)
	})
}

// detectCopy reports whether this database file was restored from a
// backup, or copied, after its origin sent changes: the team then has
// changes of this origin after the last one the file received that no
// audit row here made. Such a file needs a new origin, so that its new
// changes get ids of their own and the team's later changes of the old
// origin are fetched like anyone else's. A synchronisation cut off after
// sending is no copy: its changes are the file's own rows. A change under
// this origin with an id it never gives (written past the program) counts
// as another file's too: with a new origin this laptop fetches and applies
// it, as every other laptop did.
func detectCopy(db *gorm.DB, srv *Server, st staat) (bool, error) {
	ids, err := srv.idsAfter(st.Herkomst, st.OntvangenTot)
	if err != nil {
		return false, err
	}
	digests := map[uint64]string{} // audit row -> digest the team has of it
	for _, id := range ids {
		n, digest, ok := ownIDParts(st.Herkomst, id)
		if d, seen := digests[n]; !ok || (seen && d != digest) {
			return true, nil
		}
		digests[n] = digest
	}
	numbers := make([]uint64, 0, len(digests))
	for n := range digests {
		numbers = append(numbers, n)
	}
	slices.Sort(numbers)
	for start := 0; start < len(numbers); start += preloadBatch {
		part := numbers[start:min(start+preloadBatch, len(numbers))]
		var rows []domain.Wijziging
		if err := db.Where("id IN ?", part).Find(&rows).Error; err != nil {
			return false, err
		}
		if len(rows) != len(part) {
			return true, nil
		}
		for _, row := range rows {
			if rowDigest(row) != digests[uint64(row.ID)] {
				return true, nil
			}
		}
	}
	return false, nil
}

// auditRowMadeHere is the number of the local audit row a change of the
// origin herkomst was made from, when this file made it: its id is one
// that origin gives (ownIDParts) and names an audit row here of the same
// content; 0 when not.
func auditRowMadeHere(db *gorm.DB, herkomst, id string) (uint, error) {
	n, digest, ok := ownIDParts(herkomst, id)
	if !ok {
		return 0, nil
	}
	var rows []domain.Wijziging
	if err := db.Where("id = ?", n).Find(&rows).Error; err != nil || len(rows) != 1 || rowDigest(rows[0]) != digest {
		return 0, err
	}
	return uint(n), nil
}

// ownIDParts reads an id as the origin herkomst gives its changes
// (changeID: origin, audit row, digest, and a field for a row of all
// fields); ok is false for any other id.
func ownIDParts(herkomst, id string) (row uint64, digest string, ok bool) {
	parts := strings.SplitN(id, ".", 4)
	if len(parts) < 3 || parts[0] != herkomst || len(parts[2]) != 16 {
		return 0, "", false
	}
	n, err := strconv.ParseUint(parts[1], 10, 64)
	return n, parts[2], err == nil
}

// receive applies the team's changes after the last one received, a batch
// per local transaction together with how far it got.
func receive(ctx context.Context, s *store.Store, srv *Server, res *Resultaat, progress func(Voortgang)) error {
	v := Voortgang{Stap: StapOphalen}
	var ahead <-chan fetched
	for {
		done, applied := false, 0
		err := s.UpdateRaw(func(r *store.RawTx) error {
			db := r.DB()
			st, ok, err := readState(db)
			if err != nil || !ok {
				return errors.Join(err, ErrNotInTeam)
			}
			last, err := lastAuditRow(db)
			if err != nil {
				return err
			}
			if last != st.VerzondenTot {
				return errUnsent
			}
			want := fetched{after: st.OntvangenTot, herkomst: st.Herkomst, eigen: st.EigenTot}
			f := want.from(ahead, srv)
			ahead = nil
			if f.err != nil {
				return f.err
			}
			batch, end := f.batch, f.end
			if len(batch) < fetchBatch {
				done = true
			} else {
				batch = wholeGroups(batch)
				end = batch[len(batch)-1].Volgnummer
				ahead = fetched{after: end, herkomst: st.Herkomst, eigen: st.EigenTot}.start(srv)
			}
			if end == st.OntvangenTot {
				return nil
			}
			var counted func() (int, error)
			if len(batch) > 0 && v.Verwerkt+len(batch) > v.TeVerwerken {
				// counted at the first batch, and again when more came in
				// since (a colleague sending meanwhile), while it is applied
				from, herkomst := st.OntvangenTot, st.Herkomst
				counted = inBackground(func() (int, error) { return srv.countAfter(from, herkomst) })
			}
			a := &applier{r: r, db: db, k: newKeys(db), t: &tables{db: db}, st: st, srv: srv}
			err = a.apply(batch)
			if counted != nil {
				n, countErr := counted()
				if err = errors.Join(err, countErr); err == nil {
					v.TeVerwerken = v.Verwerkt + n
				}
			}
			if err != nil {
				return err
			}
			if err := a.saveConflicts(); err != nil {
				return err
			}
			if st.VerzondenTot, err = lastAuditRow(db); err != nil {
				return err
			}
			st.OntvangenTot, applied = end, len(batch)
			res.Toegepast += a.applied
			for _, c := range batch {
				if !st.own(c.Wijziging) {
					res.Ontvangen++
				}
			}
			if err := writeState(db, st); err != nil {
				return err
			}
			if err := cut("toegepast"); err != nil {
				return err
			}
			// cancelled while applying: this batch is not kept
			return ctx.Err()
		})
		if err != nil {
			return err
		}
		v.Verwerkt += applied
		progress(v)
		if done {
			return nil
		}
	}
}

// inBackground runs fn on a goroutine of its own; the function it returns
// waits for fn's result.
func inBackground[T any](fn func() (T, error)) func() (T, error) {
	type result struct {
		value T
		err   error
	}
	done := make(chan result, 1)
	go func() {
		v, err := fn()
		done <- result{v, err}
	}()
	return func() (T, error) {
		r := <-done
		return r.value, r.err
	}
}

// fetched is a batch of changes fetched from the team database for a
// laptop (herkomst, whose own changes reach eigen): the changes after
// number after, and how far they go (see Server.fetch).
type fetched struct {
	after    int64
	herkomst string
	eigen    int64
	batch    []received
	end      int64
	err      error
}

// start fetches the batch on a goroutine of its own, while the laptop
// applies the one before it.
func (f fetched) start(srv *Server) <-chan fetched {
	out := make(chan fetched, 1)
	go func() {
		f.batch, f.end, f.err = srv.fetch(f.after, f.herkomst, f.eigen, fetchBatch)
		out <- f
	}()
	return out
}

// from is the batch f asks for: the one fetched ahead, when that is it
// (the laptop's state can have changed since), else fetched now.
func (f fetched) from(ahead <-chan fetched, srv *Server) fetched {
	if ahead != nil {
		got := <-ahead
		if got.err == nil && got.after == f.after && got.herkomst == f.herkomst && got.eigen == f.eigen {
			return got
		}
	}
	f.batch, f.end, f.err = srv.fetch(f.after, f.herkomst, f.eigen, fetchBatch)
	return f
}

// wholeGroups leaves off the changes at the end of a full batch that add
// or remove a record whose other changes are in the next batch: a record
// is added or removed whole.
func wholeGroups(batch []received) []received {
	last := 0
	for i := 0; i < len(batch); i += groupLength(batch[i:]) {
		last = i
	}
	if last == 0 {
		return batch // one group fills the batch
	}
	return batch[:last]
}

// initTeam sets up an empty team database from the laptop's database: the
// team's tables, every shared record of the laptop as the team's first
// changes, and after them the laptop's audit trail as the team's history
// (see historyMark). The laptop then belongs to the team.
func initTeam(s *store.Store, srv *Server) (Resultaat, error) {
	var res Resultaat
	err := s.UpdateRaw(func(r *store.RawTx) error {
		db := r.DB()
		if _, ok, err := readState(db); err != nil || ok {
			return errors.Join(err, errors.New("deze database hoort al bij een team"))
		}
		st := staat{Herkomst: newID(), Team: newID()}
		walk, err := walkTrail(db, st.Herkomst)
		if err != nil {
			return err
		}
		changes, err := snapshot(db, st, walk, s.User(), time.Now().UTC())
		if err != nil {
			return err
		}
		if st.VerzondenTot, err = lastAuditRow(db); err != nil {
			return err
		}
		err = srv.transaction(func(t txn) error {
			tx := t.db
			if err := srv.create(tx, st.Team); err != nil {
				return err
			}
			if err := sendChanges(t, changes, nil); err != nil {
				return err
			}
			n, err := sendHistory(t, db, st.Herkomst)
			if err != nil {
				return err
			}
			res.Verzonden, res.Geschiedenis = len(changes)+n, n
			if st.OntvangenTot, err = head(tx); err != nil {
				return err
			}
			st.EigenTot = st.OntvangenTot
			return setHistoryEnd(tx, st.OntvangenTot)
		})
		if err != nil {
			return err
		}
		return writeState(db, st)
	})
	return res, err
}

// ErrLocalNotEmpty is returned when a database with records joins a team.
var ErrLocalNotEmpty = errors.New("deze database bevat al gegevens; koppel een nieuwe, lege database aan het team")

// join makes an empty database part of the team and fetches the team's
// register, as Sync does (and a Sync continues a Join cut off).
func join(ctx context.Context, s *store.Store, srv *Server, progress func(Voortgang)) (Resultaat, error) {
	teamID, err := srv.teamID()
	if err != nil {
		return Resultaat{}, err
	}
	err = s.UpdateRaw(func(r *store.RawTx) error {
		db := r.DB()
		if _, ok, err := readState(db); err != nil || ok {
			return errors.Join(err, errors.New("deze database hoort al bij een team"))
		}
		for table := range gedeeldeEntiteiten {
			var n int64
			if err := db.Table(table).Count(&n).Error; err != nil {
				return err
			}
			if n > 0 {
				return ErrLocalNotEmpty
			}
		}
		last, err := lastAuditRow(db)
		if err != nil {
			return err
		}
		return writeState(db, staat{Herkomst: newID(), Team: teamID, VerzondenTot: last})
	})
	if err != nil {
		return Resultaat{}, err
	}
	return Sync(ctx, s, srv, progress)
}

// snapshot turns every shared record of the laptop into added fields,
// giving each record its team-wide key: the one its history has (walk).
func snapshot(db *gorm.DB, st staat, walk *recordWalk, user string, at time.Time) ([]Wijziging, error) {
	k, t := newKeys(db), &tables{db: db}
	var out []Wijziging
	for _, table := range initOrder {
		rows, err := db.Raw("SELECT * FROM " + quote(table) + " ORDER BY rowid").Rows()
		if err != nil {
			return nil, err
		}
		var records []map[string]any
		for rows.Next() {
			rec := map[string]any{}
			if err := db.ScanRows(rows, &rec); err != nil {
				rows.Close()
				return nil, err
			}
			records = append(records, rec)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
		cols, err := t.columns(table)
		if err != nil {
			return nil, err
		}
		for _, rec := range records {
			changes, err := snapshotRecord(k, walk, table, cols, rec, st, user, at)
			if err != nil {
				return nil, err
			}
			out = append(out, changes...)
		}
	}
	return out, nil
}

// snapshotRecord turns one record into added fields, with ids marked
// snapshotMark.
func snapshotRecord(k keys, walk *recordWalk, table string, cols map[string]column, rec map[string]any, st staat, user string, at time.Time) ([]Wijziging, error) {
	base := Wijziging{Herkomst: st.Herkomst, Gebruiker: user, Tijd: at, Actie: domain.ActieToegevoegd, Entiteit: table}
	if table == linkTable {
		target, err := k.refToKey("doelstellingen", rawText(rec["doelstelling_id"]))
		if err != nil {
			return nil, err
		}
		ikey, err := k.refToKey("interventies", rawText(rec["interventie_id"]))
		if err != nil {
			return nil, err
		}
		base.Sleutel, base.Veld, base.NieuweWaarde = target, linkField+ikey, ikey
		base.ID = st.Herkomst + "." + snapshotMark + "." + table + "." + target + "." + ikey
		return []Wijziging{base}, nil
	}
	id, err := strconv.ParseUint(rawText(rec["id"]), 10, 64)
	if err != nil {
		return nil, fmt.Errorf("%s: nummer %v: %w", table, rec["id"], err)
	}
	base.Sleutel = walk.snapshotKey(table, uint(id))
	if err := k.add(table, uint(id), base.Sleutel); err != nil {
		return nil, err
	}
	var out []Wijziging
	for _, name := range sortedColumns(cols) {
		value := rawText(rec[name])
		if name == "id" || value == "" {
			continue
		}
		if ref := cols[name].ref; ref != "" {
			if value, err = k.refToKey(ref, value); err != nil {
				return nil, err
			}
		}
		ch := base
		ch.ID, ch.Veld, ch.NieuweWaarde = initKey(st.Herkomst, table, uint(id))+"."+name, name, value
		out = append(out, ch)
	}
	return out, nil
}

// rawText writes a stored value as text: numbers plainly, moments in RFC
// 3339 (UTC), nothing as empty.
func rawText(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(x)
	case []byte:
		return string(x)
	case string:
		return x
	case time.Time:
		return x.UTC().Format(time.RFC3339Nano)
	default:
		return fmt.Sprint(x)
	}
}
