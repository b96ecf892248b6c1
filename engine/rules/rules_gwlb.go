package rules

// gwlbRules explains the "Gateway Load Balancer endpoints" section of
// RULES.md.
var gwlbRules = []Rule{
	{
		ID:      "GWLB-01",
		Title:   "Routing traffic through appliances",
		Summary: "A route whose target is a Gateway Load Balancer endpoint sends traffic to the appliances behind the service's Gateway Load Balancer, which return it to the endpoint, from where it continues by the route table of the endpoint's subnet.",
		Explain: []string{
			"A Gateway Load Balancer endpoint is a route target, not a DNS name. Any route table can point traffic at it (vpce-…); the traffic is then carried to the Gateway Load Balancer of the endpoint service, which hands it to a firewall or other appliance. The appliance returns it, and the endpoint sends it on according to the route table of the endpoint's own subnet.",
			"To inspect traffic coming in from the internet, associate a route table with the internet gateway itself (an edge association, also called ingress routing) and point the application subnet's CIDR at the endpoint. Each direction needs its route: the application subnet's table sends outbound traffic to the endpoint, the endpoint subnet's table sends it to the internet gateway.",
			"Example: rtb-edge is associated with igw-0123456789abcdef0 and holds 10.0.2.0/24 → vpce-0f1e2d3c4b5a69788. rtb-app (subnet-app, 10.0.2.0/24) holds 0.0.0.0/0 → vpce-0f1e2d3c4b5a69788, and rtb-inspection (the endpoint's subnet, 10.0.1.0/24) holds 0.0.0.0/0 → igw-0123456789abcdef0. A request from the internet to the public IP of i-web (10.0.2.10 inside the VPC) passes the appliances on the way in, and the reply passes them on the way out.",
			"Common mistake: forgetting the edge association, so that requests from the internet skip the appliances while the replies go through them, or leaving the endpoint subnet's table without a route onward, so traffic is dropped right after inspection. The trace names the table with the missing or wrong route.",
		},
		See: []string{"GWLB-02", "GWLB-03", "NET-07", "IF-04"},
	},
	{
		ID:      "GWLB-02",
		Title:   "No appliance drops; all unhealthy fails open",
		Summary: "A Gateway Load Balancer with no registered appliance drops the traffic, and if every registered appliance is unhealthy it fails open and sends to all of them.",
		Explain: []string{
			"The Gateway Load Balancer spreads traffic over its registered appliances that pass health checks. With no appliance registered at all, there is nowhere to send the traffic and it is dropped as unreachable.",
			"If appliances are registered but all of them are unhealthy, the load balancer fails open: it sends to all of them rather than to none, as a Network Load Balancer does (SVC-01).",
			"Example: gwy/inspection-gwlb has the targets i-fw1 and i-fw2, both failing health checks. Traffic to vpce-0f1e2d3c4b5a69788 still reaches them. After both are deregistered, the same trace ends unreachable at the load balancer.",
			"Common mistake: deregistering the last appliance during maintenance, which cuts off every subnet routed through the endpoint rather than letting traffic bypass inspection.",
		},
		See: []string{"GWLB-01", "SVC-01"},
	},
	{
		ID:      "GWLB-03",
		Title:   "One fixed subnet, and no deletion while routed to",
		Summary: "A Gateway Load Balancer endpoint has exactly one subnet, which cannot be changed, and cannot be deleted while a route targets it.",
		Explain: []string{
			"Unlike an interface endpoint, a Gateway Load Balancer endpoint lives in exactly one subnet, chosen when it is created. Adding, removing or changing the subnet afterwards is refused; for another Availability Zone, create another endpoint.",
			"Since route tables send traffic to the endpoint, deleting it while any route still targets it is refused: remove or redirect those routes first.",
			"Example: vpce-0f1e2d3c4b5a69788 is in subnet-inspection-a. Modifying it to add subnet-inspection-b is refused. Deleting it is refused while rtb-edge holds 10.0.2.0/24 → vpce-0f1e2d3c4b5a69788; after that route is deleted, the endpoint can go.",
			"Common mistake: building a multi-zone inspection design with one endpoint. Use one endpoint per zone and route each zone's subnets to the endpoint in the same zone.",
		},
		See: []string{"GWLB-01", "IF-01", "IF-04"},
	},
}
