package policy

import (
	"bytes"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
)

// member is one key/value pair of a JSON object, in document order.
type member struct {
	Key   string
	Value json.RawMessage
}

// decodeObject splits a JSON object into its members in document order. It
// reports false when raw is not an object. raw must be valid JSON.
func decodeObject(raw json.RawMessage) ([]member, bool) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	tok, err := dec.Token()
	if err != nil || tok != json.Delim('{') {
		return nil, false
	}
	var out []member
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, false
		}
		key, ok := tok.(string)
		if !ok {
			return nil, false
		}
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, false
		}
		out = append(out, member{Key: key, Value: v})
	}
	return out, true
}

// decodeArray splits a JSON array into its elements. It reports false when
// raw is not an array. raw must be valid JSON.
func decodeArray(raw json.RawMessage) ([]json.RawMessage, bool) {
	if kind(raw) != '[' {
		return nil, false
	}
	var out []json.RawMessage
	if err := json.Unmarshal(raw, &out); err != nil {
		return nil, false
	}
	return out, true
}

// kind returns the first significant byte of a JSON value: '{', '[', '"',
// 't', 'f', 'n', or a digit or '-' for numbers.
func kind(raw json.RawMessage) byte {
	t := bytes.TrimLeft(raw, " \t\r\n")
	if len(t) == 0 {
		return 0
	}
	return t[0]
}

// kindName names a JSON value's type for error messages.
func kindName(raw json.RawMessage) string {
	switch kind(raw) {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	default:
		return "a number"
	}
}

// syntaxError describes invalid JSON, with the byte offset where it broke.
func syntaxError(doc []byte) string {
	var v any
	err := json.Unmarshal(doc, &v)
	var se *json.SyntaxError
	if errors.As(err, &se) {
		// Offset counts the bytes read through the offending one.
		pos := max(0, min(int(se.Offset)-1, len(doc)))
		line := 1 + bytes.Count(doc[:pos], []byte("\n"))
		col := pos - bytes.LastIndexByte(doc[:pos], '\n')
		return "invalid JSON at offset " + strconv.Itoa(pos) + " (line " + strconv.Itoa(line) + ", column " + strconv.Itoa(col) + "): " + se.Error()
	}
	if err != nil {
		return "invalid JSON: " + err.Error()
	}
	return "invalid JSON"
}

// validJSON checks doc and returns the POL-05 error for invalid JSON.
func validJSON(doc []byte, path string) error {
	if json.Valid(doc) {
		return nil
	}
	return &Error{Rule: RuleMalformed, Path: path, Message: syntaxError(doc)}
}

// quote formats s as a JSON-style quoted string.
func quote(s string) string {
	return strconv.Quote(s)
}

// quoteList formats a list as ["a", "b"].
func quoteList(list []string) string {
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = quote(s)
	}
	return "[" + strings.Join(q, ", ") + "]"
}
