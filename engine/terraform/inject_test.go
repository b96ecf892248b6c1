package terraform

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"privatelink-playground/engine"
)

// nasty tries to end a string, start a block, interpolate, run a template
// directive, end a heredoc and break a comment.
const nasty = "evil\" }\nresource \"aws_iam_user\" \"pwn\" { name = \"x\n" +
	"${file(\"/etc/passwd\")} %{ if true }x%{ endif } $${ $$${ \\ \\\" \r\n" +
	"# \u2028 \x00 EOT\nEOT\n*/ <<EOT"

// injectionScenario puts nasty wherever a user string reaches the HCL.
func injectionScenario() *engine.Scenario {
	pol, _ := json.Marshal(map[string]any{
		"Version": "2012-10-17",
		"EOT":     nasty,
		"Statement": []any{map[string]any{
			"Effect": "Deny", "Principal": "*", "Action": nasty, "Resource": "*",
			"Condition": map[string]any{"StringNotEquals": map[string]any{"aws:sourceVpce": "vpce-1"}},
		}},
	})
	return &engine.Scenario{
		Version: 1, Title: nasty, Description: nasty + "\n\n" + nasty,
		VPCs: []engine.VPC{{
			ID: nasty, Account: "111122223333", CIDRBlocks: []string{"10.0.0.0/16"},
			Subnets:        []engine.Subnet{{ID: "subnet-1", AvailabilityZone: nasty, CIDRBlock: "10.0.1.0/24"}},
			RouteTables:    []engine.RouteTable{{ID: "rtb-1", Routes: []engine.Route{{DestinationCIDRBlock: "0.0.0.0/0", Target: nasty}}}},
			SecurityGroups: []engine.SecurityGroup{{ID: "sg-1", GroupName: nasty, Ingress: []engine.SGRule{{IPProtocol: "tcp", CIDRIP: nasty}}}},
			Instances:      []engine.Instance{{ID: "i-1", Subnet: "subnet-1", PrivateIPAddress: "10.0.1.5", SecurityGroups: []string{"sg-1"}, Principal: nasty}},
			Endpoints: []engine.VPCEndpoint{{
				ID: "vpce-1", VPCEndpointType: "Interface", ServiceName: nasty, SubnetIDs: []string{"subnet-1"},
				Tags: map[string]string{nasty: nasty}, PolicyDocument: pol,
			}},
		}},
		HostedZones: []engine.HostedZone{{ID: "Z1", Name: nasty, Records: []engine.Record{{Name: nasty, Type: "A", Values: []string{nasty}}}}},
		Networks:    []engine.OnPremNetwork{{ID: nasty, Name: nasty, CIDRBlocks: []string{nasty}, Connection: engine.Connection{Type: "vpn", VPC: nasty}}},
		Buckets:     []engine.DataStore{{Name: nasty, Account: "111122223333", Policy: pol}},
	}
}

// TestExportInjection checks that hostile strings come back from the parsed
// HCL exactly as they went in, and add no block of their own.
func TestExportInjection(t *testing.T) {
	s := injectionScenario()
	out, err := Export(s)
	if err != nil {
		t.Fatal(err)
	}
	tf := parse(t, out)
	tf.checkReferences(t)
	if len(tf.resources["aws_iam_user"]) > 0 {
		t.Fatalf("an injected block was parsed:\n%s", out)
	}
	header, _, ok := strings.Cut(string(out), "\nterraform {")
	if !ok {
		t.Fatalf("no terraform block:\n%s", out)
	}
	for _, line := range strings.Split(strings.TrimSpace(header), "\n") {
		if !strings.HasPrefix(line, "#") {
			t.Errorf("header line %q is not a comment", line)
		}
	}

	vpc := tf.tagged(t, nasty, "aws_vpc")
	if vpc == nil {
		t.Fatal("VPC lost")
	}
	sub := tf.tagged(t, "subnet-1", "aws_subnet")
	wantLiteral(t, "subnet", sub.Body, "availability_zone", nasty)
	wantLiteral(t, "security group", tf.tagged(t, "sg-1", "aws_security_group").Body, "name", nasty)
	rt := tf.tagged(t, "rtb-1", "aws_route_table")
	wantLiteral(t, "route", rt.Body.Blocks[0].Body, "gateway_id", nasty)
	ep := tf.tagged(t, "vpce-1", "aws_vpc_endpoint")
	wantLiteral(t, "endpoint", ep.Body, "service_name", nasty)
	tags, _ := ep.Body.Attributes["tags"].Expr.Value(nil)
	if got := tags.GetAttr(nasty); got.AsString() != nasty {
		t.Errorf("endpoint tag = %q", got.AsString())
	}
	bucket := tf.resources["aws_s3_bucket"]
	if len(bucket) != 1 {
		t.Fatalf("buckets: %v", bucket)
	}
	for _, b := range bucket {
		wantLiteral(t, "bucket", b.Body, "bucket", nasty)
	}
	zone := tf.resources["aws_route53_zone"]["z1"]
	wantLiteral(t, "zone", zone.Body, "name", nasty)
	for _, rec := range tf.resources["aws_route53_record"] {
		wantLiteral(t, "record", rec.Body, "name", nasty)
		v, _ := rec.Body.Attributes["records"].Expr.Value(nil)
		if v.LengthInt() != 1 || v.Index(cty.NumberIntVal(0)).AsString() != nasty {
			t.Errorf("records = %#v", v)
		}
	}

	// The endpoint policy is written as it is; the bucket policy names the
	// endpoint Terraform creates.
	checkPolicy(t, ep.Body, nil, s.VPCs[0].Endpoints[0].PolicyDocument)
	for _, p := range tf.resources["aws_s3_bucket_policy"] {
		ctx := &hcl.EvalContext{Variables: map[string]cty.Value{
			"aws_vpc_endpoint": cty.ObjectVal(map[string]cty.Value{
				"vpce_1": cty.ObjectVal(map[string]cty.Value{"id": cty.StringVal("vpce-0real")}),
			}),
		}}
		want := strings.ReplaceAll(string(s.Buckets[0].Policy), `"vpce-1"`, `"vpce-0real"`)
		checkPolicy(t, p.Body, ctx, []byte(want))
	}
}

// checkPolicy evaluates a policy argument and compares it, as JSON, with want.
func checkPolicy(t *testing.T, b *hclsyntax.Body, ctx *hcl.EvalContext, want []byte) {
	t.Helper()
	v, diags := b.Attributes["policy"].Expr.Value(ctx)
	if diags.HasErrors() {
		t.Fatalf("policy: %s", diags.Error())
	}
	var got, exp any
	if err := json.Unmarshal([]byte(v.AsString()), &got); err != nil {
		t.Fatalf("policy is not JSON: %v\n%s", err, v.AsString())
	}
	if err := json.Unmarshal(want, &exp); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, exp) {
		t.Errorf("policy = %s\nwant %s", v.AsString(), want)
	}
}

// TestPolicyFallback checks that a policy that is not JSON is written as a
// quoted string, unchanged.
func TestPolicyFallback(t *testing.T) {
	for _, raw := range []string{"not json ${x} %{y}\nEOT\n", "{\"a\": \"\xff\"}"} {
		out, err := Export(&engine.Scenario{Version: 1, Buckets: []engine.DataStore{{Name: "b", Policy: []byte(raw)}}})
		if err != nil {
			t.Fatal(err)
		}
		tf := parse(t, out)
		p := tf.resources["aws_s3_bucket_policy"]["b"]
		if p == nil {
			t.Fatalf("no policy:\n%s", out)
		}
		want := strings.ToValidUTF8(raw, "\uFFFD")
		wantLiteral(t, "policy", p.Body, "policy", want)
	}
}

func TestIdentifier(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"vpc-0a1b2c3d", "vpc_0a1b2c3d"},
		{"Z0PUBLIC", "z0public"},
		{"0abc", "r_0abc"},
		{"", "r"},
		{"---", "r"},
		{"a..b", "a_b"},
		{"é${x}", "x"},
		{strings.Repeat("a", 100), strings.Repeat("a", maxIdentifier)},
	} {
		if got := identifier(c.in); got != c.want {
			t.Errorf("identifier(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	n := newNames()
	a, b, c := n.declare(kindVPC, "vpc-1", "aws_vpc"), n.declare(kindVPC, "vpc_1", "aws_vpc"), n.declare(kindSubnet, "vpc-1", "aws_subnet")
	if a.name != "vpc_1" || b.name != "vpc_1_2" || c.name != "vpc_1" {
		t.Errorf("names: %v %v %v", a, b, c)
	}
	if r, _ := n.lookup(kindVPC, "vpc_1"); r != b {
		t.Errorf("lookup vpc_1 = %v", r)
	}
}
