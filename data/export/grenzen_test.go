package export

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestXLSXRefusesWhatExcelCannotHold: a text over 32.767 characters and a
// control character are refused in Dutch, naming sheet, row and column,
// before anything is written; Excel would otherwise get the text cut short
// or U+FFFD in place of the character.
func TestXLSXRefusesWhatExcelCannotHold(t *testing.T) {
	for _, c := range []struct {
		text  string
		wants []string
	}{
		{strings.Repeat("é", 40000), []string{"werkblad Bereik, rij 3, kolom Notitie", "40.000 tekens", "hoogstens 32.767"}},
		{"regel\x01met stuurteken", []string{"werkblad Bereik, rij 3, kolom Notitie", "stuurteken U+0001"}},
		{"kapot \xff byte", []string{"rij 3", "geen UTF-8"}},
	} {
		tab := table{columns: cols("Interventie", "Notitie"), rows: [][]any{{"Match", "goed"}, {"Match", c.text}}}
		var out bytes.Buffer
		err := writeXLSX(&out, []sheet{{name: "Bereik", t: tab}})
		if err == nil {
			t.Fatalf("%.20q: written", c.text)
		}
		for _, want := range c.wants {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("melding %q zegt niet %q", err, want)
			}
		}
		if len(err.Error()) > 500 || out.Len() > 0 {
			t.Errorf("melding van %d tekens, %d bytes geschreven", len(err.Error()), out.Len())
		}
	}
	ok := table{columns: cols("Notitie"), rows: [][]any{{strings.Repeat("x", 32767)}, {"tab\tregel\nterug\r"}}}
	var out bytes.Buffer
	if err := writeXLSX(&out, []sheet{{name: "Bereik", t: ok}}); err != nil {
		t.Fatalf("a text Excel can hold was refused: %v", err)
	}
}

// TestXLSXContinuesPastLastRow: a table with more rows than a worksheet
// holds (the audit trail past 1.048.575 rows failed in English) continues on
// a second sheet with the same header, every row kept.
func TestXLSXContinuesPastLastRow(t *testing.T) {
	if testing.Short() {
		t.Skip("schrijft meer dan een miljoen rijen")
	}
	rows := make([][]any, excelDataRijen+3)
	for i := range rows {
		rows[i] = []any{i}
	}
	var out bytes.Buffer
	if err := writeXLSX(&out, []sheet{{name: "Wijzigingen", t: table{columns: cols("Nummer"), rows: rows}}}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := strings.Join(f.GetSheetList(), "|"); got != "Wijzigingen|Wijzigingen (2)" {
		t.Fatalf("sheets %s", got)
	}
	second, err := f.GetRows("Wijzigingen (2)")
	if err != nil {
		t.Fatal(err)
	}
	if len(second) != 4 || second[0][0] != "Nummer" || second[1][0] != "1048575" || second[3][0] != "1048577" {
		t.Fatalf("second sheet %v", second)
	}
	last, err := f.GetCellValue("Wijzigingen", "A1048576")
	if err != nil || last != "1048574" {
		t.Fatalf("last row of the first sheet: %q %v", last, err)
	}
}

// TestWriteErrorInDutch: a full disk while writing an export is reported in
// Dutch ("de schijf is vol"), for every format.
func TestWriteErrorInDutch(t *testing.T) {
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skip("geen /dev/full op dit systeem")
	}
	defer full.Close()
	s := openRegister(t)
	for _, format := range Formats {
		err := Write(full, s, KindBereik, format)
		if err == nil || !strings.Contains(err.Error(), "de schijf is vol") {
			t.Errorf("%s: %v", format, err)
		}
	}
}
