package rules

// dnsRules explains the DNS section of RULES.md: the Route 53 Resolver,
// private DNS of interface endpoints, private hosted zones and Resolver
// endpoints and rules.
var dnsRules = []Rule{
	{
		ID:      "DNS-01",
		Title:   "The VPC's DNS resolver and its two switches",
		Summary: "The Route 53 Resolver answers instances only when enableDnsSupport is on, and private hosted zones and endpoint private DNS names work only when enableDnsHostnames is on as well.",
		Explain: []string{
			"Every VPC comes with a DNS server, the Route 53 Resolver. Instances reach it at 169.254.169.253, at fd00:ec2::253 over IPv6, and at the base of the VPC's primary IPv4 CIDR plus two. The VPC attribute enableDnsSupport switches it on or off: with it off, nothing in the VPC gets an answer from the Resolver.",
			"Private names need a second switch. Records of private hosted zones and the private DNS names of interface endpoints are only served when both enableDnsSupport and enableDnsHostnames are true. Turning on enableDnsHostnames while enableDnsSupport is off makes no sense, so the simulator rejects that combination as invalid.",
			"Example: vpc-0a1b2c3d4e5f60718 has the CIDR 10.0.0.0/16, so its Resolver also listens on 10.0.0.2. An instance there asks for sqs.us-east-1.amazonaws.com; with both switches on and an SQS interface endpoint with private DNS, the answer is the endpoint's private IPs.",
			"Common mistake: leaving enableDnsHostnames off (AWS turns it off in VPCs you create yourself, and so does a scenario that does not set it) and wondering why the endpoint's private DNS name still resolves to public addresses.",
		},
		See: []string{"DNS-02", "DNS-04", "IF-11"},
	},
	{
		ID:      "DNS-02",
		Title:   "Private DNS: the service's usual name points at the endpoint",
		Summary: "With private DNS enabled on an interface endpoint, the service's default name resolves inside the VPC to the endpoint's private IPs and outside it to the public addresses.",
		Explain: []string{
			"When you enable private DNS on an interface endpoint, AWS creates a hidden private record for the service's default name, for example sqs.us-east-1.amazonaws.com, or the private DNS name an endpoint service provider has set. Inside the VPC that name now resolves to the private IPs of the endpoint's network interfaces, so clients and SDKs use the endpoint without any change of configuration.",
			"Outside the VPC nothing changes: the same name still resolves to the service's public addresses. The same name giving different answers in different places is called split horizon DNS.",
			"Example: vpce-0a1b2c3d4e5f67890 for SQS has interfaces at 10.0.1.25 in us-east-1a and 10.0.2.31 in us-east-1b. An instance in the VPC resolving sqs.us-east-1.amazonaws.com gets 10.0.1.25 and 10.0.2.31; a laptop on the internet gets public SQS addresses.",
			"Common mistake: expecting on-premises servers or peered VPCs to get the private answer too. They are outside the VPC; they need the endpoint-specific names (DNS-03) or an inbound Resolver endpoint (DNS-05).",
		},
		See: []string{"DNS-01", "DNS-03", "DNS-05", "IF-11", "IF-12"},
	},
	{
		ID:      "DNS-03",
		Title:   "Endpoint-specific names resolve everywhere",
		Summary: "Every interface endpoint has a regional name and one zonal name per Availability Zone that resolve, from anywhere, to its private IPs, whether private DNS is enabled or not.",
		Explain: []string{
			"Besides the service's usual name, each interface endpoint gets its own DNS names under vpce.amazonaws.com: a regional name that returns the IPs of all its interfaces, and one zonal name per Availability Zone that returns only that zone's interface.",
			"These names are public records, so they resolve from the VPC, from a peered VPC and from on-premises alike. They exist whether private DNS is enabled or not, which makes them the usual choice for clients outside the VPC.",
			"Example: vpce-0a1b2c3d4e5f67890-abcdefgh.sqs.us-east-1.vpce.amazonaws.com resolves to 10.0.1.25 and 10.0.2.31, and vpce-0a1b2c3d4e5f67890-abcdefgh-us-east-1a.sqs.us-east-1.vpce.amazonaws.com resolves to 10.0.1.25 alone. A client uses such a name by setting it as its endpoint URL.",
			"Common mistake: thinking a name that resolves means an address that is reachable. The answer is a private IP; the client still needs a route to it and security groups that let it in (IF-06, IF-03).",
		},
		See: []string{"DNS-02", "IF-06", "IF-08"},
	},
	{
		ID:      "DNS-04",
		Title:   "Private hosted zones answer only their associated VPCs",
		Summary: "A private hosted zone answers only queries from the VPCs associated with it, the most specific zone wins, a missing name is NXDOMAIN, and a forwarding rule for the same domain takes precedence.",
		Explain: []string{
			"A private hosted zone holds DNS records that only some VPCs can see: those associated with the zone, including queries that enter such a VPC through its inbound Resolver endpoint. Any other asker gets the public DNS answer, which is split horizon again.",
			"When several zones match a name, the most specific zone decides. If that zone does not hold the name, the answer is NXDOMAIN from that zone: the Resolver does not fall back to public DNS. A Resolver forwarding rule for the same domain name takes precedence over the zone.",
			"Example: a zone example.com associated with vpc-0a1b2c3d4e5f60718 holds api.example.com → 10.0.1.40. From that VPC, api.example.com gives 10.0.1.40, but www.example.com gives NXDOMAIN even though the public site exists. From vpc-0f9e8d7c6b5a40312, not associated, both names get their public answers.",
			"Common mistake: creating a private zone for a broad domain such as amazonaws.com to override one name. Every other name in that domain then fails with NXDOMAIN inside the VPC. Create the zone for the exact name instead, or let the endpoint's private DNS do it.",
		},
		See: []string{"DNS-01", "DNS-05", "DNS-06", "IF-12"},
	},
	{
		ID:      "DNS-05",
		Title:   "On-premises clients reach the Resolver only through an inbound endpoint",
		Summary: "The Resolver cannot be queried from outside the VPC; on-premises DNS servers forward a domain to an inbound Resolver endpoint's IPs, which must be routable from on-premises.",
		Explain: []string{
			"The Route 53 Resolver only answers queries that start inside its VPC. To let an on-premises network use it, you create an inbound Resolver endpoint: network interfaces with private IPs in your subnets that accept DNS queries and hand them to the Resolver.",
			"The on-premises DNS server then gets a conditional forwarder that sends a domain to those IPs. For the answers to matter, the inbound endpoint's IPs must be reachable from on-premises (over VPN or Direct Connect), and its security group must allow DNS in.",
			"Example: an inbound endpoint has 10.0.3.10 and 10.0.4.10. The data centre's DNS server forwards sqs.us-east-1.amazonaws.com to them; a server at 192.168.10.20 now resolves that name to the SQS interface endpoint's private IPs, because the query is answered as if it came from the VPC (DNS-02).",
			"Common mistake: pointing the on-premises forwarder at 10.0.0.2 or 169.254.169.253. Those addresses only answer inside the VPC.",
		},
		See: []string{"DNS-02", "DNS-04", "DNS-07", "IF-06"},
	},
	{
		ID:      "DNS-06",
		Title:   "Outbound endpoints and forwarding rules send queries elsewhere",
		Summary: "An outbound Resolver endpoint plus a forwarding rule associated with the VPC sends queries for the rule's domain to target DNS servers, and a SYSTEM rule for a subdomain takes it back.",
		Explain: []string{
			"The other direction: to let the VPC resolve names that live on-premises, you create an outbound Resolver endpoint and a FORWARD rule that names a domain and the target DNS servers, and you associate the rule with the VPC. Queries for that domain then leave through the outbound endpoint to the targets.",
			"When several rules match a name, the most specific one wins. A SYSTEM rule for a subdomain tells the Resolver to answer that subdomain itself (from private zones or public DNS), overriding a broader FORWARD rule.",
			"Example: a FORWARD rule for corp.example.com targets 192.168.10.53 and a SYSTEM rule covers aws.corp.example.com. From the VPC, intranet.corp.example.com is forwarded to 192.168.10.53, while build.aws.corp.example.com is answered by the Resolver, for instance from a private hosted zone.",
			"Common mistake: creating the rule but not associating it with the VPC, so queries never match it. Also remember that a forwarding rule beats a private hosted zone for the same domain (DNS-04).",
		},
		See: []string{"DNS-04", "DNS-05"},
	},
	{
		ID:      "DNS-07",
		Title:   "S3 private DNS only for the inbound Resolver endpoint",
		Summary: "With this S3 option, queries arriving through the inbound Resolver endpoint get the interface endpoint's IPs while queries from inside the VPC get S3's public IPs, so VPC traffic uses the gateway endpoint.",
		Explain: []string{
			"Amazon S3 can have both a gateway endpoint (free, VPC only) and an interface endpoint (paid, reachable from on-premises) in the same VPC. The option \"private DNS only for inbound Resolver endpoint\" on the S3 interface endpoint lets each client use the right one.",
			"Queries that arrive through the VPC's inbound Resolver endpoint, typically forwarded from on-premises, resolve S3 names to the interface endpoint's private IPs. Queries from instances inside the VPC resolve the same names to S3's public IPs, which match the gateway endpoint's prefix-list route, so that traffic goes through the free gateway endpoint.",
			"Example: a server at 192.168.10.20 resolves app-reports.s3.us-east-1.amazonaws.com through the inbound endpoint and gets 10.0.1.50, the interface endpoint. The instance i-private in the VPC resolves the same name to 52.216.4.17, and rtb-private sends it to the gateway endpoint vpce-1a2b3c4d.",
			"Common mistake: assuming the option makes in-VPC traffic use the interface endpoint. It does the opposite: only traffic that cannot use the gateway endpoint pays for the interface endpoint.",
		},
		See: []string{"DNS-05", "DNS-08", "GW-02", "GW-14", "IF-10"},
	},
	{
		ID:      "DNS-08",
		Title:   "The inbound-only option needs an S3 gateway endpoint",
		Summary: "Turning on \"private DNS only for inbound Resolver endpoint\" fails unless the VPC has an S3 gateway endpoint; the option defaults to true when private DNS is enabled on an S3 interface endpoint.",
		Explain: []string{
			"The inbound-only option (DNS-07) sends in-VPC traffic to the gateway endpoint, so AWS requires that the VPC has a gateway endpoint for S3 before you can turn it on, whether at creation or by modifying the endpoint. Without one, the request fails.",
			"When you enable private DNS on an S3 interface endpoint and do not say anything about the option, it defaults to true, as the AWS console pre-selects it. Where the VPC has no S3 gateway endpoint, true would be refused, so the playground records the option as false instead and says so in the event log. With the option off, private DNS behaves as for any other service: S3 names resolve to the interface endpoint inside the VPC too.",
			"Example: vpc-0a1b2c3d4e5f60718 has no S3 gateway endpoint. Creating an S3 interface endpoint with private DNS and privateDnsOnlyForInboundResolverEndpoint set to true is refused under this rule. Create the gateway endpoint first, associate it with the route tables, then create the interface endpoint with the option.",
			"Common mistake: clearing the option to get past the error. That works, but all S3 traffic from the VPC now flows through the interface endpoint, which charges per GB processed (IF-10), instead of the free gateway endpoint.",
		},
		See: []string{"DNS-07", "GW-14", "IF-10", "IF-11"},
	},
}
