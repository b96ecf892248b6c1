package awsimport

import (
	"testing"

	"privatelink-playground/engine"
)

// sampleTrace is a request on an imported capture and the verdict the rules
// give it, with the rule of the hop that settles it.
type sampleTrace struct {
	why      string
	req      engine.TraceRequest
	verdict  string
	lastRule string
}

// Traces on the imported captures, with verdicts derived from the rules and
// the captured tables, groups and ACLs.
func TestSampleTraces(t *testing.T) {
	const (
		// public-private-subnet
		publicInst  = "i-094a9e5b545a4fde4" // 10.0.0.47, public 13.58.55.60, subnet → igw
		privateInst = "i-099cf38911942421c" // 10.0.1.204, main table 0.0.0.0/0 → vgw
		// nat-gateway
		natPublic  = "i-0b31b509174d7f5de" // 10.1.250.116, public IP, subnet → igw
		natPrivate = "i-0a128d26e59be60f3" // 10.1.1.98, subnet → nat
		natNoRoute = "i-0a73a1a6021c03ddb" // 10.1.20.173, main table: local only
		// vpc-peering: A 10.10.0.0/16 peers with B and C, both 192.168.0.0/16
		instA = "i-06ba034d88c84ef07" // 10.10.10.157
		instB = "i-0b14080af811fda3d" // 192.168.1.106
	)
	allowed, unreachable := engine.VerdictAllowed, engine.VerdictUnreachable
	cases := map[string][]sampleTrace{
		"public-private-subnet": {
			{"the public instance has a public IP and a route to the IGW (NET-04)", engine.TraceRequest{From: publicInst, To: "8.8.8.8", Port: 443}, allowed, "NET-04"},
			{"the private subnet's main table sends everything to the VGW, and the VPN site is only 19.168.0.0/16 (NET-06)", engine.TraceRequest{From: privateInst, To: "8.8.8.8", Port: 443}, unreachable, "NET-06"},
			{"the VPN site's CIDR, from its static route, is reached over the VGW", engine.TraceRequest{From: privateInst, To: "19.168.0.10", Port: 443}, allowed, ""},
			{"inside the VPC, SSH is open in launch-wizard-3 (NET-01, NET-02)", engine.TraceRequest{From: publicInst, To: "10.0.1.204", Port: 22}, allowed, ""},
			{"launch-wizard-3 opens only port 22 (NET-02)", engine.TraceRequest{From: publicInst, To: "10.0.1.204", Port: 443}, unreachable, "NET-02"},
		},
		"nat-gateway": {
			{"a private instance reaches the internet through the NAT gateway, itself routed to the IGW (NET-04)", engine.TraceRequest{From: natPrivate, To: "8.8.8.8", Port: 443}, allowed, "NET-04"},
			{"the public instance reaches the internet through the IGW with its public IP (NET-04)", engine.TraceRequest{From: natPublic, To: "8.8.8.8", Port: 443}, allowed, "NET-04"},
			{"subnet 20 has no explicit table: the main table has only the local route (NET-07)", engine.TraceRequest{From: natNoRoute, To: "8.8.8.8", Port: 443}, unreachable, "NET-07"},
			{"SSH to the public instance passes ACL rule 200 and the group's port 22 (NET-03, NET-02)", engine.TraceRequest{From: natPrivate, To: "10.1.250.116", Port: 22}, allowed, ""},
			{"the group opens only SSH and ICMP (NET-02)", engine.TraceRequest{From: natPrivate, To: "10.1.250.116", Port: 80}, unreachable, "NET-02"},
		},
		"vpc-peering": {
			{"A routes 192.168.1.0/24 to the A-B peering and B routes A back (NET-05)", engine.TraceRequest{From: instA, To: "192.168.1.106", Port: 22}, allowed, ""},
			{"A routes 192.168.2.0/24 to the A-C peering and C routes A back (NET-05)", engine.TraceRequest{From: instA, To: "192.168.2.229", Port: 22}, allowed, ""},
			{"B reaches A over their peering", engine.TraceRequest{From: instB, To: "10.10.10.157", Port: 22}, allowed, ""},
			{"B does not reach C: no peering joins them and A does not relay (NET-05); C's address is inside B's own CIDR, so B's local route takes it and nothing answers (NET-07)", engine.TraceRequest{From: instB, To: "192.168.2.229", Port: 22}, unreachable, "NET-07"},
			{"B's table has no route to the internet, and its blackhole IGW route was not mapped (NET-07)", engine.TraceRequest{From: instB, To: "8.8.8.8", Port: 443}, unreachable, "NET-07"},
			{"over the peering, B's group still opens only SSH (NET-02)", engine.TraceRequest{From: instA, To: "192.168.1.106", Port: 80}, unreachable, "NET-02"},
		},
	}
	for _, name := range samples {
		w, err := engine.Compile(importSample(t, name).Scenario)
		if err != nil {
			t.Fatalf("%s: Compile: %v", name, err)
		}
		for _, c := range cases[name] {
			tr := w.Trace(c.req)
			if tr.Verdict != c.verdict {
				t.Errorf("%s: %s → %s: %s, want %s (%s)", name, c.req.From, c.req.To, tr.Verdict, c.verdict, c.why)
				continue
			}
			if len(tr.Hops) == 0 {
				t.Errorf("%s: %s → %s: no hops", name, c.req.From, c.req.To)
				continue
			}
			if last := tr.Hops[len(tr.Hops)-1]; c.lastRule != "" && last.Rule != c.lastRule {
				t.Errorf("%s: %s → %s: settled by %s (%s), want %s (%s)", name, c.req.From, c.req.To, last.Rule, last.Detail, c.lastRule, c.why)
			}
		}
	}
}

// Peering is not transitive (NET-05): with B's CIDR moved out of C's way and
// a route in B to C through the A-B peering, B still does not reach C, as A
// does not forward traffic that arrived over one peering onto another.
func TestSamplePeeringNotTransitive(t *testing.T) {
	s := importSample(t, "vpc-peering").Scenario
	b := vpcByID(t, s, "vpc-00a31ce9d0c06675c")
	b.CIDRBlocks = []string{"192.168.1.0/24"} // its subnet's CIDR
	for i := range b.RouteTables {
		b.RouteTables[i].Routes = append(b.RouteTables[i].Routes, engine.Route{DestinationCIDRBlock: "192.168.2.0/24", Target: "pcx-0b89b559e3319d6cf"})
	}
	if ps := engine.Validate(s); len(ps) > 0 {
		t.Fatalf("the variant is not valid: %v", ps)
	}
	w, err := engine.Compile(s)
	if err != nil {
		t.Fatal(err)
	}
	tr := w.Trace(engine.TraceRequest{From: "i-0b14080af811fda3d", To: "192.168.2.229", Port: 22})
	if tr.Verdict != engine.VerdictUnreachable {
		t.Fatalf("B → C over two peerings: %s, want unreachable (NET-05)", tr.Verdict)
	}
	if last := tr.Hops[len(tr.Hops)-1]; last.Rule != "NET-05" {
		t.Errorf("settled by %s (%s), want NET-05", last.Rule, last.Detail)
	}
}
