package overzicht

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"jeugdmonitor/data/register"
	"jeugdmonitor/data/store"
)

// startTime starts a program under the X display and returns the time from
// its start to each of the marker lines it prints on standard error.
func startTime(b *testing.B, display string, markers []string, bin string, args ...string) []time.Duration {
	b.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "DISPLAY="+display, EersteBeeldEnv+"=1")
	pipe, err := cmd.StderrPipe()
	if err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	defer func() { cmd.Process.Kill(); cmd.Wait() }()
	out := make([]time.Duration, len(markers))
	lines := bufio.NewScanner(pipe)
	found := 0
	for found < len(markers) && lines.Scan() {
		if i := slices.Index(markers, strings.TrimSpace(lines.Text())); i >= 0 {
			out[i] = time.Since(start)
			found++
		}
	}
	if found < len(markers) {
		b.Fatalf("%s gaf niet alle merktekens %v", bin, markers)
	}
	return out
}

// BenchmarkOpstart times, under Xvfb, a bare Fyne window and the Overzicht on
// a database with the built-in register, from process start to the first
// frame (and for the Overzicht also to every chart drawn), and reports the
// ratios (goal for the first frame: at most 1,5). Run with
// go test ./ui/overzicht -run '^$' -bench Opstart -benchtime 5x.
func BenchmarkOpstart(b *testing.B) {
	if _, err := exec.LookPath("Xvfb"); err != nil {
		b.Skip("Xvfb ontbreekt (apt-get install xvfb)")
	}
	dir := b.TempDir()
	for _, p := range []string{"kaal", "overzicht"} {
		build := exec.Command("go", "build", "-o", filepath.Join(dir, p), "./testdata/"+p)
		if out, err := build.CombinedOutput(); err != nil {
			b.Fatalf("go build %s: %v\n%s", p, err, out)
		}
	}
	db := filepath.Join(dir, "register.db")
	s, err := store.Open(db, store.Options{Create: true})
	if err != nil {
		b.Fatal(err)
	}
	docs, err := register.Builtin()
	if err == nil {
		_, err = register.Seed(s, docs)
	}
	s.Close()
	if err != nil {
		b.Fatal(err)
	}
	const display = ":95"
	x := exec.Command("Xvfb", display, "-screen", "0", "1920x1080x24")
	if err := x.Start(); err != nil {
		b.Fatal(err)
	}
	defer func() { x.Process.Kill(); x.Wait() }()
	time.Sleep(time.Second)
	var bare, first, full time.Duration
	for b.Loop() {
		bare += startTime(b, display, []string{"eerste beeld"}, filepath.Join(dir, "kaal"))[0]
		t := startTime(b, display, []string{"eerste beeld", EersteBeeldMelding}, filepath.Join(dir, "overzicht"), db)
		first, full = first+t[0], full+t[1]
	}
	n := float64(b.N)
	b.ReportMetric(float64(bare.Milliseconds())/n, "ms-kaal")
	b.ReportMetric(float64(first.Milliseconds())/n, "ms-overzicht-eerste-beeld")
	b.ReportMetric(float64(full.Milliseconds())/n, "ms-overzicht-volledig")
	b.ReportMetric(float64(first)/float64(bare), "verhouding-eerste-beeld")
	b.ReportMetric(float64(full)/float64(bare), "verhouding-volledig")
}
