package engine

import (
	"fmt"
	"net/netip"
	"strings"
)

// destination resolves the request's target to one address of its IP
// version: an IP literal as is, a name through the source's DNS view.
func (t *tracer) destination(src source) (netip.Addr, bool) {
	if a, err := netip.ParseAddr(t.req.To); err == nil {
		return a.Unmap(), true
	}
	name := canonicalName(t.req.To)
	var ans dnsAnswer
	if src.instance != nil {
		ans = t.resolveVPC(src.instance.subnet.vpc, name, false, 0)
	} else {
		ans = t.resolveOnPrem(src.host.net, name)
	}
	if !ans.ok {
		return netip.Addr{}, false
	}
	var picked []string
	var first netip.Addr
	for _, a := range ans.addrs {
		if a.Is4() == (t.req.IPVersion == 4) {
			if !first.IsValid() {
				first = a
			}
			picked = append(picked, a.String())
		}
	}
	if !first.IsValid() {
		kind := "A (IPv4)"
		if t.req.IPVersion == 6 {
			kind = "AAAA (IPv6)"
		}
		t.hop(HopDNS, t.last.At, DecisionNoAnswer, "", "%s has no %s record: the answer holds only %s.", name, kind, addrList(ans.addrs))
		return netip.Addr{}, false
	}
	t.resolved = &Resolved{Name: name, Addresses: picked, Resolver: ans.resolver}
	if m, ok := ServiceByDNSName(name); ok && m.Service.Name == "s3" {
		t.bucket = m.Bucket
	}
	return first, true
}

// resolveVPC answers a query in a VPC's Route 53 Resolver: a forwarding
// rule (DNS-06) unless a private zone is more specific (DNS-04), else the
// most specific private zone or endpoint private DNS zone (DNS-02, DNS-04,
// DNS-07), then public DNS. inbound is set for queries arriving through an
// inbound Resolver endpoint.
func (t *tracer) resolveVPC(vn *vpcNode, name string, inbound bool, depth int) dnsAnswer {
	id := vn.v.ID
	if depth > maxDNSDepth {
		t.hop(HopDNS, id, DecisionLoop, "DNS-06", "The lookup of %s went through %d forwards or aliases without an answer: a loop.", name, depth)
		return dnsAnswer{}
	}
	if !vn.v.DNSSupport() {
		t.hop(HopDNS, id, DecisionNoResolver, "DNS-01", "enableDnsSupport is false in %s, so the Route 53 Resolver (169.254.169.253) does not answer %s.", id, name)
		return dnsAnswer{}
	}
	who := "the Route 53 Resolver of " + id
	if inbound {
		who += " (through its inbound endpoint)"
	}
	var skipped *zoneNode
	z := mostSpecificZone(vn.zones, name, func(z *zoneNode) bool {
		if z.endpoint != nil && z.endpoint.onlyIn && !inbound {
			if skipped == nil {
				skipped = z
			}
			return false
		}
		return true
	})
	if r, broader := t.w.ruleFor(vn, name); r != nil {
		if r.RuleType == "FORWARD" {
			// Rules and zones alike: the most specific domain wins, and a
			// rule wins over a zone of the same domain (DNS-04).
			if z == nil || !vn.v.DNSHostnames() || len(z.name) <= len(canonicalName(r.DomainName)) {
				t.hop(HopDNS, r.ID, DecisionForwarded, "DNS-06", "Resolver rule %s forwards %s (domain %s) through outbound endpoint %s to %s.", r.ID, name, r.DomainName, r.ResolverEndpoint, strings.Join(r.TargetIPs, ", "))
				return t.forwardTo(t.w.outboundVPC(r), r.TargetIPs, name, depth+1)
			}
			t.hop(HopDNS, z.id, DecisionMatched, "DNS-04", "%s (%s) is more specific than forwarding rule %s (%s), so it answers %s, not the rule.", z.id, z.name, r.ID, r.DomainName, name)
		} else if broader {
			t.hop(HopDNS, r.ID, DecisionMatched, "DNS-06", "SYSTEM rule %s for %s makes %s answer %s itself, overriding a broader forwarding rule.", r.ID, r.DomainName, who, name)
		}
	}
	if z != nil && !vn.v.DNSHostnames() {
		t.hop(HopDNS, z.id, DecisionSkipped, "DNS-01", "%s would answer %s, but enableDnsHostnames is false in %s: private zones and endpoint private DNS take effect only with both DNS attributes.", z.id, name, id)
		z = nil
	}
	if z != nil {
		return t.answerZone(vn, z, name, inbound, depth)
	}
	pa := t.w.publicLookup(name, depth)
	rule, note := "DNS-01", ""
	if pa.rule != "" {
		rule = pa.rule
	}
	if skipped != nil && vn.v.DNSHostnames() {
		rule = "DNS-07"
		note = fmt.Sprintf(" %s has private DNS only for the inbound Resolver endpoint, so queries from inside the VPC get the public answer.", skipped.endpoint.e.ID)
	}
	if !pa.found {
		t.hop(HopDNS, id, DecisionNXDomain, rule, "%s finds no record for %s in public DNS (%s): NXDOMAIN.%s", who, name, pa.what, note)
		return dnsAnswer{}
	}
	t.hop(HopDNS, id, DecisionResolved, rule, "%s answers %s with %s (%s).%s", who, name, addrList(pa.addrs), pa.what, note)
	return dnsAnswer{addrs: pa.addrs, resolver: who, ok: true}
}

// answerZone answers from the most specific private zone of a VPC: an
// endpoint's private DNS zone (DNS-02, DNS-07) or a private hosted zone,
// which gives NXDOMAIN for a name it does not hold (DNS-04).
func (t *tracer) answerZone(vn *vpcNode, z *zoneNode, name string, inbound bool, depth int) dnsAnswer {
	if en := z.endpoint; en != nil {
		if name != z.name && !z.wildcard {
			t.hop(HopDNS, z.id, DecisionNXDomain, "DNS-04", "The private DNS zone of %s holds %s only, not %s: NXDOMAIN.", en.e.ID, z.name, name)
			return dnsAnswer{}
		}
		addrs := interfaceAddrs(en, "")
		if len(addrs) == 0 {
			t.hop(HopDNS, en.e.ID, DecisionNoAnswer, "DNS-02", "Private DNS of %s holds %s but the endpoint has no network interface to answer with.", en.e.ID, name)
			return dnsAnswer{}
		}
		rule, how := "DNS-02", "inside "+vn.v.ID
		if en.onlyIn && inbound {
			rule, how = "DNS-07", "for a query through the inbound Resolver endpoint"
		}
		t.hop(HopDNS, en.e.ID, DecisionResolved, rule, "Private DNS of %s answers %s with its network interfaces %s (%s).", en.e.ID, name, addrList(addrs), how)
		return dnsAnswer{addrs: addrs, resolver: "private DNS of " + en.e.ID, ok: len(addrs) > 0}
	}
	recs, ok := z.lookupRecords(name)
	if !ok {
		t.hop(HopDNS, z.id, DecisionNXDomain, "DNS-04", "Private zone %s (%s) is the most specific zone for %s in %s but holds no such record: NXDOMAIN, with no fall-through to public DNS.", z.id, z.name, name, vn.v.ID)
		return dnsAnswer{}
	}
	for _, r := range recs {
		target := canonicalName(r.AliasTarget)
		if r.Type == "CNAME" && len(r.Values) > 0 {
			target = canonicalName(r.Values[0])
		}
		if en := t.w.endpoints[r.AliasTarget]; en != nil {
			addrs := interfaceAddrs(en, "")
			if len(addrs) == 0 {
				rule := "DNS-04"
				if en.state == StateDeleted {
					rule = "IF-08"
				}
				t.hop(HopDNS, z.id, DecisionNoAnswer, rule, "Private zone %s answers %s with an alias to %s, which has no network interface (%s): no address.", z.id, name, en.e.ID, en.state)
				return dnsAnswer{}
			}
			t.hop(HopDNS, z.id, DecisionResolved, "DNS-04", "Private zone %s answers %s with an alias to %s: %s.", z.id, name, en.e.ID, addrList(addrs))
			return dnsAnswer{addrs: addrs, resolver: "private zone " + z.id, ok: len(addrs) > 0}
		}
		if target != "" {
			t.hop(HopDNS, z.id, DecisionCNAME, "DNS-04", "Private zone %s answers %s with %s %s; the Resolver looks that up.", z.id, name, r.Type, target)
			return t.resolveVPC(vn, target, inbound, depth+1)
		}
	}
	addrs := recordAddrs(recs)
	t.hop(HopDNS, z.id, DecisionResolved, "DNS-04", "Private zone %s, associated with %s, answers %s with %s.", z.id, vn.v.ID, name, addrList(addrs))
	return dnsAnswer{addrs: addrs, resolver: "private zone " + z.id, ok: len(addrs) > 0}
}

// forwardTo sends a query from an outbound endpoint's VPC (nil when
// unknown) to target DNS servers in order: an inbound Resolver endpoint
// answers from its VPC, an on-premises server from its forwarders. The first
// server that exists answers.
func (t *tracer) forwardTo(from *vpcNode, targets []string, name string, depth int) dnsAnswer {
	for _, s := range targets {
		ip, err := netip.ParseAddr(s)
		if err != nil {
			continue
		}
		if f := inboundFrom(from, ip, t.w.inboundIPs[ip]); f != nil {
			return t.resolveVPC(f.resolver.vpc, name, true, depth+1)
		}
		if srv := serverFrom(connectedSite(from), ip, t.w.dnsServers[ip]); srv != nil {
			return t.resolveAtServer(srv, name, depth+1)
		}
		t.hop(HopDNS, s, DecisionNoAnswer, "DNS-06", "No DNS server of the scenario listens at %s.", s)
	}
	return dnsAnswer{}
}

// outboundVPC is the VPC of a forwarding rule's outbound endpoint, nil when
// the rule names none the scenario has.
func (w *World) outboundVPC(r *ResolverRule) *vpcNode {
	if rn := w.resolvers[r.ResolverEndpoint]; rn != nil {
		return rn.vpc
	}
	return nil
}

// inboundFrom picks the inbound Resolver interface at ip that a query sent
// from a VPC reaches (reachedFrom); a nil VPC takes the first.
func inboundFrom(from *vpcNode, ip netip.Addr, candidates []*iface) *iface {
	local := from != nil && from.contains(ip)
	return reachedFrom(local, candidates, func(f *iface) bool { return f.subnet.vpc == from })
}

// connectedSite is the on-premises network connected to a VPC through its
// virtual private gateway, nil for none or an unknown VPC.
func connectedSite(vn *vpcNode) *networkNode {
	if vn == nil {
		return nil
	}
	return vn.network
}
