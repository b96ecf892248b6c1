package engine

import (
	"net/netip"
	"testing"
)

func TestRule_NET01_LocalRouteWithinTheVPC(t *testing.T) {
	w := compileScenario(t, decodeBase(t))
	tr := trace(t, w, TraceRequest{From: "i-priv", To: "10.0.2.10", Port: 22})
	expect(t, tr, VerdictAllowed, "NET-01", DecisionMatched)
	// An address of the VPC that no interface holds.
	tr = trace(t, w, TraceRequest{From: "i-priv", To: "10.0.2.99", Port: 22})
	expect(t, tr, VerdictUnreachable, "NET-07", DecisionUnreachable)
}

func TestRule_NET02_SecurityGroupsEgressIngressAndReferences(t *testing.T) {
	s := decodeBase(t)
	v := vpc(s, "vpc-a")
	v.SecurityGroups = append(v.SecurityGroups,
		SecurityGroup{ID: "sg-db", GroupName: "db", Ingress: []SGRule{{IPProtocol: "tcp", FromPort: intp(5432), ToPort: intp(5432), GroupID: "sg-app"}}},
		SecurityGroup{ID: "sg-mute", GroupName: "mute", Ingress: []SGRule{}, Egress: []SGRule{}})
	v.Instances = append(v.Instances,
		Instance{ID: "i-db", Subnet: "subnet-priv2", PrivateIPAddress: "10.0.2.20", SecurityGroups: []string{"sg-db"}},
		Instance{ID: "i-mute", Subnet: "subnet-priv2", PrivateIPAddress: "10.0.2.30", SecurityGroups: []string{"sg-mute"}},
		Instance{ID: "i-other", Subnet: "subnet-priv2", PrivateIPAddress: "10.0.2.40", SecurityGroups: []string{"sg-ep"}})
	w := compileScenario(t, s)
	expect(t, trace(t, w, TraceRequest{From: "i-priv", To: "10.0.2.20", Port: 5432}), VerdictAllowed, "NET-02", DecisionAllowed)
	expect(t, trace(t, w, TraceRequest{From: "i-priv", To: "10.0.2.20", Port: 22}), VerdictUnreachable, "NET-02", DecisionDenied)
	// i-other is not a member of sg-app: the reference does not match.
	expect(t, trace(t, w, TraceRequest{From: "i-other", To: "10.0.2.20", Port: 5432}), VerdictUnreachable, "NET-02", DecisionDenied)
	expect(t, trace(t, w, TraceRequest{From: "i-mute", To: "10.0.2.10", Port: 22}), VerdictUnreachable, "NET-02", DecisionDenied)
}

func TestRule_NET02_GroupReferenceAcrossPeering(t *testing.T) {
	s := decodeBase(t)
	withPeer(s)
	vpc(s, "vpc-b").SecurityGroups[0].Ingress = []SGRule{{IPProtocol: "tcp", FromPort: intp(443), ToPort: intp(443), GroupID: "sg-app"}}
	w := compileScenario(t, s)
	expect(t, trace(t, w, TraceRequest{From: "i-priv", To: "10.1.1.10"}), VerdictAllowed, "NET-02", DecisionAllowed)
	expect(t, trace(t, w, TraceRequest{From: "i-priv", To: "10.1.1.10", Port: 80}), VerdictUnreachable, "NET-02", DecisionDenied)
}

func TestRule_NET03_NetworkACLsAreStateless(t *testing.T) {
	build := func(entries []ACLEntry) *World {
		s := decodeBase(t)
		v := vpc(s, "vpc-a")
		v.NetworkACLs = []NetworkACL{{ID: "acl-strict", Entries: entries}}
		v.Subnets[2].NetworkACL = "acl-strict"
		return compileScenario(t, s)
	}
	allow := func(n int, egress bool, from, to int) ACLEntry {
		return ACLEntry{RuleNumber: n, Egress: egress, IPProtocol: "tcp", CIDRBlock: "10.0.0.0/16", FromPort: intp(from), ToPort: intp(to), RuleAction: "allow"}
	}
	// Request and response both allowed.
	w := build([]ACLEntry{allow(100, false, 22, 22), allow(100, true, 1024, 65535)})
	expect(t, trace(t, w, TraceRequest{From: "i-priv", To: "10.0.2.10", Port: 22}), VerdictAllowed, "NET-03", DecisionAllowed)
	// The response's ephemeral ports are not allowed back out.
	w = build([]ACLEntry{allow(100, false, 22, 22), allow(100, true, 32768, 65535)})
	expect(t, trace(t, w, TraceRequest{From: "i-priv", To: "10.0.2.10", Port: 22}), VerdictUnreachable, "NET-03", DecisionDenied)
	// Rule order: a lower deny wins over a later allow.
	w = build([]ACLEntry{allow(200, false, 22, 22), {RuleNumber: 100, IPProtocol: "-1", CIDRBlock: "10.0.1.0/24", RuleAction: "deny"}, allow(100, true, 1024, 65535)})
	expect(t, trace(t, w, TraceRequest{From: "i-priv", To: "10.0.2.10", Port: 22}), VerdictUnreachable, "NET-03", DecisionDenied)
	// Not applied inside one subnet.
	s := decodeBase(t)
	v := vpc(s, "vpc-a")
	v.NetworkACLs = []NetworkACL{{ID: "acl-none", Entries: []ACLEntry{}}}
	v.Subnets[1].NetworkACL = "acl-none"
	v.Instances = append(v.Instances, Instance{ID: "i-next", Subnet: "subnet-priv", PrivateIPAddress: "10.0.1.11", SecurityGroups: []string{"sg-app"}})
	tr := trace(t, compileScenario(t, s), TraceRequest{From: "i-priv", To: "10.0.1.11", Port: 22})
	expect(t, tr, VerdictAllowed, "", "")
	if hasHop(tr, HopNetworkACL, "") {
		t.Errorf("no ACL applies within one subnet\n%s", tr.Text())
	}
}

// withNAT adds nat-a in the public subnet and routes the private table to it.
func withNAT(s *Scenario) {
	v := vpc(s, "vpc-a")
	v.NATGateways = append(v.NATGateways, NATGateway{ID: "nat-a", Subnet: "subnet-pub"})
	rt := table(v, "rtb-priv")
	rt.Routes = append(rt.Routes, Route{DestinationCIDRBlock: "0.0.0.0/0", Target: "nat-a"})
}

func TestRule_NET04_InternetGatewayNeedsPublicIP(t *testing.T) {
	s := decodeBase(t)
	v := vpc(s, "vpc-a")
	v.Instances = append(v.Instances, Instance{ID: "i-nopub", Subnet: "subnet-pub", PrivateIPAddress: "10.0.0.11", SecurityGroups: []string{"sg-app"}})
	w := compileScenario(t, s)
	expect(t, trace(t, w, TraceRequest{From: "i-pub", To: "sqs.us-east-1.amazonaws.com"}), VerdictAllowed, "NET-04", DecisionForwarded)
	expect(t, trace(t, w, TraceRequest{From: "i-nopub", To: "sqs.us-east-1.amazonaws.com"}), VerdictUnreachable, "NET-04", DecisionDropped)
	// IPv6 needs no public IPv4 address.
	expect(t, trace(t, w, TraceRequest{From: "i-pub", To: "2600:1fa0:8000::417", IPVersion: 6}), VerdictAllowed, "NET-04", DecisionForwarded)
}

func TestRule_NET04_NATGatewayGivesPrivateSubnetsAWayOut(t *testing.T) {
	s := decodeBase(t)
	withNAT(s)
	w := compileScenario(t, s)
	tr := trace(t, w, TraceRequest{From: "i-priv", To: "sqs.us-east-1.amazonaws.com", Action: "sqs:SendMessage", Resource: "arn:aws:sqs:us-east-1:111122223333:q"})
	expect(t, tr, VerdictAllowed, "NET-04", DecisionTranslated)
	if !hasHop(tr, HopService, "aws:SourceIp=203.0.113.") {
		t.Errorf("the service should see the NAT gateway's public address\n%s", tr.Text())
	}
	// A NAT gateway whose subnet has no route to an internet gateway.
	s = decodeBase(t)
	withNAT(s)
	vpc(s, "vpc-a").NATGateways[0].Subnet = "subnet-priv2"
	tr = trace(t, compileScenario(t, s), TraceRequest{From: "i-priv", To: "sqs.us-east-1.amazonaws.com"})
	expect(t, tr, VerdictUnreachable, "NET-07", DecisionLoop)
}

// TestRule_NET04_NATGatewaySourceIsItsPrivateAddress: a NAT gateway
// translates to its own private address, which is what a transit gateway
// carries to the far VPC and what a gateway endpoint's service sees; only
// an internet gateway puts the NAT gateway's public address in its place
// (NET-04, NET-06, GW-10).
func TestRule_NET04_NATGatewaySourceIsItsPrivateAddress(t *testing.T) {
	build := func(allow string) *Scenario {
		s := decodeBase(t)
		withTGW(s)
		withNAT(s)
		withS3Gateway(s, "", "rtb-pub")
		v := vpc(s, "vpc-a")
		for i, r := range table(v, "rtb-priv").Routes {
			if r.DestinationCIDRBlock == "10.3.0.0/16" {
				table(v, "rtb-priv").Routes[i].Target = "nat-a"
			}
		}
		rt := table(v, "rtb-pub")
		rt.Routes = append(rt.Routes, Route{DestinationCIDRBlock: "10.3.0.0/16", Target: "tgw-1"})
		if allow != "" {
			vpc(s, "vpc-t").SecurityGroups[0].Ingress = []SGRule{{IPProtocol: "-1", CIDRIP: allow}}
		}
		return s
	}
	nat := compileScenario(t, build("")).nats["nat-a"].private
	if !netip.MustParsePrefix("10.0.0.0/24").Contains(nat) || nat == netip.MustParseAddr("10.0.0.10") {
		t.Fatalf("nat-a's private address %v should be a free address of subnet-pub", nat)
	}
	// vpc-t admits only the NAT gateway's private address.
	w := compileScenario(t, build(netip.PrefixFrom(nat, 32).String()))
	tr := trace(t, w, TraceRequest{From: "i-priv", To: "10.3.1.10"})
	expect(t, tr, VerdictAllowed, "NET-04", DecisionTranslated)
	expect(t, tr, VerdictAllowed, "NET-06", DecisionForwarded)
	if !hasHop(tr, HopSecurityGroup, "from "+nat.String()) || hasHop(tr, HopSecurityGroup, "from 10.0.1.10") {
		t.Errorf("vpc-t should see nat-a's private address %s, not i-priv's\n%s", nat, tr.Text())
	}
	// Without the NAT gateway the far side sees the instance and refuses it.
	tr = trace(t, w, TraceRequest{From: "i-pub", To: "10.3.1.10"})
	expect(t, tr, VerdictUnreachable, "NET-02", DecisionDenied)
	// Through the gateway endpoint of the NAT gateway's subnet, S3 sees the
	// NAT gateway's private address as aws:VpcSourceIp.
	tr = trace(t, w, TraceRequest{From: "i-priv", To: s3Name})
	expect(t, tr, VerdictAllowed, "GW-10", DecisionForwarded)
	if !hasHop(tr, HopService, "aws:VpcSourceIp="+nat.String()) {
		t.Errorf("S3 should see aws:VpcSourceIp=%s\n%s", nat, tr.Text())
	}
	// Through the internet gateway: its public address (aws:SourceIp).
	tr = trace(t, w, TraceRequest{From: "i-priv", To: "sqs.us-east-1.amazonaws.com"})
	if pub := w.nats["nat-a"].public.String(); !hasHop(tr, HopService, "aws:SourceIp="+pub) {
		t.Errorf("SQS should see nat-a's public address %s\n%s", pub, tr.Text())
	}
}

func TestRule_NET05_PeeringIsNotTransitive(t *testing.T) {
	s := decodeBase(t)
	withPeer(s)
	s.VPCs = append(s.VPCs, VPC{
		ID: "vpc-c", Account: "111122223333", CIDRBlocks: []string{"10.2.0.0/16"},
		Subnets:        []Subnet{{ID: "subnet-c", AvailabilityZone: "us-east-1a", CIDRBlock: "10.2.1.0/24"}},
		RouteTables:    []RouteTable{{ID: "rtb-c", Main: true, Routes: []Route{{DestinationCIDRBlock: "10.1.0.0/16", Target: "pcx-bc"}}}},
		Instances:      []Instance{{ID: "i-c", Subnet: "subnet-c", PrivateIPAddress: "10.2.1.10", SecurityGroups: []string{"sg-c"}}},
		SecurityGroups: []SecurityGroup{{ID: "sg-c", GroupName: "c", Ingress: []SGRule{{IPProtocol: "-1", CIDRIP: "10.0.0.0/8"}}}},
	})
	s.Peerings = append(s.Peerings, Peering{ID: "pcx-bc", RequesterVPC: "vpc-b", AccepterVPC: "vpc-c"})
	rt := table(vpc(s, "vpc-a"), "rtb-priv")
	rt.Routes = append(rt.Routes, Route{DestinationCIDRBlock: "10.2.0.0/16", Target: "pcx-ab"}, Route{DestinationCIDRBlock: "0.0.0.0/0", Target: "pcx-ab"})
	w := compileScenario(t, s)
	expect(t, trace(t, w, TraceRequest{From: "i-priv", To: "10.1.1.10"}), VerdictAllowed, "NET-05", DecisionForwarded)
	// A → B → C: the peer delivers only to its own addresses.
	expect(t, trace(t, w, TraceRequest{From: "i-priv", To: "10.2.1.10"}), VerdictUnreachable, "NET-05", DecisionDropped)
	// A → B's internet gateway: no edge-to-edge routing.
	expect(t, trace(t, w, TraceRequest{From: "i-priv", To: "sqs.us-east-1.amazonaws.com"}), VerdictUnreachable, "NET-05", DecisionDropped)
	// The response needs a route back over the same peering.
	table(vpc(s, "vpc-b"), "rtb-b").Routes = nil
	expect(t, trace(t, compileScenario(t, s), TraceRequest{From: "i-priv", To: "10.1.1.10"}), VerdictUnreachable, "NET-05", DecisionNoRoute)
}

// withTGW joins vpc-a and a new vpc-t (10.3.0.0/16) with a transit gateway.
func withTGW(s *Scenario) {
	s.VPCs = append(s.VPCs, VPC{
		ID: "vpc-t", Account: "111122223333", CIDRBlocks: []string{"10.3.0.0/16"},
		Subnets:        []Subnet{{ID: "subnet-t", AvailabilityZone: "us-east-1a", CIDRBlock: "10.3.1.0/24"}},
		RouteTables:    []RouteTable{{ID: "rtb-t", Main: true, Routes: []Route{{DestinationCIDRBlock: "10.0.0.0/8", Target: "tgw-1"}}}},
		SecurityGroups: []SecurityGroup{{ID: "sg-t", GroupName: "t", Ingress: []SGRule{{IPProtocol: "-1", CIDRIP: "10.0.0.0/8"}}}},
		Instances:      []Instance{{ID: "i-t", Subnet: "subnet-t", PrivateIPAddress: "10.3.1.10", SecurityGroups: []string{"sg-t"}}},
	})
	s.TransitGateways = []TransitGateway{{ID: "tgw-1",
		Attachments: []TGWAttachment{{ID: "tgw-attach-a", VPC: "vpc-a", Subnets: []string{"subnet-priv"}}, {ID: "tgw-attach-t", VPC: "vpc-t", Subnets: []string{"subnet-t"}}},
		Routes:      []TGWRoute{{DestinationCIDRBlock: "10.0.0.0/16", Attachment: "tgw-attach-a"}, {DestinationCIDRBlock: "10.3.0.0/16", Attachment: "tgw-attach-t"}}}}
	rt := table(vpc(s, "vpc-a"), "rtb-priv")
	rt.Routes = append(rt.Routes, Route{DestinationCIDRBlock: "10.3.0.0/16", Target: "tgw-1"}, Route{DestinationCIDRBlock: "10.9.0.0/16", Target: "tgw-1"})
}

func TestRule_NET06_TransitGatewayLongestPrefixMatch(t *testing.T) {
	s := decodeBase(t)
	withTGW(s)
	w := compileScenario(t, s)
	expect(t, trace(t, w, TraceRequest{From: "i-priv", To: "10.3.1.10"}), VerdictAllowed, "NET-06", DecisionForwarded)
	expect(t, trace(t, w, TraceRequest{From: "i-t", To: "10.0.1.10"}), VerdictAllowed, "NET-06", DecisionForwarded)
	// No route in the transit gateway's table.
	expect(t, trace(t, w, TraceRequest{From: "i-priv", To: "10.9.0.5"}), VerdictUnreachable, "NET-06", DecisionNoRoute)
}

func TestRule_NET06_VirtualPrivateGatewayToOnPremises(t *testing.T) {
	s := withOnPrem(t)
	w := compileScenario(t, s)
	expect(t, trace(t, w, TraceRequest{From: "i-priv", To: "192.168.10.15", Port: 22}), VerdictAllowed, "NET-06", DecisionForwarded)
	expect(t, trace(t, w, TraceRequest{From: "host-1", To: "10.0.1.10"}), VerdictAllowed, "NET-06", DecisionMatched)
	// Without a route back to the VGW the response is lost.
	table(vpc(s, "vpc-a"), "rtb-priv").Routes = nil
	expect(t, trace(t, compileScenario(t, s), TraceRequest{From: "host-1", To: "10.0.1.10"}), VerdictUnreachable, "NET-06", DecisionNoRoute)
}

func TestRule_NET07_NoRouteIsDropped(t *testing.T) {
	w := compileScenario(t, decodeBase(t))
	tr := trace(t, w, TraceRequest{From: "i-priv", To: "172.16.0.1"})
	expect(t, tr, VerdictUnreachable, "NET-07", DecisionNoRoute)
	if lastHop(tr).At != "rtb-priv" {
		t.Errorf("the trace should name the table without a route\n%s", tr.Text())
	}
}

func TestTraceInvalidRequestIsUnreachableData(t *testing.T) {
	w := compileScenario(t, decodeBase(t))
	for _, req := range []TraceRequest{{From: "i-nope", To: "10.0.0.1"}, {From: "i-priv"}, {From: "i-priv", To: "x", Port: 70000}, {From: "i-priv", To: "x", Protocol: "sctp"}} {
		if w.CheckRequest(req) == nil {
			t.Errorf("%+v should be refused", req)
		}
		expect(t, trace(t, w, req), VerdictUnreachable, "VAL-01", DecisionUnreachable)
	}
}
