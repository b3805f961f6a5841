package ui

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"jeugdmonitor/data/team"
)

// The rights Rechten geven offers, as its choice says them.
var (
	rechtSchrijvenTekst = lang.L("Lezen en eigen wijzigingen versturen")
	rechtLezenTekst     = lang.L("Alleen lezen")
)

// onGrant asks which colleague (their user on the server, which IT made)
// gets which right on the team database at the typed address, and gives
// it. Only the owner of the team database can: anyone else is told so.
func (t *teamSettings) onGrant() {
	address, password, ok := t.typed()
	if !ok {
		return
	}
	role := widget.NewEntry()
	role.SetPlaceHolder(lang.L("bijvoorbeeld bram"))
	role.Validator = func(text string) error {
		if strings.TrimSpace(text) == "" {
			return errors.New(lang.L("vul de gebruiker van de collega op de server in"))
		}
		return nil
	}
	right := widget.NewRadioGroup([]string{rechtSchrijvenTekst, rechtLezenTekst}, nil)
	right.SetSelected(rechtSchrijvenTekst)
	right.Required = true
	items := []*widget.FormItem{
		{Text: lang.L("Gebruiker"), Widget: role, HintText: lang.L("de naam waarmee de collega zich bij de server aanmeldt")},
		{Text: lang.L("Recht"), Widget: right},
	}
	d := dialog.NewForm(lang.L("Rechten geven"), lang.L("Rechten geven"), lang.L("Annuleren"), items, func(confirmed bool) {
		if !confirmed {
			return
		}
		t.grant(address, password, strings.TrimSpace(role.Text), right.Selected == rechtLezenTekst)
	}, t.m.win)
	role.OnSubmitted = func(string) { d.Submit() } // Enter, once the name is filled in
	d.Show()
	t.m.win.Canvas().Focus(role)
}

// grant gives the PostgreSQL role the right to read the team register, and
// unless readOnly to add changes, and says how that went.
func (t *teamSettings) grant(address, password, role string, readOnly bool) {
	r, what := team.RechtSchrijven, lang.L("Gebruiker {{.Gebruiker}} mag nu het teamregister lezen en eigen wijzigingen versturen", map[string]any{"Gebruiker": role})
	if readOnly {
		r, what = team.RechtLezen, lang.L("Gebruiker {{.Gebruiker}} mag nu het teamregister lezen, maar geen wijzigingen versturen", map[string]any{"Gebruiker": role})
	}
	t.busy(lang.L("Rechten geven…"))
	t.m.connectTeam(address, password, false, func(srv *team.Server) {
		t.m.background(func() error {
			defer srv.Close()
			return srv.Grant(role, r)
		}, func(err error) {
			if err != nil {
				t.failed(lang.L("Rechten geven mislukt"), err)
				return
			}
			t.m.setStatus(what)
			t.show(what, false)
			t.tell(lang.L("Rechten gegeven"), what)
		})
	}, func(err error) { t.failed(lang.L("Geen verbinding met de teamdatabase"), err) })
}
