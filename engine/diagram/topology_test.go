package diagram

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"privatelink-playground/engine"
)

// examples are the shared example scenarios with golden diagrams.
var examples = []string{
	"s3-gateway-endpoint",
	"interface-endpoint-private-dns",
	"onprem-s3-inbound-resolver",
	"endpoint-service-acceptance",
}

func TestTopologyGolden(t *testing.T) {
	for _, name := range examples {
		t.Run(name, func(t *testing.T) {
			s := example(t, name+".json")
			dot := Topology(s)
			checkDOT(t, dot)
			golden(t, name+".dot", dot)
		})
	}
}

func TestTopologyDefaultLesson(t *testing.T) {
	s := loadScenario(t, filepath.Join("testdata", "s3-gateway-endpoint.json"))
	dot := Topology(s)
	for _, want := range []string{
		`id="r-vpc-0a1b2c3d", class="cl cl-vpc"`,
		`id="r-subnet-public", class="cl cl-subnet subnet-public"`,
		`id="r-subnet-private", class="cl cl-subnet subnet-private"`,
		`id="r-vpce-1a2b3c4d", class="res res-endpoint-gateway", label="vpce-1a2b3c4d\nGateway endpoint · S3"`,
		`id="r-i-private", class="res res-instance", label="i-private`,
		`id="r-i-public", class="res res-instance", label="i-public`,
		`id="r-igw-01"`,
		`label="pl-63a5400a (S3)"`,
		`id="r-com_2eamazonaws_2eus-east-1_2es3", class="res res-service", label="S3\nus-east-1"`,
		`id="r-app-reports", class="res res-bucket"`,
	} {
		if !strings.Contains(dot, want) {
			t.Errorf("topology lacks %s", want)
		}
	}
	// Both subnets sit in one Availability Zone cluster inside the VPC.
	if n := strings.Count(dot, `class="cl cl-az"`); n != 1 {
		t.Errorf("%d AZ clusters, want 1", n)
	}
	if !strings.Contains(dot, "subgraph cluster_") || !strings.HasPrefix(dot, "digraph topology {\n") {
		t.Errorf("not a topology digraph with clusters:\n%s", dot)
	}
}

func TestTopologyDeterministic(t *testing.T) {
	for _, name := range examples {
		s := example(t, name+".json")
		first := Topology(s)
		for range 20 {
			if got := Topology(s); got != first {
				t.Fatalf("%s: two runs differ", name)
			}
		}
	}
	// Maps in the scenario (ipAddresses, tags) must not change the order.
	s := &engine.Scenario{VPCs: []engine.VPC{{
		ID: "vpc-1", Subnets: []engine.Subnet{{ID: "subnet-a", AvailabilityZone: "b"}, {ID: "subnet-b", AvailabilityZone: "a"}},
		Endpoints: []engine.VPCEndpoint{{
			ID: "vpce-1", VPCEndpointType: engine.EndpointInterface, ServiceName: "com.amazonaws.us-east-1.sqs",
			SubnetIDs:   []string{"subnet-a", "subnet-b"},
			IPAddresses: map[string]string{"subnet-a": "10.0.0.5", "subnet-b": "10.0.1.5", "x": "1", "y": "2", "z": "3"},
			Tags:        map[string]string{"a": "1", "b": "2", "c": "3"},
		}},
	}}}
	first := Topology(s)
	for range 50 {
		if got := Topology(s); got != first {
			t.Fatal("two runs differ")
		}
	}
	// Availability Zones are sorted.
	if a, b := strings.Index(first, `label="a\l"`), strings.Index(first, `label="b\l"`); a < 0 || b < 0 || a > b {
		t.Errorf("AZ clusters not sorted:\n%s", first)
	}
}

func TestTopologyEmpty(t *testing.T) {
	for _, s := range []*engine.Scenario{nil, {}} {
		dot := Topology(s)
		checkDOT(t, dot)
	}
}

// TestTopologyAdversarial feeds hostile IDs and names everywhere user text
// reaches the diagram: the DOT must stay one graph with only our
// attributes, and the hostile text may appear only escaped inside labels.
func TestTopologyAdversarial(t *testing.T) {
	evil := []string{
		`"`, `\`, `\"`, `"\`, `a\`, `<script>alert(1)</script>`,
		`x"]; node [URL="javascript:alert(1)"]; n0 -> n1 [label="`,
		"line1\nline2\r\n}\n digraph x {", `}`, `{`, `]; }`, `--`, `->`,
		"\\N \\G \\E \\L \\l \\r", `<<b>html</b>>`, `&lt;img src=x onerror=alert(1)&gt;`,
		"tab\there", "nul\x00byte", "bidi \u202egnp.exe", "zero\u200bwidth", "sep\u2028line",
		"invalid \xff\xfe utf8", "日本語のサブネット", "emoji 🚀", strings.Repeat("long", 100),
		`href="x"`, `fontname="/etc/passwd"`, `stylesheet="http://evil/"`, `image="/etc/passwd"`,
	}
	for i, e := range evil {
		s := hostile(e)
		dot := Topology(s)
		checkDOT(t, dot)
		if strings.Contains(dot, "\x00") || strings.Contains(dot, "\r") || strings.Contains(dot, "\u202e") {
			t.Errorf("case %d: raw hostile text in DOT", i)
		}
		tr := engine.Trace{Verdict: e, Hops: []engine.Hop{{Kind: e, At: e, Decision: e, Rule: e, Detail: e}}}
		checkDOT(t, TracePath(s, tr))
	}
}

// hostile returns a scenario with every user-visible field set to e.
func hostile(e string) *engine.Scenario {
	return &engine.Scenario{
		Title: e, Description: e, Region: e,
		Accounts: []engine.Account{{ID: e, Name: e}},
		VPCs: []engine.VPC{{
			ID: e, Account: e, CIDRBlocks: []string{e}, IPv6CIDRBlocks: []string{e},
			InternetGateway: e, VirtualPrivateGateway: e + "vgw",
			Subnets: []engine.Subnet{{ID: e, AvailabilityZone: e, CIDRBlock: e, IPv6CIDRBlock: e, RouteTable: e}},
			RouteTables: []engine.RouteTable{{ID: e, Main: true, EdgeAssociations: []string{e},
				Routes: []engine.Route{{DestinationCIDRBlock: e, Target: e}, {DestinationPrefixListID: e, Target: e + "x"}}}},
			NATGateways: []engine.NATGateway{{ID: e, Subnet: e}},
			Instances:   []engine.Instance{{ID: e, Subnet: e, PrivateIPAddress: e, PublicIPAddress: e, IPv6Address: e}},
			Endpoints: []engine.VPCEndpoint{
				{ID: e, VPCEndpointType: engine.EndpointGateway, ServiceName: "com.amazonaws." + e + ".s3", RouteTableIDs: []string{e}},
				{ID: e + "i", VPCEndpointType: e, ServiceName: e, SubnetIDs: []string{e, e + "y"},
					IPAddresses: map[string]string{e: e}, State: e},
				{ID: e + "g", VPCEndpointType: engine.EndpointGatewayLoadBalancer, ServiceName: "com.amazonaws.vpce." + e + "." + e, SubnetIDs: []string{e}},
			},
		}},
		LoadBalancers: []engine.LoadBalancer{{ID: e, Type: e, VPC: e, Subnets: []string{e},
			Listeners: []engine.Listener{{Port: 1, Protocol: e}}, Targets: []engine.Target{{Instance: e, Port: 2}}}},
		EndpointServices:  []engine.EndpointService{{ID: e, Account: e, LoadBalancers: []string{e, e + "z"}, PrivateDNSName: e, State: e}},
		HostedZones:       []engine.HostedZone{{ID: e, Name: e, Private: true, VPCs: []string{e}, Records: []engine.Record{{Name: e, Type: "A", AliasTarget: e}}}},
		ResolverEndpoints: []engine.ResolverEndpoint{{ID: e, Direction: e, VPC: e, Subnets: []string{e}, IPAddresses: []string{e}}},
		ResolverRules:     []engine.ResolverRule{{ID: e, DomainName: e, RuleType: e, TargetIPs: []string{e}, ResolverEndpoint: e}},
		Networks: []engine.OnPremNetwork{{ID: e, Name: e, CIDRBlocks: []string{e},
			Connection: engine.Connection{Type: e, VPC: e},
			DNSServers: []engine.DNSServer{{IP: e, Forwarders: []engine.Forwarder{{DomainName: e, TargetIPs: []string{e}}}}},
			Hosts:      []engine.Host{{ID: e, IPAddress: e}}}},
		Peerings: []engine.Peering{{ID: e, RequesterVPC: e, AccepterVPC: e + "q"}},
		TransitGateways: []engine.TransitGateway{{ID: e,
			Attachments: []engine.TGWAttachment{{ID: e, VPC: e}, {ID: e, Network: e}},
			Routes:      []engine.TGWRoute{{DestinationCIDRBlock: e, Attachment: e}}}},
		Buckets: []engine.DataStore{{Name: e, Account: e, Region: e}},
		Tables:  []engine.DataStore{{Name: e, Account: e}},
	}
}

func TestTopologyDuplicateIDs(t *testing.T) {
	s := &engine.Scenario{VPCs: []engine.VPC{{ID: "x", Subnets: []engine.Subnet{{ID: "x", AvailabilityZone: "a"}},
		Instances: []engine.Instance{{ID: "x", Subnet: "x"}, {ID: "x", Subnet: "x"}}}}}
	dot := Topology(s)
	checkDOT(t, dot)
	for _, want := range []string{`id="r-x"`, `id="r-x--2"`, `id="r-x--3"`, `id="r-x--4"`} {
		if strings.Count(dot, want) != 1 {
			t.Errorf("want exactly one %s in\n%s", want, dot)
		}
	}
}

func TestExampleCopiesMatchShared(t *testing.T) {
	for _, name := range examples {
		shared, err := os.ReadFile(filepath.Join(examplesDir, name+".json"))
		if err != nil {
			t.Skip("shared examples not available")
		}
		local, err := os.ReadFile(filepath.Join("testdata", name+".json"))
		if err != nil {
			t.Fatal(err)
		}
		if string(shared) != string(local) {
			t.Errorf("testdata/%s.json differs from the shared example: copy it again", name)
		}
	}
}
