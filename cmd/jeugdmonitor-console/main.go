// Command jeugdmonitor-console is the console companion of the Windows
// program, installed beside it as jeugdmonitor.com. cmd and PowerShell do not
// wait for a GUI program such as jeugdmonitor.exe, so its output would come
// after the next prompt and its exit code would be lost; typed as
// "jeugdmonitor check", Windows picks the .com first (PATHEXT), which runs
// jeugdmonitor.exe beside it with the same arguments and console, waits for
// it and exits with its exit code.
package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
)

// program is the file name of the GUI program beside this one.
const program = "jeugdmonitor.exe"

func main() {
	self, err := os.Executable()
	if err != nil {
		fmt.Fprintln(os.Stderr, "fout: eigen map niet gevonden:", err)
		os.Exit(1)
	}
	cmd := exec.Command(filepath.Join(filepath.Dir(self), program), os.Args[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	// Ctrl+C reaches the program itself through the shared console; this
	// one waits for it to stop.
	signal.Ignore(os.Interrupt)
	err = cmd.Run()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		os.Exit(exit.ExitCode())
	case err != nil:
		fmt.Fprintf(os.Stderr, "fout: %s niet gestart: %v\n", program, err)
		os.Exit(1)
	}
}
