// Package engine is the pure simulation of the PrivateLink Playground: the
// scenario model of SCENARIO.md v1, its decoding and validation, the compiled
// world and the trace. It imports no UI, no Graphviz and no syscall/js, and it
// reads no clock or randomness it is not given, so the same code runs natively
// and in WebAssembly.
package engine

import "encoding/json"

// Scenario is one document of the scenario format v1: the world a learner draws.
type Scenario struct {
	Version                 int                      `json:"version"`
	Title                   string                   `json:"title,omitempty"`
	Description             string                   `json:"description,omitempty"`
	Region                  string                   `json:"region,omitempty"`
	Accounts                []Account                `json:"accounts,omitempty"`
	VPCs                    []VPC                    `json:"vpcs,omitempty"`
	LoadBalancers           []LoadBalancer           `json:"loadBalancers,omitempty"`
	EndpointServices        []EndpointService        `json:"endpointServices,omitempty"`
	HostedZones             []HostedZone             `json:"hostedZones,omitempty"`
	ResolverEndpoints       []ResolverEndpoint       `json:"resolverEndpoints,omitempty"`
	ResolverRules           []ResolverRule           `json:"resolverRules,omitempty"`
	Networks                []OnPremNetwork          `json:"networks,omitempty"`
	Peerings                []Peering                `json:"peerings,omitempty"`
	TransitGateways         []TransitGateway         `json:"transitGateways,omitempty"`
	Buckets                 []DataStore              `json:"buckets,omitempty"`
	Tables                  []DataStore              `json:"tables,omitempty"`
	Principals              []Principal              `json:"principals,omitempty"`
	SNSTopics               []SNSTopic               `json:"snsTopics,omitempty"`
	KMSKeys                 []KMSKey                 `json:"kmsKeys,omitempty"`
	ConnectionNotifications []ConnectionNotification `json:"connectionNotifications,omitempty"`
	Quotas                  *Quotas                  `json:"quotas,omitempty"`
	Prices                  *Prices                  `json:"prices,omitempty"`
	Timing                  *Timing                  `json:"timing,omitempty"`
	Traces                  []TraceRequest           `json:"traces,omitempty"`
	Layout                  json.RawMessage          `json:"layout,omitempty"`
	// Clock is the simulated clock in seconds, an optional addition to
	// SCENARIO.md v1 written by `apply` so that a run can be resumed from its
	// output (omitted: 0, the start of the simulation). See Apply.
	Clock int `json:"clock,omitempty"`
}

// Account is an AWS account with its 12-digit ID.
type Account struct {
	ID   string `json:"id"`
	Name string `json:"name,omitempty"`
}

// VPC is a virtual private cloud with everything that lives inside it.
type VPC struct {
	ID                    string          `json:"id"`
	Account               string          `json:"account"`
	Region                string          `json:"region,omitempty"`
	CIDRBlocks            []string        `json:"cidrBlocks"`
	IPv6CIDRBlocks        []string        `json:"ipv6CidrBlocks,omitempty"`
	EnableDNSSupport      *bool           `json:"enableDnsSupport,omitempty"`
	EnableDNSHostnames    *bool           `json:"enableDnsHostnames,omitempty"`
	InternetGateway       string          `json:"internetGateway,omitempty"`
	VirtualPrivateGateway string          `json:"virtualPrivateGateway,omitempty"`
	Subnets               []Subnet        `json:"subnets,omitempty"`
	RouteTables           []RouteTable    `json:"routeTables,omitempty"`
	NATGateways           []NATGateway    `json:"natGateways,omitempty"`
	SecurityGroups        []SecurityGroup `json:"securityGroups,omitempty"`
	NetworkACLs           []NetworkACL    `json:"networkAcls,omitempty"`
	Instances             []Instance      `json:"instances,omitempty"`
	Endpoints             []VPCEndpoint   `json:"endpoints,omitempty"`
}

// DNSSupport reports enableDnsSupport, which defaults to true (DNS-01).
func (v *VPC) DNSSupport() bool { return v.EnableDNSSupport == nil || *v.EnableDNSSupport }

// DNSHostnames reports enableDnsHostnames, which defaults to false (DNS-01).
func (v *VPC) DNSHostnames() bool { return v.EnableDNSHostnames != nil && *v.EnableDNSHostnames }

// Subnet is a range of a VPC in one Availability Zone.
type Subnet struct {
	ID               string   `json:"id"`
	AvailabilityZone string   `json:"availabilityZone"`
	CIDRBlock        string   `json:"cidrBlock,omitempty"`
	IPv6CIDRBlock    string   `json:"ipv6CidrBlock,omitempty"`
	RouteTable       string   `json:"routeTable,omitempty"`
	NetworkACL       string   `json:"networkAcl,omitempty"`
	SharedWith       []string `json:"sharedWith,omitempty"`
}

// RouteTable holds a VPC's routes; the local route is implied.
type RouteTable struct {
	ID               string   `json:"id"`
	Main             bool     `json:"main,omitempty"`
	Routes           []Route  `json:"routes"`
	EdgeAssociations []string `json:"edgeAssociations,omitempty"`
}

// Route sends one destination (a CIDR or a prefix list) to a target ID.
type Route struct {
	DestinationCIDRBlock     string `json:"destinationCidrBlock,omitempty"`
	DestinationIPv6CIDRBlock string `json:"destinationIpv6CidrBlock,omitempty"`
	DestinationPrefixListID  string `json:"destinationPrefixListId,omitempty"`
	Target                   string `json:"target"`
}

// NATGateway lets private addresses start connections outward (NET-04).
type NATGateway struct {
	ID     string `json:"id"`
	Subnet string `json:"subnet"`
}

// SecurityGroup is a stateful filter on network interfaces (NET-02).
type SecurityGroup struct {
	ID        string   `json:"id"`
	GroupName string   `json:"groupName,omitempty"`
	Ingress   []SGRule `json:"ingress"`
	// Egress nil (omitted, or null) allows all, as AWS creates a group;
	// an empty list allows nothing out. omitzero (not omitempty) keeps
	// that difference when the scenario is written as JSON: nil is omitted,
	// an empty list is written as [].
	Egress []SGRule `json:"egress,omitzero"`
}

// SGRule is one security group rule; exactly one source or destination is set.
type SGRule struct {
	IPProtocol   string `json:"ipProtocol"`
	FromPort     *int   `json:"fromPort,omitempty"`
	ToPort       *int   `json:"toPort,omitempty"`
	CIDRIP       string `json:"cidrIp,omitempty"`
	CIDRIPv6     string `json:"cidrIpv6,omitempty"`
	PrefixListID string `json:"prefixListId,omitempty"`
	GroupID      string `json:"groupId,omitempty"`
}

// NetworkACL is a stateless subnet filter (NET-03).
type NetworkACL struct {
	ID        string     `json:"id"`
	IsDefault bool       `json:"isDefault,omitempty"`
	Entries   []ACLEntry `json:"entries"`
}

// ACLEntry is one numbered network ACL rule.
type ACLEntry struct {
	RuleNumber int    `json:"ruleNumber"`
	Egress     bool   `json:"egress"`
	IPProtocol string `json:"ipProtocol"`
	CIDRBlock  string `json:"cidrBlock"`
	FromPort   *int   `json:"fromPort,omitempty"`
	ToPort     *int   `json:"toPort,omitempty"`
	RuleAction string `json:"ruleAction"`
}

// Instance is an EC2 instance, a source or target of traffic.
type Instance struct {
	ID               string   `json:"id"`
	Subnet           string   `json:"subnet"`
	PrivateIPAddress string   `json:"privateIpAddress"`
	IPv6Address      string   `json:"ipv6Address,omitempty"`
	PublicIPAddress  string   `json:"publicIpAddress,omitempty"`
	SecurityGroups   []string `json:"securityGroups"`
	Principal        string   `json:"principal,omitempty"`
}

// VPCEndpoint is a gateway, interface or Gateway Load Balancer endpoint.
type VPCEndpoint struct {
	ID                                       string            `json:"id"`
	VPCEndpointType                          string            `json:"vpcEndpointType"`
	ServiceName                              string            `json:"serviceName"`
	Account                                  string            `json:"account,omitempty"`
	RouteTableIDs                            []string          `json:"routeTableIds,omitempty"`
	SubnetIDs                                []string          `json:"subnetIds,omitempty"`
	IPAddresses                              map[string]string `json:"ipAddresses,omitempty"`
	SecurityGroupIDs                         []string          `json:"securityGroupIds,omitempty"`
	PrivateDNSEnabled                        *bool             `json:"privateDnsEnabled,omitempty"`
	PrivateDNSOnlyForInboundResolverEndpoint *bool             `json:"privateDnsOnlyForInboundResolverEndpoint,omitempty"`
	IPAddressType                            string            `json:"ipAddressType,omitempty"`
	ServiceRegion                            string            `json:"serviceRegion,omitempty"`
	PolicyDocument                           json.RawMessage   `json:"policyDocument,omitempty"`
	State                                    string            `json:"state,omitempty"`
	Tags                                     map[string]string `json:"tags,omitempty"`
	// StateSince is the second of the simulated clock (Scenario.Clock) at
	// which the endpoint entered its state, an optional addition to v1
	// written by `apply` (omitted: 0). Pending ends timing.pendingSeconds
	// later and an unanswered PendingAcceptance expires
	// timing.acceptanceExpirySeconds later (SVC-05).
	StateSince int `json:"stateSince,omitempty"`
	// Modifying marks an endpoint that is Pending because its consumer
	// modified it while it was Available; it keeps carrying traffic until it
	// is Available again (SVC-06, SVC-07). An optional addition to v1.
	Modifying bool `json:"modifying,omitempty"`
}

// Endpoint types of VPCEndpoint.VPCEndpointType.
const (
	EndpointGateway             = "Gateway"
	EndpointInterface           = "Interface"
	EndpointGatewayLoadBalancer = "GatewayLoadBalancer"
)

// PrivateDNS reports privateDnsEnabled, which defaults to true for interface
// endpoints and is meaningless for the other types.
func (e *VPCEndpoint) PrivateDNS() bool {
	if e.VPCEndpointType != EndpointInterface {
		return false
	}
	return e.PrivateDNSEnabled == nil || *e.PrivateDNSEnabled
}

// LoadBalancer is a provider's Network or Gateway Load Balancer.
type LoadBalancer struct {
	ID        string     `json:"id"`
	Type      string     `json:"type"`
	VPC       string     `json:"vpc"`
	Subnets   []string   `json:"subnets"`
	Listeners []Listener `json:"listeners,omitempty"`
	Targets   []Target   `json:"targets,omitempty"`
}

// Listener is a load balancer's port and protocol.
type Listener struct {
	Port     int    `json:"port"`
	Protocol string `json:"protocol"`
}

// Target is an instance registered with a load balancer.
type Target struct {
	Instance string `json:"instance"`
	Port     int    `json:"port,omitempty"`
	Healthy  *bool  `json:"healthy,omitempty"`
}

// IsHealthy reports the target's health, which defaults to healthy.
func (t *Target) IsHealthy() bool { return t.Healthy == nil || *t.Healthy }

// EndpointService is a provider's service fronted by load balancers (SVC-01).
type EndpointService struct {
	ID                      string   `json:"id"`
	Account                 string   `json:"account"`
	LoadBalancers           []string `json:"loadBalancers"`
	AcceptanceRequired      bool     `json:"acceptanceRequired,omitempty"`
	AllowedPrincipals       []string `json:"allowedPrincipals,omitempty"`
	PrivateDNSName          string   `json:"privateDnsName,omitempty"`
	SupportedIPAddressTypes []string `json:"supportedIpAddressTypes,omitempty"`
	SupportedRegions        []string `json:"supportedRegions,omitempty"`
	State                   string   `json:"state,omitempty"`
}

// HostedZone is a public or private Route 53 zone.
type HostedZone struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Private bool     `json:"private"`
	VPCs    []string `json:"vpcs,omitempty"`
	Records []Record `json:"records,omitempty"`
}

// Record is one DNS record of a hosted zone.
type Record struct {
	Name        string   `json:"name"`
	Type        string   `json:"type"`
	Values      []string `json:"values,omitempty"`
	AliasTarget string   `json:"aliasTarget,omitempty"`
}

// ResolverEndpoint is an inbound or outbound Route 53 Resolver endpoint.
type ResolverEndpoint struct {
	ID               string   `json:"id"`
	Direction        string   `json:"direction"`
	VPC              string   `json:"vpc"`
	Subnets          []string `json:"subnets"`
	IPAddresses      []string `json:"ipAddresses,omitempty"`
	SecurityGroupIDs []string `json:"securityGroupIds,omitempty"`
}

// ResolverRule forwards a domain to target DNS servers, or answers it (SYSTEM).
type ResolverRule struct {
	ID               string   `json:"id"`
	DomainName       string   `json:"domainName"`
	RuleType         string   `json:"ruleType"`
	TargetIPs        []string `json:"targetIps,omitempty"`
	ResolverEndpoint string   `json:"resolverEndpoint,omitempty"`
	VPCs             []string `json:"vpcs,omitempty"`
}

// OnPremNetwork is an on-premises site connected by VPN or Direct Connect.
type OnPremNetwork struct {
	ID         string      `json:"id"`
	Name       string      `json:"name,omitempty"`
	CIDRBlocks []string    `json:"cidrBlocks"`
	Connection Connection  `json:"connection"`
	DNSServers []DNSServer `json:"dnsServers,omitempty"`
	Hosts      []Host      `json:"hosts,omitempty"`
}

// Connection joins an on-premises network to a VPC or a transit gateway.
type Connection struct {
	Type           string `json:"type"`
	VPC            string `json:"vpc,omitempty"`
	TransitGateway string `json:"transitGateway,omitempty"`
}

// DNSServer is an on-premises DNS server with its conditional forwarders.
type DNSServer struct {
	IP         string      `json:"ip"`
	Forwarders []Forwarder `json:"forwarders,omitempty"`
}

// Forwarder sends queries for a domain to target IPs.
type Forwarder struct {
	DomainName string   `json:"domainName"`
	TargetIPs  []string `json:"targetIps"`
}

// Host is an on-premises machine that can start a trace.
type Host struct {
	ID        string `json:"id"`
	IPAddress string `json:"ipAddress"`
	Principal string `json:"principal,omitempty"`
}

// Peering is an active VPC peering connection.
type Peering struct {
	ID           string `json:"id"`
	RequesterVPC string `json:"requesterVpc"`
	AccepterVPC  string `json:"accepterVpc"`
}

// TransitGateway routes between its attachments (NET-06).
type TransitGateway struct {
	ID          string          `json:"id"`
	Attachments []TGWAttachment `json:"attachments"`
	Routes      []TGWRoute      `json:"routes,omitempty"`
}

// TGWAttachment attaches a VPC (with subnets) or an on-premises network.
type TGWAttachment struct {
	ID      string   `json:"id"`
	VPC     string   `json:"vpc,omitempty"`
	Subnets []string `json:"subnets,omitempty"`
	Network string   `json:"network,omitempty"`
}

// TGWRoute is one route of a transit gateway's table.
type TGWRoute struct {
	DestinationCIDRBlock string `json:"destinationCidrBlock"`
	Attachment           string `json:"attachment"`
}

// DataStore is an S3 bucket or a DynamoDB table with its resource policy.
type DataStore struct {
	Name    string          `json:"name"`
	Account string          `json:"account"`
	Region  string          `json:"region,omitempty"`
	Policy  json.RawMessage `json:"policy,omitempty"`
}

// Principal is an IAM principal with its identity policies.
type Principal struct {
	ARN      string            `json:"arn"`
	Policies []json.RawMessage `json:"policies"`
}

// SNSTopic receives connection notifications (NTF-01).
type SNSTopic struct {
	ARN    string          `json:"arn"`
	Policy json.RawMessage `json:"policy,omitempty"`
	KMSKey string          `json:"kmsKey,omitempty"`
}

// KMSKey is a customer managed key with its key policy.
type KMSKey struct {
	ARN    string          `json:"arn"`
	Policy json.RawMessage `json:"policy"`
}

// ConnectionNotification sends lifecycle events to an SNS topic (NTF-01).
type ConnectionNotification struct {
	ID              string   `json:"id"`
	Endpoint        string   `json:"endpoint,omitempty"`
	EndpointService string   `json:"endpointService,omitempty"`
	Topic           string   `json:"topic"`
	Events          []string `json:"events"`
}

// Quotas overrides AWS's default quotas (GW-12).
type Quotas struct {
	GatewayEndpointsPerRegion *int `json:"gatewayEndpointsPerRegion,omitempty"`
	GatewayEndpointsPerVPC    *int `json:"gatewayEndpointsPerVpc,omitempty"`
}

// Prices overrides the default list prices (IF-10).
type Prices struct {
	InterfaceEndpointHour *float64 `json:"interfaceEndpointHour,omitempty"`
	DataProcessedGB       *float64 `json:"dataProcessedGB,omitempty"`
	MonthlyDataGB         *float64 `json:"monthlyDataGB,omitempty"`
	// EndpointMonthlyDataGB is the monthly data volume of single endpoints,
	// by endpoint ID, overriding MonthlyDataGB for them. An optional
	// addition to v1.
	EndpointMonthlyDataGB map[string]float64 `json:"endpointMonthlyDataGB,omitempty"`
	// GatewayLoadBalancerEndpointHour and GatewayLoadBalancerDataProcessedGB
	// price Gateway Load Balancer endpoints (defaults: AWS's us-east-1 list
	// prices, see EstimateCost). Optional additions to v1.
	GatewayLoadBalancerEndpointHour    *float64 `json:"gatewayLoadBalancerEndpointHour,omitempty"`
	GatewayLoadBalancerDataProcessedGB *float64 `json:"gatewayLoadBalancerDataProcessedGB,omitempty"`
}

// Timing sets the simulated clock's delays (SVC-05).
type Timing struct {
	PendingSeconds          *int `json:"pendingSeconds,omitempty"`
	AcceptanceExpirySeconds *int `json:"acceptanceExpirySeconds,omitempty"`
}

// TraceRequest is a saved or asked request: from a source to a name or IP.
type TraceRequest struct {
	From      string `json:"from"`
	To        string `json:"to"`
	Port      int    `json:"port,omitempty"`
	Protocol  string `json:"protocol,omitempty"`
	IPVersion int    `json:"ipVersion,omitempty"`
	Action    string `json:"action,omitempty"`
	Resource  string `json:"resource,omitempty"`
	Principal string `json:"principal,omitempty"`
}
