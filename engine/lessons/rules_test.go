package lessons

import (
	"slices"
	"strings"
	"testing"

	"privatelink-playground/engine"
)

// These tests check that each lesson teaches what its narrative says: the
// hop that settles a saved trace, or the validation problem a learner meets
// when trying what the narrative suggests, is decided by the rule it names.

// wantHop fails unless saved trace i of lesson id has a hop of the kind
// decided by the rule, and gives the verdict.
func wantHop(t *testing.T, id string, i int, verdict, kind, rule string) engine.Trace {
	t.Helper()
	tr := savedTrace(t, id, i)
	if tr.Verdict != verdict {
		t.Errorf("%s trace %d: %s, want %s (%s)", id, i, tr.Verdict, verdict, last(tr).Detail)
	}
	if !hasHop(tr, kind, rule) {
		t.Errorf("%s trace %d: no %s hop decided by %s", id, i, kind, rule)
	}
	return tr
}

// wantProblem fails unless the scenario has a validation problem of the rule.
func wantProblem(t *testing.T, s *engine.Scenario, rule string) {
	t.Helper()
	ps := engine.Validate(s)
	if !slices.Contains(ps.Rules(), rule) {
		t.Errorf("want a %s problem, got %v", rule, ps)
	}
}

func TestLesson_GW02_EndpointRouteBeatsDefaultRoute(t *testing.T) {
	wantHop(t, "s3-gateway-endpoint", 0, engine.VerdictAllowed, engine.HopRoute, "GW-02")
	wantHop(t, "gateway-route-precedence", 1, engine.VerdictAllowed, engine.HopRoute, "GW-02")
}

func TestLesson_GW03_OtherRegionMissesThePrefixList(t *testing.T) {
	wantHop(t, "s3-gateway-endpoint", 2, engine.VerdictUnreachable, engine.HopRoute, "GW-03")
	tr := wantHop(t, "quotas-and-pitfalls", 2, engine.VerdictAllowed, engine.HopRoute, "GW-03")
	if !hasHop(tr, engine.HopNAT, "") {
		t.Error("the other Region's bucket should be reached through the NAT gateway")
	}
}

func TestLesson_GW04_MoreSpecificRouteWins(t *testing.T) {
	tr := wantHop(t, "gateway-route-precedence", 0, engine.VerdictDenied, engine.HopRoute, "GW-04")
	if !hasHop(tr, engine.HopNAT, "") || hasHop(tr, engine.HopEndpoint, "") {
		t.Error("the S3 request should leave through the NAT gateway, not the endpoint")
	}
	if h := last(tr); h.Kind != engine.HopResourcePolicy || h.Rule != "POL-01" {
		t.Errorf("the bucket's aws:sourceVpce condition should refuse it, got %+v", h)
	}
}

func TestLesson_GW05_OneEndpointRoutePerServicePerTable(t *testing.T) {
	s := solution(t, "quotas-and-pitfalls")
	hub := &s.VPCs[0]
	hub.Endpoints = append(hub.Endpoints, engine.VPCEndpoint{ID: "vpce-0hubs3b", VPCEndpointType: engine.EndpointGateway,
		ServiceName: "com.amazonaws.us-east-1.s3", RouteTableIDs: []string{"rtb-0hubapp"}})
	wantProblem(t, s, "GW-05")
}

func TestLesson_GW06_UnassociatedTableUsesOtherRoutes(t *testing.T) {
	tr := wantHop(t, "s3-gateway-endpoint", 1, engine.VerdictDenied, engine.HopRoute, "GW-06")
	if !hasHop(tr, engine.HopGateway, "NET-04") {
		t.Error("i-public should reach S3 through the internet gateway")
	}
	wantHop(t, "gateway-route-precedence", 2, engine.VerdictUnreachable, engine.HopRoute, "GW-15")
}

func TestLesson_GW08_OnPremisesCannotUseAGatewayEndpoint(t *testing.T) {
	wantHop(t, "onprem-inbound-resolver", 1, engine.VerdictUnreachable, engine.HopVPN, "GW-08")
	wantHop(t, "onprem-inbound-resolver", 2, engine.VerdictAllowed, engine.HopEndpoint, "GW-10")
}

func TestLesson_GW10_SourceIpNeverMatchesThroughAnEndpoint(t *testing.T) {
	tr := wantHop(t, "bucket-policies", 2, engine.VerdictDenied, engine.HopResourcePolicy, "POL-01")
	if !strings.Contains(last(tr).Detail, "aws:SourceIp: key is absent") {
		t.Errorf("the deny should come from the absent aws:SourceIp: %s", last(tr).Detail)
	}
}

func TestLesson_GW11_AssociatingATableResetsConnections(t *testing.T) {
	l := mustLesson(t, "s3-gateway-endpoint")
	_, events := applyLessonActions(t, l, mustScenario(t, l.ID, l.Scenario))
	if !slices.ContainsFunc(events, func(e engine.Event) bool { return e.Kind == engine.KindReset && e.Rule == "GW-11" }) {
		t.Errorf("no GW-11 reset in %+v", events)
	}
}

func TestLesson_GW12_SpokeEndpointNeedsTheQuotaRaised(t *testing.T) {
	s := solution(t, "quotas-and-pitfalls")
	two := 2
	s.Quotas.GatewayEndpointsPerRegion = &two
	wantProblem(t, s, "GW-12")
}

func TestLesson_GW14_GatewayEndpointCannotBeDeleted(t *testing.T) {
	l := mustLesson(t, "s3-cost-optimised")
	_, events := applyLessonActions(t, l, mustScenario(t, l.ID, l.Scenario))
	if !slices.ContainsFunc(events, func(e engine.Event) bool { return e.Kind == engine.KindRefused && e.Rule == "GW-14" }) {
		t.Errorf("the deletion should be refused by GW-14: %+v", events)
	}
}

func TestLesson_DNS01_NoResolverWithoutDnsSupport(t *testing.T) {
	wantHop(t, "dns-pitfalls", 0, engine.VerdictUnresolved, engine.HopDNS, "DNS-01")
	tr := wantHop(t, "dns-pitfalls", 1, engine.VerdictUnreachable, engine.HopDNS, "DNS-01")
	if !strings.Contains(tr.Hops[0].Detail, "enableDnsHostnames") {
		t.Errorf("the private zone should be ignored for want of enableDnsHostnames: %s", tr.Hops[0].Detail)
	}
}

func TestLesson_DNS02_PrivateDNSAnswersInsideTheVPC(t *testing.T) {
	tr := wantHop(t, "interface-endpoint-private-dns", 0, engine.VerdictAllowed, engine.HopDNS, "DNS-02")
	if tr.Hops[0].At != "vpce-0sqs4e2a" {
		t.Errorf("the endpoint's private DNS should answer, got %s", tr.Hops[0].At)
	}
	wantHop(t, "endpoint-service-acceptance", 0, engine.VerdictAllowed, engine.HopDNS, "DNS-02")
}

func TestLesson_DNS03_EndpointSpecificNamesResolveWithoutPrivateDNS(t *testing.T) {
	wantHop(t, "dns-pitfalls", 2, engine.VerdictAllowed, engine.HopDNS, "DNS-03")
	wantHop(t, "interface-endpoint-private-dns", 2, engine.VerdictAllowed, engine.HopDNS, "DNS-03")
}

func TestLesson_DNS04_SplitHorizonAndNoFallThrough(t *testing.T) {
	wantHop(t, "split-horizon-dns", 0, engine.VerdictAllowed, engine.HopDNS, "DNS-04")
	tr := savedTrace(t, "split-horizon-dns", 1)
	if tr.Verdict != engine.VerdictAllowed || hasHop(tr, engine.HopEndpoint, "") || !hasHop(tr, engine.HopGateway, "NET-04") {
		t.Errorf("outside the VPC the name should resolve publicly: %s", tr.Text())
	}
	wantHop(t, "split-horizon-dns", 2, engine.VerdictUnresolved, engine.HopDNS, "DNS-04")
}

func TestLesson_DNS05_OnPremisesResolvesThroughTheInboundEndpoint(t *testing.T) {
	tr := wantHop(t, "onprem-inbound-resolver", 0, engine.VerdictAllowed, engine.HopDNS, "DNS-05")
	if !hasHop(tr, engine.HopEndpoint, "IF-06") {
		t.Error("the office should reach the interface endpoint over the VPN (IF-06)")
	}
}

func TestLesson_DNS07_PrivateDNSOnlyForInboundResolver(t *testing.T) {
	// Shipped without the option: the VPC resolves S3 to the interface
	// endpoint (DNS-08) and its security group refuses the batch job.
	tr := wantHop(t, "s3-cost-optimised", 1, engine.VerdictUnreachable, engine.HopDNS, "DNS-02")
	if last(tr).Rule != "IF-03" {
		t.Errorf("want the endpoint's security group to refuse, got %+v", last(tr))
	}
	// The solution sets it: the VPC uses the gateway endpoint, the office
	// the interface endpoint.
	w, err := engine.Compile(solution(t, "s3-cost-optimised"))
	if err != nil {
		t.Fatal(err)
	}
	traces := w.TraceAll()
	if !hasHop(traces[0], engine.HopEndpoint, "IF-06") || !hasHop(traces[1], engine.HopEndpoint, "GW-10") {
		t.Errorf("office through the interface endpoint, VPC through the gateway endpoint:\n%s\n%s", traces[0].Text(), traces[1].Text())
	}
}

func TestLesson_DNS08_OptionNeedsAGatewayEndpoint(t *testing.T) {
	s := solution(t, "s3-cost-optimised")
	s.VPCs[0].Endpoints = slices.DeleteFunc(s.VPCs[0].Endpoints, func(e engine.VPCEndpoint) bool { return e.VPCEndpointType == engine.EndpointGateway })
	wantProblem(t, s, "DNS-08")
}

func TestLesson_IF03_EndpointSecurityGroupRefuses(t *testing.T) {
	tr := wantHop(t, "interface-endpoint-private-dns", 1, engine.VerdictUnreachable, engine.HopSecurityGroup, "IF-03")
	if last(tr).At != "sg-0endpoint" {
		t.Errorf("want sg-0endpoint to refuse, got %+v", last(tr))
	}
}

func TestLesson_IF05_EndpointPolicyFilters(t *testing.T) {
	for _, i := range []int{1, 2} {
		tr := wantHop(t, "endpoint-policies", i, engine.VerdictDenied, engine.HopEndpointPolicy, "IF-05")
		if last(tr).Kind != engine.HopEndpointPolicy {
			t.Errorf("trace %d: the endpoint policy should decide, got %+v", i, last(tr))
		}
	}
	wantHop(t, "endpoint-policies", 3, engine.VerdictAllowed, engine.HopEndpointPolicy, "IF-05")
}

func TestLesson_IF07_AddingASubnetAddsAnInterface(t *testing.T) {
	l := mustLesson(t, "interface-endpoint-private-dns")
	_, events := applyLessonActions(t, l, mustScenario(t, l.ID, l.Scenario))
	if !slices.ContainsFunc(events, func(e engine.Event) bool { return e.Kind == engine.KindInterfaceCreated && e.Rule == "IF-07" }) {
		t.Errorf("no IF-07 interface in %+v", events)
	}
}

func TestLesson_IF12_ConflictingPrivateZone(t *testing.T) {
	l := mustLesson(t, "dns-pitfalls")
	s := solution(t, l.ID)
	shipped := mustScenario(t, l.ID, l.Scenario)
	s.HostedZones = shipped.HostedZones // the stale zone is back
	wantProblem(t, s, "IF-12")
}

func TestLesson_IF11_PrivateDNSNeedsHostnames(t *testing.T) {
	l := mustLesson(t, "dns-pitfalls")
	s := mustScenario(t, l.ID, l.Scenario)
	on := true
	s.VPCs[0].Endpoints[0].PrivateDNSEnabled = &on
	wantProblem(t, s, "IF-11")
}

func TestLesson_NET05_PeeringIsNotTransitive(t *testing.T) {
	wantHop(t, "quotas-and-pitfalls", 1, engine.VerdictUnreachable, engine.HopPeering, "NET-05")
	wantHop(t, "quotas-and-pitfalls", 3, engine.VerdictAllowed, engine.HopPeering, "NET-05")
}

func TestLesson_SVC05_ActionsAcceptTheEndpoint(t *testing.T) {
	id := "endpoint-service-acceptance"
	wantHop(t, id, 1, engine.VerdictUnreachable, engine.HopEndpoint, "SVC-07")
	l := mustLesson(t, id)
	after, events := applyLessonActions(t, l, mustScenario(t, id, l.Scenario))
	for _, want := range []struct{ kind, rule, to string }{
		{engine.KindState, "SVC-03", engine.StateAvailable},
		{engine.KindState, "SVC-05", engine.StatePending},
		{engine.KindState, "SVC-05", engine.StateAvailable},
		{engine.KindRefused, "SVC-04", ""},
	} {
		if !slices.ContainsFunc(events, func(e engine.Event) bool { return e.Kind == want.kind && e.Rule == want.rule && e.To == want.to }) {
			t.Errorf("no %s event by %s to %q in %+v", want.kind, want.rule, want.to, events)
		}
	}
	w, err := engine.Compile(after)
	if err != nil {
		t.Fatal(err)
	}
	if tr := w.TraceAll()[1]; tr.Verdict != engine.VerdictAllowed {
		t.Errorf("after the actions vpce-0client should carry traffic:\n%s", tr.Text())
	}
}

func TestLesson_SVC08_OverlappingCIDRsDoNotMatter(t *testing.T) {
	wantHop(t, "endpoint-service-acceptance", 0, engine.VerdictAllowed, engine.HopService, "SVC-08")
	wantHop(t, "split-horizon-dns", 0, engine.VerdictAllowed, engine.HopService, "SVC-08")
}

func TestLesson_SVC01_UnhealthyTargetIsSkipped(t *testing.T) {
	tr := wantHop(t, "endpoint-service-acceptance", 0, engine.VerdictAllowed, engine.HopLoadBalancer, "SVC-01")
	if last(tr).At != "i-0api2" {
		t.Errorf("the healthy target i-0api2 should answer, got %+v", last(tr))
	}
}

func TestLesson_GWLB01_TrafficPassesTheAppliance(t *testing.T) {
	tr := wantHop(t, "gwlb-inspection", 0, engine.VerdictAllowed, engine.HopAppliance, "GWLB-01")
	if !passes(tr, "i-0fw2") {
		t.Error("the healthy appliance i-0fw2 should inspect the packet")
	}
	if tr := savedTrace(t, "gwlb-inspection", 1); hasHop(tr, engine.HopAppliance, "") {
		t.Error("subnet-0legacy should bypass the appliances")
	}
}

func TestLesson_GWLB02_NoApplianceDropsTraffic(t *testing.T) {
	l := mustLesson(t, "gwlb-inspection")
	s := mustScenario(t, l.ID, l.Scenario)
	s.LoadBalancers[0].Targets = nil
	w, err := engine.Compile(s)
	if err != nil {
		t.Fatal(err)
	}
	tr := w.TraceAll()[0]
	if tr.Verdict != engine.VerdictUnreachable || last(tr).Rule != "GWLB-02" {
		t.Errorf("without appliances the GWLB drops the traffic:\n%s", tr.Text())
	}
}

func TestLesson_NTF02_OneDeliverySucceedsOneFails(t *testing.T) {
	l := mustLesson(t, "connection-notifications")
	_, events := applyLessonActions(t, l, mustScenario(t, l.ID, l.Scenario))
	ok := slices.ContainsFunc(events, func(e engine.Event) bool {
		return e.Kind == engine.KindNotification && e.Resource == "vpce-nfn-0provider" && e.Rule == "NTF-01"
	})
	failed := slices.ContainsFunc(events, func(e engine.Event) bool {
		return e.Kind == engine.KindNotificationFailed && e.Resource == "vpce-nfn-0consumer" && e.Rule == "NTF-02" && strings.Contains(e.Detail, "key policy")
	})
	if !ok || !failed {
		t.Errorf("want the provider's delivery to succeed and the consumer's to fail on the key policy: %+v", events)
	}
	if !slices.ContainsFunc(events, func(e engine.Event) bool { return e.Kind == engine.KindDeleted && e.Rule == "IF-08" }) {
		t.Errorf("deleting the endpoint should delete its interfaces (IF-08): %+v", events)
	}
}

func TestLesson_POL04_VPCConditionBlocksRequestsFromOutside(t *testing.T) {
	wantHop(t, "bucket-policies", 0, engine.VerdictAllowed, engine.HopEndpoint, "GW-10")
	tr := wantHop(t, "bucket-policies", 1, engine.VerdictDenied, engine.HopResourcePolicy, "POL-01")
	if !strings.Contains(last(tr).Detail, "aws:sourceVpc") {
		t.Errorf("the aws:sourceVpc condition should refuse: %s", last(tr).Detail)
	}
	tr = wantHop(t, "bucket-policies", 3, engine.VerdictDenied, engine.HopIdentityPolicy, "POL-01")
	if !strings.Contains(last(tr).Detail, "s3:ResourceAccount") {
		t.Errorf("the s3:ResourceAccount condition should refuse: %s", last(tr).Detail)
	}
}
