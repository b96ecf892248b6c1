package terraform

import (
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2/hclwrite"

	"privatelink-playground/engine"
)

// declareFilters names a VPC's security groups and network ACLs. The group
// named "default" and the ACL marked isDefault are the ones AWS creates with
// the VPC: Terraform adopts them with aws_default_security_group and
// aws_default_network_acl.
func (x *exporter) declareFilters(v *engine.VPC) {
	defaultSG := false
	for j := range v.SecurityGroups {
		g := &v.SecurityGroups[j]
		typ := "aws_security_group"
		if g.GroupName == engine.DefaultGroupName && !defaultSG {
			typ, defaultSG = "aws_default_security_group", true
		}
		x.declare(g, kindSG, g.ID, typ)
	}
	defaultACL := false
	for j := range v.NetworkACLs {
		a := &v.NetworkACLs[j]
		typ := "aws_network_acl"
		if a.IsDefault && !defaultACL {
			typ, defaultACL = "aws_default_network_acl", true
		}
		x.declare(a, kindACL, a.ID, typ)
	}
}

// writeSecurityGroups writes a VPC's security groups with inline rules. A
// group whose rules reference, through other groups, back to itself would
// make a dependency cycle that Terraform refuses: such a group is written
// without inline rules, and its rules as aws_vpc_security_group_*_rule
// resources.
func (x *exporter) writeSecurityGroups(v *engine.VPC) {
	for i := range v.SecurityGroups {
		g := &v.SecurityGroups[i]
		r := x.self[g]
		b := x.resource(r)
		if r.typ == "aws_security_group" {
			set(b, "name", str(groupName(g)))
			set(b, "description", str("Security group "+g.ID))
		}
		set(b, "vpc_id", traversal(x.self[v], "id"))
		egress := g.Egress
		allOut := egress == nil
		if allOut {
			egress = []engine.SGRule{{IPProtocol: "-1", CIDRIP: "0.0.0.0/0"}, {IPProtocol: "-1", CIDRIPv6: "::/0"}}
		}
		standalone := x.inSGCycle(g.ID)
		if !standalone {
			for _, rule := range g.Ingress {
				x.inlineSGRule(block(b, "ingress"), g, rule)
			}
			if allOut {
				x.inlineSGRule(block(b, "egress"), g, engine.SGRule{IPProtocol: "-1", CIDRIP: "0.0.0.0/0", CIDRIPv6: "::/0"})
			} else {
				for _, rule := range egress {
					x.inlineSGRule(block(b, "egress"), g, rule)
				}
			}
		}
		set(b, "tags", tags(g.ID, nil))
		if standalone {
			for j, rule := range g.Ingress {
				x.standaloneSGRule(r, g.ID, "ingress", j, rule)
			}
			for j, rule := range egress {
				x.standaloneSGRule(r, g.ID, "egress", j, rule)
			}
		}
	}
}

// groupName is a group's name, its ID when it has none.
func groupName(g *engine.SecurityGroup) string {
	if g.GroupName != "" {
		return g.GroupName
	}
	return g.ID
}

// ports are the from_port and to_port of a rule: all ports for a protocol
// without them ("-1", and tcp or udp left open), -1 (any type or code) for
// ICMP.
func ports(protocol string, from, to *int) (int, int) {
	lo, hi := 0, 65535
	switch protocol {
	case "-1", "all":
		return 0, 0
	case "icmp", "1", "icmpv6", "58":
		lo, hi = -1, -1
	}
	if from != nil {
		lo = *from
	}
	if to != nil {
		hi = *to
	}
	return lo, hi
}

// inlineSGRule writes one ingress or egress block of a security group.
func (x *exporter) inlineSGRule(b *hclwrite.Body, g *engine.SecurityGroup, rule engine.SGRule) {
	from, to := ports(rule.IPProtocol, rule.FromPort, rule.ToPort)
	set(b, "protocol", str(rule.IPProtocol))
	set(b, "from_port", num(from))
	set(b, "to_port", num(to))
	if rule.CIDRIP != "" {
		set(b, "cidr_blocks", strs([]string{rule.CIDRIP}))
	}
	if rule.CIDRIPv6 != "" {
		set(b, "ipv6_cidr_blocks", strs([]string{rule.CIDRIPv6}))
	}
	if rule.PrefixListID != "" {
		set(b, "prefix_list_ids", strs([]string{rule.PrefixListID}))
	}
	switch {
	case rule.GroupID == "":
	case rule.GroupID == g.ID:
		set(b, "self", boolean(true))
	default:
		set(b, "security_groups", x.refsTo(kindSG, []string{rule.GroupID}, "id"))
	}
}

// standaloneSGRule writes one rule as a resource of its own.
func (x *exporter) standaloneSGRule(group ref, id, direction string, i int, rule engine.SGRule) {
	b := x.resource(x.n.fresh("aws_vpc_security_group_"+direction+"_rule", id, direction, strconv.Itoa(i+1)))
	set(b, "security_group_id", traversal(group, "id"))
	set(b, "ip_protocol", str(rule.IPProtocol))
	if rule.IPProtocol != "-1" {
		from, to := ports(rule.IPProtocol, rule.FromPort, rule.ToPort)
		set(b, "from_port", num(from))
		set(b, "to_port", num(to))
	}
	setStr(b, "cidr_ipv4", rule.CIDRIP)
	setStr(b, "cidr_ipv6", rule.CIDRIPv6)
	setStr(b, "prefix_list_id", rule.PrefixListID)
	if rule.GroupID != "" {
		set(b, "referenced_security_group_id", x.refTo(kindSG, rule.GroupID, "id"))
	}
}

// inSGCycle reports whether group id reaches itself through the group
// references of other groups' rules (a group referring to itself is written
// with self = true and makes no cycle).
func (x *exporter) inSGCycle(id string) bool {
	refs := x.sgRefs()
	seen := map[string]bool{}
	var stack []string
	for _, next := range refs[id] {
		stack = append(stack, next)
	}
	for len(stack) > 0 {
		cur := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if cur == id {
			return true
		}
		if seen[cur] {
			continue
		}
		seen[cur] = true
		stack = append(stack, refs[cur]...)
	}
	return false
}

// sgRefs maps each security group ID to the other groups its rules name.
func (x *exporter) sgRefs() map[string][]string {
	if x.sgGraph != nil {
		return x.sgGraph
	}
	x.sgGraph = map[string][]string{}
	for i := range x.s.VPCs {
		for _, g := range x.s.VPCs[i].SecurityGroups {
			for _, rules := range [][]engine.SGRule{g.Ingress, g.Egress} {
				for _, r := range rules {
					if r.GroupID != "" && r.GroupID != g.ID {
						x.sgGraph[g.ID] = append(x.sgGraph[g.ID], r.GroupID)
					}
				}
			}
		}
	}
	return x.sgGraph
}

// writeNetworkACLs writes a VPC's network ACLs with their rules inline and
// the subnets they filter. Subnets without a networkAcl use the default ACL.
func (x *exporter) writeNetworkACLs(v *engine.VPC) {
	for i := range v.NetworkACLs {
		a := &v.NetworkACLs[i]
		r := x.self[a]
		b := x.resource(r)
		if r.typ == "aws_default_network_acl" {
			set(b, "default_network_acl_id", traversal(x.self[v], "default_network_acl_id"))
		} else {
			set(b, "vpc_id", traversal(x.self[v], "id"))
		}
		var subnets []hclwrite.Tokens
		for j := range v.Subnets {
			sn := &v.Subnets[j]
			if sn.NetworkACL == a.ID || (sn.NetworkACL == "" && r.typ == "aws_default_network_acl") {
				subnets = append(subnets, traversal(x.self[sn], "id"))
			}
		}
		if len(subnets) > 0 {
			set(b, "subnet_ids", tuple(subnets))
		}
		for _, e := range a.Entries {
			dir := "ingress"
			if e.Egress {
				dir = "egress"
			}
			x.aclRule(block(b, dir), e)
		}
		set(b, "tags", tags(a.ID, nil))
	}
}

// aclRule writes one numbered rule of a network ACL.
func (x *exporter) aclRule(b *hclwrite.Body, e engine.ACLEntry) {
	from, to := ports(e.IPProtocol, e.FromPort, e.ToPort)
	set(b, "rule_no", num(e.RuleNumber))
	set(b, "action", str(e.RuleAction))
	set(b, "protocol", str(e.IPProtocol))
	if from < 0 {
		set(b, "from_port", num(0))
		set(b, "to_port", num(0))
		set(b, "icmp_type", num(-1))
		set(b, "icmp_code", num(-1))
	} else {
		set(b, "from_port", num(from))
		set(b, "to_port", num(to))
	}
	if strings.Contains(e.CIDRBlock, ":") {
		set(b, "ipv6_cidr_block", str(e.CIDRBlock))
	} else {
		set(b, "cidr_block", str(e.CIDRBlock))
	}
}
