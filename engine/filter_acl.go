package engine

import (
	"fmt"
	"net/netip"
	"sort"
)

// Ephemeral ports a response returns to (NET-03): a network ACL must let
// the whole range through, since the client picks any of them.
const (
	ephemeralLow  = 1024
	ephemeralHigh = 65535
)

// aclDecision is a network ACL verdict with its reason.
type aclDecision struct {
	allowed bool
	rule    int // the deciding rule number; 0 for the implicit deny
	why     string
}

// sortedACL returns a copy of an ACL with its entries in ascending rule
// number order, the order AWS evaluates them in.
func sortedACL(a *NetworkACL) *NetworkACL {
	c := *a
	c.Entries = append([]ACLEntry(nil), a.Entries...)
	sort.SliceStable(c.Entries, func(i, j int) bool { return c.Entries[i].RuleNumber < c.Entries[j].RuleNumber })
	return &c
}

// aclEvaluate runs an ACL's entries of one direction over traffic with a
// remote address and a destination port range [lo, hi] (a request has one
// port, a response the ephemeral range). The first entry that matches the
// protocol and the remote address and touches the range decides; an allow
// that covers only part of the range does not let a response through.
// Without explain the decision says no why (a quiet trace writes none).
func aclEvaluate(acl *NetworkACL, egress bool, proto string, remote netip.Addr, lo, hi int, explain bool) aclDecision {
	proto = protocolName(proto)
	remote = remote.Unmap()
	for _, e := range acl.Entries {
		if e.Egress != egress {
			continue
		}
		ep := protocolName(e.IPProtocol)
		if ep != "-1" && ep != proto {
			continue
		}
		p, err := netip.ParsePrefix(e.CIDRBlock)
		if err != nil || !p.Contains(remote) {
			continue
		}
		elo, ehi := 0, 65535
		if ep == "tcp" || ep == "udp" {
			if e.FromPort != nil && *e.FromPort >= 0 {
				elo = *e.FromPort
			}
			if e.ToPort != nil && *e.ToPort >= 0 {
				ehi = *e.ToPort
			}
		}
		if ehi < lo || elo > hi {
			continue
		}
		d := aclDecision{allowed: e.RuleAction == "allow" && elo <= lo && ehi >= hi, rule: e.RuleNumber}
		if explain {
			what := fmt.Sprintf("rule %d (%s %s %s)", e.RuleNumber, e.RuleAction, portsText(ep, e.FromPort, e.ToPort), e.CIDRBlock)
			switch {
			case e.RuleAction != "allow":
				d.why = what + " denies"
			case !d.allowed:
				d.why = fmt.Sprintf("%s covers only part of ports %d-%d", what, lo, hi)
			default:
				d.why = what + " allows"
			}
		}
		return d
	}
	return aclDecision{why: "no rule matches: the final implicit deny (*) applies"}
}
