package engine

import (
	"net/netip"
	"slices"
)

// PrefixList is an AWS-managed prefix list: the CIDRs of S3 or DynamoDB in
// one Region. A gateway endpoint's route uses it as destination (GW-01) and a
// security group rule may name it (GW-13).
type PrefixList struct {
	ID      string
	Name    string
	Service string
	Region  string
	IPv6    bool
	CIDRs   []netip.Prefix
}

// largest returns the list's widest CIDR (the first of equal width).
func (p PrefixList) largest() netip.Prefix {
	best := p.CIDRs[0]
	for _, c := range p.CIDRs[1:] {
		if c.Bits() < best.Bits() {
			best = c
		}
	}
	return best
}

// Contains reports whether an address lies inside one of the list's CIDRs.
func (p PrefixList) Contains(a netip.Addr) bool {
	for _, c := range p.CIDRs {
		if c.Contains(a) {
			return true
		}
	}
	return false
}

// regions are the Regions the catalogue knows, in a fixed order (the order
// picks the illustrative public addresses of catalogue.go).
var regions = []string{
	"us-east-1", "us-east-2", "us-west-1", "us-west-2",
	"eu-west-1", "eu-central-1", "ap-southeast-1", "ap-northeast-1",
}

// Regions returns the Regions the catalogue knows.
func Regions() []string { return slices.Clone(regions) }

// KnownRegion reports whether the catalogue knows a Region.
func KnownRegion(r string) bool { return regionIndex(r) >= 0 }

func regionIndex(r string) int { return slices.Index(regions, r) }

// prefixLists holds every prefix list. us-east-1's IPv4 lists are AWS's
// published values (pl-63a5400a for S3, pl-02cd2c6b for DynamoDB). Every
// other entry is ILLUSTRATIVE: stable, distinct IDs (pl-5300e0NN for S3,
// pl-dd00e0NN for DynamoDB, pl-5306e0NN for S3 over IPv6, NN the Region's
// number) and CIDRs that do not overlap one another, chosen so lessons about
// Regions (GW-03) and IPv6 (GW-07) behave as in AWS. They are not AWS's
// current values.
var prefixLists = []PrefixList{
	pl("pl-63a5400a", "s3", "us-east-1", "54.231.0.0/17", "52.216.0.0/15", "3.5.16.0/21", "3.5.0.0/20"),
	pl("pl-02cd2c6b", "dynamodb", "us-east-1", "52.94.0.0/22", "52.119.224.0/20"),
	pl("pl-5306e001", "s3", "us-east-1", "2600:1fa0:8000::/40"),

	pl("pl-5300e002", "s3", "us-east-2", "52.219.80.0/20", "3.5.128.0/22"),
	pl("pl-dd00e002", "dynamodb", "us-east-2", "52.94.4.0/24"),
	pl("pl-5306e002", "s3", "us-east-2", "2600:1fa0:8100::/40"),

	pl("pl-5300e003", "s3", "us-west-1", "52.219.16.0/20", "3.5.160.0/22"),
	pl("pl-dd00e003", "dynamodb", "us-west-1", "52.94.12.0/24"),
	pl("pl-5306e003", "s3", "us-west-1", "2600:1fa0:8200::/40"),

	pl("pl-5300e004", "s3", "us-west-2", "52.218.128.0/17", "3.5.76.0/22"),
	pl("pl-dd00e004", "dynamodb", "us-west-2", "52.94.10.0/24"),
	pl("pl-5306e004", "s3", "us-west-2", "2600:1fa0:8300::/40"),

	pl("pl-5300e005", "s3", "eu-west-1", "52.218.0.0/17", "3.5.64.0/21"),
	pl("pl-dd00e005", "dynamodb", "eu-west-1", "52.94.5.0/24"),
	pl("pl-5306e005", "s3", "eu-west-1", "2600:1fa0:8400::/40"),

	pl("pl-5300e006", "s3", "eu-central-1", "52.219.168.0/21", "3.5.134.0/23"),
	pl("pl-dd00e006", "dynamodb", "eu-central-1", "52.94.17.0/24"),
	pl("pl-5306e006", "s3", "eu-central-1", "2600:1fa0:8500::/40"),

	pl("pl-5300e007", "s3", "ap-southeast-1", "52.219.128.0/19", "3.5.146.0/23"),
	pl("pl-dd00e007", "dynamodb", "ap-southeast-1", "52.94.13.0/24"),
	pl("pl-5306e007", "s3", "ap-southeast-1", "2600:1fa0:8600::/40"),

	pl("pl-5300e008", "s3", "ap-northeast-1", "52.219.0.0/20", "3.5.152.0/21"),
	pl("pl-dd00e008", "dynamodb", "ap-northeast-1", "52.94.9.0/24"),
	pl("pl-5306e008", "s3", "ap-northeast-1", "2600:1fa0:8700::/40"),
}

// pl builds one prefix list entry from literal CIDRs.
func pl(id, service, region string, cidrs ...string) PrefixList {
	p := PrefixList{ID: id, Service: service, Region: region}
	for _, c := range cidrs {
		pfx := netip.MustParsePrefix(c)
		p.CIDRs = append(p.CIDRs, pfx)
		p.IPv6 = pfx.Addr().Is6()
	}
	p.Name = "com.amazonaws." + region + "." + service
	if p.IPv6 {
		p.Name = "com.amazonaws." + region + ".ipv6." + service
	}
	return p
}

// clone returns a copy the caller may change.
func (p PrefixList) clone() PrefixList {
	p.CIDRs = slices.Clone(p.CIDRs)
	return p
}

// PrefixLists returns every prefix list of the catalogue in a fixed order.
func PrefixLists() []PrefixList {
	out := make([]PrefixList, len(prefixLists))
	for i, p := range prefixLists {
		out[i] = p.clone()
	}
	return out
}

// PrefixListByID finds a prefix list by its ID (pl-…).
func PrefixListByID(id string) (PrefixList, bool) {
	p, ok := prefixListByID(id)
	return p.clone(), ok
}

func prefixListByID(id string) (PrefixList, bool) {
	for _, p := range prefixLists {
		if p.ID == id {
			return p, true
		}
	}
	return PrefixList{}, false
}

// PrefixListFor returns the IPv4 prefix list of a service ("s3" or
// "dynamodb") in a Region; PrefixListV6For the IPv6 one (S3 only, GW-07).
func PrefixListFor(service, region string) (PrefixList, bool) {
	p, ok := prefixListFor(service, region, false)
	return p.clone(), ok
}

// PrefixListV6For returns the IPv6 prefix list of a service in a Region
// (GW-07); DynamoDB has none.
func PrefixListV6For(service, region string) (PrefixList, bool) {
	p, ok := prefixListFor(service, region, true)
	return p.clone(), ok
}

func prefixListFor(service, region string, ipv6 bool) (PrefixList, bool) {
	for _, p := range prefixLists {
		if p.Service == service && p.Region == region && p.IPv6 == ipv6 {
			return p, true
		}
	}
	return PrefixList{}, false
}

// prefixListContaining finds the prefix list holding an address.
func prefixListContaining(a netip.Addr) (PrefixList, bool) {
	a = a.Unmap()
	for _, p := range prefixLists {
		if p.Contains(a) {
			return p, true
		}
	}
	return PrefixList{}, false
}
