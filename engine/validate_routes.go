package engine

import (
	"net/netip"
	"strings"
)

// checkRoutes checks every route table: one destination per route, well
// formed and not more specific than a local route (NET-01), no duplicate
// destination, targets that exist in or are attached to the VPC (VAL-01),
// no hand-written gateway endpoint route (GW-01), and edge associations
// naming the VPC's gateways.
func (v *validator) checkRoutes() {
	for i := range v.s.VPCs {
		vpc := &v.s.VPCs[i]
		local := vpcPrefixes(vpc)
		for j := range vpc.RouteTables {
			t := &vpc.RouteTables[j]
			tp := pathIndex(pathField(pathIndex("vpcs", i), "routeTables"), j)
			seen := map[string]string{}
			for k := range t.Routes {
				rt := &t.Routes[k]
				rp := pathIndex(pathField(tp, "routes"), k)
				dest := v.checkRouteDestination(rp, rt, local)
				if dest != "" {
					if prev, dup := seen[dest]; dup {
						v.add("VAL-02", rp, "duplicate route for %s: already at %s", dest, prev)
					}
					seen[dest] = rp
				}
				v.checkRouteTarget(pathField(rp, "target"), rt, i, local)
			}
			for k, g := range t.EdgeAssociations {
				ep := pathIndex(pathField(tp, "edgeAssociations"), k)
				if g == "" || (g != vpc.InternetGateway && g != vpc.VirtualPrivateGateway) {
					v.add("VAL-01", ep, "%q is not the internet gateway or virtual private gateway of %s", g, v.vpcName(i))
				}
			}
		}
	}
}

// checkRouteDestination checks a route's destination and returns it as a
// string ("" when it is unusable).
func (v *validator) checkRouteDestination(rp string, rt *Route, local []netip.Prefix) string {
	n := 0
	for _, d := range []string{rt.DestinationCIDRBlock, rt.DestinationIPv6CIDRBlock, rt.DestinationPrefixListID} {
		if d != "" {
			n++
		}
	}
	if n != 1 {
		v.add("VAL-04", rp, "a route needs exactly one of destinationCidrBlock, destinationIpv6CidrBlock and destinationPrefixListId")
		return ""
	}
	if rt.DestinationPrefixListID != "" {
		if !strings.HasPrefix(rt.DestinationPrefixListID, "pl-") {
			v.add("VAL-02", pathField(rp, "destinationPrefixListId"), "%q is not a prefix list ID (pl-…)", rt.DestinationPrefixListID)
			return ""
		}
		return rt.DestinationPrefixListID
	}
	field, s, f := "destinationCidrBlock", rt.DestinationCIDRBlock, famIPv4
	if s == "" {
		field, s, f = "destinationIpv6CidrBlock", rt.DestinationIPv6CIDRBlock, famIPv6
	}
	p, ok := v.prefix(pathField(rp, field), s, f)
	if !ok {
		return ""
	}
	for _, l := range local {
		if l.Bits() > p.Bits() || !l.Contains(p.Addr()) {
			continue
		}
		if l == p && rt.Target == "local" {
			break // the implied local route, written out
		}
		v.add("NET-01", pathField(rp, field), "%s is as specific as or more specific than the local route %s", p, l)
		break
	}
	return p.String()
}

// checkRouteTarget checks that a route's target exists and may be used by a
// route of VPC number i.
func (v *validator) checkRouteTarget(path string, rt *Route, i int, local []netip.Prefix) {
	vpc := &v.s.VPCs[i]
	if rt.Target == "local" {
		for _, l := range local {
			if rt.DestinationCIDRBlock == l.String() || rt.DestinationIPv6CIDRBlock == l.String() {
				return
			}
		}
		v.add("VAL-01", path, "the local target serves only the VPC's own CIDRs")
		return
	}
	r, ok := v.ref(path, rt.Target, kindInternetGateway, kindNATGateway, kindVPNGateway, kindPeering, kindTransitGateway, kindEndpoint)
	if !ok {
		return
	}
	switch r.kind {
	case kindInternetGateway, kindVPNGateway:
		if r.vpc != i {
			v.add("VAL-01", path, "%s %s is attached to %s, not %s", r.kind, rt.Target, v.vpcName(r.vpc), vpc.ID)
		}
	case kindNATGateway:
		if r.vpc != i {
			v.add("VAL-01", path, "NAT gateway %s is in %s, not %s", rt.Target, v.vpcName(r.vpc), vpc.ID)
		}
	case kindPeering:
		pc := &v.s.Peerings[r.item]
		if pc.RequesterVPC != vpc.ID && pc.AccepterVPC != vpc.ID {
			v.add("VAL-01", path, "peering connection %s does not involve %s", rt.Target, vpc.ID)
		}
	case kindTransitGateway:
		if !v.tgwAttached(r.item, vpc.ID) {
			v.add("VAL-01", path, "transit gateway %s has no attachment to %s", rt.Target, vpc.ID)
		}
	case kindEndpoint:
		e := v.endpoint(r)
		switch {
		case e.VPCEndpointType == EndpointGateway:
			v.add("GW-01", path, "%s is a gateway endpoint: its routes follow from its routeTableIds and cannot be written by hand", rt.Target)
		case e.VPCEndpointType != EndpointGatewayLoadBalancer:
			v.add("VAL-01", path, "%s is an %s endpoint; a route may target only a Gateway Load Balancer endpoint", rt.Target, e.VPCEndpointType)
		case r.vpc != i:
			v.add("VAL-01", path, "endpoint %s is in %s, not %s", rt.Target, v.vpcName(r.vpc), vpc.ID)
		}
	}
}

// tgwAttached reports whether transit gateway number t has an attachment to
// the VPC with the given ID.
func (v *validator) tgwAttached(t int, vpcID string) bool {
	for _, a := range v.s.TransitGateways[t].Attachments {
		if a.VPC == vpcID {
			return true
		}
	}
	return false
}
