package strictjson

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
)

// DecodeStream reads one JSON object from r into the struct v as strictly
// as Decode, without holding the document in memory: it walks the object's
// keys with json.Decoder tokens and decodes each element of an array field
// on its own, so memory is what v holds plus one element. A key that is not
// a field of v, or that comes twice, is an error. On an error, r is read
// again from the start to name the line.
func DecodeStream(r io.ReadSeeker, v any) error {
	err := decodeStream(r, v)
	if err == nil {
		return nil
	}
	line := func(offset int64) int {
		n, lerr := lineAt(r, offset)
		if lerr != nil {
			return 0
		}
		return n
	}
	var wrong *delimError
	if errors.As(err, &wrong) {
		return fmt.Errorf("regel %d: ongeldige JSON: %q verwacht", line(wrong.offset), string(wrong.want))
	}
	return describe(line, err)
}

// delimError is a document whose structure is not the object (or array)
// expected at offset.
type delimError struct {
	want   json.Delim
	offset int64
}

func (e *delimError) Error() string { return fmt.Sprintf("%q verwacht", string(e.want)) }

// lineAt reads r from the start and returns the line of byte offset.
func lineAt(r io.ReadSeeker, offset int64) (int, error) {
	if _, err := r.Seek(0, io.SeekStart); err != nil {
		return 0, err
	}
	br := bufio.NewReader(io.LimitReader(r, offset))
	line := 1
	for {
		b, err := br.ReadByte()
		if errors.Is(err, io.EOF) {
			return line, nil
		}
		if err != nil {
			return 0, err
		}
		if b == '\n' {
			line++
		}
	}
}

func decodeStream(r io.Reader, v any) error {
	target := reflect.ValueOf(v)
	if target.Kind() != reflect.Pointer || target.Elem().Kind() != reflect.Struct {
		return fmt.Errorf("strictjson: %T is geen verwijzing naar een struct", v)
	}
	fields := jsonFields(target.Elem())
	br := bufio.NewReader(r)
	if bom, _ := br.Peek(3); bytes.Equal(bom, []byte("\uFEFF")) {
		br.Discard(3)
	}
	dec := json.NewDecoder(br)
	dec.DisallowUnknownFields()
	if err := expectDelim(dec, '{'); err != nil {
		return err
	}
	seen := map[string]bool{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return inField("", err)
		}
		key, _ := tok.(string)
		field, ok := fields[key]
		if !ok {
			return fmt.Errorf("json: unknown field %q", key)
		}
		if seen[key] {
			return fmt.Errorf("veld %q staat twee keer in het document", key)
		}
		seen[key] = true
		if err := decodeField(dec, field); err != nil {
			return inField(key, err)
		}
	}
	if err := expectDelim(dec, '}'); err != nil {
		return inField("", err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return errors.New("er staat nog iets na het document")
	}
	return nil
}

// inField names the top-level key in a type error and turns an end of
// input inside the object into a document that stops halfway.
func inField(key string, err error) error {
	var typeErr *json.UnmarshalTypeError
	switch {
	case errors.Is(err, io.EOF):
		return io.ErrUnexpectedEOF
	case errors.As(err, &typeErr) && key != "":
		c := *typeErr
		c.Field = strings.TrimSuffix(key+"."+c.Field, ".")
		return &c
	}
	return err
}

// decode decodes the next value into v; a type error gets the value's
// offset in the document (json.Decoder gives it within the value).
func decode(dec *json.Decoder, v any) error {
	start := dec.InputOffset()
	err := dec.Decode(v)
	var typeErr *json.UnmarshalTypeError
	if errors.As(err, &typeErr) {
		c := *typeErr
		c.Offset += start
		return &c
	}
	return err
}

// decodeField decodes a field's value: an array element by element.
func decodeField(dec *json.Decoder, field reflect.Value) error {
	if field.Kind() != reflect.Slice {
		return decode(dec, field.Addr().Interface())
	}
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	if tok == nil {
		field.SetZero()
		return nil
	}
	if d, ok := tok.(json.Delim); !ok || d != '[' {
		return &delimError{want: '[', offset: dec.InputOffset()}
	}
	field.Set(reflect.MakeSlice(field.Type(), 0, 0))
	for dec.More() {
		elem := reflect.New(field.Type().Elem())
		if err := decode(dec, elem.Interface()); err != nil {
			return err
		}
		field.Set(reflect.Append(field, elem.Elem()))
	}
	return expectDelim(dec, ']')
}

// expectDelim reads the next token and requires it to be d.
func expectDelim(dec *json.Decoder, d json.Delim) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	if got, ok := tok.(json.Delim); !ok || got != d {
		return &delimError{want: d, offset: dec.InputOffset()}
	}
	return nil
}

// jsonFields maps the JSON names of a struct's exported fields to them.
func jsonFields(s reflect.Value) map[string]reflect.Value {
	out := map[string]reflect.Value{}
	for i := range s.NumField() {
		f := s.Type().Field(i)
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		out[name] = s.Field(i)
	}
	return out
}
