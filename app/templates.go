package app

import (
	"fmt"

	"privatelink-playground/engine"
)

// template describes how to add one kind of resource: where it goes (a
// collection of the document, under a parent of some kind or at the top),
// its ID prefix and its starting JSON.
type template struct {
	kind       string
	title      string
	parentKind string // "" for the top level
	collection string // JSON name of the collection under the parent
	prefix     string
	body       func(id string, parent *Resource) map[string]any
}

// templates lists what the Add menu can create, in menu order.
var templates = []template{
	{"vpc", "VPC", "", "vpcs", "vpc-", func(id string, _ *Resource) map[string]any {
		return map[string]any{"id": id, "account": "", "cidrBlocks": []any{"10.9.0.0/16"},
			"enableDnsSupport": true, "enableDnsHostnames": true,
			"routeTables": []any{map[string]any{"id": "rtb-" + id[4:], "main": true, "routes": []any{}}}}
	}},
	{"subnet", "Subnet", "vpc", "subnets", "subnet-", func(id string, _ *Resource) map[string]any {
		return map[string]any{"id": id, "availabilityZone": "us-east-1a", "cidrBlock": ""}
	}},
	{"route-table", "Route table", "vpc", "routeTables", "rtb-", func(id string, _ *Resource) map[string]any {
		return map[string]any{"id": id, "routes": []any{}}
	}},
	{"instance", "Instance", "vpc", "instances", "i-", func(id string, _ *Resource) map[string]any {
		return map[string]any{"id": id, "subnet": "", "privateIpAddress": "", "securityGroups": []any{}}
	}},
	{"security-group", "Security group", "vpc", "securityGroups", "sg-", func(id string, _ *Resource) map[string]any {
		return map[string]any{"id": id, "groupName": id, "ingress": []any{}}
	}},
	{"network-acl", "Network ACL", "vpc", "networkAcls", "acl-", func(id string, _ *Resource) map[string]any {
		return map[string]any{"id": id, "entries": []any{}}
	}},
	{"nat-gateway", "NAT gateway", "vpc", "natGateways", "nat-", func(id string, _ *Resource) map[string]any {
		return map[string]any{"id": id, "subnet": ""}
	}},
	{"gateway-endpoint", "Gateway endpoint (S3)", "vpc", "endpoints", "vpce-", func(id string, _ *Resource) map[string]any {
		return map[string]any{"id": id, "vpcEndpointType": "Gateway", "serviceName": "com.amazonaws.us-east-1.s3", "routeTableIds": []any{}}
	}},
	{"interface-endpoint", "Interface endpoint (SQS)", "vpc", "endpoints", "vpce-", func(id string, _ *Resource) map[string]any {
		return map[string]any{"id": id, "vpcEndpointType": "Interface", "serviceName": "com.amazonaws.us-east-1.sqs", "subnetIds": []any{}}
	}},
	{"gwlb-endpoint", "Gateway Load Balancer endpoint", "vpc", "endpoints", "vpce-", func(id string, _ *Resource) map[string]any {
		return map[string]any{"id": id, "vpcEndpointType": "GatewayLoadBalancer", "serviceName": "", "subnetIds": []any{}}
	}},
	{"load-balancer", "Load balancer", "", "loadBalancers", "lb-", func(id string, _ *Resource) map[string]any {
		return map[string]any{"id": id, "type": "network", "vpc": "", "subnets": []any{},
			"listeners": []any{map[string]any{"port": 443, "protocol": "TCP"}}}
	}},
	{"endpoint-service", "Endpoint service", "", "endpointServices", "vpce-svc-", func(id string, _ *Resource) map[string]any {
		return map[string]any{"id": id, "account": "", "loadBalancers": []any{}, "acceptanceRequired": true}
	}},
	{"hosted-zone", "Private hosted zone", "", "hostedZones", "Z", func(id string, _ *Resource) map[string]any {
		return map[string]any{"id": id, "name": "example.internal", "private": true, "vpcs": []any{}, "records": []any{}}
	}},
	{"resolver-endpoint", "Resolver endpoint", "", "resolverEndpoints", "rslvr-", func(id string, _ *Resource) map[string]any {
		return map[string]any{"id": id, "direction": "INBOUND", "vpc": "", "subnets": []any{}}
	}},
	{"resolver-rule", "Resolver rule", "", "resolverRules", "rslvr-rr-", func(id string, _ *Resource) map[string]any {
		return map[string]any{"id": id, "domainName": "corp.example", "ruleType": "FORWARD", "targetIps": []any{}, "resolverEndpoint": "", "vpcs": []any{}}
	}},
	{"network", "On-premises network", "", "networks", "onprem-", func(id string, _ *Resource) map[string]any {
		return map[string]any{"id": id, "cidrBlocks": []any{"192.168.0.0/16"}, "connection": map[string]any{"type": "vpn", "vpc": ""}, "hosts": []any{}}
	}},
	{"host", "On-premises host", "network", "hosts", "host-", func(id string, _ *Resource) map[string]any {
		return map[string]any{"id": id, "ipAddress": ""}
	}},
	{"peering", "VPC peering", "", "peerings", "pcx-", func(id string, _ *Resource) map[string]any {
		return map[string]any{"id": id, "requesterVpc": "", "accepterVpc": ""}
	}},
	{"transit-gateway", "Transit gateway", "", "transitGateways", "tgw-", func(id string, _ *Resource) map[string]any {
		return map[string]any{"id": id, "attachments": []any{}, "routes": []any{}}
	}},
	{"bucket", "S3 bucket", "", "buckets", "bucket-", func(id string, _ *Resource) map[string]any {
		return map[string]any{"name": id, "account": ""}
	}},
	{"table", "DynamoDB table", "", "tables", "table-", func(id string, _ *Resource) map[string]any {
		return map[string]any{"name": id, "account": ""}
	}},
}

// freshID returns the first ID of the form prefix+"new"+N not in use.
func freshID(sc *engine.Scenario, prefix string) string {
	used := map[string]bool{}
	for _, r := range Resources(sc) {
		used[r.ID] = true
	}
	for n := 1; ; n++ {
		id := fmt.Sprintf("%snew%d", prefix, n)
		if !used[id] {
			return id
		}
	}
}

// defaultAccount is the first account of the scenario, for new resources.
func defaultAccount(sc *engine.Scenario) string {
	if len(sc.Accounts) > 0 {
		return sc.Accounts[0].ID
	}
	return ""
}
