package ui

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/dutchnum"
	"jeugdmonitor/data/geschiedenis"
	"jeugdmonitor/data/store"
)

// wijzigingenScreen is the history: every change a line, as a sentence
// with names, filterable by intervention, kind of record, user and date;
// the chosen change in full below, and its audit rows as stored one click
// further.
type wijzigingenScreen struct {
	m *Main

	changes []geschiedenis.Wijziging
	// shown is the filter the list was read with; next is where its next
	// page starts (0: the list holds the whole filtered trail).
	shown store.GeschiedenisFilter
	next  uint

	interventie *widget.Select
	soort       *widget.Select
	gebruiker   *widget.Select
	vanaf       *entry
	tot         *entry
	fields      *fieldSet
	count       *widget.Label
	moreButton  *widget.Button
	list        *widget.List
	// interventieIDs and soorten are the records behind the choices of the
	// intervention and kind filters (after their "all" choice).
	interventieIDs []uint
	soorten        []string
	// detail shows the chosen change whole; rawButton shows its audit rows
	// as stored instead, for an auditor. detailBox is hidden until a
	// change is chosen.
	selected  int
	raw       bool
	detail    *widget.Label
	rawButton *widget.Button
	detailBox fyne.CanvasObject
	content   fyne.CanvasObject
}

func newWijzigingenScreen(m *Main) *wijzigingenScreen {
	s := &wijzigingenScreen{m: m, selected: -1}
	s.buildUI()
	return s
}

func (s *wijzigingenScreen) buildUI() {
	s.interventie = widget.NewSelect(nil, func(string) { s.onFilter() })
	s.soort = widget.NewSelect(nil, func(string) { s.onFilter() })
	s.gebruiker = widget.NewSelect(nil, func(string) { s.onFilter() })
	date := func() *entry {
		e := newEntry(lang.L("dd-mm-jjjj"))
		e.OnSubmitted = func(string) { s.onFilter() }
		e.onEscape = s.Cancel
		return e
	}
	s.vanaf, s.tot = date(), date()
	s.fields = newFieldSet()
	s.count = widget.NewLabel("")
	filter := widget.NewButton(lang.L("Filteren (Enter)"), s.onFilter)
	s.fields.add("interventie", lang.L("Interventie"), s.interventie)
	s.fields.add("soort", lang.L("Soort gegeven"), container.NewGridWithColumns(3, s.soort,
		widget.NewLabelWithStyle(lang.L("Gebruiker"), fyne.TextAlignTrailing, fyne.TextStyle{}), s.gebruiker))
	s.fields.add("vanaf", lang.L("Vanaf"), container.NewGridWithColumns(4, s.vanaf, widget.NewLabel(lang.L("tot en met")), s.tot, filter))
	s.moreButton = widget.NewButtonWithIcon(lang.L("Meer laden"), theme.MoreVerticalIcon(), s.onMore)
	s.moreButton.Hide()
	s.fields.add("tot", "", container.NewHBox(s.count, s.moreButton))

	s.list = widget.NewList(func() int { return len(s.changes) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(s.changes[id].Regel()) })
	s.list.OnSelected = func(id widget.ListItemID) { s.showDetail(id) }
	note := lowLabel(lang.L("Alleen-lezen: elke wijziging wordt hier vastgelegd en kan niet worden aangepast. Kies een regel voor de volledige tekst."))
	s.detail = widget.NewLabel("")
	s.detail.Wrapping = fyne.TextWrapWord
	s.detail.Selectable = true
	s.rawButton = widget.NewButtonWithIcon(lang.L("Velden zoals vastgelegd"), theme.ListIcon(), s.onRaw)
	scroll := container.NewVScroll(s.detail)
	scroll.SetMinSize(fyne.NewSize(0, 160))
	s.detailBox = container.NewVBox(widget.NewSeparator(), container.NewBorder(nil, nil, nil, container.NewVBox(s.rawButton), scroll))
	s.detailBox.Hide()
	s.content = container.NewBorder(container.NewVBox(s.fields.form(), note), s.detailBox, nil, nil, s.list)
}

// showDetail shows the chosen change whole under the list.
func (s *wijzigingenScreen) showDetail(i int) {
	s.selected, s.raw = i, false
	s.renderDetail()
}

// onRaw switches the detail between the change in words and its audit
// rows as they are stored.
func (s *wijzigingenScreen) onRaw() {
	s.raw = !s.raw
	s.renderDetail()
}

// renderDetail writes the chosen change, in words or as stored.
func (s *wijzigingenScreen) renderDetail() {
	if s.selected < 0 || s.selected >= len(s.changes) {
		s.detailBox.Hide()
		s.content.Refresh()
		return
	}
	w := s.changes[s.selected]
	if s.raw {
		var rows []string
		for i := len(w.Rijen) - 1; i >= 0; i-- {
			rows = append(rows, auditRowText(w.Rijen[i]))
		}
		s.detail.SetText(strings.Join(rows, "\n"))
		s.rawButton.SetText(lang.L("Als tekst"))
	} else {
		s.detail.SetText(w.Tekst())
		s.rawButton.SetText(lang.L("Velden zoals vastgelegd"))
	}
	s.detailBox.Show()
	s.content.Refresh()
}

// auditRowText is one audit row exactly as stored: number, moment, user,
// action, table, record, field, old and new value (a new record's fields
// all at once as their JSON).
func auditRowText(w domain.Wijziging) string {
	return fmt.Sprintf(lang.L("nr. %d · %s · %s · %s %s nr. %d · veld %s: %q %s %q"), w.ID, store.FormatDatumTijd(w.Tijd),
		w.Gebruiker, w.Actie, w.Entiteit, w.EntiteitID, w.Veld, w.OudeWaarde, geschiedenis.Pijl, w.NieuweWaarde)
}

// Content is the screen's canvas object.
func (s *wijzigingenScreen) Content() fyne.CanvasObject { return s.content }

// Refresh reads the choices for the filters and the history again.
func (s *wijzigingenScreen) Refresh() {
	var soorten, gebruikers []string
	var interventies []domain.Interventie
	s.m.load(func() (err error) {
		if soorten, gebruikers, err = s.m.store.GeschiedenisKeuzes(); err != nil {
			return err
		}
		interventies, err = s.m.store.Interventies(true)
		return err
	}, func() {
		s.soorten = soorten
		var soortNames []string
		for _, e := range soorten {
			soortNames = append(soortNames, geschiedenis.Soort(e))
		}
		s.interventieIDs = nil
		var names []string
		for _, i := range interventies {
			s.interventieIDs = append(s.interventieIDs, i.ID)
			names = append(names, i.Naam)
		}
		setChoices(s.interventie, lang.L("Alle interventies"), names)
		setChoices(s.soort, lang.L("Alle soorten"), soortNames)
		setChoices(s.gebruiker, lang.L("Alle gebruikers"), gebruikers)
		s.onFilter()
	})
}

// filter reads the filter fields; dates the store cannot read are field
// problems. The end date is inclusive.
func (s *wijzigingenScreen) filter() (store.GeschiedenisFilter, error) {
	var f store.GeschiedenisFilter
	if i := s.interventie.SelectedIndex(); i > 0 && i <= len(s.interventieIDs) {
		f.InterventieID = s.interventieIDs[i-1]
	}
	if i := s.soort.SelectedIndex(); i > 0 && i <= len(s.soorten) {
		f.Entiteit = s.soorten[i-1]
	}
	if s.gebruiker.SelectedIndex() > 0 {
		f.Gebruiker = s.gebruiker.Selected
	}
	vanaf, err1 := store.ParseDatum("vanaf", s.vanaf.Text)
	tot, err2 := store.ParseDatum("tot", s.tot.Text)
	if err := errors.Join(err1, err2); err != nil {
		var problems []domain.FieldError
		for _, e := range []error{err1, err2} {
			problems = append(problems, domain.FieldProblems(e)...)
		}
		return f, &domain.ValidationError{Problemen: problems}
	}
	f.Vanaf = vanaf
	if !tot.IsZero() {
		f.Tot = tot.AddDate(0, 0, 1)
	}
	return f, nil
}

// historyPage is how many changes the list reads at a time.
const historyPage = 200

// onFilter reads the first page of the history as the filters ask.
func (s *wijzigingenScreen) onFilter() {
	if s.interventie.Selected == "" || s.soort.Selected == "" || s.gebruiker.Selected == "" {
		return // the choices are not read yet
	}
	f, err := s.filter()
	if err != nil {
		s.fields.show(err)
		return
	}
	s.fields.clear()
	var (
		changes []geschiedenis.Wijziging
		next    uint
	)
	s.m.load(func() (err error) {
		changes, next, err = s.m.store.GeschiedenisPagina(f, 0, historyPage)
		return err
	}, func() {
		s.shown = f
		s.changes, s.next = changes, next
		s.showCount()
		s.list.UnselectAll()
		s.selected = -1
		s.detailBox.Hide()
		s.content.Refresh()
		s.list.ScrollToTop()
	})
}

// onMore reads the next page of the history and adds it under the list.
func (s *wijzigingenScreen) onMore() {
	if s.next == 0 {
		return
	}
	f, from := s.shown, s.next
	var (
		changes []geschiedenis.Wijziging
		next    uint
	)
	s.moreButton.Disable()
	s.m.load(func() (err error) {
		changes, next, err = s.m.store.GeschiedenisPagina(f, from, historyPage)
		return err
	}, func() {
		s.moreButton.Enable()
		if from != s.next {
			return // the filter changed meanwhile
		}
		s.changes, s.next = append(s.changes, changes...), next
		s.showCount()
		s.list.Refresh()
	})
}

// showCount says how many changes the list holds, and offers more when
// the trail goes on.
func (s *wijzigingenScreen) showCount() {
	n := dutchnum.Aantal(len(s.changes), lang.L("wijziging"), lang.L("wijzigingen"))
	if s.next == 0 {
		s.count.SetText(lang.L("{{.Wijzigingen}}, nieuwste eerst", map[string]any{"Wijzigingen": n}))
		s.moreButton.Hide()
		return
	}
	s.count.SetText(lang.L("de nieuwste {{.Wijzigingen}}; oudere met Meer laden", map[string]any{"Wijzigingen": n}))
	s.moreButton.Show()
}

// Cancel clears the date filters (Esc).
func (s *wijzigingenScreen) Cancel() {
	s.vanaf.SetText("")
	s.tot.SetText("")
	s.onFilter()
}
