package engine

import (
	"encoding/json"
	"errors"

	"privatelink-playground/engine/policy"
)

// addPolicies parses every policy of the world: endpoint policies, bucket
// and table policies and the principals' identity policies. A malformed
// policy is a problem naming its path (POL-05), never a silent allow.
func (w *World) addPolicies() Problems {
	var ps problemList
	for i, vn := range w.vpcList {
		for j := range vn.v.Endpoints {
			e := &vn.v.Endpoints[j]
			if !hasDocument(e.PolicyDocument) {
				continue
			}
			path := pathField(pathIndex(pathField(pathIndex("vpcs", i), "endpoints"), j), "policyDocument")
			p, err := policy.ParseEndpointPolicy(e.PolicyDocument)
			if err != nil {
				addPolicyProblem(&ps, path, err)
				continue
			}
			w.endpoints[e.ID].policy = p
		}
	}
	stores := func(list []DataStore, field string, into map[string]*storeNode) {
		for i := range list {
			d := &list[i]
			node := &storeNode{d: d}
			if hasDocument(d.Policy) {
				p, err := policy.Parse(d.Policy)
				if err != nil {
					addPolicyProblem(&ps, pathField(pathIndex(field, i), "policy"), err)
				}
				node.policy = p
			}
			into[d.Name] = node
		}
	}
	stores(w.s.Buckets, "buckets", w.buckets)
	stores(w.s.Tables, "tables", w.ddbTables)
	w.principals = map[string][]*policy.Policy{}
	for i, pr := range w.s.Principals {
		list := []*policy.Policy{}
		for j, doc := range pr.Policies {
			p, err := policy.Parse(doc)
			if err != nil {
				addPolicyProblem(&ps, pathIndex(pathField(pathIndex("principals", i), "policies"), j), err)
				continue
			}
			list = append(list, p)
		}
		w.principals[pr.ARN] = list
	}
	return ps.list
}

// hasDocument reports whether a raw policy field holds a document (not
// absent and not JSON null).
func hasDocument(raw json.RawMessage) bool {
	var v any
	return len(raw) > 0 && json.Unmarshal(raw, &v) == nil && v != nil
}

// addPolicyProblem turns a policy parse error into a problem at path.
func addPolicyProblem(ps *problemList, path string, err error) {
	var pe *policy.Error
	if errors.As(err, &pe) {
		p := path
		if pe.Path != "" {
			p = pathField(path, pe.Path)
		}
		ps.add(pe.Rule, p, "%s", pe.Message)
		return
	}
	ps.add("POL-05", path, "%v", err)
}
