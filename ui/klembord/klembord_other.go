//go:build !windows

package klembord

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
)

// kopieer hands the PNG to xclip (X11) or wl-copy (Wayland), which keep it
// on the clipboard after Jeugdmonitor lets go, as the desktop expects.
func kopieer(png []byte) error {
	var cmd *exec.Cmd
	if _, err := exec.LookPath("wl-copy"); err == nil && os.Getenv("WAYLAND_DISPLAY") != "" {
		cmd = exec.Command("wl-copy", "--type", "image/png")
	} else if _, err := exec.LookPath("xclip"); err == nil && os.Getenv("DISPLAY") != "" {
		cmd = exec.Command("xclip", "-selection", "clipboard", "-target", "image/png", "-in")
	} else {
		return fmt.Errorf("%w: installeer xclip (X11) of wl-clipboard (Wayland), of sla de grafiek op als PNG", ErrNietOndersteund)
	}
	cmd.Stdin = bytes.NewReader(png)
	// The tool stays behind to serve the clipboard, holding its standard
	// output and error: a pipe there would keep Run waiting until another
	// program takes the clipboard, so its messages go to a file.
	stderr, err := os.CreateTemp("", "jeugdmonitor-klembord-*.txt")
	if err != nil {
		return err
	}
	defer os.Remove(stderr.Name())
	defer stderr.Close()
	cmd.Stderr = stderr
	if err := cmd.Run(); err != nil {
		msg, _ := os.ReadFile(stderr.Name())
		return fmt.Errorf("%s kon de grafiek niet op het klembord zetten: %v %s", cmd.Args[0], err, bytes.TrimSpace(msg))
	}
	return nil
}
