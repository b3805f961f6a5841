package ui

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

func TestParseBlockReadsExcelsClipboard(t *testing.T) {
	for _, c := range []struct {
		name, text string
		want       [][]string
	}{
		{"CRLF with the last line break", "3.612\tnoot\r\n12,5\t\r\n", [][]string{{"3.612", "noot"}, {"12,5", ""}}},
		{"LF without the last line break", "1\n2", [][]string{{"1"}, {"2"}}},
		{"an empty row keeps its place", "1\n\n3\n", [][]string{{"1"}, {""}, {"3"}}},
		{"quoted tab, line break and quotes", "\"a\tb\"\t\"regel 1\r\nregel 2\"\t\"zei \"\"ja\"\"\"\r\n",
			[][]string{{"a\tb", "regel 1\r\nregel 2", "zei \"ja\""}}},
		{"a quote inside a cell is text", "5\" scherm\tx", [][]string{{"5\" scherm", "x"}}},
		{"an unclosed quote is text", "\"open\tx", [][]string{{"\"open", "x"}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := parseBlock(c.text)
			if err != nil || !reflect.DeepEqual(got, c.want) {
				t.Fatalf("parseBlock(%q) = %q, %v; want %q", c.text, got, err, c.want)
			}
		})
	}
	if _, err := parseBlock(strings.Repeat("1\t", maxPasteBytes)); err == nil {
		t.Fatal("a clipboard over the limit was read")
	}
}

// TestBulkGridTakesABlockFromExcel pastes a block of values and notes into
// the grid: the cells fill from the focused one, a bad value is marked with
// the store's full message, and nothing is saved until Alles opslaan.
// Blocks that do not fit are refused whole, with a message saying why.
func TestBulkGridTakesABlockFromExcel(t *testing.T) {
	m, s, w := newTestMain(t, t.TempDir())
	sc := m.navigate(pageBereik).(*bereikScreen)
	sc.tabs.SelectIndex(1)
	g := sc.bulk
	g.organisatie.SetSelected("Travers")
	if len(g.rows) < 4 {
		t.Fatalf("Travers has %d rows", len(g.rows))
	}
	typeInto(w, g.periode, "2024")
	before := countChanges(t, s)
	paste := func(e *entry, text string) {
		clip := fyne.CurrentApp().Clipboard()
		clip.SetContent(text)
		w.Canvas().Focus(e)
		e.TypedShortcut(&fyne.ShortcutPaste{Clipboard: clip})
	}

	paste(g.rows[1].waarde, "3.612\t\"eerste \"\"helft\"\"\"\r\n1.200\t\r\nveel\tgeschat\r\n")
	for k, want := range []string{"", "3.612", "1.200", "veel"} {
		if got := g.rows[k].waarde.Text; got != want {
			t.Errorf("row %d value %q, want %q", k, got, want)
		}
	}
	if g.rows[1].notitie.Text != `eerste "helft"` || g.rows[3].notitie.Text != "geschat" {
		t.Errorf("notes %q, %q", g.rows[1].notitie.Text, g.rows[3].notitie.Text)
	}
	if !strings.Contains(g.rows[3].err.Text, `"veel" is geen getal`) || g.rows[1].err.Text != "" {
		t.Errorf("row messages %q / %q", g.rows[1].err.Text, g.rows[3].err.Text)
	}
	if !strings.Contains(g.message.Text, "Geplakt in 3 rijen") || !strings.Contains(g.message.Text, "1 rij met een fout") ||
		!strings.Contains(g.message.Text, g.rows[3].item.Naam) {
		t.Errorf("message %q", g.message.Text)
	}
	if countChanges(t, s) != before || !g.dirty() {
		t.Fatal("pasting stored something, or the grid does not count it as unsaved")
	}

	paste(g.rows[0].notitie, "a\tb\n")
	if !strings.Contains(g.message.Text, "2 kolommen breed") || !strings.Contains(g.message.Text, "Notitie") || g.rows[0].notitie.Text != "" {
		t.Errorf("a block wider than the grid: message %q, note %q", g.message.Text, g.rows[0].notitie.Text)
	}
	last := len(g.rows) - 1
	paste(g.rows[last].waarde, "1\n2\n")
	if !strings.Contains(g.message.Text, "2 rijen hoog") || g.rows[last].waarde.Text != "" {
		t.Errorf("a block below the grid: message %q", g.message.Text)
	}
	paste(g.rows[0].waarde, strings.Repeat("9\n", maxPasteBytes))
	if !strings.Contains(g.message.Text, "256 kB") || g.rows[0].waarde.Text != "" {
		t.Errorf("a huge clipboard: message %q", g.message.Text)
	}
	paste(g.rows[0].waarde, "42")
	if g.rows[0].waarde.Text != "42" {
		t.Errorf("a single cell pastes as usual: %q", g.rows[0].waarde.Text)
	}

	g.rows[3].waarde.SetText("900")
	m.save()
	for _, k := range []int{1, 2, 3} {
		if reachOf(t, s, g.rows[k].item.Naam, "2024") == nil {
			t.Errorf("row %d (%s) not stored: %s", k, g.rows[k].item.Naam, fmt.Sprint(g.message.Text))
		}
	}
}
