package awsimport

import (
	"net/netip"
	"slices"

	"privatelink-playground/engine"
)

// vpnAtTGW returns the VPN attachment where a VPN connection meets its
// transit gateway, noting a connection whose gateway is not imported or
// that no usable attachment of the input joins (describe-vpn-connections
// does not name the attachment; describe-transit-gateway-attachments does).
func (m *mapper) vpnAtTGW(it item[VpnConnection], what string) (item[TransitGatewayAttachment], bool) {
	v := it.v
	if !hasKey(m.tgw.gateways, v.TransitGatewayID) {
		m.note(it.src, "not mapped: %s ends at transit gateway %s, which is not one of the imported transit gateways", what, v.TransitGatewayID)
		return item[TransitGatewayAttachment]{}, false
	}
	a, ok := m.tgw.vpn[v.VpnConnectionID]
	if !ok || a.v.TransitGatewayID != v.TransitGatewayID {
		m.note(it.src, "not mapped: %s ends at transit gateway %s, and the input has no usable attachment of it for this VPN (describe-transit-gateway-attachments, ResourceType vpn)", what, v.TransitGatewayID)
		return item[TransitGatewayAttachment]{}, false
	}
	return a, true
}

// tgwSiteCIDRs returns the CIDRs that active transit gateway routes send to
// a VPN attachment, static or propagated over BGP: the site's, since a VPN
// to a transit gateway keeps its static routes in the transit gateway's
// route table, not in describe-vpn-connections. A destination that
// overlaps an imported VPC (a default route to the site, say) is not the
// site's own: it is left out, with a note on the VPN connection.
func (m *mapper) tgwSiteCIDRs(it item[VpnConnection], what, attachID string) []string {
	var cidrs []string
	for _, r := range m.in.tgwRoutes {
		p, err := netip.ParsePrefix(r.v.DestinationCidrBlock)
		if err != nil || p != p.Masked() || !activeTGWRoute(r.v.State) || !routesTo(r.v, attachID) || slices.Contains(cidrs, p.String()) {
			continue
		}
		if vpc := m.vpcOverlapping(p); vpc != "" {
			m.note(it.src, "%s: the transit gateway's route %s to %s (%s %s) overlaps %s, so it is not taken as a CIDR of the site", what, p, attachID, r.file, r.path, vpc)
			continue
		}
		cidrs = append(cidrs, p.String())
	}
	return cidrs
}

// routesTo reports whether a transit gateway route leads to an attachment.
func routesTo(r TransitGatewayRoute, attachID string) bool {
	for _, a := range r.TransitGatewayAttachments {
		if a.TransitGatewayAttachmentID == attachID {
			return true
		}
	}
	return false
}

// vpcOverlapping returns the first imported VPC with a CIDR that overlaps
// p, or "".
func (m *mapper) vpcOverlapping(p netip.Prefix) string {
	for i := range m.s.VPCs {
		for _, l := range m.localPrefixes(i) {
			if l.Overlaps(p) {
				return m.s.VPCs[i].ID
			}
		}
	}
	return ""
}

// attachVPN adds a VPN attachment to its transit gateway, joining the
// on-premises network mapped from its VPN connection.
func (m *mapper) attachVPN(a item[TransitGatewayAttachment], network string) {
	t := m.tgw.gateways[a.v.TransitGatewayID]
	g := &m.s.TransitGateways[t]
	g.Attachments = append(g.Attachments, engine.TGWAttachment{ID: a.v.TransitGatewayAttachmentID, Network: network})
	m.tgw.mapped[a.v.TransitGatewayAttachmentID] = g.ID
}

// noteUnusedVPNAttachments notes each usable VPN attachment whose VPN
// connection was not mapped: without it, the site it joins is unknown.
func (m *mapper) noteUnusedVPNAttachments() {
	given := map[string]bool{}
	for _, it := range m.in.vpnConnections {
		given[it.v.VpnConnectionID] = true
	}
	for _, it := range m.in.tgwAttachments {
		a := it.v
		kept, ok := m.tgw.vpn[a.ResourceID]
		if !ok || kept.src != it.src || hasKey(m.tgw.mapped, a.TransitGatewayAttachmentID) {
			continue
		}
		if given[a.ResourceID] {
			m.note(it.src, "not mapped: VPN attachment %s of %s: VPN connection %s is not mapped (see its note)", a.TransitGatewayAttachmentID, a.TransitGatewayID, a.ResourceID)
		} else {
			m.note(it.src, "not mapped: VPN attachment %s of %s: VPN connection %s is not in the input (describe-vpn-connections), so the site it joins is unknown", a.TransitGatewayAttachmentID, a.TransitGatewayID, a.ResourceID)
		}
	}
}
