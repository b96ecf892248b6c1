package engine

import (
	"maps"
	"slices"
)

// checkEndpointPlacement checks the fields that place endpoint j of VPC
// number i: route tables for a gateway endpoint; subnets (one per AZ, IF-01;
// exactly one for GWLB, GWLB-03), designated IPs and security groups for the
// others; and the IP address type (IF-02, GW-07).
func (v *validator) checkEndpointPlacement(i, j int, ep string) {
	e := &v.s.VPCs[i].Endpoints[j]
	if e.VPCEndpointType == EndpointGateway {
		for k, id := range e.RouteTableIDs {
			v.refInVPC(pathIndex(pathField(ep, "routeTableIds"), k), id, i, kindRouteTable)
		}
		for _, f := range []struct {
			name string
			set  bool
		}{{"subnetIds", e.SubnetIDs != nil}, {"ipAddresses", e.IPAddresses != nil}, {"securityGroupIds", e.SecurityGroupIDs != nil},
			{"privateDnsEnabled", e.PrivateDNSEnabled != nil}} {
			if f.set {
				v.add("VAL-04", pathField(ep, f.name), "a gateway endpoint has no %s: it works through its routeTableIds", f.name)
			}
		}
		v.checkIPAddressType(i, j, ep)
		return
	}
	if e.RouteTableIDs != nil {
		v.add("VAL-04", pathField(ep, "routeTableIds"), "only gateway endpoints are associated with route tables")
	}
	if e.VPCEndpointType == EndpointGatewayLoadBalancer {
		if len(e.SubnetIDs) != 1 {
			v.add("GWLB-03", pathField(ep, "subnetIds"), "a Gateway Load Balancer endpoint has exactly one subnet, not %d", len(e.SubnetIDs))
		}
		if e.SecurityGroupIDs != nil {
			v.add("VAL-04", pathField(ep, "securityGroupIds"), "a Gateway Load Balancer endpoint has no security groups")
		}
	}
	zones := map[string]string{}
	for k, id := range e.SubnetIDs {
		sp := pathIndex(pathField(ep, "subnetIds"), k)
		r, ok := v.refInVPC(sp, id, i, kindSubnet)
		if !ok {
			continue
		}
		sn := v.subnet(r)
		if prev, dup := zones[sn.AvailabilityZone]; dup {
			v.add("IF-01", sp, "%s is in %s like %s: an endpoint takes at most one subnet per Availability Zone", id, sn.AvailabilityZone, prev)
			continue
		}
		zones[sn.AvailabilityZone] = id
	}
	for _, id := range slices.Sorted(maps.Keys(e.IPAddresses)) {
		if !slices.Contains(e.SubnetIDs, id) {
			v.add("IF-01", pathKey(pathField(ep, "ipAddresses"), id), "a designated IP needs its subnet %s among the endpoint's subnetIds", id)
		}
	}
	for k, id := range e.SecurityGroupIDs {
		v.refInVPC(pathIndex(pathField(ep, "securityGroupIds"), k), id, i, kindSecurityGroup)
	}
	v.checkIPAddressType(i, j, ep)
}

// checkIPAddressType checks an endpoint's ipAddressType: a known value; for
// interface endpoints, subnets with the ranges it needs and a service that
// supports it (IF-02); DynamoDB gateway endpoints only ipv4 (GW-07).
func (v *validator) checkIPAddressType(i, j int, ep string) {
	e := &v.s.VPCs[i].Endpoints[j]
	tp := pathField(ep, "ipAddressType")
	t := e.IPAddressType
	switch t {
	case "":
		t = IPAddressTypeIPv4
	case IPAddressTypeIPv4, IPAddressTypeIPv6, IPAddressTypeDualstack:
	default:
		v.add("VAL-04", tp, "unknown IP address type %q: want ipv4, ipv6 or dualstack", t)
		return
	}
	switch e.VPCEndpointType {
	case EndpointGateway:
		if t != IPAddressTypeIPv4 && isServiceNamed(e.ServiceName, "dynamodb") {
			v.add("GW-07", tp, "DynamoDB gateway endpoints are IPv4 only, not %s", t)
		}
		return
	case EndpointGatewayLoadBalancer:
		return
	}
	for _, id := range e.SubnetIDs {
		r, ok := v.lookup(id)
		sn := v.subnet(r)
		if !ok || sn == nil || r.vpc != i {
			continue
		}
		has4, has6 := sn.CIDRBlock != "", sn.IPv6CIDRBlock != ""
		switch {
		case t == IPAddressTypeIPv4 && !has4:
			v.add("IF-02", tp, "ipv4 needs an IPv4 range in every subnet; %s has none", id)
		case t == IPAddressTypeIPv6 && (has4 || !has6):
			v.add("IF-02", tp, "ipv6 needs IPv6-only subnets; %s is not one", id)
		case t == IPAddressTypeDualstack && !(has4 && has6):
			v.add("IF-02", tp, "dualstack needs IPv4 and IPv6 ranges in every subnet; %s lacks one", id)
		}
	}
	parts, ok := splitServiceName(e.ServiceName)
	if !ok || !parts.endpointService {
		return // TODO(catalogue): the AWS services' supported IP address types
	}
	r, ok := v.lookup(parts.serviceID)
	if !ok || r.kind != kindEndpointService {
		return
	}
	types := v.s.EndpointServices[r.item].SupportedIPAddressTypes
	if len(types) == 0 {
		types = []string{IPAddressTypeIPv4}
	}
	need := []string{t}
	if t == IPAddressTypeDualstack {
		need = []string{IPAddressTypeIPv4, IPAddressTypeIPv6}
	}
	for _, n := range need {
		if !slices.Contains(types, n) {
			v.add("IF-02", tp, "endpoint service %s supports %v, not %s", parts.serviceID, types, t)
			return
		}
	}
}
