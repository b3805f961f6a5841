package cli

import (
	"fmt"
	"os"
	"testing"

	"jeugdmonitor/data/team/pgtest"
)

// TestMain gives the commands under test a settings folder of their own, so
// the anchors of the test databases' audit trails stay out of the user's,
// and a PostgreSQL server for the team commands (pgtest.Main).
func TestMain(m *testing.M) {
	config, err := os.MkdirTemp("", "jeugdmonitor-instellingen-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Setenv("XDG_CONFIG_HOME", config)
	os.Setenv("APPDATA", config)
	code := pgtest.Main(m)
	os.RemoveAll(config)
	os.Exit(code)
}
