package awsimport

import "privatelink-playground/engine"

// attachedState reports whether a gateway attachment is in use.
func attachedState(state string) bool {
	return state == "available" || state == "attached" || state == "attaching"
}

// mapInternetGateways sets each VPC's internetGateway from the gateways'
// attachments.
func (m *mapper) mapInternetGateways() {
	for _, it := range m.in.internetGateways {
		g := it.v
		attached := false
		for j, a := range g.Attachments {
			at := it.at(".Attachments[%d]", j)
			if !attachedState(a.State) {
				m.note(at, "not mapped: internet gateway %s's attachment to %s is %s", g.InternetGatewayID, a.VpcID, a.State)
				continue
			}
			i, ok := m.vpc(at, "internet gateway "+g.InternetGatewayID, a.VpcID)
			if !ok {
				continue
			}
			if prev := m.s.VPCs[i].InternetGateway; prev != "" && prev != g.InternetGatewayID {
				m.note(at, "not mapped: %s already has internet gateway %s", a.VpcID, prev)
				continue
			}
			m.s.VPCs[i].InternetGateway = g.InternetGatewayID
			attached = true
		}
		if !attached && len(g.Attachments) == 0 {
			m.note(it.src, "not mapped: internet gateway %s is attached to no VPC", g.InternetGatewayID)
		}
	}
}

// mapVPNGateways sets each VPC's virtualPrivateGateway from the virtual
// private gateways' attachments.
func (m *mapper) mapVPNGateways() {
	for _, it := range m.in.vpnGateways {
		g := it.v
		if g.State != "" && g.State != "available" && g.State != "pending" {
			m.note(it.src, "not mapped: virtual private gateway %s is %s", g.VpnGatewayID, g.State)
			continue
		}
		attached := false
		for j, a := range g.VpcAttachments {
			at := it.at(".VpcAttachments[%d]", j)
			if !attachedState(a.State) {
				continue // detached attachments are history
			}
			i, ok := m.vpc(at, "virtual private gateway "+g.VpnGatewayID, a.VpcID)
			if !ok {
				continue
			}
			if prev := m.s.VPCs[i].VirtualPrivateGateway; prev != "" && prev != g.VpnGatewayID {
				m.note(at, "not mapped: %s already has virtual private gateway %s", a.VpcID, prev)
				continue
			}
			m.s.VPCs[i].VirtualPrivateGateway = g.VpnGatewayID
			m.vgwVPC[g.VpnGatewayID] = i
			attached = true
		}
		if !attached {
			m.note(it.src, "not mapped: virtual private gateway %s is attached to no imported VPC", g.VpnGatewayID)
		}
	}
}

// mapNATGateways puts each NAT gateway in its subnet's VPC. Deleted or
// failed gateways are left out with a note.
func (m *mapper) mapNATGateways() {
	for _, it := range m.in.natGateways {
		g := it.v
		switch g.State {
		case "", "available", "pending":
		default:
			m.note(it.src, "not mapped: NAT gateway %s is %s", g.NatGatewayID, g.State)
			continue
		}
		i, _, ok := m.subnet(g.SubnetID)
		if !ok {
			m.note(it.src, "not mapped: NAT gateway %s is in subnet %s, which is not imported", g.NatGatewayID, g.SubnetID)
			continue
		}
		if _, dup := m.nats[g.NatGatewayID]; dup {
			m.note(it.src, "not mapped: NAT gateway %s appears twice; the first is kept", g.NatGatewayID)
			continue
		}
		if g.ConnectivityType == "private" {
			m.note(it.src, "NAT gateway %s is a private NAT gateway: mapped as a public one (the scenario format has one kind)", g.NatGatewayID)
		}
		for _, a := range g.NatGatewayAddresses {
			if a.NetworkInterfaceID != "" {
				m.coveredENIs[a.NetworkInterfaceID] = true
			}
		}
		m.nats[g.NatGatewayID] = i
		m.s.VPCs[i].NATGateways = append(m.s.VPCs[i].NATGateways, engine.NATGateway{ID: g.NatGatewayID, Subnet: g.SubnetID})
	}
}

// mapPeerings maps active peering connections between imported VPCs.
func (m *mapper) mapPeerings() {
	for _, it := range m.in.peerings {
		p := it.v
		if p.Status.Code != "active" {
			m.note(it.src, "not mapped: peering connection %s is %s, not active", p.VpcPeeringConnectionID, p.Status.Code)
			continue
		}
		req, rok := m.vpcs[p.RequesterVpcInfo.VpcID]
		acc, aok := m.vpcs[p.AccepterVpcInfo.VpcID]
		if !rok || !aok {
			m.note(it.src, "not mapped: peering connection %s joins %s and %s, and not both are imported", p.VpcPeeringConnectionID, p.RequesterVpcInfo.VpcID, p.AccepterVpcInfo.VpcID)
			continue
		}
		if _, dup := m.peerings[p.VpcPeeringConnectionID]; dup {
			m.note(it.src, "not mapped: peering connection %s appears twice; the first is kept", p.VpcPeeringConnectionID)
			continue
		}
		m.peerings[p.VpcPeeringConnectionID] = len(m.s.Peerings)
		m.s.Peerings = append(m.s.Peerings, engine.Peering{
			ID:           p.VpcPeeringConnectionID,
			RequesterVPC: m.s.VPCs[req].ID,
			AccepterVPC:  m.s.VPCs[acc].ID,
		})
	}
}

// peeringOf reports whether peering connection id joins VPC number i.
func (m *mapper) peeringOf(id string, i int) bool {
	k, ok := m.peerings[id]
	if !ok {
		return false
	}
	p := m.s.Peerings[k]
	return p.RequesterVPC == m.s.VPCs[i].ID || p.AccepterVPC == m.s.VPCs[i].ID
}
