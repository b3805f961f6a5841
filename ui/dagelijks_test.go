package ui

import (
	"strings"
	"testing"

	"jeugdmonitor/data/store"
)

func TestSecondWindowSaysItIsReadOnly(t *testing.T) {
	m, s, _ := newTestMain(t, t.TempDir())
	second, err := store.Open(s.Path(), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer second.Close()
	m.useStore(second)
	if !strings.Contains(m.status.Text, "Alleen-lezen geopend") || !strings.Contains(m.status.Text, "ander venster") {
		t.Fatalf("status line of a second instance: %q", m.status.Text)
	}
}
