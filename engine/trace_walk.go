package engine

import (
	"fmt"
	"net/netip"
	"strings"
)

// packet is the request as it travels: addresses, protocol and port, the
// interface that sent it (for group references, NET-02) and how it entered
// the VPC it is in (peering, transit gateway or VPN: NET-05, GW-08).
type packet struct {
	src, dst netip.Addr
	proto    string
	port     int
	from     *iface
	via      string // "", "peering", "transit-gateway", "vpn"
	viaID    string // the peering connection, transit gateway or VGW
	public   netip.Addr
	natted   bool
}

// arrival is where the network part of a trace ended: an interface in a
// VPC, an AWS service (publicly or through an endpoint), an on-premises
// address, or the internet.
type arrival struct {
	ifc      *iface
	service  *Service
	region   string
	gateway  *endpointNode // reached the service through a gateway endpoint
	endpoint *endpointNode // reached the service through an interface endpoint
	sourceIP netip.Addr    // the source address the service sees
	network  *networkNode
	internet bool
	p        packet
}

// startInstance sends the request from an instance: the egress rules of
// its groups (NET-02, GW-13), then its subnet's route table.
func (t *tracer) startInstance(in *instanceNode, p packet) (arrival, bool) {
	if !p.src.IsValid() {
		t.hop(HopTarget, in.i.ID, DecisionUnreachable, "IF-02", "%s has no IPv%d address, so it cannot send an IPv%d request.", in.i.ID, t.req.IPVersion, t.req.IPVersion)
		return arrival{}, false
	}
	p.from = in.ifc4
	if p.src.Is6() {
		p.from = in.ifc6
	}
	vn := in.subnet.vpc
	peer := sgPeer{addr: p.dst}
	if f := t.w.ifaceNear(vn, p.dst); f != nil {
		peer.groups, peer.vpc = f.groups, f.subnet.vpc
	}
	d := t.w.sgEvaluate(in.i.SecurityGroups, vn, true, p.proto, p.port, peer, !t.quiet)
	rule := "NET-02"
	if _, ok := prefixListContaining(p.dst); ok {
		rule = "GW-13"
	}
	if !d.allowed {
		t.hop(HopSecurityGroup, orUnknown(d.group), DecisionDenied, rule, "%s cannot send the request: %s.", in.i.ID, d.why)
		return arrival{}, false
	}
	t.hop(HopSecurityGroup, d.group, DecisionAllowed, rule, "%s may send to %s:%d/%s: %s.", in.i.ID, p.dst, p.port, p.proto, d.why)
	return t.fromSubnet(in.subnet, p)
}

// ifaceNear finds the interface holding an address in a VPC or in one of
// its peers, for security group references.
func (w *World) ifaceNear(vn *vpcNode, a netip.Addr) *iface {
	if f := vn.owners[a]; f != nil {
		return f
	}
	for _, pv := range w.vpcList {
		if vn.peers[pv.v.ID] != "" && pv.contains(a) {
			return pv.owners[a]
		}
	}
	return nil
}

// fromSubnet forwards a packet by the route table of a subnet, hop after
// hop, until it arrives or is dropped.
func (t *tracer) fromSubnet(sn *subnetNode, p packet) (arrival, bool) {
	for {
		tn := sn.table
		if tn == nil {
			t.hop(HopRoute, sn.s.ID, DecisionNoRoute, "NET-07", "%s has no route table, so nothing leaves it.", sn.s.ID)
			return arrival{}, false
		}
		if !t.step(HopRoute, tn.t.ID, "rtb|"+tn.t.ID+"|"+p.dst.String()+"|"+p.via) {
			return arrival{}, false
		}
		r, tied, ok := tn.trie.lookup(p.dst)
		if !ok {
			t.noRoute(tn, p)
			return arrival{}, false
		}
		rule, why := t.routeRule(tn, r, tied, p)
		t.hop(HopRoute, tn.t.ID, DecisionMatched, rule, "%s sends %s to %s: %s.", tn.t.ID, p.dst, r.Target, why)
		switch target := r.Target; {
		case target == "local":
			return t.deliverLocal(sn, sn.vpc, p)
		case strings.HasPrefix(target, "igw-"):
			return t.viaInternetGateway(sn, target, p)
		case strings.HasPrefix(target, "nat-"):
			next, np, ok := t.viaNAT(sn, target, p)
			if !ok {
				return arrival{}, false
			}
			sn, p = next, np
		case strings.HasPrefix(target, "vgw-"):
			return t.viaVGW(sn, target, p)
		case strings.HasPrefix(target, "pcx-"):
			return t.viaPeering(sn, target, p)
		case strings.HasPrefix(target, "tgw-"):
			return t.viaTGWFromVPC(sn, target, p)
		case t.w.endpoints[target] != nil && t.w.endpoints[target].e.VPCEndpointType == EndpointGateway:
			return t.viaGatewayEndpoint(sn, t.w.endpoints[target], p)
		case t.w.endpoints[target] != nil:
			next, ok := t.viaGWLBEndpoint(sn, t.w.endpoints[target], p)
			if !ok {
				return arrival{}, false
			}
			sn = next
		default:
			t.hop(HopRoute, tn.t.ID, DecisionNoRoute, "NET-07", "The target %s of the route does not exist or is not attached: the packet is dropped.", target)
			return arrival{}, false
		}
	}
}

// routeRule names the rule that chose a route and explains the match.
func (t *tracer) routeRule(tn *tableNode, r route, tied []route, p packet) (string, string) {
	why := "" // the hop's sentence: none for a quiet trace
	if !t.quiet {
		why = fmt.Sprintf("longest match %s (%s route)", r.Dest, r.Origin)
		if r.PrefixList != "" {
			why = fmt.Sprintf("longest match %s of prefix list %s", r.Dest, r.PrefixList)
		}
		for _, o := range tied {
			why += fmt.Sprintf("; it beats the %s route to %s of equal length (GW-04)", o.Origin, o.Target)
		}
	}
	pl, isService := prefixListContaining(p.dst)
	switch {
	case r.Target == "local":
		return "NET-01", why + ", the VPC's implied local route"
	case r.Origin == originPrefixList && t.w.endpoints[r.Target] != nil:
		if pl.IPv6 {
			return "GW-07", why + ", the IPv6 route of gateway endpoint " + r.Target
		}
		return "GW-02", why + ", the route gateway endpoint " + r.Target + " added"
	case len(tied) > 0:
		return "GW-04", why
	case isService && tn.hasGatewayRoute(pl.Service, pl.Region, pl.IPv6):
		return "GW-04", why + ", more specific than the endpoint's prefix-list route"
	case isService && tn.hasGatewayRoute(pl.Service, "", pl.IPv6):
		return "GW-03", why + fmt.Sprintf(": %s is %s in %s, outside the prefix list of this Region's endpoint", p.dst, pl.Service, pl.Region)
	case isService && pl.IPv6 && tn.hasGatewayRoute(pl.Service, pl.Region, false):
		return "GW-07", why + ": the gateway endpoint routes only IPv4 here"
	case isService && (pl.Service == "s3" || pl.Service == "dynamodb"):
		return "GW-06", why + ": this table is not associated with a gateway endpoint for " + pl.Service
	case strings.HasPrefix(r.Target, "igw-"), strings.HasPrefix(r.Target, "nat-"):
		return "NET-04", why
	case strings.HasPrefix(r.Target, "pcx-"):
		return "NET-05", why
	case strings.HasPrefix(r.Target, "tgw-"), strings.HasPrefix(r.Target, "vgw-"):
		return "NET-06", why
	case strings.HasPrefix(r.Target, "vpce-"):
		return "GWLB-01", why
	}
	return "NET-07", why
}

// hasGatewayRoute reports whether the table holds a gateway endpoint route
// to a service's prefix list; region "" means in another Region than the
// table's endpoints.
func (tn *tableNode) hasGatewayRoute(service, region string, ipv6 bool) bool {
	for _, en := range tn.gateway {
		if en.aws == nil || en.aws.Name != service {
			continue
		}
		if region == "" {
			return true
		}
		for _, pl := range en.prefixLists() {
			if pl.Region == region && pl.IPv6 == ipv6 {
				return true
			}
		}
	}
	return false
}

// noRoute records a drop for want of a route, naming the rule that
// explains it best (NET-07, GW-03, GW-07, GW-15).
func (t *tracer) noRoute(tn *tableNode, p packet) {
	pl, isService := prefixListContaining(p.dst)
	switch {
	case isService && pl.IPv6 && tn.hasGatewayRoute(pl.Service, pl.Region, false):
		t.hop(HopRoute, tn.t.ID, DecisionNoRoute, "GW-07", "%s has no route for %s: its gateway endpoint for %s carries only IPv4, and no other route matches.", tn.t.ID, p.dst, pl.Service)
	case isService && tn.hasGatewayRoute(pl.Service, "", pl.IPv6) && !tn.hasGatewayRoute(pl.Service, pl.Region, pl.IPv6):
		t.hop(HopRoute, tn.t.ID, DecisionNoRoute, "GW-03", "%s has no route for %s: that is %s in %s, and prefix lists are per Region, so the gateway endpoint's route does not match and no other route does.", tn.t.ID, p.dst, pl.Service, pl.Region)
	case isService:
		t.hop(HopRoute, tn.t.ID, DecisionNoRoute, "GW-15", "%s has no route for %s (%s in %s): without a gateway endpoint, a private subnet reaches %s only through a NAT device.", tn.t.ID, p.dst, pl.Service, pl.Region, pl.Service)
	default:
		t.hop(HopRoute, tn.t.ID, DecisionNoRoute, "NET-07", "%s has no route for %s: the packet is dropped.", tn.t.ID, p.dst)
	}
}
