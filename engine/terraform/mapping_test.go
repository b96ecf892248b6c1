package terraform

import (
	"testing"

	"privatelink-playground/engine"
)

// mappingScenario has what the examples lack: security groups that refer to
// each other, a VPC in another Region and account, a cross-account peering,
// a transit gateway with an on-premises attachment, a NAT gateway, a
// default security group and network ACL, and a Resolver rule.
func mappingScenario() *engine.Scenario {
	port := func(n int) *int { return &n }
	return &engine.Scenario{
		Version: 1, Region: "us-east-1",
		Accounts: []engine.Account{{ID: "111122223333"}, {ID: "444455556666", Name: "other"}},
		VPCs: []engine.VPC{{
			ID: "vpc-a", Account: "111122223333", CIDRBlocks: []string{"10.0.0.0/16", "10.1.0.0/16"},
			InternetGateway: "igw-a",
			Subnets:         []engine.Subnet{{ID: "subnet-a", AvailabilityZone: "us-east-1a", CIDRBlock: "10.0.1.0/24"}},
			RouteTables: []engine.RouteTable{{ID: "rtb-a", Routes: []engine.Route{
				{DestinationCIDRBlock: "0.0.0.0/0", Target: "nat-a"},
				{DestinationCIDRBlock: "10.9.0.0/16", Target: "pcx-ab"},
				{DestinationCIDRBlock: "192.168.0.0/16", Target: "tgw-1"},
				{DestinationPrefixListID: "pl-63a5400a", Target: "igw-a"},
			}}},
			NATGateways: []engine.NATGateway{{ID: "nat-a", Subnet: "subnet-a"}},
			SecurityGroups: []engine.SecurityGroup{
				{ID: "sg-default-a", GroupName: "default", Ingress: []engine.SGRule{{IPProtocol: "-1", GroupID: "sg-default-a"}}},
				{ID: "sg-web", GroupName: "web", Ingress: []engine.SGRule{{IPProtocol: "tcp", FromPort: port(443), ToPort: port(443), GroupID: "sg-app"}}},
				{ID: "sg-app", GroupName: "app", Ingress: []engine.SGRule{{IPProtocol: "tcp", FromPort: port(8080), ToPort: port(8080), GroupID: "sg-web"}}, Egress: []engine.SGRule{}},
			},
			NetworkACLs: []engine.NetworkACL{{ID: "acl-a", IsDefault: true, Entries: []engine.ACLEntry{
				{RuleNumber: 100, IPProtocol: "-1", CIDRBlock: "0.0.0.0/0", RuleAction: "allow"},
				{RuleNumber: 100, Egress: true, IPProtocol: "icmp", CIDRBlock: "::/0", RuleAction: "deny"},
			}}},
		}, {
			ID: "vpc-b", Account: "444455556666", Region: "eu-west-1", CIDRBlocks: []string{"10.9.0.0/16"},
			Subnets: []engine.Subnet{{ID: "subnet-b", AvailabilityZone: "eu-west-1a", CIDRBlock: "10.9.1.0/24"}},
		}},
		ResolverRules: []engine.ResolverRule{{ID: "rslvr-rr-1", DomainName: "corp.example", RuleType: "SYSTEM", VPCs: []string{"vpc-a"}}},
		Networks: []engine.OnPremNetwork{{ID: "onprem", CIDRBlocks: []string{"192.168.0.0/16"},
			Connection: engine.Connection{Type: "vpn", TransitGateway: "tgw-1"}}},
		Peerings: []engine.Peering{{ID: "pcx-ab", RequesterVPC: "vpc-a", AccepterVPC: "vpc-b"}},
		TransitGateways: []engine.TransitGateway{{ID: "tgw-1",
			Attachments: []engine.TGWAttachment{{ID: "tgw-attach-a", VPC: "vpc-a", Subnets: []string{"subnet-a"}}, {ID: "tgw-attach-vpn", Network: "onprem"}},
			Routes:      []engine.TGWRoute{{DestinationCIDRBlock: "10.0.0.0/16", Attachment: "tgw-attach-a"}, {DestinationCIDRBlock: "192.168.0.0/16", Attachment: "tgw-attach-vpn"}},
		}},
		Tables: []engine.DataStore{{Name: "orders", Account: "111122223333", Region: "eu-west-1", Policy: []byte(`{"Version":"2012-10-17","Statement":[]}`)}},
	}
}

func TestExportMapping(t *testing.T) {
	s := mappingScenario()
	out, err := Export(s)
	if err != nil {
		t.Fatal(err)
	}
	tf := parse(t, out)
	tf.checkReferences(t)
	checkScenario(t, s, tf)

	// Groups in a reference cycle get their rules as resources of their own.
	web := tf.tagged(t, "sg-web", "aws_security_group")
	if blocks(web.Body, "ingress")+blocks(web.Body, "egress") != 0 {
		t.Errorf("sg-web has inline rules although it is in a cycle")
	}
	if n := len(tf.resources["aws_vpc_security_group_ingress_rule"]); n != 2 {
		t.Errorf("%d standalone ingress rules, want 2", n)
	}
	// sg-web's egress is omitted (allow all, IPv4 and IPv6); sg-app's is empty.
	if n := len(tf.resources["aws_vpc_security_group_egress_rule"]); n != 2 {
		t.Errorf("%d standalone egress rules, want 2", n)
	}
	def := tf.tagged(t, "sg-default-a", "aws_default_security_group")
	if in := def.Body.Blocks[0].Body; in.Attributes["self"] == nil {
		t.Errorf("a group referring to itself is not self = true")
	}
	acl := tf.tagged(t, "acl-a", "aws_default_network_acl")
	if tf.target(t, "acl-a", acl.Body, "default_network_acl_id") != tf.byTag["aws_vpc"]["vpc-a"] {
		t.Errorf("default ACL is not the VPC's")
	}
	if len(tf.targets(t, "acl-a", acl.Body, "subnet_ids")) != 1 {
		t.Errorf("default ACL does not hold subnet-a")
	}

	// Routes name their targets by the right argument.
	rt := tf.tagged(t, "rtb-a", "aws_route_table").Body.Blocks
	for i, want := range []string{"nat_gateway_id", "vpc_peering_connection_id", "transit_gateway_id", "gateway_id"} {
		if rt[i].Body.Attributes[want] == nil {
			t.Errorf("route %d has no %s", i, want)
		}
	}
	wantLiteral(t, "route 3", rt[3].Body, "destination_prefix_list_id", "pl-63a5400a")

	// Another Region: the resource's region argument; a peering across
	// accounts and Regions names the peer's.
	wantLiteral(t, "vpc-b", tf.tagged(t, "vpc-b", "aws_vpc").Body, "region", "eu-west-1")
	if _, ok := literal(tf.tagged(t, "vpc-a", "aws_vpc").Body, "region"); ok {
		t.Errorf("vpc-a in the home Region has a region argument")
	}
	pcx := tf.tagged(t, "pcx-ab", "aws_vpc_peering_connection").Body
	wantLiteral(t, "pcx-ab", pcx, "peer_owner_id", "444455556666")
	wantLiteral(t, "pcx-ab", pcx, "peer_region", "eu-west-1")
	if pcx.Attributes["auto_accept"] != nil {
		t.Errorf("a cross-account peering cannot auto_accept")
	}
	for _, tb := range tf.resources["aws_dynamodb_table"] {
		wantLiteral(t, "table", tb.Body, "region", "eu-west-1")
	}
	if len(tf.resources["aws_dynamodb_resource_policy"]) != 1 {
		t.Errorf("no table policy")
	}

	// The transit gateway's VPC attachment and route are resources; the
	// on-premises ones are notes.
	if len(tf.resources["aws_ec2_transit_gateway_vpc_attachment"]) != 1 || len(tf.resources["aws_ec2_transit_gateway_route"]) != 1 {
		t.Errorf("transit gateway: %d attachments, %d routes", len(tf.resources["aws_ec2_transit_gateway_vpc_attachment"]), len(tf.resources["aws_ec2_transit_gateway_route"]))
	}
	if len(tf.resources["aws_vpc_ipv4_cidr_block_association"]) != 1 || len(tf.resources["aws_eip"]) != 1 || len(tf.resources["aws_route53_resolver_rule_association"]) != 1 {
		t.Errorf("missing CIDR association, Elastic IP or Resolver rule association")
	}
}
