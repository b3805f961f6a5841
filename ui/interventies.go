package ui

import (
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/dutchnum"
	"jeugdmonitor/data/store"
)

// registerRow is a row of the register list: a cluster heading with its count,
// or an intervention.
type registerRow struct {
	heading     bool
	title, meta string
	item        domain.Interventie
}

// interventiesScreen is the register: the interventions grouped by cluster,
// searched as one types and narrowed by filters; a chosen intervention opens
// in the detail view.
type interventiesScreen struct {
	m *Main

	all   []domain.Interventie
	rows  []registerRow
	marks conflictMarks

	search      *entry
	cluster     *widget.Select
	status      *widget.Select
	organisatie *widget.Select
	ambitie     *widget.Select
	jaar        *widget.Select
	archived    *widget.Check
	newButton   *widget.Button
	count       *widget.Label
	list        *keyList

	detail   *interventieDetail
	listPage fyne.CanvasObject
	root     *fyne.Container
}

func newInterventiesScreen(m *Main) *interventiesScreen {
	s := &interventiesScreen{m: m}
	s.buildUI()
	return s
}

func (s *interventiesScreen) buildUI() {
	s.search = newEntry(lang.L("Zoeken op naam, organisatie, doelgroep of tekst (Ctrl+F)"))
	s.search.OnChanged = func(string) { s.onFilter() }
	s.search.OnSubmitted = func(string) { s.onOpenFirst() }
	s.search.onDown = func() { s.m.win.Canvas().Focus(s.list) }
	s.search.onEscape = s.Cancel

	onFilter := func(string) { s.onFilter() }
	s.cluster = widget.NewSelect(nil, onFilter)
	s.status = widget.NewSelect(nil, onFilter)
	s.organisatie = widget.NewSelect(nil, onFilter)
	s.ambitie = widget.NewSelect(nil, onFilter)
	s.jaar = widget.NewSelect(nil, onFilter)
	s.archived = widget.NewCheck(lang.L("Gearchiveerde tonen"), func(bool) { s.Refresh() })
	s.newButton = widget.NewButtonWithIcon(lang.L("Nieuwe interventie (Ctrl+N)"), theme.ContentAddIcon(), s.onNew)
	s.count = widget.NewLabel("")

	s.list = newKeyList(
		func() int { return len(s.rows) },
		newTwoLineRow,
		func(id widget.ListItemID, o fyne.CanvasObject) {
			row := s.rows[id]
			setTwoLineRow(o, row.title, row.meta, row.heading)
			if !row.heading && s.marks.interventie(row.item.ID) {
				warnTwoLineRow(o)
			}
		})
	s.list.skip = func(id widget.ListItemID) bool { return id < len(s.rows) && s.rows[id].heading }
	s.list.OnSelected = func(id widget.ListItemID) {
		if id < len(s.rows) && !s.rows[id].heading {
			s.onOpen(s.rows[id].item)
		}
		s.list.UnselectAll()
	}

	// The check keeps its own width; the selects share the rest and truncate.
	filters := container.NewBorder(nil, nil, nil, s.archived,
		container.New(columns{1, 1, 1.1, 1.1, 0.8}, s.cluster, s.status, s.organisatie, s.ambitie, s.jaar))
	top := container.NewVBox(
		container.NewBorder(nil, nil, nil, container.NewHBox(s.count, s.newButton), s.search), filters)
	s.listPage = container.NewBorder(top, nil, nil, nil, s.list)
	s.detail = newInterventieDetail(s.m, s.onBack)
	s.root = container.NewStack(s.listPage)
}

// Content is the screen's canvas object.
func (s *interventiesScreen) Content() fyne.CanvasObject { return s.root }

// Refresh reads the register again, off the UI goroutine.
func (s *interventiesScreen) Refresh() {
	withArchived := s.archived.Checked
	var all []domain.Interventie
	var marks conflictMarks
	s.m.load(func() (err error) {
		if all, err = s.m.store.Interventies(withArchived); err != nil {
			return err
		}
		marks, err = readConflictMarks(s.m.store)
		return err
	}, func() {
		s.all, s.marks = all, marks
		s.fillFilters()
		s.onFilter()
		if s.root.Objects[0] != s.listPage {
			s.detail.Refresh()
		}
	})
}

// fillFilters offers the clusters, statuses, organisations, ambitions and
// years the register holds, keeping what was chosen.
func (s *interventiesScreen) fillFilters() {
	var years []string
	for y := 2019; y <= 2030; y++ {
		years = append(years, strconv.Itoa(y))
	}
	setChoices(s.cluster, lang.L("Alle clusters"), clusterNames())
	setChoices(s.status, lang.L("Alle statussen"), statusNames())
	setChoices(s.organisatie, lang.L("Alle organisaties"), store.AlleOrganisaties(s.all))
	setChoices(s.ambitie, lang.L("Alle ambities"), domain.Ambities)
	setChoices(s.jaar, lang.L("Elk jaar"), years)
}

// filter is what the search field and the filters ask for.
func (s *interventiesScreen) filter() store.InterventieFilter {
	chosen := func(sel *widget.Select) string {
		if sel.SelectedIndex() <= 0 {
			return ""
		}
		return sel.Selected
	}
	f := store.InterventieFilter{Tekst: s.search.Text, Cluster: domain.Cluster(chosen(s.cluster)),
		Status: domain.StatusCategorie(chosen(s.status)), Uitvoerder: chosen(s.organisatie), Ambitie: chosen(s.ambitie)}
	if y, err := strconv.Atoi(chosen(s.jaar)); err == nil {
		f.Jaar = y
	}
	return f
}

// onFilter narrows the list to what the search and filters ask for, grouped
// by cluster with counts.
func (s *interventiesScreen) onFilter() {
	shown := s.filter().Filter(s.all)
	counts := map[domain.Cluster]int{}
	for _, i := range shown {
		counts[i.Cluster]++
	}
	s.rows = s.rows[:0]
	var last domain.Cluster
	for _, i := range shown {
		if i.Cluster != last {
			s.rows = append(s.rows, registerRow{heading: true, title: string(i.Cluster),
				meta: aantalInterventies(counts[i.Cluster])})
			last = i.Cluster
		}
		meta := interventieMeta(i)
		if s.marks.interventie(i.ID) {
			// first, so that a narrow window does not cut it off
			meta = lang.L("open conflict: kies bij Bestand > Conflicten") + " · " + meta
		}
		s.rows = append(s.rows, registerRow{title: i.Naam, meta: meta, item: i})
	}
	s.count.SetText(lang.L("{{.Getoond}} van {{.Totaal}} interventies",
		map[string]any{"Getoond": len(shown), "Totaal": len(s.all)}))
	s.list.Refresh()
	s.list.ScrollToTop()
}

// aantalInterventies writes a count of interventions.
func aantalInterventies(n int) string {
	return dutchnum.Aantal(n, lang.L("interventie"), lang.L("interventies"))
}

// interventieMeta is the second line of an intervention in the list.
func interventieMeta(i domain.Interventie) string {
	meta := fmt.Sprintf("%s · %s · %s", orNone(i.Uitvoerder)+afgeleidMerk(i.Afgeleid, "uitvoerder"),
		string(i.StatusCategorie)+afgeleidMerk(i.Afgeleid, "status_categorie"), looptijd(i))
	if i.Gearchiveerd {
		meta += " · " + lang.L("gearchiveerd")
	}
	return meta
}

// looptijd writes when an intervention runs, in the documents' own words.
func looptijd(i domain.Interventie) string {
	start, end := i.Start.Tekst, i.Einde.Tekst
	if start != "" {
		start += afgeleidMerk(i.Afgeleid, "start")
	}
	if end != "" {
		end += afgeleidMerk(i.Afgeleid, "einde")
	}
	switch {
	case start == "" && end == "":
		return lang.L("looptijd onbekend")
	case end == "":
		return lang.L("vanaf {{.Start}}", map[string]any{"Start": start})
	case start == "":
		return lang.L("tot {{.Einde}}", map[string]any{"Einde": end})
	}
	return start + " – " + end
}

// orNone gives text, or a dash when it is empty.
func orNone(text string) string {
	if text == "" {
		return "–"
	}
	return text
}

// onOpen shows an intervention in the detail view.
func (s *interventiesScreen) onOpen(i domain.Interventie) {
	s.detail.show(i)
	s.root.Objects = []fyne.CanvasObject{s.detail.Content()}
	s.root.Refresh()
}

// holding reports whether an intervention is open in the detail view: a
// reload (a synchronisation) keeps it open and reads it again.
func (s *interventiesScreen) holding() bool { return s.root.Objects[0] != s.listPage }

// onOpenFirst opens the first intervention the search found (Enter in the
// search field).
func (s *interventiesScreen) onOpenFirst() {
	for _, r := range s.rows {
		if !r.heading {
			s.onOpen(r.item)
			return
		}
	}
}

// onBack returns from the detail view to the list.
func (s *interventiesScreen) onBack() {
	s.root.Objects = []fyne.CanvasObject{s.listPage}
	s.root.Refresh()
	s.Refresh()
	s.m.win.Canvas().Focus(s.search)
}

// onSearch puts the cursor in the search field (Ctrl+F).
func (s *interventiesScreen) onSearch() {
	if s.root.Objects[0] != s.listPage {
		s.onBack()
	}
	s.m.win.Canvas().Focus(s.search)
}

// onNew opens the form for a new intervention (Ctrl+N).
func (s *interventiesScreen) onNew() {
	showInterventieForm(s.m, nil, func(i domain.Interventie) {
		s.Refresh()
		s.onOpen(i)
	})
}

// Cancel leaves the detail view, or clears the search (Esc).
func (s *interventiesScreen) Cancel() {
	if s.root.Objects[0] != s.listPage {
		s.onBack()
		return
	}
	s.search.SetText("")
}
