package engine

import "net/netip"

// addRoutes fills each route table's trie: the implied local routes
// (NET-01), the scenario's routes, and the prefix-list routes of the gateway
// endpoints associated with the table (GW-01), IPv4 and/or IPv6 by the
// endpoint's address type (GW-07).
func (w *World) addRoutes() {
	for _, vn := range w.vpcList {
		for i := range vn.v.RouteTables {
			tn := w.tables[vn.v.RouteTables[i].ID]
			for _, c := range vn.cidrs {
				tn.trie.insert(route{Dest: c, Target: "local", Origin: originLocal})
			}
			for _, c := range vn.cidrs6 {
				tn.trie.insert(route{Dest: c, Target: "local", Origin: originLocal})
			}
			for _, r := range tn.t.Routes {
				addScenarioRoute(tn.trie, r)
			}
		}
	}
	for _, vn := range w.vpcList {
		for i := range vn.v.Endpoints {
			en := w.endpoints[vn.v.Endpoints[i].ID]
			if en == nil || en.e.VPCEndpointType != EndpointGateway || en.aws == nil {
				continue
			}
			for _, pl := range en.prefixLists() {
				for _, rtb := range en.e.RouteTableIDs {
					tn := w.tables[rtb]
					if tn == nil || tn.vpc != vn {
						continue
					}
					for _, c := range pl.CIDRs {
						tn.trie.insert(route{Dest: c, Target: en.e.ID, Origin: originPrefixList, PrefixList: pl.ID})
					}
				}
			}
			for _, rtb := range en.e.RouteTableIDs {
				if tn := w.tables[rtb]; tn != nil && tn.vpc == vn {
					tn.gateway = append(tn.gateway, en)
				}
			}
		}
	}
}

// addScenarioRoute inserts one route written in the scenario; a prefix-list
// destination is expanded to the list's CIDRs.
func addScenarioRoute(t *routeTrie, r Route) {
	switch {
	case r.DestinationCIDRBlock != "":
		if p, err := netip.ParsePrefix(r.DestinationCIDRBlock); err == nil {
			t.insert(route{Dest: p, Target: r.Target, Origin: originStatic})
		}
	case r.DestinationIPv6CIDRBlock != "":
		if p, err := netip.ParsePrefix(r.DestinationIPv6CIDRBlock); err == nil {
			t.insert(route{Dest: p, Target: r.Target, Origin: originStatic})
		}
	case r.DestinationPrefixListID != "":
		if pl, ok := prefixListByID(r.DestinationPrefixListID); ok {
			for _, c := range pl.CIDRs {
				t.insert(route{Dest: c, Target: r.Target, Origin: originPrefixList, PrefixList: pl.ID})
			}
		}
	}
}

// prefixLists returns the prefix lists a gateway endpoint routes: the
// service's IPv4 list for ipv4 and dualstack, its IPv6 list for ipv6 and
// dualstack (GW-07; DynamoDB has no IPv6 list).
func (en *endpointNode) prefixLists() []PrefixList {
	var out []PrefixList
	t := en.e.IPAddressType
	if t != IPAddressTypeIPv6 {
		if pl, ok := prefixListFor(en.aws.Name, en.region, false); ok {
			out = append(out, pl)
		}
	}
	if t == IPAddressTypeIPv6 || t == IPAddressTypeDualstack {
		if pl, ok := prefixListFor(en.aws.Name, en.region, true); ok {
			out = append(out, pl)
		}
	}
	return out
}

// addTransitGateways builds each transit gateway's route trie (NET-06).
func (w *World) addTransitGateways() {
	for i := range w.s.TransitGateways {
		t := &w.s.TransitGateways[i]
		tn := &tgwNode{t: t, trie: newRouteTrie(), attach: map[string]*TGWAttachment{}, byVPC: map[string]*TGWAttachment{}, byNetwork: map[string]*TGWAttachment{}}
		for j := range t.Attachments {
			at := &t.Attachments[j]
			tn.attach[at.ID] = at
			if at.VPC != "" {
				if _, dup := tn.byVPC[at.VPC]; !dup {
					tn.byVPC[at.VPC] = at
				}
			}
			if at.Network != "" {
				if _, dup := tn.byNetwork[at.Network]; !dup {
					tn.byNetwork[at.Network] = at
				}
			}
		}
		for _, r := range t.Routes {
			if p, err := netip.ParsePrefix(r.DestinationCIDRBlock); err == nil {
				tn.trie.insert(route{Dest: p, Target: r.Attachment, Origin: originStatic})
			}
		}
		w.tgws[t.ID] = tn
	}
}
