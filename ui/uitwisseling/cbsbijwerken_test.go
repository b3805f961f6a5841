package uitwisseling

import (
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"jeugdmonitor/data/cbs/odata"
	"jeugdmonitor/data/cbs/odata/odatatest"
	"jeugdmonitor/data/store"
)

func cbsDialog(t *testing.T, s *store.Store, url string, done *int) *CBSDialog {
	t.Helper()
	t.Setenv(odata.URLVariabele, url)
	d := NewCBSDialog(s, test.NewWindow(nil), func() { *done++ })
	d.sync = true
	d.nu = func() time.Time { return time.Date(2026, 11, 29, 14, 0, 0, 0, time.Local) }
	w := test.NewWindow(d.Content())
	t.Cleanup(w.Close)
	w.Resize(fyne.NewSize(820, 620))
	return d
}

// Bijwerken vanuit CBS against a local server replaying CBS's answers:
// every table's bar full, per table what would change, nothing stored before
// Opslaan, new indicators only when ticked, and a second run changes nothing.
func TestCBSDialog(t *testing.T) {
	test.NewTempApp(t)
	s := openRegister(t, t.TempDir())
	srv := odatatest.Start(t, nil)
	done := 0
	d := cbsDialog(t, s, srv.URL, &done)
	d.Ophalen()
	for id, bar := range d.balken {
		if bar.Value != 1 {
			t.Errorf("%s: bar at %v", id, bar.Value)
		}
	}
	if !strings.Contains(d.samenvatting.Text, "85099NED · Jeugdzorg; kerncijfers, regio (vanaf 2021): 12 nieuw, 0 gewijzigd, 0 ongewijzigd, 6 nieuwe indicatoren") ||
		!strings.Contains(d.samenvatting.Text, "• cbs-jeugdbescherming (") || !d.nieuwe.Visible() || d.nieuwe.Checked || d.opslaanKnop.Disabled() {
		t.Fatalf("preview: %q, tick %v/%v, save disabled %v (%q)", d.samenvatting.Text, d.nieuwe.Visible(), d.nieuwe.Checked, d.opslaanKnop.Disabled(), d.status.Text)
	}
	ind, err := s.IndicatorByCode("jeugdhulp-jeugdigen")
	if err != nil {
		t.Fatal(err)
	}
	if ms, _ := s.Metingen(ind.ID); len(ms) != 0 {
		t.Fatalf("stored before Opslaan: %+v", ms)
	}
	test.Tap(d.opslaanKnop)
	if !strings.Contains(d.samenvatting.Text, "85099NED · Jeugdzorg; kerncijfers, regio (vanaf 2021): 4 nieuw, 0 gewijzigd, 0 ongewijzigd, 6 reeksen zonder indicator overgeslagen") ||
		!strings.HasPrefix(d.status.Text, "Opgeslagen, met de wijzigingen in het logboek. Reservekopie vooraf: ") ||
		!strings.HasSuffix(d.status.Text, "voor-import.db") || done != 1 {
		t.Fatalf("after Opslaan: %q %q %d", d.samenvatting.Text, d.status.Text, done)
	}
	if _, err := s.IndicatorByCode("cbs-jeugdbescherming"); err == nil {
		t.Fatal("indicator created without the tick")
	}

	d.Ophalen()
	test.Tap(d.nieuwe)
	test.Tap(d.opslaanKnop)
	if _, err := s.IndicatorByCode("cbs-jeugdbescherming"); err != nil || !strings.Contains(d.samenvatting.Text, "8 nieuw, 0 gewijzigd, 4 ongewijzigd, 6 nieuwe indicatoren") {
		t.Fatalf("with the tick: %v %q", err, d.samenvatting.Text)
	}

	d.Ophalen()
	if d.status.Text != "Alles is al bijgewerkt: er verandert niets." || !d.opslaanKnop.Disabled() || d.nieuwe.Visible() {
		t.Fatalf("third run: %q", d.status.Text)
	}

	// Another municipality: a code that is none is refused before anything
	// is fetched; another code is asked for in the filter.
	d.gemeente.SetText("Amsterdam")
	before := len(srv.Verzoeken())
	d.Ophalen()
	if d.status.Text != "Gemeentecode \"Amsterdam\": schrijf GM en vier cijfers, bijvoorbeeld GM0193 voor Zwolle." || len(srv.Verzoeken()) != before {
		t.Fatalf("bad code: %q", d.status.Text)
	}
	d.gemeente.SetText("gm0363")
	d.Ophalen()
	if got := strings.Join(srv.Verzoeken()[before:], "\n"); !strings.Contains(got, "RegioS+eq+%27GM0363%27") {
		t.Fatalf("GM0363 not asked:\n%s", got)
	}
}

// Without a connection the dialog says so and nothing changes.
func TestCBSDialogOffline(t *testing.T) {
	test.NewTempApp(t)
	s := openRegister(t, t.TempDir())
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	done := 0
	d := cbsDialog(t, s, "http://"+addr+"/ODataApi/odata", &done)
	d.Ophalen()
	if d.status.Text != "Geen verbinding met CBS ("+addr+"): de verbinding werd geweigerd. Controleer de internetverbinding; er is niets veranderd." ||
		!d.opslaanKnop.Disabled() || d.ophaalKnop.Disabled() || done != 0 {
		t.Fatalf("offline: %q", d.status.Text)
	}
	if d.stappen["85099NED"] != "niet opgehaald" {
		t.Fatalf("bar: %q", d.stappen["85099NED"])
	}
}

// A figure CBS corrected is listed in the preview by indicator, period, old
// and new value.
func TestCBSDialogNoemtWijzigingen(t *testing.T) {
	test.NewTempApp(t)
	s := openRegister(t, t.TempDir())
	done := 0
	d := cbsDialog(t, s, odatatest.Start(t, nil).URL, &done)
	d.Ophalen()
	test.Tap(d.opslaanKnop)
	anders := odatatest.Start(t, func(w http.ResponseWriter, r *http.Request) bool {
		if strings.HasSuffix(r.URL.Path, "/84134NED/TypedDataSet") {
			w.Write([]byte(`{"value":[{"VormenVanJeugdzorg":"A043010","RegioS":"GM0193","Perioden":"2019JJ00","JongerenMetJeugdzorg_1":5.0}]}`))
			return true
		}
		return false
	})
	d = cbsDialog(t, s, anders.URL, &done)
	d.Ophalen()
	if !strings.Contains(d.samenvatting.Text, "84134NED · Jeugdzorg; kerncijfers, regio (2015-2020): 0 nieuw, 1 gewijzigd, 0 ongewijzigd\n"+
		"   Gewijzigd: Aantal jeugdigen met jeugdhulp, 2019: van 1.000 naar 5 (vergelijking van 200.000 naar geen)") {
		t.Fatalf("preview: %q (%q)", d.samenvatting.Text, d.status.Text)
	}
}

// A refused municipality code also drops the preview fetched before for
// another code: Opslaan cannot store it under the new code's name.
func TestCBSDialogGeweigerdeCodeWistVoorbeeld(t *testing.T) {
	test.NewTempApp(t)
	s := openRegister(t, t.TempDir())
	done := 0
	d := cbsDialog(t, s, odatatest.Start(t, nil).URL, &done)
	d.Ophalen()
	if d.opslaanKnop.Disabled() {
		t.Fatalf("nothing to store: %q", d.status.Text)
	}
	d.gemeente.SetText("NL01")
	d.Ophalen()
	if !strings.HasPrefix(d.status.Text, "Gemeentecode \"NL01\": ") || !d.opslaanKnop.Disabled() || d.samenvatting.Text != "" || d.nieuwe.Visible() || d.results != nil {
		t.Fatalf("after NL01: %q, save enabled %v, summary %q", d.status.Text, !d.opslaanKnop.Disabled(), d.samenvatting.Text)
	}
}
