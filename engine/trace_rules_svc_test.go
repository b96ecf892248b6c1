package engine

import "testing"

// acceptance loads the endpoint service example with the endpoint in a
// state ("" keeps the lifecycle's default).
func acceptance(t *testing.T, state string, edit func(*Scenario)) *World {
	t.Helper()
	s, ps := Load(exampleData(t, "endpoint-service-acceptance"))
	if len(ps) > 0 {
		t.Fatal(ps)
	}
	s.VPCs[0].Endpoints[0].State = state
	if edit != nil {
		edit(s)
	}
	return compileScenario(t, s)
}

func TestRule_SVC07_OnlyAvailableEndpointsCarryTraffic(t *testing.T) {
	for _, c := range []struct{ state, verdict string }{
		{"", VerdictUnreachable}, // PendingAcceptance: acceptance required
		{"PendingAcceptance", VerdictUnreachable},
		{"Pending", VerdictUnreachable},
		{"Rejected", VerdictUnreachable},
		{"Expired", VerdictUnreachable},
		{"Available", VerdictAllowed},
	} {
		tr := acceptance(t, c.state, nil).TraceAll()[0]
		if tr.Verdict != c.verdict {
			t.Errorf("state %q: %s, want %s\n%s", c.state, tr.Verdict, c.verdict, tr.Text())
		}
		if c.verdict == VerdictUnreachable && lastHop(tr).Rule != "SVC-07" {
			t.Errorf("state %q should be stopped by SVC-07\n%s", c.state, tr.Text())
		}
	}
	// Pending after a modification keeps carrying traffic (SVC-06).
	w := acceptance(t, "Pending", func(s *Scenario) { s.VPCs[0].Endpoints[0].Modifying = true })
	expect(t, w.TraceAll()[0], VerdictAllowed, "SVC-01", DecisionReached)
	// Without acceptance required the static endpoint is Available.
	w = acceptance(t, "", func(s *Scenario) { s.EndpointServices[0].AcceptanceRequired = false })
	expect(t, w.TraceAll()[0], VerdictAllowed, "SVC-01", DecisionReached)
}

func TestRule_SVC08_OverlappingCIDRsDoNotMatter(t *testing.T) {
	w := acceptance(t, "Available", nil)
	if w.s.VPCs[0].CIDRBlocks[0] != w.s.VPCs[1].CIDRBlocks[0] {
		t.Fatal("the example's VPCs should overlap")
	}
	expect(t, w.TraceAll()[0], VerdictAllowed, "SVC-08", DecisionForwarded)
}

func TestRule_SVC01_HealthyTargetOrFailOpen(t *testing.T) {
	tr := acceptance(t, "Available", nil).TraceAll()[0]
	expect(t, tr, VerdictAllowed, "SVC-01", DecisionForwarded)
	if !hasHop(tr, HopLoadBalancer, "healthy target i-api") {
		t.Errorf("should pick the healthy target\n%s", tr.Text())
	}
	tr = acceptance(t, "Available", func(s *Scenario) { s.LoadBalancers[0].Targets[0].Healthy = boolp(false) }).TraceAll()[0]
	expect(t, tr, VerdictAllowed, "SVC-01", DecisionForwarded)
	if !hasHop(tr, HopLoadBalancer, "fails open") {
		t.Errorf("all unhealthy should fail open\n%s", tr.Text())
	}
	tr = acceptance(t, "Available", func(s *Scenario) { s.LoadBalancers[0].Targets = nil }).TraceAll()[0]
	expect(t, tr, VerdictUnreachable, "SVC-01", DecisionUnreachable)
	// The target's group must allow the load balancer's node.
	tr = acceptance(t, "Available", func(s *Scenario) { s.VPCs[1].SecurityGroups[0].Ingress = []SGRule{} }).TraceAll()[0]
	expect(t, tr, VerdictUnreachable, "NET-02", DecisionDenied)
}

// withGWLB adds a provider VPC with an appliance behind a Gateway Load
// Balancer, a GWLB endpoint in a new inspection subnet of vpc-a and routes
// private traffic through it to a NAT gateway.
func withGWLB(s *Scenario, targets []Target) {
	s.VPCs = append(s.VPCs, VPC{
		ID: "vpc-p", Account: "444455556666", CIDRBlocks: []string{"10.5.0.0/16"},
		Subnets:        []Subnet{{ID: "subnet-p", AvailabilityZone: "us-east-1a", CIDRBlock: "10.5.1.0/24"}},
		RouteTables:    []RouteTable{{ID: "rtb-p", Main: true, Routes: []Route{}}},
		SecurityGroups: []SecurityGroup{{ID: "sg-appliance", GroupName: "appliance", Ingress: []SGRule{{IPProtocol: "udp", FromPort: intp(6081), ToPort: intp(6081), CIDRIP: "10.5.0.0/16"}}}},
		Instances:      []Instance{{ID: "i-appliance", Subnet: "subnet-p", PrivateIPAddress: "10.5.1.10", SecurityGroups: []string{"sg-appliance"}}},
	})
	s.LoadBalancers = append(s.LoadBalancers, LoadBalancer{ID: "gwlb-1", Type: "gateway", VPC: "vpc-p", Subnets: []string{"subnet-p"}, Listeners: []Listener{{Port: 6081, Protocol: "GENEVE"}}, Targets: targets})
	s.EndpointServices = append(s.EndpointServices, EndpointService{ID: "vpce-svc-gwlb", Account: "444455556666", LoadBalancers: []string{"gwlb-1"}, AllowedPrincipals: []string{"*"}})
	v := vpc(s, "vpc-a")
	v.Subnets = append(v.Subnets, Subnet{ID: "subnet-insp", AvailabilityZone: "us-east-1a", CIDRBlock: "10.0.3.0/24", RouteTable: "rtb-insp"})
	v.RouteTables = append(v.RouteTables, RouteTable{ID: "rtb-insp", Routes: []Route{{DestinationCIDRBlock: "0.0.0.0/0", Target: "nat-a"}}})
	v.NATGateways = append(v.NATGateways, NATGateway{ID: "nat-a", Subnet: "subnet-pub"})
	v.Endpoints = append(v.Endpoints, VPCEndpoint{ID: "vpce-gwlb", VPCEndpointType: EndpointGatewayLoadBalancer, ServiceName: "com.amazonaws.vpce.us-east-1.vpce-svc-gwlb", SubnetIDs: []string{"subnet-insp"}})
	rt := table(v, "rtb-priv")
	rt.Routes = append(rt.Routes, Route{DestinationCIDRBlock: "0.0.0.0/0", Target: "vpce-gwlb"})
}

func TestRule_GWLB01_RouteThroughAppliancesAndBack(t *testing.T) {
	s := decodeBase(t)
	withGWLB(s, []Target{{Instance: "i-appliance"}})
	tr := trace(t, compileScenario(t, s), TraceRequest{From: "i-priv", To: sqsReq})
	expect(t, tr, VerdictAllowed, "GWLB-01", DecisionInspected)
	expect(t, tr, VerdictAllowed, "GWLB-01", DecisionReturned)
	expect(t, tr, VerdictAllowed, "NET-04", DecisionTranslated)
}

func TestRule_GWLB02_NoApplianceDropsAllUnhealthyFailsOpen(t *testing.T) {
	s := decodeBase(t)
	withGWLB(s, nil)
	expect(t, trace(t, compileScenario(t, s), TraceRequest{From: "i-priv", To: sqsReq}), VerdictUnreachable, "GWLB-02", DecisionDropped)
	s = decodeBase(t)
	withGWLB(s, []Target{{Instance: "i-appliance", Healthy: boolp(false)}})
	expect(t, trace(t, compileScenario(t, s), TraceRequest{From: "i-priv", To: sqsReq}), VerdictAllowed, "GWLB-02", DecisionInspected)
}
