package terraform

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2/hclsyntax"

	"privatelink-playground/engine"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestExportScenarios exports every example and lesson scenario, parses the
// HCL back, and checks that the VPCs, subnets, route tables, security
// groups, instances and endpoints are there with their key attributes, and
// that every reference names a declared resource.
func TestExportScenarios(t *testing.T) {
	for _, path := range scenarioFiles(t) {
		t.Run(testName(path), func(t *testing.T) {
			s := load(t, path)
			out, err := Export(s)
			if err != nil {
				t.Fatal(err)
			}
			tf := parse(t, out)
			tf.checkReferences(t)
			checkScenario(t, s, tf)
		})
	}
}

// checkScenario checks the resources of each VPC of s in tf.
func checkScenario(t *testing.T, s *engine.Scenario, tf *tfFile) {
	for i := range s.VPCs {
		v := &s.VPCs[i]
		vb := tf.tagged(t, v.ID, "aws_vpc")
		if vb == nil {
			continue
		}
		wantLiteral(t, v.ID, vb.Body, "cidr_block", v.CIDRBlocks[0])
		wantBool(t, v.ID, vb.Body, "enable_dns_support", v.DNSSupport())
		wantBool(t, v.ID, vb.Body, "enable_dns_hostnames", v.DNSHostnames())
		inVPC := func(where string, b *hclsyntax.Block) {
			t.Helper()
			if b != nil && tf.target(t, where, b.Body, "vpc_id") != vb {
				t.Errorf("%s: vpc_id is not %s", where, v.ID)
			}
		}
		for _, sn := range v.Subnets {
			b := tf.tagged(t, sn.ID, "aws_subnet")
			inVPC(sn.ID, b)
			if b != nil {
				wantLiteral(t, sn.ID, b.Body, "cidr_block", sn.CIDRBlock)
				wantLiteral(t, sn.ID, b.Body, "availability_zone", sn.AvailabilityZone)
			}
		}
		for _, rt := range v.RouteTables {
			b := tf.tagged(t, rt.ID, "aws_route_table")
			inVPC(rt.ID, b)
			if b != nil && blocks(b.Body, "route") != len(rt.Routes) {
				t.Errorf("%s: %d routes, want %d", rt.ID, blocks(b.Body, "route"), len(rt.Routes))
			}
		}
		for _, g := range v.SecurityGroups {
			b := tf.tagged(t, g.ID, "aws_security_group", "aws_default_security_group")
			inVPC(g.ID, b)
			if b == nil {
				continue
			}
			n := blocks(b.Body, "ingress")
			for _, r := range tf.resources["aws_vpc_security_group_ingress_rule"] {
				if tf.target(t, g.ID, r.Body, "security_group_id") == b {
					n++
				}
			}
			if n != len(g.Ingress) {
				t.Errorf("%s: %d ingress rules, want %d", g.ID, n, len(g.Ingress))
			}
		}
		for _, in := range v.Instances {
			b := tf.tagged(t, in.ID, "aws_instance")
			if b == nil {
				continue
			}
			wantLiteral(t, in.ID, b.Body, "private_ip", in.PrivateIPAddress)
			if sb := tf.target(t, in.ID, b.Body, "subnet_id"); sb == nil || sb != tf.byTag["aws_subnet"][in.Subnet] {
				t.Errorf("%s: subnet_id is not %s", in.ID, in.Subnet)
			}
			if got := len(tf.targets(t, in.ID, b.Body, "vpc_security_group_ids")); got != len(in.SecurityGroups) {
				t.Errorf("%s: %d security groups, want %d", in.ID, got, len(in.SecurityGroups))
			}
		}
		for _, e := range v.Endpoints {
			tag := e.ID
			if n, ok := e.Tags["Name"]; ok {
				tag = n // the scenario's own Name tag wins
			}
			b := tf.tagged(t, tag, "aws_vpc_endpoint")
			inVPC(e.ID, b)
			if b == nil {
				continue
			}
			wantLiteral(t, e.ID, b.Body, "vpc_endpoint_type", e.VPCEndpointType)
			checkServiceName(t, tf, e, b.Body)
			for _, attr := range []struct {
				name string
				ids  []string
				typ  string
			}{
				{"route_table_ids", e.RouteTableIDs, "aws_route_table"},
				{"subnet_ids", e.SubnetIDs, "aws_subnet"},
			} {
				if len(attr.ids) == 0 {
					continue
				}
				got := tf.targets(t, e.ID, b.Body, attr.name)
				for j, id := range attr.ids {
					if j >= len(got) || got[j] != tf.byTag[attr.typ][id] {
						t.Errorf("%s: %s[%d] is not %s", e.ID, attr.name, j, id)
					}
				}
			}
		}
	}
}

// checkServiceName checks an endpoint's service_name: the literal name, or
// a reference to the endpoint service whose name it is.
func checkServiceName(t *testing.T, tf *tfFile, e engine.VPCEndpoint, b *hclsyntax.Body) {
	t.Helper()
	if got, ok := literal(b, "service_name"); ok {
		if got != e.ServiceName {
			t.Errorf("%s: service_name %q, want %q", e.ID, got, e.ServiceName)
		}
		return
	}
	svc := tf.target(t, e.ID, b, "service_name")
	if svc == nil || svc.Labels[0] != "aws_vpc_endpoint_service" {
		t.Errorf("%s: service_name is neither a literal nor an endpoint service", e.ID)
		return
	}
	if id, _ := nameTag(svc); !strings.HasSuffix(e.ServiceName, "."+id) {
		t.Errorf("%s: service_name refers to %s, want the service of %s", e.ID, id, e.ServiceName)
	}
}

// TestExportGolden compares the default example's export with
// testdata/s3-gateway-endpoint.tf (go test ./engine/terraform -run Golden -update).
func TestExportGolden(t *testing.T) {
	s := load(t, filepath.Join("..", "testdata", "examples", "s3-gateway-endpoint.json"))
	got, err := Export(s)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("testdata", "s3-gateway-endpoint.tf")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./engine/terraform -run Golden -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("export differs from %s (run with -update and review the diff):\n%s", path, got)
	}
}

// TestExportDeterministic exports each scenario twice.
func TestExportDeterministic(t *testing.T) {
	for _, path := range scenarioFiles(t) {
		s := load(t, path)
		a, err1 := Export(s)
		b, err2 := Export(s)
		if err1 != nil || err2 != nil || !bytes.Equal(a, b) {
			t.Errorf("%s: two exports differ (%v, %v)", path, err1, err2)
		}
	}
}

// testName is a scenario file's folder and base name.
func testName(path string) string {
	return filepath.Base(filepath.Dir(path)) + "/" + strings.TrimSuffix(filepath.Base(path), ".json")
}

func TestExportNil(t *testing.T) {
	if out, err := Export(nil); err == nil || out != nil {
		t.Errorf("Export(nil) = %q, %v; want an error", out, err)
	}
}

// TestExportNotes checks that what has no resource is written as comments
// at the top: on-premises networks and hosts, the clock, states, and
// references to IDs the scenario lacks.
func TestExportNotes(t *testing.T) {
	s := load(t, filepath.Join("..", "lessons", "data", "onprem-inbound-resolver.json"))
	s.Clock = 120
	s.VPCs[0].Endpoints[1].State = "Pending"
	s.VPCs[0].Endpoints[1].StateSince = 100
	s.VPCs[0].Instances[0].SecurityGroups = append(s.VPCs[0].Instances[0].SecurityGroups, "sg-missing")
	out, err := Export(s)
	if err != nil {
		t.Fatal(err)
	}
	header, _, _ := strings.Cut(string(out), "terraform {")
	for _, want := range []string{
		"on-premises network onprem-hq (Head office), 192.168.0.0/16",
		"on-premises host host-0laptop 192.168.10.15",
		"on-premises DNS server 192.168.0.2 in onprem-hq forwards amazonaws.com",
		"the simulated clock stands at second 120",
		"vpce-0sqs is Pending since second 100",
		`security-group "sg-missing" is not in the scenario`,
	} {
		if !strings.Contains(strings.Join(strings.Fields(strings.ReplaceAll(header, "#", "")), " "), want) {
			t.Errorf("header lacks %q:\n%s", want, header)
		}
	}
	for _, line := range strings.Split(strings.TrimSpace(header), "\n") {
		if !strings.HasPrefix(line, "#") {
			t.Errorf("header line %q is not a comment", line)
		}
	}
	tf := parse(t, out)
	in := tf.tagged(t, "i-0batch", "aws_instance")
	if v, ok := in.Body.Attributes["vpc_security_group_ids"].Expr.(*hclsyntax.TupleConsExpr); !ok || len(v.Exprs) != 2 {
		t.Fatalf("vpc_security_group_ids: %#v", in.Body.Attributes["vpc_security_group_ids"].Expr)
	}
}
