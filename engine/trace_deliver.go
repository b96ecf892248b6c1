package engine

import (
	"fmt"
	"slices"
	"strings"
)

// deliver finishes a trace where the network part arrived: an instance, an
// endpoint interface, a load balancer, a Resolver endpoint, an AWS service,
// an on-premises address or the internet.
func (t *tracer) deliver(a arrival) string {
	switch {
	case a.internet:
		t.hop(HopTarget, a.p.dst.String(), DecisionReached, "NET-04", "%s is on the internet, outside the scenario: the request leaves AWS from %s and the simulator assumes it is answered.", a.p.dst, a.sourceIP)
		return VerdictAllowed
	case a.network != nil:
		at := a.network.n.ID
		for _, h := range a.network.n.Hosts {
			if h.IPAddress == a.p.dst.String() {
				at = h.ID
			}
		}
		t.hop(HopTarget, at, DecisionReached, "", "The request reaches %s at %s in %s.", at, a.p.dst, a.network.n.ID)
		return VerdictAllowed
	case a.service != nil:
		return t.deliverService(a)
	}
	f := a.ifc
	switch f.kind {
	case ifaceInstance:
		t.hop(HopTarget, f.id, DecisionReached, "", "The request reaches %s at %s:%d.", f.id, f.addr, a.p.port)
		return VerdictAllowed
	case ifaceResolver:
		t.hop(HopTarget, f.id, DecisionReached, "DNS-05", "The request reaches Resolver endpoint %s at %s.", f.id, f.addr)
		return VerdictAllowed
	case ifaceLoadBalancer:
		return t.loadBalance(f.lb, a.p)
	}
	return t.throughInterfaceEndpoint(f, a.p)
}

// throughInterfaceEndpoint takes a request at an endpoint network
// interface: only the service's TCP ports answer (IF-13), only a working
// endpoint carries traffic (SVC-07), then the service behind it.
func (t *tracer) throughInterfaceEndpoint(f *iface, p packet) string {
	en := f.endpoint
	id := en.e.ID
	if en.e.VPCEndpointType == EndpointGatewayLoadBalancer {
		t.hop(HopEndpoint, id, DecisionUnreachable, "GWLB-01", "%s is a Gateway Load Balancer endpoint: it is a route target, not a destination.", id)
		return VerdictUnreachable
	}
	ports := en.ports(t.w)
	if p.proto != "tcp" || !slices.Contains(ports, p.port) {
		t.hop(HopEndpoint, id, DecisionUnreachable, "IF-13", "The network interface of %s answers only TCP on port %s of its service; %s %d gets no reply.", id, joinInts(ports), p.proto, p.port)
		return VerdictUnreachable
	}
	if !en.carriesTraffic() {
		t.hop(HopEndpoint, id, DecisionUnreachable, "SVC-07", "%s is %s: it carries no traffic until it is Available (the provider must accept a PendingAcceptance endpoint).", id, en.state)
		return VerdictUnreachable
	}
	rule, how := "IF-01", ""
	if p.via != "" {
		rule, how = "IF-06", fmt.Sprintf(" (reached through %s, as interface endpoints allow)", p.viaID)
	}
	if en.aws != nil {
		t.hop(HopEndpoint, id, DecisionForwarded, rule, "Interface endpoint %s takes the request at %s in %s and carries it to %s in %s%s%s.", id, f.addr, f.subnet.s.ID, en.aws.Title, en.region, how, t.w.chargeNote(EndpointInterface))
		return t.deliverService(arrival{service: en.aws, region: en.region, endpoint: en, sourceIP: p.src, p: p})
	}
	t.hop(HopEndpoint, id, DecisionForwarded, rule, "Interface endpoint %s takes the request at %s in %s%s%s.", id, f.addr, f.subnet.s.ID, how, t.w.chargeNote(EndpointInterface))
	return t.endpointService(en, p)
}

// ports lists the TCP ports an endpoint's interfaces answer: 443 for an
// AWS service, the listeners of an endpoint service's load balancers.
func (en *endpointNode) ports(w *World) []int {
	if en.aws != nil {
		return []int{en.aws.Port}
	}
	var out []int
	if en.svc != nil {
		for _, ln := range en.svc.lbs {
			for _, l := range ln.lb.Listeners {
				if !slices.Contains(out, l.Port) {
					out = append(out, l.Port)
				}
			}
		}
	}
	return out
}

func joinInts(list []int) string {
	if len(list) == 0 {
		return "(none)"
	}
	parts := make([]string, len(list))
	for i, n := range list {
		parts[i] = fmt.Sprint(n)
	}
	return strings.Join(parts, ", ")
}

// endpointService carries a request from an interface endpoint to the
// provider's Network Load Balancer over PrivateLink (SVC-01, SVC-08), across
// Regions when the endpoint names the service's (SVC-09).
func (t *tracer) endpointService(en *endpointNode, p packet) string {
	svc := en.svc
	if svc == nil {
		t.hop(HopService, en.e.ID, DecisionUnreachable, "VAL-01", "The service %s of %s is not in the scenario.", en.e.ServiceName, en.e.ID)
		return VerdictUnreachable
	}
	if svc.s.State != "" && svc.s.State != "Available" {
		t.hop(HopService, svc.s.ID, DecisionUnreachable, "SVC-03", "Endpoint service %s is %s: it serves no traffic.", svc.s.ID, svc.s.State)
		return VerdictUnreachable
	}
	var nlb *lbNode
	for _, ln := range svc.lbs {
		if ln.lb.Type == "network" {
			nlb = ln
			break
		}
	}
	if nlb == nil {
		t.hop(HopService, svc.s.ID, DecisionUnreachable, "SVC-01", "Endpoint service %s has no Network Load Balancer to send the request to.", svc.s.ID)
		return VerdictUnreachable
	}
	if from := en.vpc.v.Region; from != svc.region {
		t.hop(HopService, svc.s.ID, DecisionForwarded, "SVC-09", "PrivateLink carries the request across Regions, from %s in %s to %s of account %s in %s, which lists %s among its supported Regions; no route joins the two VPCs, so overlapping CIDRs do not matter (SVC-08).", en.vpc.v.ID, from, svc.s.ID, svc.s.Account, svc.region, from)
	} else {
		t.hop(HopService, svc.s.ID, DecisionForwarded, "SVC-08", "PrivateLink carries the request from %s to %s of account %s over the AWS network; no route joins the two VPCs, so overlapping CIDRs do not matter.", en.vpc.v.ID, svc.s.ID, svc.s.Account)
	}
	return t.loadBalance(nlb, p)
}

// loadBalance sends a request from a Network Load Balancer's listener to a
// healthy target, or to any target when all are unhealthy (fail open);
// without a listener on the port or a registered target nothing answers
// (SVC-01). The target sees the load balancer's node as source.
func (t *tracer) loadBalance(ln *lbNode, p packet) string {
	id := ln.lb.ID
	var listener *Listener
	for i := range ln.lb.Listeners {
		if ln.lb.Listeners[i].Port == p.port {
			listener = &ln.lb.Listeners[i]
			break
		}
	}
	if listener == nil {
		t.hop(HopLoadBalancer, id, DecisionUnreachable, "SVC-01", "%s has no listener on port %d.", id, p.port)
		return VerdictUnreachable
	}
	tg, failOpen, ok := pickTarget(ln.lb.Targets)
	in := t.w.instances[tg.Instance]
	if !ok || in == nil || !in.ip4.IsValid() {
		t.hop(HopLoadBalancer, id, DecisionUnreachable, "SVC-01", "%s has no registered target: nothing answers.", id)
		return VerdictUnreachable
	}
	port := tg.Port
	if port == 0 {
		port = listener.Port
	}
	how := "healthy target"
	if failOpen {
		how = "target (every target is unhealthy, so it fails open to all)"
	}
	node := ln.nodeFor(in.subnet)
	if node == nil {
		t.hop(HopLoadBalancer, id, DecisionUnreachable, "SVC-01", "%s has no node in a subnet of its VPC.", id)
		return VerdictUnreachable
	}
	t.hop(HopLoadBalancer, id, DecisionForwarded, "SVC-01", "%s listener %d/%s sends the request to %s %s:%d, from its node %s.", id, listener.Port, listener.Protocol, how, in.i.ID, port, node.addr)
	q := packet{src: node.addr, dst: in.ip4, proto: p.proto, port: port, from: node}
	a, ok := t.deliverLocal(node.subnet, ln.vpc, q)
	if !ok {
		return VerdictUnreachable
	}
	t.hop(HopTarget, in.i.ID, DecisionReached, "SVC-01", "The request reaches target %s at %s:%d.", in.i.ID, a.ifc.addr, port)
	return VerdictAllowed
}

// pickTarget picks the first healthy target, or the first target when
// every one is unhealthy (fail open, SVC-01, GWLB-02).
func pickTarget(targets []Target) (Target, bool, bool) {
	for _, tg := range targets {
		if tg.IsHealthy() {
			return tg, false, true
		}
	}
	if len(targets) > 0 {
		return targets[0], true, true
	}
	return Target{}, false, false
}

// nodeFor picks the load balancer node that forwards to a subnet: the node
// in that subnet, else in its Availability Zone, else the first.
func (ln *lbNode) nodeFor(sn *subnetNode) *iface {
	for _, n := range ln.nodes {
		if n.subnet == sn {
			return n
		}
	}
	for _, n := range ln.nodes {
		if n.subnet.s.AvailabilityZone == sn.s.AvailabilityZone {
			return n
		}
	}
	if len(ln.nodes) > 0 {
		return ln.nodes[0]
	}
	return nil
}
