package engine

import (
	"net/netip"
	"testing"
)

// withS3Gateway adds an S3 gateway endpoint associated with the tables.
func withS3Gateway(s *Scenario, ipType string, tables ...string) {
	v := vpc(s, "vpc-a")
	v.Endpoints = append(v.Endpoints, VPCEndpoint{ID: "vpce-s3gw", VPCEndpointType: EndpointGateway, ServiceName: "com.amazonaws.us-east-1.s3", RouteTableIDs: tables, IPAddressType: ipType})
}

const s3Name = "app-reports.s3.us-east-1.amazonaws.com"

func TestRule_GW01_EndpointAddsPrefixListRoutes(t *testing.T) {
	s := decodeBase(t)
	withS3Gateway(s, "", "rtb-priv")
	w := compileScenario(t, s)
	a := netip.MustParseAddr("52.216.4.17")
	r, _, ok := w.tables["rtb-priv"].trie.lookup(a)
	if !ok || r.Target != "vpce-s3gw" || r.PrefixList != "pl-63a5400a" || r.Origin != originPrefixList {
		t.Errorf("rtb-priv: %+v %v", r, ok)
	}
	if r, _, _ := w.tables["rtb-pub"].trie.lookup(a); r.Target != "igw-a" {
		t.Errorf("rtb-pub is not associated, got %+v", r)
	}
	expect(t, trace(t, w, TraceRequest{From: "i-priv", To: s3Name}), VerdictAllowed, "GW-02", DecisionMatched)
}

func TestRule_GW02_EndpointRouteBeatsDefaultRoute(t *testing.T) {
	for _, associated := range []bool{true, false} {
		s := decodeBase(t)
		if associated {
			withS3Gateway(s, "", "rtb-pub")
		}
		tr := trace(t, compileScenario(t, s), TraceRequest{From: "i-pub", To: s3Name, Action: "s3:GetObject", Resource: "arn:aws:s3:::app-reports/x"})
		if associated {
			expect(t, tr, VerdictAllowed, "GW-02", DecisionMatched)
			if !hasHop(tr, HopService, "aws:SourceVpce=vpce-s3gw") {
				t.Errorf("should go through the endpoint\n%s", tr.Text())
			}
		} else {
			expect(t, tr, VerdictAllowed, "GW-06", DecisionMatched)
		}
	}
}

func TestRule_GW03_OtherRegionFollowsOtherRoutes(t *testing.T) {
	s := decodeBase(t)
	withS3Gateway(s, "", "rtb-pub", "rtb-priv")
	w := compileScenario(t, s)
	west := "bucket-west.s3.us-west-2.amazonaws.com"
	expect(t, trace(t, w, TraceRequest{From: "i-pub", To: west}), VerdictAllowed, "GW-03", DecisionMatched)
	expect(t, trace(t, w, TraceRequest{From: "i-priv", To: west}), VerdictUnreachable, "GW-03", DecisionNoRoute)
}

func TestRule_GW04_MoreSpecificAndStaticRoutesWin(t *testing.T) {
	for _, dest := range []string{"52.216.0.0/15", "52.216.4.0/24"} {
		s := decodeBase(t)
		withS3Gateway(s, "", "rtb-pub")
		rt := table(vpc(s, "vpc-a"), "rtb-pub")
		rt.Routes = append(rt.Routes, Route{DestinationCIDRBlock: dest, Target: "igw-a"})
		tr := trace(t, compileScenario(t, s), TraceRequest{From: "i-pub", To: s3Name})
		expect(t, tr, VerdictAllowed, "GW-04", DecisionMatched)
		if hasHop(tr, HopEndpoint, "vpce-s3gw") {
			t.Errorf("%s should beat the endpoint route\n%s", dest, tr.Text())
		}
	}
	// Equal length: a static route beats the prefix-list route, whichever
	// is inserted first (propagated routes are not part of scenario format v1).
	for _, order := range [][]routeOrigin{{originPrefixList, originStatic}, {originStatic, originPrefixList}} {
		tr := newRouteTrie()
		p := netip.MustParsePrefix("52.216.0.0/15")
		for _, o := range order {
			tr.insert(route{Dest: p, Target: o.String(), Origin: o})
		}
		if r, tied, _ := tr.lookup(netip.MustParseAddr("52.216.1.1")); r.Origin != originStatic || len(tied) != 1 || tied[0].Origin != originPrefixList {
			t.Errorf("%v: static should beat prefix list: %+v, tied %+v", order, r, tied)
		}
	}
}

func TestRule_GW05_OneEndpointRoutePerServicePerTable(t *testing.T) {
	s := decodeBase(t)
	withS3Gateway(s, "", "rtb-priv")
	v := vpc(s, "vpc-a")
	v.Endpoints = append(v.Endpoints, VPCEndpoint{ID: "vpce-s3gw2", VPCEndpointType: EndpointGateway, ServiceName: "com.amazonaws.us-east-1.s3", RouteTableIDs: []string{"rtb-priv"}},
		VPCEndpoint{ID: "vpce-ddb", VPCEndpointType: EndpointGateway, ServiceName: "com.amazonaws.us-east-1.dynamodb", RouteTableIDs: []string{"rtb-priv"}})
	_, err := Compile(s)
	ps, ok := err.(Problems)
	if !ok || len(ps) == 0 || ps[0].Rule != "GW-05" {
		t.Fatalf("want a GW-05 problem, got %v", err)
	}
	// S3 and DynamoDB side by side are fine.
	v.Endpoints = append(v.Endpoints[:1], v.Endpoints[2])
	w := compileScenario(t, s)
	expect(t, trace(t, w, TraceRequest{From: "i-priv", To: "dynamodb.us-east-1.amazonaws.com"}), VerdictAllowed, "GW-02", DecisionMatched)
}

func TestRule_GW06_UnassociatedSubnetsUseOtherRoutes(t *testing.T) {
	s := decodeBase(t)
	withS3Gateway(s, "", "rtb-pub")
	w := compileScenario(t, s)
	// The private table is not associated and has no other way out.
	expect(t, trace(t, w, TraceRequest{From: "i-priv", To: s3Name}), VerdictUnreachable, "GW-15", DecisionNoRoute)
	s = decodeBase(t)
	withNAT(s)
	tr := trace(t, compileScenario(t, s), TraceRequest{From: "i-priv", To: s3Name})
	expect(t, tr, VerdictAllowed, "GW-06", DecisionMatched)
	expect(t, tr, VerdictAllowed, "NET-04", DecisionTranslated)
}

func TestRule_GW07_IPAddressTypeOfGatewayEndpoint(t *testing.T) {
	v6 := "2600:1fa0:8000::417"
	cases := []struct {
		ipType  string
		verdict string
		rule    string
	}{
		{"ipv4", VerdictUnreachable, "GW-07"},
		{"ipv6", VerdictAllowed, "GW-07"},
		{"dualstack", VerdictAllowed, "GW-07"},
	}
	for _, c := range cases {
		s := decodeBase(t)
		withS3Gateway(s, c.ipType, "rtb-priv")
		w := compileScenario(t, s)
		tr := trace(t, w, TraceRequest{From: "i-priv", To: v6, IPVersion: 6})
		expect(t, tr, c.verdict, c.rule, "")
		// IPv4 goes through the endpoint unless the type is ipv6 only.
		tr = trace(t, w, TraceRequest{From: "i-priv", To: s3Name})
		want := VerdictAllowed
		if c.ipType == "ipv6" {
			want = VerdictUnreachable
		}
		expect(t, tr, want, "", "")
	}
	// The dual-stack name answers AAAA inside the IPv6 prefix list.
	s := decodeBase(t)
	withS3Gateway(s, "dualstack", "rtb-priv")
	tr := trace(t, compileScenario(t, s), TraceRequest{From: "i-priv", To: "s3.dualstack.us-east-1.amazonaws.com", IPVersion: 6})
	expect(t, tr, VerdictAllowed, "GW-07", DecisionMatched)
}

func TestRule_GW08_GatewayEndpointOnlyForTrafficFromItsVPC(t *testing.T) {
	s := withOnPrem(t)
	withS3Gateway(s, "", "rtb-priv")
	w := compileScenario(t, s)
	expect(t, trace(t, w, TraceRequest{From: "host-1", To: "52.216.4.17"}), VerdictUnreachable, "GW-08", DecisionDropped)
	expect(t, trace(t, w, TraceRequest{From: "i-priv", To: "52.216.4.17"}), VerdictAllowed, "GW-02", DecisionMatched)
	// Through a transit gateway into the VPC, then to the endpoint: refused.
	s = decodeBase(t)
	withS3Gateway(s, "", "rtb-priv")
	withTGW(s)
	s.TransitGateways[0].Routes = append(s.TransitGateways[0].Routes, TGWRoute{DestinationCIDRBlock: "0.0.0.0/0", Attachment: "tgw-attach-a"})
	table(vpc(s, "vpc-t"), "rtb-t").Routes = append(table(vpc(s, "vpc-t"), "rtb-t").Routes, Route{DestinationCIDRBlock: "0.0.0.0/0", Target: "tgw-1"})
	expect(t, trace(t, compileScenario(t, s), TraceRequest{From: "i-t", To: s3Name}), VerdictUnreachable, "GW-08", DecisionDropped)
}

func TestRule_GW09_GatewayEndpointReachesOnlyItsRegion(t *testing.T) {
	s := decodeBase(t)
	withS3Gateway(s, "", "rtb-priv")
	s.Buckets = []DataStore{{Name: "here", Account: "111122223333"}, {Name: "there", Account: "111122223333", Region: "us-west-2"}}
	w := compileScenario(t, s)
	expect(t, trace(t, w, TraceRequest{From: "i-priv", To: "s3.us-east-1.amazonaws.com", Action: "s3:GetObject", Resource: "arn:aws:s3:::here/k"}), VerdictAllowed, "", "")
	expect(t, trace(t, w, TraceRequest{From: "i-priv", To: "s3.us-east-1.amazonaws.com", Action: "s3:GetObject", Resource: "arn:aws:s3:::there/k"}), VerdictUnreachable, "GW-09", DecisionUnreachable)
}

func TestRule_GW10_ServiceSeesPrivateSourceThroughEndpoint(t *testing.T) {
	policy := func(key string) []byte {
		return []byte(`{"Version":"2012-10-17","Statement":[{"Sid":"OnlyFromVpc","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::bkt-gw10/*","Condition":{"NotIpAddress":{"` + key + `":"10.0.0.0/16"}}}]}`)
	}
	for _, c := range []struct{ key, verdict string }{{"aws:SourceIp", VerdictDenied}, {"aws:VpcSourceIp", VerdictAllowed}} {
		s := decodeBase(t)
		withS3Gateway(s, "", "rtb-priv")
		s.Buckets = []DataStore{{Name: "bkt-gw10", Account: "111122223333", Policy: policy(c.key)}}
		tr := trace(t, compileScenario(t, s), TraceRequest{From: "i-priv", To: "bkt-gw10.s3.us-east-1.amazonaws.com", Action: "s3:GetObject", Resource: "arn:aws:s3:::bkt-gw10/k"})
		expect(t, tr, c.verdict, "GW-10", DecisionForwarded)
		if hasHop(tr, HopService, "aws:SourceIp=") {
			t.Errorf("aws:SourceIp must not be set through an endpoint\n%s", tr.Text())
		}
	}
}

func TestRule_GW13_SecurityGroupEgressToThePrefixList(t *testing.T) {
	for _, egress := range [][]SGRule{{{IPProtocol: "tcp", FromPort: intp(443), ToPort: intp(443), PrefixListID: "pl-63a5400a"}}, {{IPProtocol: "tcp", FromPort: intp(443), ToPort: intp(443), CIDRIP: "10.0.0.0/16"}}} {
		s := decodeBase(t)
		withS3Gateway(s, "", "rtb-priv")
		vpc(s, "vpc-a").SecurityGroups[0].Egress = egress
		tr := trace(t, compileScenario(t, s), TraceRequest{From: "i-priv", To: s3Name})
		if egress[0].PrefixListID != "" {
			expect(t, tr, VerdictAllowed, "GW-13", DecisionAllowed)
		} else {
			expect(t, tr, VerdictUnreachable, "GW-13", DecisionDenied)
		}
	}
}

func TestRule_GW15_PrivateSubnetWithoutEndpointNeedsNAT(t *testing.T) {
	s := decodeBase(t)
	w := compileScenario(t, s)
	expect(t, trace(t, w, TraceRequest{From: "i-priv", To: "dynamodb.us-east-1.amazonaws.com"}), VerdictUnreachable, "GW-15", DecisionNoRoute)
	withNAT(s)
	tr := trace(t, compileScenario(t, s), TraceRequest{From: "i-priv", To: "dynamodb.us-east-1.amazonaws.com"})
	expect(t, tr, VerdictAllowed, "NET-04", DecisionTranslated)
}
