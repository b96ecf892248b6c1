package engine

import "fmt"

// Kinds of resources in the validator's ID index, as named in messages.
const (
	kindAccount          = "account"
	kindVPC              = "VPC"
	kindSubnet           = "subnet"
	kindRouteTable       = "route table"
	kindNATGateway       = "NAT gateway"
	kindSecurityGroup    = "security group"
	kindNetworkACL       = "network ACL"
	kindInstance         = "instance"
	kindEndpoint         = "VPC endpoint"
	kindInternetGateway  = "internet gateway"
	kindVPNGateway       = "virtual private gateway"
	kindLoadBalancer     = "load balancer"
	kindEndpointService  = "endpoint service"
	kindHostedZone       = "hosted zone"
	kindResolverEndpoint = "Resolver endpoint"
	kindResolverRule     = "Resolver rule"
	kindNetwork          = "on-premises network"
	kindHost             = "on-premises host"
	kindPeering          = "peering connection"
	kindTransitGateway   = "transit gateway"
	kindTGWAttachment    = "transit gateway attachment"
	kindNotification     = "connection notification"
)

// idRef says where an ID is declared: its kind, its JSON path, the index of
// its VPC in Scenario.VPCs (-1 outside VPCs) and its index in its list.
type idRef struct {
	kind string
	path string
	vpc  int
	item int
}

// declare records an ID; an empty or duplicate ID is a VAL-01 problem.
func (v *validator) declare(id, kind, path string, vpc, item int) {
	if id == "" {
		v.add("VAL-01", path, "the %s has an empty ID", kind)
		return
	}
	if prev, dup := v.ids[id]; dup {
		v.add("VAL-01", path, "duplicate ID %s: already the %s at %s", id, prev.kind, prev.path)
		return
	}
	v.ids[id] = idRef{kind: kind, path: path, vpc: vpc, item: item}
}

// indexIDs declares every ID of the scenario, in document order, so that
// the first declaration wins and later ones are duplicates. IDs share one
// namespace; bucket, table, principal, topic and key names are checked for
// uniqueness in their own lists (checkStores).
func (v *validator) indexIDs() {
	s := v.s
	v.ids = map[string]idRef{}
	for i, a := range s.Accounts {
		v.declare(a.ID, kindAccount, pathField(pathIndex("accounts", i), "id"), -1, i)
	}
	for i := range s.VPCs {
		v.indexVPC(i)
	}
	for i, lb := range s.LoadBalancers {
		v.declare(lb.ID, kindLoadBalancer, pathField(pathIndex("loadBalancers", i), "id"), -1, i)
	}
	for i, es := range s.EndpointServices {
		v.declare(es.ID, kindEndpointService, pathField(pathIndex("endpointServices", i), "id"), -1, i)
	}
	for i, z := range s.HostedZones {
		v.declare(z.ID, kindHostedZone, pathField(pathIndex("hostedZones", i), "id"), -1, i)
	}
	for i, r := range s.ResolverEndpoints {
		v.declare(r.ID, kindResolverEndpoint, pathField(pathIndex("resolverEndpoints", i), "id"), -1, i)
	}
	for i, r := range s.ResolverRules {
		v.declare(r.ID, kindResolverRule, pathField(pathIndex("resolverRules", i), "id"), -1, i)
	}
	for i, n := range s.Networks {
		p := pathIndex("networks", i)
		v.declare(n.ID, kindNetwork, pathField(p, "id"), -1, i)
		for j, h := range n.Hosts {
			// A host's item packs the network and host indexes.
			v.declare(h.ID, kindHost, pathField(pathIndex(pathField(p, "hosts"), j), "id"), -1, i<<16|j)
		}
	}
	for i, pc := range s.Peerings {
		v.declare(pc.ID, kindPeering, pathField(pathIndex("peerings", i), "id"), -1, i)
	}
	for i, tgw := range s.TransitGateways {
		p := pathIndex("transitGateways", i)
		v.declare(tgw.ID, kindTransitGateway, pathField(p, "id"), -1, i)
		for j, a := range tgw.Attachments {
			v.declare(a.ID, kindTGWAttachment, pathField(pathIndex(pathField(p, "attachments"), j), "id"), -1, i<<16|j)
		}
	}
	for i, n := range s.ConnectionNotifications {
		v.declare(n.ID, kindNotification, pathField(pathIndex("connectionNotifications", i), "id"), -1, i)
	}
}

// indexVPC declares the IDs of VPC number i and of everything inside it.
func (v *validator) indexVPC(i int) {
	vpc := &v.s.VPCs[i]
	p := pathIndex("vpcs", i)
	v.declare(vpc.ID, kindVPC, pathField(p, "id"), i, i)
	if vpc.InternetGateway != "" {
		v.declare(vpc.InternetGateway, kindInternetGateway, pathField(p, "internetGateway"), i, -1)
	}
	if vpc.VirtualPrivateGateway != "" {
		v.declare(vpc.VirtualPrivateGateway, kindVPNGateway, pathField(p, "virtualPrivateGateway"), i, -1)
	}
	list := func(name string, n int, id func(int) string, kind string) {
		for j := range n {
			v.declare(id(j), kind, pathField(pathIndex(pathField(p, name), j), "id"), i, j)
		}
	}
	list("subnets", len(vpc.Subnets), func(j int) string { return vpc.Subnets[j].ID }, kindSubnet)
	list("routeTables", len(vpc.RouteTables), func(j int) string { return vpc.RouteTables[j].ID }, kindRouteTable)
	list("natGateways", len(vpc.NATGateways), func(j int) string { return vpc.NATGateways[j].ID }, kindNATGateway)
	list("securityGroups", len(vpc.SecurityGroups), func(j int) string { return vpc.SecurityGroups[j].ID }, kindSecurityGroup)
	list("networkAcls", len(vpc.NetworkACLs), func(j int) string { return vpc.NetworkACLs[j].ID }, kindNetworkACL)
	list("instances", len(vpc.Instances), func(j int) string { return vpc.Instances[j].ID }, kindInstance)
	list("endpoints", len(vpc.Endpoints), func(j int) string { return vpc.Endpoints[j].ID }, kindEndpoint)
}

// ref looks up a reference at path that must name a resource of one of the
// given kinds; a missing or empty reference, or one of another kind, is a
// VAL-01 problem.
func (v *validator) ref(path, id string, kinds ...string) (idRef, bool) {
	if id == "" {
		v.add("VAL-01", path, "empty reference: want the ID of a %s", kinds[0])
		return idRef{}, false
	}
	r, ok := v.ids[id]
	if !ok {
		v.add("VAL-01", path, "no %s %s in the scenario", kinds[0], id)
		return idRef{}, false
	}
	for _, k := range kinds {
		if r.kind == k {
			return r, true
		}
	}
	v.add("VAL-01", path, "%s is a %s, not a %s", id, r.kind, kinds[0])
	return idRef{}, false
}

// refInVPC is ref for a resource that AWS requires to be in the VPC number
// vpc (a subnet's route table, an endpoint's subnets, ...).
func (v *validator) refInVPC(path, id string, vpc int, kind string) (idRef, bool) {
	r, ok := v.ref(path, id, kind)
	if !ok {
		return r, false
	}
	if r.vpc != vpc {
		v.add("VAL-01", path, "%s %s is in %s, not in %s", kind, id, v.vpcName(r.vpc), v.vpcName(vpc))
		return idRef{}, false
	}
	return r, true
}

// account checks a reference to an account of Scenario.Accounts.
func (v *validator) account(path, id string) bool {
	_, ok := v.ref(path, id, kindAccount)
	return ok
}

// vpcName names VPC number i for messages.
func (v *validator) vpcName(i int) string {
	if i < 0 || i >= len(v.s.VPCs) {
		return "no VPC"
	}
	if id := v.s.VPCs[i].ID; id != "" {
		return id
	}
	return fmt.Sprintf("vpcs[%d]", i)
}

// subnet returns the subnet a reference names (nil if it names none).
func (v *validator) subnet(r idRef) *Subnet {
	if r.kind != kindSubnet || r.vpc < 0 {
		return nil
	}
	return &v.s.VPCs[r.vpc].Subnets[r.item]
}

// endpoint returns the VPC endpoint a reference names (nil if none).
func (v *validator) endpoint(r idRef) *VPCEndpoint {
	if r.kind != kindEndpoint || r.vpc < 0 {
		return nil
	}
	return &v.s.VPCs[r.vpc].Endpoints[r.item]
}

// lookup returns the declaration of id without reporting anything.
func (v *validator) lookup(id string) (idRef, bool) {
	r, ok := v.ids[id]
	return r, ok
}
