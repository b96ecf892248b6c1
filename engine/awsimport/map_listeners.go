package awsimport

import (
	"slices"

	"privatelink-playground/engine"
)

// geneve is the port and protocol a Gateway Load Balancer exchanges
// traffic with its appliances on; its listeners print no port.
const (
	genevePort     = 6081
	geneveProtocol = "GENEVE"
)

// mapListeners maps describe-listeners into the imported load balancers:
// port and protocol, and the target groups of their forward actions, whose
// targets mapTargets registers. Other actions are noted.
func (m *mapper) mapListeners() {
	for _, it := range m.in.listeners {
		l := it.v
		k, ok := m.elb.byARN[l.LoadBalancerArn]
		if !ok {
			m.note(it.src, "not mapped: listener %s: load balancer %q is not one of the imported load balancers", l.ListenerArn, l.LoadBalancerArn)
			continue
		}
		lb := &m.s.LoadBalancers[k]
		port, protocol := l.Port, l.Protocol
		if lb.Type == "gateway" && port == 0 {
			port, protocol = genevePort, geneveProtocol
			m.note(it.src, "listener %s of %s prints no port (a Gateway Load Balancer takes every packet): mapped as %d/%s, the port and protocol it uses with its appliances", l.ListenerArn, lb.ID, port, protocol)
		}
		if port < 1 || port > 65535 {
			m.note(it.src, "not mapped: listener %s of %s has port %d", l.ListenerArn, lb.ID, port)
			continue
		}
		if slices.ContainsFunc(lb.Listeners, func(x engine.Listener) bool { return x.Port == port }) {
			m.note(it.src, "not mapped: listener %s: %s already has a listener on port %d; the first is kept", l.ListenerArn, lb.ID, port)
			continue
		}
		lb.Listeners = append(lb.Listeners, engine.Listener{Port: port, Protocol: protocol})
		for j, a := range l.DefaultActions {
			m.mapListenerAction(it.at(".DefaultActions[%d]", j), k, a)
		}
	}
}

// mapListenerAction records the target groups a forward action of load
// balancer number k leads to; other actions are noted.
func (m *mapper) mapListenerAction(at src, k int, a ListenerAction) {
	id := m.s.LoadBalancers[k].ID
	if a.Type != "forward" {
		m.note(at, "not mapped: a %s action of %s: only forward actions lead to targets", a.Type, id)
		return
	}
	var arns []string
	if a.TargetGroupArn != "" {
		arns = append(arns, a.TargetGroupArn)
	}
	if a.ForwardConfig != nil {
		for _, g := range a.ForwardConfig.TargetGroups {
			if g.TargetGroupArn != "" && !contains(arns, g.TargetGroupArn) {
				arns = append(arns, g.TargetGroupArn)
			}
		}
	}
	if len(arns) == 0 {
		m.note(at, "not mapped: a forward action of %s names no target group", id)
		return
	}
	if len(arns) > 1 {
		m.note(at, "a forward action of %s splits traffic between %d target groups by weight: the scenario format has no weights, so the targets of every group are registered with %s", id, len(arns), id)
	}
	for _, arn := range arns {
		m.elb.forwards[arn] = append(m.elb.forwards[arn], forward{lb: k, at: at})
	}
}
