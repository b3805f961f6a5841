package cli

import (
	"flag"
	"fmt"
	"regexp"
	"time"
)

// The errors of the flag package, in English, that flagFout puts in Dutch.
var (
	flagUndefined = regexp.MustCompile(`^flag provided but not defined: -+(.*)$`)
	flagNoValue   = regexp.MustCompile(`^flag needs an argument: -+(.*)$`)
	flagBadValue  = regexp.MustCompile(`^invalid (?:boolean )?value ("(?:[^"\\]|\\.)*") for (?:flag )?-+([^:]*): (.*)$`)
	flagBadSyntax = regexp.MustCompile(`^bad flag syntax: (.*)$`)
)

// flagFout says in Dutch what was wrong with the options: the flag package
// words its errors in English. A message of the program's own (an option
// defined with fs.Func) stays as it is.
func flagFout(fs *flag.FlagSet, err error) string {
	msg := err.Error()
	if m := flagUndefined.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("onbekende optie --%s; gebruik --help", m[1])
	}
	if m := flagNoValue.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("de optie --%s heeft een waarde nodig; gebruik --help", m[1])
	}
	if m := flagBadSyntax.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("onjuiste optie %s; gebruik --help", m[1])
	}
	m := flagBadValue.FindStringSubmatch(msg)
	if m == nil {
		return msg
	}
	value, name, reden := m[1], m[2], m[3]
	switch reden {
	case "parse error":
		reden = verwacht(fs.Lookup(name))
	case "value out of range":
		reden = "dat getal is te groot of te klein"
	}
	return fmt.Sprintf("ongeldige waarde %s voor --%s: %s", value, name, reden)
}

// verwacht says what kind of value option f takes.
func verwacht(f *flag.Flag) string {
	var v any
	if f != nil {
		if g, ok := f.Value.(flag.Getter); ok {
			v = g.Get()
		}
	}
	switch v.(type) {
	case bool:
		return "geef true of false"
	case int, int64:
		return "geef een geheel getal"
	case uint, uint64:
		return "geef een geheel getal van 0 of meer"
	case float64:
		return "geef een getal"
	case time.Duration:
		return "geef een tijdsduur, bijvoorbeeld 30s of 5m"
	}
	return "dit is geen geldige waarde"
}
