package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"jeugdmonitor/data/team"
	"jeugdmonitor/data/team/wachtwoord"
)

// teamSettings shows, sets, tests and removes the address of the open
// database's team database, kept with the database (where 'jeugdmonitor
// team koppel' keeps it) and never with a password; with the address a
// team database is set up from the open database (Teamdatabase inrichten),
// or a new database made with the team's register (Aansluiten bij een team).
type teamSettings struct {
	m *Main

	saved        *widget.Label
	address      *entry
	saveButton   *widget.Button
	testButton   *widget.Button
	removeButton *widget.Button
	forgetButton *widget.Button
	initButton   *widget.Button
	joinButton   *widget.Button
	grantButton  *widget.Button
	// why says, under the buttons, why a team step cannot be chosen.
	why     *widget.Label
	result  *widget.Label
	content fyne.CanvasObject
	// reveal scrolls the page until the object shows (set by the page).
	reveal func(fyne.CanvasObject)

	// current is the saved address ("" when none).
	current string
	// inTeam says that the open database belongs to a team.
	inTeam bool
	// tested is the address Verbinding testen reached last, and whether
	// that server held a team register then.
	tested     string
	testedTeam bool
	// checks counts the look-ups of a remembered password, so the answer
	// for an address typed over since is dropped.
	checks int
}

func newTeamSettings(m *Main) *teamSettings {
	t := &teamSettings{m: m}
	t.saved = widget.NewLabel("")
	t.saved.Wrapping = fyne.TextWrapBreak
	t.address = newEntry("postgres://gebruiker@server:5432/database")
	t.address.OnSubmitted = func(string) { t.onSave() }
	t.address.OnChanged = func(string) {
		t.enableTeamSteps()
		t.checkRemembered()
	}
	t.saveButton = widget.NewButton(lang.L("Adres opslaan"), t.onSave)
	t.testButton = widget.NewButton(lang.L("Verbinding testen"), t.onTest)
	t.removeButton = widget.NewButton(lang.L("Adres verwijderen…"), t.onRemove)
	t.forgetButton = widget.NewButton(lang.L("Onthouden wachtwoord wissen"), t.onForget)
	t.initButton = widget.NewButton(lang.L("Teamdatabase inrichten…"), t.onInit)
	t.joinButton = widget.NewButton(lang.L("Aansluiten bij een team…"), t.onJoin)
	t.grantButton = widget.NewButton(lang.L("Rechten geven…"), t.onGrant)
	t.why = wrapLabel("")
	t.why.Hide()
	t.result = wrapLabel("")
	t.reveal = func(fyne.CanvasObject) {}
	t.content = container.NewVBox(
		t.saved,
		container.NewBorder(nil, nil, nil, t.saveButton, t.address),
		container.NewHBox(t.testButton, t.removeButton, t.forgetButton, t.initButton, t.joinButton),
		t.why,
		t.result,
		lowLabel(lang.L("Teamdatabase inrichten zet het hele register van deze database in een lege teamdatabase (één keer, door één medewerker). "+
			"Aansluiten bij een team maakt op deze laptop een nieuwe database met het register van het team; de database die nu open is, blijft zoals hij is.")),
		container.NewBorder(nil, nil, t.grantButton, nil, lowLabel(lang.L("Een collega die van IT een gebruiker op de server kreeg, "+
			"mag pas lezen of wijzigingen versturen als de eigenaar van de teamdatabase hem dat recht geeft."))),
		lowLabel(lang.L("Het adres wordt zonder wachtwoord bij deze database bewaard. Om het wachtwoord vraagt het programma zelf; onthouden gebeurt in Windows Referentiebeheer, de sleutelbos van het bureaublad of een bestand dat alleen u kunt lezen. Zonder sslmode in het adres is de verbinding versleuteld (TLS) als de server dat aanbiedt.")))
	return t
}

// Refresh shows the address kept with the open database.
func (t *teamSettings) Refresh() {
	s := t.m.store
	if s == nil {
		return
	}
	var dsn string
	var ok, inTeam bool
	t.m.background(func() (err error) {
		if dsn, ok, err = team.SavedServer(s); err != nil {
			return err
		}
		inTeam, err = team.InTeam(s)
		return err
	}, func(err error) {
		if err != nil {
			t.show(err.Error(), true)
			return
		}
		t.current, t.inTeam = "", inTeam
		if ok {
			t.current = dsn
		}
		t.showSaved()
	})
}

// showSaved shows the saved address and enables what can be done with it.
func (t *teamSettings) showSaved() {
	if t.current == "" {
		t.saved.SetText(lang.L("Voor deze database is geen teamdatabase opgeslagen."))
		if t.inTeam {
			t.saved.SetText(lang.L("Deze database hoort bij een team, maar het adres van de teamdatabase is er niet meer bij opgeslagen. " +
				"Vul het adres in en kies Adres opslaan; synchroniseren gaat dan verder waar het was."))
		}
		t.removeButton.Disable()
		t.enableTeamSteps()
		t.checkRemembered()
		return
	}
	t.saved.SetText(lang.L("Opgeslagen adres: {{.Adres}}", map[string]any{"Adres": t.current}))
	t.address.SetText(t.current)
	t.removeButton.Enable()
	t.enableTeamSteps()
	t.checkRemembered()
}

// checkRemembered enables Onthouden wachtwoord wissen when a password is
// remembered on this computer for the address in the field, and disables
// it otherwise; the look-up runs off the UI goroutine (a keyring may be
// slow to answer).
func (t *teamSettings) checkRemembered() {
	address, _ := team.SplitPassword(strings.TrimSpace(t.address.Text))
	t.checks++
	check := t.checks
	var kept bool
	t.m.background(func() (err error) {
		kept, err = passwordRemembered(address)
		return err
	}, func(err error) {
		if check != t.checks {
			return
		}
		if err != nil {
			fyne.LogError("onthouden wachtwoord opzoeken", err)
		}
		setEnabled(t.forgetButton, kept)
	})
}

// passwordRemembered reports whether a password is remembered on this
// computer for the team database at address (none for an address that
// cannot be read).
func passwordRemembered(address string) (bool, error) {
	if address == "" {
		return false, nil
	}
	key, err := team.PasswordKey(address)
	if err != nil {
		return false, nil
	}
	k, err := wachtwoord.Standaard()
	if err != nil {
		return false, err
	}
	_, ok, err := k.Lees(key)
	return ok, err
}

// enableTeamSteps enables Teamdatabase inrichten when an address is typed,
// the open database is not in a team and the last test of that address did
// not find a team register, and Aansluiten bij een team when an address is
// typed, the open database is not in a team (joining would make a second
// database of the same team) and the last test of that address did not
// find the server without a team register; Rechten geven when an address
// is typed. Under the buttons it says why a step cannot be chosen.
func (t *teamSettings) enableTeamSteps() {
	typed := strings.TrimSpace(t.address.Text)
	testedHere := typed != "" && typed == t.tested
	var why string
	switch {
	case t.inTeam:
		why = lang.L("Deze database hoort al bij een team; synchroniseren gaat met Bestand > Synchroniseren met het team. " +
			"Inrichten en aansluiten kan alleen vanuit een database die nog niet bij een team hoort.")
	case typed == "":
		why = lang.L("Vul eerst het adres van de teamdatabase in; daarna kunt u de teamdatabase inrichten of bij het team aansluiten.")
	case testedHere && t.testedTeam:
		why = lang.L("Op deze server staat al een teamregister: sluit u aan met Aansluiten bij een team. Inrichten kan alleen in een lege database.")
	case testedHere:
		why = lang.L("Op deze server staat nog geen teamregister: één medewerker richt het eerst in met Teamdatabase inrichten; daarna sluiten de anderen zich aan.")
	}
	setEnabled(t.initButton, typed != "" && !t.inTeam && !(testedHere && t.testedTeam))
	setEnabled(t.joinButton, typed != "" && !t.inTeam && !(testedHere && !t.testedTeam))
	setEnabled(t.grantButton, typed != "")
	t.why.SetText(why)
	if why == "" {
		t.why.Hide()
	} else {
		t.why.Show()
	}
}

// show puts a message under the buttons, as a problem when bad is set,
// and scrolls the page until it shows.
func (t *teamSettings) show(msg string, bad bool) {
	if bad {
		t.say(msg, widget.DangerImportance)
	} else {
		t.say(msg, widget.SuccessImportance)
	}
}

// busy puts under the buttons what is under way: neither done nor wrong.
func (t *teamSettings) busy(msg string) { t.say(msg, widget.MediumImportance) }

// say puts msg under the buttons as a sentence in the colour of imp, and
// scrolls the page until it shows.
func (t *teamSettings) say(msg string, imp widget.Importance) {
	t.result.Importance = imp
	t.result.SetText(fullSentence(msg))
	t.reveal(t.result)
}

// typed is the address in the entry without a password, and the password
// it held: a password typed into the address is used, never kept there, so
// the entry then shows the address without it. Not ok when the address is
// missing or wrong, which the settings then say.
func (t *teamSettings) typed() (address, password string, ok bool) {
	address, password = team.SplitPassword(strings.TrimSpace(t.address.Text))
	if address == "" {
		t.show(lang.L("Vul het adres van de teamdatabase in, bijvoorbeeld postgres://gebruiker@server:5432/database."), true)
		return "", "", false
	}
	if _, err := team.PasswordKey(address); err != nil {
		t.show(err.Error(), true)
		return "", "", false
	}
	t.address.SetText(address)
	return address, password, true
}

// onSave keeps the typed address (without password) with the database.
func (t *teamSettings) onSave() {
	s := t.m.store
	address, password, ok := t.typed()
	if !ok || s == nil {
		return
	}
	t.m.background(func() error { return team.RememberServer(s, address) }, func(err error) {
		if err != nil {
			t.show(err.Error(), true)
			return
		}
		t.current = address
		t.showSaved()
		msg := lang.L("Adres opgeslagen.")
		if password != "" {
			msg += " " + lang.L("Het wachtwoord uit het adres is niet opgeslagen; het programma vraagt erom bij de verbinding.")
		}
		t.show(msg, false)
	})
}

// onTest connects to the typed address and says, in a dialog and under
// the buttons, the server's version, whether the connection is encrypted
// and whether it holds a team register, or why there is no connection.
// The button waits while it connects (up to the connection's time-out).
func (t *teamSettings) onTest() {
	address, password, ok := t.typed()
	if !ok {
		return
	}
	t.testButton.Disable()
	t.busy(lang.L("Verbinden met de teamdatabase…"))
	failed := func(err error) {
		t.testButton.Enable()
		t.failed(lang.L("Geen verbinding met de teamdatabase"), err)
	}
	t.m.connectTeam(address, password, false, func(srv *team.Server) {
		var info team.Info
		t.m.background(func() (err error) {
			defer srv.Close()
			info, err = srv.Info()
			return err
		}, func(err error) {
			if err != nil {
				failed(err)
				return
			}
			t.testButton.Enable()
			t.tested, t.testedTeam = address, info.Teamdatabase
			t.enableTeamSteps()
			t.show(testOutcome(info), false)
			t.tell(lang.L("Verbinding geslaagd"), testOutcome(info))
		})
	}, failed)
}

// testOutcome says what Verbinding testen found, with the version the
// server gave as it can be shown (without control characters).
func testOutcome(info team.Info) string {
	info.Versie = team.Toonbaar(info.Versie, 80)
	return info.Omschrijving()
}

// onRemove removes the saved address, and the password remembered for it,
// after asking.
func (t *teamSettings) onRemove() {
	s, address := t.m.store, t.current
	if s == nil || address == "" {
		return
	}
	question := wrapLabel(lang.L("Het adres van de teamdatabase bij deze database verwijderen, en een onthouden wachtwoord vergeten? De database blijft bij het team: met het adres opnieuw ingevuld gaat synchroniseren verder waar het was."))
	d := dialog.NewCustomConfirm(lang.L("Adres verwijderen"), lang.L("Verwijderen"), lang.L("Annuleren"), question,
		func(ok bool) {
			if !ok {
				return
			}
			t.m.background(func() error {
				if err := team.ForgetServer(s); err != nil {
					return err
				}
				return team.ForgetPassword(address)
			}, func(err error) {
				if err != nil {
					t.show(err.Error(), true)
					return
				}
				t.current = ""
				t.address.SetText("")
				t.showSaved()
				t.show(lang.L("Adres verwijderd."), false)
			})
		}, t.m.win)
	showWrapped(d, 520)
}

// onForget forgets the password remembered for the address in the field.
func (t *teamSettings) onForget() {
	address, _, ok := t.typed()
	if !ok {
		return
	}
	t.m.background(func() error { return team.ForgetPassword(address) }, func(err error) {
		t.checkRemembered()
		if err != nil {
			t.show(err.Error(), true)
			return
		}
		t.show(lang.L("Het wachtwoord is vergeten; bij de volgende verbinding vraagt het programma erom."), false)
	})
}

// setEnabled enables b when on is set, and disables it otherwise.
func setEnabled(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}
