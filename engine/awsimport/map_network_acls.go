package awsimport

import "privatelink-playground/engine"

// impliedDenyRule is the number of AWS's final "*" rule, which denies what
// no other rule matched; 32768 is its IPv6 twin. The scenario implies both.
const impliedDenyRule = 32767

// mapNetworkACLs maps describe-network-acls into their VPCs and sets each
// associated subnet's networkAcl.
func (m *mapper) mapNetworkACLs() {
	for _, it := range m.in.networkACLs {
		a := it.v
		if _, dup := m.acls[a.NetworkACLID]; dup || a.NetworkACLID == "" {
			m.note(it.src, "not mapped: network ACL %q appears twice or has no NetworkAclId", a.NetworkACLID)
			continue
		}
		i, ok := m.vpc(it.src, "network ACL "+a.NetworkACLID, a.VpcID)
		if !ok {
			continue
		}
		acl := engine.NetworkACL{ID: a.NetworkACLID, IsDefault: a.IsDefault, Entries: []engine.ACLEntry{}}
		for j, e := range a.Entries {
			if entry, ok := m.aclEntry(it.at(".Entries[%d]", j), e); ok {
				acl.Entries = append(acl.Entries, entry)
			}
		}
		m.acls[a.NetworkACLID] = i
		m.s.VPCs[i].NetworkACLs = append(m.s.VPCs[i].NetworkACLs, acl)
		for j, as := range a.Associations {
			vi, si, ok := m.subnet(as.SubnetID)
			switch {
			case !ok:
				m.note(it.at(".Associations[%d]", j), "not mapped: association of %s with subnet %s, which is not imported", a.NetworkACLID, as.SubnetID)
			case vi != i:
				m.note(it.at(".Associations[%d]", j), "not mapped: subnet %s is not in %s's VPC", as.SubnetID, a.NetworkACLID)
			default:
				m.s.VPCs[vi].Subnets[si].NetworkACL = a.NetworkACLID
			}
		}
	}
}

// aclEntry maps one entry; AWS's implied final deny is skipped.
func (m *mapper) aclEntry(at src, e NetworkACLEntry) (engine.ACLEntry, bool) {
	cidr := e.CidrBlock
	if cidr == "" {
		cidr = e.Ipv6CidrBlock
	}
	if e.RuleNumber >= impliedDenyRule {
		if e.RuleAction != "deny" || (cidr != "0.0.0.0/0" && cidr != "::/0") {
			m.note(at, "not mapped: rule %d is not AWS's implied final deny, and numbers above 32766 are AWS's", e.RuleNumber)
		}
		return engine.ACLEntry{}, false
	}
	proto, ok := protocolName(e.Protocol)
	if !ok {
		m.note(at, "not mapped: rule %d (%s) has protocol %q, which the scenario format does not know; without it the rules after it decide", e.RuleNumber, e.RuleAction, e.Protocol)
		return engine.ACLEntry{}, false
	}
	entry := engine.ACLEntry{RuleNumber: e.RuleNumber, Egress: e.Egress, IPProtocol: proto, CIDRBlock: cidr, RuleAction: e.RuleAction}
	switch proto {
	case "tcp", "udp":
		var from, to *int
		if e.PortRange != nil {
			from, to = e.PortRange.From, e.PortRange.To
		}
		entry.FromPort, entry.ToPort = portRange(proto, from, to)
	case "icmp":
		if e.IcmpTypeCode != nil {
			entry.FromPort, entry.ToPort = portRange(proto, e.IcmpTypeCode.Type, e.IcmpTypeCode.Code)
		}
	}
	return entry, true
}
