package engine

import (
	"net/netip"
	"slices"
	"testing"
)

// ifaceAddrs lists the addresses of interfaces, as text.
func ifaceAddrs(fs []*iface) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.addr.String()
	}
	return out
}

// withOverlappingVPC adds vpc-b, with the same CIDR as vpc-a and a subnet
// with the same range as subnet-priv, and an SQS interface endpoint with
// no designated address in each of the two subnets.
func withOverlappingVPC(s *Scenario) {
	s.VPCs = append(s.VPCs, VPC{
		ID: "vpc-b", Account: "444455556666", CIDRBlocks: []string{"10.0.0.0/16"},
		EnableDNSSupport: boolp(true), EnableDNSHostnames: boolp(true),
		Subnets:        []Subnet{{ID: "subnet-b", AvailabilityZone: "us-east-1a", CIDRBlock: "10.0.1.0/24"}},
		RouteTables:    []RouteTable{{ID: "rtb-b", Main: true, Routes: []Route{}}},
		SecurityGroups: []SecurityGroup{{ID: "sg-b", GroupName: "b", Ingress: []SGRule{}}},
		Endpoints:      []VPCEndpoint{{ID: "vpce-b", VPCEndpointType: EndpointInterface, ServiceName: "com.amazonaws.us-east-1.sqs", SubnetIDs: []string{"subnet-b"}, SecurityGroupIDs: []string{"sg-b"}}},
	})
	v := vpc(s, "vpc-a")
	v.Endpoints = append(v.Endpoints, VPCEndpoint{ID: "vpce-a", VPCEndpointType: EndpointInterface, ServiceName: "com.amazonaws.us-east-1.sqs", SubnetIDs: []string{"subnet-priv"}, SecurityGroupIDs: []string{"sg-ep"}})
}

// TestRule_SVC08_ResolverAddressesReservedOnlyInTheirVPC: the address an
// inbound Resolver endpoint lists is taken in its own VPC, so an endpoint
// there is given the next one; in an overlapping VPC the same address is
// another address and the first free one there (SVC-08, IF-01).
func TestRule_SVC08_ResolverAddressesReservedOnlyInTheirVPC(t *testing.T) {
	s := decodeBase(t)
	withOverlappingVPC(s)
	// 10.0.1.100 is the first address the simulator assigns in a /24.
	s.ResolverEndpoints = []ResolverEndpoint{{ID: "rslvr-in", Direction: "INBOUND", VPC: "vpc-a", Subnets: []string{"subnet-priv"}, IPAddresses: []string{"10.0.1.100"}}}
	w := compileScenario(t, s)
	for _, c := range []struct {
		what string
		got  []*iface
		want []string
	}{
		{"rslvr-in in vpc-a", w.resolvers["rslvr-in"].ifaces, []string{"10.0.1.100"}},
		{"vpce-a in vpc-a, beside the Resolver endpoint", w.endpoints["vpce-a"].enis, []string{"10.0.1.101"}},
		{"vpce-b in the overlapping vpc-b", w.endpoints["vpce-b"].enis, []string{"10.0.1.100"}},
	} {
		if got := ifaceAddrs(c.got); !slices.Equal(got, c.want) {
			t.Errorf("%s: %v, want %v", c.what, got, c.want)
		}
	}
	// Each VPC resolves its own endpoint's name to its own interface.
	if f := w.vpcs["vpc-b"].owners[netip.MustParseAddr("10.0.1.100")]; f == nil || f.id != "vpce-b" {
		t.Errorf("10.0.1.100 in vpc-b should be vpce-b's, got %+v", f)
	}
	if f := w.vpcs["vpc-a"].owners[netip.MustParseAddr("10.0.1.100")]; f == nil || f.id != "rslvr-in" {
		t.Errorf("10.0.1.100 in vpc-a should be rslvr-in's, got %+v", f)
	}
}

// TestRule_DNS05_InboundResolverEndpointIPv6Addresses: a listed IPv6
// address inside a subnet's IPv6 range gives the Resolver endpoint an IPv6
// interface beside its IPv4 one, and DNS servers may forward to it; an
// IPv6-only subnet gets an assigned IPv6 address; a subnet with only an
// IPv4 range gets no IPv6 interface.
func TestRule_DNS05_InboundResolverEndpointIPv6Addresses(t *testing.T) {
	s := decodeBase(t)
	v := vpc(s, "vpc-a")
	v.Subnets = append(v.Subnets, Subnet{ID: "subnet-v6", AvailabilityZone: "us-east-1c", IPv6CIDRBlock: "2600:1f18:aaaa:2::/64", RouteTable: "rtb-priv"})
	s.ResolverEndpoints = []ResolverEndpoint{{
		ID: "rslvr-in", Direction: "INBOUND", VPC: "vpc-a",
		Subnets:     []string{"subnet-priv", "subnet-priv2", "subnet-v6"},
		IPAddresses: []string{"2600:1f18:aaaa:1::53", "10.0.1.53"},
	}}
	w := compileScenario(t, s)
	want := []string{"10.0.1.53", "2600:1f18:aaaa:1::53", "10.0.2.100", "2600:1f18:aaaa:2::64"}
	if got := ifaceAddrs(w.resolvers["rslvr-in"].ifaces); !slices.Equal(got, want) {
		t.Errorf("interfaces %v, want %v", got, want)
	}
	for _, a := range want {
		if fs := w.inboundIPs[netip.MustParseAddr(a)]; len(fs) != 1 || fs[0].id != "rslvr-in" {
			t.Errorf("%s should be an inbound Resolver address", a)
		}
	}
	// The listed IPv6 address is taken: an endpoint in the subnet gets
	// another.
	v.Endpoints = append(v.Endpoints, VPCEndpoint{ID: "vpce-v6", VPCEndpointType: EndpointInterface, ServiceName: "com.amazonaws.us-east-1.sqs", IPAddressType: IPAddressTypeDualstack, SubnetIDs: []string{"subnet-priv"}, SecurityGroupIDs: []string{"sg-ep"}})
	w = compileScenario(t, s)
	for _, f := range w.endpoints["vpce-v6"].enis {
		if slices.Contains(want, f.addr.String()) {
			t.Errorf("vpce-v6 was given %s, which rslvr-in holds", f.addr)
		}
	}
}
