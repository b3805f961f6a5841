package console

import (
	"os"

	"golang.org/x/sys/windows"
)

// attachParentProcess is ATTACH_PARENT_PROCESS, (DWORD)-1.
const attachParentProcess = 0xFFFFFFFF

var attachConsole = windows.NewLazySystemDLL("kernel32.dll").NewProc("AttachConsole")

// Attach attaches the program to its parent's console and points standard
// input, output and error that go to no file or pipe at that console. A
// stream redirected to a file or pipe (jeugdmonitor export > x.json) is left
// as it is. Without a parent console (double-clicked, or started by a program
// that passes pipes) nothing changes, and no console window appears.
func Attach() {
	if r, _, _ := attachConsole.Call(attachParentProcess); r == 0 {
		return
	}
	if !redirected(os.Stdin) {
		if f, err := os.OpenFile("CONIN$", os.O_RDWR, 0); err == nil {
			os.Stdin = f
			windows.SetStdHandle(windows.STD_INPUT_HANDLE, windows.Handle(f.Fd()))
		}
	}
	out, err := os.OpenFile("CONOUT$", os.O_RDWR, 0)
	if err != nil {
		return
	}
	if !redirected(os.Stdout) {
		os.Stdout = out
		windows.SetStdHandle(windows.STD_OUTPUT_HANDLE, windows.Handle(out.Fd()))
	}
	if !redirected(os.Stderr) {
		os.Stderr = out
		windows.SetStdHandle(windows.STD_ERROR_HANDLE, windows.Handle(out.Fd()))
	}
}

// redirected reports whether f is a file, pipe or device other than a
// console: something the user or a calling program chose to write to.
func redirected(f *os.File) bool {
	if f == nil {
		return false
	}
	h := windows.Handle(f.Fd())
	t, err := windows.GetFileType(h)
	if err != nil || t == windows.FILE_TYPE_UNKNOWN {
		return false
	}
	var mode uint32
	return windows.GetConsoleMode(h, &mode) != nil
}
