package engine

// viaTGWFromVPC hands a packet from a VPC to a transit gateway it is
// attached to (NET-06).
func (t *tracer) viaTGWFromVPC(sn *subnetNode, id string, p packet) (arrival, bool) {
	tn := t.w.tgws[id]
	at := sn.vpc.tgws[id]
	if tn == nil || at == nil {
		t.hop(HopTransitGateway, id, DecisionDropped, "NET-07", "%s is not attached to %s: the route leads nowhere.", id, sn.vpc.v.ID)
		return arrival{}, false
	}
	if p.via == "peering" {
		t.hop(HopTransitGateway, id, DecisionDropped, "NET-05", "The packet arrived over %s; it may not leave through a transit gateway (no edge-to-edge routing).", p.viaID)
		return arrival{}, false
	}
	if !t.aclCross(sn, true, p, "NET-03") {
		return arrival{}, false
	}
	return t.throughTGW(tn, at.ID, p)
}

// throughTGW forwards a packet by a transit gateway's route table, longest
// prefix match, to a VPC or on-premises attachment (NET-06).
func (t *tracer) throughTGW(tn *tgwNode, fromAttach string, p packet) (arrival, bool) {
	id := tn.t.ID
	if !t.step(HopTransitGateway, id, "tgw|"+id+"|"+p.dst.String()) {
		return arrival{}, false
	}
	r, _, ok := tn.trie.lookup(p.dst)
	if !ok {
		t.hop(HopTransitGateway, id, DecisionNoRoute, "NET-06", "The route table of %s has no route for %s: the packet is dropped.", id, p.dst)
		return arrival{}, false
	}
	at := tn.attach[r.Target]
	if at == nil {
		t.hop(HopTransitGateway, id, DecisionNoRoute, "NET-07", "%s routes %s to %s, which is not one of its attachments.", id, p.dst, r.Target)
		return arrival{}, false
	}
	if at.ID == fromAttach {
		t.hop(HopTransitGateway, id, DecisionDropped, "NET-06", "%s would send %s back out of %s, where it came from: dropped.", id, p.dst, at.ID)
		return arrival{}, false
	}
	p.via, p.viaID, p.from = "transit-gateway", id, nil
	if nn := t.w.networks[at.Network]; nn != nil {
		t.hop(HopTransitGateway, id, DecisionForwarded, "NET-06", "%s: longest match %s → attachment %s, the connection to %s.", id, r.Dest, at.ID, nn.n.ID)
		return t.arriveOnPrem(nn, p)
	}
	vn := t.w.vpcs[at.VPC]
	if vn == nil {
		t.hop(HopTransitGateway, id, DecisionNoRoute, "NET-07", "Attachment %s of %s leads to no VPC or network.", at.ID, id)
		return arrival{}, false
	}
	t.hop(HopTransitGateway, id, DecisionForwarded, "NET-06", "%s: longest match %s → attachment %s into %s.", id, r.Dest, at.ID, vn.v.ID)
	if vn.contains(p.dst) {
		return t.deliverLocal(nil, vn, p)
	}
	sn := t.attachmentSubnet(vn, at)
	if sn == nil {
		t.hop(HopTransitGateway, id, DecisionNoRoute, "NET-06", "Attachment %s has no subnet in %s to forward from.", at.ID, vn.v.ID)
		return arrival{}, false
	}
	return t.fromSubnet(sn, p)
}

// attachmentSubnet is the subnet whose route table forwards what a transit
// gateway delivers into a VPC: the attachment's first subnet, else the
// VPC's first.
func (t *tracer) attachmentSubnet(vn *vpcNode, at *TGWAttachment) *subnetNode {
	for _, s := range at.Subnets {
		if sn := t.w.subnets[s]; sn != nil && sn.vpc == vn {
			return sn
		}
	}
	if len(vn.subnets) > 0 {
		return vn.subnets[0]
	}
	return nil
}

// startOnPrem sends a packet from an on-premises address: inside the site,
// directly; otherwise over the site's VPN or Direct Connect to its VPC's
// virtual private gateway or to its transit gateway (NET-06).
func (t *tracer) startOnPrem(nn *networkNode, p packet) (arrival, bool) {
	site := nn.n.ID
	if nn.contains(p.dst) {
		return arrival{network: nn, p: p}, true
	}
	conn := nn.n.Connection
	p.via = "vpn"
	if tn := t.w.tgws[conn.TransitGateway]; tn != nil {
		from := site
		if at := tn.byNetwork[site]; at != nil {
			from = at.ID
		}
		t.hop(HopVPN, site, DecisionForwarded, "NET-06", "%s sends the request to %s over its %s connection to %s.", site, p.dst, conn.Type, tn.t.ID)
		return t.throughTGW(tn, from, p)
	}
	vn := t.w.vpcs[conn.VPC]
	if vn == nil || vn.v.VirtualPrivateGateway == "" {
		t.hop(HopVPN, site, DecisionNoRoute, "NET-06", "%s has no working connection to AWS: its %s connection names no VPC with a virtual private gateway or transit gateway.", site, conn.Type)
		return arrival{}, false
	}
	vgw := vn.v.VirtualPrivateGateway
	p.viaID = vgw
	if !vn.contains(p.dst) {
		if pl, ok := prefixListContaining(p.dst); ok {
			t.hop(HopVPN, vgw, DecisionDropped, "GW-08", "%s is %s in %s: traffic arriving over %s cannot use a gateway endpoint; on-premises clients need an interface endpoint.", p.dst, pl.Service, pl.Region, conn.Type)
		} else {
			t.hop(HopVPN, vgw, DecisionDropped, "NET-05", "%s is not inside %s: a virtual private gateway delivers only to the VPC's own addresses (no edge-to-edge routing).", p.dst, vn.v.ID)
		}
		return arrival{}, false
	}
	t.hop(HopVPN, vgw, DecisionForwarded, "NET-06", "%s sends the request over its %s connection to %s of %s.", site, conn.Type, vgw, vn.v.ID)
	return t.deliverLocal(nil, vn, p)
}
