package glstart

import "golang.org/x/sys/windows"

// Show shows text in a native Windows message box with an error icon and
// waits until it is closed. It needs no OpenGL.
func Show(text string) {
	title, _ := windows.UTF16PtrFromString("Jeugdmonitor Zwolle: venster kan niet starten")
	body, _ := windows.UTF16PtrFromString(text)
	windows.MessageBox(0, body, title, windows.MB_OK|windows.MB_ICONERROR|windows.MB_TOPMOST)
}
