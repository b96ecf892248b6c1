package engine

import (
	"fmt"
	"hash/fnv"
	"slices"
	"strings"
)

// performer resolves who performs act: its account (act.Account, else the
// account of act.Principal, else owner) and principal ARN (act.Principal,
// else the account's root). A principal of another account than the one
// named is refused, and ok is false.
func (a *applier) performer(act *Action, owner, resource string) (account, principal string, ok bool) {
	account, principal = act.Account, act.Principal
	pa := arnAccount(principal)
	switch {
	case account == "" && pa != "":
		account = pa
	case account == "":
		account = owner
	case pa != "" && pa != account:
		a.refuse(resource, "VAL-04", "principal %s is not in account %s", principal, account)
		return "", "", false
	}
	if principal == "" {
		principal = accountRootARN(account)
	}
	return account, principal, true
}

// ownsVPC reports whether account may create, modify or delete endpoints in
// VPC number i: only its owner may. A participant of a shared subnet may
// not (IF-09); any other account does not see the VPC at all.
func (a *applier) ownsVPC(i int, account, resource string) bool {
	vpc := &a.s.VPCs[i]
	if account == vpc.Account {
		return true
	}
	for _, sn := range vpc.Subnets {
		if slices.Contains(sn.SharedWith, account) {
			a.refuse(resource, "IF-09", "account %s is a participant of shared subnet %s of %s (owned by %s): a participant can use endpoints there but not create, modify or delete them", account, sn.ID, vpc.ID, vpc.Account)
			return false
		}
	}
	a.refuse(resource, "VAL-01", "account %s has no VPC %s (it belongs to %s)", account, vpc.ID, vpc.Account)
	return false
}

// ownsEndpoint reports whether account may modify or delete endpoint e of
// VPC number i (IF-09).
func (a *applier) ownsEndpoint(i int, e *VPCEndpoint, account string) bool {
	if owner := endpointOwner(a.s, i, e); owner != a.s.VPCs[i].Account && account == owner {
		return true
	}
	return a.ownsVPC(i, account, e.ID)
}

// principalAllowed reports whether an endpoint service's allowed principals
// let principal (of account) create an endpoint (SVC-04), and the entry
// that allows it: "*", the principal's own ARN, or its account's root ARN
// (or bare ID), which stands for every principal of the account.
func principalAllowed(allowed []string, principal, account string) (string, bool) {
	for _, p := range allowed {
		switch {
		case p == "*", p == principal, account != "" && p == account:
			return p, true
		case strings.HasSuffix(p, ":root") && strings.HasPrefix(p, "arn:") && arnAccount(p) == account && account != "":
			return p, true
		}
	}
	return "", false
}

// serviceZones returns the Availability Zones of an endpoint service: those
// of its load balancers' subnets (SVC-10).
func serviceZones(s *Scenario, es *EndpointService) []string {
	var zones []string
	for _, id := range es.LoadBalancers {
		lb := loadBalancerByID(s, id)
		if lb == nil {
			continue
		}
		for _, sid := range lb.Subnets {
			if sn := subnetByID(s, sid); sn != nil && !slices.Contains(zones, sn.AvailabilityZone) {
				zones = append(zones, sn.AvailabilityZone)
			}
		}
	}
	slices.Sort(zones)
	return zones
}

// checkZones refuses subnets of VPC number i in Availability Zones where the
// endpoint service is not available (SVC-10). A service in another Region
// is not checked: Availability Zones of two Regions do not compare (SVC-09
// decides).
func (a *applier) checkZones(i int, es *EndpointService, subnets []string, resource string) bool {
	if es == nil || serviceRegionOf(a.s, es) != vpcRegionOf(a.s, i) {
		return true
	}
	zones := serviceZones(a.s, es)
	for _, sid := range subnets {
		sn := subnetOfVPC(&a.s.VPCs[i], sid)
		if sn == nil || slices.Contains(zones, sn.AvailabilityZone) {
			continue // an unknown subnet is refused by validation (VAL-01)
		}
		a.refuse(resource, "SVC-10", "subnet %s is in %s, but endpoint service %s is available only in %s (the zones of its load balancers)", sid, sn.AvailabilityZone, es.ID, strings.Join(zones, ", "))
		return false
	}
	return true
}

// loadBalancerByID returns the load balancer with the ID, or nil.
func loadBalancerByID(s *Scenario, id string) *LoadBalancer {
	for i := range s.LoadBalancers {
		if s.LoadBalancers[i].ID == id {
			return &s.LoadBalancers[i]
		}
	}
	return nil
}

// subnetByID returns the subnet with the ID in any VPC, or nil.
func subnetByID(s *Scenario, id string) *Subnet {
	for i := range s.VPCs {
		if sn := subnetOfVPC(&s.VPCs[i], id); sn != nil {
			return sn
		}
	}
	return nil
}

// subnetOfVPC returns the subnet of a VPC with the ID, or nil.
func subnetOfVPC(v *VPC, id string) *Subnet {
	for i := range v.Subnets {
		if v.Subnets[i].ID == id {
			return &v.Subnets[i]
		}
	}
	return nil
}

// mainRouteTableOf is the ID of a VPC's main route table: the one marked main,
// else the first (Normalize).
func mainRouteTableOf(v *VPC) string {
	for _, rt := range v.RouteTables {
		if rt.Main {
			return rt.ID
		}
	}
	if len(v.RouteTables) > 0 {
		return v.RouteTables[0].ID
	}
	return MainRouteTableID(v.ID)
}

// resetSubnets logs the reset of open TCP connections from every subnet of
// VPC number i whose route table is among tables: a gateway endpoint's
// routes changed under them (GW-11).
func (a *applier) resetSubnets(i int, tables []string, endpointID, what string) {
	v := &a.s.VPCs[i]
	main := mainRouteTableOf(v)
	for _, sn := range v.Subnets {
		rt := sn.RouteTable
		if rt == "" {
			rt = main
		}
		if slices.Contains(tables, rt) {
			a.emit(Event{Resource: sn.ID, Kind: KindReset, Rule: "GW-11",
				Detail: fmt.Sprintf("open TCP connections from %s are reset: %s %s the routes of %s; they are not resumed", sn.ID, endpointID, what, rt)})
		}
	}
}

// gatewayQuota refuses a new gateway endpoint in VPC number i beyond the
// quotas: per Region per account (default 20, raised by
// quotas.gatewayEndpointsPerRegion) and per VPC (255) (GW-12).
func (a *applier) gatewayQuota(i int, account, resource string) bool {
	perRegion, perVPC := gatewayQuotas(a.s.Quotas)
	region := vpcRegionOf(a.s, i)
	inRegion, inVPC := 0, 0
	for k := range a.s.VPCs {
		for _, e := range a.s.VPCs[k].Endpoints {
			if e.VPCEndpointType != EndpointGateway {
				continue
			}
			if k == i {
				inVPC++
			}
			if vpcRegionOf(a.s, k) == region && endpointOwner(a.s, k, &e) == account {
				inRegion++
			}
		}
	}
	switch {
	case inRegion >= perRegion:
		a.refuse(resource, "GW-12", "account %s already has %d gateway endpoints in %s, the quota (quotas.gatewayEndpointsPerRegion may raise it)", account, inRegion, region)
		return false
	case inVPC >= perVPC:
		a.refuse(resource, "GW-12", "%s already has %d gateway endpoints, the most a VPC may have", a.s.VPCs[i].ID, inVPC)
		return false
	}
	return true
}

// inboundOnly reports whether an endpoint of VPC v has private DNS only for
// the inbound Resolver endpoint: as set, else by default when it is an S3
// interface endpoint with private DNS in a VPC with an S3 gateway endpoint
// (DNS-08, Normalize).
func inboundOnly(v *VPC, e *VPCEndpoint) bool {
	if e.VPCEndpointType != EndpointInterface || !isServiceNamed(e.ServiceName, "s3") {
		return false
	}
	if e.PrivateDNSOnlyForInboundResolverEndpoint != nil {
		return *e.PrivateDNSOnlyForInboundResolverEndpoint
	}
	return e.PrivateDNS() && hasS3Gateway(v, "")
}

// hasS3Gateway reports whether VPC v has an S3 gateway endpoint other than
// the one with ID except.
func hasS3Gateway(v *VPC, except string) bool {
	return slices.ContainsFunc(v.Endpoints, func(e VPCEndpoint) bool {
		return e.ID != except && e.VPCEndpointType == EndpointGateway && isServiceNamed(e.ServiceName, "s3")
	})
}

// newID returns a deterministic, unused ID with the prefix: 17 hexadecimal
// digits, like AWS's, hashed from the seed.
func newID(s *Scenario, prefix, seed string) string {
	for n := 0; ; n++ {
		h := fnv.New64a()
		fmt.Fprintf(h, "%s|%s|%d", prefix, seed, n)
		id := fmt.Sprintf("%s%017x", prefix, h.Sum64())
		if !idInUse(s, id) {
			return id
		}
	}
}

// idInUse reports whether an endpoint or endpoint service has the ID.
func idInUse(s *Scenario, id string) bool {
	if _, _, ok := endpointIndexByID(s, id); ok {
		return true
	}
	return endpointServiceByID(s, id) != nil
}
