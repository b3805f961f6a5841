package ui

import (
	"strings"
	"testing"
	"time"

	"jeugdmonitor/data/backup"
)

func TestBackupListShowsCopiesAndEnablesRestore(t *testing.T) {
	m, s, _ := newTestMain(t, t.TempDir())
	sc := m.navigate(pageInstellingen).(*instellingenScreen)
	if len(sc.backups.items) != 0 || sc.backups.empty.Hidden {
		t.Fatal("a new database shows backups")
	}
	if _, err := backup.Make(s, backup.ReasonImport, time.Date(2026, 11, 20, 14, 5, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	sc.onBackup()
	if len(sc.backups.items) != 2 || !sc.backups.empty.Hidden {
		t.Fatalf("backups listed: %+v", sc.backups.items)
	}
	if line := describeBackup(sc.backups.items[1]); !strings.HasPrefix(line, "20-11-2026 14:05 · voor-import · ") {
		t.Fatalf("list line %q", line)
	}
	if !sc.backups.restoreButton.Disabled() {
		t.Fatal("restore enabled without a chosen backup")
	}
	sc.backups.list.Select(0)
	if sc.backups.restoreButton.Disabled() {
		t.Fatal("restore disabled after choosing a backup")
	}
}

func TestFileSizeShowsSmallCopiesInKilobytes(t *testing.T) {
	for _, c := range []struct {
		n    int64
		want string
	}{{0, "0 kB"}, {1, "1 kB"}, {40 * 1024, "40 kB"}, {(1 << 20) - 1, "1.024 kB"}, {1 << 20, "1,0 MB"}, {5 * (1 << 20) / 2, "2,5 MB"}} {
		if got := fileSize(c.n); got != c.want {
			t.Errorf("fileSize(%d) = %q, want %q", c.n, got, c.want)
		}
	}
}
