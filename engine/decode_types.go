package engine

import (
	"encoding/json"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// rawMessageType is the type of free-form fields: policies and layout.
var rawMessageType = reflect.TypeFor[json.RawMessage]()

// fieldIndex maps the JSON names of a struct type to field indexes, and says
// which are required (their tag has no omitempty).
func (d *scenarioDecoder) fieldIndex(t reflect.Type) map[string]int {
	if d.fields == nil {
		d.fields = map[reflect.Type]map[string]int{}
	}
	if m, ok := d.fields[t]; ok {
		return m
	}
	m := map[string]int{}
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if !f.IsExported() || name == "" || name == "-" {
			continue
		}
		m[name] = i
	}
	d.fields[t] = m
	return m
}

// requiredFields lists, in declaration order, the JSON names of t's fields
// whose tag has neither omitempty nor omitzero: SCENARIO.md lists them
// without "?".
func requiredFields(t reflect.Type) []string {
	var out []string
	for i := range t.NumField() {
		name, opts, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if name == "" || name == "-" || slices.ContainsFunc(strings.Split(opts, ","), isOmitOption) {
			continue
		}
		out = append(out, name)
	}
	return out
}

// isOmitOption reports whether a json tag option makes a field optional.
func isOmitOption(opt string) bool { return opt == "omitempty" || opt == "omitzero" }

// decodeStructBody reads the members of an object whose '{' was just read
// into the struct v, and returns the names it saw. Unknown, duplicate and
// missing required fields are problems; the walk goes on after them.
func (d *scenarioDecoder) decodeStructBody(v reflect.Value, path string) (map[string]bool, error) {
	fields := d.fieldIndex(v.Type())
	seen := map[string]bool{}
	for {
		tok, err := d.token(path)
		if err != nil {
			return seen, err
		}
		if tok == json.Delim('}') {
			d.depth--
			break
		}
		name, _ := tok.(string)
		fpath := pathField(path, name)
		start := d.dec.InputOffset()
		valTok, err := d.token(fpath)
		if err != nil {
			return seen, err
		}
		i, known := fields[name]
		switch {
		case seen[name]:
			err = d.fail("VAL-04", fpath, "duplicate field")
		case !known:
			err = d.fail("VAL-04", fpath, "unknown field")
		}
		if err != nil {
			return seen, err
		}
		if seen[name] || !known {
			if err := d.skipValue(valTok, fpath); err != nil {
				return seen, err
			}
			continue
		}
		seen[name] = true
		if err := d.decodeValue(v.Field(i), valTok, start, fpath); err != nil {
			return seen, err
		}
	}
	if v.Type() != reflect.TypeFor[Scenario]() {
		for _, name := range requiredFields(v.Type()) {
			if !seen[name] {
				if err := d.fail("VAL-04", pathField(path, name), "missing required field"); err != nil {
					return seen, err
				}
			}
		}
	}
	return seen, nil
}

// decodeValue stores the value starting with tok into v. A value of the
// wrong type is a problem and is skipped. start is the input offset before
// tok (for raw JSON).
func (d *scenarioDecoder) decodeValue(v reflect.Value, tok json.Token, start int64, path string) error {
	if v.Type() == rawMessageType {
		return d.decodeRaw(v, tok, start, path)
	}
	switch v.Kind() {
	case reflect.Pointer:
		if tok == nil {
			return nil
		}
		p := reflect.New(v.Type().Elem())
		if err := d.decodeValue(p.Elem(), tok, start, path); err != nil {
			return err
		}
		v.Set(p)
		return nil
	case reflect.Slice:
		if tok == nil {
			return nil
		}
		if tok != json.Delim('[') {
			return d.wrongType(tok, "an array", path)
		}
		return d.decodeSlice(v, path)
	case reflect.Map:
		if tok == nil {
			return nil
		}
		if tok != json.Delim('{') {
			return d.wrongType(tok, "an object", path)
		}
		return d.decodeMap(v, path)
	case reflect.Struct:
		if tok != json.Delim('{') {
			return d.wrongType(tok, "an object", path)
		}
		if err := d.enter(path); err != nil {
			return err
		}
		_, err := d.decodeStructBody(v, path)
		return err
	case reflect.String:
		s, ok := tok.(string)
		if !ok {
			return d.wrongType(tok, "a string", path)
		}
		if limit := stringLimit(path); utf8.RuneCountInString(s) > limit {
			return d.fail("VAL-04", path, "string of %d characters, more than the limit of %d", utf8.RuneCountInString(s), limit)
		}
		v.SetString(s)
	case reflect.Bool:
		b, ok := tok.(bool)
		if !ok {
			return d.wrongType(tok, "a boolean", path)
		}
		v.SetBool(b)
	case reflect.Int:
		n, ok := tok.(json.Number)
		if !ok {
			return d.wrongType(tok, "an integer", path)
		}
		i, err := strconv.ParseInt(n.String(), 10, strconv.IntSize)
		if err != nil {
			return d.fail("VAL-04", path, "want an integer, got %s", n.String())
		}
		v.SetInt(i)
	case reflect.Float64:
		n, ok := tok.(json.Number)
		if !ok {
			return d.wrongType(tok, "a number", path)
		}
		f, err := strconv.ParseFloat(n.String(), 64)
		if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
			return d.fail("VAL-04", path, "want a finite number, got %s", n.String())
		}
		v.SetFloat(f)
	default:
		// The model holds no other kinds; refuse rather than guess.
		return d.wrongType(tok, "no value of type "+v.Type().String(), path)
	}
	return nil
}

// wrongType records a type problem and skips the offending value.
func (d *scenarioDecoder) wrongType(tok json.Token, want, path string) error {
	if err := d.fail("VAL-04", path, "want %s, got %s", want, jsonTokenKind(tok)); err != nil {
		return err
	}
	return d.skipValue(tok, path)
}

// decodeSlice reads the items of an array whose '[' was just read.
func (d *scenarioDecoder) decodeSlice(v reflect.Value, path string) error {
	if err := d.enter(path); err != nil {
		return err
	}
	s := reflect.MakeSlice(v.Type(), 0, 0)
	for i := 0; ; i++ {
		ipath := pathIndex(path, i)
		start := d.dec.InputOffset()
		tok, err := d.token(ipath)
		if err != nil {
			return err
		}
		if tok == json.Delim(']') {
			d.depth--
			break
		}
		if i >= MaxArrayItems {
			if i == MaxArrayItems {
				if err := d.fail("VAL-04", path, "more than %d items", MaxArrayItems); err != nil {
					return err
				}
			}
			if err := d.skipValue(tok, ipath); err != nil {
				return err
			}
			continue
		}
		item := reflect.New(v.Type().Elem()).Elem()
		if err := d.decodeValue(item, tok, start, ipath); err != nil {
			return err
		}
		s = reflect.Append(s, item)
	}
	v.Set(s)
	return nil
}

// decodeMap reads the members of an object whose '{' was just read into a
// map with string keys (tags, ipAddresses).
func (d *scenarioDecoder) decodeMap(v reflect.Value, path string) error {
	if err := d.enter(path); err != nil {
		return err
	}
	m := reflect.MakeMap(v.Type())
	for n := 0; ; n++ {
		tok, err := d.token(path)
		if err != nil {
			return err
		}
		if tok == json.Delim('}') {
			d.depth--
			break
		}
		k, _ := tok.(string)
		kpath := pathKey(path, k)
		start := d.dec.InputOffset()
		valTok, err := d.token(kpath)
		if err != nil {
			return err
		}
		var problem error
		switch {
		case n >= MaxArrayItems:
			if n == MaxArrayItems {
				problem = d.fail("VAL-04", path, "more than %d entries", MaxArrayItems)
			}
		case m.MapIndex(reflect.ValueOf(k)).IsValid():
			problem = d.fail("VAL-04", kpath, "duplicate key")
		case utf8.RuneCountInString(k) > MaxNameLength:
			problem = d.fail("VAL-04", kpath, "key of %d characters, more than the limit of %d", utf8.RuneCountInString(k), MaxNameLength)
		default:
			item := reflect.New(v.Type().Elem()).Elem()
			if err := d.decodeValue(item, valTok, start, kpath); err != nil {
				return err
			}
			m.SetMapIndex(reflect.ValueOf(k).Convert(v.Type().Key()), item)
			continue
		}
		if problem != nil {
			return problem
		}
		if err := d.skipValue(valTok, kpath); err != nil {
			return err
		}
	}
	v.Set(m)
	return nil
}

// decodeRaw keeps a free-form value (a policy document or the layout) as the
// JSON it is written as. A policy longer than MaxPolicyLength characters is a
// POL-06 problem; null means omitted.
func (d *scenarioDecoder) decodeRaw(v reflect.Value, tok json.Token, start int64, path string) error {
	raw, err := d.rawValue(tok, start, path)
	if err != nil {
		return err
	}
	if tok == nil {
		return nil
	}
	if path != "layout" {
		if n := utf8.RuneCount(raw); n > MaxPolicyLength {
			return d.fail("POL-06", path, "policy document of %d characters, more than the limit of %d", n, MaxPolicyLength)
		}
	}
	v.SetBytes(raw)
	return nil
}

// stringLimit is the longest string allowed at path: free text (title,
// description) may be long, every other string is an ID, name, ARN, address
// or short value.
func stringLimit(path string) int {
	if path == "title" || path == "description" {
		return MaxTextLength
	}
	return MaxNameLength
}
