package rules

// valRules explains the "Scenario validation" section of RULES.md: the
// checks a scenario passes before the simulator runs it.
var valRules = []Rule{
	{
		ID:      "VAL-01",
		Title:   "Every reference must exist, every ID be unique",
		Summary: "Every reference to a subnet, route table, endpoint, service, zone, account or principal names something that exists, and IDs are unique.",
		Explain: []string{
			"A scenario is a graph of resources that point at each other: a subnet names its route table, an endpoint its subnets and service, a route its target, a policy its principals. Before anything runs, each of these references must name a resource that exists in the scenario, and no two resources may share an ID.",
			"This catches typos early, instead of letting a trace fail later for a reason that has nothing to do with AWS networking.",
			"Example: subnet-private names the route table rtb-privat, but the scenario only has rtb-private. Validation reports a VAL-01 problem at that field, and nothing is simulated until it is fixed.",
			"Common mistake: copying a resource to make a second one and forgetting to change its ID, so two subnets are both called subnet-a.",
		},
		See: []string{"VAL-04", "VAL-02", "SVC-02"},
	},
	{
		ID:      "VAL-02",
		Title:   "Addresses must fit where they are",
		Summary: "CIDRs and IPs are well formed, a subnet lies inside its VPC's CIDRs without overlapping another subnet, and an instance's IP lies inside its subnet and is not one of the five addresses AWS reserves.",
		Explain: []string{
			"Every CIDR and IP address must be well formed. A subnet's CIDR must lie inside one of its VPC's CIDRs and must not overlap any other subnet of that VPC. An instance's IP must lie inside its subnet.",
			"AWS reserves five addresses in every subnet: the network address, the next three (the VPC router, the DNS server and one for future use) and the last one. No instance or endpoint interface may use them.",
			"Example: in subnet 10.0.1.0/24 the addresses 10.0.1.0, 10.0.1.1, 10.0.1.2, 10.0.1.3 and 10.0.1.255 are reserved, so an instance at 10.0.1.3 is refused while 10.0.1.4 is fine. A subnet 10.1.0.0/24 in a VPC of 10.0.0.0/16 is refused because it lies outside the VPC.",
			"Common mistake: giving the first instance of a subnet the address .1, the usual gateway address in home networks. In AWS it belongs to the VPC router.",
		},
		See: []string{"VAL-04", "IF-01", "DNS-01"},
	},
	{
		ID:      "VAL-03",
		Title:   "The endpoint type must be one the service supports",
		Summary: "S3 and DynamoDB accept Gateway or Interface endpoints, an endpoint service behind a Network Load Balancer accepts Interface endpoints, and one behind a Gateway Load Balancer accepts GatewayLoadBalancer endpoints.",
		Explain: []string{
			"The type of a VPC endpoint must match what its service offers. Amazon S3 and DynamoDB can be reached with a Gateway endpoint or an Interface endpoint; most other AWS services only with Interface endpoints. A provider's endpoint service accepts Interface endpoints if it fronts a Network Load Balancer, and GatewayLoadBalancer endpoints if it fronts a Gateway Load Balancer.",
			"A scenario that gives an endpoint a type its service does not support is refused.",
			"Example: an endpoint of type Gateway for com.amazonaws.us-east-1.sqs is refused, since SQS only offers interface endpoints. An Interface endpoint for com.amazonaws.us-east-1.s3 is fine, and so is a Gateway one.",
			"Common mistake: creating an Interface endpoint for a Gateway Load Balancer endpoint service. Appliances are reached with a GatewayLoadBalancer endpoint, the target of routes (GWLB-01).",
		},
		See: []string{"SVC-01", "GW-01", "GWLB-01"},
	},
	{
		ID:      "VAL-04",
		Title:   "Every error says which rule and where",
		Summary: "Every validation error names the rule it breaks and the JSON path of the offending value.",
		Explain: []string{
			"A problem report has two parts besides its message: the ID of the rule that the scenario breaks, which links to an explanation like this one, and the JSON path of the value at fault, so the editor can point at it.",
			"Paths count from zero and follow the scenario's JSON field names.",
			"Example: the third subnet of the first VPC has cidrBlock 10.0.1.0/33. The problem reads VAL-02 at vpcs[0].subnets[2].cidrBlock, with a message saying the prefix length is out of range.",
			"Common mistake: fixing the first problem and expecting the scenario to run. Validation reports every problem it finds; fix them all, starting with VAL-01 ones, which often cause others.",
		},
		See: []string{"VAL-01", "VAL-02", "POL-05"},
	},
}
