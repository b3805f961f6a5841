package register

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"

	"jeugdmonitor/assets"
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
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&doc); err != nil {
		return doc, describeJSONError(body, err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return doc, errors.New("er staat nog iets na het document")
	}
	if doc.Titel == "" {
		return doc, errors.New("het document heeft geen titel")
	}
	return doc, nil
}

// describeJSONError adds the line number to a JSON error.
func describeJSONError(body []byte, err error) error {
	var syntax *json.SyntaxError
	var typeErr *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syntax):
		return fmt.Errorf("regel %d: ongeldige JSON: %v", lineOf(body, syntax.Offset), err)
	case errors.As(err, &typeErr):
		return fmt.Errorf("regel %d: veld %s heeft het verkeerde type", lineOf(body, typeErr.Offset), typeErr.Field)
	default:
		return err
	}
}

func lineOf(body []byte, offset int64) int {
	if offset > int64(len(body)) {
		offset = int64(len(body))
	}
	return bytes.Count(body[:offset], []byte("\n")) + 1
}

// Builtin reads the register embedded in the binary.
func Builtin() ([]Document, error) {
	return Load(assets.Register, "register")
}
