package ui

import (
	"context"
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"jeugdmonitor/data/team"
	"jeugdmonitor/ui/bestandskeuze"
)

// errServerHasTeam refuses to set up a team database that already holds a
// team register.
var errServerHasTeam = errors.New("op deze server staat al een teamregister; inrichten kan alleen in een lege database. " +
	"Sluit u bij dat team aan met Aansluiten bij een team: deze laptop krijgt dan een nieuwe database met het register van het team")

// errAlreadyInTeam refuses to set up a team database from a database that
// already belongs to a team.
var errAlreadyInTeam = errors.New("deze database hoort al bij een team; een teamdatabase inrichten kan alleen vanuit een database die nog niet bij een team hoort")

// errNoTeamRegister refuses to join a server without a team register.
var errNoTeamRegister = errors.New("op deze server staat nog geen teamregister. Eén medewerker richt het eerst in, vanuit zijn eigen database, " +
	"met Teamdatabase inrichten; daarna kunnen de anderen zich aansluiten")

// confirmTeamStep asks, under title, whether to go on with what question
// says, with ok as the confirming button's label.
func (t *teamSettings) confirmTeamStep(title, question, ok string, then func()) {
	d := dialog.NewCustomConfirm(title, ok, lang.L("Annuleren"), wrapLabel(question), func(yes bool) {
		if yes {
			then()
		}
	}, t.m.win)
	showWrapped(d, 620)
}

// tell shows msg in a dialog titled title, with OK: the outcome of a step
// the user waits for, which under the buttons could sit below the part of
// the page in view.
func (t *teamSettings) tell(title, msg string) {
	showWrapped(dialog.NewCustom(title, lang.L("OK"), wrapLabel(fullSentence(msg)), t.m.win), 560)
}

// showWrapped shows d width wide and as high as its wrapping text then
// needs (known only after the first resize).
func showWrapped(d dialog.Dialog, width float32) {
	d.Show()
	d.Resize(fyne.NewSize(width, d.MinSize().Height))
	d.Resize(fyne.NewSize(width, d.MinSize().Height))
}

// failed shows why a step with the team database went wrong: in a dialog
// titled status, under the buttons and in the status line. A password the
// user did not give is said in the status line only.
func (t *teamSettings) failed(status string, err error) {
	t.show(err.Error(), true)
	if errors.Is(err, errNoPassword) {
		return
	}
	t.m.setStatus(failure(status, err))
	t.tell(status, err.Error())
}

// onInit sets up an empty team database at the typed address with the whole
// register of the open database, after saying what happens. The address is
// then kept with the database, which belongs to the team from then on.
func (t *teamSettings) onInit() {
	s := t.m.store
	address, password, ok := t.typed()
	if !ok || s == nil {
		return
	}
	if t.inTeam {
		t.show(errAlreadyInTeam.Error(), true)
		return
	}
	question := lang.L("Het hele register van deze database ({{.Pad}}) gaat naar de teamdatabase {{.Adres}}: het ingebouwde register "+
		"en alles wat erin is ingevoerd, als de eerste wijzigingen van het team. Het adres wordt (zonder wachtwoord) bij deze "+
		"database bewaard; deze database hoort daarna bij het team en synchroniseert met Bestand > Synchroniseren met het team. "+
		"Collega's sluiten zich aan met Aansluiten bij een team. Presentaties, importkoppelingen en instellingen blijven op deze laptop.",
		map[string]any{"Pad": t.m.storePath(), "Adres": address})
	t.confirmTeamStep(lang.L("Teamdatabase inrichten"), question, lang.L("Inrichten"), func() {
		t.busy(lang.L("Verbinden met de teamdatabase…"))
		t.m.connectTeam(address, password, false, func(srv *team.Server) { t.initWith(srv, address) },
			func(err error) { t.failed(lang.L("Inrichten mislukt"), err) })
	})
}

// initWith sets up the team database srv (and closes it) from the open
// database, behind a dialog that says what happens: team init is one
// transaction, all or nothing, so there is no Afbreken.
func (t *teamSettings) initWith(srv *team.Server, address string) {
	s := t.m.store
	step := lang.L("Het register gaat naar de teamdatabase…")
	bar := widget.NewProgressBarInfinite()
	busy := dialog.NewCustomWithoutButtons(lang.L("Teamdatabase inrichten"), container.NewVBox(widget.NewLabel(step), bar), t.m.win)
	busy.Show()
	busy.Resize(fyne.NewSize(480, busy.MinSize().Height))
	t.m.setStatus(step)
	var res team.Resultaat
	t.m.background(func() error {
		defer srv.Close()
		info, err := srv.Info()
		if err != nil {
			return err
		}
		if info.Teamdatabase {
			return errServerHasTeam
		}
		if res, err = team.Init(s, srv); err != nil {
			if errors.Is(err, team.ErrServerNotEmpty) {
				return errServerHasTeam
			}
			return err
		}
		return team.RememberServer(s, address)
	}, func(err error) {
		bar.Stop()
		busy.Hide()
		if err != nil {
			t.failed(lang.L("Inrichten mislukt"), err)
			t.Refresh()
			return
		}
		msg := fmt.Sprintf(lang.L("Teamdatabase ingericht met %d wijzigingen uit deze database; het adres is bij deze database bewaard."), res.Verzonden)
		t.m.setStatus(msg)
		t.Refresh()
		t.show(msg, false)
		dialog.ShowInformation(lang.L("Teamdatabase ingericht"), msg+" "+
			lang.L("Collega's sluiten zich aan met Instellingen > Teamdatabase > Aansluiten bij een team."), t.m.win)
	})
}

// onJoin makes a new database on this laptop with the team's register,
// after saying that the open database stays as it is: a file chosen in a
// chooser that refuses an existing file, the register fetched into it with
// progress and Afbreken, and then the window works in it.
func (t *teamSettings) onJoin() {
	address, password, ok := t.typed()
	if !ok {
		return
	}
	question := lang.L("Deze laptop krijgt een nieuwe database met het register van het team op {{.Adres}}. U kiest zo waar het "+
		"nieuwe bestand komt; een bestaand bestand wordt nooit overschreven. Daarna werkt het venster in de nieuwe database.",
		map[string]any{"Adres": address})
	if t.m.store != nil {
		question += "\n\n" + lang.L("De database die nu open is ({{.Pad}}) blijft zoals hij is en gaat niet mee naar het team: "+
			"wat u daarin zelf hebt ingevoerd, komt niet in het teamregister. Zijn die gegevens voor het team, voer ze dan na het aansluiten "+
			"in de nieuwe database in. De eigen database opent u weer met Bestand > Database openen.",
			map[string]any{"Pad": t.m.storePath()})
	}
	t.confirmTeamStep(lang.L("Aansluiten bij een team"), question, lang.L("Bestand kiezen…"), func() {
		k := bestandskeuze.Keuze{Titel: lang.L("Nieuwe database voor het team"), Naam: "jeugdmonitor-team.db",
			Map: t.m.storeFolder(), Extensies: dbExtensies, Nieuw: true}
		bestandskeuze.Opslaan(t.m.win, k, func(path string) {
			t.busy(lang.L("Verbinden met de teamdatabase…"))
			t.m.connectTeam(address, password, false, func(srv *team.Server) { t.joinWith(srv, address, path) },
				func(err error) { t.failed(lang.L("Aansluiten mislukt"), err) })
		})
	})
}

// joinWith makes the new database at path with the register of the team
// database srv (and closes it), behind a dialog with progress and
// Afbreken, and then opens it in the window.
func (t *teamSettings) joinWith(srv *team.Server, address, path string) {
	ctx, cancel := context.WithCancel(context.Background())
	p := t.m.showProgress(lang.L("Aansluiten bij een team"), lang.L("Aansluiten bij het team…"),
		lang.L("Afbreken… (de nieuwe database wordt weer verwijderd)"), cancel)
	var res team.Resultaat
	t.m.background(func() (err error) {
		defer srv.Close()
		path, res, err = team.JoinNew(ctx, path, address, srv, func(v team.Voortgang) { t.m.do(func() { p.show(v) }) })
		if errors.Is(err, team.ErrNoTeam) {
			return errNoTeamRegister
		}
		return err
	}, func(err error) {
		cancel()
		p.dialog.Hide()
		switch {
		case errors.Is(err, team.ErrAfgebroken):
			msg := lang.L("Aansluiten afgebroken; er is geen nieuwe database gemaakt.")
			t.m.setStatus(msg)
			t.show(msg, true)
		case err != nil:
			t.failed(lang.L("Aansluiten mislukt"), err)
		default:
			msg := lang.L("Aangesloten bij het team: {{.Pad}} heeft het register van het team ({{.N}} wijzigingen ontvangen). "+
				"Het venster werkt nu in deze database; synchroniseren doet u met Bestand > Synchroniseren met het team.",
				map[string]any{"Pad": t.m.showPath(path), "N": res.Ontvangen})
			dialog.ShowInformation(lang.L("Aangesloten bij het team"), msg, t.m.win)
			t.m.openDatabase(path, false)
		}
	})
}
