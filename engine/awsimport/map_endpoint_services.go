package awsimport

import (
	"slices"
	"strings"

	"privatelink-playground/engine"
)

// svcIndex records the mapped endpoint services, for their permissions and
// for the endpoints that connect to them.
type svcIndex struct {
	byID   map[string]int  // service ID → index in s.EndpointServices
	byName map[string]int  // the name the scenario derives (SVC-02) → index
	seen   map[string]bool // service IDs read, mapped or not
}

// newSvcIndex returns an empty index.
func newSvcIndex() svcIndex {
	return svcIndex{byID: map[string]int{}, byName: map[string]int{}, seen: map[string]bool{}}
}

// serviceStates are the service states of the scenario format (SVC-03);
// Available is its default.
var serviceStates = []string{"Pending", "Available", "Failed", "Deleting", "Deleted"}

// mapEndpointServices maps describe-vpc-endpoint-service-configurations
// into endpoint services fronting the imported load balancers (SVC-01),
// owned by the account of their load balancers' ARNs. Allowed principals
// follow in mapServicePermissions.
func (m *mapper) mapEndpointServices() {
	for _, it := range m.in.serviceConfigs {
		c := it.v
		what := "endpoint service " + c.ServiceID
		switch {
		case !strings.HasPrefix(c.ServiceID, "vpce-svc-"):
			m.note(it.src, "not mapped: endpoint service %q (%s): its ServiceId does not start with vpce-svc-", c.ServiceID, c.ServiceName)
			continue
		case m.svc.seen[c.ServiceID]:
			m.note(it.src, "not mapped: %s appears twice; the first is kept", what)
			continue
		}
		m.svc.seen[c.ServiceID] = true
		state := ""
		switch {
		case c.ServiceState == "" || c.ServiceState == "Available":
		case contains(serviceStates, c.ServiceState):
			state = c.ServiceState
		default:
			m.note(it.src, "not mapped: %s is %s, a state the scenario format does not have", what, c.ServiceState)
			continue
		}
		lbs := m.serviceLoadBalancers(it)
		if len(lbs) == 0 {
			m.note(it.src, "not mapped: none of the load balancers of %s is imported (describe-load-balancers of its account gives them)", what)
			continue
		}
		first := m.s.LoadBalancers[lbs[0]]
		es := engine.EndpointService{ID: c.ServiceID, AcceptanceRequired: c.AcceptanceRequired, State: state}
		es.Account = m.lbAccount(it.src, m.elb.arns[lbs[0]])
		for _, k := range lbs {
			es.LoadBalancers = append(es.LoadBalancers, m.s.LoadBalancers[k].ID)
		}
		region := firstOf(m.s.VPCs[m.vpcs[first.VPC]].Region, m.s.Region)
		name := "com.amazonaws.vpce." + region + "." + c.ServiceID
		if c.ServiceName != "" && c.ServiceName != name {
			m.note(it.src, "%s is named %s, but the scenario derives its name from the Region of its load balancer's VPC: %s (SVC-02)", what, c.ServiceName, name)
		}
		m.mapServiceOptions(it, &es, region)
		m.svc.byID[c.ServiceID] = len(m.s.EndpointServices)
		m.svc.byName[name] = len(m.s.EndpointServices)
		m.s.EndpointServices = append(m.s.EndpointServices, es)
	}
}

// serviceLoadBalancers returns the indexes of the imported load balancers
// a service fronts, noting those not imported or listed as the wrong type.
func (m *mapper) serviceLoadBalancers(it item[ServiceConfiguration]) []int {
	var out []int
	add := func(key, kind string, arns []string) {
		for j, arn := range arns {
			at := it.at(".%s[%d]", key, j)
			k, ok := m.elb.byARN[arn]
			switch {
			case !ok:
				m.note(at, "not mapped: load balancer %s is not one of the imported load balancers", arn)
			case m.s.LoadBalancers[k].Type != kind:
				m.note(at, "not mapped: %s is a %s load balancer, not a %s one", m.s.LoadBalancers[k].ID, m.s.LoadBalancers[k].Type, kind)
			case !slices.Contains(out, k):
				out = append(out, k)
			}
		}
	}
	add("NetworkLoadBalancerArns", "network", it.v.NetworkLoadBalancerArns)
	add("GatewayLoadBalancerArns", "gateway", it.v.GatewayLoadBalancerArns)
	return out
}

// lbAccount returns the account of a load balancer's ARN and records it;
// an ARN without a 12-digit account gives the fallback account, with a
// note.
func (m *mapper) lbAccount(at src, arn string) string {
	if parts, ok := parseELBARN(arn); ok && accountPattern.MatchString(parts.account) {
		m.accounts[parts.account] = true
		return parts.account
	}
	fb := m.fallbackAccount()
	m.note(at, "the ARN %s names no 12-digit account: the service is mapped to account %s", arn, fb)
	m.accounts[fb] = true
	return fb
}

// mapServiceOptions maps a service's private DNS name (once verified), IP
// address types and supported Regions other than its own Region, and notes
// what the scenario format does not hold.
func (m *mapper) mapServiceOptions(it item[ServiceConfiguration], es *engine.EndpointService, region string) {
	c := it.v
	if c.PrivateDNSName != "" {
		if cfg := c.PrivateDNSNameConfiguration; cfg != nil && cfg.State != "" && cfg.State != "verified" {
			m.note(it.at(".PrivateDnsNameConfiguration"), "not mapped: private DNS name %s is %s, not verified: consumers' endpoints cannot use it yet", c.PrivateDNSName, cfg.State)
		} else {
			es.PrivateDNSName = c.PrivateDNSName
		}
	}
	for j, t := range c.SupportedIPAddressTypes {
		if t != engine.IPAddressTypeIPv4 && t != engine.IPAddressTypeIPv6 {
			m.note(it.at(".SupportedIpAddressTypes[%d]", j), "not mapped: IP address type %q", t)
			continue
		}
		es.SupportedIPAddressTypes = append(es.SupportedIPAddressTypes, t)
	}
	for j, r := range c.SupportedRegions {
		switch {
		case r.Region == region || r.Region == "":
		case r.ServiceState != "" && r.ServiceState != "Available":
			m.note(it.at(".SupportedRegions[%d]", j), "not mapped: Region %s is %s for %s", r.Region, r.ServiceState, c.ServiceID)
		case !contains(es.SupportedRegions, r.Region):
			es.SupportedRegions = append(es.SupportedRegions, r.Region)
		}
	}
	if c.ManagesVpcEndpoints {
		m.note(it.src, "%s manages its own VPC endpoints (ManagesVpcEndpoints): the scenario format does not model that, so its endpoints are mapped like any other", c.ServiceID)
	}
	if c.PayerResponsibility != "" {
		m.note(it.src, "not mapped: PayerResponsibility %s of %s: the scenario format does not say who pays for endpoints", c.PayerResponsibility, c.ServiceID)
	}
}
