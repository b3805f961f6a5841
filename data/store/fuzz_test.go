package store

import (
	"bytes"
	"math/rand"
	"os"
	"path/filepath"
	"testing"
)

// realDatabaseBytes makes a small real database with some data and returns
// its bytes (checkpointed, so the file holds everything).
func realDatabaseBytes(tb testing.TB) []byte {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "echt.db")
	s, err := Open(path, Options{Create: true})
	if err != nil {
		tb.Fatal(err)
	}
	for _, naam := range []string{"Match", "Home-Start", "Steunouders"} {
		if t, ok := tb.(*testing.T); ok {
			newIntervention(t, s, naam)
		}
	}
	s.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	s.Close()
	body, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return body
}

// FuzzPrecheck gives the first look at a file (before SQLite opens it)
// arbitrary bytes: no panic, only files that start like SQLite pass, and the
// file is never changed.
func FuzzPrecheck(f *testing.F) {
	f.Add(realDatabaseBytes(f)[:4096])
	f.Add([]byte{})
	f.Add([]byte("SQLite format 3\x00"))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, content []byte) {
		path := filepath.Join(t.TempDir(), "fuzz.db")
		if err := os.WriteFile(path, content, 0o644); err != nil {
			t.Fatal(err)
		}
		exists, err := precheckFile(path)
		if !exists {
			t.Fatal("an existing file was reported missing")
		}
		if err == nil && (len(content) < 100 || !bytes.HasPrefix(content, sqliteHeader)) {
			t.Fatal("a file that is not SQLite passed the first look")
		}
		if after, _ := os.ReadFile(path); !bytes.Equal(after, content) {
			t.Fatal("the first look changed the file")
		}
	})
}

// TestDamagedCopiesAreRefusedOrReported opens hundreds of damaged copies of a
// real database (truncated, bytes flipped, pages zeroed): Open must never
// panic and must never write to a damaged file; what its quick check lets
// through (damage in unused bytes, or index damage only the full check finds)
// is reported by Check. (Coverage-guided fuzzing of SQLite itself is too
// slow to be useful here; SQLite's own fuzzing covers its parser.)
func TestDamagedCopiesAreRefusedOrReported(t *testing.T) {
	original := realDatabaseBytes(t)
	rnd := rand.New(rand.NewSource(7))
	dir := t.TempDir()
	refused, reported, clean := 0, 0, 0
	for k := 0; k < 300; k++ {
		damaged := append([]byte(nil), original...)
		switch k % 3 {
		case 0:
			damaged = damaged[:rnd.Intn(len(damaged))]
		case 1:
			for n := 0; n < 1+rnd.Intn(20); n++ {
				damaged[rnd.Intn(len(damaged))] ^= byte(1 + rnd.Intn(255))
			}
		case 2:
			page := rnd.Intn(len(damaged) / 4096)
			copy(damaged[page*4096:(page+1)*4096], make([]byte, 4096))
		}
		path := filepath.Join(dir, "beschadigd.db")
		os.Remove(path)
		os.Remove(path + "-wal")
		os.Remove(path + "-shm")
		if err := os.WriteFile(path, damaged, 0o644); err != nil {
			t.Fatal(err)
		}
		s, err := Open(path, Options{})
		if err != nil {
			if after, _ := os.ReadFile(path); !bytes.Equal(after, damaged) {
				t.Fatalf("variant %d: refused (%v) but changed", k, err)
			}
			refused++
			continue
		}
		report, err := s.Check()
		s.Close()
		if after, _ := os.ReadFile(path); !bytes.Equal(after, damaged) {
			t.Fatalf("variant %d: a damaged file was opened and written to", k)
		}
		switch {
		case err != nil:
			t.Fatalf("variant %d: check failed outright: %v", k, err)
		case report.OK():
			clean++ // damage in unused bytes
		default:
			reported++
		}
	}
	if refused == 0 {
		t.Fatalf("refused %d, reported %d, clean %d: the damage did not reach the checks", refused, reported, clean)
	}
	t.Logf("of 300 damaged copies: %d refused, %d opened with damage reported, %d unaffected", refused, reported, clean)
}
