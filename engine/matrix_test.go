package engine

import (
	"reflect"
	"testing"
)

// matrixSmall is one VPC with three instances and a provider VPC:
//   - i-gw and i-deny in subnet-gw, whose table rtb-gw is associated with
//     the S3 gateway endpoint vpce-s3; its endpoint policy allows role/app
//     (i-gw's principal) only, not role/other (i-deny's);
//   - i-none in subnet-none, whose table has no route but the local one;
//   - the SQS interface endpoint vpce-sqs in subnet-gw with private DNS,
//     its group open to the VPC on 443;
//   - vpce-partner, an interface endpoint to the provider's endpoint
//     service vpce-svc-0partner (no private DNS name) behind nlb-partner,
//     listening on 8443 with target i-api;
//   - bucket reports and table orders, neither with a policy; no DynamoDB
//     endpoint and no internet gateway;
//   - an on-premises host, listed after the instances.
const matrixSmall = `{
 "version": 1, "region": "us-east-1",
 "accounts": [{"id": "111122223333"}, {"id": "444455556666"}],
 "vpcs": [{
  "id": "vpc-a", "account": "111122223333", "cidrBlocks": ["10.0.0.0/16"],
  "enableDnsSupport": true, "enableDnsHostnames": true, "virtualPrivateGateway": "vgw-a",
  "subnets": [
   {"id": "subnet-gw", "availabilityZone": "us-east-1a", "cidrBlock": "10.0.1.0/24", "routeTable": "rtb-gw"},
   {"id": "subnet-none", "availabilityZone": "us-east-1b", "cidrBlock": "10.0.2.0/24", "routeTable": "rtb-none"}
  ],
  "routeTables": [
   {"id": "rtb-gw", "routes": []},
   {"id": "rtb-none", "main": true, "routes": []}
  ],
  "securityGroups": [
   {"id": "sg-app", "groupName": "app", "ingress": []},
   {"id": "sg-ep", "groupName": "ep", "ingress": [{"ipProtocol": "tcp", "fromPort": 443, "toPort": 443, "cidrIp": "10.0.0.0/16"}, {"ipProtocol": "tcp", "fromPort": 8443, "toPort": 8443, "cidrIp": "10.0.0.0/16"}]}
  ],
  "instances": [
   {"id": "i-gw", "subnet": "subnet-gw", "privateIpAddress": "10.0.1.10", "securityGroups": ["sg-app"], "principal": "arn:aws:iam::111122223333:role/app"},
   {"id": "i-deny", "subnet": "subnet-gw", "privateIpAddress": "10.0.1.11", "securityGroups": ["sg-app"], "principal": "arn:aws:iam::111122223333:role/other"},
   {"id": "i-none", "subnet": "subnet-none", "privateIpAddress": "10.0.2.10", "securityGroups": ["sg-app"], "principal": "arn:aws:iam::111122223333:role/app"}
  ],
  "endpoints": [
   {"id": "vpce-s3", "vpcEndpointType": "Gateway", "serviceName": "com.amazonaws.us-east-1.s3", "routeTableIds": ["rtb-gw"],
    "policyDocument": {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:*", "Resource": "*",
     "Condition": {"StringEquals": {"aws:PrincipalArn": "arn:aws:iam::111122223333:role/app"}}}]}},
   {"id": "vpce-sqs", "vpcEndpointType": "Interface", "serviceName": "com.amazonaws.us-east-1.sqs", "subnetIds": ["subnet-gw"], "securityGroupIds": ["sg-ep"]},
   {"id": "vpce-partner", "vpcEndpointType": "Interface", "serviceName": "com.amazonaws.vpce.us-east-1.vpce-svc-0partner", "subnetIds": ["subnet-gw"], "securityGroupIds": ["sg-ep"]}
  ]
 }, {
  "id": "vpc-provider", "account": "444455556666", "cidrBlocks": ["10.9.0.0/16"],
  "subnets": [{"id": "subnet-prov", "availabilityZone": "us-east-1a", "cidrBlock": "10.9.0.0/24"}],
  "routeTables": [{"id": "rtb-prov", "main": true, "routes": []}],
  "securityGroups": [{"id": "sg-api", "groupName": "api", "ingress": [{"ipProtocol": "tcp", "fromPort": 8443, "toPort": 8443, "cidrIp": "10.9.0.0/16"}]}],
  "instances": [{"id": "i-api", "subnet": "subnet-prov", "privateIpAddress": "10.9.0.10", "securityGroups": ["sg-api"]}]
 }],
 "loadBalancers": [{"id": "nlb-partner", "type": "network", "vpc": "vpc-provider", "subnets": ["subnet-prov"], "listeners": [{"port": 8443, "protocol": "TCP"}], "targets": [{"instance": "i-api"}]}],
 "endpointServices": [{"id": "vpce-svc-0partner", "account": "444455556666", "loadBalancers": ["nlb-partner"]}],
 "networks": [{"id": "net-office", "cidrBlocks": ["192.168.0.0/16"], "connection": {"type": "vpn", "vpc": "vpc-a"}, "hosts": [{"id": "host-1", "ipAddress": "192.168.1.10"}]}],
 "buckets": [{"name": "reports", "account": "111122223333"}],
 "tables": [{"name": "orders", "account": "111122223333"}]
}`

// TestMatrixByHand checks each cell of the small matrix against the
// verdict derived from the rules.
func TestMatrixByHand(t *testing.T) {
	w := compileData(t, []byte(matrixSmall))
	m := w.Matrix()
	if want := []string{"i-gw", "i-deny", "i-none", "i-api", "host-1"}; !reflect.DeepEqual(m.Sources, want) {
		t.Fatalf("sources %v, want %v", m.Sources, want)
	}
	partnerName := w.EndpointDNSNames("vpce-partner")[0]
	wantTargets := []MatrixTarget{
		{Name: "com.amazonaws.us-east-1.s3", Kind: TargetAWSService, To: "s3.us-east-1.amazonaws.com", Port: 443},
		{Name: "com.amazonaws.us-east-1.sqs", Kind: TargetAWSService, To: "sqs.us-east-1.amazonaws.com", Port: 443},
		{Name: "vpce-svc-0partner via vpce-partner", Kind: TargetEndpointService, To: partnerName, Port: 8443},
		{Name: "reports", Kind: TargetBucket, To: "reports.s3.us-east-1.amazonaws.com", Port: 443, Action: "s3:GetObject", Resource: "arn:aws:s3:::reports/*"},
		{Name: "orders", Kind: TargetTable, To: "dynamodb.us-east-1.amazonaws.com", Port: 443, Action: "dynamodb:GetItem", Resource: "arn:aws:dynamodb:us-east-1:111122223333:table/orders"},
	}
	if !reflect.DeepEqual(m.Targets, wantTargets) {
		t.Fatalf("targets\n%+v\nwant\n%+v", m.Targets, wantTargets)
	}
	allowed := func(rule, via string) MatrixCell { return MatrixCell{VerdictAllowed, rule, via} }
	// GW-15: a table without a gateway endpoint route and without a NAT
	// device has no route to S3 or DynamoDB.
	noRoute := MatrixCell{VerdictUnreachable, "GW-15", ""}
	// Private DNS makes the SQS endpoint the answer in the whole VPC, and
	// the local route reaches it from any subnet (IF-01, DNS-02); the
	// service receives a request without action (POL-03). The endpoint
	// service is reached by the endpoint's own name (DNS-03), then its
	// load balancer's target (SVC-01).
	sqs := allowed("POL-03", "vpce-sqs")
	partner := allowed("SVC-01", "vpce-partner")
	want := map[string][]MatrixCell{
		// rtb-gw sends S3 to vpce-s3 (GW-02); the endpoint policy allows
		// role/app, no other policy refuses (POL-01).
		"i-gw": {allowed("POL-03", "vpce-s3"), sqs, partner, allowed("POL-01", "vpce-s3"), noRoute},
		// Same path, but the endpoint policy does not allow role/other
		// (IF-05); a request naming no action is not evaluated.
		"i-deny": {allowed("POL-03", "vpce-s3"), sqs, partner, {VerdictDenied, "IF-05", "vpce-s3"}, noRoute},
		// rtb-none has no gateway endpoint route.
		"i-none": {noRoute, sqs, partner, noRoute, noRoute},
	}
	for i, from := range m.Sources {
		row := m.Cells[i]
		if len(row) != len(m.Targets) {
			t.Fatalf("%s: %d cells for %d targets", from, len(row), len(m.Targets))
		}
		for j, got := range row {
			tr := trace(t, w, m.Targets[j].Request(from))
			if tr.Verdict != got.Verdict || lastHop(tr).Rule != got.Rule {
				t.Errorf("%s → %s: cell %+v, trace %s %s", from, m.Targets[j].Name, got, tr.Verdict, lastHop(tr).Rule)
			}
			if cells, ok := want[from]; ok && got != cells[j] {
				t.Errorf("%s → %s: got %+v, want %+v\n%s", from, m.Targets[j].Name, got, cells[j], tr.Text())
			}
		}
	}
}

// TestMatrixDeterministic compiles the same scenario twice and builds each
// matrix twice: every result is the same.
func TestMatrixDeterministic(t *testing.T) {
	s := matrixScenario(6, 8)
	first := compileScenario(t, s).Matrix()
	for range 3 {
		if got := compileScenario(t, s).Matrix(); !reflect.DeepEqual(got, first) {
			t.Fatal("two matrices of one scenario differ")
		}
	}
	w := compileData(t, []byte(matrixSmall))
	if !reflect.DeepEqual(w.Matrix(), w.Matrix()) {
		t.Fatal("two matrices of one world differ")
	}
}

// TestMatrixEdges covers worlds with nothing to trace.
func TestMatrixEdges(t *testing.T) {
	var nilWorld *World
	if m := nilWorld.Matrix(); len(m.Sources) != 0 || len(m.Targets) != 0 || len(m.Cells) != 0 {
		t.Errorf("nil world: %+v", m)
	}
	// The base scenario has instances but no endpoint, bucket or table.
	m := compileScenario(t, decodeBase(t)).Matrix()
	if len(m.Sources) != 3 || len(m.Targets) != 0 || len(m.Cells) != 3 || len(m.Cells[0]) != 0 {
		t.Errorf("base: %+v", m)
	}
	for _, name := range exampleNames {
		w := compileData(t, exampleData(t, name))
		m := w.Matrix()
		for i := range m.Sources {
			for j, c := range m.Cells[i] {
				if c.Verdict == "" {
					t.Errorf("%s: empty cell %s → %s", name, m.Sources[i], m.Targets[j].Name)
				}
			}
		}
	}
}

// TestMatrixEndpointServicePrivateDNS calls an endpoint service with a
// private DNS name by that name, once, however many endpoints reach it.
func TestMatrixEndpointServicePrivateDNS(t *testing.T) {
	w := compileData(t, exampleData(t, "endpoint-service-acceptance"))
	var got []MatrixTarget
	for _, tg := range w.Matrix().Targets {
		if tg.Kind == TargetEndpointService {
			got = append(got, tg)
		}
	}
	if len(got) != 1 || got[0].To != "api.partner.example" || got[0].Name != "vpce-svc-0partner" {
		t.Errorf("endpoint service targets %+v", got)
	}
}

// FuzzMatrix builds the matrix of arbitrary valid documents: nothing may
// panic, the matrix has one cell per source and target, and each cell
// holds a verdict of the trace it sums up.
func FuzzMatrix(f *testing.F) {
	for _, name := range exampleNames {
		f.Add(exampleData(f, name))
	}
	f.Add([]byte(matrixSmall))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, ps := Load(data)
		if s == nil || len(ps) > 0 {
			return
		}
		w, err := Compile(s)
		if err != nil {
			return
		}
		m := w.Matrix()
		if len(m.Cells) != len(m.Sources) {
			t.Fatalf("%d rows for %d sources", len(m.Cells), len(m.Sources))
		}
		for i, row := range m.Cells {
			if len(row) != len(m.Targets) {
				t.Fatalf("row %d: %d cells for %d targets", i, len(row), len(m.Targets))
			}
			for j, c := range row {
				if tr := w.Trace(m.Targets[j].Request(m.Sources[i])); tr.Verdict != c.Verdict {
					t.Fatalf("%s → %s: cell %s, trace %s", m.Sources[i], m.Targets[j].To, c.Verdict, tr.Verdict)
				}
			}
		}
	})
}

func TestMatrixRowByRowEqualsTheWholeMatrix(t *testing.T) {
	w := compileData(t, []byte(matrixSmall))
	whole := w.Matrix()
	plan := w.MatrixPlan()
	for i := len(plan.Sources) - 1; i >= 0; i-- {
		w.TraceMatrixRow(&plan, i)
	}
	w.TraceMatrixRow(&plan, len(plan.Sources)) // out of range: nothing
	w.TraceMatrixRow(&plan, -1)
	if !reflect.DeepEqual(whole, plan) {
		t.Errorf("row by row:\n%+v\nwhole:\n%+v", plan, whole)
	}
}

// TestMatrixCellsAgreeWithTraces: the matrix traces without the hops'
// sentences; each cell must be what the full trace gives.
func TestMatrixCellsAgreeWithTraces(t *testing.T) {
	for name, w := range map[string]*World{
		"small":  compileData(t, []byte(matrixSmall)),
		"10 × 4": compileScenario(t, matrixScenario(10, 4)),
	} {
		m := w.Matrix()
		for i, src := range m.Sources {
			for j, tg := range m.Targets {
				full := w.Trace(tg.Request(src))
				if want := cellOf(full); !reflect.DeepEqual(m.Cells[i][j], want) {
					t.Errorf("%s: %s → %s: cell %+v, the full trace gives %+v", name, src, tg.Name, m.Cells[i][j], want)
				}
				if len(full.Hops) > 0 && full.Hops[0].Detail == "" {
					t.Errorf("%s: %s → %s: a full trace lost its sentences", name, src, tg.Name)
				}
			}
		}
	}
}
