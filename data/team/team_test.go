package team

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"sort"
	"testing"
	"time"

	"gorm.io/gorm"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/export"
	"jeugdmonitor/data/register/registertest"
	"jeugdmonitor/data/store"
	"jeugdmonitor/data/team/pgtest"
)

func TestMain(m *testing.M) {
	if path := os.Getenv(killDBEnv); path != "" {
		os.Exit(runKillSyncer(path, os.Getenv(killDSNEnv)))
	}
	// passwords kept by the tests go to a folder of their own, not the user's
	cfg, err := os.MkdirTemp("", "jeugdmonitor-team-config-")
	if err != nil {
		panic(err)
	}
	os.Setenv("XDG_CONFIG_HOME", cfg)
	os.Setenv("DBUS_SESSION_BUS_ADDRESS", "")
	code := pgtest.Main(m)
	os.RemoveAll(cfg)
	os.Exit(code)
}

// clock is a test clock that moves a second per reading.
func clock() func() time.Time {
	t := time.Date(2026, 11, 29, 9, 0, 0, 0, time.UTC)
	return func() time.Time { t = t.Add(time.Second); return t }
}

// teamServer makes a fresh team database and connects to it.
func teamServer(t testing.TB) (*Server, string) {
	t.Helper()
	dsn := pgtest.Database(t)
	srv, err := Connect(dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	return srv, dsn
}

// founder is a laptop with the built-in register that sets up the team.
func founder(t testing.TB, srv *Server, user string) *store.Store {
	t.Helper()
	s := registertest.Open(t, "", store.Options{User: user, Now: clock()}, nil)
	if _, err := Init(s, srv); err != nil {
		t.Fatalf("team init: %v", err)
	}
	return s
}

// member is a new, empty laptop database that joins the team.
func member(t testing.TB, srv *Server, user string) *store.Store {
	t.Helper()
	s := emptyLaptop(t, user)
	if _, err := Join(context.Background(), s, srv, nil); err != nil {
		t.Fatalf("team koppel (%s): %v", user, err)
	}
	return s
}

func sync(t testing.TB, s *store.Store, srv *Server) Resultaat {
	t.Helper()
	res, err := Sync(context.Background(), s, srv, nil)
	if err != nil {
		t.Fatalf("sync %s: %v", s.User(), err)
	}
	return res
}

// content is a laptop's full export without what differs between laptops
// by design: record numbers, the audit trail, the settings; lists sorted.
func content(t *testing.T, s *store.Store) string {
	t.Helper()
	var buf bytes.Buffer
	if err := export.Write(&buf, s, export.KindAlles, export.FormatJSON); err != nil {
		t.Fatal(err)
	}
	var v any
	if err := json.Unmarshal(buf.Bytes(), &v); err != nil {
		t.Fatal(err)
	}
	out, _ := json.MarshalIndent(normalize(v), "", " ")
	return string(out)
}

func normalize(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for _, k := range []string{"id", "wijzigingen", "instellingen"} {
			delete(x, k)
		}
		for k, e := range x {
			x[k] = normalize(e)
		}
		return x
	case []any:
		texts := make([]string, len(x))
		for i, e := range x {
			b, _ := json.Marshal(normalize(e))
			texts[i] = string(b)
		}
		sort.Strings(texts)
		out := make([]any, len(texts))
		for i, s := range texts {
			var e any
			_ = json.Unmarshal([]byte(s), &e)
			out[i] = e
		}
		return out
	default:
		return v
	}
}

func sameContent(t *testing.T, laptops ...*store.Store) {
	t.Helper()
	want := content(t, laptops[0])
	for _, s := range laptops[1:] {
		if got := content(t, s); got != want {
			t.Fatalf("inhoud van %s wijkt af van %s:\n%s", s.User(), laptops[0].User(), firstDifference(want, got))
		}
	}
}

// keysNameRecords fails when a laptop that sent everything keeps a team
// key for a record that is gone: a new record given its number would be
// sent under the old record's key, and colleagues would take it for that
// one.
func keysNameRecords(t *testing.T, s *store.Store) {
	t.Helper()
	err := s.ReadRaw(func(db *gorm.DB) error {
		for table, link := range gedeeldeEntiteiten {
			if link {
				continue
			}
			var stale []uint
			if err := db.Raw("SELECT k.lokaal_id FROM team_sleutels k WHERE k.entiteit = ? AND NOT EXISTS"+
				" (SELECT 1 FROM "+quote(table)+" r WHERE r.id = k.lokaal_id) ORDER BY k.lokaal_id", table).Scan(&stale).Error; err != nil {
				return err
			}
			if len(stale) > 0 {
				t.Errorf("%s: teamsleutels voor verdwenen %s %v", s.User(), table, stale)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// firstDifference shows the region where two texts first differ.
func firstDifference(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(0, i-300)
	return "verwacht: …" + a[from:min(len(a), i+300)] + "\n   kreeg: …" + b[from:min(len(b), i+300)]
}

func interventies(t *testing.T, s *store.Store) []domain.Interventie {
	t.Helper()
	all, err := s.Interventies(false)
	if err != nil || len(all) < 4 {
		t.Fatalf("interventies: %v (%d)", err, len(all))
	}
	return all
}

// reachOf is the reach of the intervention named naam on laptop s.
func reachOf(t *testing.T, s *store.Store, naam string) []domain.Bereik {
	t.Helper()
	iv, err := s.InterventieByNaam(naam)
	if err != nil {
		t.Fatal(err)
	}
	figures, err := s.BereikVan(iv.ID)
	if err != nil {
		t.Fatal(err)
	}
	return figures
}

func reach(t *testing.T, s *store.Store, interventie, periode, waarde string) domain.Bereik {
	t.Helper()
	b, err := s.RecordBereikInvoer(store.BereikInvoer{Interventie: interventie, Periode: periode, Waarde: waarde, Bron: "test", Maat: "deelnemers", Eenheid: "deelnemers"})
	if err != nil {
		t.Fatalf("bereik %s %s: %v", interventie, periode, err)
	}
	return b
}

// TestJoinGetsTheRegister: a new laptop that joins the team gets the
// founder's register, record for record.
func TestJoinGetsTheRegister(t *testing.T) {
	srv, _ := teamServer(t)
	a := founder(t, srv, "anna")
	b := member(t, srv, "bram")
	sameContent(t, a, b)
	if n := len(interventies(t, b)); n != len(interventies(t, a)) {
		t.Fatalf("bram heeft %d interventies, anna %d", n, len(interventies(t, a)))
	}
}

// TestOfflineEntriesConverge: three laptops enter figures offline and
// synchronise in different orders; afterwards all hold the same content.
func TestOfflineEntriesConverge(t *testing.T) {
	srv, _ := teamServer(t)
	a := founder(t, srv, "anna")
	b := member(t, srv, "bram")
	c := member(t, srv, "carla")
	iv := interventies(t, a)

	reach(t, a, iv[0].Naam, "2025", "120")
	reach(t, b, iv[1].Naam, "2025", "80")
	reach(t, c, iv[2].Naam, "2025-H1", "7")
	changed := interventies(t, b)[3]
	changed.Werkwijze = "Nieuwe werkwijze, ingevoerd door Bram"
	if err := b.UpdateInterventie(&changed); err != nil {
		t.Fatal(err)
	}
	nieuw := domain.Interventie{Naam: "Huiswerkklas Holtenbroek", Cluster: iv[0].Cluster, StatusCategorie: iv[0].StatusCategorie}
	if err := c.CreateInterventie(&nieuw); err != nil {
		t.Fatal(err)
	}
	reach(t, c, nieuw.Naam, "2025", "31")
	gone := reach(t, a, iv[3].Naam, "2024", "5")

	sync(t, b, srv)
	sync(t, a, srv)
	if err := a.DeleteBereik(gone.ID); err != nil {
		t.Fatal(err)
	}
	sync(t, c, srv)
	sync(t, a, srv)
	sync(t, b, srv)
	sync(t, c, srv)
	sameContent(t, a, b, c)

	got, err := b.InterventieByNaam("Huiswerkklas Holtenbroek")
	if err != nil {
		t.Fatalf("bram heeft carla's interventie niet: %v", err)
	}
	r, err := b.BereikVan(got.ID)
	if err != nil || len(r) != 1 || r[0].Waarde != 31 || r[0].Gebruiker != "carla" {
		t.Fatalf("bereik van carla's interventie bij bram: %+v, %v", r, err)
	}
	// a second round changes nothing and sends nothing
	for _, s := range []*store.Store{a, b, c} {
		if res := sync(t, s, srv); res.Verzonden != 0 || res.Toegepast != 0 {
			t.Fatalf("tweede ronde bij %s: %+v", s.User(), res)
		}
	}
}

// TestNumberReusedBeforeSending: an intervention removed and another
// added before synchronising gets the removed one's number here; its
// fields, a row each in the trail, are sent under one key, so that a
// colleague gets one intervention with all of them, as here.
func TestNumberReusedBeforeSending(t *testing.T) {
	srv, _ := teamServer(t)
	a := founder(t, srv, "anna")
	b := member(t, srv, "bram")
	iv := interventies(t, a)[0]
	eerste := domain.Interventie{Naam: "Eerste", Cluster: iv.Cluster, StatusCategorie: iv.StatusCategorie}
	if err := a.CreateInterventie(&eerste); err != nil {
		t.Fatal(err)
	}
	if err := a.DeleteInterventie(eerste.ID); err != nil {
		t.Fatal(err)
	}
	tweede := domain.Interventie{Naam: "Tweede", Cluster: iv.Cluster, StatusCategorie: iv.StatusCategorie}
	if err := a.CreateInterventie(&tweede); err != nil {
		t.Fatal(err)
	}
	if tweede.ID != eerste.ID {
		t.Fatalf("nummer %d niet opnieuw gebruikt (%d): de test toont niets", eerste.ID, tweede.ID)
	}
	sync(t, a, srv)
	sync(t, b, srv)
	sameContent(t, a, b)
	if report, err := b.Check(); err != nil || !report.OK() {
		t.Fatalf("controle bij bram: %+v, %v", report, err)
	}
}
