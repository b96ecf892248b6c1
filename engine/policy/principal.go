package policy

import (
	"encoding/json"
	"strings"
)

// principalTypes are the keys of a Principal object.
var principalTypes = []string{"AWS", "Service", "Federated", "CanonicalUser"}

// parsePrincipal parses a Principal or NotPrincipal element: "*" or an object
// {"AWS"|"Service"|"Federated"|"CanonicalUser": string or [strings]}.
func parsePrincipal(raw json.RawMessage, path string) (*Principal, error) {
	if kind(raw) == '"' {
		s, err := str(raw, path)
		if err != nil {
			return nil, err
		}
		if s != "*" {
			return nil, &Error{Rule: RuleMalformed, Path: path, Message: "must be \"*\" or an object such as {\"AWS\": \"arn:aws:iam::111122223333:root\"}, got " + quote(s)}
		}
		return &Principal{Wildcard: true}, nil
	}
	members, ok := decodeObject(raw)
	if !ok {
		return nil, &Error{Rule: RuleMalformed, Path: path, Message: "must be \"*\" or an object, got " + kindName(raw)}
	}
	if len(members) == 0 {
		return nil, &Error{Rule: RuleMalformed, Path: path, Message: "must name at least one principal"}
	}
	p := &Principal{}
	for _, m := range members {
		at := path + "." + m.Key
		name := canonical(m.Key, principalTypes)
		if name == "" {
			return nil, &Error{Rule: RuleMalformed, Path: at, Message: "unknown principal type (want AWS, Service, Federated or CanonicalUser)"}
		}
		list, err := strList(m.Value, at, "principal")
		if err != nil {
			return nil, err
		}
		switch name {
		case "AWS":
			for _, v := range list {
				if err := checkAWSPrincipal(v, at); err != nil {
					return nil, err
				}
			}
			p.AWS = append(p.AWS, list...)
		case "Service":
			p.Service = append(p.Service, list...)
		case "Federated":
			p.Federated = append(p.Federated, list...)
		case "CanonicalUser":
			p.CanonicalUser = append(p.CanonicalUser, list...)
		}
	}
	return p, nil
}

// checkAWSPrincipal accepts "*", a 12-digit account ID or an ARN without
// wildcards, as IAM does.
func checkAWSPrincipal(v, path string) error {
	switch {
	case v == "*", isAccountID(v):
		return nil
	case strings.HasPrefix(v, "arn:") && !strings.ContainsAny(v, "*?"):
		return nil
	}
	return &Error{Rule: RuleMalformed, Path: path, Message: "AWS principal " + quote(v) + " must be \"*\", a 12-digit account ID or an ARN without wildcards"}
}

// isAccountID reports whether s is a 12-digit AWS account ID.
func isAccountID(s string) bool {
	if len(s) != 12 {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// String formats a principal element as written, e.g. {"AWS": ["…"]}.
func (p *Principal) String() string {
	if p.Wildcard {
		return quote("*")
	}
	var parts []string
	for _, t := range []struct {
		name string
		list []string
	}{{"AWS", p.AWS}, {"Service", p.Service}, {"Federated", p.Federated}, {"CanonicalUser", p.CanonicalUser}} {
		if len(t.list) > 0 {
			parts = append(parts, quote(t.name)+": "+quoteList(t.list))
		}
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

// caller describes the requesting principal for principal matching.
type caller struct {
	ARN     string // as given; "" for an anonymous caller
	Account string // "" for service principals and anonymous callers
	Service bool   // a service principal such as vpce.amazonaws.com
}

// principalMatch is the outcome of matching a Principal element.
type principalMatch struct {
	Matched bool
	// ViaAccount is true when only an account entry (bare ID or root ARN)
	// matched: in a resource policy that delegates to the account (POL-01);
	// in an endpoint policy it simply matches the account's principals.
	ViaAccount bool
	Why        string
}

// matchPrincipal matches the caller against a Principal element.
func matchPrincipal(p *Principal, c caller) principalMatch {
	who := describeCaller(c)
	if p.Wildcard {
		return principalMatch{Matched: true, Why: "principal \"*\" matches everyone"}
	}
	for _, v := range p.AWS {
		if v == "*" && !c.Service {
			return principalMatch{Matched: true, Why: who + " matches AWS \"*\""}
		}
		if c.ARN != "" && !c.Service && (v == c.ARN || v == sessionRole(c.ARN)) {
			return principalMatch{Matched: true, Why: who + " matches AWS " + quote(v)}
		}
	}
	for _, v := range p.Service {
		if c.Service && strings.EqualFold(v, c.ARN) {
			return principalMatch{Matched: true, Why: who + " matches Service " + quote(v)}
		}
	}
	for _, list := range [][]string{p.Federated, p.CanonicalUser} {
		for _, v := range list {
			if c.ARN != "" && v == c.ARN {
				return principalMatch{Matched: true, Why: who + " matches " + quote(v)}
			}
		}
	}
	for _, v := range p.AWS {
		if acct := accountOf(v); acct != "" && acct == c.Account {
			return principalMatch{Matched: true, ViaAccount: true,
				Why: who + " belongs to account " + acct + " named by AWS " + quote(v)}
		}
	}
	return principalMatch{Why: who + " is not named by Principal " + p.String()}
}

// matchNotPrincipal matches the caller against a NotPrincipal element: the
// statement applies to every caller the element does not name.
func matchNotPrincipal(p *Principal, c caller) principalMatch {
	m := matchPrincipal(p, c)
	if m.Matched {
		return principalMatch{Why: describeCaller(c) + " is excluded by NotPrincipal " + p.String()}
	}
	return principalMatch{Matched: true, Why: describeCaller(c) + " is not in NotPrincipal " + p.String()}
}

// describeCaller names the caller in explanations.
func describeCaller(c caller) string {
	if c.ARN == "" {
		return "anonymous principal"
	}
	return "principal " + c.ARN
}

// accountOf returns the account named by an AWS principal entry that names
// a whole account (bare ID or root ARN), else "".
func accountOf(v string) string {
	if isAccountID(v) {
		return v
	}
	parts := strings.SplitN(v, ":", 6)
	if len(parts) == 6 && parts[2] == "iam" && parts[5] == "root" && isAccountID(parts[4]) {
		return parts[4]
	}
	return ""
}

// sessionRole maps an assumed-role session ARN
// (arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION) to its role ARN, which a
// policy naming the role matches; other ARNs map to "".
func sessionRole(arn string) string {
	parts := strings.SplitN(arn, ":", 6)
	if len(parts) != 6 || parts[2] != "sts" {
		return ""
	}
	rest, ok := strings.CutPrefix(parts[5], "assumed-role/")
	if !ok {
		return ""
	}
	role, _, ok := strings.Cut(rest, "/")
	if !ok {
		return ""
	}
	return "arn:" + parts[1] + ":iam::" + parts[4] + ":role/" + role
}

// PrincipalKeys returns the values AWS sets for aws:PrincipalArn and
// aws:PrincipalAccount when principal makes a request (POL-03): for an
// assumed-role session (arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION) the
// role's ARN (arn:aws:iam::ACCOUNT:role/ROLE); for a bare account ID the
// account's root user (arn:aws:iam::ACCOUNT:root); else the principal
// itself. account is the account the principal belongs to, "" when it
// names none (a service principal).
func PrincipalKeys(principal string) (arn, account string) {
	if isAccountID(principal) {
		return "arn:aws:iam::" + principal + ":root", principal
	}
	arn = principal
	if role := sessionRole(principal); role != "" {
		arn = role
	}
	if parts := strings.SplitN(principal, ":", 6); len(parts) == 6 && parts[0] == "arn" {
		account = parts[4]
	}
	return arn, account
}

// newCaller derives the caller from a request principal and an optional
// account. A principal that is not an ARN but a DNS-like name ending in
// amazonaws.com (vpce.amazonaws.com) is a service principal.
func newCaller(principal, account string) caller {
	c := caller{ARN: principal, Account: account}
	if principal != "" && !strings.HasPrefix(principal, "arn:") && !isAccountID(principal) && strings.Contains(principal, ".") {
		c.Service = true
		c.Account = ""
		return c
	}
	if c.Account == "" {
		if isAccountID(principal) {
			c.Account = principal
		} else if parts := strings.SplitN(principal, ":", 6); len(parts) == 6 {
			c.Account = parts[4]
		}
	}
	return c
}
