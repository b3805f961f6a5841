// Package odatatest replays recorded answers of CBS's open data service
// (data/cbs/odata/testdata/replay, in the documented OData v3 JSON shape)
// from a local server, for tests and for trying the program without the
// internet. A request for /<tabel>/<lijst> gets <tabel>/<lijst>.json, with
// $skip=N <tabel>/<lijst>.skipN.json; links to CBS in an answer are turned
// into links to the local server.
package odatatest

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"jeugdmonitor/data/cbs/odata"
)

// Map is the folder of the recorded answers, found from the working
// directory (a test runs in its package's folder) up to the module's root:
// the source path compiled into the binary does not exist where a test
// binary built for Windows runs under Wine.
func Map() string {
	dir, err := os.Getwd()
	if err != nil {
		panic(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, "data", "cbs", "odata", "testdata", "replay")
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			panic("odatatest: geen go.mod boven de werkmap " + dir)
		}
		dir = parent
	}
}

// Handler serves the answers in dir; base gives the server's own URL, which
// replaces CBS's in the answers (odata.nextLink).
func Handler(dir string, base func() string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		parts := strings.Split(strings.Trim(path.Clean(r.URL.Path), "/"), "/")
		if len(parts) < 2 {
			http.NotFound(w, r)
			return
		}
		name := parts[len(parts)-1]
		if skip := r.URL.Query().Get("$skip"); skip != "" {
			name += ".skip" + skip
		}
		body, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(parts[len(parts)-2]), filepath.Base(name)+".json"))
		if err != nil {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusNotFound)
			w.Write([]byte(`{"odata.error":{"code":"","message":{"lang":"nl-NL","value":"Resource not found."}}}`))
			return
		}
		w.Header().Set("Content-Type", "application/json;odata=minimalmetadata;streaming=true;charset=utf-8")
		w.Write([]byte(strings.ReplaceAll(string(body), odata.StandaardURL, base())))
	})
}

// Server is a replaying server that notes every request.
type Server struct {
	*httptest.Server
	mu        sync.Mutex
	verzoeken []string
}

// Start starts a server replaying the recorded answers, stopped when the
// test ends; extra, when set, answers first (return false to pass on).
func Start(t testing.TB, extra func(w http.ResponseWriter, r *http.Request) bool) *Server {
	s := &Server{}
	replay := Handler(Map(), func() string { return s.URL })
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.verzoeken = append(s.verzoeken, r.URL.String())
		s.mu.Unlock()
		if extra != nil && extra(w, r) {
			return
		}
		replay.ServeHTTP(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

// Verzoeken lists the URLs requested so far (path and query).
func (s *Server) Verzoeken() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.verzoeken...)
}
