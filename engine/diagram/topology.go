package diagram

import (
	"slices"
	"strconv"
	"strings"

	"privatelink-playground/engine"
)

// Topology returns the scenario's topology as a DOT digraph named topology,
// laid out left to right: accounts contain VPCs, VPCs Availability Zones,
// and those subnets; instances, NAT gateways and endpoint network
// interfaces sit in their subnets, route tables, gateways and endpoints in
// their VPC, and AWS services, hosted zones, peerings, transit gateways and
// on-premises networks outside. Every resource's node or cluster carries
// the id ElementID(resource ID) and a class naming its kind. The same
// scenario always gives the same bytes. A nil scenario gives an empty graph.
func Topology(s *engine.Scenario) string {
	if s == nil {
		s = &engine.Scenario{}
	}
	t := &topology{
		s:        s,
		g:        newGraph("topology"),
		nodes:    map[string]string{},
		clusters: map[string]clusterRef{},
		accounts: map[string]*cluster{},
		anchors:  map[string]string{},
	}
	graphDefaults(t.g, "LR")
	t.buildNodes()
	t.buildEdges()
	return t.g.String()
}

// topology builds the topology diagram of one scenario. Its maps are only
// looked up, never ranged over, so the output follows the scenario's order.
type topology struct {
	s        *engine.Scenario
	g        *graph
	nodes    map[string]string     // resource ID → node name; the first wins
	clusters map[string]clusterRef // VPC, subnet, network ID → its cluster
	accounts map[string]*cluster
	anchors  map[string]string // anchor node name → its cluster's name
	enis     []edge            // endpoint network interface → endpoint
}

// clusterRef names a cluster and the invisible node edges to it end at.
type clusterRef struct{ cluster, anchor string }

// region is the scenario's home Region.
func (t *topology) region() string {
	if t.s.Region != "" {
		return t.s.Region
	}
	return "us-east-1"
}

// resource adds the node of one resource to parent and records it by ID.
func (t *topology) resource(parent *cluster, kind, id string, lines ...string) *node {
	return t.resourceInState(parent, kind, id, "", lines...)
}

// resourceInState is resource for an endpoint or endpoint service in an
// effective state: a state other than Available adds a badge line to the
// label and, for a known state, the class "state-<lowercase state>".
func (t *topology) resourceInState(parent *cluster, kind, id, state string, lines ...string) *node {
	line, class := stateBadge(state)
	n := t.g.addNode(parent, withClass(t.nodeAttrs(kind, ElementID(id), append(lines, line)), class)...)
	if _, ok := t.nodes[id]; !ok {
		t.nodes[id] = n.name
	}
	return n
}

// nodeAttrs returns the attributes of a node of the given kind.
func (t *topology) nodeAttrs(kind, elementID string, lines []string) []attr {
	a := []attr{
		{"id", t.g.uniqueID(elementID)},
		{"class", "res res-" + kind},
		{"label", labelText(lines...)},
	}
	return append(a, nodeStyle(kind)...)
}

// newCluster adds a cluster of the given kind to parent.
func (t *topology) newCluster(parent *cluster, kind, elementID string, public bool, lines ...string) *cluster {
	class := "cl cl-" + kind
	switch {
	case kind == clusterSubnet && public:
		class += " subnet-public"
	case kind == clusterSubnet:
		class += " subnet-private"
	}
	a := []attr{
		{"id", t.g.uniqueID(elementID)},
		{"class", class},
		{"label", labelText(lines...)},
	}
	return t.g.addCluster(parent, append(a, clusterStyle(kind, public)...)...)
}

// anchor adds the invisible node that edges to or from a cluster use, and
// records the cluster under id (the first wins). The DOT text leaves it out
// when no edge uses it and the cluster has other nodes.
func (t *topology) anchor(c *cluster, id string) {
	n := t.g.addNode(c, attr{"class", "anchor"}, attr{"shape", "point"},
		attr{"style", "invis"}, attr{"width", "0.01"}, attr{"height", "0.01"},
		attr{"label", ""})
	n.anchor = true
	t.anchors[n.name] = c.name
	if _, ok := t.clusters[id]; !ok {
		t.clusters[id] = clusterRef{cluster: c.name, anchor: n.name}
	}
}

// account returns the cluster of an account, creating it on first use.
// Resources of no account go to the top level.
func (t *topology) account(id string) *cluster {
	if id == "" {
		return nil
	}
	if c, ok := t.accounts[id]; ok {
		return c
	}
	c := t.newCluster(nil, clusterAccount, ElementID(id), false, "account "+id)
	t.accounts[id] = c
	return c
}

// buildNodes adds every node and cluster, in scenario order.
func (t *topology) buildNodes() {
	s := t.s
	for _, a := range s.Accounts {
		if _, ok := t.accounts[a.ID]; !ok && a.ID != "" {
			t.accounts[a.ID] = t.newCluster(nil, clusterAccount, ElementID(a.ID), false, a.Name, "account "+a.ID)
		}
	}
	placedLB := make([]bool, len(s.LoadBalancers))
	placedResolver := make([]bool, len(s.ResolverEndpoints))
	for i := range s.VPCs {
		c := t.vpc(i)
		for j := range s.LoadBalancers {
			if !placedLB[j] && s.LoadBalancers[j].VPC == s.VPCs[i].ID {
				placedLB[j] = true
				t.loadBalancer(c, &s.LoadBalancers[j])
			}
		}
		for j := range s.ResolverEndpoints {
			if !placedResolver[j] && s.ResolverEndpoints[j].VPC == s.VPCs[i].ID {
				placedResolver[j] = true
				t.resolverEndpoint(c, &s.ResolverEndpoints[j])
			}
		}
	}
	for j := range s.LoadBalancers {
		if !placedLB[j] {
			t.loadBalancer(nil, &s.LoadBalancers[j])
		}
	}
	for j := range s.ResolverEndpoints {
		if !placedResolver[j] {
			t.resolverEndpoint(nil, &s.ResolverEndpoints[j])
		}
	}
	t.outside()
}

// vpc adds the cluster of VPC number i with its Availability Zones,
// subnets and the resources inside them, and returns the VPC's cluster.
func (t *topology) vpc(i int) *cluster {
	v := &t.s.VPCs[i]
	cidrs := strings.Join(append(slices.Clone(v.CIDRBlocks), v.IPv6CIDRBlocks...), ", ")
	c := t.newCluster(t.account(v.Account), clusterVPC, ElementID(v.ID), false, v.ID, cidrs)
	t.anchor(c, v.ID)

	var azs []string
	for _, sn := range v.Subnets {
		if !slices.Contains(azs, sn.AvailabilityZone) {
			azs = append(azs, sn.AvailabilityZone)
		}
	}
	slices.Sort(azs)
	azClusters := make(map[string]*cluster, len(azs))
	for _, az := range azs {
		azLabel := az
		if az == "" {
			azLabel = "no Availability Zone"
		}
		azClusters[az] = t.newCluster(c, clusterAZ, partID(v.ID, az), false, azLabel)
	}
	subnets := make(map[string]*cluster, len(v.Subnets))
	for _, sn := range v.Subnets {
		public := isPublic(v, subnetRouteTable(v, &sn))
		sc := t.newCluster(azClusters[sn.AvailabilityZone], clusterSubnet, ElementID(sn.ID), public,
			sn.ID, sn.AvailabilityZone, sn.CIDRBlock, sn.IPv6CIDRBlock)
		t.anchor(sc, sn.ID)
		if _, ok := subnets[sn.ID]; !ok {
			subnets[sn.ID] = sc
		}
	}
	in := func(subnet string) *cluster {
		if sc, ok := subnets[subnet]; ok {
			return sc
		}
		return c
	}

	for _, rt := range v.RouteTables {
		main := ""
		if rt.Main {
			main = "main route table"
		}
		t.resource(c, kindRouteTable, rt.ID, rt.ID, main)
	}
	if v.InternetGateway != "" {
		t.resource(c, kindIGW, v.InternetGateway, v.InternetGateway, "internet gateway")
	}
	if v.VirtualPrivateGateway != "" {
		t.resource(c, kindVGW, v.VirtualPrivateGateway, v.VirtualPrivateGateway, "virtual private gateway")
	}
	for _, nat := range v.NATGateways {
		t.resource(in(nat.Subnet), kindNAT, nat.ID, nat.ID, "NAT gateway")
	}
	for _, inst := range v.Instances {
		public := ""
		if inst.PublicIPAddress != "" {
			public = "public " + inst.PublicIPAddress
		}
		t.resource(in(inst.Subnet), kindInstance, inst.ID, inst.ID, inst.PrivateIPAddress, inst.IPv6Address, public)
	}
	for j := range v.Endpoints {
		t.endpoint(c, in, &v.Endpoints[j], engine.EffectiveEndpointState(t.s, i, j))
	}
	return c
}

// endpoint adds a VPC endpoint in its effective state (see
// engine.EffectiveEndpointState) to its VPC's cluster and, for interface
// and Gateway Load Balancer endpoints, one network interface per subnet.
func (t *topology) endpoint(c *cluster, in func(string) *cluster, ep *engine.VPCEndpoint, state string) {
	svc := serviceShort(ep.ServiceName)
	kind, title := kindEndpointInterface, "Interface endpoint"
	switch ep.VPCEndpointType {
	case engine.EndpointGateway:
		kind, title = kindEndpointGateway, "Gateway endpoint"
	case engine.EndpointGatewayLoadBalancer:
		kind, title = kindEndpointGWLB, "GWLB endpoint"
	case engine.EndpointInterface:
	default:
		title = ep.VPCEndpointType + " endpoint"
	}
	n := t.resourceInState(c, kind, ep.ID, state, ep.ID, title+" · "+svc)
	if kind == kindEndpointGateway {
		return
	}
	for _, subnet := range ep.SubnetIDs {
		eni := t.g.addNode(in(subnet), t.nodeAttrs(kindENI, partID(ep.ID, subnet),
			[]string{"ENI · " + ep.ID, ep.IPAddresses[subnet]})...)
		t.enis = append(t.enis, edge{from: eni.name, to: n.name})
	}
}

// serviceShort is how an endpoint's label names its service.
func serviceShort(name string) string {
	if svc := parseServiceName(name); svc.short != "" {
		return svc.short
	}
	return name
}

// loadBalancer adds a Network or Gateway Load Balancer.
func (t *topology) loadBalancer(c *cluster, lb *engine.LoadBalancer) {
	title := lb.Type + " load balancer"
	switch lb.Type {
	case "network":
		title = "Network Load Balancer"
	case "gateway":
		title = "Gateway Load Balancer"
	}
	listeners := make([]string, 0, len(lb.Listeners))
	for _, l := range lb.Listeners {
		listeners = append(listeners, l.Protocol+" "+strconv.Itoa(l.Port))
	}
	t.resource(c, kindLoadBalancer, lb.ID, lb.ID, title, strings.Join(listeners, ", "))
}

// resolverEndpoint adds a Route 53 Resolver endpoint.
func (t *topology) resolverEndpoint(c *cluster, r *engine.ResolverEndpoint) {
	t.resource(c, kindResolver, r.ID, r.ID, "Resolver "+strings.ToLower(r.Direction),
		strings.Join(r.IPAddresses, ", "))
}

// subnetRouteTable is the route table a subnet uses: its own, else the
// VPC's main table ("" when there is none).
func subnetRouteTable(v *engine.VPC, sn *engine.Subnet) string {
	if sn.RouteTable != "" {
		return sn.RouteTable
	}
	for _, rt := range v.RouteTables {
		if rt.Main {
			return rt.ID
		}
	}
	return ""
}

// isPublic reports whether a route table sends a default route to an
// internet gateway, which makes its subnets public.
func isPublic(v *engine.VPC, rtID string) bool {
	for _, rt := range v.RouteTables {
		if rt.ID != rtID {
			continue
		}
		for _, r := range rt.Routes {
			dflt := r.DestinationCIDRBlock == "0.0.0.0/0" || r.DestinationIPv6CIDRBlock == "::/0"
			if dflt && strings.HasPrefix(r.Target, "igw-") {
				return true
			}
		}
	}
	return false
}
