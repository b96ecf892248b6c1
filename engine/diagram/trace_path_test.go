package diagram

import (
	"strconv"
	"strings"
	"testing"

	"privatelink-playground/engine"
)

// allowedTrace is the default lesson's first saved trace, written by hand.
func allowedTrace() engine.Trace {
	return engine.Trace{
		Verdict: engine.VerdictAllowed,
		Request: engine.TraceRequest{From: "i-private", To: "app-reports.s3.us-east-1.amazonaws.com", Port: 443},
		Hops: []engine.Hop{
			{Kind: engine.HopDNS, At: "vpc-0a1b2c3d", Decision: "resolved", Rule: "DNS-02", Detail: "→ 52.216.4.17"},
			{Kind: engine.HopSecurityGroup, At: "sg-app", Decision: "allowed", Rule: "NET-02"},
			{Kind: engine.HopRoute, At: "rtb-private", Decision: "matched", Rule: "GW-02", Detail: "pl-63a5400a → vpce-1a2b3c4d"},
			{Kind: engine.HopEndpoint, At: "vpce-1a2b3c4d", Decision: "forwarded", Rule: "GW-03"},
			{Kind: engine.HopEndpointPolicy, At: "vpce-1a2b3c4d", Decision: "allowed", Rule: "POL-01"},
			{Kind: engine.HopResourcePolicy, At: "app-reports", Decision: "allowed", Rule: "POL-03"},
		},
	}
}

func TestTracePathGolden(t *testing.T) {
	s := loadScenario(t, "testdata/s3-gateway-endpoint.json")
	dot := TracePath(s, allowedTrace())
	checkDOT(t, dot)
	golden(t, "trace-allowed.dot", dot)

	denied := engine.Trace{Verdict: engine.VerdictDenied, Hops: []engine.Hop{
		{Kind: engine.HopRoute, At: "rtb-public", Decision: "matched", Rule: "NET-01"},
		{Kind: engine.HopGateway, At: "igw-01", Decision: "forwarded"},
		{Kind: engine.HopResourcePolicy, At: "app-reports", Decision: "explicitDeny", Rule: "POL-03"},
	}}
	dot = TracePath(s, denied)
	checkDOT(t, dot)
	golden(t, "trace-denied.dot", dot)
}

func TestTracePathNodes(t *testing.T) {
	dot := TracePath(nil, allowedTrace())
	for i := range 6 {
		want := "\th" + strconv.Itoa(i) + ` [id="hop-` + strconv.Itoa(i) + `"`
		if !strings.Contains(dot, want) {
			t.Errorf("missing %q", want)
		}
	}
	for _, want := range []string{
		`label="① dns\nvpc-0a1b2c3d\nresolved · DNS-02"`,
		`class="hop hop-ok"`,
		"h0 -> h1 [];", "h5 -> verdict [];",
		`verdict [id="verdict", class="verdict verdict-allowed", label="✔ allowed"`,
	} {
		if !strings.Contains(dot, want) {
			t.Errorf("trace diagram lacks %s:\n%s", want, dot)
		}
	}
}

func TestTracePathVerdicts(t *testing.T) {
	for _, tc := range []struct{ verdict, want string }{
		{engine.VerdictAllowed, `label="✔ allowed"`},
		{engine.VerdictDenied, `label="✖ denied"`},
		{engine.VerdictUnreachable, `label="⊘ unreachable"`},
		{engine.VerdictUnresolved, `label="? unresolved"`},
		{"", `label="? no verdict"`},
		{`x"y`, `label="? x\"y"`},
	} {
		dot := TracePath(nil, engine.Trace{Verdict: tc.verdict})
		checkDOT(t, dot)
		if !strings.Contains(dot, tc.want) {
			t.Errorf("verdict %q: want %s in\n%s", tc.verdict, tc.want, dot)
		}
		if strings.Contains(dot, "->") {
			t.Errorf("verdict %q: a trace without hops has no edges", tc.verdict)
		}
	}
}

func TestHopClass(t *testing.T) {
	for _, tc := range []struct{ decision, want string }{
		{"allowed", hopOK}, {"forwarded", hopOK}, {"matched", hopOK}, {"resolved", hopOK},
		{"denied", hopDenied}, {"explicitDeny", hopDenied}, {"implicitDeny", hopDenied}, {"rejected", hopDenied},
		{"unreachable", hopStopped}, {"no-route", hopStopped}, {"nxdomain", hopStopped}, {"not-associated", hopStopped},
		{"something-else", hopInfo}, {"", hopInfo},
	} {
		if got := hopClass(tc.decision); got != tc.want {
			t.Errorf("hopClass(%q) = %q, want %q", tc.decision, got, tc.want)
		}
	}
}

func TestTracePathManyHops(t *testing.T) {
	var tr engine.Trace
	for range 25 {
		tr.Hops = append(tr.Hops, engine.Hop{Kind: "route", At: "rtb", Decision: "matched"})
	}
	dot := TracePath(nil, tr)
	checkDOT(t, dot)
	for _, want := range []string{`label="⑳ route`, `label="21. route`, `id="hop-24"`} {
		if !strings.Contains(dot, want) {
			t.Errorf("lacks %s", want)
		}
	}
}

func TestTracePathPlaceNames(t *testing.T) {
	s := &engine.Scenario{Networks: []engine.OnPremNetwork{{ID: "onprem-hq", Name: "Head office"}}}
	dot := TracePath(s, engine.Trace{Hops: []engine.Hop{{Kind: "vpn", At: "onprem-hq", Decision: "forwarded"}}})
	if !strings.Contains(dot, `Head office (onprem-hq)`) {
		t.Errorf("network name missing:\n%s", dot)
	}
}
