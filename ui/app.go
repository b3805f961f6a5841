// Package ui holds Jeugdmonitor's Fyne screens. Screens read and change data
// only through the store in package data/store and show the errors it returns.
package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"jeugdmonitor/data/domain"
	"jeugdmonitor/data/store"
)

// Register is the main screen for now: the interventions of the register by
// cluster, with their counts.
type Register struct {
	store *store.Store
	items []listItem
	list  *widget.List
	count *widget.Label
}

// listItem is a row of the register list: a cluster heading or an intervention.
type listItem struct {
	heading bool
	text    string
}

// NewRegister builds the register screen on the store.
func NewRegister(s *store.Store) *Register {
	r := &Register{store: s, count: widget.NewLabel("")}
	r.list = widget.NewList(
		func() int { return len(r.items) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			label := o.(*widget.Label)
			item := r.items[id]
			label.SetText(item.text)
			label.TextStyle = fyne.TextStyle{Bold: item.heading}
			label.Refresh()
		})
	return r
}

// Load reads the register from the store; call it off the UI goroutine.
func (r *Register) Load() error {
	all, err := r.store.Interventies(false)
	if err != nil {
		return err
	}
	counts := map[domain.Cluster]int{}
	for _, i := range all {
		counts[i.Cluster]++
	}
	var items []listItem
	var last domain.Cluster
	for _, i := range all {
		if i.Cluster != last {
			items = append(items, listItem{heading: true, text: fmt.Sprintf("%s (%d)", i.Cluster, counts[i.Cluster])})
			last = i.Cluster
		}
		name := i.Naam
		if i.Uitvoerder != "" {
			name += " — " + i.Uitvoerder
		}
		items = append(items, listItem{text: name})
	}
	fyne.Do(func() {
		r.items = items
		r.count.SetText(fmt.Sprintf("%d interventies", len(all)))
		r.list.Refresh()
	})
	return nil
}

// Content is the screen's canvas object.
func (r *Register) Content() fyne.CanvasObject {
	title := widget.NewLabelWithStyle("Interventies", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewBorder(container.NewHBox(title, r.count), nil, nil, nil, r.list)
}
