package policy

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
)

// parseConditions parses a Condition block {operator: {key: values}}, keeping
// document order so explanations are stable.
func parseConditions(raw json.RawMessage, path string) ([]Condition, error) {
	ops, ok := decodeObject(raw)
	if !ok {
		return nil, &Error{Rule: RuleMalformed, Path: path, Message: "must be an object {operator: {key: value}}, got " + kindName(raw)}
	}
	var out []Condition
	seenOps := map[string]bool{}
	for _, o := range ops {
		at := path + "." + o.Key
		qualifier, op, ifExists, problem := splitOperator(o.Key)
		if problem != "" {
			return nil, &Error{Rule: RuleMalformed, Path: at, Message: problem}
		}
		norm := strings.ToLower(o.Key)
		if seenOps[norm] {
			return nil, &Error{Rule: RuleMalformed, Path: at, Message: "duplicate condition operator"}
		}
		seenOps[norm] = true
		keys, ok := decodeObject(o.Value)
		if !ok {
			return nil, &Error{Rule: RuleMalformed, Path: at, Message: "must be an object {key: value}, got " + kindName(o.Value)}
		}
		if len(keys) == 0 {
			return nil, &Error{Rule: RuleMalformed, Path: at, Message: "must name at least one condition key"}
		}
		seenKeys := map[string]bool{}
		for _, k := range keys {
			kat := at + "." + k.Key
			if strings.TrimSpace(k.Key) == "" {
				return nil, &Error{Rule: RuleMalformed, Path: kat, Message: "empty condition key"}
			}
			lk := strings.ToLower(k.Key)
			if seenKeys[lk] {
				return nil, &Error{Rule: RuleMalformed, Path: kat, Message: "duplicate condition key (keys are case-insensitive)"}
			}
			seenKeys[lk] = true
			values, err := conditionValues(k.Value, kat)
			if err != nil {
				return nil, err
			}
			for _, v := range values {
				if msg := checkValue(op, v); msg != "" {
					return nil, &Error{Rule: RuleMalformed, Path: kat, Message: msg}
				}
			}
			out = append(out, Condition{
				Operator: o.Key, Base: op.Name, Qualifier: qualifier, IfExists: ifExists,
				Key: k.Key, Values: values, op: op,
			})
		}
	}
	return out, nil
}

// conditionValues decodes a condition value: a string, number or boolean, or
// a non-empty array of them, each turned into its string form.
func conditionValues(raw json.RawMessage, path string) ([]string, error) {
	items := []json.RawMessage{raw}
	if kind(raw) == '[' {
		items, _ = decodeArray(raw)
		if len(items) == 0 {
			return nil, &Error{Rule: RuleMalformed, Path: path, Message: "must have at least one value"}
		}
	}
	out := make([]string, 0, len(items))
	for i, it := range items {
		at := path
		if kind(raw) == '[' {
			at = path + "[" + strconv.Itoa(i) + "]"
		}
		switch kind(it) {
		case '"':
			s, err := str(it, at)
			if err != nil {
				return nil, err
			}
			out = append(out, s)
		case 't', 'f':
			out = append(out, string(bytes.TrimSpace(it)))
		case '{', '[', 'n':
			return nil, &Error{Rule: RuleMalformed, Path: at, Message: "a condition value must be a string, number or boolean, got " + kindName(it)}
		default:
			out = append(out, string(bytes.TrimSpace(it)))
		}
	}
	return out, nil
}

// checkValue validates one policy value for its operator's family and returns
// a message, or "" when the value is acceptable.
func checkValue(op operator, v string) string {
	switch op.Family {
	case famNumeric:
		if _, ok := parseNumber(v); !ok {
			return op.Name + " needs numbers, got " + quote(v)
		}
	case famDate:
		if _, ok := parseDate(v); !ok {
			return op.Name + " needs dates (ISO 8601 such as 2026-01-31T12:00:00Z, or epoch seconds), got " + quote(v)
		}
	case famBool, famNull:
		if !strings.EqualFold(v, "true") && !strings.EqualFold(v, "false") {
			return op.Name + " needs true or false, got " + quote(v)
		}
	case famIP:
		if _, ok := parseRange(v); !ok {
			return op.Name + " needs an IPv4 or IPv6 address or CIDR range, got " + quote(v)
		}
	}
	return ""
}
