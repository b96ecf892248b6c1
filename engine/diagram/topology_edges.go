package diagram

import (
	"strconv"

	"privatelink-playground/engine"
)

// buildEdges adds the edges between the nodes buildNodes added, in
// scenario order.
func (t *topology) buildEdges() {
	for i := range t.s.VPCs {
		t.vpcEdges(&t.s.VPCs[i])
	}
	for _, e := range t.enis {
		t.edge(e.from, e.to, relInterface, "")
	}
	for i := range t.s.VPCs {
		for _, ep := range t.s.VPCs[i].Endpoints {
			t.edge(t.ref(ep.ID), t.serviceNode(ep.ServiceName), relService, "")
		}
	}
	t.serviceEdges()
	t.onPremEdges()
	t.transitEdges()
	t.zoneEdges()
	t.dataEdges()
}

// edge adds an edge of a kind between two nodes; an end that is a
// cluster's anchor makes the edge stop at the cluster's border.
func (t *topology) edge(from, to, kind, label string) {
	if from == "" || to == "" {
		return
	}
	a := []attr{{"class", "rel rel-" + kind}}
	if label != "" {
		a = append(a, attr{"label", labelText(label)})
	}
	a = append(a, edgeStyle(kind)...)
	if c, ok := t.anchors[from]; ok {
		a = append(a, attr{"ltail", c})
	}
	if c, ok := t.anchors[to]; ok {
		a = append(a, attr{"lhead", c})
	}
	t.g.addEdge(from, to, a...)
}

// vpcEdges adds a VPC's route table associations and routes, including
// the routes its gateway endpoints add to their route tables.
func (t *topology) vpcEdges(v *engine.VPC) {
	for _, sn := range v.Subnets {
		rt := subnetRouteTable(v, &sn)
		if c, ok := t.clusters[sn.ID]; ok && rt != "" {
			t.edge(c.anchor, t.ref(rt), relAssociation, "")
		}
	}
	for _, rt := range v.RouteTables {
		from := t.ref(rt.ID)
		for _, r := range rt.Routes {
			if r.Target == "local" || r.Target == "" {
				continue
			}
			dest := r.DestinationCIDRBlock
			if dest == "" {
				dest = r.DestinationIPv6CIDRBlock
			}
			if dest == "" {
				dest = r.DestinationPrefixListID
			}
			t.edge(from, t.ref(r.Target), relRoute, dest)
		}
		for _, gw := range rt.EdgeAssociations {
			t.edge(t.ref(gw), from, relAssociation, "edge association")
		}
	}
	for _, ep := range v.Endpoints {
		if ep.VPCEndpointType != engine.EndpointGateway {
			continue
		}
		for _, rt := range ep.RouteTableIDs {
			t.edge(t.ref(rt), t.ref(ep.ID), relRoute, prefixListLabel(ep.ServiceName))
		}
	}
}

// serviceEdges links endpoint services to their load balancers and load
// balancers to their targets.
func (t *topology) serviceEdges() {
	for _, es := range t.s.EndpointServices {
		for _, lb := range es.LoadBalancers {
			t.edge(t.ref(es.ID), t.ref(lb), relTarget, "")
		}
	}
	for _, lb := range t.s.LoadBalancers {
		for _, tg := range lb.Targets {
			label := ""
			if tg.Port != 0 {
				label = "port " + strconv.Itoa(tg.Port)
			}
			if !tg.IsHealthy() {
				label += " (unhealthy)"
			}
			t.edge(t.ref(lb.ID), t.ref(tg.Instance), relTarget, label)
		}
	}
}

// transitEdges adds peering connections and transit gateway attachments.
func (t *topology) transitEdges() {
	for _, p := range t.s.Peerings {
		pcx := t.ref(p.ID)
		t.edge(t.ref(p.RequesterVPC), pcx, relPeering, "requester")
		t.edge(pcx, t.ref(p.AccepterVPC), relPeering, "accepter")
	}
	for _, tgw := range t.s.TransitGateways {
		from := t.ref(tgw.ID)
		for _, a := range tgw.Attachments {
			switch {
			case a.VPC != "":
				t.edge(from, t.ref(a.VPC), relAttachment, a.ID)
			case a.Network != "":
				t.edge(from, t.ref(a.Network), relAttachment, a.ID)
			}
		}
	}
}

// zoneEdges links private hosted zones to their VPCs, and alias records
// to the interface endpoints they name.
func (t *topology) zoneEdges() {
	for _, z := range t.s.HostedZones {
		zone := t.ref(z.ID)
		if z.Private {
			for _, v := range z.VPCs {
				t.edge(zone, t.ref(v), relDNS, "")
			}
		}
		for _, r := range z.Records {
			if n, ok := t.nodes[r.AliasTarget]; ok && r.AliasTarget != "" {
				t.edge(zone, n, relDNS, r.Name)
			}
		}
	}
}
