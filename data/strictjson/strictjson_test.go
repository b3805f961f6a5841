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

// TestDecodeStreamLikeDecode: the streaming decoder gives the same Dutch
// messages as Decode, refuses a key that comes twice (a second, empty list
// after the real one) and reads arrays element by element.
func TestDecodeStreamLikeDecode(t *testing.T) {
	type item struct {
		Naam string `json:"naam"`
	}
	type doc struct {
		Naam   string `json:"naam"`
		Getal  int    `json:"getal"`
		Lijst  []item `json:"lijst"`
		Kaart  map[string]string
		Binnen struct {
			A int `json:"a"`
		} `json:"binnen"`
	}
	cases := []struct{ body, want string }{
		{"", "het bestand is leeg"},
		{`{"naam": "a",`, "houdt halverwege op"},
		{"{\n\"naam\": \"a\",\n\"getal\": \"twee\"}", "regel 3: veld getal heeft het verkeerde type"},
		{`{"naam": "a", "kleur": 1}`, `onbekend veld "kleur"`},
		{"{\"lijst\": [\n{\"naam\": \"a\", \"x\": 1}]}", `onbekend veld "x"`},
		{`{"naam": "a"} {}`, "er staat nog iets na het document"},
		{"{\n\n\"naam\" \"a\"}", "regel 3: ongeldige JSON"},
		{"{\"lijst\": [{\"naam\": \"a\"}],\n\"lijst\": []}", `veld "lijst" staat twee keer`},
		{"{\n\"lijst\": 5}", `regel 2: ongeldige JSON: "[" verwacht`},
		{"[1]", `ongeldige JSON: "{" verwacht`},
		{"{\"lijst\": [\n{\"naam\": \"a\"},\n{\"naam\": 3}]}", "regel 3: veld lijst.naam heeft het verkeerde type"},
		{"{\"lijst\": [\n{\"naam\": \"a\"},\n{\"naam\" 3}]}", "regel 3: ongeldige JSON"},
	}
	for _, c := range cases {
		var d doc
		err := DecodeStream(strings.NewReader(c.body), &d)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: got %v, want %q", c.body, err, c.want)
		}
	}
	var d doc
	body := "\uFEFF{\"naam\": \"Zwolle\", \"getal\": 3, \"lijst\": [{\"naam\": \"a\"}, {\"naam\": \"b\"}], \"Kaart\": {\"k\": \"v\"}, \"binnen\": {\"a\": 7}}"
	if err := DecodeStream(strings.NewReader(body), &d); err != nil || d.Naam != "Zwolle" || len(d.Lijst) != 2 || d.Lijst[1].Naam != "b" || d.Kaart["k"] != "v" || d.Binnen.A != 7 {
		t.Fatalf("%+v %v", d, err)
	}
}
