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
	"net/url"
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

// URL is the postgres:// address for user on the database of the
// connection string dsn, without sslmode: TLS is used because the test
// server offers it (with a certificate signed by CAFile).
func URL(dsn, user string) string {
	fields := map[string]string{}
	for _, part := range strings.Fields(dsn) {
		if k, v, ok := strings.Cut(part, "="); ok {
			fields[k] = v
		}
	}
	return (&url.URL{Scheme: "postgres", User: url.User(user), Host: fields["host"] + ":" + fields["port"], Path: "/" + fields["dbname"]}).String()
}

// The test server's groups: a member of GroupPassword signs in with a
// password (scram-sha-256), a member of GroupTLS only over TLS; every
// other role is trusted.
const (
	GroupPassword = "met_wachtwoord"
	GroupTLS      = "alleen_tls"
)

// Role makes (again) a login role on the test server, with password when
// it is not empty, as a member of groups.
func Role(t testing.TB, name, password string, groups ...string) {
	t.Helper()
	startOnce.Do(func() { running, startErr = start() })
	if startErr != nil {
		unavailable(t, startErr)
	}
	admin, err := Open(running.dsn("postgres", "postgres"))
	if err != nil {
		t.Fatalf("verbinden met de testserver: %v", err)
	}
	defer closeDB(admin)
	stmts := []string{"DROP ROLE IF EXISTS " + name, "CREATE ROLE " + name + " LOGIN"}
	if password != "" {
		stmts[1] += " PASSWORD '" + strings.ReplaceAll(password, "'", "''") + "'"
	}
	if len(groups) > 0 {
		stmts[1] += " IN ROLE " + strings.Join(groups, ", ")
	}
	for _, stmt := range stmts {
		if err := admin.Exec(stmt).Error; err != nil {
			t.Fatalf("rol %s maken: %v", name, err)
		}
	}
}

// CAFile is the certificate of the CA that signed the test server's
// certificate (start the server first, with Database).
func CAFile() string { return running.caFile() }

// Open connects gorm to dsn, quietly.
func Open(dsn string) (*gorm.DB, error) {
	return gorm.Open(postgres.Open(dsn), &gorm.Config{Logger: logger.Discard})
}

func closeDB(db *gorm.DB) {
	if sqlDB, err := db.DB(); err == nil {
		sqlDB.Close()
	}
}
