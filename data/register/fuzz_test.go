package register

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzDecode feeds the register loader damaged and foreign documents: it must
// never panic, and what it accepts must hold a title (the one thing every
// entry's source reference needs).
func FuzzDecode(f *testing.F) {
	seeds, _ := filepath.Glob("../../assets/register/*.json")
	for _, name := range seeds {
		if body, err := os.ReadFile(name); err == nil {
			f.Add(body)
			f.Add(body[:len(body)/2])
		}
	}
	f.Add([]byte(`{"titel":"x","interventies":[{"naam":1}]}`))
	f.Add([]byte(`{"titel":"x"} {"titel":"y"}`))
	f.Add([]byte("\xef\xbb\xbf{}"))
	f.Fuzz(func(t *testing.T, body []byte) {
		doc, err := Decode(body)
		if err == nil && doc.Titel == "" {
			t.Fatal("accepted a document without a title")
		}
	})
}
