package terraform

import (
	"privatelink-playground/engine"
)

// declareTransit names the peering connections, the transit gateways and
// their VPC attachments (an on-premises attachment has no resource).
func (x *exporter) declareTransit() {
	for i := range x.s.Peerings {
		p := &x.s.Peerings[i]
		x.declare(p, kindPeering, p.ID, "aws_vpc_peering_connection")
	}
	for i := range x.s.TransitGateways {
		tgw := &x.s.TransitGateways[i]
		x.declare(tgw, kindTGW, tgw.ID, "aws_ec2_transit_gateway")
		for j := range tgw.Attachments {
			a := &tgw.Attachments[j]
			if a.VPC != "" {
				x.declare(a, kindTGWAttach, a.ID, "aws_ec2_transit_gateway_vpc_attachment")
			}
		}
	}
}

// vpc returns the scenario's VPC with the ID, or nil.
func (x *exporter) vpc(id string) *engine.VPC {
	for i := range x.s.VPCs {
		if x.s.VPCs[i].ID == id {
			return &x.s.VPCs[i]
		}
	}
	return nil
}

// writeTransit writes the peering connections, then the transit gateways
// with their VPC attachments and static routes.
func (x *exporter) writeTransit() {
	for i := range x.s.Peerings {
		x.writePeering(&x.s.Peerings[i])
	}
	for i := range x.s.TransitGateways {
		x.writeTransitGateway(&x.s.TransitGateways[i])
	}
}

// writePeering writes an active peering connection, requested from the
// requester's account and Region. Within one account and Region it is
// accepted at once; otherwise the accepter's side is noted.
func (x *exporter) writePeering(p *engine.Peering) {
	req, acc := x.vpc(p.RequesterVPC), x.vpc(p.AccepterVPC)
	if req != nil {
		x.region = req.Region
	}
	defer func() { x.region = "" }()
	b := x.resource(x.self[p])
	set(b, "vpc_id", x.refTo(kindVPC, p.RequesterVPC, "id"))
	set(b, "peer_vpc_id", x.refTo(kindVPC, p.AccepterVPC, "id"))
	sameAccount, sameRegion := true, true
	if req != nil && acc != nil {
		if acc.Account != req.Account {
			sameAccount = false
			set(b, "peer_owner_id", str(acc.Account))
		}
		if x.regionOr(acc.Region) != x.regionOr(req.Region) {
			sameRegion = false
			set(b, "peer_region", str(x.regionOr(acc.Region)))
		}
	}
	if sameAccount && sameRegion {
		set(b, "auto_accept", boolean(true))
	} else {
		x.note("%s crosses accounts or Regions: accept it on the accepter's side with aws_vpc_peering_connection_accepter", p.ID)
	}
	set(b, "tags", tags(p.ID, nil))
}

// regionOr is a Region, the home Region when empty.
func (x *exporter) regionOr(r string) string {
	if r == "" {
		return x.home
	}
	return r
}

// writeTransitGateway writes a transit gateway, its VPC attachments and its
// routes in the default route table, in the Region of its first attached
// VPC. Attachments and routes of on-premises
// networks are noted.
func (x *exporter) writeTransitGateway(tgw *engine.TransitGateway) {
	for _, a := range tgw.Attachments {
		if v := x.vpc(a.VPC); v != nil {
			x.region = v.Region
			break
		}
	}
	defer func() { x.region = "" }()
	gw := x.self[tgw]
	b := x.resource(gw)
	set(b, "tags", tags(tgw.ID, nil))
	for i := range tgw.Attachments {
		a := &tgw.Attachments[i]
		if a.VPC == "" {
			x.note("%s attaches on-premises network %s to %s: a VPN or Direct Connect attachment needs the site's customer gateway", a.ID, a.Network, tgw.ID)
			continue
		}
		ab := x.resource(x.self[a])
		set(ab, "transit_gateway_id", traversal(gw, "id"))
		set(ab, "vpc_id", x.refTo(kindVPC, a.VPC, "id"))
		set(ab, "subnet_ids", x.refsTo(kindSubnet, a.Subnets, "id"))
		set(ab, "tags", tags(a.ID, nil))
	}
	for _, r := range tgw.Routes {
		att, ok := x.n.lookup(kindTGWAttach, r.Attachment)
		if !ok {
			x.note("%s route %s → %s: the attachment has no Terraform resource", tgw.ID, r.DestinationCIDRBlock, r.Attachment)
			continue
		}
		rb := x.resource(x.n.fresh("aws_ec2_transit_gateway_route", tgw.ID, r.DestinationCIDRBlock))
		set(rb, "destination_cidr_block", str(r.DestinationCIDRBlock))
		set(rb, "transit_gateway_attachment_id", traversal(att, "id"))
		set(rb, "transit_gateway_route_table_id", traversal(gw, "association_default_route_table_id"))
	}
}
