package foutmelding

import (
	"archive/zip"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestCiteerShortens: short text is quoted whole, a 10 MB cell by its first
// 200 characters and an ellipsis.
func TestCiteerShortens(t *testing.T) {
	if got := Citeer("Match"); got != `"Match"` {
		t.Errorf("%s", got)
	}
	got := Citeer(strings.Repeat("é", 10<<20))
	if len([]rune(got)) != 203 || !strings.HasSuffix(got, `"…`) {
		t.Errorf("%d tekens: %.40s", len([]rune(got)), got)
	}
}

// TestRedenIsDutch: the system's, zip's and XML's common failures get a
// Dutch reason, also wrapped in a path error.
func TestRedenIsDutch(t *testing.T) {
	_, notExist := os.Open("/bestaat/niet")
	file := filepath.Join(t.TempDir(), "bestand")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, underFile := os.Open(filepath.Join(file, "x.db")) // ENOTDIR on Linux, "path not found" on Windows
	for _, c := range []struct {
		err  error
		want string
	}{
		{notExist, "bestaat niet"},
		{&os.PathError{Op: "write", Path: "x", Err: syscall.ENOSPC}, "de schijf is vol"},
		{fmt.Errorf("lezen: %w", zip.ErrFormat), "geen geldig zip-bestand"},
		{&xml.SyntaxError{Msg: "unexpected EOF", Line: 7}, "ongeldige XML op regel 7"},
		{io.ErrUnexpectedEOF, "houdt onverwacht op"},
		{underFile, "een deel van het pad is een bestand"},
		{&os.PathError{Op: "open", Path: "x", Err: syscall.ENAMETOOLONG}, "is te lang"},
		{&os.LinkError{Op: "rename", Old: "a", New: "b", Err: syscall.EEXIST}, "er staat al een bestand met die naam"},
	} {
		if got := Reden(c.err); !strings.Contains(got, c.want) {
			t.Errorf("Reden(%v) = %q, verwacht %q", c.err, got, c.want)
		}
	}
}
