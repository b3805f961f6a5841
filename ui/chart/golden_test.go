package chart

import (
	"bytes"
	"flag"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"
	"time"

	"jeugdmonitor/data/dashboard"
	"jeugdmonitor/data/register"
	"jeugdmonitor/data/store"
)

var update = flag.Bool("update", false, "schrijf de golden images in testdata opnieuw")

// fixture opens a new database with the built-in register, or a demo database.
func fixture(t testing.TB, demo bool) *store.Store {
	t.Helper()
	now := func() time.Time { return time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC) }
	s, err := store.Open(filepath.Join(t.TempDir(), "f.db"), store.Options{Create: true, User: "test", Now: now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if demo {
		err = dashboard.VulDemo(s)
	} else {
		var docs []register.Document
		if docs, err = register.Builtin(); err == nil {
			_, err = register.Seed(s, docs)
		}
	}
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestGolden draws every chart of the dashboard from the built-in register
// and from a demo database and compares it with its golden image.
func TestGolden(t *testing.T) {
	for _, db := range []struct {
		name string
		demo bool
	}{{"register", false}, {"demo", true}} {
		s := fixture(t, db.demo)
		graphs, err := dashboard.BouwAlle(s, dashboard.Opties{Van: 2019, Tot: 2024})
		if err != nil {
			t.Fatal(err)
		}
		for _, g := range graphs {
			t.Run(db.name+"-"+g.Naam, func(t *testing.T) {
				got, err := Teken(g, Standaard())
				if err != nil {
					t.Fatal(err)
				}
				compareGolden(t, filepath.Join("testdata", db.name+"-"+g.Naam+".png"), got)
			})
		}
	}
}

// compareGolden compares PNG bytes pixel by pixel with a file in testdata, or
// writes the file with -update.
func compareGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (maak de golden images met go test ./ui/chart -update)", err)
	}
	a, errA := png.Decode(bytes.NewReader(got))
	b, errB := png.Decode(bytes.NewReader(want))
	if errA != nil || errB != nil {
		t.Fatal(errA, errB)
	}
	if d := differentPixels(a, b); d > 0 {
		os.WriteFile(path+".got.png", got, 0o644)
		t.Errorf("%s: %d pixels verschillen; zie %s.got.png", path, d, path)
	}
}

func differentPixels(a, b image.Image) int {
	if a.Bounds() != b.Bounds() {
		return a.Bounds().Dx() * a.Bounds().Dy()
	}
	n := 0
	for y := a.Bounds().Min.Y; y < a.Bounds().Max.Y; y++ {
		for x := a.Bounds().Min.X; x < a.Bounds().Max.X; x++ {
			r1, g1, b1, _ := a.At(x, y).RGBA()
			r2, g2, b2, _ := b.At(x, y).RGBA()
			if absDiff(r1, r2)+absDiff(g1, g2)+absDiff(b1, b2) > 3*0x0800 {
				n++
			}
		}
	}
	return n
}

func absDiff(a, b uint32) uint32 {
	if a > b {
		return a - b
	}
	return b - a
}
