package engine

import (
	"maps"
	"net/netip"
	"regexp"
	"slices"
)

// accountIDPattern is AWS's account ID: exactly 12 digits.
var accountIDPattern = regexp.MustCompile(`^[0-9]{12}$`)

// checkAccounts checks that account IDs have 12 digits (VAL-02).
func (v *validator) checkAccounts() {
	for i, a := range v.s.Accounts {
		if a.ID != "" && !accountIDPattern.MatchString(a.ID) {
			v.add("VAL-02", pathField(pathIndex("accounts", i), "id"), "%q is not a 12-digit AWS account ID", a.ID)
		}
	}
}

// checkVPCs checks each VPC's account, CIDRs and DNS attributes, and the
// references of its subnets, NAT gateways and instances.
func (v *validator) checkVPCs() {
	if v.s.Region != "" {
		v.region("region", v.s.Region)
	}
	for i := range v.s.VPCs {
		vpc := &v.s.VPCs[i]
		p := pathIndex("vpcs", i)
		v.account(pathField(p, "account"), vpc.Account)
		if vpc.Region != "" {
			v.region(pathField(p, "region"), vpc.Region)
		}
		if len(vpc.CIDRBlocks) == 0 {
			v.add("VAL-02", pathField(p, "cidrBlocks"), "a VPC needs at least one IPv4 CIDR block")
		}
		var own []netip.Prefix
		check := func(field string, list []string, f ipFamily, min, max int) {
			for j, c := range list {
				cp := pathIndex(pathField(p, field), j)
				pr, ok := v.prefix(cp, c, f)
				if !ok {
					continue
				}
				if pr.Bits() < min || pr.Bits() > max {
					v.add("VAL-02", cp, "%s: a VPC's %s block must be between /%d and /%d", pr, f, min, max)
				}
				for _, o := range own {
					if o.Overlaps(pr) {
						v.add("VAL-02", cp, "%s overlaps the VPC's CIDR %s", pr, o)
					}
				}
				own = append(own, pr)
			}
		}
		check("cidrBlocks", vpc.CIDRBlocks, famIPv4, 16, 28)
		check("ipv6CidrBlocks", vpc.IPv6CIDRBlocks, famIPv6, 44, 64)
		if vpc.DNSHostnames() && !vpc.DNSSupport() {
			v.add("DNS-01", pathField(p, "enableDnsHostnames"), "enableDnsHostnames needs enableDnsSupport, which is false")
		}
		v.checkSubnetCIDRs(i)
		for j := range vpc.Subnets {
			sn := &vpc.Subnets[j]
			sp := pathIndex(pathField(p, "subnets"), j)
			if sn.AvailabilityZone == "" {
				v.add("VAL-04", pathField(sp, "availabilityZone"), "a subnet needs an Availability Zone")
			}
			if sn.RouteTable != "" {
				v.refInVPC(pathField(sp, "routeTable"), sn.RouteTable, i, kindRouteTable)
			}
			if sn.NetworkACL != "" {
				v.refInVPC(pathField(sp, "networkAcl"), sn.NetworkACL, i, kindNetworkACL)
			}
			for k, a := range sn.SharedWith {
				v.account(pathIndex(pathField(sp, "sharedWith"), k), a)
			}
		}
		for j, n := range vpc.NATGateways {
			v.refInVPC(pathField(pathIndex(pathField(p, "natGateways"), j), "subnet"), n.Subnet, i, kindSubnet)
		}
		for j := range vpc.Instances {
			in := &vpc.Instances[j]
			ip := pathIndex(pathField(p, "instances"), j)
			v.refInVPC(pathField(ip, "subnet"), in.Subnet, i, kindSubnet)
			for k, g := range in.SecurityGroups {
				v.refInVPC(pathIndex(pathField(ip, "securityGroups"), k), g, i, kindSecurityGroup)
			}
			if in.PublicIPAddress != "" {
				v.addr(pathField(ip, "publicIpAddress"), in.PublicIPAddress, famIPv4)
			}
		}
		v.checkMainTables(i)
	}
}

// checkMainTables refuses more than one main route table in a VPC (VAL-01:
// "the main table" must name one table).
func (v *validator) checkMainTables(i int) {
	main := -1
	for j, t := range v.s.VPCs[i].RouteTables {
		if !t.Main {
			continue
		}
		if main >= 0 {
			v.add("VAL-01", pathField(pathIndex(pathField(pathIndex("vpcs", i), "routeTables"), j), "main"),
				"a VPC has one main route table; %s is already main", v.s.VPCs[i].RouteTables[main].ID)
			continue
		}
		main = j
	}
}

// usedAddrs remembers which interface holds each private address of a VPC.
type usedAddrs map[netip.Addr]string

// claim records that the interface at path holds a in subnet sn (with CIDRs
// v4 and v6); an address outside the subnet, reserved by AWS or held by
// another interface is a problem of rule outside (VAL-02 for instances,
// IF-01 for designated endpoint IPs).
func (v *validator) claim(used usedAddrs, path string, a netip.Addr, sn *Subnet, outside string) {
	v4, v6 := subnetPrefixes(sn)
	pr := v4
	if addrFamily(a) == famIPv6 {
		pr = v6
	}
	switch {
	case !pr.IsValid():
		v.add(outside, path, "%s is not inside subnet %s, which has no %s CIDR", a, sn.ID, addrFamily(a))
	case !pr.Contains(a):
		v.add(outside, path, "%s is not inside subnet %s (%s)", a, sn.ID, pr)
	case reservedInSubnet(a, pr):
		v.add("VAL-02", path, "%s is one of the five addresses AWS reserves in %s", a, pr)
	default:
		if prev, taken := used[a]; taken {
			v.add(outside, path, "%s is already used by %s", a, prev)
			return
		}
		used[a] = path
	}
}

// checkAddresses checks the private addresses of each VPC's instances,
// designated endpoint IPs and Resolver endpoint IPs: well formed, inside
// their subnet, not reserved, not used twice (VAL-02, IF-01).
func (v *validator) checkAddresses() {
	used := make([]usedAddrs, len(v.s.VPCs))
	for i := range v.s.VPCs {
		used[i] = usedAddrs{}
		vpc := &v.s.VPCs[i]
		p := pathIndex("vpcs", i)
		for j := range vpc.Instances {
			in := &vpc.Instances[j]
			ip := pathIndex(pathField(p, "instances"), j)
			r, ok := v.lookup(in.Subnet)
			sn := v.subnet(r)
			if !ok || sn == nil || r.vpc != i {
				continue
			}
			if a, ok := v.addr(pathField(ip, "privateIpAddress"), in.PrivateIPAddress, famIPv4); ok {
				v.claim(used[i], pathField(ip, "privateIpAddress"), a, sn, "VAL-02")
			}
			if in.IPv6Address != "" {
				if a, ok := v.addr(pathField(ip, "ipv6Address"), in.IPv6Address, famIPv6); ok {
					v.claim(used[i], pathField(ip, "ipv6Address"), a, sn, "VAL-02")
				}
			}
		}
		for j := range vpc.Endpoints {
			e := &vpc.Endpoints[j]
			ep := pathField(pathIndex(pathField(p, "endpoints"), j), "ipAddresses")
			for _, sid := range slices.Sorted(maps.Keys(e.IPAddresses)) {
				kp := pathKey(ep, sid)
				a, ok := v.anyAddr(kp, e.IPAddresses[sid])
				r, found := v.lookup(sid)
				sn := v.subnet(r)
				if !ok || !found || sn == nil || r.vpc != i {
					continue // the subnet reference is checked with the endpoint
				}
				v.claim(used[i], kp, a, sn, "IF-01")
			}
		}
	}
	for i := range v.s.ResolverEndpoints {
		re := &v.s.ResolverEndpoints[i]
		r, ok := v.lookup(re.VPC)
		if !ok || r.kind != kindVPC {
			continue
		}
		for j, ipStr := range re.IPAddresses {
			ip := pathIndex(pathField(pathIndex("resolverEndpoints", i), "ipAddresses"), j)
			a, ok := v.anyAddr(ip, ipStr)
			if !ok {
				continue
			}
			sn := v.subnetHolding(r.vpc, re.Subnets, a)
			if sn == nil {
				v.add("VAL-02", ip, "%s is not inside any of the Resolver endpoint's subnets", a)
				continue
			}
			v.claim(used[r.vpc], ip, a, sn, "VAL-02")
		}
	}
}

// subnetHolding returns the subnet among ids (of VPC number vpc) whose CIDR
// holds a, or nil.
func (v *validator) subnetHolding(vpc int, ids []string, a netip.Addr) *Subnet {
	for _, id := range ids {
		r, ok := v.lookup(id)
		sn := v.subnet(r)
		if !ok || sn == nil || r.vpc != vpc {
			continue
		}
		v4, v6 := subnetPrefixes(sn)
		if v4.IsValid() && v4.Contains(a) || v6.IsValid() && v6.Contains(a) {
			return sn
		}
	}
	return nil
}
