package engine

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"privatelink-playground/engine/policy"
)

// createEndpoint is create-vpc-endpoint. The type defaults to Gateway, as
// in AWS. Who may connect to an endpoint service (SVC-03, SVC-04, SVC-10),
// the gateway quotas (GW-12) and everything validation checks (IF-01,
// IF-02, IF-11, IF-12, DNS-08, SVC-09, GW-05 …) can refuse it. The new
// endpoint starts Available (gateway), PendingAcceptance (a service that
// requires acceptance) or Pending (SVC-05).
func (a *applier) createEndpoint(act *Action) {
	i, ok := vpcIndexByID(a.s, act.VPCID)
	if !ok {
		a.refuse(act.VPCID, "VAL-01", "no VPC %q", act.VPCID)
		return
	}
	account, principal, ok := a.performer(act, a.s.VPCs[i].Account, act.VPCID)
	if !ok || !a.ownsVPC(i, account, act.VPCID) {
		return
	}
	typ := act.VPCEndpointType
	if typ == "" {
		typ = EndpointGateway
	}
	id := act.VPCEndpointID
	if id == "" {
		id = newID(a.s, "vpce-", act.VPCID+"|"+act.ServiceName+"|"+strconv.Itoa(a.index)+"|"+strconv.Itoa(a.s.Clock))
	}
	es, ok := a.serviceToConnect(act, i, typ, principal, account, id)
	if !ok {
		return
	}
	if typ == EndpointGateway && !a.gatewayQuota(i, account, id) {
		return
	}
	if !a.checkPolicy(act.PolicyDocument, id) {
		return
	}
	e := VPCEndpoint{
		ID: id, VPCEndpointType: typ, ServiceName: act.ServiceName,
		RouteTableIDs: slices.Clone(act.RouteTableIDs), SubnetIDs: slices.Clone(act.SubnetIDs),
		IPAddresses: maps.Clone(act.IPAddresses), SecurityGroupIDs: slices.Clone(act.SecurityGroupIDs),
		PrivateDNSEnabled: copyBool(act.PrivateDNSEnabled), PrivateDNSOnlyForInboundResolverEndpoint: copyBool(act.PrivateDNSOnlyForInboundResolverEndpoint),
		IPAddressType: act.IPAddressType, ServiceRegion: act.ServiceRegion, PolicyDocument: slices.Clone(act.PolicyDocument),
		StateSince: a.s.Clock,
	}
	dnsDefaulted := typ == EndpointInterface && isServiceNamed(e.ServiceName, "s3") && e.PrivateDNSOnlyForInboundResolverEndpoint == nil && e.PrivateDNS()
	if dnsDefaulted {
		// DNS-08: AWS defaults the option to true, which needs an S3
		// gateway endpoint; without one it is written down as false.
		e.PrivateDNSOnlyForInboundResolverEndpoint = new(hasS3Gateway(&a.s.VPCs[i], ""))
	}
	rule, detail := "SVC-05", "Pending until it is Available"
	switch {
	case typ == EndpointGateway:
		e.State, rule, detail = StateAvailable, "GW-01", "Available: its route tables get the route to the service's prefix list"
	case es != nil && es.AcceptanceRequired:
		e.State, detail = StatePendingAcceptance, "PendingAcceptance until "+es.Account+" accepts or rejects the connection request"
	default:
		e.State = StatePending
	}
	next := cloneScenario(a.s)
	next.VPCs[i].Endpoints = append(next.VPCs[i].Endpoints, e)
	if !a.commit(next, id) {
		return
	}
	a.emit(Event{Resource: id, Kind: KindCreated, Rule: rule, To: e.State,
		Detail: fmt.Sprintf("%s endpoint %s created in %s for %s: %s", typ, id, act.VPCID, act.ServiceName, detail)})
	if dnsDefaulted {
		why := "true: the VPC has an S3 gateway endpoint, which carries the VPC's own S3 traffic"
		if !*e.PrivateDNSOnlyForInboundResolverEndpoint {
			why = "false: the VPC has no S3 gateway endpoint, so VPC traffic to S3 uses this interface endpoint too"
		}
		a.emit(Event{Resource: id, Kind: KindModified, Rule: "DNS-08", Detail: "privateDnsOnlyForInboundResolverEndpoint defaults to " + why})
	}
	for _, sid := range e.SubnetIDs {
		a.emit(Event{Resource: id, Kind: KindInterfaceCreated, Rule: "IF-01", Detail: interfaceDetail(&e, sid, "created")})
	}
	if typ == EndpointGateway {
		a.resetSubnets(i, e.RouteTableIDs, id, "adds its route to")
	}
	j := len(a.s.VPCs[i].Endpoints) - 1
	a.notify(a.s.ConnectionNotifications, NotifyConnect, subjectOf(a.s, i, j))
}

// copyBool copies an optional flag, so the scenario shares no memory with
// the actions.
func copyBool(b *bool) *bool {
	if b == nil {
		return nil
	}
	return new(*b)
}

// serviceToConnect checks the endpoint service a new endpoint names, if it
// names one: it must be Available (SVC-03), allow the principal (SVC-04)
// and serve the subnets' zones (SVC-10). An unknown AWS service is left to
// validation.
func (a *applier) serviceToConnect(act *Action, i int, typ, principal, account, id string) (*EndpointService, bool) {
	parts, ok := splitServiceName(act.ServiceName)
	if !ok || !parts.endpointService || typ == EndpointGateway {
		return nil, true
	}
	es := endpointServiceByID(a.s, parts.serviceID)
	if es == nil {
		a.refuse(id, "VAL-01", "no endpoint service %s", parts.serviceID)
		return nil, false
	}
	if st := EffectiveServiceState(es); st != StateAvailable {
		a.refuse(id, "SVC-03", "endpoint service %s is %s: only an Available service accepts new endpoints", es.ID, st)
		return nil, false
	}
	if _, ok := principalAllowed(es.AllowedPrincipals, principal, account); !ok {
		allowed := "no one (the default)"
		if len(es.AllowedPrincipals) > 0 {
			allowed = strings.Join(es.AllowedPrincipals, ", ")
		}
		a.refuse(id, "SVC-04", "%s is not among the allowed principals of %s: %s", principal, es.ID, allowed)
		return nil, false
	}
	if region := vpcRegionOf(a.s, i); act.ServiceRegion != "" && act.ServiceRegion != region && !slices.Contains(es.SupportedRegions, region) {
		a.refuse(id, "SVC-09", "endpoint service %s in %s does not list %s among its supported Regions, so a VPC there cannot connect", es.ID, act.ServiceRegion, region)
		return nil, false
	}
	if !a.checkZones(i, es, act.SubnetIDs, id) {
		return nil, false
	}
	return es, true
}

// checkPolicy refuses a malformed endpoint policy (POL-05, POL-06).
func (a *applier) checkPolicy(doc []byte, resource string) bool {
	if len(doc) == 0 {
		return true
	}
	if _, err := policy.ParseEndpointPolicy(doc); err != nil {
		rule := "POL-05"
		if pe, ok := err.(*policy.Error); ok && pe.Rule != "" {
			rule = pe.Rule
		}
		a.refuse(resource, rule, "the endpoint policy is refused: %v", err)
		return false
	}
	return true
}

// interfaceDetail describes the network interface of e in subnet sid.
func interfaceDetail(e *VPCEndpoint, sid, what string) string {
	ip := "an address the subnet assigns"
	if a := e.IPAddresses[sid]; a != "" {
		ip = a
	}
	return fmt.Sprintf("the network interface of %s in %s is %s (%s)", e.ID, sid, what, ip)
}

// deleteEndpoint deletes one endpoint of delete-vpc-endpoints: it goes
// through Deleting to Deleted and leaves the scenario, and with it its
// network interfaces, its DNS names, the alias records that named it and
// its own connection notifications (IF-08). A Gateway Load Balancer endpoint that a route
// targets (GWLB-03) and the last S3 gateway endpoint of a VPC whose S3
// interface endpoint answers only the inbound Resolver endpoint (GW-14)
// are refused.
func (a *applier) deleteEndpoint(act *Action, id string) {
	i, j, ok := endpointIndexByID(a.s, id)
	if !ok {
		a.refuse(id, "VAL-01", "no VPC endpoint %q", id)
		return
	}
	e := &a.s.VPCs[i].Endpoints[j]
	account, _, ok := a.performer(act, endpointOwner(a.s, i, e), id)
	if !ok || !a.ownsEndpoint(i, e, account) || !a.deletable(i, e) {
		return
	}
	sub := subjectOf(a.s, i, j)
	notifications := a.s.ConnectionNotifications
	from := endpointStateIn(a.s, e)
	next := cloneScenario(a.s)
	v := &next.VPCs[i]
	v.Endpoints = slices.Delete(v.Endpoints, j, j+1)
	next.ConnectionNotifications = slices.DeleteFunc(next.ConnectionNotifications, func(n ConnectionNotification) bool { return n.Endpoint == id })
	var aliases []string
	for z := range next.HostedZones {
		hz := &next.HostedZones[z]
		hz.Records = slices.DeleteFunc(hz.Records, func(r Record) bool {
			if r.AliasTarget == id {
				aliases = append(aliases, r.Name+" in "+hz.ID)
				return true
			}
			return false
		})
	}
	if !a.commit(next, id) {
		return
	}
	a.emit(Event{Resource: id, Kind: KindState, Rule: "SVC-07", From: from, To: StateDeleting, Detail: id + " is Deleting"})
	for _, sid := range sub.endpoint.SubnetIDs {
		a.emit(Event{Resource: id, Kind: KindInterfaceDeleted, Rule: "IF-08", Detail: interfaceDetail(&sub.endpoint, sid, "deleted")})
	}
	if sub.endpoint.VPCEndpointType == EndpointGateway {
		a.resetSubnets(i, sub.endpoint.RouteTableIDs, id, "removes its route from")
	}
	detail := id + " is Deleted and gone"
	if sub.endpoint.VPCEndpointType == EndpointInterface {
		detail += "; its DNS names no longer resolve to its interfaces"
	}
	if len(aliases) > 0 {
		detail += "; alias records removed: " + strings.Join(aliases, ", ")
	}
	a.emit(Event{Resource: id, Kind: KindDeleted, Rule: "IF-08", From: StateDeleting, To: StateDeleted, Detail: detail})
	a.notify(notifications, NotifyDelete, sub)
}

// deletable refuses to delete a Gateway Load Balancer endpoint that a route
// targets (GWLB-03) or the last S3 gateway endpoint of a VPC with an S3
// interface endpoint whose private DNS serves only the inbound Resolver
// endpoint (GW-14).
func (a *applier) deletable(i int, e *VPCEndpoint) bool {
	v := &a.s.VPCs[i]
	switch {
	case e.VPCEndpointType == EndpointGatewayLoadBalancer:
		for k := range a.s.VPCs {
			for _, rt := range a.s.VPCs[k].RouteTables {
				for _, r := range rt.Routes {
					if r.Target == e.ID {
						a.refuse(e.ID, "GWLB-03", "route table %s has a route to %s: remove it before deleting the endpoint", rt.ID, e.ID)
						return false
					}
				}
			}
		}
	case e.VPCEndpointType == EndpointGateway && isServiceNamed(e.ServiceName, "s3") && !hasS3Gateway(v, e.ID):
		for k := range v.Endpoints {
			if other := &v.Endpoints[k]; inboundOnly(v, other) {
				a.refuse(e.ID, "GW-14", "%s is the last S3 gateway endpoint of %s, and S3 interface endpoint %s has private DNS only for the inbound Resolver endpoint: turn that off first", e.ID, v.ID, other.ID)
				return false
			}
		}
	}
	return true
}
