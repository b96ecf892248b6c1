package engine

import "fmt"

// deliverLocal delivers a packet to the interface holding its destination
// inside a VPC: the network ACLs of the subnets it crosses (NET-03, IF-04),
// the return route when it came from outside the VPC, and the ingress rules
// of the interface's groups (NET-02, IF-03). from is the sending subnet in
// the same VPC, nil when the packet entered from outside.
func (t *tracer) deliverLocal(from *subnetNode, vn *vpcNode, p packet) (arrival, bool) {
	f := vn.owners[p.dst]
	if f == nil {
		t.hop(HopTarget, vn.v.ID, DecisionUnreachable, "NET-07", "No network interface in %s has the address %s: nothing answers.", vn.v.ID, p.dst)
		return arrival{}, false
	}
	aclRule := "NET-03"
	if f.kind == ifaceEndpoint {
		aclRule = "IF-04"
	}
	gwlb := f.endpoint != nil && f.endpoint.e.VPCEndpointType == EndpointGatewayLoadBalancer
	switch {
	case from == nil:
		if !t.aclCross(f.subnet, false, p, aclRule) {
			return arrival{}, false
		}
	case from != f.subnet || gwlb:
		if !t.aclCross(from, true, p, aclRule) || !t.aclCross(f.subnet, false, p, aclRule) {
			return arrival{}, false
		}
	}
	if p.via != "" && !t.returnRoute(f.subnet, p) {
		return arrival{}, false
	}
	if f.kind == ifaceLoadBalancer {
		return arrival{ifc: f, p: p}, true
	}
	peer := sgPeer{addr: p.src}
	if p.from != nil {
		peer.groups, peer.vpc = p.from.groups, p.from.subnet.vpc
	}
	d := t.w.sgEvaluate(f.groups, vn, false, p.proto, p.port, peer, !t.quiet)
	rule := "NET-02"
	if f.kind == ifaceEndpoint {
		rule = "IF-03"
	}
	if !d.allowed {
		t.hop(HopSecurityGroup, orUnknown(d.group), DecisionDenied, rule, "%s refuses the request from %s: %s.", f.id, p.src, d.why)
		return arrival{}, false
	}
	t.hop(HopSecurityGroup, d.group, DecisionAllowed, rule, "%s accepts the request from %s: %s; the response is allowed back (stateful).", f.id, p.src, d.why)
	return arrival{ifc: f, p: p}, true
}

// returnRoute checks that the response can go back the way the request
// came: the destination subnet's table must route the source to the same
// peering connection, transit gateway or virtual private gateway.
func (t *tracer) returnRoute(sn *subnetNode, p packet) bool {
	rule := "NET-06"
	if p.via == "peering" {
		rule = "NET-05"
	}
	if sn.table == nil {
		t.hop(HopRoute, sn.s.ID, DecisionNoRoute, rule, "%s has no route table: the response to %s cannot return.", sn.s.ID, p.src)
		return false
	}
	r, _, ok := sn.table.trie.lookup(p.src)
	if !ok || r.Target != p.viaID {
		got := "nowhere"
		if ok {
			got = r.Target
		}
		t.hop(HopRoute, sn.table.t.ID, DecisionNoRoute, rule, "The response cannot return: %s sends %s to %s, not back to %s.", sn.table.t.ID, p.src, got, p.viaID)
		return false
	}
	t.hop(HopRoute, sn.table.t.ID, DecisionMatched, rule, "The response can return: %s routes %s (%s) back to %s.", sn.table.t.ID, p.src, r.Dest, p.viaID)
	return true
}

// aclCross checks the network ACL of a subnet the packet leaves (out) or
// enters: the request on its port and the response on the ephemeral ports,
// each in its own direction, since ACLs are stateless (NET-03).
func (t *tracer) aclCross(sn *subnetNode, out bool, p packet, rule string) bool {
	acl := sn.acl
	if acl == nil {
		return true
	}
	remote := p.src
	if out {
		remote = p.dst
	}
	lo, hi := ephemeralLow, ephemeralHigh
	if p.proto == "icmp" || p.proto == "icmpv6" {
		lo, hi = 0, 0
	}
	req := aclEvaluate(acl, out, p.proto, remote, p.port, p.port, !t.quiet)
	resp := aclEvaluate(acl, !out, p.proto, remote, lo, hi, !t.quiet)
	dirReq, dirResp := "in from", "back out to"
	if out {
		dirReq, dirResp = "out to", "back in from"
	}
	reqText, respText := "", "" // the hop's sentence: none for a quiet trace
	if !t.quiet {
		reqText = fmt.Sprintf("the request %s %s on %s %d", dirReq, remote, p.proto, p.port)
		respText = fmt.Sprintf("the response %s %s on ports %d-%d", dirResp, remote, lo, hi)
	}
	switch {
	case !req.allowed:
		t.hop(HopNetworkACL, acl.ID, DecisionDenied, rule, "%s of %s stops %s: %s.", acl.ID, sn.s.ID, reqText, req.why)
		return false
	case !resp.allowed:
		t.hop(HopNetworkACL, acl.ID, DecisionDenied, rule, "%s of %s lets %s (%s) but stops %s: %s; ACLs are stateless.", acl.ID, sn.s.ID, reqText, req.why, respText, resp.why)
		return false
	}
	t.hop(HopNetworkACL, acl.ID, DecisionAllowed, rule, "%s of %s lets %s (%s) and %s (%s).", acl.ID, sn.s.ID, reqText, req.why, respText, resp.why)
	return true
}
