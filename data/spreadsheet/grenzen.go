package spreadsheet

import (
	"fmt"
	"unicode/utf8"

	"jeugdmonitor/data/dutchnum"
)

// The limits on what a file may hold. They are far above what a real
// import needs and keep the memory of any import, whatever the file, well
// under 200 MB: a row, a cell and every table read whole are bounded.
const (
	// MaxCelTekens is the longest cell, in characters (Excel's own limit).
	MaxCelTekens = 32767
	// MaxKolommen is the last column a filled cell may be in.
	MaxKolommen = 1024
	// MaxCellenPerRij is how many cells (also empty ones) a row may list;
	// Excel itself has 16.384 columns.
	MaxCellenPerRij = 16384
	// MaxRijBytes is the most text one row (a CSV line) may hold.
	MaxRijBytes = 1 << 20
	// MaxGedeeldeTeksten is how many shared strings a workbook may have,
	// and MaxGedeeldeTekstBytes their total size.
	MaxGedeeldeTeksten    = 1_000_000
	MaxGedeeldeTekstBytes = 64 << 20
	// MaxStijlen is how many cell formats a workbook may define (Excel
	// allows about 64.000).
	MaxStijlen = 65536
	// MaxOnderdeelBytes is the largest a part of a workbook may be once
	// unpacked, MaxStructuurBytes the largest for the parts read whole
	// (the list of sheets and their relations), and MaxOnderdelen how
	// many parts the zip may hold.
	MaxOnderdeelBytes = 256 << 20
	MaxStructuurBytes = 4 << 20
	MaxOnderdelen     = 10000
	// MaxXMLStuk is the longest run of XML between two tags, or one tag.
	MaxXMLStuk = 1 << 20
)

// maxCelBytes is the most bytes a cell of MaxCelTekens characters can take.
const maxCelBytes = utf8.UTFMax * MaxCelTekens

// getal writes a limit the Dutch way: 32.767.
func getal(n int) string { return dutchnum.Format(float64(n), 0) }

// grootte writes a size in bytes as megabytes: "256 MB".
func grootte(n int) string { return getal(n>>20) + " MB" }

// tooLong is the refusal of a cell longer than MaxCelTekens.
func tooLong() error {
	return fmt.Errorf("de cel is langer dan %s tekens, de grens per cel", getal(MaxCelTekens))
}

// checkCell refuses text longer than MaxCelTekens characters.
func checkCell(s string) error {
	if len(s) > MaxCelTekens && utf8.RuneCountInString(s) > MaxCelTekens {
		return tooLong()
	}
	return nil
}
