package importer

import (
	"strings"
	"unicode"

	"jeugdmonitor/data/domain"
)

// Zekerheid says how sure a name match is.
type Zekerheid string

// The kinds of name matches.
const (
	// Exact: the same name, ignoring case, accents, spaces and punctuation.
	Exact Zekerheid = "exact"
	// Gelijkend: a similar name; the user must confirm it.
	Gelijkend Zekerheid = "gelijkend"
	// Bevestigd: the user chose this match.
	Bevestigd Zekerheid = "bevestigd"
	// Onbekend: no intervention looks like it, or the user refused the match.
	Onbekend Zekerheid = "onbekend"
)

// doelstellingPrefix marks a shared target in a reach file, as the export
// writes it: "Doelstelling: <omschrijving>".
const doelstellingPrefix = "doelstelling:"

// NaamMatch is how a name in the file was matched.
type NaamMatch struct {
	// InBestand is the name as the file writes it.
	InBestand string
	// Naam is the matched intervention's name (or "Doelstelling: ..."), "" if none.
	Naam      string
	Zekerheid Zekerheid
	// Rijen is how many rows carry this name.
	Rijen int
	// eigenaar: the intervention or shared target.
	interventieID, doelstellingID *uint
}

// kandidaat is an intervention or shared target a name can match.
type kandidaat struct {
	naam           string
	sleutel        string // normalised
	tokens         []string
	interventie    *uint
	doelstelling   *uint
	isDoelstelling bool
	zonderHaakjes  string
}

// namen matches the names of a file against the register.
type namen struct {
	kandidaten []kandidaat
	exact      map[string]int
	matches    map[string]*NaamMatch // by the name in the file
	volgorde   []string
}

func newNamen(interventies []domain.Interventie, doelen []domain.Doelstelling) *namen {
	n := &namen{exact: map[string]int{}, matches: map[string]*NaamMatch{}}
	add := func(k kandidaat) {
		k.sleutel = sleutel(k.naam)
		k.tokens = strings.Fields(k.sleutel)
		k.zonderHaakjes = sleutel(zonderHaakjes(k.naam))
		if _, dup := n.exact[k.sleutel]; !dup {
			n.exact[k.sleutel] = len(n.kandidaten)
		}
		n.kandidaten = append(n.kandidaten, k)
	}
	for i := range interventies {
		id := interventies[i].ID
		add(kandidaat{naam: interventies[i].Naam, interventie: &id})
	}
	for i := range doelen {
		if len(doelen[i].InterventieIDs) > 1 {
			id := doelen[i].ID
			add(kandidaat{naam: "Doelstelling: " + doelen[i].Omschrijving, doelstelling: &id, isDoelstelling: true})
		}
	}
	return n
}

// sleutel normalises a name for comparison: lower case, no accents, only
// letters and digits separated by single spaces.
func sleutel(s string) string {
	s = foldAccents(strings.ToLower(s))
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }), " ")
}

// zonderHaakjes leaves out text between parentheses: "Match (Humanitas)" is "Match".
func zonderHaakjes(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '(':
			depth++
		case r == ')' && depth > 0:
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// match finds (and remembers) the match of a name in the file; keuzes holds
// the user's confirmed choices (name in file to register name, "" refused).
func (n *namen) match(inBestand string, keuzes map[string]string) *NaamMatch {
	if m, ok := n.matches[inBestand]; ok {
		m.Rijen++
		return m
	}
	m := &NaamMatch{InBestand: inBestand, Zekerheid: Onbekend, Rijen: 1}
	key := sleutel(inBestand)
	if choice, chosen := keuzes[inBestand]; chosen {
		if i, ok := n.byName(choice); ok && choice != "" {
			n.set(m, i, Bevestigd)
		}
	} else if i, ok := n.exact[key]; ok {
		n.set(m, i, Exact)
	} else if strings.HasPrefix(strings.ToLower(strings.TrimSpace(inBestand)), doelstellingPrefix) {
		// a shared target is only ever matched exactly
	} else if i, ok := n.similar(inBestand); ok {
		n.set(m, i, Gelijkend)
	}
	n.matches[inBestand] = m
	n.volgorde = append(n.volgorde, inBestand)
	return m
}

func (n *namen) set(m *NaamMatch, i int, z Zekerheid) {
	k := n.kandidaten[i]
	m.Naam, m.Zekerheid, m.interventieID, m.doelstellingID = k.naam, z, k.interventie, k.doelstelling
}

// similar finds the intervention most like a name: the same name without the
// part in parentheses, or enough words and letters in common.
func (n *namen) similar(name string) (int, bool) {
	key, bare := sleutel(name), sleutel(zonderHaakjes(name))
	if key == "" {
		return 0, false
	}
	best, bestScore := -1, 0.0
	tokens := strings.Fields(key)
	for i, k := range n.kandidaten {
		if k.isDoelstelling {
			continue
		}
		score := max(wordOverlap(tokens, k.tokens), 1-float64(levenshtein(key, k.sleutel))/float64(max(len(key), len(k.sleutel))))
		if k.zonderHaakjes == key || bare == k.sleutel {
			score = 1
		}
		if score > bestScore {
			best, bestScore = i, score
		}
	}
	return best, best >= 0 && bestScore >= 0.75
}

// wordOverlap is the share of words two names have in common (Dice).
func wordOverlap(a, b []string) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	set := map[string]bool{}
	for _, w := range b {
		set[w] = true
	}
	common := 0
	for _, w := range a {
		if set[w] {
			common++
		}
	}
	return 2 * float64(common) / float64(len(a)+len(b))
}

// levenshtein is the edit distance between two strings, by runes.
func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// lijst returns the matches in the order the names first appear.
func (n *namen) lijst() []NaamMatch {
	out := make([]NaamMatch, 0, len(n.volgorde))
	for _, name := range n.volgorde {
		out = append(out, *n.matches[name])
	}
	return out
}

// byName finds a candidate by its exact name.
func (n *namen) byName(naam string) (int, bool) {
	i, ok := n.exact[sleutel(naam)]
	return i, ok
}
