package glstart

import (
	"bytes"
	"errors"
	"log"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

// watchLog points the standard logger, which fyne.LogError writes to, at a
// Watcher for the duration of the test and returns its output and reports.
func watchLog(t *testing.T) (*bytes.Buffer, *[]string) {
	t.Helper()
	var out bytes.Buffer
	var reports []string
	w := NewWatcher(&out, func(text string) { reports = append(reports, text) })
	old, flags := log.Writer(), log.Flags()
	log.SetOutput(w)
	t.Cleanup(func() { log.SetOutput(old); log.SetFlags(flags) })
	return &out, &reports
}

// TestOpenGLFailureReported: Fyne's own log lines for a window that cannot
// get OpenGL lead to one Dutch report naming the cause, also in the log.
func TestOpenGLFailureReported(t *testing.T) {
	out, reports := watchLog(t)
	fyne.LogError("Failed to decode image for window icon", errors.New("unknown format"))
	if len(*reports) != 0 {
		t.Fatalf("an unrelated error was reported: %q", *reports)
	}
	wgl := "WGL: The driver does not appear to support OpenGL"
	fyne.LogError("window creation error", errors.New(wgl))
	fyne.LogError("window creation error", errors.New(wgl)) // a second window: no second box
	if len(*reports) != 1 {
		t.Fatalf("%d reports, want 1", len(*reports))
	}
	r := (*reports)[0]
	for _, want := range []string{"geen bruikbare OpenGL", "3D-versnelling", "stuurprogramma", "opengl32.dll",
		"PDF-rapport", "Technische melding: window creation error: " + wgl} {
		if !strings.Contains(r, want) {
			t.Errorf("report lacks %q:\n%s", want, r)
		}
	}
	if !strings.Contains(out.String(), "Fyne error:  window creation error") || !strings.Contains(out.String(), r) {
		t.Errorf("log lacks Fyne's line or the report:\n%s", out.String())
	}
}

// TestReportWithoutCause: a failure logged without a cause is reported at
// the next line.
func TestReportWithoutCause(t *testing.T) {
	_, reports := watchLog(t)
	fyne.LogError("failed to initialise OpenGL", nil)
	if len(*reports) != 1 || !strings.HasSuffix((*reports)[0], "Technische melding: failed to initialise OpenGL") {
		t.Fatalf("reports: %q", *reports)
	}
}

// TestGLFWPlatformErrorReported: a context error that go-gl's glfw logs as
// a platform error (Fyne then waits forever without a window) is reported;
// a platform error about something else is not.
func TestGLFWPlatformErrorReported(t *testing.T) {
	_, reports := watchLog(t)
	log.Println("PlatformError: X11: Failed to read clipboard")
	if len(*reports) != 0 {
		t.Fatalf("a clipboard error was reported: %q", *reports)
	}
	log.Println("PlatformError: WGL: Failed to set pixel format for dummy context: Invalid window handle.")
	if len(*reports) != 1 || !strings.Contains((*reports)[0],
		"Technische melding: GLFW: WGL: Failed to set pixel format for dummy context: Invalid window handle.") {
		t.Fatalf("reports: %q", *reports)
	}
}

// TestLongLineBounded: a line without end does not grow the buffer without bound.
func TestLongLineBounded(t *testing.T) {
	w := NewWatcher(&bytes.Buffer{}, nil)
	for range 100 {
		w.Write(bytes.Repeat([]byte("x"), 1000))
	}
	if len(w.pending) > 5000 {
		t.Fatalf("pending grew to %d bytes", len(w.pending))
	}
}
