package engine

import (
	"bytes"
	"encoding/json"
)

// checkEndpointPolicy looks shallowly into an endpoint policy (the policy
// package parses it fully, POL-05): every statement must name a Principal
// (POL-06), which for a gateway endpoint must be "*" (IF-05). A document
// that is not a JSON object with statements is left to the policy package.
func (v *validator) checkEndpointPolicy(e *VPCEndpoint, path string) {
	if len(e.PolicyDocument) == 0 {
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
			v.add("POL-06", sp, "an endpoint policy statement must name a Principal")
			continue
		}
		if e.VPCEndpointType == EndpointGateway && (!hasP || !isStarPrincipal(p)) {
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
