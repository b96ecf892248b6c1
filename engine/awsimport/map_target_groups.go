package awsimport

import (
	"slices"
	"strings"
)

// targetGroup is an imported target group with the load balancers it
// serves (indexes in s.LoadBalancers), whether its targets can be mapped,
// and whether a describe-target-health output was tied to it.
type targetGroup struct {
	item[TargetGroup]
	lbs    []int
	usable bool
	tied   bool
}

// name is the group's name, else its ARN.
func (g *targetGroup) name() string { return firstOf(g.v.TargetGroupName, g.v.TargetGroupArn) }

// kind is the group's TargetType, "instance" when it prints none.
func (g *targetGroup) kind() string { return firstOf(g.v.TargetType, "instance") }

// targetGroups lists describe-target-groups, each ARN once in input order, with
// the imported load balancers each serves: those its LoadBalancerArns name
// and those whose listeners forward to it. A group of targets the format
// cannot hold (ip, lambda, alb) or of no imported load balancer is noted,
// as is a forward action to a group that is not in the input.
func (m *mapper) targetGroups() []*targetGroup {
	var list []*targetGroup
	byARN := map[string]*targetGroup{}
	for _, it := range m.in.targetGroups {
		arn := it.v.TargetGroupArn
		switch {
		case arn == "":
			m.note(it.src, "not mapped: target group %q has no TargetGroupArn", it.v.TargetGroupName)
			continue
		case byARN[arn] != nil:
			m.note(it.src, "not mapped: target group %s appears twice; the first is kept", arn)
			continue
		}
		g := &targetGroup{item: it, usable: true}
		list = append(list, g)
		byARN[arn] = g
		for _, lb := range it.v.LoadBalancerArns {
			if k, ok := m.elb.byARN[lb]; ok && !slices.Contains(g.lbs, k) {
				g.lbs = append(g.lbs, k)
			}
		}
		for _, f := range m.elb.forwards[arn] {
			if !slices.Contains(g.lbs, f.lb) {
				g.lbs = append(g.lbs, f.lb)
			}
		}
		switch {
		case g.kind() != "instance":
			g.usable = false
			m.note(it.src, "not mapped: the targets of target group %s are of type %s: the scenario format registers instances only", g.name(), g.kind())
		case len(g.lbs) == 0:
			g.usable = false
			m.note(it.src, "not mapped: target group %s serves none of the imported load balancers", g.name())
		}
	}
	arns := make([]string, 0, len(m.elb.forwards))
	for arn := range m.elb.forwards {
		arns = append(arns, arn)
	}
	slices.Sort(arns)
	for _, arn := range arns {
		if byARN[arn] != nil {
			continue
		}
		for _, f := range m.elb.forwards[arn] {
			m.note(f.at, "not mapped: target group %s is not in the imported describe-target-groups output, so %s gets no targets from it", arn, m.s.LoadBalancers[f.lb].ID)
		}
	}
	return list
}

// targetFits reports whether a registered target could belong to a group:
// its ID has the shape of the group's TargetType, an instance of the import
// is in the group's VPC, and a port it prints is the group's.
func (m *mapper) targetFits(g *targetGroup, d TargetHealthDescription) bool {
	id := d.Target.ID
	switch g.kind() {
	case "instance":
		if !strings.HasPrefix(id, "i-") {
			return false
		}
		if at, ok := m.instances[id]; ok && g.v.VpcID != "" && m.s.VPCs[at[0]].ID != g.v.VpcID {
			return false
		}
	case "ip":
		if strings.HasPrefix(id, "i-") || strings.HasPrefix(id, "arn:") {
			return false
		}
	case "lambda":
		if !strings.Contains(id, ":lambda:") {
			return false
		}
	case "alb":
		if !strings.Contains(id, ":loadbalancer/app/") {
			return false
		}
	}
	return d.Target.Port == 0 || g.v.Port == 0 || d.Target.Port == g.v.Port
}
