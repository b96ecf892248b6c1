package engine

import (
	"net/netip"
	"slices"
)

// Service is one built-in AWS service of the catalogue: what endpoints it
// supports and how it is named (SVC-02).
type Service struct {
	// Name is the short name, the last label of the service name ("s3").
	Name string
	// Title is the name a learner knows ("Amazon S3").
	Title string
	// Gateway and Interface report the endpoint types the service supports
	// (VAL-03): S3 and DynamoDB support both, the others Interface only.
	Gateway   bool
	Interface bool
	// EndpointPolicies reports whether the service supports endpoint
	// policies; an endpoint to a service that does not has full access (IF-05).
	EndpointPolicies bool
	// Port is the TCP port the service listens on (IF-13).
	Port int
	// Wildcard reports whether the service's private DNS also covers every
	// name under its regional name (S3 buckets, API Gateway API IDs).
	Wildcard bool
}

// catalogue lists the built-in services in a fixed order. Which services
// support endpoint policies follows AWS's "AWS services that integrate with
// AWS PrivateLink" table; the Session Manager channels do not.
var catalogue = []Service{
	{Name: "s3", Title: "Amazon S3", Gateway: true, Interface: true, EndpointPolicies: true, Port: 443, Wildcard: true},
	{Name: "dynamodb", Title: "Amazon DynamoDB", Gateway: true, Interface: true, EndpointPolicies: true, Port: 443},
	{Name: "sqs", Title: "Amazon SQS", Interface: true, EndpointPolicies: true, Port: 443},
	{Name: "sns", Title: "Amazon SNS", Interface: true, EndpointPolicies: true, Port: 443},
	{Name: "sts", Title: "AWS STS", Interface: true, EndpointPolicies: true, Port: 443},
	{Name: "kms", Title: "AWS KMS", Interface: true, EndpointPolicies: true, Port: 443},
	{Name: "ec2", Title: "Amazon EC2 API", Interface: true, EndpointPolicies: true, Port: 443},
	{Name: "ssm", Title: "AWS Systems Manager", Interface: true, EndpointPolicies: true, Port: 443},
	{Name: "logs", Title: "Amazon CloudWatch Logs", Interface: true, EndpointPolicies: true, Port: 443},
	{Name: "secretsmanager", Title: "AWS Secrets Manager", Interface: true, EndpointPolicies: true, Port: 443},
	{Name: "execute-api", Title: "Amazon API Gateway", Interface: true, EndpointPolicies: true, Port: 443, Wildcard: true},
	{Name: "lambda", Title: "AWS Lambda", Interface: true, EndpointPolicies: true, Port: 443},
	{Name: "monitoring", Title: "Amazon CloudWatch", Interface: true, EndpointPolicies: true, Port: 443},
	{Name: "ssmmessages", Title: "Session Manager messages", Interface: true, Port: 443},
	{Name: "ec2messages", Title: "Systems Manager agent messages", Interface: true, Port: 443},
}

// Services returns the catalogue's services in a fixed order.
func Services() []Service { return append([]Service(nil), catalogue...) }

// serviceByShort finds a service by its short name.
func serviceByShort(short string) (Service, bool) {
	for _, s := range catalogue {
		if s.Name == short {
			return s, true
		}
	}
	return Service{}, false
}

// LookupService finds an AWS service by its service name,
// com.amazonaws.REGION.NAME (SVC-02), in a Region the catalogue knows.
// Endpoint services (com.amazonaws.vpce.…) are not in the catalogue.
func LookupService(serviceName string) (Service, bool) {
	s, _, ok := lookupService(serviceName)
	return s, ok
}

// lookupService is LookupService that also returns the Region.
func lookupService(serviceName string) (Service, string, bool) {
	p, ok := splitServiceName(serviceName)
	if !ok || p.endpointService || !KnownRegion(p.region) {
		return Service{}, "", false
	}
	s, ok := serviceByShort(p.short)
	return s, p.region, ok
}

// ServiceName is the service's name in a Region: com.amazonaws.REGION.NAME.
func (s Service) ServiceName(region string) string { return "com.amazonaws." + region + "." + s.Name }

// DNSName is the service's default regional DNS name, e.g.
// sqs.us-east-1.amazonaws.com; an interface endpoint's private DNS answers it
// inside the VPC (DNS-02).
func (s Service) DNSName(region string) string { return s.Name + "." + region + ".amazonaws.com" }

// Supports reports whether the service supports an endpoint type (VAL-03).
func (s Service) Supports(endpointType string) bool {
	switch endpointType {
	case EndpointGateway:
		return s.Gateway
	case EndpointInterface:
		return s.Interface
	}
	return false
}

// EndpointTypes lists the endpoint types the service supports.
func (s Service) EndpointTypes() []string {
	var out []string
	if s.Gateway {
		out = append(out, EndpointGateway)
	}
	if s.Interface {
		out = append(out, EndpointInterface)
	}
	return out
}

// PublicAddress is the deterministic address the service's public name
// resolves to in a Region: for S3 and DynamoDB an address inside the Region's
// prefix list (GW-02), for the others an illustrative public address. ok is
// false for an unknown Region, or for IPv6 where the service has no IPv6
// prefix list (only S3 has one, GW-07).
func (s Service) PublicAddress(region string, ipv6 bool) (netip.Addr, bool) {
	ri := regionIndex(region)
	if ri < 0 {
		return netip.Addr{}, false
	}
	if s.Gateway {
		pl, ok := prefixListFor(s.Name, region, ipv6)
		if !ok {
			return netip.Addr{}, false
		}
		return addrInPrefix(pl.largest()), true
	}
	if ipv6 {
		return netip.Addr{}, false
	}
	// Illustrative: 52.46.(16·region + service).10, outside every prefix list.
	si := slices.IndexFunc(catalogue, func(c Service) bool { return c.Name == s.Name })
	if si < 0 {
		return netip.Addr{}, false
	}
	return netip.AddrFrom4([4]byte{52, 46, byte(16*ri + si), 10}), true
}

// addrInPrefix picks a stable host address inside p: base + 0.0.4.17 in
// blocks of /20 or larger, base + 17 in smaller ones (IPv6: base + ::417).
func addrInPrefix(p netip.Prefix) netip.Addr {
	b := p.Masked().Addr().AsSlice()
	n := len(b)
	if p.Addr().Is6() {
		b[n-2], b[n-1] = 0x04, 0x17
	} else if p.Bits() <= 20 {
		b[n-2] += 4
		b[n-1] += 17
	} else {
		b[n-1] += 17
	}
	a, _ := netip.AddrFromSlice(b)
	return a
}

// ServiceAt reports which service owns a public address: any address inside
// an S3 or DynamoDB prefix list, or the illustrative address of another
// service. It returns the service and the Region.
func ServiceAt(a netip.Addr) (Service, string, bool) {
	if pl, ok := prefixListContaining(a); ok {
		s, _ := serviceByShort(pl.Service)
		return s, pl.Region, true
	}
	if !a.Is4() {
		return Service{}, "", false
	}
	b := a.As4()
	if b[0] != 52 || b[1] != 46 || b[3] != 10 {
		return Service{}, "", false
	}
	ri, si := int(b[2])/16, int(b[2])%16
	if ri >= len(regions) || si >= len(catalogue) || catalogue[si].Gateway {
		return Service{}, "", false
	}
	return catalogue[si], regions[ri], true
}
