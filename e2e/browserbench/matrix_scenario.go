package main

import (
	"encoding/json"
	"fmt"

	"privatelink-playground/engine"
)

// The generator of the engine's BenchmarkMatrix1000x20
// (engine/matrix_bench_test.go, which a _test file keeps from being
// imported), copied so the browser computes the matrix of the same
// scenario the engine benchmarks. Keep the two alike.

// matrixServices are the interface endpoint services of matrixScenario.
var matrixServices = []string{"sqs", "sns", "sts", "kms", "ec2", "ssm", "logs", "secretsmanager", "lambda", "monitoring"}

// matrixScenario generates vpcs VPCs (10.i.0.0/16) of four subnets holding
// perVPC instances between them. Subnets 0 and 1 route to the internet
// gateway (their instances have public addresses), 2 and 3 do not. Every
// second VPC has an S3 gateway endpoint on the private table (every fourth
// with an endpoint policy that allows bucket data-0 only), every third a
// DynamoDB one on both tables; VPC i has an interface endpoint to service
// k of matrixServices when (i+k)%3 != 0, and every fifth VPC one to the
// endpoint service of vpc-0 (private DNS api.partner.example). Targets:
// 12 AWS services, the endpoint service, 4 buckets and 3 tables.
func matrixScenario(vpcs, perVPC int) *engine.Scenario {
	const acct = "111122223333"
	s := &engine.Scenario{
		Version: 1, Region: "us-east-1", Accounts: []engine.Account{{ID: acct}},
		Quotas: &engine.Quotas{GatewayEndpointsPerRegion: new(2 * vpcs)},
	}
	for i := range vpcs {
		s.VPCs = append(s.VPCs, matrixVPC(i, perVPC))
	}
	s.LoadBalancers = []engine.LoadBalancer{{ID: "nlb-partner", Type: "network", VPC: "vpc-0", Subnets: []string{"subnet-0-0"}, Listeners: []engine.Listener{{Port: 443, Protocol: "TCP"}}, Targets: []engine.Target{{Instance: "i-0-0"}}}}
	s.EndpointServices = []engine.EndpointService{{ID: "vpce-svc-0partner", Account: acct, LoadBalancers: []string{"nlb-partner"}, PrivateDNSName: "api.partner.example"}}
	for k := range 4 {
		b := engine.DataStore{Name: fmt.Sprintf("data-%d", k), Account: acct}
		if k == 3 {
			b.Policy = json.RawMessage(`{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::data-3","arn:aws:s3:::data-3/*"],"Condition":{"Null":{"aws:SourceVpce":"true"}}}]}`)
		}
		s.Buckets = append(s.Buckets, b)
	}
	for _, name := range []string{"orders", "users", "events"} {
		s.Tables = append(s.Tables, engine.DataStore{Name: name, Account: acct})
	}
	return s
}

// matrixVPC is VPC i of matrixScenario.
func matrixVPC(i, perVPC int) engine.VPC {
	id := func(format string, a ...any) string { return fmt.Sprintf(format, append([]any{i}, a...)...) }
	v := engine.VPC{
		ID: id("vpc-%d"), Account: "111122223333", CIDRBlocks: []string{id("10.%d.0.0/16")},
		EnableDNSSupport: new(true), EnableDNSHostnames: new(true), InternetGateway: id("igw-%d"),
		SecurityGroups: []engine.SecurityGroup{{ID: id("sg-%d"), GroupName: "app", Ingress: []engine.SGRule{{IPProtocol: "-1", CIDRIP: "10.0.0.0/8"}}}},
		RouteTables: []engine.RouteTable{
			{ID: id("rtb-%d-pub"), Routes: []engine.Route{{DestinationCIDRBlock: "0.0.0.0/0", Target: id("igw-%d")}}},
			{ID: id("rtb-%d-priv"), Main: true, Routes: []engine.Route{}},
		},
	}
	for j := range 4 {
		rt := id("rtb-%d-priv")
		if j < 2 {
			rt = id("rtb-%d-pub")
		}
		v.Subnets = append(v.Subnets, engine.Subnet{ID: id("subnet-%d-%d", j), AvailabilityZone: fmt.Sprintf("us-east-1%c", 'a'+j), CIDRBlock: id("10.%d.%d.0/24", j), RouteTable: rt})
	}
	for n := range perVPC {
		j := n % 4
		in := engine.Instance{ID: id("i-%d-%d", n), Subnet: id("subnet-%d-%d", j), PrivateIPAddress: id("10.%d.%d.%d", j, 10+n), SecurityGroups: []string{id("sg-%d")}, Principal: "arn:aws:iam::111122223333:role/app"}
		if j < 2 {
			in.PublicIPAddress = fmt.Sprintf("54.%d.%d.%d", 80+i/200, i%200, 10+n)
		}
		v.Instances = append(v.Instances, in)
	}
	if i%2 == 0 {
		e := engine.VPCEndpoint{ID: id("vpce-s3-%d"), VPCEndpointType: engine.EndpointGateway, ServiceName: "com.amazonaws.us-east-1.s3", RouteTableIDs: []string{id("rtb-%d-priv")}}
		if i%4 == 0 {
			e.PolicyDocument = json.RawMessage(`{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::data-0","arn:aws:s3:::data-0/*"]}]}`)
		}
		v.Endpoints = append(v.Endpoints, e)
	}
	if i%3 == 0 {
		v.Endpoints = append(v.Endpoints, engine.VPCEndpoint{ID: id("vpce-ddb-%d"), VPCEndpointType: engine.EndpointGateway, ServiceName: "com.amazonaws.us-east-1.dynamodb", RouteTableIDs: []string{id("rtb-%d-pub"), id("rtb-%d-priv")}})
	}
	for k, svc := range matrixServices {
		if (i+k)%3 != 0 {
			v.Endpoints = append(v.Endpoints, engine.VPCEndpoint{ID: fmt.Sprintf("vpce-%s-%d", svc, i), VPCEndpointType: engine.EndpointInterface, ServiceName: "com.amazonaws.us-east-1." + svc, SubnetIDs: []string{id("subnet-%d-0"), id("subnet-%d-2")}, SecurityGroupIDs: []string{id("sg-%d")}})
		}
	}
	if i%5 == 1 {
		v.Endpoints = append(v.Endpoints, engine.VPCEndpoint{ID: id("vpce-partner-%d"), VPCEndpointType: engine.EndpointInterface, ServiceName: "com.amazonaws.vpce.us-east-1.vpce-svc-0partner", SubnetIDs: []string{id("subnet-%d-1")}, SecurityGroupIDs: []string{id("sg-%d")}})
	}
	return v
}
