package lessons

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"privatelink-playground/engine"
)

// The forbid vocabulary: what a challenge's solution must not add or use.
// Items about use look at the challenge's own traces; items about change
// compare the learner's scenario with the lesson as shipped.
//
//	natGateway           no challenge trace passes a NAT gateway
//	internetGateway      no challenge trace passes an internet gateway
//	bucketPolicyChange   every bucket and table of the lesson keeps its policy
//	endpointStateChange  no endpoint or endpoint service is given a state the
//	                     lesson does not ship (states change through actions)
//	wildcardPrincipal    no endpoint service allows the principal "*" (SVC-04)
//	openEndpointIngress  no security group of an interface endpoint admits
//	                     0.0.0.0/0 or ::/0 (IF-03)
//	unencryptedTopic     every SNS topic encrypted in the lesson stays
//	                     encrypted with a KMS key (NTF-02)
var forbidden = map[string]forbidItem{
	"natGateway": {
		what: "No challenge trace uses a NAT gateway",
		check: func(_, _ *engine.Scenario, ts []engine.Trace) (bool, string) {
			return avoidHops(ts, func(h engine.Hop) bool { return h.Kind == engine.HopNAT })
		},
	},
	"internetGateway": {
		what: "No challenge trace uses an internet gateway",
		check: func(_, _ *engine.Scenario, ts []engine.Trace) (bool, string) {
			return avoidHops(ts, func(h engine.Hop) bool {
				return h.Kind == engine.HopGateway && strings.HasPrefix(h.At, "igw-")
			})
		},
	},
	"bucketPolicyChange": {
		what:  "The bucket and table policies are as the lesson ships them",
		check: samePolicies,
	},
	"endpointStateChange": {
		what:  "No endpoint or endpoint service state is set by hand",
		check: sameStates,
	},
	"wildcardPrincipal": {
		what:  `No endpoint service allows the principal "*"`,
		check: noWildcardPrincipal,
	},
	"openEndpointIngress": {
		what:  "No interface endpoint admits the whole internet (0.0.0.0/0 or ::/0)",
		check: noOpenEndpointIngress,
	},
	"unencryptedTopic": {
		what:  "The encrypted SNS topics stay encrypted",
		check: topicsStayEncrypted,
	},
}

// forbidItem is one word of the vocabulary: what it checks, and the check,
// given the learner's scenario, the lesson's shipped scenario and the
// challenge's traces. The check reports whether the item is avoided and, if
// not, why.
type forbidItem struct {
	what  string
	check func(s, base *engine.Scenario, traces []engine.Trace) (bool, string)
}

// run checks the item, turning it into a check result.
func (f forbidItem) run(s, base *engine.Scenario, traces []engine.Trace) CheckResult {
	ok, why := f.check(s, base, traces)
	return CheckResult{What: f.what, OK: ok, Why: why}
}

// ForbidItems returns the forbid vocabulary, sorted.
func ForbidItems() []string {
	out := make([]string, 0, len(forbidden))
	for k := range forbidden {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// DescribeForbid says in one sentence what a forbid item checks.
func DescribeForbid(item string) (string, bool) {
	f, ok := forbidden[item]
	return f.what, ok
}

// avoidHops reports whether no hop of the traces matches.
func avoidHops(ts []engine.Trace, match func(engine.Hop) bool) (bool, string) {
	for _, t := range ts {
		for _, h := range t.Hops {
			if match(h) {
				return false, fmt.Sprintf("the trace from %s to %s passes %s", t.Request.From, t.Request.To, h.At)
			}
		}
	}
	return true, ""
}

// samePolicies reports whether every bucket and table of base is still there
// with the same policy (compared as JSON values, so spacing does not count).
func samePolicies(s, base *engine.Scenario, _ []engine.Trace) (bool, string) {
	if base == nil {
		return true, ""
	}
	for _, pair := range []struct {
		kind      string
		now, then []engine.DataStore
	}{{"bucket", s.Buckets, base.Buckets}, {"table", s.Tables, base.Tables}} {
		for _, want := range pair.then {
			i := slices.IndexFunc(pair.now, func(d engine.DataStore) bool { return d.Name == want.Name })
			if i < 0 {
				return false, fmt.Sprintf("%s %s was removed", pair.kind, want.Name)
			}
			if !sameJSON(pair.now[i].Policy, want.Policy) {
				return false, fmt.Sprintf("the policy of %s %s changed", pair.kind, want.Name)
			}
		}
	}
	return true, ""
}

// sameJSON compares two JSON documents as values; absent and null are equal.
func sameJSON(a, b json.RawMessage) bool {
	a, b = bytes.TrimSpace(a), bytes.TrimSpace(b)
	if len(a) == 0 || string(a) == "null" || len(b) == 0 || string(b) == "null" {
		return (len(a) == 0 || string(a) == "null") == (len(b) == 0 || string(b) == "null")
	}
	var va, vb any
	if json.Unmarshal(a, &va) != nil || json.Unmarshal(b, &vb) != nil {
		return bytes.Equal(a, b)
	}
	return reflect.DeepEqual(va, vb)
}

// sameStates reports whether every state set on an endpoint or endpoint
// service is the one the lesson ships.
func sameStates(s, base *engine.Scenario, _ []engine.Trace) (bool, string) {
	shipped := map[string]string{}
	if base != nil {
		for _, v := range base.VPCs {
			for _, e := range v.Endpoints {
				shipped[e.ID] = e.State
			}
		}
		for _, es := range base.EndpointServices {
			shipped[es.ID] = es.State
		}
	}
	for _, v := range s.VPCs {
		for _, e := range v.Endpoints {
			if e.State != "" && e.State != shipped[e.ID] {
				return false, fmt.Sprintf("%s is set to %s by hand", e.ID, e.State)
			}
		}
	}
	for _, es := range s.EndpointServices {
		if es.State != "" && es.State != shipped[es.ID] {
			return false, fmt.Sprintf("%s is set to %s by hand", es.ID, es.State)
		}
	}
	return true, ""
}

// noWildcardPrincipal reports whether no endpoint service allows everyone.
func noWildcardPrincipal(s, _ *engine.Scenario, _ []engine.Trace) (bool, string) {
	for _, es := range s.EndpointServices {
		if slices.Contains(es.AllowedPrincipals, "*") {
			return false, es.ID + " allows every principal"
		}
	}
	return true, ""
}

// noOpenEndpointIngress reports whether no security group guarding an
// interface endpoint (its own, or the VPC's default group, IF-03) admits
// the whole internet.
func noOpenEndpointIngress(s, _ *engine.Scenario, _ []engine.Trace) (bool, string) {
	n := engine.Normalize(s)
	if n == nil {
		return true, ""
	}
	for _, v := range n.VPCs {
		for _, e := range v.Endpoints {
			if e.VPCEndpointType != engine.EndpointInterface {
				continue
			}
			for _, g := range v.SecurityGroups {
				if !slices.Contains(e.SecurityGroupIDs, g.ID) {
					continue
				}
				for _, r := range g.Ingress {
					if r.CIDRIP == "0.0.0.0/0" || r.CIDRIPv6 == "::/0" {
						return false, fmt.Sprintf("%s of %s admits %s", g.ID, e.ID, r.CIDRIP+r.CIDRIPv6)
					}
				}
			}
		}
	}
	return true, ""
}

// topicsStayEncrypted reports whether every topic base encrypts still has a
// KMS key.
func topicsStayEncrypted(s, base *engine.Scenario, _ []engine.Trace) (bool, string) {
	if base == nil {
		return true, ""
	}
	for _, want := range base.SNSTopics {
		if want.KMSKey == "" {
			continue
		}
		i := slices.IndexFunc(s.SNSTopics, func(t engine.SNSTopic) bool { return t.ARN == want.ARN })
		if i < 0 {
			return false, want.ARN + " was removed"
		}
		if s.SNSTopics[i].KMSKey == "" {
			return false, want.ARN + " is no longer encrypted"
		}
	}
	return true, ""
}
