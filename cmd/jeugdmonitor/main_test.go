package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"

	"jeugdmonitor/cmd/internal/cli"
)

// TestMain lets the tests start this test binary as the program itself.
func TestMain(m *testing.M) {
	if os.Getenv("JEUGDMONITOR_TEST_ALS_PROGRAMMA") == "1" {
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// program runs the program with args, without a window, and returns its
// standard output, standard error and exit code.
func program(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "JEUGDMONITOR_TEST_ALS_PROGRAMMA=1")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatal(err)
	}
	return stdout.String(), stderr.String(), cmd.ProcessState.ExitCode()
}

func TestWrongOptionsAreReportedInDutchOnce(t *testing.T) {
	for _, tc := range []struct{ arg, want string }{
		{"--x", "onbekende optie --x; gebruik --help"},
		{"--db", "de optie --db heeft een waarde nodig"},
		{"--versie=misschien", `ongeldige waarde "misschien" voor --versie`},
	} {
		stdout, stderr, code := program(t, tc.arg)
		if code != cli.ExitUsage || stdout != "" {
			t.Errorf("%s: exit %d, stdout %q; want %d and nothing", tc.arg, code, stdout, cli.ExitUsage)
		}
		if !strings.HasPrefix(stderr, tc.want) {
			t.Errorf("%s: stderr begins %q, want %q", tc.arg, firstLine(stderr), tc.want)
		}
		if strings.Contains(stderr, "flag") || strings.Count(stderr, "Gebruik:") != 1 {
			t.Errorf("%s: want the Dutch usage once and no English, got:\n%s", tc.arg, stderr)
		}
	}
}

func TestHelpGoesToStandardOutput(t *testing.T) {
	stdout, stderr, code := program(t, "--help")
	if code != cli.ExitOK || stderr != "" || !strings.HasPrefix(stdout, "Gebruik: jeugdmonitor") {
		t.Errorf("exit %d, stderr %q, stdout begins %q", code, stderr, firstLine(stdout))
	}
}

func TestEmptyDatabasePathIsRefused(t *testing.T) {
	_, stderr, code := program(t, "--db", " ")
	if code != cli.ExitUsage || !strings.HasPrefix(stderr, "--db is leeg") {
		t.Errorf("exit %d, stderr begins %q", code, firstLine(stderr))
	}
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
