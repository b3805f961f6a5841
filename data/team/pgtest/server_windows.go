package pgtest

import "errors"

// server is never started on Windows: the tests use Debian's PostgreSQL on Linux.
type server struct{}

func start() (*server, error) {
	return nil, errors.New("de PostgreSQL-testserver draait alleen op Linux (Debian-pakket postgresql)")
}

func (s *server) dsn(user, database string) string { return "" }

func (s *server) stop() {}

func (s *server) caFile() string { return "" }
