package awsimport

import (
	"bytes"
	"encoding/json"
	"strings"

	"privatelink-playground/engine"
)

// endpointState maps describe-vpc-endpoints' State ("pendingAcceptance") to
// the scenario's ("PendingAcceptance"); "available" is the default and
// gives "".
func endpointState(state string) (string, bool) {
	switch strings.ToLower(state) {
	case "", "available":
		return "", true
	case "pendingacceptance":
		return engine.StatePendingAcceptance, true
	case "pending":
		return engine.StatePending, true
	case "rejected":
		return engine.StateRejected, true
	case "expired":
		return engine.StateExpired, true
	case "failed":
		return engine.StateFailed, true
	case "deleting":
		return engine.StateDeleting, true
	}
	return "", false
}

// knownService reports whether the scenario knows a service name: a
// built-in AWS service or an imported endpoint service, by the name the
// scenario derives for it (SVC-02).
func (m *mapper) knownService(name string) bool {
	if _, ok := engine.LookupService(name); ok {
		return true
	}
	_, ok := m.svc.byName[name]
	return ok
}

// importedService returns the imported endpoint service an endpoint's
// service name derives to, or nil.
func (m *mapper) importedService(name string) *engine.EndpointService {
	if k, ok := m.svc.byName[name]; ok {
		return &m.s.EndpointServices[k]
	}
	return nil
}

// unknownServiceNote explains why an endpoint's service is not known: an
// imported endpoint service of the same ID under another derived name, or
// no such service at all.
func (m *mapper) unknownServiceNote(at src, e VpcEndpoint) {
	for name, k := range m.svc.byName {
		if id := m.s.EndpointServices[k].ID; strings.HasSuffix(e.ServiceName, "."+id) {
			m.note(at, "not mapped: endpoint %s connects to %s, but the imported endpoint service %s is named %s in the scenario (SVC-02)", e.VpcEndpointID, e.ServiceName, id, name)
			return
		}
	}
	m.note(at, "not mapped: endpoint %s connects to %s, which is neither a built-in AWS service nor an imported endpoint service", e.VpcEndpointID, e.ServiceName)
}

// mapEndpoints maps describe-vpc-endpoints into their VPCs. Subnets,
// security groups and route tables outside the endpoint's VPC or the import
// are left out with a note; the interfaces' addresses come from
// describe-network-interfaces when it is given.
func (m *mapper) mapEndpoints() {
	enis := map[string]NetworkInterface{}
	for _, n := range m.in.networkInterfaces {
		enis[n.v.NetworkInterfaceID] = n.v
	}
	tableVPC := map[string]string{}
	for _, t := range m.in.routeTables {
		tableVPC[t.v.RouteTableID] = t.v.VpcID
	}
	for _, it := range m.in.endpoints {
		e := it.v
		switch e.VpcEndpointType {
		case engine.EndpointGateway, engine.EndpointInterface, engine.EndpointGatewayLoadBalancer:
		default:
			m.note(it.src, "not mapped: endpoint %s of type %q (the scenario format knows Gateway, Interface and GatewayLoadBalancer)", e.VpcEndpointID, e.VpcEndpointType)
			continue
		}
		state, ok := endpointState(e.State)
		if !ok {
			m.note(it.src, "not mapped: endpoint %s is %s", e.VpcEndpointID, e.State)
			continue
		}
		if _, dup := m.endpoints[e.VpcEndpointID]; dup {
			m.note(it.src, "not mapped: endpoint %s appears twice; the first is kept", e.VpcEndpointID)
			continue
		}
		if !m.knownService(e.ServiceName) {
			m.unknownServiceNote(it.src, e)
			continue
		}
		if es := m.importedService(e.ServiceName); state == "" && es != nil && es.AcceptanceRequired && e.VpcEndpointType != engine.EndpointGateway {
			// An available endpoint of a service that requires acceptance
			// was accepted; left unset, its state would be the lifecycle's
			// start, PendingAcceptance (SVC-05).
			state = engine.StateAvailable
		}
		i, ok := m.vpc(it.src, "endpoint "+e.VpcEndpointID, e.VpcID)
		if !ok {
			continue
		}
		vpc := &m.s.VPCs[i]
		out := engine.VPCEndpoint{ID: e.VpcEndpointID, VPCEndpointType: e.VpcEndpointType, ServiceName: e.ServiceName, State: state}
		if e.OwnerID != "" && e.OwnerID != vpc.Account {
			out.Account = m.account(it.src, e.OwnerID)
		}
		for j, id := range e.RouteTableIDs {
			if tableVPC[id] != e.VpcID {
				m.note(it.at(".RouteTableIds[%d]", j), "not mapped: route table %s is not an imported table of %s", id, e.VpcID)
				continue
			}
			out.RouteTableIDs = append(out.RouteTableIDs, id)
		}
		for j, id := range e.SubnetIDs {
			if vi, _, ok := m.subnet(id); !ok || vi != i {
				m.note(it.at(".SubnetIds[%d]", j), "not mapped: subnet %s is not an imported subnet of %s", id, e.VpcID)
				continue
			}
			out.SubnetIDs = append(out.SubnetIDs, id)
		}
		for j, g := range e.Groups {
			if vi, ok := m.groups[g.GroupID]; !ok || vi != i {
				m.note(it.at(".Groups[%d]", j), "not mapped: security group %s is not an imported group of %s", g.GroupID, e.VpcID)
				continue
			}
			out.SecurityGroupIDs = append(out.SecurityGroupIDs, g.GroupID)
		}
		for _, id := range e.NetworkInterfaceIDs {
			n, ok := enis[id]
			if !ok || !contains(out.SubnetIDs, n.SubnetID) || n.PrivateIPAddress == "" {
				continue
			}
			if out.IPAddresses == nil {
				out.IPAddresses = map[string]string{}
			}
			out.IPAddresses[n.SubnetID] = n.PrivateIPAddress
			m.coveredENIs[id] = true
		}
		if e.VpcEndpointType == engine.EndpointInterface {
			out.PrivateDNSEnabled = e.PrivateDNSEnabled
			if d := e.DNSOptions; d != nil && d.PrivateDNSOnlyForInboundResolverEndpoint != nil && *d.PrivateDNSOnlyForInboundResolverEndpoint {
				out.PrivateDNSOnlyForInboundResolverEndpoint = d.PrivateDNSOnlyForInboundResolverEndpoint
			}
		}
		if e.VpcEndpointType != engine.EndpointGatewayLoadBalancer {
			out.IPAddressType = e.IPAddressType
		}
		if e.ServiceRegion != "" && e.ServiceRegion != m.s.Region && e.ServiceRegion != vpc.Region {
			out.ServiceRegion = e.ServiceRegion
		}
		out.PolicyDocument = m.policy(it.at(".PolicyDocument"), e.PolicyDocument)
		for _, t := range e.Tags {
			if out.Tags == nil {
				out.Tags = map[string]string{}
			}
			out.Tags[t.Key] = t.Value
		}
		m.endpoints[e.VpcEndpointID] = [2]int{i, len(vpc.Endpoints)}
		vpc.Endpoints = append(vpc.Endpoints, out)
		if out.PrivateDNS() {
			m.inferDNSAttributes(it.src, i, e.VpcEndpointID)
		}
	}
}

// inferDNSAttributes turns on DNS support and hostnames in VPC number i,
// whose interface endpoint has private DNS on: AWS allows that only with
// both attributes on (IF-11), and describe-vpcs does not print them. Values
// from describe-vpc-attribute output are kept as given.
func (m *mapper) inferDNSAttributes(at src, i int, endpoint string) {
	vpc := &m.s.VPCs[i]
	if m.dnsGiven[i] || (vpc.DNSSupport() && vpc.DNSHostnames()) {
		return
	}
	on, on2 := true, true
	vpc.EnableDNSSupport, vpc.EnableDNSHostnames = &on, &on2
	m.note(at, "%s has private DNS on, which AWS allows only with DNS support and DNS hostnames on: both are set on %s (no describe-vpc-attribute output was given)", endpoint, vpc.ID)
}

// policy turns describe-vpc-endpoints' PolicyDocument, a string of JSON,
// into raw JSON; an empty or unreadable document gives nil (full access),
// the latter with a note.
func (m *mapper) policy(at src, doc string) json.RawMessage {
	if strings.TrimSpace(doc) == "" {
		return nil
	}
	var buf bytes.Buffer
	if err := json.Compact(&buf, []byte(doc)); err != nil {
		m.note(at, "not mapped: the policy document is not JSON (%v); the endpoint is mapped with full access", err)
		return nil
	}
	return json.RawMessage(buf.Bytes())
}

// gatewayEndpoint reports whether id is a mapped gateway endpoint of VPC
// number i.
func (m *mapper) gatewayEndpoint(id string, i int) bool {
	at, ok := m.endpoints[id]
	return ok && at[0] == i && m.s.VPCs[i].Endpoints[at[1]].VPCEndpointType == engine.EndpointGateway
}

// addEndpointRouteTable records that a gateway endpoint's route is in a
// table, as its routeTableIds say (GW-01).
func (m *mapper) addEndpointRouteTable(id, table string) {
	at := m.endpoints[id]
	e := &m.s.VPCs[at[0]].Endpoints[at[1]]
	if !contains(e.RouteTableIDs, table) {
		e.RouteTableIDs = append(e.RouteTableIDs, table)
	}
}
