package klembord

import (
	"bytes"
	"runtime"
	"testing"
	"unsafe"

	"golang.org/x/sys/windows"
)

var (
	getClipboardData = user32.NewProc("GetClipboardData")
	globalSize       = kernel32.NewProc("GlobalSize")
)

// lees reads one format from the clipboard, as a program that pastes does.
func lees(t *testing.T, format uintptr) []byte {
	t.Helper()
	runtime.LockOSThread() // the clipboard is open for one thread only
	defer runtime.UnlockOSThread()
	if err := open(); err != nil {
		t.Fatal(err)
	}
	defer closeClipboard.Call()
	h, _, err := getClipboardData.Call(format)
	if h == 0 {
		t.Fatalf("formaat %d staat niet op het klembord: %v", format, err)
	}
	n, _, _ := globalSize.Call(h)
	p, _, _ := globalLock.Call(h)
	defer globalUnlock.Call(h)
	return bytes.Clone(unsafe.Slice((*byte)(*(*unsafe.Pointer)(unsafe.Pointer(&p))), n))
}

// TestKopieerPutsDIBAndPNGOnTheClipboard copies an image and reads both
// formats back through the Windows clipboard calls.
func TestKopieerPutsDIBAndPNGOnTheClipboard(t *testing.T) {
	png := testPNG(t)
	if err := KopieerPNG(png); err != nil {
		t.Fatal(err)
	}
	want, err := dib(png)
	if err != nil {
		t.Fatal(err)
	}
	// GlobalSize may round the block up: the bitmap is at its start
	if got := lees(t, cfDIB); len(got) < len(want) || !bytes.Equal(got[:len(want)], want) {
		t.Errorf("CF_DIB op het klembord (%d bytes) is niet de bitmap (%d bytes)", len(got), len(want))
	}
	naam, _ := windows.UTF16PtrFromString("PNG")
	f, _, _ := registerClipboardFormatW.Call(uintptr(unsafe.Pointer(naam)))
	if got := lees(t, f); len(got) < len(png) || !bytes.Equal(got[:len(png)], png) {
		t.Errorf("PNG op het klembord (%d bytes) is niet de afbeelding (%d bytes)", len(got), len(png))
	}
}
