package policy

import (
	"encoding/json"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Rule IDs of RULES.md that this package reports.
const (
	// RuleMalformed is POL-05: a malformed policy is rejected.
	RuleMalformed = "POL-05"
	// RuleEndpointPolicy is POL-06: endpoint policies name a Principal and
	// are at most MaxPolicyChars characters.
	RuleEndpointPolicy = "POL-06"
)

// MaxPolicyChars is the largest policy accepted, in characters including
// white space (AWS's endpoint policy limit, POL-06).
const MaxPolicyChars = 20480

// Parse parses an IAM policy document as AWS writes it. A malformed policy is
// an *Error (rule POL-05, or POL-06), never a silent allow or deny.
//
// Element names are accepted in any case ("statement", "EFFECT"), as the
// playground's learners type them; values keep their case.
func Parse(doc []byte) (*Policy, error) { return parse(doc, "", kindAny) }

// ParseEndpointPolicy parses an endpoint policy: like Parse, and every
// statement must name a Principal or NotPrincipal (POL-06).
func ParseEndpointPolicy(doc []byte) (*Policy, error) { return parse(doc, "", kindEndpoint) }

// ParseResourcePolicy parses a resource policy (bucket, table, topic, key):
// like Parse, and every statement must name a Principal or NotPrincipal, as
// AWS requires of resource-based policies (POL-05).
func ParseResourcePolicy(doc []byte) (*Policy, error) { return parse(doc, "", kindResource) }

// policyKind selects the extra checks of ParseEndpointPolicy and
// ParseResourcePolicy.
type policyKind int

const (
	kindAny policyKind = iota
	kindResource
	kindEndpoint
)

// parse parses doc; path prefixes every error path (e.g. "resourcePolicy.").
func parse(doc []byte, path string, pk policyKind) (*Policy, error) {
	where := strings.TrimSuffix(path, ".")
	if n := utf8.RuneCount(doc); n > MaxPolicyChars {
		return nil, &Error{Rule: RuleEndpointPolicy, Path: where,
			Message: "policy is " + strconv.Itoa(n) + " characters, more than the limit of " + strconv.Itoa(MaxPolicyChars)}
	}
	if err := validJSON(doc, where); err != nil {
		return nil, err
	}
	members, ok := decodeObject(doc)
	if !ok {
		return nil, &Error{Rule: RuleMalformed, Path: where, Message: "a policy must be a JSON object, got " + kindName(doc)}
	}
	p := &Policy{Size: utf8.RuneCount(doc)}
	var statement json.RawMessage
	seen := map[string]string{}
	for _, m := range members {
		name := canonical(m.Key, policyKeys)
		at := path + m.Key
		if name == "" {
			return nil, &Error{Rule: RuleMalformed, Path: at, Message: "unknown policy element (want Version, Id, Statement)"}
		}
		if prev, dup := seen[name]; dup {
			return nil, &Error{Rule: RuleMalformed, Path: at, Message: "duplicate element (also given as " + quote(prev) + ")"}
		}
		seen[name] = m.Key
		switch name {
		case "Version":
			v, err := str(m.Value, at)
			if err != nil {
				return nil, err
			}
			if v != "2012-10-17" && v != "2008-10-17" {
				return nil, &Error{Rule: RuleMalformed, Path: at, Message: "must be \"2012-10-17\" or \"2008-10-17\", got " + quote(v)}
			}
			p.Version = v
		case "Id":
			v, err := str(m.Value, at)
			if err != nil {
				return nil, err
			}
			p.ID = v
		case "Statement":
			statement = m.Value
		}
	}
	if statement == nil {
		return nil, &Error{Rule: RuleMalformed, Path: where, Message: "missing Statement"}
	}
	raws, isArray := decodeArray(statement)
	if !isArray {
		if kind(statement) != '{' {
			return nil, &Error{Rule: RuleMalformed, Path: path + "Statement", Message: "must be an object or an array of objects, got " + kindName(statement)}
		}
		raws = []json.RawMessage{statement}
	}
	if len(raws) == 0 {
		return nil, &Error{Rule: RuleMalformed, Path: path + "Statement", Message: "empty Statement: a policy needs at least one statement"}
	}
	for i, raw := range raws {
		at := path + "Statement"
		if isArray {
			at += "[" + strconv.Itoa(i) + "]"
		}
		s, err := parseStatement(raw, at, pk)
		if err != nil {
			return nil, err
		}
		p.Statements = append(p.Statements, s)
	}
	return p, nil
}

// policyKeys and statementKeys are the element names of the policy grammar.
var (
	policyKeys    = []string{"Version", "Id", "Statement"}
	statementKeys = []string{"Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition"}
)

// canonical returns the element of names equal to key ignoring case, or "".
func canonical(key string, names []string) string {
	for _, n := range names {
		if strings.EqualFold(key, n) {
			return n
		}
	}
	return ""
}

// parseStatement parses one statement at path.
func parseStatement(raw json.RawMessage, path string, pk policyKind) (Statement, error) {
	var s Statement
	members, ok := decodeObject(raw)
	if !ok {
		return s, &Error{Rule: RuleMalformed, Path: path, Message: "a statement must be an object, got " + kindName(raw)}
	}
	seen := map[string]string{}
	for _, m := range members {
		name := canonical(m.Key, statementKeys)
		at := path + "." + m.Key
		if name == "" {
			return s, &Error{Rule: RuleMalformed, Path: at, Message: "unknown statement element (want " + strings.Join(statementKeys, ", ") + ")"}
		}
		if prev, dup := seen[name]; dup {
			return s, &Error{Rule: RuleMalformed, Path: at, Message: "duplicate element (also given as " + quote(prev) + ")"}
		}
		seen[name] = m.Key
		var err error
		switch name {
		case "Sid":
			s.Sid, err = str(m.Value, at)
		case "Effect":
			s.Effect, err = str(m.Value, at)
			if err == nil && s.Effect != EffectAllow && s.Effect != EffectDeny {
				err = &Error{Rule: RuleMalformed, Path: at, Message: "must be Allow or Deny, got " + quote(s.Effect)}
			}
		case "Principal":
			s.Principal, err = parsePrincipal(m.Value, at)
		case "NotPrincipal":
			s.NotPrincipal, err = parsePrincipal(m.Value, at)
		case "Action":
			s.Action, err = parseActions(m.Value, at)
		case "NotAction":
			s.NotAction, err = parseActions(m.Value, at)
		case "Resource":
			s.Resource, err = parseResources(m.Value, at)
		case "NotResource":
			s.NotResource, err = parseResources(m.Value, at)
		case "Condition":
			s.Conditions, err = parseConditions(m.Value, at)
		}
		if err != nil {
			return s, err
		}
	}
	if err := checkPairs(seen, path, pk); err != nil {
		return s, err
	}
	return s, nil
}

// checkPairs enforces the required elements and the mutually exclusive pairs.
func checkPairs(seen map[string]string, path string, pk policyKind) error {
	if _, ok := seen["Effect"]; !ok {
		return &Error{Rule: RuleMalformed, Path: path, Message: "missing Effect (Allow or Deny)"}
	}
	for _, pair := range [][2]string{{"Principal", "NotPrincipal"}, {"Action", "NotAction"}, {"Resource", "NotResource"}} {
		_, a := seen[pair[0]]
		_, b := seen[pair[1]]
		if a && b {
			return &Error{Rule: RuleMalformed, Path: path, Message: pair[0] + " and " + pair[1] + " cannot both be present"}
		}
		if a || b || pair[0] == "Principal" {
			continue
		}
		return &Error{Rule: RuleMalformed, Path: path, Message: "missing " + pair[0] + " or " + pair[1]}
	}
	_, p := seen["Principal"]
	_, np := seen["NotPrincipal"]
	if !p && !np {
		switch pk {
		case kindEndpoint:
			return &Error{Rule: RuleEndpointPolicy, Path: path, Message: "an endpoint policy statement must name a Principal (\"*\" for everyone)"}
		case kindResource:
			return &Error{Rule: RuleMalformed, Path: path, Message: "a resource policy statement must name a Principal or NotPrincipal"}
		}
	}
	return nil
}

// str decodes a JSON string.
func str(raw json.RawMessage, path string) (string, error) {
	var s string
	if kind(raw) != '"' || json.Unmarshal(raw, &s) != nil {
		return "", &Error{Rule: RuleMalformed, Path: path, Message: "must be a string, got " + kindName(raw)}
	}
	return s, nil
}

// strList decodes a string or a non-empty array of strings; what names the
// elements in messages ("action").
func strList(raw json.RawMessage, path, what string) ([]string, error) {
	if kind(raw) == '"' {
		s, err := str(raw, path)
		return []string{s}, err
	}
	items, ok := decodeArray(raw)
	if !ok {
		return nil, &Error{Rule: RuleMalformed, Path: path, Message: "must be a string or an array of strings, got " + kindName(raw)}
	}
	if len(items) == 0 {
		return nil, &Error{Rule: RuleMalformed, Path: path, Message: "must name at least one " + what}
	}
	out := make([]string, 0, len(items))
	for i, it := range items {
		at := path + "[" + strconv.Itoa(i) + "]"
		if kind(it) != '"' {
			return nil, &Error{Rule: RuleMalformed, Path: at, Message: "non-string " + what + ": must be a string, got " + kindName(it)}
		}
		s, err := str(it, at)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

// parseActions parses Action or NotAction: "*" or "service:action" with
// wildcards.
func parseActions(raw json.RawMessage, path string) ([]string, error) {
	list, err := strList(raw, path, "action")
	if err != nil {
		return nil, err
	}
	for _, a := range list {
		if a == "*" {
			continue
		}
		prefix, name, ok := strings.Cut(a, ":")
		if !ok || prefix == "" || name == "" || strings.ContainsAny(a, " \t") {
			return nil, &Error{Rule: RuleMalformed, Path: path, Message: "action " + quote(a) + " must be \"*\" or \"service:action\" (e.g. \"s3:GetObject\")"}
		}
	}
	return list, nil
}

// parseResources parses Resource or NotResource: "*" or ARNs with wildcards.
func parseResources(raw json.RawMessage, path string) ([]string, error) {
	list, err := strList(raw, path, "resource")
	if err != nil {
		return nil, err
	}
	for _, r := range list {
		if r != "*" && !strings.HasPrefix(r, "arn:") {
			return nil, &Error{Rule: RuleMalformed, Path: path, Message: "resource " + quote(r) + " must be \"*\" or an ARN (arn:aws:…)"}
		}
	}
	return list, nil
}
