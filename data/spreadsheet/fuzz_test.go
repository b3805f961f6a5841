package spreadsheet

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// FuzzOpenTable reads arbitrary bytes as a CSV file and as an .xlsx file
// through the same path an import takes: no panic, no endless loop (every
// row read advances), and reading stops with io.EOF or an error.
func FuzzOpenTable(f *testing.F) {
	f.Add([]byte("\uFEFFInterventie;Periode;Aantal\r\nMatch;2024;35\r\n"), ".csv")
	f.Add([]byte("Overzicht 2024\n\nnaam,jaar,bereik\n\"Home-Start\",2023,\"1.234\"\nn.v.t.,-,\n"), ".csv")
	f.Add([]byte("Interventie\tPeriode\tAantal\nStichting Vechterweerd\t2023\t43\n"), ".csv")
	f.Add([]byte("PK\x03\x04"), ".xlsx")
	f.Fuzz(func(t *testing.T, content []byte, ext string) {
		if ext != ".csv" && ext != ".xlsx" {
			ext = ".csv"
		}
		path := filepath.Join(t.TempDir(), "bestand"+ext)
		if err := os.WriteFile(path, content, 0o644); err != nil {
			t.Fatal(err)
		}
		table, err := OpenTable(path, "")
		if err != nil {
			return
		}
		defer table.Close()
		for rows := 0; ; rows++ {
			if rows > len(content)+1 {
				t.Fatalf("more rows (%d) than bytes in the file (%d)", rows, len(content))
			}
			if _, err := table.Next(); err != nil {
				if !errors.Is(err, io.EOF) && err.Error() == "" {
					t.Fatal("an error without a message")
				}
				return
			}
		}
	})
}
