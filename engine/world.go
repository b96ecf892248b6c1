package engine

import (
	"net/netip"

	"privatelink-playground/engine/policy"
)

// World is a compiled scenario: every resource indexed by ID, a route trie
// per route table and transit gateway, DNS views and parsed policies. It is
// built by Compile and never changes afterwards, so traces may share it.
type World struct {
	s      *Scenario
	region string

	vpcs       map[string]*vpcNode
	vpcList    []*vpcNode
	subnets    map[string]*subnetNode
	tables     map[string]*tableNode
	groups     map[string]*groupNode
	acls       map[string]*NetworkACL
	instances  map[string]*instanceNode
	endpoints  map[string]*endpointNode
	nats       map[string]*natNode
	peerings   map[string]*Peering
	tgws       map[string]*tgwNode
	networks   map[string]*networkNode
	hosts      map[string]*hostNode
	lbs        map[string]*lbNode
	services   map[string]*serviceNode // endpoint services by ID
	svcByName  map[string]*serviceNode // and by service name
	zones      []*zoneNode
	resolvers  map[string]*resolverNode
	rules      []*ResolverRule
	dnsServers map[netip.Addr][]*dnsServerNode // on-premises DNS servers by address; sites may overlap
	inboundIPs map[netip.Addr][]*iface         // inbound Resolver interfaces by address; overlapping VPCs may share one
	vpceNames  map[string]*vpceName
	buckets    map[string]*storeNode
	ddbTables  map[string]*storeNode
	topics     map[string]*storeNode // SNS topics by ARN
	kmsKeys    map[string]*storeNode // KMS keys by ARN
	principals map[string][]*policy.Policy
}

// Scenario returns the normalized scenario the world was compiled from. The
// caller must not change it.
func (w *World) Scenario() *Scenario { return w.s }

type vpcNode struct {
	v       *VPC
	cidrs   []netip.Prefix
	cidrs6  []netip.Prefix
	subnets []*subnetNode
	owners  map[netip.Addr]*iface // every interface of the VPC by address
	peers   map[string]string     // peer VPC ID → peering ID
	tgws    map[string]*TGWAttachment
	network *networkNode // on-premises network joined by the VPC's VGW
	zones   []*zoneNode  // private zones associated, endpoint zones included
}

// contains reports whether an address is inside one of the VPC's CIDRs.
func (v *vpcNode) contains(a netip.Addr) bool {
	for _, p := range v.cidrs {
		if p.Contains(a) {
			return true
		}
	}
	for _, p := range v.cidrs6 {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

type subnetNode struct {
	s      *Subnet
	vpc    *vpcNode
	cidr   netip.Prefix
	cidr6  netip.Prefix
	table  *tableNode
	acl    *NetworkACL
	used   map[netip.Addr]bool
	nextV4 int
	nextV6 int
}

type tableNode struct {
	t    *RouteTable
	vpc  *vpcNode
	trie *routeTrie
	// gateway lists the gateway endpoints associated with the table.
	gateway []*endpointNode
}

type groupNode struct {
	g   *SecurityGroup
	vpc *vpcNode
}

// ifaceKind says what owns a network interface.
type ifaceKind int

const (
	ifaceInstance ifaceKind = iota
	ifaceEndpoint
	ifaceResolver
	ifaceLoadBalancer
)

// iface is a network interface: the thing a packet is delivered to.
type iface struct {
	kind     ifaceKind
	id       string // owner's ID
	subnet   *subnetNode
	addr     netip.Addr
	groups   []string
	instance *instanceNode
	endpoint *endpointNode
	resolver *resolverNode
	lb       *lbNode
}

type instanceNode struct {
	i              *Instance
	subnet         *subnetNode
	ip4, ip6, pub  netip.Addr
	ifc4, ifc6     *iface
	targetOfLBs    []*lbNode
	principalOwner string
}

type endpointNode struct {
	e       *VPCEndpoint
	vpc     *vpcNode
	aws     *Service     // the AWS service, or nil
	svc     *serviceNode // the endpoint service, or nil
	region  string       // the service's Region
	enis    []*iface
	state   string
	policy  *policy.Policy
	suffix  string // DNS-03 name suffix
	onlyIn  bool   // private DNS only for the inbound Resolver endpoint
	service string // service short name or endpoint service ID, for names
}

type natNode struct {
	n       *NATGateway
	subnet  *subnetNode
	private netip.Addr // its address in its subnet: the source it gives what it forwards
	public  netip.Addr // the Elastic IP the internet gateway puts in its place
}

type tgwNode struct {
	t         *TransitGateway
	trie      *routeTrie
	attach    map[string]*TGWAttachment
	byVPC     map[string]*TGWAttachment
	byNetwork map[string]*TGWAttachment
}

type networkNode struct {
	n     *OnPremNetwork
	cidrs []netip.Prefix
	dns   *dnsServerNode // the site's first DNS server, which its hosts ask; nil for none
}

// contains reports whether an address is inside the site's CIDRs.
func (n *networkNode) contains(a netip.Addr) bool {
	for _, p := range n.cidrs {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

type hostNode struct {
	h   *Host
	net *networkNode
	ip  netip.Addr
}

type dnsServerNode struct {
	d   *DNSServer
	net *networkNode
	ip  netip.Addr
}

type lbNode struct {
	lb    *LoadBalancer
	vpc   *vpcNode
	nodes []*iface
}

type serviceNode struct {
	s      *EndpointService
	name   string
	region string
	lbs    []*lbNode
}

type resolverNode struct {
	r      *ResolverEndpoint
	vpc    *vpcNode
	ifaces []*iface
}

// zoneNode is a DNS zone: a hosted zone, or the hidden zone AWS creates for
// an interface endpoint's private DNS name (DNS-02).
type zoneNode struct {
	id       string
	name     string
	private  bool
	records  map[string][]Record
	endpoint *endpointNode // set for an endpoint's private DNS zone
	wildcard bool          // the endpoint zone also answers names under it
}

// vpceName is an endpoint-specific DNS name (DNS-03): regional, or zonal
// for one Availability Zone.
type vpceName struct {
	endpoint *endpointNode
	az       string
}

// storeNode is a resource with a resource policy that a trace's request
// may name (POL-01): a bucket or a table as written, or an SNS topic or a
// KMS key with the account and Region of its ARN.
type storeNode struct {
	d      *DataStore
	policy *policy.Policy
	// keyPolicy marks a KMS key, whose key policy follows its own rules.
	keyPolicy bool
}
