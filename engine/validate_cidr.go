package engine

import (
	"fmt"
	"net/netip"
)

// ipFamily selects IPv4 or IPv6 for the parsing helpers.
type ipFamily int

const (
	famIPv4 ipFamily = 4
	famIPv6 ipFamily = 6
)

func (f ipFamily) String() string { return fmt.Sprintf("IPv%d", int(f)) }

// quietPrefix parses a CIDR of the family without reporting: it must be well
// formed, of the family, and have no host bits set.
func quietPrefix(s string, f ipFamily) (netip.Prefix, bool) {
	p, err := netip.ParsePrefix(s)
	if err != nil || p != p.Masked() || addrFamily(p.Addr()) != f {
		return netip.Prefix{}, false
	}
	return p, true
}

// quietAddr parses an address of the family without reporting.
func quietAddr(s string, f ipFamily) (netip.Addr, bool) {
	a, err := netip.ParseAddr(s)
	if err != nil || a.Zone() != "" || addrFamily(a) != f {
		return netip.Addr{}, false
	}
	return a, true
}

// addrFamily is the family of an address (an IPv4-mapped IPv6 address counts
// as IPv6, as AWS sees it).
func addrFamily(a netip.Addr) ipFamily {
	if a.Is4() {
		return famIPv4
	}
	return famIPv6
}

// prefix parses a CIDR of the family at path; a malformed one is a VAL-02
// problem.
func (v *validator) prefix(path, s string, f ipFamily) (netip.Prefix, bool) {
	if p, ok := quietPrefix(s, f); ok {
		return p, true
	}
	p, err := netip.ParsePrefix(s)
	switch {
	case err != nil:
		v.add("VAL-02", path, "%q is not a valid %s CIDR block", s, f)
	case addrFamily(p.Addr()) != f:
		v.add("VAL-02", path, "%s is not an %s CIDR block", s, f)
	default:
		v.add("VAL-02", path, "%s has host bits set: did you mean %s?", s, p.Masked())
	}
	return netip.Prefix{}, false
}

// anyPrefix parses a CIDR of either family at path (VAL-02).
func (v *validator) anyPrefix(path, s string) (netip.Prefix, bool) {
	p, err := netip.ParsePrefix(s)
	if err != nil {
		v.add("VAL-02", path, "%q is not a valid CIDR block", s)
		return netip.Prefix{}, false
	}
	return v.prefix(path, s, addrFamily(p.Addr()))
}

// addr parses an IP address of the family at path (VAL-02).
func (v *validator) addr(path, s string, f ipFamily) (netip.Addr, bool) {
	if a, ok := quietAddr(s, f); ok {
		return a, true
	}
	v.add("VAL-02", path, "%q is not a valid %s address", s, f)
	return netip.Addr{}, false
}

// anyAddr parses an IP address of either family at path (VAL-02).
func (v *validator) anyAddr(path, s string) (netip.Addr, bool) {
	a, err := netip.ParseAddr(s)
	if err != nil || a.Zone() != "" {
		v.add("VAL-02", path, "%q is not a valid IP address", s)
		return netip.Addr{}, false
	}
	return a, true
}

// reservedInSubnet reports whether AWS reserves a in the subnet p: the
// network address, the next three (VPC router, DNS, future use) and the last
// address. The same five are reserved in IPv6 subnets.
func reservedInSubnet(a netip.Addr, p netip.Prefix) bool {
	first := p.Masked().Addr()
	for i := 0; i < 4 && first.IsValid(); i++ {
		if a == first {
			return true
		}
		first = first.Next()
	}
	return a == subnetLastAddr(p)
}

// subnetLastAddr is the last address of a prefix (the broadcast address of IPv4).
func subnetLastAddr(p netip.Prefix) netip.Addr {
	b := p.Masked().Addr().AsSlice()
	bits := p.Bits()
	for i := range b {
		for j := 0; j < 8; j++ {
			if i*8+j >= bits {
				b[i] |= 0x80 >> j
			}
		}
	}
	a, _ := netip.AddrFromSlice(b)
	return a
}

// subnetPrefixes returns the quietly parsed CIDRs of a subnet (either may be
// invalid).
func subnetPrefixes(sn *Subnet) (v4, v6 netip.Prefix) {
	v4, _ = quietPrefix(sn.CIDRBlock, famIPv4)
	v6, _ = quietPrefix(sn.IPv6CIDRBlock, famIPv6)
	return v4, v6
}

// vpcPrefixes returns the well-formed CIDRs of a VPC, IPv4 then IPv6.
func vpcPrefixes(vpc *VPC) []netip.Prefix {
	var out []netip.Prefix
	for _, c := range vpc.CIDRBlocks {
		if p, ok := quietPrefix(c, famIPv4); ok {
			out = append(out, p)
		}
	}
	for _, c := range vpc.IPv6CIDRBlocks {
		if p, ok := quietPrefix(c, famIPv6); ok {
			out = append(out, p)
		}
	}
	return out
}

// prefixInside reports whether p lies entirely inside one of the prefixes.
func prefixInside(p netip.Prefix, in []netip.Prefix) bool {
	for _, q := range in {
		if q.Bits() <= p.Bits() && q.Contains(p.Addr()) {
			return true
		}
	}
	return false
}

// checkSubnetCIDRs checks the CIDRs of the subnets of VPC number i: well
// formed, inside the VPC's CIDRs, between /16 and /28 (IPv4) or /44 and /64
// (IPv6), and not overlapping one another (VAL-02).
func (v *validator) checkSubnetCIDRs(i int) {
	vpc := &v.s.VPCs[i]
	vp := vpcPrefixes(vpc)
	type placed struct {
		p    netip.Prefix
		path string
	}
	var seen []placed
	for j := range vpc.Subnets {
		sn := &vpc.Subnets[j]
		sp := pathIndex(pathField(pathIndex("vpcs", i), "subnets"), j)
		if sn.CIDRBlock == "" && sn.IPv6CIDRBlock == "" {
			v.add("VAL-02", sp, "a subnet needs a cidrBlock, an ipv6CidrBlock or both")
			continue
		}
		for _, c := range []struct {
			field, s string
			f        ipFamily
			min, max int
		}{{"cidrBlock", sn.CIDRBlock, famIPv4, 16, 28}, {"ipv6CidrBlock", sn.IPv6CIDRBlock, famIPv6, 44, 64}} {
			if c.s == "" {
				continue
			}
			path := pathField(sp, c.field)
			p, ok := v.prefix(path, c.s, c.f)
			if !ok {
				continue
			}
			if p.Bits() < c.min || p.Bits() > c.max {
				v.add("VAL-02", path, "%s: a subnet's %s block must be between /%d and /%d", p, c.f, c.min, c.max)
			}
			if !prefixInside(p, vp) {
				v.add("VAL-02", path, "%s is not inside the VPC's CIDRs %s", p, joinPrefixes(vp, c.f))
			}
			for _, o := range seen {
				if o.p.Overlaps(p) {
					v.add("VAL-02", path, "%s overlaps %s of %s", p, o.p, o.path)
				}
			}
			seen = append(seen, placed{p, sp})
		}
	}
}

// joinPrefixes writes the prefixes of one family for messages.
func joinPrefixes(ps []netip.Prefix, f ipFamily) string {
	out := ""
	for _, p := range ps {
		if addrFamily(p.Addr()) != f {
			continue
		}
		if out != "" {
			out += ", "
		}
		out += p.String()
	}
	if out == "" {
		return "(no " + f.String() + " CIDR)"
	}
	return out
}
