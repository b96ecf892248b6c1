package engine

import (
	"net/netip"
	"strings"
)

// AWS defaults that Normalize makes explicit. Each is what AWS does when the
// corresponding setting is left out (SCENARIO.md, RULES.md).
const (
	// DefaultRegion is the home Region of a scenario that names none.
	DefaultRegion = "us-east-1"
	// DefaultPort, DefaultProtocol and DefaultIPVersion complete a TraceRequest.
	DefaultPort      = 443
	DefaultProtocol  = "tcp"
	DefaultIPVersion = 4
	// DefaultGatewayEndpointsPerRegion is AWS's adjustable quota of gateway
	// endpoints per Region per account (GW-12).
	DefaultGatewayEndpointsPerRegion = 20
	// MaxGatewayEndpointsPerVPC is AWS's fixed quota of gateway endpoints per
	// VPC (GW-12).
	MaxGatewayEndpointsPerVPC = 255
	// DefaultPendingSeconds is how long an endpoint stays Pending (SVC-05).
	DefaultPendingSeconds = 60
	// DefaultAcceptanceExpirySeconds is how long an unanswered
	// PendingAcceptance lasts before Expired: AWS does not document it, the
	// simulator uses a week (SVC-05).
	DefaultAcceptanceExpirySeconds = 604800
	// DefaultGroupName is the name of a VPC's default security group.
	DefaultGroupName = "default"
	// IPAddressTypeIPv4, IPAddressTypeIPv6 and IPAddressTypeDualstack are the
	// values of VPCEndpoint.IPAddressType (IF-02, GW-07).
	IPAddressTypeIPv4      = "ipv4"
	IPAddressTypeIPv6      = "ipv6"
	IPAddressTypeDualstack = "dualstack"
)

// Deterministic IDs of the resources Normalize creates for a VPC. The suffix
// is the VPC ID without its "vpc-" prefix (the whole ID if it has none), so
// vpc-app gets sg-default-app, acl-default-app and rtb-main-app.
const (
	defaultSGPrefix  = "sg-default-"
	defaultACLPrefix = "acl-default-"
	mainRTBPrefix    = "rtb-main-"
)

// DefaultSecurityGroupID is the ID Normalize gives the default security group
// it creates for a VPC that has none named "default".
func DefaultSecurityGroupID(vpcID string) string { return defaultSGPrefix + vpcSuffix(vpcID) }

// DefaultNetworkACLID is the ID Normalize gives the default network ACL it
// creates for a VPC that has none marked isDefault.
func DefaultNetworkACLID(vpcID string) string { return defaultACLPrefix + vpcSuffix(vpcID) }

// MainRouteTableID is the ID Normalize gives the main route table it creates
// for a VPC that has no route table at all.
func MainRouteTableID(vpcID string) string { return mainRTBPrefix + vpcSuffix(vpcID) }

func vpcSuffix(vpcID string) string { return strings.TrimPrefix(vpcID, "vpc-") }

// WithDefaults returns the request with AWS's defaults filled in: port 443,
// protocol "tcp", and IP version 4, or 6 when `to` is an IPv6 literal.
func (r TraceRequest) WithDefaults() TraceRequest {
	if r.Port == 0 {
		r.Port = DefaultPort
	}
	if r.Protocol == "" {
		r.Protocol = DefaultProtocol
	}
	if r.IPVersion == 0 {
		r.IPVersion = DefaultIPVersion
		if a, err := netip.ParseAddr(r.To); err == nil && a.Is6() && !a.Is4In6() {
			r.IPVersion = 6
		}
	}
	return r
}

// Normalize returns a deep copy of s with every AWS default made explicit,
// so that later stages never need to know a default. It never changes s and
// never panics, whatever s holds (a nil s gives nil); on an invalid scenario
// it fills what it can. The defaults:
//
//   - region: "us-east-1"; each VPC's, bucket's and table's region: the
//     scenario's.
//   - VPC enableDnsSupport true, enableDnsHostnames false (DNS-01).
//   - Security groups: a VPC without a group named "default" gets one,
//     DefaultSecurityGroupID(vpc), allowing all traffic in from its own
//     members and all traffic out. A group whose egress is omitted (nil, not
//     an explicit empty list) allows all traffic out, IPv4 and IPv6, as AWS
//     creates it.
//   - Network ACLs: a VPC without one marked isDefault gets
//     DefaultNetworkACLID(vpc), allowing all traffic both ways (rules 100 for
//     0.0.0.0/0 and 101 for ::/0). Subnets without networkAcl use the
//     default ACL.
//   - Route tables: the table marked main, else the first table, is main; a
//     VPC without tables gets an empty MainRouteTableID(vpc). Subnets without
//     routeTable use the main table.
//   - Endpoints: account is the VPC's; ipAddressType "ipv4"; an interface
//     endpoint has privateDnsEnabled true and, without securityGroupIds, the
//     VPC's default group (IF-03). An S3 interface endpoint with private DNS
//     and privateDnsOnlyForInboundResolverEndpoint unset gets true only when
//     its VPC has an S3 gateway endpoint: AWS defaults it to true (DNS-08) but
//     creating it so fails without the gateway endpoint, so a static scenario
//     that leaves it out there means false. With private DNS off it is false.
//   - Quotas: 20 gateway endpoints per Region, 255 per VPC (GW-12); timing:
//     60 s Pending, a week before an unanswered request expires (SVC-05).
//   - Saved traces: TraceRequest.WithDefaults.
func Normalize(s *Scenario) *Scenario {
	if s == nil {
		return nil
	}
	n := cloneScenario(s)
	if n.Region == "" {
		n.Region = DefaultRegion
	}
	for i := range n.VPCs {
		normalizeVPC(&n.VPCs[i], n.Region)
	}
	for i := range n.Buckets {
		if n.Buckets[i].Region == "" {
			n.Buckets[i].Region = n.Region
		}
	}
	for i := range n.Tables {
		if n.Tables[i].Region == "" {
			n.Tables[i].Region = n.Region
		}
	}
	if n.Quotas == nil {
		n.Quotas = &Quotas{}
	}
	if n.Quotas.GatewayEndpointsPerRegion == nil {
		n.Quotas.GatewayEndpointsPerRegion = new(DefaultGatewayEndpointsPerRegion)
	}
	if n.Quotas.GatewayEndpointsPerVPC == nil {
		n.Quotas.GatewayEndpointsPerVPC = new(MaxGatewayEndpointsPerVPC)
	}
	if n.Timing == nil {
		n.Timing = &Timing{}
	}
	if n.Timing.PendingSeconds == nil {
		n.Timing.PendingSeconds = new(DefaultPendingSeconds)
	}
	if n.Timing.AcceptanceExpirySeconds == nil {
		n.Timing.AcceptanceExpirySeconds = new(DefaultAcceptanceExpirySeconds)
	}
	for i := range n.Traces {
		n.Traces[i] = n.Traces[i].WithDefaults()
	}
	return n
}

// normalizeVPC fills the defaults of one VPC (already a private copy).
func normalizeVPC(v *VPC, region string) {
	if v.Region == "" {
		v.Region = region
	}
	if v.EnableDNSSupport == nil {
		v.EnableDNSSupport = new(true)
	}
	if v.EnableDNSHostnames == nil {
		v.EnableDNSHostnames = new(false)
	}
	defaultSG := normalizeSecurityGroups(v)
	defaultACL := normalizeNetworkACLs(v)
	mainRTB := normalizeRouteTables(v)
	for i := range v.Subnets {
		sn := &v.Subnets[i]
		if sn.RouteTable == "" {
			sn.RouteTable = mainRTB
		}
		if sn.NetworkACL == "" {
			sn.NetworkACL = defaultACL
		}
	}
	s3Gateway := false
	for _, e := range v.Endpoints {
		if e.VPCEndpointType == EndpointGateway && isServiceNamed(e.ServiceName, "s3") {
			s3Gateway = true
		}
	}
	for i := range v.Endpoints {
		normalizeEndpoint(&v.Endpoints[i], v, defaultSG, s3Gateway)
	}
}

// normalizeSecurityGroups adds the default group if missing, fills omitted
// egress rules, and returns the default group's ID.
func normalizeSecurityGroups(v *VPC) string {
	defaultID := ""
	for _, g := range v.SecurityGroups {
		if g.GroupName == DefaultGroupName {
			defaultID = g.ID
			break
		}
	}
	if defaultID == "" {
		defaultID = DefaultSecurityGroupID(v.ID)
		v.SecurityGroups = append(v.SecurityGroups, SecurityGroup{
			ID:        defaultID,
			GroupName: DefaultGroupName,
			Ingress:   []SGRule{{IPProtocol: "-1", GroupID: defaultID}},
		})
	}
	for i := range v.SecurityGroups {
		g := &v.SecurityGroups[i]
		if g.Ingress == nil {
			g.Ingress = []SGRule{}
		}
		if g.Egress == nil {
			g.Egress = []SGRule{
				{IPProtocol: "-1", CIDRIP: "0.0.0.0/0"},
				{IPProtocol: "-1", CIDRIPv6: "::/0"},
			}
		}
	}
	return defaultID
}

// normalizeNetworkACLs adds the default ACL if missing and returns its ID.
func normalizeNetworkACLs(v *VPC) string {
	for _, a := range v.NetworkACLs {
		if a.IsDefault {
			return a.ID
		}
	}
	id := DefaultNetworkACLID(v.ID)
	v.NetworkACLs = append(v.NetworkACLs, NetworkACL{
		ID:        id,
		IsDefault: true,
		Entries: []ACLEntry{
			{RuleNumber: 100, Egress: false, IPProtocol: "-1", CIDRBlock: "0.0.0.0/0", RuleAction: "allow"},
			{RuleNumber: 101, Egress: false, IPProtocol: "-1", CIDRBlock: "::/0", RuleAction: "allow"},
			{RuleNumber: 100, Egress: true, IPProtocol: "-1", CIDRBlock: "0.0.0.0/0", RuleAction: "allow"},
			{RuleNumber: 101, Egress: true, IPProtocol: "-1", CIDRBlock: "::/0", RuleAction: "allow"},
		},
	})
	return id
}

// normalizeRouteTables makes sure exactly one table is marked main (the
// first marked one, else the first one, else a new empty table) and returns
// its ID.
func normalizeRouteTables(v *VPC) string {
	for i := range v.RouteTables {
		if v.RouteTables[i].Main {
			return v.RouteTables[i].ID
		}
	}
	if len(v.RouteTables) == 0 {
		v.RouteTables = append(v.RouteTables, RouteTable{ID: MainRouteTableID(v.ID), Routes: []Route{}})
	}
	v.RouteTables[0].Main = true
	return v.RouteTables[0].ID
}

// normalizeEndpoint fills one endpoint's defaults.
func normalizeEndpoint(e *VPCEndpoint, v *VPC, defaultSG string, s3Gateway bool) {
	if e.Account == "" {
		e.Account = v.Account
	}
	if e.IPAddressType == "" {
		e.IPAddressType = IPAddressTypeIPv4
	}
	if e.VPCEndpointType != EndpointInterface {
		return
	}
	if e.PrivateDNSEnabled == nil {
		e.PrivateDNSEnabled = new(true)
	}
	if len(e.SecurityGroupIDs) == 0 {
		e.SecurityGroupIDs = []string{defaultSG}
	}
	if isServiceNamed(e.ServiceName, "s3") && e.PrivateDNSOnlyForInboundResolverEndpoint == nil {
		e.PrivateDNSOnlyForInboundResolverEndpoint = new(*e.PrivateDNSEnabled && s3Gateway)
	}
}

// isServiceNamed reports whether serviceName is the AWS service short in some
// Region: isServiceNamed("com.amazonaws.us-east-1.s3", "s3") is true.
func isServiceNamed(serviceName, short string) bool {
	p, ok := splitServiceName(serviceName)
	return ok && !p.endpointService && p.short == short
}
