package awsimport

import (
	"strings"

	"privatelink-playground/engine"
)

// protocolName maps an AWS protocol (a name or an IANA number) to the
// scenario's: "tcp", "udp", "icmp" or "-1" for all. Others (ICMPv6, ESP, …)
// are not in the scenario format.
func protocolName(p string) (string, bool) {
	switch strings.ToLower(p) {
	case "-1", "all":
		return "-1", true
	case "tcp", "6":
		return "tcp", true
	case "udp", "17":
		return "udp", true
	case "icmp", "1":
		return "icmp", true
	}
	return "", false
}

// intPtr returns a pointer to a copy of n.
func intPtr(n int) *int { return &n }

// portRange returns the scenario's ports for a protocol and AWS's bounds:
// TCP and UDP get a range (all ports when AWS gives none or -1), ICMP keeps
// type and code as AWS gives them, "-1" has none.
func portRange(proto string, from, to *int) (*int, *int) {
	switch proto {
	case "tcp", "udp":
		if from == nil || to == nil || *from < 0 || *to < 0 {
			return intPtr(0), intPtr(65535)
		}
		return intPtr(*from), intPtr(*to)
	case "icmp":
		var f, t *int
		if from != nil {
			f = intPtr(*from)
		}
		if to != nil {
			t = intPtr(*to)
		}
		return f, t
	}
	return nil, nil
}

// mapSecurityGroups maps describe-security-groups into their VPCs: one
// scenario rule per source or destination of each AWS permission.
func (m *mapper) mapSecurityGroups() {
	var mapped []item[SecurityGroup]
	for _, it := range m.in.securityGroups {
		g := it.v
		if _, dup := m.groups[g.GroupID]; dup || g.GroupID == "" {
			m.note(it.src, "not mapped: security group %q appears twice or has no GroupId", g.GroupID)
			continue
		}
		i, ok := m.vpc(it.src, "security group "+g.GroupID, g.VpcID)
		if !ok {
			continue
		}
		m.groups[g.GroupID] = i
		mapped = append(mapped, it)
	}
	for _, it := range mapped {
		g := it.v
		i := m.groups[g.GroupID]
		sg := engine.SecurityGroup{ID: g.GroupID, GroupName: g.GroupName, Ingress: m.sgRules(it.at(".IpPermissions"), g.IPPermissions, i)}
		if g.IPPermissionsEgress != nil {
			sg.Egress = m.sgRules(it.at(".IpPermissionsEgress"), g.IPPermissionsEgress, i)
			if len(sg.Egress) == 0 {
				m.note(it.at(".IpPermissionsEgress"), "security group %s has no egress rules, so AWS lets nothing out; the scenario keeps an empty egress list (\"egress\": []), not an omitted one, which would allow all", g.GroupID)
			}
		}
		m.s.VPCs[i].SecurityGroups = append(m.s.VPCs[i].SecurityGroups, sg)
	}
}

// sgRules maps the permissions of one direction of a group of VPC number i.
func (m *mapper) sgRules(at src, perms []IPPermission, i int) []engine.SGRule {
	rules := []engine.SGRule{}
	for j, p := range perms {
		pat := at.at("[%d]", j)
		proto, ok := protocolName(p.IPProtocol)
		if !ok {
			m.note(pat, "not mapped: protocol %q (the scenario format knows tcp, udp, icmp and all)", p.IPProtocol)
			continue
		}
		rule := func() engine.SGRule {
			from, to := portRange(proto, p.FromPort, p.ToPort)
			return engine.SGRule{IPProtocol: proto, FromPort: from, ToPort: to}
		}
		for _, r := range p.IPRanges {
			x := rule()
			x.CIDRIP = r.CidrIP
			rules = append(rules, x)
		}
		for _, r := range p.Ipv6Ranges {
			x := rule()
			x.CIDRIPv6 = r.CidrIpv6
			rules = append(rules, x)
		}
		for _, r := range p.PrefixListIDs {
			x := rule()
			x.PrefixListID = r.PrefixListID
			rules = append(rules, x)
		}
		for k, r := range p.UserIDGroupPairs {
			if _, known := m.groups[r.GroupID]; !known {
				m.note(pat.at(".UserIdGroupPairs[%d]", k), "not mapped: security group %s (account %s) is not in the imported groups", r.GroupID, r.UserID)
				continue
			}
			x := rule()
			x.GroupID = r.GroupID
			rules = append(rules, x)
		}
	}
	return rules
}
