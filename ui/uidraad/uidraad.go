// Package uidraad hands the results of background work to Fyne's UI
// goroutine. Every widget change after background work in the program goes
// through Doe, so that a test can run those changes on its own goroutine one
// at a time: Fyne's test driver runs fyne.Do's function at once on the
// background goroutine that asks, next to the test and to other background
// work.
package uidraad

import (
	"sync"

	"fyne.io/fyne/v2"
)

var (
	mu sync.Mutex
	// wachtrij, when set, collects the changes instead of fyne.Do (tests)
	wachtrij chan func()
)

// Doe runs f on the UI goroutine (fyne.Do), or queues it for Afwerken while
// a test holds a Wachtrij.
func Doe(f func()) {
	mu.Lock()
	q := wachtrij
	mu.Unlock()
	if q == nil {
		fyne.Do(f)
		return
	}
	q <- f
}

// Wachtrij makes Doe queue its functions until the returned stop is called;
// afwerken runs what waits on the calling goroutine and reports how many it
// ran. For tests that drive the whole window.
func Wachtrij() (afwerken func() int, stop func()) {
	q := make(chan func(), 4096)
	mu.Lock()
	wachtrij = q
	mu.Unlock()
	afwerken = func() int {
		n := 0
		for {
			select {
			case f := <-q:
				f()
				n++
			default:
				return n
			}
		}
	}
	stop = func() {
		mu.Lock()
		wachtrij = nil
		mu.Unlock()
	}
	return afwerken, stop
}
