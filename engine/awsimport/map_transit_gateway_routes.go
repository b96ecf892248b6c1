package awsimport

import (
	"net/netip"
	"slices"
	"strings"

	"privatelink-playground/engine"
)

// activeTGWRoute reports whether a transit gateway route in this state
// carries traffic.
func activeTGWRoute(state string) bool { return state == "" || state == "active" }

// mapTransitGatewayRoutes maps the routes of search-transit-gateway-routes
// output into the transit gateways of the attachments they lead to, since
// the output names neither its route table nor the table's gateway. The
// scenario gives a transit gateway one route table, so the routes of all
// its tables merge into it, in the input's order. Static routes are weighed
// first, as a static route beats a propagated one to the same destination;
// for other conflicts the first is kept. Blackhole routes are not in the
// scenario format and are noted.
func (m *mapper) mapTransitGatewayRoutes() {
	for _, at := range m.in.moreTGWRoutes {
		m.note(at, "search-transit-gateway-routes printed only some of the table's routes; the others are not in the input, so not mapped")
	}
	kept := map[string]map[string]string{} // transit gateway ID → destination → Type of its route
	routes := make([]engine.TGWRoute, len(m.in.tgwRoutes))
	for _, static := range []bool{true, false} {
		for k, it := range m.in.tgwRoutes {
			if (it.v.Type == "propagated") != static {
				routes[k] = m.mapTGWRoute(it, kept)
			}
		}
	}
	for _, r := range routes { // in the input's order
		if r.Attachment != "" {
			g := &m.s.TransitGateways[m.tgw.gateways[m.tgw.mapped[r.Attachment]]]
			g.Routes = append(g.Routes, r)
		}
	}
	m.noteTGWRouteTables()
}

// mapTGWRoute returns the scenario's route for one route of the input, or
// a route without attachment when it is not mapped.
func (m *mapper) mapTGWRoute(it item[TransitGatewayRoute], kept map[string]map[string]string) engine.TGWRoute {
	r := it.v
	dest := firstOf(r.DestinationCidrBlock, r.PrefixListID)
	switch {
	case r.State == "blackhole":
		m.note(it.src, "not mapped: route %s is a blackhole route, which drops what it matches; the scenario format has no blackhole routes for transit gateways, so without it such traffic follows the next matching route, if any", orNone(dest))
		return engine.TGWRoute{}
	case !activeTGWRoute(r.State):
		m.note(it.src, "not mapped: route %s is %s", orNone(dest), r.State)
		return engine.TGWRoute{}
	case r.DestinationCidrBlock == "" && r.PrefixListID != "":
		m.note(it.src, "not mapped: route to prefix list %s: prefix-list references in transit gateway route tables are not in the scenario format", r.PrefixListID)
		return engine.TGWRoute{}
	}
	p, err := netip.ParsePrefix(r.DestinationCidrBlock)
	if err != nil || p != p.Masked() {
		m.note(it.src, "not mapped: route destination %q is not a CIDR block", r.DestinationCidrBlock)
		return engine.TGWRoute{}
	}
	attach, tgwID, ok := m.tgwRouteAttachment(it, dest)
	if !ok {
		return engine.TGWRoute{}
	}
	if kept[tgwID] == nil {
		kept[tgwID] = map[string]string{}
	}
	switch prev, dup := kept[tgwID][p.String()]; {
	case dup && prev != "propagated" && r.Type == "propagated":
		m.note(it.src, "not mapped: route %s → %s: the static route to %s in %s takes precedence over a propagated one", dest, attach, dest, tgwID)
		return engine.TGWRoute{}
	case dup:
		m.note(it.src, "not mapped: a second route for %s in %s; the first is kept", dest, tgwID)
		return engine.TGWRoute{}
	}
	kept[tgwID][p.String()] = r.Type
	return engine.TGWRoute{DestinationCIDRBlock: r.DestinationCidrBlock, Attachment: attach}
}

// tgwRouteAttachment returns the attachment a route leads to and its
// transit gateway: the first of its attachments that is mapped. Several
// are equal-cost paths, of which the scenario keeps one; the others are
// noted, and so is a route that leads to no mapped attachment.
func (m *mapper) tgwRouteAttachment(it item[TransitGatewayRoute], dest string) (string, string, bool) {
	list := it.v.TransitGatewayAttachments
	chosen := slices.IndexFunc(list, func(a TransitGatewayRouteAttachment) bool {
		return hasKey(m.tgw.mapped, a.TransitGatewayAttachmentID)
	})
	if chosen < 0 {
		m.note(it.src, "not mapped: route %s: %s", dest, m.unmappedRouteAttachments(list))
		return "", "", false
	}
	id := list[chosen].TransitGatewayAttachmentID
	for j, a := range list {
		if j != chosen {
			m.note(it.at(".TransitGatewayAttachments[%d]", j), "not mapped: route %s has equal-cost paths and the scenario keeps one, to %s, not this one to %s", dest, id, orNone(a.TransitGatewayAttachmentID))
		}
	}
	return id, m.tgw.mapped[id], true
}

// unmappedRouteAttachments says why none of a route's attachments is
// mapped.
func (m *mapper) unmappedRouteAttachments(list []TransitGatewayRouteAttachment) string {
	if len(list) == 0 {
		return "it leads to no attachment"
	}
	var unknown, unmapped []string
	for _, a := range list {
		name := orNone(a.TransitGatewayAttachmentID) + " (" + strings.TrimSpace(a.ResourceType+" "+a.ResourceID) + ")"
		if hasKey(m.tgw.known, a.TransitGatewayAttachmentID) {
			unmapped = append(unmapped, name)
		} else {
			unknown = append(unknown, name)
		}
	}
	if len(unknown) > 0 {
		return "it leads to " + strings.Join(unknown, ", ") + ", in no describe-transit-gateway-attachments or describe-transit-gateway-vpc-attachments output of the input, so the transit gateway of its route table is unknown"
	}
	return "it leads to " + strings.Join(unmapped, ", ") + ", which is not mapped (see the attachment's note)"
}

// noteTGWRouteTables notes where the transit gateways' route tables, as
// describe-transit-gateway-attachments gives them, do not fit the
// scenario's one table per gateway: a gateway whose attachments are
// associated with several tables (their routes were merged), and a mapped
// attachment associated with none (AWS drops what arrives on it).
func (m *mapper) noteTGWRouteTables() {
	tables := map[string][]string{}
	for _, it := range m.in.tgwAttachments {
		a := it.v
		tgwID, ok := m.tgw.mapped[a.TransitGatewayAttachmentID]
		if !ok {
			continue
		}
		as := a.Association
		if as == nil || as.TransitGatewayRouteTableID == "" || (as.State != "" && as.State != "associated" && as.State != "associating") {
			m.note(it.src, "attachment %s is associated with no route table of %s: AWS drops what arrives on it, while the scenario routes it by the transit gateway's one table", a.TransitGatewayAttachmentID, tgwID)
			continue
		}
		if !slices.Contains(tables[tgwID], as.TransitGatewayRouteTableID) {
			tables[tgwID] = append(tables[tgwID], as.TransitGatewayRouteTableID)
		}
	}
	done := map[string]bool{}
	for _, it := range m.in.transitGateways {
		id := it.v.TransitGatewayID
		if len(tables[id]) > 1 && !done[id] {
			done[id] = true
			m.note(it.src, "the attachments of %s are associated with %d route tables (%s); the scenario gives a transit gateway one route table, so the routes of every search-transit-gateway-routes output that lead to its attachments are merged into it", id, len(tables[id]), strings.Join(tables[id], ", "))
		}
	}
}
