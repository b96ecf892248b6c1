package rules

// svcRules explains the "Endpoint services (the provider side)" section of
// RULES.md.
var svcRules = []Rule{
	{
		ID:      "SVC-01",
		Title:   "An endpoint service fronts a load balancer",
		Summary: "Traffic from an endpoint reaches a healthy target of the service's load balancer on the listener's port; with every target unhealthy the load balancer fails open, and with no listener or no target the service is unreachable.",
		Explain: []string{
			"A provider publishes a service through PrivateLink by creating an endpoint service in front of a load balancer: a Network Load Balancer for interface endpoints, a Gateway Load Balancer for Gateway Load Balancer endpoints. Traffic that enters a consumer's endpoint comes out at that load balancer.",
			"The load balancer needs a listener on the port the client uses and at least one registered target. It sends traffic to healthy targets; if every registered target is unhealthy, it fails open and sends to all of them rather than to none. No listener on the port, or no registered target at all, makes the service unreachable.",
			"Example: vpce-svc-0123456789abcdef0 fronts the NLB net/orders-nlb with a listener on TCP 443 and targets i-orders1 and i-orders2. A consumer connecting to its endpoint on port 443 reaches a healthy target; on port 8080, with no listener, the trace ends unreachable.",
			"Common mistake: registering targets but forgetting the listener for the port consumers use, or letting health checks fail and reading the fail-open behaviour as a sign that health checks do not matter.",
		},
		See: []string{"SVC-02", "GWLB-02", "IF-13"},
	},
	{
		ID:      "SVC-02",
		Title:   "Service names",
		Summary: "An endpoint service is named com.amazonaws.vpce.REGION.vpce-svc-ID, consumers create endpoints by that name, and AWS services have names like com.amazonaws.REGION.s3.",
		Explain: []string{
			"Each endpoint service has a service name, and a consumer must give that name when creating an endpoint. For a provider's own endpoint service it is com.amazonaws.vpce. followed by the Region and the service's ID.",
			"AWS services have names of the form com.amazonaws.REGION.SERVICE. Providers must share their service name with consumers; AWS service names can be listed by anyone.",
			"Example: vpce-svc-0123456789abcdef0 in us-east-1 is com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0. S3 in the same Region is com.amazonaws.us-east-1.s3, and SQS is com.amazonaws.us-east-1.sqs.",
			"Common mistake: confusing the service name with a DNS name. sqs.us-east-1.amazonaws.com is what clients resolve; com.amazonaws.us-east-1.sqs is what you create the endpoint for.",
		},
		See: []string{"SVC-01", "SVC-09", "VAL-01"},
	},
	{
		ID:      "SVC-03",
		Title:   "Endpoint service states",
		Summary: "An endpoint service goes from Pending to Available or Failed, and from Deleting to Deleted, and only an Available service accepts new endpoints.",
		Explain: []string{
			"An endpoint service is Pending while it is being created, then Available, or Failed if it could not be created. When the provider deletes it, it is Deleting and finally Deleted.",
			"Consumers can only create new endpoints for an Available service. A request for a service in any other state is refused.",
			"Example: the provider creates vpce-svc-0123456789abcdef0; it is Pending for a moment. A consumer who tries to create an endpoint for it at once is refused; after the simulated clock moves on and the service is Available, the same request succeeds.",
			"Common mistake: scripting endpoint creation right after service creation without waiting for Available.",
		},
		See: []string{"SVC-05", "SVC-07"},
	},
	{
		ID:      "SVC-04",
		Title:   "Allowed principals gate who may connect",
		Summary: "By default no one may connect to an endpoint service; allowed principals (an account root ARN, an IAM user or role ARN, or *) gate endpoint creation.",
		Explain: []string{
			"A new endpoint service is closed: no consumer may create an endpoint for it. The provider adds allowed principals: an account's root ARN (the whole account), a specific IAM user or role ARN, or * for everyone.",
			"When a consumer creates an endpoint, the caller must match one of the allowed principals; otherwise the creation fails. Allowed principals decide who may request a connection; acceptance (SVC-05) decides which requests become connections.",
			"Example: vpce-svc-0123456789abcdef0 allows arn:aws:iam::444455556666:root. Any principal in account 444455556666 may create an endpoint for it; a role in 777788889999 is refused under this rule. Adding arn:aws:iam::777788889999:role/network-admin lets that one role in.",
			"Common mistake: allowing * together with automatic acceptance, which lets any AWS account connect without review.",
		},
		See: []string{"SVC-05", "SVC-03"},
	},
	{
		ID:      "SVC-05",
		Title:   "Acceptance: PendingAcceptance, Rejected, Expired",
		Summary: "With acceptance required, a new endpoint waits in PendingAcceptance until the provider accepts or rejects it, or it expires; without acceptance it starts in Pending and becomes Available.",
		Explain: []string{
			"If the endpoint service requires acceptance, a new endpoint starts in PendingAcceptance. The provider accepts it (Pending, then Available) or rejects it (Rejected). A request left unanswered becomes Expired; AWS does not document after how long, so the delay is a scenario setting (timing.acceptanceExpirySeconds).",
			"The provider may also reject a connection that is already Available, which stops its traffic. Without acceptance required, the endpoint skips the wait: it starts in Pending and becomes Available.",
			"Example: a consumer creates vpce-0c0d0e0f0a0b0c0d0 for com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0, which requires acceptance. A trace through it is refused while it is PendingAcceptance. The provider accepts it; after Pending it is Available and the trace gets through.",
			"Common mistake: the consumer waiting for an endpoint that nobody on the provider side has been told to accept. A connection notification (NTF-01) on the Connect event tells the provider.",
		},
		See: []string{"SVC-04", "SVC-06", "SVC-07", "NTF-01"},
	},
	{
		ID:      "SVC-06",
		Title:   "A modified endpoint is Pending but keeps working",
		Summary: "A consumer's change to an endpoint puts it back in Pending until it is Available again, and its existing network interfaces keep carrying traffic meanwhile.",
		Explain: []string{
			"When the consumer modifies an endpoint, for example its subnets, security groups or policy, the endpoint returns to Pending while AWS applies the change, then becomes Available again.",
			"The Pending state after a modification does not stop traffic: the network interfaces that already exist keep carrying it while the change is applied.",
			"Example: vpce-0a1b2c3d4e5f67890 is Available with an interface in subnet-a. The consumer changes its security groups; the endpoint is Pending for a while, and clients in us-east-1a still reach the service through 10.0.1.25 the whole time.",
			"Common mistake: treating every Pending endpoint alike. A newly created endpoint carries nothing until it is Available (SVC-07); one Pending after a modification keeps working.",
		},
		See: []string{"SVC-07", "IF-07"},
	},
	{
		ID:      "SVC-07",
		Title:   "Endpoint states and which carry traffic",
		Summary: "An endpoint is PendingAcceptance, Pending, Available, Rejected, Expired, Failed, Deleting or Deleted, and only an Available endpoint, or one Pending after a modification, carries traffic.",
		Explain: []string{
			"An endpoint's state is visible on the consumer side: PendingAcceptance (waiting for the provider), Pending (being set up or changed), Available (ready), Rejected (refused by the provider), Expired (the request timed out), Failed (could not be made available), Deleting and Deleted.",
			"Traffic passes only through an Available endpoint, or through one that is Pending because the consumer modified it (SVC-06). Every other state makes the trace stop at the endpoint with its state as the reason.",
			"Example: vpce-0c0d0e0f0a0b0c0d0 was Rejected by the provider. A trace from the consumer's VPC to it is refused at the endpoint, naming this rule and the state Rejected.",
			"Common mistake: debugging routes and security groups for an endpoint whose state is the real problem. Check the state first.",
		},
		See: []string{"SVC-05", "SVC-06", "SVC-03"},
	},
	{
		ID:      "SVC-08",
		Title:   "Overlapping CIDRs are fine",
		Summary: "Traffic from endpoint to service stays on the AWS network, and consumer and provider VPCs may have overlapping CIDRs since no route between them exists or is needed.",
		Explain: []string{
			"PrivateLink does not connect two networks; it connects one endpoint to one service. The consumer sends to the endpoint's private IP in its own VPC, and AWS carries the traffic to the provider's load balancer over its own network, never over the internet.",
			"Because no route joins the two VPCs, their address ranges do not need to be distinct. That is a key difference from peering or transit gateways, which refuse overlapping CIDRs.",
			"Example: the consumer vpc-app and the provider vpc-orders both use 10.0.0.0/16. The consumer's endpoint at 10.0.1.25 reaches the provider's NLB in 10.0.3.0/24 without any route between the VPCs.",
			"Common mistake: adding a peering connection or routes between consumer and provider to make PrivateLink work. They are not needed, and with overlapping CIDRs they are impossible.",
		},
		See: []string{"SVC-01", "NET-05"},
	},
	{
		ID:      "SVC-09",
		Title:   "Same Region by default; cross-Region if the provider allows it",
		Summary: "An endpoint and its service are in the same Region by default, but a provider may list supported Regions and a consumer may then choose the service Region of an interface endpoint.",
		Explain: []string{
			"Normally an interface endpoint connects to a service in its own Region. A provider can list supported Regions on its endpoint service; consumers in those Regions may then create an interface endpoint whose service Region differs from the endpoint's own, which is cross-Region PrivateLink.",
			"Gateway endpoints never cross Regions (GW-09), and a service Region that the provider has not listed is refused.",
			"Example: vpce-svc-0123456789abcdef0 lives in us-east-1 and lists us-west-2 as supported. A consumer in us-west-2 creates an interface endpoint with service Region us-east-1 and reaches the service through interfaces in its own us-west-2 subnets.",
			"Common mistake: creating the endpoint in the provider's Region instead of the consumer's. The endpoint's interfaces must be in the consumer's VPC; only the service Region points elsewhere.",
		},
		See: []string{"SVC-02", "GW-09", "SVC-10"},
	},
	{
		ID:      "SVC-10",
		Title:   "Endpoints only in the service's Availability Zones",
		Summary: "A consumer can place an interface endpoint only in Availability Zones where the endpoint service is available, the zones of its load balancer.",
		Explain: []string{
			"An endpoint service is available in the Availability Zones where its load balancer has a presence. A consumer's endpoint interfaces must be in those zones, since each interface hands traffic to the load balancer in its own zone.",
			"Choosing a subnet in another zone is refused under this rule. Providers serving many consumers therefore enable their load balancer in many zones.",
			"Example: the NLB behind vpce-svc-0123456789abcdef0 is in us-east-1a and us-east-1b. A consumer creates an endpoint with subnets in us-east-1a and us-east-1c; the us-east-1c subnet is refused, and the consumer's clients in us-east-1c must cross to another zone's interface.",
			"Common mistake: a provider enabling only one zone to save costs, which forces every consumer into that zone.",
		},
		See: []string{"IF-01", "SVC-01", "SVC-09"},
	},
}
