//go:build !windows

package pgtest

import (
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"syscall"
)

// server is a running throwaway PostgreSQL server.
type server struct {
	dir  string // temporary folder: data/, the log
	bin  string // folder of initdb and pg_ctl
	port int
	cred *syscall.Credential // postgres user's, when run as root
}

// findBin finds the folder of initdb and pg_ctl: Debian keeps them in
// /usr/lib/postgresql/VERSION/bin (the newest is taken), elsewhere they
// are on PATH.
func findBin() (string, error) {
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool {
		vi, _ := strconv.Atoi(filepath.Base(filepath.Dir(dirs[i])))
		vj, _ := strconv.Atoi(filepath.Base(filepath.Dir(dirs[j])))
		return vi > vj
	})
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "initdb")); err == nil {
			return d, nil
		}
	}
	if p, err := exec.LookPath("initdb"); err == nil {
		return filepath.Dir(p), nil
	}
	return "", errors.New("initdb niet gevonden (niet in /usr/lib/postgresql/*/bin en niet op PATH)")
}

// freePort asks the system for a free local TCP port.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// start makes a new cluster in a temporary folder and starts it.
func start() (*server, error) {
	bin, err := findBin()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "jeugdmonitor-pgtest-")
	if err != nil {
		return nil, err
	}
	s := &server{dir: dir, bin: bin}
	if os.Getuid() == 0 {
		u, err := user.Lookup("postgres")
		if err != nil {
			os.RemoveAll(dir)
			return nil, fmt.Errorf("als root draait PostgreSQL als gebruiker postgres, maar die bestaat niet: %w", err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		s.cred = &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}
		if err := os.Chown(dir, uid, gid); err != nil {
			os.RemoveAll(dir)
			return nil, err
		}
	}
	if err := s.run("initdb", "-D", s.data(), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	if err := s.prepareAuth(); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	// a port can be taken between asking and starting: try a few
	for range 5 {
		if s.port, err = freePort(); err != nil {
			break
		}
		opts := fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c ssl=on", s.port, dir)
		if err = s.run("pg_ctl", "-D", s.data(), "-l", filepath.Join(dir, "server.log"), "-o", opts, "-w", "-t", "60", "start"); err == nil {
			return s, s.makeGroups()
		}
	}
	log, _ := os.ReadFile(filepath.Join(dir, "server.log"))
	os.RemoveAll(dir)
	return nil, fmt.Errorf("%w; serverlog: %s", err, log)
}

func (s *server) data() string { return filepath.Join(s.dir, "data") }

// prepareAuth writes the server's TLS certificate (signed by a test CA,
// kept beside the data as ca.crt) and puts the rules for the test groups
// before initdb's rules, which trust every local connection.
func (s *server) prepareAuth() error {
	caPEM, certPEM, keyPEM, err := certificates()
	if err != nil {
		return err
	}
	files := []struct {
		name string
		data []byte
	}{{filepath.Join(s.dir, "ca.crt"), caPEM}, {filepath.Join(s.data(), "server.crt"), certPEM}, {filepath.Join(s.data(), "server.key"), keyPEM}}
	for _, f := range files {
		if err := os.WriteFile(f.name, f.data, 0o600); err != nil {
			return err
		}
		if s.cred != nil && filepath.Dir(f.name) == s.data() {
			if err := os.Chown(f.name, int(s.cred.Uid), int(s.cred.Gid)); err != nil {
				return err
			}
		}
	}
	hba := filepath.Join(s.data(), "pg_hba.conf")
	rules, err := os.ReadFile(hba)
	if err != nil {
		return err
	}
	own := fmt.Sprintf("hostnossl all +%s 127.0.0.1/32 reject\nhost all +%s 127.0.0.1/32 scram-sha-256\n", GroupTLS, GroupPassword)
	return os.WriteFile(hba, append([]byte(own), rules...), 0o600)
}

// makeGroups makes the roles whose members the rules of prepareAuth are for.
func (s *server) makeGroups() error {
	db, err := Open(s.dsn("postgres", "postgres"))
	if err != nil {
		return err
	}
	defer closeDB(db)
	for _, g := range []string{GroupTLS, GroupPassword} {
		if err := db.Exec("CREATE ROLE " + g + " NOLOGIN").Error; err != nil {
			return err
		}
	}
	return nil
}

// caFile is the test CA's certificate.
func (s *server) caFile() string { return filepath.Join(s.dir, "ca.crt") }

// run runs a PostgreSQL program from the server's bin folder, as postgres
// when the tests run as root.
func (s *server) run(name string, args ...string) error {
	cmd := exec.Command(filepath.Join(s.bin, name), args...)
	cmd.Dir = s.dir
	if s.cred != nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: s.cred}
	}
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("%s: %w: %s", name, err, out)
	}
	return nil
}

// dsn is the connection string for user on database.
func (s *server) dsn(user, database string) string {
	return fmt.Sprintf("host=127.0.0.1 port=%d user=%s dbname=%s sslmode=disable", s.port, user, database)
}

// stop ends the server at once and removes its folder.
func (s *server) stop() {
	_ = s.run("pg_ctl", "-D", s.data(), "-m", "immediate", "-w", "stop")
	os.RemoveAll(s.dir)
}
