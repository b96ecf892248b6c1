package engine

import "net/netip"

// checkConnectivity checks on-premises networks, peering connections and
// transit gateways: their references (VAL-01) and addresses (VAL-02).
func (v *validator) checkConnectivity() {
	for i := range v.s.Networks {
		v.checkNetwork(i)
	}
	for i, pc := range v.s.Peerings {
		p := pathIndex("peerings", i)
		a, okA := v.ref(pathField(p, "requesterVpc"), pc.RequesterVPC, kindVPC)
		b, okB := v.ref(pathField(p, "accepterVpc"), pc.AccepterVPC, kindVPC)
		if !okA || !okB {
			continue
		}
		if a.vpc == b.vpc {
			v.add("VAL-01", pathField(p, "accepterVpc"), "a VPC cannot peer with itself")
			continue
		}
		for _, pa := range vpcPrefixes(&v.s.VPCs[a.vpc]) {
			for _, pb := range vpcPrefixes(&v.s.VPCs[b.vpc]) {
				if pa.Overlaps(pb) {
					v.add("VAL-02", pathField(p, "accepterVpc"), "%s of %s overlaps %s of %s: peered VPCs cannot have overlapping CIDRs", pb, pc.AccepterVPC, pa, pc.RequesterVPC)
				}
			}
		}
	}
	for i := range v.s.TransitGateways {
		v.checkTransitGateway(i)
	}
}

// checkNetwork checks on-premises network number i.
func (v *validator) checkNetwork(i int) {
	n := &v.s.Networks[i]
	p := pathIndex("networks", i)
	var own []netip.Prefix
	if len(n.CIDRBlocks) == 0 {
		v.add("VAL-02", pathField(p, "cidrBlocks"), "an on-premises network needs at least one CIDR block")
	}
	for j, c := range n.CIDRBlocks {
		if pr, ok := v.anyPrefix(pathIndex(pathField(p, "cidrBlocks"), j), c); ok {
			own = append(own, pr)
		}
	}
	inside := func(path, s string) {
		a, ok := v.anyAddr(path, s)
		if ok && !prefixInside(netip.PrefixFrom(a, a.BitLen()), own) {
			v.add("VAL-02", path, "%s is not inside the network's CIDR blocks", a)
		}
	}
	cp := pathField(p, "connection")
	c := &n.Connection
	if c.Type != "vpn" && c.Type != "directConnect" {
		v.add("VAL-04", pathField(cp, "type"), "unknown connection type %q: want vpn or directConnect", c.Type)
	}
	switch {
	case (c.VPC == "") == (c.TransitGateway == ""):
		v.add("VAL-04", cp, "a connection needs exactly one of vpc and transitGateway")
	case c.VPC != "":
		if r, ok := v.ref(pathField(cp, "vpc"), c.VPC, kindVPC); ok && v.s.VPCs[r.vpc].VirtualPrivateGateway == "" {
			v.add("VAL-01", pathField(cp, "vpc"), "%s has no virtual private gateway to end the connection", c.VPC)
		}
	default:
		if r, ok := v.ref(pathField(cp, "transitGateway"), c.TransitGateway, kindTransitGateway); ok {
			attached := false
			for _, a := range v.s.TransitGateways[r.item].Attachments {
				attached = attached || a.Network == n.ID
			}
			if !attached {
				v.add("VAL-01", pathField(cp, "transitGateway"), "transit gateway %s has no attachment for %s", c.TransitGateway, n.ID)
			}
		}
	}
	for j, d := range n.DNSServers {
		dp := pathIndex(pathField(p, "dnsServers"), j)
		inside(pathField(dp, "ip"), d.IP)
		for k, f := range d.Forwarders {
			fp := pathIndex(pathField(dp, "forwarders"), k)
			if f.DomainName == "" {
				v.add("VAL-04", pathField(fp, "domainName"), "a forwarder needs a domain name")
			}
			for l, ip := range f.TargetIPs {
				v.anyAddr(pathIndex(pathField(fp, "targetIps"), l), ip)
			}
		}
	}
	for j, h := range n.Hosts {
		inside(pathField(pathIndex(pathField(p, "hosts"), j), "ipAddress"), h.IPAddress)
	}
}

// checkTransitGateway checks transit gateway number i: attachments naming
// one VPC (with its subnets) or one network, and routes to its attachments.
func (v *validator) checkTransitGateway(i int) {
	tgw := &v.s.TransitGateways[i]
	p := pathIndex("transitGateways", i)
	own := map[string]bool{}
	for j, a := range tgw.Attachments {
		ap := pathIndex(pathField(p, "attachments"), j)
		own[a.ID] = true
		switch {
		case (a.VPC == "") == (a.Network == ""):
			v.add("VAL-04", ap, "an attachment needs exactly one of vpc and network")
		case a.VPC != "":
			r, ok := v.ref(pathField(ap, "vpc"), a.VPC, kindVPC)
			if !ok {
				continue
			}
			for k, id := range a.Subnets {
				v.refInVPC(pathIndex(pathField(ap, "subnets"), k), id, r.vpc, kindSubnet)
			}
		default:
			v.ref(pathField(ap, "network"), a.Network, kindNetwork)
			if len(a.Subnets) > 0 {
				v.add("VAL-04", pathField(ap, "subnets"), "only VPC attachments have subnets")
			}
		}
	}
	for j, r := range tgw.Routes {
		rp := pathIndex(pathField(p, "routes"), j)
		v.anyPrefix(pathField(rp, "destinationCidrBlock"), r.DestinationCIDRBlock)
		if ref, ok := v.ref(pathField(rp, "attachment"), r.Attachment, kindTGWAttachment); ok && !own[r.Attachment] {
			v.add("VAL-01", pathField(rp, "attachment"), "%s is an attachment of another transit gateway (%s)", r.Attachment, ref.path)
		}
	}
}
