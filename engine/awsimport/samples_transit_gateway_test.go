package awsimport

import (
	"reflect"
	"testing"

	"privatelink-playground/engine"
)

// tgwSample is the capture of testdata written by hand for transit
// gateways. It is not one of samples, whose tests expect the Batfish
// captures' account and Region.
const tgwSample = "transit-gateway"

// The IDs of tgwSample.
const (
	tgwID      = "tgw-0f3a5c7e9b1d2f4a6"
	tgwVPCA    = "vpc-0a5e1c7d3b9f24a61" // 10.1.0.0/16
	tgwVPCB    = "vpc-0b7d2e9a4c1f36b82" // 10.2.0.0/16
	tgwAttachA = "tgw-attach-0a7c9e1f3b5d2a4c6"
	tgwAttachB = "tgw-attach-0b8d1f3a5c7e2b4d6"
	tgwAttachV = "tgw-attach-0c9e2a4b6d8f1c3e5"
	tgwVPN     = "vpn-0d1f3b5a7c9e2d4f6"
	tgwInstA   = "i-0a2c4e6f8b1d3a5c7" // 10.1.1.10 in VPC A
	tgwInstB   = "i-0b6d8f1a3c5e7b9d2" // 10.2.1.20 in VPC B
)

// The capture imports into a valid scenario holding the transit gateway,
// its three attachments, its active routes and the VPN site; only the
// blackhole route is left out.
func TestTransitGatewaySample(t *testing.T) {
	r := importSample(t, tgwSample)
	s := r.Scenario
	assertValid(t, s)
	if s.Region != "us-west-2" || len(s.Accounts) != 1 || s.Accounts[0].ID != "111122223333" {
		t.Errorf("region %q, accounts %+v", s.Region, s.Accounts)
	}
	want := []engine.TransitGateway{{
		ID: tgwID,
		Attachments: []engine.TGWAttachment{
			{ID: tgwAttachA, VPC: tgwVPCA, Subnets: []string{"subnet-0a4d6f8b1c3e5a7d9"}},
			{ID: tgwAttachB, VPC: tgwVPCB, Subnets: []string{"subnet-0b5e7a9c2d4f6b8e1"}},
			{ID: tgwAttachV, Network: tgwVPN},
		},
		Routes: []engine.TGWRoute{
			{DestinationCIDRBlock: "10.1.0.0/16", Attachment: tgwAttachA},
			{DestinationCIDRBlock: "10.2.0.0/16", Attachment: tgwAttachB},
			{DestinationCIDRBlock: "192.168.0.0/16", Attachment: tgwAttachV},
		},
	}}
	if !reflect.DeepEqual(s.TransitGateways, want) {
		t.Errorf("transit gateways\n%s\nwant\n%s", asJSON(s.TransitGateways), asJSON(want))
	}
	network := []engine.OnPremNetwork{{ID: tgwVPN, Name: "head-office", CIDRBlocks: []string{"192.168.0.0/16"}, Connection: engine.Connection{Type: "vpn", TransitGateway: tgwID}}}
	if !reflect.DeepEqual(s.Networks, network) {
		t.Errorf("networks\n%s\nwant\n%s", asJSON(s.Networks), asJSON(network))
	}
	routes := map[string][]engine.Route{
		tgwVPCA: {{DestinationCIDRBlock: "10.2.0.0/16", Target: tgwID}, {DestinationCIDRBlock: "192.168.0.0/16", Target: tgwID}},
		tgwVPCB: {{DestinationCIDRBlock: "0.0.0.0/0", Target: tgwID}},
	}
	for vpc, want := range routes {
		if got := vpcByID(t, s, vpc).RouteTables[0].Routes; !reflect.DeepEqual(got, want) {
			t.Errorf("%s routes %s, want %s", vpc, asJSON(got), asJSON(want))
		}
	}
	wantNotes := []string{
		"VpnConnections.json VpnConnections[0]: VPN connection " + tgwVPN + " to cgw-0e4a6c8f1b3d5e7a9 (203.0.113.12) mapped as on-premises network " + tgwVPN + " with the CIDRs of the routes of " + tgwID + " to its attachment " + tgwAttachV + " (192.168.0.0/16)",
		"TransitGatewayRoutes.json Routes[2]: not mapped: route 172.16.0.0/12 is a blackhole route",
	}
	assertNotesStartWith(t, r, wantNotes)
}

// Traces on the capture: VPC A and VPC B reach each other through the
// transit gateway (NET-06), B reaches the VPN site through it, and what the
// gateway's table does not route is dropped there.
func TestTransitGatewaySampleTraces(t *testing.T) {
	allowed, unreachable := engine.VerdictAllowed, engine.VerdictUnreachable
	cases := []sampleTrace{
		{"A's table sends 10.2.0.0/16 to the TGW, whose propagated route leads to B; B's 0.0.0.0/0 brings the response back, and app-b opens 443 to A", engine.TraceRequest{From: tgwInstA, To: "10.2.1.20", Port: 443}, allowed, ""},
		{"B → A the other way, over B's default route to the TGW", engine.TraceRequest{From: tgwInstB, To: "10.1.1.10", Port: 443}, allowed, ""},
		{"B reaches the VPN site: the TGW's static route 192.168.0.0/16 leads to the VPN attachment", engine.TraceRequest{From: tgwInstB, To: "192.168.10.5", Port: 443}, allowed, ""},
		{"the TGW has no route for 172.16.0.0/12 (its blackhole route is not mapped, and drops it in AWS too)", engine.TraceRequest{From: tgwInstB, To: "172.16.0.5", Port: 443}, unreachable, "NET-06"},
		{"through the TGW, app-b still opens only 443 to A (NET-02)", engine.TraceRequest{From: tgwInstA, To: "10.2.1.20", Port: 22}, unreachable, "NET-02"},
	}
	w, err := engine.Compile(importSample(t, tgwSample).Scenario)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		tr := w.Trace(c.req)
		if tr.Verdict != c.verdict {
			t.Errorf("%s → %s: %s, want %s (%s)\n%s", c.req.From, c.req.To, tr.Verdict, c.verdict, c.why, tr.Text())
			continue
		}
		if !tgwHop(tr) {
			t.Errorf("%s → %s: no transit-gateway hop at %s with NET-06 (%s)\n%s", c.req.From, c.req.To, tgwID, c.why, tr.Text())
		}
		if last := tr.Hops[len(tr.Hops)-1]; c.lastRule != "" && last.Rule != c.lastRule {
			t.Errorf("%s → %s: settled by %s (%s), want %s (%s)", c.req.From, c.req.To, last.Rule, last.Detail, c.lastRule, c.why)
		}
	}
}

// tgwHop reports whether a trace crossed the capture's transit gateway by
// NET-06.
func tgwHop(tr engine.Trace) bool {
	for _, h := range tr.Hops {
		if h.Kind == engine.HopTransitGateway && h.At == tgwID && h.Rule == "NET-06" {
			return true
		}
	}
	return false
}

// Without either route of the path, A does not reach B: A's table route to
// the transit gateway (NET-07), or the gateway's route to B's attachment
// (NET-06).
func TestTransitGatewaySampleNeedsBothRoutes(t *testing.T) {
	req := engine.TraceRequest{From: tgwInstA, To: "10.2.1.20", Port: 443}
	for name, c := range map[string]struct {
		cut  func(s *engine.Scenario)
		rule string
	}{
		"VPC route": {func(s *engine.Scenario) {
			rt := &vpcByID(t, s, tgwVPCA).RouteTables[0]
			rt.Routes = rt.Routes[1:] // 10.2.0.0/16 → the TGW
		}, "NET-07"},
		"TGW route": {func(s *engine.Scenario) {
			g := tgwByID(t, s, tgwID)
			g.Routes = append(g.Routes[:1], g.Routes[2:]...) // 10.2.0.0/16 → B's attachment
		}, "NET-06"},
	} {
		s := importSample(t, tgwSample).Scenario
		c.cut(s)
		if ps := engine.Validate(s); len(ps) > 0 {
			t.Fatalf("%s: the variant is not valid: %v", name, ps)
		}
		w, err := engine.Compile(s)
		if err != nil {
			t.Fatal(err)
		}
		tr := w.Trace(req)
		if tr.Verdict != engine.VerdictUnreachable {
			t.Errorf("without the %s: %s, want unreachable\n%s", name, tr.Verdict, tr.Text())
			continue
		}
		if last := tr.Hops[len(tr.Hops)-1]; last.Rule != c.rule {
			t.Errorf("without the %s: settled by %s (%s), want %s", name, last.Rule, last.Detail, c.rule)
		}
	}
}
