package strictjson

import (
	"strings"
	"testing"
)

func TestDecodeNamesTheProblemInDutch(t *testing.T) {
	type doc struct {
		Naam  string `json:"naam"`
		Getal int    `json:"getal"`
	}
	cases := []struct{ body, want string }{
		{"", "het bestand is leeg"},
		{`{"naam": "a",`, "houdt halverwege op"},
		{"{\n\"naam\": \"a\",\n\"getal\": \"twee\"}", "regel 3: veld getal heeft het verkeerde type"},
		{`{"naam": "a", "kleur": 1}`, `onbekend veld "kleur"`},
		{`{"naam": "a"} {}`, "er staat nog iets na het document"},
		{"{\n\n\"naam\" \"a\"}", "regel 3: ongeldige JSON"},
	}
	for _, c := range cases {
		var d doc
		err := Decode([]byte(c.body), &d)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: got %v, want %q", c.body, err, c.want)
		}
	}
	var d doc
	if err := Decode([]byte("\uFEFF{\"naam\": \"Zwolle\", \"getal\": 3}"), &d); err != nil || d.Naam != "Zwolle" || d.Getal != 3 {
		t.Fatalf("with BOM: %+v %v", d, err)
	}
}
