package terraform

import (
	"strings"

	"github.com/hashicorp/hcl/v2/hclwrite"

	"privatelink-playground/engine"
)

// declareNetwork names the VPCs and everything inside them.
func (x *exporter) declareNetwork() {
	for i := range x.s.VPCs {
		v := &x.s.VPCs[i]
		x.declare(v, kindVPC, v.ID, "aws_vpc")
		if v.InternetGateway != "" {
			x.declare(&v.InternetGateway, kindIGW, v.InternetGateway, "aws_internet_gateway")
		}
		if v.VirtualPrivateGateway != "" {
			x.declare(&v.VirtualPrivateGateway, kindVGW, v.VirtualPrivateGateway, "aws_vpn_gateway")
		}
		for j := range v.Subnets {
			x.declare(&v.Subnets[j], kindSubnet, v.Subnets[j].ID, "aws_subnet")
		}
		for j := range v.RouteTables {
			x.declare(&v.RouteTables[j], kindRouteTable, v.RouteTables[j].ID, "aws_route_table")
		}
		for j := range v.NATGateways {
			x.declare(&v.NATGateways[j], kindNAT, v.NATGateways[j].ID, "aws_nat_gateway")
		}
		x.declareFilters(v)
		for j := range v.Instances {
			x.declare(&v.Instances[j], kindInstance, v.Instances[j].ID, "aws_instance")
		}
		for j := range v.Endpoints {
			x.declare(&v.Endpoints[j], kindEndpoint, v.Endpoints[j].ID, "aws_vpc_endpoint")
		}
	}
}

// writeVPC writes a VPC and everything inside it, in the Region of the VPC.
func (x *exporter) writeVPC(v *engine.VPC) {
	x.region = v.Region
	defer func() { x.region = "" }()
	vpc := x.self[v]
	b := x.resource(vpc)
	if len(v.CIDRBlocks) > 0 {
		set(b, "cidr_block", str(v.CIDRBlocks[0]))
	} else {
		x.note("%s has no IPv4 CIDR block, which a Terraform aws_vpc needs", v.ID)
	}
	if len(v.IPv6CIDRBlocks) > 0 {
		set(b, "assign_generated_ipv6_cidr_block", boolean(true))
		x.note("%s: AWS chooses an Amazon-provided IPv6 block, not %s; subnets keep the scenario's IPv6 CIDRs, to adjust", v.ID, strings.Join(v.IPv6CIDRBlocks, ", "))
	}
	set(b, "enable_dns_support", boolean(v.DNSSupport()))
	set(b, "enable_dns_hostnames", boolean(v.DNSHostnames()))
	set(b, "tags", tags(v.ID, nil))
	for i := 1; i < len(v.CIDRBlocks); i++ {
		a := x.resource(x.n.fresh("aws_vpc_ipv4_cidr_block_association", v.ID, v.CIDRBlocks[i]))
		set(a, "vpc_id", traversal(vpc, "id"))
		set(a, "cidr_block", str(v.CIDRBlocks[i]))
	}
	if v.InternetGateway != "" {
		g := x.resource(x.self[&v.InternetGateway])
		set(g, "vpc_id", traversal(vpc, "id"))
		set(g, "tags", tags(v.InternetGateway, nil))
	}
	if v.VirtualPrivateGateway != "" {
		g := x.resource(x.self[&v.VirtualPrivateGateway])
		set(g, "vpc_id", traversal(vpc, "id"))
		set(g, "tags", tags(v.VirtualPrivateGateway, nil))
	}
	for i := range v.Subnets {
		x.writeSubnet(v, &v.Subnets[i])
	}
	for i := range v.NATGateways {
		x.writeNAT(v, &v.NATGateways[i])
	}
	for i := range v.RouteTables {
		x.writeRouteTable(v, &v.RouteTables[i])
	}
	x.writeRouteTableAssociations(v)
	x.writeSecurityGroups(v)
	x.writeNetworkACLs(v)
	for i := range v.Instances {
		x.writeInstance(&v.Instances[i])
	}
	for i := range v.Endpoints {
		x.writeEndpoint(v, &v.Endpoints[i])
	}
}

// writeSubnet writes a subnet; sharing it with other accounts is noted.
func (x *exporter) writeSubnet(v *engine.VPC, sn *engine.Subnet) {
	b := x.resource(x.self[sn])
	set(b, "vpc_id", traversal(x.self[v], "id"))
	setStr(b, "availability_zone", sn.AvailabilityZone)
	setStr(b, "cidr_block", sn.CIDRBlock)
	setStr(b, "ipv6_cidr_block", sn.IPv6CIDRBlock)
	if sn.CIDRBlock == "" && sn.IPv6CIDRBlock != "" {
		set(b, "ipv6_native", boolean(true))
	}
	set(b, "tags", tags(sn.ID, nil))
	if len(sn.SharedWith) > 0 {
		x.note("%s is shared with %s: share it with AWS RAM (aws_ram_resource_share)", sn.ID, strings.Join(sn.SharedWith, ", "))
	}
}

// writeNAT writes a NAT gateway with the Elastic IP it needs.
func (x *exporter) writeNAT(v *engine.VPC, nat *engine.NATGateway) {
	eip := x.n.fresh("aws_eip", nat.ID)
	e := x.resource(eip)
	set(e, "domain", str("vpc"))
	set(e, "tags", tags(nat.ID, nil))
	b := x.resource(x.self[nat])
	set(b, "allocation_id", traversal(eip, "id"))
	set(b, "subnet_id", x.refTo(kindSubnet, nat.Subnet, "id"))
	set(b, "tags", tags(nat.ID, nil))
	if v.InternetGateway != "" {
		set(b, "depends_on", tuple([]hclwrite.Tokens{traversal(x.self[&v.InternetGateway])}))
	}
}

// writeRouteTable writes a route table with its routes inline. Gateway
// endpoints add their routes themselves (route_table_ids), as in the
// scenario; the local route is implied in both.
func (x *exporter) writeRouteTable(v *engine.VPC, rt *engine.RouteTable) {
	b := x.resource(x.self[rt])
	set(b, "vpc_id", traversal(x.self[v], "id"))
	for _, r := range rt.Routes {
		rb := block(b, "route")
		switch {
		case r.DestinationCIDRBlock != "":
			set(rb, "cidr_block", str(r.DestinationCIDRBlock))
		case r.DestinationIPv6CIDRBlock != "":
			set(rb, "ipv6_cidr_block", str(r.DestinationIPv6CIDRBlock))
		case r.DestinationPrefixListID != "":
			set(rb, "destination_prefix_list_id", str(r.DestinationPrefixListID))
		}
		attr, target := x.routeTarget(r.Target)
		set(rb, attr, target)
	}
	set(b, "tags", tags(rt.ID, nil))
}

// routeTargets maps the namespaces a route target may name to the route
// argument that takes it.
var routeTargets = []struct {
	k      kind
	prefix string
	attr   string
}{
	{kindIGW, "igw-", "gateway_id"},
	{kindVGW, "vgw-", "gateway_id"},
	{kindNAT, "nat-", "nat_gateway_id"},
	{kindPeering, "pcx-", "vpc_peering_connection_id"},
	{kindTGW, "tgw-", "transit_gateway_id"},
	{kindEndpoint, "vpce-", "vpc_endpoint_id"},
}

// routeTarget is the argument and value of a route's target.
func (x *exporter) routeTarget(target string) (string, hclwrite.Tokens) {
	if target == "local" {
		return "gateway_id", str("local")
	}
	for _, t := range routeTargets {
		if r, ok := x.n.lookup(t.k, target); ok {
			return t.attr, traversal(r, "id")
		}
	}
	x.note("route target %q is not in the scenario: written as a string", target)
	for _, t := range routeTargets {
		if strings.HasPrefix(target, t.prefix) {
			return t.attr, str(target)
		}
	}
	return "gateway_id", str(target)
}

// writeRouteTableAssociations writes the main table's association, each
// subnet's explicit association, and the edge associations. A subnet
// without a route table uses the main table, as in AWS.
func (x *exporter) writeRouteTableAssociations(v *engine.VPC) {
	main := -1
	for i := range v.RouteTables {
		if v.RouteTables[i].Main {
			main = i
			break
		}
	}
	if main < 0 && len(v.RouteTables) > 0 {
		main = 0
	}
	vpc := x.self[v]
	if main >= 0 {
		b := x.resource(x.n.fresh("aws_main_route_table_association", v.ID))
		set(b, "vpc_id", traversal(vpc, "id"))
		set(b, "route_table_id", traversal(x.self[&v.RouteTables[main]], "id"))
	}
	for i := range v.Subnets {
		sn := &v.Subnets[i]
		if sn.RouteTable == "" {
			continue
		}
		b := x.resource(x.n.fresh("aws_route_table_association", sn.ID))
		set(b, "subnet_id", traversal(x.self[sn], "id"))
		set(b, "route_table_id", x.refTo(kindRouteTable, sn.RouteTable, "id"))
	}
	for i := range v.RouteTables {
		rt := &v.RouteTables[i]
		for _, gw := range rt.EdgeAssociations {
			b := x.resource(x.n.fresh("aws_route_table_association", rt.ID, gw))
			if r, ok := x.n.lookup(kindVGW, gw); ok {
				set(b, "gateway_id", traversal(r, "id"))
			} else {
				set(b, "gateway_id", x.refTo(kindIGW, gw, "id"))
			}
			set(b, "route_table_id", traversal(x.self[rt], "id"))
		}
	}
}
