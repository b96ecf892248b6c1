package awsimport

import (
	"fmt"
	"strings"

	"privatelink-playground/engine"
)

// mapVPNConnections maps each site-to-site VPN to a virtual private gateway
// of an imported VPC, or to an imported transit gateway through its VPN
// attachment, as an on-premises network named after the VPN, whose CIDRs
// are the VPN's static routes (for a transit gateway, whose route table
// holds them: the routes to its attachment): a placeholder for the site,
// since AWS output describes neither its hosts nor its DNS. A VPN whose
// CIDRs are unknown, or whose end is not imported, is left out with a
// note; so is a customer gateway, or a transit gateway's VPN attachment,
// that no mapped VPN uses.
func (m *mapper) mapVPNConnections() {
	cgws := map[string]CustomerGateway{}
	for _, c := range m.in.customerGateways {
		cgws[c.v.CustomerGatewayID] = c.v
	}
	ids := map[string]bool{}
	for _, it := range m.in.vpnConnections {
		v := it.v
		what := fmt.Sprintf("VPN connection %s to %s", v.VpnConnectionID, v.CustomerGatewayID)
		if c, ok := cgws[v.CustomerGatewayID]; ok && c.IPAddress != "" {
			what += " (" + c.IPAddress + ")"
		}
		if v.State != "" && v.State != "available" && v.State != "pending" {
			m.note(it.src, "not mapped: %s is %s", what, v.State)
			continue
		}
		if ids[v.VpnConnectionID] {
			m.note(it.src, "not mapped: %s appears twice; the first is kept", what)
			continue
		}
		conn, attach, ok := m.vpnEnd(it, what)
		if !ok {
			continue
		}
		var cidrs []string
		for _, r := range v.Routes {
			if r.State == "" || r.State == "available" || r.State == "pending" {
				cidrs = append(cidrs, r.DestinationCidrBlock)
			}
		}
		from := "its static routes"
		if len(cidrs) == 0 && conn.TransitGateway != "" {
			cidrs = m.tgwSiteCIDRs(it, what, attach.v.TransitGatewayAttachmentID)
			from = "the routes of " + conn.TransitGateway + " to its attachment " + attach.v.TransitGatewayAttachmentID
		}
		switch {
		case len(cidrs) > 0:
		case conn.TransitGateway != "":
			m.note(it.src, "not mapped: %s: %s routes no CIDR to its attachment %s (neither a static route nor one propagated over BGP), so the site's CIDRs are unknown", what, conn.TransitGateway, attach.v.TransitGatewayAttachmentID)
			continue
		default:
			m.note(it.src, "not mapped: %s has no static routes (it uses BGP), so the site's CIDRs are unknown", what)
			continue
		}
		ids[v.VpnConnectionID] = true
		m.usedCGWs[v.CustomerGatewayID] = true
		name := nameTag(v.Tags)
		if name == "" {
			name = "on-premises site behind " + v.CustomerGatewayID
		}
		m.s.Networks = append(m.s.Networks, engine.OnPremNetwork{
			ID:         v.VpnConnectionID,
			Name:       name,
			CIDRBlocks: cidrs,
			Connection: conn,
		})
		if conn.TransitGateway != "" {
			m.attachVPN(attach, v.VpnConnectionID)
		}
		m.note(it.src, "%s mapped as on-premises network %s with the CIDRs of %s (%s); its hosts and DNS servers are not in AWS's output", what, v.VpnConnectionID, from, strings.Join(cidrs, ", "))
	}
	for _, it := range m.in.customerGateways {
		if !m.usedCGWs[it.v.CustomerGatewayID] {
			m.note(it.src, "not mapped: customer gateway %s (%s) is used by no mapped VPN connection", it.v.CustomerGatewayID, it.v.IPAddress)
		}
	}
	m.noteUnusedVPNAttachments()
}

// vpnEnd returns the connection of a VPN's on-premises network: to the VPC
// of its virtual private gateway, or to its transit gateway with the VPN
// attachment there. It notes a VPN whose end is not imported.
func (m *mapper) vpnEnd(it item[VpnConnection], what string) (engine.Connection, item[TransitGatewayAttachment], bool) {
	v := it.v
	if v.TransitGatewayID != "" {
		attach, ok := m.vpnAtTGW(it, what)
		return engine.Connection{Type: "vpn", TransitGateway: v.TransitGatewayID}, attach, ok
	}
	i, ok := m.vgwVPC[v.VpnGatewayID]
	if !ok {
		m.note(it.src, "not mapped: %s ends at virtual private gateway %s, which is attached to no imported VPC", what, v.VpnGatewayID)
		return engine.Connection{}, item[TransitGatewayAttachment]{}, false
	}
	return engine.Connection{Type: "vpn", VPC: m.s.VPCs[i].ID}, item[TransitGatewayAttachment]{}, true
}
