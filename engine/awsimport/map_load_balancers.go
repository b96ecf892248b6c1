package awsimport

import (
	"fmt"
	"strings"

	"privatelink-playground/engine"
)

// lbIndex records what mapping load balancers and their listeners found,
// for the endpoint services and targets mapped after them.
type lbIndex struct {
	byARN map[string]int  // load balancer ARN → index in s.LoadBalancers
	srcs  []src           // index in s.LoadBalancers → where it was read
	arns  []string        // index in s.LoadBalancers → its ARN
	seen  map[string]bool // load balancer ARNs read, mapped or not
	ids   map[string]bool // scenario IDs given to load balancers
	// forwards holds, by target group ARN, the forward actions of mapped
	// listeners that lead to the group.
	forwards map[string][]forward
}

// forward is a listener's forward action to a target group: the load
// balancer's index in s.LoadBalancers and where the action was read.
type forward struct {
	lb int
	at src
}

// newLBIndex returns an empty index.
func newLBIndex() lbIndex {
	return lbIndex{byARN: map[string]int{}, seen: map[string]bool{}, ids: map[string]bool{}, forwards: map[string][]forward{}}
}

// mapLoadBalancers maps describe-load-balancers' Network and Gateway Load
// Balancers with their imported subnets; listeners follow in mapListeners
// and targets in mapTargets. What the scenario format does not hold
// (Application Load Balancers, node addresses, security groups, the public
// side of an internet-facing load balancer) is noted.
func (m *mapper) mapLoadBalancers() {
	for _, it := range m.in.loadBalancers {
		b := it.v
		what := "load balancer " + firstOf(b.LoadBalancerName, b.LoadBalancerArn)
		switch {
		case b.LoadBalancerArn == "":
			m.note(it.src, "not mapped: %s has no LoadBalancerArn", what)
			continue
		case m.elb.seen[b.LoadBalancerArn]:
			m.note(it.src, "not mapped: %s appears twice; the first is kept", what)
			continue
		}
		m.elb.seen[b.LoadBalancerArn] = true
		if reason := lbTypeProblem(b.Type); reason != "" {
			m.note(it.src, "not mapped: %s %s", what, reason)
			continue
		}
		switch code := lbState(b); code {
		case "", "active":
		case "provisioning", "active_impaired":
			m.note(it.src, "%s is %s: mapped as if active", what, code)
		default:
			m.note(it.src, "not mapped: %s is %s", what, code)
			continue
		}
		i, ok := m.vpc(it.src, what, b.VpcID)
		if !ok {
			continue
		}
		subnets := m.lbSubnets(it, i)
		if len(subnets) == 0 {
			m.note(it.src, "not mapped: %s has no imported subnet of %s", what, b.VpcID)
			continue
		}
		id, ok := m.lbID(it)
		if !ok {
			continue
		}
		m.noteLBExtras(it, what)
		m.elb.byARN[b.LoadBalancerArn] = len(m.s.LoadBalancers)
		m.elb.srcs = append(m.elb.srcs, it.src)
		m.elb.arns = append(m.elb.arns, b.LoadBalancerArn)
		m.elb.ids[id] = true
		m.s.LoadBalancers = append(m.s.LoadBalancers, engine.LoadBalancer{ID: id, Type: b.Type, VPC: b.VpcID, Subnets: subnets})
	}
}

// lbTypeProblem says why a load balancer of this Type cannot be mapped, or "".
func lbTypeProblem(kind string) string {
	switch kind {
	case "network", "gateway":
		return ""
	case "application":
		return "is an Application Load Balancer: the scenario format has Network and Gateway Load Balancers only, the ones an endpoint service can front"
	}
	return fmt.Sprintf("is of Type %q: the scenario format has network and gateway load balancers only", kind)
}

// lbState returns a load balancer's State.Code, or "".
func lbState(b LoadBalancer) string {
	if b.State == nil {
		return ""
	}
	return b.State.Code
}

// lbSubnets returns the imported subnets of VPC number i that a load
// balancer is enabled in, noting the others and the node addresses, which
// the playground picks itself.
func (m *mapper) lbSubnets(it item[LoadBalancer], i int) []string {
	subnets := []string{}
	for j, z := range it.v.AvailabilityZones {
		at := it.at(".AvailabilityZones[%d]", j)
		if vi, _, ok := m.subnet(z.SubnetID); !ok || vi != i {
			m.note(at, "not mapped: subnet %q (%s) is not an imported subnet of %s", z.SubnetID, z.ZoneName, it.v.VpcID)
			continue
		}
		if !contains(subnets, z.SubnetID) {
			subnets = append(subnets, z.SubnetID)
		}
		for k, a := range z.LoadBalancerAddresses {
			if addr := firstOf(a.PrivateIPv4Address, a.IPAddress, a.IPv6Address); addr != "" {
				m.note(at.at(".LoadBalancerAddresses[%d]", k), "not mapped: node address %s: the playground gives each load balancer node an address of its own in its subnet", addr)
			}
		}
	}
	return subnets
}

// noteLBExtras notes what of a mapped load balancer the scenario format
// does not hold: its public side, security groups and IPv6 nodes.
func (m *mapper) noteLBExtras(it item[LoadBalancer], what string) {
	b := it.v
	if b.Scheme == "internet-facing" {
		m.note(it.src, "%s is internet-facing: the scenario format has no public side for load balancers, so it is mapped as an internal one", what)
	}
	if len(b.SecurityGroups) > 0 {
		m.note(it.at(".SecurityGroups"), "not mapped: security groups %s of %s: the scenario format has none on load balancers", strings.Join(b.SecurityGroups, ", "), what)
	}
	if b.IPAddressType != "" && b.IPAddressType != "ipv4" {
		m.note(it.src, "%s has IpAddressType %s: mapped with IPv4 nodes only", what, b.IPAddressType)
	}
}
