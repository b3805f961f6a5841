// Package pgtest starts a throwaway PostgreSQL server for tests: initdb and
// pg_ctl from Debian's postgresql package in a temporary folder, listening on
// a free local port only, run as the postgres user when the tests run as root
// (initdb refuses root). One server serves a whole test binary; every test
// gets a database of its own.
//
// Without PostgreSQL a test is skipped with a message saying how to install
// it, except under CI=true, where a missing server is a failure: CI installs
// the package (./build.sh test).
package pgtest

import (
	"fmt"
	"os"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

var (
	startOnce sync.Once
	running   *server
	startErr  error
	dbCounter atomic.Int64
)

// onCI reports whether the tests run in CI, where no skip is allowed.
func onCI() bool {
	ci := os.Getenv("CI")
	return ci == "true" || ci == "1"
}

// unavailable skips the test, or fails it under CI.
func unavailable(t testing.TB, err error) {
	t.Helper()
	if onCI() && runtime.GOOS != "windows" {
		t.Fatalf("PostgreSQL-testserver niet beschikbaar (CI=true, dus geen overslaan): %v", err)
	}
	t.Skipf("PostgreSQL-testserver niet beschikbaar, test overgeslagen: %v (installeer het Debian-pakket postgresql, bijvoorbeeld met ./build.sh deps)", err)
}

// Main runs a package's tests and stops the server afterwards; call it from
// TestMain: os.Exit(pgtest.Main(m)).
func Main(m *testing.M) int {
	code := m.Run()
	if running != nil {
		running.stop()
	}
	return code
}

// Database makes a new, empty database on the test server (starting the
// server on first use) and returns its connection string, for the
// superuser postgres.
func Database(t testing.TB) string {
	t.Helper()
	startOnce.Do(func() { running, startErr = start() })
	if startErr != nil {
		unavailable(t, startErr)
	}
	name := fmt.Sprintf("t%d_%d", os.Getpid(), dbCounter.Add(1))
	admin, err := Open(running.dsn("postgres", "postgres"))
	if err != nil {
		t.Fatalf("verbinden met de testserver: %v", err)
	}
	defer closeDB(admin)
	if err := admin.Exec("CREATE DATABASE " + name).Error; err != nil {
		t.Fatalf("testdatabase maken: %v", err)
	}
	return running.dsn("postgres", name)
}

// DSN is the connection string for user (without password: the test server
// trusts local connections) on the database of the connection string dsn.
func DSN(dsn, user string) string {
	var out []string
	for _, part := range strings.Fields(dsn) {
		if !strings.HasPrefix(part, "user=") {
			out = append(out, part)
		}
	}
	return strings.Join(append(out, "user="+user), " ")
}

// Open connects gorm to dsn, quietly.
func Open(dsn string) (*gorm.DB, error) {
	return gorm.Open(postgres.Open(dsn), &gorm.Config{Logger: logger.Discard})
}

func closeDB(db *gorm.DB) {
	if sqlDB, err := db.DB(); err == nil {
		sqlDB.Close()
	}
}
