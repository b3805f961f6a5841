package ui

import (
	"context"
	"errors"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/store"
	"jeugdmonitor/data/team"
)

// onSync synchronises the open database with the team database it
// remembers, off the UI goroutine, behind a dialog with a progress bar
// and a button that stops it safely; the password is asked for when the
// server wants one. New conflicts open the Conflicten view.
func (m *Main) onSync() {
	if m.store == nil {
		return
	}
	if m.syncBusy {
		// a second press while the first connects: its result would
		// replace the first's in the status line
		m.setStatus(lang.L("Er wordt al gesynchroniseerd; wacht tot dat klaar is"))
		return
	}
	m.syncBusy = true
	done := func() { m.syncBusy = false }
	s := m.store
	var dsn string
	var ok bool
	m.background(func() (err error) {
		dsn, ok, err = team.SavedServer(s)
		return err
	}, func(err error) {
		switch {
		case err != nil:
			done()
			m.showError(err)
		case !ok:
			done()
			m.setStatus("")
			dialog.ShowInformation(lang.L("Synchroniseren"), lang.L("Deze database hoort niet bij een team. "+
				"In Instellingen > Teamdatabase vult u het adres van de teamdatabase in; een team begint daar met Teamdatabase inrichten "+
				"(vanuit de database met het register), een collega sluit zich aan met Aansluiten bij een team (zie ook Help)."), m.win)
		default:
			m.connectTeam(dsn, "", false, func(srv *team.Server) { m.syncWith(s, srv, done) }, func(err error) {
				done()
				if !errors.Is(err, errNoPassword) { // the status line says so
					m.showSyncFailed(err)
				}
			})
		}
	})
}

// showSyncFailed says why synchronising did not happen or stopped, and
// that nothing of the laptop's is lost: a server out of reach is the
// usual case on the road, not an error of the user's.
func (m *Main) showSyncFailed(err error) {
	fyne.LogError("Jeugdmonitor", err)
	text := widget.NewLabel(fullSentence(err.Error()) + " " +
		lang.L("Wat u op deze laptop invoerde, blijft hier en gaat mee met de volgende synchronisatie."))
	text.Wrapping = fyne.TextWrapWord
	showWrapped(dialog.NewCustom(lang.L("Synchroniseren lukt nu niet"), lang.L("Sluiten"), text, m.win), 520)
}

// syncProgress is the dialog a synchronisation runs behind.
type syncProgress struct {
	cancel context.CancelFunc
	dialog *dialog.CustomDialog
	step   *widget.Label
	bar    *widget.ProgressBar
	stop   *widget.Button
}

// show updates the dialog with how far the synchronisation is.
func (p *syncProgress) show(v team.Voortgang) {
	if !p.stop.Disabled() { // after Afbreken the label says so
		p.step.SetText(sentence(v.String()))
	}
	switch {
	case v.TeVerwerken > 0:
		p.bar.SetValue(min(1, float64(v.Verwerkt)/float64(v.TeVerwerken)))
	case v.TeVerzenden > 0:
		p.bar.SetValue(float64(v.Verzonden) / float64(v.TeVerzenden))
	default:
		p.bar.SetValue(0)
	}
}

// showProgress shows the dialog that work with the team database runs
// behind, titled title, first saying step; Afbreken says stopping and
// calls cancel. Closing the program cancels it too.
func (m *Main) showProgress(title, step, stopping string, cancel context.CancelFunc) *syncProgress {
	p := &syncProgress{cancel: cancel, step: widget.NewLabel(step), bar: widget.NewProgressBar()}
	p.stop = widget.NewButton(lang.L("Afbreken"), func() {
		p.stop.Disable()
		p.step.SetText(stopping)
		cancel()
	})
	p.dialog = dialog.NewCustomWithoutButtons(title, container.NewVBox(p.step, p.bar, container.NewCenter(p.stop)), m.win)
	p.dialog.Show()
	p.dialog.Resize(fyne.NewSize(480, p.dialog.MinSize().Height))
	m.syncing = p
	m.setStatus(step)
	return p
}

// syncWith synchronises s with the team database srv (and closes it), and
// calls done when it has ended.
func (m *Main) syncWith(s *store.Store, srv *team.Server, done func()) {
	ctx, cancel := context.WithCancel(context.Background())
	p := m.showProgress(lang.L("Synchroniseren met het team"), lang.L("Synchroniseren met het team…"),
		lang.L("Afbreken… (wat al binnen is blijft)"), cancel)
	var res team.Resultaat
	m.background(func() (err error) {
		defer srv.Close()
		res, err = team.Sync(ctx, s, srv, func(v team.Voortgang) { m.do(func() { p.show(v) }) })
		return err
	}, func(err error) {
		cancel()
		done()
		p.dialog.Hide()
		switch {
		case errors.Is(err, team.ErrAfgebroken):
			m.setStatus(lang.L("Synchroniseren afgebroken; wat al binnen was blijft, de volgende keer gaat het verder"))
			m.reload()
		case err != nil:
			m.setStatus(failure(lang.L("Synchroniseren mislukt"), err))
			m.showSyncFailed(err)
		default:
			m.setStatus(res.Tekst())
			m.reload()
			if res.Conflicten > 0 {
				m.showConflicts()
			}
		}
	})
}

// connectTeam connects to the team database at dsn off the UI goroutine
// and hands the connection to then, or the reason it failed to failed.
// When the server wants a password (or refuses the one given) the window
// asks for it, with the choice to remember it on this computer, and tries
// again.
func (m *Main) connectTeam(dsn, password string, remember bool, then func(*team.Server), failed func(error)) {
	var srv *team.Server
	var place string
	m.setStatus(lang.L("Verbinden met de teamdatabase…"))
	m.background(func() (err error) {
		if srv, err = team.ConnectWithPassword(dsn, password); err != nil || !remember {
			return err
		}
		if place, err = team.RememberPassword(dsn, password); err != nil {
			srv.Close()
		}
		return err
	}, func(err error) {
		switch {
		case errors.Is(err, team.ErrPassword):
			m.setStatus("")
			m.askPassword(err, func(password string, remember bool) {
				if password == "" {
					m.setStatus(lang.L("Geen verbinding met de teamdatabase: geen wachtwoord opgegeven"))
					failed(errNoPassword)
					return
				}
				m.connectTeam(dsn, password, remember, then, failed)
			})
		case err != nil:
			m.setStatus(failure(lang.L("Geen verbinding met de teamdatabase"), err))
			failed(err)
		default:
			m.setStatus("")
			if remember {
				m.setStatus(lang.L("Wachtwoord onthouden in {{.Plaats}}", map[string]any{"Plaats": place}))
				if sc, ok := m.screenIfBuilt(pageInstellingen).(*instellingenScreen); ok {
					sc.team.checkRemembered() // Onthouden wachtwoord wissen can be chosen now
				}
			}
			then(srv)
		}
	})
}

// passwordPrompt asks for the team database's password.
type passwordPrompt struct {
	dialog   *dialog.CustomDialog
	entry    *entry
	remember *keyCheck
	// answered is set once the user connected or cancelled.
	answered bool
}

// errNoPassword is what connecting ends with when the user gives no
// password when asked.
var errNoPassword = errors.New("geen wachtwoord opgegeven; er is geen verbinding gemaakt")

// askPassword asks for the password the server wants (why says what the
// server answered) and calls then with it and whether to remember it, or
// with no password when the user gives none. Escape cancels wherever the
// focus is in the dialog: its field, check box and buttons pass it on.
func (m *Main) askPassword(why error, then func(password string, remember bool)) *passwordPrompt {
	p := &passwordPrompt{entry: newPasswordEntry(), remember: newKeyCheck(lang.L("Onthouden op deze computer"))}
	reason := widget.NewLabel(fullSentence(why.Error()))
	reason.Wrapping = fyne.TextWrapWord
	note := lowLabel(lang.L("Onthouden bewaart het wachtwoord in Windows Referentiebeheer, de sleutelbos van het bureaublad of een bestand dat alleen u kunt lezen; nooit in de database."))
	form := widget.NewForm(widget.NewFormItem(lang.L("Wachtwoord"), p.entry))
	answer := func(connect bool) {
		if p.answered {
			return
		}
		p.answered = true
		p.dialog.Hide()
		if !connect {
			p.entry.SetText("")
		}
		then(p.entry.Text, p.remember.Checked)
	}
	cancel := newKeyButton(lang.L("Annuleren"), theme.CancelIcon(), func() { answer(false) })
	connect := newKeyButton(lang.L("Verbinden"), theme.ConfirmIcon(), func() { answer(true) })
	connect.Importance = widget.HighImportance
	p.dialog = dialog.NewCustomWithoutButtons(lang.L("Wachtwoord voor de teamdatabase"),
		container.NewVBox(reason, form, p.remember, note), m.win)
	p.dialog.SetButtons([]fyne.CanvasObject{cancel, connect})
	p.entry.OnSubmitted = func(string) { answer(true) }
	p.remember.OnSubmitted = func() { answer(true) }
	showWrapped(p.dialog, 520)
	m.win.Canvas().Focus(p.entry)
	return p
}

// conflictsView lists the open conflicts, each with both values and a
// button per value to keep it, and on request the settled ones too, each
// with the choice made, who made it and when.
type conflictsView struct {
	m    *Main
	list *fyne.Container
	// all shows the settled conflicts too (Ook afgehandelde tonen)
	all *keyCheck
	// buttons are the keep buttons by conflict number, then the restore
	// button where there is one (tests tap them)
	buttons map[uint][]*widget.Button
	// settled says, by conflict number, how a settled conflict was settled
	settled map[uint]*widget.Label
}

// showConflicts opens the Conflicten view on the open database.
func (m *Main) showConflicts() *conflictsView {
	if m.store == nil {
		return nil
	}
	v := &conflictsView{m: m, list: container.NewVBox(), all: newKeyCheck(lang.L("Ook afgehandelde tonen"))}
	v.all.OnChanged = func(bool) { v.refresh() }
	d := dialog.NewCustom(lang.L("Conflicten"), lang.L("Sluiten"),
		container.NewBorder(v.all, nil, nil, nil, container.NewVScroll(v.list)), m.win)
	v.refresh()
	d.Show()
	d.Resize(fyne.NewSize(900, 500))
	return v
}

// refresh reads the open conflicts (with Ook afgehandelde tonen: all)
// again and shows them, the open ones first.
func (v *conflictsView) refresh() {
	var list []team.Conflict
	all := v.all.Checked
	v.m.background(func() (err error) {
		if all {
			list, err = team.AlleConflicten(v.m.store)
		} else {
			list, err = team.OpenConflicten(v.m.store)
		}
		return err
	}, func(err error) {
		if err != nil {
			v.m.showError(err)
			return
		}
		v.buttons = map[uint][]*widget.Button{}
		v.settled = map[uint]*widget.Label{}
		v.list.RemoveAll()
		switch {
		case len(list) == 0 && all:
			v.list.Add(widget.NewLabel(lang.L("Geen conflicten.")))
		case !slices.ContainsFunc(list, isOpen):
			v.list.Add(widget.NewLabel(lang.L("Geen open conflicten.")))
		}
		for _, c := range list {
			if isOpen(c) {
				v.addOpen(c)
			}
		}
		for _, c := range list {
			if !isOpen(c) {
				v.addSettled(c)
			}
		}
		v.list.Refresh()
	})
}

// addOpen shows an open conflict: both values, and a button per value to
// keep it (and one to restore a removed record where that can be chosen).
func (v *conflictsView) addOpen(c team.Conflict) {
	text := widget.NewLabel(c.Omschrijving())
	text.Wrapping = fyne.TextWrapWord
	if c.MeeVerwijderd() {
		// it cannot be kept by itself: it went with the record it referred to
		keep := widget.NewButton(lang.L("Verwijderd laten"), func() { v.keep(c.ID, team.KeuzeTweede) })
		v.buttons[c.ID] = []*widget.Button{keep}
		hint := widget.NewLabel(lang.L("Kan niet alleen terugkomen; de waarden staan hierboven, om zo nodig opnieuw in te voeren."))
		hint.TextStyle.Italic = true
		v.addRow(text, keep, hint)
		return
	}
	first := widget.NewButton(keepLabel(c, c.Eerste, lang.L("Eerste houden")), func() { v.keep(c.ID, team.KeuzeEerste) })
	second := widget.NewButton(keepLabel(c, c.Tweede, lang.L("Tweede houden")), func() { v.keep(c.ID, team.KeuzeTweede) })
	v.buttons[c.ID] = []*widget.Button{first, second}
	under := []fyne.CanvasObject{first, second}
	if c.KanTerugzetten() {
		restore := widget.NewButton(lang.L("Verwijderde terugzetten"), func() { v.keep(c.ID, team.KeuzeTerugzetten) })
		v.buttons[c.ID] = append(v.buttons[c.ID], restore)
		under = append(under, restore)
	}
	v.addRow(text, under...)
}

// addRow adds a conflict to the list: its description over the whole
// width, under it the buttons (or the choice made), then a line. Beside
// the buttons, which name both values, the description was squeezed into a
// narrow column of many lines.
func (v *conflictsView) addRow(text *widget.Label, under ...fyne.CanvasObject) {
	v.list.Add(container.NewVBox(text, container.NewHBox(under...), widget.NewSeparator()))
}

// isOpen reports whether a conflict still waits for a choice.
func isOpen(c team.Conflict) bool { return c.OpgelostDoor == "" }

// addSettled shows a settled conflict: both values, and in place of the
// buttons the choice made, by whom and when; it cannot be chosen again.
func (v *conflictsView) addSettled(c team.Conflict) {
	kept := c
	kept.OpgelostDoor = "" // the choice is said beside it, in words
	text := widget.NewLabel(kept.Omschrijving())
	text.Wrapping = fyne.TextWrapWord
	by := lang.L("Afgehandeld door {{.Wie}}:", map[string]any{"Wie": c.OpgelostDoor})
	if c.OpgelostOp != nil {
		by = lang.L("Afgehandeld door {{.Wie}} op {{.Wanneer}}:", map[string]any{"Wie": c.OpgelostDoor, "Wanneer": store.FormatDatumTijd(*c.OpgelostOp)})
	}
	choice := widget.NewLabel(by + "\n" + choiceText(c))
	v.settled[c.ID] = choice
	v.addRow(text, choice)
}

// choiceText says in words which side of a settled conflict was kept.
func choiceText(c team.Conflict) string {
	kind, _, _ := strings.Cut(c.Keuze, ":")
	switch kind {
	case team.KeuzeEerste:
		return lang.L("eerste gehouden:") + " " + sideValue(c.Eerste)
	case team.KeuzeTweede:
		if c.MeeVerwijderd() {
			return lang.L("verwijderd gelaten")
		}
		return lang.L("tweede gehouden:") + " " + sideValue(c.Tweede)
	case team.KeuzeTerugzetten:
		return lang.L("verwijderde teruggezet")
	}
	return team.Toonbaar(c.Keuze, 40)
}

// sideValue is the value a side of a conflict gave the field, shortened
// and quoted, or that it removed the record ("" as a value says nothing).
func sideValue(w team.Wijziging) string {
	if w.Actie == domain.ActieVerwijderd {
		return lang.L("verwijderd")
	}
	return "“" + team.Toonbaar(w.NieuweWaarde, 24) + "”"
}

// keepLabel is the text of the button that keeps the value of w: what it
// does, the value (shortened) and, for the value the field has here now,
// that it holds.
func keepLabel(c team.Conflict, w team.Wijziging, keep string) string {
	label := keep + ": " + sideValue(w)
	if c.Geldt(w) {
		label += " " + lang.L("(geldt nu)")
	}
	return label
}

// keep resolves a conflict by keeping one value, or restoring a removed
// record. Its buttons go grey at once: the list is read again only after
// the choice, and a second click on them (an impatient double click on a
// slow laptop) chose a conflict that was no longer open.
func (v *conflictsView) keep(id uint, keuze string) {
	for _, b := range v.buttons[id] {
		b.Disable()
	}
	v.m.background(func() error { return team.Resolve(v.m.store, id, keuze) }, func(err error) {
		switch {
		case errors.Is(err, team.ErrConflictNotFound):
			// its message names the command line; in the window the list says it
			v.m.setStatus(lang.L("Dit conflict was al afgehandeld"))
			v.refresh()
			return
		case err != nil:
			for _, b := range v.buttons[id] {
				b.Enable()
			}
			v.m.showError(err)
			return
		}
		v.m.setStatus(lang.L("Conflict opgelost; synchroniseer om het team dit te laten weten"))
		v.m.reload()
		v.refresh()
	})
}

// failure is a line for the status line saying what failed and why, in
// the words of the data layer or the server: the status line keeps it
// after the dialog that said it is closed (Hele melding… shows it whole).
func failure(what string, err error) string { return what + ": " + err.Error() }

// sentence starts a message from the data layer with a capital letter, as
// a sentence on the screen does.
func sentence(msg string) string {
	if msg == "" {
		return msg
	}
	r, size := utf8.DecodeRuneInString(msg)
	return string(unicode.ToUpper(r)) + msg[size:]
}

// fullSentence is sentence(msg) ending in a full stop, as a message from
// the data layer does not.
func fullSentence(msg string) string {
	msg = sentence(msg)
	if msg == "" || strings.ContainsAny(msg[len(msg)-1:], ".?!") || strings.HasSuffix(msg, "…") {
		return msg
	}
	return msg + "."
}
