package engine

import "testing"

func TestRule_IF10_EndpointHopsSayTheCharge(t *testing.T) {
	f := func(x float64) *float64 { return &x }
	cases := []struct {
		name   string
		build  func(*Scenario)
		req    TraceRequest
		prices *Prices
		want   string // text of the endpoint hop
		absent string // text no endpoint hop may hold
	}{
		{"interface endpoint, default price", func(s *Scenario) { withSQSEndpoint(s, true) }, sqsTrace("i-priv"), nil,
			"; data processing of $0.01 per GB applies (IF-10)", "free"},
		{"interface endpoint, scenario price", func(s *Scenario) { withSQSEndpoint(s, true) }, sqsTrace("i-priv"), &Prices{DataProcessedGB: f(0.02)},
			"data processing of $0.02 per GB applies (IF-10)", "$0.01"},
		{"gateway endpoint is free", func(s *Scenario) { withS3Gateway(s, "", "rtb-priv") }, TraceRequest{From: "i-priv", To: s3Name}, &Prices{DataProcessedGB: f(0.02)},
			"gateway endpoints are free", "data processing of"},
		{"Gateway Load Balancer endpoint, default price", func(s *Scenario) { withGWLB(s, []Target{{Instance: "i-appliance"}}) }, TraceRequest{From: "i-priv", To: sqsReq}, nil,
			"data processing of $0.0035 per GB applies (IF-10)", "free"},
		{"Gateway Load Balancer endpoint, scenario price", func(s *Scenario) { withGWLB(s, []Target{{Instance: "i-appliance"}}) }, TraceRequest{From: "i-priv", To: sqsReq},
			&Prices{GatewayLoadBalancerDataProcessedGB: f(0.005)}, "data processing of $0.005 per GB applies (IF-10)", "$0.0035"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := decodeBase(t)
			c.build(s)
			s.Prices = c.prices
			tr := trace(t, compileScenario(t, s), c.req)
			if tr.Verdict != VerdictAllowed {
				t.Fatalf("verdict %s\n%s", tr.Verdict, tr.Text())
			}
			if !hasHop(tr, HopEndpoint, c.want) {
				t.Errorf("no endpoint hop says %q\n%s", c.want, tr.Text())
			}
			if hasHop(tr, HopEndpoint, c.absent) {
				t.Errorf("an endpoint hop says %q\n%s", c.absent, tr.Text())
			}
		})
	}
	// No endpoint on the path: no hop mentions a charge.
	tr := trace(t, compileScenario(t, decodeBase(t)), TraceRequest{From: "i-pub", To: s3Name})
	if hasHop(tr, "", "IF-10") {
		t.Errorf("a path without endpoints mentions IF-10\n%s", tr.Text())
	}
}
