package engine

import (
	"bytes"
	"encoding/json"
)

// checkPolicies parses every policy of the scenario by its kind (see
// parsePolicies): a malformed policy is a POL-05 problem, an endpoint
// policy statement without a Principal a POL-06 one, each at its path, so
// that a scenario Validate accepts also compiles.
func (v *validator) checkPolicies() {
	_, ps := parsePolicies(v.s)
	v.problems.list = append(v.problems.list, ps...)
}

// checkEndpointPolicy looks shallowly into a gateway endpoint's policy:
// every statement's Principal must be "*" (IF-05). A statement without a
// Principal (POL-06) and a document that is not a JSON object with
// statements (POL-05) are reported by checkPolicies.
func (v *validator) checkEndpointPolicy(e *VPCEndpoint, path string) {
	if e.VPCEndpointType != EndpointGateway || len(e.PolicyDocument) == 0 {
		return
	}
	var doc struct {
		Statement json.RawMessage
	}
	if json.Unmarshal(e.PolicyDocument, &doc) != nil {
		return
	}
	var stmts []map[string]json.RawMessage
	statementPath := func(k int) string { return pathIndex(pathField(path, "Statement"), k) }
	switch {
	case len(doc.Statement) > 0 && doc.Statement[0] == '{':
		var one map[string]json.RawMessage
		if json.Unmarshal(doc.Statement, &one) != nil {
			return
		}
		stmts = append(stmts, one)
		statementPath = func(int) string { return pathField(path, "Statement") }
	case json.Unmarshal(doc.Statement, &stmts) != nil:
		return
	}
	for k, st := range stmts {
		sp := statementPath(k)
		p, hasP := st["Principal"]
		if _, hasNot := st["NotPrincipal"]; !hasP && !hasNot {
			continue
		}
		if !hasP || !isStarPrincipal(p) {
			v.add("IF-05", pathField(sp, "Principal"), "a gateway endpoint policy's Principal must be \"*\"")
		}
	}
}

// isStarPrincipal reports whether a raw Principal is "*" or {"AWS": "*"}.
func isStarPrincipal(raw json.RawMessage) bool {
	raw = bytes.TrimSpace(raw)
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s == "*"
	}
	var m map[string]json.RawMessage
	if json.Unmarshal(raw, &m) != nil || len(m) != 1 {
		return false
	}
	aws, ok := m["AWS"]
	if !ok {
		return false
	}
	return json.Unmarshal(aws, &s) == nil && s == "*"
}
