package engine

import (
	"strings"
	"testing"
)

// withSQSEndpoint adds an SQS interface endpoint in both private subnets.
func withSQSEndpoint(s *Scenario, privateDNS bool) {
	v := vpc(s, "vpc-a")
	v.Endpoints = append(v.Endpoints, VPCEndpoint{
		ID: "vpce-sqs", VPCEndpointType: EndpointInterface, ServiceName: "com.amazonaws.us-east-1.sqs",
		SubnetIDs: []string{"subnet-priv", "subnet-priv2"}, SecurityGroupIDs: []string{"sg-ep"},
		PrivateDNSEnabled: boolp(privateDNS),
	})
}

// withPeer adds vpc-b (10.1.0.0/16) peered with vpc-a, with i-b and routes
// both ways.
func withPeer(s *Scenario) {
	s.VPCs = append(s.VPCs, VPC{
		ID: "vpc-b", Account: "111122223333", CIDRBlocks: []string{"10.1.0.0/16"},
		EnableDNSSupport: boolp(true), EnableDNSHostnames: boolp(true), InternetGateway: "igw-b",
		Subnets:        []Subnet{{ID: "subnet-b", AvailabilityZone: "us-east-1a", CIDRBlock: "10.1.1.0/24"}},
		RouteTables:    []RouteTable{{ID: "rtb-b", Main: true, Routes: []Route{{DestinationCIDRBlock: "10.0.0.0/16", Target: "pcx-ab"}, {DestinationCIDRBlock: "0.0.0.0/0", Target: "igw-b"}}}},
		SecurityGroups: []SecurityGroup{{ID: "sg-b", GroupName: "b", Ingress: []SGRule{{IPProtocol: "-1", CIDRIP: "10.0.0.0/8"}}}},
		Instances:      []Instance{{ID: "i-b", Subnet: "subnet-b", PrivateIPAddress: "10.1.1.10", PublicIPAddress: "54.80.20.20", SecurityGroups: []string{"sg-b"}}},
	})
	s.Peerings = append(s.Peerings, Peering{ID: "pcx-ab", RequesterVPC: "vpc-a", AccepterVPC: "vpc-b"})
	rt := table(vpc(s, "vpc-a"), "rtb-priv")
	rt.Routes = append(rt.Routes, Route{DestinationCIDRBlock: "10.1.0.0/16", Target: "pcx-ab"})
}

func TestRule_DNS01_ResolverNeedsDnsSupport(t *testing.T) {
	for _, support := range []bool{true, false} {
		s := decodeBase(t)
		vpc(s, "vpc-a").EnableDNSSupport = boolp(support)
		vpc(s, "vpc-a").EnableDNSHostnames = boolp(false)
		tr := trace(t, compileScenario(t, s), TraceRequest{From: "i-pub", To: "sqs.us-east-1.amazonaws.com"})
		if support {
			expect(t, tr, VerdictAllowed, "DNS-01", DecisionResolved)
		} else {
			expect(t, tr, VerdictUnresolved, "DNS-01", DecisionNoResolver)
		}
	}
}

func TestRule_DNS01_PrivateZonesNeedDnsHostnames(t *testing.T) {
	for _, hostnames := range []bool{true, false} {
		s := decodeBase(t)
		vpc(s, "vpc-a").EnableDNSHostnames = boolp(hostnames)
		s.HostedZones = []HostedZone{{ID: "Zinternal", Name: "internal.example", Private: true, VPCs: []string{"vpc-a"},
			Records: []Record{{Name: "db.internal.example", Type: "A", Values: []string{"10.0.1.10"}}}}}
		tr := trace(t, compileScenario(t, s), TraceRequest{From: "i-priv2", To: "db.internal.example"})
		if hostnames {
			expect(t, tr, VerdictAllowed, "DNS-04", DecisionResolved)
		} else {
			expect(t, tr, VerdictUnresolved, "DNS-01", DecisionSkipped)
		}
	}
}

func TestRule_DNS02_PrivateDNSResolvesToEndpointInterfaces(t *testing.T) {
	for _, on := range []bool{true, false} {
		s := decodeBase(t)
		withSQSEndpoint(s, on)
		w := compileScenario(t, s)
		tr := trace(t, w, TraceRequest{From: "i-priv", To: "sqs.us-east-1.amazonaws.com", Action: "sqs:SendMessage", Resource: "arn:aws:sqs:us-east-1:111122223333:q"})
		if on {
			expect(t, tr, VerdictAllowed, "DNS-02", DecisionResolved)
			if !hasHop(tr, HopEndpoint, "vpce-sqs") {
				t.Errorf("private DNS should lead through the endpoint\n%s", tr.Text())
			}
			continue
		}
		// Without private DNS the name is public; the private subnet has no way out.
		expect(t, tr, VerdictUnreachable, "DNS-01", DecisionResolved)
		if tr.Resolved.Addresses[0] != "52.46.2.10" {
			t.Errorf("public SQS address %v", tr.Resolved.Addresses)
		}
	}
}

func TestRule_DNS02_SplitHorizonOutsideTheVPC(t *testing.T) {
	s := decodeBase(t)
	withSQSEndpoint(s, true)
	withPeer(s)
	tr := trace(t, compileScenario(t, s), TraceRequest{From: "i-b", To: "sqs.us-east-1.amazonaws.com"})
	if tr.Resolved == nil || tr.Resolved.Addresses[0] != "52.46.2.10" {
		t.Fatalf("from the peered VPC the name should resolve publicly\n%s", tr.Text())
	}
	expect(t, tr, VerdictAllowed, "DNS-01", DecisionResolved)
}

func TestRule_DNS03_EndpointSpecificNamesResolveFromAnywhere(t *testing.T) {
	s := decodeBase(t)
	withSQSEndpoint(s, false)
	withPeer(s)
	w := compileScenario(t, s)
	names := w.EndpointDNSNames("vpce-sqs")
	if len(names) != 3 || !strings.HasPrefix(names[0], "vpce-sqs-") || !strings.HasSuffix(names[0], ".sqs.us-east-1.vpce.amazonaws.com") || !strings.Contains(names[2], "-us-east-1b.sqs.") {
		t.Fatalf("names %v", names)
	}
	if again := compileScenario(t, s).EndpointDNSNames("vpce-sqs"); strings.Join(again, ",") != strings.Join(names, ",") {
		t.Errorf("names are not deterministic: %v vs %v", names, again)
	}
	// Regional name, from the peered VPC (IF-06): both interfaces.
	tr := trace(t, w, TraceRequest{From: "i-b", To: names[0]})
	expect(t, tr, VerdictAllowed, "DNS-03", DecisionResolved)
	if len(tr.Resolved.Addresses) != 2 || !hasHop(tr, HopEndpoint, "IF") && !hasHop(tr, HopEndpoint, "vpce-sqs") {
		t.Errorf("regional name\n%s", tr.Text())
	}
	// Zonal name: only the interface of that zone.
	tr = trace(t, w, TraceRequest{From: "i-priv", To: names[2]})
	addrs := w.EndpointAddresses("vpce-sqs")
	if len(tr.Resolved.Addresses) != 1 || tr.Resolved.Addresses[0] != addrs[1] {
		t.Errorf("zonal name gives %v, want %s", tr.Resolved.Addresses, addrs[1])
	}
	// An unknown endpoint name does not resolve.
	tr = trace(t, w, TraceRequest{From: "i-priv", To: "vpce-nope-12345678.sqs.us-east-1.vpce.amazonaws.com"})
	expect(t, tr, VerdictUnresolved, "", "")
}

func TestRule_DNS04_PrivateZoneAssociationAndNXDOMAIN(t *testing.T) {
	s := decodeBase(t)
	withPeer(s)
	s.HostedZones = []HostedZone{
		{ID: "Zpriv", Name: "example.com", Private: true, VPCs: []string{"vpc-a"}, Records: []Record{{Name: "api.example.com", Type: "A", Values: []string{"10.0.2.10"}}}},
		{ID: "Zdeep", Name: "db.example.com", Private: true, VPCs: []string{"vpc-a"}, Records: []Record{{Name: "main.db.example.com", Type: "CNAME", Values: []string{"api.example.com"}}}},
		{ID: "Zpub", Name: "example.com", Private: false, Records: []Record{{Name: "www.example.com", Type: "A", Values: []string{"198.51.100.7"}}, {Name: "api.example.com", Type: "A", Values: []string{"198.51.100.8"}}}},
	}
	w := compileScenario(t, s)
	// Associated VPC: the private answer.
	tr := trace(t, w, TraceRequest{From: "i-priv", To: "api.example.com"})
	expect(t, tr, VerdictAllowed, "DNS-04", DecisionResolved)
	// A name the private zone lacks: NXDOMAIN, no fall-through to the public zone.
	tr = trace(t, w, TraceRequest{From: "i-priv", To: "www.example.com"})
	expect(t, tr, VerdictUnresolved, "DNS-04", DecisionNXDomain)
	// The most specific zone wins, and its CNAME is followed.
	tr = trace(t, w, TraceRequest{From: "i-priv", To: "main.db.example.com"})
	expect(t, tr, VerdictAllowed, "DNS-04", DecisionCNAME)
	// Another VPC sees public DNS (split horizon).
	tr = trace(t, w, TraceRequest{From: "i-b", To: "api.example.com"})
	if tr.Resolved == nil || tr.Resolved.Addresses[0] != "198.51.100.8" {
		t.Errorf("vpc-b should see the public answer\n%s", tr.Text())
	}
}

func TestRule_DNS04_ForwardingRuleBeatsZone(t *testing.T) {
	s := withOnPrem(t)
	s.HostedZones = []HostedZone{{ID: "Zcorp", Name: "corp.example", Private: true, VPCs: []string{"vpc-a"}, Records: []Record{{Name: "app.corp.example", Type: "A", Values: []string{"10.0.2.10"}}}}}
	s.ResolverEndpoints = append(s.ResolverEndpoints, ResolverEndpoint{ID: "rslvr-out", Direction: "OUTBOUND", VPC: "vpc-a", Subnets: []string{"subnet-priv", "subnet-priv2"}, SecurityGroupIDs: []string{"sg-app"}})
	s.ResolverRules = []ResolverRule{{ID: "rslvr-rr-corp", DomainName: "corp.example", RuleType: "FORWARD", TargetIPs: []string{"192.168.0.2"}, ResolverEndpoint: "rslvr-out", VPCs: []string{"vpc-a"}}}
	tr := trace(t, compileScenario(t, s), TraceRequest{From: "i-priv", To: "app.corp.example"})
	expect(t, tr, VerdictUnresolved, "DNS-06", DecisionForwarded)
	for _, h := range tr.Hops {
		if h.At == "Zcorp" {
			t.Errorf("the zone should not answer\n%s", tr.Text())
		}
	}
}

func TestRule_DNS04_MoreSpecificZoneBeatsBroaderForwardingRule(t *testing.T) {
	s := withOnPrem(t)
	s.HostedZones = []HostedZone{{ID: "Zaws", Name: "aws.corp.example", Private: true, VPCs: []string{"vpc-a"}, Records: []Record{{Name: "app.aws.corp.example", Type: "A", Values: []string{"10.0.2.10"}}}}}
	s.ResolverEndpoints = append(s.ResolverEndpoints, ResolverEndpoint{ID: "rslvr-out", Direction: "OUTBOUND", VPC: "vpc-a", Subnets: []string{"subnet-priv", "subnet-priv2"}, SecurityGroupIDs: []string{"sg-app"}})
	s.ResolverRules = []ResolverRule{{ID: "rslvr-rr-corp", DomainName: "corp.example", RuleType: "FORWARD", TargetIPs: []string{"192.168.0.2"}, ResolverEndpoint: "rslvr-out", VPCs: []string{"vpc-a"}}}
	w := compileScenario(t, s)
	// The zone's domain is more specific than the rule's: the zone answers.
	tr := trace(t, w, TraceRequest{From: "i-priv", To: "app.aws.corp.example"})
	expect(t, tr, VerdictAllowed, "DNS-04", DecisionMatched)
	if tr.Resolved == nil || tr.Resolved.Addresses[0] != "10.0.2.10" {
		t.Errorf("the more specific private zone should answer\n%s", tr.Text())
	}
	// A name outside the zone still goes to the rule.
	tr = trace(t, w, TraceRequest{From: "i-priv", To: "hr.corp.example"})
	expect(t, tr, VerdictUnresolved, "DNS-06", DecisionForwarded)
	// Without enableDnsHostnames the zone takes no effect: the rule forwards.
	vpc(s, "vpc-a").EnableDNSHostnames = boolp(false)
	tr = trace(t, compileScenario(t, s), TraceRequest{From: "i-priv", To: "app.aws.corp.example"})
	expect(t, tr, VerdictUnresolved, "DNS-06", DecisionForwarded)
}

// withOnPrem adds a site 192.168.0.0/16 over VPN to vpc-a, a DNS server
// 192.168.0.2 and host-1, and an inbound Resolver endpoint in vpc-a.
func withOnPrem(t testing.TB) *Scenario {
	s := decodeBase(t)
	v := vpc(s, "vpc-a")
	v.VirtualPrivateGateway = "vgw-a"
	rt := table(v, "rtb-priv")
	rt.Routes = append(rt.Routes, Route{DestinationCIDRBlock: "192.168.0.0/16", Target: "vgw-a"})
	v.SecurityGroups[0].Ingress = append(v.SecurityGroups[0].Ingress, SGRule{IPProtocol: "tcp", FromPort: intp(443), ToPort: intp(443), CIDRIP: "192.168.0.0/16"})
	v.SecurityGroups = append(v.SecurityGroups, SecurityGroup{ID: "sg-dns", GroupName: "dns", Ingress: []SGRule{{IPProtocol: "udp", FromPort: intp(53), ToPort: intp(53), CIDRIP: "192.168.0.0/16"}}})
	s.ResolverEndpoints = []ResolverEndpoint{{ID: "rslvr-in", Direction: "INBOUND", VPC: "vpc-a", Subnets: []string{"subnet-priv", "subnet-priv2"}, IPAddresses: []string{"10.0.1.53", "10.0.2.53"}, SecurityGroupIDs: []string{"sg-dns"}}}
	s.Networks = []OnPremNetwork{{
		ID: "onprem", CIDRBlocks: []string{"192.168.0.0/16"}, Connection: Connection{Type: "vpn", VPC: "vpc-a"},
		DNSServers: []DNSServer{{IP: "192.168.0.2", Forwarders: []Forwarder{{DomainName: "aws.internal", TargetIPs: []string{"10.0.1.53", "10.0.2.53"}}}}},
		Hosts:      []Host{{ID: "host-1", IPAddress: "192.168.10.15", Principal: "arn:aws:iam::111122223333:role/analyst"}},
	}}
	s.HostedZones = []HostedZone{{ID: "Zaws", Name: "aws.internal", Private: true, VPCs: []string{"vpc-a"}, Records: []Record{{Name: "app.aws.internal", Type: "A", Values: []string{"10.0.1.10"}}}}}
	return s
}

func TestRule_DNS05_OnPremReachesResolverThroughInboundEndpoint(t *testing.T) {
	s := withOnPrem(t)
	tr := trace(t, compileScenario(t, s), TraceRequest{From: "host-1", To: "app.aws.internal"})
	expect(t, tr, VerdictAllowed, "DNS-05", DecisionForwarded)
	expect(t, tr, VerdictAllowed, "DNS-04", DecisionResolved)

	// The inbound endpoint's group refuses DNS: not reachable, unresolved.
	s = withOnPrem(t)
	vpc(s, "vpc-a").SecurityGroups[2].Ingress = []SGRule{}
	tr = trace(t, compileScenario(t, s), TraceRequest{From: "host-1", To: "app.aws.internal"})
	expect(t, tr, VerdictUnresolved, "DNS-05", DecisionUnreachable)

	// Without a forwarder the site sees public DNS only.
	s = withOnPrem(t)
	s.Networks[0].DNSServers[0].Forwarders = nil
	tr = trace(t, compileScenario(t, s), TraceRequest{From: "host-1", To: "app.aws.internal"})
	expect(t, tr, VerdictUnresolved, "DNS-04", DecisionNXDomain)
}

func TestRule_DNS06_OutboundForwardingAndSystemRule(t *testing.T) {
	s := withOnPrem(t)
	s.ResolverEndpoints = append(s.ResolverEndpoints, ResolverEndpoint{ID: "rslvr-out", Direction: "OUTBOUND", VPC: "vpc-a", Subnets: []string{"subnet-priv", "subnet-priv2"}, SecurityGroupIDs: []string{"sg-app"}})
	s.HostedZones = append(s.HostedZones, HostedZone{ID: "Zpub", Name: "corp.example", Records: []Record{{Name: "hr.corp.example", Type: "A", Values: []string{"192.168.20.20"}}}},
		HostedZone{ID: "Zsys", Name: "aws.corp.example", Private: true, VPCs: []string{"vpc-a"}, Records: []Record{{Name: "app.aws.corp.example", Type: "A", Values: []string{"10.0.2.10"}}}})
	s.ResolverRules = []ResolverRule{
		{ID: "rslvr-rr-corp", DomainName: "corp.example", RuleType: "FORWARD", TargetIPs: []string{"192.168.0.2"}, ResolverEndpoint: "rslvr-out", VPCs: []string{"vpc-a"}},
		{ID: "rslvr-rr-sys", DomainName: "aws.corp.example", RuleType: "SYSTEM", VPCs: []string{"vpc-a"}},
	}
	w := compileScenario(t, s)
	tr := trace(t, w, TraceRequest{From: "i-priv", To: "hr.corp.example"})
	expect(t, tr, VerdictAllowed, "DNS-06", DecisionForwarded)
	tr = trace(t, w, TraceRequest{From: "i-priv", To: "app.aws.corp.example"})
	expect(t, tr, VerdictAllowed, "DNS-06", DecisionMatched)
	if tr.Resolved.Addresses[0] != "10.0.2.10" {
		t.Errorf("SYSTEM rule should let the private zone answer\n%s", tr.Text())
	}
}

func TestRule_DNS06_ForwardingLoopTerminates(t *testing.T) {
	s := withOnPrem(t)
	s.ResolverEndpoints = append(s.ResolverEndpoints, ResolverEndpoint{ID: "rslvr-out", Direction: "OUTBOUND", VPC: "vpc-a", Subnets: []string{"subnet-priv", "subnet-priv2"}, SecurityGroupIDs: []string{"sg-app"}})
	s.ResolverRules = []ResolverRule{{ID: "rslvr-rr-loop", DomainName: "aws.internal", RuleType: "FORWARD", TargetIPs: []string{"192.168.0.2"}, ResolverEndpoint: "rslvr-out", VPCs: []string{"vpc-a"}}}
	tr := trace(t, compileScenario(t, s), TraceRequest{From: "i-priv", To: "app.aws.internal"})
	expect(t, tr, VerdictUnresolved, "", DecisionLoop)
}

func TestRule_DNS07_S3PrivateDNSOnlyForInboundResolver(t *testing.T) {
	data := exampleData(t, "onprem-s3-inbound-resolver")
	traces := compileData(t, data).TraceAll()
	expect(t, traces[0], VerdictAllowed, "DNS-07", DecisionResolved)
	expect(t, traces[1], VerdictAllowed, "DNS-07", DecisionResolved)
	if traces[0].Resolved.Addresses[0] == traces[1].Resolved.Addresses[0] {
		t.Errorf("on-premises and the VPC should get different answers")
	}
}

func TestRule_DNS08_WithoutInboundOnlyVPCTrafficUsesInterfaceEndpoint(t *testing.T) {
	s, ps := Load(exampleData(t, "onprem-s3-inbound-resolver"))
	if len(ps) > 0 {
		t.Fatal(ps)
	}
	s.VPCs[0].Endpoints[1].PrivateDNSOnlyForInboundResolverEndpoint = boolp(false)
	sg := &s.VPCs[0].SecurityGroups[1]
	sg.Ingress = append(sg.Ingress, SGRule{IPProtocol: "tcp", FromPort: intp(443), ToPort: intp(443), CIDRIP: "10.2.0.0/16"})
	tr := trace(t, compileScenario(t, s), s.Traces[1])
	expect(t, tr, VerdictAllowed, "DNS-02", DecisionResolved)
	if !hasHop(tr, HopEndpoint, "Interface endpoint vpce-s3-interface") {
		t.Errorf("VPC traffic should go through the interface endpoint\n%s", tr.Text())
	}
	// Left unset with a gateway endpoint present, it defaults to true.
	s.VPCs[0].Endpoints[1].PrivateDNSOnlyForInboundResolverEndpoint = nil
	tr = trace(t, compileScenario(t, s), s.Traces[1])
	expect(t, tr, VerdictAllowed, "DNS-07", DecisionResolved)
}
