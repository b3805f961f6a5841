package klembord

import (
	"fmt"
	"runtime"
	"time"
	"unsafe"

	"golang.org/x/sys/windows"
)

// The clipboard calls of user32.dll and the memory calls of kernel32.dll
// (golang.org/x/sys/windows has no clipboard functions of its own).
var (
	user32                   = windows.NewLazySystemDLL("user32.dll")
	kernel32                 = windows.NewLazySystemDLL("kernel32.dll")
	openClipboard            = user32.NewProc("OpenClipboard")
	closeClipboard           = user32.NewProc("CloseClipboard")
	emptyClipboard           = user32.NewProc("EmptyClipboard")
	setClipboardData         = user32.NewProc("SetClipboardData")
	registerClipboardFormatW = user32.NewProc("RegisterClipboardFormatW")
	globalAlloc              = kernel32.NewProc("GlobalAlloc")
	globalLock               = kernel32.NewProc("GlobalLock")
	globalUnlock             = kernel32.NewProc("GlobalUnlock")
	globalFree               = kernel32.NewProc("GlobalFree")
)

const (
	cfDIB         = 8      // CF_DIB
	gmemMoveable  = 0x0002 // GMEM_MOVEABLE: clipboard data must be movable memory
	openPogingen  = 10     // another program may hold the clipboard for a moment
	openWachttijd = 50 * time.Millisecond
)

// kopieer puts the image on the clipboard as CF_DIB (every Windows program
// pastes it) and as "PNG" (Office prefers it: sharper, and it keeps the
// exact pixels).
func kopieer(png []byte) error {
	bmp, err := dib(png)
	if err != nil {
		return err
	}
	// Windows opens the clipboard for one thread: a goroutine that moved to
	// another thread between OpenClipboard and EmptyClipboard got "Clipboard
	// not open" (the window walk under Wine found it)
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	if err := open(); err != nil {
		return err
	}
	defer closeClipboard.Call()
	if r, _, err := emptyClipboard.Call(); r == 0 {
		return fmt.Errorf("het klembord kan niet worden leeggemaakt: %w", err)
	}
	if err := zet(cfDIB, bmp); err != nil {
		return err
	}
	naam, err := windows.UTF16PtrFromString("PNG")
	if err != nil {
		return err
	}
	if f, _, _ := registerClipboardFormatW.Call(uintptr(unsafe.Pointer(naam))); f != 0 {
		// the bitmap is on already; a program that misses PNG pastes that
		_ = zet(f, png)
	}
	return nil
}

// open opens the clipboard, waiting a little while another program has it.
func open() error {
	var err error
	for range openPogingen {
		var r uintptr
		if r, _, err = openClipboard.Call(0); r != 0 {
			return nil
		}
		time.Sleep(openWachttijd)
	}
	return fmt.Errorf("het klembord is bezet door een ander programma; probeer het zo opnieuw: %w", err)
}

// zet hands a copy of data to the clipboard in the given format; the
// clipboard owns the memory once SetClipboardData succeeds.
func zet(format uintptr, data []byte) error {
	h, _, err := globalAlloc.Call(gmemMoveable, uintptr(len(data)))
	if h == 0 {
		return fmt.Errorf("geen geheugen voor het klembord: %w", err)
	}
	p, _, err := globalLock.Call(h)
	if p == 0 {
		globalFree.Call(h)
		return fmt.Errorf("geen geheugen voor het klembord: %w", err)
	}
	copy(unsafe.Slice((*byte)(*(*unsafe.Pointer)(unsafe.Pointer(&p))), len(data)), data)
	globalUnlock.Call(h)
	if r, _, err := setClipboardData.Call(format, h); r == 0 {
		globalFree.Call(h)
		return fmt.Errorf("de grafiek kan niet op het klembord: %w", err)
	}
	return nil
}
