package engine

import (
	"net/netip"
	"slices"
)

// addInterfaces creates every network interface: instances first, then the
// addresses the scenario designates, then the addresses the simulator
// assigns, in document order so that they are deterministic (IF-01), and
// last the NAT gateways' private addresses (NET-04).
func (w *World) addInterfaces() {
	for _, vn := range w.vpcList {
		for i := range vn.v.Instances {
			w.addInstance(&vn.v.Instances[i], vn)
		}
	}
	for _, vn := range w.vpcList {
		for i := range vn.v.Endpoints {
			e := &vn.v.Endpoints[i]
			en := w.newEndpointNode(e, vn)
			w.endpoints[e.ID] = en
			for _, sid := range e.SubnetIDs {
				if ip, err := netip.ParseAddr(e.IPAddresses[sid]); err == nil {
					if sn := w.subnets[sid]; sn != nil {
						sn.used[ip] = true
					}
				}
			}
		}
	}
	for i := range w.s.ResolverEndpoints {
		w.reserveResolverAddresses(&w.s.ResolverEndpoints[i])
	}
	for _, vn := range w.vpcList {
		for i := range vn.v.Endpoints {
			w.addEndpointInterfaces(w.endpoints[vn.v.Endpoints[i].ID])
		}
	}
	for i := range w.s.ResolverEndpoints {
		w.addResolver(&w.s.ResolverEndpoints[i])
	}
	for i := range w.s.LoadBalancers {
		w.addLoadBalancerNodes(w.lbs[w.s.LoadBalancers[i].ID])
	}
	// NAT gateways last, so that giving them an address moves no address
	// assigned before.
	for _, vn := range w.vpcList {
		for i := range vn.v.NATGateways {
			if nn := w.nats[vn.v.NATGateways[i].ID]; nn != nil && nn.subnet != nil {
				nn.private = nn.subnet.allocate(false)
			}
		}
	}
}

// addInstance indexes an instance and its interface addresses.
func (w *World) addInstance(in *Instance, vn *vpcNode) {
	sn := w.subnets[in.Subnet]
	if sn == nil {
		return
	}
	node := &instanceNode{i: in, subnet: sn}
	node.ip4, _ = netip.ParseAddr(in.PrivateIPAddress)
	node.ip6, _ = netip.ParseAddr(in.IPv6Address)
	node.pub, _ = netip.ParseAddr(in.PublicIPAddress)
	w.instances[in.ID] = node
	if node.ip4.IsValid() {
		node.ifc4 = w.attach(&iface{kind: ifaceInstance, id: in.ID, subnet: sn, addr: node.ip4, groups: in.SecurityGroups, instance: node})
	}
	if node.ip6.IsValid() {
		node.ifc6 = w.attach(&iface{kind: ifaceInstance, id: in.ID, subnet: sn, addr: node.ip6, groups: in.SecurityGroups, instance: node})
	}
}

// attach records an interface under its address in its VPC.
func (w *World) attach(f *iface) *iface {
	f.subnet.used[f.addr] = true
	if _, dup := f.subnet.vpc.owners[f.addr]; !dup {
		f.subnet.vpc.owners[f.addr] = f
	}
	return f
}

// addEndpointInterfaces gives an interface or Gateway Load Balancer endpoint
// one interface per subnet, with the designated address or the next free one
// (IF-01), IPv4 and/or IPv6 by its address type (IF-02).
func (w *World) addEndpointInterfaces(en *endpointNode) {
	e := en.e
	if e.VPCEndpointType == EndpointGateway || en.state == StateDeleted {
		return // a Deleted endpoint's interfaces are gone (IF-08)
	}
	want4 := e.IPAddressType != IPAddressTypeIPv6
	want6 := e.IPAddressType == IPAddressTypeIPv6 || e.IPAddressType == IPAddressTypeDualstack
	for _, sid := range e.SubnetIDs {
		sn := w.subnets[sid]
		if sn == nil || sn.vpc != en.vpc {
			continue
		}
		designated, _ := netip.ParseAddr(e.IPAddresses[sid])
		if want4 {
			ip := designated
			if !ip.Is4() {
				ip = sn.allocate(false)
			}
			if ip.IsValid() {
				en.enis = append(en.enis, w.attach(&iface{kind: ifaceEndpoint, id: e.ID, subnet: sn, addr: ip, groups: e.SecurityGroupIDs, endpoint: en}))
			}
		}
		if want6 {
			ip := designated
			if !ip.Is6() {
				ip = sn.allocate(true)
			}
			if ip.IsValid() {
				en.enis = append(en.enis, w.attach(&iface{kind: ifaceEndpoint, id: e.ID, subnet: sn, addr: ip, groups: e.SecurityGroupIDs, endpoint: en}))
			}
		}
	}
}

// reserveResolverAddresses marks the addresses a Resolver endpoint lists as
// used in the subnets of its own VPC that hold them, so that no other
// interface is given one. VPCs may overlap (SVC-08): the same address in
// another VPC is another address and stays free there.
func (w *World) reserveResolverAddresses(r *ResolverEndpoint) {
	vn := w.vpcs[r.VPC]
	if vn == nil {
		return
	}
	for _, a := range r.IPAddresses {
		ip, err := netip.ParseAddr(a)
		if err != nil {
			continue
		}
		for _, sn := range vn.subnets {
			if sn.cidr.Contains(ip) || sn.cidr6.Contains(ip) {
				sn.used[ip] = true
			}
		}
	}
}

// addResolver gives a Resolver endpoint one IPv4 address per subnet (the
// listed address inside the subnet, else the next free one) and the listed
// IPv6 address inside the subnet when there is one; a subnet without an
// IPv4 range (IPv6-only) gets the next free IPv6 address instead.
func (w *World) addResolver(r *ResolverEndpoint) {
	vn := w.vpcs[r.VPC]
	if vn == nil {
		return
	}
	rn := &resolverNode{r: r, vpc: vn}
	w.resolvers[r.ID] = rn
	for _, sid := range r.Subnets {
		sn := w.subnets[sid]
		if sn == nil || sn.vpc != vn {
			continue
		}
		var ip4, ip6 netip.Addr
		for _, a := range r.IPAddresses {
			p, err := netip.ParseAddr(a)
			switch {
			case err != nil:
			case !ip4.IsValid() && p.Is4() && sn.cidr.Contains(p):
				ip4 = p
			case !ip6.IsValid() && p.Is6() && sn.cidr6.Contains(p):
				ip6 = p
			}
		}
		if !ip4.IsValid() && sn.cidr.IsValid() {
			ip4 = sn.allocate(false)
		}
		if !sn.cidr.IsValid() && !ip6.IsValid() {
			ip6 = sn.allocate(true)
		}
		for _, ip := range []netip.Addr{ip4, ip6} {
			if ip.IsValid() {
				w.addResolverInterface(rn, sn, ip)
			}
		}
	}
}

// addResolverInterface attaches one interface of a Resolver endpoint; an
// inbound endpoint's addresses are where DNS servers forward queries
// (DNS-05).
func (w *World) addResolverInterface(rn *resolverNode, sn *subnetNode, ip netip.Addr) {
	f := w.attach(&iface{kind: ifaceResolver, id: rn.r.ID, subnet: sn, addr: ip, groups: resolverGroups(rn.r, rn.vpc), resolver: rn})
	rn.ifaces = append(rn.ifaces, f)
	if rn.r.Direction == "INBOUND" {
		w.inboundIPs[ip] = append(w.inboundIPs[ip], f) // VPCs may overlap (SVC-08)
	}
}

// resolverGroups returns a Resolver endpoint's groups, the VPC's default
// group when it names none.
func resolverGroups(r *ResolverEndpoint, vn *vpcNode) []string {
	if len(r.SecurityGroupIDs) > 0 {
		return r.SecurityGroupIDs
	}
	for _, g := range vn.v.SecurityGroups {
		if g.GroupName == DefaultGroupName {
			return []string{g.ID}
		}
	}
	return nil
}

// addLoadBalancerNodes gives a load balancer one node address per subnet;
// the node is the source its targets see (SVC-01).
func (w *World) addLoadBalancerNodes(ln *lbNode) {
	if ln == nil || ln.vpc == nil {
		return
	}
	for _, sid := range ln.lb.Subnets {
		sn := w.subnets[sid]
		if sn == nil || sn.vpc != ln.vpc {
			continue
		}
		if ip := sn.allocate(false); ip.IsValid() {
			ln.nodes = append(ln.nodes, w.attach(&iface{kind: ifaceLoadBalancer, id: ln.lb.ID, subnet: sn, addr: ip, lb: ln}))
		}
	}
	for _, t := range ln.lb.Targets {
		if in := w.instances[t.Instance]; in != nil && !slices.Contains(in.targetOfLBs, ln) {
			in.targetOfLBs = append(in.targetOfLBs, ln)
		}
	}
}

// allocate returns the next free address of the subnet, skipping the
// addresses AWS reserves (the first four and the last). It starts at host
// 100 in large subnets, so assigned addresses stand apart from hand-picked
// ones, and returns the zero Addr when the subnet is full.
func (sn *subnetNode) allocate(ipv6 bool) netip.Addr {
	p, next := sn.cidr, &sn.nextV4
	if ipv6 {
		p, next = sn.cidr6, &sn.nextV6
	}
	if !p.IsValid() {
		return netip.Addr{}
	}
	hostBits := p.Addr().BitLen() - p.Bits()
	size := 1 << 30
	if hostBits < 30 {
		size = 1 << hostBits
	}
	start := 4
	if size > 256 || (size == 256 && !ipv6) {
		start = 100
	}
	for off := start + *next; off < size-1 && off < start+*next+4096; off++ {
		a := addrAdd(p.Addr(), off)
		if !sn.used[a] {
			*next = off - start + 1
			sn.used[a] = true
			return a
		}
	}
	return netip.Addr{}
}

// addrAdd adds a small offset to an address.
func addrAdd(a netip.Addr, off int) netip.Addr {
	b := a.AsSlice()
	carry := off
	for i := len(b) - 1; i >= 0 && carry > 0; i-- {
		sum := int(b[i]) + carry
		b[i] = byte(sum & 0xff)
		carry = sum >> 8
	}
	out, _ := netip.AddrFromSlice(b)
	return out
}
