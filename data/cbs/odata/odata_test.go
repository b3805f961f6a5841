package odata_test

import (
	"context"
	"errors"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"jeugdmonitor/data/cbs"
	"jeugdmonitor/data/cbs/odata"
	"jeugdmonitor/data/cbs/odata/odatatest"
	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/register/registertest"
	"jeugdmonitor/data/store"
)

var dag = time.Date(2026, 11, 29, 14, 0, 0, 0, time.Local)

func client(url string) *odata.Client {
	c := odata.Nieuw()
	c.Basis = url
	return c
}

func tellingVan(t *testing.T, ts []cbs.Telling, tabel string) cbs.Telling {
	t.Helper()
	for _, x := range ts {
		if x.Tabel == tabel {
			return x
		}
	}
	t.Fatalf("no count for %s in %+v", tabel, ts)
	return cbs.Telling{}
}

func wijzigingen(t *testing.T, s *store.Store) int64 {
	t.Helper()
	n, err := s.Tel()
	if err != nil {
		t.Fatal(err)
	}
	return n.Wijzigingen
}

// The four known tables are fetched for Zwolle and Nederland (the filter
// names their keys as the region list writes them), the data of 85099NED in
// two pages; the values are stored with their source, and a second run
// changes nothing.
func TestOphalenEnBijwerken(t *testing.T) {
	s := registertest.Open(t, "", store.Options{}, nil)
	srv := odatatest.Start(t, nil)
	c := client(srv.URL)
	var stappen []odata.Voortgang
	res, err := c.Ophalen(context.Background(), s, cbs.Opties{}, dag, func(v odata.Voortgang) { stappen = append(stappen, v) })
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 4 || len(stappen) == 0 || stappen[len(stappen)-1].Deel != 1 || stappen[len(stappen)-1].Aantal != 4 {
		t.Fatalf("%d results, progress %+v", len(res), stappen)
	}
	req := strings.Join(srv.Verzoeken(), "\n")
	for _, want := range []string{"/85099NED/DataProperties?%24format=json", "/85099NED/VormenVanJeugdzorg?", "/85099NED/TypedDataSet?",
		"RegioS+eq+%27GM0193%27", "RegioS+eq+%27NL01++%27", "$skip=4", "%24select=VormenVanJeugdzorg%2CRegioS%2CPerioden%2CJongerenMetJeugdzorg_1"} {
		if !strings.Contains(req, want) {
			t.Errorf("no request with %q:\n%s", want, req)
		}
	}
	preview, err := cbs.Bijwerken(context.Background(), s, res, true, false)
	if err != nil {
		t.Fatal(err)
	}
	voor := wijzigingen(t, s)
	tellingen, err := cbs.Bijwerken(context.Background(), s, res, true, true)
	if err != nil {
		t.Fatal(err)
	}
	k := tellingVan(t, tellingen, "85099NED")
	if p := tellingVan(t, preview, "85099NED"); p.Nieuw != k.Nieuw || k.Nieuw != 12 || k.Gewijzigd != 0 || len(k.NieuweIndicatoren) != 6 {
		t.Fatalf("85099NED: preview %+v, stored %+v", p, k)
	}
	if wijzigingen(t, s) <= voor {
		t.Fatal("nothing in the audit trail")
	}
	ind, err := s.IndicatorByCode("jeugdhulp-jeugdigen")
	if err != nil {
		t.Fatal(err)
	}
	ms, err := s.Metingen(ind.ID)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]domain.Meting{}
	for _, m := range ms {
		got[m.Periode] = m
	}
	if m := got["2019"]; m.Waarde != 1000 || *m.Vergelijkingswaarde != 200000 || m.Bron.String() != "CBS StatLine (OData), opgehaald 29-11-2026, tabel 84134NED, periode 2019JJ00" {
		t.Fatalf("2019 from 84134NED: %+v (%s)", m, m.Bron)
	}
	if m := got["2023"]; m.Waarde != 1400 || m.Vergelijkingswaarde != nil || m.Status != domain.StatusVoorlopig || !strings.HasSuffix(m.Bron.Sectie, "nader voorlopig") {
		t.Fatalf("2023 (nader voorlopig, null for Nederland): %+v", m)
	}
	if m := got["2024-H1"]; m.Waarde != 1000 || m.Status != domain.StatusVoorlopig {
		t.Fatalf("2024-H1 from the second page: %+v", m)
	}
	if p, err := s.IndicatorByCode("cbs-jeugdhulp-in-natura-percentage"); err != nil || p.Eenheid != domain.EenheidPercentage {
		t.Fatalf("85098NED percentage: %+v %v", p, err)
	}

	// A second run, a day later: every value is the same, nothing changes.
	voor = wijzigingen(t, s)
	res, err = c.Ophalen(context.Background(), s, cbs.Opties{}, dag.AddDate(0, 0, 1), nil)
	if err != nil {
		t.Fatal(err)
	}
	tellingen, err = cbs.Bijwerken(context.Background(), s, res, true, true)
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range tellingen {
		if x.Nieuw != 0 || x.Gewijzigd != 0 || x.Ongewijzigd == 0 || len(x.NieuweIndicatoren) != 0 {
			t.Errorf("second run changed %+v", x)
		}
	}
	if n := wijzigingen(t, s); n != voor {
		t.Fatalf("second run wrote %d audit rows", n-voor)
	}

	// CBS corrected 2020: that value changes, audited, with today's source.
	gecorrigeerd := odatatest.Start(t, func(w http.ResponseWriter, r *http.Request) bool {
		if strings.HasSuffix(r.URL.Path, "/84134NED/TypedDataSet") {
			w.Write([]byte(`{"value":[{"VormenVanJeugdzorg":"A043010","RegioS":"GM0193","Perioden":"2020JJ00","JongerenMetJeugdzorg_1":1020.0}]}`))
			return true
		}
		return false
	})
	res, err = client(gecorrigeerd.URL).Ophalen(context.Background(), s, cbs.Opties{}, dag.AddDate(0, 0, 2), nil)
	if err != nil {
		t.Fatal(err)
	}
	tellingen, err = cbs.Bijwerken(context.Background(), s, res, false, true)
	if err != nil {
		t.Fatal(err)
	}
	if k := tellingVan(t, tellingen, "84134NED"); k.Gewijzigd != 1 || k.Ongewijzigd != 0 || k.Nieuw != 0 {
		t.Fatalf("correction: %+v", k)
	}
	ms, _ = s.Metingen(ind.ID)
	for _, m := range ms {
		if m.Periode == "2020" && (m.Waarde != 1020 || m.Vergelijkingswaarde != nil || !strings.Contains(m.Bron.Document, "opgehaald 01-12-2026")) {
			t.Fatalf("2020 after the correction: %+v", m)
		}
	}
}

// Without the user's confirmation no indicator is created: the series
// without one are counted and left out.
func TestZonderBevestigingGeenNieuweIndicatoren(t *testing.T) {
	s := registertest.Open(t, "", store.Options{}, nil)
	srv := odatatest.Start(t, nil)
	res, err := client(srv.URL).Ophalen(context.Background(), s, cbs.Opties{}, dag, nil)
	if err != nil {
		t.Fatal(err)
	}
	tellingen, err := cbs.Bijwerken(context.Background(), s, res, false, true)
	if err != nil {
		t.Fatal(err)
	}
	if k := tellingVan(t, tellingen, "85099NED"); k.ZonderIndicator != 6 || k.Nieuw != 4 || len(k.NieuweIndicatoren) != 0 {
		t.Fatalf("%+v", k)
	}
	if _, err := s.IndicatorByCode("cbs-jeugdbescherming"); err == nil {
		t.Fatal("indicator created without confirmation")
	}
}

// A broken answer, one too large, an error code or a link elsewhere fail the
// run with a Dutch message naming the table, and nothing is stored.
func TestAntwoordGeweigerd(t *testing.T) {
	for _, tc := range []struct {
		naam  string
		extra func(w http.ResponseWriter, r *http.Request) bool
		want  string
	}{
		{"onleesbaar", func(w http.ResponseWriter, r *http.Request) bool {
			if strings.HasSuffix(r.URL.Path, "/85099NED/DataProperties") {
				w.Write([]byte(`{"value":[{"ID":0,"Type":"Dimension"`))
				return true
			}
			return false
		}, "tabel 85099NED: CBS gaf een onleesbaar antwoord op DataProperties (het antwoord houdt halverwege op); er is niets veranderd"},
		{"zonder value", func(w http.ResponseWriter, r *http.Request) bool {
			if strings.HasSuffix(r.URL.Path, "/85097NED/RegioS") {
				w.Write([]byte(`{"odata.error":{"message":{"value":"x"}}}`))
				return true
			}
			return false
		}, "tabel 85097NED: CBS gaf een onleesbaar antwoord op RegioS (de lijst \"value\" ontbreekt)"},
		{"verkeerde vorm", func(w http.ResponseWriter, r *http.Request) bool {
			if strings.HasSuffix(r.URL.Path, "/85099NED/TypedDataSet") {
				w.Write([]byte(`{"value":[{"RegioS":12,"Perioden":"2022JJ00","VormenVanJeugdzorg":"A043010"}]}`))
				return true
			}
			return false
		}, "tabel 85099NED: rij 1, RegioS: geen tekst"},
		{"eindeloos", func(w http.ResponseWriter, r *http.Request) bool {
			if strings.HasSuffix(r.URL.Path, "/85098NED/DataProperties") {
				chunk := []byte(strings.Repeat(" ", 1<<16))
				for i := 0; i < 1<<14; i++ { // 1 GB, unless the client stops reading
					if _, err := w.Write(chunk); err != nil {
						return true
					}
				}
				return true
			}
			return false
		}, "tabel 85098NED: het antwoord van CBS op DataProperties is groter dan 16 MB en is niet gelezen"},
		{"foutcode", func(w http.ResponseWriter, r *http.Request) bool {
			if strings.HasSuffix(r.URL.Path, "/85098NED/TypedDataSet") {
				w.WriteHeader(http.StatusInternalServerError)
				return true
			}
			return false
		}, "tabel 85098NED: CBS gaf foutcode 500 (Internal Server Error) op TypedDataSet"},
		{"elders", func(w http.ResponseWriter, r *http.Request) bool {
			if strings.HasSuffix(r.URL.Path, "/84134NED/RegioS") {
				w.Write([]byte(`{"value":[],"odata.nextLink":"https://elders.example/x"}`))
				return true
			}
			return false
		}, "CBS verwijst voor het vervolg van RegioS naar een ander adres"},
	} {
		t.Run(tc.naam, func(t *testing.T) {
			s := registertest.Open(t, "", store.Options{}, nil)
			srv := odatatest.Start(t, tc.extra)
			voor := wijzigingen(t, s)
			res, err := client(srv.URL).Ophalen(context.Background(), s, cbs.Opties{}, dag, nil)
			if err == nil || !strings.Contains(err.Error(), tc.want) || res != nil {
				t.Fatalf("got %v, want %q", err, tc.want)
			}
			if wijzigingen(t, s) != voor {
				t.Fatal("something was stored")
			}
		})
	}
}

// A server that does not answer, one that is gone, and a name that does not
// resolve all say that there is no connection, and nothing changes.
func TestGeenVerbinding(t *testing.T) {
	s := registertest.Open(t, "", store.Options{}, nil)
	hangt := odatatest.Start(t, func(w http.ResponseWriter, r *http.Request) bool {
		<-r.Context().Done()
		return true
	})
	c := client(hangt.URL)
	c.Timeout = 200 * time.Millisecond
	start := time.Now()
	_, err := c.Ophalen(context.Background(), s, cbs.Opties{}, dag, nil)
	if !errors.Is(err, odata.ErrGeenVerbinding) || !strings.Contains(err.Error(), "geen antwoord binnen 0,2 seconden") ||
		!strings.HasPrefix(err.Error(), "Geen verbinding met CBS (127.0.0.1:") || time.Since(start) > 5*time.Second {
		t.Fatalf("hanging server: %v after %v", err, time.Since(start))
	}

	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	weg := "http://" + l.Addr().String()
	l.Close()
	_, err = client(weg).Ophalen(context.Background(), s, cbs.Opties{}, dag, nil)
	if !errors.Is(err, odata.ErrGeenVerbinding) || err.Error() != "Geen verbinding met CBS ("+l.Addr().String()+
		"): de verbinding werd geweigerd. Controleer de internetverbinding; er is niets veranderd." {
		t.Fatalf("stopped server: %v", err)
	}

	_, err = client("http://opendata.cbs.invalid/ODataApi/odata").Ophalen(context.Background(), s, cbs.Opties{}, dag, nil)
	if !errors.Is(err, odata.ErrGeenVerbinding) || !strings.Contains(err.Error(), "Geen verbinding met CBS (opendata.cbs.invalid)") {
		t.Fatalf("unknown name: %v", err)
	}
}

func TestAfbreken(t *testing.T) {
	s := registertest.Open(t, "", store.Options{}, nil)
	ctx, cancel := context.WithCancel(context.Background())
	srv := odatatest.Start(t, func(w http.ResponseWriter, r *http.Request) bool {
		if strings.HasSuffix(r.URL.Path, "/85097NED/DataProperties") {
			cancel()
			<-r.Context().Done()
			return true
		}
		return false
	})
	_, err := client(srv.URL).Ophalen(ctx, s, cbs.Opties{}, dag, nil)
	if !errors.Is(err, odata.ErrAfgebroken) {
		t.Fatalf("%v", err)
	}
}

// The base URL comes from JEUGDMONITOR_CBS_URL, CBS's own without it.
func TestBasisUitOmgeving(t *testing.T) {
	t.Setenv(odata.URLVariabele, "")
	if c := odata.Nieuw(); c.Basis != odata.StandaardURL || c.Host() != "opendata.cbs.nl" {
		t.Fatalf("%+v", c)
	}
	t.Setenv(odata.URLVariabele, "http://127.0.0.1:9/odata")
	if c := odata.Nieuw(); c.Basis != "http://127.0.0.1:9/odata" {
		t.Fatalf("%+v", c)
	}
}

// A table whose answer the store refuses (a negative count; not one row for
// the municipality or Nederland, which would otherwise be a silent nothing)
// fails the update, naming the table and the problem, and stores nothing.
func TestAntwoordVanEenTabelGeweigerd(t *testing.T) {
	for naam, tc := range map[string]struct{ antwoord, want string }{
		"negatief": {`{"value":[{"VormenVanJeugdzorg":"A043010","RegioS":"GM0193","Perioden":"2020JJ00","JongerenMetJeugdzorg_1":-5.0}]}`,
			"tabel 84134NED bevat 1 fout (eerste: rij 2: Jongeren met jeugdzorg (aantal); Vormen van jeugdzorg: JH 1 Totaal jeugdhulp, 2020: waarde: mag niet negatief zijn"},
		"zonder rijen": {`{"value":[]}`,
			"tabel 84134NED bevat 1 fout (eerste: CBS-tabel 84134NED bevat geen rijen voor GM0193 of Nederland (NL01)"},
	} {
		t.Run(naam, func(t *testing.T) {
			s := registertest.Open(t, "", store.Options{}, nil)
			srv := odatatest.Start(t, func(w http.ResponseWriter, r *http.Request) bool {
				if strings.HasSuffix(r.URL.Path, "/84134NED/TypedDataSet") {
					w.Write([]byte(tc.antwoord))
					return true
				}
				return false
			})
			res, err := client(srv.URL).Ophalen(context.Background(), s, cbs.Opties{}, dag, nil)
			if err != nil {
				t.Fatal(err)
			}
			voor := wijzigingen(t, s)
			_, err = cbs.Bijwerken(context.Background(), s, res, true, true)
			if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
				t.Fatalf("%v\nwant it to begin %q", err, tc.want)
			}
			if wijzigingen(t, s) != voor {
				t.Fatal("something was stored")
			}
		})
	}
}

// A redirect to another host (another port is another server) is refused
// before anything is asked there, naming the target; so are a redirect to a
// file and a loop, each in words of its own and never as a lost connection.
// A redirect within the service is followed.
func TestDoorverwijzing(t *testing.T) {
	elders := odatatest.Start(t, nil)
	for _, tc := range []struct {
		naam, doel, want string
	}{
		{"andere host", elders.URL + "/85099NED/DataProperties", "CBS verwijst door naar \"" + elders.URL + "/85099NED/DataProperties\": een ander adres dan de dienst"},
		{"bestand", "file:///etc/passwd", "CBS verwijst door naar \"file:///etc/passwd\": een bestand op deze computer"},
		{"kringloop", "", "(de doorverwijzingen vormen een kringloop); dat wordt niet gevolgd"},
	} {
		t.Run(tc.naam, func(t *testing.T) {
			s := registertest.Open(t, "", store.Options{}, nil)
			srv := odatatest.Start(t, func(w http.ResponseWriter, r *http.Request) bool {
				if strings.HasSuffix(r.URL.Path, "/85099NED/DataProperties") {
					doel := tc.doel
					if doel == "" {
						doel = r.URL.String()
					}
					http.Redirect(w, r, doel, http.StatusFound)
					return true
				}
				return false
			})
			voor := wijzigingen(t, s)
			res, err := client(srv.URL).Ophalen(context.Background(), s, cbs.Opties{}, dag, nil)
			if err == nil || !strings.Contains(err.Error(), tc.want) || errors.Is(err, odata.ErrGeenVerbinding) || res != nil {
				t.Fatalf("got %v, want %q", err, tc.want)
			}
			if n := len(elders.Verzoeken()); n != 0 {
				t.Fatalf("%d requests to the other host", n)
			}
			if wijzigingen(t, s) != voor {
				t.Fatal("something was stored")
			}
		})
	}

	t.Run("zelfde dienst", func(t *testing.T) {
		s := registertest.Open(t, "", store.Options{}, nil)
		srv := odatatest.Start(t, func(w http.ResponseWriter, r *http.Request) bool {
			if strings.HasSuffix(r.URL.Path, "/85099NED/DataProperties") && r.URL.Query().Get("x") == "" {
				http.Redirect(w, r, r.URL.String()+"&x=1", http.StatusMovedPermanently)
				return true
			}
			return false
		})
		res, err := client(srv.URL).Ophalen(context.Background(), s, cbs.Opties{}, dag, nil)
		if err != nil || len(res) != 4 {
			t.Fatalf("%d results, %v", len(res), err)
		}
	})
}

// A run has limits of its own beyond those of one answer: the bytes of all
// answers together, the rows of all lists and one deadline. A list whose
// pages link to themselves hits the first two, a server that drips its
// answers the third; each names its limit, and nothing is stored.
func TestGrenzenVanEenRun(t *testing.T) {
	zelf := func(srv **odatatest.Server, pagina string) func(w http.ResponseWriter, r *http.Request) bool {
		return func(w http.ResponseWriter, r *http.Request) bool {
			if strings.HasSuffix(r.URL.Path, "/85099NED/TypedDataSet") {
				w.Write([]byte(`{"value":[` + pagina + `],"odata.nextLink":"` + (*srv).URL + r.URL.Path + `?$skip=` + r.URL.Query().Get("$skip") + `1"}`))
				return true
			}
			return false
		}
	}
	rij := `{"VormenVanJeugdzorg":"A043010","RegioS":"XX99","Perioden":"2022JJ00","JongerenMetJeugdzorg_1":1.0}`
	for _, tc := range []struct {
		naam, pagina, want string
		zet                func(c *odata.Client)
	}{
		{"bytes", rij + strings.Repeat(" ", 1<<20), "Bijwerken vanuit CBS gestopt: de antwoorden van CBS zijn samen groter dan 8 MB, de grens voor één keer bijwerken; er is niets veranderd",
			func(c *odata.Client) { c.MaxTotaal = 8 << 20 }},
		{"rijen", strings.TrimSuffix(strings.Repeat(rij+",", 100), ","), "Bijwerken vanuit CBS gestopt: CBS gaf meer dan 1.000 rijen, de grens voor één keer bijwerken; er is niets veranderd",
			func(c *odata.Client) { c.MaxRijen = 1000 }},
	} {
		t.Run(tc.naam, func(t *testing.T) {
			s := registertest.Open(t, "", store.Options{}, nil)
			var srv *odatatest.Server
			srv = odatatest.Start(t, zelf(&srv, tc.pagina))
			c := client(srv.URL)
			tc.zet(c)
			voor := wijzigingen(t, s)
			res, err := c.Ophalen(context.Background(), s, cbs.Opties{}, dag, nil)
			if err == nil || err.Error() != tc.want || res != nil {
				t.Fatalf("got %v, want %q", err, tc.want)
			}
			if n := len(srv.Verzoeken()); n > 100 {
				t.Fatalf("%d requests", n)
			}
			if wijzigingen(t, s) != voor {
				t.Fatal("something was stored")
			}
		})
	}

	t.Run("tijd", func(t *testing.T) {
		s := registertest.Open(t, "", store.Options{}, nil)
		srv := odatatest.Start(t, func(w http.ResponseWriter, r *http.Request) bool {
			if strings.HasSuffix(r.URL.Path, "/85099NED/TypedDataSet") {
				w.Write([]byte(`{"value":[`))
				w.(http.Flusher).Flush()
				select { // drips, each request well within its own timeout
				case <-r.Context().Done():
				case <-time.After(5 * time.Second):
				}
				return true
			}
			return false
		})
		c := client(srv.URL)
		c.Duur = 300 * time.Millisecond
		start := time.Now()
		res, err := c.Ophalen(context.Background(), s, cbs.Opties{}, dag, nil)
		want := "Bijwerken vanuit CBS gestopt: het ophalen duurt langer dan 0,3 seconden, de grens voor één keer bijwerken; er is niets veranderd"
		if err == nil || err.Error() != want || res != nil || time.Since(start) > 4*time.Second {
			t.Fatalf("got %v after %v, want %q", err, time.Since(start), want)
		}
	})
}

// A value too large or too small to keep (1e308, 1e-300, 400 digits) is
// refused as out of range, the value shortened in the message.
func TestWaardeBuitenBereik(t *testing.T) {
	for getal, want := range map[string]string{
		"1e308":                        "tabel 85099NED: rij 1, JongerenMetJeugdzorg_1: 1e+308 ligt buiten het bereik dat het programma opslaat (hoogstens 15 cijfers); er is niets veranderd",
		"1e-300":                       "tabel 85099NED: rij 1, JongerenMetJeugdzorg_1: 1e-300 ligt buiten het bereik dat het programma opslaat (hoogstens 15 cijfers); er is niets veranderd",
		"1" + strings.Repeat("0", 400): "tabel 85099NED: rij 1, JongerenMetJeugdzorg_1: 100000000000… (401 tekens) ligt buiten het bereik dat het programma opslaat; er is niets veranderd",
	} {
		s := registertest.Open(t, "", store.Options{}, nil)
		srv := odatatest.Start(t, func(w http.ResponseWriter, r *http.Request) bool {
			if strings.HasSuffix(r.URL.Path, "/85099NED/TypedDataSet") {
				w.Write([]byte(`{"value":[{"VormenVanJeugdzorg":"A043010","RegioS":"GM0193","Perioden":"2022JJ00","JongerenMetJeugdzorg_1":` + getal + `}]}`))
				return true
			}
			return false
		})
		res, err := client(srv.URL).Ophalen(context.Background(), s, cbs.Opties{}, dag, nil)
		if err == nil || err.Error() != want || res != nil {
			t.Errorf("%.20s: got %v\nwant %s", getal, err, want)
		}
	}
}
