package team

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/store"
)

// TestRandomRemovalsAndChoicesConverge: two or three laptops add and
// remove interventions that colleagues give figures, measures and shared
// targets meanwhile, change a figure's value and note many times, remove
// a figure and enter it again with the same values, and synchronise in
// random orders, with small batches and with the team database failing at
// a random statement now and then. Afterwards every open conflict is
// settled by one of the choices the Conflicten view offers for it, on a
// random laptop; none of them may fail for every button. After everyone
// synchronised again, all hold the same content, no conflict is open
// anywhere and every audit chain holds. KEUZES_SEED and KEUZES_RUNS
// choose other runs; a failing run logs its seed and operations.
func TestRandomRemovalsAndChoicesConverge(t *testing.T) {
	seededRuns(t, "KEUZES", 3, 1, choicesRun)
}

// choicesRun is one run of TestRandomRemovalsAndChoicesConverge, made by seed.
func choicesRun(t *testing.T, seed uint64) {
	rng := rand.New(rand.NewPCG(seed, 11))
	if rng.IntN(2) == 0 {
		smallBatches(t)
		fetchBatch = 20 + rng.IntN(20)
	}
	srv, _ := teamServer(t)
	failing := failingStatements(t, srv)
	laptops := []*store.Store{founder(t, srv, "anna"), member(t, srv, "bram")}
	if rng.IntN(2) == 0 {
		laptops = append(laptops, member(t, srv, "carla"))
	}
	base := interventies(t, laptops[0])[0]
	names := []string{"Alfa", "Beta", "Gamma"}
	var log []string
	defer func() {
		if t.Failed() {
			t.Logf("seed %d, fetchBatch %d:\n%s", seed, fetchBatch, strings.Join(log, "\n"))
		}
	}()
	for _, n := range names {
		addIntervention(t, laptops[0], base, n)
	}
	for _, s := range laptops {
		sync(t, s, srv)
	}
	op := func(s *store.Store) {
		var pool []domain.Interventie
		all, err := s.Interventies(true)
		if err != nil {
			t.Fatal(err)
		}
		for _, iv := range all {
			for _, n := range names {
				if iv.Naam == n {
					pool = append(pool, iv)
				}
			}
		}
		var what string
		switch k := rng.IntN(12); {
		case k < 2:
			n := names[rng.IntN(len(names))]
			iv := domain.Interventie{Naam: n, Cluster: base.Cluster, StatusCategorie: base.StatusCategorie}
			err = s.CreateInterventie(&iv)
			what = "voeg toe " + n
		case k < 3:
			if len(pool) == 0 {
				return
			}
			iv := pool[rng.IntN(len(pool))]
			what = "verwijder " + iv.Naam
			err = s.DeleteInterventie(iv.ID)
		case k < 8:
			n := names[rng.IntN(len(names))]
			v := strconv.Itoa(1 + rng.IntN(9))
			p := []string{"2025", "2026"}[rng.IntN(2)]
			note := []string{"", "eerste telling", "herteld"}[rng.IntN(3)]
			what = fmt.Sprintf("cijfer %s %s = %s %q", n, p, v, note)
			_, err = s.RecordBereikInvoer(store.BereikInvoer{Interventie: n, Periode: p, Waarde: v, Bron: "test",
				Maat: "deelnemers", Eenheid: "deelnemers", Notitie: note})
		case k < 10:
			if len(pool) == 0 {
				return
			}
			iv := pool[rng.IntN(len(pool))]
			figures, e := s.BereikVan(iv.ID)
			if e != nil {
				t.Fatal(e)
			}
			if len(figures) == 0 {
				return
			}
			b := figures[rng.IntN(len(figures))]
			what = fmt.Sprintf("verwijder cijfer %s %s", iv.Naam, b.Periode)
			err = s.DeleteBereik(b.ID)
			if err == nil && rng.IntN(2) == 0 {
				what += " en voer het opnieuw in"
				b.ID = 0
				err = s.RecordBereik(&b)
			}
		default:
			if len(pool) == 0 {
				return
			}
			ivs := []string{pool[rng.IntN(len(pool))].Naam}
			if other := pool[rng.IntN(len(pool))].Naam; other != ivs[0] {
				ivs = append(ivs, other)
			}
			v := strconv.Itoa(10 + rng.IntN(5))
			what = fmt.Sprintf("doelstelling %v = %s", ivs, v)
			_, err = s.CreateDoelstellingInvoer(store.DoelstellingInvoer{Interventies: ivs, Periode: "2025", Waarde: v,
				Eenheid: "deelnemers", BronDocument: "test"})
		}
		log = append(log, fmt.Sprintf("%s: %s (%v)", s.User(), what, err))
	}
	syncSometimesFailing := func(s *store.Store) {
		if rng.IntN(3) == 0 {
			at := int64(1 + rng.IntN(15))
			err := failing.syncFailingAt(s, srv, at)
			log = append(log, fmt.Sprintf("%s: sync, weg bij opdracht %d (%v)", s.User(), at, err))
			return
		}
		sync(t, s, srv)
		log = append(log, s.User()+": sync")
	}
	for range 4 + rng.IntN(5) {
		for _, s := range laptops {
			for range rng.IntN(5) {
				op(s)
			}
		}
		for _, i := range rng.Perm(len(laptops)) {
			if rng.IntN(3) > 0 {
				syncSometimesFailing(laptops[i])
			}
		}
	}
	syncAll := func() {
		for range 2 {
			for _, s := range laptops {
				sync(t, s, srv)
			}
		}
	}
	syncAll()
	for round := 0; ; round++ {
		settled := false
		for _, i := range rng.Perm(len(laptops)) {
			s := laptops[i]
			if rng.IntN(4) > 0 {
				// mostly, a colleague's choice has reached it; now and then
				// two choose in one conflict, which is a conflict of its own
				sync(t, s, srv)
			}
			for _, c := range conflicts(t, s) {
				choices := []string{KeuzeTweede}
				if !c.MeeVerwijderd() {
					choices = append(choices, KeuzeEerste)
					if c.KanTerugzetten() {
						choices = append(choices, KeuzeTerugzetten)
					}
				}
				rng.Shuffle(len(choices), func(i, j int) { choices[i], choices[j] = choices[j], choices[i] })
				var failed []string
				for _, k := range choices {
					err := Resolve(s, c.ID, k)
					if errors.Is(err, ErrConflictNotFound) {
						break // settled with an earlier one of the same record
					}
					if err == nil {
						log = append(log, fmt.Sprintf("%s: kies %s bij %s", s.User(), k, c.Omschrijving()))
						settled = true
						break
					}
					failed = append(failed, k+": "+err.Error())
				}
				if len(failed) == len(choices) {
					t.Fatalf("%s: geen keuze lukt bij %s:\n%s", s.User(), c.Omschrijving(), strings.Join(failed, "\n"))
				}
			}
			sync(t, s, srv)
		}
		syncAll()
		if !settled {
			break
		}
		if round == 9 {
			t.Fatalf("na tien rondes keuzes nog open conflicten")
		}
	}
	for _, s := range laptops {
		if report, err := s.Check(); err != nil || !report.OK() {
			t.Fatalf("controle bij %s: %+v, %v", s.User(), report, err)
		}
		keysNameRecords(t, s)
		if open := conflicts(t, s); len(open) > 0 {
			t.Fatalf("%s: nog open na alle keuzes: %s", s.User(), open[0].Omschrijving())
		}
	}
	sameContent(t, laptops...)
}
