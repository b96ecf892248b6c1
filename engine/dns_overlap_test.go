package engine

import (
	"strings"
	"testing"
)

// withOverlappingResolver adds vpc-b to the on-premises scenario: the same
// CIDR as vpc-a, an inbound Resolver endpoint at vpc-a's address 10.0.1.53
// (listed first), and a private zone that answers app.aws.internal with
// 10.0.1.99. The site stays connected to vpc-a.
func withOverlappingResolver(t *testing.T) *Scenario {
	s := withOnPrem(t)
	s.VPCs = append(s.VPCs, VPC{
		ID: "vpc-b", Account: "444455556666", CIDRBlocks: []string{"10.0.0.0/16"},
		EnableDNSSupport: boolp(true), EnableDNSHostnames: boolp(true),
		VirtualPrivateGateway: "vgw-b",
		Subnets:               []Subnet{{ID: "subnet-b", AvailabilityZone: "us-east-1a", CIDRBlock: "10.0.1.0/24"}},
		RouteTables:           []RouteTable{{ID: "rtb-b", Main: true, Routes: []Route{{DestinationCIDRBlock: "192.168.0.0/16", Target: "vgw-b"}}}},
		SecurityGroups:        []SecurityGroup{{ID: "sg-b", GroupName: "b", Ingress: []SGRule{{IPProtocol: "udp", FromPort: intp(53), ToPort: intp(53), CIDRIP: "192.168.0.0/16"}}}},
	})
	s.ResolverEndpoints = append([]ResolverEndpoint{{ID: "rslvr-b", Direction: "INBOUND", VPC: "vpc-b", Subnets: []string{"subnet-b"}, IPAddresses: []string{"10.0.1.53"}, SecurityGroupIDs: []string{"sg-b"}}}, s.ResolverEndpoints...)
	s.HostedZones = append(s.HostedZones, HostedZone{ID: "Zb", Name: "aws.internal", Private: true, VPCs: []string{"vpc-b"}, Records: []Record{{Name: "app.aws.internal", Type: "A", Values: []string{"10.0.1.99"}}}})
	return s
}

func resolvedAddress(tr Trace) string {
	if tr.Resolved == nil || len(tr.Resolved.Addresses) == 0 {
		return ""
	}
	return tr.Resolved.Addresses[0]
}

// TestRule_DNS05_InboundEndpointOfTheVPCTheSiteReaches: two overlapping VPCs
// (SVC-08) each have an inbound Resolver endpoint at 10.0.1.53; the site's
// DNS server forwards to that address and gets the answer of the VPC its
// connection reaches, whichever endpoint the scenario lists first.
func TestRule_DNS05_InboundEndpointOfTheVPCTheSiteReaches(t *testing.T) {
	s := withOverlappingResolver(t)
	tr := trace(t, compileScenario(t, s), TraceRequest{From: "host-1", To: "app.aws.internal"})
	expect(t, tr, VerdictAllowed, "DNS-05", DecisionForwarded)
	if got := resolvedAddress(tr); got != "10.0.1.10" {
		t.Errorf("the site connected to vpc-a got %q, want vpc-a's answer 10.0.1.10\n%s", got, tr.Text())
	}
	if !hasHop(tr, HopDNS, "inbound Resolver endpoint rslvr-in at 10.0.1.53") {
		t.Errorf("the query should go to rslvr-in\n%s", tr.Text())
	}

	// Connected to vpc-b instead, the same forwarder reaches rslvr-b.
	s.Networks[0].Connection.VPC = "vpc-b"
	tr = trace(t, compileScenario(t, s), TraceRequest{From: "host-1", To: "app.aws.internal"})
	if got := resolvedAddress(tr); got != "10.0.1.99" {
		t.Errorf("the site connected to vpc-b got %q, want vpc-b's answer 10.0.1.99\n%s", got, tr.Text())
	}
	if !hasHop(tr, HopDNS, "inbound Resolver endpoint rslvr-b at 10.0.1.53") {
		t.Errorf("the query should go to rslvr-b\n%s", tr.Text())
	}
}

// TestRule_DNS05_AnotherVPCsInboundEndpointDoesNotAnswer: in the VPC the
// site reaches, 10.0.1.53 is an instance, not a Resolver endpoint; the
// endpoint at the same address in an overlapping VPC must not answer.
func TestRule_DNS05_AnotherVPCsInboundEndpointDoesNotAnswer(t *testing.T) {
	s := withOverlappingResolver(t)
	s.ResolverEndpoints = s.ResolverEndpoints[:1] // rslvr-b only
	s.Networks[0].DNSServers[0].Forwarders[0].TargetIPs = []string{"10.0.1.53"}
	v := vpc(s, "vpc-a")
	v.Instances = append(v.Instances, Instance{ID: "i-dns", Subnet: "subnet-priv", PrivateIPAddress: "10.0.1.53", SecurityGroups: []string{"sg-dns"}})
	tr := trace(t, compileScenario(t, s), TraceRequest{From: "host-1", To: "app.aws.internal"})
	expect(t, tr, VerdictUnresolved, "DNS-05", DecisionNoAnswer)
	if !hasHop(tr, HopDNS, "reaches in vpc-a, where no inbound Resolver endpoint") {
		t.Errorf("the hop should say where the query went\n%s", tr.Text())
	}
	if strings.Contains(tr.Text(), "10.0.1.99") {
		t.Errorf("vpc-b's zone answered a site that does not reach vpc-b\n%s", tr.Text())
	}
}

// TestRule_DNS06_ForwardingToAnInboundEndpointInsideTheSendingVPC: an
// outbound endpoint forwarding to an address inside its own VPC reaches the
// inbound endpoint there, not the one at the same address elsewhere.
func TestRule_DNS06_ForwardingToAnInboundEndpointInsideTheSendingVPC(t *testing.T) {
	s := withOverlappingResolver(t)
	s.ResolverEndpoints = append(s.ResolverEndpoints, ResolverEndpoint{ID: "rslvr-out-b", Direction: "OUTBOUND", VPC: "vpc-b", Subnets: []string{"subnet-b"}, SecurityGroupIDs: []string{"sg-b"}})
	s.HostedZones = append(s.HostedZones, HostedZone{ID: "Zcorp-a", Name: "corp.internal", Private: true, VPCs: []string{"vpc-a"}, Records: []Record{{Name: "db.corp.internal", Type: "A", Values: []string{"10.0.2.10"}}}},
		HostedZone{ID: "Zcorp-b", Name: "corp.internal", Private: true, VPCs: []string{"vpc-b"}, Records: []Record{{Name: "db.corp.internal", Type: "A", Values: []string{"10.0.1.77"}}}})
	// The rule is associated with vpc-a, its outbound endpoint is in vpc-b:
	// 10.0.1.53 is inside vpc-b, so vpc-b's inbound endpoint answers.
	s.ResolverRules = []ResolverRule{{ID: "rslvr-rr-corp", DomainName: "corp.internal", RuleType: "FORWARD", TargetIPs: []string{"10.0.1.53"}, ResolverEndpoint: "rslvr-out-b", VPCs: []string{"vpc-a"}}}
	s.ResolverEndpoints[0], s.ResolverEndpoints[1] = s.ResolverEndpoints[1], s.ResolverEndpoints[0] // rslvr-in (vpc-a) first
	tr := trace(t, compileScenario(t, s), TraceRequest{From: "i-priv", To: "db.corp.internal"})
	expect(t, tr, VerdictUnreachable, "DNS-06", DecisionForwarded) // 10.0.1.77 is not in vpc-a
	if got := resolvedAddress(tr); got != "10.0.1.77" {
		t.Errorf("got %q, want vpc-b's answer 10.0.1.77\n%s", got, tr.Text())
	}
}

// TestRule_DNS05_EachSiteAsksItsOwnDNSServer: two sites use the same
// addresses and each runs a DNS server at 192.168.0.2; a host asks its own
// site's server, whichever site the scenario lists first.
func TestRule_DNS05_EachSiteAsksItsOwnDNSServer(t *testing.T) {
	s := withOnPrem(t)
	branch := OnPremNetwork{
		ID: "branch", CIDRBlocks: []string{"192.168.0.0/16"}, Connection: Connection{Type: "vpn", VPC: "vpc-a"},
		DNSServers: []DNSServer{{IP: "192.168.0.2"}}, // no forwarders: public DNS only
		Hosts:      []Host{{ID: "host-branch", IPAddress: "192.168.10.15"}},
	}
	s.Networks = append([]OnPremNetwork{branch}, s.Networks...)
	w := compileScenario(t, s)
	tr := trace(t, w, TraceRequest{From: "host-1", To: "app.aws.internal"})
	expect(t, tr, VerdictAllowed, "DNS-05", DecisionForwarded)
	if got := resolvedAddress(tr); got != "10.0.1.10" {
		t.Errorf("host-1 got %q, want the answer of its own server's forwarder, 10.0.1.10\n%s", got, tr.Text())
	}
	// The branch's server has no forwarder: the private name is not found.
	tr = trace(t, w, TraceRequest{From: "host-branch", To: "app.aws.internal"})
	if tr.Verdict != VerdictUnresolved || hasHop(tr, HopDNS, "inbound Resolver endpoint") {
		t.Errorf("the branch's server forwarded a query it has no forwarder for\n%s", tr.Text())
	}
}

// TestRule_DNS06_ForwardingToTheSiteOfTheSendingVPC: an outbound endpoint
// forwards to 192.168.0.2, where two overlapping sites run DNS servers; the
// query goes to the site connected to the endpoint's VPC.
func TestRule_DNS06_ForwardingToTheSiteOfTheSendingVPC(t *testing.T) {
	s := withOnPrem(t)
	s.Networks[0].DNSServers[0].Forwarders = nil
	s.HostedZones = append(s.HostedZones, HostedZone{ID: "Zcorp", Name: "corp.example", Records: []Record{{Name: "hr.corp.example", Type: "A", Values: []string{"192.168.20.20"}}}})
	other := OnPremNetwork{
		ID: "elsewhere", CIDRBlocks: []string{"192.168.0.0/16"}, Connection: Connection{Type: "vpn", VPC: "vpc-other"},
		DNSServers: []DNSServer{{IP: "192.168.0.2", Forwarders: []Forwarder{{DomainName: "corp.example", TargetIPs: []string{"10.9.9.9"}}}}},
	}
	s.Networks = append([]OnPremNetwork{other}, s.Networks...)
	s.VPCs = append(s.VPCs, VPC{ID: "vpc-other", Account: "111122223333", CIDRBlocks: []string{"10.9.0.0/16"}, VirtualPrivateGateway: "vgw-other",
		Subnets: []Subnet{}, RouteTables: []RouteTable{{ID: "rtb-other", Main: true, Routes: []Route{}}}})
	s.ResolverEndpoints = append(s.ResolverEndpoints, ResolverEndpoint{ID: "rslvr-out", Direction: "OUTBOUND", VPC: "vpc-a", Subnets: []string{"subnet-priv", "subnet-priv2"}, SecurityGroupIDs: []string{"sg-app"}})
	s.ResolverRules = []ResolverRule{{ID: "rslvr-rr-corp", DomainName: "corp.example", RuleType: "FORWARD", TargetIPs: []string{"192.168.0.2"}, ResolverEndpoint: "rslvr-out", VPCs: []string{"vpc-a"}}}
	tr := trace(t, compileScenario(t, s), TraceRequest{From: "i-priv", To: "hr.corp.example"})
	if got := resolvedAddress(tr); got != "192.168.20.20" {
		t.Errorf("got %q, want the public answer of onprem's server, 192.168.20.20\n%s", got, tr.Text())
	}
}
