package importer

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"jeugdmonitor/data/export"
)

// TestFullExportReadInBoundedMemory reads a 60 MB full export (built in the
// test from the register's export with many long policy texts) and requires
// a peak heap of at most twice the file's size: the records themselves,
// never the file's text besides (it took 6x when read whole and decoded).
func TestFullExportReadInBoundedMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("bouwt een export van 60 MB")
	}
	s := openRegister(t)
	var good bytes.Buffer
	if err := export.Write(&good, s, export.KindAlles, export.FormatJSON); err != nil {
		t.Fatal(err)
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(good.Bytes(), &m); err != nil {
		t.Fatal(err)
	}
	var texts []export.Beleidstekst
	json.Unmarshal(m["beleidsteksten"], &texts)
	text := strings.Repeat("Zwolle zet in op preventie en vroegsignalering. ", 60)
	var big []export.Beleidstekst
	for i := range 20000 {
		b := texts[0]
		b.ID, b.Titel, b.Tekst = uint(100000+i), fmt.Sprintf("Tekst %d", i), text
		big = append(big, b)
	}
	m["beleidsteksten"], _ = json.Marshal(big)
	body, _ := json.MarshalIndent(m, "", "  ")
	path := filepath.Join(t.TempDir(), "alles.json")
	if err := os.WriteFile(path, body, 0o644); err != nil {
		t.Fatal(err)
	}
	size := uint64(len(body))
	body, big, texts, m = nil, nil, nil, nil
	good.Reset()

	runtime.GC()
	var base runtime.MemStats
	runtime.ReadMemStats(&base)
	var peak atomic.Uint64
	done := make(chan struct{})
	go func() {
		var ms runtime.MemStats
		for {
			select {
			case <-done:
				return
			case <-time.After(2 * time.Millisecond):
				runtime.ReadMemStats(&ms)
				if ms.HeapInuse > peak.Load() {
					peak.Store(ms.HeapInuse)
				}
			}
		}
	}()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	a, err := ReadFullExport(f)
	f.Close()
	close(done)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Beleidsteksten) != 20000 {
		t.Fatalf("%d texts read", len(a.Beleidsteksten))
	}
	used := peak.Load() - min(peak.Load(), base.HeapInuse)
	t.Logf("export %d MB, piek heap %d MB boven de basis", size>>20, used>>20)
	if used > 2*size {
		t.Errorf("reading a %d MB export took %d MB, more than twice its size", size>>20, used>>20)
	}
}
