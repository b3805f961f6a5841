// Package glstart notices that the window cannot start because OpenGL is
// missing (a virtual desktop without 3D acceleration, an old graphics
// driver) and says so in Dutch: in the log and, on Windows, in a message box,
// instead of the program vanishing without a word.
//
// Fyne and GLFW report the failure only through the standard logger, in two
// ways: fyne.LogError ("Fyne error:  window creation error", then "  Cause:
// APIUnavailable: WGL: The driver does not appear to support OpenGL"), after
// which Fyne quits; or, for errors GLFW files as platform errors, go-gl's
// glfw package logs one line ("PlatformError: WGL: Failed to set pixel
// format for dummy context") and Fyne carries on without a window, forever.
// A Watcher sits in the logger's output and recognises those lines.
package glstart

import (
	"bytes"
	"io"
	"strings"
	"sync"
)

// Message is what the user and IT read when the window cannot start.
const Message = `Jeugdmonitor Zwolle kan zijn venster niet openen: deze computer biedt geen bruikbare OpenGL-weergave (OpenGL 2.1 of nieuwer).

Dit gebeurt vaak op een virtueel bureaublad (Citrix, Extern bureaublad) zonder 3D-versnelling, of met een verouderd stuurprogramma voor de videokaart.

Wat de IT-afdeling kan doen:
- 3D-versnelling (OpenGL) inschakelen voor Citrix of Extern bureaublad;
- een actueel stuurprogramma voor de videokaart installeren;
- of een software-OpenGL (opengl32.dll van Mesa, llvmpipe) naast jeugdmonitor.exe in de programmamap zetten.

De opdrachten zonder venster werken wel, ook het PDF-rapport. Typ in de opdrachtprompt bijvoorbeeld:
  jeugdmonitor rapport -o rapport.pdf
en voor alle opdrachten: jeugdmonitor --help`

// failures are the reasons Fyne logs when it cannot get an OpenGL window.
var failures = []string{
	"window creation error",
	"failed to initialise GLFW",
	"failed to initialise OpenGL",
}

// contextErrors are the prefixes of GLFW's messages about the OpenGL
// context, per platform, as go-gl's glfw logs them ("PlatformError: WGL: ...").
var contextErrors = []string{"WGL: ", "GLX: ", "EGL: ", "NSGL: ", "OSMesa: "}

// Watcher passes everything written to it on to its output and, the first
// time Fyne logs an OpenGL failure, writes Message and Fyne's cause there too
// and calls Report with the same text.
type Watcher struct {
	out    io.Writer
	report func(text string)

	mu       sync.Mutex
	pending  []byte // the start of a line not yet ended
	failed   string // the reason seen, waiting for its cause
	reported bool
}

// NewWatcher returns a Watcher writing to out that calls report (for example
// a message box, then exit) when the window cannot start. Report is called
// inside the logger's write: Fyne may exit right after, or never go on.
func NewWatcher(out io.Writer, report func(text string)) *Watcher {
	return &Watcher{out: out, report: report}
}

// Write passes p on and looks at every whole line in it.
func (w *Watcher) Write(p []byte) (int, error) {
	n, err := w.out.Write(p)
	w.mu.Lock()
	defer w.mu.Unlock()
	w.pending = append(w.pending, p...)
	for {
		i := bytes.IndexByte(w.pending, '\n')
		if i < 0 {
			break
		}
		line := string(w.pending[:i])
		w.pending = w.pending[i+1:]
		w.look(line)
	}
	if len(w.pending) > 4096 { // a line without end: keep memory bounded
		w.pending = w.pending[:0]
	}
	return n, err
}

// look remembers a failure's reason and reports it at its cause line, or at
// the next line when Fyne gives no cause. Fyne exits right after logging, so
// the report must happen here, inside the logger's write.
func (w *Watcher) look(line string) {
	if w.failed != "" {
		cause := ""
		if _, c, ok := strings.Cut(line, "  Cause: "); ok { // after the logger's date and time
			cause = strings.TrimSpace(c)
		}
		w.fail(w.failed, cause)
		return
	}
	for _, f := range failures {
		if strings.Contains(line, "Fyne error:") && strings.Contains(line, f) {
			w.failed = f
			return
		}
	}
	if _, msg, ok := strings.Cut(line, "PlatformError: "); ok {
		for _, c := range contextErrors {
			if strings.HasPrefix(msg, c) {
				w.fail("GLFW", strings.TrimSpace(msg))
				return
			}
		}
	}
}

// fail writes and reports the message, once.
func (w *Watcher) fail(reason, cause string) {
	if w.reported {
		return
	}
	w.reported = true
	text := Message + "\n\nTechnische melding: " + reason
	if cause != "" {
		text += ": " + cause
	}
	io.WriteString(w.out, text+"\n")
	if w.report != nil {
		w.report(text)
	}
}
