package awsimport

import (
	"fmt"
	"net/netip"
	"strings"

	"privatelink-playground/engine"
)

// mapRouteTables maps describe-route-tables into their VPCs: the main flag,
// subnet and edge associations, and the routes. The local route is implied
// and skipped; a gateway endpoint's prefix-list route is skipped too, since
// it follows from the endpoint's routeTableIds (GW-01), where it is
// recorded.
func (m *mapper) mapRouteTables() {
	for _, it := range m.in.routeTables {
		t := it.v
		if _, dup := m.routeTables[t.RouteTableID]; dup || t.RouteTableID == "" {
			m.note(it.src, "not mapped: route table %q appears twice or has no RouteTableId", t.RouteTableID)
			continue
		}
		i, ok := m.vpc(it.src, "route table "+t.RouteTableID, t.VpcID)
		if !ok {
			continue
		}
		vpc := &m.s.VPCs[i]
		m.routeTables[t.RouteTableID] = [2]int{i, len(vpc.RouteTables)}
		vpc.RouteTables = append(vpc.RouteTables, engine.RouteTable{ID: t.RouteTableID, Routes: []engine.Route{}})
		m.mapAssociations(it, i)
		m.mapRoutes(it, i)
		for j, p := range t.PropagatingVgws {
			m.note(it.at(".PropagatingVgws[%d]", j), "route propagation from %s is not modelled: the routes it propagated (Origin EnableVgwRoutePropagation) are kept as static routes", p.GatewayID)
		}
	}
}

// mapAssociations applies a table's associations: main, subnets, gateways.
func (m *mapper) mapAssociations(it item[RouteTable], i int) {
	t := it.v
	k := m.routeTables[t.RouteTableID][1]
	for j, a := range t.Associations {
		at := it.at(".Associations[%d]", j)
		if s := a.AssociationState.State; s != "" && s != "associated" && s != "associating" {
			m.note(at, "not mapped: association %s is %s", a.RouteTableAssociationID, s)
			continue
		}
		switch {
		case a.Main:
			m.s.VPCs[i].RouteTables[k].Main = true
		case a.SubnetID != "":
			vi, si, ok := m.subnet(a.SubnetID)
			if !ok || vi != i {
				m.note(at, "not mapped: association with subnet %s, which is not an imported subnet of %s", a.SubnetID, m.s.VPCs[i].ID)
				continue
			}
			m.s.VPCs[i].Subnets[si].RouteTable = t.RouteTableID
		case a.GatewayID != "":
			vpc := &m.s.VPCs[i]
			if a.GatewayID != vpc.InternetGateway && a.GatewayID != vpc.VirtualPrivateGateway {
				m.note(at, "not mapped: edge association with %s, which is not an imported gateway of %s", a.GatewayID, vpc.ID)
				continue
			}
			rt := &vpc.RouteTables[k]
			rt.EdgeAssociations = append(rt.EdgeAssociations, a.GatewayID)
		}
	}
}

// mapRoutes maps a table's routes. A route is left out, with a note, when
// the scenario cannot hold it: a blackhole, a target of a kind the format
// does not know or that is not imported, a second route to one destination,
// or a route more specific than a local one (NET-01).
func (m *mapper) mapRoutes(it item[RouteTable], i int) {
	t := it.v
	k := m.routeTables[t.RouteTableID][1]
	local := m.localPrefixes(i)
	seen := map[string]bool{}
	for j, r := range t.Routes {
		at := it.at(".Routes[%d]", j)
		dest := firstOf(r.DestinationCidrBlock, r.DestinationIpv6CidrBlock, r.DestinationPrefixListID)
		target, kind := routeTarget(r)
		if target == "local" {
			continue
		}
		if r.DestinationPrefixListID != "" && strings.HasPrefix(target, "vpce-") && m.isGatewayEndpointInput(target) {
			if m.gatewayEndpoint(target, i) {
				m.addEndpointRouteTable(target, t.RouteTableID)
			} else {
				m.note(at, "not mapped: route %s → gateway endpoint %s, which is not imported", dest, target)
			}
			continue
		}
		if reason := m.unusableRoute(r, target, kind, i, local); reason != "" {
			m.note(at, "not mapped: route %s → %s: %s", dest, orNone(target), reason)
			continue
		}
		if seen[dest] {
			m.note(at, "not mapped: a second route for %s in %s", dest, t.RouteTableID)
			continue
		}
		seen[dest] = true
		rt := &m.s.VPCs[i].RouteTables[k]
		rt.Routes = append(rt.Routes, engine.Route{
			DestinationCIDRBlock:     r.DestinationCidrBlock,
			DestinationIPv6CIDRBlock: r.DestinationIpv6CidrBlock,
			DestinationPrefixListID:  r.DestinationPrefixListID,
			Target:                   target,
		})
	}
}

// routeTarget returns a route's target ID and the AWS field that held it.
func routeTarget(r Route) (string, string) {
	for _, f := range []struct{ id, field string }{
		{r.GatewayID, "GatewayId"},
		{r.NatGatewayID, "NatGatewayId"},
		{r.VpcPeeringConnectionID, "VpcPeeringConnectionId"},
		{r.TransitGatewayID, "TransitGatewayId"},
		{r.VpcEndpointID, "VpcEndpointId"},
		{r.InstanceID, "InstanceId"},
		{r.NetworkInterfaceID, "NetworkInterfaceId"},
		{r.EgressOnlyInternetGatewayID, "EgressOnlyInternetGatewayId"},
		{r.LocalGatewayID, "LocalGatewayId"},
		{r.CarrierGatewayID, "CarrierGatewayId"},
		{r.CoreNetworkArn, "CoreNetworkArn"},
	} {
		if f.id != "" {
			return f.id, f.field
		}
	}
	return "", ""
}

// unusableRoute says why a route cannot be mapped, or "".
func (m *mapper) unusableRoute(r Route, target, kind string, i int, local []netip.Prefix) string {
	vpc := &m.s.VPCs[i]
	switch {
	case r.State == "blackhole":
		return "a blackhole route (its target no longer exists); without it, traffic it dropped follows the next matching route, if any"
	case target == "":
		return "no target"
	case kind == "InstanceId" || kind == "NetworkInterfaceId":
		return "routes to an instance or a network interface (middleboxes) are not in the scenario format"
	case kind == "EgressOnlyInternetGatewayId", kind == "LocalGatewayId", kind == "CarrierGatewayId", kind == "CoreNetworkArn":
		return fmt.Sprintf("a %s target is not in the scenario format", kind)
	case kind == "TransitGatewayId":
		if reason := m.tgwRouteProblem(target, i); reason != "" {
			return reason
		}
	case strings.HasPrefix(target, "igw-"):
		if target != vpc.InternetGateway {
			return "the internet gateway is not an imported gateway attached to " + vpc.ID
		}
	case strings.HasPrefix(target, "vgw-"):
		if target != vpc.VirtualPrivateGateway {
			return "the virtual private gateway is not an imported gateway attached to " + vpc.ID
		}
	case strings.HasPrefix(target, "nat-"):
		if vi, ok := m.nats[target]; !ok || vi != i {
			return "the NAT gateway is not an imported gateway of " + vpc.ID
		}
	case strings.HasPrefix(target, "pcx-"):
		if !m.peeringOf(target, i) {
			return "the peering connection is not an imported active peering of " + vpc.ID
		}
	case strings.HasPrefix(target, "vpce-"):
		at, ok := m.endpoints[target]
		if !ok || at[0] != i || vpc.Endpoints[at[1]].VPCEndpointType != engine.EndpointGatewayLoadBalancer {
			return "the endpoint is not an imported Gateway Load Balancer endpoint of " + vpc.ID
		}
	default:
		return "a target of a kind the scenario format does not know"
	}
	if p, err := netip.ParsePrefix(firstOf(r.DestinationCidrBlock, r.DestinationIpv6CidrBlock)); err == nil {
		for _, l := range local {
			if l.Bits() <= p.Bits() && l.Contains(p.Addr()) {
				return fmt.Sprintf("it is as specific as or more specific than the local route %s, which only middlebox routing allows (NET-01)", l)
			}
		}
	}
	return ""
}

// isGatewayEndpointInput reports whether the input describes id as a
// gateway endpoint.
func (m *mapper) isGatewayEndpointInput(id string) bool {
	for _, e := range m.in.endpoints {
		if e.v.VpcEndpointID == id {
			return e.v.VpcEndpointType == engine.EndpointGateway
		}
	}
	// Without describe-vpc-endpoints output, a prefix-list route to a vpce-
	// is a gateway endpoint's: GWLB endpoint routes have CIDR destinations.
	return true
}

// localPrefixes returns the CIDRs of VPC number i: its local routes.
func (m *mapper) localPrefixes(i int) []netip.Prefix {
	var out []netip.Prefix
	vpc := &m.s.VPCs[i]
	for _, c := range append(append([]string{}, vpc.CIDRBlocks...), vpc.IPv6CIDRBlocks...) {
		if p, err := netip.ParsePrefix(c); err == nil {
			out = append(out, p.Masked())
		}
	}
	return out
}

// firstOf returns the first non-empty string.
func firstOf(list ...string) string {
	for _, s := range list {
		if s != "" {
			return s
		}
	}
	return ""
}

// orNone names an empty target.
func orNone(s string) string {
	if s == "" {
		return "(no target)"
	}
	return s
}
