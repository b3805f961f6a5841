package spreadsheet

import "strings"

// formulaStarts are the characters with which a spreadsheet program reads a
// CSV cell as a formula (OWASP's list for CSV injection).
const formulaStarts = "=+-@\t\r"

// guarded reports whether s, after any leading single quotes, starts with
// a formula character.
func guarded(s string) bool {
	rest := strings.TrimLeft(s, "'")
	return rest != "" && strings.ContainsRune(formulaStarts, rune(rest[0]))
}

// BeschermTegenFormule makes a text safe to write in a CSV file: a text
// that a spreadsheet would run as a formula (=, +, -, @, tab or carriage
// return first) gets a single quote in front, as OWASP advises, so Excel and
// LibreOffice show it as text. A text that already starts with quotes before
// such a character gets one more, so that reading the file back (see
// zonderFormuleBescherming) restores every text exactly. Only for text:
// numbers are written as they are.
func BeschermTegenFormule(s string) string {
	if guarded(s) {
		return "'" + s
	}
	return s
}

// zonderFormuleBescherming undoes BeschermTegenFormule on a CSV cell: one
// leading single quote is removed where quotes are followed by a formula
// character. "'s-Hertogenbosch" and other texts keep their quote.
func zonderFormuleBescherming(s string) string {
	if strings.HasPrefix(s, "'") && guarded(s) {
		return s[1:]
	}
	return s
}
