package store

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"jeugdmonitor/data/bestand/bestandtest"
	"jeugdmonitor/data/domain"
)

// withAnchors keeps anchors in a folder of the test's own while it runs.
func withAnchors(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	SetAnchorFolder(dir)
	t.Cleanup(func() { SetAnchorFolder("") })
	return dir
}

// recomputeChainOutside changes a figure and its audit row outside the
// program and computes the whole chain anew, as someone who knows the
// format would: the chain and the records then agree again.
func recomputeChainOutside(t *testing.T, s *Store) {
	t.Helper()
	var rows []domain.Wijziging
	if err := s.db.Order("id").Find(&rows).Error; err != nil {
		t.Fatal(err)
	}
	var statements []string
	prev := ""
	for i := range rows {
		w := &rows[i]
		if w.Entiteit == "bereik" && w.EntiteitID == 1 && w.Veld == "waarde" {
			w.NieuweWaarde = "120"
			statements = append(statements, fmt.Sprintf("UPDATE wijzigingen SET nieuwe_waarde = '120' WHERE id = %d", w.ID))
		}
		w.Keten = chainLink(prev, w)
		prev = w.Keten
		statements = append(statements, fmt.Sprintf("UPDATE wijzigingen SET keten = '%s' WHERE id = %d", w.Keten, w.ID))
	}
	statements = append(statements, "UPDATE bereik SET waarde = 120 WHERE id = 1")
	tamperOutside(t, s, statements...)
}

// TestAnchorCatchesARecomputedChain (issue 13): the chain has no key, so a
// figure changed outside together with its trail row and a chain computed
// anew passes the chain and the records check; the anchor this
// installation kept outside the database after its last change does not
// match any more, and check says so. Without an anchor (a database from
// another computer) check only warns.
func TestAnchorCatchesARecomputedChain(t *testing.T) {
	anchors := withAnchors(t)
	path := filepath.Join(t.TempDir(), "anker.db")
	s, err := Open(path, Options{Create: true, User: "tester"})
	if err != nil {
		t.Fatal(err)
	}
	writeEveryWay(t, s)
	if report, err := s.Check(); err != nil || !report.OK() || len(report.Warnings) != 0 {
		t.Fatalf("check of an anchored database: %+v %v", report, err)
	}
	recomputeChainOutside(t, s)
	before := bestandtest.Som(t, path)
	s, err = Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	report, err := s.Check()
	s.Close()
	if err != nil || len(report.Problems) != 1 || !strings.Contains(report.Problems[0], "het wijzigingenlogboek past niet bij het anker dat deze computer bij de laatste wijziging bewaarde") {
		t.Fatalf("check after the chain was computed anew: %+v %v", report, err)
	}
	if bestandtest.Som(t, path) != before {
		t.Fatal("the check changed the file")
	}
	entries, _ := os.ReadDir(anchors)
	if len(entries) != 1 {
		t.Fatalf("anchors: %v", entries)
	}
	os.Remove(filepath.Join(anchors, entries[0].Name()))
	s, err = Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	report, err = s.Check()
	if err != nil || !report.OK() || len(report.Warnings) != 1 || !strings.Contains(report.Warnings[0], "geen anker") {
		t.Fatalf("check without an anchor: %+v %v", report, err)
	}
}
