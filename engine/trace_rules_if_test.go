package engine

import (
	"strings"
	"testing"
)

const sqsReq = "sqs.us-east-1.amazonaws.com"

func sqsTrace(from string) TraceRequest {
	return TraceRequest{From: from, To: sqsReq, Action: "sqs:SendMessage", Resource: "arn:aws:sqs:us-east-1:111122223333:q"}
}

func TestRule_IF01_OneInterfacePerSubnetDeterministicIPs(t *testing.T) {
	s := decodeBase(t)
	withSQSEndpoint(s, true)
	vpc(s, "vpc-a").Endpoints[0].IPAddresses = map[string]string{"subnet-priv": "10.0.1.200"}
	w := compileScenario(t, s)
	got := strings.Join(w.EndpointAddresses("vpce-sqs"), ",")
	if got != "10.0.1.200,10.0.2.100" {
		t.Errorf("addresses %s", got)
	}
	if again := strings.Join(compileScenario(t, s).EndpointAddresses("vpce-sqs"), ","); again != got {
		t.Errorf("not deterministic: %s vs %s", got, again)
	}
	expect(t, trace(t, w, sqsTrace("i-priv")), VerdictAllowed, "IF-01", DecisionForwarded)
}

func TestRule_IF02_DualstackEndpointAndIPv6Clients(t *testing.T) {
	s := decodeBase(t)
	withSQSEndpoint(s, true)
	v := vpc(s, "vpc-a")
	v.Endpoints[0].SubnetIDs = []string{"subnet-priv"}
	v.Endpoints[0].IPAddressType = IPAddressTypeDualstack
	v.SecurityGroups[1].Ingress = append(v.SecurityGroups[1].Ingress, SGRule{IPProtocol: "tcp", FromPort: intp(443), ToPort: intp(443), CIDRIPv6: "2600:1f18:aaaa::/56"})
	w := compileScenario(t, s)
	if n := len(w.EndpointAddresses("vpce-sqs")); n != 2 {
		t.Fatalf("dualstack should give an IPv4 and an IPv6 address, got %d", n)
	}
	tr := trace(t, w, TraceRequest{From: "i-priv", To: sqsReq, IPVersion: 6})
	expect(t, tr, VerdictAllowed, "IF-01", DecisionForwarded)
	if !strings.Contains(tr.Resolved.Addresses[0], ":") {
		t.Errorf("IPv6 trace should use the AAAA answer: %v", tr.Resolved.Addresses)
	}
	// An instance without an IPv6 address cannot send an IPv6 request.
	expect(t, trace(t, w, TraceRequest{From: "i-priv2", To: sqsReq, IPVersion: 6}), VerdictUnreachable, "IF-02", DecisionUnreachable)
}

func TestRule_IF03_EndpointSecurityGroupMustAllowTheClient(t *testing.T) {
	for _, open := range []bool{true, false} {
		s := decodeBase(t)
		withSQSEndpoint(s, true)
		if !open {
			vpc(s, "vpc-a").SecurityGroups[1].Ingress = []SGRule{{IPProtocol: "tcp", FromPort: intp(80), ToPort: intp(80), CIDRIP: "10.0.0.0/8"}}
		}
		tr := trace(t, compileScenario(t, s), sqsTrace("i-priv"))
		if open {
			expect(t, tr, VerdictAllowed, "IF-03", DecisionAllowed)
		} else {
			expect(t, tr, VerdictUnreachable, "IF-03", DecisionDenied)
		}
	}
}

func TestRule_IF04_ACLsOnlyAcrossSubnets(t *testing.T) {
	s := decodeBase(t)
	withSQSEndpoint(s, true)
	v := vpc(s, "vpc-a")
	v.Endpoints[0].SubnetIDs = []string{"subnet-priv"}
	v.NetworkACLs = []NetworkACL{{ID: "acl-closed", Entries: []ACLEntry{}}}
	v.Subnets[1].NetworkACL = "acl-closed"
	w := compileScenario(t, s)
	// Same subnet as the endpoint interface: no ACL.
	tr := trace(t, w, sqsTrace("i-priv"))
	expect(t, tr, VerdictAllowed, "", "")
	if hasHop(tr, HopNetworkACL, "") {
		t.Errorf("no ACL within the subnet\n%s", tr.Text())
	}
	// From the other subnet: the closed ACL of the endpoint's subnet stops it.
	expect(t, trace(t, w, sqsTrace("i-priv2")), VerdictUnreachable, "IF-04", DecisionDenied)
}

func TestRule_IF05_EndpointPolicyFilters(t *testing.T) {
	deny := []byte(`{"Version":"2012-10-17","Statement":[{"Sid":"NoDelete","Effect":"Deny","Principal":"*","Action":"sqs:DeleteQueue","Resource":"*"},{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}`)
	s := decodeBase(t)
	withSQSEndpoint(s, true)
	vpc(s, "vpc-a").Endpoints[0].PolicyDocument = deny
	w := compileScenario(t, s)
	expect(t, trace(t, w, sqsTrace("i-priv")), VerdictAllowed, "IF-05", DecisionAllowed)
	req := sqsTrace("i-priv")
	req.Action = "sqs:DeleteQueue"
	tr := trace(t, w, req)
	expect(t, tr, VerdictDenied, "IF-05", DecisionExplicitDeny)
	if lastHop(tr).Kind != HopEndpointPolicy || !strings.Contains(lastHop(tr).Detail, "NoDelete") {
		t.Errorf("the endpoint policy hop should name the deciding statement\n%s", tr.Text())
	}
	// Default policy: full access.
	s = decodeBase(t)
	withSQSEndpoint(s, true)
	expect(t, trace(t, compileScenario(t, s), req), VerdictAllowed, "IF-05", DecisionAllowed)
	// A service without endpoint policies has full access.
	s = decodeBase(t)
	withSQSEndpoint(s, true)
	vpc(s, "vpc-a").Endpoints[0].ServiceName = "com.amazonaws.us-east-1.ssmmessages"
	tr = trace(t, compileScenario(t, s), TraceRequest{From: "i-priv", To: "ssmmessages.us-east-1.amazonaws.com", Action: "ssmmessages:OpenDataChannel", Resource: "*"})
	expect(t, tr, VerdictAllowed, "IF-05", DecisionAllowed)
	if !hasHop(tr, HopEndpointPolicy, "does not support endpoint policies") {
		t.Errorf("should say the service has no endpoint policies\n%s", tr.Text())
	}
}

func TestRule_IF06_InterfaceEndpointReachableFromOutsideTheVPC(t *testing.T) {
	// Over VPN (the on-premises example) and through a transit gateway.
	traces := compileData(t, exampleData(t, "onprem-s3-inbound-resolver")).TraceAll()
	expect(t, traces[0], VerdictAllowed, "IF-06", DecisionForwarded)
	s := decodeBase(t)
	withSQSEndpoint(s, true)
	withTGW(s)
	w := compileScenario(t, s)
	name := w.EndpointDNSNames("vpce-sqs")[0]
	tr := trace(t, w, TraceRequest{From: "i-t", To: name})
	expect(t, tr, VerdictAllowed, "IF-06", DecisionForwarded)
	// vpc-t has no route of its own to S3's public addresses.
	expect(t, trace(t, w, TraceRequest{From: "i-t", To: "52.216.4.17"}), VerdictUnreachable, "GW-15", DecisionNoRoute)
}

func TestRule_IF13_EndpointInterfacesAnswerOnlyServiceTCP(t *testing.T) {
	s := decodeBase(t)
	withSQSEndpoint(s, true)
	vpc(s, "vpc-a").SecurityGroups[1].Ingress = []SGRule{{IPProtocol: "-1", CIDRIP: "10.0.0.0/8"}}
	w := compileScenario(t, s)
	expect(t, trace(t, w, TraceRequest{From: "i-priv", To: sqsReq, Protocol: "icmp"}), VerdictUnreachable, "IF-13", DecisionUnreachable)
	expect(t, trace(t, w, TraceRequest{From: "i-priv", To: sqsReq, Port: 80}), VerdictUnreachable, "IF-13", DecisionUnreachable)
	expect(t, trace(t, w, TraceRequest{From: "i-priv", To: sqsReq}), VerdictAllowed, "IF-01", DecisionForwarded)
}

// A Deleted endpoint has no network interfaces, so neither its private DNS
// name (DNS-02), its endpoint-specific names (DNS-03) nor an alias to it
// resolve to them; nor does its private DNS name conflict with another
// endpoint's (IF-12).
func TestRule_IF08_DeletedEndpointNamesStopResolving(t *testing.T) {
	for _, state := range []string{StateAvailable, StateDeleted} {
		s := decodeBase(t)
		withSQSEndpoint(s, true)
		vpc(s, "vpc-a").Endpoints[0].State = state
		s.HostedZones = append(s.HostedZones, HostedZone{ID: "Zcorp", Name: "corp.internal", Private: true, VPCs: []string{"vpc-a"},
			Records: []Record{{Name: "q.corp.internal", Type: "A", AliasTarget: "vpce-sqs"}}})
		w := compileScenario(t, s)
		regional := w.EndpointDNSNames("vpce-sqs")[0]
		if state == StateAvailable {
			expect(t, trace(t, w, TraceRequest{From: "i-priv", To: sqsReq}), VerdictAllowed, "DNS-02", DecisionResolved)
			expect(t, trace(t, w, TraceRequest{From: "i-priv", To: regional}), VerdictAllowed, "DNS-03", DecisionResolved)
			expect(t, trace(t, w, TraceRequest{From: "i-priv", To: "q.corp.internal"}), VerdictAllowed, "DNS-04", DecisionResolved)
			if n := len(w.EndpointAddresses("vpce-sqs")); n != 2 {
				t.Errorf("available endpoint has %d interfaces, want 2", n)
			}
			continue
		}
		if got := w.EndpointAddresses("vpce-sqs"); len(got) != 0 {
			t.Errorf("deleted endpoint has interfaces %v", got)
		}
		// The service name falls back to public DNS (SQS's public address).
		tr := trace(t, w, TraceRequest{From: "i-priv", To: sqsReq})
		if hasHop(tr, HopDNS, "Private DNS of vpce-sqs") {
			t.Errorf("deleted endpoint still answers its private DNS name\n%s", tr.Text())
		}
		expect(t, trace(t, w, TraceRequest{From: "i-priv", To: regional}), VerdictUnresolved, "DNS-03", DecisionNXDomain)
		expect(t, trace(t, w, TraceRequest{From: "i-priv", To: "q.corp.internal"}), VerdictUnresolved, "IF-08", DecisionNoAnswer)
	}
}

func TestRule_IF12_DeletedEndpointHoldsNoName(t *testing.T) {
	for _, state := range []string{"", StateDeleted} {
		s := decodeBase(t)
		withSQSEndpoint(s, true)
		withSQSEndpoint(s, true)
		v := vpc(s, "vpc-a")
		v.Endpoints[1].ID = "vpce-sqs2"
		v.Endpoints[0].State = state
		ps := Validate(Normalize(s))
		conflict := false
		for _, p := range ps {
			conflict = conflict || p.Rule == "IF-12"
		}
		if conflict != (state != StateDeleted) {
			t.Errorf("state %q: problems %v", state, ps)
		}
	}
}
