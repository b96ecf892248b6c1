package awsimport

import (
	"fmt"

	"privatelink-playground/engine"
)

// tgwIndex records what mapping transit gateways found, for the route
// tables, VPN connections and transit gateway routes mapped after them.
type tgwIndex struct {
	gateways map[string]int    // transit gateway ID → index in s.TransitGateways
	known    map[string]string // attachment ID of the input → its transit gateway ID
	seen     map[string]bool   // attachment IDs read, mapped or not
	mapped   map[string]string // attachment ID in the scenario → its transit gateway ID
	// vpn holds each usable VPN attachment by its VPN connection's ID: it
	// is mapped with the on-premises network of that connection.
	vpn map[string]item[TransitGatewayAttachment]
}

// newTGWIndex returns an empty index.
func newTGWIndex() tgwIndex {
	return tgwIndex{
		gateways: map[string]int{},
		known:    map[string]string{},
		seen:     map[string]bool{},
		mapped:   map[string]string{},
		vpn:      map[string]item[TransitGatewayAttachment]{},
	}
}

// usableTGWState reports whether a transit gateway or an attachment in this
// state carries traffic, or will once created.
func usableTGWState(state string) bool {
	switch state {
	case "", "available", "pending", "modifying":
		return true
	}
	return false
}

// mapTransitGateways maps describe-transit-gateways with their VPC
// attachments: those of describe-transit-gateway-vpc-attachments, and those
// of describe-transit-gateway-attachments that the former does not hold
// (without subnets, which only the former lists). A VPN attachment waits
// for its VPN connection (mapVPNConnections); other kinds are noted. Routes
// follow in mapTransitGatewayRoutes.
func (m *mapper) mapTransitGateways() {
	for _, it := range m.in.transitGateways {
		g := it.v
		switch {
		case g.TransitGatewayID == "":
			m.note(it.src, "not mapped: a transit gateway without a TransitGatewayId")
		case hasKey(m.tgw.gateways, g.TransitGatewayID):
			m.note(it.src, "not mapped: transit gateway %s appears twice; the first is kept", g.TransitGatewayID)
		case !usableTGWState(g.State):
			m.note(it.src, "not mapped: transit gateway %s is %s", g.TransitGatewayID, g.State)
		default:
			m.tgw.gateways[g.TransitGatewayID] = len(m.s.TransitGateways)
			m.s.TransitGateways = append(m.s.TransitGateways, engine.TransitGateway{ID: g.TransitGatewayID, Attachments: []engine.TGWAttachment{}})
		}
	}
	covered := map[string]bool{}
	for _, it := range m.in.tgwVpcAttachments {
		covered[it.v.TransitGatewayAttachmentID] = true
		m.tgw.known[it.v.TransitGatewayAttachmentID] = it.v.TransitGatewayID
	}
	for _, it := range m.in.tgwAttachments {
		if !hasKey(m.tgw.known, it.v.TransitGatewayAttachmentID) {
			m.tgw.known[it.v.TransitGatewayAttachmentID] = it.v.TransitGatewayID
		}
	}
	for _, it := range m.in.tgwVpcAttachments {
		m.mapTGWVPCAttachment(it)
	}
	for _, it := range m.in.tgwAttachments {
		if it.v.ResourceType == "vpc" && covered[it.v.TransitGatewayAttachmentID] {
			continue // describe-transit-gateway-vpc-attachments holds it
		}
		m.mapTGWAttachment(it)
	}
}

// mapTGWVPCAttachment maps one VPC attachment of
// describe-transit-gateway-vpc-attachments with its imported subnets.
func (m *mapper) mapTGWVPCAttachment(it item[TransitGatewayVpcAttachment]) {
	a := it.v
	what := fmt.Sprintf("VPC attachment %s of %s", a.TransitGatewayAttachmentID, a.TransitGatewayID)
	t, ok := m.tgwAttachable(it.src, what, a.TransitGatewayAttachmentID, a.TransitGatewayID, a.State)
	if !ok {
		return
	}
	i, ok := m.vpc(it.src, what, a.VpcID)
	if !ok {
		return
	}
	var subnets []string
	for k, id := range a.SubnetIDs {
		if vi, _, ok := m.subnet(id); !ok || vi != i {
			m.note(it.at(".SubnetIds[%d]", k), "not mapped: subnet %s of %s is not an imported subnet of %s", id, a.TransitGatewayAttachmentID, a.VpcID)
			continue
		}
		subnets = append(subnets, id)
	}
	m.addTGWVPCAttachment(it.src, t, engine.TGWAttachment{ID: a.TransitGatewayAttachmentID, VPC: a.VpcID, Subnets: subnets})
}

// mapTGWAttachment maps one attachment of describe-transit-gateway-attachments
// that describe-transit-gateway-vpc-attachments does not hold: a VPC
// attachment without its subnets, or a VPN attachment kept for its VPN
// connection. Other kinds are noted.
func (m *mapper) mapTGWAttachment(it item[TransitGatewayAttachment]) {
	a := it.v
	what := fmt.Sprintf("%s attachment %s of %s to %s", firstOf(a.ResourceType, "untyped"), a.TransitGatewayAttachmentID, a.TransitGatewayID, orNone(a.ResourceID))
	if reason := tgwAttachmentKindProblem(a.ResourceType); reason != "" {
		m.note(it.src, "not mapped: %s: %s", what, reason)
		return
	}
	t, ok := m.tgwAttachable(it.src, what, a.TransitGatewayAttachmentID, a.TransitGatewayID, a.State)
	if !ok {
		return
	}
	if a.ResourceType == "vpn" {
		if a.ResourceID == "" {
			m.note(it.src, "not mapped: %s names no VPN connection (ResourceId)", what)
			return
		}
		if prev, dup := m.tgw.vpn[a.ResourceID]; dup {
			m.note(it.src, "not mapped: %s: VPN connection %s already has attachment %s", what, a.ResourceID, prev.v.TransitGatewayAttachmentID)
			return
		}
		m.tgw.vpn[a.ResourceID] = it
		return
	}
	i, ok := m.vpc(it.src, what, a.ResourceID)
	if !ok {
		return
	}
	if m.addTGWVPCAttachment(it.src, t, engine.TGWAttachment{ID: a.TransitGatewayAttachmentID, VPC: m.s.VPCs[i].ID}) {
		m.note(it.src, "%s mapped without subnets: describe-transit-gateway-attachments does not list them (describe-transit-gateway-vpc-attachments does), so the transit gateway forwards into %s from its first subnet", what, a.ResourceID)
	}
}

// tgwAttachmentKindProblem says why an attachment of this ResourceType
// cannot be mapped, or "".
func tgwAttachmentKindProblem(kind string) string {
	switch kind {
	case "vpc", "vpn":
		return ""
	case "direct-connect-gateway":
		return "Direct Connect is not read from aws ec2 output, so the sites behind the Direct Connect gateway are unknown"
	case "peering", "tgw-peering":
		return "transit gateway peering is not in the scenario format"
	case "connect":
		return "Connect attachments (GRE tunnels to appliances) are not in the scenario format"
	}
	return fmt.Sprintf("an attachment of ResourceType %q is not in the scenario format", kind)
}

// tgwAttachable checks what every attachment needs: an ID seen once, a
// usable state and an imported transit gateway. It returns the gateway's
// index, or notes why the attachment is not mapped.
func (m *mapper) tgwAttachable(at src, what, id, tgwID, state string) (int, bool) {
	if id == "" {
		m.note(at, "not mapped: %s has no TransitGatewayAttachmentId", what)
		return 0, false
	}
	if m.tgw.seen[id] {
		m.note(at, "not mapped: attachment %s appears twice; the first is kept", id)
		return 0, false
	}
	m.tgw.seen[id] = true
	if !usableTGWState(state) {
		m.note(at, "not mapped: %s is %s", what, state)
		return 0, false
	}
	t, ok := m.tgw.gateways[tgwID]
	if !ok {
		m.note(at, "not mapped: %s: transit gateway %s is not one of the imported transit gateways", what, orNone(tgwID))
	}
	return t, ok
}

// addTGWVPCAttachment adds a VPC attachment to transit gateway number t,
// unless the gateway already has one to that VPC.
func (m *mapper) addTGWVPCAttachment(at src, t int, a engine.TGWAttachment) bool {
	g := &m.s.TransitGateways[t]
	for _, prev := range g.Attachments {
		if prev.VPC == a.VPC {
			m.note(at, "not mapped: attachment %s: %s is already attached to %s by %s; the first is kept", a.ID, a.VPC, g.ID, prev.ID)
			return false
		}
	}
	g.Attachments = append(g.Attachments, a)
	m.tgw.mapped[a.ID] = g.ID
	return true
}

// tgwRouteProblem says why a VPC route to transit gateway id cannot be
// mapped into VPC number i, or "".
func (m *mapper) tgwRouteProblem(id string, i int) string {
	t, ok := m.tgw.gateways[id]
	if !ok {
		return "the transit gateway is not one of the imported transit gateways"
	}
	for _, a := range m.s.TransitGateways[t].Attachments {
		if a.VPC == m.s.VPCs[i].ID {
			return ""
		}
	}
	return fmt.Sprintf("%s has no imported attachment to %s", id, m.s.VPCs[i].ID)
}

// hasKey reports whether map m holds key k.
func hasKey[V any](m map[string]V, k string) bool {
	_, ok := m[k]
	return ok
}
