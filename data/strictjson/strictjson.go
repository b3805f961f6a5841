// Package strictjson decodes the application's own JSON files (the built-in
// register, a full export) strictly: unknown fields and trailing data are
// errors, and every error is in Dutch with the line it was found on.
package strictjson

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Decode reads one JSON value from body into v, after an optional UTF-8 byte
// order mark.
func Decode(body []byte, v any) error {
	body = bytes.TrimPrefix(body, []byte("\uFEFF"))
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return describe(func(offset int64) int { return lineOf(body, offset) }, err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return errors.New("er staat nog iets na het document")
	}
	return nil
}

// describe adds the line number (line gives it for a byte offset) to a
// JSON error and puts it in Dutch.
func describe(line func(offset int64) int, err error) error {
	var syntax *json.SyntaxError
	var typeErr *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syntax):
		return fmt.Errorf("regel %d: ongeldige JSON: %v", line(syntax.Offset), err)
	case errors.As(err, &typeErr):
		return fmt.Errorf("regel %d: veld %s heeft het verkeerde type", line(typeErr.Offset), typeErr.Field)
	case errors.Is(err, io.EOF):
		return errors.New("het bestand is leeg")
	case errors.Is(err, io.ErrUnexpectedEOF):
		return errors.New("het bestand houdt halverwege op")
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		return fmt.Errorf("onbekend veld %s", strings.TrimPrefix(err.Error(), "json: unknown field "))
	default:
		return fmt.Errorf("onleesbaar: %v", err)
	}
}

func lineOf(body []byte, offset int64) int {
	return bytes.Count(body[:min(max(offset, 0), int64(len(body)))], []byte("\n")) + 1
}
