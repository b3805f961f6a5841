package domain

import (
	"reflect"
	"strings"
	"unicode/utf8"

	"jeugdmonitor/data/dutchnum"
)

// MaxTekst is the longest free text (a name, a note, a source, a policy
// text) the program stores, in characters, on every way in: forms, the
// command line, imports and full exports. It stays well below the 32.767
// characters of an Excel cell, so everything stored can be exported.
const MaxTekst = 10_000

// MaxGebruikersnaam is the longest name of a user, in characters: the
// name goes with every change into the audit trail and to the team, which
// takes names of up to 1.000 characters.
const MaxGebruikersnaam = 200

// CheckTekst refuses, in Dutch and naming the field, a text longer than
// MaxTekst characters or one that holds characters that are not text.
func CheckTekst(veld, tekst string) error {
	var p problems
	p.tekst(veld, tekst)
	return p.err()
}

// tekst checks one free text against MaxTekst, and refuses characters
// that are not text: control characters other than tab and line breaks
// (a NUL or an escape sequence ends up in every export, and an Excel cell
// cannot hold them), direction overrides that make a text read otherwise
// than it is stored, and bytes that are not UTF-8.
func (p *problems) tekst(veld, tekst string) {
	if r, ok := geenTekst(tekst); ok {
		if r == utf8.RuneError {
			p.add(veld, "bevat bytes die geen UTF-8-tekst zijn")
		} else {
			p.add(veld, "bevat het stuurteken U+%04X; dat hoort niet in een tekst. Haal het weg", r)
		}
	}
	if len(tekst) <= MaxTekst {
		return
	}
	if n := utf8.RuneCountInString(tekst); n > MaxTekst {
		p.add(veld, "is %s tekens lang; een tekst mag hoogstens %s tekens zijn. Kort de tekst in",
			dutchnum.Format(float64(n), 0), dutchnum.Format(MaxTekst, 0))
	}
}

// geenTekst finds the first character in tekst that is not text (see
// tekst), utf8.RuneError for invalid UTF-8.
func geenTekst(tekst string) (rune, bool) {
	for i, r := range tekst {
		switch {
		case r == utf8.RuneError:
			if _, size := utf8.DecodeRuneInString(tekst[i:]); size <= 1 {
				return r, true
			}
		case r == '\t' || r == '\n' || r == '\r':
		case r < 0x20, r >= 0x7f && r <= 0x9f,
			r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
			return r, true
		}
	}
	return 0, false
}

// teksten checks every text field of record (a pointer to a struct, with
// embedded structs such as Bron and lists of texts) against MaxTekst; the
// field is named by its Go name in lower case.
func (p *problems) teksten(record any) {
	v := reflect.Indirect(reflect.ValueOf(record))
	if v.Kind() != reflect.Struct {
		return
	}
	for i := 0; i < v.NumField(); i++ {
		f, sf := v.Field(i), v.Type().Field(i)
		if !sf.IsExported() {
			continue
		}
		veld := veldNaam(sf.Name)
		switch {
		case f.Kind() == reflect.String:
			p.tekst(veld, f.String())
		case f.Kind() == reflect.Pointer && !f.IsNil() && f.Elem().Kind() == reflect.String:
			p.tekst(veld, f.Elem().String())
		case f.Kind() == reflect.Slice && f.Type().Elem().Kind() == reflect.String:
			for j := 0; j < f.Len(); j++ {
				p.tekst(veld, f.Index(j).String())
			}
		case f.Kind() == reflect.Struct:
			p.teksten(f.Interface())
		}
	}
}

// veldNaam is the field name a message uses: "BronTekst" is "bron".
func veldNaam(goName string) string {
	if naam := strings.TrimSuffix(goName, "Tekst"); naam != "" {
		return strings.ToLower(naam)
	}
	return strings.ToLower(goName)
}

// CheckTeksten checks every text field of record against MaxTekst (for
// the records of other packages, such as saved presentations).
func CheckTeksten(record any) error {
	var p problems
	p.teksten(record)
	return p.err()
}
