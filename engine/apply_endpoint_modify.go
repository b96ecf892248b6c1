package engine

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// modifyEndpoint is modify-vpc-endpoint. Adding a subnet creates an
// interface, removing one deletes it, designating a new IP for a subnet
// that has one replaces it with a brief disconnect (IF-07); a Gateway Load
// Balancer endpoint's subnet cannot change (GWLB-03); route table changes
// of a gateway endpoint reset connections (GW-11). An Available interface
// or Gateway Load Balancer endpoint goes back to Pending, still carrying
// traffic, until it is Available again (SVC-06).
func (a *applier) modifyEndpoint(act *Action) {
	id := act.VPCEndpointID
	i, j, ok := endpointIndexByID(a.s, id)
	if !ok {
		a.refuse(id, "VAL-01", "no VPC endpoint %q", id)
		return
	}
	old := &a.s.VPCs[i].Endpoints[j]
	account, _, ok := a.performer(act, endpointOwner(a.s, i, old), id)
	if !ok || !a.ownsEndpoint(i, old, account) {
		return
	}
	next := cloneScenario(a.s)
	e := &next.VPCs[i].Endpoints[j]
	m := &modification{a: a, e: e, id: id}
	if !m.subnets(act, i) || !m.routeTables(act) || !m.groups(act) || !m.settings(act) || !m.addresses(act, old) {
		return
	}
	if len(m.changes) == 0 {
		a.refuse(id, "VAL-04", "modify-vpc-endpoint names no change")
		return
	}
	from := endpointStateIn(a.s, old)
	pending := carriesPrivateLink(e.VPCEndpointType) && (from == StateAvailable || from == StatePending)
	if pending {
		e.State, e.StateSince = StatePending, a.s.Clock
		e.Modifying = from == StateAvailable || old.Modifying
	}
	if !a.commit(next, id) {
		return
	}
	rule := "SVC-06"
	if e.VPCEndpointType == EndpointGateway {
		rule = "GW-01"
	}
	a.emit(Event{Resource: id, Kind: KindModified, Rule: rule, Detail: id + ": " + strings.Join(m.changes, "; ")})
	for _, ev := range m.events {
		a.emit(ev)
	}
	if e.VPCEndpointType == EndpointGateway {
		a.resetSubnets(i, m.tables, id, "changes")
	}
	if pending {
		detail := id + " is Pending until the change is made; its existing interfaces keep carrying traffic"
		if !e.Modifying {
			detail = id + " stays Pending, its timer restarted by the change"
		}
		a.emit(Event{Resource: id, Kind: KindState, Rule: "SVC-06", From: from, To: StatePending, Detail: detail})
	}
}

// modification collects the changes of one modify-vpc-endpoint on a copy
// of the endpoint, the events they cause once committed, and the route
// tables whose routes change.
type modification struct {
	a       *applier
	e       *VPCEndpoint
	id      string
	changes []string
	added   []string // subnets added, whose interfaces are created
	events  []Event
	tables  []string
}

// subnets adds and removes subnets (IF-07, GWLB-03, SVC-10).
func (m *modification) subnets(act *Action, i int) bool {
	if len(act.AddSubnetIDs) == 0 && len(act.RemoveSubnetIDs) == 0 {
		return true
	}
	switch m.e.VPCEndpointType {
	case EndpointGatewayLoadBalancer:
		m.a.refuse(m.id, "GWLB-03", "a Gateway Load Balancer endpoint keeps the one subnet it was created with")
		return false
	case EndpointGateway:
		m.a.refuse(m.id, "VAL-04", "a gateway endpoint has no subnets: it works through its route tables")
		return false
	}
	for _, sid := range act.AddSubnetIDs {
		if slices.Contains(m.e.SubnetIDs, sid) {
			m.a.refuse(m.id, "IF-01", "%s already has an interface in %s", m.id, sid)
			return false
		}
		m.e.SubnetIDs = append(m.e.SubnetIDs, sid)
		m.added = append(m.added, sid)
		m.changes = append(m.changes, "subnet "+sid+" added")
	}
	if es := serviceOfEndpoint(m.a.s, m.e); !m.a.checkZones(i, es, act.AddSubnetIDs, m.id) {
		return false
	}
	for _, sid := range act.RemoveSubnetIDs {
		k := slices.Index(m.e.SubnetIDs, sid)
		if k < 0 {
			m.a.refuse(m.id, "VAL-01", "%s has no interface in %s", m.id, sid)
			return false
		}
		m.events = append(m.events, Event{Resource: m.id, Kind: KindInterfaceDeleted, Rule: "IF-07", Detail: interfaceDetail(m.e, sid, "deleted")})
		m.e.SubnetIDs = slices.Delete(m.e.SubnetIDs, k, k+1)
		delete(m.e.IPAddresses, sid)
		m.changes = append(m.changes, "subnet "+sid+" removed")
	}
	return true
}

// routeTables associates and disassociates route tables of a gateway
// endpoint (GW-01); the subnets of each are reset (GW-11).
func (m *modification) routeTables(act *Action) bool {
	if len(act.AddRouteTableIDs) == 0 && len(act.RemoveRouteTableIDs) == 0 {
		return true
	}
	if m.e.VPCEndpointType != EndpointGateway {
		m.a.refuse(m.id, "VAL-04", "only gateway endpoints are associated with route tables")
		return false
	}
	for _, rt := range act.AddRouteTableIDs {
		if slices.Contains(m.e.RouteTableIDs, rt) {
			m.a.refuse(m.id, "GW-01", "%s is already associated with %s", rt, m.id)
			return false
		}
		m.e.RouteTableIDs = append(m.e.RouteTableIDs, rt)
		m.tables = append(m.tables, rt)
		m.changes = append(m.changes, "route table "+rt+" associated")
	}
	for _, rt := range act.RemoveRouteTableIDs {
		k := slices.Index(m.e.RouteTableIDs, rt)
		if k < 0 {
			m.a.refuse(m.id, "VAL-01", "%s is not associated with %s", rt, m.id)
			return false
		}
		m.e.RouteTableIDs = slices.Delete(m.e.RouteTableIDs, k, k+1)
		m.tables = append(m.tables, rt)
		m.changes = append(m.changes, "route table "+rt+" disassociated")
	}
	return true
}

// groups adds and removes security groups (IF-03).
func (m *modification) groups(act *Action) bool {
	for _, g := range act.AddSecurityGroupIDs {
		if slices.Contains(m.e.SecurityGroupIDs, g) {
			m.a.refuse(m.id, "VAL-01", "%s already has security group %s", m.id, g)
			return false
		}
		m.e.SecurityGroupIDs = append(m.e.SecurityGroupIDs, g)
		m.changes = append(m.changes, "security group "+g+" added")
	}
	for _, g := range act.RemoveSecurityGroupIDs {
		k := slices.Index(m.e.SecurityGroupIDs, g)
		if k < 0 {
			m.a.refuse(m.id, "VAL-01", "%s has no security group %s", m.id, g)
			return false
		}
		m.e.SecurityGroupIDs = slices.Delete(m.e.SecurityGroupIDs, k, k+1)
		m.changes = append(m.changes, "security group "+g+" removed")
	}
	return true
}

// settings changes private DNS (IF-11, IF-12, DNS-08), the IP address type
// (IF-02) and the policy (IF-05, POL-05); validation refuses what AWS does.
func (m *modification) settings(act *Action) bool {
	if act.PrivateDNSEnabled != nil {
		m.e.PrivateDNSEnabled = new(*act.PrivateDNSEnabled)
		m.changes = append(m.changes, fmt.Sprintf("privateDnsEnabled %t", *act.PrivateDNSEnabled))
	}
	if act.PrivateDNSOnlyForInboundResolverEndpoint != nil {
		m.e.PrivateDNSOnlyForInboundResolverEndpoint = new(*act.PrivateDNSOnlyForInboundResolverEndpoint)
		m.changes = append(m.changes, fmt.Sprintf("privateDnsOnlyForInboundResolverEndpoint %t", *act.PrivateDNSOnlyForInboundResolverEndpoint))
	}
	if act.IPAddressType != "" {
		m.e.IPAddressType = act.IPAddressType
		m.changes = append(m.changes, "ipAddressType "+act.IPAddressType)
	}
	switch {
	case act.ResetPolicy && len(act.PolicyDocument) > 0:
		m.a.refuse(m.id, "VAL-04", "resetPolicy and policyDocument exclude each other")
		return false
	case act.ResetPolicy:
		m.e.PolicyDocument = nil
		m.changes = append(m.changes, "policy reset to full access")
	case len(act.PolicyDocument) > 0:
		if !m.a.checkPolicy(act.PolicyDocument, m.id) {
			return false
		}
		m.e.PolicyDocument = slices.Clone(act.PolicyDocument)
		m.changes = append(m.changes, "policy replaced")
	}
	return true
}

// addresses designates IPs: for a subnet just added, its new interface
// takes the IP; for a subnet that has an interface, a new IP replaces it
// and disconnects the subnet briefly (IF-07).
func (m *modification) addresses(act *Action, old *VPCEndpoint) bool {
	for _, sid := range slices.Sorted(maps.Keys(act.IPAddresses)) {
		ip := act.IPAddresses[sid]
		if m.e.IPAddresses == nil {
			m.e.IPAddresses = map[string]string{}
		}
		if m.e.IPAddresses[sid] == ip {
			continue
		}
		m.e.IPAddresses[sid] = ip
		m.changes = append(m.changes, "IP "+ip+" designated in "+sid)
		if slices.Contains(old.SubnetIDs, sid) && !slices.Contains(act.RemoveSubnetIDs, sid) {
			m.events = append(m.events,
				Event{Resource: m.id, Kind: KindInterfaceReplaced, Rule: "IF-07", Detail: fmt.Sprintf("the network interface of %s in %s is replaced by one with %s", m.id, sid, ip)},
				Event{Resource: sid, Kind: KindDisconnect, Rule: "IF-07", Detail: fmt.Sprintf("%s in %s is briefly unreachable while its interface is replaced: open connections through it drop", m.id, sid)})
		}
	}
	created := make([]Event, 0, len(m.added))
	for _, sid := range m.added {
		created = append(created, Event{Resource: m.id, Kind: KindInterfaceCreated, Rule: "IF-07", Detail: interfaceDetail(m.e, sid, "created")})
	}
	m.events = append(created, m.events...)
	return true
}
