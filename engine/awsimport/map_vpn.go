package awsimport

import (
	"fmt"
	"strings"

	"privatelink-playground/engine"
)

// mapVPNConnections maps each site-to-site VPN to a virtual private gateway
// of an imported VPC as an on-premises network named after the VPN, whose
// CIDRs are the VPN's static routes: a placeholder for the site, since AWS
// output describes neither its hosts nor its DNS. A VPN without static
// routes (BGP) or to a transit gateway is left out with a note; so is a
// customer gateway no mapped VPN uses.
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
		if v.TransitGatewayID != "" {
			m.note(it.src, "not mapped: %s ends at transit gateway %s, and transit gateways are not imported", what, v.TransitGatewayID)
			continue
		}
		i, ok := m.vgwVPC[v.VpnGatewayID]
		if !ok {
			m.note(it.src, "not mapped: %s ends at virtual private gateway %s, which is attached to no imported VPC", what, v.VpnGatewayID)
			continue
		}
		var cidrs []string
		for _, r := range v.Routes {
			if r.State == "" || r.State == "available" || r.State == "pending" {
				cidrs = append(cidrs, r.DestinationCidrBlock)
			}
		}
		if len(cidrs) == 0 {
			m.note(it.src, "not mapped: %s has no static routes (it uses BGP), so the site's CIDRs are unknown", what)
			continue
		}
		if ids[v.VpnConnectionID] {
			m.note(it.src, "not mapped: %s appears twice; the first is kept", what)
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
			Connection: engine.Connection{Type: "vpn", VPC: m.s.VPCs[i].ID},
		})
		m.note(it.src, "%s mapped as on-premises network %s with the CIDRs of its static routes (%s); its hosts and DNS servers are not in AWS's output", what, v.VpnConnectionID, strings.Join(cidrs, ", "))
	}
	for _, it := range m.in.customerGateways {
		if !m.usedCGWs[it.v.CustomerGatewayID] {
			m.note(it.src, "not mapped: customer gateway %s (%s) is used by no mapped VPN connection", it.v.CustomerGatewayID, it.v.IPAddress)
		}
	}
}
