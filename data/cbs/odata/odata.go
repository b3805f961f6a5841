// Package odata fetches the youth-care tables that package cbs knows
// (cbs.Tabellen) from CBS's open data service, OData version 3 at
// opendata.cbs.nl/ODataApi/odata/<tabel>/: the table's DataProperties (its
// dimensions and measures with their units), the code lists of its
// dimensions (Key and Title; the periods with their Status) and the rows of
// its TypedDataSet for one municipality and Nederland, page by page as
// odata.nextLink gives them. The rows are handed to package cbs as
// StatLine's flat download (labels, "titel (eenheid)" per measure, "*" and
// "**" after a provisional period), so the same mapping onto indicators
// applies. Every request has a timeout and a bounded answer; the base URL
// can be set with JEUGDMONITOR_CBS_URL (tests point it at a local server).
package odata

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"sort"
	"strings"
	"syscall"
	"time"

	"jeugdmonitor/data/backup"
	"jeugdmonitor/data/cbs"
	"jeugdmonitor/data/dutchnum"
	"jeugdmonitor/data/foutmelding"
	"jeugdmonitor/data/spreadsheet"
	"jeugdmonitor/data/store"
)

// StandaardURL is CBS's open data service (OData v3).
const StandaardURL = "https://opendata.cbs.nl/ODataApi/odata"

// URLVariabele is the environment variable that sets another base URL.
const URLVariabele = "JEUGDMONITOR_CBS_URL"

// Limits of one run: the time a request may take, the size of one answer,
// the number of pages of one list, and for the whole run (all tables) its
// time, the bytes of all answers and the rows of all lists.
const (
	StandaardTimeout = 30 * time.Second
	StandaardDuur    = 5 * time.Minute
	maxAntwoord      = 16 << 20
	maxTotaal        = 64 << 20
	maxRijen         = 200000
	maxPaginas       = 500
	// maxDoorverwijzingen bounds the redirects of one request within the
	// service.
	maxDoorverwijzingen = 5
)

// Client fetches tables from the service at Basis.
type Client struct {
	// Basis is the service's base URL, without the table id.
	Basis string
	// Timeout bounds each request, answer included.
	Timeout time.Duration
	// MaxAntwoord bounds the size of one answer in bytes.
	MaxAntwoord int64
	// Duur bounds a whole run (Ophalen), MaxTotaal the bytes of all its
	// answers together and MaxRijen the rows of all its lists (codes and
	// figures): a run beyond any of them stops and stores nothing.
	Duur      time.Duration
	MaxTotaal int64
	MaxRijen  int
	http      *http.Client
	// gelezen and rijen count the bytes and rows of the running Ophalen (a
	// client runs one at a time).
	gelezen int64
	rijen   int
}

// Nieuw makes a client for the service named by JEUGDMONITOR_CBS_URL, or
// CBS's own when it is not set.
func Nieuw() *Client {
	basis := strings.TrimSpace(os.Getenv(URLVariabele))
	if basis == "" {
		basis = StandaardURL
	}
	return &Client{Basis: basis, Timeout: StandaardTimeout, MaxAntwoord: maxAntwoord, Duur: StandaardDuur, MaxTotaal: maxTotaal, MaxRijen: maxRijen}
}

// Host is the service's host as a message names it ("opendata.cbs.nl").
func (c *Client) Host() string {
	if u, err := url.Parse(c.Basis); err == nil && u.Host != "" {
		return u.Host
	}
	return c.Basis
}

// Voortgang says how far a run is: the table (Nummer of Aantal), what is
// being fetched, and the table's part done (0 to 1).
type Voortgang struct {
	Tabel          string
	Nummer, Aantal int
	Stap           string
	Deel           float64
}

// ErrGeenVerbinding is what every error of an unreachable service matches
// (errors.Is): no network, a name not found, a refused connection, no
// answer in time.
var ErrGeenVerbinding = errors.New("geen verbinding met CBS")

// GeenVerbinding is the error of an unreachable service, in words.
type GeenVerbinding struct {
	Host, Reden string
}

func (e *GeenVerbinding) Error() string {
	return fmt.Sprintf("Geen verbinding met CBS (%s): %s. Controleer de internetverbinding; er is niets veranderd.", e.Host, e.Reden)
}

// Is makes errors.Is(err, ErrGeenVerbinding) true.
func (e *GeenVerbinding) Is(target error) bool { return target == ErrGeenVerbinding }

// Grens is a run stopped at one of its limits (time, bytes, rows).
type Grens struct{ Reden string }

func (e *Grens) Error() string {
	return fmt.Sprintf("Bijwerken vanuit CBS gestopt: %s, de grens voor één keer bijwerken; er is niets veranderd", e.Reden)
}

// ErrAfgebroken is returned when the run was cancelled.
var ErrAfgebroken = errors.New("bijwerken afgebroken; er is niets veranderd")

// Tabellen lists the tables a run fetches: every table package cbs knows.
func Tabellen() []string {
	ids := make([]string, 0, len(cbs.Tabellen))
	for id := range cbs.Tabellen {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// Ophalen fetches every known table for the municipality of opt and
// Nederland and reads it with package cbs; it stores nothing (see
// cbs.Bijwerken). One failing table fails the run, naming the table.
func (c *Client) Ophalen(ctx context.Context, s *store.Store, opt cbs.Opties, nu time.Time, voortgang func(Voortgang)) ([]*cbs.Resultaat, error) {
	if c.http == nil {
		c.http = &http.Client{Timeout: c.Timeout, CheckRedirect: c.doorverwijzing}
	}
	if strings.TrimSpace(opt.Gemeente) == "" {
		opt.Gemeente, opt.GemeenteNaam = cbs.Zwolle, "Zwolle"
	}
	gemeente, err := cbs.GemeenteCode(opt.Gemeente)
	if err != nil {
		return nil, fmt.Errorf("%w; er is niets opgehaald", err)
	}
	opt.Gemeente = gemeente
	c.gelezen, c.rijen = 0, 0
	ctx, cancel := context.WithTimeoutCause(ctx, c.Duur, &Grens{"het ophalen duurt langer dan " + duurTekst(c.Duur)})
	defer cancel()
	opt.Bron = "CBS StatLine (OData), opgehaald " + nu.Format("02-01-2006")
	ids := Tabellen()
	var out []*cbs.Resultaat
	for i, id := range ids {
		meld := func(stap string, deel float64) {
			if voortgang != nil {
				voortgang(Voortgang{Tabel: id, Nummer: i + 1, Aantal: len(ids), Stap: stap, Deel: deel})
			}
		}
		res, err := c.tabel(ctx, s, id, opt, meld)
		var grens *Grens
		if errors.As(context.Cause(ctx), &grens) {
			err = grens
		}
		if err != nil {
			if errors.Is(err, ErrGeenVerbinding) || errors.Is(err, ErrAfgebroken) || errors.As(err, &grens) {
				return nil, err
			}
			return nil, fmt.Errorf("tabel %s: %w; er is niets veranderd", id, err)
		}
		meld("klaar", 1)
		out = append(out, res)
	}
	return out, nil
}

// tabel fetches and reads one table.
func (c *Client) tabel(ctx context.Context, s *store.Store, id string, opt cbs.Opties, meld func(string, float64)) (*cbs.Resultaat, error) {
	meld("onderwerpen en dimensies", 0)
	var props []eigenschap
	if err := haalLijst(ctx, c, c.adres(id, "DataProperties", nil), "DataProperties", &props); err != nil {
		return nil, err
	}
	t, err := indeling(props)
	if err != nil {
		return nil, err
	}
	for i := range t.dims {
		meld("codes van "+t.dims[i].titel, 0.1+0.3*float64(i)/float64(len(t.dims)))
		var codes []code
		if err := haalLijst(ctx, c, c.adres(id, t.dims[i].key, nil), t.dims[i].key, &codes); err != nil {
			return nil, err
		}
		t.dims[i].codes = map[string]code{}
		for _, k := range codes {
			t.dims[i].codes[k.Key] = k
		}
	}
	filter, err := t.regioFilter(opt.Gemeente)
	if err != nil {
		return nil, err
	}
	meld("cijfers", 0.4)
	opt.Tabel = id
	src := &rijen{c: c, ctx: ctx, t: t, meld: meld,
		next: c.adres(id, "TypedDataSet", url.Values{"$filter": {filter}, "$select": {t.selectie()}})}
	tab, err := spreadsheet.NewTable(src)
	if err != nil {
		return nil, err
	}
	defer tab.Close()
	res, err := cbs.Lees(ctx, s, tab, opt, nil)
	if err != nil && ctx.Err() != nil {
		return nil, ErrAfgebroken
	}
	return res, err
}

// adres is the URL of one of a table's lists, JSON asked.
func (c *Client) adres(tabel, lijst string, q url.Values) string {
	if q == nil {
		q = url.Values{}
	}
	q.Set("$format", "json")
	return strings.TrimRight(c.Basis, "/") + "/" + url.PathEscape(tabel) + "/" + url.PathEscape(lijst) + "?" + q.Encode()
}

// pagina is one answer of the service: a list and the link to the next part.
type pagina[T any] struct {
	Value    *[]T   `json:"value"`
	NextLink string `json:"odata.nextLink"`
}

// haalLijst fetches a whole list, following odata.nextLink.
func haalLijst[T any](ctx context.Context, c *Client, adres, naam string, out *[]T) error {
	for n := 0; adres != ""; n++ {
		if n == maxPaginas {
			return fmt.Errorf("%s heeft meer dan %d pagina's; dat is meer dan een tabel van de Jeugdmonitor kan hebben", naam, maxPaginas)
		}
		var p pagina[T]
		if err := c.haal(ctx, adres, naam, &p); err != nil {
			return err
		}
		if err := c.telRijen(len(*p.Value)); err != nil {
			return err
		}
		*out = append(*out, *p.Value...)
		next, err := c.volgende(p.NextLink, naam)
		if err != nil {
			return err
		}
		adres = next
	}
	return nil
}

// volgende checks the link to the next page: it must lead to the same
// service, never elsewhere.
func (c *Client) volgende(link, naam string) (string, error) {
	if link == "" {
		return "", nil
	}
	next, err := url.Parse(link)
	if err != nil || !c.zelfdeDienst(next) {
		return "", fmt.Errorf("CBS verwijst voor het vervolg van %s naar een ander adres (%s); dat wordt niet gevolgd", naam, foutmelding.Citeer(link))
	}
	return link, nil
}

// zelfdeDienst reports whether u has the scheme, host and port of the
// service (a port left out is the scheme's own).
func (c *Client) zelfdeDienst(u *url.URL) bool {
	base, err := url.Parse(c.Basis)
	if err != nil {
		return false
	}
	poort := func(u *url.URL) string {
		if p := u.Port(); p != "" {
			return p
		}
		return map[string]string{"http": "80", "https": "443"}[strings.ToLower(u.Scheme)]
	}
	return strings.EqualFold(u.Scheme, base.Scheme) && strings.EqualFold(u.Hostname(), base.Hostname()) && poort(u) == poort(base)
}

// Doorverwijzing is a redirect that is not followed: to another address
// (scheme, host or port), to a file, in a loop or too many in a row.
type Doorverwijzing struct {
	Doel, Reden string
}

func (e *Doorverwijzing) Error() string {
	return fmt.Sprintf("CBS verwijst door naar %s: %s; dat wordt niet gevolgd", foutmelding.Citeer(e.Doel), e.Reden)
}

// doorverwijzing is the client's CheckRedirect: a redirect within the
// service is followed, at most maxDoorverwijzingen times and never back to
// an address already asked; any other is refused.
func (c *Client) doorverwijzing(req *http.Request, via []*http.Request) error {
	doel := req.URL.String()
	switch s := strings.ToLower(req.URL.Scheme); {
	case s == "file":
		return &Doorverwijzing{doel, "een bestand op deze computer, geen adres van de dienst"}
	case s != "http" && s != "https":
		return &Doorverwijzing{doel, "geen webadres"}
	case !c.zelfdeDienst(req.URL):
		return &Doorverwijzing{doel, fmt.Sprintf("een ander adres dan de dienst (%s)", c.Host())}
	}
	for _, v := range via {
		if v.URL.String() == doel {
			return &Doorverwijzing{doel, "een adres dat al gevraagd was (de doorverwijzingen vormen een kringloop)"}
		}
	}
	if len(via) > maxDoorverwijzingen {
		return &Doorverwijzing{doel, fmt.Sprintf("meer dan %d doorverwijzingen achter elkaar", maxDoorverwijzingen)}
	}
	return nil
}

// haal fetches one answer and decodes it; the list "value" must be there.
func (c *Client) haal(ctx context.Context, adres, naam string, out interface{ valueMissing() bool }) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, adres, nil)
	if err != nil {
		return err
	}
	req.Header.Set("Accept", "application/json")
	resp, err := c.http.Do(req)
	var door *Doorverwijzing
	if errors.As(err, &door) {
		return door
	}
	if err != nil {
		return c.verbindingsfout(ctx, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		if resp.StatusCode == http.StatusNotFound {
			return fmt.Errorf("CBS kent %s niet (foutcode 404)", naam)
		}
		return fmt.Errorf("CBS gaf foutcode %d (%s) op %s", resp.StatusCode, http.StatusText(resp.StatusCode), naam)
	}
	rest := c.MaxTotaal - c.gelezen
	body, err := io.ReadAll(io.LimitReader(resp.Body, min(c.MaxAntwoord, rest)+1))
	if err != nil {
		return c.verbindingsfout(ctx, err)
	}
	c.gelezen += int64(len(body))
	switch {
	case int64(len(body)) > c.MaxAntwoord:
		return fmt.Errorf("het antwoord van CBS op %s is groter dan %s MB en is niet gelezen", naam, dutchnum.Format(float64(c.MaxAntwoord>>20), 0))
	case c.gelezen > c.MaxTotaal:
		return &Grens{fmt.Sprintf("de antwoorden van CBS zijn samen groter dan %s MB", dutchnum.Format(float64(c.MaxTotaal>>20), 0))}
	}
	if err := json.Unmarshal(body, out); err != nil || out.valueMissing() {
		reden := "de lijst \"value\" ontbreekt"
		if err != nil {
			reden = jsonFout(err, len(body))
		}
		return fmt.Errorf("CBS gaf een onleesbaar antwoord op %s (%s)", naam, reden)
	}
	return nil
}

func (p *pagina[T]) valueMissing() bool { return p.Value == nil }

// duurTekst writes a duration in whole minutes or else in seconds.
func duurTekst(d time.Duration) string {
	if d >= time.Minute && d%time.Minute == 0 {
		return dutchnum.Aantal(int(d/time.Minute), "minuut", "minuten")
	}
	return dutchnum.FormatAuto(d.Seconds()) + " seconden"
}

// telRijen counts n more rows of the run against MaxRijen.
func (c *Client) telRijen(n int) error {
	if c.rijen += n; c.rijen > c.MaxRijen {
		return &Grens{fmt.Sprintf("CBS gaf meer dan %s rijen", dutchnum.Format(float64(c.MaxRijen), 0))}
	}
	return nil
}

// jsonFout says in Dutch what is wrong with an answer of n bytes that is no
// JSON of the documented shape.
func jsonFout(err error, n int) string {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syntax) && syntax.Offset >= int64(n):
		return "het antwoord houdt halverwege op"
	case errors.As(err, &syntax):
		return fmt.Sprintf("geen geldige JSON bij teken %d", syntax.Offset)
	case errors.As(err, &typ):
		return fmt.Sprintf("veld %q heeft niet de verwachte vorm", typ.Field)
	}
	return "geen geldige JSON"
}

// verbindingsfout turns a failed request into ErrAfgebroken or a
// GeenVerbinding that says why.
func (c *Client) verbindingsfout(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return ErrAfgebroken
	}
	var dns *net.DNSError
	var ne net.Error
	var op *net.OpError
	reden := "de verbinding kwam niet tot stand"
	switch {
	case errors.As(err, &dns):
		reden = fmt.Sprintf("de naam %s is niet gevonden", dns.Name)
	case errors.Is(err, syscall.ECONNREFUSED) || isWSAConnRefused(err):
		reden = "de verbinding werd geweigerd"
	case errors.As(err, &ne) && ne.Timeout():
		reden = fmt.Sprintf("geen antwoord binnen %s seconden", dutchnum.FormatAuto(c.Timeout.Seconds()))
	case errors.As(err, &op):
		reden = fmt.Sprintf("de verbinding kwam niet tot stand (%v)", op.Err)
	case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
		reden = "de verbinding werd halverwege verbroken"
	}
	return &GeenVerbinding{Host: c.Host(), Reden: reden}
}

// isWSAConnRefused reports Windows' own code for a refused connection
// (WSAECONNREFUSED, 10061), which syscall.ECONNREFUSED does not match there.
func isWSAConnRefused(err error) bool {
	var errno syscall.Errno
	return errors.As(err, &errno) && uintptr(errno) == 10061
}

// Opslaan stores fetched tables as an import does: first a backup of the
// database beside it (reason voor-import), then every table in one
// transaction (cbs.Bijwerken). It returns the counts and the backup's path;
// when the backup fails nothing is stored.
func Opslaan(ctx context.Context, s *store.Store, results []*cbs.Resultaat, metNieuwe bool, nu time.Time) ([]cbs.Telling, string, error) {
	pad, err := backup.Make(s, backup.ReasonImport, nu)
	if err != nil {
		return nil, "", fmt.Errorf("reservekopie vooraf mislukt; er is niets veranderd: %w", err)
	}
	tellingen, err := cbs.Bijwerken(ctx, s, results, metNieuwe, true)
	return tellingen, pad, err
}
