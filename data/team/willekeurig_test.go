package team

import (
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"testing"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/store"
)

// TestRandomOfflineWorkConverges: two or three laptops add interventions
// with a few colliding names, rename them (to a name another laptop
// added, and back), remove them and add figures for the same
// intervention and period offline, and synchronise in random orders,
// sometimes with small batches. After everyone synchronised twice more,
// all hold the same content and every audit chain holds, unless a change
// was refused (an open conflict "geweigerd"), which the run then names.
// WILLEKEURIG_SEED and WILLEKEURIG_RUNS choose other runs; a failing run
// logs its seed and operations.
func TestRandomOfflineWorkConverges(t *testing.T) {
	seededRuns(t, "WILLEKEURIG", 6, 2, randomRun)
}

// seededRuns runs run with seeds 1 to runs (short with -short), or, from
// the environment, PREFIX_RUNS runs from seed PREFIX_SEED.
func seededRuns(t *testing.T, prefix string, runs, short int, run func(*testing.T, uint64)) {
	first := uint64(1)
	if testing.Short() {
		runs = short
	}
	if s := os.Getenv(prefix + "_RUNS"); s != "" {
		runs, _ = strconv.Atoi(s)
	}
	if s := os.Getenv(prefix + "_SEED"); s != "" {
		first, _ = strconv.ParseUint(s, 10, 64)
	}
	for seed := first; seed < first+uint64(runs); seed++ {
		t.Run(fmt.Sprint(seed), func(t *testing.T) { run(t, seed) })
	}
}

// randomRun is one run of TestRandomOfflineWorkConverges, made by seed.
func randomRun(t *testing.T, seed uint64) {
	rng := rand.New(rand.NewPCG(seed, 7))
	if rng.IntN(2) == 0 {
		smallBatches(t)
		fetchBatch = 20 + rng.IntN(20) // a record (group) fits: one longer is split by design
	}
	srv, _ := teamServer(t)
	laptops := []*store.Store{founder(t, srv, "anna"), member(t, srv, "bram")}
	if rng.IntN(2) == 0 {
		laptops = append(laptops, member(t, srv, "carla"))
	}
	base := interventies(t, laptops[0])[0]
	names := []string{"Alfa", "Beta", "Gamma", base.Naam}
	var log []string
	op := func(s *store.Store) {
		all, err := s.Interventies(true)
		if err != nil {
			t.Fatal(err)
		}
		var pool []domain.Interventie
		for _, iv := range all {
			for _, n := range names[:3] {
				if iv.Naam == n || strings.HasPrefix(iv.Naam, n+" ") {
					pool = append(pool, iv)
				}
			}
		}
		pick := func() (domain.Interventie, bool) {
			if len(pool) == 0 {
				return domain.Interventie{}, false
			}
			return pool[rng.IntN(len(pool))], true
		}
		var what string
		switch k := rng.IntN(10); {
		case k < 3:
			n := names[rng.IntN(3)]
			iv := domain.Interventie{Naam: n, Cluster: base.Cluster, StatusCategorie: base.StatusCategorie}
			err = s.CreateInterventie(&iv)
			what = "voeg toe " + n
		case k < 6:
			iv, ok := pick()
			if !ok {
				return
			}
			to := names[rng.IntN(3)]
			if rng.IntN(3) == 0 {
				to += " " + s.User()
			}
			what = "hernoem " + iv.Naam + " -> " + to
			iv.Naam = to
			err = s.UpdateInterventie(&iv)
		case k < 7:
			iv, ok := pick()
			if !ok {
				return
			}
			what = "verwijder " + iv.Naam
			err = s.DeleteInterventie(iv.ID)
		default:
			n := names[rng.IntN(4)]
			if iv, ok := pick(); ok && rng.IntN(2) == 0 {
				n = iv.Naam
			}
			v := strconv.Itoa(1 + rng.IntN(50))
			p := []string{"2025", "2026"}[rng.IntN(2)]
			what = "cijfer " + n + " " + p + " = " + v
			_, err = s.RecordBereikInvoer(store.BereikInvoer{Interventie: n, Periode: p, Waarde: v, Bron: "test",
				Maat: "deelnemers", Eenheid: "deelnemers"})
		}
		log = append(log, fmt.Sprintf("%s: %s (%v)", s.User(), what, err))
	}
	for range 4 + rng.IntN(5) {
		for _, s := range laptops {
			for range rng.IntN(4) {
				op(s)
			}
		}
		for _, i := range rng.Perm(len(laptops)) {
			if rng.IntN(3) > 0 {
				sync(t, laptops[i], srv)
				log = append(log, laptops[i].User()+": sync")
			}
		}
	}
	for range 2 {
		for _, s := range laptops {
			sync(t, s, srv)
		}
	}
	defer func() {
		if t.Failed() {
			t.Logf("seed %d, fetchBatch %d:\n%s", seed, fetchBatch, strings.Join(log, "\n"))
		}
	}()
	for _, s := range laptops {
		if report, err := s.Check(); err != nil || !report.OK() {
			t.Fatalf("controle bij %s: %+v, %v", s.User(), report, err)
		}
		keysNameRecords(t, s)
	}
	var refused []string
	for _, s := range laptops {
		for _, c := range conflicts(t, s) {
			if c.Eerste.Actie == "geweigerd" || c.Tweede.Actie == "geweigerd" {
				refused = append(refused, fmt.Sprintf("%s: %s %s %s: %+v / %+v", s.User(), c.Entiteit, c.Onderwerp, c.Veld, c.Eerste, c.Tweede))
			}
		}
	}
	want := content(t, laptops[0])
	for _, s := range laptops[1:] {
		if got := content(t, s); got != want {
			if len(refused) > 0 {
				t.Logf("inhoud van %s wijkt af, met een geweigerde wijziging:\n%s", s.User(), strings.Join(refused, "\n"))
				return
			}
			t.Fatalf("inhoud van %s wijkt af van %s:\n%s", s.User(), laptops[0].User(), firstDifference(want, got))
		}
	}
}
