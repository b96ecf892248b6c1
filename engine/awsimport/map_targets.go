package awsimport

import (
	"slices"
	"strconv"
	"strings"

	"privatelink-playground/engine"
)

// healthDoc is one describe-target-health output: the targets registered
// with one target group, which the output does not name.
type healthDoc struct {
	at    src
	items []item[TargetHealthDescription]
}

// mapTargets registers the targets of describe-target-health with the
// load balancers their target group serves, with their health (SVC-01).
// describe-target-groups lists no targets, so a group gets targets only
// from a describe-target-health output tied to it (healthGroup). It runs
// after mapInstances: targets are instances of the load balancer's VPC.
func (m *mapper) mapTargets() {
	groups := m.targetGroups()
	used := map[int][]string{} // load balancer index → groups that gave it targets
	for _, doc := range m.healthDocs() {
		g, ok := m.healthGroup(doc, groups)
		if !ok {
			continue
		}
		g.tied = true
		if !g.usable {
			m.note(doc.at, "not mapped: its %s, of target group %s, which is not mapped", targetCount(len(doc.items)), g.name())
			continue
		}
		for _, it := range doc.items {
			m.registerTarget(g, it, used)
		}
	}
	for _, g := range groups {
		if g.usable && !g.tied {
			m.note(g.src, "target group %s is mapped without targets: describe-target-groups lists none, and no describe-target-health output was tied to it", g.name())
		}
	}
	for k := range m.s.LoadBalancers {
		if names := used[k]; len(names) > 1 {
			id := m.s.LoadBalancers[k].ID
			m.note(m.elb.srcs[k], "the listeners of %s forward to %d target groups (%s): the scenario keeps one list of targets per load balancer, so each listener of %s may reach every one of them", id, len(names), strings.Join(names, ", "), id)
		}
	}
}

// healthDocs groups describe-target-health's targets by the file that
// listed them.
func (m *mapper) healthDocs() []healthDoc {
	var docs []healthDoc
	for _, it := range m.in.targetHealth {
		if n := len(docs); n > 0 && docs[n-1].at.file == it.file {
			docs[n-1].items = append(docs[n-1].items, it)
			continue
		}
		docs = append(docs, healthDoc{at: src{file: it.file, path: "TargetHealthDescriptions"}, items: []item[TargetHealthDescription]{it}})
	}
	return docs
}

// healthGroup ties a describe-target-health output to its target group
// when that is unambiguous: the only imported group, else the only one
// every listed target fits (targetFits), with a note. Otherwise the output
// is noted and its targets are not registered.
func (m *mapper) healthGroup(doc healthDoc, groups []*targetGroup) (*targetGroup, bool) {
	n := len(doc.items)
	if len(groups) == 1 {
		return groups[0], true
	}
	if len(groups) == 0 {
		m.note(doc.at, "not mapped: describe-target-health does not name its target group and no describe-target-groups output is imported, so no load balancer gets its %s", targetCount(n))
		return nil, false
	}
	var fit []*targetGroup
	var names []string
	for _, g := range groups {
		if !slices.ContainsFunc(doc.items, func(it item[TargetHealthDescription]) bool { return !m.targetFits(g, it.v) }) {
			fit = append(fit, g)
			names = append(names, g.name())
		}
	}
	switch len(fit) {
	case 1:
		m.note(doc.at, "tied to target group %s: describe-target-health does not name its group, and %s is the only imported group whose target type, VPC and port fit the output's %s", names[0], names[0], targetCount(n))
		return fit[0], true
	case 0:
		m.note(doc.at, "not mapped: describe-target-health does not name its target group, and none of the %d imported groups fits its targets, so no load balancer gets its %s, whose health is not used", len(groups), targetCount(n))
	default:
		m.note(doc.at, "not mapped: describe-target-health does not name its target group, and %d imported groups fit its targets (%s), so no load balancer gets its %s, whose health is not used; describe-target-groups lists no targets, so those groups get none from this output", len(fit), strings.Join(names, ", "), targetCount(n))
	}
	return nil, false
}

// registerTarget registers one target of group g with the load balancers
// the group serves, once per instance and port, and records which groups
// gave each load balancer targets.
func (m *mapper) registerTarget(g *targetGroup, it item[TargetHealthDescription], used map[int][]string) {
	d := it.v.Target
	healthy, ok := m.targetHealth(it)
	if !ok {
		return
	}
	at, ok := m.instances[d.ID]
	if !ok {
		m.note(it.src, "not mapped: target %q of target group %s is not an imported instance", d.ID, g.name())
		return
	}
	port := d.Port
	if port == 0 {
		port = g.v.Port
	}
	for _, k := range g.lbs {
		lb := &m.s.LoadBalancers[k]
		if vpc := m.s.VPCs[at[0]].ID; vpc != lb.VPC {
			m.note(it.src, "not mapped: target %s is in %s, not in %s of %s", d.ID, vpc, lb.VPC, lb.ID)
			continue
		}
		if !contains(used[k], g.name()) {
			used[k] = append(used[k], g.name())
		}
		if slices.ContainsFunc(lb.Targets, func(t engine.Target) bool { return t.Instance == d.ID && t.Port == port }) {
			continue
		}
		t := engine.Target{Instance: d.ID, Port: port}
		if healthy != nil {
			h := *healthy
			t.Healthy = &h
		}
		lb.Targets = append(lb.Targets, t)
	}
}

// targetHealth maps a target's TargetHealth.State: healthy and unhealthy as
// given, initial as unhealthy (the load balancer does not send to it yet),
// unavailable and unknown states unset (healthy by default), each of the
// latter with a note; a draining or unused target is not registered.
func (m *mapper) targetHealth(it item[TargetHealthDescription]) (*bool, bool) {
	id, th := it.v.Target.ID, it.v.TargetHealth
	yes, no := true, false
	if th == nil {
		m.note(it.src, "target %s has no TargetHealth: its health is left unset (healthy by default)", id)
		return nil, true
	}
	why := firstOf(th.Reason, th.Description, "no reason given")
	switch th.State {
	case "healthy":
		return &yes, true
	case "unhealthy":
		return &no, true
	case "initial":
		m.note(it.at(".TargetHealth"), "target %s is initial (%s): its first health checks are not done and the load balancer does not send to it yet, so it is mapped as unhealthy", id, why)
		return &no, true
	case "unavailable":
		m.note(it.at(".TargetHealth"), "the health of target %s is unavailable (%s): left unset (healthy by default)", id, why)
		return nil, true
	case "draining", "unhealthy.draining":
		m.note(it.at(".TargetHealth"), "not mapped: target %s is %s: it is being deregistered", id, th.State)
		return nil, false
	case "unused":
		m.note(it.at(".TargetHealth"), "not mapped: target %s is unused (%s): the load balancer does not send to it", id, why)
		return nil, false
	}
	m.note(it.at(".TargetHealth"), "target %s has health %q, which the importer does not know: left unset (healthy by default)", id, th.State)
	return nil, true
}

// targetCount is "1 target" or "N targets".
func targetCount(n int) string {
	if n == 1 {
		return "1 target"
	}
	return strconv.Itoa(n) + " targets"
}
