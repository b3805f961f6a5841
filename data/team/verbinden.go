package team

import (
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"strings"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"jeugdmonitor/data/team/wachtwoord"
)

// connectTimeout bounds the wait for a server that does not answer.
const connectTimeout = 10 * time.Second

// ErrPassword marks a connection the server refused for a missing or
// wrong password: the window then asks for it.
var ErrPassword = errors.New("wachtwoord nodig of onjuist")

// passwordError is a refusal for the password, in Dutch.
type passwordError struct{ msg string }

func (e passwordError) Error() string        { return e.msg }
func (e passwordError) Is(target error) bool { return target == ErrPassword }

// passwords gives where passwords are kept (the system's keyring or the
// user's file); tests point it elsewhere through the environment.
var passwords = wachtwoord.Standaard

// Connect opens the team database at dsn (a postgres:// URL or key=value
// list). Without an sslmode in dsn, TLS is used when the server offers it.
// The password is the one in dsn, else the one kept for this address on
// this computer (RememberPassword: the user chose it in the program), else
// PGPASSWORD's or PostgreSQL's ~/.pgpass.
func Connect(dsn string) (*Server, error) { return ConnectWithPassword(dsn, "") }

// ConnectWithPassword opens the team database at dsn with password, or,
// when password is empty, as Connect does. Its errors are in Dutch, name
// the problem, and never contain the password.
func ConnectWithPassword(dsn, password string) (*Server, error) {
	if strings.TrimSpace(dsn) == "" {
		return nil, errors.New("geen teamdatabase opgegeven (--team postgres://…)")
	}
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, errAddress
	}
	if cfg.ConnectTimeout == 0 {
		cfg.ConnectTimeout = connectTimeout
	}
	_, inline := SplitPassword(dsn)
	switch {
	case password != "":
		cfg.Password = password
	case inline == "":
		if kept, ok, err := readPassword(cfg); err != nil {
			return nil, err
		} else if ok {
			cfg.Password = kept
		}
	}
	sqlDB := stdlib.OpenDB(*cfg)
	sqlDB.SetMaxOpenConns(2)
	ctx, cancel := context.WithTimeout(context.Background(), 2*connectTimeout)
	defer cancel()
	if err := sqlDB.PingContext(ctx); err != nil {
		sqlDB.Close()
		return nil, describeConnectError(err, cfg)
	}
	db, err := gorm.Open(postgres.New(postgres.Config{Conn: sqlDB}), &gorm.Config{Logger: logger.Discard})
	if err != nil {
		sqlDB.Close()
		return nil, describeConnectError(err, cfg)
	}
	return &Server{db: db}, nil
}

// errAddress is returned for an address that cannot be read. It does not
// repeat the address, which may hold a password.
var errAddress = errors.New("het adres van de teamdatabase is ongeldig; voorbeeld: postgres://gebruiker@server:5432/database")

// PasswordKey is what a password is kept under: user, server, port and
// database of the address dsn, never the password.
func PasswordKey(dsn string) (string, error) {
	cfg, err := pgconn.ParseConfig(dsn)
	if err != nil {
		return "", errAddress
	}
	return passwordKey(cfg), nil
}

func passwordKey(cfg *pgconn.Config) string {
	return fmt.Sprintf("%s@%s:%d/%s", cfg.User, cfg.Host, cfg.Port, cfg.Database)
}

// readPassword gives the password kept for the address of cfg, if any.
func readPassword(cfg *pgx.ConnConfig) (string, bool, error) {
	k, err := passwords()
	if err != nil {
		return "", false, err
	}
	return k.Lees(passwordKey(&cfg.Config))
}

// RememberPassword keeps password for the address dsn on this computer
// (see package wachtwoord for where); it says where.
func RememberPassword(dsn, password string) (string, error) {
	key, err := PasswordKey(dsn)
	if err != nil {
		return "", err
	}
	k, err := passwords()
	if err != nil {
		return "", err
	}
	return k.Plaats(), k.Bewaar(key, password)
}

// ForgetPassword removes the password kept for the address dsn, if any.
func ForgetPassword(dsn string) error {
	key, err := PasswordKey(dsn)
	if err != nil {
		return err
	}
	k, err := passwords()
	if err != nil {
		return err
	}
	return k.Vergeet(key)
}

// wsaeConnRefused is Windows' WSAECONNREFUSED, which Go's syscall does not
// name: a refused connection there is not syscall.ECONNREFUSED.
const wsaeConnRefused = syscall.Errno(10061)

// describeConnectError says in Dutch why connecting failed, naming the
// user, server and database but never the password.
func describeConnectError(err error, cfg *pgx.ConnConfig) error {
	who, where := cfg.User, fmt.Sprintf("%s:%d", cfg.Host, cfg.Port)
	var pgErr *pgconn.PgError
	var dnsErr *net.DNSError
	var unknownCA x509.UnknownAuthorityError
	var hostErr x509.HostnameError
	var invalid x509.CertificateInvalidError
	switch {
	case errors.As(err, &pgErr):
		return describeServerRefusal(pgErr, cfg)
	case errors.As(err, &unknownCA):
		return fmt.Errorf("het certificaat van server %s is niet uitgegeven door een vertrouwde uitgever (sslrootcert); "+
			"er is geen verbinding gemaakt", where)
	case errors.As(err, &hostErr):
		return fmt.Errorf("het certificaat van de server hoort niet bij de naam %s; er is geen verbinding gemaakt", cfg.Host)
	case errors.As(err, &invalid):
		return fmt.Errorf("het certificaat van server %s is ongeldig of verlopen; er is geen verbinding gemaakt", where)
	case errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, wsaeConnRefused):
		return fmt.Errorf("server %s weigert de verbinding: draait PostgreSQL daar, en klopt de poort?", where)
	case errors.Is(err, syscall.ENOENT):
		// a server on this computer, reached through a socket file that is gone
		return fmt.Errorf("server %s onbereikbaar: PostgreSQL draait daar niet (geen socket %s)", where, cfg.Host)
	case errors.As(err, &dnsErr):
		return fmt.Errorf("de servernaam %s is onbekend (een typfout, of geen netwerk?)", cfg.Host)
	case errors.Is(err, context.DeadlineExceeded) || isTimeout(err):
		return fmt.Errorf("server %s antwoordt niet (geen netwerk, of houdt een firewall de verbinding tegen?)", where)
	case strings.Contains(err.Error(), "server refused TLS connection"):
		return fmt.Errorf("server %s biedt geen versleutelde verbinding (TLS) aan, maar het adres eist die (sslmode); "+
			"vraag IT om TLS aan te zetten", where)
	}
	return fmt.Errorf("geen verbinding met de teamdatabase op %s als %s: %s", where, who, scrub(err.Error(), cfg.Password))
}

// describeServerRefusal says in Dutch why the server refused a connection.
func describeServerRefusal(e *pgconn.PgError, cfg *pgx.ConnConfig) error {
	who, db, where := cfg.User, cfg.Database, fmt.Sprintf("%s:%d", cfg.Host, cfg.Port)
	switch {
	case e.Code == "28P01" && cfg.Password == "":
		return passwordError{fmt.Sprintf("server %s vraagt een wachtwoord voor gebruiker %s", where, who)}
	case e.Code == "28P01":
		return passwordError{fmt.Sprintf("server %s weigert het wachtwoord van gebruiker %s", where, who)}
	case e.Code == "28000" && strings.Contains(e.Message, "no encryption"):
		return fmt.Errorf("server %s laat gebruiker %s alleen toe over een versleutelde verbinding (TLS), en het adres "+
			"zet die uit (sslmode=disable); laat sslmode weg of zet sslmode=require", where, who)
	case e.Code == "28000" && strings.Contains(e.Message, "role") && strings.Contains(e.Message, "does not exist"):
		return fmt.Errorf("gebruiker %s bestaat niet op server %s; IT maakt hem (CREATE ROLE … LOGIN)", who, where)
	case e.Code == "28000":
		return fmt.Errorf("server %s laat gebruiker %s niet toe op database %s vanaf deze computer (pg_hba.conf); "+
			"vraag IT om toegang", where, who, db)
	case e.Code == "3D000":
		return fmt.Errorf("database %s bestaat niet op server %s; controleer de naam in het adres", db, where)
	case e.Code == "42501":
		return fmt.Errorf("gebruiker %s heeft geen toegang tot database %s (recht CONNECT ontbreekt); vraag de eigenaar of IT", who, db)
	case e.Code == "53300":
		return fmt.Errorf("server %s heeft geen verbindingen meer vrij; probeer het over een minuut opnieuw", where)
	case e.Code == "57P03":
		return fmt.Errorf("server %s start op of sluit af; probeer het zo opnieuw", where)
	}
	return fmt.Errorf("server %s weigert de verbinding van %s: %s (code %s)", where, who, scrub(e.Message, cfg.Password), e.Code)
}

// isTimeout reports whether err is a network timeout.
func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// scrub removes a password from a message that might repeat it.
func scrub(msg, password string) string {
	if password == "" {
		return msg
	}
	return strings.ReplaceAll(msg, password, "…")
}

// Info is what a test of the connection tells the user.
type Info struct {
	// Versie is the PostgreSQL version of the server.
	Versie string
	// TLS says whether the connection is encrypted.
	TLS bool
	// Teamdatabase says whether the database already holds a team register.
	Teamdatabase bool
}

// Info asks the server its version, whether this connection uses TLS, and
// whether the database is a team database.
func (s *Server) Info() (Info, error) {
	var row struct {
		Versie string
		TLS    bool
	}
	err := s.db.Raw("SELECT current_setting('server_version') AS versie," +
		" coalesce((SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()), false) AS tls").Scan(&row).Error
	if err != nil {
		return Info{}, fmt.Errorf("de server kan niet worden gevraagd naar zijn versie: %w", err)
	}
	team, err := s.hasSchema(s.db)
	if err != nil {
		return Info{}, err
	}
	return Info{Versie: row.Versie, TLS: row.TLS, Teamdatabase: team}, nil
}

// Omschrijving says in Dutch what the test found.
func (i Info) Omschrijving() string {
	tls := "versleuteld (TLS)"
	if !i.TLS {
		tls = "NIET versleuteld (de server biedt geen TLS aan, of het adres zet het uit met sslmode=disable)"
	}
	team := "de database bevat een teamregister"
	if !i.Teamdatabase {
		team = "de database bevat nog geen teamregister (Teamdatabase inrichten, of jeugdmonitor team init)"
	}
	return fmt.Sprintf("Verbonden met PostgreSQL %s; de verbinding is %s; %s.", i.Versie, tls, team)
}
