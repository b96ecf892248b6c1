package terraform

import (
	"net/netip"

	"github.com/hashicorp/hcl/v2/hclwrite"

	"privatelink-playground/engine"
)

// recordTTL is the TTL of exported records; the scenario has none.
const recordTTL = 300

// declareDNS names the hosted zones and the Resolver endpoints and rules.
func (x *exporter) declareDNS() {
	for i := range x.s.HostedZones {
		z := &x.s.HostedZones[i]
		x.declare(z, kindZone, z.ID, "aws_route53_zone")
	}
	for i := range x.s.ResolverEndpoints {
		re := &x.s.ResolverEndpoints[i]
		x.declare(re, kindResolverEnd, re.ID, "aws_route53_resolver_endpoint")
	}
	for i := range x.s.ResolverRules {
		rr := &x.s.ResolverRules[i]
		x.declare(rr, kindResolverRule, rr.ID, "aws_route53_resolver_rule")
	}
}

// writeDNS writes the hosted zones with their records, then the Resolver
// endpoints, then the Resolver rules with their VPC associations.
func (x *exporter) writeDNS() {
	for i := range x.s.HostedZones {
		x.writeZone(&x.s.HostedZones[i])
	}
	for i := range x.s.ResolverEndpoints {
		x.writeResolverEndpoint(&x.s.ResolverEndpoints[i])
	}
	for i := range x.s.ResolverRules {
		x.writeResolverRule(&x.s.ResolverRules[i])
	}
}

// writeZone writes a public or private hosted zone (a vpc block per
// associated VPC) and its records. An alias to an interface endpoint names
// the endpoint's first DNS entry.
func (x *exporter) writeZone(z *engine.HostedZone) {
	zone := x.self[z]
	b := x.resource(zone)
	set(b, "name", str(z.Name))
	if z.Private {
		for _, id := range z.VPCs {
			vb := block(b, "vpc")
			set(vb, "vpc_id", x.refTo(kindVPC, id, "id"))
			if r := x.vpcRegion(id); r != "" && r != x.home {
				set(vb, "vpc_region", str(r))
			}
		}
	}
	set(b, "tags", tags(z.ID, nil))
	for _, rec := range z.Records {
		rb := x.resource(x.n.fresh("aws_route53_record", z.ID, rec.Name, rec.Type))
		set(rb, "zone_id", traversal(zone, "zone_id"))
		set(rb, "name", str(rec.Name))
		set(rb, "type", str(rec.Type))
		if rec.AliasTarget == "" {
			set(rb, "ttl", num(recordTTL))
			set(rb, "records", strs(rec.Values))
			continue
		}
		alias := block(rb, "alias")
		if e, ok := x.n.lookup(kindEndpoint, rec.AliasTarget); ok {
			set(alias, "name", traversal(e, "dns_entry", 0, "dns_name"))
			set(alias, "zone_id", traversal(e, "dns_entry", 0, "hosted_zone_id"))
		} else {
			set(alias, "name", x.refTo(kindEndpoint, rec.AliasTarget, "id"))
			set(alias, "zone_id", str(""))
		}
		set(alias, "evaluate_target_health", boolean(false))
	}
}

// writeResolverEndpoint writes a Resolver endpoint with one ip_address block
// per address (in the subnet that holds it) and one for each subnet without
// a fixed address. Without security groups it uses its VPC's default group.
func (x *exporter) writeResolverEndpoint(re *engine.ResolverEndpoint) {
	x.region = x.vpcRegion(re.VPC)
	defer func() { x.region = "" }()
	b := x.resource(x.self[re])
	set(b, "name", str(re.ID))
	set(b, "direction", str(re.Direction))
	if len(re.SecurityGroupIDs) > 0 {
		set(b, "security_group_ids", x.refsTo(kindSG, re.SecurityGroupIDs, "id"))
	} else {
		set(b, "security_group_ids", tuple([]hclwrite.Tokens{x.refTo(kindVPC, re.VPC, "default_security_group_id")}))
	}
	placed := make([]bool, len(re.IPAddresses))
	for _, sid := range re.Subnets {
		cidr := x.subnetCIDRs(sid)
		found := false
		for i, a := range re.IPAddresses {
			ip, err := netip.ParseAddr(a)
			if placed[i] || err != nil || !containsAny(cidr, ip) {
				continue
			}
			placed[i], found = true, true
			ib := block(b, "ip_address")
			set(ib, "subnet_id", x.refTo(kindSubnet, sid, "id"))
			if ip.Is6() {
				set(ib, "ipv6", str(a))
			} else {
				set(ib, "ip", str(a))
			}
		}
		if !found {
			set(block(b, "ip_address"), "subnet_id", x.refTo(kindSubnet, sid, "id"))
		}
	}
	for i, a := range re.IPAddresses {
		if !placed[i] {
			x.note("%s: address %s is in none of its subnets and is left out", re.ID, a)
		}
	}
	set(b, "tags", tags(re.ID, nil))
}

// subnetCIDRs returns the IPv4 and IPv6 prefixes of the subnet with the ID.
func (x *exporter) subnetCIDRs(id string) []netip.Prefix {
	var out []netip.Prefix
	for i := range x.s.VPCs {
		for _, sn := range x.s.VPCs[i].Subnets {
			if sn.ID != id {
				continue
			}
			for _, c := range []string{sn.CIDRBlock, sn.IPv6CIDRBlock} {
				if p, err := netip.ParsePrefix(c); err == nil {
					out = append(out, p)
				}
			}
			return out
		}
	}
	return out
}

func containsAny(ps []netip.Prefix, ip netip.Addr) bool {
	for _, p := range ps {
		if p.Contains(ip) {
			return true
		}
	}
	return false
}

// writeResolverRule writes a Resolver rule and its VPC associations.
func (x *exporter) writeResolverRule(rr *engine.ResolverRule) {
	rule := x.self[rr]
	b := x.resource(rule)
	set(b, "name", str(rr.ID))
	set(b, "domain_name", str(rr.DomainName))
	set(b, "rule_type", str(rr.RuleType))
	if rr.ResolverEndpoint != "" {
		set(b, "resolver_endpoint_id", x.refTo(kindResolverEnd, rr.ResolverEndpoint, "id"))
	}
	for _, ip := range rr.TargetIPs {
		tb := block(b, "target_ip")
		if a, err := netip.ParseAddr(ip); err == nil && a.Is6() {
			set(tb, "ipv6", str(ip))
		} else {
			set(tb, "ip", str(ip))
		}
	}
	set(b, "tags", tags(rr.ID, nil))
	for _, id := range rr.VPCs {
		a := x.resource(x.n.fresh("aws_route53_resolver_rule_association", rr.ID, id))
		set(a, "resolver_rule_id", traversal(rule, "id"))
		set(a, "vpc_id", x.refTo(kindVPC, id, "id"))
	}
}
