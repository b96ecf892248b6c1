package engine

import "fmt"

// viaInternetGateway sends a packet to the internet: the interface needs a
// public address (NET-04), and traffic that entered the VPC from a peering,
// VPN or transit gateway may not leave this way (NET-05).
func (t *tracer) viaInternetGateway(sn *subnetNode, igw string, p packet) (arrival, bool) {
	vn := sn.vpc
	if vn.v.InternetGateway != igw {
		t.hop(HopGateway, igw, DecisionDropped, "NET-07", "%s is not attached to %s: the route leads nowhere.", igw, vn.v.ID)
		return arrival{}, false
	}
	if p.via != "" && !p.natted {
		t.hop(HopGateway, igw, DecisionDropped, "NET-05", "The packet entered %s through %s; it may not leave through the internet gateway (no edge-to-edge routing).", vn.v.ID, p.viaID)
		return arrival{}, false
	}
	if !t.aclCross(sn, true, p, "NET-03") {
		return arrival{}, false
	}
	public := p.public
	switch {
	case p.natted:
	case p.src.Is6():
		public = p.src
	case p.from != nil && p.from.instance != nil && p.from.instance.pub.IsValid():
		public = p.from.instance.pub
	}
	if !public.IsValid() {
		t.hop(HopGateway, igw, DecisionDropped, "NET-04", "%s has no public IPv4 address: an internet gateway carries traffic only for interfaces with one (use a NAT gateway from a private subnet).", p.src)
		return arrival{}, false
	}
	how := "" // the hop's sentence: none for a quiet trace
	if !t.quiet {
		how = "from its public address " + public.String()
		if public != p.src && !p.natted {
			how = fmt.Sprintf("translating %s to its public address %s", p.src, public)
		}
	}
	t.hop(HopGateway, igw, DecisionForwarded, "NET-04", "%s carries the request to %s, %s.", igw, p.dst, how)
	if s, region, ok := ServiceAt(p.dst); ok {
		return arrival{service: &s, region: region, sourceIP: public, p: p}, true
	}
	if !p.dst.IsGlobalUnicast() || p.dst.IsPrivate() {
		t.hop(HopGateway, igw, DecisionDropped, "NET-04", "%s is not a public address: the internet does not route it.", p.dst)
		return arrival{}, false
	}
	return arrival{internet: true, sourceIP: public, p: p}, true
}

// viaNAT hands a packet to a NAT gateway (NET-04), which replaces the
// source with its own private address and forwards by its own subnet's
// routes. That private address is what a transit gateway, a peering
// connection or a gateway endpoint carries on; only an internet gateway
// puts the NAT gateway's public address in its place. The seed notes are
// silent; this follows the Amazon VPC User Guide on NAT gateways: a NAT
// gateway has a network interface with a private address of its subnet, and
// a public NAT gateway may also route to a transit gateway or virtual
// private gateway, where its private address is the source.
func (t *tracer) viaNAT(sn *subnetNode, id string, p packet) (*subnetNode, packet, bool) {
	nn := t.w.nats[id]
	if nn == nil || nn.subnet == nil || nn.subnet.vpc != sn.vpc {
		t.hop(HopNAT, id, DecisionDropped, "NET-07", "%s is not a NAT gateway of %s: the route leads nowhere.", id, sn.vpc.v.ID)
		return nil, p, false
	}
	if p.via == "peering" {
		t.hop(HopNAT, id, DecisionDropped, "NET-05", "The packet arrived over %s; it may not leave through the peer's NAT gateway (no edge-to-edge routing).", p.viaID)
		return nil, p, false
	}
	if p.src.Is6() {
		t.hop(HopNAT, id, DecisionDropped, "NET-04", "A NAT gateway translates IPv4 only; %s is IPv6.", p.src)
		return nil, p, false
	}
	if nn.subnet != sn {
		if !t.aclCross(sn, true, p, "NET-03") || !t.aclCross(nn.subnet, false, p, "NET-03") {
			return nil, p, false
		}
	}
	if !nn.private.IsValid() {
		t.hop(HopNAT, id, DecisionDropped, "NET-04", "%s has no free address in %s, so it cannot translate.", id, nn.subnet.s.ID)
		return nil, p, false
	}
	t.hop(HopNAT, id, DecisionTranslated, "NET-04", "%s in %s replaces the source %s with its private address %s and forwards by its subnet's routes; an internet gateway then puts its public address %s in place of that.", id, nn.subnet.s.ID, p.src, nn.private, nn.public)
	p.src, p.natted, p.public, p.from = nn.private, true, nn.public, nil
	return nn.subnet, p, true
}

// viaVGW sends a packet over the VPC's virtual private gateway to the
// on-premises network behind it (NET-06).
func (t *tracer) viaVGW(sn *subnetNode, vgw string, p packet) (arrival, bool) {
	vn := sn.vpc
	if vn.v.VirtualPrivateGateway != vgw {
		t.hop(HopVPN, vgw, DecisionDropped, "NET-07", "%s is not attached to %s: the route leads nowhere.", vgw, vn.v.ID)
		return arrival{}, false
	}
	if p.via != "" {
		t.hop(HopVPN, vgw, DecisionDropped, "NET-05", "The packet entered %s through %s; it may not leave through %s (no edge-to-edge routing).", vn.v.ID, p.viaID, vgw)
		return arrival{}, false
	}
	if vn.network == nil {
		t.hop(HopVPN, vgw, DecisionDropped, "NET-06", "No on-premises network is connected to %s.", vgw)
		return arrival{}, false
	}
	if !t.aclCross(sn, true, p, "NET-03") {
		return arrival{}, false
	}
	t.hop(HopVPN, vgw, DecisionForwarded, "NET-06", "%s carries the request over the %s connection to %s.", vgw, vn.network.n.Connection.Type, vn.network.n.ID)
	return t.arriveOnPrem(vn.network, p)
}

// arriveOnPrem delivers a packet inside an on-premises network.
func (t *tracer) arriveOnPrem(nn *networkNode, p packet) (arrival, bool) {
	if !nn.contains(p.dst) {
		t.hop(HopVPN, nn.n.ID, DecisionNoRoute, "NET-06", "%s has no address %s: its CIDRs are %v.", nn.n.ID, p.dst, nn.n.CIDRBlocks)
		return arrival{}, false
	}
	return arrival{network: nn, p: p}, true
}

// viaPeering crosses a peering connection into the peer VPC, which only
// delivers to its own addresses: peering is not transitive (NET-05).
func (t *tracer) viaPeering(sn *subnetNode, id string, p packet) (arrival, bool) {
	pc := t.w.peerings[id]
	vn := sn.vpc
	var peer *vpcNode
	if pc != nil && pc.RequesterVPC == vn.v.ID {
		peer = t.w.vpcs[pc.AccepterVPC]
	} else if pc != nil && pc.AccepterVPC == vn.v.ID {
		peer = t.w.vpcs[pc.RequesterVPC]
	}
	if peer == nil {
		t.hop(HopPeering, id, DecisionDropped, "NET-07", "%s is not an active peering connection of %s: the route leads nowhere.", id, vn.v.ID)
		return arrival{}, false
	}
	if p.via != "" {
		t.hop(HopPeering, id, DecisionDropped, "NET-05", "The packet entered %s through %s; peering is not transitive, so it may not continue over %s.", vn.v.ID, p.viaID, id)
		return arrival{}, false
	}
	if !t.aclCross(sn, true, p, "NET-03") {
		return arrival{}, false
	}
	if !peer.contains(p.dst) {
		t.hop(HopPeering, id, DecisionDropped, "NET-05", "%s is not inside %s: a peering connection delivers only to the peer VPC's own addresses (no edge-to-edge routing).", p.dst, peer.v.ID)
		return arrival{}, false
	}
	t.hop(HopPeering, id, DecisionForwarded, "NET-05", "%s carries the request from %s to %s.", id, vn.v.ID, peer.v.ID)
	p.via, p.viaID = "peering", id
	return t.deliverLocal(nil, peer, p)
}

// viaGatewayEndpoint hands a packet to a gateway endpoint (GW-02), which
// serves only traffic that started in its VPC (GW-08).
func (t *tracer) viaGatewayEndpoint(sn *subnetNode, en *endpointNode, p packet) (arrival, bool) {
	id := en.e.ID
	if p.via != "" {
		t.hop(HopEndpoint, id, DecisionDropped, "GW-08", "The packet arrived through %s: a gateway endpoint serves only traffic that starts in its VPC (use an interface endpoint).", p.viaID)
		return arrival{}, false
	}
	if !en.carriesTraffic() {
		t.hop(HopEndpoint, id, DecisionDropped, "SVC-07", "%s is %s: only an Available endpoint carries traffic.", id, en.state)
		return arrival{}, false
	}
	if !t.aclCross(sn, true, p, "NET-03") {
		return arrival{}, false
	}
	t.hop(HopEndpoint, id, DecisionForwarded, "GW-10", "Gateway endpoint %s carries the request to %s in %s; the service sees the private source %s, not a public one%s.", id, en.aws.Title, en.region, p.src, t.w.chargeNote(EndpointGateway))
	return arrival{service: en.aws, region: en.region, gateway: en, sourceIP: p.src, p: p}, true
}

// carriesTraffic reports whether an endpoint carries traffic (SVC-07):
// Available, or Pending after its consumer modified it, whose interfaces
// keep working (SVC-06).
func (en *endpointNode) carriesTraffic() bool {
	return carriesTrafficIn(en.state, en.e.Modifying)
}
