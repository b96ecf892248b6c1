package engine

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// defScenario decodes a scenario for the Normalize tests.
func defScenario(t *testing.T, js string) *Scenario {
	t.Helper()
	s, err := Decode([]byte(js))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

const defMinimal = `{
  "version": 1,
  "accounts": [{"id": "111122223333"}],
  "vpcs": [
    {"id": "vpc-app", "account": "111122223333", "cidrBlocks": ["10.0.0.0/16"],
     "subnets": [{"id": "subnet-1", "availabilityZone": "us-east-1a", "cidrBlock": "10.0.1.0/24"},
                 {"id": "subnet-2", "availabilityZone": "us-east-1b", "cidrBlock": "10.0.2.0/24", "routeTable": "rtb-2", "networkAcl": "acl-own"}],
     "routeTables": [{"id": "rtb-1", "routes": []}, {"id": "rtb-2", "routes": []}],
     "networkAcls": [{"id": "acl-own", "entries": []}],
     "securityGroups": [{"id": "sg-web", "ingress": []}, {"id": "sg-closed", "ingress": [], "egress": []}],
     "endpoints": [
       {"id": "vpce-sqs", "vpcEndpointType": "Interface", "serviceName": "com.amazonaws.us-east-1.sqs", "subnetIds": ["subnet-1"]},
       {"id": "vpce-s3if", "vpcEndpointType": "Interface", "serviceName": "com.amazonaws.us-east-1.s3", "subnetIds": ["subnet-1"]},
       {"id": "vpce-ddb", "vpcEndpointType": "Gateway", "serviceName": "com.amazonaws.us-east-1.dynamodb", "routeTableIds": ["rtb-1"]}
     ]},
    {"id": "vpc-bare", "account": "111122223333", "region": "eu-west-1", "cidrBlocks": ["10.1.0.0/16"],
     "enableDnsSupport": false, "enableDnsHostnames": true,
     "securityGroups": [{"id": "sg-mine", "groupName": "default", "ingress": []}],
     "subnets": [{"id": "subnet-b", "availabilityZone": "eu-west-1a", "cidrBlock": "10.1.1.0/24"}],
     "endpoints": [
       {"id": "vpce-s3gw", "vpcEndpointType": "Gateway", "serviceName": "com.amazonaws.eu-west-1.s3"},
       {"id": "vpce-s3if-b", "vpcEndpointType": "Interface", "serviceName": "com.amazonaws.eu-west-1.s3", "subnetIds": ["subnet-b"], "account": "444455556666"}
     ]}
  ],
  "buckets": [{"name": "b1", "account": "111122223333"}, {"name": "b2", "account": "111122223333", "region": "us-west-2"}],
  "tables": [{"name": "t1", "account": "111122223333"}],
  "traces": [{"from": "i-1", "to": "2600::1"}, {"from": "i-1", "to": "sqs.us-east-1.amazonaws.com", "port": 80, "protocol": "udp", "ipVersion": 6}]
}`

func TestNormalizeFillsDefaults(t *testing.T) {
	n := Normalize(defScenario(t, defMinimal))
	check := func(what string, got, want any) {
		t.Helper()
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s = %#v, want %#v", what, got, want)
		}
	}
	check("region", n.Region, "us-east-1")
	a, b := &n.VPCs[0], &n.VPCs[1]
	check("vpc region", a.Region, "us-east-1")
	check("own vpc region", b.Region, "eu-west-1")
	check("dns support", *a.EnableDNSSupport, true)
	check("dns hostnames", *a.EnableDNSHostnames, false)
	check("given dns support", *b.EnableDNSSupport, false)
	check("given dns hostnames", *b.EnableDNSHostnames, true)

	// Security groups: a default group is added, omitted egress allows all.
	check("groups", len(a.SecurityGroups), 3)
	def := a.SecurityGroups[2]
	check("default group ID", def.ID, "sg-default-app")
	check("default group ID helper", DefaultSecurityGroupID("vpc-app"), "sg-default-app")
	check("default group name", def.GroupName, "default")
	check("default group ingress", def.Ingress, []SGRule{{IPProtocol: "-1", GroupID: "sg-default-app"}})
	allOut := []SGRule{{IPProtocol: "-1", CIDRIP: "0.0.0.0/0"}, {IPProtocol: "-1", CIDRIPv6: "::/0"}}
	check("default group egress", def.Egress, allOut)
	check("omitted egress", a.SecurityGroups[0].Egress, allOut)
	check("empty egress kept", a.SecurityGroups[1].Egress, []SGRule{})
	check("existing default group kept", len(b.SecurityGroups), 1)

	// Network ACLs: a default ACL is added and given to subnets without one.
	check("acls", len(a.NetworkACLs), 2)
	acl := a.NetworkACLs[1]
	check("default ACL ID", acl.ID, "acl-default-app")
	check("default ACL", acl.IsDefault, true)
	check("default ACL entries", len(acl.Entries), 4)
	for _, e := range acl.Entries {
		if e.RuleAction != "allow" || e.IPProtocol != "-1" || (e.CIDRBlock != "0.0.0.0/0" && e.CIDRBlock != "::/0") {
			t.Errorf("default ACL entry %+v", e)
		}
	}
	check("subnet ACL", a.Subnets[0].NetworkACL, "acl-default-app")
	check("given subnet ACL", a.Subnets[1].NetworkACL, "acl-own")

	// Route tables: the first table becomes main; a VPC without tables gets one.
	check("first table main", a.RouteTables[0].Main, true)
	check("second table not main", a.RouteTables[1].Main, false)
	check("subnet table", a.Subnets[0].RouteTable, "rtb-1")
	check("given subnet table", a.Subnets[1].RouteTable, "rtb-2")
	check("created main table", b.RouteTables, []RouteTable{{ID: "rtb-main-bare", Main: true, Routes: []Route{}}})
	check("subnet of bare VPC", b.Subnets[0].RouteTable, "rtb-main-bare")
	check("bare VPC ACL", b.Subnets[0].NetworkACL, "acl-default-bare")

	// Endpoints.
	sqs, s3if, ddb := a.Endpoints[0], a.Endpoints[1], a.Endpoints[2]
	check("endpoint account", sqs.Account, "111122223333")
	check("given endpoint account", b.Endpoints[1].Account, "444455556666")
	check("interface private DNS", *sqs.PrivateDNSEnabled, true)
	check("interface IP type", sqs.IPAddressType, "ipv4")
	check("interface groups", sqs.SecurityGroupIDs, []string{"sg-default-app"})
	check("gateway IP type", ddb.IPAddressType, "ipv4")
	check("gateway private DNS", ddb.PrivateDNSEnabled, (*bool)(nil))
	check("gateway groups", ddb.SecurityGroupIDs, []string(nil))
	check("sqs inbound only", sqs.PrivateDNSOnlyForInboundResolverEndpoint, (*bool)(nil))
	check("s3 inbound only without gateway", *s3if.PrivateDNSOnlyForInboundResolverEndpoint, false)
	check("s3 inbound only with gateway", *b.Endpoints[1].PrivateDNSOnlyForInboundResolverEndpoint, true)
	check("interface groups of bare VPC", b.Endpoints[1].SecurityGroupIDs, []string{"sg-mine"})

	// Stores, quotas, timing and traces.
	check("bucket region", n.Buckets[0].Region, "us-east-1")
	check("given bucket region", n.Buckets[1].Region, "us-west-2")
	check("table region", n.Tables[0].Region, "us-east-1")
	check("quota per Region", *n.Quotas.GatewayEndpointsPerRegion, 20)
	check("quota per VPC", *n.Quotas.GatewayEndpointsPerVPC, 255)
	check("pending", *n.Timing.PendingSeconds, 60)
	check("expiry", *n.Timing.AcceptanceExpirySeconds, 604800)
	check("trace 0", n.Traces[0], TraceRequest{From: "i-1", To: "2600::1", Port: 443, Protocol: "tcp", IPVersion: 6})
	check("trace 1", n.Traces[1], TraceRequest{From: "i-1", To: "sqs.us-east-1.amazonaws.com", Port: 80, Protocol: "udp", IPVersion: 6})
}

func TestNormalizeDoesNotMutate(t *testing.T) {
	inputs := []*Scenario{defScenario(t, defMinimal)}
	data, err := os.ReadFile(filepath.Join("testdata", "valid-full.json"))
	if err != nil {
		t.Fatal(err)
	}
	inputs = append(inputs, defScenario(t, string(data)))
	for _, s := range inputs {
		before, _ := json.Marshal(s)
		n := Normalize(s)
		after, _ := json.Marshal(s)
		if string(before) != string(after) {
			t.Error("Normalize changed its input")
		}
		// The copy shares nothing: changing it leaves the input alone.
		n.VPCs[0].Subnets[0].ID = "changed"
		n.VPCs[0].CIDRBlocks[0] = "changed"
		if n.VPCs[0].Endpoints[0].PolicyDocument != nil {
			n.VPCs[0].Endpoints[0].PolicyDocument[0] = 'X'
		}
		if n.VPCs[0].Endpoints[0].PrivateDNSEnabled != nil {
			*n.VPCs[0].Endpoints[0].PrivateDNSEnabled = !*n.VPCs[0].Endpoints[0].PrivateDNSEnabled
		}
		after, _ = json.Marshal(s)
		if string(before) != string(after) {
			t.Error("Normalize's result shares memory with its input")
		}
	}
}

// TestNormalizeKeepsExamplesValid: a normalized valid scenario is still
// valid, and normalizing twice changes nothing more.
func TestNormalizeKeepsExamplesValid(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "shared", "examples", "*.json"))
	files = append(files, filepath.Join("testdata", "valid-full.json"))
	for _, f := range files {
		if strings.HasSuffix(f, ".actions.json") {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		n := Normalize(defScenario(t, string(data)))
		if ps := Validate(n); len(ps) > 0 {
			t.Errorf("%s normalized: %v", f, ps)
		}
		once, _ := json.Marshal(n)
		twice, _ := json.Marshal(Normalize(n))
		if string(once) != string(twice) {
			t.Errorf("%s: Normalize is not idempotent", f)
		}
	}
}

func TestNormalizeTolerant(t *testing.T) {
	if Normalize(nil) != nil {
		t.Error("Normalize(nil) != nil")
	}
	weird := &Scenario{VPCs: []VPC{{}, {ID: "x", Endpoints: []VPCEndpoint{{}, {VPCEndpointType: "Interface", ServiceName: "com.amazonaws..s3"}}}},
		Traces: []TraceRequest{{}}}
	n := Normalize(weird)
	if n.VPCs[0].SecurityGroups[0].ID != "sg-default-" || n.Traces[0].Port != 443 {
		t.Errorf("weird scenario normalized to %+v", n)
	}
}

func TestTraceRequestWithDefaults(t *testing.T) {
	cases := []struct{ in, want TraceRequest }{
		{TraceRequest{To: "x.example"}, TraceRequest{To: "x.example", Port: 443, Protocol: "tcp", IPVersion: 4}},
		{TraceRequest{To: "10.0.0.1"}, TraceRequest{To: "10.0.0.1", Port: 443, Protocol: "tcp", IPVersion: 4}},
		{TraceRequest{To: "fd00::1"}, TraceRequest{To: "fd00::1", Port: 443, Protocol: "tcp", IPVersion: 6}},
		{TraceRequest{To: "fd00::1", IPVersion: 4, Port: 53, Protocol: "udp"}, TraceRequest{To: "fd00::1", Port: 53, Protocol: "udp", IPVersion: 4}},
	}
	for _, c := range cases {
		if got := c.in.WithDefaults(); got != c.want {
			t.Errorf("%+v.WithDefaults() = %+v, want %+v", c.in, got, c.want)
		}
	}
}
