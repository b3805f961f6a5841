package team

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"jeugdmonitor/data/team/pgtest"
)

// secret is the password in the addresses of these tests: no message may
// repeat it.
const secret = "GeHeIm-7531"

// TestPasswordAskedKeptAndUsed: a role that must sign in with a password
// gets a Dutch refusal marked ErrPassword without one and with a wrong one;
// once kept for its address (in a file only the user may read, when there
// is no desktop keyring), it connects without naming it; forgotten, it is
// asked for again.
func TestPasswordAskedKeptAndUsed(t *testing.T) {
	dsn := pgtest.Database(t)
	role := fmt.Sprintf("pw%d", os.Getpid())
	pgtest.Role(t, role, secret, pgtest.GroupPassword)
	addr := pgtest.URL(dsn, role)
	ForgetPassword(addr)

	_, err := Connect(addr)
	if !errors.Is(err, ErrPassword) || !strings.Contains(err.Error(), "vraagt een wachtwoord voor gebruiker "+role) {
		t.Fatalf("zonder wachtwoord: %v", err)
	}
	for _, try := range []func() (*Server, error){
		func() (*Server, error) { return ConnectWithPassword(addr, "fout-"+secret) },
		func() (*Server, error) { return Connect(addr + "?password=fout-" + secret) },
	} {
		_, err = try()
		if !errors.Is(err, ErrPassword) || !strings.Contains(err.Error(), "weigert het wachtwoord van gebruiker "+role) ||
			strings.Contains(err.Error(), secret) {
			t.Fatalf("verkeerd wachtwoord: %v", err)
		}
	}
	srv, err := ConnectWithPassword(addr, secret)
	if err != nil {
		t.Fatal(err)
	}
	srv.Close()

	where, err := RememberPassword(addr, secret)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(os.Getenv("XDG_CONFIG_HOME"), "jeugdmonitor", "teamwachtwoorden.json")
	if !strings.Contains(where, file) {
		t.Fatalf("bewaard in %q, verwacht het bestand %s (geen sleutelbos in de test)", where, file)
	}
	info, err := os.Stat(file)
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("wachtwoordbestand: %v, rechten %v", err, info.Mode())
	}
	srv, err = Connect(addr)
	if err != nil {
		t.Fatalf("met het bewaarde wachtwoord: %v", err)
	}
	srv.Close()
	// the password kept here goes before an old one in ~/.pgpass: the
	// user gave it in the program
	pgpass := filepath.Join(t.TempDir(), "pgpass")
	if err := os.WriteFile(pgpass, []byte("*:*:*:"+role+":oud-"+secret+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PGPASSFILE", pgpass)
	if srv, err = Connect(addr); err != nil {
		t.Fatalf("met het bewaarde wachtwoord en een oud in ~/.pgpass: %v", err)
	}
	srv.Close()

	// a file others may read is refused, not used
	if err := os.Chmod(file, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Connect(addr); err == nil || !strings.Contains(err.Error(), "ook voor anderen toegankelijk") {
		t.Fatalf("wachtwoordbestand met rechten 0644: %v", err)
	}
	if err := os.Chmod(file, 0o600); err != nil {
		t.Fatal(err)
	}

	if err := ForgetPassword(addr); err != nil {
		t.Fatal(err)
	}
	if _, err := Connect(addr); !errors.Is(err, ErrPassword) {
		t.Fatalf("na vergeten: %v", err)
	}
}

// TestConnectErrorsInDutch: the usual ways of failing to connect each get
// a Dutch message naming the problem, and none repeats the password given
// in the address.
func TestConnectErrorsInDutch(t *testing.T) {
	dsn := pgtest.Database(t)
	suffix := fmt.Sprint(os.Getpid())
	tlsRole, noConnect := "tls"+suffix, "geentoegang"+suffix
	pgtest.Role(t, tlsRole, "", pgtest.GroupTLS)
	pgtest.Role(t, noConnect, "")
	closed := pgtest.Database(t)
	admin, err := pgtest.Open(closed)
	if err != nil {
		t.Fatal(err)
	}
	db := closed[strings.Index(closed, "dbname=")+len("dbname=") : strings.LastIndex(closed, " ")]
	if err := admin.Exec("REVOKE CONNECT ON DATABASE " + db + " FROM PUBLIC").Error; err != nil {
		t.Fatal(err)
	}
	withSecret := func(u string) string {
		if strings.Contains(u, "?") {
			return u + "&password=" + secret
		}
		return u + "?password=" + secret
	}
	cases := []struct{ name, addr, want string }{
		{"poort dicht", "postgres://anna@127.0.0.1:1/team", "server 127.0.0.1:1 weigert de verbinding"},
		{"onbekende database", pgtest.URL(dsn, "postgres") + "_weg", "bestaat niet op server"},
		{"onbekende gebruiker", pgtest.URL(dsn, "niemand"+suffix), "gebruiker niemand" + suffix + " bestaat niet"},
		{"TLS vereist", pgtest.URL(dsn, tlsRole) + "?sslmode=disable", "alleen toe over een versleutelde verbinding"},
		{"geen recht CONNECT", pgtest.URL(closed, noConnect), "heeft geen toegang tot database " + db},
		{"onbekende server", "postgres://anna@geen-server.invalid/team", "servernaam geen-server.invalid is onbekend"},
		{"ongeldig adres", "postgres://anna:" + secret + "@server:poort/team", "het adres van de teamdatabase is ongeldig"},
	}
	for _, c := range cases {
		_, err := Connect(withSecret(c.addr))
		if err == nil {
			t.Errorf("%s: verbonden", c.name)
			continue
		}
		if !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: melding %q, verwacht %q", c.name, err, c.want)
		}
		if strings.Contains(err.Error(), secret) {
			t.Errorf("%s: de melding noemt het wachtwoord: %q", c.name, err)
		}
	}
}

// TestTLSWhenOffered: without sslmode the connection is encrypted because
// the server offers TLS (pg_stat_ssl says so); sslmode=disable is not;
// verify-full accepts the server's own CA and refuses another in Dutch.
func TestTLSWhenOffered(t *testing.T) {
	dsn := pgtest.Database(t)
	addr := pgtest.URL(dsn, "postgres")
	check := func(a string, wantTLS bool) {
		t.Helper()
		srv, err := Connect(a)
		if err != nil {
			t.Fatalf("%s: %v", a, err)
		}
		defer srv.Close()
		info, err := srv.Info()
		if err != nil {
			t.Fatal(err)
		}
		if info.TLS != wantTLS || info.Versie == "" {
			t.Fatalf("%s: %+v, verwacht TLS=%v", a, info, wantTLS)
		}
		if want := map[bool]string{true: "versleuteld (TLS)", false: "NIET versleuteld"}[wantTLS]; !strings.Contains(info.Omschrijving(), want) {
			t.Fatalf("omschrijving %q", info.Omschrijving())
		}
	}
	check(addr, true)
	check(addr+"?sslmode=disable", false)
	check(addr+"?sslmode=verify-full&sslrootcert="+pgtest.CAFile(), true)

	_, caPEM, _, err := pgtest.NewCA("Een andere uitgever")
	if err != nil {
		t.Fatal(err)
	}
	wrong := filepath.Join(t.TempDir(), "ander-ca.crt")
	if err := os.WriteFile(wrong, caPEM, 0o600); err != nil {
		t.Fatal(err)
	}
	_, err = Connect(addr + "?sslmode=verify-full&sslrootcert=" + wrong)
	if err == nil || !strings.Contains(err.Error(), "niet uitgegeven door een vertrouwde uitgever") {
		t.Fatalf("verify-full met een andere CA: %v", err)
	}
}

// TestSplitPassword: the password leaves an address wherever it was
// written, and the rest of the address stays.
func TestSplitPassword(t *testing.T) {
	cases := []struct{ in, addr, pw string }{
		{"postgres://anna:" + secret + "@server:5432/team?sslmode=require", "postgres://anna@server:5432/team?sslmode=require", secret},
		{"postgres://anna@server/team?password=" + secret, "postgres://anna@server/team", secret},
		{"host=server user=anna password=" + secret + " dbname=team", "host=server user=anna dbname=team", secret},
		{"postgres://anna@server/team", "postgres://anna@server/team", ""},
	}
	for _, c := range cases {
		addr, pw := SplitPassword(c.in)
		if addr != c.addr || pw != c.pw {
			t.Errorf("%q: adres %q wachtwoord %q, verwacht %q %q", c.in, addr, pw, c.addr, c.pw)
		}
	}
}
