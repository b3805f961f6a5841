// Package uidraad runs the program's background work (Go) and hands its
// results to Fyne's UI goroutine (Doe). Every widget change after background
// work goes through Doe, so that a test can run those changes on its own
// goroutine one at a time (Fyne's test driver runs fyne.Do's function at once
// on the background goroutine that asks, next to the test and to other
// background work), and every piece of background work is counted, so that
// a test knows when the window is idle (Lopend).
package uidraad

import (
	"sync"
	"sync/atomic"

	"fyne.io/fyne/v2"
)

var (
	mu sync.Mutex
	// wachtrij, when set, collects the changes instead of fyne.Do (tests)
	wachtrij chan func()
	// lopend counts the background work started with Go that has not ended
	lopend atomic.Int64
)

// Go runs work on a goroutine of its own, counted in Lopend until it ends.
// Work that never ends (a daily timer) does not belong here.
func Go(work func()) {
	lopend.Add(1)
	go func() {
		defer lopend.Add(-1)
		work()
	}()
}

// Lopend is the number of pieces of background work started with Go that
// are still running.
func Lopend() int { return int(lopend.Load()) }

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
