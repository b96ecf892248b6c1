package engine

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// exampleNames are the shared examples with their saved traces.
var exampleNames = []string{
	"s3-gateway-endpoint",
	"interface-endpoint-private-dns",
	"onprem-s3-inbound-resolver",
	"endpoint-service-acceptance",
}

// exampleData reads a shared example, from the shared folder when the
// repository sits beside it, else from the copy in testdata/examples.
func exampleData(t testing.TB, name string) []byte {
	t.Helper()
	for _, dir := range []string{filepath.Join("..", "..", "shared", "examples"), filepath.Join("testdata", "examples")} {
		if data, err := os.ReadFile(filepath.Join(dir, name+".json")); err == nil {
			return data
		}
	}
	t.Fatalf("example %s not found", name)
	return nil
}

// compileData decodes, validates and compiles a scenario document.
func compileData(t testing.TB, data []byte) *World {
	t.Helper()
	s, ps := Load(data)
	if len(ps) > 0 {
		t.Fatalf("load: %v", ps)
	}
	w, err := Compile(s)
	if err != nil {
		t.Fatalf("compile: %v", err)
	}
	return w
}

// decodeBase decodes the small base scenario tests start from.
func decodeBase(t testing.TB) *Scenario {
	t.Helper()
	s, err := Decode([]byte(baseScenario))
	if err != nil {
		t.Fatalf("decode base: %v", err)
	}
	return s
}

// compileScenario compiles a scenario built in a test.
func compileScenario(t testing.TB, s *Scenario) *World {
	t.Helper()
	w, err := Compile(s)
	if err != nil {
		t.Fatalf("compile: %v", err)
	}
	return w
}

// trace runs one request and checks the trace's invariants.
func trace(t testing.TB, w *World, req TraceRequest) Trace {
	t.Helper()
	tr := w.Trace(req)
	if err := tr.Validate(); err != nil {
		t.Fatalf("invalid trace: %v\n%s", err, tr.Text())
	}
	return tr
}

// expect checks a trace's verdict and that some hop carries a rule with a
// decision.
func expect(t testing.TB, tr Trace, verdict, rule, decision string) {
	t.Helper()
	if tr.Verdict != verdict {
		t.Errorf("verdict %s, want %s\n%s", tr.Verdict, verdict, tr.Text())
		return
	}
	if rule == "" {
		return
	}
	for _, h := range tr.Hops {
		if h.Rule == rule && (decision == "" || h.Decision == decision) {
			return
		}
	}
	t.Errorf("no hop with rule %s decision %q\n%s", rule, decision, tr.Text())
}

// lastHop returns the hop that settled a trace.
func lastHop(tr Trace) Hop { return tr.Hops[len(tr.Hops)-1] }

// hasHop reports whether some hop's detail contains text.
func hasHop(tr Trace, kind, text string) bool {
	for _, h := range tr.Hops {
		if (kind == "" || h.Kind == kind) && strings.Contains(h.Detail, text) {
			return true
		}
	}
	return false
}

func boolp(b bool) *bool { return &b }
func intp(n int) *int    { return &n }

// vpc returns the base scenario's VPC.
func vpc(s *Scenario, id string) *VPC {
	for i := range s.VPCs {
		if s.VPCs[i].ID == id {
			return &s.VPCs[i]
		}
	}
	return nil
}

// table returns a route table of a VPC.
func table(v *VPC, id string) *RouteTable {
	for i := range v.RouteTables {
		if v.RouteTables[i].ID == id {
			return &v.RouteTables[i]
		}
	}
	return nil
}

// baseScenario is one VPC with a public subnet (i-pub, with a public IP), a
// private subnet (i-priv) and a second private subnet in another AZ
// (i-priv2), both DNS attributes on.
const baseScenario = `{
 "version": 1, "region": "us-east-1",
 "accounts": [{"id": "111122223333"}, {"id": "444455556666"}],
 "vpcs": [{
  "id": "vpc-a", "account": "111122223333",
  "cidrBlocks": ["10.0.0.0/16"], "ipv6CidrBlocks": ["2600:1f18:aaaa::/56"],
  "enableDnsSupport": true, "enableDnsHostnames": true, "internetGateway": "igw-a",
  "subnets": [
   {"id": "subnet-pub", "availabilityZone": "us-east-1a", "cidrBlock": "10.0.0.0/24", "ipv6CidrBlock": "2600:1f18:aaaa::/64", "routeTable": "rtb-pub"},
   {"id": "subnet-priv", "availabilityZone": "us-east-1a", "cidrBlock": "10.0.1.0/24", "ipv6CidrBlock": "2600:1f18:aaaa:1::/64", "routeTable": "rtb-priv"},
   {"id": "subnet-priv2", "availabilityZone": "us-east-1b", "cidrBlock": "10.0.2.0/24", "routeTable": "rtb-priv"}
  ],
  "routeTables": [
   {"id": "rtb-pub", "routes": [{"destinationCidrBlock": "0.0.0.0/0", "target": "igw-a"}, {"destinationIpv6CidrBlock": "::/0", "target": "igw-a"}]},
   {"id": "rtb-priv", "main": true, "routes": []}
  ],
  "securityGroups": [
   {"id": "sg-app", "groupName": "app", "ingress": [{"ipProtocol": "-1", "cidrIp": "10.0.0.0/8"}]},
   {"id": "sg-ep", "groupName": "ep", "ingress": [{"ipProtocol": "tcp", "fromPort": 443, "toPort": 443, "cidrIp": "10.0.0.0/8"}, {"ipProtocol": "tcp", "fromPort": 443, "toPort": 443, "cidrIp": "192.168.0.0/16"}]}
  ],
  "instances": [
   {"id": "i-pub", "subnet": "subnet-pub", "privateIpAddress": "10.0.0.10", "publicIpAddress": "54.80.10.10", "ipv6Address": "2600:1f18:aaaa::10", "securityGroups": ["sg-app"], "principal": "arn:aws:iam::111122223333:role/app"},
   {"id": "i-priv", "subnet": "subnet-priv", "privateIpAddress": "10.0.1.10", "ipv6Address": "2600:1f18:aaaa:1::10", "securityGroups": ["sg-app"], "principal": "arn:aws:iam::111122223333:role/app"},
   {"id": "i-priv2", "subnet": "subnet-priv2", "privateIpAddress": "10.0.2.10", "securityGroups": ["sg-app"], "principal": "arn:aws:iam::111122223333:role/app"}
  ]
 }]
}`
