package engine

import (
	"net/netip"
	"slices"
	"strings"
)

// resolveOnPrem answers a query of an on-premises host: its site's DNS
// server with its forwarders, or public DNS when the site has none.
func (t *tracer) resolveOnPrem(nn *networkNode, name string) dnsAnswer {
	if nn.dns != nil {
		return t.resolveAtServer(nn.dns, name, 0)
	}
	return t.publicFrom(nn.n.ID, "public DNS", name, 0)
}

// resolveAtServer answers at an on-premises DNS server: the most specific
// forwarder holding the name sends it to its targets; an inbound Resolver
// endpoint must be reachable from the site (DNS-05). Other names resolve
// publicly.
func (t *tracer) resolveAtServer(srv *dnsServerNode, name string, depth int) dnsAnswer {
	at := srv.net.n.ID
	if depth > maxDNSDepth {
		t.hop(HopDNS, at, DecisionLoop, "DNS-06", "The lookup of %s went through %d forwards without an answer: a forwarding loop.", name, depth)
		return dnsAnswer{}
	}
	var fwd *Forwarder
	for i := range srv.d.Forwarders {
		f := &srv.d.Forwarders[i]
		if inDomain(name, canonicalName(f.DomainName)) && (fwd == nil || len(f.DomainName) > len(fwd.DomainName)) {
			fwd = f
		}
	}
	if fwd == nil {
		return t.publicFrom(at, "the DNS server "+srv.ip.String()+" of "+at, name, depth)
	}
	for _, s := range fwd.TargetIPs {
		ip, err := netip.ParseAddr(s)
		if err != nil {
			continue
		}
		if inbound := t.w.inboundIPs[ip]; len(inbound) > 0 {
			arr, ok, why := t.reachable(srv.net, srv.ip, ip, "udp", 53)
			if !ok {
				t.hop(HopDNS, at, DecisionUnreachable, "DNS-05", "The DNS server %s of %s forwards %s to the inbound Resolver endpoint %s at %s, which it cannot reach: %s", srv.ip, at, fwd.DomainName, ifaceIDs(inbound), ip, why)
				continue
			}
			f := arrivedAt(arr, inbound)
			if f == nil {
				// Only another VPC with the same addresses has an inbound
				// endpoint there (SVC-08).
				t.hop(HopDNS, at, DecisionNoAnswer, "DNS-05", "The DNS server %s of %s forwards %s to %s, which the site reaches %s, where no inbound Resolver endpoint has that address (%s, at the same address, is in a VPC the site does not reach).", srv.ip, at, fwd.DomainName, ip, arrivalPlace(arr), ifaceIDs(inbound))
				continue
			}
			t.hop(HopDNS, at, DecisionForwarded, "DNS-05", "The DNS server %s of %s forwards %s (domain %s) to the inbound Resolver endpoint %s at %s, reachable from the site.", srv.ip, at, name, fwd.DomainName, f.id, ip)
			return t.resolveVPC(f.resolver.vpc, name, true, depth+1)
		}
		if next := serverFrom(srv.net, ip, t.w.dnsServers[ip]); next != nil && next != srv {
			t.hop(HopDNS, at, DecisionForwarded, "", "The DNS server %s of %s forwards %s to the DNS server %s.", srv.ip, at, name, ip)
			return t.resolveAtServer(next, name, depth+1)
		}
		t.hop(HopDNS, at, DecisionNoAnswer, "DNS-05", "The DNS server %s of %s forwards %s to %s, where no DNS server of the scenario listens.", srv.ip, at, fwd.DomainName, ip)
	}
	t.hop(HopDNS, at, DecisionNoAnswer, "DNS-05", "No forwarding target of %s (%s) answered the query for %s.", fwd.DomainName, strings.Join(fwd.TargetIPs, ", "), name)
	return dnsAnswer{}
}

// publicFrom answers a name publicly for a resolver outside every VPC. A
// name that only a private zone or an endpoint's private DNS holds gets
// the public answer there (split horizon, DNS-02, DNS-04), since the
// Resolver cannot be queried from outside the VPC (DNS-05).
func (t *tracer) publicFrom(at, who, name string, depth int) dnsAnswer {
	pa := t.w.publicLookup(name, depth)
	rule, note := pa.rule, ""
	if pa.rule == "" {
		if id, r, held := t.w.privatelyHeld(name); held {
			rule = r
			note = " " + id + " holds the name only inside its VPC; from outside, public DNS answers (split horizon)."
		}
	}
	if !pa.found {
		t.hop(HopDNS, at, DecisionNXDomain, rule, "%s finds no record for %s (%s): NXDOMAIN.%s", who, name, pa.what, note)
		return dnsAnswer{}
	}
	t.hop(HopDNS, at, DecisionResolved, rule, "%s answers %s with %s (%s).%s", who, name, addrList(pa.addrs), pa.what, note)
	return dnsAnswer{addrs: pa.addrs, resolver: who, ok: true}
}

// reachable checks that a packet from an on-premises address reaches an
// address (an inbound Resolver endpoint, DNS-05) without recording its
// hops; it returns where the packet arrived, or the reason it did not.
func (t *tracer) reachable(nn *networkNode, src, dst netip.Addr, proto string, port int) (arrival, bool, string) {
	sub := &tracer{w: t.w, req: t.req, quiet: t.quiet}
	arr, ok := sub.startOnPrem(nn, packet{src: src, dst: dst, proto: proto, port: port})
	if ok {
		return arr, true, ""
	}
	if sub.last.Kind == "" {
		return arr, false, "no path."
	}
	return arr, false, sub.last.Detail + " (" + sub.last.Rule + ")"
}

// arrivedAt returns the interface among candidates that a packet arrived
// at, nil when it arrived elsewhere.
func arrivedAt(arr arrival, candidates []*iface) *iface {
	for _, f := range candidates {
		if arr.ifc == f {
			return f
		}
	}
	return nil
}

// arrivalPlace says where a packet arrived, for a sentence: "in vpc-a" or
// "inside site-1".
func arrivalPlace(arr arrival) string {
	switch {
	case arr.ifc != nil:
		return "in " + arr.ifc.subnet.vpc.v.ID
	case arr.network != nil:
		return "inside " + arr.network.n.ID
	}
	return "elsewhere"
}

// ifaceIDs names the owners of interfaces, each once, joined by " or ".
func ifaceIDs(fs []*iface) string {
	var ids []string
	for _, f := range fs {
		if !slices.Contains(ids, f.id) {
			ids = append(ids, f.id)
		}
	}
	return strings.Join(ids, " or ")
}

// serverFrom picks the DNS server at ip that a query from a site reaches
// (reachedFrom); a nil site takes the first.
func serverFrom(site *networkNode, ip netip.Addr, candidates []*dnsServerNode) *dnsServerNode {
	local := site != nil && site.contains(ip)
	return reachedFrom(local, candidates, func(srv *dnsServerNode) bool { return srv.net == site })
}

// reachedFrom picks, among the candidates holding one address, the one a
// query from a place reaches: the place's own when the address is inside
// it (local), else the first elsewhere, since VPCs and sites may use the
// same addresses (SVC-08). It returns nil when none qualifies.
func reachedFrom[T any](local bool, candidates []*T, inPlace func(*T) bool) *T {
	for _, c := range candidates {
		if inPlace(c) == local {
			return c
		}
	}
	return nil
}
