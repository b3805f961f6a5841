package register

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"

	"jeugdmonitor/assets"
	"jeugdmonitor/data/strictjson"
)

// Load reads every *.json document in the root of fsys, in name order. Unknown
// fields, trailing data and malformed JSON are errors naming the file and the
// place in it.
func Load(fsys fs.FS, dir string) ([]Document, error) {
	names, err := fs.Glob(fsys, path.Join(dir, "*.json"))
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("geen registerbestanden in %s", dir)
	}
	sort.Strings(names)
	docs := make([]Document, 0, len(names))
	for _, name := range names {
		body, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		doc, err := Decode(body)
		if err != nil {
			return nil, fmt.Errorf("registerbestand %s: %w", name, err)
		}
		docs = append(docs, doc)
	}
	return docs, nil
}

// Decode reads one register document strictly.
func Decode(body []byte) (Document, error) {
	var doc Document
	if err := strictjson.Decode(body, &doc); err != nil {
		return doc, err
	}
	if doc.Titel == "" {
		return doc, errors.New("het document heeft geen titel")
	}
	return doc, nil
}

// Builtin reads the register embedded in the binary.
func Builtin() ([]Document, error) {
	return Load(assets.Register, "register")
}
