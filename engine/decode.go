package engine

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
)

// MaxProblems bounds how many problems one Decode or Validate reports; a
// hostile document cannot make the list grow without end.
const MaxProblems = 200

// Decode reads a scenario document strictly (SCENARIO.md v1, VAL-04): the
// version must be 1, every field must be known, every value of the right
// type and within the limits of limits.go, and nothing may follow the
// document. Policy documents and layout are kept as raw JSON and not looked
// into, except for their size (POL-06). On failure the error is a Problems
// value naming each problem's rule and JSON path, and the scenario is nil.
// Decode never panics.
func Decode(data []byte) (*Scenario, error) {
	if len(data) > MaxDocumentBytes {
		return nil, Problems{{Rule: "VAL-04", Path: "", Message: fmt.Sprintf("document is %d bytes, more than the limit of %d", len(data), MaxDocumentBytes)}}
	}
	d := &scenarioDecoder{data: data, dec: json.NewDecoder(bytes.NewReader(data))}
	d.dec.UseNumber()
	var s Scenario
	d.decodeDocument(&s)
	if len(d.problems.list) > 0 {
		return nil, d.problems.list
	}
	return &s, nil
}

// Load decodes and validates a scenario: Decode, then Validate. The scenario
// is nil when decoding failed; otherwise it is returned with the validation
// problems (none for a valid scenario).
func Load(data []byte) (*Scenario, Problems) {
	s, err := Decode(data)
	if err != nil {
		var ps Problems
		if errors.As(err, &ps) {
			return nil, ps
		}
		return nil, Problems{{Rule: "VAL-04", Message: err.Error()}}
	}
	return s, Validate(s)
}

// scenarioDecoder walks the token stream of one document into the model's types.
type scenarioDecoder struct {
	data     []byte
	dec      *json.Decoder
	problems problemList
	depth    int
	fatal    bool // a syntax error, excessive nesting or too many problems
	fields   map[reflect.Type]map[string]int
}

// errDecodeStop unwinds the walk after a fatal problem.
var errDecodeStop = errors.New("stop decoding")

// fail records a problem; it reports errDecodeStop once MaxProblems is reached.
func (d *scenarioDecoder) fail(rule, path, format string, args ...any) error {
	if len(d.problems.list) >= MaxProblems {
		d.problems.add("VAL-04", path, "too many problems, stopped after %d", MaxProblems)
		d.fatal = true
		return errDecodeStop
	}
	d.problems.add(rule, path, format, args...)
	return nil
}

// stop records a fatal problem and returns errDecodeStop.
func (d *scenarioDecoder) stop(path, format string, args ...any) error {
	d.problems.add("VAL-04", path, format, args...)
	d.fatal = true
	return errDecodeStop
}

// token reads the next token, turning syntax errors into a fatal problem.
func (d *scenarioDecoder) token(path string) (json.Token, error) {
	tok, err := d.dec.Token()
	if err == nil {
		return tok, nil
	}
	if err == io.EOF {
		return nil, d.stop(path, "unexpected end of the document")
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return nil, d.stop(path, "invalid JSON at byte %d: %s", se.Offset, se.Error())
	}
	return nil, d.stop(path, "invalid JSON: %s", err.Error())
}

// decodeDocument reads the top-level object, checks the version and that
// nothing follows it.
func (d *scenarioDecoder) decodeDocument(s *Scenario) {
	tok, err := d.token("")
	if err != nil {
		return
	}
	if tok != json.Delim('{') {
		d.stop("", "want a JSON object, got %s", jsonTokenKind(tok))
		return
	}
	d.depth = 1
	seen, err := d.decodeStructBody(reflect.ValueOf(s).Elem(), "")
	if err != nil {
		return
	}
	switch {
	case !seen["version"]:
		d.fail("VAL-04", "version", "missing: the scenario format version is required and must be 1")
	case s.Version != 1:
		d.fail("VAL-04", "version", "unsupported version %d, want 1", s.Version)
	}
	if _, err := d.dec.Token(); err != io.EOF {
		d.fail("VAL-04", "", "unexpected data after the document at byte %d", d.dec.InputOffset())
	}
}

// skipValue consumes one value whose first token is tok, bounding its depth.
func (d *scenarioDecoder) skipValue(tok json.Token, path string) error {
	delim, ok := tok.(json.Delim)
	if !ok {
		return nil
	}
	if delim != '{' && delim != '[' {
		return d.stop(path, "unexpected %q", string(delim))
	}
	if err := d.enter(path); err != nil {
		return err
	}
	for {
		t, err := d.token(path)
		if err != nil {
			return err
		}
		if t == json.Delim('}') || t == json.Delim(']') {
			d.depth--
			return nil
		}
		if err := d.skipValue(t, path); err != nil {
			return err
		}
	}
}

// enter counts one more level of nesting and refuses more than MaxDepth.
func (d *scenarioDecoder) enter(path string) error {
	d.depth++
	if d.depth > MaxDepth {
		return d.stop(path, "nested more than %d levels deep", MaxDepth)
	}
	return nil
}

// rawValue consumes one value whose first token is tok and returns its bytes
// as written in the document. start is the input offset before tok was read.
func (d *scenarioDecoder) rawValue(tok json.Token, start int64, path string) ([]byte, error) {
	if err := d.skipValue(tok, path); err != nil {
		return nil, err
	}
	end := d.dec.InputOffset()
	if start < 0 || end > int64(len(d.data)) || start > end {
		return nil, d.stop(path, "internal error: bad offsets")
	}
	raw := bytes.TrimLeft(d.data[start:end], " \t\r\n,:")
	return bytes.Clone(raw), nil
}

// jsonTokenKind names the JSON type of a token for messages.
func jsonTokenKind(tok json.Token) string {
	switch t := tok.(type) {
	case json.Delim:
		if t == '{' {
			return "an object"
		}
		if t == '[' {
			return "an array"
		}
		return fmt.Sprintf("%q", string(t))
	case string:
		return "a string"
	case json.Number, float64:
		return "a number"
	case bool:
		return "a boolean"
	case nil:
		return "null"
	}
	return fmt.Sprintf("%T", tok)
}
