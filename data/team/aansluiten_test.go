package team

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"jeugdmonitor/data/store"
)

// TestJoinNewMakesTheTeamsDatabase: JoinNew makes a new file with the
// team's register and the address (without password), which is in the
// team; it refuses an existing file and leaves it as it was, and a join
// that is cancelled or fails leaves no file behind.
func TestJoinNewMakesTheTeamsDatabase(t *testing.T) {
	srv, dsn := teamServer(t)
	first := founder(t, srv, "anna")
	dir := t.TempDir()

	existing := filepath.Join(dir, "bestaat.db")
	if err := os.WriteFile(existing, []byte("eigen bestand"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := JoinNew(context.Background(), existing, dsn, srv, nil); err == nil {
		t.Fatal("JoinNew overschreef een bestaand bestand")
	}
	if body, _ := os.ReadFile(existing); string(body) != "eigen bestand" {
		t.Fatalf("het bestaande bestand is veranderd: %q", body)
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	stopped := filepath.Join(dir, "afgebroken.db")
	if _, _, err := JoinNew(ctx, stopped, dsn, srv, nil); !errors.Is(err, ErrAfgebroken) {
		t.Fatalf("afgebroken aansluiten: %v", err)
	}
	if _, err := os.Stat(stopped); !os.IsNotExist(err) {
		t.Fatalf("na afbreken staat %s er nog (%v)", stopped, err)
	}

	path := filepath.Join(dir, "team.db")
	abs, res, err := JoinNew(context.Background(), path, dsn+" password=geheim", srv, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Ontvangen == 0 {
		t.Fatalf("geen wijzigingen van het team ontvangen: %+v", res)
	}
	joined, err := store.Open(abs, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer joined.Close()
	if in, err := InTeam(joined); err != nil || !in {
		t.Fatalf("de nieuwe database hoort niet bij het team (%v)", err)
	}
	if saved, ok, err := SavedServer(joined); err != nil || !ok || saved != dsn {
		t.Fatalf("opgeslagen adres %q (%v, %v), verwacht %q zonder wachtwoord", saved, ok, err, dsn)
	}
	sameContent(t, first, joined)
}

// TestInTeam: a database belongs to a team after team init, not before.
func TestInTeam(t *testing.T) {
	srv, _ := teamServer(t)
	s := emptyLaptop(t, "bram")
	if in, err := InTeam(s); err != nil || in {
		t.Fatalf("een nieuwe database hoort al bij een team (%v)", err)
	}
	if _, err := Init(s, srv); err != nil {
		t.Fatal(err)
	}
	if in, err := InTeam(s); err != nil || !in {
		t.Fatalf("na team init hoort de database niet bij het team (%v)", err)
	}
}
