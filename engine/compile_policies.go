package engine

import (
	"bytes"
	"encoding/json"
	"errors"

	"privatelink-playground/engine/policy"
)

// policyParser parses one kind of policy document (endpoint, resource or
// identity policy).
type policyParser func([]byte) (*policy.Policy, error)

// parsePolicies parses every policy document of s that is present, each by
// the parser of its kind: endpoint policies (POL-06: a Principal in every
// statement), the resource policies of buckets, tables, SNS topics and KMS
// keys (a Principal too, as AWS requires), and identity policies. It
// returns the parsed policies by JSON path and, in document order, a problem
// for each malformed one (POL-05, or POL-06 for an endpoint policy without
// a Principal), never a silent allow or deny. Validate reports the problems;
// Compile uses the policies.
func parsePolicies(s *Scenario) (map[string]*policy.Policy, Problems) {
	parsed := map[string]*policy.Policy{}
	var ps problemList
	add := func(path string, doc json.RawMessage, parse policyParser) {
		if !hasDocument(doc) {
			return
		}
		p, err := parse(doc)
		if err != nil {
			addPolicyProblem(&ps, path, err)
			return
		}
		parsed[path] = p
	}
	for i := range s.VPCs {
		for j := range s.VPCs[i].Endpoints {
			add(endpointPolicyPath(i, j), s.VPCs[i].Endpoints[j].PolicyDocument, policy.ParseEndpointPolicy)
		}
	}
	for i := range s.Buckets {
		add(storePolicyPath("buckets", i), s.Buckets[i].Policy, policy.ParseResourcePolicy)
	}
	for i := range s.Tables {
		add(storePolicyPath("tables", i), s.Tables[i].Policy, policy.ParseResourcePolicy)
	}
	for i, pr := range s.Principals {
		for j, doc := range pr.Policies {
			add(pathIndex(pathField(pathIndex("principals", i), "policies"), j), doc, policy.Parse)
		}
	}
	for i := range s.SNSTopics {
		add(storePolicyPath("snsTopics", i), s.SNSTopics[i].Policy, policy.ParseResourcePolicy)
	}
	for i := range s.KMSKeys {
		add(storePolicyPath("kmsKeys", i), s.KMSKeys[i].Policy, policy.ParseResourcePolicy)
	}
	return parsed, ps.list
}

// endpointPolicyPath is the JSON path of the policy of endpoint j of VPC i.
func endpointPolicyPath(i, j int) string {
	return pathField(pathIndex(pathField(pathIndex("vpcs", i), "endpoints"), j), "policyDocument")
}

// storePolicyPath is the JSON path of the policy of item i of a list of
// resources (buckets, tables, snsTopics, kmsKeys).
func storePolicyPath(field string, i int) string {
	return pathField(pathIndex(field, i), "policy")
}

// addPolicies parses every policy of the world (see parsePolicies) and
// indexes the resources that carry one: buckets and tables by name, SNS
// topics and KMS keys by ARN, with the account and Region of the ARN
// (POL-01). A malformed policy is a problem naming its path (POL-05).
func (w *World) addPolicies() Problems {
	parsed, ps := parsePolicies(w.s)
	if len(ps) > 0 {
		return ps
	}
	for i, vn := range w.vpcList {
		for j := range vn.v.Endpoints {
			if p := parsed[endpointPolicyPath(i, j)]; p != nil {
				w.endpoints[vn.v.Endpoints[j].ID].policy = p
			}
		}
	}
	stores := func(list []DataStore, field string, into map[string]*storeNode) {
		for i := range list {
			into[list[i].Name] = &storeNode{d: &list[i], policy: parsed[storePolicyPath(field, i)]}
		}
	}
	stores(w.s.Buckets, "buckets", w.buckets)
	stores(w.s.Tables, "tables", w.ddbTables)
	for i, t := range w.s.SNSTopics {
		w.topics[t.ARN] = &storeNode{d: arnStore(t.ARN), policy: parsed[storePolicyPath("snsTopics", i)]}
	}
	for i, k := range w.s.KMSKeys {
		w.kmsKeys[k.ARN] = &storeNode{d: arnStore(k.ARN), policy: parsed[storePolicyPath("kmsKeys", i)], keyPolicy: true}
	}
	w.principals = map[string][]*policy.Policy{}
	for i, pr := range w.s.Principals {
		list := []*policy.Policy{}
		for j := range pr.Policies {
			if p := parsed[pathIndex(pathField(pathIndex("principals", i), "policies"), j)]; p != nil {
				list = append(list, p)
			}
		}
		w.principals[pr.ARN] = list
	}
	return nil
}

// arnStore describes a resource known by its ARN (an SNS topic, a KMS key):
// its name is the ARN, its account and Region those the ARN names.
func arnStore(arn string) *DataStore {
	return &DataStore{Name: arn, Account: arnAccount(arn), Region: arnRegion(arn)}
}

// hasDocument reports whether a raw policy field holds a document: not
// absent and not JSON null (anything else, even invalid JSON, is parsed).
func hasDocument(raw json.RawMessage) bool {
	raw = bytes.TrimSpace(raw)
	return len(raw) > 0 && string(raw) != "null"
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
