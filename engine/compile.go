package engine

import (
	"net/netip"
	"strings"
)

// Compile validates a scenario and builds its World: Normalize makes every
// default explicit, then every resource is indexed, each route table and
// transit gateway gets its route trie (local, static and gateway endpoint
// prefix-list routes), endpoints get their network interfaces and DNS names,
// and every policy is parsed. An invalid scenario is refused with its
// Problems (an error); s itself is never changed.
func Compile(s *Scenario) (*World, error) {
	if s == nil {
		return nil, Problems{{Rule: "VAL-04", Message: "no scenario"}}
	}
	if ps := Validate(s); len(ps) > 0 {
		return nil, ps
	}
	n := Normalize(s)
	w := &World{
		s:          n,
		region:     n.Region,
		vpcs:       map[string]*vpcNode{},
		subnets:    map[string]*subnetNode{},
		tables:     map[string]*tableNode{},
		groups:     map[string]*groupNode{},
		acls:       map[string]*NetworkACL{},
		instances:  map[string]*instanceNode{},
		endpoints:  map[string]*endpointNode{},
		nats:       map[string]*natNode{},
		peerings:   map[string]*Peering{},
		tgws:       map[string]*tgwNode{},
		networks:   map[string]*networkNode{},
		hosts:      map[string]*hostNode{},
		lbs:        map[string]*lbNode{},
		services:   map[string]*serviceNode{},
		svcByName:  map[string]*serviceNode{},
		resolvers:  map[string]*resolverNode{},
		dnsServers: map[netip.Addr][]*dnsServerNode{},
		inboundIPs: map[netip.Addr][]*iface{},
		vpceNames:  map[string]*vpceName{},
		buckets:    map[string]*storeNode{},
		ddbTables:  map[string]*storeNode{},
		topics:     map[string]*storeNode{},
		kmsKeys:    map[string]*storeNode{},
	}
	for i := range n.VPCs {
		w.addVPC(&n.VPCs[i])
	}
	w.addNetworks()
	w.addConnections()
	w.addEndpointServices()
	w.addInterfaces()
	w.addRoutes()
	w.addTransitGateways()
	w.addZones()
	if ps := w.addPolicies(); len(ps) > 0 {
		return nil, ps
	}
	return w, nil
}

// addVPC indexes one VPC with its subnets, tables, groups and ACLs.
func (w *World) addVPC(v *VPC) {
	vn := &vpcNode{v: v, owners: map[netip.Addr]*iface{}, peers: map[string]string{}, tgws: map[string]*TGWAttachment{}}
	for _, c := range v.CIDRBlocks {
		if p, err := netip.ParsePrefix(c); err == nil {
			vn.cidrs = append(vn.cidrs, p.Masked())
		}
	}
	for _, c := range v.IPv6CIDRBlocks {
		if p, err := netip.ParsePrefix(c); err == nil {
			vn.cidrs6 = append(vn.cidrs6, p.Masked())
		}
	}
	w.vpcs[v.ID] = vn
	w.vpcList = append(w.vpcList, vn)
	for i := range v.RouteTables {
		rt := &v.RouteTables[i]
		w.tables[rt.ID] = &tableNode{t: rt, vpc: vn, trie: newRouteTrie()}
	}
	for i := range v.SecurityGroups {
		g := &v.SecurityGroups[i]
		w.groups[g.ID] = &groupNode{g: g, vpc: vn}
	}
	for i := range v.NetworkACLs {
		a := &v.NetworkACLs[i]
		w.acls[a.ID] = sortedACL(a)
	}
	for i := range v.Subnets {
		sn := &v.Subnets[i]
		node := &subnetNode{s: sn, vpc: vn, table: w.tables[sn.RouteTable], acl: w.acls[sn.NetworkACL], used: map[netip.Addr]bool{}}
		if p, err := netip.ParsePrefix(sn.CIDRBlock); err == nil {
			node.cidr = p.Masked()
		}
		if p, err := netip.ParsePrefix(sn.IPv6CIDRBlock); err == nil {
			node.cidr6 = p.Masked()
		}
		w.subnets[sn.ID] = node
		vn.subnets = append(vn.subnets, node)
	}
	for i := range v.NATGateways {
		ng := &v.NATGateways[i]
		w.nats[ng.ID] = &natNode{n: ng, subnet: w.subnets[ng.Subnet], public: natPublicIP(ng.ID)}
	}
}

// natPublicIP gives a NAT gateway a deterministic, illustrative public IPv4
// address in 203.0.113.0/24 (a documentation range) derived from its ID.
func natPublicIP(id string) netip.Addr {
	return netip.AddrFrom4([4]byte{203, 0, 113, byte(1 + fnv32(id)%254)})
}

// fnv32 is the FNV-1a hash of a string.
func fnv32(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

// addNetworks indexes on-premises networks, their hosts and DNS servers.
func (w *World) addNetworks() {
	for i := range w.s.Networks {
		n := &w.s.Networks[i]
		nn := &networkNode{n: n}
		for _, c := range n.CIDRBlocks {
			if p, err := netip.ParsePrefix(c); err == nil {
				nn.cidrs = append(nn.cidrs, p.Masked())
			}
		}
		w.networks[n.ID] = nn
		for j := range n.Hosts {
			h := &n.Hosts[j]
			ip, _ := netip.ParseAddr(h.IPAddress)
			w.hosts[h.ID] = &hostNode{h: h, net: nn, ip: ip}
		}
		for j := range n.DNSServers {
			d := &n.DNSServers[j]
			if ip, err := netip.ParseAddr(d.IP); err == nil {
				srv := &dnsServerNode{d: d, net: nn, ip: ip}
				w.dnsServers[ip] = append(w.dnsServers[ip], srv)
				if j == 0 {
					nn.dns = srv
				}
			}
		}
		if n.Connection.VPC != "" {
			if vn := w.vpcs[n.Connection.VPC]; vn != nil && vn.network == nil {
				vn.network = nn
			}
		}
	}
}

// addConnections indexes peerings and the VPCs' transit gateway attachments.
func (w *World) addConnections() {
	for i := range w.s.Peerings {
		p := &w.s.Peerings[i]
		w.peerings[p.ID] = p
		a, b := w.vpcs[p.RequesterVPC], w.vpcs[p.AccepterVPC]
		if a != nil && b != nil {
			a.peers[b.v.ID] = p.ID
			b.peers[a.v.ID] = p.ID
		}
	}
	for i := range w.s.TransitGateways {
		t := &w.s.TransitGateways[i]
		for j := range t.Attachments {
			at := &t.Attachments[j]
			if vn := w.vpcs[at.VPC]; vn != nil {
				vn.tgws[t.ID] = at
			}
		}
	}
}

// addEndpointServices indexes the providers' endpoint services by ID and by
// their derived name com.amazonaws.vpce.REGION.ID (SVC-02).
func (w *World) addEndpointServices() {
	for i := range w.s.LoadBalancers {
		lb := &w.s.LoadBalancers[i]
		w.lbs[lb.ID] = &lbNode{lb: lb, vpc: w.vpcs[lb.VPC]}
	}
	for i := range w.s.EndpointServices {
		es := &w.s.EndpointServices[i]
		region := w.region
		sn := &serviceNode{s: es}
		for _, id := range es.LoadBalancers {
			if lb := w.lbs[id]; lb != nil {
				sn.lbs = append(sn.lbs, lb)
				if lb.vpc != nil && len(sn.lbs) == 1 {
					region = lb.vpc.v.Region
				}
			}
		}
		sn.region = region
		sn.name = "com.amazonaws.vpce." + region + "." + es.ID
		w.services[es.ID] = sn
		w.svcByName[sn.name] = sn
	}
}

// newEndpointNode resolves an endpoint's service and fills its node.
func (w *World) newEndpointNode(e *VPCEndpoint, vn *vpcNode) *endpointNode {
	en := &endpointNode{e: e, vpc: vn, region: vn.v.Region, suffix: dnsSuffix(e.ID)}
	if s, region, ok := lookupService(e.ServiceName); ok {
		en.aws, en.region, en.service = &s, region, s.Name
	} else if svc := w.svcByName[e.ServiceName]; svc != nil {
		en.svc, en.region, en.service = svc, svc.region, svc.s.ID
	} else if i := strings.LastIndex(e.ServiceName, "."); i >= 0 {
		en.service = e.ServiceName[i+1:]
	}
	if e.ServiceRegion != "" && e.VPCEndpointType == EndpointInterface {
		en.region = e.ServiceRegion
	}
	en.state = endpointStateIn(w.s, e) // one source of truth with the lifecycle (SVC-05, SVC-07)
	en.onlyIn = e.PrivateDNSOnlyForInboundResolverEndpoint != nil && *e.PrivateDNSOnlyForInboundResolverEndpoint
	return en
}

// dnsSuffix is the deterministic part AWS appends to an endpoint's ID in its
// endpoint-specific names (DNS-03): 8 hexadecimal digits of the ID's hash.
func dnsSuffix(id string) string {
	const hex = "0123456789abcdef"
	h := fnv32("vpce-dns:" + id)
	b := make([]byte, 8)
	for i := 7; i >= 0; i-- {
		b[i] = hex[h&0xf]
		h >>= 4
	}
	return string(b)
}
