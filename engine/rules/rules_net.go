package rules

// netRules explains the "Networking underneath" section of RULES.md: route
// tables, security groups, network ACLs, gateways, peering and transit.
var netRules = []Rule{
	{
		ID:      "NET-01",
		Title:   "The local route keeps traffic inside the VPC",
		Summary: "Every route table has an implied local route for each of its VPC's CIDRs, traffic between addresses of one VPC follows it, and no other route may be more specific than it.",
		Explain: []string{
			"Each route table carries a route you never write: destination the VPC's CIDR, target local. There is one for every CIDR of the VPC, IPv4 and IPv6. Any packet from one address of the VPC to another matches it and is delivered directly inside the VPC; route tables never send such traffic through a gateway.",
			"Because the local route must always win, the simulator refuses any other route whose destination is as specific as, or more specific than, a local route's CIDR. AWS itself allows one exception, a more specific route that targets a middlebox appliance; the playground does not model it and refuses every such route.",
			"Example: vpc-0a1b2c3d4e5f60718 has 10.0.0.0/16. The table rtb-0a1b2c3d4e5f60718 shows 10.0.0.0/16 → local. Adding 10.0.1.0/24 → nat-0123456789abcdef0 is refused, because 10.0.1.0/24 lies inside the local route's CIDR.",
			"Common mistake: trying to force traffic between two subnets of the same VPC through a NAT gateway or appliance with an ordinary route. Between subnets of one VPC the local route always decides; security groups and network ACLs are the tools for filtering that traffic.",
		},
		See: []string{"NET-07", "GW-02", "NET-03"},
	},
	{
		ID:      "NET-02",
		Title:   "Security groups are stateful, on both ends",
		Summary: "A request needs an egress rule in one of the source's security groups and an ingress rule in one of the destination's, and the response is allowed automatically.",
		Explain: []string{
			"A security group is a firewall attached to a network interface: an instance, an endpoint interface, a Resolver endpoint or a load balancer. A connection must leave through an outbound (egress) rule of one of the source's groups and enter through an inbound (ingress) rule of one of the destination's groups. Rules only allow; whatever no rule allows is blocked.",
			"Security groups are stateful: once a request is allowed, its response comes back automatically, whatever the rules say about the return direction. A rule matches a CIDR, a prefix list, or the members of a referenced security group, which may be in the same VPC or in a peered VPC.",
			"Example: i-private in sg-app calls an interface endpoint on port 443. sg-app has egress to 0.0.0.0/0 on all ports; the endpoint's group sg-endpoint needs an ingress rule for TCP 443 from 10.0.0.0/16 or from sg-app. The reply needs no rule.",
			"Common mistake: adding an inbound rule for the return traffic on the client, as you would for a stateless firewall, while forgetting the inbound rule on the destination, which is the one that matters.",
		},
		See: []string{"NET-03", "IF-03", "GW-13"},
	},
	{
		ID:      "NET-03",
		Title:   "Network ACLs are stateless and guard subnet boundaries",
		Summary: "Network ACLs apply only where traffic crosses a subnet's boundary; rules are checked in ascending number order, the first match decides, and the request and the response are checked separately.",
		Explain: []string{
			"A network ACL belongs to a subnet and checks packets entering or leaving it. Its rules are read in ascending rule number; the first rule that matches allows or denies, and if none matches, the final implicit rule (*) denies.",
			"Unlike security groups, ACLs are stateless: the response is a separate packet and must be allowed on its own, usually on the ephemeral ports 1024-65535. Every subnet the traffic crosses checks it: the source subnet's ACL outbound, the destination subnet's ACL inbound, and the reverse for the reply. Two interfaces in the same subnet pass no ACL at all, with one exception in IF-04.",
			"Example: acl-private allows inbound TCP 443 from 10.0.0.0/16 at rule 100 and denies all at rule 200. A client in another subnet reaches the endpoint interface, but the reply to the client's port 49152 must be allowed by the endpoint subnet's outbound rules and the client subnet's inbound rules.",
			"Common mistake: putting a deny after an allow that already matches (rule 100 allows 0.0.0.0/0, rule 110 denies 10.0.5.0/24: the deny never fires), or forgetting the ephemeral ports for return traffic.",
		},
		See: []string{"NET-02", "IF-04"},
	},
	{
		ID:      "NET-04",
		Title:   "Internet gateways need public addresses; NAT lends one",
		Summary: "An internet gateway carries traffic only for interfaces with a public IPv4 address or an IPv6 address, and a NAT gateway in a public subnet lets private addresses start connections outward.",
		Explain: []string{
			"An internet gateway translates between an instance's private IPv4 address and its public IPv4 address (or passes IPv6 through). An interface with only a private IPv4 address gets nothing from it, even in a subnet whose route table sends 0.0.0.0/0 to the gateway.",
			"A NAT gateway fills the gap: it sits in a public subnet (one whose route table points at the internet gateway) and lets instances with private addresses start connections outward, using its own public address. Connections from the internet cannot start towards those instances through it.",
			"Example: i-private at 10.0.2.15 has no public IP. Its table rtb-private sends 0.0.0.0/0 → nat-0123456789abcdef0, which lives in subnet-public whose table sends 0.0.0.0/0 → igw-0123456789abcdef0. The instance reaches public S3 addresses through the NAT gateway.",
			"Common mistake: placing the NAT gateway in the private subnet itself, or in a subnet without a route to the internet gateway. The NAT gateway then has no way out.",
		},
		See: []string{"GW-06", "GW-15", "NET-07"},
	},
	{
		ID:      "NET-05",
		Title:   "Peering is not transitive",
		Summary: "Traffic that arrived over a VPC peering connection cannot leave through the peer VPC's internet gateway, NAT gateway, VPN, Direct Connect, another peering or gateway endpoint.",
		Explain: []string{
			"A peering connection joins exactly two VPCs. Traffic that crosses it may reach addresses inside the peer VPC, and nothing else: it cannot use the peer as a transit point. AWS calls this no edge-to-edge routing.",
			"So traffic from VPC A that arrives in VPC B over pcx-… cannot continue through B's internet gateway, B's NAT gateway, B's VPN or Direct Connect, another peering connection of B, or B's gateway endpoints. It can reach B's instances and B's interface endpoints, which have addresses inside B.",
			"Example: vpc-app (10.1.0.0/16) peers with vpc-shared (10.2.0.0/16), and vpc-shared peers with vpc-data (10.3.0.0/16). An instance in vpc-app cannot reach 10.3.0.10 in vpc-data through vpc-shared, whatever routes you add; it needs its own peering with vpc-data or a transit gateway.",
			"Common mistake: sharing one S3 gateway endpoint or one NAT gateway across peered VPCs. Use an interface endpoint in the shared VPC instead (IF-06), or a transit gateway for shared egress.",
		},
		See: []string{"NET-06", "GW-08", "IF-06"},
	},
	{
		ID:      "NET-06",
		Title:   "Transit gateways route between attachments",
		Summary: "A transit gateway forwards by longest prefix match in its route table between its attachments, and a virtual private gateway joins one VPC to an on-premises network.",
		Explain: []string{
			"A transit gateway is a regional router. VPCs, VPN connections and Direct Connect gateways attach to it, and it forwards each packet by longest prefix match in its route table to one of those attachments. Unlike peering, it can carry traffic onward from one attachment to another.",
			"A virtual private gateway is the simpler, older way to reach on-premises: it is attached to a single VPC and terminates that VPC's VPN or Direct Connect connection.",
			"Example: tgw-0123456789abcdef0 has the routes 10.1.0.0/16 → tgw-attach-app, 10.2.0.0/16 → tgw-attach-shared and 192.168.0.0/16 → tgw-attach-vpn. A packet from vpc-app to 192.168.10.20 goes out through the VPN attachment. The VPC's own route table must also send 192.168.0.0/16 to the transit gateway.",
			"Common mistake: adding the transit gateway's routes but not the VPC route table's route back to the transit gateway (or the other way round). Both directions need routes at every hop.",
		},
		See: []string{"NET-05", "NET-07", "IF-06", "GW-08"},
	},
	{
		ID:      "NET-07",
		Title:   "No matching route means the packet is dropped",
		Summary: "A destination that matches no route, or a route whose target is missing or not attached, is dropped, and the trace names the table that had no route.",
		Explain: []string{
			"Routing has no fallback. If the route table used for a packet has no route whose destination contains the packet's destination address, the packet is dropped. The same happens when a route matches but its target does not exist or is not attached, what the AWS console shows as a blackhole route.",
			"The trace marks the hop as no-route and names the route table that failed, so you know which table to fix: the subnet's table, the endpoint subnet's table (GWLB-01), an edge table or a transit gateway's table.",
			"Example: subnet-private uses rtb-private, which holds only 10.0.0.0/16 → local. A request from i-private to 52.216.4.17 (S3) matches nothing and is dropped at rtb-private. Associating the table with an S3 gateway endpoint, or adding 0.0.0.0/0 → nat-…, gives it a route.",
			"Common mistake: adding the route to the VPC's main route table while the subnet is explicitly associated with a different table, or the reverse.",
		},
		See: []string{"NET-01", "GW-02", "GW-06"},
	},
}
