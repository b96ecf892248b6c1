package engine

import "slices"

// privateDNSName is the name an interface endpoint's private DNS answers
// (DNS-02): the AWS service's regional name, or the endpoint service's
// private DNS name; "" when there is none or the service is unknown.
func (v *validator) privateDNSName(e *VPCEndpoint) string {
	parts, ok := splitServiceName(e.ServiceName)
	if !ok {
		return ""
	}
	if parts.endpointService {
		r, ok := v.lookup(parts.serviceID)
		if !ok || r.kind != kindEndpointService {
			return ""
		}
		return canonicalName(v.s.EndpointServices[r.item].PrivateDNSName)
	}
	svc, ok := serviceByShort(parts.short)
	if !ok {
		return ""
	}
	return canonicalName(svc.DNSName(parts.region))
}

// checkEndpointDNS checks the private DNS of interface endpoints: it needs
// both DNS attributes of the VPC (IF-11), its name may be held by one
// endpoint or private hosted zone of the VPC only (IF-12), and private DNS
// only for the inbound Resolver endpoint needs an S3 interface endpoint with
// private DNS in a VPC with an S3 gateway endpoint (DNS-08).
func (v *validator) checkEndpointDNS() {
	for i := range v.s.VPCs {
		vpc := &v.s.VPCs[i]
		s3Gateway := slices.ContainsFunc(vpc.Endpoints, func(e VPCEndpoint) bool {
			return e.VPCEndpointType == EndpointGateway && isServiceNamed(e.ServiceName, "s3")
		})
		held := map[string]string{}
		for j := range vpc.Endpoints {
			e := &vpc.Endpoints[j]
			ep := pathIndex(pathField(pathIndex("vpcs", i), "endpoints"), j)
			v.checkInboundOnly(e, ep, s3Gateway)
			name := v.privateDNSName(e)
			if !e.PrivateDNS() || name == "" || e.State == StateDeleted {
				continue
			}
			dp, how := ep, "private DNS (on by default for interface endpoints)"
			if e.PrivateDNSEnabled != nil {
				dp, how = pathField(ep, "privateDnsEnabled"), "private DNS"
			}
			if !vpc.DNSSupport() || !vpc.DNSHostnames() {
				v.add("IF-11", dp, "%s needs enableDnsSupport and enableDnsHostnames on %s", how, vpc.ID)
			}
			if prev, dup := held[name]; dup {
				v.add("IF-12", dp, "%s for %s conflicts with %s, which already holds that name in %s", how, name, prev, vpc.ID)
				continue
			}
			if z := v.zoneHolding(vpc.ID, name); z != "" {
				v.add("IF-12", dp, "%s for %s conflicts with private hosted zone %s associated with %s", how, name, z, vpc.ID)
				continue
			}
			held[name] = e.ID
		}
	}
}

// checkInboundOnly checks privateDnsOnlyForInboundResolverEndpoint (DNS-08).
func (v *validator) checkInboundOnly(e *VPCEndpoint, ep string, s3Gateway bool) {
	if e.PrivateDNSOnlyForInboundResolverEndpoint == nil || !*e.PrivateDNSOnlyForInboundResolverEndpoint {
		return
	}
	op := pathField(ep, "privateDnsOnlyForInboundResolverEndpoint")
	switch {
	case e.VPCEndpointType != EndpointInterface || !isServiceNamed(e.ServiceName, "s3"):
		v.add("DNS-08", op, "private DNS only for the inbound Resolver endpoint applies only to S3 interface endpoints")
	case !e.PrivateDNS():
		v.add("DNS-08", op, "private DNS only for the inbound Resolver endpoint needs privateDnsEnabled")
	case !s3Gateway:
		v.add("DNS-08", op, "private DNS only for the inbound Resolver endpoint needs an S3 gateway endpoint in the VPC")
	}
}

// zoneHolding returns the ID of a private hosted zone associated with the
// VPC that holds name: the zone's own name, or a record of that name.
func (v *validator) zoneHolding(vpcID, name string) string {
	for _, z := range v.s.HostedZones {
		if !z.Private || !slices.Contains(z.VPCs, vpcID) {
			continue
		}
		if canonicalName(z.Name) == name {
			return z.ID
		}
		for _, r := range z.Records {
			if canonicalName(r.Name) == name {
				return z.ID
			}
		}
	}
	return ""
}

// checkDNS checks hosted zones, Resolver endpoints and Resolver rules.
func (v *validator) checkDNS() {
	for i := range v.s.HostedZones {
		v.checkHostedZone(i)
	}
	for i := range v.s.ResolverEndpoints {
		re := &v.s.ResolverEndpoints[i]
		p := pathIndex("resolverEndpoints", i)
		if re.Direction != "INBOUND" && re.Direction != "OUTBOUND" {
			v.add("VAL-04", pathField(p, "direction"), "unknown direction %q: want INBOUND or OUTBOUND", re.Direction)
		}
		r, ok := v.ref(pathField(p, "vpc"), re.VPC, kindVPC)
		if !ok {
			continue
		}
		for j, id := range re.Subnets {
			v.refInVPC(pathIndex(pathField(p, "subnets"), j), id, r.vpc, kindSubnet)
		}
		for j, id := range re.SecurityGroupIDs {
			v.refInVPC(pathIndex(pathField(p, "securityGroupIds"), j), id, r.vpc, kindSecurityGroup)
		}
	}
	for i := range v.s.ResolverRules {
		rr := &v.s.ResolverRules[i]
		p := pathIndex("resolverRules", i)
		if rr.DomainName == "" {
			v.add("VAL-04", pathField(p, "domainName"), "a Resolver rule needs a domain name")
		}
		switch rr.RuleType {
		case "FORWARD":
			if len(rr.TargetIPs) == 0 {
				v.add("VAL-04", pathField(p, "targetIps"), "a FORWARD rule needs target IPs")
			}
			if r, ok := v.ref(pathField(p, "resolverEndpoint"), rr.ResolverEndpoint, kindResolverEndpoint); ok &&
				v.s.ResolverEndpoints[r.item].Direction != "OUTBOUND" {
				v.add("VAL-01", pathField(p, "resolverEndpoint"), "%s is not an OUTBOUND Resolver endpoint", rr.ResolverEndpoint)
			}
		case "SYSTEM":
		default:
			v.add("VAL-04", pathField(p, "ruleType"), "unknown rule type %q: want FORWARD or SYSTEM", rr.RuleType)
		}
		for j, ip := range rr.TargetIPs {
			v.anyAddr(pathIndex(pathField(p, "targetIps"), j), ip)
		}
		for j, id := range rr.VPCs {
			v.ref(pathIndex(pathField(p, "vpcs"), j), id, kindVPC)
		}
	}
}

// checkHostedZone checks hosted zone number i: its VPCs (private zones
// only), and its records: inside the zone, a known type, values of that type
// or an alias to an interface endpoint.
func (v *validator) checkHostedZone(i int) {
	z := &v.s.HostedZones[i]
	p := pathIndex("hostedZones", i)
	if z.Name == "" {
		v.add("VAL-04", pathField(p, "name"), "a hosted zone needs a name")
	}
	if z.Private && len(z.VPCs) == 0 {
		v.add("VAL-04", pathField(p, "vpcs"), "a private hosted zone needs at least one VPC")
	}
	if !z.Private && len(z.VPCs) > 0 {
		v.add("VAL-04", pathField(p, "vpcs"), "only private hosted zones are associated with VPCs")
	}
	for j, id := range z.VPCs {
		v.ref(pathIndex(pathField(p, "vpcs"), j), id, kindVPC)
	}
	for j := range z.Records {
		rec := &z.Records[j]
		rp := pathIndex(pathField(p, "records"), j)
		if !inDomain(canonicalName(rec.Name), canonicalName(z.Name)) {
			v.add("VAL-02", pathField(rp, "name"), "%q is not inside the zone %s", rec.Name, z.Name)
		}
		if (len(rec.Values) == 0) == (rec.AliasTarget == "") {
			v.add("VAL-04", rp, "a record needs values or an aliasTarget, not both")
		}
		if rec.AliasTarget != "" {
			if r, ok := v.ref(pathField(rp, "aliasTarget"), rec.AliasTarget, kindEndpoint); ok && v.endpoint(r).VPCEndpointType != EndpointInterface {
				v.add("VAL-01", pathField(rp, "aliasTarget"), "%s is not an interface endpoint", rec.AliasTarget)
			}
		}
		for k, val := range rec.Values {
			vp := pathIndex(pathField(rp, "values"), k)
			switch rec.Type {
			case "A":
				v.addr(vp, val, famIPv4)
			case "AAAA":
				v.addr(vp, val, famIPv6)
			}
		}
		switch rec.Type {
		case "A", "AAAA":
		case "CNAME":
			if len(rec.Values) > 1 {
				v.add("VAL-04", pathField(rp, "values"), "a CNAME record has one value")
			}
		default:
			v.add("VAL-04", pathField(rp, "type"), "unknown record type %q: want A, AAAA or CNAME", rec.Type)
		}
	}
}
