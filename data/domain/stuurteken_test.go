package domain

import (
	"strings"
	"testing"
)

// TestControlCharactersRefusedInEveryText: a NUL, an escape sequence, a C1
// control, a direction override or invalid UTF-8 in any free text is
// refused in Dutch naming the character; tabs, line breaks and ordinary
// letters (ë, €, emoji) pass.
func TestControlCharactersRefusedInEveryText(t *testing.T) {
	for _, bad := range []struct{ tekst, want string }{
		{"a\x00b", "U+0000"},
		{"kleur\x1b[31m", "U+001B"},
		{"a\x01", "U+0001"},
		{"a\u0085b", "U+0085"},
		{"abc\u202Efdp.exe", "U+202E"},
		{"a\u2066b", "U+2066"},
		{"a\xffb", "geen UTF-8"},
	} {
		err := CheckTekst("notitie", bad.tekst)
		if err == nil || !strings.Contains(err.Error(), bad.want) || !strings.Contains(err.Error(), "notitie") {
			t.Errorf("%q: %v, want a refusal naming %s", bad.tekst, err, bad.want)
		}
	}
	for _, good := range []string{"", "regel 1\nregel 2\r\n\tingesprongen", "Zoë café € 1.234,5", "jongeren 👍", "a\u00a0b"} {
		if err := CheckTekst("notitie", good); err != nil {
			t.Errorf("%q refused: %v", good, err)
		}
	}
	type record struct{ Naam, Notitie string }
	if err := CheckTeksten(&record{Naam: "Match", Notitie: "x\x07"}); err == nil || !strings.Contains(err.Error(), "U+0007") {
		t.Errorf("a control character in a record's field: %v", err)
	}
}
